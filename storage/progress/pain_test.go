package progress

import (
	"testing"
	"time"

	"corecoach/routines/text"
	"corecoach/storage"
)

func ptr(n int) *int { return &n }

func TestPainDays(t *testing.T) {
	at, _ := storage.ParseDate("2026-03-01")
	s := func(day int, before, after *int) storage.Session {
		return storage.Session{StartedAt: at.AddDays(day).Time().Add(9 * time.Hour), Zone: "UTC", PainBefore: before, PainAfter: after}
	}
	sessions := []storage.Session{
		s(-7, ptr(9), ptr(9)), // outside every window
		s(-6, ptr(4), nil),    // only in day 0's average
		s(0, ptr(2), ptr(1)),
		s(0, ptr(4), ptr(3)),
		s(3, nil, ptr(0)),
	}
	got := PainDays(sessions, at, at.AddDays(7))
	if len(got) != 8 {
		t.Fatalf("%d days, want 8", len(got))
	}
	str := text.Average
	tests := []struct {
		day                      int
		before, after, bAvg, aAv string
	}{
		{0, "3.0", "2.0", "3.3", "2.0"},
		{1, "–", "–", "3.0", "2.0"},
		{3, "–", "0.0", "3.0", "1.3"},
		{6, "–", "–", "3.0", "1.3"},
		{7, "–", "–", "–", "0.0"},
	}
	for _, tt := range tests {
		d := got[tt.day]
		if d.Date != at.AddDays(tt.day) || str(d.Before) != tt.before || str(d.After) != tt.after || str(d.BeforeAvg) != tt.bAvg || str(d.AfterAvg) != tt.aAv {
			t.Errorf("day %d = %v %s %s %s %s, want %s %s %s %s", tt.day, d.Date, str(d.Before), str(d.After), str(d.BeforeAvg), str(d.AfterAvg), tt.before, tt.after, tt.bAvg, tt.aAv)
		}
	}
	if PainDays(sessions, at, at.AddDays(-1)) != nil {
		t.Error("an empty range has days")
	}
}
