package storage

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/oklog/ulid/v2"
	bolt "go.etcd.io/bbolt"

	"corecoach/routines"
)

// Visit is a therapy visit the client logged: a massage, a physiotherapy
// appointment and so on (docs/using-corecoach.md, "Therapy visits").
type Visit struct {
	ID   string `json:"id"`   // "v-" and a ULID
	Date string `json:"date"` // YYYY-MM-DD, local
	Kind string `json:"kind"` // one of VisitKinds
	Note string `json:"note"`
}

// VisitKinds are the kinds of visit, in the order help lists them.
var VisitKinds = []string{"massage", "physiotherapy", "chiropractic", "osteopathy", "other"}

// maxVisitNote bounds a visit's note in runes: a few paragraphs.
const maxVisitNote = 2000

// NewVisitID returns a new visit id for a visit logged at t.
func NewVisitID(t time.Time) string {
	ms := uint64(0)
	if t.After(time.UnixMilli(0)) {
		ms = ulid.Timestamp(t)
	}
	return "v-" + ulid.MustNew(min(ms, ulid.MaxTime()), rand.Reader).String()
}

// checkVisit reports what makes v unfit to store, naming the field; the
// caller names the visit.
func checkVisit(v Visit) error {
	switch {
	case v.ID == "":
		return fmt.Errorf("id is missing")
	case len(v.ID) > maxIDLen || !utf8.ValidString(v.ID):
		return fmt.Errorf("id %.40q is not a valid id (at most %d bytes of UTF-8 text)", v.ID, maxIDLen)
	case !slices.Contains(VisitKinds, v.Kind):
		return fmt.Errorf("kind %q is not one of %s", v.Kind, strings.Join(VisitKinds, ", "))
	case utf8.RuneCountInString(v.Note) > maxVisitNote:
		return fmt.Errorf("note is longer than %d characters", maxVisitNote)
	}
	d, err := time.Parse(time.DateOnly, v.Date)
	if err != nil {
		return fmt.Errorf("date %q is not YYYY-MM-DD", v.Date)
	}
	if d.Year() < minYear || d.Year() > maxYear {
		return fmt.Errorf("date %s is outside the years %d to %d", v.Date, minYear, maxYear)
	}
	return nil
}

// cleanVisit holds the note to the text policy, as a typed session note is.
func cleanVisit(v Visit) Visit {
	v.Note = routines.Clean(v.Note, routines.MultiLine)
	return v
}

// SaveVisit stores v, replacing the visit of the same id.
func (s *Store) SaveVisit(v Visit) error {
	v = cleanVisit(v)
	if err := checkVisit(v); err != nil {
		return fmt.Errorf("cannot save to %s: visit %s: %w", s.path, showID(v.ID), err)
	}
	val, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("cannot save to %s: %w", s.path, err)
	}
	return s.update(func(tx *bolt.Tx) error {
		return putChanged(tx.Bucket(bucketVisits), []byte(v.ID), val)
	})
}

// DeleteVisit removes the visit with id; found is false when there is none.
func (s *Store) DeleteVisit(id string) (found bool, err error) {
	err = s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketVisits)
		if b.Get([]byte(id)) == nil {
			return errNoChange
		}
		found = true
		return b.Delete([]byte(id))
	})
	return found, err
}

// Visits returns every visit, oldest date first (by id within a date). A
// visit that does not read back is left out and named in a *LeftOut error,
// returned with the others.
func (s *Store) Visits() ([]Visit, error) {
	var out []Visit
	skipped := leftOut{path: s.path}
	err := s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketVisits).ForEach(func(k, v []byte) error {
			if visit, err := parseVisit(k, v); err == nil {
				out = append(out, visit)
			} else {
				skipped.add("visit %s does not read back: %v", showID(string(k)), err)
			}
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	sortVisits(out)
	return out, skipped.err()
}

func sortVisits(vs []Visit) {
	slices.SortFunc(vs, func(a, b Visit) int {
		if c := strings.Compare(a.Date, b.Date); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}

// parseVisit decodes a stored visit and checks it belongs under key k.
func parseVisit(k, v []byte) (Visit, error) {
	var visit Visit
	err := json.Unmarshal(v, &visit)
	if err == nil && visit.ID != string(k) {
		err = fmt.Errorf("stored under %q", k)
	}
	if err == nil {
		err = checkVisit(visit)
	}
	return visit, err
}
