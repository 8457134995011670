// Package report builds the therapist's report from stored history:
// adherence, pain before and after each session, next-day check-ins,
// per-exercise completion and hurt flags, notes, and the routines followed,
// and writes it as self-contained HTML or as Markdown.
package report

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"corecoach/routines"
	"corecoach/storage"
)

// Input is everything a report is built from. Sessions and check-ins may
// reach beyond the period; Build keeps those of From..To (each session by
// its own local day), and uses earlier sessions only to judge check-ins.
type Input struct {
	From, To  storage.Date
	Generated time.Time
	Sessions  []storage.Session
	Checkins  []storage.Checkin
	Visits    []storage.Visit
	// Stats as of To, and adherence over From..To (storage.Adherence).
	Stats                        storage.Stats
	ScheduledDays, CompletedDays int
	Library                      []storage.RoutineFile
	// PainRules gives a routine's pain rules (routines.Catalog.PainRules),
	// and false when the routine is not known: the defaults apply then. A
	// limit of 0 is a limit.
	PainRules func(routineID string) (routines.PainRules, bool)
	// Routine finds a routine by id (routines.Catalog.Lookup): the client
	// and therapist come from the routine followed last in the period.
	Routine func(routineID string) (*routines.Routine, bool)
	// Days is the daily roll-up and Schedule the routines' schedules, to
	// tell whether the last scheduled days were missed.
	Days     []storage.DayRecord
	Schedule storage.ScheduleFunc
}

// Report is what both formats show; every text field is already free of
// control characters, and is escaped by the writer.
type Report struct {
	Generated        string // "2006-01-02 15:04"
	GeneratedAt      time.Time
	From, To         string
	FromDate, ToDate storage.Date
	Stats            storage.Stats

	ScheduledDays, CompletedDays int
	Adherence                    float64 // CompletedDays / ScheduledDays; 0 when none
	Sessions, Completed, Partial int

	// Trend is what the pain averages as of To show (storage.Stats.PainTrend).
	Trend     []string
	Pain      []PainRow
	Checkins  []CheckinRow
	Visits    []VisitRow
	Exercises []ExerciseRow
	Notes     []Note
	Routines  []RoutineRow

	// Client, TherapistName and TherapistContact come from the file of the
	// routine followed last in the period, "" when it names none or is not
	// known; Therapist is them on one line (routines.TherapistLine).
	Client, TherapistName, TherapistContact, Therapist string
	// LastRoutine is the routine version followed last in the period, when
	// there is a session.
	LastRoutine *RoutineRow

	// Flags are what the therapist should look at, most urgent first.
	Flags []Flag
	// PeriodSessions and PeriodCheckins are the period's own, oldest first,
	// as history documents give them.
	PeriodSessions []storage.Session
	PeriodCheckins []storage.Checkin
	PeriodVisits   []storage.Visit
}

// PainRow is one session of the period, oldest first.
type PainRow struct {
	When          string // local start, "2006-01-02 15:04"
	Date          storage.Date
	DayFraction   float64 // local time of day, 0..1, to place it on the chart
	Routine       string
	Status        string
	Before, After *int
	Limit         int
	AboveLimit    bool   // pain after the session calls for care, by routines.AfterAdvice
	Flag          string // why, when AboveLimit: "pain after 6, above the limit of 5"
}

// CheckinRow is a next-day check-in and how it compares with its session.
type CheckinRow struct {
	Date    string
	Pain    int
	Session string // the local start of the session it follows up, "" when unknown
	Before  *int   // pain before that session
	Limit   int
	// Flag is routines.Advice.Flag: "ease-off", "above-limit" or "";
	// Why says why, for the therapist (routines.Advice.Why).
	Flag, Why string
}

// EaseOff reports whether the check-in calls for easing off.
func (c CheckinRow) EaseOff() bool { return c.Flag == "ease-off" }

// FlagText is the flag column: "Ease off next time: next-day pain 5, 3
// above before", the steady case's "next-day pain 6, above the limit of 5,
// no rise of 2 or more", or "".
func (c CheckinRow) FlagText() string {
	if c.EaseOff() {
		return "Ease off next time: " + c.Why
	}
	return c.Why
}

