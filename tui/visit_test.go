package tui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"corecoach/storage"
)

// visitHarness opens the visit form from home.
func visitHarness(t *testing.T, o Options, w, h int) *harness {
	t.Helper()
	o.SafetyConfirmed = true
	hs := newHarness(t, o, w, h)
	if hs.screen() == "checkin" {
		hs.press("esc")
	}
	hs.wantScreen("home")
	if w >= 80 && !strings.Contains(hs.view(), "v visit") { // a narrow footer keeps the first keys
		t.Errorf("home's help does not offer v visit:\n%s", hs.view())
	}
	hs.press("v")
	hs.wantScreen("visit")
	return hs
}

func TestVisitViews(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			h := visitHarness(t, Options{}, size[0], size[1])
			h.press("2", "down", "down")
			for _, r := range "after the long drive" {
				h.press(string(r))
			}
			golden.RequireEqual(t, h.view())
		})
	}
}

// TestVisitSaves: a visit chosen and dated in the form is on disk when home
// says so.
func TestVisitSaves(t *testing.T) {
	h := visitHarness(t, Options{}, 100, 30)
	today := storage.DateOf(h.clock.now())
	h.press("right", "right", "right") // osteopathy
	h.press("tab")
	for range 10 {
		h.press("backspace")
	}
	for _, r := range today.AddDays(-2).String() {
		h.press(string(r))
	}
	h.press("tab")
	for _, r := range "neck ?q" { // ? and q are text here
		h.press(string(r))
	}
	h.press("enter")
	h.wantScreen("home")
	if !strings.Contains(h.view(), "Visit saved.") {
		t.Errorf("home does not say the visit is saved:\n%s", h.view())
	}
	vs, err := h.store.Visits()
	if err != nil {
		t.Fatal(err)
	}
	want := storage.Visit{Date: today.AddDays(-2).String(), Kind: "osteopathy", Note: "neck ?q"}
	if len(vs) != 1 || vs[0].Date != want.Date || vs[0].Kind != want.Kind || vs[0].Note != want.Note || !strings.HasPrefix(vs[0].ID, "v-") {
		t.Fatalf("visits %+v, want one like %+v", vs, want)
	}
}

// TestVisitRefuses: a date in the future or not a date, and esc, write
// nothing; a database that refuses writes says why.
func TestVisitRefuses(t *testing.T) {
	for _, tt := range []struct {
		name, date, want string
	}{
		{"future", storage.DateOf(testStart).AddDays(1).String(), "is in the future"},
		{"not a date", "2026-13-01", "is not a date as YYYY-MM-DD"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := visitHarness(t, Options{}, 100, 30)
			h.press("down")
			for range 10 {
				h.press("backspace")
			}
			for _, r := range tt.date {
				h.press(string(r))
			}
			h.press("enter")
			h.wantScreen("visit")
			if !strings.Contains(h.view(), tt.want) {
				t.Errorf("no %q:\n%s", tt.want, h.view())
			}
			if vs, _ := h.store.Visits(); len(vs) != 0 {
				t.Errorf("saved %+v", vs)
			}
		})
	}
	t.Run("esc", func(t *testing.T) {
		h := visitHarness(t, Options{}, 100, 30)
		h.press("esc")
		h.wantScreen("home")
		if vs, _ := h.store.Visits(); len(vs) != 0 || strings.Contains(h.view(), "saved") {
			t.Errorf("esc saved %+v:\n%s", vs, h.view())
		}
	})
	t.Run("damaged", func(t *testing.T) {
		bs := &breakingStore{Store: newStore(t), err: errors.Join(errors.New("database x.db is damaged (a page): restore it"), storage.ErrDamaged)}
		h := visitHarness(t, Options{Store: bs}, 100, 30)
		bs.broken.Store(true)
		h.press("enter")
		h.wantScreen("damaged")
		if v := strings.Join(strings.Fields(h.view()), " "); !strings.Contains(v, "database x.db is damaged") || strings.Contains(v, "Visit saved") {
			t.Errorf("the damage is not said, or a save is claimed:\n%s", h.view())
		}
	})
}
