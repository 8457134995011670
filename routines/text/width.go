package text

import (
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Width is how many columns s takes in a terminal, escape codes aside (the
// widest line, for text of several lines). A character built of several
// code points, such as an emoji with a joiner (👩‍⚕️ is 👩, U+200D, ⚕), is
// measured by some terminals as one (grapheme clustering) and by most,
// tmux among them, code point by code point: Width is the larger of the
// two, so that text laid out by it never runs past the edge in either.
// Every screen and table measures with it.
func Width(s string) int {
	if strings.IndexByte(s, '\n') >= 0 {
		w := 0
		for l := range strings.SplitSeq(s, "\n") {
			w = max(w, Width(l))
		}
		return w
	}
	if printableASCII(s) {
		return len(s)
	}
	return max(ansi.StringWidth(s), ansi.StringWidthWc(s))
}

// Fit cuts one line s to at most w columns by Width, ending in "…" when
// it was wider; escape codes are kept whole.
func Fit(s string, w int) string { return fit(s, w, "…") }

// Crop cuts one line s to at most w columns by Width with no mark: for
// padding, whose end is not text lost.
func Crop(s string, w int) string { return fit(s, w, "") }

func fit(s string, w int, tail string) string {
	if w <= 0 {
		return ""
	}
	if Width(s) <= w {
		return s
	}
	// Cut by clusters, then by code points if still too wide: an emoji
	// counted two columns as a cluster is more code point by code point.
	// The widest cut that fits is found by halving.
	lo, hi := 0, w // Truncate(s, lo) fits; the answer is in lo..hi
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if Width(ansi.Truncate(s, mid, tail)) <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return ansi.Truncate(s, lo, tail)
}

// Pad fills s with spaces on the right to w columns by Width.
func Pad(s string, w int) string {
	return s + strings.Repeat(" ", max(0, w-Width(s)))
}

// WriteTable writes rows as left-aligned columns two spaces apart,
// measured by Width (text/tabwriter counts code points, so an accent
// written as a combining mark or an emoji would shift the columns).
func WriteTable(w io.Writer, rows [][]string) error {
	var widths []int
	for _, row := range rows {
		for i, cell := range row {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], Width(cell))
		}
	}
	var b strings.Builder
	for _, row := range rows {
		for i, cell := range row {
			if i == len(row)-1 {
				b.WriteString(cell)
				break
			}
			b.WriteString(Pad(cell, widths[i]) + "  ")
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}
