package routines

import (
	"errors"
	"testing"
	"time"
)

func FuzzParse(f *testing.F) {
	for _, id := range builtinOrder {
		data, _ := builtinFS.ReadFile("builtin/" + id + ".yaml")
		f.Add(data)
	}
	for _, s := range []string{
		"", "corecoach: 1\n", "corecoach: 2\n", "- a\n", "a: &a [1]\nb: *a\n",
		head + "exercises:\n  - use: plnak\n    hodl: 3s\n",
		head + "exercises:\n  - {name: \"\\e[2J\", reps: 5, tempo: 1m30s, sides: both}\n",
		head + "schedule: [mon, funday]\nexercises:\n  - use: plank\n    sets: !!int 3\n",
		"corecoach: 1\r\nname: x\r\n\texercises: [\n",
		billionLaughs(""),
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		r, err := Parse("fuzz.yaml", data)
		if elapsed := time.Since(start); elapsed > 2*time.Second {
			t.Errorf("Parse took %v", elapsed)
		}
		if err != nil {
			var list ProblemList
			if r != nil || !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("Parse = %v, %v", r, err)
			}
			return
		}
		if r.ID == "" || !validID(r.ID) || r.Name == "" || len(r.Exercises) == 0 {
			t.Fatalf("accepted an incomplete routine: %+v", r)
		}
		if Sanitize(r.Name) != r.Name || Sanitize(r.Notes) != r.Notes {
			t.Fatalf("accepted control characters: %q", r.Name)
		}
		if total := Compile(r).Total(); total > maxTotal {
			t.Fatalf("accepted a routine of %v", total)
		}
	})
}

// typicalRoutine is the contract's example file.
const typicalRoutine = `corecoach: 1                 # format version, required
id: lower-back-week-1
name: Lower back, week 1
author: A. Therapist, PT
notes: |
  Move slowly. Stop if pain spreads down a leg.
schedule: [mon, tue, thu, fri]
pain:
  limit: 5
defaults:
  prepare: 5s
  rest: 20s
exercises:
  - use: cat-cow
    reps: 10
    tempo: 4s
  - use: glute-bridge
    sets: 3
    reps: 10
    hold: 3s
  - use: bird-dog
    sets: 2
    reps: 6
    hold: 10s
    sides: both
  - use: plank
    sets: 3
    hold: 30s
    rest: 30s
    notes: Knees down if your back sags.
  - name: Wall sit
    cues: [Back flat against the wall, Knees over ankles]
    hold: 45s
`

func BenchmarkParseCompile(b *testing.B) {
	data := []byte(typicalRoutine)
	LookupExercise("plank") // load the library outside the timing
	b.ReportAllocs()
	for b.Loop() {
		r, err := Parse("lower-back.yaml", data)
		if err != nil {
			b.Fatal(err)
		}
		if Compile(r).Total() == 0 {
			b.Fatal("empty plan")
		}
	}
}
