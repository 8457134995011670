package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"corecoach/routines"
	"corecoach/storage"
)

// A panel is a question or a page over the session: what kind of hurt (x),
// the emergency red flags after leg symptoms, the easier and harder
// variants (e). The session is paused while one is open: someone reading
// about their pain, or how to make an exercise easier, should not be timed.
type panelKind int

const (
	panelHurt    panelKind = iota + 1 // x: what kind of hurt?
	panelLegStop                      // leg symptoms: the exercise stops; the emergency red flags
	panelVariant                      // e: the variants and the form cues
)

type sessionPanel struct {
	kind     panelKind
	exercise int  // the exercise it is about
	resume   bool // the panel paused the session: closing it resumes
	page     pager
}

// openPanel pauses the session, if it runs, and opens a panel about the
// current exercise.
func (s *sessionScreen) openPanel(kind panelKind) tea.Cmd {
	evs := s.eng.Tick(s.now)
	sn := s.eng.Snapshot(s.now)
	if sn.Done {
		return s.handle(evs)
	}
	p := &sessionPanel{kind: kind, exercise: sn.Step.Exercise, page: pager{h: s.h}}
	if !sn.Paused {
		p.resume = true
		evs = append(evs, s.eng.TogglePause(s.now)...)
	}
	s.panel = p
	p.page.scroll(len(s.panelLines()), 0)
	return s.handle(evs)
}

// closePanel closes the panel and resumes the session if the panel paused it.
func (s *sessionScreen) closePanel() tea.Cmd {
	p := s.panel
	s.panel = nil
	if p.resume {
		return s.handle(s.eng.TogglePause(s.now))
	}
	return s.handle(s.eng.Tick(s.now))
}

// variants are exercise x's easier and harder versions, "" when it has none.
func (s *sessionScreen) variants(x int) (easier, harder string) {
	if r := s.plan.Routine; r != nil && x >= 0 && x < len(r.Exercises) {
		return r.Exercises[x].Variants()
	}
	return "", ""
}

func (s *sessionScreen) hasVariants(x int) bool {
	e, h := s.variants(x)
	return e != "" || h != ""
}

func (s *sessionScreen) panelKey(msg tea.KeyPressMsg) tea.Cmd {
	k, p := s.c.keys, s.panel
	lines := len(s.panelLines())
	switch {
	case key.Matches(msg, k.Down):
		p.page.scroll(lines, 1)
		return nil
	case key.Matches(msg, k.Up):
		p.page.scroll(lines, -1)
		return nil
	}
	name := s.text.exercises[p.exercise].name
	switch p.kind {
	case panelHurt:
		switch {
		case key.Matches(msg, k.HurtLeg):
			s.flagHurt(p.exercise, storage.HurtLeg)
			// The session stays paused after this panel: what comes next
			// is the person's choice.
			s.panel = &sessionPanel{kind: panelLegStop, exercise: p.exercise, page: pager{h: s.h}}
			s.panel.page.scroll(len(s.panelLines()), 0)
		case key.Matches(msg, k.HurtSharp, k.HurtOther):
			kind := storage.HurtSharp
			s.notice = "Noted for your therapist. Do not push into sharp pain: n skips " + name + ", space goes on."
			if key.Matches(msg, k.HurtOther) {
				kind = storage.HurtOther
				s.notice = "Noted for your therapist. Ease off, or n skips " + name + "; space goes on."
			}
			s.flagHurt(p.exercise, kind)
			if s.hasVariants(p.exercise) {
				s.notice += " e: the easier variant."
			}
			s.panel = nil // still paused: the person chooses what next
			return s.handle(s.eng.Tick(s.now))
		case key.Matches(msg, k.Variant) && s.hasVariants(p.exercise):
			s.panel = &sessionPanel{kind: panelVariant, exercise: p.exercise, resume: p.resume, page: pager{h: s.h}}
			s.panel.page.scroll(len(s.panelLines()), 0)
		case key.Matches(msg, k.Back):
			return s.closePanel() // nothing noted
		}
	case panelLegStop:
		if key.Matches(msg, k.Confirm, k.Back) && p.page.read {
			// The rest of the exercise is skipped only now, so that the
			// red flags are read before a last exercise ends the session.
			s.panel = nil
			s.notice = name + " stopped. space: next exercise"
			return s.handle(s.eng.SkipExercise(s.now))
		}
	case panelVariant:
		if key.Matches(msg, k.Variant, k.Back, k.Confirm) {
			return s.closePanel()
		}
	}
	return nil
}

