package storage

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// A missing database reads as empty and leaves no trace; the first write
// creates it, with its folder private to the user.
func TestOpenCreatesOnFirstWrite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data", "corecoach")
	path := filepath.Join(dir, "corecoach.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
	sessions, err1 := s.Sessions()
	days, err2 := s.Days()
	n, err3 := s.SessionCount()
	_, ok, err4 := s.Setting("k")
	rs, err5 := s.Routines()
	if err := errors.Join(err1, err2, err3, err4, err5); err != nil || len(sessions)+len(days)+n+len(rs) > 0 || ok {
		t.Fatalf("reads of a missing database: %v", err)
	}
	if err := s.Check(); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Check() = %v; want that it does not exist", err)
	}
	if _, err := os.Stat(filepath.Dir(dir)); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("reads created the folder: %v", err)
	}
	if err := s.SetSetting("k", "v"); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("new file: %v, mode %v; want 0600", err, fi.Mode())
	}
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("new folder: %v; want 0700", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("folder holds %d entries, want only the database (no temporary file left)", len(entries))
	}
	if _, err := Open(path); err != nil {
		t.Errorf("reopen: %v", err)
	}
}

// A file created by someone else between our look and our link wins.
func TestCreateDoesNotClobber(t *testing.T) {
	path := filepath.Join(t.TempDir(), "corecoach.db")
	if err := os.WriteFile(path, []byte("theirs"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := create(path); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "theirs" {
		t.Errorf("create clobbered an existing file: %q", got)
	}
}

func boltFile(t *testing.T, fn func(tx *bolt.Tx) error) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "other.db")
	rawUpdate(t, path, fn)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// corecoachFile is a valid database, after fn has changed it.
func corecoachFile(t *testing.T, fn func(tx *bolt.Tx) error) []byte {
	t.Helper()
	s := newStore(t)
	if err := s.SaveSession(session("a", time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC), StatusCompleted)); err != nil {
		t.Fatal(err)
	}
	rawUpdate(t, s.Path(), fn)
	data, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestOpenRefusesAndLeavesFileUntouched(t *testing.T) {
	random := make([]byte, 64<<10)
	for i := range random {
		random[i] = byte(i*7919 + i/13)
	}
	valid := corecoachFile(t, func(*bolt.Tx) error { return nil })
	damaged := bytes.Clone(valid)
	// Both meta pages: bbolt cannot trust either.
	for _, off := range []int{16, 4096 + 16} {
		copy(damaged[off:], "garbage!")
	}
	tests := []struct {
		name string
		data []byte
		kind error
		want string
	}{
		{"empty", nil, ErrNotCorecoach, "empty file"},
		{"random", random, ErrNotCorecoach, "not a corecoach database"},
		{"text", []byte("hello\n"), ErrNotCorecoach, "not a corecoach database"},
		{"damaged", damaged, ErrDamaged, "both meta pages are invalid"},
		{"schema 0", corecoachFile(t, func(tx *bolt.Tx) error {
			return tx.Bucket(bucketMeta).Put(metaVersion, binary.BigEndian.AppendUint64(nil, 0))
		}), ErrDamaged, "its schema version is 0, which no corecoach writes"},
		{"bbolt file of 5000 bytes", valid[:5000], ErrDamaged, "the file is cut short"},
		{"5000 bytes of text", bytes.Repeat([]byte("x"), 5000), ErrNotCorecoach, "not a corecoach database"},
		{"bbolt without meta", boltFile(t, func(tx *bolt.Tx) error {
			_, err := tx.CreateBucket([]byte("widgets"))
			return err
		}), ErrNotCorecoach, "not a corecoach one"},
		{"other app's meta", boltFile(t, func(tx *bolt.Tx) error {
			b, err := tx.CreateBucket([]byte("meta"))
			if err == nil {
				err = b.Put([]byte("version"), []byte{1})
			}
			return err
		}), ErrNotCorecoach, "not a corecoach one"},
		{"newer schema", corecoachFile(t, func(tx *bolt.Tx) error {
			return tx.Bucket(bucketMeta).Put(metaVersion, binary.BigEndian.AppendUint64(nil, 99))
		}), ErrNewerSchema, "newer corecoach (schema 99"},
		{"missing bucket", corecoachFile(t, func(tx *bolt.Tx) error {
			return tx.DeleteBucket(bucketDays)
		}), ErrDamaged, "bucket days is missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "corecoach.db")
			if err := os.WriteFile(path, tt.data, 0o600); err != nil {
				t.Fatal(err)
			}
			before, _ := os.Stat(path)
			_, err := Open(path)
			if err == nil {
				t.Fatal("Open succeeded")
			}
			msg := err.Error()
			if !strings.Contains(msg, path) || !strings.Contains(msg, tt.want) {
				t.Errorf("Open() = %q; want it to name %s and say %q", msg, path, tt.want)
			}
			if tt.kind != nil && !errors.Is(err, tt.kind) {
				t.Errorf("Open() = %v; want kind %v", err, tt.kind)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(after, tt.data) {
				t.Error("the file changed")
			}
			if fi, _ := os.Stat(path); !fi.ModTime().Equal(before.ModTime()) {
				t.Error("the file was written to")
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("folder holds %d entries; want only the file", len(entries))
			}
		})
	}
}

func TestOpenFolder(t *testing.T) {
	dir := t.TempDir()
	if _, err := Open(dir); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("Open(folder) = %v", err)
	}
}

