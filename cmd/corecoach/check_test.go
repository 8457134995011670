package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

func TestCheckCommand(t *testing.T) {
	db := seededDB(t)
	if r := runCmd("--db", db, "check"); r.code != 0 || r.stdout != "ok: "+db+" (3 sessions)\n" || r.stderr != "" {
		t.Errorf("clean: exit %d %q %q", r.code, r.stdout, r.stderr)
	}

	missing := filepath.Join(t.TempDir(), "none.db")
	if r := runCmd("--db", missing, "check"); r.code != 0 || r.stderr != "" ||
		r.stdout != "no database at "+missing+" yet: the first session, 'corecoach routine add' or 'corecoach import' makes it\n" {
		t.Errorf("missing: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("check created a database")
	}

	// A record damaged behind corecoach's back.
	raw, err := bolt.Open(db, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = raw.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("session_ids")).Put([]byte("ghost"), []byte("nowhere!"))
	})
	if cerr := raw.Close(); err != nil || cerr != nil {
		t.Fatal(err, cerr)
	}
	r := runCmd("--db", db, "check")
	if r.code != 1 || r.stdout != "" || !strings.HasPrefix(r.stderr, "corecoach: database "+db+" is damaged (the id index names session ghost, which is not stored)\n"+
		"To save what it holds (it is never written to as it is):\n  corecoach --db "+db+" export -o rescue.json") {
		t.Errorf("damaged: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
}
