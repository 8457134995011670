package tui

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"corecoach/routines"
	"corecoach/storage"
	"corecoach/storage/progress"
)

// scheduledRoutine is the test routine on Monday, Wednesday and Friday.
func scheduledRoutine() *routines.Routine {
	r := testRoutine()
	r.Schedule = []time.Weekday{time.Monday, time.Wednesday, time.Friday}
	return r
}

// history makes n days of sessions of scheduledRoutine ending the day
// before end, with a fixed pattern of missed, partial, doubled and rest-day
// sessions, pain that drifts, and an exercise that sometimes hurts.
func history(end time.Time, n int) []storage.Session {
	var out []storage.Session
	sched := map[time.Weekday]bool{time.Monday: true, time.Wednesday: true, time.Friday: true}
	for i := n; i >= 1; i-- {
		day := end.AddDate(0, 0, -i)
		start := time.Date(day.Year(), day.Month(), day.Day(), 8, 0, 0, 0, time.UTC)
		count := 0
		switch {
		case sched[day.Weekday()] && i%9 == 4: // missed
		case sched[day.Weekday()] && i%13 == 0:
			count = 2
		case sched[day.Weekday()], i%17 == 0: // every scheduled day, and some rest days
			count = 1
		}
		for k := range count {
			before := 2 + (i/7)%4
			after := max(0, before-1-i%2)
			if i%6 == 0 {
				after = before + 2
			}
			status, done := storage.StatusCompleted, 2
			if i%11 == 0 {
				status, done = storage.StatusPartial, 1
			}
			st := start.Add(time.Duration(k) * 4 * time.Hour)
			endAt := st.Add(12 * time.Minute)
			out = append(out, storage.Session{
				ID:         storage.NewSessionID(st),
				Routine:    storage.RoutineRef{ID: "test-routine", Name: "Test routine"},
				StartedAt:  st,
				EndedAt:    &endAt,
				Zone:       "UTC",
				Status:     status,
				PainBefore: ptr(before),
				PainAfter:  ptr(after),
				Exercises: []storage.ExerciseResult{
					{ID: "glute-bridge", Name: "Glute bridge", SetsPlanned: 2, SetsDone: done, Seconds: 60},
					{ID: "side-plank", Name: "Side plank", SetsPlanned: 1, SetsDone: done / 2, Hurt: i%10 == 0, Seconds: 10},
				},
			})
		}
	}
	return out
}

// seed imports sessions in one transaction.
func seed(t testing.TB, st *storage.Store, sessions []storage.Session) {
	t.Helper()
	doc, err := json.Marshal(storage.History{Format: storage.HistoryFormat, Version: storage.HistoryVersion, Sessions: sessions})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.Import(bytes.NewReader(doc)); err != nil {
		t.Fatal(err)
	}
}

// progressHarness opens the progress screen on a store seeded with days of
// history.
func progressHarness(t testing.TB, days, w, h int) *harness {
	t.Helper()
	st := newStore(t)
	seed(t, st, history(testStart, days))
	hs := newHarness(t, Options{Store: st, SafetyConfirmed: true, Catalog: routines.CatalogOf(scheduledRoutine())}, w, h)
	hs.store = st
	if hs.screen() == "checkin" {
		hs.press("esc") // put off today's check-in, so that home stays put
	}
	hs.press("p")
	hs.wantScreen("progress")
	return hs
}

func TestProgressViews(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		for _, data := range []struct {
			name string
			days int
		}{{"empty", 0}, {"history", 150}} {
			for i, tab := range progressTabs {
				name := fmt.Sprintf("%s-%s-%dx%d", data.name, strings.ToLower(tab), size[0], size[1])
				t.Run(name, func(t *testing.T) {
					h := progressHarness(t, data.days, size[0], size[1])
					for range i {
						h.press("tab")
					}
					golden.RequireEqual(t, h.view())
				})
			}
		}
	}
	t.Run("history-calendar-scrolled-40x12", func(t *testing.T) {
		h := progressHarness(t, 150, 40, 12)
		h.press("j", "j", "j", "j", "j")
		golden.RequireEqual(t, h.view())
	})
}

