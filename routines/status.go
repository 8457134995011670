package routines

// SessionCompleted is the one rule for a session's status (stored, and
// followed by the summary, streaks, stats, the report and the history;
// docs/using-corecoach.md): completed when
// it reached the end of its plan (not stopped early) with at least 80% of
// its planned work sets done, leaving out the sets an exercise had ahead
// when it was flagged as hurting. A session with no set done is never
// completed, whatever was left out.
func SessionCompleted(reachedEnd bool, res []ExerciseProgress) bool {
	if !reachedEnd {
		return false
	}
	done, counted := SetsCounted(res)
	// done/counted >= 4/5, in integers so that 80% exactly passes.
	return done > 0 && done*5 >= counted*4
}

// SetsCounted is the work sets done and the planned sets they are measured
// against (the excused sets of a hurting exercise left out).
func SetsCounted(res []ExerciseProgress) (done, counted int) {
	for _, p := range res {
		done += p.SetsDone
		counted += p.SetsPlanned - p.SetsExcused
	}
	return done, counted
}
