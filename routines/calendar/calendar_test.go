package calendar

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"corecoach/routines"

	ical "github.com/arran4/golang-ical"
)

func routine(t *testing.T, file string) *routines.Routine {
	t.Helper()
	r, err := routines.Parse("r.yaml", []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// parse reads the file back with an iCalendar parser, after checking the
// lines RFC 5545 asks for: CRLF endings, at most 75 octets each.
func parse(t *testing.T, data []byte) *ical.Calendar {
	t.Helper()
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		t.Fatal("the file does not end with CRLF")
	}
	for i, line := range strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n") {
		if strings.ContainsAny(line, "\r\n") {
			t.Fatalf("line %d has a bare CR or LF: %q", i+1, line)
		}
		if len(line) > 75 {
			t.Fatalf("line %d is %d octets long: %q", i+1, len(line), line)
		}
	}
	cal, err := ical.ParseCalendar(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return cal
}

func prop(t *testing.T, c interface {
	GetProperty(ical.ComponentProperty) *ical.IANAProperty
}, p ical.ComponentProperty) string {
	t.Helper()
	v := c.GetProperty(p)
	if v == nil {
		t.Fatalf("no %s", p)
	}
	return v.Value
}

func TestICS(t *testing.T) {
	// Wednesday 2 December 2026, 16:00 in Berlin.
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no zone data:", err)
	}
	now := time.Date(2026, 12, 2, 16, 0, 0, 0, berlin)
	desk := routine(t, "corecoach: 1\nid: desk\nname: Desk break\nschedule: [fri, mon]\nat: [\"15:00\", \"10:30\"]\nexercises:\n  - use: plank\n    sets: 1\n    hold: 30s\n")
	daily := routine(t, "corecoach: 1\nid: daily\nname: Daily\nexercises:\n  - use: plank\n    sets: 3\n    hold: 90s\n")
	weekend := routine(t, "corecoach: 1\nid: weekend\nname: Weekend\nschedule: [sun, wed]\nexercises:\n  - use: plank\n")
	type want struct {
		uid, start, rule, duration string
	}
	cases := []struct {
		name   string
		rs     []*routines.Routine
		at     routines.TimeOfDay
		events []want
	}{
		{"two times, first scheduled day after today", []*routines.Routine{desk}, DefaultAt, []want{
			{"desk-1030@corecoach", "20261204T103000", "FREQ=WEEKLY;BYDAY=MO,FR", "PT1M"},
			{"desk-1500@corecoach", "20261204T150000", "FREQ=WEEKLY;BYDAY=MO,FR", "PT1M"},
		}},
		{"no schedule, no times: every day at --at", []*routines.Routine{daily}, routines.TimeOfDay(7*60 + 5), []want{
			{"daily-0705@corecoach", "20261202T070500", "FREQ=DAILY", "PT6M"},
		}},
		{"today is scheduled", []*routines.Routine{weekend, daily}, DefaultAt, []want{
			{"weekend-0800@corecoach", "20261202T080000", "FREQ=WEEKLY;BYDAY=SU,WE", ""},
			{"daily-0800@corecoach", "20261202T080000", "FREQ=DAILY", "PT6M"},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := ICS(c.rs, Options{At: c.at, Now: now, Zone: "Europe/Berlin"})
			if !bytes.Equal(data, ICS(c.rs, Options{At: c.at, Now: now, Zone: "Europe/Berlin"})) {
				t.Error("two runs at the same time differ")
			}
			cal := parse(t, data)
			if got := cal.CalendarProperties; len(got) == 0 {
				t.Fatal("no calendar properties")
			}
			if !strings.Contains(string(data), "\r\nX-WR-TIMEZONE:Europe/Berlin\r\n") || !strings.HasPrefix(string(data), "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") {
				t.Errorf("calendar header:\n%s", data)
			}
			events := cal.Events()
			if len(events) != len(c.events) {
				t.Fatalf("%d events, want %d", len(events), len(c.events))
			}
			for i, w := range c.events {
				ev := events[i]
				if got := ev.Id(); got != w.uid {
					t.Errorf("event %d: UID %q, want %q", i, got, w.uid)
				}
				start := ev.GetProperty(ical.ComponentPropertyDtStart)
				if start.Value != w.start || len(start.ICalParameters) != 0 {
					t.Errorf("event %d: DTSTART %q %v, want floating %q", i, start.Value, start.ICalParameters, w.start)
				}
				if got := prop(t, ev, ical.ComponentPropertyRrule); got != w.rule {
					t.Errorf("event %d: RRULE %q, want %q", i, got, w.rule)
				}
				if w.duration != "" {
					if got := prop(t, ev, ical.ComponentPropertyDuration); got != w.duration {
						t.Errorf("event %d: DURATION %q, want %q", i, got, w.duration)
					}
				}
				if got := prop(t, ev, ical.ComponentPropertyDtstamp); got != "20261202T150000Z" {
					t.Errorf("event %d: DTSTAMP %q", i, got)
				}
				id := strings.SplitN(w.uid, "-", 2)[0]
				if got := prop(t, ev, ical.ComponentPropertyDescription); !strings.Contains(got, "corecoach run "+id) {
					t.Errorf("event %d: DESCRIPTION %q lacks the command", i, got)
				}
				alarms := ev.Alarms()
				if len(alarms) != 1 {
					t.Fatalf("event %d: %d alarms, want 1", i, len(alarms))
				}
				if got := prop(t, alarms[0], ical.ComponentPropertyAction); got != "DISPLAY" {
					t.Errorf("event %d: alarm ACTION %q", i, got)
				}
				if got := prop(t, alarms[0], ical.ComponentPropertyTrigger); got != "-PT5M" {
					t.Errorf("event %d: alarm TRIGGER %q", i, got)
				}
				if prop(t, alarms[0], ical.ComponentPropertyDescription) == "" {
					t.Errorf("event %d: a DISPLAY alarm needs a DESCRIPTION", i)
				}
			}
		})
	}
}

// A name with the characters iCalendar escapes, and long enough to fold,
// reads back as written.
func TestICSTextEscapedAndFolded(t *testing.T) {
	name := `Back\neck; hips, knees ` + strings.Repeat("é", 30)
	r := routine(t, "corecoach: 1\nid: odd\nname: '"+name+"'\nexercises:\n  - use: plank\n")
	data := ICS([]*routines.Routine{r}, Options{At: DefaultAt, Now: time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)})
	if strings.Contains(string(data), "X-WR-TIMEZONE") {
		t.Error("X-WR-TIMEZONE without a known zone")
	}
	if !strings.Contains(string(data), `SUMMARY:Back\\neck\; hips\, knees`) {
		t.Errorf("SUMMARY not escaped:\n%s", data)
	}
	ev := parse(t, data).Events()[0]
	if got := prop(t, ev, ical.ComponentPropertySummary); got != name {
		t.Errorf("SUMMARY reads back %q, want %q", got, name)
	}
}

func TestRule(t *testing.T) {
	for _, c := range []struct {
		days []time.Weekday
		want string
	}{
		{nil, "FREQ=DAILY"},
		{[]time.Weekday{time.Saturday, time.Monday, time.Thursday}, "FREQ=WEEKLY;BYDAY=MO,TH,SA"},
		{[]time.Weekday{time.Sunday}, "FREQ=WEEKLY;BYDAY=SU"},
	} {
		if got := Rule(c.days); got != c.want {
			t.Errorf("Rule(%v) = %q, want %q", c.days, got, c.want)
		}
	}
}
