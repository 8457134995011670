package storage

import (
	"fmt"
	"slices"
	"time"

	"corecoach/routines"
)

// The streak rules of docs/stats-and-report.md, as plain functions over the
// daily roll-up. In short:
//
//   - A day counts when it has at least one completed session. A day with only
//     partial sessions does not count: when it is scheduled it is missed.
//   - Which days are scheduled follows the routine of the last session on an
//     earlier day (DayRecord.LastRoutine). A counting day always counts, even
//     on a rest day.
//   - The as-of date never breaks a streak and is never missed: until it
//     counts it is "due", and adherence leaves it out.
//   - Days before the first recorded session are neither scheduled nor missed
//     (DayNone), so a new client's adherence is not diluted by days before
//     they began.
//   - Active days are counting days; pain averages take every session with a
//     score (partial ones included), by the session's own day.

// ScheduleFunc gives the weekdays a routine is scheduled on; empty (or an
// unknown routine) means every day.
type ScheduleFunc func(routineID string) []time.Weekday

// DayStatus is what a date was in a person's history.
type DayStatus int

const (
	DayNone   DayStatus = iota // before the first recorded session
	DayDone                    // at least one completed session
	DayRest                    // not scheduled and nothing completed
	DayMissed                  // scheduled, nothing completed, before the as-of date
	DayDue                     // the as-of date itself, scheduled and not done yet
	DayFuture                  // after the as-of date
)

func (s DayStatus) String() string {
	return [...]string{"none", "done", "rest", "missed", "due", "future"}[s]
}

// Day is one date's status, for calendars and adherence.
type Day struct {
	Date      Date
	Status    DayStatus
	Scheduled bool // the date is on the governing routine's schedule
	Sessions  int
	Completed int
}

// Stats is the object `stats --json` prints (docs/stats-and-report.md).
type Stats struct {
	AsOf                         string   `json:"as_of"`
	CurrentStreakDays            int      `json:"current_streak_days"`
	LongestStreakDays            int      `json:"longest_streak_days"`
	SessionsTotal                int      `json:"sessions_total"`
	SessionsCompleted            int      `json:"sessions_completed"`
	ActiveDaysLast30             int      `json:"active_days_last_30"`
	AdherenceLast28              float64  `json:"adherence_last_28"`
	ScheduledDaysLast28          int      `json:"scheduled_days_last_28"`
	CompletedScheduledDaysLast28 int      `json:"completed_scheduled_days_last_28"`
	PainBeforeAvgLast7           *float64 `json:"pain_before_avg_last_7"`
	PainAfterAvgLast7            *float64 `json:"pain_after_avg_last_7"`
	// The same averages over the 7 days before those, to show a trend.
	PainBeforeAvgPrev7 *float64 `json:"pain_before_avg_prev_7"`
	PainAfterAvgPrev7  *float64 `json:"pain_after_avg_prev_7"`
	// The same averages over the 7 days ending 14 days before as_of: the
	// earliest a trend is judged against (routines.PainTrendText).
	PainBeforeAvg2WeeksEarlier *float64 `json:"pain_before_avg_2_weeks_earlier"`
	PainAfterAvg2WeeksEarlier  *float64 `json:"pain_after_avg_2_weeks_earlier"`
	// PainChangeAvgLast7 is the mean of after − before over the sessions of
	// the last 7 days that have both scores: the two averages above may
	// cover different sessions (one stopped early with no score after).
	PainChangeAvgLast7 *float64 `json:"pain_change_avg_last_7"`
	FirstSessionDate   *string  `json:"first_session_date"`
	LastSessionDate    *string  `json:"last_session_date"`
}

// PainTrend is what the pain averages show, in words, by
// routines.PainTrendLines: for the stats text, the progress screen and the
// report alike.
func (st Stats) PainTrend() []string {
	return routines.PainTrendLines(st.PainChangeAvgLast7, st.PainBeforeAvgLast7, st.PainBeforeAvg2WeeksEarlier,
		st.PainAfterAvgLast7, st.PainAfterAvg2WeeksEarlier)
}

// PainWindowStart is the earliest start time a session can have and still
// fall, in its own zone, within the 21 days ending at asOf that the pain
// averages look at: pass it to SessionsSince.
func PainWindowStart(asOf Date) time.Time {
	return StartOfDayBound(asOf.AddDays(-20))
}

