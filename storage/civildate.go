package storage

import (
	"fmt"
	"time"
)

// Date is a civil calendar date counted in days since 1970-01-01. Streaks
// and stats step through dates with it, never with time.Time, so that a
// daylight-saving change can neither skip nor repeat a day.
type Date int64

// ParseDate reads a date of the form YYYY-MM-DD, as every DATE of the
// command line is written.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, fmt.Errorf("%q is not a date of the form YYYY-MM-DD", s)
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return 0, fmt.Errorf("%q is not a date of the form YYYY-MM-DD", s)
	}
	if m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, fmt.Errorf("%q is not a real date", s)
	}
	return civil(y, m, d), nil
}

// DateOf is the calendar date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return civil(y, int(m), d)
}

// AddDays is the date n days later (earlier when n is negative).
func (d Date) AddDays(n int) Date { return d + Date(n) }

// Weekday of the date; 1970-01-01 was a Thursday.
func (d Date) Weekday() time.Weekday {
	return time.Weekday(((int64(d)+4)%7 + 7) % 7)
}

// Time is midnight UTC at the start of the date.
func (d Date) Time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

func (d Date) String() string { return d.Time().Format(time.DateOnly) }

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// civil counts days since 1970-01-01 in the proleptic Gregorian calendar
// (H. Hinnant's days_from_civil), without allocating a time.Time.
func civil(y, m, d int) Date {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return Date(era*146097 + doe - 719468)
}
