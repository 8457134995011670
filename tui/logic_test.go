package tui

import (
	"errors"
	"testing"
	"time"

	"corecoach/routines"
	"corecoach/storage"
)

func ptr(n int) *int { return &n }

func TestPainWordAndZone(t *testing.T) {
	tests := []struct {
		score, limit int
		word         string
		zone         painZone
	}{
		{0, 5, "none", zoneOK},
		{1, 5, "mild", zoneOK},
		{2, 5, "mild", zoneOK},   // the top of the model's safe zone
		{3, 5, "mild", zoneNear}, // acceptable, not safe (Silbernagel et al. 2007)
		{3, 8, "mild", zoneNear},
		{2, 1, "mild", zoneOver}, // over a low limit
		{4, 5, "moderate", zoneNear},
		{5, 5, "moderate", zoneNear},
		{6, 5, "moderate", zoneOver},
		{7, 8, "severe", zoneNear},
		{10, 10, "severe", zoneOver},
	}
	for _, tt := range tests {
		if got := painWord(tt.score); got != tt.word {
			t.Errorf("painWord(%d) = %q, want %q", tt.score, got, tt.word)
		}
		if got := zoneOf(tt.score, tt.limit); got != tt.zone {
			t.Errorf("zoneOf(%d, %d) = %v, want %v", tt.score, tt.limit, got, tt.zone)
		}
	}
}

func TestPainChange(t *testing.T) {
	tests := []struct {
		before, after *int
		want          string
	}{
		{ptr(4), ptr(2), "Pain went down from 4 to 2: a meaningful change."},
		{ptr(3), ptr(2), "Pain went down from 3 to 2: a meaningful change."}, // 33%
		{ptr(8), ptr(7), "Pain went down a little, from 8 to 7."},
		{ptr(2), ptr(5), "Pain went up from 2 to 5. Go easier next time, and tell your therapist if it stays up."},
		{ptr(3), ptr(3), "Pain stayed at 3."},
		{nil, ptr(3), ""},
		{ptr(3), nil, ""},
	}
	for _, tt := range tests {
		if got := painChange(tt.before, tt.after); got != tt.want {
			t.Errorf("painChange(%v, %v) = %q, want %q", routines.ScoreText(tt.before), routines.ScoreText(tt.after), got, tt.want)
		}
	}
}

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
