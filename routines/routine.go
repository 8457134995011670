// Package routines owns the exercise domain: the built-in exercise library,
// routine files (format 1) and their validation, compiling a routine into a
// Plan of timed steps, and the Engine that steps a person through a Plan.
// It does no I/O beyond reading a routine file.
package routines

import (
	"fmt"
	"strings"
	"time"
)

// Routine is a parsed routine file (docs/routine-format.md) or a built-in routine.
type Routine struct {
	ID     string
	Name   string
	Author string
	// Client is who the routine is for, and Therapist who prescribed it;
	// both optional, shown on handouts and reports.
	Client    string
	Therapist Therapist
	Notes     string
	Schedule  []time.Weekday // empty: every day
	// At is the times of day to exercise on a scheduled day, earliest
	// first; empty when the file sets none (docs/routine-format.md).
	At []TimeOfDay
	// PainLimit is the score above which pain is flagged (default 5).
	PainLimit int
	// PainRise is how far a next-day score must be above the pain before
	// the session to mean "ease off" (default 2).
	PainRise  int
	Prepare   time.Duration // get-ready countdown before each exercise
	Rest      time.Duration // default rest between sets
	Exercises []RoutineExercise
	// Source is the file the routine came from, or BuiltinSource.
	Source string
	// Hash is "sha256:<hex>" of the file's bytes (of the embedded file for built-ins).
	Hash string
}

// Therapist is the therapist a routine file names: a name and how to
// reach them, each on one line.
type Therapist struct {
	Name    string
	Contact string
}

// IsZero reports whether the file names no therapist.
func (t Therapist) IsZero() bool { return t.Name == "" && t.Contact == "" }

// Side is which side of the body a step works.
type Side int

const (
	SideNone Side = iota
	SideLeft
	SideRight
)

func (s Side) String() string {
	switch s {
	case SideLeft:
		return "left"
	case SideRight:
		return "right"
	}
	return ""
}

// RoutineExercise is one exercise of a routine with its resolved dosage:
// library defaults already merged with the file's overrides.
type RoutineExercise struct {
	ID      string // built-in id, or a slug of the name for a custom exercise
	Name    string
	BuiltIn bool
	Cues    []string
	Notes   string
	Sets    int
	Reps    int           // 0: a timed hold
	Hold    time.Duration // the hold per rep, or the whole hold when Reps is 0
	Relax   time.Duration // with Reps and Hold: the pause after each rep's hold
	Tempo   time.Duration // seconds per rep when Reps > 0 and Hold is 0
	Both    bool          // each set done left, then right
	Rest    time.Duration // rest between sets
	Prepare time.Duration // get-ready countdown before the exercise
}

// Held reports whether each rep is held (then relaxed) rather than paced.
func (e RoutineExercise) Held() bool { return e.Reps > 0 && e.Hold > 0 }

// DefaultRelax is the pause after each held rep when a file gives none:
// 3 s after a hold of 5 s or more, else 2 s (docs/routine-format.md).
func DefaultRelax(hold time.Duration) time.Duration {
	if hold >= 5*time.Second {
		return 3 * time.Second
	}
	return 2 * time.Second
}

// BuiltinSource is the Source of a routine built into corecoach.
const BuiltinSource = "built-in"

// File is the routine file r was read from, or "" for a built-in routine.
func (r *Routine) File() string {
	if r.Source == BuiltinSource {
		return ""
	}
	return r.Source
}

// ExerciseCount is the number of different exercises in the routine, as a
// client thinks of them: an exercise repeated (the McGill pyramid does each
// of its three three times) counts once. Exercises are told apart by the
// name shown on screen, ignoring case and spacing, so that an exercise of
// one's own named like a built-in one counts once too. Every command and
// screen that shows a routine's count of exercises uses this.
func (r *Routine) ExerciseCount() int {
	seen := make(map[string]bool, len(r.Exercises))
	for _, e := range r.Exercises {
		key := strings.TrimSpace(e.Name)
		if strings.Contains(key, "  ") {
			key = strings.Join(strings.Fields(key), " ")
		}
		if key == "" {
			key = e.ID
		}
		seen[strings.ToLower(key)] = true
	}
	return len(seen)
}

// TimeOfDay is a time of day to the minute, as minutes after midnight.
type TimeOfDay int

// MaxAt is how many times of day a routine may set.
const MaxAt = 12

// ParseTimeOfDay reads HH:MM on a 24-hour clock, 00:00 to 23:59.
func ParseTimeOfDay(s string) (TimeOfDay, bool) {
	if len(s) != 5 || s[2] != ':' {
		return 0, false
	}
	h, m := twoDigits(s[:2]), twoDigits(s[3:])
	if h < 0 || h > 23 || m < 0 || m > 59 {
		return 0, false
	}
	return TimeOfDay(h*60 + m), true
}

func twoDigits(s string) int {
	if s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' {
		return -1
	}
	return int(s[0]-'0')*10 + int(s[1]-'0')
}

// Hour and Minute split the time of day.
func (t TimeOfDay) Hour() int   { return int(t) / 60 }
func (t TimeOfDay) Minute() int { return int(t) % 60 }

// String is HH:MM.
func (t TimeOfDay) String() string { return fmt.Sprintf("%02d:%02d", t.Hour(), t.Minute()) }
