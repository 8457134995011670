package routines

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Duration is a duration as written in routine files: "30s", "2m",
// "1m30s", or a bare whole number of seconds.
type Duration time.Duration

// maxDurationText bounds the digits we read: no bound in the format needs
// more, and it keeps huge numbers from overflowing.
const maxDurationDigits = 6

// ParseDuration reads a routine-file duration.
func ParseDuration(s string) (Duration, error) {
	in := strings.TrimSpace(s)
	bad := fmt.Errorf("invalid duration %s; write it as 30s, 2m, 1m30s or a number of seconds", quote(s))
	if in == "" {
		return 0, bad
	}
	if n, ok := parseDigits(in); ok {
		return Duration(time.Duration(n) * time.Second), nil
	}
	var d time.Duration
	rest := in
	if i := strings.IndexByte(rest, 'm'); i >= 0 {
		n, ok := parseDigits(rest[:i])
		if !ok {
			return 0, bad
		}
		d += time.Duration(n) * time.Minute
		rest = rest[i+1:]
	}
	if rest != "" {
		n, ok := parseDigits(strings.TrimSuffix(rest, "s"))
		if !ok || !strings.HasSuffix(rest, "s") {
			return 0, bad
		}
		d += time.Duration(n) * time.Second
	}
	return Duration(d), nil
}

// parseDigits reads a short run of ASCII digits (no sign, no spaces).
func parseDigits(s string) (int, bool) {
	if s == "" || len(s) > maxDurationDigits {
		return 0, false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// String writes the duration in file form: "30s", "2m", "1m30s".
func (d Duration) String() string {
	s := int(time.Duration(d) / time.Second)
	switch {
	case s < 60:
		return fmt.Sprintf("%ds", s)
	case s%60 == 0:
		return fmt.Sprintf("%dm", s/60)
	}
	return fmt.Sprintf("%dm%ds", s/60, s%60)
}

// UnmarshalText lets the library's YAML decode durations.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := ParseDuration(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
