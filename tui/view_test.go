package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/exp/golden"

	"corecoach/routines"
	"corecoach/storage"
)

// screens puts the model on each screen at a fixed moment.
var screens = []struct {
	name  string
	setup func(h *harness)
}{
	{"safety", func(h *harness) {}},
	{"safety-end", func(h *harness) { // the end of the list: the second tier
		for range 60 {
			h.press("down")
		}
	}},
	{"home", func(h *harness) { h.confirmSafety() }},
	{"pain", func(h *harness) {
		h.confirmSafety()
		h.press("enter", "4")
	}},
	{"pain-warning", func(h *harness) {
		h.confirmSafety()
		h.press("enter", "7", "enter")
	}},
	{"session-prepare", func(h *harness) {
		h.confirmSafety()
		h.press("enter", "4", "enter")
	}},
	{"session-reps", func(h *harness) {
		h.confirmSafety()
		h.press("enter", "4", "enter")
		h.tick(2 * time.Second)
		h.tick(2500 * time.Millisecond)
	}},
	{"session-paused", func(h *harness) {
		h.confirmSafety()
		h.press("enter", "4", "enter")
		h.tick(3 * time.Second)
		h.press("space")
	}},
	{"session-quit", func(h *harness) {
		h.confirmSafety()
		h.press("enter", "4", "enter")
		h.tick(9 * time.Second)
		h.press("q")
	}},
	{"session-side", func(h *harness) {
		h.confirmSafety()
		h.press("enter", "4", "enter")
		h.tick(17 * time.Second)
		h.press("x", "o", "space", "m")
	}},
	{"session-hurt", func(h *harness) { // x: what kind of hurt?
		h.confirmSafety()
		h.press("enter", "4", "enter")
		h.tick(7 * time.Second)
		h.press("x")
	}},
	{"session-leg", func(h *harness) { // x, l: the exercise stops; the emergency red flags
		h.confirmSafety()
		h.press("enter", "4", "enter")
		h.tick(7 * time.Second)
		h.press("x", "l")
	}},
	{"session-variant", func(h *harness) { // e: the easier and harder variants
		h.confirmSafety()
		h.press("enter", "4", "enter")
		h.tick(7 * time.Second)
		h.press("e")
	}},
	{"note", func(h *harness) {
		h.confirmSafety()
		h.press("enter", "4", "enter")
		h.finishSession()
		h.press("2", "enter")
	}},
	{"summary", func(h *harness) {
		h.confirmSafety()
		h.press("enter", "4", "enter")
		h.tick(10 * time.Second)
		h.press("x", "o", "space")
		h.finishSession()
		h.press("2", "enter", "enter")
	}},
	// Above the limit after a session: the numbers, and tell your
	// therapist; never "ease off", never "meaningful".
	{"pain-after-warning", func(h *harness) {
		h.confirmSafety()
		h.press("enter", "4", "enter")
		h.finishSession()
		h.press("7", "enter")
	}},
	{"summary-above-limit", func(h *harness) {
		h.confirmSafety()
		h.press("enter", "4", "enter")
		h.finishSession()
		h.press("7", "enter", "enter", "enter")
	}},
	{"help", func(h *harness) {
		h.confirmSafety()
		h.press("?")
	}},
}

// Goldens are rewritten with `go test ./tui -run Golden -update`.
func TestGoldenViews(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		for _, sc := range screens {
			t.Run(fmt.Sprintf("%s-%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				h := newHarness(t, Options{}, size[0], size[1])
				sc.setup(h)
				golden.RequireEqual(t, h.view())
			})
		}
	}
}

// TestGoldenTooSmall: below the minimum size every screen shows the same
// request for a larger window, worded to fit.
func TestGoldenTooSmall(t *testing.T) {
	for _, size := range [][2]int{{20, 6}, {10, 3}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			var first string
			for i, sc := range screens {
				h := newHarness(t, Options{}, 80, 24)
				sc.setup(h)
				h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				if i == 0 {
					first = h.view()
					golden.RequireEqual(t, first)
				} else if v := h.view(); v != first {
					t.Errorf("%s shows %q, %s shows %q", sc.name, v, screens[0].name, first)
				}
			}
		})
	}
}

