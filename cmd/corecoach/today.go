package main

import (
	"fmt"

	"corecoach/storage"
	"corecoach/storage/progress"

	"github.com/spf13/cobra"
)

func newTodayCmd(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "today",
		Short: "One line for a shell prompt or status bar: what is due, the streak, the last pain",
		Long: "today prints one line: the routine due today, \"✓ done\" once a session is completed, or " +
			"\"rest day\" off the schedule; then the streak and the last pain scores. It never opens the " +
			"terminal interface and never creates the database. --json prints an object for scripts " +
			"(see docs/using-corecoach.md).",
		Example: "  corecoach today        # core-basics due · streak 4 · pain 3→2 yesterday",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := a.openStore()
			if err != nil {
				return err
			}
			lib, err := st.Catalog()
			if err != nil {
				return err
			}
			t, err := progress.ReadToday(st, lib, a.now())
			if err != nil {
				return err
			}
			if asJSON {
				return storage.EncodeJSON(a.stdout, todayJSON(t))
			}
			_, err = fmt.Fprintln(a.stdout, t.Line())
			return err
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON object: date, state, routine, streak_days, pain_before, pain_after, pain_date, next_at, line")
	return cmd
}

// todayDoc is what today --json prints.
type todayDoc struct {
	Date       string  `json:"date"`
	State      string  `json:"state"` // none, due, done or rest
	Routine    string  `json:"routine"`
	StreakDays int     `json:"streak_days"`
	PainBefore *int    `json:"pain_before"`
	PainAfter  *int    `json:"pain_after"`
	PainDate   *string `json:"pain_date"` // the day of those scores; null with them
	NextAt     *string `json:"next_at"`   // the routine's next time of day today, when due
	Line       string  `json:"line"`
}

func todayJSON(t progress.Today) todayDoc {
	d := todayDoc{Date: t.Date.String(), State: string(t.State), Routine: t.Routine, StreakDays: t.Streak, Line: t.Line()}
	if t.HasNext {
		next := t.Next.String()
		d.NextAt = &next
	}
	if t.Pain != nil {
		day := t.PainDay.String()
		d.PainBefore, d.PainAfter, d.PainDate = t.Pain.PainBefore, t.Pain.PainAfter, &day
	}
	return d
}
