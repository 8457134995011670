package tui

import (
	"fmt"
	"strings"
	"time"

	"corecoach/routines"
	"corecoach/routines/text"
)

// longPrepare is the get-ready countdown beyond which it is a rest too, as
// between the rounds of a pyramid.
const longPrepare = 15 * time.Second

func (s *sessionScreen) view() string {
	sn := s.eng.Snapshot(s.now)
	if sn.Done {
		return s.c.styles.Faint.Render("Saving…")
	}
	if s.panel != nil {
		return s.panelView()
	}
	if compact(s.w, s.h) {
		return s.compactView(sn)
	}
	return s.fullView(sn)
}

// sessionText is the routine's text as the session screen shows it,
// sanitised once when the screen is made: it never changes during a session.
type sessionText struct {
	routine   string
	exercises []exerciseText
}

type exerciseText struct {
	name  string
	cues  []string
	notes string // trimmed; "" when none
}

func newSessionText(r *routines.Routine) sessionText {
	t := sessionText{routine: routines.Sanitize(r.Name), exercises: make([]exerciseText, len(r.Exercises))}
	for i, ex := range r.Exercises {
		e := exerciseText{name: routines.Sanitize(ex.Name)}
		for _, c := range ex.Cues {
			e.cues = append(e.cues, routines.Sanitize(c))
		}
		if n := strings.TrimSpace(ex.Notes); n != "" {
			e.notes = routines.Sanitize(n)
		}
		t.exercises[i] = e
	}
	return t
}

func (s *sessionScreen) label(sn routines.Snapshot) string {
	if sn.Paused && !s.confirmQuit {
		return s.c.styles.Paused.Render("PAUSED · space to resume")
	}
	return s.c.styles.Heading.Render(phaseLabel(sn))
}

// phaseLabel is the big word for what to do now: for held reps, the phase
// under way (HOLD, RELAX), else the step's.
func phaseLabel(sn routines.Snapshot) string {
	switch sn.Phase {
	case routines.PhaseHold:
		return "HOLD"
	case routines.PhaseRelax:
		return "RELAX"
	}
	return stepLabel(sn.Step)
}

// countdown is the time the big digits count down: a held rep's phase, or
// the whole step.
func countdown(sn routines.Snapshot) time.Duration {
	if sn.Phase != routines.PhaseNone {
		return sn.PhaseRemaining
	}
	return sn.Remaining
}

// clockLine is the label and the countdown on one line, the pause label
// shortened to fit so that the countdown is never cut off.
func (s *sessionScreen) clockLine(sn routines.Snapshot, clock string) string {
	line := s.label(sn) + " " + clock
	if sn.Paused && !s.confirmQuit && text.Width(line) > s.w {
		line = s.c.styles.Paused.Render("PAUSED") + " " + clock
	}
	return line
}

// detail is the line under the countdown: the rep, or what a pause is for.
func (s *sessionScreen) detail(sn routines.Snapshot) string {
	st := sn.Step
	switch st.Kind {
	case routines.StepReps:
		rep := fmt.Sprintf("rep %d of %d", max(sn.Rep, 1), st.Reps)
		if sn.Phase != routines.PhaseNone {
			// The digits count down the phase; the set's time is beside it.
			return rep + " · set " + minSec(sn.Remaining) + " left"
		}
		return rep
	case routines.StepSwitch:
		return "now the " + st.Side.String() + " side"
	case routines.StepPrepare:
		if st.Duration > longPrepare {
			return "rest, then get into position"
		}
		return "get into position"
	case routines.StepRest:
		return "breathe · + for 15 s more · n to move on"
	}
	return ""
}

// status is the bottom line: the quit question, a notice, or mute.
func (s *sessionScreen) status() string {
	st := s.c.styles
	switch {
	case s.confirmQuit:
		// Shortened, not cut: the footer names the keys as well.
		return st.Warn.Render(fitting(s.w, "Stop now? What you did so far is kept. y: stop · n: keep going",
			"Stop now? What you did so far is kept.", "Stop now?"))
	case s.notice != "":
		// A notice may say what to do about pain: wrapped, never cut off.
		lines := wrap(s.notice, max(s.w, 10))
		for i, l := range lines {
			lines[i] = st.Warn.Render(l)
		}
		return strings.Join(lines, "\n")
	case s.c.muted:
		return st.Faint.Render("sound off (m)")
	}
	return ""
}

