package main

import (
	"bytes"
	"corecoach/routines/text"
	"corecoach/storage"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

func newExportCmd(a *app) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the whole history as a history document (JSON)",
		Long: "export writes everything the database holds (sessions, next-day check-ins, therapy visits " +
			"and added routines) as a corecoach history document (format version 2; see " +
			"docs/using-corecoach.md): " +
			"every record that reads back, when the database is damaged (the others are named on " +
			"standard error, and export exits 1); " +
			"to standard output, or with -o to FILE, which is replaced whole or not at all.",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			store, err := a.openStore()
			if err != nil {
				return err
			}
			if out == "" {
				return a.partial(store.Export(a.stdout, a.now()))
			}
			var buf bytes.Buffer
			// What reads back is written even when some does not: it is
			// how a damaged database is saved.
			if err := a.partial(store.Export(&buf, a.now())); err != nil {
				return err
			}
			return a.writeOutput(out, output{data: buf.Bytes(), mode: 0o600})
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to `FILE` instead of standard output")
	return cmd
}

func newImportCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE",
		Short: "Merge a history document into the database",
		Long: "import checks the whole history document (version 1 or 2) first, then adds its " +
			"records in one step: a session, visit or routine whose id is stored already, or a " +
			"check-in of a date that has one, is left as it is, so importing the same file " +
			"twice adds nothing; when the stored one differs, the conflict and the fields that " +
			"differ are named on standard error (the exit code is still 0). A document with any " +
			"problem adds nothing.",
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := os.Open(args[0])
			if err != nil {
				return fmt.Errorf("cannot read %s: %w", args[0], unwrapPath(err))
			}
			defer f.Close()
			store, err := a.openStoreToWrite()
			if err != nil {
				return err
			}
			res, err := store.ImportHistory(f)
			if err != nil {
				if isDatabaseError(err) {
					return err // the database is at fault, not the document
				}
				return fmt.Errorf("%s: %w", args[0], err)
			}
			// A conflict keeps the stored session, as the history format
			// says; it is named so that nothing is dropped unseen.
			for _, c := range res.Conflicts {
				fmt.Fprintf(a.stderr, "corecoach: %s: %s\n", args[0], c)
			}
			msg := "imported " + importedCounts(res)
			if n := len(res.Conflicts); n > 0 {
				msg += fmt.Sprintf(", %s kept as stored", text.Count(n, "conflict"))
			}
			_, err = fmt.Fprintln(a.stdout, msg+")")
			return err
		},
	}
}

// importedCounts says what an import added: sessions always, the other
// records when the document held any, and how many were there already.
func importedCounts(res storage.ImportResult) string {
	parts := []string{text.Count(res.Added, "session")}
	present := res.Present
	for _, k := range []struct {
		noun string
		t    storage.Tally
	}{{"check-in", res.Checkins}, {"visit", res.Visits}, {"routine", res.Routines}} {
		conflicts := 0
		for _, c := range res.Conflicts {
			if c.Kind == k.noun {
				conflicts++
			}
		}
		if k.t.Added+k.t.Present+conflicts > 0 {
			parts = append(parts, text.Count(k.t.Added, k.noun))
		}
		present += k.t.Present
	}
	list := strings.Join(parts[:len(parts)-1], ", ")
	if list != "" {
		list += " and "
	}
	return fmt.Sprintf("%s%s (%d already present", list, parts[len(parts)-1], present)
}

// isDatabaseError tells a problem of the database file from one of the
// document being imported, so the message names the right file first.
func isDatabaseError(err error) bool {
	for _, target := range []error{storage.ErrInUse, storage.ErrNotCorecoach, storage.ErrDamaged, storage.ErrNewerSchema} {
		if errors.Is(err, target) {
			return true
		}
	}
	return false
}
