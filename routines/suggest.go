package routines

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Suggest returns the candidate nearest to s when it is near enough to be
// a likely typo, else "". Commands use it for their own did-you-means.
func Suggest(s string, candidates []string) string { return suggest(s, candidates) }

// suggest returns the candidate nearest to s when it is near enough to be a
// likely typo, else "".
func suggest(s string, candidates []string) string {
	// A cut-short word ("prep" for "prepare") is a near miss too.
	if len(s) >= 3 {
		for _, c := range candidates {
			if strings.HasPrefix(c, s) {
				return c
			}
		}
	}
	// One edit for short words, up to three for long ones.
	n := utf8.RuneCountInString(s)
	limit := min(1+n/5, 3)
	best, bestDist := "", -1
	for _, c := range candidates {
		// Words whose lengths differ by more than the limit are further
		// apart than it: skip the work.
		if diff := utf8.RuneCountInString(c) - n; diff > limit || -diff > limit {
			continue
		}
		d := editDistance(s, c)
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	if bestDist < 0 || bestDist > limit {
		return ""
	}
	return best
}

// didYouMean appends `; did you mean "x"?` to msg when a candidate is near.
func didYouMean(msg, s string, candidates []string) string {
	if c := suggest(s, candidates); c != "" {
		return fmt.Sprintf("%s; did you mean %q?", msg, c)
	}
	return msg
}

// editDistance is the optimal string alignment distance between a and b,
// by runes: Levenshtein plus swaps of neighbours, the commonest typo
// ("hodl" for "hold").
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	// Long inputs are never a near miss of a short key: skip the work.
	if len(ra) > 64 || len(rb) > 64 {
		return max(len(ra), len(rb))
	}
	// d[i][j] is the distance between ra[:i] and rb[:j].
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
