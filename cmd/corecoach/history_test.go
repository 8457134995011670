package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"corecoach/storage"
)

func TestHistory(t *testing.T) {
	db := seededDB(t)
	empty := filepath.Join(t.TempDir(), "empty.db")
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout []string // in this order
		stderr string
	}{
		{name: "table newest first", args: []string{"history"}, stdout: []string{
			"DATE              ROUTINE      STATUS     MIN  PAIN   NOTE",
			"2026-03-10 07:00  stretch      partial    0    – → –  =SUM(A1)",
			"2026-03-09 12:00  –            completed  20   – → 2",
			"2026-03-08 23:30  Core basics  completed  12   4 → 3  Left side tight",
		}},
		{name: "since is the session's own day", args: []string{"history", "--since", "2026-03-09"}, stdout: []string{"2026-03-10 07:00", "2026-03-09 12:00"}},
		{name: "since later", args: []string{"history", "--since", "2026-03-10", "--json"}, stdout: []string{`"id": "01B"`}},
		{name: "nothing since", args: []string{"history", "--since", "2027-01-01"}, stdout: []string{"No sessions on or after 2027-01-01.\n"}},
		{name: "since after all", args: []string{"history", "--since", "2027-01-01", "--json"}, stdout: []string{"[]"}},
		{name: "empty table", args: []string{"--db", empty, "history"}, stdout: []string{"No sessions yet"}},
		{name: "empty json", args: []string{"--db", empty, "history", "--json"}, stdout: []string{"[]\n"}},
		{name: "bad since", args: []string{"history", "--since", "2026-13-01"}, code: 2, stderr: `"2026-13-01"`},
		{name: "since not a date", args: []string{"history", "--since", "yesterday"}, code: 2, stderr: `"yesterday" is not a date of the form YYYY-MM-DD`},
		{name: "json and csv", args: []string{"history", "--json", "--csv"}, code: 2, stderr: "--json and --csv cannot be used together"},
		{name: "per-exercise alone", args: []string{"history", "--per-exercise"}, code: 2, stderr: "--per-exercise goes with --csv"},
		{name: "arguments", args: []string{"history", "x"}, code: 2, stderr: `history takes no arguments; "x" is extra`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCmd(append([]string{"--db", db}, tt.args...)...)
			if r.code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %q", r.code, tt.code, r.stderr)
			}
			rest := r.stdout
			for _, want := range tt.stdout {
				i := strings.Index(rest, want)
				if i < 0 {
					t.Fatalf("stdout lacks %q (in order):\n%s", want, r.stdout)
				}
				rest = rest[i+len(want):]
			}
			if !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("stderr %q lacks %q", r.stderr, tt.stderr)
			}
			if strings.ContainsRune(r.stdout, '\x1b') {
				t.Error("an escape sequence from a note reached the terminal")
			}
		})
	}
}

func TestHistoryJSON(t *testing.T) {
	r := runCmd("--db", seededDB(t), "history", "--json")
	var got []storage.Session
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil || r.code != 0 {
		t.Fatalf("exit %d, %v:\n%s", r.code, err, r.stdout)
	}
	if len(got) != 3 || got[0].ID != "01B" || got[2].ID != "01A" || got[2].Note != "Left side \x1b[31mtight" {
		t.Errorf("sessions: %+v", got)
	}
	if !strings.Contains(r.stdout, `"started_at": "2026-03-08T23:30:00-04:00"`) {
		t.Errorf("started_at not in its own offset:\n%s", r.stdout)
	}
}

func TestHistoryCSV(t *testing.T) {
	db := seededDB(t)
	tests := []struct {
		args   []string
		rows   int
		header string
		check  func(t *testing.T, rows [][]string)
	}{
		{[]string{"--csv"}, 4, "id,date,started_at,ended_at,zone,routine_id,routine_name,status,minutes,pain_before,pain_after,exercises,exercises_skipped,exercises_hurt,note,exercises_hurt_leg", func(t *testing.T, rows [][]string) {
			if got := strings.Join(rows[3], ","); got != "01A,2026-03-08,2026-03-08T23:30:00-04:00,2026-03-08T23:42:10-04:00,America/New_York,core-basics,Core basics,completed,12.2,4,3,2,0,1,Left side tight,1" {
				t.Errorf("row %s", got)
			}
			if rows[1][14] != "'=SUM(A1)" {
				t.Errorf("a formula-like note was not quoted: %q", rows[1][14])
			}
		}},
		{[]string{"--csv", "--per-exercise"}, 5, "id,date,started_at,ended_at,zone,routine_id,routine_name,status,minutes,pain_before,pain_after,exercise_id,exercise_name,sets_planned,sets_done,skipped,hurt,seconds,hurt_kind", func(t *testing.T, rows [][]string) {
			if got := strings.Join(rows[4][11:], ","); got != "bird-dog,Bird dog,2,1,false,true,40,leg" {
				t.Errorf("row %s", got)
			}
		}},
	}
	for _, tt := range tests {
		r := runCmd(append([]string{"--db", db, "history"}, tt.args...)...)
		rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
		if r.code != 0 || err != nil || len(rows) != tt.rows {
			t.Fatalf("%v: exit %d, %v, %d rows:\n%s", tt.args, r.code, err, len(rows), r.stdout)
		}
		if got := strings.Join(rows[0], ","); got != tt.header {
			t.Errorf("%v: header %s", tt.args, got)
		}
		tt.check(t, rows)
	}
}

func TestStoreErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(bad, []byte("my notes\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"history"}, {"export"}, {"check"}, {"import", bad}} {
		r := runCmd(append([]string{"--db", bad}, args...)...)
		if r.code != 1 || !strings.Contains(r.stderr, bad+" is not a corecoach database") {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
	if data, _ := os.ReadFile(bad); string(data) != "my notes\n" {
		t.Error("the file was changed")
	}
}

// Minutes round as people round: 2 min 30 s is 3 in the table, 2.5 in
// CSV; 2 min 15 s is 2 and 2.3 (fmt would give 2 and 2.2).
func TestHistoryMinutesRoundHalfUp(t *testing.T) {
	start := time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC)
	at := func(d time.Duration) *time.Time { e := start.Add(d); return &e }
	db := seedDB(t, []storage.Session{
		{ID: "01H", StartedAt: start, EndedAt: at(150 * time.Second), Status: storage.StatusCompleted, Zone: "UTC"},
		{ID: "01G", StartedAt: start.Add(-24 * time.Hour), EndedAt: at(135*time.Second - 24*time.Hour), Status: storage.StatusCompleted, Zone: "UTC"},
	})
	r := runCmd("--db", db, "history")
	if !strings.Contains(r.stdout, "completed  3 ") || !strings.Contains(r.stdout, "completed  2 ") {
		t.Errorf("table minutes not rounded half up:\n%s", r.stdout)
	}
	r = runCmd("--db", db, "history", "--csv")
	if !strings.Contains(r.stdout, ",completed,2.5,") || !strings.Contains(r.stdout, ",completed,2.3,") {
		t.Errorf("CSV minutes not rounded half up:\n%s", r.stdout)
	}
}
