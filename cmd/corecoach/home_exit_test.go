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
	}{
		{"a panic in the interface", panicked, exitFailure, "corecoach stopped on an internal error (a bug); the session so far is saved"},
		{"killed", tea.ErrProgramKilled, exitInterrupted, ""},
		{"quit, or the terminal closed", nil, exitOK, ""},
		{"the terminal failed", errors.New("no tty"), exitFailure, "the terminal interface failed: no tty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := storage.Open(t.TempDir() + "/test.db")
			if err != nil {
				t.Fatal(err)
			}
			err = uiResult(startedModel(t, st), tt.runErr)
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
			ss, err := st.Sessions()
			if err != nil || len(ss) != 1 || ss[0].Status != storage.StatusPartial || ss[0].EndedAt == nil {
				t.Fatalf("stored %+v, %v; want the session saved as partial", ss, err)
			}
		})
	}
}
