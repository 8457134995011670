package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"corecoach/routines"
	"corecoach/routines/text"
	"corecoach/storage"

	"github.com/spf13/cobra"
)

func newRoutineCmd(a *app) *cobra.Command {
	cmd := groupCmd("routine", "List, show, validate, add, write and print routines")
	cmd.AddCommand(
		newRoutineListCmd(a),
		newRoutineShowCmd(a),
		newRoutineValidateCmd(a),
		newRoutineAddCmd(a),
	)
	// Registered here: `routine new` (routine_new.go), `routine print`
	// (routine_print.go), `routine schema` (routine_schema.go) and `routine diff`
	// (routine_diff.go), one line each.
	cmd.AddCommand(newRoutineNewCmd(a))
	cmd.AddCommand(newRoutinePrintCmd(a))
	cmd.AddCommand(newRoutineSchemaCmd(a))
	cmd.AddCommand(newRoutineDiffCmd(a))
	sanitizeErrors(cmd)
	return cmd
}

// sanitizeErrors makes the errors of cmd's subcommands safe to print: they
// name files, and a file name can hold escape codes.
func sanitizeErrors(cmd *cobra.Command) {
	for _, c := range cmd.Commands() {
		if runE := c.RunE; runE != nil {
			c.RunE = func(cmd *cobra.Command, args []string) error {
				if err := runE(cmd, args); err != nil {
					return sanitizedError{err}
				}
				return nil
			}
		}
	}
}

// sanitizedError prints err without control characters, and keeps it
// reachable for errors.As, which picks the exit code.
type sanitizedError struct{ err error }

func (e sanitizedError) Error() string { return routines.Sanitize(e.err.Error()) }
func (e sanitizedError) Unwrap() error { return e.err }

func newRoutineValidateCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "validate FILE...",
		Short: "Check routine files and report every problem",
		Long: "Check routine files. Prints FILE: ok for each valid file; every problem goes to " +
			"standard error as FILE:LINE:COL: message. Exits 1 when any file is invalid.",
		Example: "  corecoach routine validate lower-back.yaml week2.yaml",
		Args:    minimumArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			failed := false
			for _, path := range args {
				if _, err := routines.LoadFile(path); err != nil {
					failed = true
					fmt.Fprintln(a.stderr, problemLines(path, err))
					continue
				}
				fmt.Fprintf(a.stdout, "%s: ok\n", routines.ShowName(path))
			}
			if failed {
				return silentExit(exitFailure)
			}
			return nil
		},
	}
}

// problemLines is err as FILE:LINE:COL lines, sanitised: a message may
// quote text from the file.
func problemLines(path string, err error) string {
	var list routines.ProblemList
	if !errors.As(err, &list) {
		list = routines.ProblemList{{File: path, Msg: err.Error()}}
	}
	return routines.Sanitize(list.Error())
}

func newRoutineShowCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "show ROUTINE",
		Short: "Show a routine's exercises, dosage, cues and total time",
		Long: "Show each exercise of a routine with its dosage (sets, reps, hold, sides, rest) and cues, " +
			"and the total time. ROUTINE is a built-in id, the id of an added routine, or a routine file.",
		Example: "  corecoach routine show core-basics\n  corecoach routine show lower-back.yaml",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := a.resolveRoutine(args[0])
			if err != nil {
				return routineError(args[0], err)
			}
			writeRoutine(a.stdout, r)
			return nil
		},
	}
}

// routineError prints a file's problems in full and exits 1.
func routineError(arg string, err error) error {
	var list routines.ProblemList
	if errors.As(err, &list) {
		return exitError{code: exitFailure, err: fmt.Errorf("%s is not a valid routine file:\n%s", routines.ShowName(arg), problemLines(arg, err))}
	}
	return err
}

