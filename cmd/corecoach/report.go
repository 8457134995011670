package main

import (
	"bytes"
	"fmt"

	"corecoach/storage"
	"corecoach/storage/report"

	"github.com/spf13/cobra"
)

func newReportCmd(a *app) *cobra.Command {
	var since, format, out string
	cmd := &cobra.Command{
		Use:   "report",
		Short: "A report for the therapist: adherence, pain, exercises, notes",
		Long: "report writes a report for the therapist over a period ending today: sessions done " +
			"against scheduled days, pain before and after each session (a chart in HTML, a table " +
			"in both), next-day check-ins flagged when pain rose, per-exercise completion and " +
			"exercises flagged as hurting, the client's notes, and the routines followed with the " +
			"content hash of each version.\n\n" +
			"The period starts at --since DATE, else " + fmt.Sprint(report.Weeks) + " weeks before today; never before the first " +
			"session. The client and therapist are those the file of the routine followed last names.\n\n" +
			"Markdown by default; without --format, an -o name ending in .html or .htm gives HTML, and one " +
			"ending in .json the report as a JSON document for programs (docs/stats-and-report.md, " +
			"docs/report.schema.json).",
		Example: "  corecoach report --format html -o report.html\n  corecoach report -o report.json\n  corecoach report --since 2026-09-01",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			format, err := documentFormat(format, cmd.Flags().Changed("format"), out, []string{"md", "html", "json"})
			if err != nil {
				return err
			}
			today := storage.DateOf(a.now())
			from, err := dateFlag("--since", since, report.DefaultFrom(today))
			if err != nil {
				return err
			}
			if from > today {
				return usageErrorf("--since %s is after today (%s)", from, today)
			}
			store, err := a.openStore()
			if err != nil {
				return err
			}
			in, err := report.Load(store, from, today, a.now())
			if err = a.partial(err); err != nil {
				return err
			}
			var buf bytes.Buffer
			r := report.Build(in)
			switch format {
			case "html":
				err = report.WriteHTML(&buf, r)
			case "json":
				err = report.WriteJSON(&buf, r)
			default:
				err = report.WriteMarkdown(&buf, r)
			}
			if err != nil {
				return err
			}
			if out == "" {
				_, err := a.stdout.Write(buf.Bytes())
				return err
			}
			return a.writeOutput(out, output{data: buf.Bytes(), mode: 0o600})
		},
	}
	cmd.Flags().StringVar(&since, "since", "", "start the period at `DATE` (YYYY-MM-DD; default 12 weeks ago)")
	cmd.Flags().StringVar(&format, "format", "md", "report `FORMAT`: md, html or json")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the report to `FILE` instead of standard output")
	return cmd
}
