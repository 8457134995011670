package storage

import (
	"fmt"
	"testing"
	"time"
)

func TestExerciseTotals(t *testing.T) {
	ny := zone(t, "America/New_York")
	at := func(day int, ex ...ExerciseResult) Session {
		return Session{ID: fmt.Sprint(day), StartedAt: time.Date(2026, 3, 1+day, 22, 0, 0, 0, ny), Zone: "America/New_York", Status: StatusCompleted, Exercises: ex}
	}
	sessions := []Session{
		at(-1, ExerciseResult{ID: "old", Name: "Old", SetsPlanned: 3, SetsDone: 3}), // before the period
		at(0, ExerciseResult{ID: "a", Name: "A then", SetsPlanned: 3, SetsDone: 1, Hurt: true, HurtKind: HurtLeg},
			ExerciseResult{ID: "b", Name: "B", SetsPlanned: 2, Skipped: true}),
		at(2, ExerciseResult{ID: "b", Name: "B", SetsPlanned: 2, SetsDone: 2, Hurt: true},
			ExerciseResult{ID: "a", Name: "A now", SetsPlanned: 3, SetsDone: 3, Hurt: true}),
		at(3, ExerciseResult{Name: "Imported", SetsPlanned: 1, SetsDone: 1}), // no id
		at(3, ExerciseResult{ID: "no-name", SetsPlanned: 1}),
		at(9, ExerciseResult{ID: "a", Name: "Later", SetsPlanned: 3}), // after the period
	}
	from, to := mustDate(t, "2026-03-01"), mustDate(t, "2026-03-04")
	want := []ExerciseTotal{
		{ID: "a", Name: "A now", Sessions: 2, SetsDone: 4, SetsPlanned: 6, Hurt: 2, HurtDates: []Date{from, from.AddDays(2)}, HurtKinds: []string{HurtLeg, ""}},
		{ID: "b", Name: "B", Sessions: 2, SetsDone: 2, SetsPlanned: 4, Skipped: 1, Hurt: 1, HurtDates: []Date{from.AddDays(2)}, HurtKinds: []string{""}},
		{ID: "Imported", Name: "Imported", Sessions: 1, SetsDone: 1, SetsPlanned: 1},
		{ID: "no-name", Name: "no-name", Sessions: 1, SetsPlanned: 1},
	}
	got := ExerciseTotals(sessions, from, to)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("ExerciseTotals =\n%+v\nwant\n%+v", got, want)
	}

	// Newest first: the order follows, and the newest name still wins.
	rev := make([]Session, len(sessions))
	for i, s := range sessions {
		rev[len(sessions)-1-i] = s
	}
	got = ExerciseTotals(rev, from, to)
	var names []string
	for _, e := range got {
		names = append(names, e.Name)
	}
	if fmt.Sprint(names) != "[no-name Imported B A now]" {
		t.Errorf("newest first: %q", names)
	}
	if ExerciseTotals(sessions, to, from) != nil || ExerciseTotals(nil, from, to) != nil {
		t.Error("an empty period has totals")
	}
}

func BenchmarkExerciseTotals(b *testing.B) {
	start := time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC)
	var sessions []Session
	for i := range 200 {
		s := session(fmt.Sprint(i), start.AddDate(0, 0, i/2), StatusCompleted)
		s.Exercises = []ExerciseResult{{ID: "plank", Name: "Plank", SetsPlanned: 3, SetsDone: 3}, {ID: "bridge", Name: "Bridge", SetsPlanned: 3, Hurt: i%7 == 0}}
		sessions = append(sessions, s)
	}
	from, to := DateOf(start), DateOf(start).AddDays(100)
	for b.Loop() {
		ExerciseTotals(sessions, from, to)
	}
}
