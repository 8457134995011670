package routines

import "time"

// StepKind is what a person does during a step.
type StepKind int

const (
	StepPrepare StepKind = iota // get-ready countdown before an exercise
	StepHold                    // a timed hold
	StepReps                    // a set of reps; the current rep and phase follow from the elapsed time
	StepRest                    // rest between sets
	StepSwitch                  // switch sides
)

func (k StepKind) String() string {
	return [...]string{"prepare", "hold", "reps", "rest", "switch sides"}[k]
}

// Phase is a part of a held rep: the hold, then the relax.
type Phase int

const (
	PhaseNone  Phase = iota // not a held rep: a paced rep, a hold, a pause
	PhaseHold               // holding the position
	PhaseRelax              // the pause after a rep's hold
)

func (p Phase) String() string {
	return [...]string{"", "hold", "relax"}[p]
}

// Step is one timed step of a Plan.
type Step struct {
	Kind     StepKind
	Exercise int // index into Plan.Routine.Exercises
	Set      int // 1-based
	Sets     int
	Side     Side
	Reps     int // for StepReps: the number of reps in the step
	// Rep is, for StepReps, how long one rep lasts: the tempo of a paced
	// rep, or Hold plus Relax of a held one.
	Rep time.Duration
	// Hold and Relax are the phases of a held rep (Hold 0: paced reps). The
	// last rep of a set has no relax: what follows the set (a rest, the
	// switch of sides, the next exercise) is the pause.
	Hold, Relax time.Duration
	Duration    time.Duration
}

// Held reports whether the step is a set of held reps, timed in phases.
func (s Step) Held() bool { return s.Kind == StepReps && s.Hold > 0 }

// Work reports whether the step is exercise (a hold or reps), not a pause.
func (s Step) Work() bool { return s.Kind == StepHold || s.Kind == StepReps }

// Plan is a routine compiled into a flat list of timed steps.
type Plan struct {
	Routine *Routine
	Steps   []Step
}

// Total is the time the whole plan takes.
func (p Plan) Total() time.Duration {
	var t time.Duration
	for _, s := range p.Steps {
		t += s.Duration
	}
	return t
}
