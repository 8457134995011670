package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"corecoach/routines"
	"corecoach/routines/text"
	"corecoach/storage"

	"github.com/spf13/cobra"
)

func newHistoryCmd(a *app) *cobra.Command {
	var asJSON, asCSV, perExercise, visits bool
	var since string
	cmd := &cobra.Command{
		Use:   "history",
		Short: "Past sessions, newest first",
		Long: "history lists past sessions, newest first: date and time where the session started, " +
			"routine, status, minutes, pain before and after, and the note.\n\n" +
			"--json prints the session objects of the history format; --csv one row per session " +
			"(with --per-exercise, one row per exercise of each session) for a spreadsheet; " +
			"--csv --visits the therapy visits instead, one row each.",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if asJSON && asCSV {
				return usageErrorf("--json and --csv cannot be used together")
			}
			if perExercise && !asCSV {
				return usageErrorf("--per-exercise goes with --csv")
			}
			if visits && (!asCSV || perExercise) {
				return usageErrorf("--visits goes with --csv alone (not with --per-exercise)")
			}
			var from storage.Date
			if since != "" {
				d, err := storage.ParseDate(since)
				if err != nil {
					return usageErrorf("--since: %v", err)
				}
				from = d
			}
			store, err := a.openStore()
			if err != nil {
				return err
			}
			if visits {
				return writeVisitsCSV(a, store, since != "", from)
			}
			sessions, err := loadHistory(store, since != "", from)
			if err = a.partial(err); err != nil {
				return err
			}
			switch {
			case asJSON:
				return writeHistoryJSON(a.stdout, sessions)
			case asCSV && perExercise:
				return writeExerciseCSV(a.stdout, sessions)
			case asCSV:
				return writeHistoryCSV(a.stdout, sessions)
			}
			empty := "No sessions yet. Start one with: corecoach run"
			if since != "" {
				empty = "No sessions on or after " + since + "."
			}
			return writeHistoryTable(a.stdout, sessions, empty)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&asJSON, "json", false, "print a JSON array of session objects")
	f.BoolVar(&asCSV, "csv", false, "print CSV, one row per session")
	f.BoolVar(&perExercise, "per-exercise", false, "with --csv: one row per exercise of each session")
	f.BoolVar(&visits, "visits", false, "with --csv: therapy visits instead of sessions, one row each")
	f.StringVar(&since, "since", "", "only sessions on or after `DATE` (YYYY-MM-DD, in each session's own zone)")
	return cmd
}

// loadHistory returns the sessions, newest first; with filter, those whose
// own local day is on or after from.
func loadHistory(store *storage.Store, filter bool, from storage.Date) ([]storage.Session, error) {
	var sessions []storage.Session
	var err error
	if filter {
		// A session's day is local to it: seek from the earliest instant
		// of that day anywhere, then keep those of the right days.
		sessions, err = store.SessionsSince(storage.StartOfDayBound(from))
		day := from.String()
		sessions = slices.DeleteFunc(sessions, func(s storage.Session) bool { return storage.SessionDay(s) < day })
	} else {
		sessions, err = store.Sessions()
	}
	slices.Reverse(sessions)
	return sessions, err
}

// minutes is how long a session lasted: start to end when it ended, else
// the time spent on its exercises.
func minutes(s storage.Session) float64 {
	if s.EndedAt != nil {
		return max(0, s.EndedAt.Sub(s.StartedAt).Minutes())
	}
	secs := 0
	for _, e := range s.Exercises {
		secs += e.Seconds
	}
	return float64(secs) / 60
}

// oneLine makes stored text safe and short for a table cell.
func oneLine(s string, width int) string {
	return text.Fit(routines.SafeLine(s), width)
}

func routineLabel(s storage.Session) string {
	if s.Routine.Name != "" {
		return s.Routine.Name
	}
	if s.Routine.ID != "" {
		return s.Routine.ID
	}
	return text.None
}

