package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"corecoach/storage"
)

const (
	diffV1 = "corecoach: 1\nid: lower-back\nname: Lower back, week 1\nexercises:\n  - use: plank\n    sets: 3\n    hold: 20s\n  - use: bird-dog\n    sets: 2\n    reps: 5\n    hold: 8s\n    relax: 0s\n"
	diffV2 = "corecoach: 1\nid: lower-back\nname: Lower back, week 2\nexercises:\n  - use: plank\n    sets: 3\n    hold: 30s\n  - use: bird-dog\n    sets: 3\n    reps: 5\n    hold: 8s\n"
)

func TestRoutineDiffCommand(t *testing.T) {
	dir := t.TempDir()
	v1 := writeFile(t, dir, "v1.yaml", diffV1)
	v2 := writeFile(t, dir, "v2.yaml", diffV2)
	v1again := writeFile(t, dir, "v1-commented.yaml", "# the same, with comments\n"+strings.Replace(diffV1, "hold: 20s", "hold: 20s   # seconds", 1))
	bad := writeFile(t, dir, "bad.yaml", "corecoach: 1\nname: X\nexercises:\n  - use: plnak\n    hodl: 3s\n")
	tests := []struct {
		name      string
		args      []string
		code      int
		stdout    []string // substrings, in order
		stderr    []string
		notStdout string
	}{
		{"files that differ", []string{v1, v2}, 0,
			[]string{"From: Lower back, week 1 (" + v1 + ")", "To:   Lower back, week 2 (" + v2 + ")",
				"Total time: 5 min 10 s -> 8 min 27 s (3 min 17 s longer)",
				`~ Name: "Lower back, week 1" -> "Lower back, week 2"`,
				"~ Plank: hold 20s -> 30s", "~ Bird dog: sets 2 -> 3, relax 3s added"}, nil, "No differences"},
		{"--exit-code when they differ", []string{v1, v2, "--exit-code"}, 1, []string{"~ Plank: hold 20s -> 30s"}, nil, ""},
		{"--exit-code when the same", []string{v1, v1again, "--exit-code"}, 0, []string{"No differences."}, nil, "~"},
		{"the same routine", []string{"core-basics", "core-basics"}, 0, []string{"Total time: 12 min 17 s (the same)", "No differences."}, nil, ""},
		{"two built-ins", []string{"core-basics", "mcgill-big-3"}, 0,
			[]string{"From: Core basics (built-in)", "To:   McGill big three (built-in)", "~ Id: core-basics -> mcgill-big-3", "Exercises:", "added as no. 1"}, nil, ""},
		{"an invalid file", []string{v1, bad}, 1, nil,
			[]string{bad + `:4:10: unknown exercise "plnak"; did you mean "plank"?` + "\n" + bad + `:5:5: unknown key "hodl"; did you mean "hold"?`}, "From:"},
		{"both wrong, both reported", []string{bad, "core-basic"}, 1, nil,
			[]string{bad + ":4:10:", `no routine "core-basic"; did you mean "core-basics"?`}, "From:"},
		{"one argument", []string{v1}, 2, nil, []string{"routine diff needs NEW"}, ""},
		{"json", []string{v1, v2, "--json", "--exit-code"}, 1, []string{`"format": "corecoach-routine-diff"`, `"same": false`}, nil, "From:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runIn(t, dir, append([]string{"routine", "diff"}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, stdout, stderr)
			}
			assertInOrder(t, "stdout", stdout, tt.stdout)
			assertInOrder(t, "stderr", stderr, tt.stderr)
			if tt.notStdout != "" && strings.Contains(stdout, tt.notStdout) {
				t.Errorf("stdout has %q:\n%s", tt.notStdout, stdout)
			}
			if strings.Contains(stdout, "\x1b") {
				t.Errorf("colour in output that is not a terminal: %q", stdout)
			}
		})
	}
}

