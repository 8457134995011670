package tui

import (
	"strings"

	"charm.land/lipgloss/v2"

	"corecoach/storage"
)

// cellKind is how the heatmap draws a day. Each kind has its own character,
// so the calendar reads without colour.
type cellKind int

const (
	cellBlank    cellKind = iota // before the first session, or after today
	cellRest                     // not scheduled
	cellMissed                   // scheduled, nothing done
	cellPartial                  // only partial sessions (stopped early or mostly skipped)
	cellDue                      // today, not done yet
	cellDone                     // one completed session
	cellDoneMore                 // two or more
)

// classify gives the cell of a day of storage.DayStatuses.
func classify(d storage.Day) cellKind {
	switch d.Status {
	case storage.DayDone:
		if d.Completed > 1 {
			return cellDoneMore
		}
		return cellDone
	case storage.DayDue:
		return cellDue
	case storage.DayMissed, storage.DayRest:
		if d.Sessions > 0 {
			return cellPartial
		}
		if d.Status == storage.DayRest {
			return cellRest
		}
		return cellMissed
	}
	return cellBlank
}

var cellGlyphs = [...]string{" ", "·", "×", "◌", "○", "●", "◉"}

func (k cellKind) glyph() string { return cellGlyphs[k] }

func (k cellKind) style(st Styles) lipgloss.Style {
	switch k {
	case cellDone:
		return st.Good
	case cellDoneMore:
		return st.Good.Bold(true)
	case cellMissed, cellPartial:
		return st.Warn
	case cellDue:
		return st.Selected
	}
	return st.Faint
}

// calendarLegend names every kind, in the order a user meets them.
var calendarLegend = []struct {
	k    cellKind
	text string
}{
	{cellDone, "done"},
	{cellDoneMore, "2+ sessions"},
	{cellPartial, "partial"},
	{cellMissed, "missed"},
	{cellRest, "rest day"},
	{cellDue, "today, to do"},
}

const (
	weekdayLabels = "MoTuWeThFrSaSu"
	labelWidth    = 3 // "Mo "
	todayMark     = " ◂ today"
)

// calendarLayout fits the weeks to the width: two columns a week when all
// of them fit so, else one, else as many recent weeks as fit.
func calendarLayout(weeks, w int) (shown, cellW int) {
	room := w - labelWidth - lipgloss.Width(todayMark)
	switch {
	case room >= 2*weeks:
		return weeks, 2
	case room >= weeks:
		return weeks, 1
	}
	return max(1, room), 1
}

// calendarView draws the days (whole weeks from a Monday) as a heatmap:
// weeks as columns, weekdays as rows, month names above, today marked.
func calendarView(st Styles, days []storage.Day, asOf storage.Date, w int) []string {
	weeks := len(days) / 7
	if weeks == 0 {
		return nil
	}
	shown, cellW := calendarLayout(weeks, w)
	days = days[(weeks-shown)*7 : weeks*7]
	lines := []string{strings.Repeat(" ", labelWidth) + monthRow(days, shown, cellW)}
	for wd := range 7 {
		var b strings.Builder
		b.WriteString(st.Faint.Render(weekdayLabels[2*wd:2*wd+2]) + " ")
		today := false
		for wk := range shown {
			d := days[wk*7+wd]
			k := classify(d)
			if d.Date == asOf && k == cellBlank {
				k = cellDue // today is marked even before any history
			}
			style := k.style(st)
			if d.Date == asOf {
				today = true
				style = style.Reverse(true)
			}
			if k == cellBlank {
				b.WriteByte(' ') // unstyled, so the row's end trims
			} else {
				b.WriteString(style.Render(k.glyph()))
			}
			if cellW == 2 && wk < shown-1 {
				b.WriteByte(' ')
			}
		}
		if today {
			b.WriteString(st.Selected.Render(todayMark))
		}
		lines = append(lines, strings.TrimRight(b.String(), " "))
	}
	return lines
}

// monthRow puts a month's short name above its first Monday's week, and
// the first month's above the first week when there is room for it.
func monthRow(days []storage.Day, weeks, cellW int) string {
	type label struct {
		col  int
		text string
	}
	var labels []label
	for wk := range weeks {
		if mon := days[wk*7].Date.Time(); mon.Day() <= 7 {
			labels = append(labels, label{wk * cellW, mon.Format("Jan")})
		}
	}
	const labelRoom = len("Jan ")
	if first := days[0].Date.Time(); first.Day() > 7 && (len(labels) == 0 || labels[0].col >= labelRoom) {
		labels = append([]label{{0, first.Format("Jan")}}, labels...)
	}
	var b strings.Builder
	for _, l := range labels {
		if b.Len() > l.col {
			continue // would run into the one before
		}
		b.WriteString(strings.Repeat(" ", l.col-b.Len()) + l.text + " ")
	}
	return strings.TrimRight(b.String(), " ")
}

// legendView lays the legend out in as many lines as the width needs.
func legendView(st Styles, w int) []string {
	var lines []string
	line := ""
	for _, l := range calendarLegend {
		item := l.k.style(st).Render(l.k.glyph()) + " " + l.text
		switch {
		case line == "":
			line = item
		case lipgloss.Width(line)+2+lipgloss.Width(item) <= w:
			line += "  " + item
		default:
			lines = append(lines, line)
			line = item
		}
	}
	return append(lines, line)
}
