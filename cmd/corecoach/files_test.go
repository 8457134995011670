package main

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Every command with -o treats every kind of target the same way: nothing
// it points at is destroyed (docs/using-corecoach.md, "Writing to a file").
func TestOutputTargets(t *testing.T) {
	db := seededDB(t)
	dbBefore, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	commands := []struct {
		name string
		args func(out string) []string
		has  string // in what is written
		mode fs.FileMode
		keep bool // refuses to replace an existing file
	}{
		{"export", func(o string) []string { return []string{"export", "-o", o} }, `"corecoach-history"`, 0o600, false},
		{"report", func(o string) []string { return []string{"report", "-o", o} }, "Exercise and pain report", 0o600, false},
		{"routine print", func(o string) []string { return []string{"routine", "print", "core-basics", "-o", o} }, "Core basics", 0o644, false},
		{"routine new", func(o string) []string { return []string{"routine", "new", "-o", o} }, "corecoach: 1", 0o644, true},
	}
	// A target: set it up in dir, then check what the command did to it.
	type target struct {
		name  string
		setup func(t *testing.T, dir string) string
		code  func(keep bool) int
		check func(t *testing.T, dir, path, has string, mode fs.FileMode, keep bool, r cmdResult)
	}
	ok := func(bool) int { return 0 }
	refusedWhenKept := func(keep bool) int {
		if keep {
			return 1
		}
		return 0
	}
	targets := []target{
		{"new file", func(t *testing.T, dir string) string { return filepath.Join(dir, "new") }, ok,
			func(t *testing.T, dir, path, has string, mode fs.FileMode, _ bool, _ cmdResult) {
				assertFile(t, path, has, mode)
			}},
		{"regular file", func(t *testing.T, dir string) string { return writeFile(t, dir, "old", "old\n") }, refusedWhenKept,
			func(t *testing.T, dir, path, has string, mode fs.FileMode, keep bool, r cmdResult) {
				if keep {
					assertContent(t, path, "old\n")
					assertHas(t, r.stderr, path+" already exists")
					return
				}
				assertFile(t, path, has, mode)
			}},
		{"link to a file", func(t *testing.T, dir string) string {
			writeFile(t, dir, "real", "old\n")
			return symlink(t, "real", filepath.Join(dir, "link"))
		}, refusedWhenKept,
			func(t *testing.T, dir, path, has string, mode fs.FileMode, keep bool, _ cmdResult) {
				assertLink(t, path, "real")
				if keep {
					assertContent(t, filepath.Join(dir, "real"), "old\n")
					return
				}
				assertFile(t, filepath.Join(dir, "real"), has, mode)
			}},
		{"link to a link to a new file", func(t *testing.T, dir string) string {
			symlink(t, filepath.Join(dir, "real"), filepath.Join(dir, "inner"))
			return symlink(t, "inner", filepath.Join(dir, "outer"))
		}, ok,
			func(t *testing.T, dir, path, has string, mode fs.FileMode, _ bool, _ cmdResult) {
				assertLink(t, path, "inner")
				assertLink(t, filepath.Join(dir, "inner"), filepath.Join(dir, "real"))
				assertFile(t, filepath.Join(dir, "real"), has, mode)
			}},
		{"device", func(t *testing.T, dir string) string {
			// A null device of our own: the test never risks /dev/null.
			path := filepath.Join(dir, "null")
			if err := syscall.Mknod(path, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
				t.Skipf("cannot make a device node here: %v", err)
			}
			return path
		}, ok,
			func(t *testing.T, dir, path, _ string, _ fs.FileMode, _ bool, _ cmdResult) {
				if info, err := os.Lstat(path); err != nil || info.Mode()&fs.ModeCharDevice == 0 {
					t.Errorf("%s is no longer a character device: %v %v", path, info.Mode(), err)
				}
			}},
		{"pipe", func(t *testing.T, dir string) string {
			path := filepath.Join(dir, "fifo")
			if err := syscall.Mkfifo(path, 0o600); err != nil {
				t.Skipf("cannot make a FIFO here: %v", err)
			}
			return path
		}, ok, nil}, // checked by the reader below
		{"standard output", func(*testing.T, string) string { return "-" }, ok,
			func(t *testing.T, _, _, has string, _ fs.FileMode, _ bool, r cmdResult) { assertHas(t, r.stdout, has) }},
		{"empty", func(*testing.T, string) string { return "" }, func(bool) int { return 2 },
			func(t *testing.T, _, _, _ string, _ fs.FileMode, _ bool, r cmdResult) {
				assertHas(t, r.stderr, "-o/--output cannot be empty; give a FILE or leave the flag out")
			}},
		{"folder", func(t *testing.T, dir string) string { return dir }, func(bool) int { return 1 },
			func(t *testing.T, _, path, _ string, _ fs.FileMode, _ bool, r cmdResult) {
				assertHas(t, r.stderr, path+": it is a folder")
			}},
		{"the database", func(*testing.T, string) string { return db }, func(bool) int { return 1 },
			func(t *testing.T, _, path, _ string, _ fs.FileMode, _ bool, r cmdResult) {
				assertHas(t, r.stderr, path+" is the database")
			}},
		{"a link to the database", func(t *testing.T, dir string) string { return symlink(t, db, filepath.Join(dir, "db-link")) }, func(bool) int { return 1 },
			func(t *testing.T, _, path, _ string, _ fs.FileMode, _ bool, r cmdResult) {
				assertHas(t, r.stderr, path+" is the database")
				assertLink(t, path, db)
			}},
		{"the database through another path", func(*testing.T, string) string {
			return filepath.Join(filepath.Dir(db), ".", "..", filepath.Base(filepath.Dir(db)), filepath.Base(db))
		}, func(bool) int { return 1 },
			func(t *testing.T, _, _, _ string, _ fs.FileMode, _ bool, r cmdResult) {
				assertHas(t, r.stderr, " is the database")
			}},
	}
	for _, c := range commands {
		for _, tg := range targets {
			t.Run(c.name+"/"+tg.name, func(t *testing.T) {
				dir := t.TempDir()
				path := tg.setup(t, dir)
				var read chan []byte
				if tg.name == "pipe" {
					read = make(chan []byte)
					go func() {
						f, err := os.Open(path) // blocks until the command opens it
						if err != nil {
							read <- nil
							return
						}
						data, _ := io.ReadAll(f)
						f.Close()
						read <- data
					}()
				}
				r := runCmd(append([]string{"--db", db}, c.args(path)...)...)
				if want := tg.code(c.keep); r.code != want {
					t.Fatalf("exit %d, want %d; stderr: %s", r.code, want, r.stderr)
				}
				if r.code == 0 && path != "-" && r.stdout != "" {
					t.Errorf("stdout = %q, want nothing", r.stdout)
				}
				if r.code != 0 && strings.Count(r.stderr, "\n") > 2 {
					t.Errorf("more than one clear sentence: %q", r.stderr)
				}
				if read != nil {
					assertHas(t, string(<-read), c.has)
					if info, err := os.Lstat(path); err != nil || info.Mode()&fs.ModeNamedPipe == 0 {
						t.Errorf("%s is no longer a FIFO: %v", path, err)
					}
				} else {
					tg.check(t, dir, path, c.has, c.mode, c.keep, r)
				}
				assertNoTempFiles(t, dir)
			})
		}
	}
	if after, err := os.ReadFile(db); err != nil || !bytes.Equal(after, dbBefore) {
		t.Errorf("the database changed (%v)", err)
	}
	assertNoTempFiles(t, filepath.Dir(db))
}