func TestOpenUnwritableLocation(t *testing.T) {
	file := filepath.Join(t.TempDir(), "afile")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	paths := map[string]string{
		"under a file":     filepath.Join(file, "corecoach.db"),
		"read-only folder": "",
	}
	if os.Geteuid() != 0 { // root may write anywhere
		ro := t.TempDir()
		if err := os.Chmod(ro, 0o500); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = os.Chmod(ro, 0o700) })
		paths["read-only folder"] = filepath.Join(ro, "corecoach.db")
	}
	for name, path := range paths {
		if path == "" {
			continue
		}
		s, err := Open(path)
		if err == nil {
			err = s.SetSetting("k", "v") // the first write creates the file
		}
		if err == nil || !strings.Contains(err.Error(), " database "+path+": ") {
			t.Errorf("%s: Open() and a write = %v; want cannot create or open database, naming %s", name, err, path)
		}
	}
}

func TestInUse(t *testing.T) {
	s := newStore(t)
	// Another process's write: bbolt's lock is per open file, so a second
	// open in this process stands in for it.
	db, err := bolt.Open(s.Path(), 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(s.Path()); !errors.Is(err, ErrInUse) {
		t.Errorf("Open() while locked = %v", err)
	}
	_, err = s.Sessions()
	if !errors.Is(err, ErrInUse) || err.Error() != "database "+s.Path()+" is in use by another corecoach; try again" {
		t.Errorf("Sessions() while locked = %v", err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Sessions(); err != nil {
		t.Errorf("Sessions() after unlock = %v", err)
	}
}

// A panic inside bbolt while reading is reported as damage, and the file is
// closed properly, so the next operation works.
func TestPanicInTransaction(t *testing.T) {
	s := newStore(t)
	err := s.view(func(*bolt.Tx) error { panic("page 7: unreachable unfreed") })
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), s.Path()) || !strings.Contains(err.Error(), "page 7") {
		t.Errorf("view() = %v; want damage naming the file", err)
	}
	if _, err := s.Sessions(); err != nil {
		t.Errorf("after the panic: %v", err)
	}
}

// A panic inside bbolt's Open leaves its lock held: the file is not tried
// again in this process.
func TestBrokenFileNotRetried(t *testing.T) {
	s := newStore(t)
	markBroken(s.Path(), damagedErr(s.Path(), "freelist"))
	t.Cleanup(func() { filesMu.Lock(); delete(broken, fileKey(s.Path())); filesMu.Unlock() })
	if _, err := s.Sessions(); !errors.Is(err, ErrDamaged) {
		t.Errorf("Sessions() = %v", err)
	}
	if _, err := Open(s.Path()); !errors.Is(err, ErrDamaged) {
		t.Errorf("Open() = %v", err)
	}
}

// A damaged free list makes bbolt panic inside Open, in read-write mode
// only: validation passes, the first save reports damage without touching
// the file, and the file is not tried again (its lock may be held).
func TestPanicInOpen(t *testing.T) {
	s := newStore(t)
	if err := s.SaveSession(session("a", time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC), StatusCompleted)); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { filesMu.Lock(); delete(broken, fileKey(s.Path())); filesMu.Unlock() })
	data, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	const pageSize, freelistAt, flagsAt = 4096, 48, 8 // meta page layout
	for meta := range 2 {
		pg := binary.LittleEndian.Uint64(data[meta*pageSize+freelistAt:])
		binary.LittleEndian.PutUint16(data[int(pg)*pageSize+flagsAt:], 0x01) // a branch page
	}
	if err := os.WriteFile(s.Path(), data, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(s.Path()); err != nil {
		t.Fatalf("Open() = %v; read-only validation does not read the free list", err)
	}
	err = s.SaveSession(session("b", time.Date(2026, 1, 2, 9, 0, 0, 0, time.UTC), StatusCompleted))
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), s.Path()) || !strings.Contains(err.Error(), "freelist") {
		t.Fatalf("SaveSession() = %v; want damage naming the file", err)
	}
	start := time.Now()
	if _, err := s.Sessions(); !errors.Is(err, ErrDamaged) || time.Since(start) > lockTimeout/2 {
		t.Errorf("Sessions() = %v after %v; want the same damage at once", err, time.Since(start))
	}
	if after, _ := os.ReadFile(s.Path()); !bytes.Equal(after, data) {
		t.Error("the damaged file was written to")
	}
}

// The database is replaced by another kind of file while a Store is open.
func TestFileReplacedWhileOpen(t *testing.T) {
	s := newStore(t)
	for name, data := range map[string][]byte{"empty": nil, "text": []byte("x")} {
		if err := os.WriteFile(s.Path(), data, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := s.SetSetting("k", "v"); !errors.Is(err, ErrNotCorecoach) {
			t.Errorf("%s: SetSetting() = %v", name, err)
		}
		if got, _ := os.ReadFile(s.Path()); !bytes.Equal(got, data) {
			t.Errorf("%s: the file was written to", name)
		}
	}
	if err := os.Remove(s.Path()); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting("k", "v"); err == nil || !strings.Contains(err.Error(), "no longer exists") {
		t.Errorf("removed: SetSetting() = %v", err)
	}
	if _, err := os.Stat(s.Path()); err == nil {
		t.Error("a removed database was created again")
	}
}
