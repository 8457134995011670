package storage

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// metaTxids reads the transaction id of each meta page of a 4 KiB-page file.
func metaTxids(t *testing.T, path string) [2]uint64 {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var ids [2]uint64
	for i := range ids {
		ids[i] = binary.NativeEndian.Uint64(data[i*4096+pageHeaderSize+metaTxidAt:])
	}
	return ids
}

// A torn last write (one meta page invalid) is copied aside and mended as
// it stood before that write. Tearing the newer page loses the last write
// (the import), the older nothing.
func TestTornMetaPage(t *testing.T) {
	for _, newer := range []bool{true, false} {
		t.Run(map[bool]string{true: "newer page", false: "older page"}[newer], func(t *testing.T) {
			old, _ := qaStore(t)
			path := old.Path()
			ids := metaTxids(t, path)
			page := 0
			if (ids[1] > ids[0]) == newer {
				page = 1
			}
			torn := overwritePage(t, path, page)
			// A store opened before the tear did not see the write that
			// tore it: damage, and nothing written.
			_, err := old.Sessions()
			wantDamage(t, "Sessions() of a store opened before", err, path, "meta page")
			if after, _ := os.ReadFile(path); !bytes.Equal(after, torn) {
				t.Fatal("a store opened before wrote to the file")
			}

			s, err := Open(path)
			if err != nil {
				t.Fatalf("Open() = %v; want the file recovered", err)
			}
			r := s.Recovered()
			if r == nil || r.Page != page || !strings.HasPrefix(r.Copy, path+".torn-") {
				t.Fatalf("Recovered() = %+v", r)
			}
			if !strings.Contains(r.String(), "the last change saved may be missing") || !strings.Contains(r.String(), r.Copy) {
				t.Errorf("Recovery says %q", r)
			}
			if copied, err := os.ReadFile(r.Copy); err != nil || !bytes.Equal(copied, torn) {
				t.Errorf("the copy is not the file as it was: %v", err)
			}
			if fi, err := os.Stat(r.Copy); err != nil || fi.Mode().Perm() != 0o600 {
				t.Errorf("the copy's mode is %v, %v; want 0600", fi.Mode(), err)
			}
			n, err := s.SessionCount()
			if want := map[bool]int{true: 0, false: 12}[newer]; err != nil || n != want {
				t.Errorf("SessionCount() = %d, %v; want %d", n, err, want)
			}
			if _, ok, err := s.Routine("mine"); err != nil || !ok {
				t.Errorf("the routine added before is gone: %v", err)
			}
			if err := s.Check(); err != nil {
				t.Errorf("Check() = %v", err)
			}
			if err := s.SetSetting("k", "v"); err != nil {
				t.Errorf("SetSetting() = %v", err)
			}
			// Mended: opened again, it is sound, and no other copy is made.
			again, err := Open(path)
			if err != nil || again.Recovered() != nil {
				t.Errorf("Open() again = %+v, %v; want a sound file", again.Recovered(), err)
			}
			if copies, _ := filepath.Glob(path + ".torn-*"); len(copies) != 1 {
				t.Errorf("copies: %q; want one", copies)
			}
		})
	}
}

// Both meta pages invalid: refused, the file untouched, no copy made.
func TestBothMetaPagesInvalid(t *testing.T) {
	s, _ := qaStore(t)
	overwritePage(t, s.Path(), 0)
	data := overwritePage(t, s.Path(), 1)
	_, err := Open(s.Path())
	wantDamage(t, "Open()", err, s.Path(), "both meta pages are invalid")
	if after, _ := os.ReadFile(s.Path()); !bytes.Equal(after, data) {
		t.Error("the file was written to")
	}
	if copies, _ := filepath.Glob(s.Path() + ".torn-*"); len(copies) != 0 {
		t.Errorf("copies made of a file not recovered: %q", copies)
	}
}

