package routines

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"corecoach/routines/text"
)

// HandoutFormats are the formats WriteHandout knows.
var HandoutFormats = []string{"md", "html"}

// WriteHandout writes a printable handout of r for a client: the schedule,
// the therapist's notes, each exercise with its dosage and cues, the total
// time and the red flags that mean stop and seek care. format is "md" or
// "html". The output has no date in it, so the same routine always gives
// the same handout.
func WriteHandout(w io.Writer, r *Routine, format string) error {
	if r == nil {
		return errors.New("no routine to print")
	}
	var write func(io.Writer, handout) error
	switch format {
	case "md":
		write = writeMarkdown
	case "html":
		write = writeHTML
	default:
		return fmt.Errorf("unknown handout format %q; use md or html", format)
	}
	return write(w, newHandout(r))
}

// handout is what both formats print, with every text from the routine
// file already cleaned of control characters.
type handout struct {
	ID        string
	Name      string
	Author    string
	Client    string
	Therapist string // the name, then the contact in brackets when given
	Version   string // routines.ShortHash of the file's content hash
	Schedule  string // "Mon, Tue, Thu, Fri" or "every day"
	Week      []weekDay
	Notes     []string // paragraphs
	NotesHead string
	PainLimit int
	PainRise  int // the next-day rise that means easing off
	Total     string
	Exercises []handoutExercise
}

type weekDay struct {
	Label string
	On    bool
}

type handoutExercise struct {
	Number int
	Name   string
	Dosage string
	Time   string
	Cues   []string
	Notes  []string
	// Easier and Harder are the library's variants of a built-in
	// exercise, "" for one of the therapist's own.
	Easier, Harder string
}

// weekdays in the order a week is printed, Monday first.
var weekdays = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

// handoutWeeks is how many weeks the tick table covers.
const handoutWeeks = 4

func newHandout(r *Routine) handout {
	plan := Compile(r)
	perExercise := make([]time.Duration, len(r.Exercises))
	for _, s := range plan.Steps {
		if s.Exercise >= 0 && s.Exercise < len(perExercise) {
			perExercise[s.Exercise] += s.Duration
		}
	}
	h := handout{
		ID:        runnableID(r.ID),
		Name:      SafeLine(r.Name),
		Author:    SafeLine(r.Author),
		Client:    SafeLine(r.Client),
		Therapist: TherapistLine(r.Therapist),
		Version:   ShortHash(SafeLine(r.Hash)),
		Notes:     paragraphs(r.Notes),
		NotesHead: "Notes from your therapist",
		PainLimit: r.PainLimit,
		PainRise:  PainRulesOf(r).Rise,
		Total:     FormatDuration(plan.Total()),
	}
	if r.Source == BuiltinSource {
		h.NotesHead = "About this routine"
	}
	if h.Name == "" {
		h.Name = "Your routine"
	}
	h.Schedule, h.Week = schedule(r.Schedule)
	for i, e := range r.Exercises {
		he := handoutExercise{
			Number: i + 1,
			Name:   SafeLine(e.Name),
			Dosage: e.Dosage(),
			Time:   FormatDuration(perExercise[i]),
			Notes:  paragraphs(e.Notes),
		}
		he.Easier, he.Harder = e.Variants()
		for _, c := range e.Cues {
			if c = SafeLine(c); c != "" {
				he.Cues = append(he.Cues, c)
			}
		}
		h.Exercises = append(h.Exercises, he)
	}
	return h
}

// TherapistLine is how handouts and reports name the therapist: "A.
// Therapist (clinic@example.org)", the name alone, or "" for none.
func TherapistLine(t Therapist) string {
	name, contact := SafeLine(t.Name), SafeLine(t.Contact)
	switch {
	case contact == "":
		return name
	case name == "":
		return contact
	}
	return name + " (" + contact + ")"
}

// schedule gives the days in words and the week, Monday first, with the
// exercise days marked. No days, or all seven, is every day.
func schedule(days []time.Weekday) (string, []weekDay) {
	on := map[time.Weekday]bool{}
	for _, d := range days {
		on[d] = true
	}
	every := len(on) == 0 || len(on) == len(weekdays)
	var names []string
	week := make([]weekDay, len(weekdays))
	for i, d := range weekdays {
		week[i] = weekDay{Label: d.String()[:3], On: every || on[d]}
		if on[d] {
			names = append(names, week[i].Label)
		}
	}
	if every {
		return "every day", week
	}
	return strings.Join(names, ", "), week
}

// runnableID is the id to print in a `corecoach run` line, or "" when the
// id is not one a person could type there.
func runnableID(id string) string {
	if !validID(id) {
		return ""
	}
	return id
}

// SafeLine makes text from a file or the database safe and whole for one
// line: no control characters (Sanitize), no line breaks, no runs of
// spaces. The handout, the report and the history table all use it.
func SafeLine(s string) string {
	return text.OneLine(Sanitize(s))
}

// paragraphs splits a multi-line text into cleaned paragraphs. A blank
// line ends a paragraph, as does a line that starts like a list item
// ("- ", "* ", "1. "), so a therapist's short list keeps its shape while
// text wrapped in the file reads as one paragraph.
func paragraphs(s string) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
			cur = cur[:0]
		}
	}
	for l := range strings.Lines(s) {
		l = SafeLine(l)
		if l == "" || listItem.MatchString(l) {
			flush()
		}
		if l != "" {
			cur = append(cur, l)
		}
	}
	flush()
	return out
}

// listItem matches a line that starts like an item of a list.
var listItem = regexp.MustCompile(`^([-*+•]|[0-9]+[.)])\s`)

// handoutTier is one tier of red flags as the handout prints it.
type handoutTier struct {
	Title, Intro string
	Flags        []string
}

// redFlagTiers are RedFlagTiers in their full forms, for the handout's
// safety box.
func redFlagTiers() []handoutTier {
	var out []handoutTier
	for _, t := range RedFlagTiers() {
		ht := handoutTier{Title: t.Title, Intro: t.Intro}
		for _, f := range t.Flags {
			ht.Flags = append(ht.Flags, f.Full)
		}
		out = append(out, ht)
	}
	return out
}

const (
	safetyTitle  = "Stop and seek care"
	safetyFooter = "This handout does not replace your therapist's advice. If an exercise makes your pain spread down a leg, or makes it clearly worse, stop that exercise and tell your therapist."
)

// painNote gives the pain rules the screens advise by (routines.Advice):
// up to the limit is acceptable; above it, do less and tell the therapist;
// only a next-day rise, or a 10, means easing off next time.
func painNote(limit, rise int) string {
	return fmt.Sprintf("Rate your pain from 0 (none) to 10 (worst) before and after each session. "+
		"Pain up to %d during exercise is acceptable. If it goes above %d, go gently (fewer sets, the easier variants) "+
		"and tell your therapist. If the next day it is %s or more above your pain before the session, or 10, ease off next time.",
		limit, limit, text.Count(rise, "point"))
}
