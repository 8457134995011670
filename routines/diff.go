package routines

import (
	"slices"
	"strings"
	"time"
)

// RoutineDiff is what changed from one routine to another, as the client
// would do them: it compares the routines after parsing, with the library's
// defaults merged in, not the text of their files (docs/routine-diff.md).
type RoutineDiff struct {
	Old, New DiffSide
	// Fields are the routine's own changes: id, name, author, schedule,
	// pain limit and rise, notes.
	Fields []FieldChange
	// Exercises lists every exercise of both routines: those of the new one
	// in its order, each removed one after the exercise it followed.
	Exercises []ExerciseDiff
}

// DiffSide is one of the two routines compared.
type DiffSide struct {
	ID, Name string
	Hash     string
	// Label says where the routine came from: its file, "built-in", or
	// what the caller chooses.
	Label string
	Total time.Duration
}

// FieldChange is one value that differs. Old or New is nil when the value
// is absent on that side (a relax added to reps that had none). Values are
// int (counts and pain scores), time.Duration, string, or []string (the
// schedule's days, empty for every day, and cues).
type FieldChange struct {
	Field    string
	Old, New any
}

// ExerciseChange is what happened to an exercise.
type ExerciseChange int

const (
	ExerciseKept    ExerciseChange = iota // in both routines; Fields and Moved say how it changed
	ExerciseAdded                         // only in the new routine
	ExerciseRemoved                       // only in the old routine
)

func (c ExerciseChange) String() string {
	return [...]string{"kept", "added", "removed"}[c]
}

// ExerciseDiff is one exercise of either routine.
type ExerciseDiff struct {
	Change ExerciseChange
	ID     string
	Name   string
	// OldPos and NewPos are 1-based places in each routine; 0 where absent.
	OldPos, NewPos int
	// Moved: the exercise changed places with others, beyond the shift
	// that exercises added or removed before it cause.
	Moved  bool
	Fields []FieldChange // dose, notes and cues that differ, for a kept exercise
	// Dosage is the dose in words of an added (the new) or a removed (the
	// old) exercise.
	Dosage string
}

// Same reports whether the routines have no differences a client would
// notice: the files may still differ in comments or layout.
func (d *RoutineDiff) Same() bool {
	if len(d.Fields) > 0 {
		return false
	}
	for _, e := range d.Exercises {
		if e.Change != ExerciseKept || e.Moved || len(e.Fields) > 0 {
			return false
		}
	}
	return true
}

// Diff compares two routines. Exercises are matched by id, then the rest by
// name; when an exercise appears more than once (the rounds of the McGill
// pyramid), its occurrences are matched in order, so that removing a middle
// round shows as that round removed.
func Diff(old, new *Routine) *RoutineDiff {
	d := &RoutineDiff{Old: diffSide(old), New: diffSide(new)}
	d.Fields = routineChanges(old, new)
	pairs, moved := matchExercises(old.Exercises, new.Exercises)

	newToOld := make(map[int]int, len(pairs))
	oldMatched := make(map[int]bool, len(pairs))
	for _, p := range pairs {
		newToOld[p.new] = p.old
		oldMatched[p.old] = true
	}
	// Removed exercises are shown after the exercise that preceded them in
	// the old routine, once that one has been shown; those before any kept
	// exercise come first.
	removedAfter := map[int][]int{} // new index (or -1) -> old indexes
	lastKept := -1
	for i := range old.Exercises {
		if oldMatched[i] {
			lastKept = pairNew(pairs, i)
			continue
		}
		removedAfter[lastKept] = append(removedAfter[lastKept], i)
	}
	removed := func(after int) {
		for _, i := range removedAfter[after] {
			e := old.Exercises[i]
			d.Exercises = append(d.Exercises, ExerciseDiff{Change: ExerciseRemoved, ID: e.ID, Name: e.Name, OldPos: i + 1, Dosage: e.Dosage()})
		}
	}
	removed(-1)
	for j, e := range new.Exercises {
		i, ok := newToOld[j]
		if !ok {
			d.Exercises = append(d.Exercises, ExerciseDiff{Change: ExerciseAdded, ID: e.ID, Name: e.Name, NewPos: j + 1, Dosage: e.Dosage()})
		} else {
			d.Exercises = append(d.Exercises, ExerciseDiff{Change: ExerciseKept, ID: e.ID, Name: e.Name, OldPos: i + 1, NewPos: j + 1,
				Moved: moved[i], Fields: exerciseChanges(old.Exercises[i], e)})
		}
		removed(j)
	}
	return d
}