// A file cut short anywhere from 8 KiB to the end of its used pages is
// refused before bbolt maps it (which would end the process with SIGBUS),
// by Open and by a store opened before the cut; the file is untouched.
func TestTruncatedFile(t *testing.T) {
	s, _ := qaStore(t)
	full, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	m := meta{buf: full[:pageHeaderSize+metaSize]}
	used := int(m.field64(metaPgidAt)) * 4096
	if other := (meta{buf: full[4096 : 4096+pageHeaderSize+metaSize]}); int(other.field64(metaPgidAt))*4096 > used {
		used = int(other.field64(metaPgidAt)) * 4096
	}
	for _, size := range []int{8192, 8192 + 100, 3 * 4096, used / 2, used - 4096, used - 1} {
		path := filepath.Join(t.TempDir(), "cut.db")
		if err := os.WriteFile(path, full[:size], 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := Open(path)
		wantDamage(t, "Open()", err, path, "the file is cut short")
		if !strings.Contains(err.Error(), "it ends at "+strconv.Itoa(size)+" bytes") {
			t.Errorf("size %d: %v", size, err)
		}
		before := bytes.Clone(full[:size])
		if err := os.WriteFile(s.Path(), before, 0o600); err != nil {
			t.Fatal(err)
		}
		_, err = s.Sessions()
		wantDamage(t, "Sessions() after the cut", err, s.Path(), "the file is cut short")
		err = s.SetSetting("k", "v")
		wantDamage(t, "SetSetting() after the cut", err, s.Path(), "the file is cut short")
		if after, _ := os.ReadFile(s.Path()); !bytes.Equal(after, before) {
			t.Errorf("size %d: the file was written to", size)
		}
	}
	// Cut within the unused pages beyond the used ones, it is sound.
	if len(full) > used {
		path := filepath.Join(t.TempDir(), "tail.db")
		if err := os.WriteFile(path, full[:used], 0o600); err != nil {
			t.Fatal(err)
		}
		if st, err := Open(path); err != nil {
			t.Errorf("Open(cut after the used pages) = %v", err)
		} else if err := st.Check(); err != nil {
			t.Errorf("Check(cut after the used pages) = %v", err)
		}
	}
}

// A device, say /dev/null, is not a database: refused as such, never
// opened for writing, never advised to be removed.
func TestOpenDevice(t *testing.T) {
	_, err := Open(os.DevNull)
	if !errors.Is(err, ErrNotCorecoach) || !strings.Contains(err.Error(), os.DevNull+" is not a regular file, so not a corecoach database") ||
		strings.Contains(err.Error(), "remove") {
		t.Errorf("Open(%s) = %v", os.DevNull, err)
	}
}

// One record that does not read back makes the whole file read-only,
// decided once, before the first write: every write refuses with the
// reason and the file is unchanged.
func TestDamagedRecordMakesReadOnly(t *testing.T) {
	s, doc := qaStore(t)
	rawUpdate(t, s.Path(), func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketSessions).Cursor()
		k, v := c.First()
		bad := bytes.Clone(v)
		bad[0] = '['
		return tx.Bucket(bucketSessions).Put(bytes.Clone(k), bad)
	})
	before, _ := os.ReadFile(s.Path())
	s, err := Open(s.Path())
	if err != nil {
		t.Fatalf("Open() = %v; a damaged record is read-only, not refused", err)
	}
	reason := s.ReadOnlyReason()
	wantDamage(t, "ReadOnlyReason()", reason, s.Path(), "does not read back")
	if s.Writable() {
		t.Error("Writable() = true")
	}
	sess := session("01NEW", time.Date(2026, 3, 8, 9, 0, 0, 0, time.UTC), StatusCompleted)
	writes := map[string]func() error{
		"SaveSession": func() error { return s.SaveSession(sess) },
		"SaveRoutine": func() error { return s.SaveRoutine(RoutineFile{ID: "other", Data: []byte("x")}) },
		"SaveCheckin": func() error {
			return s.SaveCheckin(Checkin{Date: "2026-03-09", Pain: 3, At: time.Now(), SessionID: "01NEW"})
		},
		"SetSetting": func() error { return s.SetSetting("safety_confirmed", "yes") },
		"Import":     func() error { _, _, err := s.Import(bytes.NewReader(doc)); return err },
	}
	for name, write := range writes {
		if err := write(); err == nil || err.Error() != reason.Error() {
			t.Errorf("%s() = %v; want the reason", name, err)
		}
	}
	if after, _ := os.ReadFile(s.Path()); !bytes.Equal(after, before) {
		t.Error("the damaged file was written to")
	}
}

