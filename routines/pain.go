package routines

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"

	"corecoach/routines/text"
)

// The pain rules, in one place for the pain check, the next-day check-in,
// stats and the therapist's report. Scores run from 0 (none) to MaxPain.

// MaxPain is the top of the pain scale: the worst pain imaginable.
const MaxPain = 10

// SafePain is the top of the pain-monitoring model's "safe" zone (0-2); from
// there up to the limit is its "acceptable" zone. The model comes from tendon
// rehabilitation (Silbernagel et al. 2007); docs/clinical-basis.md says more.
const SafePain = 2

// PainLimitOf is the limit to judge pain by when following r: the file's
// limit (the parser fills in DefaultPainLimit when it has none, and keeps a
// limit of 0 as 0), or DefaultPainLimit when the routine is unknown (nil).
func PainLimitOf(r *Routine) int {
	if r == nil {
		return DefaultPainLimit
	}
	return r.PainLimit
}

// PainOver reports whether a score calls for care: above the limit, or at
// the top of the scale, which is never fine whatever the limit.
func PainOver(score, limit int) bool {
	return score > limit || score >= MaxPain
}

// EaseOff says why a next-day check-in calls for easing off next time; the
// zero value means it does not.
type EaseOff struct {
	AboveLimit bool // above the routine's limit
	TopOfScale bool // MaxPain
	Rise       int  // points above the pain before the session, when 2 or more; else 0
}

// Flagged reports whether there is any reason to ease off.
func (e EaseOff) Flagged() bool { return e != EaseOff{} }

// CheckinEaseOff judges a check-in's score (today) against the session it
// follows up: 2 or more points above the pain before that session (nil:
// skipped), or over the limit as PainOver has it.
func CheckinEaseOff(today int, before *int, limit int) EaseOff {
	var e EaseOff
	e.AboveLimit = today > limit
	e.TopOfScale = today >= MaxPain
	if before != nil && today >= *before+2 {
		e.Rise = today - *before
	}
	return e
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
