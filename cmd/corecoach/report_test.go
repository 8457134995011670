package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"corecoach/routines"
	"corecoach/storage"
)

func TestReportCommand(t *testing.T) {
	s1 := londonSession(t, "a", "2026-03-02", "mwf", storage.StatusCompleted, intp(3), intp(2))
	s1.Note = "<script>x</script> *tight*"
	s1.Exercises = []storage.ExerciseResult{{ID: "plank", Name: "Plank", SetsPlanned: 3, SetsDone: 2, Hurt: true}}
	s2 := londonSession(t, "b", "2026-03-04", "mwf", storage.StatusCompleted, intp(4), intp(3))
	s1.Routine.Hash, s2.Routine.Hash = ContentHashOf(mwfRoutine), ContentHashOf(mwfRoutine)
	old := londonSession(t, "z", "2025-10-01", "mwf", storage.StatusCompleted, intp(8), intp(8))
	db := seedDB(t, []storage.Session{old, s1, s2},
		storage.RoutineFile{ID: "mwf", Name: "Three days a week", Source: "mwf.yaml", Data: []byte(mwfRoutine)})
	store, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.SaveCheckin(storage.Checkin{Date: "2026-03-03", Pain: 6, At: s1.StartedAt.Add(24 * time.Hour), SessionID: "a"}); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 3, 6, 12, 0, 0, 0, time.UTC)
	dir := t.TempDir()

	tests := []struct {
		name     string
		args     []string
		code     int
		has, not []string
		stderr   string
		file     string // output file to check instead of stdout
	}{
		{
			name: "markdown, default 12 weeks",
			args: []string{"--db", db, "report"},
			has: []string{
				"2025-12-13 to 2026-03-06", "- Sessions: 2 (2 completed, 0 partial)",
				"- Adherence: 6% of scheduled days done (2 of 35)", // 12 weeks of mon/wed/fri, the due Friday left out
				"⚠ Ease off next time: next-day pain 6, 3 above before, above the limit of 5",
				`\<script\>x\</script\> \*tight\*`, "⚠ 1×: 2026-03-02", ContentHashOf(mwfRoutine),
				"- Client: J. Smith\n- Therapist: A. Therapist (clinic@example.org)\n- Routine followed last: mwf, version `" + routines.ShortHash(ContentHashOf(mwfRoutine)) + "`",
			},
			not: []string{"2025-10-01", "<script>"},
		},
		{
			name: "since a date",
			args: []string{"--db", db, "report", "--since", "2026-03-01"},
			has:  []string{"2026-03-01 to 2026-03-06", "- Adherence: 100% of scheduled days done (2 of 2)", "current version"},
		},
		{
			name: "since a date before the first session starts at it",
			args: []string{"--db", db, "report", "--since", "2020-01-01"},
			has:  []string{"2025-10-01 to 2026-03-06", "- Sessions: 3 (3 completed, 0 partial)"},
		},
		{
			name: "html to a file, format from the name",
			args: []string{"--db", db, "report", "-o", filepath.Join(dir, "r.html")},
			file: filepath.Join(dir, "r.html"),
			has:  []string{"<!DOCTYPE html>", "<svg", "&lt;script&gt;x&lt;/script&gt;"},
			not:  []string{"<script"},
		},
		{
			name: "markdown to a file",
			args: []string{"--db", db, "report", "--format", "md", "-o", filepath.Join(dir, "r.html")},
			file: filepath.Join(dir, "r.html"),
			has:  []string{"# Exercise and pain report"},
		},
		{
			name: "json",
			args: []string{"--db", db, "report", "--format", "json", "--since", "2026-03-01"},
			has: []string{`"format": "corecoach-report"`, `"client": "J. Smith"`, `"name": "A. Therapist"`, `"contact": "clinic@example.org"`,
				`"from": "2026-03-01"`, `"to": "2026-03-06"`, `"hash": "` + ContentHashOf(mwfRoutine) + `"`, `"as_of": "2026-03-06"`, `"session_id": "a"`,
				`"kind": "ease-off"`, `"text": "Plank flagged as hurting"`, `"visits": []`},
			not: []string{`"id": "z"`, "<script>x"}, // a session before the period; the note's text escaped as JSON does
		},
		{
			name: "json to a file, format from the name",
			args: []string{"--db", db, "report", "-o", filepath.Join(dir, "r.json")},
			file: filepath.Join(dir, "r.json"),
			has:  []string{`"format": "corecoach-report"`, `"from": "2025-12-13"`},
		},
		{name: "bad since", args: []string{"--db", db, "report", "--since", "03/01/2026"}, code: 2, stderr: `--since: "03/01/2026" is not a date`},
		{name: "since in the future", args: []string{"--db", db, "report", "--since", "2026-03-07"}, code: 2, stderr: "--since 2026-03-07 is after today (2026-03-06)"},
		{name: "bad format", args: []string{"--db", db, "report", "--format", "pdf"}, code: 2, stderr: `unknown format "pdf"`},
		{name: "unwritable output", args: []string{"--db", db, "report", "-o", filepath.Join(dir, "no", "r.md")}, code: 1, stderr: filepath.Join(dir, "no", "r.md")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := runAt(at, tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tt.code, stderr.String())
			}
			out := stdout.String()
			if tt.file != "" {
				data, err := os.ReadFile(tt.file)
				if err != nil {
					t.Fatal(err)
				}
				out = string(data)
				if stdout.Len() > 0 {
					t.Errorf("stdout not empty with -o: %q", stdout.String())
				}
			}
			for _, h := range tt.has {
				if !strings.Contains(out, h) {
					t.Errorf("output lacks %q:\n%s", h, out)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(out, n) {
					t.Errorf("output contains %q", n)
				}
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr = %q, want %q", stderr.String(), tt.stderr)
			}
		})
	}
}

