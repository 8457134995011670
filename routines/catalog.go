package routines

import (
	"fmt"
	"slices"
	"sync"
	"time"
)

// AddedFile is a routine file added to the library, as the caller read it
// from storage: this package does no storage I/O.
type AddedFile struct {
	ID     string // the id it was added under
	Source string // the path it was added from
	Hash   string // its content hash when added (ContentHash)
	Data   []byte
}

// Catalog finds routines by id: the built-in routines and the routines
// added to the library. It is built once, from the added files, and parses
// each of them once, when first asked for; the built-ins are loaded only
// when one is asked for, since loading them is most of a cold start. An
// added file that no longer parses is left out, as if it were not there.
// A Catalog is safe for use by several goroutines; a nil *Catalog is an
// empty one.
//
// Adding a routine with the id of a built-in one is refused, so the two
// never share an id; were they to, the added one is found.
type Catalog struct {
	builtins bool // NewCatalog: the built-ins come first in All
	added    []*catalogEntry
	byID     map[string]*catalogEntry
	loadAll  func() []*Routine // the built-ins, loaded once
}

// catalogEntry is one added routine, parsed on first use; its schedule
// alone is read on its own, more cheaply, for Schedule.
type catalogEntry struct {
	file AddedFile
	once sync.Once
	r    *Routine
	err  error

	daysOnce sync.Once
	days     []time.Weekday
	daysErr  error
}

// NewCatalog is the catalog of the built-in routines and the added files,
// in that order. The library keeps one file per id; were two given with one
// id, the first is found.
func NewCatalog(added []AddedFile) *Catalog {
	c := newCatalog()
	c.builtins = true
	c.loadAll = sync.OnceValue(Builtins)
	for _, f := range added {
		c.add(&catalogEntry{file: f})
	}
	return c
}

// CatalogOf is a catalog of exactly these routines, in this order, and no
// built-ins: a home list made by hand, as tests make one.
func CatalogOf(list ...*Routine) *Catalog {
	c := newCatalog()
	for _, r := range list {
		e := &catalogEntry{file: AddedFile{ID: r.ID, Source: r.Source}, r: r, days: r.Schedule}
		e.once.Do(func() {})
		e.daysOnce.Do(func() {})
		c.add(e)
	}
	return c
}

func newCatalog() *Catalog {
	return &Catalog{byID: map[string]*catalogEntry{}, loadAll: func() []*Routine { return nil }}
}

func (c *Catalog) add(e *catalogEntry) {
	if _, ok := c.byID[e.file.ID]; !ok {
		c.byID[e.file.ID] = e
	}
	c.added = append(c.added, e)
}

// routine parses the entry's file once. It is named by its id so that a
// file without an id keeps the one it was added under.
func (e *catalogEntry) routine() (*Routine, error) {
	e.once.Do(func() {
		r, err := parseStored(e.file.ID+".yaml", e.file.Data)
		if err != nil {
			e.err = fmt.Errorf("added routine %q (from %s) no longer validates:\n%w", e.file.ID, ShowName(e.file.Source), err)
			return
		}
		r.Source = e.file.Source
		e.r = r
	})
	return e.r, e.err
}

// schedule reads the entry's days once, by parseStoredSchedule, so that
// today and the streaks never decode the exercise library; err when the
// file's top level no longer reads.
func (e *catalogEntry) schedule() ([]time.Weekday, error) {
	e.daysOnce.Do(func() {
		e.days, e.daysErr = parseStoredSchedule(e.file.ID+".yaml", e.file.Data)
	})
	return e.days, e.daysErr
}

// Lookup finds a routine by id: an added one that still parses, else a
// built-in one.
func (c *Catalog) Lookup(id string) (*Routine, bool) {
	if c == nil {
		return nil, false
	}
	if e, ok := c.byID[id]; ok {
		r, err := e.routine()
		return r, err == nil
	}
	if !c.builtins || !slices.Contains(builtinOrder, id) {
		return nil, false
	}
	for _, r := range c.loadAll() {
		if r.ID == id {
			return r, true
		}
	}
	return nil, false
}

// Schedule is a storage.ScheduleFunc: the routine's weekdays, and none,
// meaning every day, for an unknown routine or one whose file no longer
// reads. Built-in routines have no schedule (a test keeps it so), which
// spares stats the cost of loading them; an added routine's schedule is
// read without its exercises, which spares today and stats the cost of
// decoding the exercise library.
func (c *Catalog) Schedule(id string) []time.Weekday {
	if c == nil {
		return nil
	}
	e, ok := c.byID[id]
	if !ok {
		return nil
	}
	days, _ := e.schedule()
	return days
}

// PainRules are the routine's pain rules by PainRulesOf, and false when the
// routine is unknown (the rules are then the defaults).
func (c *Catalog) PainRules(id string) (PainRules, bool) {
	r, ok := c.Lookup(id)
	return PainRulesOf(r), ok
}

// Added is the routine added under id: ok is false when no file was added
// under it, and err says why a file that was no longer parses.
func (c *Catalog) Added(id string) (r *Routine, ok bool, err error) {
	if c == nil {
		return nil, false, nil
	}
	e, ok := c.byID[id]
	if !ok {
		return nil, false, nil
	}
	r, err = e.routine()
	return r, true, err
}

// AddedIDs lists the ids of the added files, whether they parse or not.
func (c *Catalog) AddedIDs() []string {
	if c == nil {
		return nil
	}
	ids := make([]string, len(c.added))
	for i, e := range c.added {
		ids[i] = e.file.ID
	}
	return ids
}

// All lists the routines as the home screen does: the built-ins, then the
// added routines that still parse, in the order they were given.
func (c *Catalog) All() []*Routine {
	if c == nil {
		return nil
	}
	var out []*Routine
	if c.builtins {
		out = append(out, c.loadAll()...)
	}
	for _, e := range c.added {
		if r, err := e.routine(); err == nil {
			out = append(out, r)
		}
	}
	return out
}
