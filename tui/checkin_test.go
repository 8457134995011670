package tui

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"corecoach/routines"
	"corecoach/storage"
	"corecoach/storage/progress"
)

// pastSession is a completed session of the test routine, daysAgo days
// before testStart, with the given pain before (nil: skipped).
func pastSession(daysAgo int, before *int) storage.Session {
	st := testStart.AddDate(0, 0, -daysAgo).Add(-2 * time.Hour)
	end := st.Add(10 * time.Minute)
	return storage.Session{
		ID: storage.NewSessionID(st), Routine: storage.RoutineRef{ID: "test-routine", Name: "Test routine"},
		StartedAt: st, EndedAt: &end, Zone: "UTC", Status: storage.StatusCompleted,
		PainBefore: before, PainAfter: ptr(2),
	}
}

// checkinHarness opens home on a store holding the given sessions.
func checkinHarness(t *testing.T, w, h int, sessions ...storage.Session) *harness {
	t.Helper()
	st := newStore(t)
	seed(t, st, sessions)
	hs := newHarness(t, Options{Store: st, SafetyConfirmed: true}, w, h)
	hs.store = st
	return hs
}

func (h *harness) checkins() []storage.Checkin {
	h.t.Helper()
	cs, err := h.store.Checkins()
	if err != nil {
		h.t.Fatal(err)
	}
	return cs
}

// reopenHome goes to progress and back, which opens home afresh.
func (h *harness) reopenHome() {
	h.t.Helper()
	h.wantScreen("home")
	h.press("s")
	h.wantScreen("progress")
	h.press("esc")
}

func TestCheckinAskedOncePerDay(t *testing.T) {
	last := pastSession(1, ptr(3))
	h := checkinHarness(t, 80, 24, pastSession(3, ptr(4)), last)
	h.wantScreen("checkin")
	if v := h.view(); !strings.Contains(v, "Yesterday you did Test routine (pain 3 → 2)") {
		t.Fatalf("check-in does not name the session:\n%s", v)
	}
	h.press("4", "left", "enter")
	h.wantScreen("home")
	cs := h.checkins()
	want := storage.Checkin{Date: "2026-03-09", Pain: 3, At: testStart, SessionID: last.ID}
	if len(cs) != 1 || cs[0].Date != want.Date || cs[0].Pain != want.Pain || !cs[0].At.Equal(want.At) || cs[0].SessionID != want.SessionID {
		t.Fatalf("check-ins = %+v, want %+v", cs, want)
	}
	if v := h.view(); !strings.Contains(v, "Checked in today: pain 3 (mild).") || strings.Contains(v, "Ease off") {
		t.Errorf("home after a calm check-in:\n%s", v)
	}
	h.reopenHome()
	h.wantScreen("home")

	// The next day it asks again, about the same session.
	h.clock.advance(24 * time.Hour)
	h.reopenHome()
	h.wantScreen("checkin")
	if v := h.view(); !strings.Contains(v, "On Sunday you did") {
		t.Errorf("two days on, the check-in names the day:\n%s", v)
	}
}

func TestCheckinSkipRemembered(t *testing.T) {
	h := checkinHarness(t, 80, 24, pastSession(1, ptr(3)))
	h.wantScreen("checkin")
	h.press("7", "s")
	h.wantScreen("home")
	if cs := h.checkins(); len(cs) != 0 {
		t.Fatalf("a skip stored %+v", cs)
	}
	if v := h.view(); strings.Contains(v, "Checked in") || strings.Contains(v, "Ease off") {
		t.Errorf("home after a skip:\n%s", v)
	}
	h.reopenHome()
	h.wantScreen("home")

	// A new program the same day does not ask either.
	h2 := newHarness(t, Options{Store: h.store, SafetyConfirmed: true}, 80, 24)
	h2.wantScreen("home")
	h2.clock.advance(24 * time.Hour)
	h2.reopenHome()
	h2.wantScreen("checkin")
	h2.press("esc") // skips too
	h2.wantScreen("home")
	h2.reopenHome()
	h2.wantScreen("home")
	if v, _, err := h.store.Setting(storage.SettingCheckinSkipped); err != nil || v != "2026-03-10" {
		t.Errorf("skip remembered as %q, %v", v, err)
	}
}

func TestCheckinNotAsked(t *testing.T) {
	tests := []struct {
		name     string
		sessions []storage.Session
	}{
		{"no history", nil},
		{"session today", []storage.Session{pastSession(2, ptr(3)), pastSession(0, ptr(3))}},
		// After days off, how the back feels says little about that session.
		{"last session three days ago", []storage.Session{pastSession(3, ptr(3))}},
		{"last session two weeks ago", []storage.Session{pastSession(20, ptr(3)), pastSession(14, ptr(3))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := checkinHarness(t, 80, 24, tt.sessions...)
			h.wantScreen("home")
		})
	}
	t.Run("first run", func(t *testing.T) {
		st := newStore(t)
		seed(t, st, []storage.Session{pastSession(1, ptr(3))})
		h := newHarness(t, Options{Store: st}, 80, 24)
		h.confirmSafety()
		h.wantScreen("checkin") // after the red flags, not before
	})
	t.Run("corecoach run", func(t *testing.T) {
		st := newStore(t)
		seed(t, st, []storage.Session{pastSession(1, ptr(3))})
		h := newHarness(t, Options{Store: st, SafetyConfirmed: true, Start: testRoutine()}, 80, 24)
		h.wantScreen("pain")
	})
}

