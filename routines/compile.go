package routines

import "time"

// SwitchDuration is the fixed pause between the left and the right side of
// a set: time to turn over and settle.
const SwitchDuration = 5 * time.Second

// Compile turns a routine into its flat list of timed steps. For each
// exercise: a get-ready countdown (when not zero), then each set's work
// (left, switch, right for two-sided sets), with a rest between sets but
// not after the last one.
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
	if e.Reps > 0 {
		work.Kind, work.Reps, work.Rep = StepReps, e.Reps, e.RepDuration()
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
