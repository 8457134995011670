package routines

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestLibraryComplete(t *testing.T) {
	required := []string{"plank", "side-plank", "glute-bridge", "bird-dog", "dead-bug", "cat-cow",
		"pelvic-tilt", "childs-pose", "knee-to-chest", "supine-twist", "hamstring-stretch",
		"hip-flexor-stretch", "curl-up", "clamshell", "prone-press-up"}
	for _, id := range required {
		if _, ok := LookupExercise(id); !ok {
			t.Errorf("library lacks %q", id)
		}
	}
	for _, e := range Library() {
		t.Run(e.ID, func(t *testing.T) {
			if !validID(e.ID) {
				t.Errorf("id %q is not of [a-z0-9-]", e.ID)
			}
			for field, v := range map[string]string{"name": e.Name, "purpose": e.Purpose,
				"easier": e.Easier, "harder": e.Harder, "source": e.Source} {
				if strings.TrimSpace(v) == "" {
					t.Errorf("%s is empty", field)
				}
			}
			if n := len(e.Cues); n < 3 || n > 5 {
				t.Errorf("%d cues, want 3-5", n)
			}
			if len(e.Mistakes) == 0 {
				t.Error("no common mistakes")
			}
			for _, s := range append(append([]string{e.Name, e.Purpose, e.Source}, e.Cues...), e.Mistakes...) {
				if Sanitize(s) != s || strings.Contains(s, "\n") {
					t.Errorf("text %q has control characters", s)
				}
			}
			if e.Sets < 1 || e.Sets > maxSets || e.Reps < 0 || e.Reps > maxReps {
				t.Errorf("sets %d, reps %d out of bounds", e.Sets, e.Reps)
			}
			if e.Reps == 0 && e.Hold == 0 {
				t.Error("a timed hold without a hold time")
			}
			if e.Reps > 0 && e.Hold == 0 && e.Tempo == 0 {
				t.Error("reps without a hold or tempo")
			}
			if e.Hold != 0 && (e.Hold < minHold || e.Hold > maxHold) {
				t.Errorf("hold %v out of bounds", e.Hold)
			}
			if e.Rest < 0 || e.Rest > maxRest {
				t.Errorf("rest %v out of bounds", e.Rest)
			}
		})
	}
}

func TestLookupExercise(t *testing.T) {
	e, ok := LookupExercise("curl-up")
	if !ok || e.Name != "McGill curl-up" {
		t.Fatalf("LookupExercise(curl-up) = %q, %v", e.Name, ok)
	}
	if _, ok := LookupExercise("plnak"); ok {
		t.Fatal("found an exercise that does not exist")
	}
	if got := SuggestExercise("plnak"); got != "plank" {
		t.Errorf("SuggestExercise(plnak) = %q, want plank", got)
	}
	if got := SuggestExercise("zzzzzzzz"); got != "" {
		t.Errorf("SuggestExercise(zzzzzzzz) = %q, want none", got)
	}
}

func TestLibraryIsACopy(t *testing.T) {
	Library()[0].Name = "changed"
	if Library()[0].Name == "changed" {
		t.Error("Library() exposes its backing array")
	}
}

func TestDecodeLibraryRejects(t *testing.T) {
	for name, data := range map[string]string{
		"unknown field": "- id: x\n  nmae: X\n",
		"bad duration":  "- id: x\n  hold: 3 weeks\n",
		"duplicate":     "- id: x\n- id: x\n",
	} {
		if _, err := decodeLibrary([]byte(data)); err == nil {
			t.Errorf("%s: decodeLibrary accepted it", name)
		}
	}
}

// The stenosis alternative to the back bend is done in the exercise's own
// time, never by skipping it: a skipped set is never counted as done, so
// skipping would leave every such desk break partial. The routine's notes,
// the exercise's note, the library's purpose and its easier variant say the
// same alternative.
func TestDeskBreakBackBendAlternative(t *testing.T) {
	r, ok := Builtin("desk-break")
	if !ok {
		t.Fatal("no desk-break")
	}
	lib, _ := LookupExercise("standing-extension")
	texts := map[string]string{"routine notes": r.Notes, "library purpose": lib.Purpose, "library easier": lib.Easier}
	for _, ex := range r.Exercises {
		if ex.ID == "standing-extension" {
			texts["exercise notes"] = ex.Notes
		}
	}
	if len(texts) != 4 {
		t.Fatal("desk-break has no standing-extension")
	}
	for where, s := range texts {
		flat := strings.Join(strings.Fields(s), " ")
		for _, want := range []string{"sit and bend forwards", "march on the spot"} {
			if !strings.Contains(flat, want) {
				t.Errorf("%s lacks %q: %q", where, want, flat)
			}
		}
		if strings.Contains(flat, "(n)") || strings.Contains(flat, "skip it") || strings.Contains(flat, "walk for a minute") {
			t.Errorf("%s tells the client to skip the exercise: %q", where, flat)
		}
	}
}