func TestCheckinEaseOff(t *testing.T) {
	tests := []struct {
		before *int
		pain   int
		limit  int
		want   string // "" when there is no advice
	}{
		{ptr(3), 5, 5, "Your pain today is 5, up from 3 before your last session. Ease off next time"},
		{ptr(3), 4, 5, ""},
		{ptr(3), 3, 5, ""},
		{ptr(6), 2, 5, ""},
		{nil, 6, 5, "Your pain today is 6, above your limit of 5. Ease off"},
		{nil, 5, 5, ""},
		{ptr(2), 7, 6, "Your pain today is 7, above your limit of 6 and up from 2 before your last session."},
		{ptr(9), 9, 8, "above your limit of 8."},
		{ptr(8), 10, 10, "Your pain today is 10, up from 8"},
		{ptr(9), 10, 10, "Your pain today is 10, the top of the scale. Ease off"}, // never fine
		{nil, 1, 0, "Your pain today is 1, above your limit of 0. Ease off"},      // a limit of 0 is a limit
		{ptr(0), 0, 0, ""},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s-%d-limit%d", routines.ScoreText(tt.before), tt.pain, tt.limit), func(t *testing.T) {
			r := testRoutine()
			r.PainLimit = tt.limit
			st := newStore(t)
			seed(t, st, []storage.Session{pastSession(1, tt.before)})
			h := newHarness(t, Options{Store: st, SafetyConfirmed: true, Catalog: routines.CatalogOf(r)}, 100, 30)
			h.store = st
			h.wantScreen("checkin")
			h.press("0")
			for range tt.pain {
				h.press("right")
			}
			h.press("enter")
			h.wantScreen("home")
			v := strings.Join(strings.Fields(h.view()), " ")
			if tt.want == "" {
				if strings.Contains(v, "Ease off") {
					t.Errorf("advice shown for pain %d:\n%s", tt.pain, h.view())
				}
				return
			}
			if !strings.Contains(v, tt.want) || !strings.Contains(v, "tell your therapist") {
				t.Errorf("home lacks %q:\n%s", tt.want, h.view())
			}
			// Still there when home opens again the same day, gone once
			// another session is done.
			h.reopenHome()
			if !strings.Contains(strings.Join(strings.Fields(h.view()), " "), "Ease off") {
				t.Errorf("advice gone on reopening home:\n%s", h.view())
			}
			seed(t, st, []storage.Session{pastSession(0, ptr(2))})
			h.reopenHome()
			if strings.Contains(h.view(), "Ease off") {
				t.Errorf("advice still shown after a new session:\n%s", h.view())
			}
		})
	}
}

// failingCheckins is a store whose check-ins cannot be saved.
type failingCheckins struct{ *storage.Store }

func (failingCheckins) SaveCheckin(storage.Checkin) error { return errors.New("disk full") }

func TestCheckinSaveError(t *testing.T) {
	st := newStore(t)
	seed(t, st, []storage.Session{pastSession(1, ptr(3))})
	h := newHarness(t, Options{Store: failingCheckins{st}, SafetyConfirmed: true}, 80, 24)
	h.wantScreen("checkin")
	h.press("2", "enter")
	h.wantScreen("checkin")
	if !strings.Contains(h.view(), "disk full") {
		t.Fatalf("the error is not shown:\n%s", h.view())
	}
	h.press("s") // skipping still works
	h.wantScreen("home")
}

func TestCheckinOnlyFromHome(t *testing.T) {
	h := checkinHarness(t, 80, 24)
	h.press("s")
	h.wantScreen("progress")
	h.send(openCheckinMsg{state: checkinState{CheckinState: progress.CheckinState{Due: true, Session: pastSession(1, nil)}}})
	h.wantScreen("progress")
}

func TestSessionWhen(t *testing.T) {
	for daysAgo, want := range map[int]string{1: "Yesterday", 2: "On Saturday", 6: "On Tuesday", 7: "On 2 Mar", 40: "On 28 Jan"} {
		if got := sessionWhen(pastSession(daysAgo, nil), testStart); got != want {
			t.Errorf("%d days ago: %q, want %q", daysAgo, got, want)
		}
	}
}

func TestCheckinViews(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		for _, tt := range []struct {
			name  string
			setup func(h *harness)
		}{
			{"ask", func(h *harness) { h.press("3") }},
			{"ease-off", func(h *harness) { h.press("6", "enter") }},
			{"calm", func(h *harness) { h.press("2", "enter") }},
		} {
			t.Run(fmt.Sprintf("%s-%dx%d", tt.name, size[0], size[1]), func(t *testing.T) {
				h := checkinHarness(t, size[0], size[1], pastSession(1, ptr(3)))
				tt.setup(h)
				golden.RequireEqual(t, h.view())
			})
		}
	}
}
