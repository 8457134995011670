package routines

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong with a routine file, at a position when there
// is one (Line and Col are 1-based; 0 when there is no position).
type Problem struct {
	File      string
	Line, Col int
	Msg       string
}

func (p Problem) String() string {
	if p.Line == 0 {
		return fmt.Sprintf("%s: %s", ShowName(p.File), p.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", ShowName(p.File), p.Line, p.Col, p.Msg)
}

// ProblemList is every problem found in a file, in the order of the file.
type ProblemList []Problem

// Error is one `FILE:LINE:COL: message` per line.
func (l ProblemList) Error() string {
	lines := make([]string, len(l))
	for i, p := range l {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}
