package storage

import (
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

func newStore(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "corecoach.db"))
	if err != nil {
		t.Fatal(err)
	}
	// A write that changes nothing creates the file and commits nothing.
	if err := s.update(func(*bolt.Tx) error { return errNoChange }); err != nil {
		t.Fatal(err)
	}
	return s
}

func zone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func intp(n int) *int { return &n }

func session(id string, start time.Time, status string) Session {
	end := start.Add(12 * time.Minute)
	return Session{
		ID:        id,
		Routine:   RoutineRef{ID: "core-basics", Name: "Core basics", Hash: "sha256:00"},
		StartedAt: start,
		EndedAt:   &end,
		Zone:      start.Location().String(),
		Status:    status,
		Exercises: []ExerciseResult{{ID: "plank", Name: "Plank", SetsPlanned: 3, SetsDone: 3, Seconds: 95}},
	}
}

// rawUpdate changes the file behind the store's back, as damage would.
func rawUpdate(t testing.TB, path string, fn func(tx *bolt.Tx) error) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
}
