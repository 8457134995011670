package routines

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/aymanbagabas/go-udiff"
)

// DiffStyle colours the parts of a diff's text; a nil function leaves its
// text plain. The command line fills it in on a terminal.
type DiffStyle struct {
	Added, Removed, Changed, Heading func(string) string
}

func paint(f func(string) string, s string) string {
	if f == nil {
		return s
	}
	return f(s)
}

// WriteText writes the diff for a person to read (docs/routine-diff.md):
// the two routines and their total times, then what changed in the
// routine, then exercise by exercise (+ added, - removed, ~ changed or
// moved), then the exercises left as they were.
func (d *RoutineDiff) WriteText(w io.Writer, st DiffStyle) error {
	var b strings.Builder
	s := Sanitize
	fmt.Fprintf(&b, "%s %s%s\n", paint(st.Heading, "From:"), s(d.Old.Name), label(d.Old.Label))
	fmt.Fprintf(&b, "%s   %s%s\n", paint(st.Heading, "To:"), s(d.New.Name), label(d.New.Label))
	fmt.Fprintf(&b, "%s %s\n", paint(st.Heading, "Total time:"), totalChange(d.Old.Total, d.New.Total))
	if d.Same() {
		b.WriteString("\nNo differences.\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	if len(d.Fields) > 0 {
		b.WriteString("\n")
		for _, f := range d.Fields {
			writeRoutineField(&b, f, st)
		}
	}
	var unchanged []string
	changed := false
	for _, e := range d.Exercises {
		if e.Change == ExerciseKept && !e.Moved && len(e.Fields) == 0 {
			unchanged = append(unchanged, d.exerciseName(e))
			continue
		}
		if !changed {
			fmt.Fprintf(&b, "\n%s\n", paint(st.Heading, "Exercises:"))
			changed = true
		}
		writeExercise(&b, d, e, st)
	}
	if len(unchanged) > 0 {
		fmt.Fprintf(&b, "\n%s %s\n", paint(st.Heading, "Unchanged:"), strings.Join(unchanged, ", "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func label(l string) string {
	if l == "" {
		return ""
	}
	return " (" + Sanitize(l) + ")"
}

// totalChange: "12 min 17 s -> 14 min 2 s (1 min 45 s longer)".
func totalChange(old, new time.Duration) string {
	switch {
	case old == new:
		return FormatDuration(new) + " (the same)"
	case new > old:
		return fmt.Sprintf("%s -> %s (%s longer)", FormatDuration(old), FormatDuration(new), FormatDuration(new-old))
	}
	return fmt.Sprintf("%s -> %s (%s shorter)", FormatDuration(old), FormatDuration(new), FormatDuration(old-new))
}

// routineFieldNames are the headings of the routine's own fields.
var routineFieldNames = map[string]string{
	"id": "Id", "name": "Name", "author": "Author", "client": "Client",
	"therapist.name": "Therapist", "therapist.contact": "Therapist's contact", "schedule": "Schedule",
	"pain.limit": "Pain limit", "pain.rise": "Pain rise", "notes": "Notes",
}

func writeRoutineField(b *strings.Builder, f FieldChange, st DiffStyle) {
	name := routineFieldNames[f.Field]
	if f.Field == "notes" {
		fmt.Fprintf(b, "%s %s\n", paint(st.Changed, "~"), paint(st.Heading, name+" "+presence(f)+":"))
		writeLines(b, "    ", textOf(f.Old), textOf(f.New), st)
		return
	}
	fmt.Fprintf(b, "%s %s %s\n", paint(st.Changed, "~"), paint(st.Heading, name+":"), valueChange(f))
}

// presence says whether a text was added, removed or changed.
func presence(f FieldChange) string {
	switch {
	case f.Old == nil:
		return "added"
	case f.New == nil:
		return "removed"
	}
	return "changed"
}

// valueChange: "2 -> 3", "3s added", "4s removed".
func valueChange(f FieldChange) string {
	switch {
	case f.Old == nil:
		return formatValue(f.Field, f.New) + " added"
	case f.New == nil:
		return formatValue(f.Field, f.Old) + " removed"
	}
	return formatValue(f.Field, f.Old) + " -> " + formatValue(f.Field, f.New)
}

// formatValue writes a value as a routine file would: "30s", "mon, thu".
func formatValue(field string, v any) string {
	switch v := v.(type) {
	case time.Duration:
		return Duration(v).String()
	case []string:
		if len(v) == 0 && field == "schedule" {
			return "every day"
		}
		return Sanitize(strings.Join(v, ", "))
	case string:
		switch field {
		case "name", "author", "client", "therapist.name", "therapist.contact":
			return fmt.Sprintf("%q", Sanitize(v))
		}
		return Sanitize(v)
	}
	return fmt.Sprint(v)
}

// writeExercise writes one exercise's line, and under it the line diff of
// its notes and cues when those changed.
func writeExercise(b *strings.Builder, d *RoutineDiff, e ExerciseDiff, st DiffStyle) {
	name := Sanitize(e.Name)
	switch e.Change {
	case ExerciseAdded:
		fmt.Fprintf(b, "  %s %s, added as no. %d: %s\n", paint(st.Added, "+"), name, e.NewPos, e.Dosage)
		return
	case ExerciseRemoved:
		fmt.Fprintf(b, "  %s %s, removed (was no. %d): %s\n", paint(st.Removed, "-"), name, e.OldPos, e.Dosage)
		return
	}
	var parts []string
	var texts []FieldChange
	for _, f := range e.Fields {
		if f.Field == "notes" || f.Field == "cues" {
			texts = append(texts, f)
			continue
		}
		parts = append(parts, f.Field+" "+valueChange(f))
	}
	line := d.exerciseName(e)
	if e.Moved {
		line = name + fmt.Sprintf(", moved from no. %d to no. %d", e.OldPos, e.NewPos)
	}
	if len(parts) > 0 {
		line += ": " + strings.Join(parts, ", ")
	}
	fmt.Fprintf(b, "  %s %s\n", paint(st.Changed, "~"), line)
	for _, f := range texts {
		fmt.Fprintf(b, "      %s %s:\n", f.Field, presence(f))
		writeLines(b, "        ", textOf(f.Old), textOf(f.New), st)
	}
}

// exerciseName is a kept exercise's name, sanitised, with its place when
// the name comes more than once in a routine: "Bird dog (no. 9, now no. 6)".
func (d *RoutineDiff) exerciseName(e ExerciseDiff) string {
	name := Sanitize(e.Name)
	switch {
	case !d.repeated(e):
		return name
	case e.OldPos == e.NewPos:
		return fmt.Sprintf("%s (no. %d)", name, e.NewPos)
	}
	return fmt.Sprintf("%s (no. %d, now no. %d)", name, e.OldPos, e.NewPos)
}

// repeated reports whether another exercise of the diff has e's name.
func (d *RoutineDiff) repeated(e ExerciseDiff) bool {
	for _, o := range d.Exercises {
		if o.Name == e.Name && (o.OldPos != e.OldPos || o.NewPos != e.NewPos) {
			return true
		}
	}
	return false
}

// textOf is a text or list value as lines.
func textOf(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case []string:
		return strings.Join(v, "\n")
	}
	return ""
}

// writeLines writes a line diff of two texts, every line shown: "- " a
// line removed, "+ " a line added, "  " a line kept.
func writeLines(b *strings.Builder, indent, old, new string, st DiffStyle) {
	old, new = withNewline(old), withNewline(new)
	u, err := udiff.ToUnifiedDiff("", "", old, udiff.Lines(old, new), strings.Count(old, "\n")+strings.Count(new, "\n")+1)
	if err != nil || len(u.Hunks) == 0 {
		return
	}
	for _, h := range u.Hunks {
		for _, l := range h.Lines {
			text := Sanitize(strings.TrimSuffix(l.Content, "\n"))
			switch l.Kind {
			case udiff.Delete:
				fmt.Fprintf(b, "%s%s\n", indent, paint(st.Removed, "- "+text))
			case udiff.Insert:
				fmt.Fprintf(b, "%s%s\n", indent, paint(st.Added, "+ "+text))
			default:
				fmt.Fprintf(b, "%s  %s\n", indent, text)
			}
		}
	}
}

func withNewline(s string) string {
	if s == "" || strings.HasSuffix(s, "\n") {
		return s
	}
	return s + "\n"
}
