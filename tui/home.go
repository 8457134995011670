package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"corecoach/routines"
	"corecoach/routines/text"
)

// homeScreen lists the routines and how things stand today.
type homeScreen struct {
	c       *common
	cursor  int
	loaded  // the overview, nil until loaded
	checkin checkinState
	w, h    int
}

// routineLine is what home shows of a routine beside its name.
type routineLine struct {
	name  string // sanitised
	total string // the whole session's time
	count int    // exercises, as a client counts them
}

// routineLines works out home's lines once, when the interface is made:
// compiling every routine on each visit home would repeat the same work.
func routineLines(rs []*routines.Routine) []routineLine {
	lines := make([]routineLine, len(rs))
	for i, r := range rs {
		lines[i] = routineLine{
			name:  routines.Sanitize(r.Name),
			total: routines.FormatDuration(routines.Compile(r).Total()),
			count: r.ExerciseCount(),
		}
	}
	return lines
}

// newHome opens home on the routine chosen before, if any.
func newHome(c *common) *homeScreen {
	s := &homeScreen{c: c}
	s.selectID(c.selected)
	return s
}

func (s *homeScreen) init() tea.Cmd { return tea.Batch(loadStats(s.c), loadCheckin(s.c)) }

func (s *homeScreen) setSize(w, h int) { s.w, s.h = w, h }

func (s *homeScreen) update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case statsLoadedMsg:
		s.set(msg)
		if s.ov != nil {
			s.selectLast()
		}
	case checkinLoadedMsg:
		return s, s.gotCheckin(msg)
	case tea.KeyPressMsg:
		k := s.c.keys
		n := len(s.c.routines)
		switch {
		case key.Matches(msg, k.Up) && n > 0:
			s.choose((s.cursor - 1 + n) % n)
		case key.Matches(msg, k.Down) && n > 0:
			s.choose((s.cursor + 1) % n)
		case key.Matches(msg, k.Start) && n > 0:
			return s, send(startRoutineMsg{r: s.c.routines[s.cursor]})
		case key.Matches(msg, k.Stats):
			return s, send(openStatsMsg{})
		case key.Matches(msg, k.Safety):
			return s, send(openSafetyMsg{})
		case key.Matches(msg, k.Visit):
			return s, send(openVisitMsg{})
		case key.Matches(msg, k.Quit):
			return s, quit
		}
	}
	return s, nil
}

// choose moves the cursor to routine i and remembers it for the next visit.
func (s *homeScreen) choose(i int) {
	s.cursor = i
	s.c.selected = s.c.routines[i].ID
}

// selectID puts the cursor on the routine with the given id, if listed.
func (s *homeScreen) selectID(id string) {
	if id == "" {
		return
	}
	for i, r := range s.c.routines {
		if r.ID == id {
			s.choose(i)
			return
		}
	}
}

// selectLast puts the cursor on the routine done last, until one is chosen.
func (s *homeScreen) selectLast() {
	if s.c.selected == "" && s.ov.Last != nil {
		s.selectID(s.ov.Last.Routine.ID)
	}
}

// minNameRoom is the fewest columns a routine's name is cut to on home
// to keep its time beside it; narrower, the time gives way.
const minNameRoom = 16

func (s *homeScreen) view() string {
	st := s.c.styles
	var b strings.Builder
	b.WriteString(spread(st.Title.Render("corecoach"), s.today(), s.w) + "\n")
	if !compact(s.w, s.h) {
		b.WriteString(s.status() + "\n\n" + s.checkinNote())
		b.WriteString(st.Heading.Render("Routines") + "\n")
	} else {
		b.WriteString(s.checkinNote())
	}
	rows := max(1, s.h-strings.Count(b.String(), "\n"))
	first := max(0, min(s.cursor-rows/2, len(s.c.routines)-rows))
	for i := first; i < len(s.c.routines) && i < first+rows; i++ {
		rl := s.c.lines[i]
		name := rl.name
		info := text.Count(rl.count, "exercise") + " · " + rl.total
		if compact(s.w, s.h) {
			info = rl.total
		}
		// A long name is cut with "…" so that the time stays in view,
		// while at least a few words of the name fit beside it.
		if room := s.w - 2 - text.Width(info) - 1; room >= minNameRoom {
			name = text.Fit(name, room)
		}
		line := "  " + name
		if i == s.cursor {
			line = st.Selected.Render("› " + name)
		}
		b.WriteString(spread(line, st.Faint.Render(info), s.w) + "\n")
	}
	if len(s.c.routines) == 0 {
		b.WriteString(st.Faint.Render("No routines yet. Add one with `corecoach routine add FILE`.") + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// today is the top-right word on whether today's session is done.
func (s *homeScreen) today() string {
	st := s.c.styles
	switch {
	case s.err != nil:
		return st.Bad.Render("history unreadable")
	case s.ov == nil:
		return ""
	case s.ov.TodayDone:
		return st.Good.Render("✓ done today")
	}
	return st.Faint.Render("not done today")
}

// status is the streak and the last pain scores.
func (s *homeScreen) status() string {
	st := s.c.styles
	if s.err != nil {
		return st.Bad.Render(s.err.Error())
	}
	if s.ov == nil {
		return ""
	}
	streak := fmt.Sprintf("Streak: %s", text.Count(s.ov.Stats.CurrentStreakDays, "day"))
	switch sc := s.ov.Scored; {
	case s.ov.Last == nil:
		return streak + st.Faint.Render(" · no sessions yet")
	case sc == nil:
		return streak
	case s.ov.ScoredEarlier:
		return streak + fmt.Sprintf(" · last pain %s (%s)", painPair(sc.PainBefore, sc.PainAfter), scoredOn(s.ov))
	}
	return streak + " · last pain " + painPair(s.ov.Scored.PainBefore, s.ov.Scored.PainAfter)
}

// painPair shows "4 → 2", with "–" for a skipped score.
func painPair(before, after *int) string {
	return routines.ScoreText(before) + " → " + routines.ScoreText(after)
}

func (s *homeScreen) ShortHelp() []key.Binding {
	k := s.c.keys
	has := len(s.c.routines) > 0
	return []key.Binding{enabled(k.Up, has), enabled(k.Down, has), enabled(k.Start, has), k.Stats, k.Visit, k.Quit, k.Help}
}

func (s *homeScreen) FullHelp() [][]key.Binding {
	k := s.c.keys
	return [][]key.Binding{s.ShortHelp(), {k.Safety, k.Kill}}
}
