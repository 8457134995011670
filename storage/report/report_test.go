package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"corecoach/routines"
	"corecoach/storage"

	"github.com/charmbracelet/x/exp/golden"
)

func ip(v int) *int { return &v }

func mustDate(t testing.TB, s string) storage.Date {
	t.Helper()
	d, err := storage.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func session(t testing.TB, id, zone, clock string, r storage.RoutineRef, status string, before, after *int, note string, ex ...storage.ExerciseResult) storage.Session {
	t.Helper()
	loc, err := time.LoadLocation(zone)
	if err != nil {
		t.Fatal(err)
	}
	start, err := time.ParseInLocation("2006-01-02 15:04", clock, loc)
	if err != nil {
		t.Fatal(err)
	}
	end := start.Add(14 * time.Minute)
	return storage.Session{ID: id, Routine: r, StartedAt: start, EndedAt: &end, Zone: zone, Status: status,
		PainBefore: before, PainAfter: after, Note: note, Exercises: ex}
}

const (
	hashV1 = "sha256:1111111111111111111111111111111111111111111111111111111111111111"
	hashV2 = "sha256:2222222222222222222222222222222222222222222222222222222222222222"
)

// fixture is a fortnight of history with hostile text in every free field.
func fixture(t testing.TB) Input {
	basics := storage.RoutineRef{ID: "core-basics", Name: "Core basics", Hash: "sha256:b0b0"}
	backV1 := storage.RoutineRef{ID: "lower-back", Name: `Back <b>care</b> & "core" | *week* 1`, Hash: hashV1}
	backV2 := backV1
	backV2.Hash = hashV2
	plank := func(done int, skipped, hurt bool) storage.ExerciseResult {
		return storage.ExerciseResult{ID: "plank", Name: "Plank", SetsPlanned: 3, SetsDone: done, Skipped: skipped, Hurt: hurt, Seconds: 30 * done}
	}
	birdDog := func(hurt bool) storage.ExerciseResult {
		return storage.ExerciseResult{ID: "bird-dog", Name: "Bird dog", SetsPlanned: 2, SetsDone: 2, Hurt: hurt, Seconds: 120}
	}
	ss := []storage.Session{
		session(t, "s0", "Europe/London", "2026-02-27 09:00", basics, storage.StatusCompleted, ip(6), ip(5), "before the period"),
		session(t, "s1", "America/New_York", "2026-03-02 23:30", basics, storage.StatusCompleted, ip(4), ip(3),
			"<script>alert('x')</script> *really* tight_left | [link](http://x) # not a heading", plank(3, false, false), birdDog(true)),
		session(t, "s2", "Europe/London", "2026-03-03 08:00", backV1, storage.StatusPartial, ip(5), ip(7),
			"Line one\nline two\x1b]0;pwned\x07 end", plank(1, true, true)),
		session(t, "s3", "Europe/London", "2026-03-05 18:10", backV2, storage.StatusCompleted, ip(3), ip(2), "",
			plank(3, false, false), birdDog(false)),
		session(t, "s4", "Europe/London", "2026-03-09 07:45", backV2, storage.StatusCompleted, nil, ip(2), "Felt good", plank(3, false, false)),
		session(t, "s5", "Europe/London", "2026-03-20 07:45", backV2, storage.StatusCompleted, ip(1), ip(1), "after the period"),
	}
	ss[2].Exercises[0].HurtKind = storage.HurtSharp // s1's bird dog was flagged before kinds were asked
	after := 2.0
	return Input{
		From: mustDate(t, "2026-03-01"), To: mustDate(t, "2026-03-14"),
		Generated: time.Date(2026, 3, 15, 9, 30, 0, 0, time.UTC),
		Sessions:  ss,
		Checkins: []storage.Checkin{
			{Date: "2026-03-03", Pain: 6, SessionID: "s1"}, // 2 above the pain before
			{Date: "2026-03-04", Pain: 6, SessionID: "s2"}, // above the limit of 5, 1 above before: no ease off
			{Date: "2026-03-06", Pain: 2, SessionID: "s3"},
			{Date: "2026-02-28", Pain: 9, SessionID: "s0"}, // before the period
		},
		Visits: []storage.Visit{
			{ID: "v-3", Date: "2026-03-15", Kind: "massage", Note: "after the period"},
			{ID: "v-2", Date: "2026-03-07", Kind: "physiotherapy"},
			{ID: "v-1", Date: "2026-03-04", Kind: "massage", Note: "deep tissue, *lumbar*\x1b[31m <b>"},
			{ID: "v-0", Date: "2026-02-20", Kind: "chiropractic", Note: "before the period"},
		},
		Stats:         storage.Stats{AsOf: "2026-03-14", CurrentStreakDays: 0, LongestStreakDays: 1, PainBeforeAvgLast7: nil, PainAfterAvgLast7: &after},
		ScheduledDays: 14, CompletedDays: 3,
		Library: []storage.RoutineFile{{ID: "lower-back", Name: "Lower back", Hash: hashV2, Source: "lower-back.yaml"}},
		PainRules: func(id string) (routines.PainRules, bool) {
			return routines.PainRules{Limit: 5, Rise: 2}, id == "lower-back" // others not known: the default applies
		},
		// The library's lower-back names its client and therapist, in hostile text.
		Routine: func(id string) (*routines.Routine, bool) {
			if id != "lower-back" {
				return routines.Builtin(id)
			}
			return &routines.Routine{ID: id, Name: "Lower back", Client: "<i>J.</i> Smith & *Co*",
				Therapist: routines.Therapist{Name: "A. <b>Therapist</b>, PT", Contact: "clinic@example.org | 01234 567890"}}, true
		},
	}
}

func TestBuild(t *testing.T) {
	r := Build(fixture(t))
	if r.Sessions != 4 || r.Completed != 3 || r.Partial != 1 {
		t.Errorf("sessions %d (%d completed, %d partial), want 4 (3, 1)", r.Sessions, r.Completed, r.Partial)
	}
	if len(r.Pain) != 4 || r.Pain[0].When != "2026-03-02 23:30" || r.Pain[1].When != "2026-03-03 08:00" {
		t.Errorf("pain rows by local start: %+v", r.Pain)
	}
	if !r.Pain[1].AboveLimit || r.Pain[0].AboveLimit {
		t.Errorf("above-limit flags: %v %v; want only the 7 after on a limit of 5", r.Pain[0].AboveLimit, r.Pain[1].AboveLimit)
	}
	var flags []string
	for _, c := range r.Checkins {
		flags = append(flags, c.Date+": "+c.Flag+": "+c.Why)
	}
	want := []string{
		"2026-03-03: ease-off: next-day pain 6, 2 above before, above the limit of 5",
		"2026-03-04: above-limit: next-day pain 6, above the limit of 5, no rise of 2 or more",
		"2026-03-06: : ",
	}
	if strings.Join(flags, "\n") != strings.Join(want, "\n") {
		t.Errorf("check-in flags:\n%s\nwant:\n%s", strings.Join(flags, "\n"), strings.Join(want, "\n"))
	}
	if len(r.Visits) != 2 || r.Visits[0].Date != "2026-03-04" || r.Visits[1].Kind != "physiotherapy" || strings.Contains(r.Visits[0].Note, "\x1b") {
		t.Errorf("visits of the period, oldest first, notes safe: %+v", r.Visits)
	}
	if len(r.Exercises) != 2 {
		t.Fatalf("exercises: %+v", r.Exercises)
	}
	if p := r.Exercises[0]; p.Name != "Plank" || p.SetsDone != 10 || p.SetsPlanned != 12 || p.Skipped != 1 || p.Hurt != 1 || p.HurtDates[0] != "2026-03-03 (sharp pain)" {
		t.Errorf("plank: %+v", p)
	}
	if len(r.Notes) != 3 || strings.ContainsAny(r.Notes[1].Text, "\x1b\x07\n") {
		t.Errorf("notes: %q", r.Notes)
	}
	if len(r.Routines) != 3 || r.Routines[1].Library != "an earlier version; the library now holds sha256:222222222222…" ||
		r.Routines[2].Library != "current version" || r.Routines[0].Library != "built-in" {
		t.Errorf("routines: %+v", r.Routines)
	}
}

func TestWriteHTMLGolden(t *testing.T) {
	var b bytes.Buffer
	if err := WriteHTML(&b, Build(fixture(t))); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, bad := range []string{"<script", "<b>care", "\x1b", "javascript:"} {
		if strings.Contains(out, bad) {
			t.Errorf("HTML contains %q", bad)
		}
	}
	golden.RequireEqual(t, b.Bytes())
}

func TestWriteMarkdownGolden(t *testing.T) {
	var b bytes.Buffer
	if err := WriteMarkdown(&b, Build(fixture(t))); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "<script>") || strings.Contains(b.String(), "\x1b") {
		t.Error("Markdown carries raw markup or escapes")
	}
	golden.RequireEqual(t, b.Bytes())
}