// ComputeStats applies the rules of docs/stats-and-report.md as of asOf to the
// daily roll-up and to the sessions started since PainWindowStart(asOf).
// Days and sessions after asOf are ignored.
func ComputeStats(days []DayRecord, recent []Session, schedule ScheduleFunc, asOf Date) (Stats, error) {
	tl, err := newTimeline(days, schedule, asOf)
	if err != nil {
		return Stats{}, err
	}
	st := Stats{AsOf: asOf.String()}
	for _, r := range tl.recs {
		st.SessionsTotal += r.sessions
		st.SessionsCompleted += r.completed
	}
	if n := len(tl.recs); n > 0 {
		first, last := tl.recs[0].date.String(), tl.recs[n-1].date.String()
		st.FirstSessionDate, st.LastSessionDate = &first, &last
	}
	st.CurrentStreakDays, st.LongestStreakDays = tl.streaks(asOf)
	for _, d := range tl.days(asOf.AddDays(-29), asOf, asOf) {
		if d.Status == DayDone {
			st.ActiveDaysLast30++
		}
	}
	st.ScheduledDaysLast28, st.CompletedScheduledDaysLast28 = adherence(tl.days(asOf.AddDays(-27), asOf, asOf))
	if st.ScheduledDaysLast28 > 0 {
		st.AdherenceLast28 = float64(st.CompletedScheduledDaysLast28) / float64(st.ScheduledDaysLast28)
	}
	st.PainBeforeAvgLast7, st.PainAfterAvgLast7 = painAverages(recent, asOf.AddDays(-6), asOf)
	st.PainBeforeAvgPrev7, st.PainAfterAvgPrev7 = painAverages(recent, asOf.AddDays(-13), asOf.AddDays(-7))
	st.PainBeforeAvg2WeeksEarlier, st.PainAfterAvg2WeeksEarlier = painAverages(recent, asOf.AddDays(-20), asOf.AddDays(-14))
	st.PainChangeAvgLast7 = painChange(recent, asOf.AddDays(-6), asOf)
	return st, nil
}

// DayStatuses gives the status of every date from..to (inclusive) as of asOf.
func DayStatuses(days []DayRecord, schedule ScheduleFunc, from, to, asOf Date) ([]Day, error) {
	tl, err := newTimeline(days, schedule, asOf)
	if err != nil {
		return nil, err
	}
	return tl.days(from, to, asOf), nil
}

// Adherence counts, over from..to as of asOf, the scheduled days and those of
// them that were completed. The as-of date counts only once it is done.
func Adherence(days []DayRecord, schedule ScheduleFunc, from, to, asOf Date) (scheduled, completed int, err error) {
	ds, err := DayStatuses(days, schedule, from, to, asOf)
	if err != nil {
		return 0, 0, err
	}
	scheduled, completed = adherence(ds)
	return scheduled, completed, nil
}

func adherence(ds []Day) (scheduled, completed int) {
	for _, d := range ds {
		switch {
		case d.Status == DayMissed:
			scheduled++
		case d.Status == DayDone && d.Scheduled:
			scheduled++
			completed++
		}
	}
	return scheduled, completed
}

// weekMask has bit w set when weekday w is scheduled.
type weekMask uint8

const everyDay weekMask = 1<<7 - 1

func (m weekMask) has(d Date) bool { return m&(1<<d.Weekday()) != 0 }

// anyIn reports whether a scheduled day falls within from..to.
func (m weekMask) anyIn(from, to Date) bool {
	if to-from >= 6 {
		return from <= to
	}
	for d := from; d <= to; d++ {
		if m.has(d) {
			return true
		}
	}
	return false
}

type dayRec struct {
	date                Date
	sessions, completed int
	next                weekMask // schedule of the day's last routine: it governs the days after
}

// timeline is the roll-up up to the as-of date, parsed and in date order.
type timeline struct{ recs []dayRec }

