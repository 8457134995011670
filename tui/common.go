package tui

import (
	"errors"
	"fmt"
	"maps"
	"slices"
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
	Visits() ([]storage.Visit, error)
	SaveVisit(storage.Visit) error
	// ReadOnlyReason is why the file may not be written, decided once
	// (see storage.Store.ReadOnlyReason); every write refuses with it.
	ReadOnlyReason() error
}

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
	catalog       *routines.Catalog
	routines      []*routines.Routine // the home list: catalog.All()
	lines         []routineLine       // home's line for each routine, worked out once
	selected      string              // id of the routine chosen on home, "" until one is
	blink         bool                // the note's cursor blinks; tests turn it off, as they do timer
	checkinLeft   bool                // the check-in was put off (esc) or could not be saved: not asked again this run
	// current is the session of this visit, from its start until home: what
	// the program writes, synchronously, as it exits (see Model.Flush).
	current *record
}

// saver writes session snapshots in order. Saves run as commands on their
// own goroutines, so an older checkpoint could otherwise land after the
// final state and overwrite it: each snapshot carries a sequence number and
// a stale one is dropped. That also makes saving the same snapshot again,
// as the exit does, a no-op once it is written.
type saver struct {
	mu     sync.Mutex
	store  Store
	last   map[string]int     // session id: newest sequence number written
	failed map[string]failure // session id: newest snapshot that could not be written
}

// failure is a write that failed and that no newer write has made good.
type failure struct {
	seq int
	err error
}

func newSaver(st Store) *saver {
	return &saver{store: st, last: map[string]int{}, failed: map[string]failure{}}
}

func (s *saver) save(seq int, sess storage.Session) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if seq <= s.last[sess.ID] {
		return nil
	}
	if err := s.store.SaveSession(sess); err != nil {
		if f, ok := s.failed[sess.ID]; !ok || seq >= f.seq {
			s.failed[sess.ID] = failure{seq: seq, err: err}
		}
		return err
	}
	s.last[sess.ID] = seq
	if f, ok := s.failed[sess.ID]; ok && f.seq <= seq {
		delete(s.failed, sess.ID)
	}
	return nil
}

// saved reports whether snapshot seq of a session, or a newer one, is written.
func (s *saver) saved(id string, seq int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.last[id] >= seq
}

// failing reports whether the newest snapshot of session id that was tried
// could not be written.
func (s *saver) failing(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.failed[id]
	return ok
}

// failure is why some session's newest state is not in the database, or nil
// when every failed write has since been made good.
func (s *saver) failure() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var errs []error
	for _, id := range slices.Sorted(maps.Keys(s.failed)) {
		errs = append(errs, s.failed[id].err)
	}
	if len(errs) == 0 {
		return nil
	}
	return fmt.Errorf("saving the session: %w", errors.Join(errs...))
}
