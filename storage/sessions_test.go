package storage

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/oklog/ulid/v2"
	bolt "go.etcd.io/bbolt"
)

func TestSaveSessionRoundTrip(t *testing.T) {
	s := newStore(t)
	ny := zone(t, "America/New_York")
	in := session("a", time.Date(2026, 3, 8, 23, 30, 0, 123456789, ny), StatusCompleted)
	in.PainBefore, in.PainAfter, in.Note = intp(4), intp(3), "Left side tight"
	if err := s.SaveSession(in); err != nil {
		t.Fatal(err)
	}
	got, err := s.Sessions()
	if err != nil || len(got) != 1 {
		t.Fatalf("Sessions() = %v, %v", got, err)
	}
	raw, _ := json.Marshal(got[0])
	for _, want := range []string{`"started_at":"2026-03-08T23:30:00-04:00"`, `"ended_at":"2026-03-08T23:42:00-04:00"`, `"zone":"America/New_York"`, `"pain_before":4`} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("stored session %s lacks %s", raw, want)
		}
	}
	if !got[0].StartedAt.Equal(in.StartedAt.Truncate(time.Second)) || got[0].Note != in.Note {
		t.Errorf("read back %+v, want %+v", got[0], in)
	}
}

func TestSaveSessionUpsert(t *testing.T) {
	s := newStore(t)
	start := time.Date(2026, 5, 1, 7, 0, 0, 0, time.UTC)
	sess := session("x", start, StatusPartial)
	sess.EndedAt = nil
	for _, step := range []func(){
		func() {},
		func() { sess.Exercises[0].SetsDone = 2 },
		func() { sess.Status = StatusCompleted; end := start.Add(time.Hour); sess.EndedAt = &end },
		// A corrected start time moves the session, and its day, too.
		func() { sess.StartedAt = start.Add(-48 * time.Hour) },
	} {
		step()
		if err := s.SaveSession(sess); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Sessions()
	if err != nil || len(got) != 1 {
		t.Fatalf("Sessions() = %v, %v; want one session", got, err)
	}
	if got[0].Status != StatusCompleted || got[0].Exercises[0].SetsDone != 2 || !got[0].StartedAt.Equal(sess.StartedAt) {
		t.Errorf("read back %+v", got[0])
	}
	days, err := s.Days()
	want := []DayRecord{{Date: "2026-04-29", Sessions: 1, Completed: 1, LastRoutine: "core-basics"}}
	if err != nil || !reflect.DeepEqual(days, want) {
		t.Errorf("Days() = %+v, %v; want %+v", days, err, want)
	}
	if err := s.Check(); err != nil {
		t.Error(err)
	}
}

// Times are stored with the offset of the session's zone, whatever
// location the caller's time.Time carries.
func TestSaveSessionUsesZoneOffset(t *testing.T) {
	s := newStore(t)
	in := session("utc", time.Date(2026, 7, 1, 3, 30, 0, 0, time.UTC), StatusCompleted)
	in.Zone = "America/New_York"
	if err := s.SaveSession(in); err != nil {
		t.Fatal(err)
	}
	got, _, err := s.LastSession()
	if err != nil {
		t.Fatal(err)
	}
	if a, b := got.StartedAt.Format(time.RFC3339), got.EndedAt.Format(time.RFC3339); a != "2026-06-30T23:30:00-04:00" || b != "2026-06-30T23:42:00-04:00" {
		t.Errorf("stored %s .. %s; want New York offsets", a, b)
	}
}

func TestUnfinishedSessionReadsPartial(t *testing.T) {
	s := newStore(t)
	sess := session("run", time.Date(2026, 1, 2, 8, 0, 0, 0, time.UTC), StatusPartial)
	sess.EndedAt = nil
	if err := s.SaveSession(sess); err != nil {
		t.Fatal(err)
	}
	last, ok, err := s.LastSession()
	if err != nil || !ok || last.Status != StatusPartial || last.EndedAt != nil {
		t.Errorf("LastSession() = %+v, %v, %v; want the partial session", last, ok, err)
	}
}

func TestSessionsOrderAndSince(t *testing.T) {
	s := newStore(t)
	base := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	// Saved out of order, in several zones; read back by start instant.
	for i, off := range []int{3, 0, 2, 1} {
		loc := time.FixedZone("", (i-2)*3600)
		if err := s.SaveSession(session(string(rune('a'+off)), base.Add(time.Duration(off)*time.Hour).In(loc), StatusCompleted)); err != nil {
			t.Fatal(err)
		}
	}
	ids := func(ss []Session) string {
		var b strings.Builder
		for _, x := range ss {
			b.WriteString(x.ID)
		}
		return b.String()
	}
	tests := []struct {
		since time.Time
		want  string
	}{
		{time.Time{}, "abcd"},
		{base, "abcd"},
		{base.Add(time.Hour), "bcd"},
		{base.Add(time.Hour + time.Millisecond), "cd"},
		{base.Add(time.Hour - time.Millisecond), "bcd"},
		{base.Add(3*time.Hour + time.Second), ""},
		{time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC), "abcd"},
	}
	for _, tt := range tests {
		got, err := s.SessionsSince(tt.since)
		if err != nil || ids(got) != tt.want {
			t.Errorf("SessionsSince(%v) = %q, %v; want %q", tt.since, ids(got), err, tt.want)
		}
	}
	last, ok, err := s.LastSession()
	if err != nil || !ok || last.ID != "d" {
		t.Errorf("LastSession() = %v, %v, %v; want d", last.ID, ok, err)
	}
}

