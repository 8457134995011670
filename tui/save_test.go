package tui

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"corecoach/storage"
)

// reopened reads the one stored session from a fresh handle on the file,
// as the next corecoach would.
func (h *harness) reopened() storage.Session {
	h.t.Helper()
	st, err := storage.Open(h.store.Path())
	if err != nil {
		h.t.Fatal(err)
	}
	ss, err := st.Sessions()
	if err != nil || len(ss) != 1 {
		h.t.Fatalf("sessions = %+v, %v; want one", ss, err)
	}
	return ss[0]
}

// endSession runs the clock until the session has ended, without the
// harness leaving the session screen when the end's commands are held.
func (h *harness) endSession() {
	h.t.Helper()
	for range 10000 {
		s, ok := h.m.cur.(*sessionScreen)
		if !ok || s.ended {
			return
		}
		h.tick(s.eng.NextChange(h.clock.now()))
	}
	h.t.Fatal("the session did not end")
}

// Bubble Tea does not wait for commands when it quits: the saves still
// pending then are written by Flush, which the program calls on its way out.
func TestExitFlushesPendingSaves(t *testing.T) {
	tests := []struct {
		name   string
		steps  func(h *harness)
		status string
		after  *int
		note   string
	}{
		{"q on the summary", func(h *harness) {
			h.finishSession()
			h.hold = true
			h.send(painDoneMsg{phase: painAfter, score: ptr(1), rec: h.m.c.current})
			h.send(noteDoneMsg{text: "Left side tight", rec: h.m.c.current})
			h.wantScreen("summary")
			h.press("q")
		}, storage.StatusCompleted, ptr(1), "Left side tight"},
		{"ctrl+c on the note", func(h *harness) {
			h.finishSession()
			h.hold = true
			h.send(painDoneMsg{phase: painAfter, score: ptr(0), rec: h.m.c.current})
			h.wantScreen("note")
			h.press("ctrl+c")
		}, storage.StatusCompleted, ptr(0), ""},
		{"terminal closed as the session ends", func(h *harness) {
			h.hold = true
			h.endSession()
		}, storage.StatusCompleted, nil, ""},
		{"terminal closed while a hold runs", func(h *harness) {
			h.tick(5 * time.Second)
			h.hold = true
			h.press("n")
		}, storage.StatusPartial, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := startSession(t, Options{})
			tt.steps(h)
			if err := h.m.Flush(); err != nil {
				t.Fatal(err)
			}
			if err := h.m.Err(); err != nil {
				t.Fatalf("Err after a good flush: %v", err)
			}
			s := h.reopened()
			if s.Status != tt.status || s.EndedAt == nil || s.Note != tt.note || fmt.Sprint(deref(s.PainAfter)) != fmt.Sprint(deref(tt.after)) {
				t.Fatalf("stored status %s ended %v pain_after %v note %q; want %s, %v, %q",
					s.Status, s.EndedAt, deref(s.PainAfter), s.Note, tt.status, deref(tt.after), tt.note)
			}
		})
	}
}

