package tui

import (
	"corecoach/routines"
	"corecoach/storage"

	tea "charm.land/bubbletea/v2"

	"fmt"
	"strings"
	"testing"
)

// flat is a view with its wrapping undone, to find a red flag broken over
// lines.
func flat(v string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(v, "!", " ")), " ")
}

// shownInFull reports whether red flag i is on screen, in its long or
// short form, not cut off.
func shownInFull(v string, i int) bool {
	f := flat(v)
	return strings.Contains(f, routines.RedFlags[i].Full) || strings.Contains(f, routines.RedFlags[i].Short)
}

// In every window from the minimum up, enter counts only once every red
// flag has been shown in full; in a small one the list scrolls to them.
func TestSafetyEnterOnlyAfterEveryFlag(t *testing.T) {
	for _, size := range [][2]int{{24, 6}, {30, 8}, {40, 12}, {80, 24}, {24, 16}, {59, 7}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			h := newHarness(t, Options{}, size[0], size[1])
			seen := make([]bool, len(routines.RedFlags))
			all := func() bool {
				v := h.view()
				requireFits(t, "safety", v, size[0], size[1])
				ok := true
				for i := range routines.RedFlags {
					seen[i] = seen[i] || shownInFull(v, i)
					ok = ok && seen[i]
				}
				return ok
			}
			for range 40 {
				if all() {
					break
				}
				h.press("enter")
				if h.screen() != "safety" {
					t.Fatalf("enter counted before every red flag was shown (seen %v):\n%s", seen, h.view())
				}
				if !strings.Contains(h.view(), "more below") {
					t.Fatalf("flags are hidden and nothing says so:\n%s", h.view())
				}
				h.press("down")
			}
			if !all() {
				t.Fatalf("some red flags never showed in full: %v", seen)
			}
			h.press("up", "enter") // once read, scrolling back does not undo it
			h.wantScreen("home")
			if ok, err := storage.SafetyConfirmed(h.store); err != nil || !ok {
				t.Fatalf("confirmation not remembered: %v, %v", ok, err)
			}
		})
	}
}

// Enlarging the window so that the whole list shows counts as reading it.
func TestSafetyEnlargedShowsAll(t *testing.T) {
	h := newHarness(t, Options{}, 24, 6)
	h.press("enter")
	h.wantScreen("safety")
	h.send(windowSize(80, 24))
	h.press("enter")
	h.wantScreen("home")
}

func windowSize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }
