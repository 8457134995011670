package storage

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// at builds a session started at a local wall-clock time in zone; zone ""
// keeps only the offset written in clock (RFC 3339).
func at(t *testing.T, zone, clock, status, routine string) Session {
	t.Helper()
	var start time.Time
	var err error
	if zone == "" {
		start, err = time.Parse(time.RFC3339, clock)
	} else {
		var loc *time.Location
		if loc, err = time.LoadLocation(zone); err == nil {
			start, err = time.ParseInLocation("2006-01-02 15:04", clock, loc)
		}
	}
	if err != nil {
		t.Fatalf("bad test time %q in %q: %v", clock, zone, err)
	}
	return Session{ID: clock + zone, Routine: RoutineRef{ID: routine}, StartedAt: start, Zone: zone, Status: status}
}

// done is a completed session of the everyday routine at a local time.
func done(t *testing.T, zone, clock string) Session {
	return at(t, zone, clock, StatusCompleted, "daily")
}

// dayRecords builds the daily records the store keeps, from sessions.
func dayRecords(sessions []Session) []DayRecord {
	ss := slices.Clone(sessions)
	slices.SortStableFunc(ss, func(a, b Session) int { return a.StartedAt.Compare(b.StartedAt) })
	var out []DayRecord
	index := map[string]int{}
	for _, s := range ss {
		day := SessionDay(s)
		i, ok := index[day]
		if !ok {
			i = len(out)
			index[day] = i
			out = append(out, DayRecord{Date: day})
		}
		out[i].Sessions++
		if s.Status == StatusCompleted {
			out[i].Completed++
		}
		out[i].LastRoutine = s.Routine.ID
	}
	slices.SortFunc(out, func(a, b DayRecord) int { return strings.Compare(a.Date, b.Date) })
	return out
}

var testSchedules = map[string][]time.Weekday{
	"mwf":   {time.Monday, time.Wednesday, time.Friday},
	"daily": nil,
}

func testSchedule(id string) []time.Weekday { return testSchedules[id] }

