package progress

import (
	"fmt"
	"strings"
	"time"

	"corecoach/routines"
	"corecoach/storage"
)

// Today is how the day stands, for a shell prompt or a status bar
// (corecoach today; docs/using-corecoach.md).
type Today struct {
	Date    storage.Date
	State   TodayState
	Routine string // the routine a session would start with (routines.Catalog.StartID)
	Streak  int    // the current streak, in days
	// Pain is the newest session with a pain score (Overview.Scored), nil
	// when there is none; PainDay is its own day.
	Pain    *storage.Session
	PainDay storage.Date
	// Next is the routine's next time of day (its `at`) still to come
	// today, when it is due; HasNext says whether there is one.
	Next    routines.TimeOfDay
	HasNext bool
}

// TodayState is what today is.
type TodayState string

const (
	TodayNone TodayState = "none" // no session yet
	TodayDue  TodayState = "due"  // scheduled and not done yet
	TodayDone TodayState = "done" // a session was completed today
	TodayRest TodayState = "rest" // off the schedule of the routine done last
)

// ReadToday reads how the day of now stands. It loads no built-in routine
// and reads only the recent sessions, so that it stays quick.
func ReadToday(src Source, lib *routines.Catalog, now time.Time) (Today, error) {
	ov, err := ReadOverview(src, lib.Schedule, now)
	if err != nil {
		return Today{}, err
	}
	t := Today{Date: ov.AsOf, State: TodayNone, Streak: ov.Stats.CurrentStreakDays}
	last := ""
	if ov.Last != nil {
		last = ov.Last.Routine.ID
	}
	t.Routine = lib.StartID(last)
	if ov.Scored != nil {
		t.Pain, t.PainDay = ov.Scored, storage.DateOf(storage.LocalStart(*ov.Scored))
	}
	switch ov.Today {
	case storage.DayDone:
		t.State = TodayDone
	case storage.DayRest:
		t.State = TodayRest
	case storage.DayDue:
		t.State = TodayDue
	}
	if t.State == TodayDue {
		t.Next, t.HasNext = nextAt(lib, t.Routine, now)
	}
	return t, nil
}

// nextAt is the first of the routine's times of day at or after now's.
// Only an added routine is read: loading the built-ins takes tens of
// milliseconds, too long for a prompt, and none of them sets times.
func nextAt(lib *routines.Catalog, id string, now time.Time) (routines.TimeOfDay, bool) {
	r, ok, err := lib.Added(id)
	if !ok || err != nil {
		return 0, false
	}
	clock := routines.TimeOfDay(now.Hour()*60 + now.Minute())
	for _, at := range r.At {
		if at >= clock {
			return at, true
		}
	}
	return 0, false
}

// Line is the day in one line: "core-basics due · streak 4 · pain 3→2
// yesterday", "✓ done · streak 5 · pain 4→3 today", "rest day · streak 4",
// or "no sessions yet · core-basics due".
func (t Today) Line() string {
	var parts []string
	switch t.State {
	case TodayNone:
		return "no sessions yet · " + t.Routine + " due"
	case TodayDone:
		parts = append(parts, "✓ done")
	case TodayRest:
		parts = append(parts, "rest day")
	default:
		due := t.Routine + " due"
		if t.HasNext {
			due += " " + t.Next.String()
		}
		parts = append(parts, due)
	}
	parts = append(parts, fmt.Sprintf("streak %d", t.Streak))
	if t.Pain != nil {
		parts = append(parts, fmt.Sprintf("pain %s→%s %s", routines.ScoreText(t.Pain.PainBefore), routines.ScoreText(t.Pain.PainAfter), t.painWhen()))
	}
	return strings.Join(parts, " · ")
}

// painWhen says when the pain scores were given, from today.
func (t Today) painWhen() string {
	switch ago := t.Date - t.PainDay; {
	case ago == 0:
		return "today"
	case ago == 1:
		return "yesterday"
	case ago > 1:
		return fmt.Sprintf("%d days ago", ago)
	}
	return "on " + t.PainDay.String()
}
