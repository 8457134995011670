package storage

import "time"

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
	t := s.StartedAt
	if s.Zone != "" {
		if loc, err := time.LoadLocation(s.Zone); err == nil {
			t = t.In(loc)
		}
	}
	return t.Format(time.DateOnly)
}
