package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"corecoach/storage"
)

// today in each state through the command: nothing (no database, which it
// does not create), due, done; --json carries the same.
func TestTodayCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "sub", "corecoach.db")
	monday := time.Date(2026, 3, 9, 8, 0, 0, 0, time.UTC)
	today := func(at time.Time, args ...string) cmdResult {
		var out, errb bytes.Buffer
		code := runAt(at, append([]string{"--db", db, "today"}, args...), &out, &errb)
		return cmdResult{code, out.String(), errb.String()}
	}
	if r := today(monday); r.code != 0 || r.stdout != "no sessions yet · core-basics due\n" {
		t.Errorf("no database: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	if _, err := os.Stat(filepath.Dir(db)); !os.IsNotExist(err) {
		t.Error("today created the database or its folder")
	}
	s, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	sunday := monday.Add(-24 * time.Hour)
	for _, start := range []time.Time{sunday, monday} {
		sess := storage.Session{ID: storage.NewSessionID(start), Routine: storage.RoutineRef{ID: "core-basics"}, StartedAt: start,
			Zone: "UTC", Status: storage.StatusCompleted, PainBefore: intp(3), PainAfter: intp(2)}
		if err := s.SaveSession(sess); err != nil {
			t.Fatal(err)
		}
	}
	if r := today(monday.Add(12 * time.Hour)); r.code != 0 || r.stdout != "✓ done · streak 2 · pain 3→2 today\n" {
		t.Errorf("done: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	tuesday := monday.Add(24 * time.Hour)
	if r := today(tuesday); r.code != 0 || r.stdout != "core-basics due · streak 2 · pain 3→2 yesterday\n" {
		t.Errorf("due: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	r := today(tuesday, "--json")
	var got map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil || r.code != 0 {
		t.Fatalf("--json: %v %q", err, r.stdout)
	}
	want := map[string]any{"date": "2026-03-10", "state": "due", "routine": "core-basics", "streak_days": 2.0,
		"pain_before": 3.0, "pain_after": 2.0, "pain_date": "2026-03-09", "next_at": nil, "line": "core-basics due · streak 2 · pain 3→2 yesterday"}
	if g, w := mustJSON(t, got), mustJSON(t, want); g != w {
		t.Errorf("--json:\n%s\nwant\n%s", g, w)
	}
}

// BenchmarkTodayCommand runs `today` in process over a database of 10,000
// sessions; the whole process must stay under 20 ms for a shell prompt.
// "added last" is the case where the last session ran an added routine,
// whose schedule today reads without decoding the exercise library.
func BenchmarkTodayCommand(b *testing.B) {
	db := filepath.Join(b.TempDir(), "corecoach.db")
	store, err := storage.Open(db)
	if err != nil {
		b.Fatal(err)
	}
	var doc bytes.Buffer
	writeHistoryDoc(&doc, 10000)
	if added, _, err := store.Import(&doc); err != nil || added != 10000 {
		b.Fatalf("import: %d added, %v", added, err)
	}
	today := func(b *testing.B) {
		args := []string{"--db", db, "today"}
		for b.Loop() {
			var stdout, stderr bytes.Buffer
			if code := run(args, &stdout, &stderr); code != 0 {
				b.Fatalf("exit %d: %s", code, stderr.String())
			}
		}
	}
	b.Run("built-in last", today)
	mine := "corecoach: 1\nid: mine\nname: Mine\nschedule: [mon, wed, fri]\nexercises:\n  - use: plank\n"
	if err := store.SaveRoutine(storage.RoutineFile{ID: "mine", Source: "/home/me/mine.yaml", Data: []byte(mine)}); err != nil {
		b.Fatal(err)
	}
	start := time.Date(2024, 1, 8, 8, 0, 0, 0, time.UTC)
	sess := storage.Session{ID: storage.NewSessionID(start), Routine: storage.RoutineRef{ID: "mine"}, StartedAt: start,
		Zone: "UTC", Status: storage.StatusCompleted, PainBefore: intp(3), PainAfter: intp(2)}
	if err := store.SaveSession(sess); err != nil {
		b.Fatal(err)
	}
	b.Run("added last", today)
}
