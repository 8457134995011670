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
	return s, checkImportedText(s)
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

// checkImportedText refuses text that could drive a terminal, and zones
// this program does not know. Only imports are held to it: sessions saved
// before, or by the coach itself, are cleaned when shown. Ids are exempt:
// an id is a key, kept exactly as given (an export never rewrites one), and
// is shown only quoted or \u-escaped.
func checkImportedText(s Session) error {
	fields := []struct{ name, text string }{
		{"routine.id", s.Routine.ID}, {"routine.name", s.Routine.Name},
		{"routine.hash", s.Routine.Hash}, {"zone", s.Zone}, {"note", s.Note},
	}
	for i, e := range s.Exercises {
		fields = append(fields,
			struct{ name, text string }{fmt.Sprintf("exercises[%d].id", i), e.ID},
			struct{ name, text string }{fmt.Sprintf("exercises[%d].name", i), e.Name})
	}
	for _, f := range fields {
		if r, ok := routines.FirstControl(f.text, false); ok {
			return fmt.Errorf("%s holds a control character (%U), which could drive the terminal; remove it", f.name, r)
		}
	}
	if s.Zone != "" && s.Zone != "Local" && loadZone(s.Zone) == nil {
		return fmt.Errorf("zone %q is not a known IANA time zone such as America/New_York (or \"\" when unknown)", s.Zone)
	}
	return nil
}

// showID is an id fit for a message: quoted when it holds anything odd.
func showID(id string) string {
	if _, bad := routines.FirstControl(id, false); bad || id == "" || len(id) > maxIDLen {
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

// cleanSession makes every field but the id as an import accepts it:
// what routines.Sanitize removes is dropped, tabs and newlines become
// spaces, counts and seconds are brought within the bounds an import
// holds them to (never more sets done than planned) and an end before the
// start becomes the start. Export applies it, so that a backup of sessions
// stored before imports refused such values still imports. The id stays as
// it is, so that the backup imports onto the very sessions it came from.
func cleanSession(s Session) Session {
	s.Zone, s.Note = cleanText(s.Zone), cleanText(s.Note)
	s.Routine.ID, s.Routine.Name, s.Routine.Hash = cleanText(s.Routine.ID), cleanText(s.Routine.Name), cleanText(s.Routine.Hash)
	if len(s.Exercises) > 0 {
		s.Exercises = slices.Clone(s.Exercises)
	}
	for i := range s.Exercises {
		e := &s.Exercises[i]
		e.ID, e.Name = cleanText(e.ID), cleanText(e.Name)
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

func cleanText(s string) string {
	if _, bad := routines.FirstControl(s, false); !bad {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' {
			return ' '
		}
		return r
	}, routines.Sanitize(s))
}
