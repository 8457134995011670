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
			return s, quit
		}
	}
	return s, nil
}

func (s *summaryScreen) view() string {
	st := s.c.styles
	r := s.rec.s
	w := max(s.w, 10)
	title, why := "Session complete", ""
	switch {
	case r.Status == storage.StatusCompleted:
	case s.rec.stoppedEarly:
		title = "Session stopped early"
	default:
		title = "Partial session"
		why = fmt.Sprintf("%d of %d sets done; a session counts as completed from 80%%.", s.rec.setsDone, s.rec.setsCounted)
	}
	var list, hurt []string
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
		list = append(list, spread(style.Render(mark)+" "+routines.Sanitize(e.Name), st.Faint.Render(info), s.w))
	}
	if compact(s.w, s.h) {
		list = []string{fmt.Sprintf("%d of %d exercises done", done(r.Exercises), len(r.Exercises))}
	}
	pain := wrap(routines.SessionPainText(r.PainBefore, r.PainAfter), w)
	if p := r.PainAfter; p != nil {
		if a := routines.AfterAdvice(*p, r.PainBefore, s.rec.painRules); a.Warns() {
			for _, l := range wrap(a.Text(), w) {
				pain = append(pain, st.Warn.Render(l))
			}
		}
	}
	var warn []string
	if len(hurt) > 0 {
		for _, l := range wrap("Flagged as hurting: "+strings.Join(hurt, ", ")+". Tell your therapist.", w) {
			warn = append(warn, st.Warn.Render(l))
		}
	}
	var streak []string
	switch {
	case s.err != nil:
		streak = wrap(st.Bad.Render(s.err.Error()), w)
	case s.ov != nil:
		streak = []string{"Streak: " + st.Bold.Render(text.Count(s.ov.Stats.CurrentStreakDays, "day"))}
	}
	// What is on disk, the pain and the warnings are never dropped; the
	// blank lines, the title and the streak give way first on a small screen.
	return fitBlocks([]block{
		{lines: []string{st.Title.Render(title)}, drop: dropTitle},
		{lines: wrap(routines.Sanitize(r.Routine.Name), w), drop: dropLegend},
		{lines: wrap(s.saveState(), w)},
		{lines: faintLines(st, why, w), drop: dropExtra},
		blank,
		{lines: list, drop: dropLegend},
		blank,
		{lines: pain},
		{lines: warn},
		blank,
		{lines: streak, drop: dropExtra},
	}, s.h)
}

// faintLines is text wrapped to w columns in the faint style; none for "".
func faintLines(st Styles, s string, w int) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, l := range wrap(s, w) {
		out = append(out, st.Faint.Render(l))
	}
	return out
}

// saveState says whether the session is in the database, as the saver
// knows it: the words never run ahead of the disk.
func (s *summaryScreen) saveState() string {
	st := s.c.styles
	switch {
	case s.c.saver.saved(s.rec.s.ID, s.rec.seq):
		return st.Good.Render("Saved.")
	case s.c.saver.failing(s.rec.s.ID):
		return st.Bad.Render("Not saved yet: corecoach tries again when you quit.")
	}
	return st.Faint.Render("Saving...")
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
