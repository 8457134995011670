package routines

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2026, 3, 8, 23, 30, 0, 0, time.UTC)

// at is t0 plus s seconds.
func at(s float64) time.Time { return t0.Add(time.Duration(math.Round(s * 1e9))) }

// testPlan is a plank (2 sets of a 30 s hold, 10 s rest) then a bird dog
// (2 sets of 3 reps of 2 s, left then right), 120 s in all:
//
//	 0 prepare plank         0-5
//	 1 hold plank set 1      5-35
//	 2 rest                 35-45
//	 3 hold plank set 2     45-75
//	 4 prepare bird dog     75-80
//	 5 reps set 1 left      80-86
//	 6 switch               86-89
//	 7 reps set 1 right     89-95
//	 8 rest                 95-105
//	 9 reps set 2 left     105-111
//	10 switch              111-114
//	11 reps set 2 right    114-120
func testPlan() Plan {
	r := &Routine{ID: "test", Name: "Test", Exercises: []RoutineExercise{
		{ID: "plank", Name: "Plank", Sets: 2, Hold: 30 * time.Second},
		{ID: "bird-dog", Name: "Bird dog", Sets: 2, Reps: 3, Hold: 2 * time.Second, Both: true},
	}}
	s := time.Second
	reps := func(set int, side Side) Step {
		return Step{Kind: StepReps, Exercise: 1, Set: set, Sets: 2, Side: side, Reps: 3, Rep: 2 * s, Duration: 6 * s}
	}
	return Plan{Routine: r, Steps: []Step{
		{Kind: StepPrepare, Exercise: 0, Set: 1, Sets: 2, Duration: 5 * s},
		{Kind: StepHold, Exercise: 0, Set: 1, Sets: 2, Duration: 30 * s},
		{Kind: StepRest, Exercise: 0, Set: 1, Sets: 2, Duration: 10 * s},
		{Kind: StepHold, Exercise: 0, Set: 2, Sets: 2, Duration: 30 * s},
		{Kind: StepPrepare, Exercise: 1, Set: 1, Sets: 2, Duration: 5 * s},
		reps(1, SideLeft),
		{Kind: StepSwitch, Exercise: 1, Set: 1, Sets: 2, Duration: 3 * s},
		reps(1, SideRight),
		{Kind: StepRest, Exercise: 1, Set: 1, Sets: 2, Duration: 10 * s},
		reps(2, SideLeft),
		{Kind: StepSwitch, Exercise: 1, Set: 2, Sets: 2, Duration: 3 * s},
		reps(2, SideRight),
	}}
}

// evs writes events compactly: "started 1", "rep 5:2", "count 1:3",
// "done 1", "set 0/1", "ex 0", "session", with "!" for skipped.
func evs(ev []Event) string {
	var b []string
	for _, e := range ev {
		var s string
		switch e.Kind {
		case EventStepStarted:
			s = fmt.Sprintf("started %d", e.Step)
		case EventRepStarted:
			s = fmt.Sprintf("rep %d:%d", e.Step, e.Rep)
		case EventRelaxStarted:
			s = fmt.Sprintf("relax %d:%d", e.Step, e.Rep)
		case EventCountdown:
			s = fmt.Sprintf("count %d:%d", e.Step, e.Remaining)
		case EventStepDone:
			s = fmt.Sprintf("done %d", e.Step)
		case EventSetDone:
			s = fmt.Sprintf("set %d/%d", e.Exercise, e.Set)
		case EventExerciseDone:
			s = fmt.Sprintf("ex %d", e.Exercise)
		case EventSessionDone:
			s = "session"
		}
		if e.Skipped {
			s += "!"
		}
		b = append(b, s)
	}
	return strings.Join(b, ", ")
}

// snap writes a snapshot as "index remaining/duration" plus flags.
func snap(s Snapshot) string {
	out := fmt.Sprintf("%d %v/%v", s.Index, s.Remaining, s.Duration)
	if s.Rep > 0 {
		out += fmt.Sprintf(" rep%d", s.Rep)
	}
	if s.Phase != PhaseNone {
		out += fmt.Sprintf(" %s %v/%v", s.Phase, s.PhaseRemaining, s.PhaseDuration)
	}
	for _, f := range []struct {
		on   bool
		name string
	}{{s.Paused, "paused"}, {s.Done, "done"}, {s.Quit, "quit"}} {
		if f.on {
			out += " " + f.name
		}
	}
	return out
}

// results writes results as "id done/planned seconds" plus flags, "; "-separated.
func results(rs []ExerciseProgress) string {
	var b []string
	for _, r := range rs {
		s := fmt.Sprintf("%s %d/%d %ds", r.ID, r.SetsDone, r.SetsPlanned, r.Seconds)
		if r.Skipped {
			s += " skipped"
		}
		if r.Hurt {
			s += " hurt"
		}
		b = append(b, s)
	}
	return strings.Join(b, "; ")
}

type action struct {
	at   float64 // seconds after t0
	do   string  // tick, pause, skip, back, quit, hurt, extend (15 s), extend10m
	want string  // events, or "true"/"false" for extend; "-" to ignore
	snap string  // the snapshot after the action; "" to ignore
}

