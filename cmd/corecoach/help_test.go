package main

import (
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
)

// commandPaths lists every command a user can ask help for.
func commandPaths() [][]string {
	a := &app{stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" }}
	var paths [][]string
	var walk func(c *cobra.Command, path []string)
	walk = func(c *cobra.Command, path []string) {
		paths = append(paths, path)
		for _, sub := range c.Commands() {
			if !sub.Hidden {
				walk(sub, append(append([]string{}, path...), sub.Name()))
			}
		}
	}
	walk(newRootCmd(a), nil)
	return paths
}

// Help fits the width it is read at, and keeps every word of a command's
// description whole: $COLUMNS when set, else 80 when not a terminal.
func TestHelpFitsWidth(t *testing.T) {
	bin := buildBinary(t)
	a := &app{stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" }}
	root := newRootCmd(a)
	for _, width := range []int{0, 60, 80, 100} {
		want := width
		env := append(os.Environ(), "NO_COLOR=1", "COLUMNS=")
		if width == 0 {
			want = 80
		} else {
			env = append(env, "COLUMNS="+strconv.Itoa(width))
		}
		for _, path := range commandPaths() {
			cmd := exec.Command(bin, append(path, "--help")...)
			cmd.Env = env
			out, err := cmd.Output()
			name := strings.Join(append([]string{"corecoach"}, path...), " ")
			if err != nil {
				t.Fatalf("%s --help at %d: %v", name, width, err)
			}
			for _, line := range strings.Split(string(out), "\n") {
				if w := ansi.StringWidth(line); w > want {
					t.Errorf("%s --help at %d: a line of %d columns: %q", name, width, w, line)
				}
			}
			c, _, err := root.Find(path)
			if err != nil {
				t.Fatal(err)
			}
			words := strings.Fields(string(out))
			for _, word := range strings.Fields(c.Long) {
				if !containsString(words, word) {
					t.Errorf("%s --help at %d: %q is cut", name, width, word)
				}
			}
		}
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// In an 80-column terminal no line of help is wider than the terminal.
func TestHelpInTerminal(t *testing.T) {
	bin := buildBinary(t)
	t.Setenv("COLUMNS", "")
	term := startTerminal(t, bin, "stats", "--help")
	if code := term.exitCode(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	term.waitFor("FLAGS")
	for _, line := range strings.Split(term.output(), "\n") {
		line = strings.TrimRight(ansi.Strip(line), "\r")
		if w := ansi.StringWidth(line); w > 80 {
			t.Errorf("a line of %d columns: %q", w, line)
		}
	}
}

// A long description is paragraphs; a single line break inside one would
// be a hard wrap that breaks on a narrow terminal.
func TestLongTextsAreParagraphs(t *testing.T) {
	a := &app{stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" }}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if strings.Contains(strings.ReplaceAll(c.Long, "\n\n", ""), "\n") {
			t.Errorf("%s: a hard line break in Long: %q", c.CommandPath(), c.Long)
		}
		for _, sub := range c.Commands() {
			if !sub.Hidden {
				walk(sub)
			}
		}
	}
	walk(newRootCmd(a))
}
