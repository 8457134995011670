package tui

import (
	"fmt"
	"strings"
	"time"

	"corecoach/routines"
)

func (s *sessionScreen) view() string {
	sn := s.eng.Snapshot(s.now)
	if sn.Done {
		return s.c.styles.Faint.Render("Saving…")
	}
	if compact(s.w, s.h) {
		return s.compactView(sn)
	}
	return s.fullView(sn)
}

// exercise is the current step's exercise.
func (s *sessionScreen) exercise(st routines.Step) routines.RoutineExercise {
	return s.plan.Routine.Exercises[st.Exercise]
}

func (s *sessionScreen) label(sn routines.Snapshot) string {
	if sn.Paused && !s.confirmQuit {
		return s.c.styles.Paused.Render("PAUSED · space to resume")
	}
	return s.c.styles.Heading.Render(stepLabel(sn.Step))
}

// detail is the line under the countdown: the rep, or what a pause is for.
func (s *sessionScreen) detail(sn routines.Snapshot) string {
	st := sn.Step
	switch st.Kind {
	case routines.StepReps:
		return fmt.Sprintf("rep %d of %d", max(sn.Rep, 1), st.Reps)
	case routines.StepSwitch:
		return "now the " + st.Side.String() + " side"
	case routines.StepPrepare:
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
		return st.Warn.Render("Stop now? What you did is saved. y: stop · n: keep going")
	case s.notice != "":
		return st.Warn.Render(s.notice)
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
	ex := s.exercise(sn.Step)
	left, frac := s.overall(sn)
	var top, bottom []string
	top = append(top,
		spread(st.Title.Render(routines.Sanitize(s.plan.Routine.Name)),
			st.Faint.Render(fmt.Sprintf("%s left · %d%%", minSec(left), int(frac*100))), w),
		bar(st, frac, w),
		"",
		spread(st.Bold.Render(routines.Sanitize(ex.Name)), setLine(sn.Step), w),
		s.label(sn),
		"",
	)
	digits := st.Digits
	if sn.Paused {
		digits = st.Faint
	}
	clock := clockText(sn.Remaining)
	if bigWidth(clock, 2) <= w {
		for _, row := range bigText(clock, 2) {
			top = append(top, center(digits.Render(row), w))
		}
	} else {
		top = append(top, center(digits.Render(clock), w))
	}
	top = append(top, "", center(s.detail(sn), w), bar(st, sn.StepProgress, w))

	bottom = append(bottom, "", st.Faint.Render(s.nextText(sn.Index)), s.status())
	room := s.h - len(top) - len(bottom)
	return strings.Join(append(append(top, s.cues(ex, room)...), bottom...), "\n")
}

// cues are the form cues and notes, as many lines as fit in room.
func (s *sessionScreen) cues(ex routines.RoutineExercise, room int) []string {
	if room < 2 {
		return nil
	}
	w := s.w - 2
	lines := []string{""}
	for _, c := range ex.Cues {
		for i, l := range wrap(routines.Sanitize(c), w) {
			lead := "  "
			if i == 0 {
				lead = "• "
			}
			lines = append(lines, lead+l)
		}
	}
	if n := strings.TrimSpace(ex.Notes); n != "" {
		for _, l := range wrap("Note: "+routines.Sanitize(n), s.w) {
			lines = append(lines, s.c.styles.Warn.Render(l))
		}
	}
	if len(lines) > room {
		lines = lines[:room]
	}
	return lines
}

func (s *sessionScreen) compactView(sn routines.Snapshot) string {
	st := s.c.styles
	w := s.w
	ex := s.exercise(sn.Step)
	short := strings.NewReplacer(" of ", "/", "left side", "L", "right side", "R", "set ", "")
	lines := []string{spread(st.Bold.Render(routines.Sanitize(ex.Name)), short.Replace(setLine(sn.Step)), w)}
	clock := clockText(sn.Remaining)
	digits := st.Digits
	if sn.Paused {
		digits = st.Faint
	}
	// The big digits need 5 rows beside the name, label, bar, next and status lines.
	if s.h >= digitRows+5 && bigWidth(clock, 1) <= w {
		lines = append(lines, spread(s.label(sn), short.Replace(s.detail(sn)), w))
		for _, row := range bigText(clock, 1) {
			lines = append(lines, center(digits.Render(row), w))
		}
	} else {
		lines = append(lines, spread(s.label(sn)+" "+digits.Render(clock), short.Replace(s.detail(sn)), w))
	}
	lines = append(lines, bar(st, sn.StepProgress, w), st.Faint.Render(s.nextText(sn.Index)))
	if status := s.status(); status != "" {
		lines = append(lines, status)
	}
	return strings.Join(lines, "\n")
}
