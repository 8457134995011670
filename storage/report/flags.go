package report

import (
	"cmp"
	"fmt"
	"slices"

	"corecoach/storage"
)

// Flag kinds, most urgent first: the order flags are listed in, and the
// order a therapist's inbox ranks clients by (docs/stats-and-report.md).
const (
	FlagEaseOff      = "ease-off"      // a next-day rise, or 10 (routines.CheckinAdvice)
	FlagHurt         = "hurt"          // an exercise flagged as hurting
	FlagInactive     = "inactive"      // no completed session on the last InactiveDays scheduled days
	FlagAboveLimit   = "above-limit"   // pain above the routine's limit, with no rise
	FlagMeasureWorse = "measure-worse" // an outcome measure worse by its threshold
)

// FlagKinds are the kinds in rank order.
var FlagKinds = []string{FlagEaseOff, FlagHurt, FlagInactive, FlagAboveLimit, FlagMeasureWorse}

// InactiveDays is how many scheduled days in a row with no completed
// session make a client inactive.
const InactiveDays = 3

// Flag is something in the period the therapist should look at.
type Flag struct {
	Kind string `json:"kind"`
	Date string `json:"date"` // YYYY-MM-DD
	Text string `json:"text"`
}

// rank is the place of kind in FlagKinds.
func rank(kind string) int { return slices.Index(FlagKinds, kind) }

// sortFlags puts the most urgent kind first, and within a kind the newest.
func sortFlags(flags []Flag) {
	slices.SortStableFunc(flags, func(a, b Flag) int {
		return cmp.Or(cmp.Compare(rank(a.Kind), rank(b.Kind)), cmp.Compare(b.Date, a.Date))
	})
}

// flagsOf gathers the period's flags from what Build judged: the check-ins
// and the pain after each session by the routines' pain rules, the
// exercises flagged as hurting, and the scheduled days up to to.
func flagsOf(r Report, sessions []storage.Session, in Input) []Flag {
	var out []Flag
	for _, c := range r.Checkins {
		switch c.Flag {
		case FlagEaseOff, FlagAboveLimit:
			out = append(out, Flag{Kind: c.Flag, Date: c.Date, Text: c.Why})
		}
	}
	for _, p := range r.Pain {
		if p.AboveLimit {
			out = append(out, Flag{Kind: FlagAboveLimit, Date: p.Date.String(), Text: p.Flag})
		}
	}
	for _, s := range sessions {
		for _, e := range s.Exercises {
			if !e.Hurt {
				continue
			}
			text := clean(cmpOrName(e)) + " flagged as hurting"
			if kind := storage.HurtKindText(e.HurtKind); kind != "" {
				text += " (" + kind + ")"
			}
			out = append(out, Flag{Kind: FlagHurt, Date: storage.DateOf(storage.LocalStart(s)).String(), Text: text})
		}
	}
	if f, ok := inactive(in); ok {
		out = append(out, f)
	}
	sortFlags(out)
	return out
}

func cmpOrName(e storage.ExerciseResult) string { return cmp.Or(e.Name, e.ID, "an exercise") }

// inactive flags a client with no completed session on the last
// InactiveDays scheduled days before in.To (in.To itself counts once it is
// done: a day is not missed before it ends). Days before the first
// session are not missed.
func inactive(in Input) (Flag, bool) {
	// Every schedule has a day a week: InactiveDays weeks hold enough.
	days, err := storage.DayStatuses(in.Days, in.Schedule, in.To.AddDays(-7*InactiveDays), in.To, in.To)
	if err != nil {
		return Flag{}, false
	}
	var missed []storage.Date // newest first
	for i := len(days) - 1; i >= 0 && len(missed) < InactiveDays; i-- {
		switch days[i].Status {
		case storage.DayDone, storage.DayNone:
			return Flag{}, false
		case storage.DayMissed:
			missed = append(missed, days[i].Date)
		}
	}
	if len(missed) < InactiveDays {
		return Flag{}, false
	}
	return Flag{Kind: FlagInactive, Date: in.To.String(),
		Text: fmt.Sprintf("no completed session on the last %d scheduled days, %s to %s", InactiveDays, missed[len(missed)-1], missed[0])}, true
}
