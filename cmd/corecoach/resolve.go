package main

import (
	"errors"
	"io/fs"
	"os"

	"corecoach/routines"
	"corecoach/storage"
)

// resolveRoutine finds a routine named on the command line by
// routines.Resolve; it opens the database only when the name needs the
// library.
func (a *app) resolveRoutine(arg string) (*routines.Routine, error) {
	return routines.Resolve(arg, a.library)
}

// library is the catalog of the routines added to the database the flags
// name. Without a database yet there are none, and none is created just
// to look.
func (a *app) library() (*routines.Catalog, error) {
	files, err := a.addedRoutineFiles()
	if err != nil {
		return nil, err
	}
	return storage.Catalog(files), nil
}

// addedRoutineFiles lists the routines added to the database the flags name.
func (a *app) addedRoutineFiles() ([]storage.RoutineFile, error) {
	path, err := a.dbPath()
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	st, err := a.openStore()
	if err != nil {
		return nil, err
	}
	return st.Routines()
}