func mustDate(t testing.TB, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestStreaks(t *testing.T) {
	mwf := func(clock, status string) Session { return at(t, "Europe/London", clock, status, "mwf") }
	tests := []struct {
		name              string
		sessions          []Session
		asOf              string
		current, longest  int
		wantDays, wantAll int // distinct counting days, and all sessions up to asOf
	}{
		{
			// 23:30 EDT is 03:30 UTC the next day: the local date must win.
			name: "new york, spring forward, late evenings",
			sessions: []Session{
				done(t, "America/New_York", "2026-03-07 23:30"), // EST
				done(t, "America/New_York", "2026-03-08 23:30"), // EDT, the day of the change
				done(t, "America/New_York", "2026-03-09 00:15"),
			},
			asOf: "2026-03-09", current: 3, longest: 3, wantAll: 3,
		},
		{
			name: "new york, fall back, the repeated hour is one day",
			sessions: []Session{
				done(t, "America/New_York", "2026-10-31 23:59"),
				done(t, "America/New_York", "2026-11-01 01:30"),
				done(t, "America/New_York", "2026-11-01 23:30"),
				done(t, "America/New_York", "2026-11-02 00:01"),
			},
			asOf: "2026-11-02", current: 3, longest: 3, wantAll: 4,
		},
		{
			// 00:30 BST on the 30th is 23:30 UTC on the 29th.
			name: "london, just after midnight across the clock change",
			sessions: []Session{
				done(t, "Europe/London", "2026-03-28 00:30"),
				done(t, "Europe/London", "2026-03-29 00:30"),
				done(t, "Europe/London", "2026-03-30 00:30"),
			},
			asOf: "2026-03-30", current: 3, longest: 3, wantAll: 3,
		},
		{
			name: "london, just before midnight in autumn",
			sessions: []Session{
				done(t, "Europe/London", "2026-10-24 23:59"),
				done(t, "Europe/London", "2026-10-25 23:59"),
			},
			asOf: "2026-10-25", current: 2, longest: 2, wantAll: 2,
		},
		{
			name: "kolkata, early morning is the previous day in UTC",
			sessions: []Session{
				done(t, "Asia/Kolkata", "2026-06-01 05:00"),
				done(t, "Asia/Kolkata", "2026-06-02 05:00"),
				done(t, "Asia/Kolkata", "2026-06-03 05:29"),
			},
			asOf: "2026-06-03", current: 3, longest: 3, wantAll: 3,
		},
		{
			name: "auckland, daylight saving ends",
			sessions: []Session{
				done(t, "Pacific/Auckland", "2026-04-04 11:00"), // +13
				done(t, "Pacific/Auckland", "2026-04-05 02:30"), // the repeated hour
				done(t, "Pacific/Auckland", "2026-04-06 11:00"), // +12
			},
			asOf: "2026-04-06", current: 3, longest: 3, wantAll: 3,
		},
		{
			name: "auckland, daylight saving starts",
			sessions: []Session{
				done(t, "Pacific/Auckland", "2026-09-26 00:05"),
				done(t, "Pacific/Auckland", "2026-09-27 23:55"),
				done(t, "Pacific/Auckland", "2026-09-28 00:05"),
			},
			asOf: "2026-09-28", current: 3, longest: 3, wantAll: 3,
		},
		{
			name: "chatham, quarter-hour offsets",
			sessions: []Session{
				done(t, "Pacific/Chatham", "2026-04-04 00:10"), // +13:45
				done(t, "Pacific/Chatham", "2026-04-05 13:00"), // +12:45 after the change
				done(t, "Pacific/Chatham", "2026-04-06 00:10"),
			},
			asOf: "2026-04-06", current: 3, longest: 3, wantAll: 3,
		},
		{
			// Both are 9 March in UTC; in their own zones they are two days.
			name: "traveller, new york evening then london morning",
			sessions: []Session{
				done(t, "America/New_York", "2026-03-08 23:30"),
				done(t, "Europe/London", "2026-03-09 08:00"),
			},
			asOf: "2026-03-09", current: 2, longest: 2, wantAll: 2,
		},
		{
			// UTC would see 9 and 11 March and skip the 10th.
			name: "traveller, tokyo to los angeles",
			sessions: []Session{
				done(t, "Asia/Tokyo", "2026-03-09 07:00"),
				done(t, "Asia/Tokyo", "2026-03-10 07:00"),
				done(t, "America/Los_Angeles", "2026-03-10 18:00"),
				done(t, "America/Los_Angeles", "2026-03-11 18:00"),
			},
			asOf: "2026-03-11", current: 3, longest: 3, wantAll: 4,
		},
		{
			name: "offset only, no zone name",
			sessions: []Session{
				done(t, "", "2026-03-08T23:30:00-04:00"),
				done(t, "", "2026-03-09T23:30:00-04:00"),
			},
			asOf: "2026-03-09", current: 2, longest: 2, wantAll: 2,
		},
		{
			name: "today not done yet keeps yesterday's streak",
			sessions: []Session{
				done(t, "Europe/London", "2026-05-01 09:00"),
				done(t, "Europe/London", "2026-05-02 09:00"),
			},
			asOf: "2026-05-03", current: 2, longest: 2, wantAll: 2,
		},
		{
			name: "a missed day breaks it",
			sessions: []Session{
				done(t, "Europe/London", "2026-05-01 09:00"),
				done(t, "Europe/London", "2026-05-02 09:00"),
			},
			asOf: "2026-05-04", current: 0, longest: 2, wantAll: 2,
		},
		{
			name: "two sessions on one day count once",
			sessions: []Session{
				done(t, "Europe/London", "2026-05-01 09:00"),
				done(t, "Europe/London", "2026-05-01 19:00"),
			},
			asOf: "2026-05-01", current: 1, longest: 1, wantAll: 2,
		},
		{
			name: "mon/wed/fri: rest days neither extend nor break",
			sessions: []Session{
				mwf("2026-03-02 09:00", StatusCompleted), // Mon
				mwf("2026-03-04 09:00", StatusCompleted), // Wed
				mwf("2026-03-06 09:00", StatusCompleted), // Fri
				mwf("2026-03-09 09:00", StatusCompleted), // Mon
			},
			asOf: "2026-03-10", current: 4, longest: 4, wantAll: 4,
		},
		{
			name: "mon/wed/fri: wednesday due, not yet missed",
			sessions: []Session{
				mwf("2026-03-02 09:00", StatusCompleted),
				mwf("2026-03-04 09:00", StatusCompleted),
				mwf("2026-03-06 09:00", StatusCompleted),
				mwf("2026-03-09 09:00", StatusCompleted),
			},
			asOf: "2026-03-11", current: 4, longest: 4, wantAll: 4,
		},
		{
			name: "mon/wed/fri: wednesday missed by thursday",
			sessions: []Session{
				mwf("2026-03-06 09:00", StatusCompleted),
				mwf("2026-03-09 09:00", StatusCompleted),
			},
			asOf: "2026-03-12", current: 0, longest: 2, wantAll: 2,
		},
		{
			name: "mon/wed/fri: a session on a rest day counts",
			sessions: []Session{
				mwf("2026-03-06 09:00", StatusCompleted), // Fri
				mwf("2026-03-07 09:00", StatusCompleted), // Sat
				mwf("2026-03-09 09:00", StatusCompleted), // Mon
			},
			asOf: "2026-03-09", current: 3, longest: 3, wantAll: 3,
		},
		{
			name: "a partial session on a scheduled day is a missed day",
			sessions: []Session{
				mwf("2026-03-02 09:00", StatusCompleted),
				mwf("2026-03-04 09:00", StatusPartial),
				mwf("2026-03-06 09:00", StatusCompleted),
			},
			asOf: "2026-03-06", current: 1, longest: 1, wantAll: 3,
		},
		{
			name: "a partial session today does not break the streak",
			sessions: []Session{
				mwf("2026-03-02 09:00", StatusCompleted),
				mwf("2026-03-04 09:00", StatusPartial),
			},
			asOf: "2026-03-04", current: 1, longest: 1, wantAll: 2,
		},
		{
			// Daily until Wednesday, then mon/wed/fri: Thursday becomes a rest day.
			name: "routine changes mid-streak to fewer days",
			sessions: []Session{
				at(t, "Europe/London", "2026-03-02 09:00", StatusCompleted, "daily"),
				at(t, "Europe/London", "2026-03-03 09:00", StatusCompleted, "daily"),
				at(t, "Europe/London", "2026-03-04 09:00", StatusCompleted, "mwf"),
				at(t, "Europe/London", "2026-03-06 09:00", StatusCompleted, "mwf"),
				at(t, "Europe/London", "2026-03-09 09:00", StatusCompleted, "mwf"),
			},
			asOf: "2026-03-09", current: 5, longest: 5, wantAll: 5,
		},
		{
			// Mon/wed/fri until Wednesday, then daily: Friday's daily schedule
			// makes Saturday a scheduled day, missed.
			name: "routine changes mid-streak to every day",
			sessions: []Session{
				at(t, "Europe/London", "2026-03-02 09:00", StatusCompleted, "mwf"),
				at(t, "Europe/London", "2026-03-04 09:00", StatusCompleted, "mwf"),
				at(t, "Europe/London", "2026-03-06 09:00", StatusCompleted, "daily"),
				at(t, "Europe/London", "2026-03-08 09:00", StatusCompleted, "daily"),
			},
			asOf: "2026-03-08", current: 1, longest: 3, wantAll: 4,
		},
		{
			name: "an unknown routine is scheduled every day",
			sessions: []Session{
				at(t, "Europe/London", "2026-03-02 09:00", StatusCompleted, "gone"),
				at(t, "Europe/London", "2026-03-04 09:00", StatusCompleted, "gone"),
			},
			asOf: "2026-03-04", current: 1, longest: 1, wantAll: 2,
		},
		{
			name: "as of before any data",
			sessions: []Session{
				done(t, "Europe/London", "2026-05-01 09:00"),
			},
			asOf: "2026-04-30", current: 0, longest: 0, wantAll: 0,
		},
		{
			name: "sessions after the as-of date are ignored",
			sessions: []Session{
				done(t, "Europe/London", "2026-05-01 09:00"),
				done(t, "Europe/London", "2026-05-02 09:00"),
				done(t, "Europe/London", "2026-05-03 09:00"),
				done(t, "Europe/London", "2026-05-04 09:00"),
			},
			asOf: "2026-05-02", current: 2, longest: 2, wantAll: 2,
		},
		{
			name: "longest streak in the past, current one shorter",
			sessions: []Session{
				done(t, "Europe/London", "2026-05-01 09:00"),
				done(t, "Europe/London", "2026-05-02 09:00"),
				done(t, "Europe/London", "2026-05-03 09:00"),
				done(t, "Europe/London", "2026-05-05 09:00"),
			},
			asOf: "2026-05-06", current: 1, longest: 3, wantAll: 4,
		},
		{
			name:     "no sessions at all",
			sessions: nil,
			asOf:     "2026-05-06", current: 0, longest: 0, wantAll: 0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := ComputeStats(dayRecords(tt.sessions), tt.sessions, testSchedule, mustDate(t, tt.asOf))
			if err != nil {
				t.Fatal(err)
			}
			if st.CurrentStreakDays != tt.current || st.LongestStreakDays != tt.longest {
				t.Errorf("streaks = current %d, longest %d; want %d, %d", st.CurrentStreakDays, st.LongestStreakDays, tt.current, tt.longest)
			}
			if st.SessionsTotal != tt.wantAll {
				t.Errorf("sessions_total = %d, want %d", st.SessionsTotal, tt.wantAll)
			}
			if st.AsOf != tt.asOf {
				t.Errorf("as_of = %q, want %q", st.AsOf, tt.asOf)
			}
		})
	}
}

