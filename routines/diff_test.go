package routines

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// diffPairs loads each folder of testdata/diff: an old.yaml and a new.yaml.
func diffPairs(t *testing.T) map[string][2]*Routine {
	t.Helper()
	dirs, err := filepath.Glob("testdata/diff/*")
	if err != nil || len(dirs) < 10 {
		t.Fatalf("diff pairs: %v, %d found", err, len(dirs))
	}
	pairs := map[string][2]*Routine{}
	for _, dir := range dirs {
		var p [2]*Routine
		for i, name := range []string{"old.yaml", "new.yaml"} {
			r, err := LoadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			p[i] = r
		}
		pairs[filepath.Base(dir)] = p
	}
	return pairs
}

// Goldens are rewritten with `go test ./routines -run DiffGolden -update`.
func TestDiffGolden(t *testing.T) {
	for name, p := range diffPairs(t) {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Diff(p[0], p[1]).WriteText(&b, DiffStyle{}); err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, b.Bytes())
		})
	}
}

func TestDiffJSONGolden(t *testing.T) {
	pairs := diffPairs(t)
	for _, name := range []string{"dose", "added-removed", "rounds", "notes-added", "identical"} {
		t.Run(name, func(t *testing.T) {
			p := pairs[name]
			out, err := json.MarshalIndent(Diff(p[0], p[1]).Document(), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, append(out, '\n'))
		})
	}
}

// TestDiffSchema keeps docs/routine-diff.schema.json in step with the
// documents: every pair's document is valid, and the schema refuses
// documents that break it.
func TestDiffSchema(t *testing.T) {
	f, err := os.Open("../docs/routine-diff.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("routine-diff.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("routine-diff.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	validate := func(data []byte) error {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			return err
		}
		return schema.Validate(v)
	}
	var sample []byte
	for name, p := range diffPairs(t) {
		data, err := json.Marshal(Diff(p[0], p[1]).Document())
		if err != nil {
			t.Fatal(err)
		}
		if err := validate(data); err != nil {
			t.Errorf("%s: the schema refuses the document: %v\n%s", name, err, data)
		}
		if name == "added-removed" {
			sample = data
		}
	}
	for _, bad := range []struct{ name, from, to string }{
		{"another format", `"format":"corecoach-routine-diff"`, `"format":"corecoach-report"`},
		{"newer version", `"version":1`, `"version":2`},
		{"unknown change", `"change":"added"`, `"change":"renamed"`},
		{"unknown top key", `"same":false`, `"same":false,"extra":1`},
		{"position zero", `"new_position":4`, `"new_position":0`},
		{"hash not sha256", `"hash":"sha256:`, `"hash":"md5:`},
	} {
		data := strings.Replace(string(sample), bad.from, bad.to, 1)
		if data == string(sample) {
			t.Fatalf("%s: %s is not in the sample", bad.name, bad.from)
		}
		if validate([]byte(data)) == nil {
			t.Errorf("%s: the schema accepts %s", bad.name, data)
		}
	}
}

// ex is a built-in-like exercise for the table tests.
func ex(id string, sets, reps int, hold time.Duration) RoutineExercise {
	return RoutineExercise{ID: id, Name: strings.ToUpper(id[:1]) + id[1:], Sets: sets, Reps: reps, Hold: hold, Rest: 20 * time.Second, Prepare: 5 * time.Second}
}

func routineOf(exs ...RoutineExercise) *Routine {
	return &Routine{ID: "r", Name: "R", PainLimit: 5, PainRise: 2, Exercises: exs}
}

// summary is a diff's exercises in one line each: change, positions, moved,
// and the fields changed.
func summary(d *RoutineDiff) []string {
	var out []string
	for _, e := range d.Exercises {
		s := fmt.Sprintf("%s %s %d>%d", e.Change, e.ID, e.OldPos, e.NewPos)
		if e.Moved {
			s += " moved"
		}
		for _, f := range e.Fields {
			s += fmt.Sprintf(" %s:%v>%v", f.Field, f.Old, f.New)
		}
		out = append(out, s)
	}
	return out
}

