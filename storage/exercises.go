package storage

import "cmp"

// ExerciseTotal sums one exercise over the sessions of a period.
type ExerciseTotal struct {
	ID                    string // the exercise id, or its name when a session has no id
	Name                  string // as the newest session named it
	Sessions              int    // sessions that included it
	SetsDone, SetsPlanned int
	Skipped               int      // sessions in which it was skipped
	Hurt                  int      // sessions in which it was flagged as hurting
	HurtDates             []Date   // the own local days of those sessions
	HurtKinds             []string // the kind flagged in each of them, "" when not recorded
}

// ExerciseTotals sums each exercise over the sessions whose own local day
// falls within from..to, in the order the exercises are first seen in
// sessions: oldest first gives the order of the period, newest first puts
// the current routine's exercises first. The name shown is the one of the
// newest session (by start time) whatever the order, so a renamed custom
// exercise reads as it is now.
func ExerciseTotals(sessions []Session, from, to Date) []ExerciseTotal {
	var out []ExerciseTotal
	var named []Session // the session each total's name comes from
	index := map[string]int{}
	for _, s := range sessions {
		day := DateOf(LocalStart(s))
		if day < from || day > to {
			continue
		}
		for _, e := range s.Exercises {
			id := cmp.Or(e.ID, e.Name) // an imported session may lack either
			k, ok := index[id]
			if !ok {
				k = len(out)
				index[id] = k
				out = append(out, ExerciseTotal{ID: id})
				named = append(named, s)
			}
			t := &out[k]
			if !s.StartedAt.Before(named[k].StartedAt) || t.Name == "" {
				t.Name, named[k] = cmp.Or(e.Name, e.ID), s
			}
			t.Sessions++
			t.SetsDone += e.SetsDone
			t.SetsPlanned += e.SetsPlanned
			if e.Skipped {
				t.Skipped++
			}
			if e.Hurt {
				t.Hurt++
				t.HurtDates = append(t.HurtDates, day)
				t.HurtKinds = append(t.HurtKinds, e.HurtKind)
			}
		}
	}
	return out
}
