package storage

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
)

// The history document that export writes and import reads.
const (
	HistoryFormat  = "corecoach-history"
	HistoryVersion = 2
	// MaxHistorySize bounds what Import reads: about 100,000 sessions.
	MaxHistorySize = 64 << 20
)

// History is a history document (docs/using-corecoach.md, "Your data").
// Version 1 documents hold sessions only.
type History struct {
	Format     string           `json:"format"`
	Version    int              `json:"version"`
	ExportedAt time.Time        `json:"exported_at"`
	Checkins   []HistoryCheckin `json:"checkins"`
	Visits     []Visit          `json:"visits"`
	// Measures and Progress are always empty: this corecoach stores
	// neither outcome questionnaires nor progress steps yet.
	Measures []json.RawMessage `json:"measures"`
	Progress []json.RawMessage `json:"progress"`
	Routines []HistoryRoutine  `json:"routines"`
	Sessions []Session         `json:"sessions"`
}

// Export writes everything the database holds as a history document:
// check-ins by date, visits by date, added routines by id and sessions
// oldest first. When some records do not read back, it writes the others
// and returns a *LeftOut error naming those left out: a damaged file's
// history is saved this way.
func (s *Store) Export(w io.Writer, now time.Time) error {
	doc := History{
		Format:     HistoryFormat,
		Version:    HistoryVersion,
		ExportedAt: now.UTC().Truncate(time.Second),
		Checkins:   []HistoryCheckin{},
		Visits:     []Visit{},
		Measures:   []json.RawMessage{},
		Progress:   []json.RawMessage{},
		Routines:   []HistoryRoutine{},
		Sessions:   []Session{},
	}
	var left []error
	sessions, err := s.Sessions()
	if err := CollectLeftOut(err, &left); err != nil {
		return err
	}
	for _, sess := range sessions {
		doc.Sessions = append(doc.Sessions, cleanSession(sess))
	}
	checkins, err := s.Checkins()
	if err := CollectLeftOut(err, &left); err != nil {
		return err
	}
	for _, c := range checkins {
		doc.Checkins = append(doc.Checkins, HistoryCheckinOf(c))
	}
	visits, err := s.Visits()
	if err := CollectLeftOut(err, &left); err != nil {
		return err
	}
	for _, v := range visits {
		doc.Visits = append(doc.Visits, cleanVisit(v))
	}
	files, err := s.Routines()
	if err := CollectLeftOut(err, &left); err != nil {
		return err
	}
	for _, r := range files {
		doc.Routines = append(doc.Routines, routineOf(r))
	}
	if err := encodeHistory(w, doc); err != nil {
		return err
	}
	return MergeLeftOut(left...)
}

func encodeHistory(w io.Writer, doc History) error {
	return EncodeJSON(w, doc)
}

// Import merges a history document (see ImportHistory) and counts the
// sessions added and those left as they were: stored already, the same or
// in conflict, or repeated within the document.
func (s *Store) Import(r io.Reader) (added, skipped int, err error) {
	res, err := s.ImportHistory(r)
	return res.Added, res.Present + len(res.Conflicts), err
}

// ImportResult is what an import did.
type ImportResult struct {
	Added   int
	Present int // sessions stored already as the document has them, or repeated in it the same
	// The other records, likewise.
	Checkins, Visits, Routines Tally
	// Conflicts are records whose key is stored already (or came earlier in
	// the document) with other content: the one there first is kept.
	Conflicts []Conflict
}

// Tally counts the records of one kind an import added and those it found
// stored already (or repeated in the document) as they are.
type Tally struct {
	Added, Present int
}

// Conflict is a record of a document that was not imported because its
// key is taken by a different record.
type Conflict struct {
	Kind       string   // "session" (also when empty), "check-in", "visit" or "routine"
	ID         string   // its id; a check-in's date
	Fields     []string // the fields that differ, in the order of the format
	InDocument bool     // the id came earlier in the document itself, not from the database
}

func (c Conflict) String() string {
	where := "is stored already"
	if c.InDocument {
		where = "comes twice in the document"
	}
	kind := c.Kind
	if kind == "" {
		kind = "session"
	}
	return fmt.Sprintf("%s %s %s with a different %s; the %s one is kept",
		kind, showID(c.ID), where, joinAnd(c.Fields), map[bool]string{false: "stored", true: "first"}[c.InDocument])
}

