package routines

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestTextPolicy goes through every category of the text policy: what a
// routine file refuses (Forbidden) and what typed or imported text keeps
// (Clean), for one-line and multi-line fields.
func TestTextPolicy(t *testing.T) {
	const ok = rune(-1) // Forbidden finds nothing
	tests := []struct {
		name string
		in   string
		// the character refused, and Clean's result, in each kind of field
		oneBad, multiBad rune
		one, multi       string
	}{
		{"plain ASCII", "plain text", ok, ok, "plain text", "plain text"},
		{"accents and symbols", "café ✓ 壁坐", ok, ok, "café ✓ 壁坐", "café ✓ 壁坐"},
		{"combining accent", "e\u0301", ok, ok, "e\u0301", "e\u0301"},
		{"skin tone", "👍🏽", ok, ok, "👍🏽", "👍🏽"},

		{"C0 NUL", "a\x00b", 0x00, 0x00, "ab", "ab"},
		{"C0 BEL", "bell\x07!", 0x07, 0x07, "bell!", "bell!"},
		{"DEL", "del\x7f", 0x7f, 0x7f, "del", "del"},
		{"C1 NEL", "a\u0085b", 0x85, 0x85, "ab", "ab"},
		{"C1 CSI", "\u009b2Jx", 0x9b, 0x9b, "2Jx", "2Jx"},
		{"carriage return", "a\r\nb", '\r', '\r', "a b", "a\nb"},

		{"ESC CSI", "\x1b[2J\x1b[31mred\x1b[0m", 0x1b, 0x1b, "red", "red"},
		{"ESC OSC to BEL", "\x1b]0;pwned\x07title", 0x1b, 0x1b, "title", "title"},
		{"ESC OSC to ST", "\x1b]2;x\x1b\\after", 0x1b, 0x1b, "after", "after"},
		{"ESC and one character", "a\x1bcb", 0x1b, 0x1b, "ab", "ab"},
		{"ESC at the end", "end\x1b", 0x1b, 0x1b, "end", "end"},
		{"ESC CSI cut short", "cut \x1b[31", 0x1b, 0x1b, "cut ", "cut "},

		{"newline", "two\nlines", '\n', ok, "two lines", "two\nlines"},
		{"tab", "a\tb", '\t', ok, "a b", "a\tb"},
		{"line separator", "a\u2028b", 0x2028, 0x2028, "a b", "a\nb"},
		{"paragraph separator", "a\u2029b", 0x2029, 0x2029, "a b", "a\nb"},

		{"LRE embedding", "a\u202ab", 0x202a, 0x202a, "ab", "ab"},
		{"RLE embedding", "a\u202bb", 0x202b, 0x202b, "ab", "ab"},
		{"PDF", "a\u202cb", 0x202c, 0x202c, "ab", "ab"},
		{"LRO override", "a\u202db", 0x202d, 0x202d, "ab", "ab"},
		{"RLO override", "rtl\u202eevil", 0x202e, 0x202e, "rtlevil", "rtlevil"},
		{"LRI isolate", "a\u2066b", 0x2066, 0x2066, "ab", "ab"},
		{"RLI isolate", "a\u2067b", 0x2067, 0x2067, "ab", "ab"},
		{"FSI isolate", "a\u2068b", 0x2068, 0x2068, "ab", "ab"},
		{"PDI", "a\u2069b", 0x2069, 0x2069, "ab", "ab"},
		{"LRM", "a\u200eb", 0x200e, 0x200e, "ab", "ab"},
		{"RLM", "a\u200fb", 0x200f, 0x200f, "ab", "ab"},
		{"Arabic letter mark", "a\u061cb", 0x061c, 0x061c, "ab", "ab"},

		{"zero-width space", "a\u200bb", 0x200b, 0x200b, "ab", "ab"},
		{"word joiner", "a\u2060b", 0x2060, 0x2060, "ab", "ab"},
		{"BOM", "\ufeffname", 0xfeff, 0xfeff, "name", "name"},
		{"soft hyphen", "soft\u00adhyphen", 0xad, 0xad, "softhyphen", "softhyphen"},
		{"Mongolian vowel separator", "a\u180eb", 0x180e, 0x180e, "ab", "ab"},
		{"tag characters", "hi\U000E0041\U000E0042", 0xe0041, 0xe0041, "hi", "hi"},

		// Joiners stay between two visible characters: emoji, Persian, Indic.
		{"ZWJ emoji", "Nurse 👩\u200d⚕\ufe0f", ok, ok, "Nurse 👩\u200d⚕\ufe0f", "Nurse 👩\u200d⚕\ufe0f"},
		{"ZWJ after a variation selector", "🏳\ufe0f\u200d🌈", ok, ok, "🏳\ufe0f\u200d🌈", "🏳\ufe0f\u200d🌈"},
		{"ZWJ family", "👨\u200d👩\u200d👧", ok, ok, "👨\u200d👩\u200d👧", "👨\u200d👩\u200d👧"},
		{"ZWJ in Devanagari", "क्\u200dष", ok, ok, "क्\u200dष", "क्\u200dष"},
		{"ZWNJ in Persian", "می\u200cخواهم", ok, ok, "می\u200cخواهم", "می\u200cخواهم"},
		{"ZWJ first", "\u200dname", zwj, zwj, "name", "name"},
		{"ZWJ last", "name\u200d", zwj, zwj, "name", "name"},
		{"ZWJ alone", "\u200d", zwj, zwj, "", ""},
		{"ZWJ beside a space", "a \u200db", zwj, zwj, "a b", "a b"},
		{"ZWJ twice", "a\u200d\u200db", zwj, zwj, "a\u200db", "a\u200db"},
		{"ZWNJ beside a newline", "a\u200c\nb", zwnj, zwnj, "a b", "a\nb"},
		{"ZWJ beside an escape", "x\u200d\x1b[1mb", zwj, zwj, "xb", "xb"},
		{"ZWJ after a removed escape", " \x1b[1m\u200db", 0x1b, 0x1b, " b", " b"},

		{"invalid UTF-8", "bad\xffutf8", utf8.RuneError, utf8.RuneError, "badutf8", "badutf8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, c := range []struct {
				k    TextKind
				bad  rune
				want string
			}{{OneLine, tt.oneBad, tt.one}, {MultiLine, tt.multiBad, tt.multi}} {
				r, at, bad := Forbidden(tt.in, c.k)
				if !bad {
					r = ok
				}
				if r != c.bad {
					t.Errorf("Forbidden(%q, %v) = %U, want %U", tt.in, c.k, r, c.bad)
				}
				if bad && (at < 0 || at >= len(tt.in) || r != utf8.RuneError && !strings.HasPrefix(tt.in[at:], string(r))) {
					t.Errorf("Forbidden(%q, %v) puts %U at %d", tt.in, c.k, r, at)
				}
				got := Clean(tt.in, c.k)
				if got != c.want {
					t.Errorf("Clean(%q, %v) = %q, want %q", tt.in, c.k, got, c.want)
				}
				if _, _, bad := Forbidden(got, c.k); bad {
					t.Errorf("Clean(%q, %v) = %q, which Forbidden refuses", tt.in, c.k, got)
				}
			}
			if Sanitize(tt.in) != tt.multi {
				t.Errorf("Sanitize(%q) = %q, want what multi-line text keeps, %q", tt.in, Sanitize(tt.in), tt.multi)
			}
		})
	}
}

