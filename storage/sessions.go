package storage

import (
	"bytes"
	"crypto/rand"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/oklog/ulid/v2"
	bolt "go.etcd.io/bbolt"
)

// NewSessionID returns a new ULID for a session started at t, so ids sort by
// start time too.
func NewSessionID(t time.Time) string {
	ms := uint64(0)
	if t.After(time.UnixMilli(0)) {
		ms = ulid.Timestamp(t)
	}
	return ulid.MustNew(min(ms, ulid.MaxTime()), rand.Reader).String()
}

const maxIDLen = 128

// checkSession reports what makes s unfit to store, naming the field; the
// caller names the session.
func checkSession(s Session) error {
	switch {
	case s.ID == "":
		return fmt.Errorf("id is missing")
	case len(s.ID) > maxIDLen || !utf8.ValidString(s.ID):
		return fmt.Errorf("id %.40q is not a valid id (at most %d bytes of UTF-8 text)", s.ID, maxIDLen)
	case s.StartedAt.IsZero():
		return fmt.Errorf("started_at is missing")
	case !offsetInUse(s.StartedAt):
		return fmt.Errorf("started_at %s has the offset %s, outside the offsets in use (-12:00 to +14:00)",
			s.StartedAt.Format(time.RFC3339), s.StartedAt.Format("-07:00"))
	case s.Status != StatusCompleted && s.Status != StatusPartial:
		return fmt.Errorf("status %q is neither %q nor %q", s.Status, StatusCompleted, StatusPartial)
	}
	for _, f := range []struct {
		name string
		p    *int
	}{{"pain_before", s.PainBefore}, {"pain_after", s.PainAfter}} {
		if f.p != nil && (*f.p < 0 || *f.p > 10) {
			return fmt.Errorf("%s %d is outside 0..10 (or null when skipped)", f.name, *f.p)
		}
	}
	return nil
}

// offsetInUse reports whether t's offset from UTC is one that places use:
// others would put a session's day beyond the bounds the roll-up reads.
func offsetInUse(t time.Time) bool {
	_, off := t.Zone()
	d := time.Duration(off) * time.Second
	return d >= minOffset && d <= maxOffset
}

// normalize keeps what the format stores: times to the second with the
// offset of the session's zone (when known, else their own), and an empty
// list rather than null for exercises.
func normalize(s Session) Session {
	loc := loadZone(s.Zone)
	if loc == nil {
		loc = s.StartedAt.Location()
	}
	s.StartedAt = s.StartedAt.Truncate(time.Second).In(loc)
	if s.EndedAt != nil {
		e := s.EndedAt.Truncate(time.Second).In(loc)
		s.EndedAt = &e
	}
	if s.Exercises == nil {
		s.Exercises = []ExerciseResult{}
	}
	return s
}

// sessionKey orders sessions by start instant (seconds, sign bit flipped so
// that the byte order is the time order), then by id.
func sessionKey(start time.Time, id string) []byte {
	k := make([]byte, 8, 8+len(id))
	binary.BigEndian.PutUint64(k, timeKey(start))
	return append(k, id...)
}

func timeKey(t time.Time) uint64 { return uint64(t.Unix()) ^ 1<<63 }

// SaveSession inserts or replaces the session with s.ID, and updates the
// daily roll-up in the same transaction. Save a running session with status
// partial at its start and at each checkpoint, and with its final status at
// the end, so that one never finished reads back as partial.
func (s *Store) SaveSession(sess Session) error {
	if err := checkSession(sess); err != nil {
		return fmt.Errorf("cannot save to %s: session %s: %w", s.path, showID(sess.ID), err)
	}
	sess = normalize(sess)
	val, err := json.Marshal(sess)
	if err != nil {
		return fmt.Errorf("cannot save to %s: session %s: %w", s.path, showID(sess.ID), err)
	}
	return s.update(func(tx *bolt.Tx) error {
		if k := tx.Bucket(bucketSessionIDs).Get([]byte(sess.ID)); k != nil && bytes.Equal(tx.Bucket(bucketSessions).Get(k), val) {
			return errNoChange
		}
		days := map[string]bool{SessionDay(sess): true}
		if old, ok, err := removeSession(tx, sess.ID); err != nil {
			return err
		} else if ok {
			days[SessionDay(old)] = true
		}
		if err := putSession(tx, sess, val); err != nil {
			return err
		}
		return s.recomputeDays(tx, days, nil)
	})
}

