package routines

import (
	"fmt"
	"strings"
	"time"

	"corecoach/routines/text"
)

// Dosage describes the exercise's dosage in words, for `routine show` and
// the handout: "3 sets of 10, hold 3 s each, relax 2 s between, both
// sides, rest 20 s" or
// "3 × 30 s hold, rest 30 s".
func (e RoutineExercise) Dosage() string {
	sets := max(e.Sets, 1)
	var parts []string
	if e.Reps > 0 {
		if sets == 1 {
			parts = append(parts, text.Count(e.Reps, "rep"))
		} else {
			parts = append(parts, fmt.Sprintf("%d sets of %d", sets, e.Reps))
		}
		if e.Hold > 0 && e.Reps == 1 {
			parts = append(parts, "hold "+FormatDuration(e.Hold))
		} else if e.Hold > 0 {
			parts = append(parts, "hold "+FormatDuration(e.Hold)+" each")
			if e.Relax > 0 {
				parts = append(parts, "relax "+FormatDuration(e.Relax)+" between")
			}
		} else if e.Tempo > 0 {
			parts = append(parts, FormatDuration(e.Tempo)+" per rep")
		}
	} else {
		hold := FormatDuration(e.Hold) + " hold"
		if sets > 1 {
			hold = fmt.Sprintf("%d × %s", sets, hold)
		}
		parts = append(parts, hold)
	}
	if e.Both {
		parts = append(parts, "both sides")
	}
	if sets > 1 && e.Rest > 0 {
		parts = append(parts, "rest "+FormatDuration(e.Rest))
	}
	return strings.Join(parts, ", ")
}

// FormatDuration writes a duration for people: "30 s", "2 min", "1 min 30 s",
// "1 h 5 min". Fractions of a second are rounded.
func FormatDuration(d time.Duration) string {
	d = d.Round(time.Second)
	if d < time.Minute {
		return fmt.Sprintf("%d s", int(d/time.Second))
	}
	h, m, s := int(d/time.Hour), int(d%time.Hour/time.Minute), int(d%time.Minute/time.Second)
	var parts []string
	if h > 0 {
		parts = append(parts, fmt.Sprintf("%d h", h))
	}
	if m > 0 {
		parts = append(parts, fmt.Sprintf("%d min", m))
	}
	if s > 0 {
		parts = append(parts, fmt.Sprintf("%d s", s))
	}
	return strings.Join(parts, " ")
}
