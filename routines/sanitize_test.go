package routines

import "testing"

func TestSanitize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"line\nnext\tcol", "line\nnext\tcol"},
		{"\x1b]0;pwned\x07title", "title"},
		{"\x1b]2;x\x1b\\after", "after"},
		{"\x1b[2J\x1b[31mred\x1b[0m", "red"},
		{"a\x1bcb", "ab"},
		{"\x9b2Jx", "2Jx"},
		{"bell\x07 cr\r del\x7f", "bell cr del"},
		{"rtl\u202eevil", "rtlevil"},
		{"bad\xffutf8", "badutf8"},
		{"trailing esc\x1b", "trailing esc"},
		{"unterminated \x1b[31", "unterminated "},
		{"café ✓", "café ✓"},
	}
	for _, tt := range tests {
		if got := Sanitize(tt.in); got != tt.want {
			t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	keys := []string{"use", "name", "sets", "reps", "hold", "tempo", "rest", "prepare", "sides", "notes", "cues"}
	for in, want := range map[string]string{
		"hodl": "hold", "temp": "tempo", "prep": "prepare", "side": "sides", "cue": "cues",
		"colour": "", "x": "", "repetitions": "",
	} {
		if got := suggest(in, keys); got != want {
			t.Errorf("suggest(%q) = %q, want %q", in, got, want)
		}
	}
	if d := editDistance("plnak", "plank"); d != 1 {
		t.Errorf("editDistance(plnak, plank) = %d, want 1", d)
	}
}
