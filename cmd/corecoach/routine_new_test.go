package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"corecoach/routines"
)

func TestRoutineNew(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "existing.yaml")
	if err := os.WriteFile(existing, []byte("mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		args      []string
		code      int
		stdout    bool   // the template is on stdout
		file      string // the template is in this file
		stderrHas string
	}{
		{name: "stdout", args: []string{"routine", "new"}, code: 0, stdout: true},
		{name: "new file", args: []string{"routine", "new", "-o", filepath.Join(dir, "new.yaml")}, code: 0, file: filepath.Join(dir, "new.yaml")},
		{name: "long flag", args: []string{"routine", "new", "--output", filepath.Join(dir, "long.yaml")}, code: 0, file: filepath.Join(dir, "long.yaml")},
		{name: "refuses overwrite", args: []string{"routine", "new", "-o", existing}, code: 1, stderrHas: existing + " already exists"},
		{name: "missing folder", args: []string{"routine", "new", "-o", filepath.Join(dir, "nope", "x.yaml")}, code: 1, stderrHas: filepath.Join(dir, "nope", "x.yaml")},
		{name: "extra argument", args: []string{"routine", "new", "x.yaml"}, code: 2, stderrHas: "--help"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Fatalf("exit code = %d, want %d; stderr: %s", code, tt.code, stderr.String())
			}
			if !strings.Contains(stderr.String(), tt.stderrHas) {
				t.Errorf("stderr %q does not contain %q", stderr.String(), tt.stderrHas)
			}
			if tt.stdout != bytes.Equal(stdout.Bytes(), routines.Template()) {
				t.Errorf("template on stdout = %v, want %v", !tt.stdout, tt.stdout)
			}
			if tt.file != "" {
				data, err := os.ReadFile(tt.file)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := routines.Parse(tt.file, data); err != nil {
					t.Errorf("written template does not validate: %v", err)
				}
			}
		})
	}
	if data, _ := os.ReadFile(existing); string(data) != "mine\n" {
		t.Errorf("existing file changed to %q", data)
	}
	assertNoTempFiles(t, dir)
}

// assertNoTempFiles checks that no temporary file of an atomic write was
// left behind.
func assertNoTempFiles(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}
