package routines

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

const schemaPath = "../docs/routine.schema.json"

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", schemaPath, err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("routine.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("routine.schema.json")
	if err != nil {
		t.Fatalf("%s: %v", schemaPath, err)
	}
	return s
}

// validateSchema checks a YAML routine file against the schema, as an
// editor would.
func validateSchema(s *jsonschema.Schema, data []byte) error {
	js, err := yaml.YAMLToJSON(data)
	if err != nil {
		return err
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		return err
	}
	return s.Validate(doc)
}

// exampleFiles are the routine files that must be valid both for the
// schema and for the parser: the template, the built-ins, the good test
// files and every YAML example in the docs.
func exampleFiles(t *testing.T) map[string][]byte {
	t.Helper()
	files := map[string][]byte{"template.yaml": Template()}
	var paths []string
	for _, pattern := range []string{"builtin/*.yaml", "testdata/good*.yaml", "testdata/handout*.yaml", "../docs/*.yaml"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, m...)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[p] = data
	}
	docs, err := filepath.Glob("../docs/*.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range docs {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for i, block := range completeExamples(data) {
			files[fmt.Sprintf("%s#example%d", p, i+1)] = block
		}
	}
	return files
}

// yamlBlock matches a fenced YAML code block in Markdown.
var yamlBlock = regexp.MustCompile("(?ms)^```yaml\n(.*?)^```")

// completeExamples returns the YAML blocks of a Markdown file that are
// whole routines (they start with the format version).
func completeExamples(md []byte) [][]byte {
	var out [][]byte
	for _, m := range yamlBlock.FindAllSubmatch(md, -1) {
		if bytes.Contains(m[1], []byte("\ncorecoach: 1")) || bytes.HasPrefix(m[1], []byte("corecoach: 1")) {
			out = append(out, m[1])
		}
	}
	return out
}

func TestSchemaAcceptsExamples(t *testing.T) {
	s := compileSchema(t)
	files := exampleFiles(t)
	if len(files) < 2 {
		t.Fatalf("only %d example files found", len(files))
	}
	for name, data := range files {
		t.Run(name, func(t *testing.T) {
			if err := validateSchema(s, data); err != nil {
				t.Errorf("schema: %v", err)
			}
			if _, err := Parse(filepath.Base(name), data); err != nil {
				t.Errorf("parser: %v", err)
			}
		})
	}
}