// TestDeskBreakIsAStandingMicroBreak keeps desk-break a break from the chair:
// two to three minutes in all, and no step that asks the client to kneel,
// lie down or get on the floor.
func TestDeskBreakIsAStandingMicroBreak(t *testing.T) {
	r, ok := Builtin("desk-break")
	if !ok {
		t.Fatal("no desk-break")
	}
	if total := Compile(r).Total(); total < 2*time.Minute || total > 3*time.Minute {
		t.Errorf("desk-break takes %v, want 2 to 3 minutes", total)
	}
	for _, ex := range r.Exercises {
		cues := strings.ToLower(strings.Join(ex.Cues, " "))
		if !strings.Contains(cues, "stand") {
			t.Errorf("%s: no cue says to stand: %q", ex.ID, cues)
		}
		for _, floor := range []string{"kneel", "lie ", "lie on", "floor", "all fours"} {
			if strings.Contains(cues, floor) {
				t.Errorf("%s: cue asks to %q: %q", ex.ID, floor, cues)
			}
		}
	}
}

// Self-massage steps are timed holds done on each side, each names the
// studies behind it, and none works on the lower back: each tells the
// client to keep off it.
func TestLibraryReleaseSteps(t *testing.T) {
	year := regexp.MustCompile(`\b(19|20)\d\d\b`)
	var ids []string
	for _, e := range Library() {
		if !e.Release {
			continue
		}
		ids = append(ids, e.ID)
		t.Run(e.ID, func(t *testing.T) {
			if !e.OneSided || e.Reps != 0 || e.Hold < 30*time.Second || e.Hold > 60*time.Second {
				t.Errorf("one-sided %v, reps %d, hold %v: want a 30-60 s hold per side", e.OneSided, e.Reps, e.Hold)
			}
			if !year.MatchString(e.Source) || !strings.Contains(e.Source, "et al.") {
				t.Errorf("source %q names no study", e.Source)
			}
			if !strings.Contains(e.Source, "short-term") {
				t.Errorf("source %q does not say the gains are short-term", e.Source)
			}
			if !strings.Contains(e.Purpose, "not a treatment") {
				t.Errorf("purpose %q does not say it is not a treatment", e.Purpose)
			}
			for _, s := range []string{e.ID, strings.ToLower(e.Name)} {
				for _, bad := range []string{"lumbar", "lower back", "lower-back", "low back", "low-back"} {
					if strings.Contains(s, bad) {
						t.Errorf("%q works on the lower back", s)
					}
				}
			}
			stop := false
			for _, c := range e.Cues {
				stop = stop || strings.Contains(c, "Stop if it causes pain, numbness or tingling")
			}
			if !stop {
				t.Error("no cue says to stop on pain, numbness or tingling")
			}
		})
	}
	for _, want := range []string{"foam-roll-upper-back", "foam-roll-glutes", "ball-release-glutes-wall"} {
		if !slices.Contains(ids, want) {
			t.Errorf("library lacks release step %q (has %v)", want, ids)
		}
	}
	// The lower back is kept out on purpose, and the library says why.
	upper, _ := LookupExercise("foam-roll-upper-back")
	for _, want := range []string{"never roll the lower back", "no ribs", "little evidence", "provoke"} {
		if !strings.Contains(upper.Purpose, want) {
			t.Errorf("upper-back purpose lacks %q", want)
		}
	}
	for _, id := range ids[1:] { // the upper-back roll says it in its purpose
		e, _ := LookupExercise(id)
		if id != "roll-calves" && !strings.Contains(e.Purpose+strings.Join(e.Cues, " "), "off the lower back") {
			t.Errorf("%s does not say to keep off the lower back", id)
		}
	}
}

// release-and-move puts self-massage first and exercise after it, and its
// notes, like its handout, say plainly what rolling can and cannot do.
func TestReleaseAndMove(t *testing.T) {
	r, ok := Builtin("release-and-move")
	if !ok {
		t.Fatal("no release-and-move")
	}
	var kinds []bool
	for _, ex := range r.Exercises {
		lib, _ := LookupExercise(ex.ID)
		if len(kinds) > 0 && lib.Release && !kinds[len(kinds)-1] {
			t.Errorf("release step %s comes after exercise", ex.ID)
		}
		kinds = append(kinds, lib.Release)
	}
	if !kinds[0] || kinds[len(kinds)-1] {
		t.Errorf("release then exercise, got release flags %v", kinds)
	}
	var md strings.Builder
	if err := WriteHandout(&md, r, "md"); err != nil {
		t.Fatal(err)
	}
	for where, s := range map[string]string{"notes": r.Notes, "handout": md.String()} {
		flat := strings.Join(strings.Fields(s), " ")
		for _, want := range []string{"for a short while", "not a treatment", "Never roll or press on the lower back", "stop if it causes pain, numbness or tingling"} {
			if !strings.Contains(flat, want) {
				t.Errorf("%s lacks %q", where, want)
			}
		}
	}
}
