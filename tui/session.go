package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"corecoach/routines"
	"corecoach/routines/text"
	"corecoach/storage"
)

// extendBy is what `+` adds to a rest.
const extendBy = 15 * time.Second

// sessionScreen runs a routine's plan: the countdown, the cues, the sound.
type sessionScreen struct {
	c           *common
	eng         *routines.Engine
	plan        routines.Plan
	before      []time.Duration // planned time of the steps before each step, and of all at the end
	rec         *record
	text        sessionText // the routine's words, sanitised once
	cueW        int         // the width cueLines are wrapped to
	cueLines    [][]string  // each exercise's cues and notes, wrapped to cueW
	now         time.Time   // the time of the latest update, so view stays pure
	gen         int         // generation of the pending tick
	confirmQuit bool
	panel       *sessionPanel // a question or page over the session, nil when none
	pausedByAsk bool          // the quit question paused the session
	notice      string
	ended       bool
	w, h        int
}

// newSession starts the session: the first step, its bell, the session's
// first row in the database and the first tick.
func newSession(c *common, r *routines.Routine, painBefore *int) (*sessionScreen, tea.Cmd) {
	now := c.now()
	plan := routines.Compile(r)
	s := &sessionScreen{
		c:      c,
		eng:    routines.NewEngine(plan, now),
		plan:   plan,
		before: plannedBefore(plan),
		rec:    newRecord(r, now, c.zone, painBefore),
		text:   newSessionText(r),
		now:    now,
	}
	c.current = s.rec
	s.rec.results(s.eng.Results(now))
	save := saveSession(c, s.rec)
	return s, tea.Batch(save, s.handle(s.eng.Start(now)))
}

func (s *sessionScreen) setSize(w, h int) {
	s.w, s.h = w, h
	if w != s.cueW || s.cueLines == nil {
		s.cueW, s.cueLines = w, s.wrapCues(w)
	}
	if s.panel != nil {
		s.panel.page.h = h
		s.panel.page.scroll(len(s.panelLines()), 0)
	}
}

// plannedBefore sums the planned step lengths: element i is the time of the
// steps before step i, the last element the whole plan's.
func plannedBefore(p routines.Plan) []time.Duration {
	out := make([]time.Duration, len(p.Steps)+1)
	for i, st := range p.Steps {
		out[i+1] = out[i] + max(st.Duration, 0)
	}
	return out
}

func (s *sessionScreen) update(msg tea.Msg) (screen, tea.Cmd) {
	if s.ended {
		return s, nil
	}
	switch msg := msg.(type) {
	case tickMsg:
		if msg.gen != s.gen {
			return s, nil // superseded by a later schedule
		}
		s.now = s.c.now()
		return s, s.handle(s.eng.Tick(s.now))
	case tea.KeyPressMsg:
		s.now = s.c.now()
		return s, s.key(msg)
	}
	return s, nil
}

func (s *sessionScreen) key(msg tea.KeyPressMsg) tea.Cmd {
	k, now := s.c.keys, s.now
	if s.panel != nil {
		return s.panelKey(msg)
	}
	if s.confirmQuit {
		switch {
		case key.Matches(msg, k.Yes):
			s.confirmQuit = false
			return s.handle(s.eng.Quit(now))
		case key.Matches(msg, k.No):
			s.confirmQuit = false
			if s.pausedByAsk {
				s.pausedByAsk = false
				return s.handle(s.eng.TogglePause(now))
			}
			return s.handle(s.eng.Tick(now))
		}
		return nil
	}
	s.notice = ""
	switch {
	case key.Matches(msg, k.Quit):
		s.confirmQuit = true
		evs := s.eng.Tick(now)
		if !s.eng.Snapshot(now).Paused {
			s.pausedByAsk = true
			evs = append(evs, s.eng.TogglePause(now)...)
		}
		return s.handle(evs)
	case key.Matches(msg, k.Pause):
		return s.handle(s.eng.TogglePause(now))
	case key.Matches(msg, k.Next):
		return s.handle(s.eng.Skip(now))
	case key.Matches(msg, k.Prev):
		return s.handle(s.eng.Back(now))
	case key.Matches(msg, k.ExtendRest):
		if s.eng.ExtendRest(now, extendBy) {
			s.notice = "15 seconds more."
		}
		return s.handle(s.eng.Tick(now))
	case key.Matches(msg, k.Hurts):
		return s.openPanel(panelHurt)
	case key.Matches(msg, k.Variant) && s.hasVariants(s.eng.Snapshot(now).Step.Exercise):
		return s.openPanel(panelVariant)
	case key.Matches(msg, k.Mute):
		s.c.muted = !s.c.muted
		return nil
	}
	return nil
}

// handle turns engine events into sound, saves and the next tick.
func (s *sessionScreen) handle(evs []routines.Event) tea.Cmd {
	bells, checkpoint, done := 0, false, false
	for _, ev := range evs {
		switch ev.Kind {
		case routines.EventStepStarted:
			bells = max(bells, cueStepStart)
		case routines.EventRepStarted:
			if s.held(ev.Step) {
				bells = max(bells, cueStepStart)
			}
		case routines.EventRelaxStarted:
			bells = max(bells, cueHoldEnd)
		case routines.EventCountdown:
			bells = max(bells, cueCountdown)
		case routines.EventStepDone:
			if ev.Step < len(s.plan.Steps) && s.plan.Steps[ev.Step].Work() && !ev.Skipped {
				bells = max(bells, cueHoldEnd)
			}
		case routines.EventSetDone:
			checkpoint = true
		case routines.EventSessionDone:
			done = true
		}
	}
	cmds := []tea.Cmd{bell(s.c, bells)}
	if done {
		return tea.Batch(append(cmds, s.end(s.now))...)
	}
	if checkpoint {
		s.rec.results(s.eng.Results(s.now))
		cmds = append(cmds, saveSession(s.c, s.rec))
	}
	return tea.Batch(append(cmds, s.schedule())...)
}

