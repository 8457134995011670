package routines

import (
	"slices"
	"time"
)

// DiffFormat names the document of `routine diff --json`; DiffVersion is
// its version, raised only when a field changes meaning.
const (
	DiffFormat  = "corecoach-routine-diff"
	DiffVersion = 1
)

// DiffDocument is the diff for programs, in a stable order of keys
// (docs/routine-diff.md, docs/routine-diff.schema.json).
type DiffDocument struct {
	Format    string        `json:"format"`
	Version   int           `json:"version"`
	Same      bool          `json:"same"`
	Old       DiffSideDoc   `json:"old"`
	New       DiffSideDoc   `json:"new"`
	Changes   []FieldDoc    `json:"changes"`
	Exercises []ExerciseDoc `json:"exercises"`
}

// DiffSideDoc is one routine compared.
type DiffSideDoc struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	Hash         string `json:"hash"`
	Source       string `json:"source"`
	TotalSeconds int    `json:"total_seconds"`
}

// FieldDoc is one value that differs; null where the value is absent.
// Durations are whole seconds.
type FieldDoc struct {
	Field string `json:"field"`
	Old   any    `json:"old"`
	New   any    `json:"new"`
}

// ExerciseDoc is one exercise of either routine.
type ExerciseDoc struct {
	Change      string     `json:"change"` // kept, added, removed
	ID          string     `json:"id"`
	Name        string     `json:"name"`
	OldPosition *int       `json:"old_position"`
	NewPosition *int       `json:"new_position"`
	Moved       bool       `json:"moved"`
	Changes     []FieldDoc `json:"changes"`
	Dosage      string     `json:"dosage,omitempty"`
}

// Document is the diff as a document for programs.
func (d *RoutineDiff) Document() DiffDocument {
	doc := DiffDocument{
		Format: DiffFormat, Version: DiffVersion, Same: d.Same(),
		Old: sideDoc(d.Old), New: sideDoc(d.New),
		Changes:   fieldDocs(d.Fields),
		Exercises: make([]ExerciseDoc, 0, len(d.Exercises)),
	}
	for _, e := range d.Exercises {
		doc.Exercises = append(doc.Exercises, ExerciseDoc{
			Change: e.Change.String(), ID: e.ID, Name: e.Name,
			OldPosition: position1(e.OldPos), NewPosition: position1(e.NewPos),
			Moved: e.Moved, Changes: fieldDocs(e.Fields), Dosage: e.Dosage,
		})
	}
	return doc
}

func sideDoc(s DiffSide) DiffSideDoc {
	return DiffSideDoc{ID: s.ID, Name: s.Name, Hash: s.Hash, Source: s.Label, TotalSeconds: seconds(s.Total)}
}

func position1(p int) *int {
	if p == 0 {
		return nil
	}
	return &p
}

func fieldDocs(fs []FieldChange) []FieldDoc {
	out := make([]FieldDoc, 0, len(fs))
	for _, f := range fs {
		out = append(out, FieldDoc{f.Field, jsonValue(f.Old), jsonValue(f.New)})
	}
	return out
}

func jsonValue(v any) any {
	switch v := v.(type) {
	case time.Duration:
		return seconds(v)
	case []string:
		return slices.Clone(v)
	}
	return v
}

func seconds(d time.Duration) int { return int(d.Round(time.Second) / time.Second) }
