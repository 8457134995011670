package tui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"corecoach/routines"
	"corecoach/routines/text"
	"corecoach/storage"
)

// screen is one page of the interface: a small model of its own.
type screen interface {
	update(msg tea.Msg) (screen, tea.Cmd)
	view() string
	setSize(w, h int)
	help.KeyMap
}

// textScreen is a screen that takes typed text, so `?` is a character there,
// not the help key.
type textScreen interface{ typing() bool }

// Options configure the interface. Everything that can fail (opening the
// database, reading routine files) is done before, by the caller.
type Options struct {
	Store Store
	// Catalog finds routines by id; its All is the home list, the built-in
	// and added routines. None when nil.
	Catalog *routines.Catalog
	// Start, when set, opens its pain check at once (`corecoach run`).
	Start *routines.Routine
	Quiet bool             // start with sound cues muted
	Now   func() time.Time // the clock; time.Now when nil
	Zone  string           // the IANA name of the local zone, "" when unknown
	// SafetyConfirmed skips the first-run safety screen.
	SafetyConfirmed bool
	// Notice is shown above the help footer until the first key press:
	// what the start did, such as importing a recovery file.
	Notice string
}

// Model is the root model: it routes messages between the screens and is
// the only one that returns a tea.View.
type Model struct {
	c           *common
	cur         screen
	runMode     bool // started by `corecoach run`: stopping before the session quits
	interrupted bool
	safetyErr   error // the safety confirmation could not be remembered
	saveErr     error // a session write that failed and is not yet made good: shown on screen
	notice      string
	// refused is the database refusing writes (damaged, or not one this
	// program can write): the interface stops and only quits.
	refused error
}

// New builds the interface.
func New(o Options) Model {
	now := o.Now
	if now == nil {
		now = wallClock
	}
	list := o.Catalog.All()
	c := &common{
		styles:   DefaultStyles(),
		keys:     DefaultKeyMap(),
		help:     help.New(),
		store:    o.Store,
		saver:    newSaver(o.Store),
		now:      now,
		timer:    tea.Tick,
		zone:     o.Zone,
		muted:    o.Quiet,
		catalog:  o.Catalog,
		routines: list,
		lines:    routineLines(list),
		blink:    true,
	}
	c.help.Styles = c.styles.Help
	m := Model{c: c, runMode: o.Start != nil, notice: o.Notice}
	switch {
	case !o.SafetyConfirmed:
		m.cur = newSafety(c, o.Start, false)
	case o.Start != nil:
		m.cur = newPain(c, painBefore, o.Start)
	default:
		m.cur = newHome(c)
	}
	return m
}

// wallClock is the default clock. time.Now carries a monotonic reading,
// which stops while a laptop is suspended (Linux, macOS): a hold would carry
// on after a resume where it was. Without it, times are wall-clock times, so
// a hold's deadline passes during a suspend and the step ends on the next
// tick, as a clock that jumps forward does.
func wallClock() time.Time { return time.Now().Round(0) }

// Interrupted reports whether the program ended by ctrl+c or a signal; the
// command then exits non-zero.
func (m Model) Interrupted() bool { return m.interrupted }

// Err is what could not be saved, if anything, to report once the screen is
// restored. A session write that failed is forgotten once a later write (or
// Flush) stores the session's newest state.
func (m Model) Err() error {
	if m.c == nil {
		return nil // not made by New: nothing ran
	}
	if m.refused != nil {
		return m.refused
	}
	return errors.Join(m.safetyErr, m.c.saver.failure())
}

// Init starts the first screen's work.
//
// Whether the database may be written is asked at once, beside the first
// screen's work rather than before the first frame, since it reads the
// whole file: a damaged file then ends on the damage screen before
// anything is written (every write waits for the same answer).
func (m Model) Init() tea.Cmd {
	cmds := []tea.Cmd{checkWritable(m.c)}
	switch s := m.cur.(type) {
	case *homeScreen:
		cmds = append(cmds, s.init())
	case *painScreen: // `corecoach run`: a check-in that is due comes first
		cmds = append(cmds, loadCheckin(m.c))
	}
	return tea.Batch(cmds...)
}

