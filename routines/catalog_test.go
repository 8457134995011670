package routines

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	catalogBack = "corecoach: 1\nid: my-back\nname: My back\nschedule: [mon, thu]\npain:\n  limit: 3\n  rise: 3\n" +
		"exercises:\n  - use: plank\n    hold: 20s\n"
	catalogNoID   = "corecoach: 1\nname: No id\nexercises:\n  - use: plank\n    hold: 20s\n"
	catalogBroken = "corecoach: 1\nid: broken\nexercises: []\n"
)

func testCatalog() *Catalog {
	return NewCatalog([]AddedFile{
		{ID: "my-back", Source: "/home/me/my-back.yaml", Data: []byte(catalogBack)},
		{ID: "broken", Source: "/home/me/broken.yaml", Data: []byte(catalogBroken)},
		{ID: "kept-id", Source: "/home/me/Other Name.yaml", Data: []byte(catalogNoID)},
	})
}

func TestCatalogLookup(t *testing.T) {
	c := testCatalog()
	tests := []struct {
		id         string
		ok         bool
		name       string
		source     string
		schedule   []time.Weekday
		limit      int
		limitKnown bool
	}{
		{id: "my-back", ok: true, name: "My back", source: "/home/me/my-back.yaml",
			schedule: []time.Weekday{time.Monday, time.Thursday}, limit: 3, limitKnown: true},
		// A file without an id keeps the one it was added under.
		{id: "kept-id", ok: true, name: "No id", source: "/home/me/Other Name.yaml", limit: DefaultPainLimit, limitKnown: true},
		{id: "core-basics", ok: true, name: "Core basics", source: "built-in", limit: DefaultPainLimit, limitKnown: true},
		// A file that no longer parses is as if it were not there.
		{id: "broken", limit: DefaultPainLimit},
		{id: "nope", limit: DefaultPainLimit},
		{id: "", limit: DefaultPainLimit},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			r, ok := c.Lookup(tt.id)
			if ok != tt.ok || (r != nil) != tt.ok {
				t.Fatalf("Lookup(%q) = %v, %v; want found %v", tt.id, r, ok, tt.ok)
			}
			if ok && (r.ID != tt.id || r.Name != tt.name || r.Source != tt.source) {
				t.Errorf("Lookup(%q) = id %q, name %q, source %q; want %q, %q, %q", tt.id, r.ID, r.Name, r.Source, tt.id, tt.name, tt.source)
			}
			if got := c.Schedule(tt.id); !slices.Equal(got, tt.schedule) {
				t.Errorf("Schedule(%q) = %v, want %v", tt.id, got, tt.schedule)
			}
			wantRules := PainRules{Limit: tt.limit, Rise: DefaultPainRise}
			if tt.id == "my-back" {
				wantRules.Rise = 3
			}
			if got, known := c.PainRules(tt.id); got != wantRules || known != tt.limitKnown {
				t.Errorf("PainRules(%q) = %+v, %v; want %+v, %v", tt.id, got, known, wantRules, tt.limitKnown)
			}
		})
	}
}

func TestCatalogAdded(t *testing.T) {
	c := testCatalog()
	tests := []struct {
		id      string
		ok      bool
		wantErr string
	}{
		{id: "my-back", ok: true},
		{id: "broken", ok: true, wantErr: `added routine "broken" (from /home/me/broken.yaml) no longer validates:` + "\nbroken.yaml:"},
		{id: "core-basics"}, // built-in, not added
		{id: "nope"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			r, ok, err := c.Added(tt.id)
			if ok != tt.ok {
				t.Fatalf("Added(%q) found %v, want %v", tt.id, ok, tt.ok)
			}
			switch {
			case tt.wantErr != "":
				if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) || r != nil {
					t.Errorf("Added(%q) = %v, %v; want the error %q", tt.id, r, err, tt.wantErr)
				}
			case err != nil:
				t.Errorf("Added(%q): %v", tt.id, err)
			case ok && (r == nil || r.ID != tt.id):
				t.Errorf("Added(%q) = %v", tt.id, r)
			}
		})
	}
	if got, want := c.AddedIDs(), []string{"my-back", "broken", "kept-id"}; !slices.Equal(got, want) {
		t.Errorf("AddedIDs() = %v, want %v", got, want)
	}
}

func TestCatalogAll(t *testing.T) {
	ids := func(list []*Routine) []string {
		var out []string
		for _, r := range list {
			out = append(out, r.ID)
		}
		return out
	}
	tests := []struct {
		name string
		c    *Catalog
		want []string
	}{
		{"built-ins, then added that parse", testCatalog(), append(BuiltinIDs(), "my-back", "kept-id")},
		{"no added routines", NewCatalog(nil), BuiltinIDs()},
		{"a list by hand", CatalogOf(&Routine{ID: "b"}, &Routine{ID: "a"}), []string{"b", "a"}},
		{"an empty list", CatalogOf(), nil},
		{"nil", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ids(tt.c.All()); !slices.Equal(got, tt.want) {
				t.Errorf("All() = %v, want %v", got, tt.want)
			}
		})
	}
}