// overall is the whole session's time left and the share done. The engine's
// Progress counts a rest at its planned length, so time added with + would
// not show: time left is this step's (extensions included) plus the planned
// steps after it, and the share is done / (done + left). Paused time is in
// neither, so a pause moves nothing.
func (s *sessionScreen) overall(sn routines.Snapshot) (left time.Duration, frac float64) {
	i := min(sn.Index, len(s.plan.Steps))
	if i == len(s.plan.Steps) {
		return 0, sn.Progress
	}
	left = sn.Remaining + s.before[len(s.plan.Steps)] - s.before[i+1]
	// A step counts as done up to its planned length, as in the engine, so
	// the share does not jump when an extended rest ends.
	done := s.before[i] + min(sn.Elapsed, max(sn.Step.Duration, 0))
	if done+left <= 0 {
		return 0, 0
	}
	return left, float64(done) / float64(done+left)
}

func (s *sessionScreen) fullView(sn routines.Snapshot) string {
	st := s.c.styles
	w := s.w
	left, frac := s.overall(sn)
	var top, bottom []string
	top = append(top,
		spread(st.Title.Render(s.text.routine),
			st.Faint.Render(fmt.Sprintf("%s left · %d%%", minSec(left), int(frac*100))), w),
		bar(st, frac, w),
		"",
		spread(st.Bold.Render(s.text.exercises[sn.Step.Exercise].name), setLine(sn.Step), w),
		s.label(sn),
		"",
	)
	digits := st.Digits
	if sn.Paused {
		digits = st.Faint
	}
	clock := clockText(countdown(sn))
	if bigWidth(clock, 2) <= w {
		for _, row := range bigText(clock, 2) {
			top = append(top, center(digits.Render(row), w))
		}
	} else {
		top = append(top, center(digits.Render(clock), w))
	}
	top = append(top, "", center(s.detail(sn), w), bar(st, sn.StepProgress, w))

	bottom = append(bottom, "", st.Faint.Render(s.nextText(sn.Index)))
	bottom = append(bottom, strings.Split(s.status(), "\n")...)
	room := s.h - len(top) - len(bottom)
	return strings.Join(append(append(top, s.cues(sn.Step.Exercise, room)...), bottom...), "\n")
}

// fitDetail keeps as many of the detail's " · " parts as fit in room, the
// first (the rep) always.
func fitDetail(detail string, room int) string {
	parts := strings.Split(detail, " · ")
	for n := len(parts); n > 1; n-- {
		if d := strings.Join(parts[:n], " · "); text.Width(d) <= room {
			return d
		}
	}
	return parts[0]
}

// cues are the form cues and notes of exercise i, as many lines as fit in
// room, after a blank line.
func (s *sessionScreen) cues(i, room int) []string {
	if room < 2 || i >= len(s.cueLines) {
		return nil
	}
	lines := append([]string{""}, s.cueLines[i]...)
	return lines[:min(len(lines), room)]
}

// wrapCues lays out every exercise's cues and notes for width w, once per
// width rather than on every frame.
func (s *sessionScreen) wrapCues(w int) [][]string {
	out := make([][]string, len(s.text.exercises))
	for i, ex := range s.text.exercises {
		var lines []string
		for _, c := range ex.cues {
			for j, l := range wrap(c, w-2) {
				lead := "  "
				if j == 0 {
					lead = "• "
				}
				lines = append(lines, lead+l)
			}
		}
		if ex.notes != "" {
			for _, l := range wrap("Note: "+ex.notes, w) {
				lines = append(lines, s.c.styles.Warn.Render(l))
			}
		}
		out[i] = lines
	}
	return out
}

func (s *sessionScreen) compactView(sn routines.Snapshot) string {
	st := s.c.styles
	w := s.w
	short := strings.NewReplacer(" of ", "/", "left side", "L", "right side", "R", "set ", "")
	lines := []string{spread(st.Bold.Render(s.text.exercises[sn.Step.Exercise].name), short.Replace(setLine(sn.Step)), w)}
	clock := clockText(countdown(sn))
	digits := st.Digits
	if sn.Paused {
		digits = st.Faint
	}
	// The big digits need 5 rows beside the name, label, bar, next and status lines.
	if s.h >= digitRows+5 && bigWidth(clock, 1) <= w {
		label := s.label(sn)
		lines = append(lines, spread(label, fitDetail(short.Replace(s.detail(sn)), w-text.Width(label)-1), w))
		for _, row := range bigText(clock, 1) {
			lines = append(lines, center(digits.Render(row), w))
		}
	} else {
		line := s.clockLine(sn, digits.Render(clock))
		lines = append(lines, spread(line, fitDetail(short.Replace(s.detail(sn)), w-text.Width(line)-1), w))
	}
	lines = append(lines, bar(st, sn.StepProgress, w), st.Faint.Render(s.nextText(sn.Index)))
	if status := s.status(); status != "" {
		lines = append(lines, status)
	}
	return strings.Join(lines, "\n")
}