// ImportHistory merges a history document: it is validated whole first,
// then written in one transaction, so a bad document writes nothing. A
// session whose id is stored already is left as it is, which makes
// importing the same document twice add nothing, and then nothing is
// written at all; when the stored one differs, the result names the
// fields. Like every write, it is refused on a file ReadOnlyReason finds
// damaged.
func (s *Store) ImportHistory(r io.Reader) (ImportResult, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxHistorySize+1))
	if err != nil {
		return ImportResult{}, err
	}
	if len(data) > MaxHistorySize {
		return ImportResult{}, fmt.Errorf("history document is larger than %d MiB", MaxHistorySize>>20)
	}
	doc, err := ParseHistory(data)
	if err != nil {
		return ImportResult{}, err
	}
	recs, res, err := prepareImport(doc.Sessions)
	if err != nil {
		return ImportResult{}, err
	}
	others, err := keyedRecords(doc)
	if err != nil {
		return ImportResult{}, err
	}
	// Counted afresh on each try: update may run the function again.
	first := res
	err = s.update(func(tx *bolt.Tx) error {
		res = first
		res.Conflicts = slices.Clone(first.Conflicts)
		ids := tx.Bucket(bucketSessionIDs)
		sessions := tx.Bucket(bucketSessions)
		var newIDs []importRecord
		days := map[string]bool{}
		known := make(map[string]dayEntry, len(recs))
		for _, r := range recs { // in key order: bbolt appends cheaply
			if k := ids.Get(r.id); k != nil {
				if fields := differing(sessions.Get(k), r.val); len(fields) == 0 {
					res.Present++
				} else {
					res.Conflicts = append(res.Conflicts, Conflict{ID: string(r.id), Fields: fields})
				}
				continue
			}
			if err := sessions.Put(r.key, r.val); err != nil {
				return err
			}
			newIDs = append(newIDs, r)
			days[r.entry.day] = true
			known[string(r.key)] = r.entry
		}
		added, err := mergeKeyed(tx, others, &res)
		if err != nil {
			return err
		}
		if len(newIDs) == 0 && !added {
			return errNoChange
		}
		if len(newIDs) == 0 {
			return nil
		}
		slices.SortFunc(newIDs, func(a, b importRecord) int { return bytes.Compare(a.id, b.id) })
		for _, r := range newIDs {
			if err := ids.Put(r.id, r.key); err != nil {
				return err
			}
		}
		res.Added = len(newIDs)
		return s.recomputeDays(tx, days, known)
	})
	if err != nil {
		return ImportResult{}, err
	}
	slices.SortStableFunc(res.Conflicts, func(a, b Conflict) int {
		if c := strings.Compare(a.Kind, b.Kind); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return res, nil
}

// mergeKeyed stores the records whose key is free, counts them in res, and
// names the conflicts; added is whether anything was stored.
func mergeKeyed(tx *bolt.Tx, recs []keyedRecord, res *ImportResult) (added bool, err error) {
	tallies := map[string]*Tally{"check-in": &res.Checkins, "visit": &res.Visits, "routine": &res.Routines}
	first := map[string][]byte{} // kind and key: the value first in the document
	for _, r := range recs {
		t := tallies[r.kind]
		seenKey := r.kind + "\x00" + string(r.key)
		if val, ok := first[seenKey]; ok {
			if fields := r.differing(val); len(fields) == 0 {
				t.Present++
			} else {
				res.Conflicts = append(res.Conflicts, Conflict{Kind: r.kind, ID: string(r.key), Fields: fields, InDocument: true})
			}
			continue
		}
		first[seenKey] = r.val
		b := tx.Bucket(r.bucket)
		if stored := b.Get(r.key); stored != nil {
			if fields := r.differing(stored); len(fields) == 0 {
				t.Present++
			} else {
				res.Conflicts = append(res.Conflicts, Conflict{Kind: r.kind, ID: string(r.key), Fields: fields})
			}
			continue
		}
		if err := b.Put(r.key, r.val); err != nil {
			return false, err
		}
		t.Added++
		added = true
	}
	return added, nil
}

// sessionFields are the fields of a session object, in the format's order.
var sessionFields = []string{"id", "routine", "started_at", "ended_at", "zone", "status", "pain_before", "pain_after", "note", "exercises"}

// differing names the fields in which a stored session and one to import
// (both as stored, JSON) differ. The stored one is compared as an export
// writes it, so a backup of it is never in conflict with it.
func differing(stored, imported []byte) []string {
	if bytes.Equal(stored, imported) {
		return nil
	}
	var sess Session
	if err := json.Unmarshal(stored, &sess); err == nil {
		if clean, err := json.Marshal(normalize(cleanSession(sess))); err == nil {
			stored = clean
		}
	}
	if bytes.Equal(stored, imported) {
		return nil
	}
	out := jsonFieldsDiffering(stored, imported, sessionFields...)
	if out == nil { // the same fields, written differently
		out = []string{"encoding"}
	}
	return out
}

// joinAnd lists words as "a, b and c".
func joinAnd(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// importRecord is a session ready to store.
type importRecord struct {
	id, key, val []byte
	entry        dayEntry
}

// prepareImport encodes the sessions before the file is locked, drops the
// repeats of an id within the document (the first stays; a repeat that
// differs is a conflict), and orders them by key.
func prepareImport(sessions []Session) (recs []importRecord, res ImportResult, err error) {
	all := make([]importRecord, len(sessions))
	errs := make([]error, len(sessions))
	parallel(len(sessions), func(i int) {
		sess := normalize(sessions[i])
		val, err := json.Marshal(sess)
		all[i] = importRecord{id: []byte(sess.ID), key: sessionKey(sess.StartedAt, sess.ID), val: val, entry: entryOf(sess)}
		errs[i] = err
	})
	seen := make(map[string][]byte, len(sessions)) // id: the first one's value
	recs = all[:0]
	for i, r := range all {
		if errs[i] != nil {
			return nil, ImportResult{}, fmt.Errorf("session %s: %w", showID(string(r.id)), errs[i])
		}
		if first, ok := seen[string(r.id)]; ok {
			if fields := differing(first, r.val); len(fields) == 0 {
				res.Present++
			} else {
				res.Conflicts = append(res.Conflicts, Conflict{ID: string(r.id), Fields: fields, InDocument: true})
			}
			continue
		}
		seen[string(r.id)] = r.val
		recs = append(recs, r)
	}
	slices.SortFunc(recs, func(a, b importRecord) int { return bytes.Compare(a.key, b.key) })
	return recs, res, nil
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
