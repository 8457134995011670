package routines

import (
	"strings"
	"testing"
)

// The template's comment on pain says what the app does with the limit:
// before a session a warning and the offer to rest, not a flag; after it
// and at the next day's check-in, a flag in the report.
func TestTemplatePainComment(t *testing.T) {
	text := string(Template())
	end := strings.Index(text, "\npain:\n")
	if end < 0 {
		t.Fatal("the template has no pain section")
	}
	start := max(0, strings.LastIndex(text[:end], "\n\n"))
	comment := strings.Join(strings.Fields(strings.ReplaceAll(text[start:end], "#", "")), " ")
	for _, want := range []string{"before a session brings a warning and the offer to rest today",
		"After a session, or at the next day's check-in", "flagged in the report"} {
		if !strings.Contains(comment, want) {
			t.Errorf("the pain comment lacks %q:\n%s", want, comment)
		}
	}
	if strings.Contains(comment, "before or after") {
		t.Errorf("the pain comment says a score before a session is flagged:\n%s", comment)
	}
}
