package routines

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file is the text policy: which characters a text field may hold,
// for every field and every way text comes in (routine files, the note
// typed after a session, imported history, routines added before). Users
// read it in docs/routine-format.md ("Text") and docs/using-corecoach.md.
//
// Routine files refuse, and typed or imported text loses:
//   - invalid UTF-8; C0 and C1 control characters and DEL, and an escape
//     sequence whole with its ESC. Multi-line text keeps newlines and tabs.
//   - format characters (Unicode category Cf): the bidirectional
//     embeddings, overrides, isolates and marks (U+202A..U+202E,
//     U+2066..U+2069, U+200E, U+200F, U+061C), zero-width space U+200B,
//     word joiner U+2060, U+FEFF, the soft hyphen, tag characters. They
//     are invisible or reorder what surrounds them, so text could show
//     other than it holds.
//   - the line and paragraph separators U+2028 and U+2029, which
//     terminals do not agree on.
//
// The one exception: the zero-width joiner and non-joiner (U+200D,
// U+200C) are kept between two visible characters. They build emoji
// (👩‍⚕️ is 👩, U+200D, ⚕) and are part of writing Persian and the Indic
// scripts; at an edge, beside a space or beside another invisible
// character they only hide, and go.

// TextKind is the shape of a text field.
type TextKind int

const (
	// OneLine is a name, id, cue, activity, client or therapist: no line
	// breaks and no tabs.
	OneLine TextKind = iota
	// MultiLine is notes: newlines and tabs are allowed.
	MultiLine
)

// Lengths of text fields in characters (code points, as JSON Schema's
// maxLength counts): long enough for any real name, cue or note, short
// enough that no field can swamp a screen, a table or a report.
// docs/routine-format.md and docs/routine.schema.json give the same.
const (
	MaxNameLen    = 80   // a routine's or an exercise's name
	MaxAuthorLen  = 120  // the author line
	MaxContactLen = 120  // the therapist's contact line
	MaxCueLen     = 200  // one form cue
	MaxNotesLen   = 4000 // notes
)

const (
	zwnj = '\u200c'
	zwj  = '\u200d'
)

// Forbidden returns the first character of s that the policy refuses in
// a field of kind k, and its byte offset (U+FFFD for invalid UTF-8).
func Forbidden(s string, k TextKind) (r rune, at int, bad bool) {
	if plain(s, k) {
		return 0, 0, false
	}
	prev := rune(-1)
	for i := 0; i < len(s); {
		c, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == utf8.RuneError && size == 1:
			return utf8.RuneError, i, true
		case c == zwj || c == zwnj:
			if !visible(prev) || !visibleAt(s, i+size) {
				return c, i, true
			}
		case refused(c, k):
			return c, i, true
		}
		prev = c
		i += size
	}
	return 0, 0, false
}

// Clean removes from typed or imported text what Forbidden refuses:
// escape sequences whole, other refused characters one by one. In
// one-line text a line break or tab becomes a space; in multi-line text a
// line or paragraph separator becomes a newline and a carriage return goes.
// Forbidden(Clean(s, k), k) is always false.
func Clean(s string, k TextKind) string {
	if plain(s, k) {
		return s
	}
	if _, _, bad := Forbidden(s, k); !bad {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	last := rune(-1) // the last character kept
	keep := func(c rune) {
		b.WriteRune(c)
		last = c
	}
	for i := 0; i < len(s); {
		c, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case c == utf8.RuneError && size == 1:
		case c == 0x1b:
			i = skipEscape(s, i)
		case c == zwj || c == zwnj:
			// A visible character is never removed, so a joiner kept
			// between two visible ones stays between them.
			if visible(last) && visibleAt(s, i) {
				keep(c)
			}
		case c == '\r':
		case k == OneLine && (c == '\n' || c == '\t' || c == '\u2028' || c == '\u2029'):
			keep(' ')
		case k == MultiLine && (c == '\u2028' || c == '\u2029'):
			keep('\n')
		case refused(c, k):
		default:
			keep(c)
		}
	}
	return b.String()
}

// Sanitize cleans text for display as multi-line text: what could drive
// a terminal or hide or reorder text goes; newlines and tabs stay. Screens
// and commands apply it to any stored text they show, whatever its source.
func Sanitize(s string) string { return Clean(s, MultiLine) }

// plain is the fast path: printable ASCII (and newlines and tabs in
// multi-line text) is always allowed.
func plain(s string, k TextKind) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c < 0x7f || k == MultiLine && (c == '\n' || c == '\t') {
			continue
		}
		return false
	}
	return true
}

// refused reports a character the policy never allows in a field of kind
// k (joiners are judged by their neighbours, elsewhere).
func refused(c rune, k TextKind) bool {
	switch {
	case k == MultiLine && (c == '\n' || c == '\t'):
		return false
	case c < 0x20, c >= 0x7f && c <= 0x9f:
		return true
	case c == '\u2028', c == '\u2029':
		return true
	}
	return c >= 0xad && unicode.Is(unicode.Cf, c)
}

// visible reports a character that shows something: not a space, control,
// format character or separator.
func visible(c rune) bool {
	return c >= 0 && unicode.IsGraphic(c) && !unicode.IsSpace(c)
}

// visibleAt reports a visible character at byte i of s (not the end, nor
// invalid UTF-8).
func visibleAt(s string, i int) bool {
	c, size := utf8.DecodeRuneInString(s[i:])
	if size == 0 || c == utf8.RuneError && size == 1 {
		return false
	}
	return visible(c)
}

// skipEscape skips the body of an escape sequence whose ESC ended at i:
// CSI (ESC [ ... final byte), OSC/DCS/APC/PM/SOS strings (up to BEL or
// ESC \), or a single following character.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		for i++; i < len(s); i++ {
			if s[i] >= 0x40 && s[i] <= 0x7e {
				return i + 1
			}
		}
		return i
	case ']', 'P', '_', '^', 'X':
		for i++; i < len(s); i++ {
			if s[i] == 0x07 {
				return i + 1
			}
			if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
		}
		return i
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return i + size
}

// Why says why r may not be in a field of kind k, for a message that
// names the field first: `"name" contains ...`.
func Why(r rune, k TextKind) string {
	code := fmt.Sprintf("U+%04X", r)
	switch {
	case k == OneLine && (r == '\n' || r == '\u2028' || r == '\u2029'):
		return fmt.Sprintf("a line break (%s); it is one line of text", code)
	case k == OneLine && r == '\t':
		return fmt.Sprintf("a tab (%s); it is one line of text, with spaces between words", code)
	case r == '\u2028' || r == '\u2029':
		return fmt.Sprintf("a line or paragraph separator (%s); end lines with a plain line break", code)
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return fmt.Sprintf("a control character (%s); escape sequences and control characters are not allowed", code)
	case r == zwj || r == zwnj:
		return fmt.Sprintf("a zero-width joiner (%s) that joins no two visible characters; remove it", code)
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return fmt.Sprintf("a bidirectional control (%s), which can reorder the text around it; remove it", code)
	}
	return fmt.Sprintf("an invisible character (%s); remove it", code)
}

// ShowName is a file name fit for one line of output: as it is when the
// one-line policy allows it, else quoted with Go escapes ("a\nb.yaml"), so
// that a name holding a newline cannot forge a line of its own.
func ShowName(name string) string {
	if _, _, bad := Forbidden(name, OneLine); !bad {
		return name
	}
	return strconv.Quote(name)
}
