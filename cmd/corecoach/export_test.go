package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"corecoach/storage"
)

func sessionsOf(t *testing.T, doc string) []storage.Session {
	t.Helper()
	h, err := storage.ParseHistory([]byte(doc))
	if err != nil {
		t.Fatalf("%v:\n%s", err, doc)
	}
	return h.Sessions
}

func TestExportImport(t *testing.T) {
	src := seededDB(t)
	dir := t.TempDir()
	dst := filepath.Join(dir, "new.db")
	file := filepath.Join(dir, "history.json")

	out := runCmd("--db", src, "export")
	if out.code != 0 || !strings.HasPrefix(out.stdout, "{\n  \"format\": \"corecoach-history\",\n  \"version\": 2,") {
		t.Fatalf("export: exit %d %q\n%s", out.code, out.stderr, out.stdout)
	}
	if r := runCmd("--db", src, "export", "-o", file); r.code != 0 || r.stdout != "" {
		t.Fatalf("export -o: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := runCmd("--db", dst, "import", file); r.code != 0 || r.stdout != "imported 3 sessions (0 already present)\n" {
		t.Fatalf("import: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := runCmd("--db", dst, "import", file); r.code != 0 || r.stdout != "imported 0 sessions (3 already present)\n" {
		t.Errorf("import again: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	again := runCmd("--db", dst, "export")
	a, b := sessionsOf(t, out.stdout), sessionsOf(t, again.stdout)
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if string(ja) != string(jb) {
		t.Errorf("sessions after export and import differ:\n%s\n%s", ja, jb)
	}
	// -o replaces an older export whole.
	if r := runCmd("--db", dst, "export", "-o", file); r.code != 0 {
		t.Errorf("export -o over a file: exit %d %q", r.code, r.stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("folder holds %d entries; a temporary file was left", len(entries))
	}
}

func TestImportRefused(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	newer := write("newer.json", `{"format":"corecoach-history","version":3,"sessions":[]}`)
	broken := write("broken.json", `{"format":"corecoach-history","version":1,"sessions":[{"id":"a","started_at":"2026-01-01T08:00:00Z","status":"completed"},{"id":"b","status":"completed"}]}`)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"newer", []string{"import", newer}, 1, newer + ": history document is of version 3, written by a newer corecoach"},
		{"invalid", []string{"import", broken}, 1, broken + ": history document: session 2 (id b): started_at is missing"},
		{"missing", []string{"import", filepath.Join(dir, "nope.json")}, 1, "cannot read " + filepath.Join(dir, "nope.json") + ": no such file or directory"},
		{"no file", []string{"import"}, 2, "import needs FILE"},
		{"export arg", []string{"export", "x"}, 2, `export takes no arguments; "x" is extra`},
		{"export to missing folder", []string{"export", "-o", filepath.Join(dir, "no", "h.json")}, 1, "cannot write " + filepath.Join(dir, "no", "h.json")},
	}
	db := filepath.Join(dir, "corecoach.db")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCmd(append([]string{"--db", db}, tt.args...)...)
			if r.code != tt.code || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", r.code, r.stderr, tt.code, tt.want)
			}
		})
	}
	if r := runCmd("--db", db, "history", "--json"); r.stdout != "[]\n" {
		t.Errorf("a refused import wrote sessions: %s", r.stdout)
	}
}

// A session whose id is stored with other content is a conflict: named
// with the fields that differ on stderr, the stored one kept, exit 0.
func TestImportConflict(t *testing.T) {
	dir := t.TempDir()
	db, first, second := filepath.Join(dir, "c.db"), filepath.Join(dir, "1.json"), filepath.Join(dir, "2.json")
	writeTestFile(t, first, `{"format":"corecoach-history","version":1,"sessions":[{"id":"S1","started_at":"2026-01-05T08:00:00Z","status":"completed","pain_after":2}]}`)
	writeTestFile(t, second, `{"format":"corecoach-history","version":1,"sessions":[{"id":"S1","started_at":"2026-01-05T08:00:00Z","status":"completed","pain_after":7,"note":"x"}]}`)
	if r := runCmd("--db", db, "import", first); r.code != 0 {
		t.Fatalf("import: exit %d %q", r.code, r.stderr)
	}
	r := runCmd("--db", db, "import", second)
	if r.code != 0 || r.stdout != "imported 0 sessions (0 already present, 1 conflict kept as stored)\n" ||
		r.stderr != "corecoach: "+second+": session S1 is stored already with a different pain_after and note; the stored one is kept\n" {
		t.Errorf("conflict: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := runCmd("--db", db, "history", "--json"); !strings.Contains(r.stdout, `"pain_after": 2`) {
		t.Errorf("the stored session was not kept: %s", r.stdout)
	}
}

// Everything the database holds goes through export and import: check-ins
// and visits too, and the document comes out the same again.
func TestExportImportEveryRecord(t *testing.T) {
	src := seededDB(t)
	s, err := storage.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveCheckin(storage.Checkin{Date: "2026-03-09", Pain: 5, SessionID: "01A"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveVisit(storage.Visit{ID: "v-01X", Date: "2026-03-07", Kind: "massage", Note: "lumbar"}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	dst, file := filepath.Join(dir, "new.db"), filepath.Join(dir, "a.json")
	// Both exports at one instant, so that exported_at agrees too.
	at := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	var stdout, stderr bytes.Buffer
	if code := runAt(at, []string{"--db", src, "export", "-o", file}, &stdout, &stderr); code != 0 {
		t.Fatalf("export -o: exit %d %q", code, stderr.String())
	}
	if r := runCmd("--db", dst, "import", file); r.code != 0 || r.stdout != "imported 3 sessions, 1 check-in and 1 visit (0 already present)\n" {
		t.Fatalf("import: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := runCmd("--db", dst, "import", file); r.code != 0 || r.stdout != "imported 0 sessions, 0 check-ins and 0 visits (5 already present)\n" {
		t.Errorf("import again: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	before, _ := os.ReadFile(file)
	stdout.Reset()
	if code := runAt(at, []string{"--db", dst, "export"}, &stdout, &stderr); code != 0 || string(before) != stdout.String() {
		t.Errorf("export after import (exit %d) differs:\n%s\nwant\n%s", code, stdout.String(), before)
	}
}
