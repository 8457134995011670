package storage

import (
	"strings"
	"testing"
	"time"
)

func TestCheckins(t *testing.T) {
	s := newStore(t)
	at := time.Date(2026, 3, 9, 8, 15, 30, 500, time.FixedZone("", -4*3600))
	for _, c := range []Checkin{
		{Date: "2026-03-09", Pain: 3, At: at, SessionID: "01A"},
		{Date: "2026-03-01", Pain: 5, At: at, SessionID: "01B"},
		{Date: "2026-03-09", Pain: 2, At: at, SessionID: "01A"}, // replaces
	} {
		if err := s.SaveCheckin(c); err != nil {
			t.Fatal(err)
		}
	}
	all, err := s.Checkins()
	if err != nil || len(all) != 2 || all[0].Date != "2026-03-01" || all[1].Pain != 2 {
		t.Errorf("Checkins() = %+v, %v", all, err)
	}
	c, ok, err := s.Checkin("2026-03-09")
	if !ok || err != nil || c.SessionID != "01A" || !c.At.Equal(at.Truncate(time.Second)) {
		t.Errorf("Checkin() = %+v, %v, %v", c, ok, err)
	}
	if _, ok, err := s.Checkin("2026-03-10"); ok || err != nil {
		t.Errorf("Checkin(missing) = %v, %v", ok, err)
	}
	for _, bad := range []Checkin{{Date: "9 March", Pain: 1}, {Date: "2026-02-30", Pain: 1}, {Date: "2026-03-09", Pain: 11}, {Date: "2026-03-09", Pain: -1}} {
		if err := s.SaveCheckin(bad); err == nil || !strings.Contains(err.Error(), s.Path()) {
			t.Errorf("SaveCheckin(%+v) = %v; want an error naming the file", bad, err)
		}
	}
}

func TestFollowsUp(t *testing.T) {
	ny := zone(t, "America/New_York")
	// Late evening of the 8th in New York: the 9th in UTC.
	s := session("a", time.Date(2026, 3, 8, 23, 30, 0, 0, ny), StatusCompleted)
	for date, want := range map[string]bool{
		"2026-03-07": false, "2026-03-08": false, "2026-03-09": true, "2026-03-10": true,
		"2026-03-11": false, "2026-03-22": false,
	} {
		if got := FollowsUp(s, mustDate(t, date)); got != want {
			t.Errorf("FollowsUp(session of 2026-03-08, %s) = %v, want %v", date, got, want)
		}
	}
}
