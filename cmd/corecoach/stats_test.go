package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"corecoach/storage"
)

// seedDB creates a database in a temporary folder holding sessions and
// added routine files, and returns its path.
func seedDB(t testing.TB, sessions []storage.Session, files ...storage.RoutineFile) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "corecoach.db")
	store, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sessions {
		if err := store.SaveSession(s); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range files {
		if err := store.SaveRoutine(f); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// londonSession is a session started at 09:00 London time on date.
func londonSession(t testing.TB, id, date, routine, status string, before, after *int) storage.Session {
	t.Helper()
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	start, err := time.ParseInLocation("2006-01-02 15:04", date+" 09:00", loc)
	if err != nil {
		t.Fatal(err)
	}
	end := start.Add(12 * time.Minute)
	return storage.Session{
		ID: id, Routine: storage.RoutineRef{ID: routine, Name: routine}, StartedAt: start, EndedAt: &end,
		Zone: "Europe/London", Status: status, PainBefore: before, PainAfter: after,
	}
}

func intp(v int) *int { return &v }

const mwfRoutine = `corecoach: 1
id: mwf
name: Three days a week
client: J. Smith
therapist: {name: A. Therapist, contact: clinic@example.org}
schedule: [mon, wed, fri]
exercises:
  - use: plank
    hold: 20s
`

func TestStatsCommand(t *testing.T) {
	// Mon, Wed, Fri, Mon on a mon/wed/fri routine; Wed 11 March is today.
	db := seedDB(t, []storage.Session{
		londonSession(t, "a", "2026-03-02", "mwf", storage.StatusCompleted, intp(5), intp(3)),
		londonSession(t, "b", "2026-03-04", "mwf", storage.StatusCompleted, intp(5), intp(4)),
		londonSession(t, "c", "2026-03-06", "mwf", storage.StatusCompleted, intp(4), intp(3)),
		londonSession(t, "d", "2026-03-09", "mwf", storage.StatusCompleted, intp(3), intp(2)),
		londonSession(t, "e", "2026-03-10", "mwf", storage.StatusPartial, intp(4), nil),
		londonSession(t, "f", "2026-03-20", "mwf", storage.StatusCompleted, intp(1), intp(1)),
	}, storage.RoutineFile{ID: "mwf", Name: "Three days a week", Source: "mwf.yaml", Data: []byte(mwfRoutine)})
	empty := seedDB(t, nil)
	at := time.Date(2026, 3, 11, 20, 0, 0, 0, time.UTC)

	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // the whole output
		has    []string
		stderr string
	}{
		{
			name: "text, today by default",
			args: []string{"--db", db, "stats"},
			stdout: `As of              2026-03-11
Current streak     4 days (longest 4 days)
Sessions           5, 4 completed
Active days        4 of the last 30
Adherence          100% of scheduled days in the last 28 (4 of 4)
Pain, last 7 days  before 3.7, after 2.5 (average, 0-10)
After sessions, pain was 1.0 point lower than before them, on average.
Pain before sessions, 7-day average: 3.7; none from two weeks earlier to compare with.
Pain after sessions, 7-day average: 2.5; none from two weeks earlier to compare with.
`,
		},
		{
			// The 7 days to 20 March against the 7 days to 6 March: a
			// meaningful change by both points and percent.
			name: "text, a trend over two weeks",
			args: []string{"--db", db, "stats", "--as-of", "2026-03-20"},
			has: []string{
				"After sessions, pain was about the same as before them, on average.",
				"Pain before sessions, 7-day average: 1.0, against 4.7 two weeks earlier: down 3.7 points (79%), a meaningful change.",
				"Pain after sessions, 7-day average: 1.0, against 3.3 two weeks earlier: down 2.3 points (70%), a meaningful change.",
			},
		},
		{
			name: "as of thursday: wednesday missed",
			args: []string{"--db", db, "stats", "--as-of", "2026-03-12"},
			has:  []string{"Current streak     0 days (longest 4 days)", "80% of scheduled days in the last 28 (4 of 5)"},
		},
		{
			name:   "empty database",
			args:   []string{"--db", empty, "stats"},
			stdout: "No sessions up to 2026-03-11 yet. Start one with: corecoach run\n",
		},
		{
			name:   "bad date",
			args:   []string{"--db", db, "stats", "--as-of", "2026-02-30"},
			code:   2,
			stderr: `--as-of: "2026-02-30" is not a real date`,
		},
		{
			name:   "not a date",
			args:   []string{"--db", db, "stats", "--as-of", "yesterday"},
			code:   2,
			stderr: `"yesterday" is not a date of the form YYYY-MM-DD`,
		},
		{
			name:   "extra argument",
			args:   []string{"--db", db, "stats", "now"},
			code:   2,
			stderr: `stats takes no arguments; "now" is extra`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := runAt(at, tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tt.code, stderr.String())
			}
			if tt.stdout != "" && stdout.String() != tt.stdout {
				t.Errorf("stdout:\n%s\nwant:\n%s", stdout.String(), tt.stdout)
			}
			for _, h := range tt.has {
				if !strings.Contains(stdout.String(), h) {
					t.Errorf("stdout lacks %q:\n%s", h, stdout.String())
				}
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr = %q, want %q", stderr.String(), tt.stderr)
			}
		})
	}
}

