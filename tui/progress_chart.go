package tui

import (
	"fmt"
	"math"
	"strings"

	"corecoach/storage"
	"corecoach/storage/progress"
)

// The pain charts draw the moving average as a braille line: each
// character cell holds 2×4 dots, so a chart of w columns and h rows has 2w
// days across and 4h levels up. Each day's score is a dotGlyph in its cell,
// a different shape from the line's, so the two differ without colour too;
// where both share a cell the line wins.

// dotGlyph marks a cell holding a day's score.
const dotGlyph = "•"

// visitGlyph marks, in a row under a chart, the column of a therapy visit.
const visitGlyph = "▲"

const axisWidth = 3 // "10┤"

// dotY is the dot row, counted from the bottom, of a pain score in a chart
// of h character rows.
func dotY(v float64, h int) int {
	top := 4*h - 1
	y := int(math.Round(v / maxPain * float64(top)))
	return max(0, min(top, y))
}

// dotX is the dot column of day i of n in a chart of w character columns:
// the first day at the left edge, the last at the right.
func dotX(i, n, w int) int {
	right := 2*w - 1
	if n <= 1 {
		return right
	}
	return (i*right + (n-1)/2) / (n - 1)
}

// chartSpan is how many days a chart of w columns shows: a day per dot
// column, at most chartDays.
func chartSpan(w int) int {
	return max(1, min(chartDays, 2*(w-axisWidth)))
}

// braille is a grid of dots, bit per dot, one byte per character cell.
type braille struct {
	w, h  int
	cells []uint8
}

func newBraille(w, h int) *braille { return &braille{w: w, h: h, cells: make([]uint8, w*h)} }

// The bit of each dot in a braille cell, by column and row from the top.
var brailleBits = [2][4]uint8{{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}}

// set lights the dot at x and y, y counted from the bottom.
func (b *braille) set(x, y int) {
	if x < 0 || y < 0 || x >= 2*b.w || y >= 4*b.h {
		return
	}
	row := b.h - 1 - y/4
	b.cells[row*b.w+x/2] |= brailleBits[x%2][3-y%4]
}

// line joins two dots, lighting every dot column between them and enough
// dots in each to leave no gap.
func (b *braille) line(x0, y0, x1, y1 int) {
	if x1 < x0 {
		x0, y0, x1, y1 = x1, y1, x0, y0
	}
	prev := y0
	for x := x0; x <= x1; x++ {
		y := y0
		if x1 > x0 {
			y = y0 + int(math.Round(float64((y1-y0)*(x-x0))/float64(x1-x0)))
		}
		lo, hi := min(prev, y), max(prev, y)
		for yy := lo; yy <= hi; yy++ {
			b.set(x, yy)
		}
		prev = y
	}
}

func (b *braille) at(col, row int) uint8 { return b.cells[row*b.w+col] }

// plotSeries draws values (nil where there is none) over w×h cells as a
// line, broken only where a value is missing.
func plotSeries(values []*float64, w, h int) *braille {
	b := newBraille(w, h)
	px, py, have := 0, 0, false
	for i, v := range values {
		if v == nil {
			have = false
			continue
		}
		x, y := dotX(i, len(values), w), dotY(*v, h)
		if have {
			b.line(px, py, x, y)
		} else {
			b.set(x, y)
		}
		px, py, have = x, y, true
	}
	return b
}

// dayCells marks the cells of a w×h chart that hold a day's score.
func dayCells(values []*float64, w, h int) []bool {
	cells := make([]bool, w*h)
	for i, v := range values {
		if v != nil {
			cells[(h-1-dotY(*v, h)/4)*w+dotX(i, len(values), w)/2] = true
		}
	}
	return cells
}

// minChartDays keeps a short history from being stretched across the width.
const minChartDays = 28

// shownDays is how many of the last pain days a chart of w columns shows:
// as many as fit, but none before the first score unless the chart would
// then be shorter than minChartDays.
func shownDays(days []progress.PainDay, w int) int {
	first := len(days)
	for i, d := range days {
		if d.Before != nil || d.After != nil {
			first = i
			break
		}
	}
	return min(len(days), chartSpan(w), max(minChartDays, len(days)-first))
}

// painChart draws one series of the pain days over the last shownDays of
// them: the y axis 0..10 at the left, a row marking the therapy visits of
// those days (when there are any), month names below.
func painChart(st Styles, days []progress.PainDay, visits []storage.Visit, after bool, w, h int) []string {
	span := shownDays(days, w)
	days = days[len(days)-span:]
	daily := make([]*float64, span)
	avg := make([]*float64, span)
	for i, d := range days {
		daily[i], avg[i] = d.Before, d.BeforeAvg
		if after {
			daily[i], avg[i] = d.After, d.AfterAvg
		}
	}
	pw := max(1, w-axisWidth)
	dots, line := dayCells(daily, pw, h), plotSeries(avg, pw, h)
	labels := map[int]string{}
	for _, v := range []float64{0, 5, maxPain} {
		labels[h-1-dotY(v, h)/4] = fmt.Sprintf("%2.0f┤", v)
	}
	out := make([]string, 0, h+1)
	for row := range h {
		var b strings.Builder
		if l, ok := labels[row]; ok {
			b.WriteString(st.Faint.Render(l))
		} else {
			b.WriteString(st.Faint.Render("  │"))
		}
		for col := range pw {
			switch l := line.at(col, row); {
			case l != 0:
				b.WriteString(st.BarFull.Render(string(rune(0x2800 + int(l)))))
			case dots[row*pw+col]:
				b.WriteString(st.Faint.Render(dotGlyph))
			default:
				b.WriteByte(' ')
			}
		}
		out = append(out, strings.TrimRight(b.String(), " "))
	}
	if row := visitRow(days, visits, pw); row != "" {
		out = append(out, strings.Repeat(" ", axisWidth)+row)
	}
	return append(out, strings.Repeat(" ", axisWidth)+chartMonths(days, pw))
}

// visitRow puts visitGlyph under the column of each visit dated within
// days, and is "" when there is none.
func visitRow(days []progress.PainDay, visits []storage.Visit, w int) string {
	if len(days) == 0 {
		return ""
	}
	row := []rune(strings.Repeat(" ", w))
	marked := false
	for _, v := range visits {
		d, err := storage.ParseDate(v.Date)
		if i := int(d - days[0].Date); err != nil || i < 0 || i >= len(days) {
			continue
		}
		row[dotX(int(d-days[0].Date), len(days), w)/2] = []rune(visitGlyph)[0]
		marked = true
	}
	if !marked {
		return ""
	}
	return strings.TrimRight(string(row), " ")
}

// visitsShown reports whether a chart of w columns marks any of visits.
func visitsShown(days []progress.PainDay, visits []storage.Visit, w int) bool {
	span := shownDays(days, w)
	return visitRow(days[len(days)-span:], visits, max(1, w-axisWidth)) != ""
}

// chartMonths names each month under the column where it begins.
func chartMonths(days []progress.PainDay, w int) string {
	var b strings.Builder
	for i, d := range days {
		t := d.Date.Time()
		if t.Day() != 1 && i != 0 {
			continue
		}
		col := dotX(i, len(days), w) / 2
		name := t.Format("Jan")
		if i == 0 && t.Day() > 20 {
			continue // the tail of a month: its name would sit on the next one
		}
		if b.Len() > col || col+len(name) > w {
			continue
		}
		b.WriteString(strings.Repeat(" ", col-b.Len()) + name + " ")
	}
	return strings.TrimRight(b.String(), " ")
}
