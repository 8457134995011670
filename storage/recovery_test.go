package storage

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A session the database would not take is written beside it, privately,
// and the next import brings its newest state in and removes the file.
func TestRecoveryRoundTrip(t *testing.T) {
	s := newStore(t)
	start := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	checkpoint := session("01JREC", start, StatusPartial)
	checkpoint.EndedAt, checkpoint.Exercises = nil, nil
	if err := s.SaveSession(checkpoint); err != nil {
		t.Fatal(err)
	}
	final := session("01JREC", start, StatusCompleted)
	final.PainAfter = intp(2)
	file, err := WriteRecovery(s.Path(), final, start.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if want := s.Path() + ".recovered-01JREC.json"; file != want {
		t.Errorf("recovery file %s, want %s", file, want)
	}
	fi, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("recovery file mode %v, want 0600", fi.Mode().Perm())
	}
	data, _ := os.ReadFile(file)
	if _, err := ParseHistory(data); err != nil {
		t.Errorf("recovery file is not a history document: %v", err)
	}

	got, err := s.ImportRecovered()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].File != file || len(got[0].Sessions) != 1 {
		t.Fatalf("ImportRecovered = %+v, want the one file", got)
	}
	if _, err := os.Stat(file); !os.IsNotExist(err) {
		t.Errorf("recovery file still there after import (%v)", err)
	}
	all, err := s.Sessions()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 1 || all[0].Status != StatusCompleted || all[0].PainAfter == nil || *all[0].PainAfter != 2 || len(all[0].Exercises) != 1 {
		t.Errorf("stored after import: %+v, want the completed session replacing its checkpoint", all)
	}
	days, err := s.Days()
	if err != nil {
		t.Fatal(err)
	}
	if len(days) != 1 || days[0].Completed != 1 {
		t.Errorf("days after import: %+v, want one completed session", days)
	}
	if again, err := s.ImportRecovered(); err != nil || len(again) != 0 {
		t.Errorf("second ImportRecovered = %v, %v; want nothing", again, err)
	}
}

// A recovery file that cannot be read stays for the next start, named in
// the error; the good ones beside it are imported.
func TestRecoveryBadFileKept(t *testing.T) {
	s := newStore(t)
	bad := RecoveryPath(s.Path(), "01JBAD")
	if err := os.WriteFile(bad, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	good := session("01JGOOD", time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC), StatusCompleted)
	if _, err := WriteRecovery(s.Path(), good, time.Now()); err != nil {
		t.Fatal(err)
	}
	// Another database's file in the same folder is not this one's.
	other := RecoveryPath(filepath.Join(filepath.Dir(s.Path()), "other.db"), "01JOTHER")
	if err := os.WriteFile(other, []byte("{}"), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := s.ImportRecovered()
	if err == nil || !strings.Contains(err.Error(), bad) || !strings.Contains(err.Error(), "kept") {
		t.Errorf("error %v, want one naming %s as kept", err, bad)
	}
	if len(got) != 1 || got[0].Sessions[0].ID != "01JGOOD" {
		t.Errorf("imported %+v, want the good file", got)
	}
	for _, f := range []string{bad, other} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s: %v, want it left in place", f, err)
		}
	}
}