func diffSide(r *Routine) DiffSide {
	return DiffSide{ID: r.ID, Name: r.Name, Hash: r.Hash, Label: r.Source, Total: Compile(r).Total()}
}

// routineChanges compares the routine's own keys, in the order of a file.
func routineChanges(old, new *Routine) []FieldChange {
	var out []FieldChange
	text := func(field, a, b string) {
		if a != b {
			out = append(out, FieldChange{field, optional(a), optional(b)})
		}
	}
	text("id", old.ID, new.ID)
	text("name", old.Name, new.Name)
	text("author", old.Author, new.Author)
	text("client", old.Client, new.Client)
	text("therapist.name", old.Therapist.Name, new.Therapist.Name)
	text("therapist.contact", old.Therapist.Contact, new.Therapist.Contact)
	if a, b := dayNames(old.Schedule), dayNames(new.Schedule); !slices.Equal(a, b) {
		out = append(out, FieldChange{"schedule", a, b})
	}
	// The pain rules as they judge pain, so that a file's missing rise and
	// its "rise: 2" are the same.
	if a, b := PainRulesOf(old), PainRulesOf(new); a.Limit != b.Limit {
		out = append(out, FieldChange{"pain.limit", a.Limit, b.Limit})
	}
	if a, b := PainRulesOf(old), PainRulesOf(new); a.Rise != b.Rise {
		out = append(out, FieldChange{"pain.rise", a.Rise, b.Rise})
	}
	text("notes", old.Notes, new.Notes)
	return out
}

