package routines

import (
	"testing"
	"time"
)

func TestDosage(t *testing.T) {
	s := time.Second
	tests := []struct {
		name string
		e    RoutineExercise
		want string
	}{
		{"reps with hold", RoutineExercise{Sets: 3, Reps: 10, Hold: 3 * s, Both: true, Rest: 20 * s}, "3 sets of 10, hold 3 s each, both sides, rest 20 s"},
		{"held reps with relax", RoutineExercise{Sets: 1, Reps: 5, Hold: 10 * s, Relax: 3 * s, Both: true}, "5 reps, hold 10 s each, relax 3 s between, both sides"},
		{"one held rep: nothing to relax between", RoutineExercise{Sets: 1, Reps: 1, Hold: 10 * s, Relax: 3 * s}, "1 rep, hold 10 s"},
		{"timed holds", RoutineExercise{Sets: 3, Hold: 30 * s, Rest: 30 * s}, "3 × 30 s hold, rest 30 s"},
		{"one set of paced reps", RoutineExercise{Sets: 1, Reps: 10, Tempo: 4 * s, Rest: 20 * s}, "10 reps, 4 s per rep"},
		{"single rep", RoutineExercise{Sets: 1, Reps: 1, Tempo: 3 * s}, "1 rep, 3 s per rep"},
		{"one long hold", RoutineExercise{Sets: 1, Hold: 90 * s}, "1 min 30 s hold"},
		{"no rest", RoutineExercise{Sets: 2, Hold: 10 * s, Both: true}, "2 × 10 s hold, both sides"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.e.Dosage(); got != tt.want {
				t.Errorf("Dosage() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFormatDuration(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{0, "0 s"},
		{1500 * time.Millisecond, "2 s"},
		{30 * time.Second, "30 s"},
		{2 * time.Minute, "2 min"},
		{90 * time.Second, "1 min 30 s"},
		{time.Hour + 5*time.Minute, "1 h 5 min"},
		{3 * time.Hour, "3 h"},
	}
	for _, tt := range tests {
		if got := FormatDuration(tt.d); got != tt.want {
			t.Errorf("FormatDuration(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}
