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
// open it only if needed.
func (a *app) resolveIn(st *storage.Store, arg string) (*routines.Routine, error) {
	return resolveWith(arg, func() (*routines.Catalog, error) {
		files, err := a.libraryFiles(st)
		if err != nil {
			return nil, err
		}
		return newCatalog(files), nil
	})
}

// resolveWith resolves arg as resolveRoutine does; library gives the
// catalog of the library and is called only when the name needs it.
// `corecoach run` passes the catalog it built once for everything.
func resolveWith(arg string, library func() (*routines.Catalog, error)) (*routines.Routine, error) {
	if r, ok := routines.Builtin(arg); ok {
		return r, nil
	}
	if looksLikePath(arg) {
		return routines.LoadFile(arg)
	}
	cat, err := library()
	if err != nil {
		return nil, err
	}
	if r, ok, err := cat.Added(arg); ok {
		return r, err
	}
	msg := fmt.Sprintf("no routine %q: it is not a built-in routine, an added routine or a file", arg)
	if s := routines.Suggest(arg, append(routines.BuiltinIDs(), cat.AddedIDs()...)); s != "" {
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

// newCatalog is the catalog of the built-in routines and these files added
// to the library, as read from the database.
func newCatalog(files []routineFile) *routines.Catalog {
	added := make([]routines.AddedFile, len(files))
	for i, f := range files {
		added[i] = routines.AddedFile{ID: f.ID, Source: f.Source, Data: f.Data}
	}
	return routines.NewCatalog(added)
}
