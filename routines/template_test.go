package routines

import (
	"strings"
	"testing"
)

// The template's comment on pain says what the app does with the limit and
// the rise: before a session the offer to go gently, rest being a choice,
// not a flag; above the limit after it or the next day, "mention it" and a
// flag; "ease off" only for a next-day rise.
func TestTemplatePainComment(t *testing.T) {
	text := string(Template())
	end := strings.Index(text, "\npain:\n")
	if end < 0 {
		t.Fatal("the template has no pain section")
	}
	start := max(0, strings.LastIndex(text[:end], "\n\n"))
	comment := strings.Join(strings.Fields(strings.ReplaceAll(text[start:end], "#", "")), " ")
	for _, want := range []string{"before a session, the client is offered to go gently", "resting being their choice",
		"Above it after a session or the next day, the client is asked to mention it to you, and the report flags it",
		`at least "rise" points above the pain before that session (or a 10) means "ease off"`, "Steady pain is not a rise"} {
		if !strings.Contains(comment, want) {
			t.Errorf("the pain comment lacks %q:\n%s", want, comment)
		}
	}
	for _, bad := range []string{"before or after", "offer to rest", "told to ease off"} {
		if strings.Contains(comment, bad) {
			t.Errorf("the pain comment says %q:\n%s", bad, comment)
		}
	}
}
