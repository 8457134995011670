package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestRootExitCodes(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		code       int
		stdoutHas  string
		stderrHas  string
		stderrNone bool
	}{
		{name: "help", args: []string{"--help"}, code: 0, stdoutHas: "corecoach", stderrNone: true},
		{name: "version", args: []string{"--version"}, code: 0, stdoutHas: "corecoach version"},
		{name: "unknown flag", args: []string{"--bogus"}, code: 2, stderrHas: "unknown flag: --bogus"},
		{name: "unknown command", args: []string{"bogus"}, code: 2, stderrHas: `unknown command "bogus"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Fatalf("exit code = %d, want %d; stderr: %s", code, tt.code, stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.stdoutHas) {
				t.Errorf("stdout %q does not contain %q", stdout.String(), tt.stdoutHas)
			}
			if !strings.Contains(stderr.String(), tt.stderrHas) {
				t.Errorf("stderr %q does not contain %q", stderr.String(), tt.stderrHas)
			}
			if tt.stderrNone && stderr.Len() > 0 {
				t.Errorf("stderr = %q, want nothing", stderr.String())
			}
			if tt.code == exitUsage && !strings.Contains(stderr.String(), "--help") {
				t.Errorf("usage error without a hint: %q", stderr.String())
			}
		})
	}
}

func TestDBPath(t *testing.T) {
	tests := []struct {
		name string
		flag string
		env  map[string]string
		home string
		want string
		err  bool
	}{
		{name: "flag wins", flag: "/f.db", env: map[string]string{"CORECOACH_DB": "/e.db", "XDG_DATA_HOME": "/x"}, want: "/f.db"},
		{name: "env", env: map[string]string{"CORECOACH_DB": "/e.db", "XDG_DATA_HOME": "/x"}, want: "/e.db"},
		{name: "xdg", env: map[string]string{"XDG_DATA_HOME": "/x"}, home: "/home/u", want: "/x/corecoach/corecoach.db"},
		{name: "relative xdg is ignored", env: map[string]string{"XDG_DATA_HOME": "rel"}, home: "/home/u", want: "/home/u/.local/share/corecoach/corecoach.db"},
		{name: "home fallback", home: "/home/u", want: "/home/u/.local/share/corecoach/corecoach.db"},
		{name: "no home", err: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &app{
				dbFlag: tt.flag,
				getenv: func(k string) string { return tt.env[k] },
				homeDir: func() (string, error) {
					if tt.home == "" {
						return "", errors.New("no home")
					}
					return tt.home, nil
				},
			}
			got, err := a.dbPath()
			if (err != nil) != tt.err {
				t.Fatalf("err = %v, want error %v", err, tt.err)
			}
			if got != tt.want {
				t.Errorf("dbPath() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestExitCode(t *testing.T) {
	tests := []struct {
		err  error
		want int
	}{
		{nil, 0},
		{errors.New("boom"), 1},
		{usageErrorf("bad %s", "x"), 2},
		{exitError{code: 130, err: errors.New("interrupted")}, 130},
		{silentExit(1), 1},
	}
	for _, tt := range tests {
		if got := exitCode(tt.err); got != tt.want {
			t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
}
