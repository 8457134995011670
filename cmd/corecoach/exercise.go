package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"corecoach/routines"

	"github.com/spf13/cobra"
)

func newExerciseCmd(a *app) *cobra.Command {
	cmd := groupCmd("exercise", "Browse the built-in exercise library")
	cmd.AddCommand(newExerciseListCmd(a), newExerciseShowCmd(a))
	sanitizeErrors(cmd)
	return cmd
}

func newExerciseListCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the built-in exercises with their default dosage",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tNAME\tDEFAULT DOSAGE")
			for _, e := range routines.Library() {
				fmt.Fprintf(tw, "%s\t%s\t%s\n", e.ID, e.Name, e.Routine().Dosage())
			}
			return tw.Flush()
		},
	}
}

func newExerciseShowCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:     "show ID",
		Short:   "Show an exercise: purpose, form cues, mistakes, dosage and variants",
		Example: "  corecoach exercise show bird-dog",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			e, ok := routines.LookupExercise(args[0])
			if !ok {
				msg := fmt.Sprintf("unknown exercise %q", args[0])
				if s := routines.SuggestExercise(args[0]); s != "" {
					msg += fmt.Sprintf("; did you mean %q?", s)
				}
				return fmt.Errorf("%s (see corecoach exercise list)", routines.Sanitize(msg))
			}
			writeExercise(a.stdout, e)
			return nil
		},
	}
}

func writeExercise(w io.Writer, e routines.Exercise) {
	fmt.Fprintf(w, "%s (%s)\n%s\n", e.Name, e.ID, e.Purpose)
	list := func(title string, items []string) {
		fmt.Fprintf(w, "\n%s:\n", title)
		for _, s := range items {
			fmt.Fprintf(w, "  - %s\n", s)
		}
	}
	list("Form cues", e.Cues)
	list("Common mistakes", e.Mistakes)
	fmt.Fprintf(w, "\nDefault dosage: %s\n", e.Routine().Dosage())
	fmt.Fprintf(w, "Source: %s\n", e.Source)
	fmt.Fprintf(w, "\nEasier: %s\nHarder: %s\n", e.Easier, e.Harder)
	fmt.Fprintf(w, "\nUse it in a routine file as:  - use: %s\n", e.ID)
}
