package tui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"corecoach/routines"
	"corecoach/storage"
)

func TestFirstRunFlow(t *testing.T) {
	h := newHarness(t, Options{}, 80, 24)
	h.confirmSafety()
	h.wantScreen("home")
	if ok, err := storage.SafetyConfirmed(h.store); err != nil || !ok {
		t.Fatalf("safety confirmation not remembered: %v, %v", ok, err)
	}
	h.press("enter")
	h.wantScreen("pain")
	h.press("3", "enter")
	h.wantScreen("session")

	ss := h.sessions()
	if len(ss) != 1 || ss[0].Status != storage.StatusPartial || ss[0].PainBefore == nil || *ss[0].PainBefore != 3 {
		t.Fatalf("session row at the start = %+v", ss)
	}
	if !ss[0].StartedAt.Equal(testStart) || ss[0].Routine.ID != "test-routine" {
		t.Fatalf("started_at %v routine %v", ss[0].StartedAt, ss[0].Routine)
	}

	h.finishSession()
	h.wantScreen("pain")
	if !strings.Contains(h.view(), "How much pain do you have now") {
		t.Fatalf("after-session pain check:\n%s", h.view())
	}
	h.press("1", "enter")
	h.wantScreen("note")
	h.press("o", "k", "?", "enter")
	h.wantScreen("summary")
	v := h.view()
	for _, want := range []string{"Session complete", "Pain: before 3, after 1.", "Streak: 1 day"} {
		if !strings.Contains(v, want) {
			t.Errorf("summary lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "meaningful") { // one session is never a meaningful change
		t.Errorf("summary calls one session meaningful:\n%s", v)
	}

	ss = h.sessions()
	if len(ss) != 1 {
		t.Fatalf("%d sessions stored, want 1", len(ss))
	}
	s := ss[0]
	if s.Status != storage.StatusCompleted || *s.PainAfter != 1 || s.Note != "ok?" || s.EndedAt == nil {
		t.Fatalf("final session = %+v", s)
	}
	want := []storage.ExerciseResult{
		{ID: "glute-bridge", Name: "Glute bridge", SetsPlanned: 2, SetsDone: 2, Seconds: 12},
		{ID: "side-plank", Name: "Side plank", SetsPlanned: 1, SetsDone: 1, Seconds: 10},
	}
	if len(s.Exercises) != len(want) {
		t.Fatalf("exercises = %+v", s.Exercises)
	}
	for i := range want {
		if s.Exercises[i] != want[i] {
			t.Errorf("exercise %d = %+v, want %+v", i, s.Exercises[i], want[i])
		}
	}
	h.press("enter")
	h.wantScreen("home")
	if !strings.Contains(h.view(), "done today") {
		t.Errorf("home does not show today as done:\n%s", h.view())
	}
}

// startSession opens a session of the test routine with a pain score of 2.
func startSession(t *testing.T, o Options) *harness {
	t.Helper()
	o.SafetyConfirmed = true
	o.Start = testRoutine()
	h := newHarness(t, o, 80, 24)
	h.press("2", "enter")
	h.wantScreen("session")
	return h
}

func (h *harness) snap() routines.Snapshot {
	s := h.m.cur.(*sessionScreen)
	return s.eng.Snapshot(h.clock.now())
}

func TestCheckpointAfterEachSet(t *testing.T) {
	h := startSession(t, Options{})
	// prepare 2s, then 3 reps of 2s: the first set ends at 8s.
	h.tick(2 * time.Second)
	for range 6 {
		h.tick(time.Second)
	}
	ss := h.sessions()
	if len(ss) != 1 || len(ss[0].Exercises) != 2 || ss[0].Exercises[0].SetsDone != 1 {
		t.Fatalf("checkpoint after the first set = %+v", ss)
	}
	if ss[0].Status != storage.StatusPartial {
		t.Fatalf("a running session is stored as %q", ss[0].Status)
	}
}

func TestQuitConfirm(t *testing.T) {
	h := startSession(t, Options{})
	h.tick(3 * time.Second)
	h.press("q")
	if !h.snap().Paused || !strings.Contains(h.view(), "Stop now?") {
		t.Fatalf("q did not ask (paused %v):\n%s", h.snap().Paused, h.view())
	}
	h.press("n")
	if h.snap().Paused || strings.Contains(h.view(), "Stop now?") {
		t.Fatal("n did not go back to the session")
	}
	h.press("q", "esc")
	h.wantScreen("session")
	h.press("q", "y")
	h.wantScreen("pain")
	ss := h.sessions()
	if len(ss) != 1 || ss[0].Status != storage.StatusPartial || ss[0].EndedAt == nil {
		t.Fatalf("quit session = %+v", ss)
	}
	h.press("s") // skip the pain check
	h.wantScreen("note")
	h.press("esc")
	h.wantScreen("summary")
	if !strings.Contains(h.view(), "stopped early") {
		t.Errorf("summary of a partial session:\n%s", h.view())
	}
	h.press("q")
	if !h.quit || h.m.Interrupted() {
		t.Fatalf("q on the summary: quit %v interrupted %v", h.quit, h.m.Interrupted())
	}
	if s := h.sessions()[0]; s.PainAfter != nil || s.Note != "" || s.Status != storage.StatusPartial {
		t.Fatalf("after skipping pain and note: %+v", s)
	}
}

func TestPause(t *testing.T) {
	h := startSession(t, Options{})
	h.tick(time.Second)
	h.press("space")
	before := h.snap().Remaining
	if !h.snap().Paused || !strings.Contains(h.view(), "PAUSED") {
		t.Fatalf("not paused:\n%s", h.view())
	}
	if s := h.m.cur.(*sessionScreen); s.eng.NextChange(h.clock.now()) < time.Minute {
		t.Fatal("a paused session still asks for ticks")
	}
	h.clock.advance(time.Minute)
	h.press("space")
	if h.snap().Paused || h.snap().Remaining != before {
		t.Fatalf("after resume: paused %v, remaining %v, want %v", h.snap().Paused, h.snap().Remaining, before)
	}
}

func TestSkipBackExtendFlag(t *testing.T) {
	h := startSession(t, Options{})
	if h.snap().Step.Kind != routines.StepPrepare {
		t.Fatalf("first step is %v", h.snap().Step.Kind)
	}
	h.press("+")
	if got := h.snap().Remaining; got != 17*time.Second {
		t.Fatalf("+ during get-ready: %v left, want 17s", got)
	}
	h.press("n")
	if h.snap().Step.Kind != routines.StepReps {
		t.Fatalf("n did not skip to the reps: %v", h.snap().Step.Kind)
	}
	left := h.snap().Remaining
	h.press("+")
	if h.snap().Remaining != left {
		t.Fatal("+ changed a work step")
	}
	h.press("x")
	if !strings.Contains(h.view(), "Glute bridge hurts. What kind of hurt?") || !h.snap().Paused {
		t.Fatalf("x does not pause and ask what kind of hurt:\n%s", h.view())
	}
	h.press("o")
	if !strings.Contains(h.view(), "Noted for your therapist") || !h.snap().Paused {
		t.Fatalf("no notice for x, o, or no longer paused:\n%s", h.view())
	}
	h.press("space", "p")
	if h.snap().Step.Kind != routines.StepPrepare {
		t.Fatalf("p did not go back: %v", h.snap().Step.Kind)
	}
	h.press("n")
	h.tick(6 * time.Second) // the set, then its rest
	if h.snap().Step.Kind != routines.StepRest {
		t.Fatalf("want a rest, got %v", h.snap().Step.Kind)
	}
	h.press("+")
	if got := h.snap().Remaining; got != 16*time.Second {
		t.Fatalf("+ during rest: %v left, want 16s", got)
	}
	h.finishSession()
	ex := h.m.cur.(*painScreen).rec.s.Exercises
	if !ex[0].Hurt || ex[0].HurtKind != storage.HurtOther || ex[1].Hurt || ex[1].HurtKind != "" {
		t.Fatalf("hurt flags = %+v, %+v", ex[0], ex[1])
	}
}

// header is the session's "0:24 left · 25%" line.
var header = regexp.MustCompile(`(\d+:\d\d) left · (\d+)%`)

// TestSessionTimeLeft follows the header through a rest lengthened with +
// and a pause. The test routine's plan: get ready 2s, reps 6s, rest 1s,
// reps 6s, get ready 2s, hold 5s, switch 5s, hold 5s: 32s.
func TestSessionTimeLeft(t *testing.T) {
	h := startSession(t, Options{})
	steps := []struct {
		do   func()
		want string
	}{
		{func() {}, "0:32 left · 0%"},
		{func() { h.tick(2 * time.Second); h.tick(6 * time.Second) }, "0:24 left · 25%"}, // the rest
		{func() { h.press("+") }, "0:39 left · 17%"},                                     // 8 done of 47
		{func() { h.press("space"); h.clock.advance(time.Minute) }, "0:39 left · 17%"},   // paused
		{func() { h.press("space"); h.tick(time.Second) }, "0:38 left · 19%"},
		{func() { h.tick(15 * time.Second) }, "0:23 left · 28%"}, // the second set: 9 done of 32
		{func() { h.tick(3 * time.Second) }, "0:20 left · 37%"},
	}
	for i, st := range steps {
		st.do()
		if got := header.FindString(h.view()); got != st.want {
			t.Fatalf("moment %d: header %q, want %q\n%s", i, got, st.want, h.view())
		}
	}
}

// TestSessionShareNeverGoesBack walks a session with an extended rest a tick
// at a time: the share done only grows, except when + adds time, and the
// time left falls by exactly the time that passed.
func TestSessionShareNeverGoesBack(t *testing.T) {
	h := startSession(t, Options{})
	h.tick(8 * time.Second)
	h.press("+")
	s := h.m.cur.(*sessionScreen)
	left, frac := s.overall(h.snap())
	for range 100 {
		d := s.eng.NextChange(h.clock.now())
		h.tick(d)
		if h.screen() != "session" {
			return
		}
		l, f := s.overall(h.snap())
		if f < frac || l != left-d {
			t.Fatalf("after %v: left %v → %v, share %.3f → %.3f", d, left, l, frac, f)
		}
		left, frac = l, f
	}
	t.Fatal("the session did not end")
}

func TestSoundAndMute(t *testing.T) {
	h := startSession(t, Options{})
	if h.bells == 0 {
		t.Fatal("no bell at the first step")
	}
	h.press("m")
	if !strings.Contains(h.view(), "sound off") {
		t.Fatalf("mute not shown:\n%s", h.view())
	}
	n := h.bells
	h.tick(2 * time.Second)
	h.tick(time.Second)
	if h.bells != n {
		t.Fatalf("muted, but %d bells rang", h.bells-n)
	}
	h.press("m")
	h.tick(5 * time.Second)
	if h.bells == n {
		t.Fatal("unmuted, but no bell")
	}

	q := startSession(t, Options{Quiet: true})
	q.finishSession()
	if q.bells != 0 {
		t.Fatalf("--quiet rang %d bells", q.bells)
	}
}

func TestInterruptSavesPartial(t *testing.T) {
	for _, how := range []string{"ctrl+c", "signal"} {
		t.Run(how, func(t *testing.T) {
			h := startSession(t, Options{})
			h.tick(5 * time.Second)
			if how == "signal" {
				h.send(InterruptMsg{})
			} else {
				h.press("ctrl+c")
			}
			if !h.quit || !h.m.Interrupted() {
				t.Fatalf("quit %v interrupted %v", h.quit, h.m.Interrupted())
			}
			ss := h.sessions()
			if len(ss) != 1 || ss[0].Status != storage.StatusPartial || ss[0].EndedAt == nil || ss[0].Exercises[0].Seconds != 3 {
				t.Fatalf("saved = %+v", ss)
			}
			if err := h.m.Flush(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestCtrlCOutsideSession(t *testing.T) {
	h := newHarness(t, Options{SafetyConfirmed: true}, 80, 24)
	h.press("ctrl+c")
	if !h.quit || !h.m.Interrupted() || len(h.sessions()) != 0 {
		t.Fatalf("quit %v interrupted %v", h.quit, h.m.Interrupted())
	}
}

func TestHighPainBeforeSession(t *testing.T) {
	h := newHarness(t, Options{SafetyConfirmed: true}, 80, 24)
	h.press("enter", "8", "enter")
	h.wantScreen("pain")
	if !strings.Contains(h.view(), "above your limit of 5") {
		t.Fatalf("no advice:\n%s", h.view())
	}
	h.press("esc")
	if strings.Contains(h.view(), "above your limit") {
		t.Fatal("esc did not go back to the score")
	}
	h.press("enter", "q")
	h.wantScreen("home")
	if len(h.sessions()) != 0 {
		t.Fatal("a session was stored after stopping")
	}
	h.press("enter", "right", "9", "right", "right", "enter")
	if !strings.Contains(h.view(), "worst pain") {
		t.Fatalf("10 has no advice:\n%s", h.view())
	}
	h.press("enter")
	h.wantScreen("session")
	if p := h.sessions()[0].PainBefore; p == nil || *p != 10 {
		t.Fatalf("pain before = %v", p)
	}

	r := newHarness(t, Options{SafetyConfirmed: true, Start: testRoutine()}, 80, 24)
	r.press("7", "enter", "q")
	if !r.quit || r.m.Interrupted() {
		t.Fatal("stopping at the pain check of `run` does not quit cleanly")
	}
}

func TestHomeKeys(t *testing.T) {
	rs := []*routines.Routine{testRoutine(), testRoutine()}
	rs[1].ID, rs[1].Name = "other", "Other routine"
	h := newHarness(t, Options{SafetyConfirmed: true, Catalog: routines.CatalogOf(rs...)}, 80, 24)
	h.press("j")
	if h.m.cur.(*homeScreen).cursor != 1 {
		t.Fatal("j did not move down")
	}
	h.press("down")
	if h.m.cur.(*homeScreen).cursor != 0 {
		t.Fatal("down did not wrap")
	}
	h.press("k", "enter")
	if p := h.m.cur.(*painScreen); p.routine.ID != "other" {
		t.Fatalf("started %s", p.routine.ID)
	}
	h.press("s", "enter") // skip the pain check, then stop at once
	h.press("q", "y", "s", "esc", "enter")
	h.wantScreen("home")
	h.press("p")
	h.wantScreen("progress")
	for _, want := range []string{"Streak 0 days", "Sessions 1, 0 completed"} {
		if !strings.Contains(h.view(), want) {
			t.Errorf("progress lacks %q:\n%s", want, h.view())
		}
	}
	h.press("esc", "!")
	h.wantScreen("safety")
	h.press("enter")
	h.wantScreen("home")
	if h.m.cur.(*homeScreen).cursor != 1 {
		t.Fatal("home does not select the routine done last")
	}
	h.press("?")
	if !strings.Contains(h.view(), "safety notes") {
		t.Fatalf("full help lacks the safety key:\n%s", h.view())
	}
	h.press("q")
	if !h.quit {
		t.Fatal("q on home did not quit")
	}
}

// TestHomeKeepsSelection: the routine chosen on home stays chosen across
// the progress screen and a session, even when it is not the one done last.
func TestHomeKeepsSelection(t *testing.T) {
	rs := []*routines.Routine{testRoutine(), testRoutine()}
	rs[1].ID, rs[1].Name = "other", "Other routine"
	h := newHarness(t, Options{SafetyConfirmed: true, Catalog: routines.CatalogOf(rs...)}, 80, 24)
	selected := func(want int) {
		t.Helper()
		h.wantScreen("home")
		if got := h.m.cur.(*homeScreen).cursor; got != want {
			t.Fatalf("cursor on %d, want %d\n%s", got, want, h.view())
		}
	}
	h.press("j", "p", "esc")
	selected(1)
	h.press("enter", "s", "q", "y", "s", "esc", "enter") // a session of "other", stopped at once
	selected(1)
	h.press("k", "p", "esc")
	selected(0) // chosen by hand: the routine done last does not take over
	h.press("!", "enter")
	selected(0)

	// Started as it stood, then stopped at the pain check's warning.
	h = newHarness(t, Options{SafetyConfirmed: true, Catalog: routines.CatalogOf(rs...), Store: h.store}, 80, 24)
	selected(1) // the routine done last
	h.press("k", "enter", "8", "enter", "q")
	selected(0)
}

func TestSafetyQuit(t *testing.T) {
	h := newHarness(t, Options{}, 80, 24)
	h.press("q")
	if !h.quit {
		t.Fatal("q on the safety screen did not quit")
	}
	if ok, _ := storage.SafetyConfirmed(h.store); ok {
		t.Fatal("quitting confirmed the safety screen")
	}
}

func TestPainKeys(t *testing.T) {
	tests := []struct {
		keys []string
		want int
	}{
		{[]string{"left"}, 0},
		{[]string{"9", "right", "right"}, 10},
		{[]string{"9", "l", "h", "h"}, 8},
		{[]string{"4", "2"}, 2},
	}
	for _, tt := range tests {
		h := newHarness(t, Options{SafetyConfirmed: true, Start: testRoutine()}, 80, 24)
		h.press(tt.keys...)
		if got := h.m.cur.(*painScreen).score; got != tt.want {
			t.Errorf("%v: score %d, want %d", tt.keys, got, tt.want)
		}
	}
}

// The pain check after a session starts at the score given before, so a
// hasty enter records no change; with the check before skipped it starts
// unset and enter asks for a number instead of recording 0.
func TestPainAfterStartsAtBefore(t *testing.T) {
	tests := []struct {
		name   string
		before []string // keys on the pain check before
		after  []string // keys on the pain check after
		want   *int     // pain_after stored
	}{
		{"enter keeps the score before", []string{"4", "enter"}, []string{"enter"}, ptr(4)},
		{"a number replaces it", []string{"4", "enter"}, []string{"1", "enter"}, ptr(1)},
		{"right from the score before", []string{"4", "enter"}, []string{"right", "enter"}, ptr(5)},
		{"skipped before: enter asks, then a number", []string{"s"}, []string{"enter", "3", "enter"}, ptr(3)},
		{"skipped before: right starts at 0", []string{"s"}, []string{"right", "enter"}, ptr(0)},
		{"skipped before and after", []string{"s"}, []string{"s"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, Options{SafetyConfirmed: true, Start: testRoutine()}, 80, 24)
			h.press(tt.before...)
			h.wantScreen("session")
			h.finishSession()
			h.wantScreen("pain")
			for _, k := range tt.after {
				if k == "enter" && h.m.cur.(*painScreen).unset {
					h.press(k)
					h.wantScreen("pain")
					if v := h.view(); !strings.Contains(v, "Choose a number first") || strings.Contains(v, "[0]") {
						t.Fatalf("enter with no score:\n%s", v)
					}
					continue
				}
				h.press(k)
			}
			h.wantScreen("note")
			got := h.sessions()[0].PainAfter
			if (got == nil) != (tt.want == nil) || got != nil && *got != *tt.want {
				t.Fatalf("pain_after = %v, want %v", fmtPtr(got), fmtPtr(tt.want))
			}
		})
	}
}

func fmtPtr(p *int) string {
	if p == nil {
		return "null"
	}
	return fmt.Sprint(*p)
}

// A session whose every exercise is skipped reaches its end but is partial:
// no praise, no streak, and the summary says why.
func TestSkipEverythingIsPartial(t *testing.T) {
	h := startSession(t, Options{})
	for range 20 {
		if h.screen() != "session" {
			break
		}
		h.press("n")
	}
	h.wantScreen("pain")
	if v := h.view(); strings.Contains(v, "Well done") || !strings.Contains(v, "Session over.") {
		t.Fatalf("pain check after skipping everything:\n%s", v)
	}
	h.press("enter", "enter")
	h.wantScreen("summary")
	v := h.view()
	for _, want := range []string{"Partial session", "Saved.", "0 of 3 sets done", "Streak: 0 days"} {
		if !strings.Contains(v, want) {
			t.Errorf("summary lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "Well done") || strings.Contains(v, "complete\n") {
		t.Errorf("summary praises a skipped session:\n%s", v)
	}
	if ss := h.sessions(); len(ss) != 1 || ss[0].Status != storage.StatusPartial {
		t.Fatalf("stored = %+v", ss)
	}
}

// Held reps ring at each phase change: once as a hold starts, twice as it
// ends and the relax begins; the seconds in between are quiet.
func TestHeldRepBells(t *testing.T) {
	h := newHarness(t, Options{SafetyConfirmed: true, Start: heldRoutine()}, 80, 24)
	h.press("4", "enter")
	h.wantScreen("session")
	steps := []struct {
		d     time.Duration
		bells int
		what  string
	}{
		{2 * time.Second, 1, "the first hold starts"},
		{5 * time.Second, 0, "mid-hold"},
		{5 * time.Second, 2, "the hold ends, the relax starts"},
		{1 * time.Second, 0, "mid-relax"},
		{2 * time.Second, 1, "the second hold starts"},
	}
	for _, st := range steps {
		n := h.bells
		h.tick(st.d)
		if got := h.bells - n; got != st.bells {
			t.Fatalf("%s: %d bells, want %d", st.what, got, st.bells)
		}
	}
}