// A sound file and one not created yet may be written.
func TestWritable(t *testing.T) {
	missing, err := Open(filepath.Join(t.TempDir(), "none.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := missing.ReadOnlyReason(); err != nil {
		t.Errorf("ReadOnlyReason(missing) = %v", err)
	}
	if _, err := os.Stat(missing.Path()); err == nil {
		t.Error("ReadOnlyReason created the file")
	}
	s, _ := qaStore(t)
	if err := s.ReadOnlyReason(); err != nil || !s.Writable() {
		t.Errorf("ReadOnlyReason(sound) = %v", err)
	}
}

// flipRecord flips one byte in the JSON of the n-th stored session, as
// `dd conv=notrunc` of one byte would: the pages stay sound.
func flipRecord(t *testing.T, path string, n int) (id string) {
	t.Helper()
	rawUpdate(t, path, func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketSessions).Cursor()
		k, v := c.First()
		for range n {
			k, v = c.Next()
		}
		bad := bytes.Clone(v)
		bad[0] = '['
		id = string(k[8:])
		return tx.Bucket(bucketSessions).Put(bytes.Clone(k), bad)
	})
	return id
}

// One damaged record does not hide the others: each read returns every
// record that reads back and names those left out; export writes the rest
// as a document that imports into a new database.
func TestReadsLeaveOutDamagedRecords(t *testing.T) {
	s, _ := qaStore(t)
	id := flipRecord(t, s.Path(), 3)
	rawUpdate(t, s.Path(), func(tx *bolt.Tx) error {
		errs := []error{
			tx.Bucket(bucketRoutines).Put([]byte("broken"), []byte("{")),
			tx.Bucket(bucketDays).Put([]byte("2000-01-01"), []byte{9}),
			tx.Bucket(bucketCheckins).Put([]byte("2026-01-02"), []byte(`{"date":"2026-01-02","pain":3}`)),
			tx.Bucket(bucketCheckins).Put([]byte("2026-01-03"), []byte(`{"date":"2026-01-03","pain":30}`)),
		}
		return errors.Join(errs...)
	})
	wantLeftOut := func(what string, err error, want string) {
		t.Helper()
		var lo *LeftOut
		if !errors.As(err, &lo) || !errors.Is(err, ErrDamaged) || len(lo.Records) != 1 || !strings.Contains(lo.Records[0], want) {
			t.Errorf("%s: %v; want one record left out, %q", what, err, want)
		}
	}
	ss, err := s.Sessions()
	wantLeftOut("Sessions()", err, "session "+id+" (started ")
	if len(ss) != 11 {
		t.Errorf("Sessions() = %d sessions; want the 11 that read back", len(ss))
	}
	rs, err := s.Routines()
	wantLeftOut("Routines()", err, `routine "broken"`)
	if len(rs) != 1 || rs[0].ID != "mine" {
		t.Errorf("Routines() = %+v", rs)
	}
	cs, err := s.Checkins()
	wantLeftOut("Checkins()", err, `check-in "2026-01-03"`)
	if len(cs) != 1 {
		t.Errorf("Checkins() = %+v", cs)
	}
	ds, err := s.Days()
	wantLeftOut("Days()", err, `day record "2000-01-01"`)
	if len(ds) != 11 { // 12 days, one of them replaced
		t.Errorf("Days() = %d records", len(ds))
	}
	if merged := MergeLeftOut(nil, errors.Join(), err, err); merged == nil || len(merged.(*LeftOut).Records) != 1 {
		t.Errorf("MergeLeftOut() = %v", merged)
	}

	// Export carries check-ins and routines too: each damaged one is named.
	var buf bytes.Buffer
	err = s.Export(&buf, time.Now())
	var lo *LeftOut
	if !errors.As(err, &lo) || len(lo.Records) != 3 || !strings.Contains(lo.Records[0], id) ||
		!strings.Contains(lo.Records[1], `check-in "2026-01-03"`) || !strings.Contains(lo.Records[2], `routine "broken"`) {
		t.Errorf("Export(): %v; want the session, the check-in and the routine left out", err)
	}
	rescue := newStore(t)
	res, err := rescue.ImportHistory(&buf)
	if err != nil || res.Added != 11 || res.Checkins.Added != 1 || res.Routines.Added != 1 {
		t.Errorf("ImportHistory(rescue) = %+v, %v; want the 11 sessions, 1 check-in and 1 routine", res, err)
	}
}
