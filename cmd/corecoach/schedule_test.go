package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"corecoach/storage"

	ical "github.com/arran4/golang-ical"
)

// schedule --ics through the command: the routine run would start (the one
// done last), a routine file's times and days, -o, and usage errors.
func TestScheduleCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "sub", "corecoach.db")
	monday := time.Date(2026, 3, 9, 8, 0, 0, 0, time.UTC)
	schedule := func(args ...string) cmdResult {
		var out, errb bytes.Buffer
		code := runAt(monday, append([]string{"--db", db, "schedule"}, args...), &out, &errb)
		return cmdResult{code, out.String(), errb.String()}
	}
	events := func(t *testing.T, data string) []*ical.VEvent {
		t.Helper()
		cal, err := ical.ParseCalendar(strings.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		return cal.Events()
	}

	r := schedule("--ics")
	if r.code != 0 {
		t.Fatalf("no database: exit %d %q", r.code, r.stderr)
	}
	if ev := events(t, r.stdout); len(ev) != 1 || ev[0].Id() != "core-basics-0800@corecoach" {
		t.Errorf("no database: want one core-basics event at 08:00:\n%s", r.stdout)
	}
	if _, err := os.Stat(filepath.Dir(db)); !os.IsNotExist(err) {
		t.Error("schedule created the database or its folder")
	}

	file := filepath.Join(dir, "desk.yaml")
	if err := os.WriteFile(file, []byte("corecoach: 1\nid: desk\nname: Desk\nschedule: [tue, thu]\nat: [\"15:00\", \"10:30\"]\nexercises:\n  - use: plank\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ics := filepath.Join(dir, "out.ics")
	if r := schedule("--ics", "--at", "18:00", "-o", ics, file, "core-basics", file); r.code != 0 || r.stdout != "" {
		t.Fatalf("-o: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	data, err := os.ReadFile(ics)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ev := range events(t, string(data)) {
		got = append(got, ev.Id()+" "+ev.GetProperty("DTSTART").Value+" "+ev.GetProperty("RRULE").Value)
	}
	want := []string{
		"desk-1030@corecoach 20260310T103000 FREQ=WEEKLY;BYDAY=TU,TH",
		"desk-1500@corecoach 20260310T150000 FREQ=WEEKLY;BYDAY=TU,TH",
		"core-basics-1800@corecoach 20260309T180000 FREQ=DAILY",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("events (a routine named twice counts once):\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// With a database, the routine done last.
	s, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	sess := storage.Session{ID: storage.NewSessionID(monday), Routine: storage.RoutineRef{ID: "desk-break"}, StartedAt: monday,
		Zone: "UTC", Status: storage.StatusCompleted}
	if err := s.SaveSession(sess); err != nil {
		t.Fatal(err)
	}
	if r := schedule("--ics"); r.code != 0 || !strings.Contains(r.stdout, "UID:desk-break-") {
		t.Errorf("last routine: exit %d %q %q", r.code, r.stdout, r.stderr)
	}

	for _, args := range [][]string{{}, {"--ics", "--at", "7:30"}, {"--ics", "--at", "24:00"}} {
		if r := schedule(args...); r.code != 2 || r.stdout != "" || r.stderr == "" {
			t.Errorf("schedule %q: exit %d %q %q, want a usage error", args, r.code, r.stdout, r.stderr)
		}
	}
}