// held reports whether step i is a set of held reps, whose phases ring.
func (s *sessionScreen) held(i int) bool {
	return i >= 0 && i < len(s.plan.Steps) && s.plan.Steps[i].Held()
}

// schedule asks for a tick when the screen will next change, and none while
// paused: a running hold wakes the program about once a second.
func (s *sessionScreen) schedule() tea.Cmd {
	s.gen++
	if sn := s.eng.Snapshot(s.now); sn.Paused || sn.Done {
		return nil
	}
	return tick(s.c, s.gen, s.eng.NextChange(s.now))
}

// end records the final state: completed or partial by
// routines.SessionCompleted.
func (s *sessionScreen) end(now time.Time) tea.Cmd {
	s.finish(now)
	return tea.Batch(saveSession(s.c, s.rec), send(sessionEndedMsg{rec: s.rec, routine: s.plan.Routine}))
}

func (s *sessionScreen) finish(now time.Time) {
	s.ended = true
	s.gen++
	sn := s.eng.Snapshot(now)
	res := s.eng.Results(now)
	status := storage.StatusPartial
	if routines.SessionCompleted(sn.Done && !sn.Quit, res) {
		status = storage.StatusCompleted
	}
	s.rec.results(res)
	s.rec.stoppedEarly = sn.Quit || !sn.Done
	s.rec.setsDone, s.rec.setsCounted = routines.SetsCounted(res)
	s.rec.finish(status, now)
}

// stop ends a running session at once (ctrl+c, a signal, the program's
// end) as partial; Model.Flush then saves it.
func (s *sessionScreen) stop() {
	if s.ended {
		return
	}
	now := s.c.now()
	s.eng.Quit(now)
	s.finish(now)
}

func (s *sessionScreen) ShortHelp() []key.Binding {
	k := s.c.keys
	if s.panel != nil {
		return s.panelHelp()
	}
	if s.confirmQuit {
		return []key.Binding{k.Yes, k.No}
	}
	sn := s.eng.Snapshot(s.now)
	pause := k.Pause
	if sn.Paused {
		pause.SetHelp("space", "resume")
	}
	mute := k.Mute
	if s.c.muted {
		mute.SetHelp("m", "unmute")
	}
	return []key.Binding{pause, k.Next, enabled(k.ExtendRest, s.eng.CanExtend()), enabled(k.Hurts, sn.Step.Work()),
		enabled(with(k.Variant, "e", "easier variant"), s.hasVariants(sn.Step.Exercise)), with(k.Quit, "q", "stop"), k.Help}
}

func (s *sessionScreen) FullHelp() [][]key.Binding {
	if s.confirmQuit || s.panel != nil {
		return [][]key.Binding{s.ShortHelp()}
	}
	k := s.c.keys
	mute := k.Mute
	if s.c.muted {
		mute.SetHelp("m", "unmute")
	}
	row := s.ShortHelp()
	for i, b := range row {
		if b.Help().Key == k.Variant.Help().Key { // the full help says it pauses
			row[i].SetHelp(k.Variant.Help().Key, k.Variant.Help().Desc)
		}
	}
	return [][]key.Binding{row, {k.Prev, mute, k.Kill}}
}

// stepLabel is the big word for what to do now.
func stepLabel(st routines.Step) string {
	switch st.Kind {
	case routines.StepPrepare:
		return "GET READY"
	case routines.StepHold:
		return "HOLD"
	case routines.StepReps:
		return "REPS"
	case routines.StepRest:
		return "REST"
	case routines.StepSwitch:
		return "SWITCH SIDES"
	}
	return ""
}

// clock formats whole seconds, rounded up, as 0:25 or 12 (under a minute).
func clockText(d time.Duration) string {
	if secs := int((d + time.Second - 1) / time.Second); secs < 60 {
		return fmt.Sprint(secs)
	}
	return minSec(d)
}

// minSec formats whole seconds, rounded up, as 0:25.
func minSec(d time.Duration) string {
	secs := int((d + time.Second - 1) / time.Second)
	return fmt.Sprintf("%d:%02d", secs/60, secs%60)
}

// setLine is "set 2 of 3 · left side".
func setLine(st routines.Step) string {
	parts := []string{}
	if st.Sets > 0 {
		parts = append(parts, fmt.Sprintf("set %d of %d", st.Set, st.Sets))
	}
	if st.Side != routines.SideNone {
		parts = append(parts, st.Side.String()+" side")
	}
	return strings.Join(parts, " · ")
}

// nextText says what comes after step i.
func (s *sessionScreen) nextText(i int) string {
	if i+1 >= len(s.plan.Steps) {
		return "Next: the end. Nearly there."
	}
	n := s.plan.Steps[i+1]
	ex := s.text.exercises[n.Exercise].name
	dur := routines.FormatDuration(n.Duration)
	switch n.Kind {
	case routines.StepPrepare:
		return "Next: " + ex
	case routines.StepRest:
		return "Next: rest " + dur
	case routines.StepSwitch:
		return "Next: switch sides"
	case routines.StepReps:
		return fmt.Sprintf("Next: %s, %s (%s)", ex, text.Count(n.Reps, "rep"), setLine(n))
	}
	return fmt.Sprintf("Next: %s, hold %s (%s)", ex, dur, setLine(n))
}