// TestSchemaRejects keeps the schema as strict as the parser: each file
// here is refused by both.
func TestSchemaRejects(t *testing.T) {
	s := compileSchema(t)
	const head = "corecoach: 1\nname: Test\n"
	tests := []struct {
		name string
		file string
	}{
		{"no version", "name: Test\nexercises: [{use: plank}]\n"},
		{"newer version", "corecoach: 2\nname: Test\nexercises: [{use: plank}]\n"},
		{"no name", "corecoach: 1\nexercises: [{use: plank}]\n"},
		{"no exercises", head},
		{"empty exercises", head + "exercises: []\n"},
		{"unknown key", head + "colour: red\nexercises: [{use: plank}]\n"},
		{"bad id", head + "id: Lower Back\nexercises: [{use: plank}]\n"},
		{"empty schedule", head + "schedule: []\nexercises: [{use: plank}]\n"},
		{"day twice", head + "schedule: [mon, mon]\nexercises: [{use: plank}]\n"},
		{"unknown weekday", head + "schedule: [mon, funday]\nexercises: [{use: plank}]\n"},
		{"pain above 10", head + "pain: {limit: 11}\nexercises: [{use: plank}]\n"},
		{"unknown pain key", head + "pain: {max: 3}\nexercises: [{use: plank}]\n"},
		{"pain rise 0", head + "pain: {rise: 0}\nexercises: [{use: plank}]\n"},
		{"pain rise above 10", head + "pain: {rise: 11}\nexercises: [{use: plank}]\n"},
		{"pain rise not a number", head + "pain: {rise: two}\nexercises: [{use: plank}]\n"},
		{"unknown defaults key", head + "defaults: {hold: 3s}\nexercises: [{use: plank}]\n"},
		{"rest too long", head + "defaults: {rest: 601}\nexercises: [{use: plank}]\n"},
		{"unknown exercise", head + "exercises: [{use: plnak}]\n"},
		{"use and name", head + "exercises: [{use: plank, name: Plank}]\n"},
		{"neither use nor name", head + "exercises: [{hold: 30s}]\n"},
		{"unknown exercise key", head + "exercises: [{use: plank, hodl: 30s}]\n"},
		{"custom without hold or reps", head + "exercises: [{name: Wall sit}]\n"},
		{"zero reps", head + "exercises: [{use: plank, reps: 0}]\n"},
		{"too many reps", head + "exercises: [{use: plank, reps: 101}]\n"},
		{"too many sets", head + "exercises: [{use: plank, sets: 21}]\n"},
		{"zero hold", head + "exercises: [{use: plank, hold: 0}]\n"},
		{"bad duration", head + "exercises: [{use: plank, hold: 30 seconds}]\n"},
		{"duration unit", head + "exercises: [{use: plank, hold: 1h}]\n"},
		{"bad sides", head + "exercises: [{use: bird-dog, sides: left}]\n"},
		{"hold and tempo together", head + "exercises: [{use: bird-dog, hold: 10s, tempo: 3s}]\n"},
		{"relax too long", head + "exercises: [{use: bird-dog, relax: 601}]\n"},
		{"relax not a duration", head + "exercises: [{use: bird-dog, relax: short}]\n"},
		{"cue not text", head + "exercises: [{use: plank, cues: [[a]]}]\n"},
		{"escape in name", "corecoach: 1\nname: \"Evil \\e]0;title\\a\"\nexercises: [{use: plank}]\n"},
		{"tab in name", "corecoach: 1\nname: \"Lower\\tback\"\nexercises: [{use: plank}]\n"},
		{"bidi override in name", "corecoach: 1\nname: \"a\\u202eb\"\nexercises: [{use: plank}]\n"},
		{"Arabic letter mark in author", head + "author: \"a\\u061cb\"\nexercises: [{use: plank}]\n"},
		{"zero-width space in a cue", head + "exercises: [{use: plank, cues: [\"a\\u200bb\"]}]\n"},
		{"line separator in notes", head + "notes: \"a\\u2028b\"\nexercises: [{use: plank}]\n"},
		{"name too long", "corecoach: 1\nname: " + strings.Repeat("n", MaxNameLen+1) + "\nexercises: [{use: plank}]\n"},
		{"exercise name too long", head + "exercises: [{name: " + strings.Repeat("n", MaxNameLen+1) + ", hold: 3s}]\n"},
		{"author too long", head + "author: " + strings.Repeat("a", MaxAuthorLen+1) + "\nexercises: [{use: plank}]\n"},
		{"cue too long", head + "exercises: [{use: plank, cues: [" + strings.Repeat("c", MaxCueLen+1) + "]}]\n"},
		{"unknown therapist key", head + "therapist: {name: A, contcat: x}\nexercises: [{use: plank}]\n"},
		{"therapist without a name", head + "therapist: {contact: x}\nexercises: [{use: plank}]\n"},
		{"therapist as text", head + "therapist: A. Therapist\nexercises: [{use: plank}]\n"},
		{"line break in client", head + "client: \"J.\\nSmith\"\nexercises: [{use: plank}]\n"},
		{"client too long", head + "client: " + strings.Repeat("c", MaxNameLen+1) + "\nexercises: [{use: plank}]\n"},
		{"therapist name too long", head + "therapist: {name: " + strings.Repeat("n", MaxNameLen+1) + "}\nexercises: [{use: plank}]\n"},
		{"contact too long", head + "therapist: {name: A, contact: " + strings.Repeat("c", MaxContactLen+1) + "}\nexercises: [{use: plank}]\n"},
		{"notes too long", head + "notes: " + strings.Repeat("x", MaxNotesLen+1) + "\nexercises: [{use: plank}]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := validateSchema(s, []byte(tt.file)); err == nil {
				t.Errorf("schema accepts:\n%s", tt.file)
			}
			if _, err := Parse("test.yaml", []byte(tt.file)); err == nil {
				t.Errorf("parser accepts:\n%s", tt.file)
			}
		})
	}
}

