package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// statsScreen is the progress page: streaks, totals, recent pain.
type statsScreen struct {
	c *common
	loaded
	w, h int
}

func newStats(c *common) *statsScreen { return &statsScreen{c: c} }

func (s *statsScreen) setSize(w, h int) { s.w, s.h = w, h }

func (s *statsScreen) update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case statsLoadedMsg:
		s.set(msg)

	case tea.KeyPressMsg:
		if key.Matches(msg, s.c.keys.Back, s.c.keys.Quit) {
			return s, send(goHomeMsg{})
		}
	}
	return s, nil
}

func (s *statsScreen) view() string {
	st := s.c.styles
	var b strings.Builder
	b.WriteString(st.Title.Render("Progress") + "\n\n")
	switch {
	case s.err != nil:
		return b.String() + st.Bad.Render(s.err.Error())
	case s.ov == nil:
		return b.String() + st.Faint.Render("Loading…")
	}
	x := s.ov.stats
	rows := [][2]string{
		{"Current streak", days(x.CurrentStreakDays)},
		{"Longest streak", days(x.LongestStreakDays)},
		{"Sessions", fmt.Sprintf("%d (%d completed)", x.SessionsTotal, x.SessionsCompleted)},
		{"Active days, last 30", fmt.Sprint(x.ActiveDaysLast30)},
		{"Adherence, last 28 days", fmt.Sprintf("%.0f%%", x.AdherenceLast28*100)},
		{"Pain before, 7-day average", avg(x.PainBeforeAvgLast7)},
		{"Pain after, 7-day average", avg(x.PainAfterAvgLast7)},
	}
	for _, r := range rows {
		b.WriteString(spread(r[0], st.Bold.Render(r[1]), min(s.w, 50)) + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func avg(p *float64) string {
	if p == nil {
		return "–"
	}
	return fmt.Sprintf("%.1f", *p)
}

func (s *statsScreen) ShortHelp() []key.Binding {
	k := s.c.keys
	return []key.Binding{with(k.Back, "esc/q", "home"), k.Help}
}

func (s *statsScreen) FullHelp() [][]key.Binding {
	return [][]key.Binding{s.ShortHelp(), {s.c.keys.Kill}}
}
