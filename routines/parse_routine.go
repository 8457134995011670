package routines

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/goccy/go-yaml/ast"
)

// routine reads the top-level mapping of a routine file.
func (p *fileParser) routine(body ast.Node) *Routine {
	m, ok := p.mapping(body, "a routine file", topKeys)
	if !ok {
		return nil
	}
	if !p.version(body, m) {
		return nil
	}
	r := &Routine{PainLimit: DefaultPainLimit, PainRise: DefaultPainRise, Prepare: DefaultPrepare}
	if e, ok := m["id"]; ok {
		if id, ok := p.text(e, OneLine, MaxNameLen); ok {
			if validID(id) {
				r.ID = id
			} else {
				p.add(e.value, "invalid id %s; use lower-case letters, digits and dashes, such as %q", quote(id), slugify(id))
			}
		}
	}
	if e, ok := m["name"]; ok {
		r.Name, _ = p.text(e, OneLine, MaxNameLen)
	} else {
		p.add(body, "missing \"name\": every routine needs a name")
	}
	if e, ok := m["author"]; ok {
		r.Author, _ = p.text(e, OneLine, MaxAuthorLen)
	}
	if e, ok := m["client"]; ok {
		r.Client, _ = p.text(e, OneLine, MaxNameLen)
	}
	if e, ok := m["therapist"]; ok {
		r.Therapist = p.therapist(e)
	}
	if e, ok := m["notes"]; ok {
		r.Notes, _ = p.text(e, MultiLine, MaxNotesLen)
	}
	if e, ok := m["schedule"]; ok {
		r.Schedule = p.schedule(e)
	}
	if e, ok := m["at"]; ok {
		r.At = p.at(e)
	}
	if e, ok := m["pain"]; ok {
		if pm, ok := p.mapping(e.value, "\"pain\"", painKeys); ok {
			if l, ok := pm["limit"]; ok {
				r.PainLimit, _ = p.integer(l, 0, 10)
			}
			if n, ok := pm["rise"]; ok {
				r.PainRise, _ = p.integer(n, 1, 10)
			}
		}
	}
	var fileRest *time.Duration
	if e, ok := m["defaults"]; ok {
		if dm, ok := p.mapping(e.value, "\"defaults\"", defaultsKeys); ok {
			if d, ok := dm["prepare"]; ok {
				r.Prepare, _ = p.duration(d, 0, maxRest)
			}
			if d, ok := dm["rest"]; ok {
				if v, ok := p.duration(d, 0, maxRest); ok {
					fileRest = &v
				}
			}
		}
	}
	r.Rest = DefaultRest
	if fileRest != nil {
		r.Rest = *fileRest
	}
	if p.scheduleOnly {
		return r
	}
	e, ok := m["exercises"]
	if !ok {
		p.add(body, "missing \"exercises\": a routine needs at least one exercise")
		return r
	}
	items, ok := p.list(e, "[{use: plank}]")
	if !ok {
		return r
	}
	if len(items) == 0 {
		p.add(e.kn, "\"exercises\" is empty; a routine needs at least one exercise")
		return r
	}
	clean := len(p.problems) == 0
	for _, item := range items {
		if ex, ok := p.exercise(item, r, fileRest); ok {
			r.Exercises = append(r.Exercises, ex)
		}
	}
	if clean && len(p.problems) == 0 {
		if total, over := boundedTotal(r); over {
			p.add(e.kn, "the routine takes more than %s (at least %s); split it into shorter routines", FormatDuration(maxTotal), FormatDuration(total))
		}
	}
	return r
}

// therapist reads `therapist: {name, contact}`; the name is required.
func (p *fileParser) therapist(e entry) Therapist {
	var t Therapist
	tm, ok := p.mapping(e.value, "\"therapist\"", therapistKeys)
	if !ok {
		return t
	}
	if n, ok := tm["name"]; ok {
		t.Name, _ = p.text(n, OneLine, MaxNameLen)
	} else {
		p.add(e.kn, "\"therapist\" needs a \"name\", such as {name: A. Therapist, contact: clinic@example.org}")
	}
	if c, ok := tm["contact"]; ok {
		t.Contact, _ = p.text(c, OneLine, MaxContactLen)
	}
	return t
}

// version checks the format version first: a newer file is refused with
// that one message, since its other keys may be ones we do not know.
func (p *fileParser) version(body ast.Node, m map[string]entry) bool {
	e, ok := m["corecoach"]
	if !ok {
		p.add(body, "missing \"corecoach: 1\": the first line of a routine file gives its format version")
		return true
	}
	n, ok := p.value(e)
	if !ok {
		return true
	}
	if in, isInt := n.(*ast.IntegerNode); isInt {
		v := intValue(in)
		if v == FormatVersion {
			return true
		}
		if v > FormatVersion {
			p.problems = ProblemList{}
			p.add(n, "this file is format %s, newer than this corecoach understands (format %d); update corecoach to use it", in.GetToken().Value, FormatVersion)
			return false
		}
	}
	p.add(n, "\"corecoach\" must be %d, the format version, not %s", FormatVersion, describe(n))
	return true
}

var weekdayNames = []string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

// schedule reads weekdayNames: mon..sun, or full names; any case.
func (p *fileParser) schedule(e entry) []time.Weekday {
	items, ok := p.list(e, "[mon, wed, fri]")
	if !ok {
		return nil
	}
	if len(items) == 0 {
		p.add(e.kn, "\"schedule\" lists no days; leave it out to exercise every day")
		return nil
	}
	return uniqueItems(p, items, "schedule", func(s string) (time.Weekday, string) {
		if d, ok := parseWeekday(s); ok {
			return d, ""
		}
		return 0, weekdayProblem(s)
	})
}

// at reads the times of day, HH:MM, and keeps them earliest first.
func (p *fileParser) at(e entry) []TimeOfDay {
	items, ok := p.list(e, "[\"10:30\", \"15:00\"]")
	if !ok {
		return nil
	}
	if len(items) == 0 {
		p.add(e.kn, "\"at\" lists no times; leave it out when the time of day is free")
		return nil
	}
	if len(items) > MaxAt {
		p.add(e.kn, "\"at\" lists %d times; it may list at most %d", len(items), MaxAt)
		return nil
	}
	times := uniqueItems(p, items, "at", func(s string) (TimeOfDay, string) {
		if t, ok := ParseTimeOfDay(s); ok {
			return t, ""
		}
		return 0, fmt.Sprintf("invalid time %s in \"at\"; use HH:MM on a 24-hour clock, such as \"07:30\" or \"18:00\"", quote(s))
	})
	slices.Sort(times)
	return times
}

// uniqueItems reads the one-line items of the list key, each by parse (a
// value, or why it is not one), naming each problem and each item listed
// twice at its position.
func uniqueItems[T comparable](p *fileParser, items []ast.Node, key string, parse func(string) (T, string)) []T {
	var out []T
	seen := map[T]int{}
	for _, n := range items {
		s, ok := p.textNode(n, key, OneLine, MaxNameLen)
		if !ok {
			continue
		}
		v, problem := parse(s)
		if problem != "" {
			p.add(n, "%s", problem)
			continue
		}
		if line, dup := seen[v]; dup {
			p.add(n, "%s is already listed on line %d", quote(s), line)
			continue
		}
		seen[v], _ = position(n)
		out = append(out, v)
	}
	return out
}

func parseWeekday(s string) (time.Weekday, bool) {
	s = strings.ToLower(s)
	for i, w := range weekdayNames {
		if s == w || s == strings.ToLower(time.Weekday(i).String()) {
			return time.Weekday(i), true
		}
	}
	return 0, false
}

