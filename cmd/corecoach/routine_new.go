package main

import (
	"corecoach/routines"

	"github.com/spf13/cobra"
)

func newRoutineNewCmd(a *app) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "new",
		Short: "Write a commented template routine file",
		Long: "Write a commented template routine that validates as it is: a starting point for " +
			"your own routine. It goes to standard output, or with -o to a new file " +
			"(an existing file is never overwritten).",
		Example: "  corecoach routine new -o lower-back.yaml",
		Args:    noArgs,
		RunE: func(_ *cobra.Command, _ []string) error {
			if out == "" {
				_, err := a.stdout.Write(routines.Template())
				return err
			}
			return a.writeOutput(out, output{data: routines.Template(), mode: 0o644, keep: true})
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to this new `FILE` instead of standard output")
	return cmd
}
