package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/creack/pty"
)

// Sessions refuse, in plain words and before touching the database, to run
// without a terminal for keys and screen.
func TestRunNeedsTerminal(t *testing.T) {
	ptm, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	t.Cleanup(func() { ptm.Close(); tty.Close() })
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pr.Close(); pw.Close() })
	stdin := os.Stdin
	t.Cleanup(func() { os.Stdin = stdin })

	tests := []struct {
		name   string
		args   []string
		stdin  *os.File
		stdout io.Writer
		which  string
	}{
		{"run, input from a pipe", []string{"run"}, pr, tty, "standard input is not one"},
		{"home, input from a pipe", nil, pr, tty, "standard input is not one"},
		{"run, output to a buffer", []string{"run", "desk-break"}, tty, &bytes.Buffer{}, "standard output is not one"},
		{"home, output to a file", nil, tty, pw, "standard output is not one"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "test.db")
			os.Stdin = tt.stdin
			var stderr bytes.Buffer
			code := run(append([]string{"--db", db}, tt.args...), tt.stdout, &stderr)
			if code != exitFailure {
				t.Errorf("exit %d, want %d", code, exitFailure)
			}
			want := "corecoach: sessions need a terminal, and " + tt.which +
				"; for scripts use 'corecoach history', 'stats' or 'report'\n"
			if got := stderr.String(); got != want {
				t.Errorf("stderr %q, want %q", got, want)
			}
			if strings.Contains(stderr.String(), "TTY") {
				t.Errorf("stderr speaks of the library: %q", stderr.String())
			}
			if _, err := os.Stat(db); !os.IsNotExist(err) {
				t.Errorf("a database was created without a session: %v", err)
			}
		})
	}
}

// A file damaged in its session pages opens, since only some reads touch
// them: the interface checks the pages first and refuses to start a session
// it could not save, before the screen changes and without writing.
func TestE2EDamagedDatabaseRefusedBeforeTheInterface(t *testing.T) {
	bin, _, _ := e2eSetup(t)
	for _, args := range [][]string{{"run", "mine"}, {}} {
		db, _ := qaDB(t)
		data := randomPage(t, db, 4)
		term := startTerminal(t, bin, append([]string{"--db", db}, args...)...)
		if code := term.exitCode(); code != 1 {
			t.Errorf("%v: exit %d; want 1\n%q", args, code, term.output())
		}
		term.waitFor("database " + db + " is damaged (")
		if after, _ := os.ReadFile(db); !bytes.Equal(after, data) {
			t.Errorf("%v wrote to the damaged file", args)
		}
	}
}
