package text

import (
	"strings"
	"testing"
)

func TestCount(t *testing.T) {
	for _, tc := range []struct {
		n    int
		noun string
		want string
	}{
		{0, "day", "0 days"},
		{1, "day", "1 day"},
		{2, "session", "2 sessions"},
		{1, "exercise", "1 exercise"},
		{12, "rep", "12 reps"},
	} {
		if got := Count(tc.n, tc.noun); got != tc.want {
			t.Errorf("Count(%d, %q) = %q, want %q", tc.n, tc.noun, got, tc.want)
		}
	}
	if got := Noun(1, "rep"); got != "rep" {
		t.Errorf("Noun(1) = %q", got)
	}
	if got := Noun(0, "rep"); got != "reps" {
		t.Errorf("Noun(0) = %q", got)
	}
}

func TestPercent(t *testing.T) {
	for f, want := range map[float64]string{0: "0%", 1: "100%", 2.0 / 3: "67%", 0.125: "13%", 0.005: "1%", 0.004: "0%"} {
		if got := Percent(f); got != want {
			t.Errorf("Percent(%v) = %q, want %q", f, got, want)
		}
	}
}

func TestAverage(t *testing.T) {
	v := 3.26
	if got := Average(&v); got != "3.3" {
		t.Errorf("Average(3.26) = %q, want 3.3", got)
	}
	w := 4.0
	if got := Average(&w); got != "4.0" {
		t.Errorf("Average(4) = %q, want 4.0", got)
	}
	if got := Average(nil); got != None || None != "–" {
		t.Errorf("Average(nil) = %q, want the en dash", got)
	}
}

func TestOneLineAndCut(t *testing.T) {
	if got := OneLine("  felt\n good\t today "); got != "felt good today" {
		t.Errorf("OneLine = %q", got)
	}
	for _, tc := range []struct {
		s     string
		width int
		want  string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"eleven char", 10, "eleven ch…"},
		{"ääääää", 4, "äää…"},
	} {
		if got := Cut(tc.s, tc.width); got != tc.want {
			t.Errorf("Cut(%q, %d) = %q, want %q", tc.s, tc.width, got, tc.want)
		}
	}
}

// TestWidth measures as the widest of the ways terminals do: an emoji
// with a joiner is two columns as one cluster, three code point by code
// point; an emoji made by a variation selector is two as a cluster.
func TestWidth(t *testing.T) {
	for s, want := range map[string]int{
		"":                        0,
		"Core basics":             11,
		"café":                    4,
		"e\u0301":                 1,
		"壁坐":                      4,
		"👩\u200d⚕\ufe0f":          3,
		"☂\ufe0f":                 2,
		"Nurse 👩\u200d⚕\ufe0f ok": 12,
		"\x1b[1mbold\x1b[0m":      4,
		"two\nlines, wider":       12,
	} {
		if got := Width(s); got != want {
			t.Errorf("Width(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestFit(t *testing.T) {
	for _, tc := range []struct {
		s    string
		w    int
		want string
	}{
		{"Core basics", 20, "Core basics"},
		{"Core basics", 11, "Core basics"},
		{"Core basics", 6, "Core …"},
		{"Nurse 👩\u200d⚕\ufe0f", 9, "Nurse 👩\u200d⚕\ufe0f"},
		{"Nurse 👩\u200d⚕\ufe0f plan", 10, "Nurse 👩\u200d⚕\ufe0f…"},
		{"Nurse 👩\u200d⚕\ufe0f plan", 11, "Nurse 👩\u200d⚕\ufe0f …"},
		{"Nurse 👩\u200d⚕\ufe0f plan", 9, "Nurse …"},
		{"壁坐壁坐", 5, "壁坐…"},
		{"abc", 0, ""},
	} {
		got := Fit(tc.s, tc.w)
		if got != tc.want {
			t.Errorf("Fit(%q, %d) = %q, want %q", tc.s, tc.w, got, tc.want)
		}
		if Width(got) > tc.w {
			t.Errorf("Fit(%q, %d) is %d wide", tc.s, tc.w, Width(got))
		}
	}
}

func TestCrop(t *testing.T) {
	if got := Crop("Nurse 👩\u200d⚕\ufe0f   ", 10); got != "Nurse 👩\u200d⚕\ufe0f " {
		t.Errorf("Crop = %q", got)
	}
}

func TestWriteTable(t *testing.T) {
	var b strings.Builder
	if err := WriteTable(&b, [][]string{{"ID", "NAME", "TIME"}, {"emoji", "Nurse 👩\u200d⚕\ufe0f", "2 min"}, {"plain", "Core basics", "10 min"}}); err != nil {
		t.Fatal(err)
	}
	want := "ID     NAME         TIME\n" +
		"emoji  Nurse 👩\u200d⚕\ufe0f    2 min\n" +
		"plain  Core basics  10 min\n"
	if b.String() != want {
		t.Errorf("WriteTable:\n%s\nwant:\n%s", b.String(), want)
	}
}

// Halves round away from zero, as people round; fmt would round 2.5 and
// 0.25 to even.
func TestRound(t *testing.T) {
	tests := []struct {
		v        float64
		decimals int
		want     string
	}{
		{2.5, 0, "3"}, {3.5, 0, "4"}, {2.4999, 0, "2"}, {0.25, 1, "0.3"}, {3.25, 1, "3.3"},
		{1.005, 2, "1.01"}, {150.0 / 60, 0, "3"}, {0, 1, "0.0"}, {-0.04, 1, "0.0"}, {-2.5, 0, "-3"},
	}
	for _, tt := range tests {
		if got := Round(tt.v, tt.decimals); got != tt.want {
			t.Errorf("Round(%v, %d) = %q, want %q", tt.v, tt.decimals, got, tt.want)
		}
	}
}
