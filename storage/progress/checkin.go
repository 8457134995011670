package progress

import (
	"corecoach/routines"
	"corecoach/storage"
)

// The next-day check-in: how pain stands the day after a session tells
// more than pain during it. On each of the storage.CheckinDays days after
// a session (storage.FollowsUp) the person is asked for the day's pain
// until they give it, whatever else they did that day: a session done
// today does not replace the one it follows up. After longer, how the back
// feels says little about that session, so it is not asked.

// CheckinState is how the day's check-in stands.
type CheckinState struct {
	Due     bool               // ask now
	Session storage.Session    // the session it follows up
	Today   *storage.Checkin   // the day's check-in of that session, once given
	Rules   routines.PainRules // the pain rules of the session's routine
}

// Advice is the advice on the day's pain by routines.CheckinAdvice; the
// zero value (routines.AdviceNone) until it is given.
func (cs CheckinState) Advice() routines.Advice {
	if cs.Today == nil {
		return routines.Advice{}
	}
	return routines.CheckinAdvice(cs.Today.Pain, cs.Session.PainBefore, cs.Rules)
}

// ReadCheckin finds whether the newest session of the one or two days
// before day (storage.FollowsUp) has been followed up on day; sessions of
// day itself are left aside. painRules are the routine's rules
// (routines.Catalog.PainRules).
func ReadCheckin(src Source, painRules func(routineID string) (routines.PainRules, bool), day storage.Date) (CheckinState, error) {
	today := day.String()
	recent, err := src.SessionsSince(storage.StartOfDayBound(day.AddDays(-storage.CheckinDays)))
	if err != nil {
		return CheckinState{}, err
	}
	var last, todays *storage.Session
	for i := range recent {
		switch s := &recent[i]; {
		case storage.FollowsUp(*s, day) && (last == nil || !s.StartedAt.Before(last.StartedAt)):
			last = s
		case storage.DateOf(storage.LocalStart(*s)) == day && (todays == nil || !s.StartedAt.Before(todays.StartedAt)):
			todays = s
		}
	}
	if last == nil {
		return CheckinState{}, nil
	}
	rules, _ := painRules(last.Routine.ID)
	cs := CheckinState{Session: *last, Rules: rules}
	ci, ok, err := src.Checkin(today)
	switch {
	case err != nil:
		return CheckinState{}, err
	case ok && ci.SessionID == last.ID && todays != nil && todays.StartedAt.After(ci.At):
		return CheckinState{}, nil // answered, and a session done since: its advice is spent
	case ok && ci.SessionID == last.ID:
		cs.Today = &ci
	case !ok:
		cs.Due = true
	} // else a check-in of another session, from an import: nothing to ask
	return cs, nil
}
