package storage

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
)

// DayRecord is the daily roll-up kept beside the sessions so that streaks and
// stats need not decode every session: one record per local calendar date.
type DayRecord struct {
	Date      string `json:"date"`      // YYYY-MM-DD in the zone where the sessions started
	Sessions  int    `json:"sessions"`  // all sessions started that day
	Completed int    `json:"completed"` // sessions with status completed
	// LastRoutine is the routine id of the day's last session (by start
	// time); its schedule decides which following days are rest days.
	LastRoutine string `json:"last_routine"`
}

// SessionDay is a session's calendar date (YYYY-MM-DD) in the zone where it
// started: its IANA zone when known, else the offset of started_at.
func SessionDay(s Session) string {
	return LocalStart(s).Format(time.DateOnly)
}

// LocalStart is the session's start time in the zone where it started: its
// IANA zone when known, else the offset of started_at.
func LocalStart(s Session) time.Time {
	if loc := loadZone(s.Zone); loc != nil {
		return s.StartedAt.In(loc)
	}
	return s.StartedAt
}

// zones caches time.LoadLocation, which reads the zone file on every call.
// Only zones that exist are kept, so odd names in an imported document
// cannot grow it beyond the few hundred real ones.
var zones sync.Map

func loadZone(name string) *time.Location {
	if name == "" || name == "Local" { // "Local" is whatever machine reads it
		return nil
	}
	if loc, ok := zones.Load(name); ok {
		return loc.(*time.Location)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil
	}
	zones.Store(name, loc)
	return loc
}

// Days returns the daily roll-up, oldest first. A day record that does
// not read back is left out and named in a *LeftOut error, returned with
// the others.
func (s *Store) Days() ([]DayRecord, error) {
	var out []DayRecord
	skipped := leftOut{path: s.path}
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDays)
		out = make([]DayRecord, 0, b.Stats().KeyN)
		return b.ForEach(func(k, v []byte) error {
			if d, ok := decodeDay(k, v); ok {
				out = append(out, d)
			} else {
				skipped.add("day record %q does not read back", k)
			}
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	return out, skipped.err()
}

// dayEntry is what the roll-up needs of a session.
type dayEntry struct {
	day, routine string
	completed    bool
}

func entryOf(s Session) dayEntry {
	return dayEntry{day: SessionDay(s), routine: s.Routine.ID, completed: s.Status == StatusCompleted}
}

// decodeEntry reads a stored session's day entry without decoding the rest.
func decodeEntry(v []byte) (dayEntry, error) {
	var p struct {
		Routine   struct{ ID string } `json:"routine"`
		StartedAt time.Time           `json:"started_at"`
		Zone      string              `json:"zone"`
		Status    string              `json:"status"`
	}
	err := json.Unmarshal(v, &p)
	return entryOf(Session{Routine: RoutineRef{ID: p.Routine.ID}, StartedAt: p.StartedAt, Zone: p.Zone, Status: p.Status}), err
}

// The offsets in use run from UTC-12 to UTC+14; sessions at others are
// refused (checkSession), so a local date's sessions all started between
// its two bounds below.
const (
	minOffset = -12 * time.Hour
	maxOffset = 14 * time.Hour
)

// StartOfDayBound is the earliest instant at which a session whose own
// local day is d can have started: midnight of d at UTC+14. Pass it to
// SessionsSince to read every session of d and later days.
func StartOfDayBound(d Date) time.Time { return d.Time().Add(-maxOffset) }

// endOfDayBound is the instant by which every session of d has started:
// the midnight after d at UTC-12.
func endOfDayBound(d Date) time.Time { return d.AddDays(1).Time().Add(-minOffset) }

// rollUp computes the records of the given dates from the stored sessions,
// in one cursor pass over the time range they can lie in. Dates without
// sessions are left out. known holds the entries of sessions the caller
// has just written, by key, so they need not be decoded again.
func rollUp(tx *bolt.Tx, dates map[string]bool, known map[string]dayEntry) (map[string]*DayRecord, error) {
	first, last := "", ""
	for d := range dates {
		if first == "" || d < first {
			first = d
		}
		if d > last {
			last = d
		}
	}
	out := map[string]*DayRecord{}
	lo, err1 := ParseDate(first)
	hi, err2 := ParseDate(last)
	if err1 != nil || err2 != nil {
		return out, nil
	}
	start := sessionKey(StartOfDayBound(lo), "")
	end := timeKey(endOfDayBound(hi))
	c := tx.Bucket(bucketSessions).Cursor()
	for k, v := c.Seek(start); len(k) >= 8 && beUint64(k) <= end; k, v = c.Next() {
		e, ok := known[string(k)]
		if !ok {
			var err error
			if e, err = decodeEntry(v); err != nil {
				return nil, err
			}
		}
		if !dates[e.day] {
			continue
		}
		r := out[e.day]
		if r == nil {
			r = &DayRecord{Date: e.day}
			out[e.day] = r
		}
		r.Sessions++
		if e.completed {
			r.Completed++
		}
		r.LastRoutine = e.routine // the cursor walks in start order
	}
	return out, nil
}

// recomputeDays rewrites the records of the given dates from their sessions.
func (s *Store) recomputeDays(tx *bolt.Tx, dates map[string]bool, known map[string]dayEntry) error {
	recs, err := rollUp(tx, dates, known)
	if err != nil {
		return damaged(s.path, fmt.Sprintf("a stored session does not read back: %v", err))
	}
	b := tx.Bucket(bucketDays)
	// In date order: bbolt inserts into a sorted page, so random order
	// would cost a copy of the page per record.
	for _, d := range slices.Sorted(maps.Keys(dates)) {
		r := recs[d]
		if r == nil {
			if err := b.Delete([]byte(d)); err != nil {
				return err
			}
			continue
		}
		if err := b.Put([]byte(d), encodeDay(*r)); err != nil {
			return err
		}
	}
	return nil
}

// Day records are read on every stats run, so they are stored compactly
// rather than as JSON: a format byte, the two counts as uvarints, then the
// routine id. The date is the key.
const dayFormat = 1

func encodeDay(d DayRecord) []byte {
	v := []byte{dayFormat}
	v = binary.AppendUvarint(v, uint64(d.Sessions))
	v = binary.AppendUvarint(v, uint64(d.Completed))
	return append(v, d.LastRoutine...)
}

func decodeDay(k, v []byte) (DayRecord, bool) {
	if len(v) == 0 || v[0] != dayFormat {
		return DayRecord{}, false
	}
	v = v[1:]
	sessions, n := binary.Uvarint(v)
	if n <= 0 {
		return DayRecord{}, false
	}
	v = v[n:]
	completed, n := binary.Uvarint(v)
	if n <= 0 || completed > sessions || sessions > 1<<31 {
		return DayRecord{}, false
	}
	return DayRecord{Date: string(k), Sessions: int(sessions), Completed: int(completed), LastRoutine: string(v[n:])}, true
}
