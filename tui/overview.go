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
	// scored is the newest session of the last 14 days with a pain score,
	// and scoredOn its day in words ("" when it is the newest session).
	scored   *storage.Session
	scoredOn string
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
	ov.scored, ov.scoredOn = lastScored(last, ok, recent, asOf)
	return ov, nil
}

// lastScored finds the newest session with a pain score: the last one, or
// else the newest recent one, named by its day since it is not the last.
func lastScored(last storage.Session, ok bool, recent []storage.Session, asOf storage.Date) (*storage.Session, string) {
	scored := func(s storage.Session) bool { return s.PainBefore != nil || s.PainAfter != nil }
	if ok && scored(last) {
		return &last, ""
	}
	for i := len(recent) - 1; i >= 0; i-- {
		s := recent[i]
		day, err := storage.ParseDate(storage.SessionDay(s))
		if !scored(s) || err != nil || day > asOf {
			continue
		}
		return &s, dayWord(day, asOf)
	}
	return nil, ""
}

// dayWord names a recent day from asOf: "today", "yesterday", "Mon".
func dayWord(day, asOf storage.Date) string {
	switch asOf - day {
	case 0:
		return "today"
	case 1:
		return "yesterday"
	}
	return day.Weekday().String()[:3]
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
