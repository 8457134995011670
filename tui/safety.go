package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"corecoach/routines"
)

// redFlags are the signs that call for medical care instead of exercise.
var redFlags = []string{
	"new trouble controlling your bladder or bowels",
	"numbness in the groin or saddle area",
	"leg weakness that is getting worse",
	"fever, or feeling generally unwell",
	"pain after a fall or an accident",
	"severe pain at night",
	"weight loss you cannot explain",
}

// safetyScreen lists the red flags before the first session; it can be
// read again from home.
type safetyScreen struct {
	c       *common
	start   *routines.Routine // `corecoach run`: go to its pain check next
	revisit bool              // opened again from home: nothing to confirm
	w, h    int
}

func newSafety(c *common, start *routines.Routine, revisit bool) *safetyScreen {
	return &safetyScreen{c: c, start: start, revisit: revisit}
}

func (s *safetyScreen) setSize(w, h int) { s.w, s.h = w, h }

func (s *safetyScreen) update(msg tea.Msg) (screen, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return s, nil
	}
	switch {
	case key.Matches(k, s.c.keys.Confirm):
		if s.revisit {
			return s, send(goHomeMsg{})
		}
		return s, tea.Batch(confirmSafety(s.c), send(safetyDoneMsg{}))
	case s.revisit && key.Matches(k, s.c.keys.Back, s.c.keys.Quit):
		return s, send(goHomeMsg{})
	case key.Matches(k, s.c.keys.Quit):
		return s, tea.Quit
	}
	return s, nil
}

func (s *safetyScreen) view() string {
	st := s.c.styles
	w := max(s.w-2, 10)
	var b strings.Builder
	b.WriteString(st.Title.Render("Before you start") + "\n\n")
	for _, l := range wrap("Stop and seek medical care, instead of exercising, if you have any of these:", w) {
		b.WriteString(l + "\n")
	}
	if !compact(s.w, s.h) {
		b.WriteString("\n")
	}
	for _, f := range redFlags {
		for i, l := range wrap(f, w-2) {
			lead := "  "
			if i == 0 {
				lead = st.Bad.Render("!") + " "
			}
			b.WriteString(lead + l + "\n")
		}
	}
	b.WriteString("\n")
	note := "corecoach is not a doctor. It paces the exercises your therapist chose; it cannot tell what causes your pain."
	for _, l := range wrap(note, w) {
		b.WriteString(st.Faint.Render(l) + "\n")
	}
	b.WriteString("\n")
	if s.revisit {
		b.WriteString("Press enter to go back.")
	} else {
		b.WriteString(st.Bold.Render("Press enter if none of these applies to you."))
	}
	return b.String()
}

func (s *safetyScreen) ShortHelp() []key.Binding {
	k := s.c.keys
	if s.revisit {
		return []key.Binding{with(k.Confirm, "enter", "back"), k.Help}
	}
	return []key.Binding{with(k.Confirm, "enter", "none applies"), k.Quit, k.Help}
}

func (s *safetyScreen) FullHelp() [][]key.Binding {
	return [][]key.Binding{s.ShortHelp(), {s.c.keys.Kill}}
}
