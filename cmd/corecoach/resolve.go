package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"corecoach/routines"
)

// resolveRoutine finds a routine named on the command line: a built-in id,
// the id of a routine added to the library, or a path to a routine file.
func (a *app) resolveRoutine(arg string) (*routines.Routine, error) {
	if r, ok := routines.Builtin(arg); ok {
		return r, nil
	}
	if looksLikePath(arg) {
		return routines.LoadFile(arg)
	}
	added, err := a.addedRoutineIDs()
	if err != nil {
		return nil, err
	}
	for _, id := range added {
		if id == arg {
			return a.addedRoutine(arg)
		}
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

// addedRoutineIDs lists the routines added to the library. Without a
// database yet there are none, and none is created just to look.
func (a *app) addedRoutineIDs() ([]string, error) {
	files, err := a.addedRoutineFiles()
	ids := make([]string, len(files))
	for i, f := range files {
		ids[i] = f.ID
	}
	return ids, err
}

func (a *app) addedRoutineFiles() ([]routineFile, error) {
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

// addedRoutine parses a routine stored in the library.
func (a *app) addedRoutine(id string) (*routines.Routine, error) {
	st, err := a.openStore()
	if err != nil {
		return nil, err
	}
	f, ok, err := st.Routine(id)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("no routine %q in the library of %s", id, st.Path())
	}
	return parseAdded(f)
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
