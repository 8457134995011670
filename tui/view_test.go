package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/exp/golden"
)

// screens puts the model on each screen at a fixed moment.
var screens = []struct {
	name  string
	setup func(h *harness)
}{
	{"safety", func(h *harness) {}},
	{"home", func(h *harness) { h.press("enter") }},
	{"pain", func(h *harness) { h.press("enter", "enter", "4") }},
	{"pain-warning", func(h *harness) { h.press("enter", "enter", "7", "enter") }},
	{"session-prepare", func(h *harness) { h.press("enter", "enter", "4", "enter") }},
	{"session-reps", func(h *harness) {
		h.press("enter", "enter", "4", "enter")
		h.tick(2 * time.Second)
		h.tick(2500 * time.Millisecond)
	}},
	{"session-paused", func(h *harness) {
		h.press("enter", "enter", "4", "enter")
		h.tick(3 * time.Second)
		h.press("space")
	}},
	{"session-quit", func(h *harness) {
		h.press("enter", "enter", "4", "enter")
		h.tick(9 * time.Second)
		h.press("q")
	}},
	{"session-side", func(h *harness) {
		h.press("enter", "enter", "4", "enter")
		h.tick(17 * time.Second)
		h.press("x", "m")
	}},
	{"note", func(h *harness) {
		h.press("enter", "enter", "4", "enter")
		h.finishSession()
		h.press("2", "enter")
	}},
	{"summary", func(h *harness) {
		h.press("enter", "enter", "4", "enter")
		h.tick(10 * time.Second)
		h.press("x")
		h.finishSession()
		h.press("2", "enter", "enter")
	}},
	{"help", func(h *harness) { h.press("enter", "?") }},
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

// sizes lists window sizes: every size from 1x1 to 200x60 when full, else
// every size around the layout thresholds and a sparse grid beyond them.
func sizes(full bool) (out [][2]int) {
	for w := 1; w <= 200; w++ {
		for h := 1; h <= 60; h++ {
			near := (w <= 70 || w%10 == 0) && (h <= 30 || h%10 == 0)
			if full || near {
				out = append(out, [2]int{w, h})
			}
		}
	}
	return out
}

// TestNoSizePanics renders the screens at every size from 1x1 to 200x60 (the
// session screen, whose layout is the most involved, at each of them) and
// checks that nothing is drawn outside the window.
func TestNoSizePanics(t *testing.T) {
	for _, sc := range screens {
		h := newHarness(t, Options{}, 80, 24)
		sc.setup(h)
		for _, size := range sizes(sc.name == "session-reps") {
			w, ht := size[0], size[1]
			h.send(tea.WindowSizeMsg{Width: w, Height: ht})
			lines := strings.Split(h.view(), "\n")
			if len(lines) > ht {
				t.Fatalf("%s at %dx%d: %d lines", sc.name, w, ht, len(lines))
			}
			for _, l := range lines {
				if lipgloss.Width(l) > w {
					t.Fatalf("%s at %dx%d: line %q is too wide", sc.name, w, ht, l)
				}
			}
		}
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
