package routines

import (
	"reflect"
	"testing"
	"time"
)

func TestCompile(t *testing.T) {
	s := time.Second
	r := &Routine{Exercises: []RoutineExercise{
		{Sets: 2, Hold: 30 * s, Rest: 20 * s, Prepare: 5 * s},
		{Sets: 2, Reps: 6, Hold: 10 * s, Relax: 3 * s, Both: true, Rest: 15 * s},
		{Sets: 1, Reps: 8, Tempo: 4 * s, Rest: 30 * s, Prepare: 3 * s},
	}}
	want := []Step{
		{Kind: StepPrepare, Exercise: 0, Set: 1, Sets: 2, Duration: 5 * s},
		{Kind: StepHold, Exercise: 0, Set: 1, Sets: 2, Duration: 30 * s},
		{Kind: StepRest, Exercise: 0, Set: 1, Sets: 2, Duration: 20 * s},
		{Kind: StepHold, Exercise: 0, Set: 2, Sets: 2, Duration: 30 * s},
		// no prepare: it is zero; six held reps are 6 holds and 5 relaxes
		{Kind: StepReps, Exercise: 1, Set: 1, Sets: 2, Side: SideLeft, Reps: 6, Rep: 13 * s, Hold: 10 * s, Relax: 3 * s, Duration: 75 * s},
		{Kind: StepSwitch, Exercise: 1, Set: 1, Sets: 2, Side: SideRight, Duration: SwitchDuration},
		{Kind: StepReps, Exercise: 1, Set: 1, Sets: 2, Side: SideRight, Reps: 6, Rep: 13 * s, Hold: 10 * s, Relax: 3 * s, Duration: 75 * s},
		{Kind: StepRest, Exercise: 1, Set: 1, Sets: 2, Duration: 15 * s},
		{Kind: StepReps, Exercise: 1, Set: 2, Sets: 2, Side: SideLeft, Reps: 6, Rep: 13 * s, Hold: 10 * s, Relax: 3 * s, Duration: 75 * s},
		{Kind: StepSwitch, Exercise: 1, Set: 2, Sets: 2, Side: SideRight, Duration: SwitchDuration},
		{Kind: StepReps, Exercise: 1, Set: 2, Sets: 2, Side: SideRight, Reps: 6, Rep: 13 * s, Hold: 10 * s, Relax: 3 * s, Duration: 75 * s},
		{Kind: StepPrepare, Exercise: 2, Set: 1, Sets: 1, Duration: 3 * s},
		{Kind: StepReps, Exercise: 2, Set: 1, Sets: 1, Reps: 8, Rep: 4 * s, Duration: 32 * s},
	}
	p := Compile(r)
	if p.Routine != r {
		t.Error("the plan does not point at its routine")
	}
	if !reflect.DeepEqual(p.Steps, want) {
		for i := range max(len(p.Steps), len(want)) {
			var g, w Step
			if i < len(p.Steps) {
				g = p.Steps[i]
			}
			if i < len(want) {
				w = want[i]
			}
			if g != w {
				t.Errorf("step %d: got %+v, want %+v", i, g, w)
			}
		}
	}
	if got, want := p.Total(), (5+30+20+30+75+5+75+15+75+5+75+3+32)*s; got != want {
		t.Errorf("Total() = %v, want %v", got, want)
	}
}

func TestCompileNoRestWhenZero(t *testing.T) {
	p := Compile(&Routine{Exercises: []RoutineExercise{{Sets: 3, Hold: 10 * time.Second}}})
	for _, s := range p.Steps {
		if s.Kind != StepHold {
			t.Errorf("unexpected %v step", s.Kind)
		}
	}
	if len(p.Steps) != 3 {
		t.Errorf("%d steps, want 3", len(p.Steps))
	}
}

