package tui

import "strings"

// glyphs is a small 5-row font for the countdown: '#' is a filled cell.
var glyphs = map[rune][5]string{
	'0': {"###", "# #", "# #", "# #", "###"},
	'1': {"  #", "  #", "  #", "  #", "  #"},
	'2': {"###", "  #", "###", "#  ", "###"},
	'3': {"###", "  #", "###", "  #", "###"},
	'4': {"# #", "# #", "###", "  #", "  #"},
	'5': {"###", "#  ", "###", "  #", "###"},
	'6': {"###", "#  ", "###", "# #", "###"},
	'7': {"###", "  #", "  #", "  #", "  #"},
	'8': {"###", "# #", "###", "# #", "###"},
	'9': {"###", "# #", "###", "  #", "###"},
	':': {" ", "#", " ", "#", " "},
}

const digitRows = 5

var blankGlyph = [5]string{" ", " ", " ", " ", " "}

// bigText draws s (digits and ':') in the 5-row font. scale 2 doubles each
// cell's width, which looks square in most terminals. Unknown runes are
// drawn as blanks.
func bigText(s string, scale int) []string {
	rows := make([]strings.Builder, digitRows)
	for i, r := range s {
		g, ok := glyphs[r]
		if !ok {
			g = blankGlyph
		}
		for row := range digitRows {
			if i > 0 {
				rows[row].WriteString(strings.Repeat(" ", scale))
			}
			for _, cell := range g[row] {
				ch := " "
				if cell == '#' {
					ch = "█"
				}
				rows[row].WriteString(strings.Repeat(ch, scale))
			}
		}
	}
	out := make([]string, digitRows)
	for i := range rows {
		out[i] = rows[i].String()
	}
	return out
}

// bigWidth is how wide bigText(s, scale) is, without drawing it.
func bigWidth(s string, scale int) int {
	w := 0
	for i, r := range s {
		if i > 0 {
			w += scale
		}
		g, ok := glyphs[r]
		if !ok {
			g = blankGlyph
		}
		w += len(g[0]) * scale
	}
	return w
}
