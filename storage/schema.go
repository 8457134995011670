package storage

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Buckets of schema 1.
var (
	bucketMeta       = []byte("meta")
	bucketSessions   = []byte("sessions")    // start-time key + id -> session JSON
	bucketSessionIDs = []byte("session_ids") // id -> sessions key
	bucketRoutines   = []byte("routines")    // routine id -> RoutineFile JSON
	bucketCheckins   = []byte("checkins")    // YYYY-MM-DD -> Checkin JSON
	bucketSettings   = []byte("settings")    // key -> value
	bucketDays       = []byte("days")        // YYYY-MM-DD -> DayRecord
)

// Buckets added by migrations.
var (
	bucketVisits = []byte("visits") // visit id -> Visit JSON (schema 2)
)

var schemaBuckets = [][]byte{bucketMeta, bucketSessions, bucketSessionIDs, bucketRoutines, bucketCheckins, bucketSettings, bucketDays, bucketVisits}

// Keys of the meta bucket. The format key tells our files from other bbolt
// files that happen to have a bucket named meta.
var (
	metaFormat  = []byte("format")
	metaVersion = []byte("schema_version")
	formatName  = []byte("corecoach")
)

// migration takes the schema from one version to the next, inside one
// write transaction.
type migration struct {
	name  string
	apply func(tx *bolt.Tx) error
}

// migrations[i] takes schema i+1 to i+2. Append only; never edit one that
// has shipped.
var migrations = []migration{
	{name: "therapy visits", apply: createBucket(bucketVisits)},
}

// createBucket is a migration that adds an empty bucket.
func createBucket(name []byte) func(tx *bolt.Tx) error {
	return func(tx *bolt.Tx) error {
		_, err := tx.CreateBucketIfNotExists(name)
		return err
	}
}

func currentVersion() int { return 1 + len(migrations) }

// readVersion checks that tx is of a corecoach database this program reads
// and returns its schema version.
func readVersion(tx *bolt.Tx, path string) (int, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil || string(meta.Get(metaFormat)) != string(formatName) {
		return 0, fileErrorf(ErrNotCorecoach, "%s is a bbolt database but not a corecoach one; it was left untouched: choose another file with --db", path)
	}
	raw := meta.Get(metaVersion)
	if len(raw) != 8 {
		return 0, damaged(path, "no schema version")
	}
	v := binary.BigEndian.Uint64(raw)
	if v == 0 {
		return 0, damaged(path, "its schema version is 0, which no corecoach writes")
	}
	if v > uint64(currentVersion()) {
		return 0, fileErrorf(ErrNewerSchema, "database %s was written by a newer corecoach (schema %d; this one reads up to %d); it was left untouched: update corecoach", path, v, currentVersion())
	}
	if v == uint64(currentVersion()) {
		for _, name := range schemaBuckets {
			if tx.Bucket(name) == nil {
				return 0, damaged(path, fmt.Sprintf("bucket %s is missing", name))
			}
		}
	}
	return int(v), nil
}

func putVersion(tx *bolt.Tx, v int) error {
	return tx.Bucket(bucketMeta).Put(metaVersion, binary.BigEndian.AppendUint64(nil, uint64(v)))
}

// createSchema writes the buckets of the current schema into an empty
// database, marked schema 1: the migrations then run on it, so each must
// allow for what is there already (as createBucket does).
func createSchema(tx *bolt.Tx) error {
	for _, name := range schemaBuckets {

		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	if err := tx.Bucket(bucketMeta).Put(metaFormat, formatName); err != nil {
		return err
	}
	return putVersion(tx, 1)
}

// runMigrations brings db from schema `from` to the current one, each step
// in its own transaction so a failure leaves a consistent older schema.
func runMigrations(db *bolt.DB, from int) error {
	for v := from; v < currentVersion(); v++ {
		m := migrations[v-1]
		err := db.Update(func(tx *bolt.Tx) error {
			if err := m.apply(tx); err != nil {
				return err
			}
			return putVersion(tx, v+1)
		})
		if err != nil {
			return fmt.Errorf("migration to schema %d (%s): %w", v+1, m.name, err)
		}
	}
	return nil
}

// migrate copies the file aside, then migrates it in place.
func (s *Store) migrate(from int) error {
	return s.withDB(false, func(db *bolt.DB) error {
		// Another corecoach may have migrated it since it was read.
		if err := db.View(func(tx *bolt.Tx) error {
			var err error
			from, err = readVersion(tx, s.path)
			return err
		}); err != nil || from == currentVersion() {
			return err
		}
		backup := fmt.Sprintf("%s.schema%d-%s.bak", s.path, from, time.Now().UTC().Format("20060102T150405Z"))
		if err := db.View(func(tx *bolt.Tx) error { return copyTo(tx, backup) }); err != nil {
			return fmt.Errorf("cannot copy database %s to %s before upgrading it: %w", s.path, backup, unwrapPathErr(err))
		}
		if err := runMigrations(db, from); err != nil {
			return fmt.Errorf("cannot upgrade database %s: %w; a copy from before is at %s", s.path, err, backup)
		}
		return nil
	})
}

// copyTo writes a consistent copy of the database to a new file.
func copyTo(tx *bolt.Tx, path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = tx.WriteTo(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(path)
	}
	return err
}

// create makes a new database at path atomically: it is built in a temporary
// file in the same folder and linked into place, which fails rather than
// clobbering a file another process created meanwhile (that one then wins).
func create(path string) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp") // mode 0600
	if err != nil {
		return fmt.Errorf("cannot create database %s: %w", path, unwrapPathErr(err))
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	if err := f.Close(); err != nil {
		return fmt.Errorf("cannot create database %s: %w", path, unwrapPathErr(err))
	}
	if err := initFile(tmp); err != nil {
		return fmt.Errorf("cannot create database %s: %w", path, unwrapPathErr(err))
	}
	if err := os.Link(tmp, path); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("cannot create database %s: %w", path, unwrapPathErr(err))
	}
	syncDir(dir)
	return nil
}

func initFile(tmp string) error {
	db, err := bolt.Open(tmp, 0o600, &bolt.Options{Timeout: lockTimeout})
	if err != nil {
		return err
	}
	// One transaction: a new file is written once.
	err = db.Update(func(tx *bolt.Tx) error {
		if err := createSchema(tx); err != nil {
			return err
		}
		for _, m := range migrations {
			if err := m.apply(tx); err != nil {
				return fmt.Errorf("%s: %w", m.name, err)
			}
		}
		return putVersion(tx, currentVersion())
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir makes a new directory entry durable; best effort, since some
// systems cannot sync a folder.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}
