package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"corecoach/routines"
)

// redFlags are the signs that call for medical care instead of exercise.
// Each has a long form and a short one for small windows, where every flag
// must still show.
var redFlags = [][2]string{
	{"new trouble controlling your bladder or bowels", "new bladder or bowel trouble"},
	{"numbness in the groin or saddle area", "numbness in the groin"},
	{"leg weakness that is getting worse", "leg weakness, getting worse"},
	{"fever, or feeling generally unwell", "fever or feeling unwell"},
	{"pain after a fall or an accident", "pain after a fall or accident"},
	{"severe pain at night", "severe pain at night"},
	{"weight loss you cannot explain", "unexplained weight loss"},
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
	if compact(s.w, s.h) {
		return s.compactView()
	}
	w := max(s.w-2, 10)
	var b strings.Builder
	b.WriteString(st.Title.Render("Before you start") + "\n\n")
	for _, l := range wrap("Stop and seek medical care, instead of exercising, if you have any of these:", w) {
		b.WriteString(l + "\n")
	}
	b.WriteString("\n")
	for _, f := range redFlags {
		for i, l := range wrap(f[0], w-2) {
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

// compactView keeps every red flag on screen in a small window.
func (s *safetyScreen) compactView() string {
	st := s.c.styles
	lines := []string{st.Title.Render("Stop and seek care if you have:")}
	for _, f := range redFlags {
		lines = append(lines, st.Bad.Render("!")+" "+f[1])
	}
	return strings.Join(lines, "\n")
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