// VisitRow is a therapy visit of the period.
type VisitRow struct {
	Date, Kind, Note string
}

// ExerciseRow sums one exercise over the period's sessions.
type ExerciseRow struct {
	Name                  string
	Sessions              int
	SetsDone, SetsPlanned int
	Skipped, Hurt         int
	HurtDates             []string // each day flagged, with the kind of hurt when known
}

// Note is a client's note on a session.
type Note struct {
	When, Routine, Text string
}

// RoutineRow is a routine version followed in the period.
type RoutineRow struct {
	ID, Name, Hash string
	Sessions       int
	First, Last    string
	// Library says how the hash compares with the routine now in the library.
	Library string
}

// Build selects and sums the period's history.
func Build(in Input) Report {
	r := Report{
		Generated: in.Generated.Format("2006-01-02 15:04"), GeneratedAt: in.Generated.Truncate(time.Second), From: in.From.String(), To: in.To.String(), FromDate: in.From, ToDate: in.To,
		Stats: in.Stats, ScheduledDays: in.ScheduledDays, CompletedDays: in.CompletedDays,
		Trend: in.Stats.PainTrend(),
	}
	if in.ScheduledDays > 0 {
		r.Adherence = float64(in.CompletedDays) / float64(in.ScheduledDays)
	}
	rules := func(id string) routines.PainRules {
		if in.PainRules != nil {
			if r, ok := in.PainRules(id); ok {
				return r
			}
		}
		return routines.PainRulesOf(nil)
	}
	sessions := slices.Clone(in.Sessions)
	slices.SortStableFunc(sessions, func(a, b storage.Session) int { return a.StartedAt.Compare(b.StartedAt) })
	byID := map[string]storage.Session{}
	routinesUsed := map[string]*RoutineRow{}
	var rtOrder []string
	var last *storage.Session // the period's last session
	for _, s := range sessions {
		byID[s.ID] = s
		local := storage.LocalStart(s)
		day := storage.DateOf(local)
		if day < in.From || day > in.To {
			continue
		}
		r.PeriodSessions = append(r.PeriodSessions, s)
		last = &r.PeriodSessions[len(r.PeriodSessions)-1]
		when := local.Format("2006-01-02 15:04")
		routine := clean(cmp.Or(s.Routine.Name, s.Routine.ID, "unknown routine"))
		r.Sessions++
		if s.Status == storage.StatusCompleted {
			r.Completed++
		} else {
			r.Partial++
		}
		h, m, sec := local.Clock()
		row := PainRow{
			When: when, Date: day, DayFraction: float64(h*3600+m*60+sec) / 86400,
			Routine: routine, Status: clean(s.Status), Before: s.PainBefore, After: s.PainAfter,
			Limit: rules(s.Routine.ID).Limit,
		}
		if p := s.PainAfter; p != nil {
			if a := routines.AfterAdvice(*p, s.PainBefore, rules(s.Routine.ID)); a.Warns() {
				row.AboveLimit, row.Flag = true, a.Why()
			}
		}
		r.Pain = append(r.Pain, row)
		if t := strings.TrimSpace(clean(s.Note)); t != "" {
			r.Notes = append(r.Notes, Note{When: when, Routine: routine, Text: t})
		}
		key := s.Routine.ID + "\x00" + s.Routine.Hash
		rt := routinesUsed[key]
		if rt == nil {
			rt = &RoutineRow{ID: clean(s.Routine.ID), Name: routine, Hash: cmp.Or(clean(s.Routine.Hash), unknownHash), First: day.String()}
			rt.Library = libraryState(in.Library, s.Routine.ID, s.Routine.Hash)
			routinesUsed[key] = rt
			rtOrder = append(rtOrder, key)
		}
		rt.Sessions++
		rt.Last = day.String()
	}
	for _, e := range storage.ExerciseTotals(sessions, in.From, in.To) {
		row := ExerciseRow{Name: clean(e.Name), Sessions: e.Sessions, SetsDone: e.SetsDone, SetsPlanned: e.SetsPlanned, Skipped: e.Skipped, Hurt: e.Hurt}
		for i, d := range e.HurtDates {
			day := d.String()
			if kind := storage.HurtKindText(e.HurtKinds[i]); kind != "" {
				day += " (" + kind + ")"
			}
			row.HurtDates = append(row.HurtDates, day)
		}
		r.Exercises = append(r.Exercises, row)
	}
	for _, k := range rtOrder {
		r.Routines = append(r.Routines, *routinesUsed[k])
	}
	r.Checkins = checkins(in, byID, rules)
	for _, c := range in.Checkins {
		if d, err := storage.ParseDate(c.Date); err == nil && d >= in.From && d <= in.To {
			r.PeriodCheckins = append(r.PeriodCheckins, c)
		}
	}
	slices.SortStableFunc(r.PeriodCheckins, func(a, b storage.Checkin) int { return strings.Compare(a.Date, b.Date) })
	if last != nil {
		row := *routinesUsed[last.Routine.ID+"\x00"+last.Routine.Hash]
		r.LastRoutine = &row
		if in.Routine != nil {
			if rt, ok := in.Routine(last.Routine.ID); ok {
				r.Client = clean(rt.Client)
				r.TherapistName, r.TherapistContact = clean(rt.Therapist.Name), clean(rt.Therapist.Contact)
				r.Therapist = routines.TherapistLine(rt.Therapist)
			}
		}
	}
	r.Flags = flagsOf(r, r.PeriodSessions, in)
	r.PeriodVisits, r.Visits = visits(in)
	return r
}

