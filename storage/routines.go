package storage

import (
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"corecoach/routines"
)

// RoutineFile is a routine file added to the library: its bytes as read,
// so it can be shown and printed exactly as the therapist wrote it.
type RoutineFile struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Hash    string    `json:"hash"`   // routines.ContentHash of Data
	Source  string    `json:"source"` // the path it was added from
	Data    []byte    `json:"data"`
	AddedAt time.Time `json:"added_at"`
}

// SaveRoutine adds r to the library, replacing a routine of the same id.
// The hash is computed from Data when not given.
func (s *Store) SaveRoutine(r RoutineFile) error {
	if r.ID == "" {
		return fmt.Errorf("cannot save to %s: routine has no id", s.path)
	}
	if r.Hash == "" {
		r.Hash = routines.ContentHash(r.Data)
	}
	v, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("cannot save to %s: routine %s: %w", s.path, r.ID, err)
	}
	return s.update(func(tx *bolt.Tx) error {
		return putChanged(tx.Bucket(bucketRoutines), []byte(r.ID), v)
	})
}

// Routines returns the library, by id. A routine that does not read back
// is left out and named in a *LeftOut error, returned with the others.
func (s *Store) Routines() (out []RoutineFile, err error) {
	skipped := leftOut{path: s.path}
	err = s.view(func(tx *bolt.Tx) error {
		out, err = s.routines(tx, &skipped)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, skipped.err()
}

// routines reads the library; a routine that does not read back is added
// to skipped, or with skipped nil ends the read as damage.
func (s *Store) routines(tx *bolt.Tx, skipped *leftOut) (out []RoutineFile, err error) {
	err = tx.Bucket(bucketRoutines).ForEach(func(k, v []byte) error {
		r, err := s.decodeRoutine(k, v)
		switch {
		case err == nil:
			out = append(out, r)
		case skipped == nil:
			return err
		default:
			skipped.add("routine %q does not read back", k)
		}
		return nil
	})
	return out, err
}

// Routine returns the library routine with id.
func (s *Store) Routine(id string) (r RoutineFile, ok bool, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketRoutines).Get([]byte(id))
		if v == nil {
			return nil
		}
		r, err = s.decodeRoutine([]byte(id), v)
		ok = err == nil
		return err
	})
	return r, ok, err
}

func (s *Store) decodeRoutine(k, v []byte) (RoutineFile, error) {
	var r RoutineFile
	if err := json.Unmarshal(v, &r); err != nil || r.ID != string(k) {
		return RoutineFile{}, damaged(s.path, fmt.Sprintf("the routine %q does not read back", k))
	}
	return r, nil
}