func apply(e *Engine, a action) string {
	now := at(a.at)
	switch a.do {
	case "tick":
		return evs(e.Tick(now))
	case "pause":
		return evs(e.TogglePause(now))
	case "skip":
		return evs(e.Skip(now))
	case "back":
		return evs(e.Back(now))
	case "quit":
		return evs(e.Quit(now))
	case "hurt":
		e.FlagHurt(now)
		return ""
	case "extend":
		return fmt.Sprint(e.ExtendRest(now, 15*time.Second))
	case "extend10m":
		return fmt.Sprint(e.ExtendRest(now, 10*time.Minute))
	}
	panic("unknown action " + a.do)
}

func TestEngineScenarios(t *testing.T) {
	full := "plank 2/2 60s; bird-dog 2/2 24s"
	tests := []struct {
		name    string
		acts    []action
		results string // at the last action's time
	}{
		{"prepare then hold with countdown", []action{
			{4.999, "tick", "", "0 1ms/5s"},
			{5, "tick", "done 0, started 1", "1 30s/30s"},
			{31.9, "tick", "", "1 3.1s/30s"},
			{32, "tick", "count 1:3", "1 3s/30s"},
			{32.5, "tick", "", ""},
			{33, "tick", "count 1:2", ""},
			{34, "tick", "count 1:1", ""},
			{34.9, "tick", "", "1 100ms/30s"},
			{35, "tick", "done 1, set 0/1, started 2", "2 10s/10s"},
			{44, "tick", "", "2 1s/10s"}, // no countdown in a rest
			{45, "tick", "done 2, started 3", "3 30s/30s"},
		}, "plank 1/2 30s; bird-dog 0/2 0s"},
		{"a tick that passes over a countdown second announces only the latest", []action{
			{32.5, "tick", "done 0, started 1, count 1:3", ""},
			{34.2, "tick", "count 1:1", "1 800ms/30s"},
			{34.9, "tick", "", ""},
		}, "plank 0/2 30s; bird-dog 0/2 0s"},
		{"reps count from the elapsed time, both sides make a set", []action{
			{80, "tick", "done 0, started 1, done 1, set 0/1, started 2, done 2, started 3, done 3, set 0/2, ex 0, started 4, done 4, started 5, rep 5:1", "5 6s/6s rep1"},
			{81.9, "tick", "", "5 4.1s/6s rep1"},
			{82, "tick", "rep 5:2", "5 4s/6s rep2"},
			{83, "tick", "count 5:3", ""},
			{84, "tick", "rep 5:3, count 5:2", "5 2s/6s rep3"},
			{85, "tick", "count 5:1", ""},
			{86, "tick", "done 5, started 6", "6 3s/3s"},
			{89, "tick", "done 6, started 7, rep 7:1", ""},
			{95, "tick", "done 7, set 1/1, started 8", ""}, // a step passed over has no stale cues
			{120, "tick", "done 8, started 9, rep 9:1, done 9, started 10, done 10, started 11, rep 11:1, done 11, set 1/2, ex 1, session", "12 0s/0s done"},
		}, full},
		{"a tick that passes over reps announces the rep under way", []action{
			{80, "tick", "-", ""},
			{84.5, "tick", "rep 5:3, count 5:2", "5 1.5s/6s rep3"},
		}, "plank 2/2 60s; bird-dog 0/2 5s"},
		{"a jump of ten minutes mid-hold ends the session as completed", []action{
			{20, "tick", "done 0, started 1", ""},
			{620, "tick", "done 1, set 0/1, started 2, done 2, started 3, done 3, set 0/2, ex 0, started 4, done 4, started 5, rep 5:1, done 5, started 6, done 6, started 7, rep 7:1, done 7, set 1/1, started 8, done 8, started 9, rep 9:1, done 9, started 10, done 10, started 11, rep 11:1, done 11, set 1/2, ex 1, session", "12 0s/0s done"},
			{621, "tick", "", "12 0s/0s done"},
			{622, "skip", "", ""},
			{622, "back", "", ""},
			{622, "pause", "", "12 0s/0s done"},
			{623, "quit", "", "12 0s/0s done"},
		}, full},
		{"a jump past some steps starts each from the old deadline", []action{
			{20, "tick", "done 0, started 1", "1 15s/30s"},
			{72, "tick", "done 1, set 0/1, started 2, done 2, started 3, count 3:3", "3 3s/30s"},
		}, "plank 1/2 57s; bird-dog 0/2 0s"},
		{"a clock going back keeps the time left", []action{
			{20, "tick", "done 0, started 1", "1 15s/30s"},
			{10, "tick", "", "1 15s/30s"},
			{15, "tick", "", "1 10s/30s"},
			{24.9, "tick", "count 1:1", "1 100ms/30s"},
			{25, "tick", "done 1, set 0/1, started 2", "2 10s/10s"},
			{-1000, "tick", "", "2 10s/10s"},
		}, "plank 1/2 30s; bird-dog 0/2 0s"},
		{"pause freezes the time left, resume sets a new deadline", []action{
			{10, "pause", "done 0, started 1", "1 25s/30s paused"},
			{500, "tick", "", "1 25s/30s paused"},
			{600, "pause", "", "1 25s/30s"},
			{622, "tick", "count 1:3", "1 3s/30s"},
			{625, "tick", "done 1, set 0/1, started 2", "2 10s/10s"},
		}, "plank 1/2 30s; bird-dog 0/2 0s"},
		{"pause in a clock jump back then resume", []action{
			{10, "pause", "done 0, started 1", "1 25s/30s paused"},
			{2, "pause", "", "1 25s/30s"},
			{27, "tick", "done 1, set 0/1, started 2", ""},
		}, "plank 1/2 30s; bird-dog 0/2 0s"},
		{"skip a hold: the set is not done, the seconds count", []action{
			{6, "tick", "done 0, started 1", ""},
			{15, "skip", "done 1!, set 0/1!, started 2", "2 10s/10s"},
			{25, "tick", "done 2, started 3", "3 30s/30s"},
			{55, "tick", "done 3, set 0/2, ex 0, started 4", ""},
		}, "plank 1/2 40s skipped; bird-dog 0/2 0s"},
		{"skip a rest, a prepare and a switch just ends them", []action{
			{1, "skip", "done 0!, started 1", "1 30s/30s"},
			{31, "tick", "done 1, set 0/1, started 2", "2 10s/10s"},
			{33, "skip", "done 2!, started 3", "3 30s/30s"},
			{63, "tick", "done 3, set 0/2, ex 0, started 4", ""},
			{63, "skip", "done 4!, started 5, rep 5:1", ""},
			{69, "tick", "done 5, started 6", "6 3s/3s"},
			{69, "skip", "done 6!, started 7, rep 7:1", "7 6s/6s rep1"},
		}, "plank 2/2 60s; bird-dog 0/2 6s"},
		{"skip a left side: its set is not done though the right side is", []action{
			{80, "tick", "-", ""},
			{81, "skip", "-", "6 3s/3s"},
			{95, "tick", "-", "8 5s/10s"},
		}, "plank 2/2 60s; bird-dog 0/2 7s skipped"},
		{"skip the last hold of an exercise ends the exercise", []action{
			{46, "tick", "-", "3 29s/30s"},
			{50, "skip", "done 3!, set 0/2!, ex 0!, started 4", "4 5s/5s"},
		}, "plank 1/2 35s skipped; bird-dog 0/2 0s"},
		{"skip at the deadline is spent on the step's own end", []action{
			{35, "skip", "done 0, started 1, done 1, set 0/1, started 2", "2 10s/10s"},
		}, "plank 1/2 30s; bird-dog 0/2 0s"},
		{"skip while paused moves on paused", []action{
			{5, "tick", "-", ""},
			{10, "pause", "-", ""},
			{20, "skip", "done 1!, set 0/1!, started 2", "2 10s/10s paused"},
			{30, "pause", "", ""},
			{40, "tick", "done 2, started 3", ""},
		}, "plank 0/2 5s skipped; bird-dog 0/2 0s"},
		{"skip through the whole plan completes the session", []action{
			{0, "skip", "-", ""}, {0, "skip", "-", ""}, {0, "skip", "-", ""}, {0, "skip", "-", ""},
			{0, "skip", "-", ""}, {0, "skip", "-", ""}, {0, "skip", "-", ""}, {0, "skip", "-", ""},
			{0, "skip", "-", ""}, {0, "skip", "-", ""}, {0, "skip", "-", ""},
			{0, "skip", "done 11!, set 1/2!, ex 1!, session", "12 0s/0s done"},
		}, "plank 0/2 0s skipped; bird-dog 0/2 0s skipped"},
		{"back more than 2 s in restarts the step", []action{
			{5, "tick", "-", ""},
			{10, "back", "started 1", "1 30s/30s"},
			{39, "tick", "count 1:1", ""},
			{40, "tick", "done 1, set 0/1, started 2", ""},
		}, "plank 1/2 35s; bird-dog 0/2 0s"},
		{"back within 2 s goes to the step before", []action{
			{37, "back", "done 0, started 1, done 1, set 0/1, started 2, started 1", "1 30s/30s"},
			{66, "tick", "count 1:1", ""},
			{67, "tick", "done 1, set 0/1, started 2", ""},
		}, "plank 1/2 60s; bird-dog 0/2 0s"},
		{"back from a skipped hold's rest and redo it: the set counts", []action{
			{5, "tick", "-", ""},
			{10, "skip", "-", "2 10s/10s"},
			{11, "back", "started 1", "1 30s/30s"},
			{41, "tick", "done 1, set 0/1, started 2", ""},
		}, "plank 1/2 35s; bird-dog 0/2 0s"},
		{"back into a finished hold, then skip it: the set stays done", []action{
			{37, "back", "-", "1 30s/30s"},
			{40, "skip", "-", "2 10s/10s"},
		}, "plank 1/2 33s; bird-dog 0/2 0s"},
		{"back at the first step restarts it", []action{
			{1, "back", "started 0", "0 5s/5s"},
			{5.5, "tick", "", "0 500ms/5s"},
			{6, "tick", "done 0, started 1", ""},
		}, "plank 0/2 0s; bird-dog 0/2 0s"},
		{"back restarts a reps step from rep 1", []action{
			{83, "tick", "-", "5 3s/6s rep2"},
			{83, "back", "started 5, rep 5:1", "5 6s/6s rep1"},
		}, "plank 2/2 60s; bird-dog 0/2 3s"},
		{"back while paused stays paused", []action{
			{10, "pause", "-", ""},
			{20, "back", "started 1", "1 30s/30s paused"},
		}, "plank 0/2 5s; bird-dog 0/2 0s"},
		{"extend a rest by 15 s", []action{
			{35, "tick", "done 0, started 1, done 1, set 0/1, started 2", ""},
			{40, "extend", "true", "2 20s/25s"},
			{45, "tick", "", "2 15s/25s"},
			{59.9, "tick", "", "2 100ms/25s"},
			{60, "tick", "done 2, started 3", "3 30s/30s"},
		}, "plank 1/2 30s; bird-dog 0/2 0s"},
		{"extend a get-ready countdown, and twice", []action{
			{1, "extend", "true", "0 19s/20s"},
			{2, "extend", "true", "0 33s/35s"},
			{35, "tick", "done 0, started 1", ""},
		}, "plank 0/2 0s; bird-dog 0/2 0s"},
		{"extend only a rest or a prepare", []action{
			{10, "tick", "-", ""},
			{10, "extend", "false", "1 25s/30s"},
			{87, "tick", "-", ""},
			{87, "extend", "false", "6 2s/3s"},
			{84, "extend", "false", "6 2s/3s"},
			{100, "tick", "-", ""},
			{100, "extend", "true", "8 17s/25s"}, // the clock went back 3 s at 84 s
			{100, "extend10m", "false", "8 17s/25s"},
			{140, "tick", "-", "12 0s/0s done"},
			{140, "extend", "false", ""},
		}, full},
		{"extend a paused rest", []action{
			{36, "tick", "-", ""},
			{40, "pause", "-", "2 5s/10s paused"},
			{90, "extend", "true", "2 20s/25s paused"},
			{100, "pause", "", ""},
			{120, "tick", "done 2, started 3", ""},
		}, "plank 1/2 30s; bird-dog 0/2 0s"},
		{"flag hurt marks the current step's exercise", []action{
			{10, "tick", "-", ""},
			{10, "hurt", "", ""},
			{74, "tick", "-", ""},
			{77, "hurt", "", ""}, // the bird dog's prepare, not ticked yet: still the plank's hold
			{78, "tick", "-", "4 2s/5s"},
			{78, "hurt", "", ""},
		}, "plank 2/2 60s hurt; bird-dog 0/2 0s hurt"},
		{"flag hurt only on the exercise under way", []action{
			{77, "tick", "-", ""},
			{77, "hurt", "", ""},
			{130, "tick", "-", ""},
			{130, "hurt", "", ""},
		}, "plank 2/2 60s; bird-dog 2/2 24s hurt"},
		{"quit mid-hold: partial results", []action{
			{20, "quit", "done 0, started 1, session", "12 0s/0s done quit"},
			{30, "tick", "", "12 0s/0s done quit"},
			{30, "quit", "", ""},
			{30, "hurt", "", ""},
		}, "plank 0/2 15s; bird-dog 0/2 0s"},
		{"quit while paused counts the work before the pause", []action{
			{30, "pause", "-", ""},
			{90, "quit", "session", "12 0s/0s done quit"},
		}, "plank 0/2 25s; bird-dog 0/2 0s"},
		{"quit after the end leaves the session completed", []action{
			{125, "quit", "-", "12 0s/0s done"},
		}, full},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := NewEngine(testPlan(), t0)
			if got := evs(e.Start(t0)); got != "started 0" {
				t.Fatalf("Start: %q", got)
			}
			for _, a := range tt.acts {
				got := apply(e, a)
				if a.want != "-" && got != a.want {
					t.Errorf("%s at %vs: events\n got %q\nwant %q", a.do, a.at, got, a.want)
				}
				if a.snap != "" {
					if got := snap(e.Snapshot(at(a.at))); got != a.snap {
						t.Errorf("%s at %vs: snapshot %q, want %q", a.do, a.at, got, a.snap)
					}
				}
			}
			last := tt.acts[len(tt.acts)-1].at
			if got := results(e.Results(at(last))); got != tt.results {
				t.Errorf("results\n got %q\nwant %q", got, tt.results)
			}
		})
	}
}