// Update routes a message: global keys and navigation here, everything
// else to the current screen.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.width, m.c.height = msg.Width, msg.Height
		m.resize()
		return m, nil
	case InterruptMsg:
		return m.interrupt()
	case tea.KeyPressMsg:
		if key.Matches(msg, m.c.keys.Kill) {
			return m.interrupt()
		}
		if m.notice != "" {
			m.notice = ""
			m.resize()
		}
		if tooSmall(m.c.width, m.c.height) {
			return m, nil // the screen is hidden: a blind press must not act on it
		}
		if t, ok := m.cur.(textScreen); !(ok && t.typing()) && key.Matches(msg, m.c.keys.Help) {
			m.c.help.ShowAll = !m.c.help.ShowAll
			m.resize()
			return m, nil
		}
	case sessionSavedMsg:
		if refusesWrites(msg.err) {
			return m.refuse(msg.err)
		}
		// Saves finish out of order: ask the saver what is still unwritten.
		m.saveErr = m.c.saver.failure()
		m.resize()
		return m, nil
	case writableMsg:
		if refusesWrites(msg.err) {
			return m.refuse(msg.err)
		}
		return m, nil
	case checkinSavedMsg:
		if refusesWrites(msg.err) {
			return m.refuse(msg.err)
		}
	case visitSavedMsg:
		if refusesWrites(msg.err) {
			return m.refuse(msg.err)
		}
		if _, ok := m.cur.(*visitScreen); ok && msg.err == nil {
			m.notice = "Visit saved."
			h := newHome(m.c)
			m.cur = h
			m.resize()
			return m, h.init()
		}
	case retrySavedMsg:
		if refusesWrites(msg.err) {
			return m.refuse(msg.err)
		}
		m.saveErr = m.c.saver.failure()
	case quitMsg:
		return m.quit()
	case safetySavedMsg:
		if refusesWrites(msg.err) {
			return m.refuse(msg.err)
		}
		if msg.err != nil {
			m.safetyErr = fmt.Errorf("remembering the safety confirmation: %w", msg.err)
		}
		return m, nil
	}
	if next, cmd, ok := m.navigate(msg); ok {
		m.cur = next
		m.resize()
		return m, cmd
	}
	var cmd tea.Cmd
	m.cur, cmd = m.cur.update(msg)
	return m, cmd
}

// navigate handles the messages that move between screens.
func (m *Model) navigate(msg tea.Msg) (screen, tea.Cmd, bool) {
	c := m.c
	switch msg := msg.(type) {
	case safetyDoneMsg:
		if msg.start != nil {
			return newPain(c, painBefore, msg.start), loadCheckin(c), true
		}
		h := newHome(c)
		return h, h.init(), true
	case openSafetyMsg:
		return newSafety(c, nil, true), nil, true
	case goHomeMsg:
		m.runMode = false
		// The session is over; keep it for the exit only while unwritten.
		if r := c.current; r != nil && c.saver.saved(r.s.ID, r.seq) {
			c.current = nil
		}
		h := newHome(c)
		return h, h.init(), true
	case openStatsMsg:
		s := newProgress(c)
		return s, s.init(), true
	case openVisitMsg:
		return newVisit(c), nil, true
	case openCheckinMsg:
		if _, ok := m.cur.(*homeScreen); !ok {
			return nil, nil, false // the person has moved on: ask next time
		}
		return newCheckin(c, msg.state, nil), nil, true
	case checkinLoadedMsg:
		// `corecoach run`: ask the check-in before the pain check, while
		// that is untouched; home handles its own.
		p, ok := m.cur.(*painScreen)
		if !ok || !m.runMode || p.phase != painBefore || msg.err != nil || !msg.state.Due || c.checkinLeft {
			return nil, nil, false
		}
		return newCheckin(c, msg.state, p.routine), nil, true
	case startRoutineMsg:
		return newPain(c, painBefore, msg.r), nil, true
	case painStopMsg:
		if m.runMode {
			return m.cur, quit, true
		}
		h := newHome(c)
		return h, h.init(), true
	case painDoneMsg:
		if _, ok := m.cur.(*painScreen); !ok {
			return nil, nil, false // a stale message: the pain check is gone
		}
		if msg.phase == painBefore {
			s, cmd := newSession(c, msg.routine, msg.score)
			return s, cmd, true
		}
		msg.rec.painAfter(msg.score)
		return newNote(c, msg.rec), saveSession(c, msg.rec), true
	case sessionEndedMsg:
		return newPainAfter(c, msg.routine, msg.rec), nil, true
	case noteDoneMsg:
		if _, ok := m.cur.(*noteScreen); !ok {
			return nil, nil, false
		}
		msg.rec.note(msg.text)
		s := newSummary(c, msg.rec)
		return s, tea.Batch(saveSession(c, msg.rec), loadStats(c)), true
	}
	return nil, nil, false
}

// refuse stops everything when the database refuses writes: a running
// session ends where it is, and the screen says what was lost and what to
// do. What is left unsaved stays so; the exit does not write again.
func (m Model) refuse(err error) (tea.Model, tea.Cmd) {
	if m.refused != nil {
		return m, nil
	}
	if s, ok := m.cur.(*sessionScreen); ok {
		s.stop()
	}
	lost := false
	if r := m.c.current; r != nil {
		lost = !m.c.saver.saved(r.s.ID, r.seq)
	}
	m.refused = err
	if lost {
		m.refused = fmt.Errorf("the session could not be saved: %w", err)
	}
	m.saveErr = nil
	m.c.help.ShowAll = false
	m.cur = newDamaged(m.c, err, lost)
	m.resize()
	return m, nil
}

