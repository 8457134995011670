package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
	bolt "go.etcd.io/bbolt"

	"corecoach/storage"
)

// The end-to-end tests build the binary and drive it in a pseudo-terminal
// as a person would, then check what the database holds.

const e2eRoutine = `corecoach: 1
id: e2e
name: End to end
defaults:
  prepare: 0s
  rest: 0s
exercises:
  - name: First hold
    hold: 1s
  - name: Second hold
    sets: 2
    hold: 1s
    rest: 1s
`

// terminal is a running corecoach in a pseudo-terminal.
type terminal struct {
	t    *testing.T
	pty  *os.File
	cmd  *exec.Cmd
	mu   sync.Mutex
	out  bytes.Buffer
	seen int // output before this offset has been matched already
	done chan error
}

func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "corecoach")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func startTerminal(t *testing.T, bin string, args ...string) *terminal {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "NO_COLOR=1")
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 80})
	if err != nil {
		t.Fatal(err)
	}
	term := &terminal{t: t, pty: f, cmd: cmd, done: make(chan error, 1)}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := f.Read(buf)
			term.mu.Lock()
			term.out.Write(buf[:n])
			term.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	go func() { term.done <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = f.Close()
	})
	return term
}

// output is everything written so far; the reader goroutine may still be
// writing.
func (term *terminal) output() string {
	term.mu.Lock()
	defer term.mu.Unlock()
	return term.out.String()
}

// waitFor waits until the output since the last match contains word.
func (term *terminal) waitFor(word string) {
	term.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		term.mu.Lock()
		out := term.out.String()
		term.mu.Unlock()
		if i := strings.Index(out[term.seen:], word); i >= 0 {
			term.seen += i + len(word)
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	term.t.Fatalf("no %q on the screen; output:\n%q", word, term.output())
}

func (term *terminal) send(keys string) {
	term.t.Helper()
	if _, err := term.pty.Write([]byte(keys)); err != nil {
		term.t.Fatal(err)
	}
}

// exitCode waits for the program to end.
func (term *terminal) exitCode() int {
	term.t.Helper()
	select {
	case err := <-term.done:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode()
		}
		if err != nil {
			term.t.Fatal(err)
		}
		return 0
	case <-time.After(10 * time.Second):
		term.t.Fatalf("corecoach did not exit; output:\n%q", term.output())
	}
	return -1
}

func e2eSetup(t *testing.T) (bin, db, routine string) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	routine = filepath.Join(dir, "e2e.yaml")
	if err := os.WriteFile(routine, []byte(e2eRoutine), 0o600); err != nil {
		t.Fatal(err)
	}
	return buildBinary(t), filepath.Join(dir, "e2e.db"), routine
}

func storedSessions(t *testing.T, db string) []storage.Session {
	t.Helper()
	st, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ss, err := st.Sessions()
	if err != nil {
		t.Fatal(err)
	}
	return ss
}

func TestE2EWholeSession(t *testing.T) {
	bin, db, routine := e2eSetup(t)
	term := startTerminal(t, bin, "--db", db, "run", routine)
	term.confirmSafety()
	term.waitFor("limit:")
	term.send("3\r")
	term.waitFor("HOLD")
	term.waitFor("Well") // the session ran to its end
	term.send("1\r")
	term.waitFor("therapist?")
	term.send("felt fine\r")
	term.waitFor("complete")
	term.send("q")
	if code := term.exitCode(); code != 0 {
		t.Fatalf("exit code %d; output:\n%q", code, term.output())
	}

	ss := storedSessions(t, db)
	if len(ss) != 1 {
		t.Fatalf("%d sessions stored, want 1", len(ss))
	}
	s := ss[0]
	if s.Status != storage.StatusCompleted || s.PainBefore == nil || *s.PainBefore != 3 ||
		s.PainAfter == nil || *s.PainAfter != 1 || s.Note != "felt fine" || s.Routine.ID != "e2e" {
		t.Fatalf("stored session = %+v", s)
	}
	if len(s.Exercises) != 2 || s.Exercises[0].SetsDone != 1 || s.Exercises[1].SetsDone != 2 || s.Exercises[1].Seconds != 2 {
		t.Fatalf("exercises = %+v", s.Exercises)
	}
}