// run ticks e exactly when NextChange asks until the session is done or
// limit passes, returning every event and the time it ended.
func run(t *testing.T, e *Engine, from time.Time, limit time.Duration) ([]Event, time.Time) {
	t.Helper()
	now := from
	var all []Event
	prev := -1.0
	for !e.Snapshot(now).Done {
		if now.Sub(from) > limit {
			t.Fatalf("not done after %v", limit)
		}
		now = now.Add(e.NextChange(now))
		all = append(all, e.Tick(now)...)
		s := e.Snapshot(now)
		if s.Progress < prev || s.Progress > 1 || s.StepProgress < 0 || s.StepProgress > 1 {
			t.Fatalf("at %v: progress %v after %v, step progress %v", now.Sub(t0), s.Progress, prev, s.StepProgress)
		}
		prev = s.Progress
	}
	return all, now
}

func TestEngineFullRunAtNextChange(t *testing.T) {
	e := NewEngine(testPlan(), t0)
	all := e.Start(t0)
	rest, end := run(t, e, t0, time.Hour)
	all = append(all, rest...)
	if end != at(120) {
		t.Errorf("ended at %v, want 120s", end.Sub(t0))
	}
	want := "started 0, done 0, started 1, count 1:3, count 1:2, count 1:1, done 1, set 0/1, started 2, done 2, started 3, count 3:3, count 3:2, count 3:1, done 3, set 0/2, ex 0, started 4, done 4, " +
		"started 5, rep 5:1, rep 5:2, count 5:3, rep 5:3, count 5:2, count 5:1, done 5, started 6, done 6, started 7, rep 7:1, rep 7:2, count 7:3, rep 7:3, count 7:2, count 7:1, done 7, set 1/1, started 8, done 8, " +
		"started 9, rep 9:1, rep 9:2, count 9:3, rep 9:3, count 9:2, count 9:1, done 9, started 10, done 10, started 11, rep 11:1, rep 11:2, count 11:3, rep 11:3, count 11:2, count 11:1, done 11, set 1/2, ex 1, session"
	if got := evs(all); got != want {
		t.Errorf("events\n got %s\nwant %s", got, want)
	}
	if got, want := results(e.Results(end)), "plank 2/2 60s; bird-dog 2/2 24s"; got != want {
		t.Errorf("results %q, want %q", got, want)
	}
	if s := e.Snapshot(end); s.Progress != 1 || s.Quit {
		t.Errorf("final snapshot %+v", s)
	}
}