func TestEnlargeText(t *testing.T) {
	tests := []struct {
		w, h int
		want string
	}{
		{80, 1, "Please enlarge the window to at least 24x6"},
		{20, 6, "Please enlarge the\nwindow to at least\n24x6"},
		{20, 2, "Enlarge to 24x6"},
		{10, 3, "Enlarge to\n24x6"},
		{10, 1, "24x6"},
		{4, 4, "24x6"},
		{3, 1, "24…"},
		{1, 1, "…"},
		{0, 0, ""},
	}
	for _, tt := range tests {
		if got := enlargeText(tt.w, tt.h); got != tt.want {
			t.Errorf("enlargeText(%d, %d) = %q, want %q", tt.w, tt.h, got, tt.want)
		}
	}
	for w := 1; w < 2*minWidth; w++ {
		for h := 1; h < 2*minHeight; h++ {
			requireFits(t, "enlarge text", enlargeText(w, h), w, h)
		}
	}
}

// TestTooSmallIgnoresKeys: presses made blind in a tiny window do nothing,
// a running session goes on and is saved, and ctrl+c still saves it.
func TestTooSmallIgnoresKeys(t *testing.T) {
	h := newHarness(t, Options{SafetyConfirmed: true}, 80, 24)
	h.send(tea.WindowSizeMsg{Width: 20, Height: 6})
	h.press("!", "p", "enter", "q", "?")
	if h.quit || h.m.c.help.ShowAll {
		t.Fatalf("keys acted in a tiny window: quit %v, help %v", h.quit, h.m.c.help.ShowAll)
	}
	h.wantScreen("home")

	h = startSession(t, Options{})
	h.send(tea.WindowSizeMsg{Width: 10, Height: 3})
	h.press("space", "n", "q", "y")
	if sn := h.snap(); sn.Paused || sn.Index != 0 {
		t.Fatalf("keys acted on the hidden session: %+v", sn)
	}
	h.tick(2 * time.Second)
	for range 6 {
		h.tick(time.Second)
	}
	if ss := h.sessions(); len(ss) != 1 || ss[0].Exercises[0].SetsDone != 1 {
		t.Fatalf("no checkpoint in a tiny window: %+v", ss)
	}
	h.press("ctrl+c")
	if ss := h.sessions(); !h.quit || ss[0].EndedAt == nil || ss[0].Status != storage.StatusPartial {
		t.Fatalf("ctrl+c in a tiny window: quit %v, saved %+v", h.quit, ss)
	}
}

// requireFits fails the test when view draws outside a w x h window.
func requireFits(t testing.TB, name, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Fatalf("%s at %dx%d: %d lines", name, w, h, len(lines))
	}
	for _, l := range lines {
		if lipgloss.Width(l) > w {
			t.Fatalf("%s at %dx%d: line %q is too wide", name, w, h, l)
		}
	}
}

// sweep lists window sizes: every width up to maxW at each of the heights hs,
// and every height up to maxH at each of the widths ws. Layouts change with
// the width at a few heights and with the height at a few widths, so this
// finds what a full grid finds at a fraction of the cost.
func sweep(maxW, maxH int, ws, hs []int) (out [][2]int) {
	seen := map[[2]int]bool{}
	add := func(w, h int) {
		if w <= maxW && h <= maxH && !seen[[2]int{w, h}] {
			seen[[2]int{w, h}] = true
			out = append(out, [2]int{w, h})
		}
	}
	for _, h := range hs {
		for w := 1; w <= maxW; w++ {
			add(w, h)
		}
	}
	for _, w := range ws {
		for h := 1; h <= maxH; h++ {
			add(w, h)
		}
	}
	return out
}

// Each layout threshold, one either side of it, and a common and a large
// size. Below the minimum every screen shows the same text, which
// TestEnlargeText checks at every size.
var (
	thresholdWidths  = []int{minWidth - 1, minWidth, minWidth + 1, fullWidth - 1, fullWidth, fullWidth + 1, 80, 200}
	thresholdHeights = []int{minHeight - 1, minHeight, minHeight + 1,
		digitRows + 4, digitRows + 5, digitRows + 6, // the compact session's big digits
		fullHeight - 1, fullHeight, fullHeight + 1, 24, 60}
)

