package main

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"corecoach/routines"
	"corecoach/routines/text"
	"corecoach/storage"

	"github.com/spf13/cobra"
)

func newVisitCmd(a *app) *cobra.Command {
	cmd := groupCmd("visit", "Log therapy visits: massage, physiotherapy, ...")
	cmd.Long = "visit keeps a log of your therapy visits (" + strings.Join(storage.VisitKinds, ", ") +
		"), which the report lists beside your exercise and pain. See docs/using-corecoach.md."
	cmd.AddCommand(newVisitAddCmd(a), newVisitListCmd(a), newVisitRmCmd(a))
	return cmd
}

func newVisitAddCmd(a *app) *cobra.Command {
	var kind, date, note string
	cmd := &cobra.Command{
		Use:   "add",
		Short: "Log a therapy visit",
		Long: "add logs a visit of a kind (" + strings.Join(storage.VisitKinds, ", ") + ") on a date " +
			"(default today; never a day still to come), with an optional note.",
		Example: "  corecoach visit add --kind massage --note \"deep tissue, lumbar\"\n" +
			"  corecoach visit add --kind physiotherapy --date 2026-03-07",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkVisitKind(kind); err != nil {
				return err
			}
			today := storage.DateOf(a.now())
			day, err := dateFlag("--date", date, today)
			if err != nil {
				return err
			}
			if day > today {
				return usageErrorf("--date %s is after today (%s); log a visit once it has taken place", day, today)
			}
			st, err := a.openStoreToWrite()
			if err != nil {
				return err
			}
			v := storage.Visit{ID: storage.NewVisitID(a.now()), Date: day.String(), Kind: kind, Note: note}
			if err := st.SaveVisit(v); err != nil {
				return err
			}
			_, err = fmt.Fprintf(a.stdout, "Logged a %s visit on %s (id %s).\n", v.Kind, v.Date, v.ID)
			return err
		},
	}
	f := cmd.Flags()
	f.StringVar(&kind, "kind", "", "the kind of visit: `KIND` is "+strings.Join(storage.VisitKinds, ", "))
	f.StringVar(&date, "date", "", "the day of the visit, `DATE` as YYYY-MM-DD (default today)")
	f.StringVar(&note, "note", "", "a note on the visit, such as what was treated (`TEXT`)")
	return cmd
}

// checkVisitKind refuses a missing or unknown --kind as a usage error,
// with the nearest kind when it looks like a typo.
func checkVisitKind(kind string) error {
	kinds := strings.Join(storage.VisitKinds, ", ")
	switch {
	case kind == "":
		return usageErrorf("visit add needs --kind KIND, one of %s", kinds)
	case slices.Contains(storage.VisitKinds, kind):
		return nil
	}
	msg := fmt.Sprintf("unknown kind %q", kind)
	if s := routines.Suggest(strings.ToLower(kind), storage.VisitKinds); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	return usageErrorf("%s (kinds: %s)", routines.Sanitize(msg), kinds)
}

func newVisitListCmd(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List therapy visits, newest first",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := a.openStore()
			if err != nil {
				return err
			}
			visits, err := st.Visits()
			if err = a.partial(err); err != nil {
				return err
			}
			slices.Reverse(visits)
			if asJSON {
				if visits == nil {
					visits = []storage.Visit{}
				}
				return storage.EncodeJSON(a.stdout, visits)
			}
			return writeVisitTable(a.stdout, visits)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array of visit objects (id, date, kind, note)")
	return cmd
}

func writeVisitTable(w io.Writer, visits []storage.Visit) error {
	if len(visits) == 0 {
		_, err := fmt.Fprintln(w, "No visits yet. Log one with: corecoach visit add --kind massage")
		return err
	}
	rows := [][]string{{"DATE", "KIND", "NOTE", "ID"}}
	for _, v := range visits {
		rows = append(rows, []string{v.Date, v.Kind, oneLine(cmp.Or(v.Note, text.None), 40), v.ID})
	}
	return text.WriteTable(w, rows)
}

func newVisitRmCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:     "rm ID",
		Short:   "Remove a therapy visit",
		Example: "  corecoach visit rm v-01JD3Q8X6Z7V4M2N9P0R5S1T2U",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.openStoreToWrite()
			if err != nil {
				return err
			}
			found, err := st.DeleteVisit(args[0])
			if err != nil {
				return err
			}
			if !found {
				return fmt.Errorf("no visit has the id %s (see corecoach visit list)", routines.Sanitize(fmt.Sprintf("%q", args[0])))
			}
			_, err = fmt.Fprintf(a.stdout, "Removed visit %s.\n", args[0])
			return err
		},
	}
}
