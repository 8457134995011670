package routines

import (
	"strings"
	"testing"

	"corecoach/routines/text"
)

var rules52 = PainRules{Limit: 5, Rise: 2}

// TestCheckinAdvice pins each branch of the next-day rule and its words.
func TestCheckinAdvice(t *testing.T) {
	tests := []struct {
		name   string
		today  int
		before *int
		rules  PainRules
		kind   AdviceKind
		text   string
		short  string
		why    string
	}{
		{"a rise of 2 within the limit", 5, ip(3), rules52, AdviceEaseOff,
			"Your pain today is 5, 2 points above your pain before your last session (3). Ease off next time: do fewer sets or use the easier variants, and tell your therapist how it has been.",
			"Pain today 5, up 2 from 3. Ease off next time; tell your therapist.",
			"next-day pain 5, 2 above before"},
		{"a rise above the limit", 7, ip(2), PainRules{Limit: 6, Rise: 2}, AdviceEaseOff,
			"Your pain today is 7, 5 points above your pain before your last session (2) and above your limit of 6. Ease off next time: do fewer sets or use the easier variants, and tell your therapist how it has been.",
			"Pain today 7, up 5 from 2. Ease off next time; tell your therapist.",
			"next-day pain 7, 5 above before, above the limit of 6"},
		{"steady pain above the limit", 6, ip(6), rules52, AdviceMention,
			"Your pain today is 6, above your limit of 5. Mention it to your therapist. It is no higher than before your last session (6): steady pain is no reason to ease off.",
			"Pain today 6, above your limit of 5. Mention it to your therapist.",
			"next-day pain 6, above the limit of 5, no rise of 2 or more"},
		{"lower than before, above the limit", 7, ip(9), rules52, AdviceMention,
			"Your pain today is 7, above your limit of 5. Mention it to your therapist. It is no higher than before your last session (9): steady pain is no reason to ease off.",
			"Pain today 7, above your limit of 5. Mention it to your therapist.",
			"next-day pain 7, above the limit of 5, no rise of 2 or more"},
		{"a rise short of the rule", 6, ip(5), rules52, AdviceMention,
			"Your pain today is 6, above your limit of 5. Mention it to your therapist. It is 1 point above your pain before your last session (5), less than the rise of 2 that means easing off.",
			"Pain today 6, above your limit of 5. Mention it to your therapist.",
			"next-day pain 6, above the limit of 5, no rise of 2 or more"},
		{"above the limit, before skipped", 6, nil, rules52, AdviceMention,
			"Your pain today is 6, above your limit of 5. Mention it to your therapist.",
			"Pain today 6, above your limit of 5. Mention it to your therapist.",
			"next-day pain 6, above the limit of 5"},
		{"a rise of 2 short of a rise of 3", 5, ip(3), PainRules{Limit: 5, Rise: 3}, AdviceNone, "", "", ""},
		{"a rise of 3 with rise 3", 6, ip(3), PainRules{Limit: 8, Rise: 3}, AdviceEaseOff,
			"Your pain today is 6, 3 points above your pain before your last session (3). Ease off next time: do fewer sets or use the easier variants, and tell your therapist how it has been.",
			"Pain today 6, up 3 from 3. Ease off next time; tell your therapist.",
			"next-day pain 6, 3 above before"},
		{"a rise of 1 with rise 1", 4, ip(3), PainRules{Limit: 5, Rise: 1}, AdviceEaseOff,
			"Your pain today is 4, 1 point above your pain before your last session (3). Ease off next time: do fewer sets or use the easier variants, and tell your therapist how it has been.",
			"Pain today 4, up 1 from 3. Ease off next time; tell your therapist.",
			"next-day pain 4, 1 above before"},
		{"a rise of 1", 4, ip(3), rules52, AdviceNone, "", "", ""},
		{"lower than before", 2, ip(6), rules52, AdviceNone, "", "", ""},
		{"at the limit, before skipped", 5, nil, rules52, AdviceNone, "", "", ""},
		{"the top of the scale, no rise", 10, ip(9), PainRules{Limit: 10, Rise: 2}, AdviceEaseOff,
			"Your pain today is 10, the top of the scale. Ease off next time: do fewer sets or use the easier variants, and tell your therapist how it has been.",
			"Pain today 10, the top of the scale. Ease off next time; tell your therapist.",
			"next-day pain 10, the top of the scale"},
		{"the top of the scale with a rise", 10, ip(8), rules52, AdviceEaseOff,
			"Your pain today is 10, the top of the scale and 2 points above your pain before your last session (8). Ease off next time: do fewer sets or use the easier variants, and tell your therapist how it has been.",
			"Pain today 10, up 2 from 8. Ease off next time; tell your therapist.",
			"next-day pain 10, 2 above before, the top of the scale"},
		{"the top of the scale, before skipped", 10, nil, PainRules{Limit: 9, Rise: 2}, AdviceEaseOff,
			"Your pain today is 10, the top of the scale. Ease off next time: do fewer sets or use the easier variants, and tell your therapist how it has been.",
			"Pain today 10, the top of the scale. Ease off next time; tell your therapist.",
			"next-day pain 10, the top of the scale"},
		{"a limit of 0 is a limit", 1, nil, PainRules{Limit: 0, Rise: 2}, AdviceMention,
			"Your pain today is 1, above your limit of 0. Mention it to your therapist.",
			"Pain today 1, above your limit of 0. Mention it to your therapist.",
			"next-day pain 1, above the limit of 0"},
		{"none at a limit of 0", 0, nil, PainRules{Limit: 0, Rise: 2}, AdviceNone, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := CheckinAdvice(tt.today, tt.before, tt.rules)
			if a.Kind != tt.kind {
				t.Errorf("kind %d, want %d", a.Kind, tt.kind)
			}
			if got := a.Text(); got != tt.text {
				t.Errorf("Text:\n got %q\nwant %q", got, tt.text)
			}
			if got := a.Short(); got != tt.short {
				t.Errorf("Short:\n got %q\nwant %q", got, tt.short)
			}
			if got := a.Why(); got != tt.why {
				t.Errorf("Why:\n got %q\nwant %q", got, tt.why)
			}
			if a.Warns() != (tt.kind != AdviceNone) {
				t.Errorf("Warns = %v", a.Warns())
			}
		})
	}
}

