package main

import (
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// newHelpCmd is `corecoach help [COMMAND]`. Unlike cobra's own, it refuses
// a topic it does not know (exit 2) instead of showing the main help.
func newHelpCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "help [COMMAND]",
		Short: "Help about any command",
		Long:  "help shows the help of a command: corecoach help routine print is corecoach routine print --help.",
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			cmd, _, err := c.Root().Find(args)
			if err != nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var names []cobra.Completion
			for _, sub := range cmd.Commands() {
				if sub.IsAvailableCommand() && strings.HasPrefix(sub.Name(), toComplete) {
					names = append(names, cobra.CompletionWithDesc(sub.Name(), sub.Short))
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			cmd, rest, err := c.Root().Find(args)
			if err != nil || len(rest) > 0 {
				return usageErrorf("no help for %q: there is no such command", strings.Join(args, " "))
			}
			cmd.InitDefaultHelpFlag()
			return cmd.Help()
		},
	}
}

// fixCompletionCmd makes `completion` with an unknown shell a usage error;
// cobra's own shows its help and exits 0.
func fixCompletionCmd(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.Args = groupArgs
			c.RunE = func(cmd *cobra.Command, _ []string) error { return cmd.Help() }
		}
	}
}

// Help layout. fang renders help, but it lays it out 120 columns wide when
// standard output is not a terminal, reads neither $COLUMNS nor any option
// for the width, and never wraps the descriptions of flags and commands.
const (
	helpMaxWidth = 120 // fang's own limit
	helpDefault  = 80  // when neither $COLUMNS nor a terminal says
	helpIndent   = 4   // fang's indent of the flag and command lists
	helpLongPad  = 2   // fang's indent of the long description
	helpMinSpace = 10  // fang's narrowest column of flag and command names
	helpMinText  = 20  // never wrap descriptions narrower than this
	// fangWidth is how fang can be told the width (the variable its own
	// tests use); it reads it once, at the first help it renders.
	fangWidth = "__FANG_TEST_WIDTH"
)

// helpWidth is the width help is laid out for: $COLUMNS when set (so
// `COLUMNS=80 corecoach --help > file` gives 80), else the width of the
// terminal stdout is, else 80; at most 120.
func helpWidth(stdout io.Writer, getenv func(string) string) int {
	w := helpDefault
	if n, err := strconv.Atoi(getenv("COLUMNS")); err == nil && n > 0 {
		w = n
	} else if f, ok := stdout.(*os.File); ok {
		if n, _, err := term.GetSize(f.Fd()); err == nil && n > 0 {
			w = n
		}
	}
	return min(w, helpMaxWidth)
}

// fitHelp lays the help of root and every subcommand out for width
// columns: fang wraps the long descriptions to it, and the descriptions in
// the flag and command lists are wrapped here, beside the widest name of
// any list they appear in. Long texts are paragraphs without hard line
// breaks, so that fang can wrap them.
func fitHelp(root *cobra.Command, width int) {
	os.Setenv(fangWidth, strconv.Itoa(width))
	root.InitDefaultHelpCmd()
	nameColumn := map[*pflag.Flag]int{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		column := helpNameColumn(c)
		note := func(f *pflag.Flag) { nameColumn[f] = max(nameColumn[f], column) }
		c.LocalFlags().VisitAll(note)
		c.InheritedFlags().VisitAll(note)
		for _, sub := range c.Commands() {
			if !sub.Hidden {
				sub.Short = wrapText(sub.Short, width-helpIndent-column)
			}
			walk(sub)
		}
		if c.Long != "" {
			c.Long = wrapText(c.Long, width-helpLongPad)
		}
	}
	walk(root)
	for f, column := range nameColumn {
		suffix := 0 // fang adds " (default)" to the last line
		if d := f.DefValue; d != "" && d != "false" && d != "0" && d != "[]" {
			suffix = len(" ()") + len(d)
		}
		f.Usage = wrapText(strings.ReplaceAll(f.Usage, "`", ""), width-helpIndent-column-suffix)
	}
}

// helpNameColumn is how wide fang makes the column of names in c's help:
// the widest name of a subcommand or flag, and two spaces.
func helpNameColumn(c *cobra.Command) int {
	widest := len("-h --help")
	if !c.HasParent() {
		widest = len("-v --version")
	}
	for _, sub := range c.Commands() {
		if !sub.Hidden {
			widest = max(widest, len(helpCommandName(sub)))
		}
	}
	name := func(f *pflag.Flag) {
		n := "--" + f.Name
		if f.Shorthand != "" {
			n = "-" + f.Shorthand + " " + n
		}
		widest = max(widest, len(n))
	}
	c.LocalFlags().VisitAll(name)
	c.InheritedFlags().VisitAll(name)
	return max(helpMinSpace, widest+2)
}

// helpCommandName is a subcommand as fang lists it: its Use line with
// "[command]" when it has subcommands, its bracketed operands after the
// others, and "[--flags]" (every command has --db).
func helpCommandName(c *cobra.Command) string {
	use, optional, _ := strings.Cut(c.Use, "[")
	name := strings.TrimSpace(use)
	if c.HasAvailableSubCommands() {
		name += " [command]"
	}
	if optional != "" {
		name += " [" + strings.TrimSpace(optional)
	}
	return name + " [--flags]"
}

// wrapText wraps each paragraph of s at spaces to lines of at most width
// cells. Unlike fang's wrapping, it never breaks a word at a hyphen, which
// would cut a flag or a routine id in two; only a word wider than a line
// is broken, after a slash where it can be.
func wrapText(s string, width int) string {
	width = max(width, helpMinText)
	paragraphs := strings.Split(s, "\n")
	for i, p := range paragraphs {
		var b strings.Builder
		col := 0
		for _, word := range strings.Fields(p) {
			w := ansi.StringWidth(word)
			switch {
			case col == 0:
			case col+1+w <= width:
				b.WriteByte(' ')
				col++
			default:
				b.WriteByte('\n')
				col = 0
			}
			if w > width {
				word = ansi.Wrap(word, width, "/")
				w = ansi.StringWidth(word[strings.LastIndexByte(word, '\n')+1:])
			}
			b.WriteString(word)
			col += w
		}
		paragraphs[i] = b.String()
	}
	return strings.Join(paragraphs, "\n")
}
