package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"corecoach/routines"
	"corecoach/storage"
	"corecoach/storage/progress"
)

// The next-day check-in (progress.ReadCheckin says when it is due): asked
// on home and before the pain check of `corecoach run`, whenever it is due,
// whatever else was done that day. esc puts it off: it is asked again the
// next time corecoach starts. Its keys mean nothing else on home: progress
// is p there, so no key of the check-in opens something by mistake.

// checkinState is how today's check-in stands, for the home screen, and the
// error that came instead when it could not be read.
type checkinState struct {
	progress.CheckinState
	err error
}

// gotCheckin keeps the state for the home screen and opens the check-in
// when it is due.
func (s *homeScreen) gotCheckin(msg checkinLoadedMsg) tea.Cmd {
	s.checkin = msg.state
	s.checkin.err = msg.err
	if msg.err == nil && msg.state.Due && !s.c.checkinLeft {
		return send(openCheckinMsg{state: msg.state})
	}
	return nil
}

// checkinNote is the home screen's word on today's check-in: the advice on
// it (routines.CheckinAdvice), marked as a warning when it is to ease off,
// or a short acknowledgement. It ends with a blank line, or is empty.
func (s *homeScreen) checkinNote() string {
	st := s.c.styles
	cs := s.checkin
	w := max(s.w, 10)
	a := cs.Advice()
	var lines []string
	switch {
	case cs.err != nil:
		lines = wrap("Check-in unavailable: "+cs.err.Error(), w)
	case a.Warns():
		msg := a.Text()
		if compact(s.w, s.h) {
			msg = a.Short()
		}
		if a.Kind != routines.AdviceEaseOff {
			lines = wrap(msg, w) // steady pain is no warning
			break
		}
		if !compact(s.w, s.h) {
			msg += " If it keeps getting worse, press ! for the safety notes."
		}
		for _, l := range wrap("! "+msg, w) {
			lines = append(lines, st.Warn.Render(l))
		}
	case cs.Today != nil && !compact(s.w, s.h):
		lines = []string{st.Faint.Render(fmt.Sprintf("Checked in today: pain %d (%s).", cs.Today.Pain, painWord(cs.Today.Pain)))}
	default:
		return ""
	}
	return strings.Join(lines, "\n") + "\n\n"
}

// checkinScreen asks for today's pain. The score keys and the scale are the
// pain check's; confirming and putting off are its own.
type checkinScreen struct {
	c      *common
	state  checkinState
	then   *routines.Routine // `corecoach run`: its pain check comes next; nil: home
	pain   *painScreen
	when   string // "Yesterday": the session's day, fixed when the screen opens
	saving bool
	err    error
	w, h   int
}

// newCheckin asks for today's pain; then, when set, is the routine whose
// pain check follows. The score starts unset, so that a stray enter
// records nothing rather than a 0.
func newCheckin(c *common, state checkinState, then *routines.Routine) *checkinScreen {
	r, _ := c.catalog.Lookup(state.Session.Routine.ID) // nil when it is gone
	p := newPain(c, painBefore, r)
	p.unset = true
	return &checkinScreen{c: c, state: state, then: then, pain: p, when: sessionWhen(state.Session, c.now())}
}

// next leaves the check-in: to the run's pain check, or home.
func (s *checkinScreen) next() tea.Cmd {
	if s.then != nil {
		return send(startRoutineMsg{r: s.then})
	}
	return send(goHomeMsg{})
}

func (s *checkinScreen) setSize(w, h int) {
	s.w, s.h = w, h
	s.pain.setSize(w, h)
}

func (s *checkinScreen) update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case checkinSavedMsg:
		s.saving, s.err = false, msg.err
		if msg.err == nil {
			return s, s.next()
		}
	case tea.KeyPressMsg:
		k := s.c.keys
		switch {
		case s.saving:
		case key.Matches(msg, k.Quit):
			return s, quit
		case key.Matches(msg, k.Back):
			// Later: not again this run, asked again when corecoach next starts.
			s.c.checkinLeft = true
			return s, s.next()
		case key.Matches(msg, k.Confirm) && s.pain.unset:
			s.pain.ask = true
		case key.Matches(msg, k.Confirm):
			s.saving = true
			return s, saveCheckin(s.c, s.state.Session.ID, s.pain.score)
		case key.Matches(msg, k.Score, k.ScoreDown, k.ScoreUp):
			s.pain.update(msg)
		}
	}
	return s, nil
}

func (s *checkinScreen) view() string {
	st := s.c.styles
	w := max(s.w, 10)
	title := block{lines: []string{st.Title.Render("Check-in")}, drop: dropTitle}
	last := s.state.Session
	about := fmt.Sprintf("%s you did %s (pain %s).", s.when, routines.Sanitize(last.Routine.Name), painPair(last.PainBefore, last.PainAfter))
	if compact(s.w, s.h) {
		about = fmt.Sprintf("%s: %s, pain %s", s.when, routines.Sanitize(last.Routine.Name), painPair(last.PainBefore, last.PainAfter))
	}
	aboutB := block{drop: dropLegend}
	for _, l := range wrap(about, w) {
		aboutB.lines = append(aboutB.lines, st.Faint.Render(l))
	}
	question := block{drop: dropQuestion}
	for _, l := range wrap("How much pain do you have today?", w) {
		question.lines = append(question.lines, st.Heading.Render(l))
	}
	score := block{lines: []string{s.pain.scale(), s.pain.scoreLine()}}
	var after block
	if s.err != nil {
		for _, l := range wrap(s.err.Error(), w) {
			after.lines = append(after.lines, st.Bad.Render(l))
		}
	} else if !compact(s.w, s.h) {
		after = block{lines: []string{""}, drop: dropExtra}
		for _, l := range wrap("How your back feels the day after exercise says more than how it felt during it.", w) {
			after.lines = append(after.lines, st.Faint.Render(l))
		}
	}
	return fitBlocks([]block{title, aboutB, blank, question, blank, score, after}, s.h)
}

// sessionWhen names the session's day from today: "Yesterday", "On Monday"
// within the week, else the date.
func sessionWhen(s storage.Session, now time.Time) string {
	day, err := storage.ParseDate(storage.SessionDay(s))
	if err != nil {
		return "Last time"
	}
	switch ago := storage.DateOf(now) - day; {
	case ago == 1:
		return "Yesterday"
	case ago > 1 && ago < 7:
		return "On " + day.Weekday().String()
	}
	return "On " + day.Time().Format("2 Jan")
}

func (s *checkinScreen) ShortHelp() []key.Binding {
	k := s.c.keys
	return []key.Binding{with(k.Confirm, "enter", "save"), with(k.Back, "esc", "ask later"), k.Score,
		with(k.ScoreDown, "←", "less"), with(k.ScoreUp, "→", "more"), k.Help}
}

func (s *checkinScreen) FullHelp() [][]key.Binding {
	return [][]key.Binding{s.ShortHelp(), {s.c.keys.Quit, s.c.keys.Kill}}
}