func TestEmptyReport(t *testing.T) {
	in := Input{From: mustDate(t, "2026-03-01"), To: mustDate(t, "2026-03-01"), Generated: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}
	var h, m bytes.Buffer
	if err := WriteHTML(&h, Build(in)); err != nil {
		t.Fatal(err)
	}
	if err := WriteMarkdown(&m, Build(in)); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{h.String(), m.String()} {
		if !strings.Contains(out, "No sessions in this period.") || !strings.Contains(out, "No notes in this period.") ||
			!strings.Contains(out, "No therapy visits logged in this period.") {
			t.Errorf("empty report lacks its empty-section text:\n%s", out)
		}
	}
}

// FuzzMarkdownEscape: after md, no character that starts markup is left
// unescaped, and removing the escapes gives back the text.
func FuzzMarkdownEscape(f *testing.F) {
	for _, s := range []string{"<script>", `a\*b`, "| x |", "`code`", "[a](b)", "# h", "&amp;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := md(s)
		var back strings.Builder
		for i := 0; i < len(e); i++ {
			c := e[i]
			if c == '\\' {
				if i+1 == len(e) {
					t.Fatalf("md(%q) = %q ends in a lone backslash", s, e)
				}
				i++
				back.WriteByte(e[i])
				continue
			}
			// "!" needs no escape: "[" always has one, so no image can start.
			// A bare "&" is text; one that could start an entity is escaped.
			entity := c == '&' && i+1 < len(e) && strings.IndexByte("#ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", e[i+1]) >= 0
			if strings.IndexByte("`*_[]<>|~#", c) >= 0 || entity {
				t.Fatalf("md(%q) = %q leaves %q unescaped", s, e, c)
			}
			back.WriteByte(c)
		}
		if back.String() != s {
			t.Fatalf("md(%q) = %q reads back as %q", s, e, back.String())
		}
	})
}

