package main

import (
	"strings"
	"testing"
)

// Values that mean nothing are usage errors (exit 2) with one sentence
// naming the flag or word at fault, and nothing on standard output.
func TestMeaninglessValues(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"export", "-o", ""}, "-o/--output cannot be empty; give a FILE or leave the flag out"},
		{[]string{"export", "--output="}, "-o/--output cannot be empty; give a FILE or leave the flag out"},
		{[]string{"report", "-o", ""}, "-o/--output cannot be empty"},
		{[]string{"routine", "print", "core-basics", "-o", ""}, "-o/--output cannot be empty"},
		{[]string{"routine", "new", "-o", ""}, "-o/--output cannot be empty"},
		{[]string{"history", "--since", ""}, "--since cannot be empty; give a DATE or leave the flag out"},
		{[]string{"report", "--since="}, "--since cannot be empty; give a DATE"},
		{[]string{"stats", "--as-of", ""}, "--as-of cannot be empty; give a DATE or leave the flag out"},
		{[]string{"report", "--format", ""}, "--format cannot be empty; give a FORMAT"},
		{[]string{"routine", "print", "core-basics", "--format="}, "--format cannot be empty; give a FORMAT"},
		{[]string{"--db", "", "routine", "list"}, "--db cannot be empty; give a FILE or leave the flag out"},
		{[]string{"--no-color=maybe"}, `--no-color takes true or false, not "maybe"`},
		{[]string{"--no-color=", "routine", "list"}, `--no-color takes true or false, not ""`},
		{[]string{"stats", "--json=maybe"}, `--json takes true or false, not "maybe"`},
		{[]string{"history", "--csv=2"}, `--csv takes true or false, not "2"`},
		{[]string{"help", "bogus"}, `no help for "bogus": there is no such command`},
		{[]string{"help", "routine", "bogus"}, `no help for "routine bogus": there is no such command`},
		{[]string{"completion", "bogus"}, `unknown command "bogus" for "corecoach completion"`},
		{[]string{"routine", "bogus"}, `unknown command "bogus" for "corecoach routine"`},
		{[]string{"history", "--since", "yesterday"}, "--since"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, stdout, stderr := runIn(t, dir, tt.args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d", code, exitUsage)
			}
			if !strings.HasPrefix(stderr, "corecoach: ") || !strings.Contains(stderr, tt.want) || !strings.Contains(stderr, "--help") {
				t.Errorf("stderr lacks %q and a hint:\n%s", tt.want, stderr)
			}
			if strings.Count(stderr, "\n") != 2 || stdout != "" {
				t.Errorf("stdout %q, stderr %q", stdout, stderr)
			}
		})
	}
}

// What the checks above must not catch: the values that mean something.
func TestMeaningfulValues(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"--no-color", "routine", "list"},
		{"--no-color=false", "routine", "list"},
		{"--no-color=1", "routine", "list"},
		{"stats", "--json=true"},
		{"history", "--since", "2026-01-01"},
		{"help", "routine", "print"},
		{"help"},
		{"completion"},
		{"completion", "bash"},
	} {
		if code, _, stderr := runIn(t, dir, args...); code != 0 {
			t.Errorf("%q: exit %d, stderr %q", args, code, stderr)
		}
	}
}