func TestRoutineDiffJSON(t *testing.T) {
	dir := t.TempDir()
	v1 := writeFile(t, dir, "v1.yaml", diffV1)
	v2 := writeFile(t, dir, "v2.yaml", diffV2)
	code, stdout, stderr := runIn(t, dir, "routine", "diff", "--json", v1, v2)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc struct {
		Same bool `json:"same"`
		Old  struct {
			Source       string `json:"source"`
			TotalSeconds int    `json:"total_seconds"`
		} `json:"old"`
		Changes []struct {
			Field    string `json:"field"`
			Old, New any
		} `json:"changes"`
		Exercises []struct {
			Change  string `json:"change"`
			ID      string `json:"id"`
			Changes []struct {
				Field    string `json:"field"`
				Old, New any
			} `json:"changes"`
		} `json:"exercises"`
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	if doc.Same || doc.Old.Source != v1 || doc.Old.TotalSeconds != 310 || len(doc.Changes) != 1 || doc.Changes[0].Field != "name" {
		t.Errorf("document: %+v", doc)
	}
	if len(doc.Exercises) != 2 || doc.Exercises[0].ID != "plank" || len(doc.Exercises[0].Changes) != 1 ||
		doc.Exercises[0].Changes[0].Old != 20.0 || doc.Exercises[0].Changes[0].New != 30.0 {
		t.Errorf("exercises: %+v", doc.Exercises)
	}
}

// TestRoutineAddNewVersion: adding a new version of an added routine shows
// what changes and replaces it only when confirmed.
func TestRoutineAddNewVersion(t *testing.T) {
	added := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name        string
		interactive bool
		answer      string
		flags       []string
		code        int
		stdout      []string
		stderr      []string
		replaced    bool
	}{
		{"yes on a terminal", true, "y\n", nil, 0,
			[]string{"is another version of lower-back than the one added before. What changes:", "From: Lower back, week 1 (added 2026-11-02)",
				"~ Plank: hold 20s -> 30s", "Replace lower-back with this version? [y/N] ", "Replaced lower-back (Lower back, week 2)"}, nil, true},
		{"YES on a terminal", true, "YES\n", nil, 0, []string{"Replaced lower-back"}, nil, true},
		{"no on a terminal", true, "n\n", nil, 0,
			[]string{"~ Plank: hold 20s -> 30s", "[y/N] ", "Kept the version added before; nothing was changed."}, nil, false},
		{"enter on a terminal is no", true, "\n", nil, 0, []string{"Kept the version added before"}, nil, false},
		{"end of input is no", true, "", nil, 0, []string{"Kept the version added before"}, nil, false},
		{"not a terminal", false, "y\n", nil, 1,
			[]string{"~ Plank: hold 20s -> 30s"}, []string{"would replace the routine lower-back added before; nothing was changed. Run again with --yes to replace it"}, false},
		{"not a terminal, --yes", false, "", []string{"--yes"}, 0, []string{"~ Plank: hold 20s -> 30s", "Replaced lower-back"}, nil, true},
		{"on a terminal, -y asks nothing", true, "n\n", []string{"-y"}, 0, []string{"Replaced lower-back"}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "test.db")
			v1 := writeFile(t, dir, "v1.yaml", diffV1)
			v2 := writeFile(t, dir, "v2.yaml", diffV2)
			var out, errb bytes.Buffer
			a := newApp(&out, &errb)
			a.now = func() time.Time { return added }
			if code := a.run([]string{"--db", db, "routine", "add", v1}); code != 0 {
				t.Fatalf("first add: exit %d: %s", code, errb.String())
			}
			out.Reset()
			a.stdin = strings.NewReader(tt.answer)
			a.interactive = func() bool { return tt.interactive }
			a.now = func() time.Time { return added.AddDate(0, 0, 7) }
			code := a.run(append([]string{"--db", db, "routine", "add", v2}, tt.flags...))
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, out.String(), errb.String())
			}
			assertInOrder(t, "stdout", out.String(), tt.stdout)
			assertInOrder(t, "stderr", errb.String(), tt.stderr)
			if asked, want := strings.Contains(out.String(), "[y/N]"), tt.interactive && len(tt.flags) == 0; asked != want {
				t.Errorf("asked = %v, want %v:\n%s", asked, want, out.String())
			}
			st, err := storage.Open(db)
			if err != nil {
				t.Fatal(err)
			}
			files, err := st.Routines()
			if err != nil || len(files) != 1 {
				t.Fatalf("library: %v, %d files", err, len(files))
			}
			if got := files[0].Name == "Lower back, week 2"; got != tt.replaced {
				t.Errorf("stored %q; replaced = %v, want %v", files[0].Name, got, tt.replaced)
			}
		})
	}
}

// TestRoutineAddOnlyComments: a new file that differs from the added one
// only in comments or layout replaces it without a question.
func TestRoutineAddOnlyComments(t *testing.T) {
	dir := t.TempDir()
	v1 := writeFile(t, dir, "v1.yaml", diffV1)
	again := writeFile(t, dir, "again.yaml", "# reviewed, no change\n"+diffV1)
	if code, _, stderr := runIn(t, dir, "routine", "add", v1); code != 0 {
		t.Fatal(stderr)
	}
	code, stdout, stderr := runIn(t, dir, "routine", "add", again)
	if code != 0 || !strings.Contains(stdout, "Replaced lower-back") || strings.Contains(stdout, "What changes") {
		t.Errorf("exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
}

// TestE2ERoutineAddAsks adds a routine and then its new version in a
// terminal, as a client would, and answers the question.
func TestE2ERoutineAddAsks(t *testing.T) {
	bin, db, _ := e2eSetup(t)
	dir := t.TempDir()
	v1 := writeFile(t, dir, "v1.yaml", diffV1)
	v2 := writeFile(t, dir, "v2.yaml", diffV2)
	for _, answer := range []string{"n", "y"} {
		if code := startTerminal(t, bin, "--db", db, "routine", "add", v1).exitCode(); code != 0 {
			t.Fatalf("add v1: exit %d", code)
		}
		term := startTerminal(t, bin, "--db", db, "routine", "add", v2)
		term.waitFor("~ Bird dog: sets 2 -> 3, relax 3s added")
		term.waitFor("Replace lower-back with this version? [y/N]")
		term.send(answer + "\r")
		want := map[string]string{"n": "Kept the version added before", "y": "Replaced lower-back (Lower back, week 2)"}[answer]
		term.waitFor(want)
		if code := term.exitCode(); code != 0 {
			t.Fatalf("answer %s: exit %d; output:\n%q", answer, code, term.out.String())
		}
		st, err := storage.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		files, err := st.Routines()
		if err != nil || len(files) != 1 {
			t.Fatalf("library: %v, %d files", err, len(files))
		}
		if got, want := files[0].Name, map[string]string{"n": "Lower back, week 1", "y": "Lower back, week 2"}[answer]; got != want {
			t.Errorf("answer %s: stored %q, want %q", answer, got, want)
		}
	}
}
