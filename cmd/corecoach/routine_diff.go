package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"corecoach/routines"
	"corecoach/storage"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
)

func newRoutineDiffCmd(a *app) *cobra.Command {
	var asJSON, exitCode bool
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Show what changed between two versions of a routine",
		Long: "Show what changed from routine OLD to routine NEW, exercise by exercise: exercises added, " +
			"removed and moved, each change of dose (sets, reps, hold, relax, tempo, rest, sides, prepare), " +
			"the schedule, the pain limit and rise, the notes, and the total time before and after. " +
			"It compares the routines as they will be done, not the text of the files, so comments and " +
			"layout make no difference. OLD and NEW are each a built-in id, the id of an added routine, " +
			"or a routine file. Exits 0 whether or not they differ (with --exit-code, 1 when they differ), " +
			"and 1 when a file is not valid.",
		Example: "  corecoach routine diff week1.yaml week2.yaml\n" +
			"  corecoach routine diff lower-back week2.yaml --json\n" +
			"  corecoach routine diff core-basics mcgill-big-3",
		Args: exactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			var both [2]*routines.Routine
			var problems []string
			for i, arg := range args {
				r, err := a.resolveRoutine(arg)
				if err != nil {
					problems = append(problems, routineProblem(arg, err))
					continue
				}
				both[i] = r
			}
			if len(problems) > 0 {
				fmt.Fprintln(a.stderr, strings.Join(problems, "\n"))
				return silentExit(exitFailure)
			}
			d := routines.Diff(both[0], both[1])
			if asJSON {
				if err := storage.EncodeJSON(a.stdout, d.Document()); err != nil {
					return err
				}
			} else if err := a.writeDiff(d); err != nil {
				return err
			}
			if exitCode && !d.Same() {
				return silentExit(exitFailure)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the differences as JSON (see docs/routine-diff.md)")
	cmd.Flags().BoolVar(&exitCode, "exit-code", false, "exit 1 when the routines differ, as git diff does")
	return cmd
}

// routineProblem says why a routine named on the command line cannot be
// used: every problem of an invalid file as FILE:LINE:COL lines, as
// `routine validate` prints them, else one sentence.
func routineProblem(arg string, err error) string {
	var list routines.ProblemList
	if errors.As(err, &list) {
		return problemLines(arg, err)
	}
	return "corecoach: " + routines.Sanitize(err.Error())
}

// writeDiff prints a diff for a person, coloured when standard output is a
// terminal that shows colour and NO_COLOR (or --no-color) is not set; then
// it is plain text, without bold either.
func (a *app) writeDiff(d *routines.RoutineDiff) error {
	var st routines.DiffStyle
	if a.getenv == nil || a.getenv("NO_COLOR") == "" {
		st = diffStyle()
	}
	var b strings.Builder
	if err := d.WriteText(&b, st); err != nil {
		return err
	}
	_, err := lipgloss.Fprint(a.stdout, b.String())
	return err
}

// diffStyle colours a diff as git does: green added, red removed, yellow
// changed. lipgloss.Fprint removes the colour where it cannot be shown.
func diffStyle() routines.DiffStyle {
	render := func(st lipgloss.Style) func(string) string {
		return func(s string) string { return st.Render(s) }
	}
	fg := func(c string) func(string) string { return render(lipgloss.NewStyle().Foreground(lipgloss.Color(c))) }
	return routines.DiffStyle{
		Added:   fg("2"),
		Removed: fg("1"),
		Changed: fg("3"),
		Heading: render(lipgloss.NewStyle().Bold(true)),
	}
}

// confirmReplace shows what changes when r, read from path, replaces the
// version in the library lib of st, and asks before replacing it: y/N on a
// terminal; elsewhere only --yes (yes) replaces it. A file that differs
// only in comments or layout replaces it without asking.
func (a *app) confirmReplace(st *storage.Store, lib *routines.Catalog, r *routines.Routine, path string, yes bool) (bool, error) {
	old, _, err := lib.Added(r.ID)
	if err != nil {
		fmt.Fprintf(a.stdout, "The version of %s added before no longer validates, so it cannot be compared.\n", r.ID)
	} else {
		d := routines.Diff(old, r)
		d.Old.Label = "added before"
		if files, err := st.Routines(); err == nil {
			if i := slices.IndexFunc(files, func(f storage.RoutineFile) bool { return f.ID == r.ID }); i >= 0 {
				d.Old.Label = "added " + files[i].AddedAt.Format("2006-01-02")
			}
		}
		d.New.Label = path
		if d.Same() {
			return true, nil
		}
		fmt.Fprintf(a.stdout, "%s is another version of %s than the one added before. What changes:\n\n", routines.Sanitize(path), r.ID)
		if err := a.writeDiff(d); err != nil {
			return false, err
		}
		fmt.Fprintln(a.stdout)
	}
	if yes {
		return true, nil
	}
	if !a.promptable() {
		return false, exitError{code: exitFailure, err: fmt.Errorf("%s would replace the routine %s added before; nothing was changed. Run again with --yes to replace it", path, r.ID)}
	}
	fmt.Fprintf(a.stdout, "Replace %s with this version? [y/N] ", r.ID)
	if answerYes(a.stdin) {
		return true, nil
	}
	fmt.Fprintf(a.stdout, "Kept the version added before; nothing was changed.\n")
	return false, nil
}

// answerYes reads one line of an answer: y or yes, in any case, is yes;
// anything else, an empty line or the end of input is no.
func answerYes(in io.Reader) bool {
	if in == nil {
		return false
	}
	line, _ := bufio.NewReader(in).ReadString('\n')
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes":
		return true
	}
	return false
}

// promptable reports whether a question can be asked and answered: it goes
// to a terminal and the answer comes from one.
func (a *app) promptable() bool {
	if a.interactive != nil {
		return a.interactive()
	}
	in, ok := a.stdin.(*os.File)
	out, ok2 := a.stdout.(*os.File)
	return ok && ok2 && term.IsTerminal(in.Fd()) && term.IsTerminal(out.Fd())
}
