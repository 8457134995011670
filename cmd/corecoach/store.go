package main

import (
	"fmt"
	"strings"
	"time"

	"corecoach/routines/text"
	"corecoach/storage"
)

// openStore opens the database the flags and environment name. Nothing is
// created until the first write, which creates the file and its folder
// (private to the user): reading commands leave no trace. A file recovered
// from a torn write is told of here, once: the next open finds it mended.
func (a *app) openStore() (*storage.Store, error) {
	st, err := a.openStoreTelling(func(msg string) { fmt.Fprintf(a.stderr, "corecoach: %s\n", msg) })
	return st, err
}

// openStoreTelling opens the database as openStore does, and gives tell the
// sentence about a file recovered from a torn write, if any: the terminal
// interface shows it on screen rather than on stderr, where it would be
// hidden until the interface ends.
func (a *app) openStoreTelling(tell func(string)) (*storage.Store, error) {
	path, err := a.dbPath()
	if err != nil {
		return nil, err
	}
	st, err := storage.Open(path)
	if err == nil && st.Recovered() != nil {
		tell(fmt.Sprintf("database %s: %s", path, st.Recovered()))
	}
	return st, err
}

// partial keeps the records a read left out because they do not read back
// (a *storage.LeftOut), for the command to go on with the rest: they are
// named when it ends, which then exits 1. Any other error is returned.
func (a *app) partial(err error) error {
	return storage.CollectLeftOut(err, &a.leftOut)
}

// openStoreToWrite opens the database for a command that writes to it, and
// first brings in the sessions a past run left in recovery files, saying
// so on stderr.
func (a *app) openStoreToWrite() (*storage.Store, error) {
	st, err := a.openStore()
	if err != nil {
		return nil, err
	}
	if msg := importRecovered(st); msg != "" {
		fmt.Fprintln(a.stderr, msg)
	}
	return st, nil
}

// importRecovered imports the recovery files beside the database and says
// what became of them, in a line for the terminal ("" when there were
// none). One that cannot be imported now is kept for the next start.
func importRecovered(st *storage.Store) string {
	done, err := st.ImportRecovered()
	var says []string
	for _, r := range done {
		says = append(says, fmt.Sprintf("Imported %s from recovery file %s, which is now removed.", recoveredNames(r.Sessions), r.File))
	}
	if err != nil {
		says = append(says, text.OneLine(err.Error())+".")
	}
	return strings.Join(says, "\n")
}

// recoveredNames names the recovered sessions by their start, as history shows them.
func recoveredNames(ss []storage.Session) string {
	if len(ss) != 1 {
		return text.Count(len(ss), "session")
	}
	return "the session of " + ss[0].StartedAt.Format("2006-01-02 15:04")
}

// recoveryWriter keeps a session the database would not take in a file
// beside the database at path.
func recoveryWriter(path string, now func() time.Time) func(storage.Session) (string, error) {
	return func(s storage.Session) (string, error) { return storage.WriteRecovery(path, s, now()) }
}