func TestProgressKeys(t *testing.T) {
	h := progressHarness(t, 30, 80, 24)
	s := h.m.cur.(*progressScreen)
	for _, step := range []struct {
		key  string
		tab  int
		want string
	}{
		{"tab", 1, "Pain before"},
		{"right", 2, "Sets done"},
		{"l", 0, "Streak"},
		{"left", 2, "Sets done"},
		{"h", 1, "Pain after"},
	} {
		h.press(step.key)
		if s.tab != step.tab || !strings.Contains(h.view(), step.want) {
			t.Fatalf("after %q: tab %d, want %d with %q:\n%s", step.key, s.tab, step.tab, step.want, h.view())
		}
	}
	h.send(tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift})
	if s.tab != 0 {
		t.Fatalf("shift+tab: tab %d, want 0", s.tab)
	}
	h.press("q")
	h.wantScreen("home")
	h.press("p", "esc")
	h.wantScreen("home")
}

func TestProgressScrolls(t *testing.T) {
	h := progressHarness(t, 150, 40, 12)
	s := h.m.cur.(*progressScreen)
	if !s.scrolls() {
		t.Fatal("the calendar fits 40x12; expected it to scroll")
	}
	top := h.view()
	h.press("down")
	if s.vp.YOffset() != 1 || h.view() == top {
		t.Fatalf("down did not scroll: offset %d", s.vp.YOffset())
	}
	h.press("tab")
	if s.vp.YOffset() != 0 {
		t.Fatal("a new section does not start at its top")
	}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	if s.scrolls() {
		t.Fatalf("the pain section does not fit 120x40:\n%s", h.view())
	}
}

func TestProgressTotals(t *testing.T) {
	h := progressHarness(t, 150, 80, 24)
	d := h.m.cur.(*progressScreen).data
	want, err := storage.ComputeStats(mustDays(t, h.store), h.sessions(), h.m.c.catalog.Schedule, storage.DateOf(testStart))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(d.stats, want) {
		t.Fatalf("stats = %+v, want %+v", d.stats, want)
	}
	v := h.view()
	for _, s := range []string{
		fmt.Sprintf("Streak %d days, longest %d days", want.CurrentStreakDays, want.LongestStreakDays),
		fmt.Sprintf("Sessions %d, %d completed", want.SessionsTotal, want.SessionsCompleted),
		fmt.Sprintf("%.0f%% of scheduled days (%d of %d)", want.AdherenceLast28*100, want.CompletedScheduledDaysLast28, want.ScheduledDaysLast28),
	} {
		if !strings.Contains(v, s) {
			t.Errorf("progress lacks %q:\n%s", s, v)
		}
	}
	if len(d.calendar) != 7*calendarWeeks || d.calendar[0].Date.Weekday() != time.Monday || d.calendar[len(d.calendar)-1].Date != storage.DateOf(testStart).AddDays(6) {
		t.Errorf("calendar spans %v..%v", d.calendar[0].Date, d.calendar[len(d.calendar)-1].Date)
	}
	if len(d.pain) != chartDays || d.pain[len(d.pain)-1].Date != storage.DateOf(testStart) {
		t.Errorf("pain spans %d days ending %v", len(d.pain), d.pain[len(d.pain)-1].Date)
	}
}

