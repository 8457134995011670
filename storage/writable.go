package storage

import (
	"errors"
	"io/fs"
	"sync"
)

// verdict is whether a Store's file may be written, decided once.
type verdict struct {
	mu      sync.Mutex
	decided bool
	err     error
}

// ReadOnlyReason says why the database may not be written to, or nil when
// it may. It is decided once for the life of the Store, by the first write
// or an earlier call, from the whole check (Check: every page and every
// record; see BenchmarkCheck10k for its cost): a file damaged anywhere is
// never written to, so that a write cannot spread the damage or bury what
// could still be saved, and every write refuses with this reason. A file
// that is not a corecoach database, or is of a newer schema, is refused by
// Open already (and by every operation, should it be replaced meanwhile).
// Until the file exists it may be written; a file held by another
// corecoach is not decided yet (the error says it is in use).
func (s *Store) ReadOnlyReason() error {
	s.writable.mu.Lock()
	defer s.writable.mu.Unlock()
	if s.writable.decided {
		return s.writable.err
	}
	err := s.check() // with the advice every refused write gives
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil // the first write creates it
	case err == nil, errors.Is(err, ErrDamaged):
		s.writable.decided, s.writable.err = true, err
	}
	return err
}

// Writable reports whether the database may be written to (ReadOnlyReason).
func (s *Store) Writable() bool { return s.ReadOnlyReason() == nil }
