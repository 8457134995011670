package storage

import (
	"bytes"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Check verifies the whole file: bbolt's own page checks, then that every
// record decodes, that the id index and the sessions agree, and that the
// daily roll-up matches the sessions. It returns every problem found, one
// per line, each naming the file.
func (s *Store) Check() error {
	var problems []error
	add := func(format string, args ...any) {
		problems = append(problems, fmt.Errorf("database %s: "+format, append([]any{s.path}, args...)...))
	}
	err := s.view(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			add("%v", err)
		}
		if len(problems) > 0 {
			return nil // records on damaged pages cannot be trusted
		}
		checkRecords(s, tx, add)
		return nil
	})
	if err != nil {
		return err
	}
	return errors.Join(problems...)
}

func checkRecords(s *Store, tx *bolt.Tx, add func(string, ...any)) {
	ids := tx.Bucket(bucketSessionIDs)
	dates := map[string]bool{}
	_ = tx.Bucket(bucketSessions).ForEach(func(k, v []byte) error {
		sess, err := parseSession(k, v)
		if err != nil {
			add("session under key %x does not read back: %v", k, err)
			return nil
		}
		if !bytes.Equal(ids.Get([]byte(sess.ID)), k) {
			add("session %s is missing from the id index", sess.ID)
		}
		dates[SessionDay(sess)] = true
		return nil
	})
	_ = ids.ForEach(func(id, k []byte) error {
		if tx.Bucket(bucketSessions).Get(k) == nil {
			add("the id index names session %s, which is not stored", id)
		}
		return nil
	})
	checkDays(tx, dates, add)
	_ = tx.Bucket(bucketRoutines).ForEach(func(k, v []byte) error {
		if _, err := s.decodeRoutine(k, v); err != nil {
			add("routine %q does not read back", k)
		}
		return nil
	})
	_ = tx.Bucket(bucketCheckins).ForEach(func(k, v []byte) error {
		if _, err := s.decodeCheckin(k, v); err != nil {
			add("check-in %q does not read back", k)
		}
		return nil
	})
}

// checkDays compares the stored roll-up with one computed afresh.
func checkDays(tx *bolt.Tx, dates map[string]bool, add func(string, ...any)) {
	want, err := rollUp(tx, dates, nil)
	if err != nil {
		return // the sessions' own problems are reported already
	}
	_ = tx.Bucket(bucketDays).ForEach(func(k, v []byte) error {
		got, ok := decodeDay(k, v)
		if !ok {
			add("day record %q does not read back", k)
		} else if w := want[string(k)]; w == nil || *w != got {
			add("day record %s does not match its sessions", k)
		}
		delete(want, string(k))
		return nil
	})
	for d := range want {
		add("day record %s is missing", d)
	}
}
