package tui

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"corecoach/routines"
	"corecoach/storage"
	"corecoach/storage/progress"
)

// Messages: one named type per event.
type (
	// tickMsg wakes the session screen; gen tells a current tick from one
	// scheduled before a key press rescheduled it.
	tickMsg struct{ gen int }
	// sessionSavedMsg reports a write of the running session.
	sessionSavedMsg struct{ err error }
	// statsLoadedMsg carries the streak and totals for home and progress.
	statsLoadedMsg struct {
		ov  overview
		err error
	}
	// safetySavedMsg reports that the safety confirmation was remembered.
	safetySavedMsg struct{ err error }

	// Navigation between screens, handled by the root model.
	safetyDoneMsg struct{ start *routines.Routine } // the routine to start, if any
	openSafetyMsg struct{}
	openStatsMsg  struct{}
	openVisitMsg  struct{}
	// visitSavedMsg reports that a therapy visit was stored, or why not.
	visitSavedMsg   struct{ err error }
	goHomeMsg       struct{}
	startRoutineMsg struct{ r *routines.Routine }
	painDoneMsg     struct {
		phase   painPhase
		score   *int
		routine *routines.Routine
		rec     *record // painAfter: the session being finished
	}
	painStopMsg     struct{}
	sessionEndedMsg struct {
		rec     *record
		routine *routines.Routine
	}
	noteDoneMsg struct {
		text string
		rec  *record
	}

	// progressLoadedMsg carries what the progress screen shows.
	progressLoadedMsg struct {
		data progressData
		err  error
	}
	// checkinLoadedMsg tells the home screen how today's check-in stands.
	checkinLoadedMsg struct {
		state checkinState
		err   error
	}
	// writableMsg says whether the database may be written (nil) or why not.
	writableMsg struct{ err error }
	// checkinSavedMsg reports that a check-in, or its skip, was stored.
	checkinSavedMsg struct{ err error }
	openCheckinMsg  struct{ state checkinState }
)

// InterruptMsg asks the program to stop at once, as ctrl+c does: a running
// session is saved as partial before the program quits. Send it when the
// process gets SIGINT, SIGTERM or SIGHUP (the terminal closed).
type InterruptMsg struct{}

// send turns a message into a command.
func send(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// tick wakes the session screen after d.
func tick(c *common, gen int, d time.Duration) tea.Cmd {
	if d < time.Millisecond {
		d = time.Millisecond
	}
	return c.timer(d, func(time.Time) tea.Msg { return tickMsg{gen: gen} })
}

// checkWritable asks whether the database may be written.
func checkWritable(c *common) tea.Cmd {
	return func() tea.Msg { return writableMsg{err: c.store.ReadOnlyReason()} }
}

// saveSession writes a snapshot of the session without blocking Update.
func saveSession(c *common, rec *record) tea.Cmd {
	seq, s := rec.snapshot()
	return func() tea.Msg { return sessionSavedMsg{err: c.saver.save(seq, s)} }
}

// loadStats computes the overview for home, progress and the summary.
func loadStats(c *common) tea.Cmd {
	now := c.now()
	return func() tea.Msg {
		ov, err := progress.ReadOverview(c.store, c.catalog.Schedule, now)
		if err != nil {
			err = fmt.Errorf("reading the history: %w", err)
		}
		return statsLoadedMsg{ov: ov, err: err}
	}
}

// confirmSafety remembers that the red flags were read.
func confirmSafety(c *common) tea.Cmd {
	return func() tea.Msg {
		return safetySavedMsg{err: c.store.SetSetting(storage.SettingSafetyConfirmed, "yes")}
	}
}

// loadProgress reads the history for the progress screen.
func loadProgress(c *common) tea.Cmd {
	now := c.now()
	return func() tea.Msg {
		d, err := readProgress(c.store, c.catalog.Schedule, now)
		return progressLoadedMsg{data: d, err: err}
	}
}

// loadCheckin finds whether today's check-in is due, for the home screen
// and for the start of `corecoach run`.
func loadCheckin(c *common) tea.Cmd {
	now := c.now()
	return func() tea.Msg {
		st, err := progress.ReadCheckin(c.store, c.catalog.PainRules, storage.DateOf(now))
		return checkinLoadedMsg{state: checkinState{CheckinState: st}, err: err}
	}
}

// saveCheckin stores today's pain as the follow-up of a session.
func saveCheckin(c *common, sessionID string, pain int) tea.Cmd {
	now := c.now()
	return func() tea.Msg {
		ci := storage.Checkin{Date: storage.DateOf(now).String(), Pain: pain, At: now, SessionID: sessionID}
		return checkinSavedMsg{err: c.store.SaveCheckin(ci)}
	}
}

// Sound cues are terminal bells (BEL), written between frames.
const (
	cueStepStart = 1 // a step began
	cueCountdown = 1 // each of the last three seconds of work
	cueHoldEnd   = 2 // a hold ended: two bells, so it differs from a start
)

// bell rings n bells unless muted.
func bell(c *common, n int) tea.Cmd {
	if c.muted || n <= 0 {
		return nil
	}
	return tea.Raw(strings.Repeat("\a", min(n, 3)))
}
