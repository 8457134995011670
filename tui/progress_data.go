package tui

import (
	"fmt"
	"slices"
	"sort"
	"time"

	"corecoach/storage"
	"corecoach/storage/progress"
)

// The progress screen's windows, all ending today.
const (
	calendarWeeks = 26  // the heatmap: about six months, a week per column
	chartDays     = 182 // the longest span the pain charts show
	exerciseDays  = 28  // per-exercise completion: the last 4 weeks
)

// progressData is what the progress screen shows, read and computed by a
// command so that Update never waits on the database.
type progressData struct {
	asOf      storage.Date
	stats     storage.Stats
	calendar  []storage.Day      // whole weeks, Monday first, up to the Sunday of asOf's week
	pain      []progress.PainDay // chartDays days ending at asOf, with their moving averages
	visits    []storage.Visit    // therapy visits of the pain days and the week before, oldest first
	exercises []exerciseStat
}

// exerciseStat is how one exercise went over the last exerciseDays days.
type exerciseStat struct {
	id, name              string
	sessions              int // sessions that included it
	setsDone, setsPlanned int
	skipped, hurt         int // sessions in which it was skipped, flagged as hurting
}

// weekStart is the Monday of d's week.
func weekStart(d storage.Date) storage.Date {
	return d.AddDays(-((int(d.Weekday()) + 6) % 7))
}

// readProgress reads the history once (progress.Read), with only the
// sessions of the windows that need their details, so it stays fast on a
// long history.
func readProgress(st Store, schedule storage.ScheduleFunc, now time.Time) (progressData, error) {
	asOf := storage.DateOf(now)
	calFrom := weekStart(asOf).AddDays(-7 * (calendarWeeks - 1))
	painFrom := asOf.AddDays(-(chartDays - 1))
	h, err := progress.Read(st, schedule, asOf, painFrom.AddDays(-(progress.AverageDays - 1)))
	if err != nil {
		return progressData{}, fmt.Errorf("reading the history: %w", err)
	}
	cal, err := storage.DayStatuses(h.Days, schedule, calFrom, calFrom.AddDays(7*calendarWeeks-1), asOf)
	if err != nil {
		return progressData{}, err
	}
	return progressData{
		asOf:      asOf,
		stats:     h.Stats,
		calendar:  cal,
		pain:      progress.PainDays(h.Sessions, painFrom, asOf),
		visits:    h.Visits,
		exercises: exerciseStats(h.Sessions, asOf.AddDays(-(exerciseDays - 1)), asOf),
	}, nil
}

// exerciseStats sums each exercise over the sessions (oldest first) of
// from..to by storage.ExerciseTotals, newest session first, so the current
// routine leads. Sessions that start before from can begin anywhere are
// left out first: most of them are outside the window.
func exerciseStats(sessions []storage.Session, from, to storage.Date) []exerciseStat {
	bound := storage.StartOfDayBound(from)
	i := sort.Search(len(sessions), func(i int) bool { return !sessions[i].StartedAt.Before(bound) })
	newest := slices.Clone(sessions[i:])
	slices.Reverse(newest)
	var out []exerciseStat
	for _, t := range storage.ExerciseTotals(newest, from, to) {
		out = append(out, exerciseStat{id: t.ID, name: t.Name, sessions: t.Sessions,
			setsDone: t.SetsDone, setsPlanned: t.SetsPlanned, skipped: t.Skipped, hurt: t.Hurt})
	}
	return out
}
