// Package storage owns the one bbolt data file: sessions, added routines,
// check-ins and settings, the history document (export and import), and the
// streak and stats rules computed over stored sessions.
package storage

import "time"

// Session statuses of contract section 3.
const (
	StatusCompleted = "completed"
	StatusPartial   = "partial"
)

// Session is a session object of contract section 3; its JSON is the format.
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
	Seconds     int    `json:"seconds"`
}
