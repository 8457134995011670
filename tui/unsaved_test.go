package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"corecoach/storage"
)

// The summary says what the disk holds: saving while the write runs, saved
// once it is written, not saved when it failed.
func TestSummarySaysTheSaveState(t *testing.T) {
	tests := []struct {
		name string
		down bool
		hold bool
		want string
		not  string
	}{
		{"written", false, false, "Saved.", "Not saved"},
		{"still writing", false, true, "Saving...", "Saved."},
		{"failed", true, false, "Not saved yet", "Saved."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := &flakyStore{Store: newStore(t)}
			h := startSession(t, Options{Store: fs})
			h.finishSession()
			fs.down.Store(tt.down)
			h.hold = tt.hold
			h.send(painDoneMsg{phase: painAfter, score: ptr(1), rec: h.m.c.current})
			h.send(noteDoneMsg{rec: h.m.c.current})
			h.wantScreen("summary")
			for _, size := range [][2]int{{80, 24}, {40, 12}} {
				h.hold = false
				h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				v := flat(h.view())
				if !strings.Contains(v, tt.want) || strings.Contains(v, tt.not) {
					t.Errorf("%dx%d: want %q and no %q:\n%s", size[0], size[1], tt.want, tt.not, h.view())
				}
			}
		})
	}
}

// Quitting with the session unsaved keeps trying, counting down on screen,
// and quits by itself once the save works.
func TestQuitRetriesUnsavedSession(t *testing.T) {
	fs := &flakyStore{Store: newStore(t)}
	h := startSession(t, Options{Store: fs})
	h.finishSession()
	fs.down.Store(true)
	h.press("3", "enter", "enter")
	h.wantScreen("summary")
	h.press("q")
	h.wantScreen("unsaved")
	if h.quit {
		t.Fatal("quit with the session unsaved")
	}
	v := flat(h.view())
	for _, want := range []string{"not saved yet", "database in use", "Trying again in 5 s (tried once)", "recovery file"} {
		if !strings.Contains(v, want) {
			t.Errorf("no %q on the unsaved screen:\n%s", want, h.view())
		}
	}
	requireFits(t, "unsaved", h.view(), 80, 24)
	h.send(tea.WindowSizeMsg{Width: 40, Height: 12})
	requireFits(t, "unsaved", h.view(), 40, 12)
	if !strings.Contains(h.view(), "r quit to file") {
		t.Errorf("the recovery key is not offered at 40x12:\n%s", h.view())
	}

	h.clock.advance(2 * time.Second)
	h.send(unsavedTickMsg{gen: h.m.cur.(*unsavedScreen).gen})
	if v := flat(h.view()); !strings.Contains(v, "Trying again in 3 s") {
		t.Errorf("the countdown did not move:\n%s", h.view())
	}
	h.clock.advance(3 * time.Second)
	h.send(unsavedTickMsg{gen: h.m.cur.(*unsavedScreen).gen})
	if v := flat(h.view()); !strings.Contains(v, "Trying again in 5 s (tried 2 times)") || h.quit {
		t.Errorf("a failed retry did not count down again (quit %v):\n%s", h.quit, h.view())
	}

	fs.down.Store(false)
	h.press("enter") // try now
	if !h.quit {
		t.Fatalf("a good retry did not quit:\n%s", h.view())
	}
	if _, unsaved := h.m.Unsaved(); unsaved || h.m.Err() != nil {
		t.Errorf("after a good retry: unsaved %v, Err %v", unsaved, h.m.Err())
	}
	h.store = fs.Store.(*storage.Store)
	if s := h.reopened(); s.Status != storage.StatusCompleted || deref(s.PainAfter) != 3 {
		t.Errorf("stored %+v", s)
	}
}

// r leaves at once with the session unsaved, for the program to write the
// recovery file; esc goes back to the summary.
func TestQuitUnsavedKeys(t *testing.T) {
	fs := &flakyStore{Store: newStore(t)}
	h := startSession(t, Options{Store: fs})
	h.finishSession()
	fs.down.Store(true)
	h.press("3", "enter", "enter", "q")
	h.wantScreen("unsaved")
	h.press("esc")
	h.wantScreen("summary")
	h.press("q")
	h.wantScreen("unsaved")
	h.press("r")
	if !h.quit {
		t.Fatal("r did not quit")
	}
	s, unsaved := h.m.Unsaved()
	if !unsaved || s.Status != storage.StatusCompleted || deref(s.PainAfter) != 3 {
		t.Errorf("Unsaved = %+v, %v; want the completed session", s, unsaved)
	}
}

// With everything written, q quits at once.
func TestQuitSavedSessionQuitsAtOnce(t *testing.T) {
	h := startSession(t, Options{})
	h.finishSession()
	h.press("3", "enter", "enter", "q")
	if !h.quit {
		t.Fatalf("q did not quit:\n%s", h.view())
	}
	if _, unsaved := h.m.Unsaved(); unsaved {
		t.Error("a written session reads as unsaved")
	}
}
