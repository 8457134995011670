package main

import (
	"fmt"
	"os"

	"corecoach/routines/text"
	"corecoach/storage"

	"github.com/spf13/cobra"
)

func newCheckCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "check",
		Short: "Verify the database",
		Long: "check reads the whole database: its pages, every record, the index and the daily " +
			"roll-up. It prints ok with the number of sessions, or every problem and exits 1. " +
			"It never changes the file.",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			path, err := a.dbPath()
			if err != nil {
				return err
			}
			// Opening would create a missing database; check only reads.
			if _, err := os.Stat(path); err != nil {
				return fmt.Errorf("cannot check database %s: %w", path, unwrapPath(err))
			}
			store, err := storage.Open(path)
			if err != nil {
				return err
			}
			if err := store.Check(); err != nil {
				fmt.Fprintf(a.stderr, "corecoach: %v\n", err)
				return silentExit(exitFailure)
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
