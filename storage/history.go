package storage

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
)

// The history document of contract section 3.
const (
	HistoryFormat  = "corecoach-history"
	HistoryVersion = 1
	// MaxHistorySize bounds what Import reads: about 100,000 sessions.
	MaxHistorySize = 64 << 20
)

// History is a history document.
type History struct {
	Format     string    `json:"format"`
	Version    int       `json:"version"`
	ExportedAt time.Time `json:"exported_at"`
	Sessions   []Session `json:"sessions"`
}

// Export writes every session, oldest first, as a history document.
func (s *Store) Export(w io.Writer, now time.Time) error {
	sessions, err := s.Sessions()
	if err != nil {
		return err
	}
	if sessions == nil {
		sessions = []Session{}
	}
	for i := range sessions {
		sessions[i] = cleanSession(sessions[i])
	}
	return encodeHistory(w, History{
		Format:     HistoryFormat,
		Version:    HistoryVersion,
		ExportedAt: now.UTC().Truncate(time.Second),
		Sessions:   sessions,
	})
}

func encodeHistory(w io.Writer, doc History) error {
	return EncodeJSON(w, doc)
}

// Import merges a history document: it is validated whole first, then
// written in one transaction, so a bad document writes nothing. A session
// whose id is stored already is left as it is (skipped), which makes
// importing the same document twice add nothing, and then nothing is
// written at all. The whole database is checked before it is written to,
// as Check does: a write on a damaged file can spread the damage.
func (s *Store) Import(r io.Reader) (added, skipped int, err error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxHistorySize+1))
	if err != nil {
		return 0, 0, err
	}
	if len(data) > MaxHistorySize {
		return 0, 0, fmt.Errorf("history document is larger than %d MiB", MaxHistorySize>>20)
	}
	doc, err := ParseHistory(data)
	if err != nil {
		return 0, 0, err
	}
	recs, dups, err := prepareImport(doc.Sessions)
	if err != nil {
		return 0, 0, err
	}
	err = s.update(func(tx *bolt.Tx) error {
		added, skipped = 0, dups
		if problems := s.recordProblems(tx); len(problems) > 0 { // pages are checked by update
			return damageReport(s.path, problems)
		}
		ids := tx.Bucket(bucketSessionIDs)
		sessions := tx.Bucket(bucketSessions)
		var newIDs []importRecord
		days := map[string]bool{}
		known := make(map[string]dayEntry, len(recs))
		for _, r := range recs { // in key order: bbolt appends cheaply
			if ids.Get(r.id) != nil {
				skipped++
				continue
			}
			if err := sessions.Put(r.key, r.val); err != nil {
				return err
			}
			newIDs = append(newIDs, r)
			days[r.entry.day] = true
			known[string(r.key)] = r.entry
		}
		if len(newIDs) == 0 {
			return errNoChange
		}
		slices.SortFunc(newIDs, func(a, b importRecord) int { return bytes.Compare(a.id, b.id) })
		for _, r := range newIDs {
			if err := ids.Put(r.id, r.key); err != nil {
				return err
			}
		}
		added = len(newIDs)
		return s.recomputeDays(tx, days, known)
	})
	if err != nil {
		return 0, 0, err
	}
	return added, skipped, nil
}

// importRecord is a session ready to store.
type importRecord struct {
	id, key, val []byte
	entry        dayEntry
}

// prepareImport encodes the sessions before the file is locked, drops the
// repeats of an id within the document (the first stays), and orders them
// by key.
func prepareImport(sessions []Session) (recs []importRecord, dups int, err error) {
	all := make([]importRecord, len(sessions))
	errs := make([]error, len(sessions))
	parallel(len(sessions), func(i int) {
		sess := normalize(sessions[i])
		val, err := json.Marshal(sess)
		all[i] = importRecord{id: []byte(sess.ID), key: sessionKey(sess.StartedAt, sess.ID), val: val, entry: entryOf(sess)}
		errs[i] = err
	})
	seen := make(map[string]bool, len(sessions))
	recs = all[:0]
	for i, r := range all {
		if errs[i] != nil {
			return nil, 0, fmt.Errorf("session %s: %w", showID(string(r.id)), errs[i])
		}
		if seen[string(r.id)] {
			dups++
			continue
		}
		seen[string(r.id)] = true
		recs = append(recs, r)
	}
	slices.SortFunc(recs, func(a, b importRecord) int { return bytes.Compare(a.key, b.key) })
	return recs, dups, nil
}

// parallel calls fn for 0..n-1 on every processor: encoding is a good
// part of the time an import takes.
func parallel(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n/256+1)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < n; i += workers {
				fn(i)
			}
		})
	}
	wg.Wait()
}
