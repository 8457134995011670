package routines

import (
	"testing"
	"time"
)

// benchPlan is a long routine's plan: 40 exercises of 3 sets, about 90 minutes.
func benchPlan() Plan {
	s := time.Second
	r := &Routine{}
	var steps []Step
	for x := range 40 {
		r.Exercises = append(r.Exercises, RoutineExercise{ID: "e", Sets: 3})
		steps = append(steps, Step{Kind: StepPrepare, Exercise: x, Set: 1, Sets: 3, Duration: 5 * s})
		for set := 1; set <= 3; set++ {
			steps = append(steps,
				Step{Kind: StepReps, Exercise: x, Set: set, Sets: 3, Reps: 10, Rep: 3 * s, Duration: 30 * s},
				Step{Kind: StepRest, Exercise: x, Set: set, Sets: 3, Duration: 10 * s})
		}
	}
	return Plan{Routine: r, Steps: steps}
}

// BenchmarkEngineTick ticks through the plan ten times a second, a faster
// pace than the screen asks for, starting over when it ends.
func BenchmarkEngineTick(b *testing.B) {
	p := benchPlan()
	now := t0
	e := NewEngine(p, now)
	e.Start(now)
	for b.Loop() {
		now = now.Add(100 * time.Millisecond)
		e.Tick(now)
		if e.done {
			e = NewEngine(p, now)
			e.Start(now)
		}
	}
}

func BenchmarkEngineSnapshot(b *testing.B) {
	e := NewEngine(benchPlan(), t0)
	e.Start(t0)
	e.Tick(at(100))
	for b.Loop() {
		e.Snapshot(at(101))
	}
}

func BenchmarkEngineResults(b *testing.B) {
	e := NewEngine(benchPlan(), t0)
	e.Start(t0)
	e.Tick(at(2000))
	for b.Loop() {
		e.Results(at(2001))
	}
}