func TestBuiltins(t *testing.T) {
	list := Builtins()
	var ids []string
	for _, r := range list {
		ids = append(ids, r.ID)
	}
	if !reflect.DeepEqual(ids, []string{"core-basics", "mcgill-big-3", "morning-mobility", "desk-break", "release-and-move"}) {
		t.Fatalf("Builtins() ids = %v", ids)
	}
	files, _ := builtinFS.ReadDir("builtin")
	if len(files) != len(builtinOrder) {
		t.Errorf("%d files in builtin/, %d in builtinOrder", len(files), len(builtinOrder))
	}
	for _, r := range list {
		t.Run(r.ID, func(t *testing.T) {
			data, err := builtinFS.ReadFile("builtin/" + r.ID + ".yaml")
			if err != nil {
				t.Fatal(err)
			}
			again, err := Parse(r.ID+".yaml", data)
			if err != nil {
				t.Fatal(err)
			}
			if r.Source != "built-in" || r.Hash != again.Hash || r.Schedule != nil {
				t.Errorf("source %q, hash %q, schedule %v", r.Source, r.Hash, r.Schedule)
			}
			total := Compile(r).Total()
			if total <= 0 || total > maxTotal {
				t.Errorf("total %v", total)
			}
			if b, _ := boundedTotal(r); b != total {
				t.Errorf("boundedTotal %v, Compile total %v", b, total)
			}
			for _, e := range r.Exercises {
				if !e.BuiltIn {
					t.Errorf("%s is not a library exercise", e.Name)
				}
			}
			got, ok := Builtin(r.ID)
			if !ok || !reflect.DeepEqual(got, r) {
				t.Errorf("Builtin(%q) differs from Builtins()", r.ID)
			}
		})
	}
	list[0].Exercises[0].Cues[0] = "changed"
	if r, _ := Builtin("core-basics"); r.Exercises[0].Cues[0] == "changed" {
		t.Error("Builtins() shares its routines with callers")
	}
	if _, ok := Builtin("nope"); ok {
		t.Error("Builtin(nope) found something")
	}
}

func TestMcGillPyramid(t *testing.T) {
	r, _ := Builtin("mcgill-big-3")
	var reps []int
	for _, e := range r.Exercises {
		if e.Hold != 10*time.Second || e.Sets != 1 {
			t.Errorf("%s: %d sets holding %v, want 1 set of 10 s holds", e.ID, e.Sets, e.Hold)
		}
		reps = append(reps, e.Reps)
	}
	if !reflect.DeepEqual(reps, []int{5, 5, 5, 3, 3, 3, 1, 1, 1}) {
		t.Errorf("reps %v, want a 5-3-1 pyramid", reps)
	}
}

// TestBuiltinTotals pins the time of every built-in routine, worked out by
// hand from its file and the library (held reps: each rep the hold, then
// the relax, but the last; sides: left, a 5 s switch, right).
func TestBuiltinTotals(t *testing.T) {
	const (
		prep = 5
		sw   = 5
	)
	// held is one side of a set of n held reps; sides doubles it with the switch.
	held := func(n, hold, relax int) int { return n*hold + (n-1)*relax }
	sides := func(one int) int { return one + sw + one }
	tests := []struct {
		id   string
		want int // seconds
	}{
		{"core-basics", prep + 8*4 + // cat-cow: 8 paced reps of 4 s
			prep + held(10, 3, 2) + // pelvic tilt
			prep + 3*held(10, 3, 2) + 2*30 + // glute bridge, rest 30 s
			prep + 2*sides(held(5, 10, 3)) + 20 + // bird dog, 2 sets, rest 20 s
			prep + 3*30 + 2*30}, // plank 3 × 30 s, rest 30 s
		{"mcgill-big-3", prep + held(5, 10, 3) + prep + sides(held(5, 10, 3)) + prep + sides(held(5, 10, 3)) +
			30 + held(3, 10, 3) + prep + sides(held(3, 10, 3)) + prep + sides(held(3, 10, 3)) +
			30 + 10 + prep + sides(10) + prep + sides(10)},
		{"morning-mobility", prep + 8*4 +
			prep + held(10, 3, 2) +
			prep + 2*sides(30) + 10 + // knee to chest, rest 10 s
			prep + 2*sides(20) + 10 + // supine twist
			prep + 45}, // child's pose
		{"desk-break", prep + 10*3 + // standing back bend, paced
			prep + held(10, 3, 2) + // chin tuck
			prep + 2*sides(15) + 10}, // hip flexor stretch, standing
		{"release-and-move", prep + sides(45) + // upper-back roll, one 45 s hold per side
			prep + sides(45) + // ball on the wall, glutes
			prep + 2*sides(held(5, 10, 3)) + 20 + // bird dog
			prep + 2*held(10, 3, 2) + 20 + // glute bridge
			prep + 2*sides(10) + 20}, // side plank
	}
	for _, tt := range tests {
		r, ok := Builtin(tt.id)
		if !ok {
			t.Fatalf("no built-in %q", tt.id)
		}
		if got, want := Compile(r).Total(), time.Duration(tt.want)*time.Second; got != want {
			t.Errorf("%s takes %v, want %v", tt.id, got, want)
		}
	}
}