// flagHurt flags exercise x as hurting, with the kind, for the therapist.
func (s *sessionScreen) flagHurt(x int, kind string) {
	s.eng.FlagHurt(s.now)
	s.rec.hurt(x, kind)
	s.rec.results(s.eng.Results(s.now))
}

// panelLines is the open panel's text, every line within the width.
func (s *sessionScreen) panelLines() []string {
	p, st := s.panel, s.c.styles
	short := compact(s.w, s.h)
	w := max(s.w, 10)
	name := s.text.exercises[p.exercise].name
	var out []string
	add := func(style func(...string) string, text string) {
		for _, l := range wrap(text, w) {
			out = append(out, style(l))
		}
	}
	plain := func(t ...string) string { return t[0] }
	gap := func() {
		if !short {
			out = append(out, "")
		}
	}
	easier, harder := s.variants(p.exercise)
	switch p.kind {
	case panelHurt:
		add(st.Heading.Render, name+" hurts. What kind of hurt?")
		gap()
		for _, o := range []struct{ key, text string }{
			{"l", "pain, numbness or tingling spreading down a leg"},
			{"s", "sharp pain here"},
			{"o", "other"},
		} {
			for i, l := range wrap(o.text, w-3) {
				lead := "   "
				if i == 0 {
					lead = st.Bold.Render(o.key) + "  "
				}
				out = append(out, lead+l)
			}
		}
		if easier != "" {
			gap()
			add(plain, "Or try the easier variant (e): "+easier)
		}
		gap()
		add(st.Faint.Render, "Paused. esc: back, nothing noted.")
	case panelLegStop:
		add(st.Warn.Render, "Pain, numbness or tingling down a leg: "+name+" stops here, noted for your therapist.")
		if !short {
			add(plain, "Tell your therapist before you do it again.")
		}
		gap()
		out = append(out, tierLines(st, routines.EmergencyFlags(), short, w)...)
		gap()
		add(st.Faint.Render, "Paused. enter: back to the session.")
	case panelVariant:
		add(st.Heading.Render, name+": easier and harder")
		for _, v := range []struct{ label, text string }{{"Easier", easier}, {"Harder", harder}} {
			if v.text != "" {
				gap()
				add(plain, v.label+": "+v.text)
			}
		}
		if cues := s.text.exercises[p.exercise].cues; len(cues) > 0 {
			gap()
			add(st.Heading.Render, "Form cues")
			for _, c := range cues {
				for i, l := range wrap(c, w-2) {
					lead := "  "
					if i == 0 {
						lead = "• "
					}
					out = append(out, lead+l)
				}
			}
		}
		gap()
		add(st.Faint.Render, "Paused while you read. e or esc: back.")
	}
	return out
}

func (s *sessionScreen) panelView() string {
	return s.panel.page.view(s.panelLines(), s.c.styles.Faint.Render, "↑ more above")
}

// panelHelp is the footer while a panel is open.
func (s *sessionScreen) panelHelp() []key.Binding {
	k, p := s.c.keys, s.panel
	more := with(k.Down, "↓/j", "more")
	more.SetEnabled(!p.page.read)
	switch p.kind {
	case panelHurt:
		// e is offered in the panel's text; the footer keeps to what fits.
		return []key.Binding{k.HurtLeg, k.HurtSharp, k.HurtOther, with(k.Back, "esc", "back"), more}
	case panelLegStop:
		return []key.Binding{more, enabled(with(k.Confirm, "enter", "back to the session"), p.page.read)}
	}
	return []key.Binding{more, with(k.Variant, "e/esc", "back")}
}
