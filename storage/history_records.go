package storage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"corecoach/routines"
)

// The records of a history document besides sessions (version 2). Each is
// keyed: a check-in by its date, a visit and a routine by id. Importing a
// record whose key is stored already leaves the stored one as it is.

// HistoryCheckin is a next-day check-in as a history document holds it.
// Skipped is always false in what export writes: a check-in put off is
// not stored; one that a document marks skipped is not imported.
type HistoryCheckin struct {
	Date      string     `json:"date"`
	Pain      *int       `json:"pain"`
	SessionID string     `json:"session_id"`
	Skipped   bool       `json:"skipped"`
	At        *time.Time `json:"at,omitempty"` // when it was given
}

// HistoryRoutine is a routine file added to the library, as a history
// document holds it: its text as it was added, and the hash of that text.
type HistoryRoutine struct {
	ID      string     `json:"id"`
	Name    string     `json:"name"`
	Hash    string     `json:"hash"`
	Source  string     `json:"source"` // the path it was added from
	AddedAt *time.Time `json:"added_at,omitempty"`
	Data    string     `json:"data"`
}

// HistoryCheckinOf is a stored check-in as history documents and reports
// give it.
func HistoryCheckinOf(c Checkin) HistoryCheckin {
	h := HistoryCheckin{Date: c.Date, Pain: &c.Pain, SessionID: c.SessionID}
	if !c.At.IsZero() {
		h.At = &c.At
	}
	return h
}

func routineOf(r RoutineFile) HistoryRoutine {
	h := HistoryRoutine{ID: r.ID, Name: r.Name, Hash: r.Hash, Source: r.Source, Data: string(r.Data)}
	h.Name, h.Source = routines.Clean(h.Name, routines.OneLine), routines.Clean(h.Source, routines.OneLine)
	if !r.AddedAt.IsZero() {
		h.AddedAt = &r.AddedAt
	}
	return h
}

// historyLists are the lists of a document read as raw JSON values, each
// decoded and checked by decodeRecords once the format and version are
// known to be right.
type historyLists struct {
	checkins, visits, routines, measures, progress []json.RawMessage
}

// list is where a document's list called key goes, or nil for a key that
// is not one of these.
func (l *historyLists) list(key string) *[]json.RawMessage {
	switch key {
	case "checkins":
		return &l.checkins
	case "visits":
		return &l.visits
	case "routines":
		return &l.routines
	case "measures":
		return &l.measures
	case "progress":
		return &l.progress
	}
	return nil
}

// decodeList reads a list of the document; bad is set when the value is
// not a list (null is an empty one).
func decodeList(dec *json.Decoder, key string, into *[]json.RawMessage) (bad, err error) {
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return nil, err
	}
	if json.Unmarshal(raw, into) != nil {
		return fmt.Errorf("%s must be a list", key), nil
	}
	return nil, nil
}

// decodeRecords decodes and checks every record of the lists into doc,
// naming the first one at fault.
func decodeRecords(doc *History, l historyLists) error {
	// Measures and progress steps are part of version 2, but this corecoach
	// has nowhere to keep them: refusing the document loses nothing.
	for _, x := range []struct {
		list []json.RawMessage
		what string
	}{{l.measures, "measure"}, {l.progress, "progress step"}} {
		if n := len(x.list); n > 0 {
			return fmt.Errorf("it holds %s, which this corecoach cannot store yet: update corecoach", countOf(n, x.what))
		}
	}
	doc.Checkins = make([]HistoryCheckin, 0, len(l.checkins))
	for i, raw := range l.checkins {
		var c HistoryCheckin
		err := json.Unmarshal(raw, &c)
		if err == nil {
			err = checkHistoryCheckin(c)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", recordLabel("check-in", i, c.Date), fieldErr(err))
		}
		doc.Checkins = append(doc.Checkins, c)
	}
	doc.Visits = make([]Visit, 0, len(l.visits))
	for i, raw := range l.visits {
		var v Visit
		err := json.Unmarshal(raw, &v)
		v = cleanVisit(v)
		if err == nil {
			err = checkVisit(v)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", recordLabel("visit", i, v.ID), fieldErr(err))
		}
		doc.Visits = append(doc.Visits, v)
	}
	doc.Routines = make([]HistoryRoutine, 0, len(l.routines))
	for i, raw := range l.routines {
		var r HistoryRoutine
		err := json.Unmarshal(raw, &r)
		if err == nil {
			err = checkHistoryRoutine(r)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", recordLabel("routine", i, r.ID), fieldErr(err))
		}
		r.Name, r.Source = routines.Clean(r.Name, routines.OneLine), routines.Clean(r.Source, routines.OneLine)
		doc.Routines = append(doc.Routines, r)
	}
	return nil
}

// recordLabel names the i-th record (from 0) of a list by number and key.
func recordLabel(what string, i int, key string) string {
	if key == "" {
		return what + " " + strconv.Itoa(i+1)
	}
	return fmt.Sprintf("%s %d (%s)", what, i+1, showID(key))
}

