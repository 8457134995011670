package routines

import (
	"strings"
	"testing"
)

func TestExerciseCount(t *testing.T) {
	ex := func(id, name string, builtIn bool) RoutineExercise {
		return RoutineExercise{ID: id, Name: name, BuiltIn: builtIn}
	}
	tests := []struct {
		name string
		list []RoutineExercise
		want int
	}{
		{"none", nil, 0},
		{"all different", []RoutineExercise{ex("plank", "Plank", true), ex("bird-dog", "Bird dog", true)}, 2},
		{"a pyramid repeats each", []RoutineExercise{
			ex("curl-up", "Curl-up", true), ex("bird-dog", "Bird dog", true),
			ex("curl-up", "Curl-up", true), ex("bird-dog", "Bird dog", true)}, 2},
		{"own exercise twice", []RoutineExercise{ex("wall-sit", "Wall sit", false), ex("wall-sit", "wall  sit", false)}, 1},
		{"own exercise named like a built-in", []RoutineExercise{ex("plank", "Plank", true), ex("plank", "Plank", false)}, 1},
		// Names that have no letters a slug keeps share the fallback id.
		{"names without a slug", []RoutineExercise{ex("exercise", "壁坐", false), ex("exercise", "平板支撑", false)}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &Routine{Exercises: tt.list}
			if got := r.ExerciseCount(); got != tt.want {
				t.Errorf("ExerciseCount() = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestBuiltinExerciseCounts(t *testing.T) {
	want := map[string]int{"mcgill-big-3": 3}
	for _, r := range Builtins() {
		n := r.ExerciseCount()
		if w, ok := want[r.ID]; ok && n != w {
			t.Errorf("%s: ExerciseCount() = %d, want %d", r.ID, n, w)
		}
		if n < 1 || n > len(r.Exercises) {
			t.Errorf("%s: ExerciseCount() = %d, outside 1..%d", r.ID, n, len(r.Exercises))
		}
	}
}

func BenchmarkExerciseCount(b *testing.B) {
	r, ok := Builtin("mcgill-big-3")
	if !ok {
		b.Fatal("no mcgill-big-3")
	}
	for b.Loop() {
		if r.ExerciseCount() != 3 {
			b.Fatal("wrong count")
		}
	}
}

func TestCustomIDsStayApart(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Wall sit", "wall-sit"},
		{"壁坐", customID("壁坐")},
	}
	for _, tt := range tests {
		if got := customID(tt.name); got != tt.want {
			t.Errorf("customID(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
	a, b := customID("壁坐"), customID("平板支撑")
	if a == b || !strings.HasPrefix(a, "exercise-") || !validID(a) {
		t.Errorf("customID of two non-Latin names: %q and %q; want distinct valid ids", a, b)
	}
}
