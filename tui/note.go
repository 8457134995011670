package tui

import (
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"corecoach/routines"
)

// maxNote keeps a note to one line of a report.
const maxNote = 280

// noteScreen takes a one-line note after the session.
type noteScreen struct {
	c     *common
	rec   *record
	input textinput.Model
	w, h  int
}

func newNote(c *common, rec *record) *noteScreen {
	in := textinput.New()
	in.Placeholder = "How did it go? (optional)"
	in.CharLimit = maxNote
	in.Prompt = "› "
	st := in.Styles()
	st.Cursor.Blink = c.blink // a blinking cursor is a timer; tests have none
	in.SetStyles(st)
	in.Focus()
	return &noteScreen{c: c, rec: rec, input: in}
}

func (s *noteScreen) typing() bool { return true }

func (s *noteScreen) setSize(w, h int) {
	s.w, s.h = w, h
	s.input.SetWidth(max(1, w-3))
}

func (s *noteScreen) update(msg tea.Msg) (screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, s.c.keys.Save):
			return s, send(noteDoneMsg{text: strings.TrimSpace(routines.Clean(s.input.Value(), routines.MultiLine)), rec: s.rec})
		case key.Matches(k, s.c.keys.Back):
			return s, send(noteDoneMsg{rec: s.rec})
		}
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	// What the text policy removes (escape codes, bidirectional and
	// invisible characters) never shows in the input nor reaches the note.
	if v := s.input.Value(); cleanTyped(v) != v {
		pos := len([]rune(cleanTyped(string([]rune(v)[:s.input.Position()]))))
		s.input.SetValue(cleanTyped(v))
		s.input.SetCursor(pos)
	}
	return s, cmd
}

// cleanTyped holds text being typed to the text policy, but for a joiner
// just typed at the end, which the next character may make part of an
// emoji (👩, U+200D, ⚕); the note is cleaned whole when saved.
func cleanTyped(v string) string {
	r, size := utf8.DecodeLastRuneInString(v)
	if r == '\u200d' || r == '\u200c' {
		return routines.Clean(v[:len(v)-size], routines.MultiLine) + string(r)
	}
	return routines.Clean(v, routines.MultiLine)
}

func (s *noteScreen) view() string {
	st := s.c.styles
	var b strings.Builder
	b.WriteString(st.Heading.Render("A note for your therapist?") + "\n")
	if !compact(s.w, s.h) {
		b.WriteString(st.Faint.Render("What felt good, what was hard, anything that hurt.") + "\n")
	}
	b.WriteString("\n" + s.input.View())
	return b.String()
}

func (s *noteScreen) ShortHelp() []key.Binding {
	k := s.c.keys
	return []key.Binding{k.Save, with(k.Back, "esc", "skip")}
}

func (s *noteScreen) FullHelp() [][]key.Binding {
	return [][]key.Binding{s.ShortHelp(), {s.c.keys.Kill}}
}
