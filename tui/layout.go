package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"corecoach/routines/text"
)

// Below these sizes a screen switches to its compact layout, and below the
// minimum it asks for a larger window instead.
const (
	fullWidth  = 60
	fullHeight = 16
	minWidth   = 24
	minHeight  = 6
)

func compact(w, h int) bool { return w < fullWidth || h < fullHeight }

func tooSmall(w, h int) bool { return w < minWidth || h < minHeight }

// enlargeText asks for a larger window in the longest wording that fits w
// columns and h rows without breaking a word, down to the bare size, cut
// short when even that does not fit.
func enlargeText(w, h int) string {
	size := fmt.Sprintf("%dx%d", minWidth, minHeight)
	for _, s := range []string{"Please enlarge the window to at least " + size, "Enlarge to " + size, size} {
		if lines, ok := wrapWords(s, w); ok && len(lines) <= h {
			return strings.Join(lines, "\n")
		}
	}
	return clip(size, w, h)
}

// wrapWords breaks plain text at spaces into lines of at most w columns;
// false when a word is wider than w.
func wrapWords(s string, w int) ([]string, bool) {
	var lines []string
	for _, word := range strings.Fields(s) {
		n := len(lines) - 1
		switch {
		case text.Width(word) > w:
			return nil, false
		case n >= 0 && text.Width(lines[n])+1+text.Width(word) <= w:
			lines[n] += " " + word
		default:
			lines = append(lines, word)
		}
	}
	return lines, true
}

// clip cuts a rendered block to w columns and h rows so that no screen can
// draw past the window, whatever its content.
func clip(s string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		// A line's width never exceeds its length in bytes: skip the
		// grapheme walk for the lines that surely fit.
		if len(l) > w && text.Width(l) > w {
			lines[i] = text.Fit(l, w)
			// Over only by padding (an input box padded as its own
			// measure has it): cut the padding, with no "…".
			if text.Width(strings.TrimRight(ansi.Strip(l), " ")) <= w {
				lines[i] = text.Crop(l, w)
			}
		}
	}
	return strings.Join(lines, "\n")
}

// wrap breaks plain text into lines of at most w columns.
func wrap(s string, w int) []string {
	if w < 1 {
		w = 1
	}
	return strings.Split(lipgloss.Wrap(s, w, " "), "\n")
}

// spread puts left and right on one line of width w, right-aligned, or
// left alone when both do not fit.
func spread(left, right string, w int) string {
	if right == "" {
		return left
	}
	gap := w - text.Width(left) - text.Width(right)
	if gap < 1 {
		return left
	}
	return left + strings.Repeat(" ", gap) + right
}

// fitting is the first of the wordings, longest first, that fits w
// columns, or the last one.
func fitting(w int, wordings ...string) string {
	for _, s := range wordings {
		if lipgloss.Width(s) <= w {
			return s
		}
	}
	return wordings[len(wordings)-1]
}

// center pads s on the left to sit in the middle of w columns.
func center(s string, w int) string {
	pad := (w - text.Width(s)) / 2
	if pad <= 0 {
		return s
	}
	return strings.Repeat(" ", pad) + s
}

// bar draws a progress bar of width w for a fraction 0..1.
func bar(st Styles, frac float64, w int) string {
	if w <= 0 {
		return ""
	}
	frac = max(0, min(1, frac))
	n := int(frac*float64(w) + 0.5)
	return st.BarFull.Render(strings.Repeat("█", n)) + st.BarEmpty.Render(strings.Repeat("░", w-n))
}

// block is a part of a screen. When the screen is too short, the blocks of
// the highest drop rank go first; rank 0 is never dropped.
type block struct {
	lines []string
	drop  int
}

// fitBlocks joins the blocks, leaving out the least important until the
// rest fit in h rows (or only blocks of rank 0 are left).
func fitBlocks(blocks []block, h int) string {
	for {
		n, worst := 0, 0
		for _, b := range blocks {
			n += len(b.lines)
			worst = max(worst, b.drop)
		}
		if n <= h || worst == 0 {
			break
		}
		blocks = slices.DeleteFunc(blocks, func(b block) bool { return b.drop == worst })
	}
	var lines []string
	for _, b := range blocks {
		lines = append(lines, b.lines...)
	}
	return strings.Join(lines, "\n")
}

// blank is an empty line, dropped before anything else.
var blank = block{lines: []string{""}, drop: dropBlank}

// Drop ranks shared by the screens, least important last.
const (
	dropNever = iota
	dropQuestion
	dropTitle
	dropLegend
	dropBlank
	dropExtra
)
