package storage

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf8"
)

// EncodeJSON writes v as indented JSON in which every character that could
// drive a terminal is a \u escape. encoding/json escapes C0 controls but
// not DEL, C1 or the bidirectional controls; escaped, the data is the same
// and printing it is safe.
func EncodeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(escapeControls(buf.Bytes()))
	return err
}

// escapeControls rewrites the runes terminalControl names as \u escapes;
// in JSON they can only be inside strings, where an escape means the same.
func escapeControls(b []byte) []byte {
	i := bytes.IndexFunc(b, terminalControl)
	if i < 0 {
		return b
	}
	out := append(make([]byte, 0, len(b)+64), b[:i]...)
	for _, r := range string(b[i:]) {
		if terminalControl(r) {
			out = fmt.Appendf(out, `\u%04x`, r)
		} else {
			out = utf8.AppendRune(out, r)
		}
	}
	return out
}

// terminalControl reports DEL, C1 and the bidirectional controls.
func terminalControl(r rune) bool {
	switch {
	case r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f:
		return true
	}
	return false
}
