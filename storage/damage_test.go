package storage

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// qaStore is the database of the QA report: an added routine and 12
// imported sessions. It returns the store and the document imported.
func qaStore(t *testing.T) (*Store, []byte) {
	t.Helper()
	s := newStore(t)
	if err := s.SaveRoutine(RoutineFile{ID: "mine", Name: "Mine", Data: []byte("corecoach: 1\n")}); err != nil {
		t.Fatal(err)
	}
	doc := historyDoc(t, 12)
	if added, _, err := s.Import(bytes.NewReader(doc)); err != nil || added != 12 {
		t.Fatal(added, err)
	}
	return s, doc
}

// overwritePage writes a page of random bytes over page n, as
// `dd if=/dev/urandom bs=4096 seek=n conv=notrunc` would.
func overwritePage(t *testing.T, path string, n int) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(uint64(n), 7))
	for i := n * 4096; i < (n+1)*4096 && i < len(data); i++ {
		data[i] = byte(rng.Uint32())
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return data
}

// wantDamage checks err is a damage error naming the file, with advice
// (but from Check, which leaves it to its caller) and no Go internals.
func wantDamage(t *testing.T, what string, err error, path, detail string) {
	t.Helper()
	if !errors.Is(err, ErrDamaged) {
		t.Errorf("%s = %v; want damage", what, err)
		return
	}
	msg := err.Error()
	advice := "; nothing is written to it: 'corecoach check' says how to save what it holds"
	if !strings.HasPrefix(msg, "database "+path+" is damaged (") || !strings.Contains(msg, detail) ||
		strings.Contains(msg, advice) == strings.HasPrefix(what, "Check") {
		t.Errorf("%s = %q; want the file, %q and what to do", what, msg, detail)
	}
	if low := strings.ToLower(msg); strings.Contains(low, "panic") || strings.Contains(low, "runtime error") {
		t.Errorf("%s = %q shows Go internals", what, msg)
	}
}

// A damaged data page: Import checks the whole file before writing.
func TestImportChecksBeforeWriting(t *testing.T) {
	s, doc := qaStore(t)
	data := overwritePage(t, s.Path(), 4)
	if s.Check() == nil {
		t.Fatal("Check() found nothing on a random page")
	}
	_, _, err := s.Import(bytes.NewReader(doc)) // adds nothing
	wantDamage(t, "Import() of nothing new", err, s.Path(), "")
	_, _, err = s.Import(bytes.NewReader(historyDoc(t, 1)))
	wantDamage(t, "Import() of a new session", err, s.Path(), "")
	if after, _ := os.ReadFile(s.Path()); !bytes.Equal(after, data) {
		t.Error("the damaged file was written to")
	}
}