// weekdayProblem suggests the short name of the nearest day, judged
// against both the short and the full names ("frday" is one edit from
// "friday", three from "fri").
func weekdayProblem(s string) string {
	low := strings.ToLower(s)
	if len(low) >= 2 {
		for i, w := range weekdayNames {
			if strings.HasPrefix(strings.ToLower(time.Weekday(i).String()), low) {
				return fmt.Sprintf("unknown weekday %s; did you mean %q?", quote(s), w)
			}
		}
	}
	names := slices.Clone(weekdayNames)
	for i := range weekdayNames {
		names = append(names, strings.ToLower(time.Weekday(i).String()))
	}
	if c := suggest(low, names); c != "" {
		return fmt.Sprintf("unknown weekday %s; did you mean %q?", quote(s), c[:3])
	}
	return fmt.Sprintf("unknown weekday %s; use mon, tue, wed, thu, fri, sat or sun", quote(s))
}

// exercise reads one item of `exercises` and merges it with the library.
func (p *fileParser) exercise(item ast.Node, r *Routine, fileRest *time.Duration) (RoutineExercise, bool) {
	if s, ok := scalarText(item); ok {
		if _, known := LookupExercise(s); known {
			p.add(item, "each exercise is a mapping; write \"- use: %s\"", s)
			return RoutineExercise{}, false
		}
	}
	m, ok := p.mapping(item, "each exercise", exerciseKeys)
	if !ok {
		return RoutineExercise{}, false
	}
	before := len(p.problems)
	ex := RoutineExercise{Sets: 1, Rest: r.Rest, Prepare: r.Prepare}
	use, hasUse := m["use"]
	name, hasName := m["name"]
	switch {
	case hasUse && hasName:
		p.add(name.kn, "an exercise has \"use\" (a built-in exercise) or \"name\" (your own), not both")
	case hasUse:
		if id, ok := p.text(use, OneLine, MaxNameLen); ok {
			lib, known := LookupExercise(id)
			if !known {
				p.add(use.value, "%s", didYouMean("unknown exercise "+quote(id), id, loadLibrary().ids))
				break
			}
			ex = lib.Routine()
			ex.Prepare = r.Prepare
			if fileRest != nil {
				ex.Rest = *fileRest
			}
		}
	case hasName:
		if s, ok := p.text(name, OneLine, MaxNameLen); ok {
			ex.Name, ex.ID = s, customID(s)
		}
	default:
		p.add(item, "an exercise needs \"use\" (a built-in exercise such as plank) or \"name\" (your own)")
	}
	p.dosage(m, &ex)
	if len(p.problems) > before {
		return RoutineExercise{}, false
	}
	if ex.Reps == 0 && ex.Hold == 0 {
		p.add(item, "%s has no \"reps\" and no \"hold\"; give \"hold\" for a timed hold, or \"reps\"", quote(ex.Name))
		return RoutineExercise{}, false
	}
	return ex, true
}

