package storage

import (
	"testing"
	"time"
)

// ReadStart reads in one opening what the interface needs: an empty
// database gives the built-in routines and no session; a used one its
// confirmation, newest session and library; a damaged one the damage, as
// Verify does.
func TestReadStart(t *testing.T) {
	missing, err := Open(t.TempDir() + "/none.db")
	if err != nil {
		t.Fatal(err)
	}
	st, err := missing.ReadStart()
	if err != nil || st.SafetyConfirmed || st.HasLast || st.Catalog == nil || len(st.Catalog.All()) == 0 {
		t.Fatalf("ReadStart(missing) = %+v, %v; want the built-ins and nothing else", st, err)
	}

	s := newStore(t)
	start := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	for i, id := range []string{"01JOLD", "01JNEW"} {
		if err := s.SaveSession(session(id, start.Add(time.Duration(i)*time.Hour), StatusCompleted)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetSetting(SettingSafetyConfirmed, "yes"); err != nil {
		t.Fatal(err)
	}
	st, err = s.ReadStart()
	if err != nil || !st.SafetyConfirmed || !st.HasLast || st.Last.ID != "01JNEW" {
		t.Fatalf("ReadStart = %+v, %v; want confirmed and the newest session", st, err)
	}

	q, _ := qaStore(t)
	overwritePage(t, q.Path(), 4)
	if q, err = Open(q.Path()); err != nil {
		t.Fatal(err)
	}
	_, err = q.ReadStart()
	wantDamage(t, "ReadStart", err, q.Path(), "")
}

// BenchmarkReadStart10k is what the terminal interface reads before its
// first frame, at 10,000 sessions.
func BenchmarkReadStart10k(b *testing.B) {
	s := storeWith(b, 10_000)
	for b.Loop() {
		if _, err := s.ReadStart(); err != nil {
			b.Fatal(err)
		}
	}
}
