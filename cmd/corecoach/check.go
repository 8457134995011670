package main

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strings"

	"corecoach/routines/text"
	"corecoach/storage"

	"github.com/spf13/cobra"
)

func newCheckCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "check",
		Short: "Verify the database",
		Long: "check reads the whole database: its pages, every record, the index and the daily " +
			"roll-up. It prints ok with the number of sessions, or every problem and how to save " +
			"what the file holds, and exits 1. With no database yet it says so and exits 0. " +
			"It never changes the file, but to mend a torn last write (a copy is made first).",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			path, err := a.dbPath()
			if err != nil {
				return err
			}
			store, err := storage.Open(path)
			if err != nil {
				if errors.Is(err, storage.ErrDamaged) {
					fmt.Fprintf(a.stderr, "corecoach: %v\n%s", storage.WithoutAdvice(err), unreadableAdvice(path))
					return silentExit(exitFailure)
				}
				return err
			}
			if r := store.Recovered(); r != nil {
				fmt.Fprintf(a.stdout, "recovered: database %s: %s\n", path, r)
			}
			err = store.Check()
			switch {
			case errors.Is(err, fs.ErrNotExist):
				_, err = fmt.Fprintf(a.stdout, "no database at %s yet: the first session, 'corecoach routine add' or 'corecoach import' makes it\n", path)
				return err
			case errors.Is(err, storage.ErrDamaged):
				fmt.Fprintf(a.stderr, "corecoach: %v\n%s", err, salvageAdvice(path))
				return silentExit(exitFailure)
			case err != nil:
				return err
			}
			n, err := store.SessionCount()
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(a.stdout, "ok: %s (%s)\n", store.Path(), text.Count(n, "session"))
			return err
		},
	}
}

// salvageAdvice says how to save what a damaged database holds: export
// writes every session that reads back, into a new database.
func salvageAdvice(path string) string {
	db := shellQuote(path)
	return "To save what it holds (it is never written to as it is):\n" +
		"  corecoach --db " + db + " export -o rescue.json   # every session that reads back; the others are named\n" +
		"  mv " + db + " " + shellQuote(path+".damaged") + "\n" +
		"  corecoach --db " + db + " import rescue.json      # a new database with them\n" +
		"Routines you added and next-day check-ins are not in the export: add the routines again\n" +
		"from their files. If export fails too, import a backup made with 'corecoach export' instead.\n"
}

// unreadableAdvice is for a file that cannot be read at all.
func unreadableAdvice(path string) string {
	db := shellQuote(path)
	return "It cannot be read as it is, and is left untouched. Move it aside and import a backup\n" +
		"made with 'corecoach export', if you have one:\n" +
		"  mv " + db + " " + shellQuote(path+".damaged") + "\n" +
		"  corecoach --db " + db + " import BACKUP.json\n"
}

var plainWord = regexp.MustCompile(`^[A-Za-z0-9_./+,:@=-]+$`)

// shellQuote makes a path safe to paste into a shell.
func shellQuote(s string) string {
	if plainWord.MatchString(s) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
