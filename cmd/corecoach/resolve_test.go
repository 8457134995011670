package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"corecoach/storage"
)

const addedYAML = "corecoach: 1\nid: my-back\nname: My back\nexercises:\n  - use: plank\n    hold: 20s\n"

// With the database open, resolving a routine uses it and opens no other:
// the flags here name a file that is not a database at all.
func TestResolveInUsesTheOpenStore(t *testing.T) {
	good := seedDB(t, nil, storage.RoutineFile{ID: "my-back", Name: "My back", Data: []byte(addedYAML), Source: "my-back.yaml"})
	st, err := storage.Open(good)
	if err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(t.TempDir(), "not-a-db")
	if err := os.WriteFile(bad, []byte("not a database"), 0o600); err != nil {
		t.Fatal(err)
	}
	a := &app{dbFlag: bad, dbSet: true, getenv: func(string) string { return "" }}

	tests := []struct {
		arg, want, wantErr string
	}{
		{arg: "my-back", want: "My back"},
		{arg: "core-basics", want: "Core basics"},
		{arg: "my-bak", wantErr: `no routine "my-bak"; did you mean "my-back"?`},
	}
	for _, tt := range tests {
		r, err := a.resolveIn(st, tt.arg)
		switch {
		case tt.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%s: error %v, want %q", tt.arg, err, tt.wantErr)
			}
		case err != nil:
			t.Errorf("%s: %v", tt.arg, err)
		case r.Name != tt.want:
			t.Errorf("%s: %q, want %q", tt.arg, r.Name, tt.want)
		}
	}
	// Without the open store, the same name reads the flags' file, and fails.
	if _, err := a.resolveRoutine("my-back"); err == nil {
		t.Error("resolveRoutine did not open the database the flags name")
	}
}