func TestWhy(t *testing.T) {
	for _, tt := range []struct {
		r    rune
		k    TextKind
		want string
	}{
		{'\n', OneLine, "a line break (U+000A); it is one line of text"},
		{'\t', OneLine, "a tab (U+0009); it is one line of text, with spaces between words"},
		{0x2028, MultiLine, "a line or paragraph separator (U+2028)"},
		{0x1b, MultiLine, "a control character (U+001B); escape sequences and control characters are not allowed"},
		{0x202e, OneLine, "a bidirectional control (U+202E), which can reorder the text around it"},
		{0x061c, OneLine, "a bidirectional control (U+061C)"},
		{zwj, OneLine, "a zero-width joiner (U+200D) that joins no two visible characters"},
		{0x200b, OneLine, "an invisible character (U+200B)"},
	} {
		if got := Why(tt.r, tt.k); !strings.HasPrefix(got, tt.want) {
			t.Errorf("Why(%U, %v) = %q, want it to start %q", tt.r, tt.k, got, tt.want)
		}
	}
}

func TestQuoteAndShowName(t *testing.T) {
	long := strings.Repeat("k", 250000)
	if got := quote(long); got != `"`+strings.Repeat("k", 40)+`…"` {
		t.Errorf("quote of a long key = %s", got)
	}
	if s := "é" + strings.Repeat("x", 39); quote(s) != strconv.Quote(s) {
		t.Errorf("quote cuts 40 characters: %s", quote(s))
	}
	for in, want := range map[string]string{
		"week1.yaml":             "week1.yaml",
		"dir/Übung 1.yaml":       "dir/Übung 1.yaml",
		"a\nb.yaml:1:1: ok":      `"a\nb.yaml:1:1: ok"`,
		"tab\there.yaml":         `"tab\there.yaml"`,
		"\x1b]0;title\x07x.yaml": `"\x1b]0;title\ax.yaml"`,
		"rtl\u202elmay.yaml":     `"rtl\u202elmay.yaml"`,
	} {
		if got := ShowName(in); got != want {
			t.Errorf("ShowName(%q) = %s, want %s", in, got, want)
		}
	}
}

// BenchmarkSanitize shows what cleaning costs on display: text that needs
// nothing (the usual case) and text that needs cleaning.
func BenchmarkSanitize(b *testing.B) {
	for _, c := range []struct{ name, s string }{
		{"ascii", "Knees down if your back sags. Breathe out as you lift."},
		{"unicode", "Genou au sol si le dos se creuse 👩\u200d⚕\ufe0f — respirez."},
		{"hostile", "\x1b]0;pwned\x07Knees \u202edown\u200b if your back sags\x1b[31m."},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Sanitize(c.s)
			}
		})
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