func writeRoutine(w io.Writer, r *routines.Routine) {
	s := routines.Sanitize
	fmt.Fprintf(w, "%s (%s)\n", s(r.Name), r.ID)
	if r.Author != "" {
		fmt.Fprintf(w, "By %s\n", s(r.Author))
	}
	fmt.Fprintf(w, "Schedule: %s\n", scheduleText(r.Schedule))
	fmt.Fprintf(w, "Pain limit: %d of 10\n", r.PainLimit)
	if r.Notes != "" {
		fmt.Fprintf(w, "\n%s\n", s(r.Notes))
	}
	for i, e := range r.Exercises {
		fmt.Fprintf(w, "\n%d. %s: %s\n", i+1, s(e.Name), e.Dosage())
		for _, c := range e.Cues {
			fmt.Fprintf(w, "   - %s\n", s(c))
		}
		if e.Notes != "" {
			fmt.Fprintf(w, "   Note: %s\n", strings.ReplaceAll(s(e.Notes), "\n", "\n   "))
		}
	}
	fmt.Fprintf(w, "\nTotal time: %s\n", routines.FormatDuration(routines.Compile(r).Total()))
}

func scheduleText(days []time.Weekday) string {
	if len(days) == 0 {
		return "every day"
	}
	names := make([]string, len(days))
	for i, d := range days {
		names[i] = strings.ToLower(d.String()[:3])
	}
	return strings.Join(names, ", ")
}

func newRoutineListCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the built-in and added routines",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			files, err := a.addedRoutineFiles()
			if err != nil {
				return err
			}
			cat := storage.Catalog(files)
			rows := [][]string{{"ID", "NAME", "EXERCISES", "TIME", "SOURCE"}}
			for _, r := range routines.Builtins() {
				rows = append(rows, listRow(r, "built-in"))
			}
			for _, f := range files {
				r, _, err := cat.Added(f.ID)
				if err != nil {
					rows = append(rows, []string{f.ID, listName(f.Name), "-", "invalid", routines.ShowName(f.Source)})
					continue
				}
				rows = append(rows, listRow(r, routines.ShowName(r.Source)))
			}
			return text.WriteTable(a.stdout, rows)
		},
	}
}

// listNameWidth bounds the name column of `routine list`: longer names are
// cut with "…" so that one name cannot push the other columns away.
const listNameWidth = 40

func listName(name string) string {
	return text.Fit(routines.SafeLine(name), listNameWidth)
}

func listRow(r *routines.Routine, source string) []string {
	return []string{r.ID, listName(r.Name), strconv.Itoa(r.ExerciseCount()),
		routines.FormatDuration(routines.Compile(r).Total()), source}
}

func newRoutineAddCmd(a *app) *cobra.Command {
	var yes bool
	cmd := &cobra.Command{
		Use:   "add FILE",
		Short: "Validate a routine file and add it to your library",
		Long: "Validate a routine file and store it, with its content hash, in the database, so that " +
			"it can be run and shown by its id. A new version of a routine added before (the same id, " +
			"other content) shows what changes, as routine diff does, and asks before replacing it; " +
			"when not on a terminal, it replaces it only with --yes. The ids of built-in routines are taken.",
		Example: "  corecoach routine add lower-back.yaml\n  corecoach run lower-back",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := args[0]
			data, err := routines.ReadFile(path)
			if err != nil {
				return routineError(path, err)
			}
			r, err := routines.ParseAddable(path, data)
			if err != nil {
				return routineError(path, err)
			}
			st, err := a.openStoreToWrite()
			if err != nil {
				return err
			}
			lib, err := st.Catalog()
			if err != nil {
				return err
			}
			outcome := lib.Adding(r)
			if outcome == routines.AddReplaces {
				if ok, err := a.confirmReplace(st, lib, r, path, yes); !ok || err != nil {
					return err
				}
			}
			source := path
			if abs, err := filepath.Abs(path); err == nil {
				source = abs
			}
			f := storage.RoutineFile{ID: r.ID, Name: r.Name, Hash: r.Hash, Source: source, Data: data, AddedAt: a.now()}
			if err := st.SaveRoutine(f); err != nil {
				return err
			}
			verb := [...]string{routines.AddNew: "Added", routines.AddReplaces: "Replaced", routines.AddUnchanged: "Already added, unchanged:"}[outcome]
			fmt.Fprintf(a.stdout, "%s %s (%s): %s, %s. Run it with: corecoach run %s\n", verb, r.ID,
				routines.Sanitize(r.Name), text.Count(r.ExerciseCount(), "exercise"), routines.FormatDuration(routines.Compile(r).Total()), r.ID)
			return nil
		},
	}
	cmd.Flags().BoolVarP(&yes, "yes", "y", false, "replace a routine added before without asking")
	return cmd
}
