package storage

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
)

func exportSessions(t *testing.T, s *Store) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := s.Export(&buf, time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestExportImportRoundTrip(t *testing.T) {
	src := newStore(t)
	ny, tokyo := zone(t, "America/New_York"), zone(t, "Asia/Tokyo")
	a := session("01A", time.Date(2026, 3, 8, 23, 30, 0, 0, ny), StatusCompleted)
	a.PainBefore, a.PainAfter, a.Note = intp(4), intp(3), "Left side tight"
	a.Exercises = append(a.Exercises, ExerciseResult{ID: "bird-dog", Name: "Bird dog", SetsPlanned: 2, Hurt: true, HurtKind: HurtLeg})
	b := session("01B", time.Date(2026, 3, 9, 7, 0, 0, 0, tokyo), StatusPartial)
	b.EndedAt, b.Exercises = nil, nil
	for _, x := range []Session{b, a} {
		if err := src.SaveSession(x); err != nil {
			t.Fatal(err)
		}
	}
	doc := exportSessions(t, src)
	if bytes.Count(doc, []byte(`"hurt_kind"`)) != 1 || !bytes.Contains(doc, []byte(`"hurt_kind": "leg"`)) {
		t.Errorf("hurt_kind is written only when known:\n%s", doc)
	}
	if !bytes.Contains(doc, []byte(`"exported_at": "2026-11-24T09:00:00Z"`)) || !bytes.Contains(doc, []byte(`"format": "corecoach-history"`)) {
		t.Errorf("export header:\n%s", doc)
	}

	dst := newStore(t)
	added, skipped, err := dst.Import(bytes.NewReader(doc))
	if err != nil || added != 2 || skipped != 0 {
		t.Fatalf("Import() = %d, %d, %v; want 2, 0", added, skipped, err)
	}
	if again := exportSessions(t, dst); !bytes.Equal(again, doc) {
		t.Errorf("export after import differs:\n%s\nwant\n%s", again, doc)
	}
	added, skipped, err = dst.Import(bytes.NewReader(doc))
	if err != nil || added != 0 || skipped != 2 {
		t.Errorf("second Import() = %d, %d, %v; want 0, 2", added, skipped, err)
	}
	srcDays, _ := src.Days()
	dstDays, _ := dst.Days()
	if fmt.Sprint(srcDays) != fmt.Sprint(dstDays) {
		t.Errorf("days after import %v, want %v", dstDays, srcDays)
	}
	if err := dst.Check(); err != nil {
		t.Error(err)
	}
}

func TestExportEmpty(t *testing.T) {
	var doc History
	if err := json.Unmarshal(exportSessions(t, newStore(t)), &doc); err != nil || doc.Sessions == nil || len(doc.Sessions) != 0 {
		t.Errorf("empty export: %+v, %v; want an empty list", doc, err)
	}
}

// A stored session is left as it is, even when the document differs; the
// conflict names the fields. A repeat within the document is one too.
func TestImportKeepsStored(t *testing.T) {
	s := newStore(t)
	stored := session("same", time.Date(2026, 1, 5, 8, 0, 0, 0, time.UTC), StatusCompleted)
	stored.Note = "mine"
	if err := s.SaveSession(stored); err != nil {
		t.Fatal(err)
	}
	doc := `{"format":"corecoach-history","version":1,"sessions":[
		{"id":"same","started_at":"2026-01-05T08:00:00Z","status":"partial","note":"theirs"},
		{"id":"new","started_at":"2026-01-06T08:00:00+01:00","status":"completed","future_field":true},
		{"id":"new","started_at":"2026-01-07T08:00:00Z","status":"completed"},
		{"id":"new","started_at":"2026-01-06T08:00:00+01:00","status":"completed"}]}`
	res, err := s.ImportHistory(strings.NewReader(doc))
	if err != nil || res.Added != 1 || res.Present != 1 || len(res.Conflicts) != 2 {
		t.Fatalf("ImportHistory() = %+v, %v; want 1 added, 1 present, 2 conflicts", res, err)
	}
	want := []string{
		"session new comes twice in the document with a different started_at; the first one is kept",
		"session same is stored already with a different routine, ended_at, zone, status, note and exercises; the stored one is kept",
	}
	for i, c := range res.Conflicts {
		if c.String() != want[i] {
			t.Errorf("conflict %d = %q, want %q", i, c, want[i])
		}
	}
	ss, _ := s.Sessions()
	if len(ss) != 2 || ss[0].Note != "mine" || ss[0].Status != StatusCompleted || ss[1].ID != "new" || ss[1].StartedAt.Day() != 6 {
		t.Errorf("sessions after import: %+v", ss)
	}
	if err := s.Check(); err != nil {
		t.Error(err)
	}
	// The old counts: conflicts are left as they are, so they are skipped.
	added, skipped, err := s.Import(strings.NewReader(doc))
	if err != nil || added != 0 || skipped != 4 {
		t.Errorf("Import() again = %d, %d, %v; want 0, 4", added, skipped, err)
	}
}

// A backup of a session stored with text an import refuses is not in
// conflict with it: the stored one is compared as an export writes it.
func TestImportOfBackupIsNoConflict(t *testing.T) {
	s := newStore(t)
	x := session("odd", time.Date(2026, 3, 8, 9, 0, 0, 0, time.UTC), StatusCompleted)
	x.Note = "line\none\x1b]0;title\x07"
	x.Exercises[0].SetsDone = 9
	if err := s.SaveSession(x); err != nil {
		t.Fatal(err)
	}
	res, err := s.ImportHistory(bytes.NewReader(exportSessions(t, s)))
	if err != nil || res.Present != 1 || len(res.Conflicts) != 0 {
		t.Errorf("ImportHistory(backup) = %+v, %v; want 1 present, no conflict", res, err)
	}
}

func TestImportRefuses(t *testing.T) {
	const ok = `{"id":"x","started_at":"2026-01-05T08:00:00Z","status":"completed"}`
	doc := func(sessions ...string) string {
		return `{"format":"corecoach-history","version":1,"sessions":[` + strings.Join(sessions, ",") + `]}`
	}
	v2 := func(lists string) string {
		return `{"format":"corecoach-history","version":2,` + lists + `,"sessions":[` + ok + `]}`
	}
	tests := []struct {
		name, doc, want string
	}{
		{"empty", "", "empty"},
		{"not json", "hello", "not valid JSON: line 1, column 1"},
		{"broken json", "{\n\"format\": \"corecoach-history\",\n\"version\": 1,,\n}", "line 3"},
		{"trailing", doc(ok) + " {}", "more after its end"},
		{"other format", `{"format":"something","version":1,"sessions":[]}`, `format "something"`},
		{"no format", `{"version":1}`, `format ""`},
		{"no version", `{"format":"corecoach-history"}`, "no version"},
		{"newer", `{"format":"corecoach-history","version":3,"sessions":[]}`, "version 3, written by a newer corecoach; this one reads version 2"},
		{"version 0", `{"format":"corecoach-history","version":0}`, "invalid version 0"},
		{"sessions not list", `{"format":"corecoach-history","version":1,"sessions":{}}`, "sessions must be a list"},
		{"no id", doc(ok, `{"started_at":"2026-01-05T08:00:00Z","status":"completed"}`), "session 2: id is missing"},
		{"no start", doc(`{"id":"y","status":"completed"}`), "session 1 (id y): started_at is missing"},
		{"bad start", doc(`{"id":"y","started_at":"yesterday","status":"completed"}`), `session 1 (id y): started_at "yesterday" is not an RFC 3339 time such as 2026-03-08T23:30:00-04:00`},
		{"bad status", doc(`{"id":"y","started_at":"2026-01-05T08:00:00Z","status":"done"}`), `status "done"`},
		{"pain", doc(`{"id":"y","started_at":"2026-01-05T08:00:00Z","status":"partial","pain_after":11}`), "pain_after 11"},
		{"version not whole", `{"format":"corecoach-history","version":1.5,"sessions":[]}`, "version must be a whole number such as 2, not 1.5"},
		{"format type", `{"format":1,"version":1}`, "format must be text"},
		{"start not RFC 3339", doc(ok, ok, `{"id":"X","started_at":"2026-01-02 10:00","status":"completed"}`),
			`session 3 (id X): started_at "2026-01-02 10:00" is not an RFC 3339 time such as 2026-03-08T23:30:00-04:00`},
		{"bad end", doc(`{"id":"y","started_at":"2026-01-05T08:00:00Z","ended_at":5,"status":"partial"}`), "session 1 (id y): ended_at 5 is not an RFC 3339 time"},
		{"sets type", doc(`{"id":"y","started_at":"2026-01-05T08:00:00Z","status":"partial","exercises":[{"sets_done":"3"}]}`), "exercises.sets_done must be a whole number, not string"},
		{"unknown zone", doc(`{"id":"y","started_at":"2026-01-05T08:00:00Z","status":"partial","zone":"Mars/Olympus"}`), `session 1 (id y): zone "Mars/Olympus" is not a known IANA time zone`},
		{"offset too far east", doc(ok, `{"id":"y","started_at":"2026-03-09T00:00:00+23:00","status":"completed"}`),
			"session 2 (id y): started_at 2026-03-09T00:00:00+23:00 has the offset +23:00, outside the offsets in use (-12:00 to +14:00)"},
		{"offset too far west", doc(`{"id":"y","started_at":"2026-03-09T00:00:00-12:30","status":"completed"}`), "offset -12:30, outside"},
		{"negative sets done", doc(`{"id":"y","started_at":"2026-01-05T08:00:00Z","status":"partial","exercises":[{"id":"p"},{"id":"q","sets_done":-1}]}`),
			"session 1 (id y): exercises[1].sets_done -1 is negative"},
		{"negative sets planned", doc(`{"id":"y","started_at":"2026-01-05T08:00:00Z","status":"partial","exercises":[{"id":"p","sets_planned":-3}]}`), "exercises[0].sets_planned -3 is negative"},
		{"negative seconds", doc(`{"id":"y","started_at":"2026-01-05T08:00:00Z","status":"partial","exercises":[{"id":"p","seconds":-5}]}`), "exercises[0].seconds -5 is negative"},
		{"end before start", doc(ok, `{"id":"y","started_at":"2026-01-05T08:00:00Z","ended_at":"2026-01-05T07:59:59Z","status":"partial"}`),
			"session 2 (id y): ended_at 2026-01-05T07:59:59Z is before started_at 2026-01-05T08:00:00Z"},
		{"seconds beyond any routine", doc(`{"id":"y","started_at":"2026-01-05T08:00:00Z","status":"partial","exercises":[{"id":"p","seconds":9223372036854775807}]}`),
			"session 1 (id y): exercises[0].seconds 9223372036854775807 is more than any routine holds; it must be at most 86400"},
		{"sets planned beyond any routine", doc(`{"id":"y","started_at":"2026-01-05T08:00:00Z","status":"partial","exercises":[{"id":"p","sets_planned":101}]}`),
			"exercises[0].sets_planned 101 is more than any routine holds; it must be at most 100"},
		{"unknown kind of hurt", doc(`{"id":"y","started_at":"2026-01-05T08:00:00Z","status":"partial","exercises":[{"id":"p","hurt":true,"hurt_kind":"knee"}]}`),
			`session 1 (id y): exercises[0].hurt_kind "knee" is not one of "leg", "sharp", "other"`},
		{"more sets done than planned", doc(ok, `{"id":"y","started_at":"2026-01-05T08:00:00Z","status":"completed","exercises":[{"id":"p","sets_planned":1,"sets_done":100}]}`),
			"session 2 (id y): exercises[0].sets_done 100 is more than its sets_planned 1"},
		{"year 1", doc(`{"id":"y","started_at":"0001-01-01T00:00:00Z","status":"completed"}`),
			`session 1 (id y): started_at "0001-01-01T00:00:00Z" is outside the years 1970 to 2200`},
		{"year 9999", doc(`{"id":"y","started_at":"9999-12-31T23:00:00-04:00","status":"completed"}`),
			`session 1 (id y): started_at "9999-12-31T23:00:00-04:00" is outside the years 1970 to 2200`},
		{"year 1969", doc(`{"id":"y","started_at":"1969-12-31T23:59:59Z","status":"completed"}`), "outside the years 1970 to 2200"},
		{"end in year 9999", doc(`{"id":"y","started_at":"2026-01-05T08:00:00Z","ended_at":"9999-01-01T00:00:00Z","status":"partial"}`),
			`session 1 (id y): ended_at "9999-01-01T00:00:00Z" is outside the years 1970 to 2200`},
		{"checkins not list", v2(`"checkins":{}`), "checkins must be a list"},
		{"visits not list", v2(`"visits":"x"`), "visits must be a list"},
		{"check-in pain", v2(`"checkins":[{"date":"2026-01-05","pain":3},{"date":"2026-01-06","pain":11}]`), "check-in 2 (2026-01-06): check-in of 2026-01-06 has pain 11; want 0..10"},
		{"check-in no pain", v2(`"checkins":[{"date":"2026-01-05"}]`), "check-in 1 (2026-01-05): pain is missing"},
		{"check-in date", v2(`"checkins":[{"date":"5 Jan","pain":3}]`), `check-in 1 (5 Jan): check-in date "5 Jan" is not YYYY-MM-DD`},
		{"check-in pain type", v2(`"checkins":[{"date":"2026-01-05","pain":"3"}]`), "check-in 1 (2026-01-05): pain must be a whole number, not string"},
		{"visit kind", v2(`"visits":[{"id":"v-1","date":"2026-01-05","kind":"reiki"}]`), `visit 1 (v-1): kind "reiki" is not one of massage, physiotherapy, chiropractic, osteopathy, other`},
		{"visit date", v2(`"visits":[{"id":"v-1","date":"2026-13-05","kind":"massage"}]`), `visit 1 (v-1): date "2026-13-05" is not YYYY-MM-DD`},
		{"visit year", v2(`"visits":[{"id":"v-1","date":"1900-01-05","kind":"massage"}]`), "visit 1 (v-1): date 1900-01-05 is outside the years 1970 to 2200"},
		{"visit no id", v2(`"visits":[{"date":"2026-01-05","kind":"massage"}]`), "visit 1: id is missing"},
		{"routine hash", v2(`"routines":[{"id":"mine","hash":"sha256:00","data":"corecoach: 1\n"}]`), `routine 1 (mine): hash "sha256:00" is not the hash of its data`},
		{"routine built-in id", v2(`"routines":[{"id":"core-basics","data":"corecoach: 1\n"}]`), `routine 1 (core-basics): id "core-basics" belongs to a built-in routine`},
		{"routine id", v2(`"routines":[{"id":"My Routine","data":"corecoach: 1\n"}]`), `routine 1 (My Routine): id "My Routine" is not a routine id`},
		{"routine no data", v2(`"routines":[{"id":"mine"}]`), "routine 1 (mine): data is missing"},
		{"measures", v2(`"measures":[{"id":"m-1"},{"id":"m-2"}]`), "it holds 2 measures, which this corecoach cannot store yet: update corecoach"},
		{"progress", v2(`"progress":[{"routine_id":"x"}]`), "it holds 1 progress step, which this corecoach cannot store yet"},
		{"pain type", doc(`{"id":"y","started_at":"2026-01-05T08:00:00Z","status":"partial","pain_after":"4"}`), "session 1 (id y): pain_after must be a whole number, not string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			added, skipped, err := s.Import(strings.NewReader(tt.doc))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Import() = %v; want %q", err, tt.want)
			}
			if n, _ := s.SessionCount(); n != 0 || added != 0 || skipped != 0 {
				t.Errorf("a refused document wrote %d sessions (reported %d, %d)", n, added, skipped)
			}
			if c, _ := s.Checkins(); len(c) != 0 {
				t.Errorf("a refused document wrote check-ins: %v", c)
			}
			if v, _ := s.Visits(); len(v) != 0 {
				t.Errorf("a refused document wrote visits: %v", v)
			}
		})
	}
}

