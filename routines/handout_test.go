package routines

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
)

// handoutRoutines are the routines the golden tests print: a built-in
// and a file full of text that must not turn into markup.
func handoutRoutines(t testing.TB) map[string]*Routine {
	t.Helper()
	basics, ok := Builtin("core-basics")
	if !ok {
		t.Fatal("built-in core-basics is missing")
	}
	path := filepath.Join("testdata", "handout_hostile.yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	hostile, err := Parse(path, data)
	if err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	return map[string]*Routine{"core-basics": basics, "hostile": hostile}
}

// eachHandout prints every test routine in every format and hands each
// output to check, in its own subtest.
func eachHandout(t *testing.T, check func(t *testing.T, r *Routine, format, out string)) {
	for name, r := range handoutRoutines(t) {
		for _, format := range HandoutFormats {
			t.Run(name+"."+format, func(t *testing.T) {
				var buf bytes.Buffer
				if err := WriteHandout(&buf, r, format); err != nil {
					t.Fatal(err)
				}
				check(t, r, format, buf.String())
			})
		}
	}
}

func TestHandoutGolden(t *testing.T) {
	eachHandout(t, func(t *testing.T, _ *Routine, _, out string) {
		golden.RequireEqual(t, out)
	})
}

// TestHandoutContent checks what every handout must say, in both formats.
func TestHandoutContent(t *testing.T) {
	eachHandout(t, func(t *testing.T, r *Routine, format, out string) {
		want := []string{
			"about " + FormatDuration(Compile(r).Total()) + " per session",
			safetyTitle,
			"does not replace your therapist",
		}
		for _, tier := range RedFlagTiers() { // both tiers, each under its heading
			want = append(want, tier.Title, tier.Intro)
			for _, f := range tier.Flags {
				want = append(want, f.Full)
			}
		}
		want = append(want, ShortHash(r.Hash))
		if r.ID == "hostile" { // who it is for and from, when the file says
			if r.Client == "" || r.Therapist.Contact == "" {
				t.Fatal("the hostile test file has lost its client or therapist")
			}
			want = append(want, htmlOrMD(format, r.Client), htmlOrMD(format, r.Therapist.Name), htmlOrMD(format, r.Therapist.Contact))
		}
		for _, e := range r.Exercises {
			want = append(want, htmlOrMD(format, e.Dosage()), htmlOrMD(format, e.Name))
			easier, harder := e.Variants() // each built-in exercise's variants
			if e.BuiltIn && (easier == "" || harder == "") {
				t.Errorf("%s: a built-in exercise without both variants", e.ID)
			}
			for _, v := range []string{easier, harder} {
				if v != "" {
					want = append(want, htmlOrMD(format, v))
				}
			}
		}
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("handout lacks %q", w)
			}
		}
	})
}

// htmlOrMD escapes s the way the format prints it.
func htmlOrMD(format, s string) string {
	if format == "md" {
		return MarkdownEscape(s)
	}
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// TestHandoutHTMLSafe checks the structure of each HTML handout.
func TestHandoutHTMLSafe(t *testing.T) {
	for name, r := range handoutRoutines(t) {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteHandout(&buf, r, "html"); err != nil {
				t.Fatal(err)
			}
			if err := checkHTML(buf.Bytes()); err != nil {
				t.Error(err)
			}
		})
	}
}

// htmlElements are the elements the handout page itself writes.
var htmlElements = map[string]bool{
	"html": true, "head": true, "meta": true, "title": true, "style": true, "body": true,
	"header": true, "section": true, "h1": true, "h2": true, "h3": true, "div": true,
	"p": true, "ul": true, "li": true, "b": true, "code": true, "span": true,
	"table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true,
}

// checkHTML parses a handout as strict XML (the page is written to be
// well-formed) and checks that nothing from the routine file became
// markup: no scripts, no event handlers, nothing loaded from elsewhere,
// and every element is one the page itself writes.
func checkHTML(page []byte) error {
	d := xml.NewDecoder(bytes.NewReader(page))
	d.Strict = true
	styles := 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("not well-formed: %w", err)
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if !htmlElements[el.Name.Local] {
			return fmt.Errorf("unexpected element <%s>", el.Name.Local)
		}
		if el.Name.Local == "style" {
			styles++
		}
		for _, a := range el.Attr {
			if n := strings.ToLower(a.Name.Local); strings.HasPrefix(n, "on") || n == "src" || n == "href" || n == "style" {
				return fmt.Errorf("unexpected attribute %s=%q on <%s>", a.Name.Local, a.Value, el.Name.Local)
			}
		}
	}
	if styles != 1 {
		return fmt.Errorf("%d style elements, want 1", styles)
	}
	return nil
}