// FuzzReport: any text and scores in a session give both formats without a
// panic, and no markup of the client's own in the HTML.
func FuzzReport(f *testing.F) {
	f.Add("<script>alert(1)</script>", "a|b*c", "plank", 3, 12)
	f.Add("\x1b]0;title\x07", "</style><svg onload=x>", "", -1, 4)
	f.Fuzz(func(t *testing.T, note, routine, exercise string, before, after int) {
		s := session(t, "x", "Europe/London", "2026-03-02 09:00",
			storage.RoutineRef{ID: routine, Name: routine, Hash: routine}, storage.StatusCompleted, &before, &after, note,
			storage.ExerciseResult{ID: exercise, Name: exercise, SetsPlanned: 1, Hurt: true})
		in := Input{From: mustDate(t, "2026-03-01"), To: mustDate(t, "2026-03-03"), Sessions: []storage.Session{s},
			Checkins: []storage.Checkin{{Date: "2026-03-03", Pain: after, SessionID: "x"}}}
		r := Build(in)
		var h, m bytes.Buffer
		if err := WriteHTML(&h, r); err != nil {
			t.Fatal(err)
		}
		if err := WriteMarkdown(&m, r); err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{"<script", "<svg onload", "</style><"} {
			if strings.Contains(h.String(), bad) {
				t.Fatalf("HTML carries %q", bad)
			}
		}
		if strings.ContainsRune(m.String(), 0x1b) {
			t.Fatal("Markdown carries an escape character")
		}
	})
}

