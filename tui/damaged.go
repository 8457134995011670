package tui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"corecoach/storage"
)

// refusesWrites reports whether err is the database refusing every write
// from now on (damaged, or no longer a database this program can write),
// as opposed to a write that may work when tried again (in use).
func refusesWrites(err error) bool {
	return errors.Is(err, storage.ErrDamaged) || errors.Is(err, storage.ErrNotCorecoach) ||
		errors.Is(err, storage.ErrNewerSchema)
}

// damagedScreen is where the interface ends when the database refuses
// writes: going on with a session that cannot be saved would only lose
// more of it. Its only way out is to quit.
type damagedScreen struct {
	c    *common
	err  error
	lost bool // a session was running or not yet written
	w, h int
}

func newDamaged(c *common, err error, lost bool) *damagedScreen {
	return &damagedScreen{c: c, err: err, lost: lost}
}

func (s *damagedScreen) setSize(w, h int) { s.w, s.h = w, h }

func (s *damagedScreen) update(msg tea.Msg) (screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, s.c.keys.Quit, s.c.keys.Confirm) {
		return s, tea.Quit
	}
	return s, nil
}

func (s *damagedScreen) view() string {
	st := s.c.styles
	w := max(s.w, 10)
	title := "The database is damaged"
	if !errors.Is(s.err, storage.ErrDamaged) {
		title = "The database cannot be written"
	}
	lines := []string{st.Bad.Render(title)}
	if s.lost {
		lines = append(lines, st.Bold.Render("This session could not be saved."))
	}
	lines = append(lines, "")
	lines = append(lines, wrap(s.err.Error(), w)...)
	lines = append(lines, "")
	lines = append(lines, wrap("Quit, then run 'corecoach check' to see what is wrong.", w)...)
	return strings.Join(lines, "\n")
}

func (s *damagedScreen) ShortHelp() []key.Binding {
	return []key.Binding{s.c.keys.Quit, with(s.c.keys.Confirm, "enter", "quit")}
}

func (s *damagedScreen) FullHelp() [][]key.Binding {
	return [][]key.Binding{s.ShortHelp(), {s.c.keys.Kill}}
}
