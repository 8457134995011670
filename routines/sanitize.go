package routines

import (
	"strings"
	"unicode/utf8"
)

// Sanitize removes what could drive a terminal from text that came from a
// file: escape sequences (ESC and what follows it), C0 and C1 control
// characters and bidirectional overrides. Newlines and tabs are kept; a
// carriage return is dropped. The UI applies it before rendering any text
// from a routine file; the parser already refuses such text.
func Sanitize(s string) string {
	if !needsSanitize(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			// invalid UTF-8: drop the byte
		case r == 0x1b:
			i = skipEscape(s, i)
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case isControl(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func needsSanitize(s string) bool {
	if !utf8.ValidString(s) {
		return true
	}
	for _, r := range s {
		if r != '\n' && r != '\t' && isControl(r) {
			return true
		}
	}
	return false
}

// isControl reports C0 and C1 controls, DEL and the Unicode bidirectional
// controls that can reorder what a terminal shows.
func isControl(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f:
		return true
	}
	return false
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

// FirstControl returns the first character of s that Sanitize would remove
// (U+FFFD for invalid UTF-8), for a precise error message; with
// allowNewlines, newlines and tabs pass. It is the one test of text for
// control characters: routine files and imported history both use it.
func FirstControl(s string, allowNewlines bool) (rune, bool) {
	if !utf8.ValidString(s) {
		return utf8.RuneError, true
	}
	for _, r := range s {
		if allowNewlines && (r == '\n' || r == '\t') {
			continue
		}
		if isControl(r) {
			return r, true
		}
	}
	return 0, false
}
