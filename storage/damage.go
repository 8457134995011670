package storage

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
)

// damaged is the one message for a damaged file: what is wrong, in brackets,
// and what to do. Check gives the same without the advice, since the check
// itself says how to save what the file holds.
func damaged(path, detail string) error {
	return &fileError{kind: ErrDamaged, msg: fmt.Sprintf("database %s is damaged (%s)", path, detail), advice: damageAdvice}
}

const damageAdvice = "; nothing is written to it: 'corecoach check' says how to save what it holds"

// damagedErr reports a panic met inside bbolt, or an error of bbolt's
// inside a transaction, as damage.
func damagedErr(path string, r any) error {
	return damaged(path, damageDetail(r))
}

// damageDetail keeps what a panic or bbolt error says about the file and
// drops Go's own words for it, which mean nothing to the user.
func damageDetail(r any) string {
	var re runtime.Error
	if err, ok := r.(error); ok && errors.As(err, &re) {
		return "a page points outside its bounds"
	}
	s := fmt.Sprint(r)
	for _, prefix := range []string{"panic: ", "assertion failed: "} {
		s = strings.TrimPrefix(s, prefix)
	}
	if low := strings.ToLower(s); strings.Contains(low, "panic") || strings.Contains(low, "runtime error") || s == "" {
		return "a page does not read back"
	}
	return s
}

// WithoutAdvice is err without the advice a damage error ends with, for a
// caller that gives its own (the check command says how to save the file).
func WithoutAdvice(err error) error { return withAdvice(err, "") }
