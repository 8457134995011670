package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"corecoach/routines"
)

// TestHomeNameWidths: a name with a joined emoji, measured as terminals
// that count code points do, and a name of the longest length both leave
// every line of home inside the window, with the time still shown.
func TestHomeNameWidths(t *testing.T) {
	emoji := testRoutine()
	emoji.ID, emoji.Name = "emoji", "Nurse 👩\u200d⚕\ufe0f plan 🏳\ufe0f\u200d🌈 ok"
	long := testRoutine()
	long.ID, long.Name = "long", strings.Repeat("Long name ", 8)
	for _, w := range []int{100, 60, 40} {
		h := newHarness(t, Options{SafetyConfirmed: true, Catalog: routines.CatalogOf(emoji, long)}, w, 30)
		h.wantScreen("home")
		v := h.view()
		for _, line := range strings.Split(v, "\n") {
			if ansi.StringWidthWc(line) > w || ansi.StringWidth(line) > w {
				t.Errorf("%d columns: line %q is %d (code points) or %d (clusters) wide", w, line, ansi.StringWidthWc(line), ansi.StringWidth(line))
			}
		}
		for _, want := range []string{"Nurse 👩\u200d⚕\ufe0f plan", "Long name Long"} {
			line := lineWith(v, want)
			if line == "" {
				t.Errorf("%d columns: no line with %q:\n%s", w, want, v)
				continue
			}
			if !strings.HasSuffix(strings.TrimRight(line, " "), "s") {
				t.Errorf("%d columns: the time is cut off: %q", w, line)
			}
		}
		if !strings.Contains(v, "…") {
			t.Errorf("%d columns: the long name is not cut with …:\n%s", w, v)
		}
	}
}

func lineWith(v, s string) string {
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}
