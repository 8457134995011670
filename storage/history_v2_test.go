package storage

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"corecoach/routines"
)

const testRoutine = "corecoach: 1\nid: my-back\nname: My back\nexercises:\n  - use: plank\n    hold: 20s\n"

// fullStore holds a record of every kind the database keeps.
func fullStore(t *testing.T) *Store {
	t.Helper()
	s := newStore(t)
	ny := zone(t, "America/New_York")
	a := session("01A", time.Date(2026, 3, 8, 23, 30, 0, 0, ny), StatusCompleted)
	a.PainBefore, a.PainAfter, a.Note = intp(4), intp(3), "Left side tight"
	if err := s.SaveSession(a); err != nil {
		t.Fatal(err)
	}
	for _, c := range []Checkin{
		{Date: "2026-03-09", Pain: 5, At: time.Date(2026, 3, 9, 8, 0, 0, 0, ny), SessionID: "01A"},
		{Date: "2026-03-11", Pain: 2, SessionID: "01A"}, // stored before check-ins had a time
	} {
		if err := s.SaveCheckin(c); err != nil {
			t.Fatal(err)
		}
	}
	for _, v := range []Visit{
		{ID: "v-01B", Date: "2026-03-07", Kind: "massage", Note: "deep tissue, lumbar\nsecond line"},
		{ID: "v-01C", Date: "2026-03-10", Kind: "physiotherapy"},
	} {
		if err := s.SaveVisit(v); err != nil {
			t.Fatal(err)
		}
	}
	err := s.SaveRoutine(RoutineFile{ID: "my-back", Name: "My back", Source: "/home/me/my-back.yaml",
		Data: []byte(testRoutine), AddedAt: time.Date(2026, 3, 1, 9, 30, 0, 0, ny)})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Export, import into an empty database and export again gives the same
// document; a second import adds nothing.
func TestHistoryV2RoundTrip(t *testing.T) {
	src := fullStore(t)
	doc := exportSessions(t, src)
	var h History
	if err := json.Unmarshal(doc, &h); err != nil {
		t.Fatal(err)
	}
	if h.Version != 2 || len(h.Sessions) != 1 || len(h.Checkins) != 2 || len(h.Visits) != 2 || len(h.Routines) != 1 ||
		h.Measures == nil || h.Progress == nil || len(h.Measures)+len(h.Progress) != 0 {
		t.Fatalf("export holds %+v; want version 2, every record and empty measures and progress", h)
	}
	if h.Routines[0].Data != testRoutine || h.Routines[0].Hash != routines.ContentHash([]byte(testRoutine)) {
		t.Errorf("routine exported as %+v; want its text and hash", h.Routines[0])
	}
	for _, want := range []string{`"version": 2`, `"date": "2026-03-09",
      "pain": 5,
      "session_id": "01A",
      "skipped": false,
      "at": "2026-03-09T08:00:00-04:00"`, `"kind": "massage"`, `"measures": []`, `"progress": []`} {
		if !strings.Contains(string(doc), want) {
			t.Errorf("export lacks %s:\n%s", want, doc)
		}
	}

	dst := newStore(t)
	for i, want := range []ImportResult{
		{Added: 1, Checkins: Tally{Added: 2}, Visits: Tally{Added: 2}, Routines: Tally{Added: 1}},
		{Present: 1, Checkins: Tally{Present: 2}, Visits: Tally{Present: 2}, Routines: Tally{Present: 1}},
	} {
		res, err := dst.ImportHistory(bytes.NewReader(doc))
		if err != nil {
			t.Fatal(err)
		}
		if res.Added != want.Added || res.Present != want.Present || res.Checkins != want.Checkins ||
			res.Visits != want.Visits || res.Routines != want.Routines || len(res.Conflicts) != 0 {
			t.Errorf("import %d = %+v; want %+v", i+1, res, want)
		}
		if again := exportSessions(t, dst); !bytes.Equal(again, doc) {
			t.Errorf("export after import %d differs:\n%s\nwant\n%s", i+1, again, doc)
		}
	}
	if err := dst.Check(); err != nil {
		t.Error(err)
	}
	lib, err := dst.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	if r, ok := lib.Lookup("my-back"); !ok || r.Name != "My back" {
		t.Errorf("imported routine does not run: %v, %v", r, ok)
	}
}

// A version 1 document (sessions only) still imports, into a database that
// holds other records, and leaves them as they are.
func TestHistoryV1StillImports(t *testing.T) {
	s := fullStore(t)
	v1 := `{"format":"corecoach-history","version":1,"exported_at":"2026-01-01T00:00:00Z","sessions":[
	  {"id":"old","started_at":"2025-12-01T08:00:00Z","status":"completed","pain_before":3}]}`
	res, err := s.ImportHistory(strings.NewReader(v1))
	if err != nil || res.Added != 1 || res.Checkins != (Tally{}) || res.Visits != (Tally{}) {
		t.Fatalf("ImportHistory(v1) = %+v, %v; want 1 session added", res, err)
	}
	if c, _ := s.Checkins(); len(c) != 2 {
		t.Errorf("check-ins after a v1 import: %v", c)
	}
	if n, _ := s.SessionCount(); n != 2 {
		t.Errorf("sessions after a v1 import: %d, want 2", n)
	}
}

// A record whose key is taken by a different one is named with the fields
// that differ, and the stored one kept; so is a key repeated in the document.
func TestHistoryV2Conflicts(t *testing.T) {
	s := fullStore(t)
	other, _ := json.Marshal(strings.Replace(testRoutine, "20s", "30s", 1))
	doc := `{"format":"corecoach-history","version":2,
	  "checkins":[{"date":"2026-03-09","pain":7,"session_id":"01A","at":"2026-03-09T08:00:00-04:00"},
	              {"date":"2026-03-20","pain":1,"session_id":"x"},{"date":"2026-03-20","pain":2,"session_id":"x"},
	              {"date":"2026-03-21","skipped":true}],
	  "visits":[{"id":"v-01B","date":"2026-03-07","kind":"osteopathy","note":"deep tissue, lumbar\nsecond line"},
	            {"id":"v-new","date":"2026-03-12","kind":"other","note":"a\u001b[31m red"}],
	  "routines":[{"id":"my-back","data":` + string(other) + `}],
	  "sessions":[]}`
	res, err := s.ImportHistory(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range res.Conflicts {
		got = append(got, c.String())
	}
	want := []string{
		"check-in 2026-03-09 is stored already with a different pain; the stored one is kept",
		"check-in 2026-03-20 comes twice in the document with a different pain; the first one is kept",
		"routine my-back is stored already with a different data; the stored one is kept",
		"visit v-01B is stored already with a different kind; the stored one is kept",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("conflicts:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if res.Checkins != (Tally{Added: 1}) || res.Visits != (Tally{Added: 1}) || res.Routines != (Tally{}) {
		t.Errorf("ImportHistory = %+v; want the new check-in and visit added", res)
	}
	if c, _, _ := s.Checkin("2026-03-09"); c.Pain != 5 {
		t.Errorf("stored check-in replaced: %+v", c)
	}
	if _, ok, _ := s.Checkin("2026-03-21"); ok {
		t.Error("a skipped check-in was stored")
	}
	vs, _ := s.Visits()
	if len(vs) != 3 || vs[0].Kind != "massage" || vs[2].Note != "a red" {
		t.Errorf("visits after import: %+v; want the stored one kept and the note cleaned", vs)
	}
}