func TestEmptyStore(t *testing.T) {
	s := newStore(t)
	if got, err := s.Sessions(); err != nil || len(got) != 0 {
		t.Errorf("Sessions() = %v, %v", got, err)
	}
	if _, ok, err := s.LastSession(); ok || err != nil {
		t.Errorf("LastSession() ok=%v err=%v", ok, err)
	}
	if got, err := s.Days(); err != nil || len(got) != 0 {
		t.Errorf("Days() = %v, %v", got, err)
	}
	if n, err := s.SessionCount(); n != 0 || err != nil {
		t.Errorf("SessionCount() = %d, %v", n, err)
	}
}

func TestSaveSessionRefuses(t *testing.T) {
	s := newStore(t)
	start := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		change func(*Session)
		want   string
	}{
		{"no id", func(x *Session) { x.ID = "" }, "id is missing"},
		{"long id", func(x *Session) { x.ID = strings.Repeat("x", 200) }, "not a valid id"},
		{"no start", func(x *Session) { x.StartedAt = time.Time{} }, "started_at is missing"},
		{"status", func(x *Session) { x.Status = "done" }, `status "done"`},
		{"pain before", func(x *Session) { x.PainBefore = intp(11) }, "pain_before 11"},
		{"pain after", func(x *Session) { x.PainAfter = intp(-1) }, "pain_after -1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := session("id", start, StatusCompleted)
			tt.change(&x)
			err := s.SaveSession(x)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), s.Path()) {
				t.Errorf("SaveSession() = %v; want an error naming the file and %q", err, tt.want)
			}
		})
	}
	if n, _ := s.SessionCount(); n != 0 {
		t.Errorf("%d sessions stored after refusals", n)
	}
}

func TestNewSessionID(t *testing.T) {
	t0 := time.Date(2026, 3, 8, 23, 30, 0, 0, time.UTC)
	a, b := NewSessionID(t0), NewSessionID(t0.Add(time.Millisecond))
	if a == b || a >= b {
		t.Errorf("ids %s, %s: want distinct and in time order", a, b)
	}
	id, err := ulid.ParseStrict(a)
	if err != nil || !id.Timestamp().Equal(t0) {
		t.Errorf("id %s: %v, time %v", a, err, id.Timestamp())
	}
	// Times a ULID cannot hold still give an id rather than a panic.
	for _, tt := range []time.Time{{}, time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(20000, 1, 1, 0, 0, 0, 0, time.UTC)} {
		if _, err := ulid.ParseStrict(NewSessionID(tt)); err != nil {
			t.Errorf("NewSessionID(%v): %v", tt, err)
		}
	}
}

func TestDecodeDamagedSession(t *testing.T) {
	s := newStore(t)
	rawUpdate(t, s.Path(), func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSessions).Put(sessionKey(time.Unix(0, 0), "bad"), []byte("{not json"))
	})
	_, err := s.Sessions()
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), s.Path()) {
		t.Errorf("Sessions() = %v; want damage naming the file", err)
	}
}
