package tui

import (
	"errors"
	"testing"
	"time"

	"corecoach/storage"
)

func ptr(n int) *int { return &n }

func TestClockText(t *testing.T) {
	tests := map[string]string{"0s": "0", "900ms": "1", "25s": "25", "59.5s": "1:00", "90s": "1:30", "10m": "10:00"}
	for in, want := range tests {
		d, _ := timeParse(in)
		if got := clockText(d); got != want {
			t.Errorf("clockText(%s) = %q, want %q", in, got, want)
		}
	}
}

func TestBigText(t *testing.T) {
	for _, s := range []string{"0", "1:05", "12:34", "x"} {
		rows := bigText(s, 2)
		for _, r := range rows {
			if w := len([]rune(r)); w != bigWidth(s, 2) {
				t.Fatalf("%q: row width %d, bigWidth %d", s, w, bigWidth(s, 2))
			}
		}
	}
}

// failingStore fails every write.
type failingStore struct{ Store }

func (failingStore) SaveSession(storage.Session) error { return errors.New("disk full") }

func TestSaverKeepsNewest(t *testing.T) {
	st := newStore(t)
	sv := newSaver(st)
	s := storage.Session{ID: storage.NewSessionID(testStart), StartedAt: testStart, Status: storage.StatusCompleted}
	if err := sv.save(3, s); err != nil {
		t.Fatal(err)
	}
	old := s
	old.Status = storage.StatusPartial
	if err := sv.save(2, old); err != nil {
		t.Fatal(err)
	}
	got, ok, err := st.LastSession()
	if err != nil || !ok || got.Status != storage.StatusCompleted {
		t.Fatalf("an older snapshot overwrote a newer one: %+v %v %v", got, ok, err)
	}
	if err := newSaver(failingStore{st}).save(1, s); err == nil {
		t.Fatal("a failed write was not reported")
	}
}

func TestSaveErrorIsReported(t *testing.T) {
	st := newStore(t)
	h := newHarness(t, Options{Store: failingStore{st}, SafetyConfirmed: true, Start: testRoutine()}, 80, 24)
	h.press("enter")
	h.wantScreen("session")
	if h.m.Err() == nil {
		t.Fatal("a failed save is not reported")
	}
}

func timeParse(s string) (time.Duration, error) { return time.ParseDuration(s) }
