package tui

import (
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"corecoach/routines"
	"corecoach/storage"
)

// fakeClock is the only clock the tests use.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

var testStart = time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC)

// harness drives the root model synchronously, as glow's resize test does:
// apply a message, run the returned commands and feed their messages back.
// It has no timers: the session's ticks and the cursor blink are turned
// off, and tests move the fake clock and tick explicitly. So every command
// returns at once, and one that does not is a failure, not a timer.
type harness struct {
	t        testing.TB
	m        Model
	clock    *fakeClock
	store    *storage.Store
	bells    int
	quit     bool
	deadline time.Duration // how long a command may run
	// hold keeps commands in held instead of running them: saves still
	// pending when the program quits.
	hold bool
	held []tea.Cmd
}

func newStore(t testing.TB) *storage.Store {
	t.Helper()
	st, err := storage.Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func newHarness(t testing.TB, o Options, w, h int) *harness {
	t.Helper()
	hs := &harness{t: t, clock: &fakeClock{t: testStart}, deadline: cmdDeadline}
	if o.Store == nil {
		hs.store = newStore(t)
		o.Store = hs.store
	}
	if o.Catalog == nil {
		o.Catalog = routines.CatalogOf(testRoutine())
	}
	o.Now = hs.clock.now
	hs.m = New(o)
	hs.m.c.timer = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	hs.m.c.blink = false
	hs.run(hs.m.Init())
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	return hs
}

func (h *harness) send(msg tea.Msg) {
	h.t.Helper()
	m, cmd := h.m.Update(msg)
	h.m = m.(Model)
	h.run(cmd)
}

func (h *harness) run(cmd tea.Cmd) {
	h.t.Helper()
	if h.hold {
		h.held = append(h.held, cmd)
		return
	}
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		ch := make(chan tea.Msg, 1)
		go func() { ch <- c() }()
		var msg tea.Msg
		select {
		case msg = <-ch:
		case <-time.After(h.deadline):
			h.t.Fatalf("command %s returned no message within %v", funcName(c), h.deadline)
		}
		switch msg := msg.(type) {
		case nil, tickMsg:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case tea.QuitMsg:
			h.quit = true
		case tea.RawMsg:
			h.bells += strings.Count(msg.Msg.(string), "\a")
		default:
			m, next := h.m.Update(msg)
			h.m = m.(Model)
			queue = append(queue, next)
		}
	}
}

// cmdDeadline is how long a command may run before the test fails. Storage
// commands sync to disk, which under -race on a loaded machine can take far
// longer than a frame, so it is generous.
const cmdDeadline = 5 * time.Second

// funcName names a command by its function, such as tui.saveSession.func1.
func funcName(c tea.Cmd) string {
	if f := runtime.FuncForPC(reflect.ValueOf(c).Pointer()); f != nil {
		return strings.TrimPrefix(f.Name(), "corecoach/")
	}
	return "?"
}

// press sends keys by name: "enter", "space", "ctrl+c", "q", "+", ...
func (h *harness) press(keys ...string) {
	h.t.Helper()
	for _, k := range keys {
		h.send(keyMsg(k))
	}
}

func keyMsg(name string) tea.KeyPressMsg {
	switch name {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(name)[0]
	return tea.KeyPressMsg{Code: r, Text: name}
}

// tick moves the clock on by d and wakes the session screen.
func (h *harness) tick(d time.Duration) {
	h.t.Helper()
	h.clock.advance(d)
	if s, ok := h.m.cur.(*sessionScreen); ok {
		h.send(tickMsg{gen: s.gen})
	}
}

// finishSession lets the clock run, tick by tick as the engine asks, until
// the session screen is gone.
func (h *harness) finishSession() {
	h.t.Helper()
	for range 10000 {
		s, ok := h.m.cur.(*sessionScreen)
		if !ok {
			return
		}
		h.tick(s.eng.NextChange(h.clock.now()))
	}
	h.t.Fatal("the session did not end")
}

func (h *harness) view() string { return ansi.Strip(h.m.View().Content) }

func (h *harness) screen() string {
	switch h.m.cur.(type) {
	case *safetyScreen:
		return "safety"
	case *homeScreen:
		return "home"
	case *painScreen:
		return "pain"
	case *sessionScreen:
		return "session"
	case *noteScreen:
		return "note"
	case *summaryScreen:
		return "summary"
	case *progressScreen:
		return "progress"
	case *checkinScreen:
		return "checkin"
	case *damagedScreen:
		return "damaged"
	case *unsavedScreen:
		return "unsaved"
	case *visitScreen:
		return "visit"
	}
	return "?"
}

func (h *harness) wantScreen(want string) {
	h.t.Helper()
	if got := h.screen(); got != want {
		h.t.Fatalf("screen = %s, want %s\n%s", got, want, h.view())
	}
}

func (h *harness) sessions() []storage.Session {
	h.t.Helper()
	ss, err := h.store.Sessions()
	if err != nil {
		h.t.Fatal(err)
	}
	return ss
}

// testRoutine has two short exercises: paced reps, then a hold on each side.
func testRoutine() *routines.Routine {
	return &routines.Routine{
		ID: "test-routine", Name: "Test routine", PainLimit: 5,
		Notes:   "Move slowly.",
		Prepare: 2 * time.Second, Rest: time.Second,
		Hash: "sha256:test",
		Exercises: []routines.RoutineExercise{
			{ID: "glute-bridge", Name: "Glute bridge", BuiltIn: true,
				Cues: []string{"Squeeze your glutes", "Keep your ribs down"},
				Sets: 2, Reps: 3, Hold: 2 * time.Second, Rest: time.Second, Prepare: 2 * time.Second},
			{ID: "side-plank", Name: "Side plank", Cues: []string{"Hips up"}, Notes: "Knees down if needed.",
				Sets: 1, Hold: 5 * time.Second, Both: true, Rest: time.Second, Prepare: 2 * time.Second},
		},
	}
}

// confirmSafety scrolls the first-run red flags to their end, as a reader
// must before enter counts, and confirms them.
func (h *harness) confirmSafety() {
	h.t.Helper()
	h.wantScreen("safety")
	for range 80 {
		if s, ok := h.m.cur.(*safetyScreen); !ok || s.page.read {
			break
		}
		h.press("down")
	}
	h.press("enter")
}
