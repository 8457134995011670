package routines

import (
	"fmt"
	"testing"
	"time"
)

func TestSessionCompleted(t *testing.T) {
	ex := func(planned, done, excused int) ExerciseProgress {
		return ExerciseProgress{SetsPlanned: planned, SetsDone: done, SetsExcused: excused, Hurt: excused > 0}
	}
	tests := []struct {
		name       string
		reachedEnd bool
		res        []ExerciseProgress
		want       bool
	}{
		{"everything done", true, []ExerciseProgress{ex(3, 3, 0), ex(2, 2, 0)}, true},
		{"80% exactly", true, []ExerciseProgress{ex(3, 3, 0), ex(2, 1, 0)}, true},
		{"79%: 15 of 19", true, []ExerciseProgress{ex(10, 10, 0), ex(9, 5, 0)}, false},
		{"80%: 16 of 20", true, []ExerciseProgress{ex(10, 10, 0), ex(10, 6, 0)}, true},
		{"all skipped", true, []ExerciseProgress{ex(1, 0, 0), ex(1, 0, 0), ex(2, 0, 0)}, false},
		{"stopped early with everything before done", false, []ExerciseProgress{ex(3, 3, 0), ex(2, 2, 0)}, false},
		{"hurt: the sets left are not counted", true, []ExerciseProgress{ex(3, 3, 0), ex(3, 1, 2)}, true},
		{"hurt does not excuse sets skipped before it", true, []ExerciseProgress{ex(2, 0, 0), ex(3, 1, 2)}, false},
		{"hurt on the only exercise at once: nothing done", true, []ExerciseProgress{ex(3, 0, 3)}, false},
		{"no exercises", true, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SessionCompleted(tt.reachedEnd, tt.res); got != tt.want {
				d, c := SetsCounted(tt.res)
				t.Fatalf("SessionCompleted = %v, want %v (%d of %d sets)", got, tt.want, d, c)
			}
		})
	}
}

// The engine counts the sets an exercise had ahead when it was flagged,
// and only those, as excused.
func TestEngineExcusesSetsLeftWhenHurt(t *testing.T) {
	s := time.Second
	r := &Routine{ID: "t", Name: "T", Exercises: []RoutineExercise{
		{ID: "plank", Name: "Plank", Sets: 4, Hold: 10 * s, Rest: 5 * s},
	}}
	tests := []struct {
		name string
		do   func(e *Engine)
		want string // done/planned excused, then completed
	}{
		{"flagged in set 2, the rest skipped", func(e *Engine) {
			e.Tick(at(10))     // set 1 done, rest
			e.Tick(at(16))     // set 2 under way
			e.FlagHurt(at(17)) // sets 2, 3, 4 ahead
			for range 10 {     // skip all that is left
				e.Skip(at(18))
			}
		}, "1/4 excused 3 completed"},
		{"flagged in set 2 and carried on", func(e *Engine) {
			e.FlagHurt(at(16))
			e.Tick(at(100))
		}, "4/4 excused 0 completed"},
		{"set 1 skipped, then flagged in set 2 and stopped", func(e *Engine) {
			e.Skip(at(1))     // set 1 skipped
			e.Skip(at(1))     // rest skipped
			e.FlagHurt(at(2)) // set 2 under way
			for range 10 {
				e.Skip(at(3))
			}
		}, "0/4 excused 3 partial"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := NewEngine(Compile(r), t0)
			e.Start(t0)
			tt.do(e)
			sn := e.Snapshot(at(200))
			res := e.Results(at(200))
			status := "partial"
			if SessionCompleted(sn.Done && !sn.Quit, res) {
				status = "completed"
			}
			got := fmt.Sprintf("%d/%d excused %d %s", res[0].SetsDone, res[0].SetsPlanned, res[0].SetsExcused, status)
			if got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}
