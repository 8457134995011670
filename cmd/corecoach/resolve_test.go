package main

import (
	"os"
	"path/filepath"
	"testing"
)

// A built-in routine is found without opening the database; an added one
// opens the database the flags name (here a file that is not one, so it
// fails). The rules themselves are tested in routines (TestResolve).
func TestResolveRoutineOpensTheDatabaseOnlyWhenNeeded(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "not-a-db")
	if err := os.WriteFile(bad, []byte("not a database"), 0o600); err != nil {
		t.Fatal(err)
	}
	a := &app{dbFlag: bad, getenv: func(string) string { return "" }}
	if r, err := a.resolveRoutine("core-basics"); err != nil || r.ID != "core-basics" {
		t.Errorf("core-basics: %v, %v", r, err)
	}
	if _, err := a.resolveRoutine("my-back"); err == nil {
		t.Error("resolveRoutine did not open the database the flags name")
	}
}
