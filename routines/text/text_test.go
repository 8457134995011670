package text

import "testing"

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