func mustDays(t *testing.T, st *storage.Store) []storage.DayRecord {
	t.Helper()
	d, err := st.Days()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestClassify(t *testing.T) {
	tests := []struct {
		day  storage.Day
		want cellKind
	}{
		{storage.Day{Status: storage.DayNone}, cellBlank},
		{storage.Day{Status: storage.DayFuture}, cellBlank},
		{storage.Day{Status: storage.DayDone, Sessions: 1, Completed: 1}, cellDone},
		{storage.Day{Status: storage.DayDone, Sessions: 3, Completed: 1}, cellDone},
		{storage.Day{Status: storage.DayDone, Sessions: 2, Completed: 2}, cellDoneMore},
		{storage.Day{Status: storage.DayRest}, cellRest},
		{storage.Day{Status: storage.DayRest, Sessions: 1}, cellPartial},
		{storage.Day{Status: storage.DayMissed, Scheduled: true}, cellMissed},
		{storage.Day{Status: storage.DayMissed, Scheduled: true, Sessions: 2}, cellPartial},
		{storage.Day{Status: storage.DayDue, Scheduled: true}, cellDue},
		{storage.Day{Status: storage.DayDue, Scheduled: true, Sessions: 1}, cellDue},
	}
	for _, tt := range tests {
		if got := classify(tt.day); got != tt.want {
			t.Errorf("classify(%+v) = %v, want %v", tt.day, got, tt.want)
		}
	}
	seen := map[string]bool{}
	for _, g := range cellGlyphs {
		if seen[g] || lipgloss.Width(g) != 1 {
			t.Errorf("glyph %q repeats or is not one column wide", g)
		}
		seen[g] = true
	}
}

func TestCalendarLayout(t *testing.T) {
	tests := []struct{ weeks, w, shown, cellW int }{
		{26, 80, 26, 2},
		{26, 63, 26, 2}, // 3 + 52 + 8
		{26, 62, 26, 1},
		{26, 40, 26, 1},
		{26, 37, 26, 1},
		{26, 30, 19, 1},
		{26, 5, 1, 1},
	}
	for _, tt := range tests {
		shown, cellW := calendarLayout(tt.weeks, tt.w)
		if shown != tt.shown || cellW != tt.cellW {
			t.Errorf("calendarLayout(%d, %d) = %d, %d; want %d, %d", tt.weeks, tt.w, shown, cellW, tt.shown, tt.cellW)
		}
	}
}

func TestCalendarView(t *testing.T) {
	asOf, _ := storage.ParseDate("2026-03-04") // a Wednesday
	from := weekStart(asOf).AddDays(-14)
	days := []storage.DayRecord{
		{Date: "2026-02-16", Sessions: 1, Completed: 1, LastRoutine: "r"}, // Monday
		{Date: "2026-02-18", Sessions: 2, Completed: 2, LastRoutine: "r"},
		{Date: "2026-02-21", Sessions: 1, Completed: 0, LastRoutine: "r"}, // a partial on a rest day
		{Date: "2026-03-02", Sessions: 1, Completed: 1, LastRoutine: "r"},
	}
	sched := func(string) []time.Weekday { return []time.Weekday{time.Monday, time.Wednesday, time.Friday} }
	cal, err := storage.DayStatuses(days, sched, from, from.AddDays(20), asOf)
	if err != nil {
		t.Fatal(err)
	}
	got := ansi.Strip(strings.Join(calendarView(DefaultStyles(), cal, asOf, 80), "\n"))
	want := strings.Join([]string{
		"   Feb Mar",
		"Mo ● × ●",
		"Tu · · ·",
		"We ◉ × ○ ◂ today",
		"Th · ·",
		"Fr × ×",
		"Sa ◌ ·",
		"Su · ·",
	}, "\n")
	if got != want {
		t.Errorf("calendar:\n%s\nwant:\n%s", got, want)
	}
}

func TestMonthRow(t *testing.T) {
	mk := func(from string, weeks int) []storage.Day {
		d, _ := storage.ParseDate(from)
		var out []storage.Day
		for i := range 7 * weeks {
			out = append(out, storage.Day{Date: d.AddDays(i)})
		}
		return out
	}
	tests := []struct {
		from  string
		weeks int
		cellW int
		want  string
	}{
		{"2026-03-02", 6, 2, "Mar       Apr"},          // April's first Monday is the 6th
		{"2026-06-01", 6, 2, "Jun       Jul"},          // June begins on a Monday
		{"2026-03-23", 7, 2, "Mar Apr     May"},        // two weeks of March leave room for its name
		{"2026-03-16", 6, 1, "   Apr"},                 // one column a week: no room for March
		{"2025-12-01", 10, 2, "Dec       Jan     Feb"}, // across a year
	}
	for _, tt := range tests {
		if got := monthRow(mk(tt.from, tt.weeks), tt.weeks, tt.cellW); got != tt.want {
			t.Errorf("monthRow(%s, %d weeks, %d) = %q, want %q", tt.from, tt.weeks, tt.cellW, got, tt.want)
		}
	}
}

func TestChartScaling(t *testing.T) {
	yTests := []struct {
		v    float64
		h    int
		want int
	}{
		{0, 5, 0}, {10, 5, 19}, {5, 5, 10}, {2.5, 4, 4}, {-1, 5, 0}, {11, 5, 19}, {10, 1, 3}, {3.4, 6, 8},
	}
	for _, tt := range yTests {
		if got := dotY(tt.v, tt.h); got != tt.want {
			t.Errorf("dotY(%v, %d) = %d, want %d", tt.v, tt.h, got, tt.want)
		}
	}
	xTests := []struct{ i, n, w, want int }{
		{0, 10, 5, 0}, {9, 10, 5, 9}, {5, 10, 5, 5}, // a day per dot column
		{0, 4, 10, 0}, {3, 4, 10, 19}, {1, 4, 10, 6}, // spread out
		{0, 1, 10, 19}, // a single day sits at today's edge
	}
	for _, tt := range xTests {
		if got := dotX(tt.i, tt.n, tt.w); got != tt.want {
			t.Errorf("dotX(%d, %d, %d) = %d, want %d", tt.i, tt.n, tt.w, got, tt.want)
		}
	}
	for w, want := range map[int]int{80: 154, 40: 74, 200: chartDays, 3: 1, 0: 1} {
		if got := chartSpan(w); got != want {
			t.Errorf("chartSpan(%d) = %d, want %d", w, got, want)
		}
	}
}

func TestPlotSeries(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	// Three days over one cell column pair: 0 at the left bottom, 10 at
	// the right top, a gap between.
	b := plotSeries([]*float64{f(0), nil, f(10)}, 2, 1)
	if got := string(rune(0x2800+int(b.at(0, 0)))) + string(rune(0x2800+int(b.at(1, 0)))); got != "⡀⠈" {
		t.Errorf("gap plot = %q", got)
	}
	// Joined without a gap: every dot column has a dot.
	b = plotSeries([]*float64{f(0), f(10)}, 2, 1)
	for col := range 2 {
		if b.at(col, 0) == 0 {
			t.Errorf("column %d of a joined line is empty", col)
		}
	}
	if b.at(0, 0)&0x47 == 0 || b.at(1, 0)&0x08 == 0 {
		t.Errorf("line cells = %08b %08b", b.at(0, 0), b.at(1, 0))
	}
}

func TestExerciseStats(t *testing.T) {
	at, _ := storage.ParseDate("2026-03-01")
	mk := func(day int, ex ...storage.ExerciseResult) storage.Session {
		return storage.Session{StartedAt: at.AddDays(day).Time().Add(9 * time.Hour), Exercises: ex}
	}
	sessions := []storage.Session{
		mk(-1, storage.ExerciseResult{ID: "old", Name: "Old", SetsPlanned: 3, SetsDone: 3}),
		mk(0, storage.ExerciseResult{ID: "a", Name: "A then", SetsPlanned: 3, SetsDone: 1, Hurt: true},
			storage.ExerciseResult{ID: "b", Name: "B", SetsPlanned: 2, Skipped: true}),
		mk(2, storage.ExerciseResult{ID: "b", Name: "B", SetsPlanned: 2, SetsDone: 2},
			storage.ExerciseResult{ID: "a", Name: "A now", SetsPlanned: 3, SetsDone: 3}),
		mk(3, storage.ExerciseResult{Name: "Imported", SetsPlanned: 1, SetsDone: 1}), // no id
	}
	got := exerciseStats(sessions, at, at.AddDays(3))
	want := []exerciseStat{
		{id: "Imported", name: "Imported", sessions: 1, setsDone: 1, setsPlanned: 1},
		{id: "b", name: "B", sessions: 2, setsDone: 2, setsPlanned: 4, skipped: 1},
		{id: "a", name: "A now", sessions: 2, setsDone: 4, setsPlanned: 6, hurt: 1},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("exerciseStats = %+v, want %+v", got, want)
	}
}

func TestWeekStart(t *testing.T) {
	for in, want := range map[string]string{
		"2026-03-09": "2026-03-09", // Monday
		"2026-03-15": "2026-03-09", // Sunday
		"2026-03-11": "2026-03-09",
		"2026-01-01": "2025-12-29",
	} {
		d, _ := storage.ParseDate(in)
		if got := weekStart(d).String(); got != want {
			t.Errorf("weekStart(%s) = %s, want %s", in, got, want)
		}
	}
}

// TestProgressSizes draws every section, the check-in and home's advice at
// sizes from tiny to wide.
func TestProgressSizes(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	for tab := range progressTabs {
		t.Run(progressTabs[tab], func(t *testing.T) {
			t.Parallel()
			h := progressHarness(t, 150, 80, 24)
			for range tab {
				h.press("tab")
			}
			checkFits(t, h, progressTabs[tab])
		})
	}
	h := checkinHarness(t, 80, 24, pastSession(1, ptr(3)))
	checkFits(t, h, "check-in")
	h.press("9", "enter")
	checkFits(t, h, "home with advice")
}

// checkFits draws the current screen at every width at a few heights and
// every height at a few widths, and checks that nothing is drawn outside the
// window.
func checkFits(t *testing.T, h *harness, name string) {
	t.Helper()
	for _, size := range sweep(160, 50, []int{minWidth, fullWidth}, []int{minHeight, 24}) {
		w, ht := size[0], size[1]
		h.send(tea.WindowSizeMsg{Width: w, Height: ht})
		requireFits(t, name, h.view(), w, ht)
	}
}

// FuzzPainChart draws arbitrary scores at arbitrary sizes: the chart keeps
// to its size and never panics.
func FuzzPainChart(f *testing.F) {
	f.Add([]byte{0, 5, 10, 255, 3}, 40, 4)
	f.Add([]byte{}, 1, 1)
	f.Add([]byte{7}, 200, 12)
	f.Fuzz(func(t *testing.T, scores []byte, w, h int) {
		w, h = w%300, h%30
		if w < 0 || h < 1 {
			return
		}
		start, _ := storage.ParseDate("2026-01-01")
		days := make([]progress.PainDay, len(scores))
		for i, s := range scores {
			v := float64(s) / 20 // 0..12.75: above the scale too
			days[i] = progress.PainDay{Date: start.AddDays(i)}
			if s != 255 {
				days[i].Before, days[i].BeforeAvg = &v, &v
			}
		}
		lines := painChart(DefaultStyles(), days, nil, false, w, h)
		if len(lines) != h+1 {
			t.Fatalf("%d lines for height %d", len(lines), h)
		}
		for _, l := range lines {
			if lw := lipgloss.Width(l); lw > max(w, axisWidth+1) {
				t.Fatalf("line %q is %d wide, chart %d", l, lw, w)
			}
		}
	})
}

// BenchmarkReadProgress loads the progress screen's data from 10,000
// sessions, one a day over about 27 years.
func BenchmarkReadProgress(b *testing.B) {
	st := newStore(b)
	seed(b, st, benchHistory(10000))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := readProgress(st, nil, testStart); err != nil {
			b.Fatal(err)
		}
	}
}

