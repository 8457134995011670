package tui

import "strings"

// pager shows a list of lines in a window of h rows. When the list does not
// fit it scrolls, with a last row that says there is more, and it notes when
// the end has been on screen: the safety screen believes "none applies" only
// then, and the session's panels use it so that no red flag or cue is cut
// off in a small window.
type pager struct {
	top  int  // first line shown
	read bool // the end of the list has been on screen
	h    int
}

// rows is how many lines of n fit: all the height when they do, else one
// less, for the "more below" line.
func (p *pager) rows(n int) int {
	if n <= p.h {
		return p.h
	}
	return max(1, p.h-1)
}

// scroll moves the window by by lines over a list of n lines, within it,
// and notes when its end is on screen.
func (p *pager) scroll(n, by int) {
	rows := p.rows(n)
	p.top = max(0, min(p.top+by, n-rows))
	if p.top+rows >= n && p.h > 0 {
		p.read = true
	}
}

// view is the lines in view, and under them, when the list is cut, "↓ more
// below" or, at the end, end (faint).
func (p *pager) view(lines []string, faint func(...string) string, end string) string {
	rows := p.rows(len(lines))
	if len(lines) <= rows {
		return strings.Join(lines, "\n")
	}
	top := min(p.top, len(lines)-rows)
	hint := "↓ more below"
	if top+rows >= len(lines) {
		hint = end
	}
	return strings.Join(lines[top:top+rows], "\n") + "\n" + faint(hint)
}
