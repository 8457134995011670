package routines

import (
	"embed"
	"fmt"
	"sync"
)

//go:embed builtin/*.yaml
var builtinFS embed.FS

// builtinOrder is the order of Builtins: the default routine first.
var builtinOrder = []string{"core-basics", "mcgill-big-3", "morning-mobility", "desk-break", "release-and-move"}

// loadBuiltins parses the embedded routines once with the same parser as
// user files. A test checks they parse, so a failure is a build defect.
var loadBuiltins = sync.OnceValue(func() []*Routine {
	out := make([]*Routine, 0, len(builtinOrder))
	for _, id := range builtinOrder {
		name := "builtin/" + id + ".yaml"
		data, err := builtinFS.ReadFile(name)
		if err != nil {
			panic(fmt.Sprintf("routines: built-in routine %s: %v", id, err))
		}
		r, err := Parse(name, data)
		if err != nil {
			panic(fmt.Sprintf("routines: built-in routine %s:\n%v", id, err))
		}
		r.Source = BuiltinSource
		out = append(out, r)
	}
	return out
})

// Builtins returns the built-in routines, core-basics first. Each call
// returns fresh copies that the caller may change.
func Builtins() []*Routine {
	list := loadBuiltins()
	out := make([]*Routine, len(list))
	for i, r := range list {
		out[i] = r.clone()
	}
	return out
}

// Builtin finds a built-in routine by id.
func Builtin(id string) (*Routine, bool) {
	for _, r := range loadBuiltins() {
		if r.ID == id {
			return r.clone(), true
		}
	}
	return nil, false
}

// BuiltinIDs lists the ids of the built-in routines.
func BuiltinIDs() []string {
	return append([]string(nil), builtinOrder...)
}

// clone copies r deeply enough that changing the copy leaves r alone.
func (r *Routine) clone() *Routine {
	c := *r
	c.Schedule = append(c.Schedule[:0:0], r.Schedule...)
	c.At = append(c.At[:0:0], r.At...)
	c.Exercises = make([]RoutineExercise, len(r.Exercises))
	for i, e := range r.Exercises {
		e.Cues = append([]string(nil), e.Cues...)
		c.Exercises[i] = e
	}
	return &c
}
