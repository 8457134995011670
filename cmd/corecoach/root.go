package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"charm.land/fang/v2"

	"corecoach/storage"
	"github.com/spf13/cobra"
)

// Exit codes, as docs/using-corecoach.md lists them.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// app holds what every command shares: the resolved global flags and the
// output streams. It is passed to command constructors, never kept global.
type app struct {
	dbFlag  string
	stdin   io.Reader // answers to questions, such as routine add's
	stdout  io.Writer
	stderr  io.Writer
	getenv  func(string) string
	homeDir func() (string, error)
	now     func() time.Time // the clock for "today" and for what is stamped with a time
	// interactive, when set, says whether a question can be asked; else
	// promptable asks whether stdin and stdout are terminals.
	interactive func() bool
	// leftOut are the damaged records reads left out while the command
	// went on with the rest: named when it ends, which is then a failure.
	leftOut []error
}

// dbPath resolves the database path: --db, then CORECOACH_DB, then
// $XDG_DATA_HOME/corecoach/corecoach.db, then ~/.local/share/corecoach/corecoach.db.
func (a *app) dbPath() (string, error) {
	if a.dbFlag != "" {
		return a.dbFlag, nil
	}
	if p := a.getenv("CORECOACH_DB"); p != "" {
		return p, nil
	}
	if dir := a.getenv("XDG_DATA_HOME"); filepath.IsAbs(dir) {
		return filepath.Join(dir, "corecoach", "corecoach.db"), nil
	}
	home, err := a.homeDir()
	if err != nil || home == "" {
		return "", errors.New("cannot find a home folder for the database; set --db or CORECOACH_DB")
	}
	return filepath.Join(home, ".local", "share", "corecoach", "corecoach.db"), nil
}

// usageError marks a mistake in how the command was called (exit 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usageErrorf(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// exitError lets a command choose its exit code after printing its own
// output, such as `routine validate` listing every problem.
type exitError struct {
	code int
	err  error
}

func (e exitError) Error() string { return e.err.Error() }
func (e exitError) Unwrap() error { return e.err }

// silentExit ends with code without printing anything more.
var errSilent = errors.New("")

func silentExit(code int) error { return exitError{code: code, err: errSilent} }

// args validators that report usage errors (exit 2), in words taken from
// the command's Use line rather than cobra's "accepts 1 arg(s)".
func wrapArgs(v cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := v(cmd, args); err != nil {
			msg := argsProblem(cmd, args)
			if msg == "" {
				msg = err.Error()
			}
			return usageErrorf("%s (see '%s --help')", msg, cmd.CommandPath())
		}
		return nil
	}
}

// argsProblem says what is missing from args or extra in them, judged by
// the operands of cmd.Use: NAME is required, [NAME] optional, NAME... one
// or more. It is "" when the Use line does not explain the error.
func argsProblem(cmd *cobra.Command, args []string) string {
	var names, required []string
	many := false
	fields := strings.Fields(cmd.Use)
	if len(fields) == 0 {
		return ""
	}
	for _, f := range fields[1:] {
		name := strings.TrimSuffix(strings.Trim(f, "[]"), "...")
		many = many || strings.HasSuffix(f, "...")
		names = append(names, name)
		if !strings.HasPrefix(f, "[") {
			required = append(required, name)
		}
	}
	name := strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")
	switch {
	case len(args) < len(required):
		missing := required[len(args):]
		if many && len(missing) == 1 {
			return fmt.Sprintf("%s needs at least one %s", name, missing[0])
		}
		return fmt.Sprintf("%s needs %s", name, strings.Join(missing, " and "))
	case many || len(args) <= len(names):
		return ""
	case len(names) == 0:
		return fmt.Sprintf("%s takes no arguments; %s", name, extraArgs(args))
	}
	takes := strings.Join(names, " and ")
	if len(names) == 1 {
		takes = "one " + names[0]
	}
	if len(required) < len(names) {
		takes = "at most " + takes
	}
	return fmt.Sprintf("%s takes %s, not %d; %s", name, takes, len(args), extraArgs(args[len(names):]))
}

// extraArgs names the arguments left over, quoted so that nothing in them
// can drive the terminal.
func extraArgs(extra []string) string {
	if len(extra) == 1 {
		return fmt.Sprintf("%q is extra", extra[0])
	}
	return fmt.Sprintf("%q and %d more are extra", extra[0], len(extra)-1)
}

var (
	noArgs      = wrapArgs(cobra.NoArgs)
	exactArgs   = func(n int) cobra.PositionalArgs { return wrapArgs(cobra.ExactArgs(n)) }
	maxArgs     = func(n int) cobra.PositionalArgs { return wrapArgs(cobra.MaximumNArgs(n)) }
	minimumArgs = func(n int) cobra.PositionalArgs { return wrapArgs(cobra.MinimumNArgs(n)) }
)

// groupCmd is a command that only holds subcommands: run bare, it shows its
// help; with an unknown subcommand it is a usage error.
func groupCmd(use, short string) *cobra.Command {
	return &cobra.Command{
		Use:   use,
		Short: short,
		Args:  groupArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
}

// groupArgs refuses what a command that only holds subcommands cannot run.
func groupArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageErrorf("unknown command %q for %q", args[0], cmd.CommandPath())
	}
	return nil
}

