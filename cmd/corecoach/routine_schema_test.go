package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// routine schema prints docs/routine.schema.json as it is.
func TestRoutineSchema(t *testing.T) {
	want, err := os.ReadFile("../../docs/routine.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	r := runCmd("routine", "schema")
	if r.code != 0 || r.stdout != string(want) || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q, stdout is the docs' schema: %v", r.code, r.stderr, r.stdout == string(want))
	}
	if !json.Valid([]byte(r.stdout)) {
		t.Error("the schema is not JSON")
	}
	if r := runCmd("routine", "schema", "x.json"); r.code != 2 {
		t.Errorf("an argument: exit %d, want 2", r.code)
	}
}

// The template's first line names a schema beside the file; with the
// schema saved there as the template says, an editor finds it and the
// template is valid for it, in any folder.
func TestTemplateFindsSchemaBesideIt(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "my-routine.yaml")
	if r := runCmd("routine", "new", "-o", file); r.code != 0 {
		t.Fatalf("routine new: exit %d %q", r.code, r.stderr)
	}
	template, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(string(template), "\n")
	const modeline = "# yaml-language-server: $schema="
	if !strings.HasPrefix(first, modeline) {
		t.Fatalf("first line %q is not the YAML language server's modeline", first)
	}
	if !strings.Contains(string(template), "corecoach routine schema > routine.schema.json") {
		t.Error("the template does not say how to save the schema")
	}
	schema := runCmd("routine", "schema")
	if err := os.WriteFile(filepath.Join(dir, "routine.schema.json"), []byte(schema.stdout), 0o600); err != nil {
		t.Fatal(err)
	}
	// Resolve the modeline as the language server does: relative to the file.
	path := filepath.Join(dir, strings.TrimPrefix(first, modeline))
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("the modeline names %s, which is not where the schema was saved: %v", path, err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(path, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(path)
	if err != nil {
		t.Fatal(err)
	}
	js, err := yaml.YAMLToJSON(template)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(inst); err != nil {
		t.Errorf("the template is not valid for the schema: %v", err)
	}
}