// TestNoSizePanics renders every screen at sizes from 1x1 to 200x60 and
// checks that nothing is drawn outside the window: the session screen, whose
// layout is the most involved, at every width at each threshold height and
// every height at each threshold width; the others at every width and height
// at a few sizes and wherever two thresholds cross.
func TestNoSizePanics(t *testing.T) {
	few := sweep(200, 60, []int{minWidth, 80}, []int{minHeight, 24})
	for _, w := range thresholdWidths {
		for _, h := range thresholdHeights {
			few = append(few, [2]int{w, h})
		}
	}
	for _, sc := range screens {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, Options{}, 80, 24)
			sc.setup(h)
			sizes := few
			if sc.name == "session-reps" {
				sizes = sweep(200, 60, thresholdWidths, thresholdHeights)
			}
			for _, size := range sizes {
				w, ht := size[0], size[1]
				h.send(tea.WindowSizeMsg{Width: w, Height: ht})
				requireFits(t, sc.name, h.view(), w, ht)
			}
		})
	}
}

func BenchmarkSessionView(b *testing.B) {
	h := newHarness(b, Options{SafetyConfirmed: true, Start: testRoutine()}, 100, 30)
	h.press("4", "enter")
	h.tick(4 * time.Second)
	b.ReportAllocs()
	for b.Loop() {
		_ = h.m.View()
	}
}

// BenchmarkHomeVisit is going home: the routine lines are worked out once,
// in New, not on each visit.
func BenchmarkHomeVisit(b *testing.B) {
	c := New(Options{Store: newStore(b), Catalog: routines.NewCatalog(nil), SafetyConfirmed: true}).c
	b.ReportAllocs()
	for b.Loop() {
		_ = newHome(c)
	}
}

// heldRoutine is one exercise of held reps: 5 reps of a 10 s hold and a
// 3 s relax, after a 2 s get-ready.
func heldRoutine() *routines.Routine {
	return &routines.Routine{
		ID: "held", Name: "Held reps", PainLimit: 5, Prepare: 2 * time.Second,
		Exercises: []routines.RoutineExercise{
			{ID: "curl-up", Name: "McGill curl-up", BuiltIn: true, Cues: []string{"Chin still"},
				Sets: 1, Reps: 5, Hold: 10 * time.Second, Relax: 3 * time.Second, Prepare: 2 * time.Second},
		},
	}
}

// The session screen counts down each phase of a held rep on its own, with
// the rep and the set's time left beside it.
func TestGoldenHeldReps(t *testing.T) {
	moments := []struct {
		name  string
		after time.Duration // since the session began
	}{
		{"hold", 2*time.Second + 13*time.Second + 3*time.Second},   // rep 2, 7 s of its hold left
		{"relax", 2*time.Second + 13*time.Second + 11*time.Second}, // rep 2's relax, 2 s left
		{"paused", 2*time.Second + 13*time.Second + 3*time.Second},
	}
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		for _, m := range moments {
			t.Run(fmt.Sprintf("%s-%dx%d", m.name, size[0], size[1]), func(t *testing.T) {
				h := newHarness(t, Options{SafetyConfirmed: true, Start: heldRoutine()}, size[0], size[1])
				h.press("4", "enter")
				h.wantScreen("session")
				for left := m.after; left > 0; {
					d := min(left, h.m.cur.(*sessionScreen).eng.NextChange(h.clock.now()))
					h.tick(d)
					left -= d
				}
				if m.name == "paused" {
					h.press("space")
				}
				golden.RequireEqual(t, h.view())
			})
		}
	}
}

// The long get-ready between the rounds of McGill's pyramid says it is a
// rest; the usual short one does not.
func TestLongPrepareIsARest(t *testing.T) {
	r, ok := routines.Builtin("mcgill-big-3")
	if !ok {
		t.Fatal("no mcgill-big-3")
	}
	h := newHarness(t, Options{SafetyConfirmed: true, Start: r}, 80, 24)
	h.press("s")
	h.wantScreen("session")
	seen := map[string]bool{}
	for h.screen() == "session" {
		if sn := h.snap(); sn.Step.Kind == routines.StepPrepare {
			v := h.view()
			long := strings.Contains(v, "rest, then get into position")
			if long != (sn.Step.Duration > 15*time.Second) {
				t.Fatalf("a %v get-ready:\n%s", sn.Step.Duration, v)
			}
			seen[fmt.Sprint(long)] = true
		}
		h.press("n")
	}
	if !seen["true"] || !seen["false"] {
		t.Fatalf("get-ready steps seen: %v", seen)
	}
}
