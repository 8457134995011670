// Package storage owns the one bbolt data file: sessions, added routines,
// check-ins and settings, the history document (export and import), and the
// streak and stats rules computed over stored sessions.
package storage

import "time"

// Session statuses, as history documents and `history --json` give them.
const (
	StatusCompleted = "completed"
	StatusPartial   = "partial"
)

// Session is a session object of the history document; its JSON is the
// format that export, import and `history --json` share.
type Session struct {
	ID         string           `json:"id"`
	Routine    RoutineRef       `json:"routine"`
	StartedAt  time.Time        `json:"started_at"`
	EndedAt    *time.Time       `json:"ended_at"`
	Zone       string           `json:"zone"`
	Status     string           `json:"status"`
	PainBefore *int             `json:"pain_before"`
	PainAfter  *int             `json:"pain_after"`
	Note       string           `json:"note"`
	Exercises  []ExerciseResult `json:"exercises"`
}

// RoutineRef names the routine a session followed, and which version of it.
type RoutineRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Hash string `json:"hash"`
}

// ExerciseResult is what was done of one exercise in a session.
type ExerciseResult struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	SetsPlanned int    `json:"sets_planned"`
	SetsDone    int    `json:"sets_done"`
	Skipped     bool   `json:"skipped"`
	Hurt        bool   `json:"hurt"`
	// HurtKind is what kind of hurt was flagged (HurtLeg, HurtSharp,
	// HurtOther); "" when not flagged, or flagged before kinds were asked.
	HurtKind string `json:"hurt_kind,omitempty"`
	Seconds  int    `json:"seconds"`
}

// The kinds of hurt a client can flag during a session.
const (
	HurtLeg   = "leg"   // pain, numbness or tingling spreading down a leg
	HurtSharp = "sharp" // sharp pain where the exercise works
	HurtOther = "other"
)

// HurtKindText says a kind of hurt in words for a report or a screen; ""
// for none or an unknown kind.
func HurtKindText(kind string) string {
	switch kind {
	case HurtLeg:
		return "pain, numbness or tingling down a leg"
	case HurtSharp:
		return "sharp pain"
	case HurtOther:
		return "other"
	}
	return ""
}

// WorseHurt is the more telling of two kinds of hurt flagged on one
// exercise, so a leg symptom is never overwritten by a later "other": leg
// symptoms point at a nerve root, and at the red flags.
func WorseHurt(a, b string) string {
	for _, k := range [...]string{HurtLeg, HurtSharp, HurtOther} {
		if a == k || b == k {
			return k
		}
	}
	return ""
}
