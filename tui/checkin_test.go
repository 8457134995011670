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
	h.press("p")
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

// esc puts the check-in off: nothing stored, not asked again while this
// corecoach runs, asked again when it next starts. A stray enter before a
// number is chosen stores nothing, and s (progress on home in older
// versions) means nothing here.
func TestCheckinLater(t *testing.T) {
	h := checkinHarness(t, 80, 24, pastSession(1, ptr(3)))
	h.wantScreen("checkin")
	h.press("enter", "s")
	h.wantScreen("checkin")
	if v := h.view(); !strings.Contains(v, "Choose a number first") {
		t.Errorf("enter with no number does not ask for one:\n%s", v)
	}
	h.press("7", "esc")
	h.wantScreen("home")
	if cs := h.checkins(); len(cs) != 0 {
		t.Fatalf("esc stored %+v", cs)
	}
	if v := h.view(); strings.Contains(v, "Checked in") || strings.Contains(v, "Ease off") {
		t.Errorf("home after esc:\n%s", v)
	}
	h.reopenHome()
	h.wantScreen("home")

	// The next start, the same day, asks again.
	h2 := newHarness(t, Options{Store: h.store, SafetyConfirmed: true}, 80, 24)
	h2.store = h.store
	h2.wantScreen("checkin")
	h2.press("3", "enter")
	h2.wantScreen("home")
	if cs := h2.checkins(); len(cs) != 1 || cs[0].Pain != 3 {
		t.Fatalf("check-ins %+v", cs)
	}
}

// A session done today does not hide the check-in of yesterday's: it is
// asked on home, about yesterday's session, until it is answered.
func TestCheckinAskedAfterSessionToday(t *testing.T) {
	yesterday := pastSession(1, ptr(3))
	h := checkinHarness(t, 80, 24, pastSession(2, ptr(4)), yesterday, pastSession(0, ptr(2)))
	h.wantScreen("checkin")
	if v := h.view(); !strings.Contains(v, "Yesterday you did Test routine (pain 3 → 2)") {
		t.Fatalf("the check-in is not about yesterday's session:\n%s", v)
	}
	h.press("4", "enter")
	h.wantScreen("home")
	if cs := h.checkins(); len(cs) != 1 || cs[0].SessionID != yesterday.ID {
		t.Fatalf("check-ins %+v", cs)
	}
}

// corecoach run asks a check-in that is due before the pain check, then
// goes on to it; answered or put off, it is not asked again that run.
func TestCheckinBeforeRunPainCheck(t *testing.T) {
	for _, keys := range [][]string{{"5", "enter"}, {"esc"}} {
		st := newStore(t)
		seed(t, st, []storage.Session{pastSession(1, ptr(3))})
		h := newHarness(t, Options{Store: st, SafetyConfirmed: true, Start: testRoutine()}, 80, 24)
		h.store = st
		h.wantScreen("checkin")
		h.press(keys...)
		h.wantScreen("pain")
		if p := h.m.cur.(*painScreen); p.phase != painBefore || p.routine.ID != "test-routine" {
			t.Fatalf("%v: not the run's pain check", keys)
		}
		h.press("2", "enter")
		h.wantScreen("session")
		if cs := h.checkins(); (keys[0] == "esc") != (len(cs) == 0) {
			t.Fatalf("%v: check-ins %+v", keys, cs)
		}
	}
}

