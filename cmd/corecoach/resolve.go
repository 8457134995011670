package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"corecoach/routines"
	"corecoach/storage"
)

// resolveRoutine finds a routine named on the command line: a built-in id,
// the id of a routine added to the library, or a path to a routine file.
// It opens the database only when the name needs the library.
func (a *app) resolveRoutine(arg string) (*routines.Routine, error) {
	return a.resolveIn(nil, arg)
}

// resolveIn is resolveRoutine with the database already open, or nil to
// open it only if needed: `corecoach run` opens it once for everything.
func (a *app) resolveIn(st *storage.Store, arg string) (*routines.Routine, error) {
	if r, ok := routines.Builtin(arg); ok {
		return r, nil
	}
	if looksLikePath(arg) {
		return routines.LoadFile(arg)
	}
	files, err := a.libraryFiles(st)
	if err != nil {
		return nil, err
	}
	added := make([]string, len(files))
	for i, f := range files {
		if f.ID == arg {
			return parseAdded(f)
		}
		added[i] = f.ID
	}
	msg := fmt.Sprintf("no routine %q: it is not a built-in routine, an added routine or a file", arg)
	if s := routines.Suggest(arg, append(routines.BuiltinIDs(), added...)); s != "" {
		msg = fmt.Sprintf("no routine %q; did you mean %q?", arg, s)
	}
	return nil, errors.New(msg + " (see corecoach routine list)")
}

// looksLikePath: anything with a slash, a YAML extension, or an existing file.
func looksLikePath(arg string) bool {
	if strings.ContainsRune(arg, '/') || strings.ContainsRune(arg, filepath.Separator) {
		return true
	}
	if ext := strings.ToLower(filepath.Ext(arg)); ext == ".yaml" || ext == ".yml" {
		return true
	}
	st, err := os.Stat(arg)
	return err == nil && !st.IsDir()
}

// addedRoutineFiles lists the routines added to the library.
func (a *app) addedRoutineFiles() ([]routineFile, error) { return a.libraryFiles(nil) }

// libraryFiles lists the routines added to st when it is open, else to the
// database the flags name. Without a database yet there are none, and none
// is created just to look.
func (a *app) libraryFiles(st *storage.Store) ([]routineFile, error) {
	if st == nil {
		path, err := a.dbPath()
		if err != nil {
			return nil, err
		}
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		if st, err = a.openStore(); err != nil {
			return nil, err
		}
	}
	return st.Routines()
}

// parseAdded parses a stored routine file. It is named by its id so that
// a file without an id keeps the one it was added under.
func parseAdded(f routineFile) (*routines.Routine, error) {
	r, err := routines.Parse(f.ID+".yaml", f.Data)
	if err != nil {
		return nil, fmt.Errorf("added routine %q (from %s) no longer validates:\n%w", f.ID, f.Source, err)
	}
	r.Source = f.Source
	return r, nil
}
