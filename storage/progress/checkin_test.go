package progress

import (
	"path/filepath"
	"testing"
	"time"

	"corecoach/routines"
	"corecoach/storage"
)

func noLimits(string) (routines.PainRules, bool) { return routines.PainRulesOf(nil), false }

// TestCheckinDueByLocalDay judges "a day after the session" by the
// session's own calendar day, not its UTC date.
func TestCheckinDueByLocalDay(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no zone database")
	}
	tests := []struct {
		name  string
		start time.Time
		now   time.Time
		due   bool
	}{
		{"late evening, next morning", time.Date(2026, 3, 8, 23, 30, 0, 0, ny), time.Date(2026, 3, 9, 8, 0, 0, 0, ny), true},
		{"same local day", time.Date(2026, 3, 9, 0, 30, 0, 0, ny), time.Date(2026, 3, 9, 22, 0, 0, 0, ny), false},
		{"across the clock change", time.Date(2026, 3, 7, 23, 0, 0, 0, ny), time.Date(2026, 3, 8, 3, 30, 0, 0, ny), true},
		{"two local days on", time.Date(2026, 3, 7, 23, 30, 0, 0, ny), time.Date(2026, 3, 9, 22, 0, 0, 0, ny), true},
		{"three local days on", time.Date(2026, 3, 6, 23, 30, 0, 0, ny), time.Date(2026, 3, 9, 0, 30, 0, 0, ny), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := storage.Open(filepath.Join(t.TempDir(), "test.db"))
			if err != nil {
				t.Fatal(err)
			}
			s := storage.Session{
				ID: storage.NewSessionID(tt.start), Routine: storage.RoutineRef{ID: "test-routine"},
				StartedAt: tt.start, Zone: "America/New_York", Status: storage.StatusCompleted, PainBefore: ptr(3),
			}
			if err := st.SaveSession(s); err != nil {
				t.Fatal(err)
			}
			cs, err := ReadCheckin(st, noLimits, storage.DateOf(tt.now))
			if err != nil || cs.Due != tt.due || (tt.due && cs.Session.ID != s.ID) {
				t.Errorf("due = %v (%v), want %v", cs.Due, err, tt.due)
			}
		})
	}
}

// A session done on the day of the check-in does not hide the check-in of
// the session before it; once answered, a session after the answer spends
// its advice.
func TestCheckinWithASessionToday(t *testing.T) {
	day := time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)
	at := func(h int) time.Time { return day.Add(time.Duration(h) * time.Hour) }
	session := func(start time.Time) storage.Session {
		return storage.Session{ID: storage.NewSessionID(start), Routine: storage.RoutineRef{ID: "r"},
			StartedAt: start, Zone: "UTC", Status: storage.StatusCompleted, PainBefore: ptr(3)}
	}
	yesterday, today := session(at(-14)), session(at(9))
	st, err := storage.Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []storage.Session{session(at(-38)), yesterday, today} {
		if err := st.SaveSession(s); err != nil {
			t.Fatal(err)
		}
	}
	cs, err := ReadCheckin(st, noLimits, storage.DateOf(day))
	if err != nil || !cs.Due || cs.Session.ID != yesterday.ID {
		t.Fatalf("due %v about %s (%v); want due about yesterday's %s", cs.Due, cs.Session.ID, err, yesterday.ID)
	}
	// Answered at 10, after today's session at 9: the advice stands.
	if err := st.SaveCheckin(storage.Checkin{Date: "2026-03-09", Pain: 6, At: at(10), SessionID: yesterday.ID}); err != nil {
		t.Fatal(err)
	}
	if cs, err = ReadCheckin(st, noLimits, storage.DateOf(day)); err != nil || cs.Due || cs.Today == nil {
		t.Errorf("answered after today's session: due %v, today %v, %v", cs.Due, cs.Today, err)
	}
	// Answered at 8, and a session at 9 since: its advice is spent.
	if err := st.SaveCheckin(storage.Checkin{Date: "2026-03-09", Pain: 6, At: at(8), SessionID: yesterday.ID}); err != nil {
		t.Fatal(err)
	}
	if cs, err = ReadCheckin(st, noLimits, storage.DateOf(day)); err != nil || cs.Due || cs.Today != nil {
		t.Errorf("answered before today's session: due %v, today %v, %v", cs.Due, cs.Today, err)
	}
}