// TestSchemaAcceptsVariants keeps the schema as lenient as the parser.
func TestSchemaAcceptsVariants(t *testing.T) {
	s := compileSchema(t)
	const head = "corecoach: 1\nname: Test\n"
	tests := []struct {
		name string
		file string
	}{
		{"smallest file", head + "exercises: [{use: plank}]\n"},
		{"full day names in any case", head + "schedule: [Monday, WED, friday]\nexercises: [{use: plank}]\n"},
		{"durations in every form", head + "defaults: {prepare: 0, rest: \"45\"}\nexercises: [{use: plank, hold: 1m30s, rest: 2m, prepare: 10s}]\n"},
		{"reps with a tempo", head + "exercises: [{name: Squat, reps: 10, tempo: 4s, sets: 20}]\n"},
		{"custom hold with sides", head + "exercises: [{name: Side stretch, hold: 600, sides: both, cues: [Tall spine]}]\n"},
		{"held reps with relax", head + "exercises: [{use: bird-dog, reps: 6, hold: 8s, relax: 0}, {name: Wall press, reps: 5, hold: 10s, relax: 4s}]\n"},
		{"pain limit zero", head + "pain: {limit: 0}\nexercises: [{use: plank}]\n"},
		{"emoji built with joiners", "corecoach: 1\nname: \"Nurse 👩\u200d⚕\ufe0f plan\"\nexercises: [{name: \"می\u200cخواهم\", hold: 3s, notes: \"two\\nlines\\tand a tab\"}]\n"},
		{"longest texts", "corecoach: 1\nname: " + strings.Repeat("é", MaxNameLen) + "\nauthor: " + strings.Repeat("a", MaxAuthorLen) + "\nnotes: " + strings.Repeat("x", MaxNotesLen) +
			"\nexercises: [{use: plank, cues: [" + strings.Repeat("c", MaxCueLen) + "]}]\n"},
		{"client and therapist", head + "client: J. Smith\ntherapist: {name: \"A. Therapist, PT\", contact: \"clinic@example.org, 01234 567890\"}\nexercises: [{use: plank}]\n"},
		{"therapist with a name only", head + "therapist:\n  name: " + strings.Repeat("n", MaxNameLen) + "\nclient: " + strings.Repeat("é", MaxNameLen) + "\nexercises: [{use: plank}]\n"},
		{"longest contact", head + "therapist: {name: A, contact: " + strings.Repeat("c", MaxContactLen) + "}\nexercises: [{use: plank}]\n"},
		{"pain rise 1", head + "pain: {limit: 5, rise: 1}\nexercises: [{use: plank}]\n"},
		{"pain rise 10", head + "pain: {rise: 10}\nexercises: [{use: plank}]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := validateSchema(s, []byte(tt.file)); err != nil {
				t.Errorf("schema refuses:\n%s\n%v", tt.file, err)
			}
			if _, err := Parse("test.yaml", []byte(tt.file)); err != nil {
				t.Errorf("parser refuses:\n%s\n%v", tt.file, err)
			}
		})
	}
}

// TestSchemaExerciseIDs keeps the schema's list of built-in exercises the
// same as the library.
func TestSchemaExerciseIDs(t *testing.T) {
	data, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Definitions struct {
			ExerciseID struct {
				Enum []string `json:"enum"`
			} `json:"exerciseId"`
		} `json:"definitions"`
	}
	if err := json.Unmarshal(data, &schema); err != nil {
		t.Fatal(err)
	}
	var lib []string
	for _, e := range Library() {
		lib = append(lib, e.ID)
	}
	slices.Sort(lib)
	got := slices.Sorted(slices.Values(schema.Definitions.ExerciseID.Enum))
	if !slices.Equal(got, lib) {
		t.Errorf("schema exercise ids differ from the library:\nschema:  %s\nlibrary: %s\nupdate definitions.exerciseId.enum in %s",
			strings.Join(got, " "), strings.Join(lib, " "), schemaPath)
	}
}

func TestTemplate(t *testing.T) {
	data := Template()
	first, _, _ := bytes.Cut(data, []byte("\n"))
	const modeline = "# yaml-language-server: $schema="
	if !bytes.HasPrefix(first, []byte(modeline)) {
		t.Fatalf("first line %q does not point editors at the schema", first)
	}
	// The schema path is relative to the folder the file is in: the
	// template names a schema saved beside it, wherever that is, and says
	// how to save it there.
	if name := string(first[len(modeline):]); name != filepath.Base(schemaPath) ||
		!bytes.Contains(data, []byte("corecoach routine schema > "+name)) {
		t.Errorf("schema line %q: want %s, saved beside the file as the template says", first, filepath.Base(schemaPath))
	}
	r, err := Parse("my-routine.yaml", data)
	if err != nil {
		t.Fatalf("the template does not validate:\n%v", err)
	}
	var builtin, custom int
	for _, e := range r.Exercises {
		if e.BuiltIn {
			builtin++
		} else {
			custom++
		}
	}
	if builtin < 2 || custom < 1 {
		t.Errorf("template has %d built-in and %d custom exercises; want a few of each kind", builtin, custom)
	}
	if r.Name == "" || r.Author == "" || r.Notes == "" || len(r.Schedule) == 0 {
		t.Errorf("template leaves out a key a therapist should see: %+v", r)
	}
	// The client and therapist are shown commented out, and valid once
	// the # is removed.
	uncommented := regexp.MustCompile(`(?m)^# (client:|therapist:|  name:|  contact:)`).ReplaceAll(data, []byte("$1"))
	if bytes.Equal(uncommented, data) {
		t.Fatal("the template does not show client and therapist")
	}
	r2, err := Parse("my-routine.yaml", uncommented)
	if err != nil {
		t.Fatalf("the template with client and therapist does not validate:\n%v", err)
	}
	if r2.Client == "" || r2.Therapist.Name == "" || r2.Therapist.Contact == "" {
		t.Errorf("template client %q, therapist %+v: want both set once uncommented", r2.Client, r2.Therapist)
	}
	if err := validateSchema(compileSchema(t), uncommented); err != nil {
		t.Errorf("the schema refuses the template with client and therapist: %v", err)
	}
	// Template returns a copy: a caller cannot change the next one.
	data[0] = 'X'
	if Template()[0] != '#' {
		t.Error("Template shares its bytes")
	}
}

