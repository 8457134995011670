package routines

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"

	"corecoach/routines/text"
)

// The pain scale, for the pain check, the next-day check-in, stats and the
// therapist's report; the advice on a score is in advice.go. Scores run
// from 0 (none) to MaxPain.

// MaxPain is the top of the pain scale: the worst pain imaginable.
const MaxPain = 10

// SafePain is the top of the pain-monitoring model's "safe" zone (0-2); from
// there up to the limit is its "acceptable" zone. The model comes from tendon
// rehabilitation (Silbernagel et al. 2007); docs/clinical-basis.md says more.
const SafePain = 2

// PainOver reports whether a score calls for care: above the limit, or at
// the top of the scale, which is never fine whatever the limit.
func PainOver(score, limit int) bool {
	return score > limit || score >= MaxPain
}

// ScoreText shows a pain score, or text.None when it was skipped.
func ScoreText(p *int) string {
	if p == nil {
		return text.None
	}
	return strconv.Itoa(*p)
}

// ContentHash is "sha256:<hex>" of a routine file's bytes: the version
// stored with the file in the library and with each session that followed it.
func ContentHash(data []byte) string {
	sum := sha256.Sum256(data)
	return "sha256:" + hex.EncodeToString(sum[:])
}

// ShortHash is the start of a content hash, enough to tell versions apart
// on a handout or in a heading: "sha256:1a2b3c4d5e6f…".
func ShortHash(hash string) string {
	if r := []rune(hash); len(r) > 19 {
		return string(r[:19]) + "…"
	}
	return hash
}
