package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"corecoach/routines/text"
)

// runIn runs the command line with a database in dir.
func runIn(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(append([]string{"--db", filepath.Join(dir, "test.db")}, args...), &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, dir, name, data string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

const goodRoutine = "corecoach: 1\nname: Lower back\nschedule: [mon, thu]\nexercises:\n  - use: plank\n    sets: 2\n    hold: 30s\n    rest: 30s\n  - name: Wall sit\n    cues: [Back flat]\n    hold: 45s\n"

func TestRoutineCommands(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "lower-back.yaml", goodRoutine)
	bad := writeFile(t, dir, "bad.yaml", "corecoach: 1\nname: X\nexercises:\n  - use: plnak\n    hodl: 3s\n")
	clash := writeFile(t, dir, "clash.yaml", "corecoach: 1\nid: core-basics\nname: Mine\nexercises:\n  - use: plank\n")
	changed := writeFile(t, dir, "changed.yaml", "id: lower-back\n"+goodRoutine)
	missing := filepath.Join(dir, "missing.yaml")
	tests := []struct {
		name      string
		args      []string
		code      int
		stdout    []string // substrings, in order
		stderr    []string
		notStdout string
	}{
		{"validate good", []string{"routine", "validate", good}, 0, []string{good + ": ok\n"}, nil, ""},
		{"validate all, report all", []string{"routine", "validate", good, bad, missing}, 1,
			[]string{good + ": ok\n"},
			[]string{bad + `:4:10: unknown exercise "plnak"; did you mean "plank"?` + "\n" +
				bad + `:5:5: unknown key "hodl"; did you mean "hold"?` + "\n",
				missing + ": no such file\n"}, bad + ": ok"},
		{"validate needs a file", []string{"routine", "validate"}, 2, nil, []string{"routine validate needs at least one FILE"}, ""},
		{"show built-in", []string{"routine", "show", "core-basics"}, 0,
			[]string{"Core basics (core-basics)", "Schedule: every day", "1. Cat-cow: 8 reps, 4 s per rep", "Plank: 3 × 30 s hold, rest 30 s", "Total time: 12 min 17 s"}, nil, ""},
		{"show file", []string{"routine", "show", good}, 0,
			[]string{"Lower back (lower-back)", "Schedule: mon, thu", "1. Plank: 2 × 30 s hold, rest 30 s", "   - Forearms", "2. Wall sit: 45 s hold", "   - Back flat", "Total time: 2 min 25 s"}, nil, ""},
		{"show invalid file", []string{"routine", "show", bad}, 1, nil,
			[]string{bad + " is not a valid routine file:\n" + bad + ":4:10: unknown exercise"}, ""},
		{"show unknown", []string{"routine", "show", "core-basic"}, 1, nil,
			[]string{`no routine "core-basic"; did you mean "core-basics"?`}, ""},
		{"list before add", []string{"routine", "list"}, 0,
			[]string{"ID", "NAME", "EXERCISES", "TIME", "core-basics", "Core basics", "12 min 17 s", "mcgill-big-3", "desk-break"}, nil, "lower-back"},
		{"add", []string{"routine", "add", good}, 0, []string{"Added lower-back (Lower back): 2 exercises, 2 min 25 s"}, nil, ""},
		{"add again, unchanged", []string{"routine", "add", good}, 0, []string{"Already added, unchanged: lower-back"}, nil, ""},
		{"add a changed file replaces", []string{"routine", "add", changed}, 0, []string{"Replaced lower-back"}, nil, ""},
		{"add the first file back", []string{"routine", "add", good}, 0, []string{"Replaced lower-back"}, nil, ""},
		{"add invalid", []string{"routine", "add", bad}, 1, nil, []string{bad + ":5:5: unknown key"}, ""},
		{"add built-in id", []string{"routine", "add", clash}, 1, nil, []string{`the id "core-basics" belongs to a built-in routine`}, ""},
		{"list after add", []string{"routine", "list"}, 0,
			[]string{"desk-break", "lower-back", "Lower back", "2", "2 min 25 s", good}, nil, ""},
		{"show added by id", []string{"routine", "show", "lower-back"}, 0, []string{"Lower back (lower-back)", "Total time: 2 min 25 s"}, nil, ""},
		{"suggest added id", []string{"routine", "show", "lower-bak"}, 1, nil, []string{`did you mean "lower-back"?`}, ""},
		{"bare group", []string{"routine"}, 0, []string{"validate"}, nil, ""},
		{"unknown subcommand", []string{"routine", "frobnicate"}, 2, nil, []string{`unknown command "frobnicate"`}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runIn(t, dir, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, stdout, stderr)
			}
			assertInOrder(t, "stdout", stdout, tt.stdout)
			assertInOrder(t, "stderr", stderr, tt.stderr)
			if tt.notStdout != "" && strings.Contains(stdout, tt.notStdout) {
				t.Errorf("stdout has %q:\n%s", tt.notStdout, stdout)
			}
		})
	}
}

