package main

import (
	"bytes"
	"os"
	"path/filepath"
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
			Exercises: []storage.ExerciseResult{{ID: "plank", Name: "Plank", SetsPlanned: 3, SetsDone: 3, Seconds: 95}, {ID: "bird-dog", Name: "Bird dog", SetsPlanned: 2, SetsDone: 1, Hurt: true, Seconds: 40}}},
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

func TestOpenStoreCreatesPrivateFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	a := &app{getenv: func(k string) string {
		if k == "XDG_DATA_HOME" {
			return dir
		}
		return ""
	}}
	s, err := a.openStore()
	if err != nil {
		t.Fatal(err)
	}
	if s.Path() != filepath.Join(dir, "corecoach", "corecoach.db") {
		t.Errorf("Path() = %s", s.Path())
	}
	fi, err := os.Stat(filepath.Dir(s.Path()))
	if err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("folder: %v, mode %v; want 0700", err, fi.Mode().Perm())
	}
}
