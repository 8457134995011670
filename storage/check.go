package storage

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// Check verifies the whole file: bbolt's own page checks, then that every
// record decodes, that the id index and the sessions agree, and that the
// daily roll-up matches the sessions. It reports every problem found, in
// one error naming the file, without advice: the caller says how to save
// what the file holds. A missing file is an error of fs.ErrNotExist.
func (s *Store) Check() error {
	return withAdvice(s.check(), "")
}

func (s *Store) check() error {
	if _, err := os.Stat(s.path); err != nil {
		if os.IsNotExist(err) {
			return fileErrorf(fs.ErrNotExist, "database %s does not exist", s.path)
		}
		return fmt.Errorf("cannot check database %s: %w", s.path, unwrapPathErr(err))
	}
	var problems []string
	err := s.view(func(tx *bolt.Tx) error {
		problems = s.problems(tx)
		return nil
	})
	if err != nil {
		return err
	}
	return damageReport(s.path, problems)
}

// pageProblems is what bbolt's page check finds; it reads every page but
// decodes no record.
func pageProblems(tx *bolt.Tx) []string {
	var out []string
	for err := range tx.Check() { // drained: the check runs until it is read
		out = append(out, damageDetail(err))
	}
	return out
}

// problems lists what is wrong in the file as seen by tx.
func (s *Store) problems(tx *bolt.Tx) []string {
	if out := pageProblems(tx); len(out) > 0 {
		return out // records on damaged pages cannot be trusted
	}
	return s.recordProblems(tx)
}

// recordProblems is the second half of problems: every record decodes and
// the index and roll-up agree.
func (s *Store) recordProblems(tx *bolt.Tx) []string {
	var out []string
	checkRecords(s, tx, func(format string, args ...any) {
		out = append(out, fmt.Sprintf(format, args...))
	})
	return out
}

// maxListed bounds the problems listed: a page of garbage can yield
// thousands, and the first ones say what matters.
const maxListed = 20

// damageReport is the damage error for a list of problems: one inline, or
// a count followed by the list.
func damageReport(path string, problems []string) error {
	switch len(problems) {
	case 0:
		return nil
	case 1:
		return damaged(path, problems[0])
	}
	var b strings.Builder
	for i, p := range problems {
		if i == maxListed {
			fmt.Fprintf(&b, "\n  and %d more", len(problems)-maxListed)
			break
		}
		b.WriteString("\n  " + p)
	}
	err := damaged(path, fmt.Sprintf("%d problems, listed below", len(problems))).(*fileError)
	err.list = b.String()
	return err
}

func checkRecords(s *Store, tx *bolt.Tx, add func(string, ...any)) {
	ids := tx.Bucket(bucketSessionIDs)
	dates := map[string]bool{}
	known := map[string]dayEntry{} // decoded once, for the roll-up too
	_ = tx.Bucket(bucketSessions).ForEach(func(k, v []byte) error {
		sess, err := parseSession(k, v)
		if err != nil {
			add("%s does not read back: %v", storedSessionName(k), err)
			return nil
		}
		if !bytes.Equal(ids.Get([]byte(sess.ID)), k) {
			add("session %s is missing from the id index", showID(sess.ID))
		}
		e := entryOf(sess)
		dates[e.day] = true
		known[string(k)] = e
		return nil
	})
	_ = ids.ForEach(func(id, k []byte) error {
		if tx.Bucket(bucketSessions).Get(k) == nil {
			add("the id index names session %s, which is not stored", showID(string(id)))
		}
		return nil
	})
	checkDays(tx, dates, known, add)
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
	_ = tx.Bucket(bucketVisits).ForEach(func(k, v []byte) error {
		if _, err := parseVisit(k, v); err != nil {
			add("visit %s does not read back: %v", showID(string(k)), err)
		}
		return nil
	})
}

// checkDays compares the stored roll-up with one computed afresh.
func checkDays(tx *bolt.Tx, dates map[string]bool, known map[string]dayEntry, add func(string, ...any)) {
	want, err := rollUp(tx, dates, known)
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
