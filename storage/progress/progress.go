// Package progress answers what happened and what is due, for the screens
// and the command line alike: the stats over a window of days, the home
// screen's overview (today done, the last pain), the daily pain with its
// moving average, and whether today's next-day check-in is due. It reads
// the database through Source and applies storage's streak rules; it
// writes only what the check-in needs.
package progress

import (
	"fmt"
	"time"

	"corecoach/storage"
)

// Source is what progress reads of the database; *storage.Store has it.
type Source interface {
	Days() ([]storage.DayRecord, error)
	SessionsSince(t time.Time) ([]storage.Session, error)
	LastSession() (storage.Session, bool, error)
	Checkin(date string) (storage.Checkin, bool, error)
	Setting(key string) (string, bool, error)
	Visits() ([]storage.Visit, error)
}

// History is the daily roll-up, the sessions of a window of days, read once,
// and the stats as of AsOf.
type History struct {
	AsOf storage.Date
	Days []storage.DayRecord // the whole roll-up, oldest first
	// Sessions started since storage.StartOfDayBound of the window's first
	// day, oldest first: every session of the window, in any zone, and some
	// of the day before. Sessions after AsOf may be among them.
	Sessions []storage.Session
	// Visits are the therapy visits dated from..asOf, oldest first: the
	// charts mark them.
	Visits []storage.Visit
	Stats  storage.Stats
}

// Read reads the roll-up and the sessions of the days from..asOf, or of the
// 21 days the pain averages need when those reach further back, the
// therapy visits of from..asOf, and computes the stats as of asOf (storage.ComputeStats). Older sessions are
// never decoded, so it stays fast on a long history. Records that do not
// read back are left out and named in a *storage.LeftOut error, returned
// with the rest.
func Read(src Source, schedule storage.ScheduleFunc, asOf, from storage.Date) (History, error) {
	h := History{AsOf: asOf}
	var err error
	var left []error
	if h.Days, err = src.Days(); storage.CollectLeftOut(err, &left) != nil {
		return History{}, err
	}
	since := storage.PainWindowStart(asOf)
	if start := storage.StartOfDayBound(from); start.Before(since) {
		since = start
	}
	if h.Sessions, err = src.SessionsSince(since); storage.CollectLeftOut(err, &left) != nil {
		return History{}, err
	}
	if h.Visits, err = visitsBetween(src, from, asOf); storage.CollectLeftOut(err, &left) != nil {
		return History{}, err
	}
	if h.Stats, err = storage.ComputeStats(h.Days, h.Sessions, schedule, asOf); err != nil {
		if db, ok := src.(interface{ Path() string }); ok {
			err = fmt.Errorf("database %s: %w", db.Path(), err)
		}
		return History{}, err
	}
	return h, storage.MergeLeftOut(left...)
}

// FirstDay is the day of the first recorded session, and false when there
// is none.
func (h History) FirstDay() (storage.Date, bool) {
	if len(h.Days) == 0 {
		return 0, false
	}
	d, err := storage.ParseDate(h.Days[0].Date)
	return d, err == nil
}

// visitsBetween is the visits dated from..to, oldest first; a visit left
// out is named in the *storage.LeftOut error returned with the rest.
func visitsBetween(src Source, from, to storage.Date) ([]storage.Visit, error) {
	all, err := src.Visits()
	var out []storage.Visit
	for _, v := range all {
		if d, perr := storage.ParseDate(v.Date); perr == nil && d >= from && d <= to {
			out = append(out, v)
		}
	}
	return out, err
}