// optional is s, or nil when it is empty (the key is left out).
func optional(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// dayNames are the schedule's days as a file writes them, Monday first;
// none means every day.
func dayNames(days []time.Weekday) []string {
	sorted := slices.Clone(days)
	slices.SortFunc(sorted, func(a, b time.Weekday) int { return mondayFirst(a) - mondayFirst(b) })
	names := make([]string, len(sorted))
	for i, d := range sorted {
		names[i] = weekdayNames[d]
	}
	return names
}

func mondayFirst(d time.Weekday) int { return (int(d) + 6) % 7 }

// exerciseChanges compares two exercises' doses, then their notes and
// cues. A dose value counts only where the session uses it: a rest only
// between sets, a relax only between held reps, a tempo only for paced
// reps; so sets 1 -> 3 brings "rest 20s added".
func exerciseChanges(a, b RoutineExercise) []FieldChange {
	var out []FieldChange
	if a.ID != b.ID {
		out = append(out, FieldChange{"id", a.ID, b.ID})
	}
	if a.Name != b.Name {
		out = append(out, FieldChange{"name", a.Name, b.Name})
	}
	da, db := dose(a), dose(b)
	for i := range da {
		if da[i] != db[i] {
			out = append(out, FieldChange{doseFields[i], da[i], db[i]})
		}
	}
	if a.Notes != b.Notes {
		out = append(out, FieldChange{"notes", optional(a.Notes), optional(b.Notes)})
	}
	if !slices.Equal(a.Cues, b.Cues) {
		out = append(out, FieldChange{"cues", cueList(a.Cues), cueList(b.Cues)})
	}
	return out
}

// doseFields are the dose keys, in the order changes are listed.
var doseFields = [...]string{"sets", "reps", "hold", "relax", "tempo", "rest", "sides", "prepare"}

// dose is an exercise's dose in doseFields order, nil where it does not apply.
func dose(e RoutineExercise) [len(doseFields)]any {
	var v [len(doseFields)]any
	sets := max(e.Sets, 1)
	v[0] = sets
	if e.Reps > 0 {
		v[1] = e.Reps
	}
	if e.Hold > 0 {
		v[2] = e.Hold
	}
	if e.Held() && e.Reps > 1 && e.Relax > 0 {
		v[3] = e.Relax
	}
	if e.Reps > 0 && e.Hold == 0 && e.Tempo > 0 {
		v[4] = e.Tempo
	}
	if sets > 1 {
		v[5] = e.Rest
	}
	v[6] = "one"
	if e.Both {
		v[6] = "both"
	}
	v[7] = e.Prepare
	return v
}

func cueList(cues []string) any {
	if len(cues) == 0 {
		return nil
	}
	return slices.Clone(cues)
}

// pair is a matched exercise: its index in the old and in the new routine.
type pair struct{ old, new int }

func pairNew(pairs []pair, old int) int {
	for _, p := range pairs {
		if p.old == old {
			return p.new
		}
	}
	return -1
}

// nameKey is a name as matching compares it: any case, any spacing.
func nameKey(e RoutineExercise) string {
	return strings.ToLower(strings.Join(strings.Fields(e.Name), " "))
}

// matchExercises pairs the exercises of two routines, sorted by their old
// index, and says which of them moved (by old index). First, the most
// exercises that can be paired in order, with the same id or name, and of
// those ways the one with the fewest changes: these stay in place. Then,
// of the rest, those with the same id, then those with the same name, in
// order: these moved.
func matchExercises(old, new []RoutineExercise) (pairs []pair, moved map[int]bool) {
	cost := func(i, j int) int { return len(exerciseChanges(old[i], new[j])) }
	all := func(n int) []int {
		idx := make([]int, n)
		for i := range idx {
			idx[i] = i
		}
		return idx
	}
	pairs = alignInOrder(all(len(old)), all(len(new)), func(i, j int) bool {
		return old[i].ID == new[j].ID || nameKey(old[i]) == nameKey(new[j])
	}, cost)
	oldUsed := make([]bool, len(old))
	newUsed := make([]bool, len(new))
	for _, p := range pairs {
		oldUsed[p.old], newUsed[p.new] = true, true
	}
	moved = map[int]bool{}
	for _, key := range []func(RoutineExercise) string{func(e RoutineExercise) string { return e.ID }, nameKey} {
		oldBy, newBy := map[string][]int{}, map[string][]int{}
		var keys []string
		for i, e := range old {
			if !oldUsed[i] {
				k := key(e)
				if _, seen := oldBy[k]; !seen {
					keys = append(keys, k)
				}
				oldBy[k] = append(oldBy[k], i)
			}
		}
		for j, e := range new {
			if !newUsed[j] {
				newBy[key(e)] = append(newBy[key(e)], j)
			}
		}
		for _, k := range keys {
			for _, p := range alignInOrder(oldBy[k], newBy[k], func(int, int) bool { return true }, cost) {
				oldUsed[p.old], newUsed[p.new] = true, true
				pairs = append(pairs, p)
				moved[p.old] = true
			}
		}
	}
	slices.SortFunc(pairs, func(a, b pair) int { return a.old - b.old })
	return pairs, moved
}

// alignInOrder pairs items of olds with items of news that may match,
// keeping their order: as many pairs as can be made, and of those ways
// the one with the fewest changes. Of equal ways, the earlier items of
// olds are kept, so that when two exercises swap, the later one moved.
func alignInOrder(olds, news []int, match func(i, j int) bool, cost func(i, j int) int) []pair {
	n, m := len(olds), len(news)
	if n == 0 || m == 0 {
		return nil
	}
	type score struct{ pairs, cost int }
	better := func(a, b score) bool { return a.pairs > b.pairs || a.pairs == b.pairs && a.cost < b.cost }
	// best[i][j] is the best alignment of olds[i:] and news[j:]; step[i][j]
	// how it begins: 0 a pair, 1 news[j] left out, 2 olds[i] left out.
	best := make([][]score, n+1)
	step := make([][]int8, n+1)
	for i := range best {
		best[i] = make([]score, m+1)
		step[i] = make([]int8, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			s, how := best[i][j+1], int8(1)
			if match(olds[i], news[j]) {
				p := best[i+1][j+1]
				if c := (score{p.pairs + 1, p.cost + cost(olds[i], news[j])}); !better(s, c) {
					s, how = c, 0
				}
			}
			if o := best[i+1][j]; better(o, s) {
				s, how = o, 2
			}
			best[i][j], step[i][j] = s, how
		}
	}
	var out []pair
	for i, j := 0, 0; i < n && j < m; {
		switch step[i][j] {
		case 0:
			out = append(out, pair{olds[i], news[j]})
			i, j = i+1, j+1
		case 1:
			j++
		default:
			i++
		}
	}
	return out
}