// noColorValue is the --no-color flag. Setting it sets NO_COLOR, which every
// part of the stack (help, errors, the terminal UI) already honours.
type noColorValue bool

func (v *noColorValue) Set(s string) error {
	b, err := strconv.ParseBool(s)
	if err != nil {
		return err // reported by flagError as a usage error
	}
	*v = noColorValue(b)
	if b {
		return os.Setenv("NO_COLOR", "1")
	}
	return nil
}
func (v *noColorValue) String() string { return fmt.Sprint(bool(*v)) }
func (v *noColorValue) Type() string   { return "bool" }
func (v *noColorValue) IsBoolFlag() bool {
	return true
}

func newRootCmd(a *app) *cobra.Command {
	root := &cobra.Command{
		Use:   "corecoach",
		Short: "A terminal coach for daily core exercise and back care",
		Long: "corecoach steps you through timed core routines (planks, bridges, bird dogs, stretches), " +
			"checks your pain before and after, and keeps your history, streaks and pain trend " +
			"in one private local file. Run it with no command to open the home screen.",
		Args:          groupArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{flagError(err)} })
	root.PersistentFlags().StringVar(&a.dbFlag, "db", "", "database `FILE` (default $CORECOACH_DB, else $XDG_DATA_HOME/corecoach/corecoach.db)")
	var noColor noColorValue
	f := root.PersistentFlags().VarPF(&noColor, "no-color", "", "plain output without colour (also NO_COLOR)")
	f.NoOptDefVal = "true"
	root.CompletionOptions.HiddenDefaultCmd = true

	registerCommands(root, a)
	root.SetHelpCommand(newHelpCmd())
	fixCompletionCmd(root)
	requireValues(root)
	return root
}

// registerCommands adds every working subcommand, and the home screen as the
// root's own action. Each command lives in its own file.
func registerCommands(root *cobra.Command, a *app) {
	root.RunE = homeRunE(a)
	root.AddCommand(newRunCmd(a))
	root.AddCommand(newHistoryCmd(a))
	root.AddCommand(newExportCmd(a))
	root.AddCommand(newImportCmd(a))
	root.AddCommand(newCheckCmd(a))
	root.AddCommand(newStatsCmd(a))
	root.AddCommand(newReportCmd(a))
	root.AddCommand(newRoutineCmd(a))
	root.AddCommand(newExerciseCmd(a))
	root.AddCommand(newVisitCmd(a))
	root.AddCommand(newTodayCmd(a))
	root.AddCommand(newScheduleCmd(a))
}

// version reports the module version and commit from the build info.
func version() (ver, commit string) {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown", ""
	}
	ver = info.Main.Version
	if ver == "" || ver == "(devel)" {
		ver = "devel"
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" {
			commit = s.Value
		}
	}
	return ver, commit
}

// run executes the command line and returns the process exit code.
func run(args []string, stdout, stderr io.Writer) int {
	return newApp(stdout, stderr).run(args)
}

// newApp is the app of a real process: its environment and the wall clock.
func newApp(stdout, stderr io.Writer) *app {
	return &app{stdin: os.Stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv, homeDir: os.UserHomeDir, now: time.Now}
}

// run executes the command line with a's streams, environment and clock.
func (a *app) run(args []string) int {
	root := newRootCmd(a)
	fitHelp(root, helpWidth(a.stdout, a.getenv))
	root.SetArgs(args)
	ver, commit := version()
	err := fang.Execute(context.Background(), root,
		fang.WithVersion(ver),
		fang.WithCommit(commit),
		fang.WithErrorHandler(func(w io.Writer, _ fang.Styles, err error) { printError(w, root, err) }),
	)
	if left := storage.MergeLeftOut(a.leftOut...); left != nil {
		printError(a.stderr, root, left)
		if err == nil {
			return exitFailure
		}
	}
	return exitCode(err)
}

// printError writes one clear line to stderr, and for usage errors a hint.
func printError(w io.Writer, root *cobra.Command, err error) {
	if errors.Is(err, errSilent) {
		return
	}
	msg := strings.TrimSpace(err.Error())
	fmt.Fprintf(w, "corecoach: %s\n", msg)
	if exitCode(err) == exitUsage {
		fmt.Fprintf(w, "Run '%s --help' for usage.\n", root.Name())
	}
}

func exitCode(err error) int {
	if err == nil {
		return exitOK
	}
	var ee exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	var ue usageError
	if errors.As(err, &ue) || isCobraUsageError(err) {
		return exitUsage
	}
	return exitFailure
}

// isCobraUsageError catches the flag errors cobra reports before our flag
// error func can wrap them (for instance on the help and version paths).
func isCobraUsageError(err error) bool {
	s := err.Error()
	for _, prefix := range []string{"unknown flag:", "unknown shorthand flag:", "flag needs an argument:", "invalid argument ", "unknown command "} {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}
