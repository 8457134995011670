package tui

import (
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"corecoach/storage"
)

// damageErr is a write refused as storage refuses one on a damaged file.
var damageErr = storage.ErrDamaged

// breakingStore refuses every write once broken is set, with err.
type breakingStore struct {
	Store
	broken atomic.Bool
	err    error
}

func (b *breakingStore) SaveSession(s storage.Session) error {
	if b.broken.Load() {
		return b.err
	}
	return b.Store.SaveSession(s)
}

func (b *breakingStore) SaveCheckin(ci storage.Checkin) error {
	if b.broken.Load() {
		return b.err
	}
	return b.Store.SaveCheckin(ci)
}

func (b *breakingStore) SaveVisit(v storage.Visit) error {
	if b.broken.Load() {
		return b.err
	}
	return b.Store.SaveVisit(v)
}

func (b *breakingStore) SetSetting(k, v string) error {
	if b.broken.Load() {
		return b.err
	}
	return b.Store.SetSetting(k, v)
}

// A database that refuses writes as damaged, or as no longer one this
// program can write, stops the session at once: going on would lose it all
// the same. The screen says so, and its only way out is to quit, with exit 1.
func TestDamagedDatabaseStopsTheSession(t *testing.T) {
	for _, kind := range []error{storage.ErrDamaged, storage.ErrNotCorecoach, storage.ErrNewerSchema} {
		t.Run(kind.Error(), func(t *testing.T) {
			bs := &breakingStore{Store: newStore(t), err: errors.Join(errors.New("database x.db is damaged (a page): restore it"), kind)}
			h := startSession(t, Options{Store: bs})
			bs.broken.Store(true)
			h.tick(10 * time.Second) // the first set is done: a checkpoint
			h.wantScreen("damaged")
			v := strings.Join(strings.Fields(h.view()), " ")
			for _, want := range []string{"This session could not be saved", "database x.db is damaged (a page): restore it", "q quit"} {
				if !strings.Contains(v, want) {
					t.Errorf("no %q on the screen:\n%s", want, h.view())
				}
			}
			h.press("s", "esc", "space", "n", "y", "?", "?")
			h.wantScreen("damaged")
			if h.quit {
				t.Fatal("a key other than q or enter quit")
			}
			h.tick(time.Minute)
			h.wantScreen("damaged")
			h.press("q")
			if !h.quit || h.m.Err() == nil || !errors.Is(h.m.Err(), kind) {
				t.Fatalf("quit %v, Err %v; want quit with the damage", h.quit, h.m.Err())
			}
			if err := h.m.Flush(); err != nil {
				t.Errorf("Flush wrote again to a damaged database: %v", err)
			}
		})
	}
}

func TestDamagedDatabaseEnterQuits(t *testing.T) {
	bs := &breakingStore{Store: newStore(t), err: damageErr}
	h := startSession(t, Options{Store: bs})
	bs.broken.Store(true)
	h.tick(10 * time.Second)
	h.wantScreen("damaged")
	requireFits(t, "damaged", h.view(), 80, 24)
	h.press("enter")
	if !h.quit {
		t.Fatal("enter did not quit")
	}
}

// The check-in written to a damaged database ends the interface the same way.
func TestDamagedDatabaseOnCheckin(t *testing.T) {
	st := newStore(t)
	seed(t, st, []storage.Session{pastSession(1, ptr(3))})
	bs := &breakingStore{Store: st, err: damageErr}
	bs.broken.Store(true)
	h := newHarness(t, Options{Store: bs, SafetyConfirmed: true}, 80, 24)
	h.wantScreen("checkin")
	h.press("2", "enter")
	h.wantScreen("damaged")
	if strings.Contains(h.view(), "session could not be saved") {
		t.Errorf("no session was running:\n%s", h.view())
	}
	h.press("q")
	if !h.quit || !errors.Is(h.m.Err(), storage.ErrDamaged) {
		t.Fatalf("quit %v, Err %v", h.quit, h.m.Err())
	}
}

// Any other failed write leaves the way out open: esc goes home (and home
// does not ask again this visit), q quits; s means nothing there.
func TestCheckinLeftAfterAnError(t *testing.T) {
	for _, k := range []string{"esc", "q"} {
		t.Run(k, func(t *testing.T) {
			st := newStore(t)
			seed(t, st, []storage.Session{pastSession(1, ptr(3))})
			bs := &breakingStore{Store: st, err: storage.ErrInUse}
			bs.broken.Store(true)
			h := newHarness(t, Options{Store: bs, SafetyConfirmed: true}, 80, 24)
			h.press("2", "enter")
			h.wantScreen("checkin")
			h.press("s")
			h.wantScreen("checkin")
			h.press(k)
			if k == "q" {
				if !h.quit {
					t.Fatal("q did not quit")
				}
				return
			}
			h.wantScreen("home")
			h.press("p", "esc")
			h.wantScreen("home")
		})
	}
}