// quit ends the program, unless the session of this visit is not in the
// database yet: then the unsaved screen keeps trying, or lets the person
// leave it in a recovery file.
func (m Model) quit() (tea.Model, tea.Cmd) {
	if _, ok := m.Unsaved(); !ok || m.refused != nil {
		return m, tea.Quit
	}
	if _, ok := m.cur.(*unsavedScreen); ok {
		return m, nil
	}
	u := newUnsaved(m.c, m.cur)
	m.cur = u
	m.c.help.ShowAll = false
	m.resize()
	return m, u.init()
}

// Unsaved is the session of this visit when its newest state is not in
// the database: what the program keeps in a recovery file on its way out.
func (m Model) Unsaved() (storage.Session, bool) {
	s, saved, ok := m.Kept()
	return s, ok && !saved
}

// Kept is the session of this visit and whether its newest state is in the
// database; ok is false when no session was started in this visit or it was
// left behind on home.
func (m Model) Kept() (s storage.Session, saved, ok bool) {
	if m.c == nil || m.c.current == nil {
		return storage.Session{}, false, false
	}
	r := m.c.current
	_, s = r.snapshot()
	return s, m.c.saver.saved(r.s.ID, r.seq), true
}

// interrupt ends the program at once. The session is saved here,
// synchronously, because the process is about to end; a failure stays in
// the saver for Err.
func (m Model) interrupt() (tea.Model, tea.Cmd) {
	m.interrupted = true
	_ = m.Flush()
	return m, tea.Quit
}

// resize gives the current screen the room left above the help footer.
func (m *Model) resize() {
	m.c.help.SetWidth(m.c.width)
	m.cur.setSize(m.c.width, max(0, m.c.height-m.footerHeight()))
}

// footer is the help line, under a warning while a save has failed.
func (m Model) footer() string {
	if tooSmall(m.c.width, m.c.height) {
		return ""
	}
	f := footerHelp(m.c.help, m.cur, m.c.width)
	if _, unsaved := m.cur.(*unsavedScreen); m.saveErr != nil && !unsaved { // that screen says it itself
		var warn []string
		for _, l := range wrap("Not saved yet: "+text.OneLine(m.saveErr.Error())+". The next save tries again.", m.c.width) {
			warn = append(warn, m.c.styles.Bad.Render(l))
		}
		f = strings.Join(warn, "\n") + "\n" + f
	}
	if m.notice != "" {
		var lines []string
		for _, l := range strings.Split(m.notice, "\n") {
			for _, w := range wrap(l, m.c.width) {
				lines = append(lines, m.c.styles.Warn.Render(w))
			}
		}
		f = strings.Join(lines, "\n") + "\n" + f
	}
	return f
}

func (m Model) footerHeight() int { return linesOf(m.footer()) }

// linesOf is the height a footer takes, with the blank line above it.
func linesOf(f string) int {
	if f == "" {
		return 0
	}
	return strings.Count(f, "\n") + 2
}

// View draws the current screen and the help footer, clipped to the window.
func (m Model) View() tea.View {
	w, h := m.c.width, m.c.height
	var content string
	switch {
	case w <= 0 || h <= 0:
		content = ""
	case tooSmall(w, h):
		content = enlargeText(w, h)
	default:
		body := m.cur.view()
		f := m.footer()
		bh := h - linesOf(f)
		body = clip(body, w, bh)
		if pad := bh - strings.Count(body, "\n") - 1; pad > 0 {
			body += strings.Repeat("\n", pad)
		}
		content = clip(body+"\n\n"+f, w, h)
	}
	v := tea.NewView(content)
	v.AltScreen = true
	v.WindowTitle = m.title()
	return v
}

func (m Model) title() string {
	if s, ok := m.cur.(*sessionScreen); ok {
		return "corecoach: " + s.text.routine
	}
	return "corecoach"
}

// Flush writes the current session synchronously: a running one as
// partial, an ended one with its pain score and note. Bubble Tea does not
// wait for commands when it quits, so the last saves may never have run;
// the program calls Flush after the interface ends in any way (a closed
// terminal may end it without a message). Snapshots already written are
// not written again, and a failed one is retried here.
func (m Model) Flush() error {
	if m.c == nil || m.refused != nil {
		return nil
	}
	if s, ok := m.cur.(*sessionScreen); ok {
		s.stop()
	}
	r := m.c.current
	if r == nil {
		return nil
	}
	seq, snap := r.snapshot()
	return m.c.saver.save(seq, snap)
}
