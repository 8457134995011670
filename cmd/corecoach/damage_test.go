package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// qaDB is the QA report's database: an added routine and 12 imported
// sessions. It returns the database and the history document.
func qaDB(t *testing.T) (db, doc string) {
	t.Helper()
	dir := t.TempDir()
	db, doc = filepath.Join(dir, "s.db"), filepath.Join(dir, "a.json")
	routine := filepath.Join(dir, "mine.yaml")
	writeTestFile(t, routine, "corecoach: 1\nid: mine\nname: Mine\nexercises:\n  - use: plank\n")
	var sessions []string
	for i := range 12 {
		sessions = append(sessions, fmt.Sprintf(`{"id":"S%02d","started_at":"2026-01-%02dT08:00:00Z","status":"completed"}`, i, i+1))
	}
	writeTestFile(t, doc, `{"format":"corecoach-history","version":1,"sessions":[`+strings.Join(sessions, ",")+`]}`)
	for _, args := range [][]string{{"routine", "add", routine}, {"import", doc}} {
		if r := runCmd(append([]string{"--db", db}, args...)...); r.code != 0 {
			t.Fatalf("%v: exit %d %q", args, r.code, r.stderr)
		}
	}
	return db, doc
}

func writeTestFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// randomPage is `head -c 4096 /dev/urandom | dd of=DB bs=4096 seek=N conv=notrunc`.
func randomPage(t *testing.T, db string, n int) []byte {
	t.Helper()
	data, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(uint64(n), 1))
	for i := n * 4096; i < (n+1)*4096; i++ {
		data[i] = byte(rng.Uint32())
	}
	writeTestFile(t, db, string(data))
	return data
}

// Every command refuses a damaged file with one plain sentence, and none
// writes to it.
func TestDamagedDatabase(t *testing.T) {
	for _, page := range []int{0, 1, 4} {
		db, doc := qaDB(t)
		data := randomPage(t, db, page)
		routine := filepath.Join(t.TempDir(), "other.yaml")
		writeTestFile(t, routine, "corecoach: 1\nid: other\nname: Other\nexercises:\n  - use: plank\n")
		commands := [][]string{{"check"}, {"import", doc}, {"routine", "add", routine}}
		if page < 2 {
			commands = append(commands, []string{"history"}, []string{"stats"}, []string{"export"})
		}
		for _, args := range commands {
			r := runCmd(append([]string{"--db", db}, args...)...)
			low := strings.ToLower(r.stderr)
			if r.code != 1 || !strings.Contains(r.stderr, "database "+db+" is damaged (") ||
				strings.Contains(low, "panic") || strings.Contains(low, "runtime error") {
				t.Errorf("page %d, %v: exit %d %q", page, args, r.code, r.stderr)
			}
			if after, _ := os.ReadFile(db); !bytes.Equal(after, data) {
				t.Errorf("page %d, %v wrote to the damaged file", page, args)
			}
		}
	}
}

func TestEmptyDBFlag(t *testing.T) {
	t.Setenv("CORECOACH_DB", filepath.Join(t.TempDir(), "env.db"))
	r := runCmd("--db", "", "history")
	if r.code != 2 || !strings.Contains(r.stderr, "--db cannot be empty; give a FILE or leave the flag out") {
		t.Errorf("exit %d %q", r.code, r.stderr)
	}
}

// Text from an imported document never reaches the terminal raw: what
// the text policy refuses is removed on import, as from a typed note, and
// the session imported; an unknown zone is refused. Ids are kept as given
// (an export never rewrites one) and only shown quoted.
func TestImportRefusesTerminalControls(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	doc := filepath.Join(t.TempDir(), "d.json")
	writeTestFile(t, doc, `{"format":"corecoach-history","version":1,"sessions":[{"id":"n","zone":"Mars/Olympus","started_at":"2026-01-02T10:00:00Z","status":"completed"}]}`)
	r := runCmd("--db", db, "import", doc)
	if r.code != 1 || !strings.Contains(r.stderr, doc+": history document: session 1 (id n): zone") {
		t.Errorf("zone: exit %d %q", r.code, r.stderr)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a refused import created the database")
	}
	writeTestFile(t, doc, `{"format":"corecoach-history","version":1,"sessions":[{"id":"n","note":"\u001b]0;PWN\u0007tight \u202eleft","routine":{"name":"\u009b31mCore\u200b basics"},"started_at":"2026-01-02T10:00:00Z","status":"completed"}]}`)
	if r := runCmd("--db", db, "import", doc); r.code != 0 {
		t.Fatalf("import: exit %d %q", r.code, r.stderr)
	}
	for _, format := range []string{"", "--json", "--csv"} {
		args := []string{"--db", db, "history"}
		if format != "" {
			args = append(args, format)
		}
		r := runCmd(args...)
		out := r.stdout + r.stderr
		if r.code != 0 || !strings.Contains(out, "tight left") || !strings.Contains(out, "31mCore basics") || strings.ContainsAny(out, "\x1b\x07\u009b\u202e\u200b") {
			t.Errorf("history %s: exit %d %q", format, r.code, out)
		}
	}
}