func TestDayStatuses(t *testing.T) {
	ss := []Session{
		at(t, "Europe/London", "2026-03-02 09:00", StatusCompleted, "mwf"), // Mon
		at(t, "Europe/London", "2026-03-04 09:00", StatusPartial, "mwf"),   // Wed
		at(t, "Europe/London", "2026-03-07 09:00", StatusCompleted, "mwf"), // Sat
		at(t, "Europe/London", "2026-03-09 09:00", StatusPartial, "mwf"),   // Mon, as of
	}
	got, err := DayStatuses(dayRecords(ss), testSchedule, mustDate(t, "2026-02-28"), mustDate(t, "2026-03-11"), mustDate(t, "2026-03-09"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, d := range got {
		fmt.Fprintf(&b, "%s %s %s sched=%t %d/%d\n", d.Date, d.Date.Weekday().String()[:3], d.Status, d.Scheduled, d.Completed, d.Sessions)
	}
	want := `2026-02-28 Sat none sched=true 0/0
2026-03-01 Sun none sched=true 0/0
2026-03-02 Mon done sched=true 1/1
2026-03-03 Tue rest sched=false 0/0
2026-03-04 Wed missed sched=true 0/1
2026-03-05 Thu rest sched=false 0/0
2026-03-06 Fri missed sched=true 0/0
2026-03-07 Sat done sched=false 1/1
2026-03-08 Sun rest sched=false 0/0
2026-03-09 Mon due sched=true 0/1
2026-03-10 Tue future sched=false 0/0
2026-03-11 Wed future sched=true 0/0
`
	if b.String() != want {
		t.Errorf("statuses:\n%s\nwant:\n%s", b.String(), want)
	}
	sched, comp, err := Adherence(dayRecords(ss), testSchedule, mustDate(t, "2026-02-28"), mustDate(t, "2026-03-09"), mustDate(t, "2026-03-09"))
	if err != nil || sched != 3 || comp != 1 {
		t.Errorf("Adherence = %d/%d, %v; want 1/3 (Mon done; Wed, Fri missed; the due Monday left out)", comp, sched, err)
	}
}

func ptr[T any](v T) *T { return &v }

func TestComputeStatsFields(t *testing.T) {
	var ss []Session
	// 20 days of daily sessions ending 2026-06-20, each day but the 15th,
	// with pain falling from 6 to 2 before and after one lower.
	for d := 1; d <= 20; d++ {
		if d == 15 {
			continue
		}
		s := done(t, "Asia/Kolkata", fmt.Sprintf("2026-06-%02d 07:00", d))
		before := 6 - d/5
		s.PainBefore, s.PainAfter = ptr(before), ptr(before-1)
		ss = append(ss, s)
	}
	partial := at(t, "Asia/Kolkata", "2026-06-20 20:00", StatusPartial, "daily")
	partial.PainBefore = ptr(10) // pain averages take partial sessions too
	ss = append(ss, partial)
	future := done(t, "Asia/Kolkata", "2026-06-21 07:00")
	future.PainBefore = ptr(0)
	ss = append(ss, future)

	st, err := ComputeStats(dayRecords(ss), ss, testSchedule, mustDate(t, "2026-06-20"))
	if err != nil {
		t.Fatal(err)
	}
	// Last 7 days: the 14th..20th without the 15th. Before: 14→4, 16..19→3, 20→2, partial 10.
	// After: 3, 2,2,2,2, 1.  Previous 7: 7th..13th: before 5,5,5,4,4,4,4.
	want := Stats{
		AsOf: "2026-06-20", CurrentStreakDays: 5, LongestStreakDays: 14,
		SessionsTotal: 20, SessionsCompleted: 19, ActiveDaysLast30: 19,
		AdherenceLast28: 19.0 / 20, ScheduledDaysLast28: 20, CompletedScheduledDaysLast28: 19,
		PainBeforeAvgLast7: ptr((4 + 3*4 + 2 + 10) / 7.0), PainAfterAvgLast7: ptr((3 + 2*4 + 1) / 6.0),
		PainBeforeAvgPrev7: ptr((5*3 + 4*4) / 7.0), PainAfterAvgPrev7: ptr((4*3 + 3*4) / 7.0),
		FirstSessionDate: ptr("2026-06-01"), LastSessionDate: ptr("2026-06-20"),
	}
	if g, w := fmt.Sprint(flat(st)), fmt.Sprint(flat(want)); g != w {
		t.Errorf("stats\n got %s\nwant %s", g, w)
	}
}

// flat shows pointer fields by value, so that stats compare as text.
func flat(s Stats) []any {
	v := func(p *float64) any {
		if p == nil {
			return nil
		}
		return fmt.Sprintf("%.4f", *p)
	}
	sv := func(p *string) any {
		if p == nil {
			return nil
		}
		return *p
	}
	return []any{s.AsOf, s.CurrentStreakDays, s.LongestStreakDays, s.SessionsTotal, s.SessionsCompleted,
		s.ActiveDaysLast30, fmt.Sprintf("%.4f", s.AdherenceLast28), s.ScheduledDaysLast28, s.CompletedScheduledDaysLast28,
		v(s.PainBeforeAvgLast7), v(s.PainAfterAvgLast7), v(s.PainBeforeAvgPrev7), v(s.PainAfterAvgPrev7),
		sv(s.FirstSessionDate), sv(s.LastSessionDate)}
}

func TestComputeStatsEmptyAndBadRecord(t *testing.T) {
	st, err := ComputeStats(nil, nil, nil, mustDate(t, "2026-01-01"))
	if err != nil {
		t.Fatal(err)
	}
	if st.PainBeforeAvgLast7 != nil || st.AdherenceLast28 != 0 || st.LastSessionDate != nil {
		t.Errorf("empty history gave %+v", st)
	}
	_, err = ComputeStats([]DayRecord{{Date: "2026-13-01", Completed: 1}}, nil, nil, mustDate(t, "2026-01-01"))
	if err == nil || !strings.Contains(err.Error(), `"2026-13-01"`) {
		t.Errorf("bad record date: err = %v, want one naming the value", err)
	}
}

func TestPainWindowStartCoversAllZones(t *testing.T) {
	asOf := mustDate(t, "2026-06-20")
	// The earliest instant of local 2026-06-07 anywhere is midnight at +14:00.
	kiritimati, err := time.LoadLocation("Pacific/Kiritimati")
	if err != nil {
		t.Fatal(err)
	}
	earliest := time.Date(2026, 6, 7, 0, 0, 0, 0, kiritimati)
	if PainWindowStart(asOf).After(earliest) {
		t.Errorf("PainWindowStart = %v, after %v", PainWindowStart(asOf), earliest)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    string // weekday, or the error's text
		wantErr bool
	}{
		{"1970-01-01", "Thursday", false},
		{"2024-02-29", "Thursday", false},
		{"2000-02-29", "Tuesday", false},
		{"1900-02-29", `"1900-02-29" is not a real date`, true},
		{"2026-04-31", `"2026-04-31" is not a real date`, true},
		{"0001-01-01", "Monday", false},
		{"2026-3-8", `"2026-3-8" is not a date of the form YYYY-MM-DD`, true},
		{"2026/03/08", `is not a date of the form`, true},
		{"", `"" is not a date`, true},
		{"2026-03-08T", `is not a date`, true},
		{"+026-03-08", `is not a date`, true},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in)
		switch {
		case tt.wantErr && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("ParseDate(%q) error = %v, want %q", tt.in, err, tt.want)
		case !tt.wantErr && err != nil:
			t.Errorf("ParseDate(%q): %v", tt.in, err)
		case !tt.wantErr && (d.Weekday().String() != tt.want || d.String() != tt.in):
			t.Errorf("ParseDate(%q) = %s, %s; want %s", tt.in, d, d.Weekday(), tt.want)
		}
	}
}

// FuzzParseDate checks the hand-written parser against the standard library.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-03-08", "1600-02-29", "0000-01-01", "9999-12-31", "2026-02-30", "20260308", "2026-1-08"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		ref, refErr := time.Parse(time.DateOnly, s)
		// The standard library is looser (it accepts some non-ASCII digits
		// and signs in odd places), so only compare on strict input.
		strict := len(s) == 10 && strings.Trim(s[0:4]+s[5:7]+s[8:10], "0123456789") == ""
		if err == nil {
			if refErr != nil {
				t.Fatalf("ParseDate(%q) = %s; time.Parse refuses it: %v", s, d, refErr)
			}
			if d != DateOf(ref) || d.String() != s || d.Weekday() != ref.Weekday() {
				t.Fatalf("ParseDate(%q) = %s (%s), time.Parse = %s", s, d, d.Weekday(), ref)
			}
		} else if strict && refErr == nil {
			t.Fatalf("ParseDate(%q) refused a date time.Parse takes: %v", s, err)
		}
	})
}

