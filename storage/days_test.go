package storage

import (
	"fmt"
	"reflect"
	"testing"
	"time"
)

func TestSessionDay(t *testing.T) {
	ny := zone(t, "America/New_York")
	tests := []struct {
		name string
		s    Session
		want string
	}{
		{"zone decides", Session{StartedAt: time.Date(2026, 3, 9, 3, 30, 0, 0, time.UTC), Zone: "America/New_York"}, "2026-03-08"},
		{"offset when no zone", Session{StartedAt: time.Date(2026, 3, 8, 23, 30, 0, 0, time.FixedZone("", -4*3600))}, "2026-03-08"},
		{"unknown zone falls back to offset", Session{StartedAt: time.Date(2026, 3, 8, 23, 30, 0, 0, time.FixedZone("", -4*3600)), Zone: "Mars/Olympus"}, "2026-03-08"},
		{"Local is no zone", Session{StartedAt: time.Date(2026, 3, 8, 23, 30, 0, 0, time.FixedZone("", -4*3600)), Zone: "Local"}, "2026-03-08"},
		{"DST change night", Session{StartedAt: time.Date(2026, 3, 8, 1, 59, 0, 0, ny), Zone: "America/New_York"}, "2026-03-08"},
		{"Kiritimati", Session{StartedAt: time.Date(2026, 1, 1, 10, 30, 0, 0, time.UTC), Zone: "Pacific/Kiritimati"}, "2026-01-02"},
	}
	for _, tt := range tests {
		if got := SessionDay(tt.s); got != tt.want {
			t.Errorf("%s: SessionDay() = %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestDaysRollUp(t *testing.T) {
	s := newStore(t)
	ny, tokyo := zone(t, "America/New_York"), zone(t, "Asia/Tokyo")
	with := func(x Session, routine string) Session { x.Routine.ID = routine; return x }
	for _, x := range []Session{
		// Late evening in New York: still the 8th there, the 9th in UTC.
		with(session("a", time.Date(2026, 3, 8, 23, 30, 0, 0, ny), StatusCompleted), "core-basics"),
		with(session("b", time.Date(2026, 3, 8, 7, 0, 0, 0, ny), StatusPartial), "stretch"),
		// Early morning in Tokyo on the 9th: the 8th in UTC.
		with(session("c", time.Date(2026, 3, 9, 6, 0, 0, 0, tokyo), StatusPartial), "lower-back"),
		with(session("d", time.Date(2026, 3, 9, 8, 0, 0, 0, tokyo), StatusPartial), "stretch"),
		with(session("e", time.Date(2026, 3, 11, 12, 0, 0, 0, time.UTC), StatusCompleted), "core-basics"),
	} {
		if err := s.SaveSession(x); err != nil {
			t.Fatal(err)
		}
	}
	want := []DayRecord{
		{Date: "2026-03-08", Sessions: 2, Completed: 1, LastRoutine: "core-basics"},
		{Date: "2026-03-09", Sessions: 2, Completed: 0, LastRoutine: "stretch"},
		{Date: "2026-03-11", Sessions: 1, Completed: 1, LastRoutine: "core-basics"},
	}
	got, err := s.Days()
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("Days() = %+v, %v\nwant %+v", got, err, want)
	}
	// Finishing a partial session updates its day.
	d := with(session("d", time.Date(2026, 3, 9, 8, 0, 0, 0, tokyo), StatusCompleted), "stretch")
	if err := s.SaveSession(d); err != nil {
		t.Fatal(err)
	}
	want[1].Completed = 1
	if got, _ := s.Days(); !reflect.DeepEqual(got, want) {
		t.Errorf("after finishing: Days() = %+v\nwant %+v", got, want)
	}
}

// TestStartOfDayBound: no session whose own day is d, at any offset in use,
// starts before the bound; one at +14:00 starts right on it.
func TestStartOfDayBound(t *testing.T) {
	d := mustDate(t, "2026-03-08")
	bound := StartOfDayBound(d)
	for off := -12 * 60; off <= 14*60; off += 15 {
		midnight := time.Date(2026, 3, 8, 0, 0, 0, 0, time.FixedZone("", off*60))
		if midnight.Before(bound) {
			t.Errorf("local midnight at offset %+d min is %v, before the bound %v", off, midnight, bound)
		}
		last := time.Date(2026, 3, 8, 23, 59, 59, 0, time.FixedZone("", off*60))
		if !last.Before(endOfDayBound(d)) {
			t.Errorf("the day's last second at offset %+d min is %v, not before %v", off, last, endOfDayBound(d))
		}
	}
	if want := time.Date(2026, 3, 8, 0, 0, 0, 0, time.FixedZone("", 14*3600)); !bound.Equal(want) {
		t.Errorf("StartOfDayBound = %v, want %v", bound, want)
	}
}

// TestDaysRollUpAtExtremeOffsets: sessions at the widest offsets in use land
// on their own day, and the roll-up finds them.
func TestDaysRollUpAtExtremeOffsets(t *testing.T) {
	s := newStore(t)
	for i, clock := range []string{"2026-03-08T00:00:00+14:00", "2026-03-08T23:59:59-12:00", "2026-03-09T00:00:00-12:00"} {
		start, err := time.Parse(time.RFC3339, clock)
		if err != nil {
			t.Fatal(err)
		}
		x := session(fmt.Sprint(i), start, StatusCompleted)
		x.Zone = ""
		if err := s.SaveSession(x); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Days()
	want := []DayRecord{
		{Date: "2026-03-08", Sessions: 2, Completed: 2, LastRoutine: "core-basics"},
		{Date: "2026-03-09", Sessions: 1, Completed: 1, LastRoutine: "core-basics"},
	}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("Days() = %+v, %v\nwant %+v", got, err, want)
	}
}
