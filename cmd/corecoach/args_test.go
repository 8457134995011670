package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// Argument mistakes are usage errors (exit 2) that say, in the words of the
// command's Use line, what is missing or extra.
func TestArgumentErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"routine", "show"}, "corecoach: routine show needs ROUTINE (see 'corecoach routine show --help')\n"},
		{[]string{"routine", "show", "a", "b"}, `corecoach: routine show takes one ROUTINE, not 2; "b" is extra (see 'corecoach routine show --help')` + "\n"},
		{[]string{"routine", "print"}, "routine print needs ROUTINE (see 'corecoach routine print --help')"},
		{[]string{"routine", "add", "a", "b", "c"}, `routine add takes one FILE, not 3; "b" and 1 more are extra`},
		{[]string{"routine", "validate"}, "routine validate needs at least one FILE (see 'corecoach routine validate --help')"},
		{[]string{"routine", "list", "all"}, `routine list takes no arguments; "all" is extra (see 'corecoach routine list --help')`},
		{[]string{"routine", "new", "x\x1b[2J"}, `routine new takes no arguments; "x\x1b[2J" is extra`},
		{[]string{"exercise", "show"}, "exercise show needs ID (see 'corecoach exercise show --help')"},
		{[]string{"exercise", "list", "plank"}, `exercise list takes no arguments; "plank" is extra`},
		{[]string{"run", "a", "b"}, `run takes at most one ROUTINE, not 2; "b" is extra (see 'corecoach run --help')`},
		{[]string{"import"}, "import needs FILE (see 'corecoach import --help')"},
		{[]string{"stats", "today"}, `stats takes no arguments; "today" is extra (see 'corecoach stats --help')`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, stdout, stderr := runIn(t, dir, tt.args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d", code, exitUsage)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr lacks %q:\n%s", tt.want, stderr)
			}
			if strings.Contains(stderr, "arg(s)") || strings.ContainsRune(stderr, '\x1b') || stdout != "" {
				t.Errorf("stdout %q, stderr %q", stdout, stderr)
			}
		})
	}
}

func TestArgsProblem(t *testing.T) {
	tests := []struct {
		use  string
		args []string
		want string
	}{
		{"copy SRC DST", nil, "copy needs SRC and DST"},
		{"copy SRC DST", []string{"a"}, "copy needs DST"},
		{"copy SRC DST", []string{"a", "b"}, ""},
		{"copy SRC DST", []string{"a", "b", "c"}, `copy takes SRC and DST, not 3; "c" is extra`},
		{"tag NAME [VALUE]", nil, "tag needs NAME"},
		{"tag NAME [VALUE]", []string{"a", "b", "c", "d"}, `tag takes at most NAME and VALUE, not 4; "c" and 1 more are extra`},
		{"add FILE...", nil, "add needs at least one FILE"},
		{"add FILE...", []string{"a", "b", "c"}, ""},
		{"join SEP FILE...", []string{","}, "join needs at least one FILE"},
		{"list", []string{"a", "b"}, `list takes no arguments; "a" and 1 more are extra`},
		{"list", nil, ""},
		{"", []string{"a"}, ""},
	}
	for _, tt := range tests {
		root := &cobra.Command{Use: "corecoach"}
		cmd := &cobra.Command{Use: tt.use}
		root.AddCommand(cmd)
		if got := argsProblem(cmd, tt.args); got != tt.want {
			t.Errorf("argsProblem(%q, %q) = %q, want %q", tt.use, tt.args, got, tt.want)
		}
	}
}

// When the Use line does not explain the mistake, cobra's own words stay.
func TestWrapArgsFallsBack(t *testing.T) {
	root := &cobra.Command{Use: "corecoach"}
	cmd := &cobra.Command{Use: "show ID"}
	root.AddCommand(cmd)
	err := exactArgs(2)(cmd, []string{"a"})
	if exitCode(err) != exitUsage {
		t.Fatalf("exit code %d for %v, want %d", exitCode(err), err, exitUsage)
	}
	var b bytes.Buffer
	printError(&b, root, err)
	if want := "accepts 2 arg(s), received 1 (see 'corecoach show --help')"; !strings.Contains(b.String(), want) {
		t.Errorf("error %q lacks %q", b.String(), want)
	}
}

// Whatever the Use line and the arguments, argsProblem never panics, and
// arguments reach the message only quoted.
func FuzzArgsProblem(f *testing.F) {
	f.Add("show ROUTINE", "a\x00b")
	f.Add("tag NAME [VALUE]...", "")
	f.Add("[", "\x1b]0;x\a")
	f.Fuzz(func(t *testing.T, use, joined string) {
		root := &cobra.Command{Use: "corecoach"}
		cmd := &cobra.Command{Use: use}
		root.AddCommand(cmd)
		args := strings.Split(joined, "\x00")
		msg := argsProblem(cmd, args)
		for _, a := range args {
			if strings.ContainsAny(a, "\x1b\a") && strings.Contains(msg, a) {
				t.Errorf("argsProblem(%q, %q) = %q quotes an argument raw", use, args, msg)
			}
		}
	})
}