func writeHistoryTable(w io.Writer, sessions []storage.Session, empty string) error {
	if len(sessions) == 0 {
		_, err := fmt.Fprintln(w, empty)
		return err
	}
	rows := [][]string{{"DATE", "ROUTINE", "STATUS", "MIN", "PAIN", "NOTE"}}
	for _, s := range sessions {
		rows = append(rows, []string{storage.LocalStart(s).Format("2006-01-02 15:04"), oneLine(routineLabel(s), 30), s.Status,
			text.Round(minutes(s), 0), routines.ScoreText(s.PainBefore) + " → " + routines.ScoreText(s.PainAfter), oneLine(s.Note, 40)})
	}
	return text.WriteTable(w, rows)
}

func writeHistoryJSON(w io.Writer, sessions []storage.Session) error {
	if sessions == nil {
		sessions = []storage.Session{}
	}
	return storage.EncodeJSON(w, sessions) // terminal controls as \u escapes
}

// cell keeps a spreadsheet from reading text as a formula, and the
// terminal from reading stored text as escape sequences.
func cell(s string) string {
	s = routines.Sanitize(s)
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func sessionCells(s storage.Session) []string {
	ended := ""
	if s.EndedAt != nil {
		ended = s.EndedAt.Format(time.RFC3339)
	}
	return []string{cell(s.ID), storage.SessionDay(s), s.StartedAt.Format(time.RFC3339), ended, cell(s.Zone),
		cell(s.Routine.ID), cell(s.Routine.Name), cell(s.Status), text.Round(minutes(s), 1),
		csvPain(s.PainBefore), csvPain(s.PainAfter)}
}

var sessionHeader = []string{"id", "date", "started_at", "ended_at", "zone", "routine_id", "routine_name", "status", "minutes", "pain_before", "pain_after"}

func csvPain(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

func writeHistoryCSV(w io.Writer, sessions []storage.Session) error {
	cw := csv.NewWriter(w)
	// New columns go at the end, so a script that reads by position keeps working.
	_ = cw.Write(append(slices.Clone(sessionHeader), "exercises", "exercises_skipped", "exercises_hurt", "note", "exercises_hurt_leg"))
	for _, s := range sessions {
		skipped, hurt, leg := 0, 0, 0
		for _, e := range s.Exercises {
			skipped += btoi(e.Skipped)
			hurt += btoi(e.Hurt)
			leg += btoi(e.Hurt && e.HurtKind == storage.HurtLeg)
		}
		_ = cw.Write(append(sessionCells(s), strconv.Itoa(len(s.Exercises)), strconv.Itoa(skipped), strconv.Itoa(hurt), cell(s.Note), strconv.Itoa(leg)))
	}
	cw.Flush()
	return cw.Error()
}

// writeExerciseCSV is one row per exercise of each session, for a therapist
// following one exercise over time; a session without exercises keeps a row.
func writeExerciseCSV(w io.Writer, sessions []storage.Session) error {
	cw := csv.NewWriter(w)
	_ = cw.Write(append(slices.Clone(sessionHeader), "exercise_id", "exercise_name", "sets_planned", "sets_done", "skipped", "hurt", "seconds", "hurt_kind"))
	for _, s := range sessions {
		base := sessionCells(s)
		if len(s.Exercises) == 0 {
			_ = cw.Write(append(base, "", "", "", "", "", "", "", ""))
		}
		for _, e := range s.Exercises {
			_ = cw.Write(append(slices.Clone(base), cell(e.ID), cell(e.Name), strconv.Itoa(e.SetsPlanned), strconv.Itoa(e.SetsDone),
				strconv.FormatBool(e.Skipped), strconv.FormatBool(e.Hurt), strconv.Itoa(e.Seconds), cell(e.HurtKind)))
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeVisitsCSV is the therapy visits, newest first, one row each; with
// filter, those on or after from.
func writeVisitsCSV(a *app, store *storage.Store, filter bool, from storage.Date) error {
	visits, err := store.Visits()
	if err = a.partial(err); err != nil {
		return err
	}
	slices.Reverse(visits)
	cw := csv.NewWriter(a.stdout)
	_ = cw.Write([]string{"id", "date", "kind", "note"})
	for _, v := range visits {
		if !filter || v.Date >= from.String() {
			_ = cw.Write([]string{cell(v.ID), v.Date, cell(v.Kind), cell(v.Note)})
		}
	}
	cw.Flush()
	return cw.Error()
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
