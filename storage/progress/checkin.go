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
	Due     bool             // ask now
	Session storage.Session  // the session it follows up
	Today   *storage.Checkin // the day's check-in of that session, once given
	Limit   int              // the pain limit of the session's routine
}

// EaseOff says whether, and why, the day's pain calls for going easier next
// time, by routines.CheckinEaseOff; the zero value until it is given.
func (cs CheckinState) EaseOff() routines.EaseOff {
	if cs.Today == nil {
		return routines.EaseOff{}
	}
	return routines.CheckinEaseOff(cs.Today.Pain, cs.Session.PainBefore, cs.Limit)
}

// ReadCheckin finds whether the last session, one or two days before day,
// has been followed up on day; painLimit is the routine's limit
// (routines.Catalog.PainLimit).
func ReadCheckin(src Source, painLimit func(routineID string) (int, bool), day storage.Date) (CheckinState, error) {
	today := day.String()
	last, ok, err := src.LastSession()
	if err != nil || !ok || !storage.FollowsUp(last, day) {
		return CheckinState{}, err
	}
	limit, _ := painLimit(last.Routine.ID)
	cs := CheckinState{Session: last, Limit: limit}
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
