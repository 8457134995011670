package main

import (
	"bytes"

	"corecoach/routines"

	"github.com/spf13/cobra"
)

func newRoutinePrintCmd(a *app) *cobra.Command {
	var format, out string
	cmd := &cobra.Command{
		Use:   "print ROUTINE",
		Short: "Print a handout of a routine for a client",
		Long: "Print a handout of a routine: the days, the therapist's notes, each exercise with its " +
			"dosage and cues, the total time, and the warning signs that mean stop and seek care. " +
			"ROUTINE is a built-in id, the id of an added routine, or a routine file.\n\n" +
			"Markdown by default; without --format, an -o name ending in .html or .htm gives HTML.",
		Example: "  corecoach routine print lower-back.yaml --format html -o handout.html",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			format, err := documentFormat(format, cmd.Flags().Changed("format"), out, routines.HandoutFormats)
			if err != nil {
				return err
			}
			r, err := a.resolveRoutine(args[0])
			if err != nil {
				return err
			}
			var buf bytes.Buffer
			if err := routines.WriteHandout(&buf, r, format); err != nil {
				return err
			}
			if out == "" {
				_, err := a.stdout.Write(buf.Bytes())
				return err
			}
			return a.writeOutput(out, output{data: buf.Bytes(), mode: 0o644, from: []string{r.File()}})
		},
	}
	cmd.Flags().StringVar(&format, "format", "md", "handout `FORMAT`: md or html")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the handout to `FILE` instead of standard output")
	return cmd
}
