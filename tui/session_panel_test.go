package tui

import (
	"strings"
	"testing"
	"time"

	"corecoach/routines"
	"corecoach/storage"
)

// intoFirstReps passes the safety screen and the pain check and runs the
// test routine into its first work step (the glute bridge's reps).
func intoFirstReps(t *testing.T, w, ht int) *harness {
	t.Helper()
	h := newHarness(t, Options{}, w, ht)
	h.confirmSafety()
	h.press("enter", "4", "enter")
	h.tick(3 * time.Second)
	if h.snap().Step.Kind != routines.StepReps || h.snap().Step.Exercise != 0 {
		t.Fatalf("not in the first exercise's reps: %+v", h.snap().Step)
	}
	return h
}

// Leg symptoms stop the exercise, but only once the emergency red flags,
// every one of them, have been in front of the person; the session stays
// paused and the kind is recorded.
func TestHurtLegStopsTheExercise(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}, {24, 8}} {
		h := intoFirstReps(t, size[0], size[1])
		h.press("x")
		if !h.snap().Paused || !strings.Contains(flat(h.view()), "What kind of hurt?") {
			t.Fatalf("%v: x does not pause and ask:\n%s", size, h.view())
		}
		h.press("l")
		seen := map[string]bool{}
		for range 40 {
			for _, f := range routines.EmergencyFlags().Flags {
				if v := flat(h.view()); strings.Contains(v, f.Full) || strings.Contains(v, f.Short) {
					seen[f.Full] = true
				}
			}
			if len(seen) == len(routines.EmergencyFlags().Flags) {
				break
			}
			h.press("enter") // counts only once the whole list has been shown
			if h.m.cur.(*sessionScreen).panel == nil {
				t.Fatalf("%v: enter closed the red flags before all were shown (%d seen)", size, len(seen))
			}
			h.press("down")
		}
		for range 20 {
			h.press("down")
		}
		h.press("enter")
		s := h.m.cur.(*sessionScreen)
		if s.panel != nil || !h.snap().Paused || h.snap().Step.Exercise != 1 || h.snap().Step.Kind != routines.StepPrepare {
			t.Fatalf("%v: after the red flags: panel %v, %+v", size, s.panel, h.snap())
		}
		if !strings.Contains(h.view(), "stopped") {
			t.Errorf("%v: no word that the exercise stopped:\n%s", size, h.view())
		}
		h.press("space")
		h.finishSession()
		ex := h.m.cur.(*painScreen).rec.s.Exercises
		if !ex[0].Hurt || ex[0].HurtKind != storage.HurtLeg || ex[0].SetsDone != 0 || ex[1].Hurt || ex[1].SetsDone != 1 {
			t.Fatalf("%v: exercises %+v", size, ex)
		}
	}
}

// Leg symptoms in the last exercise: the red flags are shown before the
// session ends, then the pain check follows.
func TestHurtLegInTheLastExercise(t *testing.T) {
	h := intoFirstReps(t, 80, 24)
	h.press("n", "n", "n", "n", "n") // sets, rest, to the side plank
	for h.snap().Step.Exercise != 1 || !h.snap().Step.Work() {
		h.press("n")
	}
	h.press("x", "l")
	if h.screen() != "session" || !strings.Contains(h.view(), "emergency department") {
		t.Fatalf("no red flags:\n%s", h.view())
	}
	h.press("enter")
	h.wantScreen("pain")
	if ex := h.m.cur.(*painScreen).rec.s.Exercises; ex[1].HurtKind != storage.HurtLeg {
		t.Fatalf("exercises %+v", ex)
	}
}

// Sharp pain and other: noted with the kind, the session stays paused with
// the choices named; esc notes nothing and resumes; a later "other" does
// not hide a "sharp".
func TestHurtKinds(t *testing.T) {
	h := intoFirstReps(t, 80, 24)
	h.press("x", "esc")
	if h.snap().Paused || h.m.cur.(*sessionScreen).rec.s.Exercises[0].Hurt {
		t.Fatal("esc on the hurt question did not resume, or noted a hurt")
	}
	h.press("x", "s")
	if !h.snap().Paused || !strings.Contains(h.view(), "Do not push into sharp pain") || !strings.Contains(h.view(), "e: the easier variant") {
		t.Fatalf("after sharp:\n%s", h.view())
	}
	h.press("space", "x", "o", "space")
	h.finishSession()
	if ex := h.m.cur.(*painScreen).rec.s.Exercises[0]; !ex.Hurt || ex.HurtKind != storage.HurtSharp {
		t.Fatalf("exercise %+v", ex)
	}
}

// e shows the easier and harder variants with the cues, paused; e or esc
// closes and resumes where it was. An exercise of the therapist's own has
// no variants and no e. From the hurt question, e opens the variants.
func TestVariantPanel(t *testing.T) {
	h := intoFirstReps(t, 80, 24)
	h.press("?")
	if !strings.Contains(h.view(), "easier variant (pauses the timer)") {
		t.Errorf("the help does not say that e pauses:\n%s", h.view())
	}
	h.press("?")
	left := h.snap().Remaining
	h.press("e")
	v := h.view()
	for _, want := range []string{"Easier: Smaller lift", "Harder: Single-leg bridge", "Squeeze your glutes", "Paused"} {
		if !strings.Contains(v, want) {
			t.Errorf("variant panel lacks %q:\n%s", want, v)
		}
	}
	h.clock.advance(time.Minute) // reading takes no time off the exercise
	h.press("e")
	if h.snap().Paused || h.snap().Remaining != left || h.m.cur.(*sessionScreen).panel != nil {
		t.Fatalf("e did not close and resume where it was: %+v", h.snap())
	}
	h.press("x", "e")
	if !strings.Contains(h.view(), "Easier: Smaller lift") {
		t.Fatalf("e from the hurt question:\n%s", h.view())
	}
	h.press("esc")
	if h.snap().Paused || h.m.cur.(*sessionScreen).rec.s.Exercises[0].Hurt {
		t.Fatal("leaving the variants from the hurt question did not resume, or noted a hurt")
	}
	for h.snap().Step.Exercise != 1 {
		h.press("n")
	}
	h.press("e")
	if h.m.cur.(*sessionScreen).panel != nil || strings.Contains(h.view(), "easier variant") {
		t.Fatalf("a custom exercise offers variants:\n%s", h.view())
	}
}
