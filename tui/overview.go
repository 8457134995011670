package tui

import (
	"corecoach/storage"
	"corecoach/storage/progress"
)

// overview is what home and the summary show of the history
// (progress.ReadOverview).
type overview = progress.Overview

// scoredOn names the day of the last pain scores when they are not the
// last session's: "today", "yesterday", "Mon"; "" when they are.
func scoredOn(ov *overview) string {
	if !ov.ScoredEarlier {
		return ""
	}
	return dayWord(ov.ScoredDay, ov.AsOf)
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
