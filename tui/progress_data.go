package tui

import (
	"fmt"
	"slices"
	"sort"
	"time"

	"corecoach/storage"
)

// The progress screen's windows, all ending today.
const (
	calendarWeeks = 26  // the heatmap: about six months, a week per column
	chartDays     = 182 // the longest span the pain charts show
	avgDays       = 7   // the pain charts' moving average
	exerciseDays  = 28  // per-exercise completion: the last 4 weeks
)

// progressData is what the progress screen shows, read and computed by a
// command so that Update never waits on the database.
type progressData struct {
	asOf      storage.Date
	stats     storage.Stats
	calendar  []storage.Day // whole weeks, Monday first, up to the Sunday of asOf's week
	pain      []painDay     // chartDays days ending at asOf
	exercises []exerciseStat
}

// painDay is one day of the pain charts: the day's mean scores and the
// means over the avgDays days ending that day; nil where there is none.
type painDay struct {
	date                storage.Date
	before, after       *float64
	beforeAvg, afterAvg *float64
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

// readProgress reads the daily roll-up once and only the sessions of the
// windows that need their details, so it stays fast on a long history.
func readProgress(st Store, schedule storage.ScheduleFunc, now time.Time) (progressData, error) {
	asOf := storage.DateOf(now)
	calFrom := weekStart(asOf).AddDays(-7 * (calendarWeeks - 1))
	painFrom := asOf.AddDays(-(chartDays - 1))
	days, err := st.Days()
	if err != nil {
		return progressData{}, fmt.Errorf("reading the history: %w", err)
	}
	// From the earliest day any window needs, in every zone.
	first := min(painFrom.AddDays(-(avgDays - 1)), asOf.AddDays(-13))
	sessions, err := st.SessionsSince(storage.StartOfDayBound(first))
	if err != nil {
		return progressData{}, fmt.Errorf("reading recent sessions: %w", err)
	}
	stats, err := storage.ComputeStats(days, sessions, schedule, asOf)
	if err != nil {
		return progressData{}, err
	}
	cal, err := storage.DayStatuses(days, schedule, calFrom, calFrom.AddDays(7*calendarWeeks-1), asOf)
	if err != nil {
		return progressData{}, err
	}
	dated := make([]datedSession, 0, len(sessions))
	for _, s := range sessions {
		if d, err := storage.ParseDate(storage.SessionDay(s)); err == nil && d <= asOf {
			dated = append(dated, datedSession{d, s})
		}
	}
	return progressData{
		asOf:      asOf,
		stats:     stats,
		calendar:  cal,
		pain:      painDays(dated, painFrom, asOf),
		exercises: exerciseStats(sessions, asOf.AddDays(-(exerciseDays - 1)), asOf),
	}, nil
}

// datedSession is a session with its own local day, parsed once.
type datedSession struct {
	day storage.Date
	s   storage.Session
}

// painDays gives the daily and moving-average pain of each day from..to.
func painDays(sessions []datedSession, from, to storage.Date) []painDay {
	if to < from {
		return nil
	}
	lo := from.AddDays(-(avgDays - 1))
	n := int(to-lo) + 1
	type sums struct{ sb, nb, sa, na int }
	per := make([]sums, n)
	for _, x := range sessions {
		if x.day < lo || x.day > to {
			continue
		}
		p := &per[x.day-lo]
		if v := x.s.PainBefore; v != nil {
			p.sb, p.nb = p.sb+*v, p.nb+1
		}
		if v := x.s.PainAfter; v != nil {
			p.sa, p.na = p.sa+*v, p.na+1
		}
	}
	out := make([]painDay, 0, int(to-from)+1)
	var win sums // the avgDays days ending at i
	for i := range per {
		win.sb, win.nb = win.sb+per[i].sb, win.nb+per[i].nb
		win.sa, win.na = win.sa+per[i].sa, win.na+per[i].na
		if j := i - avgDays; j >= 0 {
			win.sb, win.nb = win.sb-per[j].sb, win.nb-per[j].nb
			win.sa, win.na = win.sa-per[j].sa, win.na-per[j].na
		}
		d := lo.AddDays(i)
		if d < from {
			continue
		}
		out = append(out, painDay{
			date:   d,
			before: ratio(per[i].sb, per[i].nb), after: ratio(per[i].sa, per[i].na),
			beforeAvg: ratio(win.sb, win.nb), afterAvg: ratio(win.sa, win.na),
		})
	}
	return out
}

func ratio(sum, n int) *float64 {
	if n == 0 {
		return nil
	}
	v := float64(sum) / float64(n)
	return &v
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