func ContentHashOf(s string) string { return routines.ContentHash([]byte(s)) }

// TestReportPainRules: a routine's limit of 0 is its limit, and a check-in
// on the first day of the period is judged against a session two days
// before it, even one started at the widest offset east.
func TestReportPainRules(t *testing.T) {
	calm := "corecoach: 1\nid: calm\nname: Calm\npain:\n  limit: 0\nexercises:\n  - use: plank\n"
	kiritimati, err := time.LoadLocation("Pacific/Kiritimati")
	if err != nil {
		t.Fatal(err)
	}
	early := time.Date(2026, 3, 1, 0, 30, 0, 0, kiritimati) // 28 Feb in UTC
	far := storage.Session{ID: "far", Routine: storage.RoutineRef{ID: "calm", Name: "Calm"}, StartedAt: early,
		Zone: "Pacific/Kiritimati", Status: storage.StatusCompleted, PainBefore: intp(1), PainAfter: intp(1)}
	db := seedDB(t, []storage.Session{far, londonSession(t, "b", "2026-03-04", "calm", storage.StatusCompleted, intp(0), intp(1))},
		storage.RoutineFile{ID: "calm", Name: "Calm", Source: "calm.yaml", Data: []byte(calm)})
	store, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.SaveCheckin(storage.Checkin{Date: "2026-03-03", Pain: 3, At: early.Add(48 * time.Hour), SessionID: "far"}); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 3, 30, 12, 0, 0, 0, time.UTC) // beyond the stats' pain window
	var stdout, stderr bytes.Buffer
	if code := runAt(at, []string{"--db", db, "report", "--since", "2026-03-03"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, want := range []string{
		"⚠ pain after 1, above the limit of 0",
		"| 2026-03-03 |    3 | 2026-03-01 00:30       |              1 | ⚠ Ease off next time: next-day pain 3, 2 above before, above the limit of 0 |",
	} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, stdout.String())
		}
	}
}