// TestBuildPainRules: the report judges pain by the rules of routines: a
// limit of 0 is a limit, an unknown routine has the default, 10 is never
// fine (after a session or the next day), and a check-in is judged against its session only within the
// check-in window.
func TestBuildPainRules(t *testing.T) {
	zero := storage.RoutineRef{ID: "zero", Name: "No pain at all"}
	ten := storage.RoutineRef{ID: "ten", Name: "Anything goes"}
	three := storage.RoutineRef{ID: "three", Name: "Rise of three"}
	unknown := storage.RoutineRef{ID: "gone", Name: "Deleted"}
	ex := func(name string) storage.ExerciseResult {
		return storage.ExerciseResult{ID: "wall-sit", Name: name, SetsPlanned: 1, SetsDone: 1}
	}
	in := Input{
		From: mustDate(t, "2026-03-01"), To: mustDate(t, "2026-03-31"),
		Sessions: []storage.Session{
			session(t, "z", "Europe/London", "2026-03-02 09:00", zero, storage.StatusCompleted, ip(0), ip(1), "", ex("Wall sit")),
			session(t, "t", "Europe/London", "2026-03-04 09:00", ten, storage.StatusCompleted, ip(9), ip(10), "", ex("Wall sit, back flat")),
			session(t, "u", "Europe/London", "2026-03-06 09:00", unknown, storage.StatusCompleted, ip(1), ip(6), ""),
			session(t, "r", "Europe/London", "2026-03-08 09:00", three, storage.StatusCompleted, ip(2), ip(2), ""),
			session(t, "s", "Europe/London", "2026-03-10 09:00", unknown, storage.StatusCompleted, ip(6), ip(5), ""),
		},
		Checkins: []storage.Checkin{
			{Date: "2026-03-03", Pain: 1, SessionID: "z"},  // above a limit of 0
			{Date: "2026-03-05", Pain: 10, SessionID: "t"}, // the top of the scale, at a limit of 10
			{Date: "2026-03-07", Pain: 5, SessionID: "u"},  // default limit: not above it, but 4 above before
			{Date: "2026-03-09", Pain: 4, SessionID: "r"},  // 2 above before, short of a rise of 3
			{Date: "2026-03-11", Pain: 6, SessionID: "s"},  // steady pain above the limit: mention it, not ease off
			{Date: "2026-03-20", Pain: 4, SessionID: "u"},  // two weeks on: not judged against that session
		},
		PainRules: func(id string) (routines.PainRules, bool) {
			r, ok := map[string]routines.PainRules{"zero": {Limit: 0, Rise: 2}, "ten": {Limit: 10, Rise: 2}, "three": {Limit: 5, Rise: 3}}[id]
			return r, ok
		},
	}
	r := Build(in)
	var got []string
	for _, p := range r.Pain {
		got = append(got, fmt.Sprintf("%s limit %d: %v %s", p.Routine, p.Limit, p.AboveLimit, p.Flag))
	}
	for _, c := range r.Checkins {
		got = append(got, fmt.Sprintf("%s after %q limit %d: %s: %s", c.Date, c.Session, c.Limit, c.Flag, c.Why))
	}
	for _, e := range r.Exercises {
		got = append(got, fmt.Sprintf("%s ×%d", e.Name, e.Sessions))
	}
	want := []string{
		"No pain at all limit 0: true pain after 1, above the limit of 0",
		"Anything goes limit 10: true pain after 10, the top of the scale",
		"Deleted limit 5: true pain after 6, above the limit of 5",
		"Rise of three limit 5: false ",
		"Deleted limit 5: false ",
		`2026-03-03 after "2026-03-02 09:00" limit 0: above-limit: next-day pain 1, above the limit of 0, no rise of 2 or more`,
		`2026-03-05 after "2026-03-04 09:00" limit 10: ease-off: next-day pain 10, the top of the scale`,
		`2026-03-07 after "2026-03-06 09:00" limit 5: ease-off: next-day pain 5, 4 above before`,
		`2026-03-09 after "2026-03-08 09:00" limit 5: : `,
		`2026-03-11 after "2026-03-10 09:00" limit 5: above-limit: next-day pain 6, above the limit of 5, no rise of 2 or more`,
		`2026-03-20 after "" limit 5: : `,
		"Wall sit, back flat ×2", // the newest name
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
