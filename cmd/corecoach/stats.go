package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"corecoach/routines/text"
	"corecoach/storage"
	"corecoach/storage/progress"

	"github.com/spf13/cobra"
)

func newStatsCmd(a *app) *cobra.Command {
	var asJSON bool
	var asOfFlag string
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Streaks, adherence and pain trend",
		Long: "stats shows the current and longest streak, sessions done, adherence to the routine's " +
			"schedule over the last 28 days and the average pain before and after sessions over the " +
			"last 7 days, as of DATE (default today). A day counts when it has a completed session; " +
			"days off the routine's schedule are rest days; today never breaks a streak.\n\n" +
			"--json prints one object for scripts: as_of, current_streak_days, longest_streak_days, " +
			"sessions_total, sessions_completed, adherence_last_28, pain_before_avg_last_7, " +
			"pain_after_avg_last_7 and more, each described in docs/stats-and-report.md.",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			asOf, err := dateFlag("--as-of", asOfFlag, storage.DateOf(a.now()))
			if err != nil {
				return err
			}
			store, err := a.openStore()
			if err != nil {
				return err
			}
			cat, err := store.Catalog()
			if err = a.partial(err); err != nil {
				return err
			}
			h, err := progress.Read(store, cat.Schedule, asOf, asOf)
			if err = a.partial(err); err != nil {
				return err
			}
			if asJSON {
				return storage.EncodeJSON(a.stdout, h.Stats)
			}
			return writeStats(a.stdout, h.Stats)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	cmd.Flags().StringVar(&asOfFlag, "as-of", "", "compute as of `DATE` (YYYY-MM-DD); later sessions are ignored")
	return cmd
}

// dateFlag parses a DATE flag's value, or gives def when it is empty.
func dateFlag(name, value string, def storage.Date) (storage.Date, error) {
	if value == "" {
		return def, nil
	}
	d, err := storage.ParseDate(value)
	if err != nil {
		return 0, usageErrorf("%s: %v", name, err)
	}
	return d, nil
}

func writeStats(w io.Writer, st storage.Stats) error {
	if st.SessionsTotal == 0 {
		_, err := fmt.Fprintf(w, "No sessions up to %s yet. Start one with: corecoach run\n", st.AsOf)
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "As of\t%s\n", st.AsOf)
	fmt.Fprintf(tw, "Current streak\t%s (longest %s)\n", text.Count(st.CurrentStreakDays, "day"), text.Count(st.LongestStreakDays, "day"))
	fmt.Fprintf(tw, "Sessions\t%d, %d completed\n", st.SessionsTotal, st.SessionsCompleted)
	fmt.Fprintf(tw, "Active days\t%d of the last 30\n", st.ActiveDaysLast30)
	if st.ScheduledDaysLast28 == 0 {
		fmt.Fprintf(tw, "Adherence\tno scheduled days in the last 28 yet\n")
	} else {
		fmt.Fprintf(tw, "Adherence\t%s of scheduled days in the last 28 (%d of %d)\n",
			text.Percent(st.AdherenceLast28), st.CompletedScheduledDaysLast28, st.ScheduledDaysLast28)
	}
	fmt.Fprintf(tw, "Pain, last 7 days\tbefore %s, after %s (average, 0-10)\n", text.Average(st.PainBeforeAvgLast7), text.Average(st.PainAfterAvgLast7))
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, line := range st.PainTrend() {
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
	}
	return nil
}