// TestE2EInterruptSavesPartial stops a running session by ctrl+c, by kill
// and by closing the terminal (SIGHUP): each keeps a partial session and
// exits non-zero.
func TestE2EInterruptSavesPartial(t *testing.T) {
	bin, _, routine := e2eSetup(t)
	tests := []struct {
		name string
		stop func(term *terminal)
	}{
		{"ctrl+c", func(term *terminal) { term.send("\x03") }},
		{"SIGTERM", func(term *terminal) { _ = term.cmd.Process.Signal(syscall.SIGTERM) }},
		{"SIGHUP", func(term *terminal) { _ = term.cmd.Process.Signal(syscall.SIGHUP) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			db := filepath.Join(t.TempDir(), "e2e.db")
			st, err := storage.Open(db)
			if err != nil {
				t.Fatal(err)
			}
			if err := st.SetSetting("safety_confirmed", "yes"); err != nil {
				t.Fatal(err)
			}
			term := startTerminal(t, bin, "--db", db, "run", "--quiet", routine)
			term.waitFor("limit:")
			term.send("s") // skip the pain check
			term.waitFor("HOLD")
			tt.stop(term)
			if code := term.exitCode(); code == 0 {
				t.Fatal("exit code 0 after an interrupt")
			} else if tt.name == "ctrl+c" && code != exitInterrupted {
				t.Fatalf("exit code %d after ctrl+c, want %d", code, exitInterrupted)
			}
			ss := storedSessions(t, db)
			if len(ss) != 1 || ss[0].Status != storage.StatusPartial || ss[0].EndedAt == nil || ss[0].PainBefore != nil {
				t.Fatalf("stored sessions = %+v", ss)
			}
			// The restored screen says what was kept.
			term.waitFor("Session saved as stopped early.")
		})
	}
}

// has reports whether the output since the last match contains word,
// without consuming it.
func (term *terminal) has(word string) bool {
	term.mu.Lock()
	defer term.mu.Unlock()
	return strings.Contains(term.out.String()[term.seen:], word)
}

// TestE2ESkipEverythingIsPartial runs a built-in routine and skips every
// exercise: the session reached its end but did none of its sets, so it is
// partial, with no praise and no streak.
func TestE2ESkipEverythingIsPartial(t *testing.T) {
	bin, db, _ := e2eSetup(t)
	term := startTerminal(t, bin, "--db", db, "run", "desk-break")
	term.confirmSafety()
	term.waitFor("limit:")
	term.send("2\r")
	term.waitFor("GET READY")
	for i := 0; !term.has("How much pain"); i++ {
		if i == 40 {
			t.Fatalf("the session did not end after %d skips; output:\n%q", i, term.output())
		}
		term.send("n")
		time.Sleep(150 * time.Millisecond)
	}
	term.waitFor("Session over.")
	term.send("\r") // pain after: 2, the score before
	term.waitFor("therapist?")
	term.send("\x1b") // no note
	term.waitFor("Partial session")
	term.waitFor("Streak:")
	term.send("q")
	if code := term.exitCode(); code != 0 {
		t.Fatalf("exit code %d; output:\n%q", code, term.output())
	}
	if strings.Contains(term.output(), "Well done") {
		t.Fatalf("a skipped session was praised; output:\n%q", term.output())
	}

	ss := storedSessions(t, db)
	if len(ss) != 1 || ss[0].Status != storage.StatusPartial || ss[0].EndedAt == nil ||
		ss[0].PainAfter == nil || *ss[0].PainAfter != 2 {
		t.Fatalf("stored sessions = %+v", ss)
	}
	for _, e := range ss[0].Exercises {
		if e.SetsDone != 0 || !e.Skipped {
			t.Fatalf("exercise %+v, want skipped with no set done", e)
		}
	}
	out, err := exec.Command(bin, "--db", db, "stats", "--json").Output()
	if err != nil {
		t.Fatalf("stats: %v", err)
	}
	var st struct {
		Streak    int `json:"current_streak_days"`
		Completed int `json:"sessions_completed"`
		Total     int `json:"sessions_total"`
	}
	if err := json.Unmarshal(out, &st); err != nil {
		t.Fatalf("stats --json: %v\n%s", err, out)
	}
	if st.Streak != 0 || st.Completed != 0 || st.Total != 1 {
		t.Fatalf("stats after a skipped session = %+v", st)
	}
}

