package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"corecoach/routines"
	"corecoach/storage"
)

// The fields of the visit form, in the order up and down move through them.
const (
	visitKind = iota
	visitDate
	visitNote
	visitFields
)

// visitScreen logs a therapy visit from home: its kind, its date (today
// unless changed, never in the future) and an optional note
// (docs/using-corecoach.md, "Therapy visits").
type visitScreen struct {
	c      *common
	kind   int // index in storage.VisitKinds
	field  int
	date   textinput.Model
	note   textinput.Model
	err    string // why the last enter did not save
	saving bool
	w, h   int
}

func newVisit(c *common) *visitScreen {
	input := func(value, placeholder string, limit int) textinput.Model {
		in := textinput.New()
		in.Prompt = ""
		in.Placeholder = placeholder
		in.CharLimit = limit
		in.SetValue(value)
		st := in.Styles()
		st.Cursor.Blink = c.blink // a blinking cursor is a timer; tests have none
		in.SetStyles(st)
		return in
	}
	return &visitScreen{c: c,
		date: input(storage.DateOf(c.now()).String(), "YYYY-MM-DD", len("2006-01-02")),
		note: input("", "optional", maxNote),
	}
}

// typing is true in the date and note fields, where keys are text.
func (s *visitScreen) typing() bool { return s.field != visitKind }

func (s *visitScreen) setSize(w, h int) {
	s.w, s.h = w, h
	s.date.SetWidth(max(1, w-9))
	s.note.SetWidth(max(1, w-9))
}

func (s *visitScreen) update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case visitSavedMsg:
		s.saving = false
		if msg.err != nil {
			s.err = "Not saved: " + msg.err.Error()
		}
		return s, nil
	case tea.KeyPressMsg:
		k := s.c.keys
		switch {
		case s.saving:
			return s, nil // one save at a time
		case key.Matches(msg, k.Save):
			return s, s.save()
		case key.Matches(msg, k.Back):
			return s, send(goHomeMsg{})
		case key.Matches(msg, k.FieldNext):
			return s, s.focus((s.field + 1) % visitFields)
		case key.Matches(msg, k.FieldPrev):
			return s, s.focus((s.field + visitFields - 1) % visitFields)
		case s.field == visitKind:
			n := len(storage.VisitKinds)
			switch {
			case key.Matches(msg, k.ScoreDown):
				s.kind = (s.kind + n - 1) % n
			case key.Matches(msg, k.ScoreUp):
				s.kind = (s.kind + 1) % n
			case len(msg.String()) == 1 && msg.String() >= "1" && msg.String() <= fmt.Sprint(n):
				s.kind = int(msg.String()[0] - '1')
			}
			return s, nil
		}
	}
	var cmd tea.Cmd
	switch s.field {
	case visitDate:
		s.date, cmd = s.date.Update(msg)
	case visitNote:
		s.note, cmd = s.note.Update(msg)
		// What the text policy removes never shows in the input (as in the session note).
		if v := s.note.Value(); cleanTyped(v) != v {
			pos := len([]rune(cleanTyped(string([]rune(v)[:s.note.Position()]))))
			s.note.SetValue(cleanTyped(v))
			s.note.SetCursor(pos)
		}
	}
	return s, cmd
}

// focus moves to field f, its text input taking the keys.
func (s *visitScreen) focus(f int) tea.Cmd {
	s.field = f
	s.date.Blur()
	s.note.Blur()
	switch f {
	case visitDate:
		return s.date.Focus()
	case visitNote:
		return s.note.Focus()
	}
	return nil
}

// save checks the date and stores the visit by a command; a date that is
// not one, or is after today, is refused here and nothing is written.
func (s *visitScreen) save() tea.Cmd {
	today := storage.DateOf(s.c.now())
	raw := strings.TrimSpace(s.date.Value())
	d, err := storage.ParseDate(raw)
	switch {
	case err != nil:
		s.err = fmt.Sprintf("The date %q is not a date as YYYY-MM-DD.", raw)
		return nil
	case d > today:
		s.err = fmt.Sprintf("The date %s is in the future; log a visit once it has happened.", raw)
		return nil
	}
	s.err, s.saving = "", true
	v := storage.Visit{ID: storage.NewVisitID(s.c.now()), Date: d.String(), Kind: storage.VisitKinds[s.kind],
		Note: strings.TrimSpace(routines.Clean(s.note.Value(), routines.MultiLine))}
	store := s.c.store
	return func() tea.Msg { return visitSavedMsg{err: store.SaveVisit(v)} }
}

func (s *visitScreen) view() string {
	st := s.c.styles
	var b strings.Builder
	b.WriteString(st.Heading.Render("Log a therapy visit") + "\n")
	if !compact(s.w, s.h) {
		for _, l := range wrap("A massage, physiotherapy or other visit: the pain charts and the report mark it.", s.w) {
			b.WriteString(st.Faint.Render(l) + "\n")
		}
	}
	b.WriteString("\n")
	mark := func(f int) string {
		if s.field == f {
			return "› "
		}
		return "  "
	}
	kind := st.Bold.Render("‹ " + storage.VisitKinds[s.kind] + " ›")
	b.WriteString(mark(visitKind) + "Kind  " + kind + "\n")
	if !compact(s.w, s.h) {
		var kinds []string
		for i, k := range storage.VisitKinds {
			kinds = append(kinds, fmt.Sprintf("%d %s", i+1, k))
		}
		for _, l := range wrap(strings.Join(kinds, " · "), max(1, s.w-8)) {
			b.WriteString("        " + st.Faint.Render(l) + "\n")
		}
	}
	b.WriteString(mark(visitDate) + "Date  " + s.date.View() + "\n")
	b.WriteString(mark(visitNote) + "Note  " + s.note.View() + "\n")
	if s.err != "" {
		b.WriteString("\n")
		for _, l := range wrap(s.err, s.w) {
			b.WriteString(st.Bad.Render(l) + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

func (s *visitScreen) ShortHelp() []key.Binding {
	k := s.c.keys
	return []key.Binding{k.FieldNext, enabled(with(k.ScoreUp, "←/→/1-5", "kind"), s.field == visitKind), k.Save, with(k.Back, "esc", "cancel")}
}

func (s *visitScreen) FullHelp() [][]key.Binding {
	k := s.c.keys
	return [][]key.Binding{s.ShortHelp(), {k.FieldPrev, k.Kill}}
}