func TestStatsJSON(t *testing.T) {
	db := seedDB(t, []storage.Session{
		londonSession(t, "a", "2026-03-07", "core-basics", storage.StatusCompleted, intp(6), nil),
		londonSession(t, "b", "2026-03-08", "core-basics", storage.StatusCompleted, nil, nil),
		londonSession(t, "c", "2026-03-12", "core-basics", storage.StatusCompleted, intp(0), intp(0)),
	})
	var stdout, stderr bytes.Buffer
	if code := run([]string{"--db", db, "stats", "--json", "--as-of", "2026-03-09"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var got map[string]any
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout.String())
	}
	want := map[string]any{
		"as_of": "2026-03-09", "current_streak_days": 2.0, "longest_streak_days": 2.0,
		"sessions_total": 2.0, "sessions_completed": 2.0, "active_days_last_30": 2.0,
		"adherence_last_28": 1.0, "pain_before_avg_last_7": 6.0, "pain_after_avg_last_7": nil,
	}
	for k, v := range want {
		g, ok := got[k]
		if !ok || g != v {
			t.Errorf("%s = %v (present %t), want %v", k, g, ok, v)
		}
	}
}

// BenchmarkStatsCommand runs `stats --json` in process over a database of
// 10,000 sessions (27 years, three zones), imported as a history document.
func BenchmarkStatsCommand(b *testing.B) {
	db := filepath.Join(b.TempDir(), "corecoach.db")
	store, err := storage.Open(db)
	if err != nil {
		b.Fatal(err)
	}
	var doc bytes.Buffer
	writeHistoryDoc(&doc, 10000)
	if added, _, err := store.Import(&doc); err != nil || added != 10000 {
		b.Fatalf("import: %d added, %v", added, err)
	}
	args := []string{"--db", db, "stats", "--json", "--as-of", "2027-06-01"}
	for b.Loop() {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != 0 {
			b.Fatalf("exit %d: %s", code, stderr.String())
		}
	}
}

// writeHistoryDoc writes a history document of n sessions: most days one,
// some two, some none, in New York, London and Kolkata in turn.
func writeHistoryDoc(w *bytes.Buffer, n int) {
	zones := []string{"America/New_York", "Europe/London", "Asia/Kolkata"}
	w.WriteString(`{"format":"corecoach-history","version":1,"sessions":[`)
	day := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	for i, k := 0, 0; i < n; k++ {
		loc, _ := time.LoadLocation(zones[(k/500)%len(zones)])
		for j := range []int{1, 1, 2, 0, 1, 1, 1}[k%7] {
			if i == n {
				break
			}
			start := time.Date(day.Year(), day.Month(), day.Day(), 7+j*10, k%60, 0, 0, loc)
			status := storage.StatusCompleted
			if i%10 == 9 {
				status = storage.StatusPartial
			}
			if i > 0 {
				w.WriteByte(',')
			}
			fmt.Fprintf(w, `{"id":"S%06d","routine":{"id":"core-basics","name":"Core basics"},"started_at":%q,"zone":%q,"status":%q,"pain_before":%d,"pain_after":%d,"exercises":[{"id":"plank","name":"Plank","sets_planned":3,"sets_done":3,"seconds":90}]}`,
				i, start.Format(time.RFC3339), loc.String(), status, i%7, i%5)
			i++
		}
		day = day.AddDate(0, 0, 1)
	}
	w.WriteString(`]}`)
}