// confirmSafety reads the first-run red flags to their end, as enter
// counts only then, and confirms that none applies.
func (term *terminal) confirmSafety() {
	term.t.Helper()
	term.waitFor("bladder")
	term.send(strings.Repeat("j", 60))
	term.waitFor("none applies")
	term.send("\r")
}

// TestE2ELockedAtQuitKeepsRecoveryFile holds the database's lock, as another
// program can, while the session ends and the client quits: nothing is
// claimed saved, the client chooses the recovery file, and the next start
// imports it.
func TestE2ELockedAtQuitKeepsRecoveryFile(t *testing.T) {
	bin, db, routine := e2eSetup(t)
	st, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetSetting("safety_confirmed", "yes"); err != nil {
		t.Fatal(err)
	}
	term := startTerminal(t, bin, "--db", db, "run", "--quiet", routine)
	term.waitFor("limit:")
	term.send("3\r")
	term.waitFor("Well") // the session ran to its end
	term.send("1\r")
	term.waitFor("therapist?")

	lock, err := bolt.Open(db, 0o600, &bolt.Options{Timeout: 5 * time.Second}) // bbolt's flock, held
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	term.send("felt fine\r")
	term.waitFor("Not saved yet")
	term.send("q")
	term.waitFor("(tried once)")
	term.send("r")
	if code := term.exitCode(); code != exitFailure {
		t.Fatalf("exit code %d, want 1; output:\n%q", code, term.output())
	}
	matches, _ := filepath.Glob(storage.RecoveryPath(db, "*"))
	if len(matches) != 1 {
		t.Fatalf("recovery files %v, want one", matches)
	}
	term.waitFor("kept in " + matches[0])
	if fi, err := os.Stat(matches[0]); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("recovery file: %v, %v; want mode 0600", fi, err)
	}
	if err := lock.Close(); err != nil {
		t.Fatal(err)
	}

	next := startTerminal(t, bin, "--db", db)
	next.waitFor("Imported the session of")
	next.send("q")
	if code := next.exitCode(); code != 0 {
		t.Fatalf("exit code %d on the next start; output:\n%q", code, next.output())
	}
	if _, err := os.Stat(matches[0]); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("recovery file still there after the import: %v", err)
	}
	ss := storedSessions(t, db)
	if len(ss) != 1 || ss[0].Status != storage.StatusCompleted || ss[0].PainAfter == nil || *ss[0].PainAfter != 1 ||
		ss[0].Note != "felt fine" || len(ss[0].Exercises) != 2 {
		t.Fatalf("stored sessions = %+v", ss)
	}
}

// TestE2EDamagedDatabaseWritesNothing opens the home screen and `run` on a
// database with one damaged session record (its pages sound): the damage
// screen comes up on its own, before anything is written, and keys that
// would write (confirming the safety screen, starting a session) write
// nothing: the file's bytes are unchanged.
func TestE2EDamagedDatabaseWritesNothing(t *testing.T) {
	bin, _, routine := e2eSetup(t)
	for _, args := range [][]string{{}, {"run", "--quiet", routine}} {
		t.Run(strings.Join(append([]string{"corecoach"}, args...), " "), func(t *testing.T) {
			db, _ := qaDB(t)
			data := flipByte(t, db, "S05")
			term := startTerminal(t, bin, append([]string{"--db", db}, args...)...)
			term.send(strings.Repeat("j", 60) + "\r") // on the safety screen: read to the end and confirm at once
			term.waitFor("The database is damaged")
			term.waitFor("S05")
			term.send("\r3\r")
			term.send("q")
			if code := term.exitCode(); code != 1 {
				t.Errorf("exit code %d, want 1; output:\n%q", code, term.output())
			}
			if after, _ := os.ReadFile(db); !bytes.Equal(after, data) {
				t.Error("the damaged database was written to")
			}
		})
	}
}