// FuzzHandout prints routines with arbitrary text: the HTML stays
// well-formed with no markup from the text, and the Markdown has no
// unescaped < and no control characters.
func FuzzHandout(f *testing.F) {
	f.Add("Plank", "Move slowly.\nStop if it hurts.", "Elbows under shoulders", "A. Therapist")
	f.Add("<script>alert(1)</script>", "- list\n# heading\n1. one\n> quote", "]]> </style>", "&copy; &#169; *x* _y_")
	f.Add("\x1b]0;title\a", "\x1b[2J\r\n\t", "\u009b31m", "`code` | pipe")
	f.Fuzz(func(t *testing.T, name, notes, cue, author string) {
		r := &Routine{
			ID: "fuzz", Name: name, Author: author, Notes: notes, PainLimit: 5,
			Schedule:  []time.Weekday{time.Monday},
			Exercises: []RoutineExercise{{Name: name, Cues: []string{cue, notes}, Notes: notes, Sets: 2, Hold: 10 * time.Second, Rest: 5 * time.Second}},
		}
		var page bytes.Buffer
		if err := WriteHandout(&page, r, "html"); err != nil {
			t.Fatal(err)
		}
		if err := checkHTML(page.Bytes()); err != nil {
			t.Fatalf("%v\n%s", err, page.String())
		}
		var md bytes.Buffer
		if err := WriteHandout(&md, r, "md"); err != nil {
			t.Fatal(err)
		}
		out := md.String()
		for i, c := range out {
			if c == '<' && (i == 0 || out[i-1] != '\\') {
				t.Fatalf("unescaped < at %d in\n%s", i, out)
			}
			if c < ' ' && c != '\n' || c == 0x7f || c >= 0x80 && c < 0xa0 {
				t.Fatalf("control character %U in\n%q", c, out)
			}
		}
	})
}

func TestHandoutHostileText(t *testing.T) {
	r := handoutRoutines(t)["hostile"]
	tests := []struct {
		format string
		want   []string
		absent []string
	}{
		{"html",
			[]string{"Back &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; *care* #1", "&amp;copy; is not an entity", "&lt;/style&gt;"},
			[]string{"<script", "<img", "<b>Bold", "&copy;", "</style> <style>"}},
		{"md",
			[]string{`# Back \<script\>alert('x')\</script\> & \*care\* \#1`, `\&copy; is not an entity, nor is &\#169;`,
				`\- not a list item`, `1\. not a numbered list`, `\# not a heading`, `\> not a quote`,
				"\\`not code\\`", `\\ backslash`, `\[site\](http://example.com) \| \_x\_`},
			[]string{" <script", " <img", "\n- not a list", "\n1. not", "\n# not"}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteHandout(&buf, r, tt.format); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q", w)
				}
			}
			for _, a := range tt.absent {
				if strings.Contains(out, a) {
					t.Errorf("output contains %q", a)
				}
			}
		})
	}
}

func TestMarkdownEscape(t *testing.T) {
	tests := []struct {
		in, inline, para string
	}{
		{"Plank", "Plank", "Plank"},
		{"*bold* _it_", `\*bold\* \_it\_`, `\*bold\* \_it\_`},
		{"a [link](x) <b>", `a \[link\](x) \<b\>`, `a \[link\](x) \<b\>`},
		{"Tom & Jerry", "Tom & Jerry", "Tom & Jerry"},
		{"&amp; &#38;", `\&amp; &\#38;`, `\&amp; &\#38;`},
		{"a | b ~ c # d", `a \| b \~ c \# d`, `a \| b \~ c \# d`},
		{`back\slash`, `back\\slash`, `back\\slash`},
		{"- item", "- item", `\- item`},
		{"+ item", "+ item", `\+ item`},
		{"=====", "=====", `\=====`},
		{"12. Twelve", "12. Twelve", `12\. Twelve`},
		{"3) three", "3) three", `3\) three`},
		{"> quote", `\> quote`, `\> quote`},
		{"10 reps - slow", "10 reps - slow", "10 reps - slow"},
	}
	for _, tt := range tests {
		if got := MarkdownEscape(tt.in); got != tt.inline {
			t.Errorf("MarkdownEscape(%q) = %q, want %q", tt.in, got, tt.inline)
		}
		if got := mdParagraph(tt.in); got != tt.para {
			t.Errorf("mdParagraph(%q) = %q, want %q", tt.in, got, tt.para)
		}
	}
}