func TestEngineStart(t *testing.T) {
	t.Run("time before Start does not count", func(t *testing.T) {
		e := NewEngine(testPlan(), t0)
		if got := snap(e.Snapshot(at(3))); got != "0 2s/5s" {
			t.Errorf("before Start: %q", got)
		}
		e.Start(at(3))
		if got := snap(e.Snapshot(at(3))); got != "0 5s/5s" {
			t.Errorf("after Start: %q", got)
		}
		if got := evs(e.Start(at(4))); got != "" {
			t.Errorf("second Start: %q", got)
		}
	})
	t.Run("empty plan", func(t *testing.T) {
		e := NewEngine(Plan{}, t0)
		if got := evs(e.Start(t0)); got != "session" {
			t.Errorf("Start: %q", got)
		}
		if got := snap(e.Snapshot(t0)); got != "0 0s/0s done" {
			t.Errorf("snapshot %q", got)
		}
		if e.NextChange(t0) != time.Hour || len(e.Results(t0)) != 0 || len(e.Tick(at(1))) != 0 {
			t.Error("an empty plan is not quietly done")
		}
	})
	t.Run("zero-length steps pass at once", func(t *testing.T) {
		p := Plan{Steps: []Step{
			{Kind: StepPrepare, Duration: 0},
			{Kind: StepHold, Set: 1, Sets: 1, Duration: 2 * time.Second},
			{Kind: StepRest, Set: 1, Sets: 1},
		}}
		e := NewEngine(p, t0)
		if got := evs(e.Start(t0)); got != "started 0" {
			t.Errorf("Start: %q", got)
		}
		if got := e.NextChange(t0); got != 0 {
			t.Errorf("NextChange = %v, want 0", got)
		}
		if got := evs(e.Tick(t0)); got != "done 0, started 1" {
			t.Errorf("Tick: %q", got)
		}
		if got := evs(e.Tick(at(2))); got != "done 1, set 0/1, ex 0, started 2, done 2, session" {
			t.Errorf("Tick: %q", got)
		}
		if got := results(e.Results(at(2))); got != " 1/1 2s" {
			t.Errorf("results %q", got)
		}
	})
	t.Run("short work step is not counted down from its first second", func(t *testing.T) {
		p := Plan{Steps: []Step{{Kind: StepHold, Duration: 3 * time.Second}}}
		e := NewEngine(p, t0)
		var got []Event
		for _, s := range []float64{0, 0.5, 1, 2, 3} {
			got = append(got, e.Tick(at(s))...)
		}
		if evs(got) != "count 0:2, count 0:1, done 0, set 0/0, ex 0, session" {
			t.Errorf("events %q", evs(got))
		}
	})
}

