package routines

import (
	"testing"
	"time"
)

func TestParseDuration(t *testing.T) {
	s, m := time.Second, time.Minute
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"30s", 30 * s, true},
		{"2m", 2 * m, true},
		{"1m30s", 90 * s, true},
		{"45", 45 * s, true},
		{"0", 0, true},
		{"0s", 0, true},
		{" 10s ", 10 * s, true},
		{"600", 10 * m, true},
		{"", 0, false},
		{"s", 0, false},
		{"m", 0, false},
		{"1h", 0, false},
		{"1.5m", 0, false},
		{"-5s", 0, false},
		{"30 s", 0, false},
		{"1m30", 0, false},
		{"30sec", 0, false},
		{"9999999999s", 0, false},
		{"1m1m", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseDuration(tt.in)
		if (err == nil) != tt.ok || time.Duration(got) != tt.want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v, ok %v", tt.in, time.Duration(got), err, tt.want, tt.ok)
		}
	}
}

func TestDurationString(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0: "0s", 30 * time.Second: "30s", 2 * time.Minute: "2m", 90 * time.Second: "1m30s",
	} {
		if got := Duration(d).String(); got != want {
			t.Errorf("Duration(%v).String() = %q, want %q", d, got, want)
		}
		back, err := ParseDuration(want)
		if err != nil || time.Duration(back) != d {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", want, back, err, d)
		}
	}
}
