package routines

import (
	"fmt"
	"math"
	"strings"

	"corecoach/routines/text"
)

// The pain advice: one set of rules, and the words for them, for every
// screen, the stats text and the therapist's report. They follow the
// pain-monitoring model (docs/stats-and-report.md): pain up to the limit
// during and after exercise is acceptable, steady pain is no warning, and
// only a rise by the next day means easing off. Each function is pure and
// says what the numbers show, no more; nothing here promises a cure.

// PainRules are the pain keys of a routine file.
type PainRules struct {
	Limit int // scores above it call for care
	Rise  int // a next-day score this far above the pain before the session means "ease off"
}

// PainRulesOf are the rules to judge pain by when following r; a routine
// that is not known (nil) has the defaults of a file without a pain key.
func PainRulesOf(r *Routine) PainRules {
	if r == nil {
		return PainRules{Limit: DefaultPainLimit, Rise: DefaultPainRise}
	}
	return PainRules{Limit: r.PainLimit, Rise: max(r.PainRise, 1)}
}

// AdviceKind is what the advice asks of the client.
type AdviceKind int

const (
	// AdviceNone: the numbers say all there is to say.
	AdviceNone AdviceKind = iota
	// AdviceEaseOff: next-day pain rose by the routine's rise, or is at the
	// top of the scale: do less next time.
	AdviceEaseOff
	// AdviceMention: above the limit with no such rise: tell the therapist.
	AdviceMention
	// AdviceGoGently: above the limit before a session: easier variants and
	// fewer sets, with rest as the client's choice.
	AdviceGoGently
)

// When is the moment a pain score is given.
type When int

const (
	BeforeSession When = iota
	AfterSession
	NextDay
)

// Advice is the judgement of one pain score, with its reasons.
type Advice struct {
	Kind  AdviceKind
	When  When
	Score int
	Rules PainRules
	// Before is the pain before the session, when it was given.
	Before    int
	HasBefore bool
	// Rise is how far Score is above Before when it reaches Rules.Rise; else 0.
	Rise       int
	AboveLimit bool // Score > Rules.Limit
	TopOfScale bool // Score is MaxPain
}

// judge fills in the reasons shared by every moment.
func judge(when When, score int, before *int, rules PainRules) Advice {
	a := Advice{When: when, Score: score, Rules: rules, AboveLimit: score > rules.Limit, TopOfScale: score >= MaxPain}
	if before != nil {
		a.Before, a.HasBefore = *before, true
		if score-*before >= rules.Rise {
			a.Rise = score - *before
		}
	}
	return a
}

// CheckinAdvice judges a next-day score against the session it follows up:
// "ease off" only for a rise of rules.Rise over the pain before that
// session (nil: not given), or for the top of the scale; above the limit
// without either, "mention it to your therapist". Steady pain, however high,
// is never a reason to ease off.
func CheckinAdvice(today int, before *int, rules PainRules) Advice {
	a := judge(NextDay, today, before, rules)
	switch {
	case a.Rise > 0 || a.TopOfScale:
		a.Kind = AdviceEaseOff
	case a.AboveLimit:
		a.Kind = AdviceMention
	}
	return a
}

// BeforeAdvice judges the score given just before a session: above the
// limit (or at the top of the scale) it offers going gently first, and
// resting as a choice.
func BeforeAdvice(score int, rules PainRules) Advice {
	a := judge(BeforeSession, score, nil, rules)
	if PainOver(score, rules.Limit) {
		a.Kind = AdviceGoGently
	}
	return a
}

// AfterAdvice judges the score given just after a session (before: the
// score given just before it, nil when skipped). Pain up to the limit
// during exercise is acceptable; above it, the therapist should hear of it.
// How the back takes the session shows the next day, so nothing here says
// "ease off".
func AfterAdvice(after int, before *int, rules PainRules) Advice {
	a := judge(AfterSession, after, before, rules)
	if PainOver(after, rules.Limit) {
		a.Kind = AdviceMention
	}
	return a
}

// Warns reports whether the advice asks for anything: the screens show it
// as a warning.
func (a Advice) Warns() bool { return a.Kind != AdviceNone }

// Text is the advice in the client's words; "" when there is nothing to
// advise.
func (a Advice) Text() string {
	switch a.When {
	case BeforeSession:
		if a.Kind != AdviceGoGently {
			return ""
		}
		return a.scoreIs() + " Go gently today: do fewer sets, use the easier variants, and stop if the pain gets worse. " +
			"Resting today is your choice too."
	case AfterSession:
		if a.Kind != AdviceMention {
			return ""
		}
		return a.scoreIs() + " Tell your therapist how it went. How your back feels tomorrow says more: you will be asked."
	}
	switch a.Kind {
	case AdviceEaseOff:
		return fmt.Sprintf("Your pain today is %d%s. Ease off next time: do fewer sets or use the easier variants, "+
			"and tell your therapist how it has been.", a.Score, a.checkinWhy())
	case AdviceMention:
		return fmt.Sprintf("Your pain today is %d%s. Mention it to your therapist.", a.Score, a.checkinWhy()) + a.steady()
	}
	return ""
}

