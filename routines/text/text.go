// Package text holds the small wording helpers every part of corecoach
// shares, so that the screens, the command line and the documents say a
// count, a percentage or a missing value the same way. It imports nothing
// of corecoach, so any package can use it.
package text

import (
	"fmt"
	"math"
	"strconv"
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

// Round shows v with the given number of decimals, halves rounded away
// from zero as people round (2.5 minutes is "3"), not to even as fmt does.
// Every rounded number corecoach shows goes through it.
func Round(v float64, decimals int) string {
	scale := math.Pow(10, float64(decimals))
	// The product can land a hair under the half it stands for
	// (1.005*100 = 100.49999...): a tolerance far below any shown digit.
	r := math.Copysign(math.Floor(math.Abs(v)*scale+0.5+1e-9), v) / scale
	if r == 0 {
		r = 0 // no "-0"
	}
	return strconv.FormatFloat(r, 'f', decimals, 64)
}

// Percent shows a fraction as a whole percentage, halves rounded up: "67%".
func Percent(f float64) string {
	return Round(f*100, 0) + "%"
}

// Average shows a mean score to one decimal, or None when there is none.
func Average(p *float64) string {
	if p == nil {
		return None
	}
	return Round(*p, 1)
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
