package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"corecoach/storage"
)

func TestVisitAddListRm(t *testing.T) {
	db := filepath.Join(t.TempDir(), "corecoach.db")
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.Local)
	run := func(args ...string) cmdResult {
		var out, errb bytes.Buffer
		code := runAt(now, append([]string{"--db", db}, args...), &out, &errb)
		return cmdResult{code, out.String(), errb.String()}
	}
	if r := run("visit", "list"); r.code != 0 || !strings.HasPrefix(r.stdout, "No visits yet.") {
		t.Errorf("list of none: exit %d %q", r.code, r.stdout)
	}
	if r := run("visit", "list", "--json"); r.code != 0 || r.stdout != "[]\n" {
		t.Errorf("list --json of none: exit %d %q", r.code, r.stdout)
	}
	idRe := regexp.MustCompile(`id (v-[0-9A-Z]{26})\)`)
	var ids []string
	for _, args := range [][]string{
		{"--kind", "massage", "--note", "deep tissue, lumbar"},
		{"--kind", "physiotherapy", "--date", "2026-11-02"},
		{"--kind", "osteopathy", "--date", "2026-11-30"}, // today
	} {
		now = now.Add(time.Minute) // ids sort by the time they were logged
		r := run(append([]string{"visit", "add"}, args...)...)
		m := idRe.FindStringSubmatch(r.stdout)
		if r.code != 0 || m == nil {
			t.Fatalf("visit add %v: exit %d %q %q", args, r.code, r.stdout, r.stderr)
		}
		ids = append(ids, m[1])
	}
	r := run("visit", "list", "--json")
	var got []storage.Visit
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil || r.code != 0 {
		t.Fatalf("list --json: %v %q", err, r.stdout)
	}
	want := []storage.Visit{ // newest first
		{ID: ids[2], Date: "2026-11-30", Kind: "osteopathy"},
		{ID: ids[0], Date: "2026-11-30", Kind: "massage", Note: "deep tissue, lumbar"},
		{ID: ids[1], Date: "2026-11-02", Kind: "physiotherapy"},
	}
	if g, w := mustJSON(t, got), mustJSON(t, want); g != w {
		t.Errorf("list --json:\n%s\nwant\n%s", g, w)
	}
	if r := run("visit", "list"); r.code != 0 || !strings.Contains(r.stdout, "2026-11-02  physiotherapy  –") {
		t.Errorf("list: %q", r.stdout)
	}
	if r := run("history", "--csv", "--visits", "--since", "2026-11-03"); r.code != 0 ||
		r.stdout != "id,date,kind,note\n"+ids[2]+",2026-11-30,osteopathy,\n"+ids[0]+",2026-11-30,massage,\"deep tissue, lumbar\"\n" {
		t.Errorf("history --csv --visits: exit %d %q", r.code, r.stdout)
	}
	if r := run("visit", "rm", ids[0]); r.code != 0 || r.stdout != "Removed visit "+ids[0]+".\n" {
		t.Errorf("rm: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := run("visit", "rm", ids[0]); r.code != 1 || !strings.Contains(r.stderr, `no visit has the id "`+ids[0]+`"`) {
		t.Errorf("rm again: exit %d %q", r.code, r.stderr)
	}
	if r := run("visit", "list", "--json"); strings.Contains(r.stdout, ids[0]) || !strings.Contains(r.stdout, ids[1]) {
		t.Errorf("after rm: %s", r.stdout)
	}
	if r := run("report", "--format", "md", "--since", "2026-11-01"); !strings.Contains(r.stdout, "## Therapy visits") ||
		!strings.Contains(r.stdout, "| 2026-11-02 | physiotherapy |") {
		t.Errorf("report lacks the visits: exit %d %q\n%s", r.code, r.stderr, r.stdout)
	}
}

func TestVisitRefused(t *testing.T) {
	db := filepath.Join(t.TempDir(), "corecoach.db")
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.Local)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"visit", "add", "--kind", "masage"}, 2, `unknown kind "masage"; did you mean "massage"? (kinds: massage, physiotherapy, chiropractic, osteopathy, other)`},
		{[]string{"visit", "add", "--kind", "physio"}, 2, `did you mean "physiotherapy"?`},
		{[]string{"visit", "add", "--kind", "reiki"}, 2, `unknown kind "reiki" (kinds: massage,`},
		{[]string{"visit", "add"}, 2, "visit add needs --kind KIND, one of massage, physiotherapy, chiropractic, osteopathy, other"},
		{[]string{"visit", "add", "--kind", "massage", "--date", "2026-12-01"}, 2, "--date 2026-12-01 is after today (2026-11-30)"},
		{[]string{"visit", "add", "--kind", "massage", "--date", "yesterday"}, 2, "--date: "},
		{[]string{"visit", "add", "--kind", "massage", "--note", strings.Repeat("x", 2001)}, 1, "note is longer than 2000 characters"},
		{[]string{"visit", "rm"}, 2, "visit rm needs ID"},
		{[]string{"visit", "rm", "v-\x1b[31mx"}, 1, `no visit has the id "v-\x1b[31mx"`},
		{[]string{"history", "--visits"}, 2, "--visits goes with --csv alone"},
		{[]string{"visit", "frob"}, 2, `unknown command "frob"`},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		code := runAt(now, append([]string{"--db", db}, tt.args...), &out, &errb)
		if code != tt.code || !strings.Contains(errb.String(), tt.want) {
			t.Errorf("%q: exit %d %q; want %d and %q", tt.args, code, errb.String(), tt.code, tt.want)
		}
	}
	if r := runCmd("--db", db, "visit", "list", "--json"); r.stdout != "[]\n" {
		t.Errorf("a refused visit was stored: %s", r.stdout)
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
