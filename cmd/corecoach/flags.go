package main

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// allowEmpty is the annotation of a string flag for which "" means
// something. No flag has one yet: an empty --since, --as-of, --db, -o or
// --format is a mistake (often an unset shell variable), not the default.
const allowEmpty = "corecoach_allow_empty"

// requireValues makes every string flag of cmd and its subcommands refuse
// an empty value, so that a flag added later does so too.
func requireValues(cmd *cobra.Command) {
	wrap := func(f *pflag.Flag) {
		if _, ok := f.Annotations[allowEmpty]; ok || f.Value.Type() != "string" {
			return
		}
		if _, done := f.Value.(nonEmptyValue); !done {
			what, _ := pflag.UnquoteUsage(f)
			if what == "" || what == "string" {
				what = "value"
			}
			f.Value = nonEmptyValue{f.Value, what}
		}
	}
	cmd.Flags().VisitAll(wrap)
	cmd.PersistentFlags().VisitAll(wrap)
	for _, sub := range cmd.Commands() {
		requireValues(sub)
	}
}

// errEmptyValue is what nonEmptyValue refuses; flagError words it.
var errEmptyValue = errors.New("empty value")

// nonEmptyValue is a string flag that refuses "". what names its value
// in messages (DATE, FILE), taken from the flag's usage.
type nonEmptyValue struct {
	pflag.Value
	what string
}

func (v nonEmptyValue) Set(s string) error {
	if s == "" {
		return errEmptyValue
	}
	return v.Value.Set(s)
}

// flagError rewords pflag's "invalid argument" errors as one sentence
// that names the flag and says what it takes.
func flagError(err error) error {
	var ive *pflag.InvalidValueError
	if !errors.As(err, &ive) {
		return err
	}
	f := ive.GetFlag()
	name := "--" + f.Name
	if f.Shorthand != "" {
		name = "-" + f.Shorthand + "/" + name
	}
	switch {
	case errors.Is(err, errEmptyValue):
		what := "value"
		if v, ok := f.Value.(nonEmptyValue); ok {
			what = v.what
		}
		return fmt.Errorf("%s cannot be empty; give a %s or leave the flag out", name, what)
	case f.Value.Type() == "bool":
		return fmt.Errorf("%s takes true or false, not %s", name, strconv.Quote(ive.GetValue()))
	}
	return err
}
