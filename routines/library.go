package routines

import (
	_ "embed"
	"fmt"
	"sync"
	"time"

	"github.com/goccy/go-yaml"
)

// Exercise is an entry of the built-in exercise library.
type Exercise struct {
	ID       string
	Name     string
	Purpose  string   // what the exercise is for, in a sentence
	Cues     []string // 3-5 form cues
	Mistakes []string // common mistakes
	OneSided bool     // done on the left, then the right
	// Release marks self-massage (a roller or ball held on one area): a
	// short-term ease of movement before exercise, never on the lower back.
	Release bool
	// Default dosage; Reps 0 means a timed hold of Hold.
	Sets  int
	Reps  int
	Hold  time.Duration
	Tempo time.Duration
	Rest  time.Duration
	// Easier and Harder describe variants in prose.
	Easier, Harder string
	// Source says where the default dosage comes from.
	Source string
}

// Routine returns the exercise with its default dosage, as a routine file
// that only says `use: ID` would have it.
func (e Exercise) Routine() RoutineExercise {
	return RoutineExercise{
		ID: e.ID, Name: e.Name, BuiltIn: true,
		Cues: append([]string(nil), e.Cues...),
		Sets: e.Sets, Reps: e.Reps, Hold: e.Hold, Relax: e.Relax(), Tempo: e.Tempo,
		Both: e.OneSided, Rest: e.Rest,
	}
}

// Relax is the pause after each of the exercise's held reps (0 when its
// reps are paced or it is a timed hold).
func (e Exercise) Relax() time.Duration {
	if e.Reps > 0 && e.Hold > 0 {
		return DefaultRelax(e.Hold)
	}
	return 0
}

//go:embed library/exercises.yaml
var libraryYAML []byte

// libraryEntry is the YAML form of an Exercise.
type libraryEntry struct {
	ID       string   `yaml:"id"`
	Name     string   `yaml:"name"`
	Purpose  string   `yaml:"purpose"`
	Cues     []string `yaml:"cues"`
	Mistakes []string `yaml:"mistakes"`
	OneSided bool     `yaml:"one_sided"`
	Release  bool     `yaml:"release"`
	Sets     int      `yaml:"sets"`
	Reps     int      `yaml:"reps"`
	Hold     Duration `yaml:"hold"`
	Tempo    Duration `yaml:"tempo"`
	Rest     Duration `yaml:"rest"`
	Easier   string   `yaml:"easier"`
	Harder   string   `yaml:"harder"`
	Source   string   `yaml:"source"`
}

type library struct {
	list []Exercise
	byID map[string]int
	ids  []string
}

// loadLibrary decodes the embedded library once. The data ships with the
// binary and a test validates it, so a failure here is a build defect.
var loadLibrary = sync.OnceValue(func() library {
	lib, err := decodeLibrary(libraryYAML)
	if err != nil {
		panic(fmt.Sprintf("routines: embedded exercise library: %v", err))
	}
	return lib
})

func decodeLibrary(data []byte) (library, error) {
	var entries []libraryEntry
	if err := yaml.UnmarshalWithOptions(data, &entries, yaml.Strict()); err != nil {
		return library{}, err
	}
	lib := library{byID: make(map[string]int, len(entries))}
	for _, e := range entries {
		if _, dup := lib.byID[e.ID]; dup {
			return library{}, fmt.Errorf("exercise %q listed twice", e.ID)
		}
		lib.byID[e.ID] = len(lib.list)
		lib.ids = append(lib.ids, e.ID)
		lib.list = append(lib.list, Exercise{
			ID: e.ID, Name: e.Name, Purpose: e.Purpose,
			Cues: e.Cues, Mistakes: e.Mistakes, OneSided: e.OneSided, Release: e.Release,
			Sets: e.Sets, Reps: e.Reps,
			Hold: time.Duration(e.Hold), Tempo: time.Duration(e.Tempo), Rest: time.Duration(e.Rest),
			Easier: e.Easier, Harder: e.Harder, Source: e.Source,
		})
	}
	return lib, nil
}

// Library is the built-in exercise library, in the order of its file.
func Library() []Exercise {
	return append([]Exercise(nil), loadLibrary().list...)
}

// LookupExercise finds a library exercise by id.
func LookupExercise(id string) (Exercise, bool) {
	lib := loadLibrary()
	i, ok := lib.byID[id]
	if !ok {
		return Exercise{}, false
	}
	return lib.list[i], true
}

// SuggestExercise returns the library id nearest to id, or "" when none is
// near enough to be a likely typo.
func SuggestExercise(id string) string {
	return suggest(id, loadLibrary().ids)
}

// Variants are the easier and harder versions of a built-in exercise, in
// prose, as the library has them; both "" for an exercise of the
// therapist's own.
func (e RoutineExercise) Variants() (easier, harder string) {
	if !e.BuiltIn {
		return "", ""
	}
	lib, ok := LookupExercise(e.ID)
	if !ok {
		return "", ""
	}
	return lib.Easier, lib.Harder
}
