package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"corecoach/routines"
	"corecoach/routines/text"
	"corecoach/storage/progress"
)

// progressScreen shows the history in three sections, switched with tab or
// the arrow keys: the calendar with streaks and adherence, the pain charts,
// and how each exercise went. A section taller than the window scrolls.
type progressScreen struct {
	c    *common
	data *progressData // nil until loaded
	err  error
	tab  int
	vp   viewport.Model
	keys progressKeys
	w, h int
}

var progressTabs = []string{"Calendar", "Pain", "Exercises"}

type progressKeys struct {
	NextTab, PrevTab, Up, Down, PageUp, PageDown, Home key.Binding
	Scroll                                             key.Binding // up and down, as one entry of the short help
}

func newProgress(c *common) *progressScreen {
	k := progressKeys{
		NextTab:  key.NewBinding(key.WithKeys("tab", "right", "l"), key.WithHelp("tab", "section")),
		PrevTab:  key.NewBinding(key.WithKeys("shift+tab", "left", "h"), key.WithHelp("←/h", "previous section")),
		Scroll:   key.NewBinding(key.WithKeys("up", "down", "k", "j"), key.WithHelp("↑↓", "scroll")),
		Up:       c.keys.Up,
		Down:     c.keys.Down,
		PageUp:   key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "space", "f"), key.WithHelp("pgdn", "page down")),
		Home:     with(c.keys.Back, "esc/q", "home"),
	}
	vp := viewport.New()
	vp.KeyMap = viewport.KeyMap{Up: k.Up, Down: k.Down, PageUp: k.PageUp, PageDown: k.PageDown}
	vp.MouseWheelEnabled = false
	return &progressScreen{c: c, vp: vp, keys: k}
}

func (s *progressScreen) init() tea.Cmd { return loadProgress(s.c) }

func (s *progressScreen) setSize(w, h int) {
	s.w, s.h = w, h
	s.refresh()
}

func (s *progressScreen) update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case progressLoadedMsg:
		s.err = msg.err
		if msg.err == nil {
			s.data = &msg.data
		}
		s.refresh()
		return s, nil
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, s.c.keys.Back, s.c.keys.Quit):
			return s, send(goHomeMsg{})
		case key.Matches(msg, s.keys.NextTab):
			s.switchTab(1)
			return s, nil
		case key.Matches(msg, s.keys.PrevTab):
			s.switchTab(-1)
			return s, nil
		}
	}
	var cmd tea.Cmd
	s.vp, cmd = s.vp.Update(msg)
	return s, cmd
}

func (s *progressScreen) switchTab(step int) {
	s.tab = (s.tab + step + len(progressTabs)) % len(progressTabs)
	s.refresh()
	s.vp.GotoTop()
}

// header is the title and the section tabs: on one line when they fit.
func (s *progressScreen) header() string {
	st := s.c.styles
	var tabs []string
	for i, t := range progressTabs {
		if i == s.tab {
			tabs = append(tabs, st.Selected.Render("["+t+"]"))
		} else {
			tabs = append(tabs, st.Faint.Render(" "+t+" "))
		}
	}
	bar := strings.Join(tabs, " ")
	title := st.Title.Render("Progress")
	head := spread(title, bar, s.w)
	if head == title {
		head = title + "\n" + bar
	}
	if !compact(s.w, s.h) {
		head += "\n"
	}
	return head
}

// refresh lays the current section out for the viewport. It runs on a
// size, data or section change, never in view.
func (s *progressScreen) refresh() {
	s.vp.SetWidth(max(1, s.w))
	s.vp.SetHeight(max(1, s.h-strings.Count(s.header(), "\n")-1))
	s.vp.SetContent(s.section())
}

func (s *progressScreen) section() string {
	st := s.c.styles
	switch {
	case s.err != nil:
		return strings.Join(wrap(s.err.Error(), max(s.w, 10)), "\n")
	case s.data == nil:
		return st.Faint.Render("Loading…")
	}
	var lines []string
	switch s.tab {
	case 0:
		lines = s.calendarSection()
	case 1:
		lines = s.painSection()
	default:
		lines = s.exerciseSection()
	}
	return strings.Join(lines, "\n")
}

func (s *progressScreen) calendarSection() []string {
	st := s.c.styles
	w := max(s.w, 10)
	var out []string
	for _, l := range s.totals() {
		out = append(out, wrap(l, w)...)
	}
	out = append(out, "")
	out = append(out, calendarView(st, s.data.calendar, s.data.asOf, w)...)
	return append(out, legendView(st, w)...)
}

// totals are the streaks, session counts and adherence, shorter in a
// small window.
func (s *progressScreen) totals() []string {
	st := s.c.styles
	x := s.data.stats
	if x.SessionsTotal == 0 {
		return []string{"No sessions yet. The calendar fills in as you go."}
	}
	small := compact(s.w, s.h)
	out := []string{fmt.Sprintf("Streak %s, longest %s", st.Bold.Render(text.Count(x.CurrentStreakDays, "day")), text.Count(x.LongestStreakDays, "day"))}
	if small {
		out = append(out, fmt.Sprintf("Sessions %d, %d completed", x.SessionsTotal, x.SessionsCompleted))
	} else {
		out = append(out, fmt.Sprintf("Sessions %d, %d completed · active days in the last 30: %d", x.SessionsTotal, x.SessionsCompleted, x.ActiveDaysLast30))
	}
	switch {
	case x.ScheduledDaysLast28 == 0:
		return append(out, "Last 4 weeks: no scheduled days yet")
	case small:
		return append(out, fmt.Sprintf("Last 4 weeks %s (%d of %d days)", text.Percent(x.AdherenceLast28), x.CompletedScheduledDaysLast28, x.ScheduledDaysLast28))
	}
	return append(out, fmt.Sprintf("Last 4 weeks %s %s of scheduled days (%d of %d)",
		bar(st, x.AdherenceLast28, 10), text.Percent(x.AdherenceLast28), x.CompletedScheduledDaysLast28, x.ScheduledDaysLast28))
}

