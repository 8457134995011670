package routines

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// DefaultRoutine is where a first session starts.
const DefaultRoutine = "core-basics"

// Resolve finds the routine a name means, for every command and screen
// that takes one: a built-in id, a path to a routine file, else the id of
// a routine added to the library. library gives the catalog of the library;
// it is called only when the name needs it, so a name of a built-in routine
// or a file never opens the database.
func Resolve(name string, library func() (*Catalog, error)) (*Routine, error) {
	if r, ok := Builtin(name); ok {
		return r, nil
	}
	if looksLikePath(name) {
		return LoadFile(name)
	}
	cat, err := library()
	if err != nil {
		return nil, err
	}
	if r, ok, err := cat.Added(name); ok {
		return r, err
	}
	msg := fmt.Sprintf("no routine %q: it is not a built-in routine, an added routine or a file", name)
	if s := Suggest(name, append(BuiltinIDs(), cat.AddedIDs()...)); s != "" {
		msg = fmt.Sprintf("no routine %q; did you mean %q?", name, s)
	}
	return nil, errors.New(msg + " (see corecoach routine list)")
}

// Resolve is the package's Resolve with this catalog as the library.
func (c *Catalog) Resolve(name string) (*Routine, error) {
	return Resolve(name, func() (*Catalog, error) { return c, nil })
}

// Start picks the routine a session starts with: the one named, else the
// routine of the last session (lastID) while it can still be found, else
// DefaultRoutine.
func (c *Catalog) Start(name, lastID string) (*Routine, error) {
	if name != "" {
		return c.Resolve(name)
	}
	if lastID != "" {
		if r, err := c.Resolve(lastID); err == nil {
			return r, nil
		}
	}
	return c.Resolve(DefaultRoutine)
}

// looksLikePath: anything with a slash, a YAML extension, or an existing file.
func looksLikePath(name string) bool {
	if strings.ContainsRune(name, '/') || strings.ContainsRune(name, filepath.Separator) {
		return true
	}
	if ext := strings.ToLower(filepath.Ext(name)); ext == ".yaml" || ext == ".yml" {
		return true
	}
	st, err := os.Stat(name)
	return err == nil && !st.IsDir()
}

// AddOutcome is what adding a routine file does to the library.
type AddOutcome int

const (
	AddNew       AddOutcome = iota // no routine had its id
	AddReplaces                    // it replaces a different file with its id
	AddUnchanged                   // the same file was added before
)

// ParseAddable parses a routine file to be added to the library. Its id
// must not be a built-in routine's: the two would then share an id.
func ParseAddable(path string, data []byte) (*Routine, error) {
	r, err := Parse(path, data)
	if err != nil {
		return nil, err
	}
	if _, builtin := Builtin(r.ID); builtin {
		return nil, fmt.Errorf("%s: the id %q belongs to a built-in routine; give the file another id (id: my-%s)", ShowName(path), r.ID, r.ID)
	}
	return r, nil
}

// Adding says what adding r (from ParseAddable) does to this library: a
// file is the same when its content hash is.
func (c *Catalog) Adding(r *Routine) AddOutcome {
	if c == nil {
		return AddNew
	}
	e, ok := c.byID[r.ID]
	switch {
	case !ok:
		return AddNew
	case e.file.Hash == r.Hash:
		return AddUnchanged
	}
	return AddReplaces
}

// StartID is the id of the routine Start picks when no name is given: the
// routine of the last session (lastID) while it can still be found, else
// DefaultRoutine. Unlike Start it loads no built-in routine and reads an
// added file as Schedule does, without its exercises, so that it never
// decodes the exercise library: a status line must be quick (corecoach
// today). An added file whose top level reads but whose exercises the
// library no longer knows is the one case where the two differ.
func (c *Catalog) StartID(lastID string) string {
	if slices.Contains(builtinOrder, lastID) {
		return lastID
	}
	if c == nil {
		return DefaultRoutine
	}
	if e, ok := c.byID[lastID]; ok {
		if _, err := e.schedule(); err == nil {
			return lastID
		}
	}
	return DefaultRoutine
}
