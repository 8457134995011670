package storage

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// withMigrations replaces the migrations for one test.
func withMigrations(t *testing.T, ms []migration) {
	old := migrations
	migrations = ms
	t.Cleanup(func() { migrations = old })
}

func fileVersion(t *testing.T, path string) int {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	_ = db.View(func(tx *bolt.Tx) error {
		v, err = readVersion(tx, path)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

var addNickname = migration{name: "add a setting", apply: func(tx *bolt.Tx) error {
	return tx.Bucket(bucketSettings).Put([]byte("nickname"), []byte("migrated"))
}}

func TestMigration(t *testing.T) {
	withMigrations(t, nil)
	s := newStore(t)
	if err := s.SaveSession(session("kept", time.Date(2026, 2, 1, 8, 0, 0, 0, time.UTC), StatusCompleted)); err != nil {
		t.Fatal(err)
	}

	withMigrations(t, []migration{addNickname})
	s2, err := Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if v := fileVersion(t, s.Path()); v != 2 {
		t.Errorf("schema after migration = %d, want 2", v)
	}
	if v, ok, err := s2.Setting("nickname"); v != "migrated" || !ok || err != nil {
		t.Errorf("migrated setting = %q, %v, %v", v, ok, err)
	}
	if ss, _ := s2.Sessions(); len(ss) != 1 {
		t.Errorf("sessions after migration: %d, want 1", len(ss))
	}
	backups, _ := filepath.Glob(s.Path() + ".schema1-*.bak")
	if len(backups) != 1 {
		t.Fatalf("backups: %v; want one", backups)
	}
	withMigrations(t, nil) // the copy is the old schema, readable by the old program
	if v := fileVersion(t, backups[0]); v != 1 {
		t.Errorf("backup schema = %d, want 1", v)
	}
	b, err := Open(backups[0])
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := b.Setting("nickname"); ok {
		t.Error("the backup was migrated too")
	}
}

func TestMigrationFailureKeepsOldSchema(t *testing.T) {
	withMigrations(t, nil)
	s := newStore(t)
	withMigrations(t, []migration{addNickname, {name: "broken", apply: func(tx *bolt.Tx) error {
		if err := tx.Bucket(bucketSettings).Put([]byte("half"), []byte("done")); err != nil {
			return err
		}
		return errors.New("boom")
	}}})
	_, err := Open(s.Path())
	if err == nil || !strings.Contains(err.Error(), s.Path()) || !strings.Contains(err.Error(), "schema 3 (broken): boom") || !strings.Contains(err.Error(), ".bak") {
		t.Fatalf("Open() = %v; want the failed step, the file and the backup named", err)
	}
	// Each step is its own transaction: the first stays, the failed one is undone.
	if v := fileVersion(t, s.Path()); v != 2 {
		t.Errorf("schema after failed migration = %d, want 2", v)
	}
	withMigrations(t, []migration{addNickname})
	s2, err := Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s2.Setting("half"); ok {
		t.Error("the failed migration's write was kept")
	}
}

func TestNewFileHasCurrentSchema(t *testing.T) {
	withMigrations(t, []migration{addNickname})
	s := newStore(t)
	if v := fileVersion(t, s.Path()); v != 2 {
		t.Errorf("new file schema = %d, want 2", v)
	}
	if v, _, _ := s.Setting("nickname"); v != "migrated" {
		t.Error("a new file skipped the migrations")
	}
	if m, _ := filepath.Glob(s.Path() + "*.bak"); len(m) != 0 {
		t.Errorf("a new file was backed up: %v", m)
	}
}
