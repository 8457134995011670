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

// screenFlags are the red flags of both tiers, each with its tier's
// heading in the long and short form: a flag counts as shown only under it.
type screenFlag struct {
	routines.RedFlag
	head, short string
}

func screenFlags() []screenFlag {
	var out []screenFlag
	for _, t := range routines.RedFlagTiers() {
		for _, f := range t.Flags {
			out = append(out, screenFlag{f, t.Heading, t.Short})
		}
	}
	return out
}

// shownInFull reports whether red flag f is on screen, in its long or
// short form, not cut off.
func shownInFull(v string, f screenFlag) bool {
	fl := flat(v)
	return strings.Contains(fl, f.Full) || strings.Contains(fl, f.Short)
}

// In every window from the minimum up, enter counts only once every red
// flag has been shown in full; in a small one the list scrolls to them.
func TestSafetyEnterOnlyAfterEveryFlag(t *testing.T) {
	for _, size := range [][2]int{{24, 6}, {30, 8}, {40, 12}, {80, 24}, {24, 16}, {59, 7}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			h := newHarness(t, Options{}, size[0], size[1])
			flags := screenFlags()
			seen := make([]bool, len(flags))
			heads := map[string]bool{}
			all := func() bool {
				v := h.view()
				requireFits(t, "safety", v, size[0], size[1])
				ok := true
				for i, f := range flags {
					seen[i] = seen[i] || shownInFull(v, f)
					ok = ok && seen[i]
					if fl := flat(v); strings.Contains(fl, f.head) || strings.Contains(fl, f.short) {
						heads[f.head] = true
					}
				}
				return ok && len(heads) == len(routines.RedFlagTiers())
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
			for range 40 { // the closing lines under the flags
				h.press("down")
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
	h.send(windowSize(120, 60))
	h.press("enter")
	h.wantScreen("home")
}

func windowSize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }
