package tui

import (
	"fmt"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
)

// At every width from the minimum the footer keeps `?` and the way out, and
// the full help shows every key that works.
func TestFooterKeepsHelpAndWayOut(t *testing.T) {
	type setup struct {
		name string
		open func(t *testing.T, w, h int) *harness
	}
	var all []setup
	for _, sc := range screens {
		if sc.name == "help" {
			continue
		}
		all = append(all, setup{sc.name, func(t *testing.T, w, h int) *harness {
			hs := newHarness(t, Options{}, 80, 24)
			sc.setup(hs)
			hs.send(windowSize(w, h))
			return hs
		}})
	}
	all = append(all, setup{"progress", func(t *testing.T, w, h int) *harness { return progressHarness(t, 40, w, h) }})
	for _, su := range all {
		for _, size := range [][2]int{{24, 6}, {30, 8}, {40, 12}, {59, 15}, {80, 24}} {
			t.Run(fmt.Sprintf("%s-%dx%d", su.name, size[0], size[1]), func(t *testing.T) {
				h := su.open(t, size[0], size[1])
				v := h.view()
				requireFits(t, su.name, v, size[0], size[1])
				foot := lastLine(v)
				offersHelp := false
				for _, b := range h.m.cur.ShortHelp() {
					if b.Enabled() && rank(b) == rankKept && !strings.Contains(foot, b.Help().Key+" ") {
						t.Errorf("footer %q lacks %q", foot, b.Help().Key+" "+b.Help().Desc)
					}
					offersHelp = offersHelp || key.Matches(keyMsg("?"), b)
				}
				if size[1] < 12 || !offersHelp {
					return
				}
				h.press("?")
				v = h.view()
				requireFits(t, su.name+" help", v, size[0], size[1])
				for _, g := range h.m.cur.FullHelp() {
					for _, b := range g {
						if b.Enabled() && !strings.Contains(v, b.Help().Desc) {
							t.Errorf("full help lacks %q:\n%s", b.Help().Key+" "+b.Help().Desc, v)
						}
					}
				}
			})
		}
	}
}

func lastLine(v string) string { return v[strings.LastIndex(v, "\n")+1:] }