func TestHandoutSchedule(t *testing.T) {
	all := []time.Weekday{time.Sunday, time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday}
	tests := []struct {
		name string
		days []time.Weekday
		want string
		on   string // the week, Monday first: x for exercise days
	}{
		{"none is every day", nil, "every day", "xxxxxxx"},
		{"all seven is every day", all, "every day", "xxxxxxx"},
		{"printed Monday first", []time.Weekday{time.Friday, time.Monday, time.Thursday, time.Tuesday}, "Mon, Tue, Thu, Fri", "xx.xx.."},
		{"Sunday last", []time.Weekday{time.Sunday, time.Wednesday}, "Wed, Sun", "..x...x"},
		{"repeats once", []time.Weekday{time.Saturday, time.Saturday}, "Sat", ".....x."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, week := schedule(tt.days)
			if got != tt.want {
				t.Errorf("schedule = %q, want %q", got, tt.want)
			}
			var on strings.Builder
			for _, d := range week {
				if d.On {
					on.WriteByte('x')
				} else {
					on.WriteByte('.')
				}
			}
			if on.String() != tt.on {
				t.Errorf("week = %s, want %s", on.String(), tt.on)
			}
		})
	}
}

func TestHandoutText(t *testing.T) {
	tests := []struct {
		in   string
		line string
		para []string
	}{
		{"Plank", "Plank", []string{"Plank"}},
		{"  two   spaces\t", "two spaces", []string{"two spaces"}},
		{"one\ntwo\n\nthree\n", "one two three", []string{"one two", "three"}},
		{"Do this:\n- one\n- two\n  wrapped\n1. three\n2) four\n-not a list", "Do this: - one - two wrapped 1. three 2) four -not a list",
			[]string{"Do this:", "- one", "- two wrapped", "1. three", "2) four -not a list"}},
		{"• dot\n* star\n+ plus", "• dot * star + plus", []string{"• dot", "* star", "+ plus"}},
		{"red\x1b[31m text\x07", "red text", []string{"red text"}},
		{"", "", nil},
	}
	for _, tt := range tests {
		if got := SafeLine(tt.in); got != tt.line {
			t.Errorf("SafeLine(%q) = %q, want %q", tt.in, got, tt.line)
		}
		if got := paragraphs(tt.in); !slices.Equal(got, tt.para) {
			t.Errorf("paragraphs(%q) = %q, want %q", tt.in, got, tt.para)
		}
	}
}

func TestWriteHandoutErrors(t *testing.T) {
	r := handoutRoutines(t)["core-basics"]
	if err := WriteHandout(io.Discard, r, "pdf"); err == nil || !strings.Contains(err.Error(), `"pdf"`) {
		t.Errorf("format pdf: err = %v, want one naming the format", err)
	}
	if err := WriteHandout(io.Discard, nil, "md"); err == nil {
		t.Error("nil routine: no error")
	}
	if err := WriteHandout(failWriter{}, r, "md"); err == nil {
		t.Error("failing writer: no error")
	}
	if err := WriteHandout(failWriter{}, r, "html"); err == nil {
		t.Error("failing writer: no error")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func BenchmarkWriteHandout(b *testing.B) {
	r := handoutRoutines(b)["core-basics"]
	for _, format := range HandoutFormats {
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				if err := WriteHandout(io.Discard, r, format); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// The handout's pain rules are the screens': acceptable up to the limit, go
// gently above it, ease off only for the routine's next-day rise or a 10.
func TestHandoutPainNote(t *testing.T) {
	for _, tc := range []struct {
		limit, rise int
		want        []string
	}{
		{5, 2, []string{"Pain up to 5 during exercise is acceptable.", "above 5, go gently", "2 points or more above"}},
		{3, 1, []string{"Pain up to 3 during", "above 3, go gently", "1 point or more above"}},
		{6, 3, []string{"Pain up to 6 during", "3 points or more above"}},
	} {
		got := painNote(tc.limit, tc.rise)
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("painNote(%d, %d) = %q, lacks %q", tc.limit, tc.rise, got, w)
			}
		}
		if strings.Contains(got, "stop") {
			t.Errorf("painNote(%d, %d) = %q tells the client to stop for pain above the limit", tc.limit, tc.rise, got)
		}
	}
}
