package main

import (
	"corecoach/routines"
	"corecoach/routines/calendar"
	"corecoach/storage"

	"github.com/spf13/cobra"
)

func newScheduleCmd(a *app) *cobra.Command {
	var ics bool
	var at, out string
	cmd := &cobra.Command{
		Use:   "schedule [ROUTINE...]",
		Short: "Write a routine's scheduled days as an iCalendar file with a reminder",
		Long: "schedule --ics writes an iCalendar file that any calendar app imports: one event for " +
			"each routine named (a built-in id, an added routine or a routine file), or, with none, " +
			"for the routine run would start; repeating on the routine's scheduled days (every " +
			"day without a schedule), at each of its times of day (the routine's \"at\"; --at, " +
			"default 08:00, when it sets none), as long as the routine takes, with a reminder 5 " +
			"minutes before and \"corecoach run ID\" in the description (see docs/using-corecoach.md). " +
			"To standard output, or with -o to FILE.",
		Example: "  corecoach schedule --ics -o corecoach.ics\n" +
			"  corecoach schedule --ics --at 18:30 core-basics desk-break",
		Args: wrapArgs(cobra.ArbitraryArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !ics {
				return usageErrorf("schedule needs --ics, the calendar format it writes (see 'corecoach schedule --help')")
			}
			when, ok := routines.ParseTimeOfDay(at)
			if !ok {
				return usageErrorf("invalid --at %q; use HH:MM on a 24-hour clock, such as 07:30 or 18:00", at)
			}
			rs, err := a.scheduledRoutines(args)
			if err != nil {
				return err
			}
			data := calendar.ICS(rs, calendar.Options{At: when, Now: a.now(), Zone: storage.LocalZone()})
			var from []string
			for _, r := range rs {
				if f := r.File(); f != "" {
					from = append(from, f)
				}
			}
			return a.writeOutput(out, output{data: data, mode: 0o644, from: from})
		},
	}
	cmd.Flags().BoolVar(&ics, "ics", false, "write an iCalendar (.ics) file")
	cmd.Flags().StringVar(&at, "at", calendar.DefaultAt.String(), "the time of day, `HH:MM`, of a routine that sets none")
	cmd.Flags().StringVarP(&out, "output", "o", "-", "write to `FILE` instead of standard output")
	return cmd
}

// scheduledRoutines are the routines named, or the one run would start.
func (a *app) scheduledRoutines(args []string) ([]*routines.Routine, error) {
	var rs []*routines.Routine
	seen := map[string]bool{}
	for _, arg := range args {
		r, err := a.resolveRoutine(arg)
		if err != nil {
			return nil, err
		}
		if !seen[r.ID] { // one event per routine and time: UIDs stay unique
			seen[r.ID] = true
			rs = append(rs, r)
		}
	}
	if len(rs) > 0 {
		return rs, nil
	}
	st, err := a.openStore()
	if err != nil {
		return nil, err
	}
	begin, err := st.ReadStart()
	if err != nil {
		return nil, err
	}
	last := ""
	if begin.HasLast {
		last = begin.Last.Routine.ID
	}
	r, err := begin.Catalog.Start("", last)
	if err != nil {
		return nil, err
	}
	return []*routines.Routine{r}, nil
}