func TestDiffExercises(t *testing.T) {
	s := time.Second
	a, b, c, d := ex("a", 1, 0, 30*s), ex("b", 2, 5, 10*s), ex("c", 3, 0, 20*s), ex("d", 1, 8, 0)
	b.Relax = 3 * s
	d.Tempo = 3 * s
	curl := func(reps int) RoutineExercise { e := ex("curl", 1, reps, 10*s); e.Relax = 3 * s; return e }
	tests := []struct {
		name     string
		old, new []RoutineExercise
		want     []string
	}{
		{"identical", []RoutineExercise{a, b}, []RoutineExercise{a, b},
			[]string{"kept a 1>1", "kept b 2>2"}},
		{"one moved up", []RoutineExercise{a, b, c, d}, []RoutineExercise{a, d, b, c},
			[]string{"kept a 1>1", "kept d 4>2 moved", "kept b 2>3", "kept c 3>4"}},
		{"one moved down", []RoutineExercise{a, b, c, d}, []RoutineExercise{b, c, a, d},
			[]string{"kept b 2>1", "kept c 3>2", "kept a 1>3 moved", "kept d 4>4"}},
		{"two swapped: the later moved up", []RoutineExercise{a, b}, []RoutineExercise{b, a},
			[]string{"kept b 2>1 moved", "kept a 1>2"}},
		{"an insert shifts, it does not move", []RoutineExercise{a, b}, []RoutineExercise{c, a, b},
			[]string{"added c 0>1", "kept a 1>2", "kept b 2>3"}},
		{"removed shown where it was", []RoutineExercise{a, b, c}, []RoutineExercise{a, c},
			[]string{"kept a 1>1", "removed b 2>0", "kept c 3>2"}},
		{"removed first", []RoutineExercise{a, b}, []RoutineExercise{b},
			[]string{"removed a 1>0", "kept b 2>1"}},
		{"a middle round removed", []RoutineExercise{curl(5), a, curl(3), a, curl(1)}, []RoutineExercise{curl(5), a, curl(1)},
			[]string{"kept curl 1>1", "kept a 2>2", "removed curl 3>0", "removed a 4>0", "kept curl 5>3"}},
		{"a round changed keeps its place", []RoutineExercise{curl(5), curl(3), curl(1)}, []RoutineExercise{curl(5), curl(2), curl(1)},
			[]string{"kept curl 1>1", "kept curl 2>2 reps:3>2", "kept curl 3>3"}},
		{"a round added at the end", []RoutineExercise{curl(5), curl(3)}, []RoutineExercise{curl(5), curl(3), curl(1)},
			[]string{"kept curl 1>1", "kept curl 2>2", "added curl 0>3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := summary(Diff(routineOf(tt.old...), routineOf(tt.new...)))
			if !slices.Equal(got, tt.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestDiffMatchesByName: an exercise of one's own that becomes a built-in
// one of the same name is the same exercise, changed.
func TestDiffMatchesByName(t *testing.T) {
	own := ex("wall-sit-own", 1, 0, 45*time.Second)
	own.Name = "Wall sit"
	lib := ex("wall-sit", 1, 0, 45*time.Second)
	lib.Name = "wall  Sit"
	got := summary(Diff(routineOf(own), routineOf(lib)))
	want := []string{"kept wall-sit 1>1 id:wall-sit-own>wall-sit name:Wall sit>wall  Sit"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestDiffDose(t *testing.T) {
	s := time.Second
	held := ex("b", 2, 5, 10*s)
	held.Relax = 3 * s
	tests := []struct {
		name   string
		change func(e *RoutineExercise)
		want   string
	}{
		{"nothing", func(e *RoutineExercise) {}, ""},
		{"sets", func(e *RoutineExercise) { e.Sets = 3 }, "sets:2>3"},
		{"one set: rest removed", func(e *RoutineExercise) { e.Sets = 1 }, "sets:2>1 rest:20s><nil>"},
		{"rest of a single set does not count", func(e *RoutineExercise) { e.Sets = 1; e.Rest = 0 }, "sets:2>1 rest:20s><nil>"},
		{"hold", func(e *RoutineExercise) { e.Hold = 12 * s }, "hold:10s>12s"},
		{"relax removed", func(e *RoutineExercise) { e.Relax = 0 }, "relax:3s><nil>"},
		{"one rep has no relax", func(e *RoutineExercise) { e.Reps = 1 }, "reps:5>1 relax:3s><nil>"},
		{"paced instead of held", func(e *RoutineExercise) { e.Hold, e.Tempo = 0, 4*s }, "hold:10s><nil> relax:3s><nil> tempo:<nil>>4s"},
		{"a timed hold", func(e *RoutineExercise) { e.Reps = 0; e.Hold = 30 * s }, "reps:5><nil> hold:10s>30s relax:3s><nil>"},
		{"sides", func(e *RoutineExercise) { e.Both = true }, "sides:one>both"},
		{"prepare", func(e *RoutineExercise) { e.Prepare = 30 * s }, "prepare:5s>30s"},
		{"notes", func(e *RoutineExercise) { e.Notes = "Slowly." }, "notes:<nil>>Slowly."},
		{"cues", func(e *RoutineExercise) { e.Cues = []string{"Tall"} }, "cues:<nil>>[Tall]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			changed := held
			tt.change(&changed)
			var got []string
			for _, f := range exerciseChanges(held, changed) {
				got = append(got, fmt.Sprintf("%s:%v>%v", f.Field, f.Old, f.New))
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("got %q, want %q", g, tt.want)
			}
		})
	}
}

func TestDiffRoutineFields(t *testing.T) {
	base := routineOf(ex("a", 1, 0, time.Minute))
	tests := []struct {
		name   string
		change func(o, n *Routine)
		want   string
	}{
		{"nothing", func(o, n *Routine) {}, ""},
		{"id", func(o, n *Routine) { n.ID = "r2" }, "id:r>r2"},
		{"name", func(o, n *Routine) { n.Name = "R2" }, "name:R>R2"},
		{"author added", func(o, n *Routine) { n.Author = "A. T." }, "author:<nil>>A. T."},
		{"client and therapist", func(o, n *Routine) {
			o.Client, n.Client = "J. Smith", "Jane Smith"
			n.Therapist = Therapist{Name: "A. T.", Contact: "a@example.org"}
		}, "client:J. Smith>Jane Smith therapist.name:<nil>>A. T. therapist.contact:<nil>>a@example.org"},
		{"schedule", func(o, n *Routine) { n.Schedule = []time.Weekday{time.Sunday, time.Monday} }, "schedule:[]>[mon sun]"},
		{"the order of days is no change", func(o, n *Routine) {
			o.Schedule = []time.Weekday{time.Thursday, time.Monday}
			n.Schedule = []time.Weekday{time.Monday, time.Thursday}
		}, ""},
		{"pain limit", func(o, n *Routine) { n.PainLimit = 4 }, "pain.limit:5>4"},
		{"pain rise", func(o, n *Routine) { o.PainRise, n.PainRise = 2, 3 }, "pain.rise:2>3"},
		{"notes removed", func(o, n *Routine) { o.Notes = "x" }, "notes:x><nil>"},
		{"hash and source alone are no change", func(o, n *Routine) { n.Hash, n.Source = "sha256:00", "b.yaml" }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, n := *base, *base
			tt.change(&o, &n)
			d := Diff(&o, &n)
			var got []string
			for _, f := range d.Fields {
				got = append(got, fmt.Sprintf("%s:%v>%v", f.Field, f.Old, f.New))
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("got %q, want %q", g, tt.want)
			}
			if d.Same() != (tt.want == "") {
				t.Errorf("Same() = %v with changes %q", d.Same(), tt.want)
			}
		})
	}
}

// TestDiffTextSanitized: text from a file never reaches the terminal as
// escape codes, even inside a line diff.
func TestDiffTextSanitized(t *testing.T) {
	o := routineOf(ex("a", 1, 0, time.Minute))
	n := *o
	n.Name = "Evil\x1b]0;title\a"
	n.Notes = "line\x1b[2J"
	var b bytes.Buffer
	if err := Diff(o, &n).WriteText(&b, DiffStyle{}); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(b.String(), "\x1b\a") {
		t.Errorf("escape codes in the text: %q", b.String())
	}
}

func TestDiffStyle(t *testing.T) {
	o := routineOf(ex("a", 1, 0, time.Minute), ex("b", 1, 0, time.Minute))
	n := routineOf(ex("a", 1, 0, 2*time.Minute), ex("c", 1, 0, time.Minute))
	mark := func(tag string) func(string) string {
		return func(s string) string { return "<" + tag + ">" + s + "</" + tag + ">" }
	}
	var b bytes.Buffer
	if err := Diff(o, n).WriteText(&b, DiffStyle{Added: mark("add"), Removed: mark("rm"), Changed: mark("ch"), Heading: mark("h")}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<h>From:</h>", "<ch>~</ch> A: hold 1m -> 2m", "<add>+</add> C, added as no. 2", "<rm>-</rm> B, removed (was no. 2)"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("no %q in\n%s", want, b.String())
		}
	}
}

// TestDiffDocsExample keeps the example of docs/routine-diff.md what the
// command prints for the files of testdata/diff/docs-example.
func TestDiffDocsExample(t *testing.T) {
	md, err := os.ReadFile("../docs/routine-diff.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(md), "```text\n")
	want, _, ok2 := strings.Cut(after, "```")
	if !ok || !ok2 {
		t.Fatal("no text example in docs/routine-diff.md")
	}
	p := diffPairs(t)["docs-example"]
	d := Diff(p[0], p[1])
	d.Old.Label, d.New.Label = "lower-back-week-1.yaml", "lower-back-week-2.yaml"
	var b bytes.Buffer
	if err := d.WriteText(&b, DiffStyle{}); err != nil {
		t.Fatal(err)
	}
	if b.String() != want {
		t.Errorf("docs/routine-diff.md shows\n%s\nthe diff is\n%s", want, b.String())
	}
}
