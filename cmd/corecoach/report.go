package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"corecoach/storage"
	"corecoach/storage/report"

	"github.com/spf13/cobra"
)

// reportWeeks is the default length of a report's period.
const reportWeeks = 12

func newReportCmd(a *app) *cobra.Command {
	var since, format, out string
	cmd := &cobra.Command{
		Use:   "report",
		Short: "A report for the therapist: adherence, pain, exercises, notes",
		Long: "report writes a report for the therapist over a period ending today: sessions done\n" +
			"against scheduled days, pain before and after each session (a chart in HTML, a table\n" +
			"in both), next-day check-ins flagged when pain rose, per-exercise completion and\n" +
			"exercises flagged as hurting, the client's notes, and the routines followed with the\n" +
			"content hash of each version.\n" +
			"The period starts at --since DATE, else 12 weeks before today; never before the first\n" +
			"session. Markdown by default; with -o FILE.html and no --format, HTML.",
		Example: "  corecoach report --format html -o report.html\n  corecoach report --since 2026-09-01",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !cmd.Flags().Changed("format") && out != "" {
				if ext := strings.ToLower(filepath.Ext(out)); ext == ".html" || ext == ".htm" {
					format = "html"
				}
			}
			if format != "md" && format != "html" {
				return usageErrorf("unknown format %q for --format; use md or html", format)
			}
			today := storage.DateOf(a.now())
			from, err := dateFlag("--since", since, today.AddDays(-7*reportWeeks+1))
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
			in, err := reportInput(store, from, today, a.now())
			if err != nil {
				return err
			}
			var buf bytes.Buffer
			r := report.Build(in)
			if format == "html" {
				err = report.WriteHTML(&buf, r)
			} else {
				err = report.WriteMarkdown(&buf, r)
			}
			if err != nil {
				return err
			}
			if out == "" {
				_, err := a.stdout.Write(buf.Bytes())
				return err
			}
			return writeFileAtomic(out, buf.Bytes(), 0o600, true)
		},
	}
	cmd.Flags().StringVar(&since, "since", "", "start the period at `DATE` (YYYY-MM-DD; default 12 weeks ago)")
	cmd.Flags().StringVar(&format, "format", "md", "report format: md or html")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the report to `FILE` instead of standard output")
	return cmd
}

// reportInput reads what a report of from..to needs from the store.
func reportInput(store *storage.Store, from, to storage.Date, generated time.Time) (report.Input, error) {
	// Check-ins on the first days follow up sessions before the period.
	st, h, err := loadStats(store, to, storage.StartOfDayBound(from.AddDays(-storage.CheckinDays)))
	if err != nil {
		return report.Input{}, err
	}
	if len(h.days) > 0 {
		if first, err := storage.ParseDate(h.days[0].Date); err == nil && first > from {
			from = min(first, to)
		}
	}
	checkins, err := store.Checkins()
	if err != nil {
		return report.Input{}, err
	}
	scheduled, completed, err := storage.Adherence(h.days, h.lib.Schedule, from, to, to)
	if err != nil {
		return report.Input{}, fmt.Errorf("database %s: %w", store.Path(), err)
	}
	in := report.Input{
		From: from, To: to, Generated: generated, Sessions: h.sessions, Checkins: checkins, Stats: st,
		ScheduledDays: scheduled, CompletedDays: completed, PainLimit: h.lib.PainLimit,
	}
	in.Library = append(in.Library, h.files...)
	return in, nil
}
