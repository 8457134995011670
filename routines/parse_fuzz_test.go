package routines

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
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
		"corecoach: 1\nname: Lower\tback \u061c\u2028\u200b\nexercises: [{name: \"👩\u200d⚕\ufe0f\u2066\", hold: 3s, cues: [\"\u200da\"]}]\n",
		"corecoach: 1\nname: x\n" + strings.Repeat("id: a\n", 200) + "exercises: [{use: plank}]\n",
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
		checkText(t, r.Name, OneLine, MaxNameLen)
		checkText(t, r.Author, OneLine, MaxAuthorLen)
		checkText(t, r.Notes, MultiLine, MaxNotesLen)
		for _, e := range r.Exercises {
			checkText(t, e.Name, OneLine, MaxNameLen)
			checkText(t, e.Notes, MultiLine, MaxNotesLen)
			for _, c := range e.Cues {
				checkText(t, c, OneLine, MaxCueLen)
			}
		}
		if total := Compile(r).Total(); total > maxTotal {
			t.Fatalf("accepted a routine of %v", total)
		}
	})
}

// checkText fails when accepted text breaks the text policy.
func checkText(t *testing.T, s string, k TextKind, maxLen int) {
	t.Helper()
	if r, _, bad := Forbidden(s, k); bad {
		t.Fatalf("accepted %U in %q", r, s)
	}
	if Sanitize(s) != s {
		t.Fatalf("accepted text that display changes: %q", s)
	}
	if n := utf8.RuneCountInString(s); n > maxLen {
		t.Fatalf("accepted text of %d characters", n)
	}
}

// FuzzClean: what typed or imported text keeps always passes the policy,
// cleaning twice changes nothing more, and allowed text is left as it is.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"plain", "a\tb\nc", "\x1b]0;x\x07y", "rtl\u202e", "👩\u200d⚕\ufe0f", " \x1b[1m\u200db",
		"a\u200d\u200db", "\u2028\u2029\r\n", "bad\xff", "می\u200cخواهم", "\U000E0041"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, k := range []TextKind{OneLine, MultiLine} {
			got := Clean(s, k)
			if r, _, bad := Forbidden(got, k); bad {
				t.Fatalf("Clean(%q, %v) = %q keeps %U", s, k, got, r)
			}
			if Clean(got, k) != got {
				t.Fatalf("Clean is not idempotent on %q", s)
			}
			if _, _, bad := Forbidden(s, k); !bad && got != s {
				t.Fatalf("Clean(%q, %v) changes allowed text to %q", s, k, got)
			}
			if strings.ContainsRune(got, 0x1b) {
				t.Fatalf("Clean(%q) keeps ESC", s)
			}
		}
	})
}

// typicalRoutine is the example file of docs/routine-format.md.
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
