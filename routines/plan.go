package routines

import "time"

// StepKind is what a person does during a step.
type StepKind int

const (
	StepPrepare StepKind = iota // get-ready countdown before an exercise
	StepHold                    // a timed hold
	StepReps                    // a set of paced reps; the current rep follows from the elapsed time
	StepRest                    // rest between sets
	StepSwitch                  // switch sides
)

func (k StepKind) String() string {
	return [...]string{"prepare", "hold", "reps", "rest", "switch sides"}[k]
}

// Step is one timed step of a Plan.
type Step struct {
	Kind     StepKind
	Exercise int // index into Plan.Routine.Exercises
	Set      int // 1-based
	Sets     int
	Side     Side
	Reps     int           // for StepReps: the number of reps in the step
	Rep      time.Duration // for StepReps: how long one rep lasts
	Duration time.Duration
}

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