// TestFormatGuideExercises keeps the guide's table of built-in exercises
// the same as the library.
func TestFormatGuideExercises(t *testing.T) {
	data, err := os.ReadFile("../docs/routine-format.md")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `([a-z0-9-]+)` \\| ([^|]+?) \\|$")
	var got, want []string
	for _, m := range row.FindAllSubmatch(data, -1) {
		got = append(got, string(m[1])+" = "+string(m[2]))
	}
	for _, e := range Library() {
		want = append(want, e.ID+" = "+e.Name)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("docs/routine-format.md lists the built-in exercises as\n%s\nthe library has\n%s",
			strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// textPattern is the schema pattern of text of kind k: no character of
// the Basic Multilingual Plane that the text policy refuses wherever it is
// (joiners, allowed between visible characters, are left to the parser,
// and so are characters beyond the BMP, which editors' regular
// expressions handle differently).
func textPattern(k TextKind) string {
	always := func(c rune) bool { return refused(c, k) && c != zwj && c != zwnj }
	var b strings.Builder
	b.WriteString("^[^")
	for c := rune(0); c <= 0xffff; c++ {
		if !always(c) || c > 0 && always(c-1) {
			continue
		}
		end := c
		for end < 0xffff && always(end+1) {
			end++
		}
		b.WriteRune(c)
		if end > c {
			b.WriteString("-")
			b.WriteRune(end)
		}
	}
	b.WriteString("]*$")
	return b.String()
}

// TestSchemaTextPolicy keeps the schema's text fields in step with the
// text policy: the same characters refused, the same lengths.
func TestSchemaTextPolicy(t *testing.T) {
	data, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	var schema map[string]any
	if err := json.Unmarshal(data, &schema); err != nil {
		t.Fatal(err)
	}
	lookup := func(path string) map[string]any {
		var v any = schema
		for _, key := range strings.Split(path, ".") {
			m, _ := v.(map[string]any)
			v = m[key]
		}
		m, _ := v.(map[string]any)
		return m
	}
	for _, f := range []struct {
		path string
		kind TextKind
		max  int
	}{
		{"properties.name", OneLine, MaxNameLen},
		{"properties.author", OneLine, MaxAuthorLen},
		{"properties.client", OneLine, MaxNameLen},
		{"properties.therapist.properties.name", OneLine, MaxNameLen},
		{"properties.therapist.properties.contact", OneLine, MaxContactLen},
		{"properties.notes", MultiLine, MaxNotesLen},
		{"definitions.builtinExercise.properties.notes", MultiLine, MaxNotesLen},
		{"definitions.builtinExercise.properties.cues.items", OneLine, MaxCueLen},
		{"definitions.customExercise.properties.name", OneLine, MaxNameLen},
		{"definitions.customExercise.properties.notes", MultiLine, MaxNotesLen},
		{"definitions.customExercise.properties.cues.items", OneLine, MaxCueLen},
	} {
		m := lookup(f.path)
		if m == nil {
			t.Errorf("%s: not in the schema", f.path)
			continue
		}
		if want := textPattern(f.kind); m["pattern"] != want {
			t.Errorf("%s: pattern %+q, want %+q", f.path, m["pattern"], want)
		}
		if m["maxLength"] != float64(f.max) {
			t.Errorf("%s: maxLength %v, want %d", f.path, m["maxLength"], f.max)
		}
	}
}
