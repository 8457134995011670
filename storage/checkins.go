package storage

import (
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Checkin is the next-day pain check-in that follows up a session.
type Checkin struct {
	Date      string    `json:"date"` // YYYY-MM-DD, local
	Pain      int       `json:"pain"`
	At        time.Time `json:"at"`
	SessionID string    `json:"session_id"` // the session it follows up
}

// CheckinDays is how many days after a session its check-in is asked for:
// the day after, and the one after that for someone who opens the coach
// every other day. Later, how the back feels says little about the session.
const CheckinDays = 2

// FollowsUp reports whether a check-in on day can follow up s: s's own
// local day is 1 to CheckinDays days before it.
func FollowsUp(s Session, day Date) bool {
	ago := day - DateOf(LocalStart(s))
	return ago >= 1 && ago <= CheckinDays
}

func checkCheckin(c Checkin) error {
	if _, err := time.Parse(time.DateOnly, c.Date); err != nil {
		return fmt.Errorf("check-in date %q is not YYYY-MM-DD", c.Date)
	}
	if c.Pain < 0 || c.Pain > 10 {
		return fmt.Errorf("check-in of %s has pain %d; want 0..10", c.Date, c.Pain)
	}
	return nil
}

// SaveCheckin stores c, replacing the check-in of the same date.
func (s *Store) SaveCheckin(c Checkin) error {
	if err := checkCheckin(c); err != nil {
		return fmt.Errorf("cannot save to %s: %w", s.path, err)
	}
	c.At = c.At.Truncate(time.Second)
	v, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("cannot save to %s: %w", s.path, err)
	}
	return s.update(func(tx *bolt.Tx) error {
		return putChanged(tx.Bucket(bucketCheckins), []byte(c.Date), v)
	})
}

// Checkins returns every check-in, oldest date first. A check-in that
// does not read back is left out and named in a *LeftOut error, returned
// with the others.
func (s *Store) Checkins() ([]Checkin, error) {
	var out []Checkin
	skipped := leftOut{path: s.path}
	err := s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketCheckins).ForEach(func(k, v []byte) error {
			if c, err := parseCheckin(k, v); err == nil {
				out = append(out, c)
			} else {
				skipped.add("check-in %q does not read back: %v", k, err)
			}
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	return out, skipped.err()
}

// Checkin returns the check-in of date (YYYY-MM-DD).
func (s *Store) Checkin(date string) (c Checkin, ok bool, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketCheckins).Get([]byte(date))
		if v == nil {
			return nil
		}
		c, err = s.decodeCheckin([]byte(date), v)
		ok = err == nil
		return err
	})
	return c, ok, err
}

func (s *Store) decodeCheckin(k, v []byte) (Checkin, error) {
	c, err := parseCheckin(k, v)
	if err != nil {
		return Checkin{}, damaged(s.path, fmt.Sprintf("the check-in %q does not read back: %v", k, err))
	}
	return c, nil
}

// parseCheckin decodes a stored check-in and checks it belongs under key k.
func parseCheckin(k, v []byte) (Checkin, error) {
	var c Checkin
	err := json.Unmarshal(v, &c)
	if err == nil && c.Date != string(k) {
		err = fmt.Errorf("stored under %q", k)
	}
	if err == nil {
		err = checkCheckin(c)
	}
	return c, err
}