func TestRoutineListCreatesNoDatabase(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runIn(t, dir, "routine", "list"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "test.db")); !os.IsNotExist(err) {
		t.Errorf("routine list created a database: %v", err)
	}
}

func TestExerciseCommands(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout []string
		stderr []string
	}{
		{"list", []string{"exercise", "list"}, 0, []string{"ID", "DEFAULT DOSAGE", "plank", "3 × 20 s hold, rest 30 s", "prone-press-up"}, nil},
		{"show", []string{"exercise", "show", "side-plank"}, 0, []string{"Side plank (side-plank)", "Form cues:", "elbow directly under your shoulder",
			"Common mistakes:", "Default dosage: 5 × 10 s hold, both sides, rest 10 s", "Source: McGill", "Easier:", "Harder:"}, nil},
		{"show unknown", []string{"exercise", "show", "plnak"}, 1, nil, []string{`unknown exercise "plnak"; did you mean "plank"?`}},
		{"show nothing near", []string{"exercise", "show", "\x1b[2Jjumping-jacks"}, 1, nil, []string{`unknown exercise "\x1b[2Jjumping-jacks"`}},
		{"show needs an id", []string{"exercise", "show"}, 2, nil, []string{"exercise show needs ID"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runIn(t, dir, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, stdout, stderr)
			}
			assertInOrder(t, "stdout", stdout, tt.stdout)
			assertInOrder(t, "stderr", stderr, tt.stderr)
			if strings.Contains(stderr, "\x1b") {
				t.Errorf("stderr carries an escape sequence: %q", stderr)
			}
		})
	}
}

func assertInOrder(t *testing.T, what, got string, want []string) {
	t.Helper()
	rest := got
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Errorf("%s lacks %q (in order):\n%s", what, w, got)
			return
		}
		rest = rest[i+len(w):]
	}
}

// Every screen and command counts a routine's exercises the same way: a
// repeated exercise counts once.
func TestRoutineExerciseCountsAgree(t *testing.T) {
	dir := t.TempDir()
	pyramid := writeFile(t, dir, "pyramid.yaml", "corecoach: 1\nname: Pyramid\nexercises:\n"+
		"  - use: plank\n  - use: bird-dog\n  - name: Wall sit\n    hold: 30s\n"+
		"  - use: plank\n    hold: 10s\n  - use: bird-dog\n    reps: 3\n  - name: wall sit\n    hold: 20s\n")
	code, stdout, stderr := runIn(t, dir, "routine", "add", pyramid)
	if code != 0 || !strings.Contains(stdout, "Added pyramid (Pyramid): 3 exercises,") {
		t.Fatalf("add: exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	_, stdout, _ = runIn(t, dir, "routine", "list")
	want := map[string]string{"pyramid": "3", "mcgill-big-3": "3"}
	for _, line := range strings.Split(stdout, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || want[f[0]] == "" {
			continue
		}
		if !strings.Contains(line, "  "+want[f[0]]+"  ") {
			t.Errorf("list row for %s does not show %s exercises: %q", f[0], want[f[0]], line)
		}
		delete(want, f[0])
	}
	if len(want) > 0 {
		t.Errorf("list lacks %v:\n%s", want, stdout)
	}
}

// A file name can hold escape codes and newlines; no routine command
// prints them: the name is quoted, with Go escapes, so it cannot forge a line.
func TestRoutineFileNamesSanitised(t *testing.T) {
	dir := t.TempDir()
	evil := "evil\x1b]0;TITLE\a" // quoted: "evil\x1b]0;TITLE\a"
	good := writeFile(t, dir, evil+".yaml", goodRoutine)
	bad := writeFile(t, dir, evil+"-bad.yaml", "corecoach: 1\nname: X\nexercises:\n  - use: plnak\n")
	clash := writeFile(t, dir, evil+"-clash.yaml", "corecoach: 1\nid: core-basics\nname: Mine\nexercises:\n  - use: plank\n")
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"routine", "validate", good}, 0, `evil\x1b]0;TITLE\a.yaml": ok` + "\n"},
		{[]string{"routine", "validate", bad}, 1, `evil\x1b]0;TITLE\a-bad.yaml":4:10: unknown exercise`},
		{[]string{"routine", "show", bad}, 1, `evil\x1b]0;TITLE\a-bad.yaml" is not a valid routine file`},
		{[]string{"routine", "print", bad}, 1, `evil\x1b]0;TITLE\a-bad.yaml":4:10: unknown exercise`},
		{[]string{"routine", "add", clash}, 1, `evil\x1b]0;TITLE\a-clash.yaml": the id "core-basics" belongs to a built-in routine`},
		{[]string{"routine", "add", good}, 0, "Added evil-0-title (Lower back)"},
		{[]string{"routine", "list"}, 0, `evil\x1b]0;TITLE\a.yaml"`},
		{[]string{"routine", "new", "-o", good}, 1, "evil.yaml already exists"},
		{[]string{"routine", "print", good, "-o", filepath.Join(dir, evil, "h.md")}, 1, "cannot write " + filepath.Join(dir, "evil", "h.md") + ": no such file"},
	} {
		code, stdout, stderr := runIn(t, dir, tt.args...)
		if code != tt.code || !strings.Contains(stdout+stderr, tt.want) {
			t.Errorf("%q: exit %d (want %d), want %q in\nstdout: %q\nstderr: %q", tt.args, code, tt.code, tt.want, stdout, stderr)
		}
		if strings.ContainsAny(stdout+stderr, "\x1b\a") {
			t.Errorf("%q prints a control character:\nstdout: %q\nstderr: %q", tt.args, stdout, stderr)
		}
	}
}