// bbolt writes a new meta page on every commit: a write that changes
// nothing must not commit.
func TestWriteOfNothingLeavesFileAlone(t *testing.T) {
	s, doc := qaStore(t)
	sess := session("01A", time.Date(2026, 3, 8, 23, 30, 0, 0, time.UTC), StatusCompleted)
	c := Checkin{Date: "2026-03-09", Pain: 3, At: time.Date(2026, 3, 9, 9, 0, 0, 0, time.UTC), SessionID: "01A"}
	r, _, _ := s.Routine("mine")
	if err := errors.Join(s.SaveSession(sess), s.SaveCheckin(c), s.SetSetting("k", "v")); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(s.Path())
	writes := map[string]func() error{
		"Import":      func() error { _, _, err := s.Import(bytes.NewReader(doc)); return err },
		"SaveSession": func() error { return s.SaveSession(sess) },
		"SaveRoutine": func() error { return s.SaveRoutine(r) },
		"SaveCheckin": func() error { return s.SaveCheckin(c) },
		"SetSetting":  func() error { return s.SetSetting("k", "v") },
	}
	for name, write := range writes {
		if err := write(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if after, _ := os.ReadFile(s.Path()); !bytes.Equal(after, before) {
			t.Errorf("%s of what is stored already wrote to the file", name)
		}
	}
	if added, skipped, err := s.Import(bytes.NewReader(doc)); err != nil || added != 0 || skipped != 12 {
		t.Errorf("Import() again = %d, %d, %v; want 0 added, 12 skipped", added, skipped, err)
	}
}

// A panic or a bbolt error inside a write is damage; the write is undone.
func TestWriteFailureIsDamage(t *testing.T) {
	s, _ := qaStore(t)
	before, _ := os.ReadFile(s.Path())
	put := func(tx *bolt.Tx) error { return tx.Bucket(bucketSettings).Put([]byte("half"), []byte("done")) }
	tests := map[string]func(tx *bolt.Tx) error{
		"panic": func(tx *bolt.Tx) error {
			_ = put(tx)
			panic("assertion failed: page 9 already freed")
		},
		"runtime error": func(tx *bolt.Tx) error {
			_ = put(tx)
			var b []byte
			_ = b[len(tx.Bucket(bucketSettings).Get([]byte("half")))]
			return nil
		},
		"bbolt error": func(tx *bolt.Tx) error {
			_ = put(tx)
			return berrors.ErrIncompatibleValue
		},
	}
	for name, fn := range tests {
		err := s.update(fn)
		wantDamage(t, name, err, s.Path(), "")
		if after, _ := os.ReadFile(s.Path()); !bytes.Equal(after, before) {
			t.Errorf("%s: the write was kept", name)
		}
	}
}

func TestDamageDetail(t *testing.T) {
	var runtimeErr any
	func() {
		defer func() { runtimeErr = recover() }()
		var b []byte
		_ = b[len(os.Args)+3]
	}()
	tests := []struct {
		in   any
		want string
	}{
		{"panic: assertion failed: Page expected to be: 23, but self identifies as 0", "Page expected to be: 23, but self identifies as 0"},
		{"page 7: unreachable unfreed", "page 7: unreachable unfreed"},
		{runtimeErr, "a page points outside its bounds"},
		{errors.New("runtime error: slice bounds out of range [:16384] with capacity 4096"), "a page does not read back"},
		{"", "a page does not read back"},
	}
	for _, tt := range tests {
		if got := damageDetail(tt.in); got != tt.want {
			t.Errorf("damageDetail(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEncodeJSONEscapesTerminalControls(t *testing.T) {
	in := map[string]string{"note": "a\x1b[2J b\u0085 c\u202e d\x7f e\u00e9"}
	var buf bytes.Buffer
	if err := EncodeJSON(&buf, in); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, r := range out {
		if r != '\n' && (r < 0x20 || terminalControl(r)) {
			t.Errorf("output holds %U: %q", r, out)
		}
	}
	var back map[string]string
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil || back["note"] != in["note"] {
		t.Errorf("round trip = %q, %v; want %q", back["note"], err, in["note"])
	}
}

// No arrangement of bytes in a meta page makes the check fail to answer.
func FuzzMetaProblem(f *testing.F) {
	s := newStore(f)
	data, err := os.ReadFile(s.Path())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data[:4096], int64(len(data)))
	f.Add([]byte{}, int64(0))
	f.Fuzz(func(t *testing.T, page []byte, size int64) {
		_ = meta{buf: page}.problem(0)
		_ = meta{buf: page}.bboltAccepts()
	})
}

// The QA report's file: a page of sessions overwritten. Verify finds it
// before anything is done; a sound file and one not created yet verify.
func TestVerify(t *testing.T) {
	missing, err := Open(t.TempDir() + "/none.db")
	if err != nil {
		t.Fatal(err)
	}
	if err := missing.Verify(); err != nil {
		t.Errorf("Verify(missing) = %v", err)
	}
	s, _ := qaStore(t)
	if err := s.Verify(); err != nil {
		t.Fatalf("Verify(sound) = %v", err)
	}
	overwritePage(t, s.Path(), 4)
	if s, err = Open(s.Path()); err != nil {
		t.Fatalf("Open after damage to a session page = %v; the QA file opens", err)
	}
	wantDamage(t, "Verify", s.Verify(), s.Path(), "")
}
