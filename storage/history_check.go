package storage

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"corecoach/routines"
)

// wireSession is a session as a document holds it: times are read here so
// that a bad one can be named with its field.
type wireSession struct {
	Session
	StartedAt json.RawMessage `json:"started_at"`
	EndedAt   json.RawMessage `json:"ended_at"`
}

// decodeImported decodes and checks one session of a document. The error
// names the field and says what is expected; the caller names the session,
// with the id returned.
func decodeImported(raw []byte) (Session, error) {
	var w wireSession
	err := json.Unmarshal(raw, &w)
	s := w.Session
	if err != nil {
		return s, fieldErr(err)
	}
	if s.StartedAt, err = parseTime("started_at", w.StartedAt); err != nil {
		return s, err
	}
	if end, err := parseTime("ended_at", w.EndedAt); err != nil {
		return s, err
	} else if !end.IsZero() {
		s.EndedAt = &end
	}
	if err := checkSession(s); err != nil {
		return s, err
	}
	if err := checkImportedValues(s); err != nil {
		return s, err
	}
	s = cleanSessionText(s)
	return s, checkImportedZone(s)
}

// Bounds of what an imported session can hold (docs/using-corecoach.md,
// "Your data"). A routine has at most 20 sets of an exercise and lasts at
// most 3 hours; the bounds are looser, so that only the impossible is
// refused, and small enough that no sum of them overflows.
const (
	minYear    = 1970
	maxYear    = 2200
	maxSets    = 100
	maxSeconds = 24 * 60 * 60 // work time on one exercise: a day
)

// checkImportedValues refuses what no session can hold: an end before the
// start, counts or seconds
// below zero or beyond any routine, more sets done than planned. Stats
// would count them as they are, so a bad document would skew every figure
// after it.
func checkImportedValues(s Session) error {
	if s.EndedAt != nil && s.EndedAt.Before(s.StartedAt) {
		return fmt.Errorf("ended_at %s is before started_at %s",
			s.EndedAt.Format(time.RFC3339), s.StartedAt.Format(time.RFC3339))
	}
	for i, e := range s.Exercises {
		for _, f := range []struct {
			name string
			n    int
			max  int
		}{{"sets_planned", e.SetsPlanned, maxSets}, {"sets_done", e.SetsDone, maxSets}, {"seconds", e.Seconds, maxSeconds}} {
			if f.n < 0 {
				return fmt.Errorf("exercises[%d].%s %d is negative; it must be 0 or more", i, f.name, f.n)
			}
			if f.n > f.max {
				return fmt.Errorf("exercises[%d].%s %d is more than any routine holds; it must be at most %d", i, f.name, f.n, f.max)
			}
		}
		if e.SetsDone > e.SetsPlanned {
			return fmt.Errorf("exercises[%d].sets_done %d is more than its sets_planned %d", i, e.SetsDone, e.SetsPlanned)
		}
		if e.HurtKind != "" && HurtKindText(e.HurtKind) == "" {
			return fmt.Errorf("exercises[%d].hurt_kind %q is not one of %q, %q, %q", i, e.HurtKind, HurtLeg, HurtSharp, HurtOther)
		}
	}
	return nil
}

const rfc3339Example = "2026-03-08T23:30:00-04:00"

func parseTime(field string, raw json.RawMessage) (time.Time, error) {
	var t time.Time
	if len(raw) == 0 || string(raw) == "null" {
		return t, nil
	}
	if err := t.UnmarshalJSON(raw); err != nil {
		return t, fmt.Errorf("%s %s is not an RFC 3339 time such as %s", field, raw, rfc3339Example)
	}
	// Year 1 would read as no time at all, and years past 9999 cannot be
	// written back as RFC 3339 once in UTC.
	if t.Year() < minYear || t.Year() > maxYear {
		return t, fmt.Errorf("%s %s is outside the years %d to %d", field, raw, minYear, maxYear)
	}
	return t, nil
}

// fieldErr turns a JSON type error into the field and what it must be.
func fieldErr(err error) error {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return err
	}
	want := map[reflect.Kind]string{
		reflect.Int: "a whole number", reflect.String: "text", reflect.Bool: "true or false",
		reflect.Slice: "a list", reflect.Struct: "an object", reflect.Pointer: "a whole number or null",
	}[te.Type.Kind()]
	if want == "" {
		want = te.Type.String()
	}
	field := strings.TrimPrefix(te.Field, "Session.")
	if field == "" {
		field = "the session"
	}
	return fmt.Errorf("%s must be %s, not %s", field, want, te.Value)
}

// checkImportedZone refuses a zone this program does not know.
func checkImportedZone(s Session) error {
	if s.Zone != "" && s.Zone != "Local" && loadZone(s.Zone) == nil {
		return fmt.Errorf("zone %q is not a known IANA time zone such as America/New_York (or \"\" when unknown)", s.Zone)
	}
	return nil
}

// showID is an id fit for a message: quoted when it holds anything odd.
func showID(id string) string {
	if _, _, bad := routines.Forbidden(id, routines.OneLine); bad || id == "" || len(id) > maxIDLen {
		return fmt.Sprintf("%.40q", id)
	}
	return id
}

// sessionLabel names the n-th session of a document (from 1) by number and id.
func sessionLabel(n int, id string) string {
	if id == "" {
		return "session " + strconv.Itoa(n)
	}
	return fmt.Sprintf("session %d (id %s)", n, showID(id))
}

// cleanSessionText holds every text field but the session id to the text
// policy (routines.Clean): what it refuses is removed, as from a note typed
// in the terminal, rather than the document refused, so that a backup made
// when the policy was looser still imports. The note is multi-line text,
// the rest one-line. The session id is a key, kept exactly as given (an
// export never rewrites one), and is shown only quoted.
func cleanSessionText(s Session) Session {
	one := func(t string) string { return routines.Clean(t, routines.OneLine) }
	s.Zone, s.Note = one(s.Zone), routines.Clean(s.Note, routines.MultiLine)
	s.Routine.ID, s.Routine.Name, s.Routine.Hash = one(s.Routine.ID), one(s.Routine.Name), one(s.Routine.Hash)
	if len(s.Exercises) > 0 {
		s.Exercises = slices.Clone(s.Exercises)
	}
	for i := range s.Exercises {
		e := &s.Exercises[i]
		e.ID, e.Name = one(e.ID), one(e.Name)
	}
	return s
}

// cleanSession makes every field but the id as an import accepts it: text
// held to the text policy, counts and seconds brought within the bounds an
// import holds them to (never more sets done than planned) and an end
// before the start becomes the start. Export applies it, so that a backup
// of sessions stored before imports refused such values still imports. The
// id stays as it is, so that the backup imports onto the very sessions it
// came from.
func cleanSession(s Session) Session {
	s = cleanSessionText(s)
	for i := range s.Exercises {
		e := &s.Exercises[i]
		e.SetsPlanned = min(max(e.SetsPlanned, 0), maxSets)
		e.SetsDone = min(max(e.SetsDone, 0), e.SetsPlanned)
		e.Seconds = min(max(e.Seconds, 0), maxSeconds)
	}
	if s.EndedAt != nil && s.EndedAt.IsZero() {
		s.EndedAt = nil
	}
	// A wall clock set back during a session can end it before its start.
	if s.EndedAt != nil && s.EndedAt.Before(s.StartedAt) {
		end := s.StartedAt
		s.EndedAt = &end
	}
	return s
}
