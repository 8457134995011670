// Package text holds the small wording helpers every part of corecoach
// shares, so that the screens, the command line and the documents say a
// count, a percentage or a missing value the same way. It imports nothing
// of corecoach, so any package can use it.
package text

import (
	"fmt"
	"math"
	"strings"
)

// None stands where there is no value: a skipped pain score, an average
// over no sessions.
const None = "–"

// Noun is noun with an s unless n is 1: "exercise", "exercises".
func Noun(n int, noun string) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}

// Count is n and its noun: "1 day", "3 days".
func Count(n int, noun string) string {
	return fmt.Sprintf("%d %s", n, Noun(n, noun))
}

// Percent shows a fraction as a whole percentage, halves rounded up: "67%".
func Percent(f float64) string {
	return fmt.Sprintf("%.0f%%", math.Floor(f*100+0.5))
}

// Average shows a mean score to one decimal, or None when there is none.
func Average(p *float64) string {
	if p == nil {
		return None
	}
	return fmt.Sprintf("%.1f", *p)
}

// OneLine joins the lines and runs of spaces of s into single spaces.
func OneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// Cut shortens s to width characters, ending in "…" when it was longer.
func Cut(s string, width int) string {
	if r := []rune(s); len(r) > width && width > 0 {
		return string(r[:width-1]) + "…"
	}
	return s
}
