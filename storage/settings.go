package storage

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

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
		return tx.Bucket(bucketSettings).Put([]byte(key), []byte(value))
	})
}
