package routines

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

const head = "corecoach: 1\nname: X\n"

func TestParseProblems(t *testing.T) {
	tests := []struct {
		name string
		file string
		want []string // the problems, in order, without the file name
	}{
		{"typo in key and exercise", head + "exercises:\n  - use: plnak\n    hodl: 3s\n",
			[]string{`4:10: unknown exercise "plnak"; did you mean "plank"?`, `5:5: unknown key "hodl"; did you mean "hold"?`}},
		{"therapist key typo, no name", head + "therapist:\n  contcat: x\nexercises:\n  - use: plank\n", []string{
			`3:1: "therapist" needs a "name", such as {name: A. Therapist, contact: clinic@example.org}`,
			`4:3: unknown key "contcat"; did you mean "contact"?`}},
		{"comma in a one-line therapist", head + "therapist: {name: A. Therapist, PT, contact: x}\nexercises:\n  - use: plank\n", []string{
			`3:33: unknown key "PT"; in {...} a comma ends a value: put text with a comma in quotes`}},
		{"therapist as text", head + "therapist: A. Therapist\nexercises:\n  - use: plank\n", []string{
			`3:12: "therapist" must be a mapping of keys, not "A. Therapist"`}},
		{"client over two lines, escape in contact", head + "client: \"J.\\nSmith\"\ntherapist: {name: A, contact: \"\\e[2J\"}\nexercises:\n  - use: plank\n", []string{
			`3:9: "client" contains a line break (U+000A); it is one line of text`,
			`4:31: "contact" contains a control character (U+001B); escape sequences and control characters are not allowed`}},
		{"client too long", head + "client: " + strings.Repeat("c", MaxNameLen+1) + "\nexercises:\n  - use: plank\n", []string{
			`3:9: "client" is 81 characters long; it may be at most 80`}},
		{"unknown top key far from any", head + "colour: red\nexercises:\n  - use: plank\n",
			[]string{`3:1: unknown key "colour"`}},
		{"empty", "", []string{`the file is empty; a routine needs at least "corecoach: 1", a name and exercises`}},
		{"only comments", "# nothing yet\n\n", []string{`the file is empty; a routine needs at least "corecoach: 1", a name and exercises`}},
		{"newer format", "corecoach: 2\nname: X\nfuture: yes\n",
			[]string{`1:12: this file is format 2, newer than this corecoach understands (format 1); update corecoach to use it`}},
		{"version not a number", "corecoach: one\nname: X\nexercises:\n  - use: plank\n",
			[]string{`1:12: "corecoach" must be 1, the format version, not "one"`}},
		{"missing everything", "author: Me\n", []string{
			`1:1: missing "corecoach: 1": the first line of a routine file gives its format version`,
			`1:1: missing "name": every routine needs a name`,
			`1:1: missing "exercises": a routine needs at least one exercise`}},
		{"syntax error", "corecoach: 1\nname: [\n", []string{`2:7: YAML syntax error: sequence end token ']' not found`}},
		{"duplicate key", head + "name: Y\nexercises:\n  - use: plank\n", []string{`3:1: duplicate key "name"; it is already given on line 2`}},
		{"tab indentation", "corecoach: 1\n\tname: X\n", []string{`2:1: a tab in the indentation; YAML indents with spaces only`}},
		{"not a mapping", "- plank\n", []string{`1:1: a routine file must be a mapping of keys, not a list`}},
		{"two documents", head + "exercises:\n  - use: plank\n---\nname: Y\n",
			[]string{`6:1: a routine file holds one YAML document; remove the second "---" and what follows`}},
		{"bad id, empty name, no exercises", "corecoach: 1\nid: Back Week\nname:\nexercises: []\n", []string{
			`2:5: invalid id "Back Week"; use lower-case letters, digits and dashes, such as "back-week"`,
			`3:1: "name" has no value`,
			`4:1: "exercises" is empty; a routine needs at least one exercise`}},
		{"schedule", head + "schedule: [mon, thurs, someday, Mon, Sunday]\nexercises:\n  - use: plank\n", []string{
			`3:17: unknown weekday "thurs"; did you mean "thu"?`,
			`3:24: unknown weekday "someday"; use mon, tue, wed, thu, fri, sat or sun`,
			`3:33: "Mon" is already listed on line 3`}},
		{"misspelt weekdays", head + "schedule: [frday, Wendsday, mn, tu, Satruday]\nexercises:\n  - use: plank\n", []string{
			`3:12: unknown weekday "frday"; did you mean "fri"?`,
			`3:19: unknown weekday "Wendsday"; did you mean "wed"?`,
			`3:29: unknown weekday "mn"; did you mean "mon"?`,
			`3:33: unknown weekday "tu"; did you mean "tue"?`,
			`3:37: unknown weekday "Satruday"; did you mean "sat"?`}},
		{"at times", head + "at: [\"10:30\", 24:00, 9:00, 10:30, 07:5x, [8]]\nexercises:\n  - use: plank\n", []string{
			`3:15: invalid time "24:00" in "at"; use HH:MM on a 24-hour clock, such as "07:30" or "18:00"`,
			`3:22: invalid time "9:00" in "at"; use HH:MM on a 24-hour clock, such as "07:30" or "18:00"`,
			`3:28: "10:30" is already listed on line 3`,
			`3:35: invalid time "07:5x" in "at"; use HH:MM on a 24-hour clock, such as "07:30" or "18:00"`,
			`3:42: "at" must be text, not a list`}},
		{"at empty, too many", head + "at: []\nexercises:\n  - use: plank\n", []string{
			`3:1: "at" lists no times; leave it out when the time of day is free`}},
		{"at too many", head + "at: [00:01, 00:02, 00:03, 00:04, 00:05, 00:06, 00:07, 00:08, 00:09, 00:10, 00:11, 00:12, 00:13]\nexercises:\n  - use: plank\n", []string{
			`3:1: "at" lists 13 times; it may list at most 12`}},
		{"at not a list", head + "at: 10:30\nexercises:\n  - use: plank\n",
			[]string{`3:5: "at" must be a list such as ["10:30", "15:00"], not "10:30"`}},
		{"schedule not a list", head + "schedule: mon\nexercises:\n  - use: plank\n",
			[]string{`3:11: "schedule" must be a list such as [mon, wed, fri], not "mon"`}},
		{"hold and tempo together", head + "exercises:\n  - use: bird-dog\n    reps: 5\n    hold: 10s\n    tempo: 3s\n  - name: Squat\n    tempo: 4s\n    reps: 8\n    hold: 2s\n", []string{
			`7:5: "hold" and "tempo" together: keep "hold" to hold each rep still (then "relax"), or "tempo" to pace moving reps`,
			`11:5: "hold" and "tempo" together: keep "hold" to hold each rep still (then "relax"), or "tempo" to pace moving reps`}},
		{"relax where no rep is held", head + "exercises:\n  - use: plank\n    relax: 3s\n  - use: cat-cow\n    relax: 2s\n  - use: bird-dog\n    tempo: 3s\n    relax: 2s\n", []string{
			`5:5: "relax" is the pause after each held rep, and this exercise has no "reps"; remove it, or give "reps"`,
			`7:5: "relax" is the pause after each held rep, and these reps are paced by "tempo"; remove it, or give "hold" instead of "tempo"`,
			`10:5: "relax" is the pause after each held rep, and these reps are paced by "tempo"; remove it, or give "hold" instead of "tempo"`}},
		{"relax bounds", head + "exercises:\n  - use: bird-dog\n    relax: 11m\n  - use: curl-up\n    relax: -1\n", []string{
			`5:12: "relax" is 11m; it must be from 0s to 10m`,
			`7:12: "relax": invalid duration "-1"; write it as 30s, 2m, 1m30s or a number of seconds`}},
		{"bounds and types", head + "exercises:\n  - use: plank\n    sets: 25\n    hold: 11m\n    rest: abc\n    sides: left\n    reps: 0\n", []string{
			`5:11: "sets" is 25; it must be from 1 to 20`,
			`6:11: "hold" is 11m; it must be from 1s to 10m`,
			`7:11: "rest": invalid duration "abc"; write it as 30s, 2m, 1m30s or a number of seconds`,
			`8:12: "sides" must be one or both, not "left"`,
			`9:11: "reps" is 0; it must be from 1 to 100`}},
		{"wrong types", head + "exercises:\n  - use: plank\n    hold: 2.5\n    sets: \"3\"\n    cues: Keep still\n", []string{
			`5:11: "hold" must be a duration such as 30s, 2m or 1m30s, not the number 2.5`,
			`6:11: "sets" must be a whole number from 1 to 20, not "3"`,
			`7:11: "cues" must be a list such as [Back flat, Knees over ankles], not "Keep still"`}},
		{"pain and defaults", head + "pain:\n  limit: 11\ndefaults:\n  rest: 11m\n  prep: 5s\nexercises:\n  - use: plank\n", []string{
			`4:10: "limit" is 11; it must be from 0 to 10`,
			`6:9: "rest" is 11m; it must be from 0s to 10m`,
			`7:3: unknown key "prep"; did you mean "prepare"?`}},
		{"use and name", head + "exercises:\n  - use: plank\n    name: Y\n  - {sets: 2}\n", []string{
			`5:5: an exercise has "use" (a built-in exercise) or "name" (your own), not both`,
			`6:6: an exercise needs "use" (a built-in exercise such as plank) or "name" (your own)`}},
		{"custom without dosage", head + "exercises:\n  - name: Wall sit\n",
			[]string{`4:5: "Wall sit" has no "reps" and no "hold"; give "hold" for a timed hold, or "reps"`}},
		{"bare id", head + "exercises:\n  - plank\n  - 3\n", []string{
			`4:5: each exercise is a mapping; write "- use: plank"`,
			`5:5: each exercise must be a mapping of keys, not the number 3`}},
		{"escape sequence", "corecoach: 1\nname: \"\\e]0;pwned\\a\"\nexercises:\n  - use: plank\n    cues: [\"\\x9b2J\"]\n",
			[]string{
				`2:7: "name" contains a control character (U+001B); escape sequences and control characters are not allowed`,
				`5:12: "cues" contains a control character (U+009B); escape sequences and control characters are not allowed`}},
		{"newline in a name", "corecoach: 1\nname: \"a\\nb\"\nexercises:\n  - use: plank\n",
			[]string{`2:7: "name" contains a line break (U+000A); it is one line of text`}},
		{"bidi override", "corecoach: 1\nname: \"a\\u202eb\"\nexercises:\n  - use: plank\n",
			[]string{`2:7: "name" contains a bidirectional control (U+202E), which can reorder the text around it; remove it`}},
		// Written as it reads, a character is pointed at where it is.
		{"tab inside a name", "corecoach: 1\nname: Lower\tback\nexercises:\n  - use: plank\n",
			[]string{`2:12: "name" contains a tab (U+0009); it is one line of text, with spaces between words`}},
		{"text policy in every field", "corecoach: 1\nname: Back \u061c1\nauthor: A\u2028B\nnotes: |\n  fine\n  zero\u200bwidth\nexercises:\n  - name: Bridge\u2066\n    hold: 3s\n    cues: [\"\u200dx\"]\n    notes: a\u2029b\n",
			[]string{
				`2:12: "name" contains a bidirectional control (U+061C), which can reorder the text around it; remove it`,
				`3:10: "author" contains a line break (U+2028); it is one line of text`,
				`4:8: "notes" contains an invisible character (U+200B); remove it`,
				`8:17: "name" contains a bidirectional control (U+2066), which can reorder the text around it; remove it`,
				`10:12: "cues" contains a zero-width joiner (U+200D) that joins no two visible characters; remove it`,
				`11:13: "notes" contains a line or paragraph separator (U+2029); end lines with a plain line break`}},
		{"text too long", "corecoach: 1\nname: " + strings.Repeat("n", 81) + "\nauthor: " + strings.Repeat("a", 121) +
			"\nnotes: " + strings.Repeat("x", 4001) + "\nexercises:\n  - name: " + strings.Repeat("é", 81) + "\n    hold: 3s\n    cues: [" + strings.Repeat("c", 201) + "]\n",
			[]string{
				`2:7: "name" is 81 characters long; it may be at most 80`,
				`3:9: "author" is 121 characters long; it may be at most 120`,
				`4:8: "notes" is 4001 characters long; it may be at most 4000`,
				`6:11: "name" is 81 characters long; it may be at most 80`,
				`8:12: "cues" is 201 characters long; it may be at most 200`}},
		{"long text quoted short", head + strings.Repeat("k", 5000) + ": 1\nexercises:\n  - use: " + strings.Repeat("p", 70) + "\n",
			[]string{
				`3:1: unknown key "` + strings.Repeat("k", 40) + `…"`,
				`5:10: unknown exercise "` + strings.Repeat("p", 40) + `…"`}},
		{"anchors", head + "exercises: &a\n  - use: plank\nnotes: *a\n", []string{
			`3:12: anchors and aliases (&name, *name) are not supported in routine files; write the value out`,
			`5:8: anchors and aliases (&name, *name) are not supported in routine files; write the value out`}},
		{"tags", head + "exercises:\n  - use: plank\n    sets: !!int 3\n",
			[]string{`5:11: tags (such as !!str) are not supported in routine files`}},
		{"too long", head + "exercises:\n  - use: plank\n    sets: 20\n    hold: 10m\n    rest: 10m\n  - use: plank\n    sets: 20\n    hold: 10m\n",
			[]string{`3:1: the routine takes more than 3 h (at least 6 h 30 min 5 s); split it into shorter routines`}},
		{"nested too deep", "[[[[[[[[[[1]]]]]]]]]]\n", []string{`1:9: lists and mappings nest more than 8 deep here; a routine file needs far fewer`}},
		{"not UTF-8", head + "notes: caf\xe9\n", []string{`3:1: the file is not UTF-8 text`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse("f.yaml", []byte(tt.file))
			if err == nil {
				t.Fatalf("no problems; parsed %+v", r)
			}
			var list ProblemList
			if !errors.As(err, &list) {
				t.Fatalf("error %T is not a ProblemList", err)
			}
			var got []string
			for _, p := range list {
				got = append(got, strings.TrimPrefix(strings.TrimPrefix(p.String(), "f.yaml: "), "f.yaml:"))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("problems:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

func TestProblemListError(t *testing.T) {
	l := ProblemList{{File: "a.yaml", Line: 3, Col: 5, Msg: "bad"}, {File: "a.yaml", Msg: "worse"}}
	if got, want := l.Error(), "a.yaml:3:5: bad\na.yaml: worse"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestParseGood(t *testing.T) {
	s := time.Second
	file := "\xef\xbb\xbfcorecoach: 1\r\n" + `name: Lower back, week 1
author: A. Therapist, PT
client: J. Smith
therapist: {name: "A. Therapist, PT", contact: "clinic@example.org, 01234 567890"}
notes: |
  Move slowly.
  Stop if pain spreads down a leg.
schedule: [mon, Tuesday, THU, fri]
at: [18:00, "07:30"]
pain:
  limit: 4
defaults:
  prepare: 10
  rest: 15s
exercises:
  - use: cat-cow
    reps: 10
    tempo: 4s
  - use: glute-bridge
    tempo: 2s
  - use: bird-dog
    sets: 2
    reps: 6
    rest: 0
  - use: side-plank
    sides: one
    hold: 1m30s
    prepare: 0s
    cues: [Hips high]
    notes: Left side only.
  - name: Wall sit
    cues: [Back flat against the wall, Knees over ankles]
    hold: 45s
  - name: Heel slides
    reps: 8
`
	// Tabs inside a block scalar are text, not indentation.
	file = strings.Replace(file, "Move slowly", "Move\tslowly", 1)
	r, err := Parse("dir/Lower Back 1.yml", []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	if r.ID != "lower-back-1" || r.Name != "Lower back, week 1" || r.Author != "A. Therapist, PT" ||
		r.Notes != "Move\tslowly.\nStop if pain spreads down a leg." || r.PainLimit != 4 ||
		r.Prepare != 10*s || r.Rest != 15*s || r.Source != "dir/Lower Back 1.yml" || !strings.HasPrefix(r.Hash, "sha256:") {
		t.Errorf("routine fields: %+v", r)
	}
	if want := (Therapist{Name: "A. Therapist, PT", Contact: "clinic@example.org, 01234 567890"}); r.Client != "J. Smith" || r.Therapist != want {
		t.Errorf("client %q, therapist %+v; want J. Smith, %+v", r.Client, r.Therapist, want)
	}
	if got := fmt.Sprint(r.At); got != "[07:30 18:00]" {
		t.Errorf("at %s, want [07:30 18:00]", got)
	}
	if want := []time.Weekday{time.Monday, time.Tuesday, time.Thursday, time.Friday}; !reflect.DeepEqual(r.Schedule, want) {
		t.Errorf("schedule %v, want %v", r.Schedule, want)
	}
	bridge, _ := LookupExercise("glute-bridge")
	want := []RoutineExercise{
		{ID: "cat-cow", Name: "Cat-cow", BuiltIn: true, Sets: 1, Reps: 10, Tempo: 4 * s, Rest: 15 * s, Prepare: 10 * s},
		{ID: "glute-bridge", Name: "Glute bridge", BuiltIn: true, Sets: 3, Reps: 10, Tempo: 2 * s, Rest: 15 * s, Prepare: 10 * s},
		{ID: "bird-dog", Name: "Bird dog", BuiltIn: true, Sets: 2, Reps: 6, Hold: 10 * s, Relax: 3 * s, Both: true, Rest: 0, Prepare: 10 * s},
		{ID: "side-plank", Name: "Side plank", BuiltIn: true, Sets: 5, Hold: 90 * s, Rest: 15 * s, Prepare: 0,
			Cues: []string{"Hips high"}, Notes: "Left side only."},
		{ID: "wall-sit", Name: "Wall sit", Sets: 1, Hold: 45 * s, Rest: 15 * s, Prepare: 10 * s,
			Cues: []string{"Back flat against the wall", "Knees over ankles"}},
		{ID: "heel-slides", Name: "Heel slides", Sets: 1, Reps: 8, Tempo: DefaultTempo, Rest: 15 * s, Prepare: 10 * s},
	}
	if len(r.Exercises) != len(want) {
		t.Fatalf("%d exercises, want %d", len(r.Exercises), len(want))
	}
	for i := range want {
		got := r.Exercises[i]
		if want[i].BuiltIn && want[i].Cues == nil {
			lib, _ := LookupExercise(got.ID)
			want[i].Cues = lib.Cues
		}
		if !reflect.DeepEqual(got, want[i]) {
			t.Errorf("exercise %d:\n got %+v\nwant %+v", i, got, want[i])
		}
	}
	if bridge.Hold == 0 {
		t.Error("the test expects the library bridge to hold each rep, so a file's tempo replaces it")
	}
}

// A rep is held (the hold, then the relax) or paced (the tempo): what the
// file says wins over the library, and the relax defaults by the hold.
func TestParseRepKinds(t *testing.T) {
	s := time.Second
	tests := []struct {
		name, ex           string
		reps               int
		hold, relax, tempo time.Duration
	}{
		{"library holds: default relax 3 s after 10 s", "use: bird-dog", 5, 10 * s, 3 * s, 0},
		{"library holds: default relax 2 s after 3 s", "use: glute-bridge", 10, 3 * s, 2 * s, 0},
		{"a hold of 5 s has the longer relax", "{use: glute-bridge, hold: 5s}", 10, 5 * s, 3 * s, 0},
		{"a hold of 4 s the shorter", "{use: bird-dog, hold: 4s}", 5, 4 * s, 2 * s, 0},
		{"the file's relax", "{use: bird-dog, relax: 5s}", 5, 10 * s, 5 * s, 0},
		{"no relax at all", "{use: bird-dog, relax: 0}", 5, 10 * s, 0, 0},
		{"the file's tempo replaces a library hold", "{use: curl-up, tempo: 4s}", 5, 0, 0, 4 * s},
		{"the file's hold replaces a library tempo", "{use: cat-cow, hold: 3s, relax: 1s}", 8, 3 * s, 1 * s, 0},
		{"own exercise, held", "{name: Wall press, reps: 6, hold: 8s}", 6, 8 * s, 3 * s, 0},
		{"own exercise, paced by default", "{name: Heel slides, reps: 8}", 8, 0, 0, DefaultTempo},
		{"timed hold: no relax", "{use: plank}", 0, 20 * s, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse("r.yaml", []byte(head+"exercises:\n  - "+tt.ex+"\n"))
			if err != nil {
				t.Fatal(err)
			}
			e := r.Exercises[0]
			if e.Reps != tt.reps || e.Hold != tt.hold || e.Relax != tt.relax || e.Tempo != tt.tempo {
				t.Fatalf("reps %d hold %v relax %v tempo %v; want %d, %v, %v, %v", e.Reps, e.Hold, e.Relax, e.Tempo, tt.reps, tt.hold, tt.relax, tt.tempo)
			}
		})
	}
}

func TestParseDefaults(t *testing.T) {
	r, err := Parse("routine.yaml", []byte(head+"exercises:\n  - use: plank\n  - use: side-plank\n"))
	if err != nil {
		t.Fatal(err)
	}
	plank, _ := LookupExercise("plank")
	if r.ID != "routine" || r.PainLimit != DefaultPainLimit || r.Prepare != DefaultPrepare || r.Schedule != nil {
		t.Errorf("defaults: %+v", r)
	}
	if e := r.Exercises[0]; e.Sets != plank.Sets || e.Hold != plank.Hold || e.Rest != plank.Rest || e.Both {
		t.Errorf("plank keeps the library dosage: %+v", e)
	}
	if !r.Exercises[1].Both {
		t.Error("a one-sided built-in defaults to both sides")
	}
}

func TestDefaultID(t *testing.T) {
	for _, tt := range []struct{ file, name, want string }{
		{"/x/Lower Back.yaml", "", "lower-back"},
		{"week_2 (new).yml", "", "week-2-new"},
		{"____.yaml", "Évening Flow", "vening-flow"},
		{"-.yaml", "!!!", "routine"},
		{strings.Repeat("a", 100) + ".yaml", "", strings.Repeat("a", maxIDLen)},
	} {
		if got := defaultID(tt.file, tt.name); got != tt.want {
			t.Errorf("defaultID(%q, %q) = %q, want %q", tt.file, tt.name, got, tt.want)
		}
	}
}

func TestLoadFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(good, []byte(head+"exercises:\n  - use: plank\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(big, []byte(head+"notes: "+strings.Repeat("x", MaxFileSize)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := LoadFile(good)
	if err != nil || r.ID != "good" || r.Source != good {
		t.Fatalf("LoadFile(good) = %+v, %v", r, err)
	}
	for _, tt := range []struct{ path, want string }{
		{big, big + ": the file is 257 KiB; a routine file is at most 256 KiB"},
		{filepath.Join(dir, "missing.yaml"), filepath.Join(dir, "missing.yaml") + ": no such file"},
		{dir, dir + ": is a folder, not a routine file"},
	} {
		_, err := LoadFile(tt.path)
		var list ProblemList
		if !errors.As(err, &list) || err.Error() != tt.want {
			t.Errorf("LoadFile(%s) = %v, want %q", tt.path, err, tt.want)
		}
	}
}

func TestParseRefusesHugeData(t *testing.T) {
	_, err := Parse("big.yaml", make([]byte, MaxFileSize+1))
	if err == nil || !strings.Contains(err.Error(), "at most 256 KiB") {
		t.Errorf("Parse of %d bytes: %v", MaxFileSize+1, err)
	}
}

// billionLaughs nests aliases ten deep: expanded it would be 10^9 strings.
func billionLaughs(prefix string) string {
	var b strings.Builder
	b.WriteString(prefix)
	b.WriteString("a0: &a0 \"lol\"\n")
	for i := 1; i < 10; i++ {
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [")
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	b.WriteString("notes: *a9\n")
	return b.String()
}

func TestBillionLaughsRefusedQuickly(t *testing.T) {
	for _, prefix := range []string{"", head + "exercises:\n  - use: plank\n"} {
		start := time.Now()
		_, err := Parse("lol.yaml", []byte(billionLaughs(prefix)))
		// A generous bound that only a real expansion would break.
		if elapsed := time.Since(start); elapsed > time.Second {
			t.Errorf("took %v", elapsed)
		}
		if err == nil || !strings.Contains(err.Error(), "anchors and aliases") {
			t.Errorf("billion laughs: %v", err)
		}
	}
}

// TestHostileShapesBounded feeds shapes that make a YAML parser slow
// (deep nesting is quadratic in goccy/go-yaml: minutes for 100,000 "[").
func TestHostileShapesBounded(t *testing.T) {
	indented := func(line string, n int) string {
		var b strings.Builder
		b.WriteString("a:\n")
		for i := range n {
			b.WriteString(strings.Repeat(" ", i+1) + line + "\n")
		}
		return b.String()
	}
	for name, s := range map[string]string{
		"flow sequences": strings.Repeat("[", 100000),
		"flow mappings":  strings.Repeat("{a: ", 30000),
		"entries":        strings.Repeat("- ", 50000),
		"indented lists": indented("-", 450),
		"indented maps":  indented("b:", 700),
		"many exercises": head + "exercises:\n" + strings.Repeat("  - use: bird-dog\n    sets: 20\n", 7000),
	} {
		start := time.Now()
		_, err := Parse("hostile.yaml", []byte(s))
		if elapsed := time.Since(start); elapsed > 5*time.Second {
			t.Errorf("%s: took %v", name, elapsed)
		}
		if err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// TestManyProblems keeps a hostile file's report short: the first
// maxProblems problems in file order, then how many more there are.
func TestManyProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString(head + "exercises:\n")
	for range 300 {
		b.WriteString("  - {use: plank, hodl: 3s}\n")
	}
	_, err := Parse("f.yaml", []byte(b.String()))
	var list ProblemList
	if !errors.As(err, &list) {
		t.Fatalf("Parse = %v", err)
	}
	if len(list) != maxProblems+1 {
		t.Fatalf("%d problems listed, want %d and a count of the rest", len(list), maxProblems+1)
	}
	if got := list[0].String(); got != `f.yaml:4:18: unknown key "hodl"; did you mean "hold"?` {
		t.Errorf("first problem %q", got)
	}
	if got := list[maxProblems].String(); got != "f.yaml: and 200 more problems" {
		t.Errorf("last line %q", got)
	}
}

// TestTooManyKeys refuses a mapping of more keys than any routine needs
// before the YAML parser spends time on it, and leaves files of many
// small mappings alone.
func TestTooManyKeys(t *testing.T) {
	for _, unknown := range []bool{false, true} {
		_, err := Parse("f.yaml", manyKeys(28000, unknown))
		if err == nil || err.Error() != "f.yaml:101:1: more than 100 keys in one mapping; each key is given once, so look for repeated or misspelt keys" {
			t.Errorf("28,000 keys (unknown %v): %v", unknown, err)
		}
	}
	nested := head + "pain:\n" + strings.Repeat("  limit: 1\n", 101) + "exercises: [{use: plank}]\n"
	if _, err := Parse("f.yaml", []byte(nested)); err == nil || !strings.HasPrefix(err.Error(), "f.yaml:104:3: more than 100 keys") {
		t.Errorf("101 keys in a nested mapping: %v", err)
	}
	var b strings.Builder
	b.WriteString(head + "pain:\n  limit: 5\ndefaults:\n  rest: 0s\n  prepare: 0s\nexercises:\n")
	for range 150 {
		b.WriteString("  - use: plank\n    sets: 1\n    hold: 1s\n    notes: |\n      a: b\n      c: d\n")
	}
	b.WriteString("author: me\n")
	r, err := Parse("f.yaml", []byte(b.String()))
	if err != nil || len(r.Exercises) != 150 {
		t.Errorf("150 exercises of 4 keys: %v", err)
	}
}

// TestProblemFileName keeps a file name from forging lines of output.
func TestProblemFileName(t *testing.T) {
	p := Problem{File: "x\nevil.yaml:1:1: ok", Line: 2, Col: 3, Msg: "bad"}
	if got, want := p.String(), `"x\nevil.yaml:1:1: ok":2:3: bad`; got != want {
		t.Errorf("Problem.String() = %q, want %q", got, want)
	}
}

// TestParseStored: a routine added under the looser policy of before
// still runs, its text cleaned and cut to length.
func TestParseStored(t *testing.T) {
	file := "corecoach: 1\nname: \"Back\\u202e\\u200b " + strings.Repeat("n", 100) + "\"\nnotes: \"a\\u2028b\"\nexercises:\n  - name: \"Wall\\tsit\"\n    hold: 3s\n    cues: [\"\\e[31mred\"]\n"
	if _, err := Parse("f.yaml", []byte(file)); err == nil {
		t.Fatal("Parse accepts the file")
	}
	r, err := parseStored("f.yaml", []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	if want := "Back " + strings.Repeat("n", 74) + "…"; r.Name != want {
		t.Errorf("name %q, want %q", r.Name, want)
	}
	if r.Notes != "a\nb" || r.Exercises[0].Name != "Wall sit" || r.Exercises[0].Cues[0] != "red" {
		t.Errorf("stored text not cleaned: %q %q %q", r.Notes, r.Exercises[0].Name, r.Exercises[0].Cues)
	}
}