func countOf(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func checkHistoryCheckin(c HistoryCheckin) error {
	if c.Skipped {
		return nil // not imported: it holds no score
	}
	if c.Pain == nil {
		return errors.New("pain is missing")
	}
	if len(c.SessionID) > maxIDLen || !utf8.ValidString(c.SessionID) {
		return fmt.Errorf("session_id %.40q is not a valid id (at most %d bytes of UTF-8 text)", c.SessionID, maxIDLen)
	}
	if c.At != nil && (c.At.Year() < minYear || c.At.Year() > maxYear) {
		return fmt.Errorf("at %s is outside the years %d to %d", c.At.Format(time.RFC3339), minYear, maxYear)
	}
	return checkCheckin(c.stored())
}

// stored is the check-in as the database keeps it.
func (c HistoryCheckin) stored() Checkin {
	out := Checkin{Date: c.Date, SessionID: c.SessionID}
	if c.Pain != nil {
		out.Pain = *c.Pain
	}
	if c.At != nil {
		out.At = c.At.Truncate(time.Second)
	}
	return out
}

func checkHistoryRoutine(r HistoryRoutine) error {
	switch {
	case !routines.ValidID(r.ID):
		return fmt.Errorf("id %.40q is not a routine id (a-z, 0-9 and -)", r.ID)
	case slices.Contains(routines.BuiltinIDs(), r.ID):
		return fmt.Errorf("id %q belongs to a built-in routine", r.ID)
	case len(r.Data) == 0:
		return errors.New("data is missing")
	case len(r.Data) > routines.MaxFileSize:
		return fmt.Errorf("data is %d KiB; a routine file is at most %d KiB", (len(r.Data)+1023)/1024, routines.MaxFileSize/1024)
	case r.Hash != "" && r.Hash != routines.ContentHash([]byte(r.Data)):
		return fmt.Errorf("hash %.80q is not the hash of its data", r.Hash)
	case r.AddedAt != nil && (r.AddedAt.Year() < minYear || r.AddedAt.Year() > maxYear):
		return fmt.Errorf("added_at %s is outside the years %d to %d", r.AddedAt.Format(time.RFC3339), minYear, maxYear)
	}
	return nil
}

// stored is the routine as the database keeps it.
func (r HistoryRoutine) stored() RoutineFile {
	out := RoutineFile{ID: r.ID, Name: r.Name, Hash: routines.ContentHash([]byte(r.Data)), Source: r.Source, Data: []byte(r.Data)}
	if r.AddedAt != nil {
		out.AddedAt = *r.AddedAt
	}
	return out
}

// keyedRecord is a record of a document ready to store under key in its
// bucket, with what tells it from a stored one.
type keyedRecord struct {
	kind      string // as a conflict names it: "check-in", "visit", "routine"
	bucket    []byte
	key, val  []byte
	differing func(stored []byte) []string // the fields in which a stored record differs
}

// keyedRecords encodes the records of doc other than sessions, in the
// order they are written.
func keyedRecords(doc *History) ([]keyedRecord, error) {
	var out []keyedRecord
	for _, h := range doc.Checkins {
		if h.Skipped {
			continue
		}
		c := h.stored()
		val, err := json.Marshal(c)
		if err != nil {
			return nil, err
		}
		out = append(out, keyedRecord{kind: "check-in", bucket: bucketCheckins, key: []byte(c.Date), val: val,
			differing: func(stored []byte) []string {
				var s Checkin
				_ = json.Unmarshal(stored, &s)
				return fieldsDiffering(HistoryCheckinOf(s), HistoryCheckinOf(c), "pain", "session_id", "at")
			}})
	}
	for _, v := range doc.Visits {
		val, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		out = append(out, keyedRecord{kind: "visit", bucket: bucketVisits, key: []byte(v.ID), val: val,
			differing: func(stored []byte) []string {
				var s Visit
				_ = json.Unmarshal(stored, &s)
				return fieldsDiffering(cleanVisit(s), v, "date", "kind", "note")
			}})
	}
	for _, h := range doc.Routines {
		r := h.stored()
		val, err := json.Marshal(r)
		if err != nil {
			return nil, err
		}
		// A routine is its text: the same text added from elsewhere is the same routine.
		out = append(out, keyedRecord{kind: "routine", bucket: bucketRoutines, key: []byte(r.ID), val: val,
			differing: func(stored []byte) []string {
				var s RoutineFile
				_ = json.Unmarshal(stored, &s)
				if routines.ContentHash(s.Data) == r.Hash {
					return nil
				}
				return []string{"data"}
			}})
	}
	return out, nil
}

// fieldsDiffering names the fields, of those given, in which the JSON
// of a and b differ.
func fieldsDiffering(a, b any, fields ...string) []string {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return jsonFieldsDiffering(ja, jb, fields...)
}

// jsonFieldsDiffering names the fields, of those given, in which the JSON
// objects a and b differ.
func jsonFieldsDiffering(a, b []byte, fields ...string) []string {
	var ma, mb map[string]json.RawMessage
	_ = json.Unmarshal(a, &ma)
	_ = json.Unmarshal(b, &mb)
	var out []string
	for _, f := range fields {
		if !bytes.Equal(ma[f], mb[f]) {
			out = append(out, f)
		}
	}
	return out
}
