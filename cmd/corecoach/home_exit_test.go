package main

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"corecoach/routines"
	"corecoach/storage"
	"corecoach/tui"
)

// startedModel is the interface with a session just started and nothing of
// it written yet: its commands were never run, as when Bubble Tea quits.
func startedModel(t *testing.T, st *storage.Store) tui.Model {
	t.Helper()
	r, ok := routines.Builtin("desk-break")
	if !ok {
		t.Fatal("no desk-break")
	}
	clock := func() time.Time { return time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC) }
	var m tea.Model = tui.New(tui.Options{Store: st, Catalog: routines.NewCatalog(nil), Start: r, SafetyConfirmed: true, Now: clock})
	m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m, cmd := m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	m, _ = m.Update(cmd()) // the pain score: the session starts
	return m.(tui.Model)
}

func TestUIResult(t *testing.T) {
	panicked := fmt.Errorf("%w: %w", tea.ErrProgramKilled, tea.ErrProgramPanic)
	tests := []struct {
		name    string
		runErr  error
		code    int
		message string // "" when nothing is printed
		said    string // on stderr before that
	}{
		{"a panic in the interface", panicked, exitFailure, "corecoach stopped on an internal error (a bug); the session so far is saved", ""},
		// The words after ctrl+c: the screen is restored, and says what was kept.
		{"killed", tea.ErrProgramKilled, exitInterrupted, "", "Session saved as stopped early.\n"},
		{"quit, or the terminal closed", nil, exitOK, "", ""},
		{"the terminal failed", errors.New("no tty"), exitFailure, "the terminal interface failed: no tty", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := storage.Open(t.TempDir() + "/test.db")
			if err != nil {
				t.Fatal(err)
			}
			var said strings.Builder
			err = uiResult(startedModel(t, st), tt.runErr, &said, noRecovery(t))
			if got := exitCode(err); got != tt.code {
				t.Errorf("exit %d, want %d (%v)", got, tt.code, err)
			}
			msg := ""
			if err != nil && !errors.Is(err, errSilent) {
				msg = err.Error()
			}
			if msg != tt.message || strings.Contains(msg, "panic") {
				t.Errorf("message %q, want %q", msg, tt.message)
			}
			if said.String() != tt.said {
				t.Errorf("said %q, want %q", said.String(), tt.said)
			}
			ss, err := st.Sessions()
			if err != nil || len(ss) != 1 || ss[0].Status != storage.StatusPartial || ss[0].EndedAt == nil {
				t.Fatalf("stored %+v, %v; want the session saved as partial", ss, err)
			}
		})
	}
}

// A panic with no session under way (on the home screen) claims no saved
// session.
func TestUIResultPanicWithoutSession(t *testing.T) {
	st, err := storage.Open(t.TempDir() + "/test.db")
	if err != nil {
		t.Fatal(err)
	}
	clock := func() time.Time { return time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC) }
	var m tea.Model = tui.New(tui.Options{Store: st, Catalog: routines.NewCatalog(nil), SafetyConfirmed: true, Now: clock})
	m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	var said strings.Builder
	err = uiResult(m.(tui.Model), fmt.Errorf("%w: %w", tea.ErrProgramKilled, tea.ErrProgramPanic), &said, noRecovery(t))
	if want := "corecoach stopped on an internal error (a bug)"; err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
}

// noRecovery is a recovery writer that fails the test when called.
func noRecovery(t *testing.T) func(storage.Session) (string, error) {
	return func(s storage.Session) (string, error) {
		t.Errorf("recovery file written for session %s, which was saved", s.ID)
		return "", errors.New("unexpected")
	}
}

// lockedStore fails every session write, as a database held by another
// program does.
type lockedStore struct{ *storage.Store }

func (lockedStore) SaveSession(storage.Session) error {
	return errors.New("database test.db is in use by another corecoach; try again")
}

// A session the database would not take goes to a recovery file, and the
// error is said once, naming the file.
func TestUIResultRecovery(t *testing.T) {
	st, err := storage.Open(t.TempDir() + "/test.db")
	if err != nil {
		t.Fatal(err)
	}
	r, _ := routines.Builtin("desk-break")
	clock := func() time.Time { return time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC) }
	var m tea.Model = tui.New(tui.Options{Store: lockedStore{st}, Catalog: routines.NewCatalog(nil), Start: r, SafetyConfirmed: true, Now: clock})
	m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m, cmd := m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	m, _ = m.Update(cmd())

	var got storage.Session
	recover := func(s storage.Session) (string, error) { got = s; return "/x/test.db.recovered-1.json", nil }
	var said strings.Builder
	err = uiResult(m.(tui.Model), tea.ErrProgramKilled, &said, recover)
	if exitCode(err) != exitFailure || said.Len() != 0 {
		t.Fatalf("exit %d (%v), said %q; want 1 and the error alone", exitCode(err), err, said.String())
	}
	msg := err.Error()
	if !strings.Contains(msg, "kept in /x/test.db.recovered-1.json") || strings.Count(msg, "in use") != 1 {
		t.Errorf("message %q: want the file, and the cause once", msg)
	}
	if got.ID == "" || got.Status != storage.StatusPartial || got.EndedAt == nil {
		t.Errorf("recovered %+v, want the session ended as partial", got)
	}
}
