package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"corecoach/routines"
	"corecoach/storage"
)

// painPhase is when the pain check happens.
type painPhase int

const (
	painBefore painPhase = iota
	painAfter
)

const maxPain = routines.MaxPain

// painWord names a score's band (routines.PainWord).
var painWord = routines.PainWord

// zoneStyle colours a score by its zone (routines.ZoneOf).
func zoneStyle(st Styles, score, limit int) lipgloss.Style {
	return [...]lipgloss.Style{st.Good, st.Warn, st.Bad}[routines.ZoneOf(score, limit)]
}

// painScreen asks for a 0-10 pain score before or after a session.
type painScreen struct {
	c       *common
	phase   painPhase
	routine *routines.Routine
	rec     *record // after a session: the session being finished
	score   int
	unset   bool // no score chosen yet: enter asks for one instead of recording 0
	ask     bool // enter was pressed while unset
	warning bool // the score is high: showing the advice
	w, h    int
}

func newPain(c *common, phase painPhase, r *routines.Routine) *painScreen {
	return &painScreen{c: c, phase: phase, routine: r}
}

// newPainAfter is the pain check after a session. It starts at the score
// given before, so that a hasty enter records no change rather than 0; when
// the check before was skipped there is nothing to start from, and it
// starts unset.
func newPainAfter(c *common, r *routines.Routine, rec *record) *painScreen {
	s := &painScreen{c: c, phase: painAfter, routine: r, rec: rec, unset: true}
	if rec != nil && rec.s.PainBefore != nil {
		s.score, s.unset = *rec.s.PainBefore, false
	}
	return s
}

func (s *painScreen) limit() int { return routines.PainRulesOf(s.routine).Limit }

func (s *painScreen) setSize(w, h int) { s.w, s.h = w, h }

func (s *painScreen) update(msg tea.Msg) (screen, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return s, nil
	}
	keys := s.c.keys
	if s.warning {
		switch {
		case key.Matches(k, keys.Confirm):
			return s, s.done(&s.score)
		case key.Matches(k, keys.Back):
			s.warning = false
		case s.phase == painBefore && key.Matches(k, keys.Quit):
			return s, send(painStopMsg{})
		}
		return s, nil
	}
	switch {
	case key.Matches(k, keys.Score):
		s.choose(int(k.String()[0] - '0'))
	case key.Matches(k, keys.ScoreDown):
		s.choose(max(0, s.score-1))
	case key.Matches(k, keys.ScoreUp):
		if s.unset {
			s.choose(0)
		} else {
			s.choose(min(maxPain, s.score+1))
		}
	case key.Matches(k, keys.Confirm):
		if s.unset {
			s.ask = true
			return s, nil
		}
		if s.judged().Warns() {
			s.warning = true
			return s, nil
		}
		return s, s.done(&s.score)
	case key.Matches(k, keys.SkipPain):
		return s, s.done(nil)
	}
	return s, nil
}

func (s *painScreen) choose(n int) {
	s.score, s.unset, s.ask = n, false, false
}

func (s *painScreen) done(score *int) tea.Cmd {
	if score != nil {
		v := *score
		score = &v
	}
	return send(painDoneMsg{phase: s.phase, score: score, routine: s.routine, rec: s.rec})
}

