package routines

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// writeMarkdown writes the handout as Markdown that reads well as plain
// text too. Text from the routine file is escaped, so a name such as
// "*Plank* [1]" prints as written instead of turning into formatting.
func writeMarkdown(w io.Writer, h handout) error {
	b := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }

	p("# %s\n\n", MarkdownEscape(h.Name))
	if h.Author != "" {
		p("- Written by: %s\n", MarkdownEscape(h.Author))
	}
	if h.Client != "" {
		p("- For: %s\n", MarkdownEscape(h.Client))
	}
	if h.Therapist != "" {
		p("- Your therapist: %s\n", MarkdownEscape(h.Therapist))
	}
	p("- Days: %s\n", h.Schedule)
	p("- Time: about %s per session\n", h.Total)
	if h.ID != "" {
		p("- In corecoach: `corecoach run %s`\n", h.ID)
	}
	if h.Version != "" {
		p("- Version: `%s`\n", h.Version)
	}
	if len(h.Notes) > 0 {
		p("\n## %s\n", h.NotesHead)
		for _, n := range h.Notes {
			p("\n%s\n", mdParagraph(n))
		}
	}

	p("\n## Exercises\n")
	for _, e := range h.Exercises {
		p("\n### %d. %s\n\n", e.Number, MarkdownEscape(e.Name))
		p("**%s** (about %s)\n", MarkdownEscape(e.Dosage), e.Time)
		if len(e.Cues) > 0 {
			p("\n")
			for _, c := range e.Cues {
				p("- %s\n", MarkdownEscape(c))
			}
		}
		if e.Easier != "" {
			p("\n**Easier:** %s\n", MarkdownEscape(e.Easier))
		}
		if e.Harder != "" {
			p("\n**Harder:** %s\n", MarkdownEscape(e.Harder))
		}
		for i, n := range e.Notes {
			if i == 0 {
				p("\nNote: %s\n", MarkdownEscape(n))
			} else {
				p("\n%s\n", mdParagraph(n))
			}
		}
	}

	p("\n## Your week\n\n")
	p("Tick a box each day you do the routine.\n\n")
	p("| Week |")
	for _, d := range h.Week {
		p(" %-4s |", d.Label)
	}
	p("\n|------|")
	for range h.Week {
		p("------|")
	}
	p("\n")
	for wk := 1; wk <= handoutWeeks; wk++ {
		p("| %-4d |", wk)
		for _, d := range h.Week {
			if d.On {
				p(" [ ]  |")
			} else {
				p(" rest |")
			}
		}
		p("\n")
	}
	p("\n%s\n", painNote(h.PainLimit, h.PainRise))

	p("\n## %s\n", safetyTitle)
	for _, t := range redFlagTiers() {
		p("\n### %s\n\n", t.Title)
		p("%s\n\n", t.Intro)
		for _, f := range t.Flags {
			p("- %s\n", f)
		}
	}
	p("\n%s\n", safetyFooter)
	return b.Flush()
}

// mdSpecial are the characters that can start formatting anywhere in a line.
var mdSpecial = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `|`, `\|`, `~`, `\~`, `#`, `\#`,
)

// mdEntity matches an & that would start an HTML entity such as &copy;.
var mdEntity = regexp.MustCompile(`&([A-Za-z#])`)

// MarkdownEscape escapes text for use inside a Markdown line: handouts and
// the therapist's report both use it.
func MarkdownEscape(s string) string {
	s = mdSpecial.Replace(s)
	if strings.Contains(s, "&") {
		s = mdEntity.ReplaceAllString(s, `\&$1`)
	}
	return s
}

// mdBlockStart matches what turns the start of a line into a list item,
// a heading underline or a numbered list.
var mdBlockStart = regexp.MustCompile(`^([-+=]|[0-9]+[.)])`)

// mdParagraph escapes text that stands at the start of its own line.
func mdParagraph(s string) string {
	s = MarkdownEscape(s)
	if m := mdBlockStart.FindStringIndex(s); m != nil {
		s = s[:m[1]-1] + `\` + s[m[1]-1:]
	}
	return s
}
