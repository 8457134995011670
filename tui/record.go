package tui

import (
	"slices"
	"time"

	"corecoach/routines"
	"corecoach/storage"
)

// record is the session being done, as it will be stored. Every change
// bumps seq so that the saver keeps only the newest snapshot.
type record struct {
	s   storage.Session
	seq int
	// stoppedEarly: the session ended before its plan did (quit, ctrl+c),
	// rather than reaching the end with too few sets done.
	stoppedEarly bool
	// setsDone of setsCounted work sets, as routines.SetsCounted counts them.
	setsDone, setsCounted int
	// hurtKinds is the kind of hurt flagged on each exercise, by its index.
	hurtKinds map[int]string
	// painRules are the routine's, to judge the pain after it.
	painRules routines.PainRules
}

func newRecord(r *routines.Routine, start time.Time, zone string, painBefore *int) *record {
	start = start.Truncate(time.Second)
	return &record{seq: 1, painRules: routines.PainRulesOf(r), s: storage.Session{
		ID:         storage.NewSessionID(start),
		Routine:    storage.RoutineRef{ID: r.ID, Name: r.Name, Hash: r.Hash},
		StartedAt:  start,
		Zone:       zone,
		Status:     storage.StatusPartial,
		PainBefore: painBefore,
	}}
}

// results copies what the engine reports into the session.
func (r *record) results(res []routines.ExerciseProgress) {
	ex := make([]storage.ExerciseResult, len(res))
	for i, p := range res {
		ex[i] = storage.ExerciseResult{
			ID: p.ID, Name: p.Name,
			SetsPlanned: p.SetsPlanned, SetsDone: p.SetsDone,
			Skipped: p.Skipped, Hurt: p.Hurt, Seconds: p.Seconds,
		}
		if p.Hurt {
			ex[i].HurtKind = r.hurtKinds[i]
		}
	}
	r.s.Exercises = ex
	r.seq++
}

// hurt notes the kind of hurt flagged on exercise x; a second flag keeps
// the more telling kind (storage.WorseHurt).
func (r *record) hurt(x int, kind string) {
	if r.hurtKinds == nil {
		r.hurtKinds = map[int]string{}
	}
	r.hurtKinds[x] = storage.WorseHurt(r.hurtKinds[x], kind)
	r.seq++
}

// finish marks the end of the session.
func (r *record) finish(status string, end time.Time) {
	end = end.Truncate(time.Second)
	r.s.Status = status
	r.s.EndedAt = &end
	r.seq++
}

func (r *record) painAfter(score *int) {
	r.s.PainAfter = score
	r.seq++
}

func (r *record) note(text string) {
	r.s.Note = text
	r.seq++
}

// snapshot is a deep copy, safe to hand to a command's goroutine.
func (r *record) snapshot() (int, storage.Session) {
	s := r.s
	s.Exercises = slices.Clone(r.s.Exercises)
	s.PainBefore = clonePtr(r.s.PainBefore)
	s.PainAfter = clonePtr(r.s.PainAfter)
	if r.s.EndedAt != nil {
		t := *r.s.EndedAt
		s.EndedAt = &t
	}
	return r.seq, s
}

func clonePtr(p *int) *int {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}