// A database not created yet is refused as a target too: the file there
// would otherwise stop the database being created.
func TestOutputRefusesDatabaseNotYetCreated(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "later.db")
	r := runCmd("--db", db, "routine", "print", "core-basics", "-o", db)
	if r.code != 1 || !strings.Contains(r.stderr, db+" is the database") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if _, err := os.Lstat(db); !os.IsNotExist(err) {
		t.Errorf("%s was created: %v", db, err)
	}
}

// A handout written over the routine file it is printed from would lose the
// therapist's file: refused, through a link or another spelling too.
func TestOutputRefusesTheFileItIsMadeFrom(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "plan.yaml")
	body := []byte("corecoach: 1\nname: Plan\nexercises:\n  - use: plank\n")
	if err := os.WriteFile(src, body, 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink(src, link); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "x.db")
	for _, out := range []string{src, link, dir + "/./plan.yaml"} {
		r := runCmd("--db", db, "routine", "print", src, "-o", out)
		if r.code != 1 || !strings.Contains(r.stderr, "is the file the output is made from") {
			t.Errorf("-o %s: exit %d, stderr %q", out, r.code, r.stderr)
		}
	}
	if got, _ := os.ReadFile(src); string(got) != string(body) {
		t.Errorf("the routine file changed: %q", got)
	}
	if r := runCmd("--db", db, "routine", "print", link, "-o", filepath.Join(dir, "handout.md")); r.code != 0 {
		t.Errorf("a handout beside it: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestDocumentFormat(t *testing.T) {
	handout := []string{"md", "html"}
	withJSON := []string{"md", "html", "json"}
	tests := []struct {
		flag      string
		explicit  bool
		out       string
		supported []string
		want      string
		err       string
	}{
		{flag: "md", out: "", supported: handout, want: "md"},
		{flag: "md", out: "-", supported: handout, want: "md"},
		{flag: "md", out: "notes.txt", supported: handout, want: "md"},
		{flag: "md", out: "Report.HTML", supported: handout, want: "html"},
		{flag: "md", out: "r.htm", supported: handout, want: "html"},
		{flag: "md", out: "r.markdown", supported: handout, want: "md"},
		{flag: "md", out: "r.json", supported: withJSON, want: "json"},
		{flag: "md", out: "r.json", supported: handout, err: "r.json names a json file, which this command cannot write; use md or html"},
		{flag: "html", explicit: true, out: "r.txt", supported: handout, want: "html"},
		{flag: "html", explicit: true, out: "-", supported: handout, want: "html"},
		{flag: "html", explicit: true, out: "r.html", supported: handout, want: "html"},
		{flag: "md", explicit: true, out: "r.html", supported: handout, want: "md"},
		{flag: "pdf", explicit: true, out: "", supported: handout, err: `unknown format "pdf" for --format; use md or html`},
		{flag: "json", explicit: true, out: "", supported: handout, err: `unknown format "json" for --format; use md or html`},
	}
	for _, tt := range tests {
		got, err := documentFormat(tt.flag, tt.explicit, tt.out, tt.supported)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) || exitCode(err) != exitUsage {
				t.Errorf("documentFormat(%q, %v, %q) = %q, %v; want usage error %q", tt.flag, tt.explicit, tt.out, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("documentFormat(%q, %v, %q) = %q, %v; want %q", tt.flag, tt.explicit, tt.out, got, err, tt.want)
		}
	}
}

func symlink(t *testing.T, target, link string) string {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	return link
}

func assertFile(t *testing.T, path, has string, mode fs.FileMode) {
	t.Helper()
	info, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	if !info.Mode().IsRegular() || info.Mode().Perm() != mode {
		t.Errorf("%s: mode %v, want a regular file %v", path, info.Mode(), mode)
	}
	data, _ := os.ReadFile(path)
	assertHas(t, string(data), has)
}

func assertContent(t *testing.T, path, want string) {
	t.Helper()
	if data, err := os.ReadFile(path); err != nil || string(data) != want {
		t.Errorf("%s = %q (%v), want %q", path, data, err, want)
	}
}

func assertLink(t *testing.T, path, to string) {
	t.Helper()
	if got, err := os.Readlink(path); err != nil || got != to {
		t.Errorf("%s links to %q (%v), want %q", path, got, err, to)
	}
}

func assertHas(t *testing.T, s, want string) {
	t.Helper()
	if !strings.Contains(s, want) {
		t.Errorf("%q does not contain %q", s, want)
	}
}