// unknownHash stands for the version of a session that recorded none.
const unknownHash = "unknown"

// checkins keeps the period's check-ins, oldest first, each judged by
// routines.CheckinAdvice against the session it follows up, as the home
// screen judged it. A session beyond the check-in window
// (storage.FollowsUp) is not held against it.
func checkins(in Input, byID map[string]storage.Session, rules func(string) routines.PainRules) []CheckinRow {
	var out []CheckinRow
	for _, c := range in.Checkins {
		d, err := storage.ParseDate(c.Date)
		if err != nil || d < in.From || d > in.To {
			continue
		}
		row := CheckinRow{Date: c.Date, Pain: c.Pain}
		rs := routines.PainRulesOf(nil)
		if s, ok := byID[c.SessionID]; ok && storage.FollowsUp(s, d) {
			row.Session = storage.LocalStart(s).Format("2006-01-02 15:04")
			row.Before = s.PainBefore
			rs = rules(s.Routine.ID)
		}
		a := routines.CheckinAdvice(c.Pain, row.Before, rs)
		row.Limit, row.Flag, row.Why = rs.Limit, a.Flag(), a.Why()
		out = append(out, row)
	}
	slices.SortStableFunc(out, func(a, b CheckinRow) int { return strings.Compare(a.Date, b.Date) })
	return out
}

// visits keeps the period's therapy visits, oldest first, and their rows.
func visits(in Input) (period []storage.Visit, rows []VisitRow) {
	for _, v := range in.Visits {
		if d, err := storage.ParseDate(v.Date); err == nil && d >= in.From && d <= in.To {
			period = append(period, v)
		}
	}
	slices.SortStableFunc(period, func(a, b storage.Visit) int { return strings.Compare(a.Date, b.Date) })
	for _, v := range period {
		rows = append(rows, VisitRow{Date: v.Date, Kind: clean(v.Kind), Note: strings.TrimSpace(clean(v.Note))})
	}
	return period, rows
}

// libraryState compares a followed version with the library's current one.
func libraryState(lib []storage.RoutineFile, id, hash string) string {
	if _, ok := routines.Builtin(id); ok {
		return "built-in"
	}
	if hash == "" {
		return "version not recorded"
	}
	for _, f := range lib {
		if f.ID != id {
			continue
		}
		if f.Hash == hash {
			return "current version"
		}
		return "an earlier version; the library now holds " + routines.ShortHash(clean(f.Hash))
	}
	return "not in the library"
}

// clean is routines.SafeLine: text from sessions, safe for one-line cells.
func clean(s string) string { return routines.SafeLine(s) }
