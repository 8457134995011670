// Package calendar writes routines' schedules as an iCalendar file
// (RFC 5545) that any calendar app imports: one weekly event per routine
// and time of day, with a reminder (docs/using-corecoach.md, "Reminders
// in your calendar").
package calendar

import (
	"fmt"
	"strings"
	"time"

	"corecoach/routines"

	ical "github.com/arran4/golang-ical"
)

// DefaultAt is the time of day of the events of a routine that sets none,
// when no other time is asked for.
const DefaultAt = routines.TimeOfDay(8 * 60)

// Reminder is how long before each session the calendar reminds.
const Reminder = 5 * time.Minute

// Options are what the file depends on besides the routines.
type Options struct {
	// At is the time of day of a routine that sets none (its `at`).
	At routines.TimeOfDay
	// Now is when the file is made: its stamp, and the day the events
	// start from (its date, read in Now's location).
	Now time.Time
	// Zone is the IANA name of the local time zone, "" when unknown.
	Zone string
}

// dayCodes are RFC 5545 weekday codes, indexed by time.Weekday.
var dayCodes = [...]string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}

// ICS is the calendar of rs: for each routine and each of its times of
// day (o.At when it sets none), one event that repeats on the routine's
// scheduled days (every day without a schedule).
//
// Times are floating local times (RFC 5545 section 3.3.5): a session at
// 10:30 stays at 10:30 wherever the client is, and a calendar app shows
// it in its own zone. The zone's name, when known, goes in
// X-WR-TIMEZONE, which several apps read for floating times.
func ICS(rs []*routines.Routine, o Options) []byte {
	cal := ical.NewCalendarFor("corecoach")
	cal.SetProductId("-//corecoach//corecoach//EN")
	cal.SetCalscale("GREGORIAN")
	cal.SetMethod(ical.MethodPublish)
	cal.SetXWRCalName("corecoach")
	if o.Zone != "" {
		cal.SetXWRTimezone(o.Zone)
	}
	for _, r := range rs {
		times := r.At
		if len(times) == 0 {
			times = []routines.TimeOfDay{o.At}
		}
		minutes := totalMinutes(r)
		first := firstDay(o.Now, r.Schedule)
		for _, at := range times {
			addEvent(cal, r, at, first, minutes, o.Now)
		}
	}
	return []byte(cal.Serialize(ical.WithNewLineWindows))
}

func addEvent(cal *ical.Calendar, r *routines.Routine, at routines.TimeOfDay, first time.Time, minutes int, now time.Time) {
	ev := cal.AddEvent(UID(r.ID, at))
	ev.SetDtStampTime(now)
	start := time.Date(first.Year(), first.Month(), first.Day(), at.Hour(), at.Minute(), 0, 0, time.UTC)
	ev.SetProperty(ical.ComponentPropertyDtStart, start.Format("20060102T150405"))
	ev.SetProperty(ical.ComponentPropertyDuration, fmt.Sprintf("PT%dM", minutes))
	ev.AddRrule(Rule(r.Schedule))
	ev.SetSummary(r.Name)
	desc := fmt.Sprintf("%s, about %d min. Start it with: corecoach run %s", r.Name, minutes, r.ID)
	ev.SetDescription(desc)
	ev.SetTimeTransparency(ical.TransparencyOpaque)
	alarm := ev.AddAlarm()
	alarm.SetAction(ical.ActionDisplay)
	alarm.SetTrigger(fmt.Sprintf("-PT%dM", int(Reminder/time.Minute)))
	alarm.SetProperty(ical.ComponentPropertyDescription, r.Name)
}

// UID is the stable id of a routine's event at a time of day: importing
// a newer file updates the event rather than adding a second one.
func UID(id string, at routines.TimeOfDay) string {
	return fmt.Sprintf("%s-%02d%02d@corecoach", id, at.Hour(), at.Minute())
}

// Rule is the RRULE of a schedule: weekly on its days, daily when empty.
func Rule(days []time.Weekday) string {
	if len(days) == 0 {
		return "FREQ=DAILY"
	}
	codes := make([]string, 0, len(days))
	for d := time.Sunday; d <= time.Saturday; d++ {
		for _, s := range days {
			if s == d {
				codes = append(codes, dayCodes[d])
			}
		}
	}
	return "FREQ=WEEKLY;BYDAY=" + strings.Join(codes, ",")
}

// firstDay is the first scheduled day on or after now's date: a start that
// is itself an occurrence, as RFC 5545 asks of DTSTART with an RRULE.
func firstDay(now time.Time, days []time.Weekday) time.Time {
	d := time.Date(now.Year(), now.Month(), now.Day(), 12, 0, 0, 0, time.UTC)
	if len(days) == 0 {
		return d
	}
	for range 7 {
		for _, s := range days {
			if d.Weekday() == s {
				return d
			}
		}
		d = d.AddDate(0, 0, 1)
	}
	return d
}

// totalMinutes is the routine's total time rounded up to whole minutes.
func totalMinutes(r *routines.Routine) int {
	total := routines.Compile(r).Total()
	m := int((total + time.Minute - 1) / time.Minute)
	return max(m, 1)
}