// benchHistory is n sessions, one a day, ending the day before testStart.
func benchHistory(n int) []storage.Session {
	out := make([]storage.Session, 0, n)
	for i := n; i >= 1; i-- {
		st := testStart.AddDate(0, 0, -i)
		out = append(out, storage.Session{
			ID: storage.NewSessionID(st), Routine: storage.RoutineRef{ID: "r", Name: "R"},
			StartedAt: st, Zone: "UTC", Status: storage.StatusCompleted,
			PainBefore: ptr(i % 8), PainAfter: ptr(i % 5),
			Exercises: []storage.ExerciseResult{{ID: "plank", Name: "Plank", SetsPlanned: 3, SetsDone: 3}},
		})
	}
	return out
}

func BenchmarkProgressView(b *testing.B) {
	h := progressHarness(b, 180, 80, 24)
	s := h.m.cur.(*progressScreen)
	b.ReportAllocs()
	for b.Loop() {
		for range progressTabs {
			s.switchTab(1)
			_ = h.m.View()
		}
	}
}

func TestShownDays(t *testing.T) {
	mk := func(n, firstScore int) []progress.PainDay {
		days := make([]progress.PainDay, n)
		v := 3.0
		if firstScore < n {
			days[firstScore].Before = &v
		}
		return days
	}
	tests := []struct {
		name              string
		n, first, w, want int
	}{
		{"long history, wide", 182, 0, 100, 182},
		{"long history, narrow", 182, 0, 40, 74},
		{"seven weeks of scores", 182, 182 - 49, 100, 49},
		{"a few days: at least four weeks", 182, 180, 100, minChartDays},
		{"no scores", 182, 182, 100, minChartDays},
		{"short window", 10, 0, 100, 10},
	}
	for _, tt := range tests {
		if got := shownDays(mk(tt.n, tt.first), tt.w); got != tt.want {
			t.Errorf("%s: shownDays = %d, want %d", tt.name, got, tt.want)
		}
	}
}

