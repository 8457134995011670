package tui

import (
	"fmt"
	"time"

	"corecoach/storage"
)

// overview is what home, progress and the summary show of the history.
type overview struct {
	stats     storage.Stats
	todayDone bool
	last      *storage.Session // the newest session, if any
}

// computeOverview reads the history and applies the streak rules as of now's
// local date.
func computeOverview(st Store, schedule storage.ScheduleFunc, now time.Time) (overview, error) {
	asOf := storage.DateOf(now)
	days, err := st.Days()
	if err != nil {
		return overview{}, fmt.Errorf("reading the history: %w", err)
	}
	recent, err := st.SessionsSince(storage.PainWindowStart(asOf))
	if err != nil {
		return overview{}, fmt.Errorf("reading recent sessions: %w", err)
	}
	stats, err := storage.ComputeStats(days, recent, schedule, asOf)
	if err != nil {
		return overview{}, err
	}
	ov := overview{stats: stats}
	for _, d := range days {
		if d.Date == asOf.String() && d.Completed > 0 {
			ov.todayDone = true
		}
	}
	last, ok, err := st.LastSession()
	if err != nil {
		return overview{}, fmt.Errorf("reading the last session: %w", err)
	}
	if ok {
		ov.last = &last
	}
	return ov, nil
}

// loaded holds an overview once it arrives, or the error that came instead.
type loaded struct {
	ov  *overview
	err error
}

func (l *loaded) set(msg statsLoadedMsg) {
	l.ov, l.err = nil, msg.err
	if msg.err == nil {
		l.ov = &msg.ov
	}
}
