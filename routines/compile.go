package routines

import "time"

// SwitchDuration is the fixed pause between the left and the right side of
// a set: time to turn over and settle.
const SwitchDuration = 5 * time.Second

// Compile turns a routine into its flat list of timed steps. For each
// exercise: a get-ready countdown (when not zero), then each set's work
// (left, switch, right for two-sided sets), with a rest between sets but
// not after the last one. A set of held reps is timed in phases: each rep
// is the hold then the relax, except the last, whose relax is what follows
// the set.
func Compile(r *Routine) Plan {
	var steps []Step
	for i, e := range r.Exercises {
		steps = compileExercise(steps, i, e)
	}
	return Plan{Routine: r, Steps: steps}
}

func compileExercise(steps []Step, i int, e RoutineExercise) []Step {
	sets := max(e.Sets, 1)
	if e.Prepare > 0 {
		steps = append(steps, Step{Kind: StepPrepare, Exercise: i, Set: 1, Sets: sets, Duration: e.Prepare})
	}
	work := Step{Kind: StepHold, Exercise: i, Sets: sets, Duration: e.Hold}
	switch {
	case e.Held():
		work.Kind, work.Reps, work.Hold, work.Relax = StepReps, e.Reps, e.Hold, max(e.Relax, 0)
		work.Rep = work.Hold + work.Relax
		work.Duration = time.Duration(e.Reps)*work.Hold + time.Duration(e.Reps-1)*work.Relax
	case e.Reps > 0:
		work.Kind, work.Reps, work.Rep = StepReps, e.Reps, e.Tempo
		work.Duration = time.Duration(e.Reps) * work.Rep
	}
	for set := 1; set <= sets; set++ {
		work.Set = set
		if e.Both {
			left, right := work, work
			left.Side, right.Side = SideLeft, SideRight
			steps = append(steps, left,
				Step{Kind: StepSwitch, Exercise: i, Set: set, Sets: sets, Side: SideRight, Duration: SwitchDuration},
				right)
		} else {
			steps = append(steps, work)
		}
		if set < sets && e.Rest > 0 {
			steps = append(steps, Step{Kind: StepRest, Exercise: i, Set: set, Sets: sets, Duration: e.Rest})
		}
	}
	return steps
}
