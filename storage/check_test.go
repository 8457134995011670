package storage

import (
	"os"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

func TestCheck(t *testing.T) {
	start := time.Date(2026, 4, 1, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		damage func(tx *bolt.Tx) error
		want   []string
	}{
		{"clean", func(*bolt.Tx) error { return nil }, nil},
		{"bad session", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketSessions).Put(sessionKey(start, "zz"), []byte(`{"id":"zz"`))
		}, []string{"does not read back"}},
		{"wrong key", func(tx *bolt.Tx) error {
			v := tx.Bucket(bucketSessions).Get(sessionKey(start, "a"))
			return tx.Bucket(bucketSessions).Put(sessionKey(start.Add(time.Hour), "a"), v)
		}, []string{"wrong key"}},
		{"index", func(tx *bolt.Tx) error {
			if err := tx.Bucket(bucketSessionIDs).Delete([]byte("a")); err != nil {
				return err
			}
			return tx.Bucket(bucketSessionIDs).Put([]byte("ghost"), sessionKey(start, "ghost"))
		}, []string{"session a is missing from the id index", "names session ghost"}},
		{"days", func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketDays)
			if err := b.Delete([]byte("2026-04-01")); err != nil {
				return err
			}
			return b.Put([]byte("2026-04-05"), encodeDay(DayRecord{Date: "2026-04-05", Sessions: 1}))
		}, []string{"day record 2026-04-01 is missing", "day record 2026-04-05 does not match"}},
		{"routine and check-in", func(tx *bolt.Tx) error {
			if err := tx.Bucket(bucketRoutines).Put([]byte("r"), []byte("[")); err != nil {
				return err
			}
			return tx.Bucket(bucketCheckins).Put([]byte("2026-04-01"), []byte(`{"date":"2026-04-01","pain":12}`))
		}, []string{`routine "r"`, `check-in "2026-04-01"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			if err := s.SaveSession(session("a", start, StatusCompleted)); err != nil {
				t.Fatal(err)
			}
			rawUpdate(t, s.Path(), tt.damage)
			err := s.Check()
			if tt.want == nil {
				if err != nil {
					t.Errorf("Check() = %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("Check() found nothing")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("Check() = %v\nwant %q", err, w)
				}
			}
			lines := strings.Split(err.Error(), "\n")
			// The caller of Check says how to save what the file holds.
			if !strings.HasPrefix(lines[0], "database "+s.Path()+" is damaged (") || !strings.HasSuffix(lines[0], ")") {
				t.Errorf("first line %q does not name the file and what is wrong, and only that", lines[0])
			}
			for _, line := range lines[1:] {
				if !strings.HasPrefix(line, "  ") {
					t.Errorf("problem %q is not listed under the first line", line)
				}
			}
		})
	}
}

// Damage to a data page is found by bbolt's page check, and the file is
// not changed by looking.
func TestCheckDamagedPage(t *testing.T) {
	s := newStore(t)
	for i := range 200 {
		x := session(NewSessionID(time.Unix(int64(i)*3600, 0)), time.Unix(int64(i)*3600, 0).UTC(), StatusCompleted)
		x.Note = strings.Repeat("n", 200)
		if err := s.SaveSession(x); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	// Overwrite pages past the meta and root pages with a pattern.
	for i := 4 * 4096; i < len(data)-4096; i++ {
		data[i] = byte(i)
	}
	if err := os.WriteFile(s.Path(), data, 0o600); err != nil {
		t.Fatal(err)
	}
	err = s.Check()
	if err == nil || !strings.Contains(err.Error(), s.Path()) {
		t.Errorf("Check() = %v; want problems naming the file", err)
	}
	if after, _ := os.ReadFile(s.Path()); string(after) != string(data) {
		t.Error("Check changed the file")
	}
}