func TestCheckinNotAsked(t *testing.T) {
	tests := []struct {
		name     string
		sessions []storage.Session
	}{
		{"no history", nil},
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
	t.Run("only today's session", func(t *testing.T) {
		h := checkinHarness(t, 80, 24, pastSession(0, ptr(3)))
		h.wantScreen("home")
	})
}

// TestCheckinAdviceOnHome: the home screen shows the advice of
// routines.CheckinAdvice after a check-in: "ease off" only for a rise of
// pain.rise over the pain before the session, or a 10; "mention it" above
// the limit without one; nothing within it.
func TestCheckinAdviceOnHome(t *testing.T) {
	tests := []struct {
		before      *int
		pain        int
		limit, rise int
		want        string // "" when there is no advice
		easeOff     bool
	}{
		{ptr(3), 5, 5, 2, "! Your pain today is 5, 2 points above your pain before your last session (3). Ease off next time", true},
		{ptr(3), 5, 5, 3, "", false}, // a rise of 2 where the routine asks for 3
		{ptr(3), 6, 5, 3, "! Your pain today is 6, 3 points above your pain before your last session (3) and above your limit of 5. Ease off", true},
		{ptr(3), 4, 5, 2, "", false},
		{ptr(3), 3, 5, 2, "", false},
		{ptr(6), 2, 5, 2, "", false},
		{nil, 6, 5, 2, "Your pain today is 6, above your limit of 5. Mention it to your therapist.", false},
		{ptr(6), 6, 5, 2, "Your pain today is 6, above your limit of 5. Mention it to your therapist. It is no higher than before your last session (6): steady pain is no reason to ease off.", false},
		{nil, 5, 5, 2, "", false},
		{ptr(2), 7, 6, 2, "! Your pain today is 7, 5 points above your pain before your last session (2) and above your limit of 6.", true},
		{ptr(9), 9, 8, 2, "Your pain today is 9, above your limit of 8. Mention it to your therapist.", false},
		{ptr(8), 10, 10, 2, "! Your pain today is 10, the top of the scale and 2 points above", true},
		{ptr(9), 10, 10, 2, "! Your pain today is 10, the top of the scale. Ease off", true}, // never fine
		{nil, 1, 0, 2, "Your pain today is 1, above your limit of 0. Mention it", false},     // a limit of 0 is a limit
		{ptr(0), 0, 0, 2, "", false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s-%d-limit%d-rise%d", routines.ScoreText(tt.before), tt.pain, tt.limit, tt.rise), func(t *testing.T) {
			r := testRoutine()
			r.PainLimit, r.PainRise = tt.limit, tt.rise
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
				if strings.Contains(v, "Ease off") || strings.Contains(v, "Mention it") {
					t.Errorf("advice shown for pain %d:\n%s", tt.pain, h.view())
				}
				return
			}
			if !strings.Contains(v, tt.want) || !strings.Contains(v, "therapist") {
				t.Errorf("home lacks %q:\n%s", tt.want, h.view())
			}
			if !tt.easeOff && strings.Contains(v, "Ease off") {
				t.Errorf("pain %d without a rise of %d told to ease off:\n%s", tt.pain, tt.rise, h.view())
			}
			// Still there when home opens again the same day, gone once
			// another session is done.
			h.reopenHome()
			if !strings.Contains(strings.Join(strings.Fields(h.view()), " "), tt.want) {
				t.Errorf("advice gone on reopening home:\n%s", h.view())
			}
			// A session after the check-in spends its advice (one before
			// it, earlier today, does not).
			h.clock.advance(2 * time.Hour)
			next := pastSession(0, ptr(2))
			next.StartedAt = testStart.Add(time.Hour)
			next.ID = storage.NewSessionID(next.StartedAt)
			end := next.StartedAt.Add(10 * time.Minute)
			next.EndedAt = &end
			seed(t, st, []storage.Session{next})
			h.reopenHome()
			if strings.Contains(h.view(), "Ease off") || strings.Contains(h.view(), "Mention it") {
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
	h.press("esc") // putting it off still works
	h.wantScreen("home")
}

func TestCheckinOnlyFromHome(t *testing.T) {
	h := checkinHarness(t, 80, 24)
	h.press("p")
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
			name   string
			before int
			setup  func(h *harness)
		}{
			{"ask", 3, func(h *harness) { h.press("3") }},
			{"ease-off", 3, func(h *harness) { h.press("6", "enter") }},
			{"calm", 3, func(h *harness) { h.press("2", "enter") }},
			// Usual pain 6, limit 5, no rise: mention it, never ease off.
			{"steady", 6, func(h *harness) { h.press("6", "enter") }},
		} {
			t.Run(fmt.Sprintf("%s-%dx%d", tt.name, size[0], size[1]), func(t *testing.T) {
				h := checkinHarness(t, size[0], size[1], pastSession(1, ptr(tt.before)))
				tt.setup(h)
				golden.RequireEqual(t, h.view())
			})
		}
	}
}
