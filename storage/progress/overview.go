package progress

import (
	"time"

	"corecoach/storage"
)

// Overview is how things stand today, for the home screen and the summary
// after a session.
type Overview struct {
	Stats     storage.Stats
	AsOf      storage.Date
	TodayDone bool // a session was completed today
	// Today is today's status by the streak rules: done, due, a rest day,
	// or none before the first session.
	Today storage.DayStatus
	Last  *storage.Session // the newest session, if any
	// Scored is the newest session of the last 14 days with a pain score:
	// Last when it has one (ScoredEarlier false), else an earlier one.
	Scored        *storage.Session
	ScoredEarlier bool
	ScoredDay     storage.Date // Scored's own day, when ScoredEarlier
}

// ReadOverview reads the history and applies the streak rules as of now's
// local date.
func ReadOverview(src Source, schedule storage.ScheduleFunc, now time.Time) (Overview, error) {
	asOf := storage.DateOf(now)
	h, err := Read(src, schedule, asOf, asOf)
	if err != nil {
		return Overview{}, err
	}
	ov := Overview{Stats: h.Stats, AsOf: asOf}
	ds, err := storage.DayStatuses(h.Days, schedule, asOf, asOf, asOf)
	if err != nil {
		return Overview{}, err
	}
	ov.Today = ds[0].Status
	for _, d := range h.Days {
		if d.Date == asOf.String() && d.Completed > 0 {
			ov.TodayDone = true
		}
	}
	last, ok, err := src.LastSession()
	if err != nil {
		return Overview{}, err
	}
	if ok {
		ov.Last = &last
	}
	ov.Scored, ov.ScoredEarlier, ov.ScoredDay = lastScored(last, ok, h.Sessions, asOf)
	return ov, nil
}

// lastScored finds the newest session with a pain score: the last one, or
// else the newest recent one, with its day since it is not the last.
func lastScored(last storage.Session, ok bool, recent []storage.Session, asOf storage.Date) (*storage.Session, bool, storage.Date) {
	scored := func(s storage.Session) bool { return s.PainBefore != nil || s.PainAfter != nil }
	if ok && scored(last) {
		return &last, false, 0
	}
	for i := len(recent) - 1; i >= 0; i-- {
		s := recent[i]
		day, err := storage.ParseDate(storage.SessionDay(s))
		if !scored(s) || err != nil || day > asOf {
			continue
		}
		return &s, true, day
	}
	return nil, false, 0
}