func TestEngineNextChange(t *testing.T) {
	odd := Plan{Steps: []Step{{Kind: StepReps, Reps: 4, Rep: 1500 * time.Millisecond, Duration: 6 * time.Second}}}
	tests := []struct {
		name string
		plan Plan
		act  []action
		at   float64
		want time.Duration
	}{
		{"whole second ahead", testPlan(), nil, 0, time.Second},
		{"rest of the second", testPlan(), nil, 0.3, 700 * time.Millisecond},
		{"last part of a second", testPlan(), nil, 4.75, 250 * time.Millisecond},
		{"deadline passed, not ticked", testPlan(), nil, 6, 0},
		{"paused", testPlan(), []action{{2, "pause", "-", ""}}, 3, time.Hour},
		{"done", testPlan(), []action{{1, "quit", "-", ""}}, 2, time.Hour},
		{"whole second in reps", testPlan(), []action{{80, "tick", "-", ""}}, 80.5, 500 * time.Millisecond},
		{"rep boundary before the second", odd, nil, 1.2, 300 * time.Millisecond},
		{"second before the rep boundary", odd, nil, 2.5, 500 * time.Millisecond},
		{"last rep: only seconds", odd, nil, 4.6, 400 * time.Millisecond},
		{"clock gone back reads as the latest time", testPlan(), []action{{2.5, "tick", "-", ""}}, 1, 500 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := NewEngine(tt.plan, t0)
			e.Start(t0)
			for _, a := range tt.act {
				apply(e, a)
			}
			if got := e.NextChange(at(tt.at)); got != tt.want {
				t.Errorf("NextChange = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestEngineProgress(t *testing.T) {
	e := NewEngine(testPlan(), t0)
	e.Start(t0)
	for _, c := range []struct {
		at   float64
		do   string
		want float64
	}{
		{0, "tick", 0},
		{30, "tick", 0.25},
		{36, "tick", 36.0 / 120},
		{40, "extend", 40.0 / 120},
		{44, "tick", 44.0 / 120},
		{50, "tick", 45.0 / 120}, // the extended rest counts only its 10 s
		{60, "tick", 45.0 / 120},
		{61, "tick", 46.0 / 120},
		{70, "pause", 55.0 / 120},
		{99, "tick", 55.0 / 120},
		{100, "quit", 55.0 / 120},
		{200, "tick", 55.0 / 120},
	} {
		apply(e, action{at: c.at, do: c.do})
		if got := e.Snapshot(at(c.at)).Progress; math.Abs(got-c.want) > 1e-9 {
			t.Errorf("%s at %vs: progress %v, want %v", c.do, c.at, got, c.want)
		}
	}
}

func TestEngineResultsWithoutRoutine(t *testing.T) {
	// A plan whose steps name an exercise the routine lacks still reports it.
	p := testPlan()
	p.Routine = nil
	e := NewEngine(p, t0)
	e.Start(t0)
	e.Tick(at(1000))
	if got := results(e.Results(at(1000))); got != " 2/2 60s;  2/2 24s" {
		t.Errorf("results %q", got)
	}
}

func TestEventKindString(t *testing.T) {
	if EventSetDone.String() != "set done" || EventKind(99).String() != "unknown event" {
		t.Error("EventKind names")
	}
}

// plans for the property test: the test plan, and one with odd lengths,
// zero-length steps and a step with no exercise.
func propertyPlans() []Plan {
	ms := time.Millisecond
	odd := Plan{Routine: &Routine{Exercises: []RoutineExercise{{ID: "a"}, {ID: "b"}}}, Steps: []Step{
		{Kind: StepPrepare, Duration: 0},
		{Kind: StepReps, Exercise: 0, Set: 1, Sets: 2, Reps: 3, Rep: 1300 * ms, Duration: 3900 * ms},
		{Kind: StepRest, Exercise: 0, Set: 1, Sets: 2, Duration: 2500 * ms},
		{Kind: StepReps, Exercise: 0, Set: 2, Sets: 2, Reps: 5, Duration: 5 * time.Second},
		{Kind: StepHold, Exercise: 1, Set: 1, Sets: 1, Side: SideLeft, Duration: 700 * ms},
		{Kind: StepSwitch, Exercise: 1, Set: 1, Sets: 1, Duration: 0},
		{Kind: StepHold, Exercise: 1, Set: 1, Sets: 1, Side: SideRight, Duration: 4100 * ms},
	}}
	s := time.Second
	held := Compile(&Routine{Exercises: []RoutineExercise{
		{ID: "curl-up", Sets: 2, Reps: 3, Hold: 5 * s, Relax: 3 * s, Rest: 4 * s, Prepare: 2 * s},
		{ID: "bird-dog", Sets: 1, Reps: 2, Hold: 1300 * ms, Relax: 700 * ms, Both: true},
		{ID: "no-relax", Sets: 1, Reps: 2, Hold: 2 * s},
	}})
	return []Plan{testPlan(), odd, held}
}

// checkOps runs the operations that data encodes (two bytes each: the
// operation, and how far the clock moves before it, sometimes back, sometimes
// by minutes) and checks the invariants after each.
func checkOps(t *testing.T, data []byte) {
	if len(data) == 0 {
		return
	}
	plans := propertyPlans()
	p := plans[int(data[0])%len(plans)]
	data = data[1:]
	now := t0
	e := NewEngine(p, now)
	var passed time.Duration // clock time gone forward, the most work can be
	var hist []Event
	check := checker{t: t, plan: p, run: -1}
	check.events("Start", e.Start(now))
	skippedOrQuit := false
	prev := e.Snapshot(now).Progress
	for i := 0; i+1 < len(data); i += 2 {
		d := time.Duration(data[i+1]) * 50 * time.Millisecond
		switch b := data[i+1]; {
		case b >= 240:
			d = time.Duration(b-239) * time.Minute
		case b >= 200:
			d = -time.Duration(b-199) * time.Second
		}
		now = now.Add(d)
		passed += max(d, 0) // a clock gone back counts on from where it was
		op := []string{"tick", "tick", "tick", "pause", "skip", "back", "extend", "hurt", "quit"}[int(data[i])%9]
		if op == "quit" && data[i]%2 == 0 {
			op = "tick" // keep most runs going to the end
		}
		skippedOrQuit = skippedOrQuit || op == "skip" || op == "quit"
		var ev []Event
		switch op {
		case "tick":
			ev = e.Tick(now)
		case "pause":
			ev = e.TogglePause(now)
		case "skip":
			ev = e.Skip(now)
		case "back":
			ev = e.Back(now)
		case "extend":
			e.ExtendRest(now, 15*time.Second)
		case "hurt":
			e.FlagHurt(now)
		case "quit":
			ev = e.Quit(now)
		}
		hist = append(hist, ev...)
		check.events(op, ev)
		s := e.Snapshot(now)
		check.snapshot(op, s)
		if op != "back" && s.Progress < prev {
			t.Fatalf("%s: progress went back from %v to %v", op, prev, s.Progress)
		}
		prev = s.Progress
		if nc := e.NextChange(now); nc < 0 || (!s.Done && !s.Paused && (nc > time.Second || nc > s.Remaining)) {
			t.Fatalf("%s: NextChange %v with %v left", op, nc, s.Remaining)
		}
		var work time.Duration
		for _, r := range e.Results(now) {
			if r.SetsDone < 0 || r.SetsDone > r.SetsPlanned || r.Seconds < 0 {
				t.Fatalf("%s: results %+v", op, r)
			}
			work += time.Duration(r.Seconds) * time.Second
		}
		if slack := time.Duration(len(p.Routine.Exercises)) * time.Second / 2; work > passed+slack {
			t.Fatalf("%s: %v of work in %v", op, work, passed)
		}
		if e.Snapshot(now) != s {
			t.Fatalf("%s: reading the engine changed it", op)
		}
	}
	if s := e.Snapshot(now); s.Done && !skippedOrQuit {
		for _, r := range e.Results(now) {
			if r.SetsDone != r.SetsPlanned || r.Skipped {
				t.Fatalf("completed without skips, but %+v (events %s)", r, evs(hist))
			}
		}
	}
}

// checker follows the events of one engine across calls.
type checker struct {
	t        *testing.T
	plan     Plan
	run      int // step under way, -1 before the first
	count    int // last countdown in this run
	rep      int // last rep in this run
	relax    int // rep of the last relax in this run
	lastDone int // step of the last EventStepDone in this call, -1 if none
	ended    bool
}

func (c *checker) events(op string, ev []Event) {
	c.t.Helper()
	c.lastDone = -1
	for _, e := range ev {
		if c.ended {
			c.t.Fatalf("%s: %s after the session ended", op, evs([]Event{e}))
		}
		bad := false
		switch e.Kind {
		case EventStepStarted:
			bad = e.Step < 0 || e.Step >= len(c.plan.Steps) || (c.lastDone >= 0 && e.Step != c.lastDone+1)
			c.run, c.count, c.rep, c.relax, c.lastDone = e.Step, 4, 0, 0, -1
		case EventRepStarted:
			bad = e.Step != c.run || e.Rep <= c.rep || e.Rep > max(c.plan.Steps[c.run].Reps, 1)
			c.rep = e.Rep
		case EventRelaxStarted:
			// A relax follows every held rep but the last.
			st := c.plan.Steps[c.run]
			bad = e.Step != c.run || !st.Held() || e.Rep < c.rep || e.Rep <= c.relax || e.Rep >= st.Reps
			c.rep, c.relax = e.Rep, e.Rep
		case EventCountdown:
			bad = e.Step != c.run || e.Remaining < 1 || e.Remaining >= c.count || !c.plan.Steps[c.run].Work()
			c.count = e.Remaining
		case EventStepDone:
			bad = e.Step != c.run
			c.lastDone = e.Step
		case EventSetDone, EventExerciseDone:
			bad = e.Step != c.lastDone || !c.plan.Steps[e.Step].Work()
		case EventSessionDone:
			bad = e.Step != len(c.plan.Steps)
			c.ended = true
		}
		if bad {
			c.t.Fatalf("%s: out of order: %s (in %s)", op, evs([]Event{e}), evs(ev))
		}
	}
}

func (c *checker) snapshot(op string, s Snapshot) {
	c.t.Helper()
	n := len(c.plan.Steps)
	ok := s.Index >= 0 && s.Index <= n && s.Done == (s.Index == n) && s.Done == c.ended &&
		s.Remaining >= 0 && s.Elapsed >= 0 && s.Remaining+s.Elapsed == s.Duration &&
		s.Progress >= 0 && s.Progress <= 1 && s.StepProgress >= 0 && s.StepProgress <= 1 &&
		(s.Done || s.Index == c.run) && (!s.Quit || s.Done)
	if ok && !s.Done && s.Step.Kind == StepReps {
		ok = s.Rep >= 1 && s.Rep <= max(s.Step.Reps, 1)
	}
	if ok && !s.Done {
		// A held rep's phase counts down within its own length; other
		// steps have no phase.
		ph := s.Phase == PhaseHold && s.PhaseDuration == s.Step.Hold || s.Phase == PhaseRelax && s.PhaseDuration == s.Step.Relax
		ok = s.Step.Held() == (s.Phase != PhaseNone) && (!s.Step.Held() || ph && s.PhaseRemaining >= 0 &&
			s.PhaseRemaining <= s.PhaseDuration && s.PhaseRemaining <= s.Remaining)
	}
	if !ok {
		c.t.Fatalf("%s: bad snapshot %+v", op, s)
	}
}

func TestEngineRandomOperations(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	n := 1000
	if testing.Short() {
		n = 100
	}
	for range n {
		data := make([]byte, 1+2*r.IntN(80))
		for i := range data {
			data[i] = byte(r.Uint32())
		}
		checkOps(t, data)
	}
}

func FuzzEngine(f *testing.F) {
	f.Add([]byte{0, 0, 100, 0, 100, 4, 10, 5, 10, 0, 250})
	f.Add([]byte{1, 3, 20, 3, 250, 6, 0, 0, 210, 8, 1})
	f.Fuzz(checkOps)
}

func TestEngineRunsEveryBuiltinRoutine(t *testing.T) {
	for _, r := range Builtins() {
		t.Run(r.ID, func(t *testing.T) {
			p := Compile(r)
			e := NewEngine(p, t0)
			all := e.Start(t0)
			rest, end := run(t, e, t0, 4*time.Hour)
			all = append(all, rest...)
			if got := end.Sub(t0); got != p.Total() {
				t.Errorf("ended after %v, plan takes %v", got, p.Total())
			}
			count := map[EventKind]int{}
			for _, ev := range all {
				count[ev.Kind]++
			}
			sets := 0
			for i, x := range r.Exercises {
				sets += x.Sets
				var work time.Duration
				for _, s := range p.Steps {
					if s.Work() && s.Exercise == i {
						work += s.Duration
					}
				}
				got := e.Results(end)[i]
				if got.ID != x.ID || got.SetsPlanned != x.Sets || got.SetsDone != x.Sets || got.Skipped || got.Seconds != int(work/time.Second) {
					t.Errorf("exercise %d: %+v, want %d sets and %v", i, got, x.Sets, work)
				}
			}
			if count[EventSetDone] != sets || count[EventExerciseDone] != len(r.Exercises) || count[EventSessionDone] != 1 || count[EventStepStarted] != len(p.Steps) {
				t.Errorf("events %v for %d steps, %d sets", count, len(p.Steps), sets)
			}
		})
	}
}

// heldPlan is one set of 3 reps, each a 5 s hold then a 3 s relax but the
// last, compiled from a routine: 21 s in all.
//
//	hold 1   0-5    relax 1   5-8
//	hold 2   8-13   relax 2  13-16
//	hold 3  16-21
func heldPlan() Plan {
	s := time.Second
	return Compile(&Routine{Exercises: []RoutineExercise{{ID: "curl-up", Name: "Curl-up", Sets: 1, Reps: 3, Hold: 5 * s, Relax: 3 * s}}})
}

func TestEngineHeldRepPhases(t *testing.T) {
	tests := []struct {
		name string
		acts []action
	}{
		{"each phase is announced and counts down by its own deadline", []action{
			{0, "tick", "", "0 21s/21s rep1 hold 5s/5s"},
			{4.5, "tick", "", "0 16.5s/21s rep1 hold 500ms/5s"},
			{5, "tick", "relax 0:1", "0 16s/21s rep1 relax 3s/3s"},
			{6.5, "tick", "", "0 14.5s/21s rep1 relax 1.5s/3s"},
			{8, "tick", "rep 0:2", "0 13s/21s rep2 hold 5s/5s"},
			{13, "tick", "relax 0:2", "0 8s/21s rep2 relax 3s/3s"},
			{16, "tick", "rep 0:3", "0 5s/21s rep3 hold 5s/5s"},
			{18, "tick", "count 0:3", "0 3s/21s rep3 hold 3s/5s"},
			{20, "tick", "count 0:1", "0 1s/21s rep3 hold 1s/5s"},
			{21, "tick", "done 0, set 0/1, ex 0, session", "1 0s/0s done"},
		}},
		{"a tick that passes over phases announces only the one under way", []action{
			{14, "tick", "relax 0:2", "0 7s/21s rep2 relax 2s/3s"},
			{15, "tick", "", ""},
			{17, "tick", "rep 0:3", "0 4s/21s rep3 hold 4s/5s"},
		}},
		{"a pause freezes the phase; the relax goes on after it", []action{
			{6, "pause", "relax 0:1", "0 15s/21s rep1 relax 2s/3s paused"},
			{100, "tick", "", "0 15s/21s rep1 relax 2s/3s paused"},
			{101, "pause", "", ""},
			{103, "tick", "rep 0:2", "0 13s/21s rep2 hold 5s/5s"},
		}},
		{"back restarts the set at the first hold", []action{
			{10, "back", "rep 0:2, started 0, rep 0:1", "0 21s/21s rep1 hold 5s/5s"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := NewEngine(heldPlan(), t0)
			if got := evs(e.Start(t0)); got != "started 0, rep 0:1" {
				t.Fatalf("Start: %s", got)
			}
			for _, a := range tt.acts {
				if got := apply(e, a); a.want != "-" && got != a.want {
					t.Fatalf("%s at %v: events %q, want %q", a.do, a.at, got, a.want)
				}
				if a.snap != "" {
					if got := snap(e.Snapshot(at(a.at))); got != a.snap {
						t.Fatalf("%s at %v: snapshot %q, want %q", a.do, a.at, got, a.snap)
					}
				}
			}
		})
	}
}

// NextChange wakes the screen at every whole second of the phase under way
// and at each phase change, so each countdown digit is drawn on time.
func TestEngineHeldRepNextChange(t *testing.T) {
	e := NewEngine(heldPlan(), t0)
	e.Start(t0)
	var wakes []string
	now := t0
	for !e.Snapshot(now).Done {
		now = now.Add(e.NextChange(now))
		e.Tick(now)
		if sn := e.Snapshot(now); !sn.Done {
			wakes = append(wakes, fmt.Sprintf("%v:%s%v", now.Sub(t0).Seconds(), sn.Phase, sn.PhaseRemaining.Seconds()))
		}
	}
	want := "1:hold4 2:hold3 3:hold2 4:hold1 5:relax3 6:relax2 7:relax1 8:hold5 9:hold4 10:hold3 11:hold2 12:hold1 " +
		"13:relax3 14:relax2 15:relax1 16:hold5 17:hold4 18:hold3 19:hold2 20:hold1"
	if got := strings.Join(wakes, " "); got != want {
		t.Fatalf("wakes\n got %s\nwant %s", got, want)
	}
	if end := now.Sub(t0); end != 21*time.Second {
		t.Fatalf("ended at %v", end)
	}
}