// Lookup gives the same routine that All lists, so screens that find a
// routine by id and the home list agree.
func TestCatalogLookupMatchesAll(t *testing.T) {
	c := testCatalog()
	for _, r := range c.All() {
		if got, ok := c.Lookup(r.ID); !ok || got != r {
			t.Errorf("Lookup(%q) = %p, All has %p", r.ID, got, r)
		}
	}
}

func TestCatalogOf(t *testing.T) {
	sched := &Routine{ID: "s", Schedule: []time.Weekday{time.Friday}, PainLimit: 0}
	c := CatalogOf(sched)
	tests := []struct {
		id       string
		ok       bool
		schedule []time.Weekday
		limit    int
	}{
		{"s", true, []time.Weekday{time.Friday}, 0},
		{"core-basics", false, nil, DefaultPainLimit}, // no built-ins
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			if r, ok := c.Lookup(tt.id); ok != tt.ok || (ok && r != sched) {
				t.Errorf("Lookup(%q) = %v, %v", tt.id, r, ok)
			}
			if got := c.Schedule(tt.id); !slices.Equal(got, tt.schedule) {
				t.Errorf("Schedule(%q) = %v, want %v", tt.id, got, tt.schedule)
			}
			if got, known := c.PainRules(tt.id); got.Limit != tt.limit || known != tt.ok {
				t.Errorf("PainRules(%q) = %+v, %v; want limit %d, %v", tt.id, got, known, tt.limit, tt.ok)
			}
		})
	}
}

// Schedule skips the built-ins without loading them, which is right only
// while they have no schedule.
func TestCatalogBuiltinsHaveNoSchedule(t *testing.T) {
	for _, r := range NewCatalog(nil).All() {
		if len(r.Schedule) > 0 {
			t.Errorf("built-in %s has a schedule %v; Catalog.Schedule must look built-ins up", r.ID, r.Schedule)
		}
	}
}

// The interface looks routines up from commands on other goroutines.
func TestCatalogConcurrent(t *testing.T) {
	c := testCatalog()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			c.Lookup("my-back")
			c.Schedule("my-back")
			c.PainRules("core-basics")
			c.All()
		})
	}
	wg.Wait()
}

func TestNilCatalog(t *testing.T) {
	var c *Catalog
	if r, ok := c.Lookup("core-basics"); r != nil || ok {
		t.Errorf("Lookup = %v, %v", r, ok)
	}
	if s := c.Schedule("core-basics"); s != nil {
		t.Errorf("Schedule = %v", s)
	}
	if r, ok := c.PainRules("core-basics"); r != PainRulesOf(nil) || ok {
		t.Errorf("PainRules = %+v, %v", r, ok)
	}
	if r, ok, err := c.Added("x"); r != nil || ok || err != nil {
		t.Errorf("Added = %v, %v, %v", r, ok, err)
	}
	if ids := c.AddedIDs(); ids != nil {
		t.Errorf("AddedIDs = %v", ids)
	}
}

// parseStoredSchedule reads the days of a file as parseStored does, and
// refuses a file whose top level parseStored refuses.
func TestParseStoredScheduleAgrees(t *testing.T) {
	files := map[string]string{
		"my-back": catalogBack, "no-id": catalogNoID, "broken": catalogBroken,
		"weekdays": "corecoach: 1\nname: W\nschedule: [Monday, wed, FRI]\nexercises:\n  - use: plank\n",
		"bad-day":  "corecoach: 1\nname: W\nschedule: [mon, funday]\nexercises:\n  - use: plank\n",
		"newer":    "corecoach: 2\nname: W\nschedule: [mon]\nexercises:\n  - use: plank\n",
		"not yaml": "corecoach: 1\nname: [W\n",
	}
	for _, id := range BuiltinIDs() {
		data, err := builtinFS.ReadFile("builtin/" + id + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		files[id] = string(data)
	}
	for id, data := range files {
		full, fullErr := parseStored(id+".yaml", []byte(data))
		days, err := parseStoredSchedule(id+".yaml", []byte(data))
		if fullErr == nil && (err != nil || !slices.Equal(days, full.Schedule)) {
			t.Errorf("%s: schedule only %v, %v; full parse %v", id, days, err, full.Schedule)
		}
		if fullErr != nil && err == nil {
			t.Errorf("%s: schedule only read %v; full parse refused: %v", id, days, fullErr)
		}
	}
}

// BenchmarkCatalogSchedule is the cost of the schedule of an added routine
// in a fresh catalog, as today pays it once per process.
func BenchmarkCatalogSchedule(b *testing.B) {
	files := []AddedFile{{ID: "my-back", Data: []byte(catalogBack)}}
	for b.Loop() {
		if len(NewCatalog(files).Schedule("my-back")) != 2 {
			b.Fatal("no schedule")
		}
	}
}