// TestProgressVisitMarkers: therapy visits of the charts' days are marked
// under both pain charts by a shape, with a legend entry; a visit before
// the charts' days is not.
func TestProgressVisitMarkers(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			st := newStore(t)
			seed(t, st, history(testStart, 150))
			for i, back := range []int{400, 20, 6} {
				day := storage.DateOf(testStart).AddDays(-back).String()
				if err := st.SaveVisit(storage.Visit{ID: fmt.Sprintf("v-%d", i), Date: day, Kind: storage.VisitKinds[i]}); err != nil {
					t.Fatal(err)
				}
			}
			h := newHarness(t, Options{Store: st, SafetyConfirmed: true, Catalog: routines.CatalogOf(scheduledRoutine())}, size[0], size[1])
			if h.screen() == "checkin" {
				h.press("esc")
			}
			h.press("p", "tab")
			h.wantScreen("progress")
			view := h.view()
			if size[0] == 100 {
				if n := strings.Count(view, visitGlyph); n != 5 { // two under each chart, one in the legend
					t.Errorf("%d visit marks, want 5:\n%s", n, view)
				}
				if !strings.Contains(view, visitGlyph+": therapy visit") {
					t.Errorf("no legend for the visit marks:\n%s", view)
				}
			}
			golden.RequireEqual(t, view)
		})
	}
}
