package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"corecoach/routines"
)

// safetyScreen lists the red flags before the first session; it can be
// read again from home. In a window too small for the whole list it
// scrolls, and enter counts only once the end has been shown: every flag
// must have been in front of the person before "none applies" is believed.
type safetyScreen struct {
	c       *common
	start   *routines.Routine // `corecoach run`: go to its pain check next
	revisit bool              // opened again from home: nothing to confirm
	page    pager
	w, h    int
}

func newSafety(c *common, start *routines.Routine, revisit bool) *safetyScreen {
	return &safetyScreen{c: c, start: start, revisit: revisit}
}

func (s *safetyScreen) setSize(w, h int) {
	s.w, s.h = w, h
	s.page.h = h
	s.scroll(0)
}

func (s *safetyScreen) scroll(n int) { s.page.scroll(len(s.lines()), n) }

func (s *safetyScreen) update(msg tea.Msg) (screen, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return s, nil
	}
	keys := s.c.keys
	switch {
	case key.Matches(k, keys.Down):
		s.scroll(1)
	case key.Matches(k, keys.Up):
		s.scroll(-1)
	case key.Matches(k, keys.Confirm):
		switch {
		case s.revisit:
			return s, send(goHomeMsg{})
		case !s.page.read:
			return s, nil // not believed before every flag has been shown
		}
		return s, tea.Batch(confirmSafety(s.c), send(safetyDoneMsg{start: s.start}))
	case s.revisit && key.Matches(k, keys.Back, keys.Quit):
		return s, send(goHomeMsg{})
	case key.Matches(k, keys.Quit):
		return s, quit
	}
	return s, nil
}

func (s *safetyScreen) view() string {
	end := "enter if none applies" // the footer may have no room for it
	if s.revisit {
		end = "↑ more above"
	}
	return s.page.view(s.lines(), s.c.styles.Faint.Render, end)
}

// lines is the whole screen, every line within the width: the long form,
// or in a small window a short one.
func (s *safetyScreen) lines() []string {
	st := s.c.styles
	short := compact(s.w, s.h)
	if short {
		w := max(s.w, 10)
		var out []string
		for i, t := range routines.RedFlagTiers() {
			if i > 0 {
				out = append(out, "")
			}
			out = append(out, tierLines(st, t, true, w)...)
		}
		return out
	}
	w := max(s.w-2, 10)
	out := []string{st.Title.Render("Before you start"), ""}
	for _, t := range routines.RedFlagTiers() {
		out = append(append(out, tierLines(st, t, false, w)...), "")
	}
	note := "corecoach is not a doctor. It paces the exercises your therapist chose; it cannot tell what causes your pain."
	for _, l := range wrap(note, w) {
		out = append(out, st.Faint.Render(l))
	}
	out = append(out, "")
	if s.revisit {
		return append(out, "Press enter to go back.")
	}
	for _, l := range wrap("Press enter if none of these applies to you.", w) {
		out = append(out, st.Bold.Render(l))
	}
	return out
}

// tierLines is one tier of red flags: its heading, then each flag in its
// long form or (short) its short one, wrapped to w columns under a "!".
func tierLines(st Styles, t routines.RedFlagTier, short bool, w int) []string {
	head := t.Heading
	if short {
		head = t.Short
	}
	var out []string
	for _, l := range wrap(head, w) {
		out = append(out, st.Bad.Render(l))
	}
	for _, f := range t.Flags {
		text := f.Full
		if short {
			text = f.Short
		}
		for i, l := range wrap(text, w-2) {
			lead := "  "
			if i == 0 {
				lead = st.Bad.Render("!") + " "
			}
			out = append(out, lead+l)
		}
	}
	return out
}

func (s *safetyScreen) ShortHelp() []key.Binding {
	k := s.c.keys
	more := with(k.Down, "↓/j", "more")
	if len(s.lines()) <= s.h {
		more.SetEnabled(false)
	}
	if s.revisit {
		return []key.Binding{more, with(k.Confirm, "enter", "back"), k.Help}
	}
	if !s.page.read {
		return []key.Binding{more, k.Quit, k.Help}
	}
	return []key.Binding{with(k.Confirm, "enter", "none applies"), k.Quit, k.Help}
}

func (s *safetyScreen) FullHelp() [][]key.Binding {
	return [][]key.Binding{s.ShortHelp(), {with(s.c.keys.Up, "↑/k", "back up"), s.c.keys.Kill}}
}