func (s *progressScreen) painSection() []string {
	st := s.c.styles
	x := s.data.stats
	w := max(s.w, 10)
	if x.PainBeforeAvgLast7 == nil && x.PainAfterAvgLast7 == nil && !anyPain(s.data.pain) {
		return wrap("No pain scores yet. They are asked before and after each session.", w)
	}
	h := 6
	if compact(s.w, s.h) {
		h = 3
	}
	span := shownDays(s.data.pain, w)
	var out []string
	if compact(s.w, s.h) {
		out = append(out, wrap(fmt.Sprintf("Last 7 days: before %s · after %s", text.Average(x.PainBeforeAvgLast7), text.Average(x.PainAfterAvgLast7)), w)...)
	} else {
		// What the averages show, with "meaningful" only by its rule.
		for _, l := range x.PainTrend() {
			out = append(out, wrap(l, w)...)
		}
	}
	legend := "Line: 7-day average · " + dotGlyph + ": each day"
	if visitsShown(s.data.pain, s.data.visits, w) {
		legend += " · " + visitGlyph + ": therapy visit"
	}
	out = append(out, wrap(st.Faint.Render(legend), w)...)
	if !compact(s.w, s.h) {
		out = append(out, "")
	}
	out = append(out, st.Heading.Render(fmt.Sprintf("Pain before, last %s", weeksText(span))))
	out = append(out, painChart(st, s.data.pain, s.data.visits, false, w, h)...)
	out = append(out, st.Heading.Render("Pain after"))
	return append(out, painChart(st, s.data.pain, s.data.visits, true, w, h)...)
}

func anyPain(ds []progress.PainDay) bool {
	for _, d := range ds {
		if d.Before != nil || d.After != nil {
			return true
		}
	}
	return false
}

func weeksText(n int) string {
	if n%7 == 0 {
		return fmt.Sprintf("%d weeks", n/7)
	}
	return fmt.Sprintf("%d days", n)
}

func (s *progressScreen) exerciseSection() []string {
	st := s.c.styles
	w := max(s.w, 10)
	if len(s.data.exercises) == 0 {
		return wrap("No sessions in the last 4 weeks.", w)
	}
	out := []string{st.Heading.Render("Sets done, last 4 weeks")}
	nameW := 0
	for _, e := range s.data.exercises {
		nameW = max(nameW, text.Width(routines.Sanitize(e.name)))
	}
	nameW = min(nameW, max(8, w/3))
	for _, e := range s.data.exercises {
		frac := 0.0
		if e.setsPlanned > 0 {
			frac = float64(e.setsDone) / float64(e.setsPlanned)
		}
		name := routines.Sanitize(e.name)
		name = text.Fit(name, nameW)
		name += strings.Repeat(" ", nameW-text.Width(name))
		sets := fmt.Sprintf("%d/%d", e.setsDone, e.setsPlanned)
		line := fmt.Sprintf("%s %s %4s %s", name, bar(st, frac, min(12, max(4, w-nameW-22))), text.Percent(frac), sets)
		if compact(s.w, s.h) {
			line = fmt.Sprintf("%s %4s %s", name, text.Percent(frac), sets)
		}
		if e.hurt > 0 {
			line += " " + st.Warn.Render(fmt.Sprintf("! hurt %d×", e.hurt))
		}
		out = append(out, line)
	}
	var notes []string
	for _, e := range s.data.exercises {
		if e.hurt > 0 {
			notes = append(notes, routines.Sanitize(e.name))
		}
	}
	if len(notes) > 0 {
		out = append(out, "")
		out = append(out, wrap("Flagged as hurting: "+strings.Join(notes, ", ")+". Tell your therapist.", w)...)
	}
	return out
}

// view is the header over the section. A section taller than the window
// says so on its first or last row, which it gives up for the marker: the
// footer may have no room for the scroll keys, and nothing may be hidden
// without a word (each row shows unmarked at some scroll position).
func (s *progressScreen) view() string {
	body := s.vp.View()
	if s.scrolls() {
		lines := strings.Split(body, "\n")
		if n := len(lines); n >= 3 {
			if !s.vp.AtTop() {
				lines[0] = s.c.styles.Faint.Render("↑ more above (k)")
			}
			if !s.vp.AtBottom() {
				lines[n-1] = s.c.styles.Faint.Render("↓ more below (j)")
			}
		}
		body = strings.Join(lines, "\n")
	}
	return s.header() + "\n" + body
}

// scrolls reports whether the section is taller than the room for it.
func (s *progressScreen) scrolls() bool { return s.vp.TotalLineCount() > s.vp.Height() }

func (s *progressScreen) ShortHelp() []key.Binding {
	k := s.keys
	return []key.Binding{k.NextTab, enabled(k.Scroll, s.scrolls()), k.Home, s.c.keys.Help}
}

func (s *progressScreen) FullHelp() [][]key.Binding {
	k := s.keys
	more := s.scrolls()
	return [][]key.Binding{
		{with(k.NextTab, "tab/→/l", "next section"), k.PrevTab, enabled(k.Down, more), enabled(k.Up, more), enabled(k.PageDown, more), enabled(k.PageUp, more)},
		{k.Home, s.c.keys.Help, s.c.keys.Kill},
	}
}
