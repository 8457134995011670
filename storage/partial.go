package storage

import (
	"errors"
	"fmt"
	"strings"
)

// LeftOut is the error of a read that left out stored records that do not
// read back: what the read returned is every other record. It is
// ErrDamaged. Commands that can go on with the rest (history, export,
// stats, report) write what they have, name each record left out, and
// exit 1; the file is never written to (see ReadOnlyReason).
type LeftOut struct {
	Path    string
	Records []string // each record left out: what it is, and why it does not read back
}

func (e *LeftOut) Error() string {
	var b strings.Builder
	n := len(e.Records)
	verb := "records do not read back and were"
	if n == 1 {
		verb = "record does not read back and was"
	}
	fmt.Fprintf(&b, "database %s is damaged: %d %s left out", e.Path, n, verb)
	for i, r := range e.Records {
		if i == maxListed {
			fmt.Fprintf(&b, "\n  and %d more", n-maxListed)
			break
		}
		b.WriteString("\n  " + r)
	}
	b.WriteString("\n'corecoach check' says how to save what the file holds")
	return b.String()
}

func (e *LeftOut) Unwrap() error { return ErrDamaged }

// leftOut gathers the records a read skips.
type leftOut struct {
	path    string
	records []string
}

func (l *leftOut) add(format string, args ...any) {
	l.records = append(l.records, fmt.Sprintf(format, args...))
}

// err is nil when nothing was left out.
func (l *leftOut) err() error {
	if len(l.records) == 0 {
		return nil
	}
	return &LeftOut{Path: l.path, Records: l.records}
}

// CollectLeftOut is for a read that can go on with what it got: a
// *LeftOut err is added to left and nil returned; any other error is
// returned as it is. MergeLeftOut(left...) is then the error to return
// with the result.
func CollectLeftOut(err error, left *[]error) error {
	var lo *LeftOut
	if errors.As(err, &lo) {
		*left = append(*left, lo)
		return nil
	}
	return err
}

// MergeLeftOut joins the LeftOut errors of several reads of one file into
// one, naming each record once; any other error is returned as it is.
func MergeLeftOut(errs ...error) error {
	var merged *LeftOut
	seen := map[string]bool{}
	for _, err := range errs {
		lo, ok := err.(*LeftOut)
		switch {
		case err == nil:
			continue
		case !ok:
			return err
		case merged == nil:
			merged = &LeftOut{Path: lo.Path}
		}
		for _, r := range lo.Records {
			if !seen[r] {
				seen[r] = true
				merged.Records = append(merged.Records, r)
			}
		}
	}
	if merged == nil {
		return nil
	}
	return merged
}