// TestSteadyPainIsNoWarning pins the case that started the rule: usual pain
// 6, limit 5, no rise, day after day.
func TestSteadyPainIsNoWarning(t *testing.T) {
	for _, before := range []int{6, 7} {
		a := CheckinAdvice(6, &before, rules52)
		if a.Kind != AdviceMention || a.Flag() != "above-limit" {
			t.Errorf("pain 6 after %d before: kind %d, flag %q; want mention it, above-limit", before, a.Kind, a.Flag())
		}
		for _, s := range []string{a.Text(), a.Short(), a.Why()} {
			if containsFold(s, "ease off next time") {
				t.Errorf("steady pain told to ease off: %q", s)
			}
		}
	}
	if f := CheckinAdvice(5, ip(3), rules52).Flag(); f != "ease-off" {
		t.Errorf("a rise of 2 flags %q, want ease-off", f)
	}
	if f := CheckinAdvice(3, ip(3), rules52).Flag(); f != "" {
		t.Errorf("pain within the limit flags %q", f)
	}
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

func TestBeforeAdvice(t *testing.T) {
	tests := []struct {
		score int
		rules PainRules
		kind  AdviceKind
		text  string
	}{
		{5, rules52, AdviceNone, ""},
		{0, rules52, AdviceNone, ""},
		{7, rules52, AdviceGoGently,
			"That is above your limit of 5. Go gently today: do fewer sets, use the easier variants, and stop if the pain gets worse. Resting today is your choice too."},
		{10, PainRules{Limit: 10, Rise: 2}, AdviceGoGently,
			"That is the worst pain you can imagine. Go gently today: do fewer sets, use the easier variants, and stop if the pain gets worse. Resting today is your choice too."},
	}
	for _, tt := range tests {
		a := BeforeAdvice(tt.score, tt.rules)
		if a.Kind != tt.kind || a.Text() != tt.text || a.Short() != tt.text {
			t.Errorf("BeforeAdvice(%d, %+v) = kind %d, %q; want kind %d, %q", tt.score, tt.rules, a.Kind, a.Text(), tt.kind, tt.text)
		}
		if containsFold(a.Text(), "rest today") || containsFold(a.Text(), "wiser to rest") {
			t.Errorf("BeforeAdvice(%d) advises rest: %q", tt.score, a.Text())
		}
	}
}

func TestAfterAdvice(t *testing.T) {
	tests := []struct {
		after  int
		before *int
		rules  PainRules
		kind   AdviceKind
		text   string
		why    string
	}{
		{3, ip(4), rules52, AdviceNone, "", ""},
		{5, ip(2), rules52, AdviceNone, "", ""}, // a rise within the limit is acceptable during exercise
		{6, ip(3), rules52, AdviceMention,
			"That is above your limit of 5. Tell your therapist how it went. How your back feels tomorrow says more: you will be asked.",
			"pain after 6, above the limit of 5"},
		{10, nil, PainRules{Limit: 10, Rise: 2}, AdviceMention,
			"That is the worst pain you can imagine. Tell your therapist how it went. How your back feels tomorrow says more: you will be asked.",
			"pain after 10, the top of the scale"},
	}
	for _, tt := range tests {
		a := AfterAdvice(tt.after, tt.before, tt.rules)
		if a.Kind != tt.kind || a.Text() != tt.text || a.Why() != tt.why {
			t.Errorf("AfterAdvice(%d, %s) = kind %d, %q, %q; want kind %d, %q, %q", tt.after, ScoreText(tt.before), a.Kind, a.Text(), a.Why(), tt.kind, tt.text, tt.why)
		}
	}
}

// TestSessionPainText: one session's scores, plainly, never "meaningful".
func TestSessionPainText(t *testing.T) {
	tests := []struct {
		before, after *int
		want          string
	}{
		{ip(4), ip(3), "Pain: before 4, after 3."},
		{ip(3), ip(2), "Pain: before 3, after 2."},
		{ip(8), ip(2), "Pain: before 8, after 2."},
		{ip(2), ip(6), "Pain: before 2, after 6."},
		{nil, ip(3), "Pain: before –, after 3."},
		{ip(3), nil, "Pain: before 3, after –."},
		{nil, nil, "Pain: not scored."},
	}
	for _, tt := range tests {
		if got := SessionPainText(tt.before, tt.after); got != tt.want {
			t.Errorf("SessionPainText(%s, %s) = %q, want %q", ScoreText(tt.before), ScoreText(tt.after), got, tt.want)
		}
	}
}

func TestPainChange(t *testing.T) {
	tests := []struct {
		from, to   float64
		meaningful bool
	}{
		{5, 3, true},     // 2 points, 40%
		{3, 2, false},    // 1 point, 33%: the old one-session "meaningful"
		{8, 6.5, false},  // 1.5 points
		{8, 6, false},    // 2 points but 25%
		{7, 4.9, true},   // 2.1 points, 30%
		{6.7, 4.7, true}, // 2 points, 29.9% shown as 30%
		{6.8, 4.8, false},
		{3, 5, true}, // a meaningful rise
		{0, 2, true}, // up from none: points alone
		{0, 1.9, false},
		{4, 4, false},
		{5.04, 3.04, true}, // rounded as shown: 5.0 to 3.0
	}
	for _, tt := range tests {
		if got := PainChange(tt.from, tt.to); got.Meaningful != tt.meaningful {
			t.Errorf("PainChange(%v, %v) = %+v, want meaningful %v", tt.from, tt.to, got, tt.meaningful)
		}
	}
}

func TestPSFSChange(t *testing.T) {
	tests := []struct {
		from, to   float64
		meaningful bool
	}{
		{3, 5, true}, {3, 4.9, false}, {6, 4, true}, {2.4, 4.3, false}, {0, 2, true},
	}
	for _, tt := range tests {
		if got := PSFSChange(tt.from, tt.to); got.Meaningful != tt.meaningful {
			t.Errorf("PSFSChange(%v, %v) = %+v, want meaningful %v", tt.from, tt.to, got, tt.meaningful)
		}
	}
}

func TestRMDQChange(t *testing.T) {
	tests := []struct {
		from, to   int
		meaningful bool
	}{
		{20, 15, true},  // 5 points
		{20, 16, false}, // 4 points, 20%
		{10, 7, true},   // 3 points, 30%
		{10, 8, false},  // 2 points, 20%
		{0, 4, false},
		{0, 5, true},
		{12, 17, true},
	}
	for _, tt := range tests {
		if got := RMDQChange(tt.from, tt.to); got.Meaningful != tt.meaningful {
			t.Errorf("RMDQChange(%d, %d) = %+v, want meaningful %v", tt.from, tt.to, got, tt.meaningful)
		}
	}
}

func TestPainTrendText(t *testing.T) {
	const what = "Pain before sessions"
	tests := []struct {
		now, earlier *float64
		want         string
	}{
		{nil, fp(5), ""},
		{fp(3), nil, "Pain before sessions, 7-day average: 3.0; none from two weeks earlier to compare with."},
		{fp(3), fp(5.5), "Pain before sessions, 7-day average: 3.0, against 5.5 two weeks earlier: down 2.5 points (45%), a meaningful change."},
		{fp(4.5), fp(5.5), "Pain before sessions, 7-day average: 4.5, against 5.5 two weeks earlier: down 1.0 point (18%), less than a meaningful change (2 points and 30%)."},
		{fp(6), fp(8), "Pain before sessions, 7-day average: 6.0, against 8.0 two weeks earlier: down 2.0 points (25%), less than a meaningful change (2 points and 30%)."},
		{fp(5), fp(3), "Pain before sessions, 7-day average: 5.0, against 3.0 two weeks earlier: up 2.0 points (67%), a meaningful rise. Mention it to your therapist."},
		{fp(3.5), fp(3), "Pain before sessions, 7-day average: 3.5, against 3.0 two weeks earlier: up 0.5 points (17%), less than a meaningful change (2 points and 30%)."},
		{fp(2), fp(0), "Pain before sessions, 7-day average: 2.0, against 0.0 two weeks earlier: up 2.0 points, a meaningful rise. Mention it to your therapist."},
		{fp(4.04), fp(3.96), "Pain before sessions, 7-day average: 4.0, against 4.0 two weeks earlier: about the same."},
	}
	for _, tt := range tests {
		if got := PainTrendText(what, tt.now, tt.earlier); got != tt.want {
			t.Errorf("PainTrendText(%s, %s):\n got %q\nwant %q", text.Average(tt.now), text.Average(tt.earlier), got, tt.want)
		}
	}
}

func TestPainTrendLines(t *testing.T) {
	tests := []struct {
		name                                      string
		change, before, bEarlier, after, aEarlier *float64
		want                                      []string
	}{
		{name: "no scores"},
		{name: "lower after, meaningful over two weeks", change: fp(-1.25), before: fp(3), bEarlier: fp(5), after: fp(1.75), aEarlier: fp(3.5), want: []string{
			"After sessions, pain was 1.3 points lower than before them, on average.",
			"Pain before sessions, 7-day average: 3.0, against 5.0 two weeks earlier: down 2.0 points (40%), a meaningful change.",
			"Pain after sessions, 7-day average: 1.8, against 3.5 two weeks earlier: down 1.7 points (49%), less than a meaningful change (2 points and 30%).",
		}},
		{name: "raised by sessions: the numbers, no advice", change: fp(1), after: fp(4), want: []string{
			"After sessions, pain was 1.0 point higher than before them, on average.",
			"Pain after sessions, 7-day average: 4.0; none from two weeks earlier to compare with.",
		}},
		{name: "a change that rounds away", change: fp(0.04), want: []string{
			"After sessions, pain was about the same as before them, on average.",
		}},
	}
	for _, tt := range tests {
		got := PainTrendLines(tt.change, tt.before, tt.bEarlier, tt.after, tt.aEarlier)
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
		for _, l := range got {
			if containsFold(l, "ease off") {
				t.Errorf("%s: a trend says ease off: %q", tt.name, l)
			}
		}
	}
}

func TestPainRulesOf(t *testing.T) {
	head := "corecoach: 1\nname: R\nexercises:\n  - use: plank\n"
	tests := []struct {
		name string
		r    *Routine
		want PainRules
	}{
		{"unknown routine", nil, PainRules{5, 2}},
		{"no pain key", mustParse(t, head), PainRules{5, 2}},
		{"limit 0", mustParse(t, head+"pain:\n  limit: 0\n"), PainRules{0, 2}},
		{"pain without limit", mustParse(t, head+"pain: {}\n"), PainRules{5, 2}},
		{"limit only", mustParse(t, head+"pain:\n  limit: 6\n"), PainRules{6, 2}},
		{"rise 3", mustParse(t, head+"pain:\n  limit: 4\n  rise: 3\n"), PainRules{4, 3}},
		{"rise 1", mustParse(t, head+"pain: {rise: 1}\n"), PainRules{5, 1}},
		{"rise 10", mustParse(t, head+"pain: {rise: 10}\n"), PainRules{5, 10}},
	}
	for _, tt := range tests {
		if got := PainRulesOf(tt.r); got != tt.want {
			t.Errorf("%s: PainRulesOf = %+v, want %+v", tt.name, got, tt.want)
		}
	}
	for _, r := range Builtins() {
		if got := PainRulesOf(r); got != PainRulesOf(nil) {
			t.Errorf("built-in %s: pain rules %+v, want the defaults %+v", r.ID, got, PainRulesOf(nil))
		}
	}
	for _, bad := range []string{"pain: {rise: 0}\n", "pain: {rise: 11}\n", "pain: {rise: two}\n"} {
		if _, err := Parse("r.yaml", []byte(head+bad)); err == nil {
			t.Errorf("Parse accepts %q", bad)
		}
	}
}
