package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestNoteTextPolicy: a note typed with bidirectional, invisible and
// escape characters keeps none of them, on screen or stored; an emoji
// built with a joiner is kept whole.
func TestNoteTextPolicy(t *testing.T) {
	h := startSession(t, Options{})
	h.finishSession()
	h.press("s") // skip the pain check
	h.wantScreen("note")
	for _, k := range []string{"L", "\u202e", "e", "\u2066", "f", "\u200b", "t", "\x1b", " ", "👩", "\u200d", "⚕", "\u061c"} {
		h.send(tea.KeyPressMsg{Code: []rune(k)[0], Text: k})
	}
	// The input's padding, cut for the emoji's wider measure, is not
	// marked as text cut short.
	if v := h.view(); !strings.Contains(v, "Left 👩\u200d⚕") || strings.ContainsAny(v, "\u202e\u2066\u200b\u061c\x1b…") {
		t.Errorf("note input shows %q", v)
	}
	h.press("enter")
	h.wantScreen("summary")
	if got := h.sessions()[0].Note; got != "Left 👩\u200d⚕" {
		t.Errorf("note stored as %q", got)
	}
}
