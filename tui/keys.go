package tui

import "charm.land/bubbles/v2/key"

// KeyMap is every key binding of the interface (docs/using-corecoach.md). Screens
// copy the bindings they use and enable only what works at the moment, so
// the help footer never offers a key that does nothing.
type KeyMap struct {
	Help key.Binding
	Quit key.Binding // q: quit, or ask to quit during a session
	Kill key.Binding // ctrl+c: quit at once everywhere

	Up      key.Binding
	Down    key.Binding
	Start   key.Binding
	Stats   key.Binding
	Safety  key.Binding
	Visit   key.Binding // v: log a therapy visit
	Confirm key.Binding
	Back    key.Binding // esc: leave a screen or dismiss

	Score     key.Binding
	ScoreDown key.Binding
	ScoreUp   key.Binding
	SkipPain  key.Binding

	Pause      key.Binding
	Next       key.Binding
	Prev       key.Binding
	ExtendRest key.Binding
	Hurts      key.Binding
	HurtLeg    key.Binding // the kinds of hurt x asks about
	HurtSharp  key.Binding
	HurtOther  key.Binding
	Variant    key.Binding // e: the easier and harder variants
	Mute       key.Binding
	Yes        key.Binding
	No         key.Binding

	Save key.Binding
	Home key.Binding

	FieldNext key.Binding // the next field of a form
	FieldPrev key.Binding

	Retry   key.Binding // the session is not saved: try again now
	Recover key.Binding // the session is not saved: quit, keeping it in a recovery file
}

// DefaultKeyMap is the one set of bindings the screens share.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Help: key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit: key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Kill: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit now")),

		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Start:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "start")),
		Stats:   key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "progress")),
		Safety:  key.NewBinding(key.WithKeys("!"), key.WithHelp("!", "safety notes")),
		Visit:   key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "visit")),
		Confirm: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "confirm")),
		Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),

		Score:     key.NewBinding(key.WithKeys("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("0-9", "score")),
		ScoreDown: key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "less")),
		ScoreUp:   key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "more")),
		SkipPain:  key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "skip")),

		Pause:      key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "pause")),
		Next:       key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "skip ahead")),
		Prev:       key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "back")),
		ExtendRest: key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", "15s more rest")),
		Hurts:      key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "this hurts")),
		HurtLeg:    key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "leg")),
		HurtSharp:  key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sharp")),
		HurtOther:  key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "other")),
		Variant:    key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "easier variant (pauses the timer)")),
		Mute:       key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "mute")),
		Yes:        key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes, save and stop")),
		No:         key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", "keep going")),

		Save: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save")),
		Home: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "home")),

		FieldNext: key.NewBinding(key.WithKeys("down", "tab"), key.WithHelp("↓/tab", "next field")),
		FieldPrev: key.NewBinding(key.WithKeys("up", "shift+tab"), key.WithHelp("↑/shift+tab", "previous field")),

		Retry:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "retry")),
		Recover: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "quit to file")),
	}
}

// with returns b with its help text replaced, for a screen that gives a
// shared key its own meaning ("enter: start anyway").
func with(b key.Binding, keyName, desc string) key.Binding {
	b.SetHelp(keyName, desc)
	return b
}

// enabled returns b enabled or not.
func enabled(b key.Binding, on bool) key.Binding {
	b.SetEnabled(on)
	return b
}
