package storage

import (
	"errors"
	"testing"
)

func TestLocalZone(t *testing.T) {
	link := func(target string, err error) func(string) (string, error) {
		return func(string) (string, error) { return target, err }
	}
	env := func(tz string) func(string) string { return func(string) string { return tz } }
	tests := []struct {
		tz      string
		target  string
		linkErr error
		want    string
	}{
		{"America/New_York", "", nil, "America/New_York"},
		{":Europe/Paris", "", nil, "Europe/Paris"},
		{"Not/AZone", "/usr/share/zoneinfo/Europe/Paris", nil, ""},
		{"", "/usr/share/zoneinfo/Asia/Tokyo", nil, "Asia/Tokyo"},
		{"", "../usr/share/zoneinfo/UTC", nil, "UTC"},
		{"", "", errors.New("no link"), ""},
		{"", "/etc/some/file", nil, ""},
	}
	for _, tt := range tests {
		if got := localZone(env(tt.tz), link(tt.target, tt.linkErr)); got != tt.want {
			t.Errorf("TZ=%q link=%q: %q, want %q", tt.tz, tt.target, got, tt.want)
		}
	}
}