// removeSession deletes the stored session with id, returning it.
func removeSession(tx *bolt.Tx, id string) (Session, bool, error) {
	key := tx.Bucket(bucketSessionIDs).Get([]byte(id))
	if key == nil {
		return Session{}, false, nil
	}
	sessions := tx.Bucket(bucketSessions)
	var old Session
	if v := sessions.Get(key); v != nil {
		if err := json.Unmarshal(v, &old); err != nil {
			return Session{}, false, err
		}
	}
	return old, true, sessions.Delete(key)
}

func putSession(tx *bolt.Tx, sess Session, val []byte) error {
	key := sessionKey(sess.StartedAt, sess.ID)
	if err := tx.Bucket(bucketSessions).Put(key, val); err != nil {
		return err
	}
	return tx.Bucket(bucketSessionIDs).Put([]byte(sess.ID), key)
}

// Sessions returns every stored session, oldest first.
func (s *Store) Sessions() ([]Session, error) {
	return s.SessionsSince(time.Time{})
}

// SessionsSince returns the sessions started at or after t, oldest first.
// A session that does not read back is left out and named in a *LeftOut
// error, returned with the others.
func (s *Store) SessionsSince(t time.Time) ([]Session, error) {
	var out []Session
	skipped := leftOut{path: s.path}
	err := s.view(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketSessions).Cursor()
		start := []byte(nil)
		if !t.IsZero() {
			// Keys hold whole seconds; a t inside a second starts after it.
			start = binary.BigEndian.AppendUint64(nil, timeKey(t.Add(time.Second-1)))
		}
		for k, v := c.Seek(start); k != nil; k, v = c.Next() {
			sess, err := parseSession(k, v)
			if err != nil {
				skipped.add("%s does not read back: %v", storedSessionName(k), err)
				continue
			}
			out = append(out, sess)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, skipped.err()
}

// LastSession returns the session started last.
func (s *Store) LastSession() (sess Session, ok bool, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		sess, ok, err = s.lastSession(tx)
		return err
	})
	return sess, ok, err
}

func (s *Store) lastSession(tx *bolt.Tx) (Session, bool, error) {
	k, v := tx.Bucket(bucketSessions).Cursor().Last()
	if k == nil {
		return Session{}, false, nil
	}
	sess, err := s.decodeSession(k, v)
	return sess, err == nil, err
}

// SessionCount is the number of stored sessions.
func (s *Store) SessionCount() (n int, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		n = tx.Bucket(bucketSessionIDs).Stats().KeyN
		return nil
	})
	return n, err
}

func (s *Store) decodeSession(k, v []byte) (Session, error) {
	sess, err := parseSession(k, v)
	if err != nil {
		return Session{}, damaged(s.path, fmt.Sprintf("a stored session does not read back: %v", err))
	}
	return sess, nil
}

// parseSession decodes a stored session and checks it belongs under key k.
func parseSession(k, v []byte) (Session, error) {
	var sess Session
	err := json.Unmarshal(v, &sess)
	if err == nil {
		if err = checkSession(sess); err != nil {
			err = fmt.Errorf("session %s: %w", showID(sess.ID), err)
		}
	}
	if err == nil && !bytes.Equal(k, sessionKey(sess.StartedAt, sess.ID)) {
		err = fmt.Errorf("session %s is stored under the wrong key", showID(sess.ID))
	}
	return sess, err
}

// storedSessionName names a stored session by its key alone, for when its
// record does not read back: the key holds its start and its id.
func storedSessionName(k []byte) string {
	if len(k) <= 8 {
		return fmt.Sprintf("the session under key %x", k)
	}
	start := time.Unix(int64(beUint64(k)^1<<63), 0).UTC()
	return fmt.Sprintf("session %s (started %s)", showID(string(k[8:])), start.Format("2006-01-02 15:04 UTC"))
}

func beUint64(b []byte) uint64 { return binary.BigEndian.Uint64(b[:8]) }
