package progress

import (
	"path/filepath"
	"testing"
	"time"

	"corecoach/routines"
	"corecoach/storage"
)

const mwf = "corecoach: 1\nid: mwf\nname: Mon Wed Fri\nschedule: [mon, wed, fri]\nat: [\"07:30\", \"15:00\"]\nexercises:\n  - use: plank\n    hold: 20s\n"

// TestToday: each state of the day, in one line and its fields.
func TestToday(t *testing.T) {
	at := func(day, hour int) time.Time { return time.Date(2026, 3, day, hour, 0, 0, 0, time.UTC) } // 9 March 2026 is a Monday
	done := func(routine string, start time.Time, before, after int) storage.Session {
		return storage.Session{ID: storage.NewSessionID(start), Routine: storage.RoutineRef{ID: routine}, StartedAt: start,
			Zone: "UTC", Status: storage.StatusCompleted, PainBefore: ptr(before), PainAfter: ptr(after)}
	}
	tests := []struct {
		name     string
		sessions []storage.Session
		now      time.Time
		state    TodayState
		line     string
	}{
		{"no sessions", nil, at(9, 8), TodayNone, "no sessions yet · core-basics due"},
		{"due", []storage.Session{done("core-basics", at(8, 7), 4, 3)}, at(9, 8), TodayDue, "core-basics due · streak 1 · pain 4→3 yesterday"},
		{"done", []storage.Session{done("core-basics", at(8, 7), 4, 3), done("core-basics", at(9, 7), 2, 1)}, at(9, 20), TodayDone, "✓ done · streak 2 · pain 2→1 today"},
		{"rest day", []storage.Session{done("mwf", at(9, 7), 3, 2)}, at(10, 8), TodayRest, "rest day · streak 1 · pain 3→2 yesterday"},
		{"added routine due, its next time", []storage.Session{done("mwf", at(9, 7), 3, 2)}, at(11, 8), TodayDue, "mwf due 15:00 · streak 1 · pain 3→2 2 days ago"},
		{"added routine due, at its first time", []storage.Session{done("mwf", at(9, 7), 3, 2)}, at(11, 7).Add(30 * time.Minute), TodayDue, "mwf due 07:30 · streak 1 · pain 3→2 2 days ago"},
		{"added routine due, its times past", []storage.Session{done("mwf", at(9, 7), 3, 2)}, at(11, 16), TodayDue, "mwf due · streak 1 · pain 3→2 2 days ago"},
		{"rest day names no time", []storage.Session{done("mwf", at(9, 7), 3, 2)}, at(10, 7), TodayRest, "rest day · streak 1 · pain 3→2 yesterday"},
		{"missed", []storage.Session{done("core-basics", at(6, 7), 5, 5)}, at(9, 8), TodayDue, "core-basics due · streak 0 · pain 5→5 3 days ago"},
		{"routine gone", []storage.Session{done("gone", at(8, 7), 4, 4)}, at(9, 8), TodayDue, "core-basics due · streak 1 · pain 4→4 yesterday"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := storage.Open(filepath.Join(t.TempDir(), "test.db"))
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range tt.sessions {
				if err := st.SaveSession(s); err != nil {
					t.Fatal(err)
				}
			}
			files := []storage.RoutineFile{{ID: "mwf", Data: []byte(mwf), Hash: routines.ContentHash([]byte(mwf))}}
			got, err := ReadToday(st, storage.Catalog(files), tt.now)
			if err != nil {
				t.Fatal(err)
			}
			if got.State != tt.state || got.Line() != tt.line || got.Date != storage.DateOf(tt.now) {
				t.Errorf("ReadToday = %s, %q; want %s, %q", got.State, got.Line(), tt.state, tt.line)
			}
		})
	}
}

// StartID names the routine Start starts, without loading the built-ins.
func TestStartIDAgreesWithStart(t *testing.T) {
	lib := storage.Catalog([]storage.RoutineFile{{ID: "mwf", Data: []byte(mwf)}, {ID: "broken", Data: []byte("corecoach: 1\n")}})
	for _, last := range []string{"", "core-basics", "desk-break", "mwf", "broken", "gone"} {
		r, err := lib.Start("", last)
		if err != nil {
			t.Fatal(err)
		}
		if got := lib.StartID(last); got != r.ID {
			t.Errorf("StartID(%q) = %q; Start starts %q", last, got, r.ID)
		}
	}
}

// nextAt reads only added routines, for speed: a built-in routine with
// times of day would have them left out of today's line.
func TestBuiltinsSetNoTimes(t *testing.T) {
	for _, id := range routines.BuiltinIDs() {
		r, ok := routines.Builtin(id)
		if !ok {
			t.Fatalf("no built-in %s", id)
		}
		if len(r.At) > 0 {
			t.Errorf("built-in %s sets times of day %v: make nextAt read built-ins (quickly) first", id, r.At)
		}
	}
}
