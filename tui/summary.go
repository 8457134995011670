package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"corecoach/routines"
	"corecoach/routines/text"
	"corecoach/storage"
)

// summaryScreen shows what was done, the pain change and the streak.
type summaryScreen struct {
	c   *common
	rec *record
	loaded
	w, h int
}

func newSummary(c *common, rec *record) *summaryScreen { return &summaryScreen{c: c, rec: rec} }

func (s *summaryScreen) setSize(w, h int) { s.w, s.h = w, h }

func (s *summaryScreen) update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case statsLoadedMsg:
		s.set(msg)

	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, s.c.keys.Home):
			return s, send(goHomeMsg{})
		case key.Matches(msg, s.c.keys.Quit):
			return s, tea.Quit
		}
	}
	return s, nil
}

func (s *summaryScreen) view() string {
	st := s.c.styles
	r := s.rec.s
	var b strings.Builder
	title, why := "Session complete", ""
	switch {
	case r.Status == storage.StatusCompleted:
	case s.rec.stoppedEarly:
		title = "Session saved (stopped early)"
	default:
		title = "Session saved as partial"
		why = fmt.Sprintf("%d of %d sets done; a session counts as completed from 80%%.", s.rec.setsDone, s.rec.setsCounted)
	}
	b.WriteString(st.Title.Render(title) + "\n")
	b.WriteString(routines.Sanitize(r.Routine.Name) + "\n")
	if why != "" {
		for _, l := range wrap(why, max(s.w, 10)) {
			b.WriteString(st.Faint.Render(l) + "\n")
		}
	}
	b.WriteString("\n")
	var hurt []string
	for _, e := range r.Exercises {
		mark, style := "✓", st.Good
		switch {
		case e.SetsDone == 0:
			mark, style = "·", st.Faint
		case e.SetsDone < e.SetsPlanned:
			mark, style = "~", st.Warn
		}
		info := fmt.Sprintf("%d/%d sets", e.SetsDone, e.SetsPlanned)
		if e.Skipped {
			info += ", skipped"
		}
		if e.Hurt {
			info += ", hurt"
			hurt = append(hurt, routines.Sanitize(e.Name))
		}
		if !compact(s.w, s.h) {
			b.WriteString(spread(style.Render(mark)+" "+routines.Sanitize(e.Name), st.Faint.Render(info), s.w) + "\n")
		}
	}
	if compact(s.w, s.h) {
		b.WriteString(fmt.Sprintf("%d of %d exercises done\n", done(r.Exercises), len(r.Exercises)))
	}
	b.WriteString("\nPain: " + painPair(r.PainBefore, r.PainAfter) + "\n")
	if c := routines.SessionChange(r.PainBefore, r.PainAfter); c != "" {
		for _, l := range wrap(c, max(s.w, 10)) {
			b.WriteString(l + "\n")
		}
	}
	if len(hurt) > 0 {
		for _, l := range wrap("Flagged as hurting: "+strings.Join(hurt, ", ")+". Tell your therapist.", max(s.w, 10)) {
			b.WriteString(st.Warn.Render(l) + "\n")
		}
	}
	switch {
	case s.err != nil:
		b.WriteString("\n" + st.Bad.Render(s.err.Error()))
	case s.ov != nil:
		b.WriteString("\nStreak: " + st.Bold.Render(text.Count(s.ov.Stats.CurrentStreakDays, "day")))
	}
	return b.String()
}

// done counts exercises with every set done.
func done(ex []storage.ExerciseResult) int {
	n := 0
	for _, e := range ex {
		if e.SetsDone >= e.SetsPlanned && e.SetsPlanned > 0 {
			n++
		}
	}
	return n
}

func (s *summaryScreen) ShortHelp() []key.Binding {
	k := s.c.keys
	return []key.Binding{k.Home, k.Quit, k.Help}
}

func (s *summaryScreen) FullHelp() [][]key.Binding {
	return [][]key.Binding{s.ShortHelp(), {s.c.keys.Kill}}
}
