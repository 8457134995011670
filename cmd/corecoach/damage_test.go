package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
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
	for _, page := range []int{4} {
		db, doc := qaDB(t)
		data := randomPage(t, db, page)
		routine := filepath.Join(t.TempDir(), "other.yaml")
		writeTestFile(t, routine, "corecoach: 1\nid: other\nname: Other\nexercises:\n  - use: plank\n")
		commands := [][]string{{"check"}, {"import", doc}, {"routine", "add", routine}}
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

// flipByte spoils one stored session as one flipped byte on disk would:
// the first byte of its JSON record, found by its id.
func flipByte(t *testing.T, db, id string) []byte {
	t.Helper()
	data, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(data, []byte(`{"id":"`+id+`"`))
	if i < 0 {
		t.Fatalf("no record of %s in the file", id)
	}
	data[i] = 'x'
	writeTestFile(t, db, string(data))
	return data
}

// One flipped byte in one session locks no one out: history, export,
// stats and report write everything else, name the damaged session on
// stderr and exit 1; what export writes imports into a new database;
// check says how; nothing writes to the file.
func TestDamagedRecordLeftOut(t *testing.T) {
	db, doc := qaDB(t)
	data := flipByte(t, db, "S03")
	named := "session S03 (started 2026-01-04 08:00 UTC) does not read back: invalid character"
	rescue := filepath.Join(t.TempDir(), "rescue.json")
	routine := filepath.Join(t.TempDir(), "other.yaml")
	writeTestFile(t, routine, "corecoach: 1\nid: other\nname: Other\nexercises:\n  - use: plank\n")
	tests := []struct {
		args []string
		out  string // on stdout
	}{
		{[]string{"history"}, "2026-01-12 08:00"},
		{[]string{"history", "--json"}, `"id": "S11"`},
		{[]string{"export"}, `"id": "S11"`},
		{[]string{"export", "-o", rescue}, ""},
		// The daily roll-up, which reads back, still counts the day.
		{[]string{"stats", "--as-of", "2026-01-12"}, "Current streak     12 days"},
		{[]string{"report", "--since", "2026-01-01"}, "#"},
	}
	for _, tt := range tests {
		r := runCmd(append([]string{"--db", db}, tt.args...)...)
		if r.code != 1 || !strings.Contains(r.stdout, tt.out) || strings.Contains(r.stdout, `"S03"`) ||
			!strings.Contains(r.stderr, "corecoach: database "+db+" is damaged: 1 record does not read back and was left out\n  "+named) ||
			!strings.HasSuffix(r.stderr, "'corecoach check' says how to save what the file holds\n") {
			t.Errorf("%v: exit %d\n%s\n%s", tt.args, r.code, r.stdout, r.stderr)
		}
	}
	for _, args := range [][]string{{"import", doc}, {"routine", "add", routine}} {
		if r := runCmd(append([]string{"--db", db}, args...)...); r.code != 1 || !strings.Contains(r.stderr, "is damaged ("+named) {
			t.Errorf("%v: exit %d %q", args, r.code, r.stderr)
		}
	}
	r := runCmd("--db", db, "check")
	if r.code != 1 || !strings.Contains(r.stderr, "is damaged ("+named) || !strings.Contains(r.stderr, "export -o rescue.json") {
		t.Errorf("check: exit %d %q", r.code, r.stderr)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(after, data) {
		t.Error("the damaged file was written to")
	}
	fresh := filepath.Join(t.TempDir(), "new.db")
	if r := runCmd("--db", fresh, "import", rescue); r.code != 0 || r.stdout != "imported 11 sessions and 1 routine (0 already present)\n" { // the added routine travels too
		t.Errorf("import of the rescue: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
}

// A file cut short anywhere from 8 KiB to the end of its used pages: every
// command says it is damaged, exit 1, with no crash and the file untouched.
func TestTruncatedDatabase(t *testing.T) {
	db, doc := qaDB(t)
	full, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	used := 0
	for page := range 2 { // the larger page count of the two meta pages
		used = max(used, int(binary.NativeEndian.Uint64(full[page*4096+16+40:]))*4096)
	}
	for _, size := range []int{8192, 3 * 4096, used / 2, used - 1} {
		cut := filepath.Join(t.TempDir(), "cut.db")
		writeTestFile(t, cut, string(full[:size]))
		for _, args := range [][]string{{"check"}, {"history"}, {"stats"}, {"export"}, {"report"}, {"import", doc}, {"routine", "list"}} {
			r := runCmd(append([]string{"--db", cut}, args...)...)
			low := strings.ToLower(r.stderr)
			if r.code != 1 || !strings.Contains(r.stderr, "database "+cut+" is damaged (the file is cut short: it ends at ") ||
				strings.Contains(low, "goroutine") || strings.Contains(low, "sigbus") || strings.Contains(low, "panic") {
				t.Errorf("size %d, %v: exit %d %q", size, args, r.code, r.stderr)
			}
			if after, _ := os.ReadFile(cut); !bytes.Equal(after, full[:size]) {
				t.Errorf("size %d, %v changed the file", size, args)
			}
		}
	}
}

// A torn meta page: the first command copies the file aside, mends it and
// says so once, on stderr; check says the same; the next finds it sound.
func TestTornDatabase(t *testing.T) {
	for _, first := range []string{"history", "check"} {
		db, _ := qaDB(t)
		randomPage(t, db, 0)
		r := runCmd("--db", db, first)
		out := r.stderr
		if first == "check" {
			out = r.stdout
		}
		if r.code != 0 || !strings.Contains(out, "database "+db+": its last write was torn (meta page 0: ") ||
			!strings.Contains(out, "A copy of the file as it was is at "+db+".torn-") {
			t.Errorf("%s: exit %d %q %q", first, r.code, r.stdout, r.stderr)
		}
		copies, _ := filepath.Glob(db + ".torn-*")
		if len(copies) != 1 {
			t.Fatalf("copies: %q", copies)
		}
		if fi, err := os.Stat(copies[0]); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("copy mode %v, %v", fi.Mode(), err)
		}
		if r := runCmd("--db", db, "check"); r.code != 0 || strings.Contains(r.stdout+r.stderr, "torn") || !strings.HasPrefix(r.stdout, "ok: ") {
			t.Errorf("check after: exit %d %q %q", r.code, r.stdout, r.stderr)
		}
	}
}

// What check says of files that are no database, or none yet: never
// "remove" for what is not a regular file, never "newer" for schema 0.
func TestCheckWhatItIs(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	writeTestFile(t, text, strings.Repeat("x", 5000))
	db, _ := qaDB(t)
	raw, err := bolt.Open(db, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if err := raw.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("meta")).Put([]byte("schema_version"), make([]byte, 8))
	}); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	tests := []struct {
		name, db string
		code     int
		want     string
	}{
		{"none yet", filepath.Join(dir, "none.db"), 0, "no database at " + filepath.Join(dir, "none.db") + " yet"},
		{"text", text, 1, "corecoach: " + text + " is not a corecoach database; it was left untouched: choose another file with --db\n"},
		{"device", os.DevNull, 1, "corecoach: " + os.DevNull + " is not a regular file, so not a corecoach database; it was left untouched: choose another file with --db\n"},
		{"folder", dir, 1, "is a folder, not a file"},
		{"schema 0", db, 1, "database " + db + " is damaged (its schema version is 0, which no corecoach writes)"},
	}
	for _, tt := range tests {
		r := runCmd("--db", tt.db, "check")
		if r.code != tt.code || !strings.Contains(r.stdout+r.stderr, tt.want) ||
			strings.Contains(r.stderr, "too small") || strings.Contains(r.stderr, "newer") ||
			tt.name != "schema 0" && strings.Contains(r.stderr, "remove") {
			t.Errorf("%s: exit %d %q %q", tt.name, r.code, r.stdout, r.stderr)
		}
	}
}

// The terminal interface tells of a torn write on its own screen, where the
// client reads it, not on stderr behind the alternate screen.
func TestE2ETornDatabaseToldOnScreen(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := buildBinary(t)
	db, _ := qaDB(t)
	randomPage(t, db, 0)
	term := startTerminal(t, bin, "--db", db)
	term.waitFor("The database ")
	term.send("\x03")
	term.exitCode()
	if out := term.output(); strings.Contains(out, "corecoach: database") {
		t.Errorf("the torn write was told on stderr too:\n%q", out)
	}
	if copies, _ := filepath.Glob(db + ".torn-*"); len(copies) != 1 {
		t.Errorf("copies: %q", copies)
	}
}
