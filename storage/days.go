package storage

import (
	"encoding/json"
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

// zones caches time.LoadLocation, which reads the zone file on every call;
// an unknown name is cached as nil.
var zones sync.Map

func loadZone(name string) *time.Location {
	if name == "" {
		return nil
	}
	if loc, ok := zones.Load(name); ok {
		return loc.(*time.Location)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		loc = nil
	}
	zones.Store(name, loc)
	return loc
}

// Days returns the daily roll-up, oldest first.
func (s *Store) Days() ([]DayRecord, error) {
	var out []DayRecord
	err := s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketDays).ForEach(func(k, v []byte) error {
			var d DayRecord
			if err := json.Unmarshal(v, &d); err != nil || d.Date != string(k) {
				return fileErrorf(ErrDamaged, "database %s is damaged: the day record %q does not read back; run corecoach check", s.path, k)
			}
			out = append(out, d)
			return nil
		})
	})
	return out, err
}

// dayProbe is the part of a session the roll-up needs.
type dayProbe struct {
	Routine   struct{ ID string } `json:"routine"`
	StartedAt time.Time           `json:"started_at"`
	Zone      string              `json:"zone"`
	Status    string              `json:"status"`
}

// Offsets in use span UTC-12 to UTC+14: a local date's sessions started
// within this margin of its UTC date.
const dayMargin = 15 * time.Hour

// rollUp computes the records of the given dates from the stored sessions,
// in one cursor pass over the time range they can lie in. Dates without
// sessions are left out.
func rollUp(tx *bolt.Tx, dates map[string]bool) (map[string]*DayRecord, error) {
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
	lo, err1 := time.Parse(time.DateOnly, first)
	hi, err2 := time.Parse(time.DateOnly, last)
	if err1 != nil || err2 != nil {
		return out, nil
	}
	start := sessionKey(lo.Add(-dayMargin), "")
	end := timeKey(hi.Add(24*time.Hour + dayMargin))
	c := tx.Bucket(bucketSessions).Cursor()
	for k, v := c.Seek(start); len(k) >= 8 && beUint64(k) <= end; k, v = c.Next() {
		var p dayProbe
		if err := json.Unmarshal(v, &p); err != nil {
			return nil, err
		}
		day := SessionDay(Session{StartedAt: p.StartedAt, Zone: p.Zone})
		if !dates[day] {
			continue
		}
		r := out[day]
		if r == nil {
			r = &DayRecord{Date: day}
			out[day] = r
		}
		r.Sessions++
		if p.Status == StatusCompleted {
			r.Completed++
		}
		r.LastRoutine = p.Routine.ID // the cursor walks in start order
	}
	return out, nil
}

// recomputeDays rewrites the records of the given dates from their sessions.
func (s *Store) recomputeDays(tx *bolt.Tx, dates map[string]bool) error {
	recs, err := rollUp(tx, dates)
	if err != nil {
		return fileErrorf(ErrDamaged, "database %s is damaged: a stored session does not read back (%v); run corecoach check", s.path, err)
	}
	b := tx.Bucket(bucketDays)
	for d := range dates {
		r := recs[d]
		if r == nil {
			if err := b.Delete([]byte(d)); err != nil {
				return err
			}
			continue
		}
		v, err := json.Marshal(r)
		if err != nil {
			return err
		}
		if err := b.Put([]byte(d), v); err != nil {
			return err
		}
	}
	return nil
}