// BenchmarkComputeStats: ten years of history, 10,000 sessions, on a
// mon/wed/fri routine with a few changes of routine.
func BenchmarkComputeStats(b *testing.B) {
	days, recent := benchHistory(b, 10000)
	asOf := mustDate(b, days[len(days)-1].Date)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ComputeStats(days, recent, testSchedule, asOf); err != nil {
			b.Fatal(err)
		}
	}
}

func benchHistory(b *testing.B, n int) ([]DayRecord, []Session) {
	b.Helper()
	start := mustDate(b, "2016-01-04")
	var days []DayRecord
	sessions := 0
	for d := start; sessions < n; d++ {
		k := int(d - start)
		if k%11 == 10 { // a day off now and then
			continue
		}
		perDay := 1 + k%3 // 1 to 3 sessions
		routine := "daily"
		if (k/90)%2 == 1 {
			routine = "mwf"
		}
		days = append(days, DayRecord{Date: d.String(), Sessions: perDay, Completed: perDay - k%2, LastRoutine: routine})
		sessions += perDay
	}
	asOf := mustDate(b, days[len(days)-1].Date)
	var recent []Session
	for d := asOf.AddDays(-13); d <= asOf; d++ {
		s := Session{StartedAt: d.Time().Add(9 * time.Hour), Zone: "Europe/London", Status: StatusCompleted, PainBefore: ptr(3), PainAfter: ptr(2)}
		recent = append(recent, s)
	}
	return days, recent
}

// The change in pain pairs each session's scores: a session stopped early
// with no score after must not make a rise look like a fall.
func TestPainChangePairsScores(t *testing.T) {
	eight, two, four := 8, 2, 4
	day := func(d int) time.Time { return time.Date(2026, 11, d, 9, 0, 0, 0, time.UTC) }
	sessions := []Session{
		{ID: "a", StartedAt: day(25), Zone: "UTC", Status: StatusPartial, PainBefore: &eight},
		{ID: "b", StartedAt: day(26), Zone: "UTC", Status: StatusCompleted, PainBefore: &two, PainAfter: &four},
	}
	to, _ := ParseDate("2026-11-26")
	got := painChange(sessions, to.AddDays(-6), to)
	if got == nil || *got != 2 {
		t.Fatalf("painChange = %v, want +2 (only the session with both scores)", got)
	}
	if painChange(sessions[:1], to.AddDays(-6), to) != nil {
		t.Error("painChange with no session scored twice should be nil")
	}
}