func (s *painScreen) view() string {
	st := s.c.styles
	w := max(s.w, 10)
	var title, question, legend, extra block
	if s.routine != nil {
		title = block{lines: []string{st.Title.Render(routines.Sanitize(s.routine.Name)), ""}, drop: dropTitle}
	}
	for _, l := range wrap(s.question(), w) {
		question.lines = append(question.lines, st.Heading.Render(l))
	}
	question.drop = dropQuestion
	score := block{lines: []string{s.scale(), s.scoreLine()}}
	if s.warning {
		// Under the score, so that a cut-off advice never hides it.
		advice := block{drop: dropNever}
		for _, l := range wrap(s.advice(), w) {
			advice.lines = append(advice.lines, st.Warn.Render(l))
		}
		return fitBlocks([]block{title, question, blank, score, blank, advice}, s.h)
	}
	legend = block{lines: []string{st.Faint.Render(fmt.Sprintf("0 none · 1-3 mild · 4-6 moderate · 7-10 severe · your limit: %d", s.limit()))}, drop: dropLegend}
	if s.phase == painBefore && s.routine != nil && s.routine.Notes != "" && !compact(s.w, s.h) {
		extra = block{lines: []string{"", st.Heading.Render("From your therapist")}, drop: dropExtra}
		extra.lines = append(extra.lines, wrap(routines.Sanitize(strings.TrimSpace(s.routine.Notes)), w)...)
	}
	return fitBlocks([]block{title, question, blank, score, blank, legend, extra}, s.h)
}

// scoreLine names the chosen score, or asks for one while none is chosen.
func (s *painScreen) scoreLine() string {
	st := s.c.styles
	switch {
	case s.ask:
		return st.Warn.Render("Choose a number first.")
	case s.unset:
		return st.Faint.Render("no score yet")
	}
	return zoneStyle(st, s.score, s.limit()).Render(fmt.Sprintf("%d: %s", s.score, painWord(s.score)))
}

// question is what the screen asks: after a stopped or mostly skipped
// session it says so rather than praise.
func (s *painScreen) question() string {
	switch {
	case s.phase == painBefore:
		return "How much pain do you have right now?"
	case s.rec != nil && s.rec.stoppedEarly:
		return "Session stopped. How much pain do you have now?"
	case s.rec != nil && s.rec.s.Status == storage.StatusPartial:
		return "Session over. How much pain do you have now?"
	}
	return "Well done. How much pain do you have now?"
}

// judged is the advice on the chosen score by the routine's pain rules:
// before a session routines.BeforeAdvice, after it routines.AfterAdvice.
func (s *painScreen) judged() routines.Advice {
	rules := routines.PainRulesOf(s.routine)
	if s.phase == painBefore {
		return routines.BeforeAdvice(s.score, rules)
	}
	var before *int
	if s.rec != nil {
		before = s.rec.s.PainBefore
	}
	return routines.AfterAdvice(s.score, before, rules)
}

// advice is the calm message for a score above the limit, with the red
// flags to act on.
func (s *painScreen) advice() string {
	return s.judged().Text() + " If any red flag of the safety notes applies (! on the home screen), " +
		"stop and seek medical care. corecoach is not a doctor."
}

// scale draws 0..10 with the chosen score marked, or a short form when narrow.
func (s *painScreen) scale() string {
	st := s.c.styles
	if s.w < 34 {
		if s.unset {
			return "‹  - ›"
		}
		return fmt.Sprintf("‹ %s ›", zoneStyle(st, s.score, s.limit()).Render(fmt.Sprintf("%2d", s.score)))
	}
	var b strings.Builder
	for n := 0; n <= maxPain; n++ {
		style := zoneStyle(st, n, s.limit())
		cell := fmt.Sprintf(" %d ", n)
		if n == s.score && !s.unset {
			cell = "[" + fmt.Sprint(n) + "]"
			style = style.Bold(true).Reverse(true)
		}
		b.WriteString(style.Render(cell))
	}
	return b.String()
}

func (s *painScreen) ShortHelp() []key.Binding {
	k := s.c.keys
	if s.warning {
		if s.phase == painBefore {
			return []key.Binding{with(k.Confirm, "enter", "go gently"), with(k.Quit, "q", "rest instead"), with(k.Back, "esc", "change score")}
		}
		return []key.Binding{with(k.Confirm, "enter", "continue"), with(k.Back, "esc", "change score")}
	}
	return []key.Binding{k.Score, k.ScoreDown, k.ScoreUp, k.Confirm, k.SkipPain, k.Help}
}

func (s *painScreen) FullHelp() [][]key.Binding {
	return [][]key.Binding{s.ShortHelp(), {s.c.keys.Kill}}
}
