package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"corecoach/storage"
)

// cmdResult is what one run of the command line gave.
type cmdResult struct {
	code           int
	stdout, stderr string
}

func runCmd(args ...string) cmdResult {
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return cmdResult{code, stdout.String(), stderr.String()}
}

// runAt runs the command line with the clock stopped at at.
func runAt(at time.Time, args []string, stdout, stderr io.Writer) int {
	a := newApp(stdout, stderr)
	a.now = func() time.Time { return at }
	return a.run(args)
}

// seededDB is a database holding three sessions in three zones.
func seededDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "corecoach.db")
	s, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ny, _ := time.LoadLocation("America/New_York")
	tokyo, _ := time.LoadLocation("Asia/Tokyo")
	at := func(t time.Time) *time.Time { return &t }
	for _, sess := range []storage.Session{
		{ID: "01A", Routine: storage.RoutineRef{ID: "core-basics", Name: "Core basics"}, Zone: "America/New_York",
			StartedAt: time.Date(2026, 3, 8, 23, 30, 0, 0, ny), EndedAt: at(time.Date(2026, 3, 8, 23, 42, 10, 0, ny)),
			Status: storage.StatusCompleted, PainBefore: intp(4), PainAfter: intp(3), Note: "Left side \x1b[31mtight",
			Exercises: []storage.ExerciseResult{{ID: "plank", Name: "Plank", SetsPlanned: 3, SetsDone: 3, Seconds: 95}, {ID: "bird-dog", Name: "Bird dog", SetsPlanned: 2, SetsDone: 1, Hurt: true, HurtKind: storage.HurtLeg, Seconds: 40}}},
		{ID: "01B", Routine: storage.RoutineRef{ID: "stretch"}, Zone: "Asia/Tokyo",
			StartedAt: time.Date(2026, 3, 10, 7, 0, 0, 0, tokyo), Status: storage.StatusPartial, Note: "=SUM(A1)"},
		{ID: "01C", StartedAt: time.Date(2026, 3, 9, 12, 0, 0, 0, time.UTC), EndedAt: at(time.Date(2026, 3, 9, 12, 20, 0, 0, time.UTC)),
			Status: storage.StatusCompleted, PainAfter: intp(2)},
	} {
		if err := s.SaveSession(sess); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// Reading commands on a database not created yet leave no trace; the
// first write creates it, in a folder private to the user.
func TestReadsCreateNothing(t *testing.T) {
	base := filepath.Join(t.TempDir(), "data")
	db := filepath.Join(base, "corecoach", "corecoach.db")
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"history"}, 0, "No sessions yet."},
		{[]string{"history", "--csv"}, 0, "id,date"},
		{[]string{"stats"}, 0, ""},
		{[]string{"export"}, 0, `"sessions": []`},
		{[]string{"routine", "list"}, 0, ""},
		{[]string{"check"}, 0, "no database at " + db + " yet"}, // not a failure: nothing is wrong
	}
	for _, tt := range tests {
		r := runCmd(append([]string{"--db", db}, tt.args...)...)
		if r.code != tt.code || !strings.Contains(r.stdout, tt.want) {
			t.Errorf("%v: exit %d %q %q", tt.args, r.code, r.stdout, r.stderr)
		}
		if _, err := os.Stat(base); err == nil {
			t.Fatalf("%v created %s", tt.args, base)
		}
	}
	a := &app{getenv: func(k string) string {
		if k == "XDG_DATA_HOME" {
			return base
		}
		return ""
	}}
	s, err := a.openStore()
	if err != nil {
		t.Fatal(err)
	}
	if s.Path() != db {
		t.Errorf("Path() = %s", s.Path())
	}
	if err := s.SetSetting("k", "v"); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(filepath.Dir(db))
	if err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("folder: %v, mode %v; want 0700", err, fi.Mode().Perm())
	}
}
