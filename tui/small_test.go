package tui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"corecoach/storage"
)

// smallSizes are windows at and just above the minimum, where screens
// drop their less important lines.
var smallSizes = [][2]int{{24, 6}, {24, 7}, {30, 6}, {30, 8}, {40, 6}, {40, 8}, {40, 12}, {59, 15}, {80, 24}}

// The score of a pain check is on screen at every size from the minimum,
// and follows the keys: the question goes before it does.
func TestPainScoreAlwaysShown(t *testing.T) {
	for _, size := range smallSizes {
		for _, tt := range []struct {
			name  string
			setup func(h *harness)
		}{
			{"before", func(h *harness) { h.press("enter", "enter") }},
			{"warning", func(h *harness) { h.press("enter", "enter", "9", "enter", "esc") }},
			{"after", func(h *harness) {
				h.press("enter", "enter", "2", "enter")
				h.finishSession()
			}},
		} {
			t.Run(fmt.Sprintf("%s-%dx%d", tt.name, size[0], size[1]), func(t *testing.T) {
				h := newHarness(t, Options{}, size[0], size[1])
				// At the smallest sizes the safety list must be scrolled first.
				for range 60 {
					h.press("down")
				}
				tt.setup(h)
				h.wantScreen("pain")
				for _, k := range []string{"7", "left", "3", "right", "right"} {
					h.press(k)
					score := h.m.cur.(*painScreen).score
					wantScore(t, h.view(), score, size)
				}
				h.press("9", "enter") // the warning
				wantScore(t, h.view(), 9, size)
			})
		}
	}
}

func wantScore(t *testing.T, v string, score int, size [2]int) {
	t.Helper()
	requireFits(t, "pain", v, size[0], size[1])
	if !strings.Contains(v, fmt.Sprintf("%d: %s", score, painWord(score))) {
		t.Fatalf("at %dx%d score %d is not shown:\n%s", size[0], size[1], score, v)
	}
}

// A paused step keeps its countdown on screen in the smallest windows.
func TestPausedCountdownShown(t *testing.T) {
	for _, size := range smallSizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			h := startSession(t, Options{})
			h.send(windowSize(size[0], size[1]))
			h.tick(2 * time.Second) // reps
			h.tick(6 * time.Second) // the rest after set 1
			h.press("+", "space")
			if sn := h.snap(); !sn.Paused || sn.Step.Kind.String() == "" {
				t.Fatalf("not paused: %+v", sn)
			}
			v := h.view()
			requireFits(t, "paused", v, size[0], size[1])
			clock := clockText(h.snap().Remaining)
			if !strings.Contains(v, "PAUSED") {
				t.Fatalf("no PAUSED:\n%s", v)
			}
			if size[1]-2 >= digitRows+5 && size[0] >= 40 {
				return // the big digits show the countdown
			}
			for _, l := range strings.Split(v, "\n") {
				if strings.Contains(l, "PAUSED") && !slices.Contains(strings.Fields(l), clock) {
					t.Fatalf("the countdown %s is not beside PAUSED:\n%s", clock, v)
				}
			}
		})
	}
}

// The check-in's score shows at every size too.
func TestCheckinScoreAlwaysShown(t *testing.T) {
	for _, size := range smallSizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			h := checkinHarness(t, size[0], size[1], pastSession(1, ptr(3)))
			h.wantScreen("checkin")
			for _, k := range []string{"7", "left", "3", "right"} {
				h.press(k)
				wantScore(t, h.view(), h.m.cur.(*checkinScreen).pain.score, size)
			}
		})
	}
}

// After a stopped session the pain check does not praise it.
func TestPainAfterWording(t *testing.T) {
	h := startSession(t, Options{})
	h.press("q", "y")
	h.wantScreen("pain")
	if v := flat(h.view()); !strings.Contains(v, "Session stopped. How much pain do you have now?") || strings.Contains(v, "Well done") {
		t.Fatalf("after stopping:\n%s", h.view())
	}
	h = startSession(t, Options{})
	h.finishSession()
	if v := flat(h.view()); !strings.Contains(v, "Well done. How much pain do you have now?") {
		t.Fatalf("after the whole session:\n%s", h.view())
	}
}

// Home's last pain is from the newest session with a score, named by its
// day when a later session skipped both; nothing when none has one.
func TestHomeLastPain(t *testing.T) {
	skipped := pastSession(0, nil)
	skipped.PainAfter = nil
	tests := []struct {
		name     string
		sessions []storage.Session
		want     string
		not      string
	}{
		{"newest scored", []storage.Session{pastSession(1, ptr(4))}, "last pain 4 → 2\n", "("},
		{"newest skipped", []storage.Session{pastSession(1, ptr(4)), skipped}, "last pain 4 → 2 (yesterday)", "– → –"},
		{"none scored", []storage.Session{skipped}, "Streak: 1 day", "last pain"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := checkinHarness(t, 80, 24, tt.sessions...)
			if h.screen() == "checkin" {
				h.press("esc")
			}
			h.wantScreen("home")
			v := h.view()
			if !strings.Contains(v, tt.want) || strings.Contains(v, tt.not) {
				t.Fatalf("want %q and no %q:\n%s", tt.want, tt.not, v)
			}
		})
	}
}