// dosage applies the file's overrides to ex.
func (p *fileParser) dosage(m map[string]entry, ex *RoutineExercise) {
	if e, ok := m["sets"]; ok {
		ex.Sets, _ = p.integer(e, 1, maxSets)
	}
	if e, ok := m["reps"]; ok {
		ex.Reps, _ = p.integer(e, 1, maxReps)
	}
	hold, hasHold := m["hold"]
	tempo, hasTempo := m["tempo"]
	if hasHold && hasTempo {
		later := tempo // the problem is reported where the second of them is
		hl, hc := position(hold.kn)
		tl, tc := position(tempo.kn)
		if hl > tl || hl == tl && hc > tc {
			later = hold
		}
		p.add(later.kn, "\"hold\" and \"tempo\" together: keep \"hold\" to hold each rep still (then \"relax\"), or \"tempo\" to pace moving reps")
	}
	if hasHold {
		ex.Hold, _ = p.duration(hold, minHold, maxHold)
		// What the therapist wrote wins: a hold replaces the library's tempo.
		if ex.Reps > 0 {
			ex.Tempo = 0
		}
	}
	if hasTempo {
		ex.Tempo, _ = p.duration(tempo, minHold, maxHold)
		// ... and a tempo paces the reps of an exercise the library holds.
		if !hasHold && ex.Reps > 0 {
			ex.Hold = 0
		}
	}
	if ex.Reps > 0 && ex.Hold == 0 && ex.Tempo == 0 {
		ex.Tempo = DefaultTempo
	}
	ex.Relax = 0
	if ex.Held() {
		ex.Relax = DefaultRelax(ex.Hold)
	}
	if e, ok := m["relax"]; ok {
		if v, ok := p.duration(e, 0, maxRest); ok {
			switch {
			case ex.Held():
				ex.Relax = v
			case ex.Reps == 0:
				p.add(e.kn, "\"relax\" is the pause after each held rep, and this exercise has no \"reps\"; remove it, or give \"reps\"")
			default:
				p.add(e.kn, "\"relax\" is the pause after each held rep, and these reps are paced by \"tempo\"; remove it, or give \"hold\" instead of \"tempo\"")
			}
		}
	}
	if e, ok := m["rest"]; ok {
		ex.Rest, _ = p.duration(e, 0, maxRest)
	}
	if e, ok := m["prepare"]; ok {
		ex.Prepare, _ = p.duration(e, 0, maxRest)
	}
	if e, ok := m["sides"]; ok {
		if s, ok := p.text(e, OneLine, MaxNameLen); ok {
			switch s {
			case "one":
				ex.Both = false
			case "both":
				ex.Both = true
			default:
				p.add(e.value, "%s", didYouMean("\"sides\" must be one or both, not "+quote(s), s, []string{"one", "both"}))
			}
		}
	}
	if e, ok := m["notes"]; ok {
		ex.Notes, _ = p.text(e, MultiLine, MaxNotesLen)
	}
	if e, ok := m["cues"]; ok {
		if items, ok := p.list(e, "[Back flat, Knees over ankles]"); ok {
			ex.Cues = ex.Cues[:0]
			for _, n := range items {
				if s, ok := p.textNode(n, "cues", OneLine, MaxCueLen); ok {
					ex.Cues = append(ex.Cues, s)
				}
			}
		}
	}
}

// boundedTotal adds up the routine's plan exercise by exercise, stopping
// as soon as it passes maxTotal so that a huge file costs little.
func boundedTotal(r *Routine) (time.Duration, bool) {
	var total time.Duration
	var steps []Step
	for i, e := range r.Exercises {
		steps = compileExercise(steps[:0], i, e)
		total += Plan{Steps: steps}.Total()
		if total > maxTotal {
			return total, true
		}
	}
	return total, false
}

func validID(id string) bool {
	if id == "" || len(id) > maxIDLen {
		return false
	}
	for _, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// customID is the id of a custom exercise: a slug of its name, or, for a
// name with no Latin letters or digits ("壁坐"), one made from a hash of the
// name, so that two such exercises are never merged in results.
func customID(name string) string {
	if id := slugify(name); id != "" {
		return id
	}
	sum := sha256.Sum256([]byte(name))
	return "exercise-" + hex.EncodeToString(sum[:4])
}

// slugify turns text into an id: lower-case letters and digits, other runs
// of characters as one dash.
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(s) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(c)
			dash = false
			if b.Len() >= maxIDLen {
				break
			}
			continue
		}
		dash = true
	}
	return strings.Trim(b.String(), "-")
}

// defaultID is the id of a file without one: its file name, else its name.
func defaultID(file, name string) string {
	base := filepath.Base(file)
	if id := slugify(strings.TrimSuffix(base, filepath.Ext(base))); id != "" {
		return id
	}
	if id := slugify(name); id != "" {
		return id
	}
	return "routine"
}

// ValidID reports whether id can be a routine's id: 1 to 64 of a-z, 0-9
// and -.
func ValidID(id string) bool { return validID(id) }
