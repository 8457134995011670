package tui

import (
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"corecoach/routines/text"
)

// retryEvery is the wait between tries to save a session on the way out:
// longer than the database's lock timeout, so another program holding it
// gets time to finish.
const retryEvery = 5 * time.Second

// quitMsg asks to quit. The root model quits at once unless the session of
// this visit is not saved; then it opens the unsaved screen.
type quitMsg struct{}

var quit = send(quitMsg{})

// unsavedScreen holds the exit while the session is not in the database:
// it tries again with a visible countdown until the save works (and then
// quits), or the person chooses to leave the session in a recovery file
// beside the database, which the next start imports.
type unsavedScreen struct {
	c     *common
	back  screen    // where esc returns
	next  time.Time // when the next try starts; zero while one runs
	tries int
	gen   int // tells the current countdown tick from stale ones
	w, h  int
}

type (
	unsavedTickMsg struct{ gen int }
	retrySavedMsg  struct{ err error }
)

func newUnsaved(c *common, back screen) *unsavedScreen { return &unsavedScreen{c: c, back: back} }

// init tries at once: the failed save may have been the last of a burst,
// or the save may still be under way.
func (s *unsavedScreen) init() tea.Cmd { return s.try() }

func (s *unsavedScreen) try() tea.Cmd {
	s.next = time.Time{}
	s.tries++
	s.gen++
	r := s.c.current
	if r == nil {
		return tea.Quit
	}
	seq, snap := r.snapshot()
	return func() tea.Msg { return retrySavedMsg{err: s.c.saver.save(seq, snap)} }
}

// countdown wakes the screen each second until the next try.
func (s *unsavedScreen) countdown() tea.Cmd {
	left := s.next.Sub(s.c.now())
	d := left - left.Truncate(time.Second)
	if d <= 0 {
		d = time.Second
	}
	gen := s.gen
	return s.c.timer(d, func(time.Time) tea.Msg { return unsavedTickMsg{gen: gen} })
}

func (s *unsavedScreen) setSize(w, h int) { s.w, s.h = w, h }

func (s *unsavedScreen) update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case retrySavedMsg:
		if msg.err == nil || s.c.saver.failure() == nil {
			return s, tea.Quit
		}
		s.next = s.c.now().Add(retryEvery)
		return s, s.countdown()
	case unsavedTickMsg:
		if msg.gen != s.gen || s.next.IsZero() {
			return s, nil
		}
		if !s.c.now().Before(s.next) {
			return s, s.try()
		}
		return s, s.countdown()
	case tea.KeyPressMsg:
		k := s.c.keys
		switch {
		case key.Matches(msg, k.Recover):
			// The program writes the recovery file once the screen is
			// restored, as it does for every exit with the session unsaved.
			return s, tea.Quit
		case key.Matches(msg, k.Retry) && !s.next.IsZero():
			return s, s.try()
		case key.Matches(msg, k.Back):
			return s.back, nil
		}
	}
	return s, nil
}

func (s *unsavedScreen) view() string {
	st := s.c.styles
	w := max(s.w, 10)
	var why []string
	if err := s.c.saver.failure(); err != nil {
		why = wrap(text.OneLine(err.Error())+".", w)
	}
	status := "Trying to save it now..."
	if !s.next.IsZero() {
		secs := int((s.next.Sub(s.c.now()) + time.Second - 1) / time.Second)
		status = fmt.Sprintf("Trying again in %d s (tried %s).", max(secs, 1), times(s.tries))
	}
	return fitBlocks([]block{
		{lines: []string{st.Bad.Render("The session is not saved yet")}, drop: dropTitle},
		blank,
		{lines: why},
		blank,
		{lines: wrap(st.Bold.Render(status), w)},
		blank,
		{lines: wrap("Wait here while corecoach keeps trying, or press r to quit and keep the session in a recovery file beside the database: the next start of corecoach imports it.", w)},
	}, s.h)
}

func times(n int) string {
	if n == 1 {
		return "once"
	}
	return fmt.Sprintf("%d times", n)
}

func (s *unsavedScreen) ShortHelp() []key.Binding {
	k := s.c.keys
	return []key.Binding{k.Recover, enabled(k.Retry, !s.next.IsZero()), k.Back}
}

func (s *unsavedScreen) FullHelp() [][]key.Binding {
	return [][]key.Binding{s.ShortHelp(), {s.c.keys.Kill}}
}
