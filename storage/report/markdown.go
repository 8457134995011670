package report

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"corecoach/routines"
	"corecoach/routines/text"
)

// WriteMarkdown writes the report as Markdown that also reads well as plain
// text: tables are padded into columns, and text from sessions is escaped
// so that it shows as written and never becomes markup.
func WriteMarkdown(w io.Writer, r Report) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	p("# Exercise and pain report\n\n")
	p("%s to %s · generated %s by corecoach\n\n", r.From, r.To, r.Generated)
	if r.Client != "" {
		p("- Client: %s\n", md(r.Client))
	}
	if r.Therapist != "" {
		p("- Therapist: %s\n", md(r.Therapist))
	}
	if rt := r.LastRoutine; rt != nil {
		p("- Routine followed last: %s, version `%s`\n", md(rt.Name), routines.ShortHash(rt.Hash))
	}
	if r.Client != "" || r.Therapist != "" || r.LastRoutine != nil {
		p("\n")
	}
	p("Recorded by the client at home. Pain is self-reported from 0 (none) to 10 (worst\n" +
		"imaginable), just before and just after each session. A day counts when a session on it\n" +
		"was completed; days off the routine's schedule are rest days.\n\n")

	p("## Summary\n\n")
	p("- Sessions: %d (%d completed, %d partial)\n", r.Sessions, r.Completed, r.Partial)
	if r.ScheduledDays > 0 {
		p("- Adherence: %s of scheduled days done (%d of %d)\n", text.Percent(r.Adherence), r.CompletedDays, r.ScheduledDays)
	} else {
		p("- Adherence: no scheduled days in this period\n")
	}
	p("- Streak on %s: %s (longest %d)\n", r.To, text.Count(r.Stats.CurrentStreakDays, "day"), r.Stats.LongestStreakDays)
	p("- Average pain, last 7 days: before %s, after %s\n",
		text.Average(r.Stats.PainBeforeAvgLast7), text.Average(r.Stats.PainAfterAvgLast7))
	for _, l := range r.Trend {
		p("- %s\n", md(l))
	}
	p("\n")

	p("## Pain before and after each session\n\n")
	t := table{head: []string{"Started", "Routine", "Status", "Before", "After", "Change", "Flag"}, right: []bool{false, false, false, true, true, true, false}}
	for _, s := range r.Pain {
		flag := ""
		if s.AboveLimit {
			flag = "⚠ " + s.Flag
		}
		t.add(s.When, md(s.Routine), s.Status, routines.ScoreText(s.Before), routines.ScoreText(s.After), changeText(s.Before, s.After), flag)
	}
	t.write(bw, "No sessions in this period.")

	p("## Next-day check-ins\n\n")
	t = table{head: []string{"Date", "Pain", "Follows the session of", "Pain before it", "Flag"}, right: []bool{false, true, false, true, false}}
	for _, c := range r.Checkins {
		flag := c.FlagText()
		if c.EaseOff() {
			flag = "⚠ " + flag
		}
		t.add(c.Date, fmt.Sprint(c.Pain), cmp.Or(c.Session, text.None), routines.ScoreText(c.Before), flag)
	}
	t.write(bw, "No check-ins in this period.")

	p("## Therapy visits\n\n")
	t = table{head: []string{"Date", "Kind", "Note"}}
	for _, v := range r.Visits {
		t.add(v.Date, v.Kind, md(cmp.Or(v.Note, text.None)))
	}
	t.write(bw, "No therapy visits logged in this period.")

	p("## Exercises\n\n")
	t = table{head: []string{"Exercise", "Sessions", "Sets done / planned", "Skipped", "Flagged as hurting"}, right: []bool{false, true, true, true, false}}
	for _, e := range r.Exercises {
		hurt := text.None
		if e.Hurt > 0 {
			hurt = fmt.Sprintf("⚠ %d×: %s", e.Hurt, strings.Join(e.HurtDates, ", "))
		}
		t.add(md(e.Name), fmt.Sprint(e.Sessions), sets(e), fmt.Sprint(e.Skipped), hurt)
	}
	t.write(bw, "No exercises recorded in this period.")

	p("## Client's notes\n\n")
	for _, n := range r.Notes {
		p("- **%s** (%s): %s\n", n.When, md(n.Routine), md(n.Text))
	}
	if len(r.Notes) == 0 {
		p("No notes in this period.\n")
	}
	p("\n## Routines followed\n\n")
	t = table{head: []string{"Routine", "Id", "Sessions", "From – to", "Version (content hash)", "Library"}, right: []bool{false, false, true}}
	for _, rt := range r.Routines {
		t.add(md(rt.Name), md(rt.ID), fmt.Sprint(rt.Sessions), rt.First+" – "+rt.Last, md(rt.Hash), md(rt.Library))
	}
	t.write(bw, "No routines followed in this period.")
	p("corecoach records what the client reports; it does not diagnose or treat.\n")
	return bw.Flush()
}

// md escapes user text for a Markdown line.
func md(s string) string { return routines.MarkdownEscape(s) }

// table is a Markdown table padded so that its columns line up as text.
type table struct {
	head  []string
	right []bool // right-aligned columns
	rows  [][]string
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) write(w io.Writer, empty string) {
	if len(t.rows) == 0 {
		fmt.Fprintf(w, "%s\n\n", empty)
		return
	}
	width := make([]int, len(t.head))
	for _, row := range append([][]string{t.head}, t.rows...) {
		for i, c := range row {
			width[i] = max(width[i], utf8.RuneCountInString(c), 3)
		}
	}
	line := func(cells []string) {
		var b strings.Builder
		for i, c := range cells {
			pad := strings.Repeat(" ", width[i]-utf8.RuneCountInString(c))
			if i < len(t.right) && t.right[i] {
				c = pad + c
			} else {
				c += pad
			}
			b.WriteString("| " + c + " ")
		}
		fmt.Fprintln(w, b.String()+"|")
	}
	line(t.head)
	rule := make([]string, len(t.head))
	for i := range rule {
		rule[i] = strings.Repeat("-", width[i])
		if i < len(t.right) && t.right[i] {
			rule[i] = rule[i][1:] + ":"
		}
	}
	line(rule)
	for _, row := range t.rows {
		line(row)
	}
	fmt.Fprintln(w)
}

func sets(e ExerciseRow) string {
	if e.SetsPlanned == 0 {
		return fmt.Sprintf("%d / 0", e.SetsDone)
	}
	return fmt.Sprintf("%d / %d (%s)", e.SetsDone, e.SetsPlanned, ratio(e.SetsDone, e.SetsPlanned))
}