func deref(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

// The session is kept for the exit until home, and then only if unwritten.
func TestGoingHomeForgetsAWrittenSession(t *testing.T) {
	h := startSession(t, Options{})
	h.finishSession()
	h.press("1", "enter", "enter")
	h.wantScreen("summary")
	if h.m.c.current == nil {
		t.Fatal("the session was forgotten before home")
	}
	h.press("enter")
	h.wantScreen("home")
	if h.m.c.current != nil {
		t.Fatal("a written session is still kept after going home")
	}
}

// flakyStore fails session writes while down is set, as a database held
// by another corecoach for longer than the lock timeout does.
type flakyStore struct {
	Store
	down atomic.Bool
}

func (f *flakyStore) SaveSession(s storage.Session) error {
	if f.down.Load() {
		return errors.New("database in use")
	}
	return f.Store.SaveSession(s)
}

func TestFailedSaveIsShownThenMadeGood(t *testing.T) {
	st := newStore(t)
	fs := &flakyStore{Store: st}
	fs.down.Store(true)
	h := startSession(t, Options{Store: fs})
	h.store = st
	if h.m.Err() == nil {
		t.Fatal("a failed save is not reported")
	}
	if v := h.view(); !strings.Contains(v, "Not saved yet: saving the session: database in use") {
		t.Fatalf("the failure is not on screen:\n%s", v)
	}
	requireFits(t, "failed save", h.view(), 80, 24)

	fs.down.Store(false)
	h.tick(10 * time.Second) // the first set is done: a checkpoint
	h.wantScreen("session")
	if err := h.m.Err(); err != nil {
		t.Fatalf("a later good save left the error: %v", err)
	}
	if strings.Contains(h.view(), "Not saved") {
		t.Fatalf("the warning stayed:\n%s", h.view())
	}

	// The last saves fail; the exit retries the newest snapshot.
	fs.down.Store(true)
	h.finishSession()
	h.press("4", "enter", "o", "k", "enter")
	h.wantScreen("summary")
	if h.m.Err() == nil {
		t.Fatal("a failed final save is not reported")
	}
	if err := h.m.Flush(); err == nil || h.m.Err() == nil {
		t.Fatalf("a flush into a failing store: %v, Err %v", err, h.m.Err())
	}
	fs.down.Store(false)
	if err := h.m.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := h.m.Err(); err != nil {
		t.Fatalf("Err after a good flush: %v", err)
	}
	s := h.reopened()
	if s.Status != storage.StatusCompleted || deref(s.PainAfter) != 4 || s.Note != "ok" {
		t.Fatalf("stored %+v", s)
	}
}

func TestSaverFailures(t *testing.T) {
	st := newStore(t)
	fs := &flakyStore{Store: st}
	sv := newSaver(fs)
	s := storage.Session{ID: storage.NewSessionID(testStart), StartedAt: testStart, Status: storage.StatusPartial}
	steps := []struct {
		seq     int
		down    bool
		wantErr bool // failure() after the step
	}{
		{seq: 2, down: true, wantErr: true},
		{seq: 1, down: false, wantErr: true}, // older than the failed one: not made good
		{seq: 3, down: true, wantErr: true},
		{seq: 3, down: false, wantErr: false}, // the retry
		{seq: 3, down: true, wantErr: false},  // written already: no write at all
	}
	for i, step := range steps {
		fs.down.Store(step.down)
		_ = sv.save(step.seq, s)
		if got := sv.failure() != nil; got != step.wantErr {
			t.Errorf("step %d (seq %d, down %v): failure %v, want %v", i, step.seq, step.down, sv.failure(), step.wantErr)
		}
	}
	if !sv.saved(s.ID, 3) || sv.saved(s.ID, 4) {
		t.Error("saved does not follow the writes")
	}
}

// A suspended laptop must not stretch a hold: the default clock carries no
// monotonic reading, which stops during a suspend.
func TestDefaultClockIsWallClock(t *testing.T) {
	m := New(Options{Store: newStore(t), SafetyConfirmed: true})
	if now := m.c.now(); now != now.Round(0) {
		t.Fatalf("the default clock has a monotonic reading: %v", now)
	}
}

// fatalTB records a Fatalf and ends its goroutine, as testing.T does.
type fatalTB struct {
	testing.TB
	msg string
}

func (f *fatalTB) Helper() {}
func (f *fatalTB) Fatalf(format string, args ...any) {
	f.msg = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func TestHarnessFailsSlowCommand(t *testing.T) {
	h := newHarness(t, Options{SafetyConfirmed: true}, 80, 24)
	tb := &fatalTB{TB: t}
	h.t, h.deadline = tb, time.Millisecond
	release := make(chan struct{})
	defer close(release)
	done := make(chan struct{})
	go func() {
		defer close(done)
		h.run(func() tea.Msg { <-release; return nil })
	}()
	<-done
	if !strings.Contains(tb.msg, "returned no message within 1ms") || !strings.Contains(tb.msg, "tui.TestHarnessFailsSlowCommand") {
		t.Fatalf("a slow command was not a failure: %q", tb.msg)
	}
}