// Short is Text for a small screen: the score, the reason and what to do.
func (a Advice) Short() string {
	if a.When != NextDay {
		return a.Text()
	}
	var why string
	switch {
	case a.Rise > 0:
		why = fmt.Sprintf(", up %d from %d", a.Rise, a.Before)
	case a.TopOfScale:
		why = ", the top of the scale"
	case a.AboveLimit:
		why = fmt.Sprintf(", above your limit of %d", a.Rules.Limit)
	}
	switch a.Kind {
	case AdviceEaseOff:
		return fmt.Sprintf("Pain today %d%s. Ease off next time; tell your therapist.", a.Score, why)
	case AdviceMention:
		return fmt.Sprintf("Pain today %d%s. Mention it to your therapist.", a.Score, why)
	}
	return ""
}

// scoreIs names what is high about a score given before or after a session.
func (a Advice) scoreIs() string {
	if a.TopOfScale {
		return "That is the worst pain you can imagine."
	}
	return fmt.Sprintf("That is above your limit of %d.", a.Rules.Limit)
}

// checkinWhy is why a next-day score is advised on: ", 3 points above ...".
func (a Advice) checkinWhy() string {
	var why []string
	if a.TopOfScale {
		why = append(why, "the top of the scale")
	}
	if a.Rise > 0 {
		why = append(why, fmt.Sprintf("%s above your pain before your last session (%d)", text.Count(a.Rise, "point"), a.Before))
	}
	if a.AboveLimit && !a.TopOfScale {
		why = append(why, fmt.Sprintf("above your limit of %d", a.Rules.Limit))
	}
	if len(why) == 0 {
		return ""
	}
	return ", " + strings.Join(why, " and ")
}

// steady tells a client whose pain is high but not rising that this alone
// is no reason to do less.
func (a Advice) steady() string {
	if a.Kind != AdviceMention || !a.HasBefore {
		return ""
	}
	if a.Score <= a.Before {
		return fmt.Sprintf(" It is no higher than before your last session (%d): steady pain is no reason to ease off.", a.Before)
	}
	return fmt.Sprintf(" It is %s above your pain before your last session (%d), less than the rise of %d that means easing off.",
		text.Count(a.Score-a.Before, "point"), a.Before, a.Rules.Rise)
}

// Flag is the report's flag for a next-day score: "ease-off",
// "above-limit", or "" for none.
func (a Advice) Flag() string {
	switch a.Kind {
	case AdviceEaseOff:
		return "ease-off"
	case AdviceMention:
		return "above-limit"
	}
	return ""
}

// Why is the advice for the therapist, in the report: "next-day pain 5,
// 3 above before"; "" when there is nothing to flag.
func (a Advice) Why() string {
	if a.Kind == AdviceNone {
		return ""
	}
	what := [...]string{BeforeSession: "pain before", AfterSession: "pain after", NextDay: "next-day pain"}[a.When]
	why := []string{fmt.Sprintf("%s %d", what, a.Score)}
	if a.When == NextDay && a.Rise > 0 {
		why = append(why, fmt.Sprintf("%d above before", a.Rise))
	}
	switch {
	case a.TopOfScale:
		why = append(why, "the top of the scale")
	case a.AboveLimit:
		why = append(why, fmt.Sprintf("above the limit of %d", a.Rules.Limit))
	}
	if a.When == NextDay && a.Kind == AdviceMention && a.HasBefore {
		why = append(why, fmt.Sprintf("no rise of %d or more", a.Rules.Rise))
	}
	return strings.Join(why, ", ")
}

// SessionPainText states a session's pain scores plainly: "Pain: before 4,
// after 3." A change within one session is never called meaningful.
func SessionPainText(before, after *int) string {
	if before == nil && after == nil {
		return "Pain: not scored."
	}
	return fmt.Sprintf("Pain: before %s, after %s.", ScoreText(before), ScoreText(after))
}

// SessionsChangeText states the mean change over a session, after minus
// before, over the last 7 days (nil: no session with both scores):
// "After sessions, pain was 1.5 points lower than before them, on
// average." It is never called meaningful.
func SessionsChangeText(change *float64) string {
	if change == nil {
		return ""
	}
	switch d := round1(*change); {
	case d < 0:
		return fmt.Sprintf("After sessions, pain was %s lower than before them, on average.", points(-d))
	case d > 0:
		return fmt.Sprintf("After sessions, pain was %s higher than before them, on average.", points(d))
	}
	return "After sessions, pain was about the same as before them, on average."
}

