package progress

import (
	"corecoach/routines"
	"corecoach/storage"
)

// The next-day check-in: how pain stands the day after a session tells
// more than pain during it. On each of the storage.CheckinDays days after
// a session (storage.FollowsUp) the person is asked once for the day's
// pain; a skip is remembered for the day. After longer, how the back feels
// says little about that session, so it is not asked.

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

// ReadCheckin finds whether the last session, one or two days before day,
// has been followed up on day; painRules are the routine's rules
// (routines.Catalog.PainRules).
func ReadCheckin(src Source, painRules func(routineID string) (routines.PainRules, bool), day storage.Date) (CheckinState, error) {
	today := day.String()
	last, ok, err := src.LastSession()
	if err != nil || !ok || !storage.FollowsUp(last, day) {
		return CheckinState{}, err
	}
	rules, _ := painRules(last.Routine.ID)
	cs := CheckinState{Session: last, Rules: rules}
	ci, ok, err := src.Checkin(today)
	switch {
	case err != nil:
		return CheckinState{}, err
	case ok && ci.SessionID == last.ID:
		cs.Today = &ci
		return cs, nil
	case ok:
		return CheckinState{}, nil // a check-in of another session, from an import
	}
	skipped, _, err := src.Setting(storage.SettingCheckinSkipped)
	cs.Due = skipped != today
	return cs, err
}

// SkipCheckin remembers that the check-in of day was skipped, so it is not
// asked again that day.
func SkipCheckin(st interface{ SetSetting(key, value string) error }, day storage.Date) error {
	return st.SetSetting(storage.SettingCheckinSkipped, day.String())
}