// TestImportCleansText holds imported text to the text policy, as typed
// text is: what it refuses is removed, and the session imports, so that a
// backup made under a looser policy is never refused. The note keeps its
// lines; the session id is kept exactly.
func TestImportCleansText(t *testing.T) {
	s := newStore(t)
	const d = `{"format":"corecoach-history","version":1,"sessions":[` +
		`{"id":"y","started_at":"2026-01-05T08:00:00Z","status":"partial","note":"\u001b]0;PWN\u0007left\nside\u2028tight \u202eok\u200b",` +
		`"routine":{"id":"r\u007f","name":"a\u009bb\tc","hash":"h"},` +
		`"exercises":[{"id":"p"},{"id":"q","name":"\u202eevil \ud83d\udc69\u200d\u2695\ufe0f\u2066"}]}]}`
	if added, _, err := s.Import(strings.NewReader(d)); err != nil || added != 1 {
		t.Fatalf("Import = %d, %v", added, err)
	}
	got, err := s.Sessions()
	if err != nil || len(got) != 1 {
		t.Fatalf("Sessions = %v, %v", got, err)
	}
	g := got[0]
	for _, c := range []struct{ field, got, want string }{
		{"note", g.Note, "left\nside\ntight ok"},
		{"routine.id", g.Routine.ID, "r"},
		{"routine.name", g.Routine.Name, "ab c"},
		{"exercises[1].name", g.Exercises[1].Name, "evil 👩\u200d⚕\ufe0f"},
		{"id", g.ID, "y"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
}

func TestImportTooLarge(t *testing.T) {
	s := newStore(t)
	big := strings.NewReader(`{"format":"corecoach-history","version":1,"note":"` + strings.Repeat("x", MaxHistorySize) + `"}`)
	if _, _, err := s.Import(big); err == nil || !strings.Contains(err.Error(), "larger than 64 MiB") {
		t.Errorf("Import(huge) = %v", err)
	}
}

func FuzzParseHistory(f *testing.F) {
	f.Add([]byte(`{"format":"corecoach-history","version":1,"sessions":[{"id":"x","started_at":"2026-01-05T08:00:00Z","status":"completed","pain_before":3,"exercises":[{"id":"plank","seconds":30}]}]}`))
	f.Add([]byte(`{"format":"corecoach-history","version":2}`))
	f.Add([]byte(`{"format":"corecoach-history","version":1,"sessions":null} x`))
	f.Add([]byte(`[1,2]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := ParseHistory(data)
		if err != nil {
			if doc != nil {
				t.Fatal("a document and an error")
			}
			return
		}
		// Whatever is accepted can be stored and read back as it was.
		for _, s := range doc.Sessions {
			if err := checkSession(s); err != nil {
				t.Fatalf("accepted an invalid session: %v", err)
			}
			n := normalize(s)
			raw, err := json.Marshal(n)
			if err != nil {
				t.Fatalf("accepted session does not encode: %v", err)
			}
			back, err := parseSession(sessionKey(n.StartedAt, n.ID), raw)
			if err != nil || SessionDay(back) != SessionDay(n) {
				t.Fatalf("accepted session does not read back: %v", err)
			}
		}
	})
}

// TestExportKeepsIDs: ids are never rewritten, so a backup imports back
// onto the sessions it came from, and two odd ids stay two sessions.
func TestExportKeepsIDs(t *testing.T) {
	src := newStore(t)
	start := time.Date(2026, 3, 8, 9, 0, 0, 0, time.UTC)
	for _, id := range []string{"a\x1b[2J", "a\u009b2J", "tab\tid", "plain"} {
		x := session(id, start, StatusCompleted)
		x.Note = "line\none\x1b]0;title\x07"
		if err := src.SaveSession(x); err != nil {
			t.Fatal(err)
		}
	}
	doc := exportSessions(t, src)
	if bytes.ContainsAny(doc, "\x1b\u009b\t\x07") {
		t.Errorf("export prints terminal controls:\n%q", doc)
	}
	added, skipped, err := src.Import(bytes.NewReader(doc))
	if err != nil || added != 0 || skipped != 4 {
		t.Errorf("re-import into the source = %d added, %d skipped, %v; want 0, 4", added, skipped, err)
	}
	dst := newStore(t)
	if added, _, err := dst.Import(bytes.NewReader(doc)); err != nil || added != 4 {
		t.Fatalf("import into a new file = %d, %v; want 4", added, err)
	}
	a, _ := src.Sessions()
	b, _ := dst.Sessions()
	var ids []string
	for i := range b {
		ids = append(ids, b[i].ID)
		if b[i].ID != a[i].ID {
			t.Errorf("id %q came back as %q", a[i].ID, b[i].ID)
		}
	}
	if len(b) != 4 {
		t.Errorf("sessions after import: %q", ids)
	}
}

// A session stored before imports refused impossible values, say one a
// clock set back ended before its start, still exports as a backup that
// imports.
func TestExportCleansImpossibleValues(t *testing.T) {
	src := newStore(t)
	a := session("01A", time.Date(2026, 3, 8, 10, 0, 0, 0, time.UTC), StatusPartial)
	end := a.StartedAt.Add(-time.Minute)
	a.EndedAt = &end
	a.Exercises = []ExerciseResult{{ID: "plank", SetsPlanned: -1, SetsDone: -2, Seconds: -3},
		{ID: "bridge", SetsPlanned: 1, SetsDone: 100, Seconds: 1<<63 - 1}, {ID: "dog", SetsPlanned: 5000, SetsDone: 4000}}
	if err := src.SaveSession(a); err != nil {
		t.Fatal(err)
	}
	dst := newStore(t)
	if added, _, err := dst.Import(bytes.NewReader(exportSessions(t, src))); err != nil || added != 1 {
		t.Fatalf("Import(export) = %d, %v; want 1 added", added, err)
	}
	got, err := dst.Sessions()
	if err != nil {
		t.Fatal(err)
	}
	e := got[0].Exercises[0]
	if !got[0].EndedAt.Equal(a.StartedAt) || e.SetsPlanned != 0 || e.SetsDone != 0 || e.Seconds != 0 {
		t.Errorf("imported %+v ended %v; want zeros and the end at the start", e, got[0].EndedAt)
	}
	if e := got[0].Exercises[1]; e.SetsPlanned != 1 || e.SetsDone != 1 || e.Seconds != 86400 {
		t.Errorf("imported %+v; want 1 of 1 set and a day of seconds", e)
	}
	if e := got[0].Exercises[2]; e.SetsPlanned != 100 || e.SetsDone != 100 {
		t.Errorf("imported %+v; want 100 of 100 sets", e)
	}
}

// An imported session keeps the status it was given: a completed session
// from an older document, with fewer sets done than today's rule asks, is
// not re-judged.
func TestImportKeepsStatus(t *testing.T) {
	s := newStore(t)
	doc := `{"format":"corecoach-history","version":1,"sessions":[
		{"id":"old","started_at":"2026-01-05T08:00:00Z","status":"completed",
		 "exercises":[{"id":"plank","name":"Plank","sets_planned":3,"sets_done":0,"skipped":true}]},
		{"id":"old2","started_at":"2026-01-06T08:00:00Z","status":"partial",
		 "exercises":[{"id":"plank","name":"Plank","sets_planned":3,"sets_done":3}]}]}`
	if _, _, err := s.Import(strings.NewReader(doc)); err != nil {
		t.Fatal(err)
	}
	ss, _ := s.Sessions()
	if len(ss) != 2 || ss[0].Status != StatusCompleted || ss[1].Status != StatusPartial {
		t.Fatalf("sessions after import: %+v", ss)
	}
}
