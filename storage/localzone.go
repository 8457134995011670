package storage

import (
	"os"
	"strings"
	"time"
)

// LocalZone is the IANA name of the local time zone: from TZ when it names
// one, else from the /etc/localtime link; "" when unknown.
func LocalZone() string {
	return localZone(os.Getenv, os.Readlink)
}

func localZone(getenv func(string) string, readlink func(string) (string, error)) string {
	if tz, ok := strings.CutPrefix(getenv("TZ"), ":"); ok || tz != "" {
		if validZone(tz) {
			return tz
		}
		return ""
	}
	target, err := readlink("/etc/localtime")
	if err != nil {
		return ""
	}
	if _, name, ok := strings.Cut(target, "zoneinfo/"); ok && validZone(name) {
		return name
	}
	return ""
}

// validZone accepts a zone name the time package can load; "UTC" and "Local"
// style names pass, paths do not.
func validZone(name string) bool {
	if name == "" || name == "Local" || strings.HasPrefix(name, "/") {
		return false
	}
	_, err := time.LoadLocation(name)
	return err == nil
}