// PainTrendLines are the words on the pain averages for the stats text, the
// progress screen and the report: the change over sessions, then the 7-day
// averages of pain before and after sessions against two weeks earlier
// (PainTrendText). nil averages are left out.
func PainTrendLines(changeLast7, beforeLast7, beforeEarlier, afterLast7, afterEarlier *float64) []string {
	var out []string
	for _, l := range []string{
		SessionsChangeText(changeLast7),
		PainTrendText("Pain before sessions", beforeLast7, beforeEarlier),
		PainTrendText("Pain after sessions", afterLast7, afterEarlier),
	} {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// Change is how an average or a score moved between two times, and whether
// the move is a meaningful change by the measure's threshold.
type Change struct {
	From, To   float64
	Points     float64 // To − From
	Percent    float64 // |Points| as a share of From; 0 when From is 0
	Meaningful bool
}

func change(from, to float64) Change {
	c := Change{From: from, To: to, Points: round1(to - from)}
	if from != 0 {
		c.Percent = math.Abs(c.Points) / from
	}
	return c
}

// atLeastShare compares a change's share as it is shown, in whole percent.
func (c Change) atLeastShare(share float64) bool {
	return c.From != 0 && math.Floor(c.Percent*100+0.5) >= share*100
}

// round1 rounds to one decimal, as averages are shown, so that the rule
// judges the numbers the client sees.
func round1(f float64) float64 { return math.Round(f*10) / 10 }

// Pain (NRS 0-10) averages move meaningfully by at least 2 points and at
// least 30% (Ostelo et al. 2008); PSFS means by at least 2 points
// (Stratford et al. 1995); RMDQ scores by at least 5 points or 30%
// (Ostelo et al. 2008). A rise from 0 has no percentage: for pain it is
// judged by its points alone.
const (
	PainMeaningfulPoints = 2
	PainMeaningfulShare  = 0.3
	PSFSMeaningfulPoints = 2
	RMDQMeaningfulPoints = 5
	RMDQMeaningfulShare  = 0.3
)

// PainChange compares two 7-day pain averages (NRS), rounded as shown.
func PainChange(from, to float64) Change {
	c := change(round1(from), round1(to))
	c.Meaningful = math.Abs(c.Points) >= PainMeaningfulPoints && (c.From == 0 || c.atLeastShare(PainMeaningfulShare))
	return c
}

// PSFSChange compares two PSFS means (0-10, higher is better).
func PSFSChange(from, to float64) Change {
	c := change(round1(from), round1(to))
	c.Meaningful = math.Abs(c.Points) >= PSFSMeaningfulPoints
	return c
}

// RMDQChange compares two RMDQ scores (0-24, lower is better).
func RMDQChange(from, to int) Change {
	c := change(float64(from), float64(to))
	c.Meaningful = math.Abs(c.Points) >= RMDQMeaningfulPoints || c.atLeastShare(RMDQMeaningfulShare)
	return c
}

// TrendDays is the span of a pain average, and TrendGap how much earlier
// the average it is compared with ends: two averages of the same week are
// never compared, and one session never makes a trend.
const (
	TrendDays = 7
	TrendGap  = 14
)

// PainTrendText compares the 7-day average of what (such as "Pain before
// sessions") with the one ending TrendGap days earlier, in the client's
// words: "" when there is no average now, only the average when there is
// none to compare with.
func PainTrendText(what string, now, earlier *float64) string {
	if now == nil {
		return ""
	}
	head := fmt.Sprintf("%s, 7-day average: %s", what, text.Average(now))
	if earlier == nil {
		return head + "; none from two weeks earlier to compare with."
	}
	c := PainChange(*earlier, *now)
	head += fmt.Sprintf(", against %s two weeks earlier", text.Average(earlier))
	switch {
	case c.Points == 0:
		return head + ": about the same."
	case c.Meaningful && c.Points < 0:
		return head + fmt.Sprintf(": down %s, a meaningful change.", c.amount())
	case c.Meaningful:
		return head + fmt.Sprintf(": up %s, a meaningful rise. Mention it to your therapist.", c.amount())
	case c.Points < 0:
		return head + fmt.Sprintf(": down %s, %s.", c.amount(), lessThanMeaningful())
	}
	return head + fmt.Sprintf(": up %s, %s.", c.amount(), lessThanMeaningful())
}

// points shows a difference of averages: "1.0 point", "2.5 points".
func points(d float64) string {
	if d == 1 {
		return "1.0 point"
	}
	return fmt.Sprintf("%.1f points", d)
}

// lessThanMeaningful names the pain threshold a change fell short of.
func lessThanMeaningful() string {
	return fmt.Sprintf("less than a meaningful change (%d points and %s)", PainMeaningfulPoints, text.Percent(PainMeaningfulShare))
}

// amount is the size of a change: "2.5 points (45%)".
func (c Change) amount() string {
	s := points(math.Abs(c.Points))
	if c.From != 0 {
		s += fmt.Sprintf(" (%s)", text.Percent(c.Percent))
	}
	return s
}
