package routines

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A name is a built-in id, a file, or an added routine, looked for in that
// order; the library is asked for only when the name needs it.
func TestResolve(t *testing.T) {
	dir := t.TempDir()
	// No extension, no slash: found as a file because it exists.
	if err := os.WriteFile(filepath.Join(dir, "plain"), []byte(catalogNoID), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	for _, tt := range []struct {
		name, id, err string
		asksLibrary   bool
	}{
		{name: "desk-break", id: "desk-break"},
		{name: "plain", id: "plain"},
		{name: "./nothing.yaml", err: "./nothing.yaml: no such file"},
		{name: "nothing.yml", err: "nothing.yml: no such file"},
		{name: "my-back", id: "my-back", asksLibrary: true},
		{name: "my-bak", err: `no routine "my-bak"; did you mean "my-back"?`, asksLibrary: true},
		{name: "zzz", err: `no routine "zzz": it is not a built-in routine, an added routine or a file (see corecoach routine list)`, asksLibrary: true},
		{name: "broken", err: `added routine "broken" (from /home/me/broken.yaml) no longer validates`, asksLibrary: true},
	} {
		asked := false
		r, err := Resolve(tt.name, func() (*Catalog, error) { asked = true; return testCatalog(), nil })
		switch {
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("Resolve(%q) error %v, want %q", tt.name, err, tt.err)
		case tt.err == "" && (err != nil || r.ID != tt.id):
			t.Errorf("Resolve(%q) = %v, %v; want id %q", tt.name, r, err, tt.id)
		}
		if asked != tt.asksLibrary {
			t.Errorf("Resolve(%q) asked for the library: %v, want %v", tt.name, asked, tt.asksLibrary)
		}
	}
	failing := errors.New("database unreadable")
	if _, err := Resolve("my-back", func() (*Catalog, error) { return nil, failing }); !errors.Is(err, failing) {
		t.Errorf("a library that fails: %v, want its error", err)
	}
}

// A session starts with the routine named, else the last one while it can
// be found, else the default.
func TestCatalogStart(t *testing.T) {
	c := testCatalog()
	for _, tt := range []struct{ name, last, id, err string }{
		{name: "my-back", last: "desk-break", id: "my-back"},
		{name: "nope", last: "desk-break", err: `no routine "nope"`},
		{last: "my-back", id: "my-back"},
		{last: "desk-break", id: "desk-break"},
		{last: "broken", id: DefaultRoutine},
		{last: "gone", id: DefaultRoutine},
		{id: DefaultRoutine},
	} {
		r, err := c.Start(tt.name, tt.last)
		switch {
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("Start(%q, %q) error %v, want %q", tt.name, tt.last, err, tt.err)
		case tt.err == "" && (err != nil || r.ID != tt.id):
			t.Errorf("Start(%q, %q) = %v, %v; want id %q", tt.name, tt.last, r, err, tt.id)
		}
	}
}

// Adding refuses the id of a built-in routine, and tells a new id, a
// changed file and the same file apart.
func TestAdding(t *testing.T) {
	if _, err := ParseAddable("core.yaml", []byte("corecoach: 1\nid: core-basics\nname: Mine\nexercises:\n  - use: plank\n    hold: 20s\n")); err == nil ||
		!strings.Contains(err.Error(), `core.yaml: the id "core-basics" belongs to a built-in routine; give the file another id (id: my-core-basics)`) {
		t.Errorf("a built-in's id: %v", err)
	}
	if _, err := ParseAddable("bad.yaml", []byte(catalogBroken)); err == nil {
		t.Error("a file that does not parse was addable")
	}
	lib := NewCatalog([]AddedFile{{ID: "my-back", Hash: ContentHash([]byte(catalogBack)), Data: []byte(catalogBack)}})
	changed := strings.Replace(catalogBack, "hold: 20s", "hold: 25s", 1)
	for _, tt := range []struct {
		data string
		want AddOutcome
	}{
		{catalogBack, AddUnchanged},
		{changed, AddReplaces},
		{strings.Replace(catalogBack, "id: my-back", "id: other", 1), AddNew},
	} {
		r, err := ParseAddable("f.yaml", []byte(tt.data))
		if err != nil {
			t.Fatal(err)
		}
		if got := lib.Adding(r); got != tt.want {
			t.Errorf("Adding(%s) = %v, want %v", r.ID, got, tt.want)
		}
	}
	var none *Catalog
	r, _ := ParseAddable("f.yaml", []byte(catalogBack))
	if got := none.Adding(r); got != AddNew {
		t.Errorf("nil catalog: %v", got)
	}
}
