package routines

import (
	"fmt"
	"math"

	"corecoach/routines/text"
)

// PainWord names a score's band: 0 none, 1-3 mild, 4-6 moderate, 7-10 severe.
func PainWord(n int) string {
	switch {
	case n <= 0:
		return "none"
	case n <= 3:
		return "mild"
	case n <= 6:
		return "moderate"
	}
	return "severe"
}

// PainZone is how a score stands in the pain-monitoring model: safe (up to
// SafePain), acceptable (up to the routine's limit), or over the limit
// (PainOver).
type PainZone int

const (
	ZoneSafe PainZone = iota
	ZoneAcceptable
	ZoneOver
)

// ZoneOf is the zone of score when following a routine with this limit.
func ZoneOf(score, limit int) PainZone {
	switch {
	case PainOver(score, limit):
		return ZoneOver
	case score > SafePain:
		return ZoneAcceptable
	}
	return ZoneSafe
}

// SessionChange puts the change in pain over one session into words; ""
// when a score was skipped. A drop of 2 points or 30% counts as
// meaningful; a rise is named plainly.
func SessionChange(before, after *int) string {
	if before == nil || after == nil {
		return ""
	}
	b, a := *before, *after
	switch {
	case a < b && (b-a >= 2 || float64(b-a) >= 0.3*float64(b)):
		return fmt.Sprintf("Pain went down from %d to %d: a meaningful change.", b, a)
	case a < b:
		return fmt.Sprintf("Pain went down a little, from %d to %d.", b, a)
	case a > b:
		return fmt.Sprintf("Pain went up from %d to %d. Go easier next time, and tell your therapist if it stays up.", b, a)
	}
	return fmt.Sprintf("Pain stayed at %d.", b)
}

// PainTrend puts a week's pain averages into words, what they show and no
// more: the mean change over a session (changeLast7), and the pain before
// sessions against the 7 days before (beforeLast7, beforePrev7). A rise
// over sessions adds the advice to ease off. nil means no scores.
func PainTrend(beforeLast7, changeLast7, beforePrev7 *float64) []string {
	var out []string
	b, c, p := beforeLast7, changeLast7, beforePrev7
	if c != nil {
		out = append(out, fmt.Sprintf("After sessions, pain was %s before them.", compared(*c)))
	}
	if b != nil && p != nil {
		out = append(out, fmt.Sprintf("Pain before sessions was %s in the 7 days before (%s).", compared(*b-*p), text.Average(p)))
	}
	if c != nil && math.Round(*c*10) > 0 {
		out = append(out, "If exercise keeps raising your pain, ease off and talk to your therapist.")
	}
	return out
}

// compared words a difference in average pain: "1.5 points lower than".
func compared(d float64) string {
	switch r := math.Round(d*10) / 10; {
	case r < 0:
		return fmt.Sprintf("%.1f points lower than", -r)
	case r > 0:
		return fmt.Sprintf("%.1f points higher than", r)
	}
	return "about the same as"
}
