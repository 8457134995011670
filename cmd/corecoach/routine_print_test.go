package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"corecoach/routines"
)

func TestRoutinePrint(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "week-1.yaml")
	if err := os.WriteFile(file, routines.Template(), 0o644); err != nil {
		t.Fatal(err)
	}
	old := filepath.Join(dir, "old.md")
	if err := os.WriteFile(old, []byte("old handout"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "corecoach.db")
	tests := []struct {
		name      string
		args      []string
		code      int
		stdoutHas string
		stderrHas string
		file      string // the handout is in this file
		fileHas   string
	}{
		{name: "built-in as markdown", args: []string{"routine", "print", "core-basics"}, stdoutHas: "# Core basics"},
		{name: "built-in as html", args: []string{"routine", "print", "core-basics", "--format", "html"}, stdoutHas: "<!DOCTYPE html>"},
		{name: "file", args: []string{"routine", "print", file}, stdoutHas: "# My routine"},
		{name: "to a file", args: []string{"routine", "print", file, "--format", "md", "-o", filepath.Join(dir, "h.md")},
			file: filepath.Join(dir, "h.md"), fileHas: "### 5. Wall sit"},
		{name: "html from the file name", args: []string{"routine", "print", file, "-o", filepath.Join(dir, "h.html")},
			file: filepath.Join(dir, "h.html"), fileHas: "<!DOCTYPE html>"},
		{name: "format wins over the file name", args: []string{"routine", "print", file, "--format", "md", "-o", filepath.Join(dir, "m.html")},
			file: filepath.Join(dir, "m.html"), fileHas: "# My routine"},
		{name: "overwrites an old handout", args: []string{"routine", "print", "core-basics", "-o", old},
			file: old, fileHas: "# Core basics"},
		{name: "bad format", args: []string{"routine", "print", "core-basics", "--format", "pdf"}, code: 2, stderrHas: `"pdf"`},
		{name: "bad format before a missing routine", args: []string{"routine", "print", "nope", "--format", "pdf"}, code: 2, stderrHas: `"pdf"`},
		{name: "no routine", args: []string{"routine", "print"}, code: 2, stderrHas: "--help"},
		{name: "two routines", args: []string{"routine", "print", "core-basics", "desk-break"}, code: 2, stderrHas: "--help"},
		{name: "missing file", args: []string{"routine", "print", filepath.Join(dir, "missing.yaml")}, code: 1, stderrHas: "missing.yaml"},
		{name: "unknown routine", args: []string{"--db", db, "routine", "print", "no-such-routine"}, code: 1, stderrHas: "no-such-routine"},
		{name: "folder missing", args: []string{"routine", "print", "core-basics", "-o", filepath.Join(dir, "nope", "h.md")}, code: 1, stderrHas: filepath.Join(dir, "nope", "h.md")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Fatalf("exit code = %d, want %d; stderr: %s", code, tt.code, stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.stdoutHas) {
				t.Errorf("stdout %q does not contain %q", truncateForTest(stdout.String()), tt.stdoutHas)
			}
			if !strings.Contains(stderr.String(), tt.stderrHas) {
				t.Errorf("stderr %q does not contain %q", stderr.String(), tt.stderrHas)
			}
			if tt.code != 0 && stdout.Len() > 0 {
				t.Errorf("failed, yet wrote to stdout: %q", truncateForTest(stdout.String()))
			}
			if tt.file != "" {
				if stdout.Len() > 0 {
					t.Errorf("with -o, stdout = %q, want nothing", truncateForTest(stdout.String()))
				}
				data, err := os.ReadFile(tt.file)
				if err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(string(data), tt.fileHas) {
					t.Errorf("%s does not contain %q", tt.file, tt.fileHas)
				}
			}
		})
	}
	assertNoTempFiles(t, dir)
}

func truncateForTest(s string) string {
	if len(s) > 200 {
		return s[:200] + "..."
	}
	return s
}