// newTimeline parses the records, one per date as the store keeps them
// (the date is the key), and puts them in date order.
func newTimeline(days []DayRecord, schedule ScheduleFunc, asOf Date) (timeline, error) {
	masks := map[string]weekMask{}
	recs := make([]dayRec, 0, len(days))
	for _, r := range days {
		d, err := ParseDate(r.Date)
		if err != nil {
			return timeline{}, fmt.Errorf("daily record: %w", err)
		}
		if d > asOf {
			continue
		}
		m, ok := masks[r.LastRoutine]
		if !ok {
			m = maskOf(schedule, r.LastRoutine)
			masks[r.LastRoutine] = m
		}
		recs = append(recs, dayRec{date: d, sessions: r.Sessions, completed: r.Completed, next: m})
	}
	if !slices.IsSortedFunc(recs, cmpRec) {
		slices.SortFunc(recs, cmpRec)
	}
	return timeline{recs: recs}, nil
}

func cmpRec(a, b dayRec) int { return int(a.date - b.date) }

func maskOf(schedule ScheduleFunc, routineID string) weekMask {
	if schedule == nil {
		return everyDay
	}
	var m weekMask
	for _, w := range schedule(routineID) {
		if w >= time.Sunday && w <= time.Saturday {
			m |= 1 << w
		}
	}
	if m == 0 {
		return everyDay
	}
	return m
}

// streaks walks the records once, judging each gap between two recorded
// days arithmetically, so the cost follows the number of days with sessions
// and not the length of the history.
func (tl timeline) streaks(asOf Date) (current, longest int) {
	run := 0
	for i, r := range tl.recs {
		gov := everyDay
		if i > 0 {
			prev := tl.recs[i-1]
			gov = prev.next
			if gov.anyIn(prev.date+1, r.date-1) {
				run = 0
			}
		}
		switch {
		case r.completed > 0:
			run++
			longest = max(longest, run)
		case r.date != asOf && gov.has(r.date):
			run = 0
		}
	}
	if n := len(tl.recs); n > 0 {
		last := tl.recs[n-1]
		if last.date < asOf && last.next.anyIn(last.date+1, asOf-1) {
			run = 0
		}
	}
	return run, longest
}

// days lists the status of each date from..to as of asOf.
func (tl timeline) days(from, to, asOf Date) []Day {
	if to < from {
		return nil
	}
	out := make([]Day, 0, to-from+1)
	// i is the first record on or after d.
	i, _ := slices.BinarySearchFunc(tl.recs, from, func(r dayRec, d Date) int { return int(r.date - d) })
	for d := from; d <= to; d++ {
		for i < len(tl.recs) && tl.recs[i].date < d {
			i++
		}
		day := Day{Date: d}
		gov := everyDay
		if i > 0 {
			gov = tl.recs[i-1].next
		}
		day.Scheduled = gov.has(d)
		if i < len(tl.recs) && tl.recs[i].date == d {
			day.Sessions, day.Completed = tl.recs[i].sessions, tl.recs[i].completed
		}
		switch {
		case d > asOf:
			day.Status = DayFuture
		case day.Completed > 0:
			day.Status = DayDone
		case len(tl.recs) == 0 || d < tl.recs[0].date:
			day.Status = DayNone
		case !day.Scheduled:
			day.Status = DayRest
		case d == asOf:
			day.Status = DayDue
		default:
			day.Status = DayMissed
		}
		out = append(out, day)
	}
	return out
}

// painAverages averages the pain scores of sessions whose own day falls
// within from..to; nil when there is none.
func painAverages(sessions []Session, from, to Date) (before, after *float64) {
	var sb, sa, nb, na int
	for _, s := range sessions {
		d, err := ParseDate(SessionDay(s))
		if err != nil || d < from || d > to {
			continue
		}
		if s.PainBefore != nil {
			sb += *s.PainBefore
			nb++
		}
		if s.PainAfter != nil {
			sa += *s.PainAfter
			na++
		}
	}
	return Mean(sb, nb), Mean(sa, na)
}

// painChange averages after − before over the sessions of from..to that
// have both scores; nil when there is none.
func painChange(sessions []Session, from, to Date) *float64 {
	var sum, n int
	for _, s := range sessions {
		d, err := ParseDate(SessionDay(s))
		if err != nil || d < from || d > to || s.PainBefore == nil || s.PainAfter == nil {
			continue
		}
		sum += *s.PainAfter - *s.PainBefore
		n++
	}
	return Mean(sum, n)
}

// Mean is sum/n, or nil when n is 0: an average over no scores.
func Mean(sum, n int) *float64 {
	if n == 0 {
		return nil
	}
	v := float64(sum) / float64(n)
	return &v
}