// TestValidateNewlineInFileName: a file name with a newline cannot forge a
// line of `routine validate` output.
func TestValidateNewlineInFileName(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "a\nforged.yaml: ok", goodRoutine)
	bad := writeFile(t, dir, "b\nforged.yaml:1:1: bad", "corecoach: 1\nname: X\nexercises:\n  - use: plnak\n")
	code, stdout, stderr := runIn(t, dir, "routine", "validate", good, bad)
	if code != 1 || strings.Count(stdout, "\n") != 1 || strings.Count(stderr, "\n") != 1 {
		t.Fatalf("exit %d; each file should take one line:\nstdout: %q\nstderr: %q", code, stdout, stderr)
	}
	if !strings.HasSuffix(stdout, `a\nforged.yaml: ok": ok`+"\n") || !strings.Contains(stderr, `b\nforged.yaml:1:1: bad":4:10: unknown exercise`) {
		t.Errorf("names not quoted:\nstdout: %q\nstderr: %q", stdout, stderr)
	}
}

// TestRoutineListWidths: names are measured in columns, as a terminal
// shows them, and the longest are cut with "…", so every row's columns
// line up whatever the names hold.
func TestRoutineListWidths(t *testing.T) {
	dir := t.TempDir()
	for id, name := range map[string]string{
		"emoji":  `"Nurse 👩\u200d⚕\ufe0f plan"`,
		"long":   strings.Repeat("n", 80),
		"accent": `"Cafe\u0301 stretch"`,
	} {
		f := writeFile(t, dir, id+".yaml", "corecoach: 1\nid: "+id+"\nname: "+name+"\nexercises:\n  - use: plank\n")
		if code, _, stderr := runIn(t, dir, "routine", "add", f); code != 0 {
			t.Fatalf("add %s: %s", id, stderr)
		}
	}
	code, stdout, _ := runIn(t, dir, "routine", "list")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	col := -1
	for _, l := range lines {
		i := strings.Index(l, "  1  ")
		if strings.HasPrefix(l, "ID") {
			i = strings.Index(l, "  EXERCISES")
		}
		if i < 0 {
			continue
		}
		at := text.Width(l[:i])
		if col < 0 {
			col = at
		}
		if at != col {
			t.Errorf("column at %d, want %d: %q", at, col, l)
		}
	}
	if !strings.Contains(stdout, strings.Repeat("n", 39)+"…") || strings.Contains(stdout, strings.Repeat("n", 40)) {
		t.Errorf("the long name is not cut to 40 columns:\n%s", stdout)
	}
}
