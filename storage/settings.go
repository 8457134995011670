package storage

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// The settings the program keeps.
const (
	// SettingSafetyConfirmed is set once the red flags were read and confirmed.
	SettingSafetyConfirmed = "safety_confirmed"
)

// SafetyConfirmed reports whether the red flags were read and confirmed
// before, so the first-run safety screen can be skipped.
func SafetyConfirmed(st interface {
	Setting(key string) (string, bool, error)
}) (bool, error) {
	v, ok, err := st.Setting(SettingSafetyConfirmed)
	return ok && v != "", err
}

// Setting returns the value stored under key.
func (s *Store) Setting(key string) (value string, ok bool, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketSettings).Get([]byte(key))
		value, ok = string(v), v != nil
		return nil
	})
	return value, ok, err
}

// SetSetting stores value under key.
func (s *Store) SetSetting(key, value string) error {
	if key == "" {
		return fmt.Errorf("cannot save to %s: setting has no name", s.path)
	}
	return s.update(func(tx *bolt.Tx) error {
		return putChanged(tx.Bucket(bucketSettings), []byte(key), []byte(value))
	})
}

// putChanged stores v under k, or asks for no commit when it is there
// already.
func putChanged(b *bolt.Bucket, k, v []byte) error {
	if old := b.Get(k); old != nil && bytes.Equal(old, v) {
		return errNoChange
	}
	return b.Put(k, v)
}
