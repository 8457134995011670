package tui

import (
	"sync"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"corecoach/routines"
	"corecoach/storage"
)

// Store is what the interface needs of the database; *storage.Store has it.
type Store interface {
	SaveSession(storage.Session) error
	Days() ([]storage.DayRecord, error)
	SessionsSince(t time.Time) ([]storage.Session, error)
	LastSession() (storage.Session, bool, error)
	Setting(key string) (string, bool, error)
	SetSetting(key, value string) error
	Checkin(date string) (storage.Checkin, bool, error)
	SaveCheckin(storage.Checkin) error
}

// settingSafetyConfirmed remembers that the person has read the red flags.
const settingSafetyConfirmed = "safety_confirmed"

// common is what every screen shares, passed by pointer.
type common struct {
	width, height int // the whole window
	styles        Styles
	keys          KeyMap
	help          help.Model
	store         Store
	saver         *saver
	now           func() time.Time
	timer         func(time.Duration, func(time.Time) tea.Msg) tea.Cmd // tea.Tick; tests drive time themselves
	zone          string                                               // IANA name of the local zone, "" when unknown
	muted         bool
	routines      []*routines.Routine
	selected      string // id of the routine chosen on home, "" until one is
}

// schedule gives a routine's weekdays for the streak rules; unknown
// routines are scheduled every day.
func (c *common) schedule(id string) []time.Weekday {
	for _, r := range c.routines {
		if r.ID == id {
			return r.Schedule
		}
	}
	return nil
}

// saver writes session snapshots in order. Saves run as commands on their
// own goroutines, so an older checkpoint could otherwise land after the
// final state and overwrite it: each snapshot carries a sequence number and
// a stale one is dropped.
type saver struct {
	mu    sync.Mutex
	store Store
	last  map[string]int // session id: newest sequence number written
}

func newSaver(st Store) *saver { return &saver{store: st, last: map[string]int{}} }

func (s *saver) save(seq int, sess storage.Session) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if seq <= s.last[sess.ID] {
		return nil
	}
	if err := s.store.SaveSession(sess); err != nil {
		return err
	}
	s.last[sess.ID] = seq
	return nil
}

// SafetyConfirmed reports whether the red flags were read and confirmed
// before, so the first-run safety screen can be skipped.
func SafetyConfirmed(st Store) (bool, error) {
	v, ok, err := st.Setting(settingSafetyConfirmed)
	return ok && v != "", err
}
