package report

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"corecoach/storage"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

const reportSchemaPath = "../../docs/report.schema.json"

func compileReportSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(reportSchemaPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", reportSchemaPath, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("report.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("report.schema.json")
	if err != nil {
		t.Fatalf("%s: %v", reportSchemaPath, err)
	}
	return s
}

func writeJSON(t *testing.T, r Report) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteJSON(&b, r); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestDocumentSchema validates generated documents against
// docs/report.schema.json: the full fixture, an empty period, and one
// with every kind of flag a history can give.
func TestDocumentSchema(t *testing.T) {
	s := compileReportSchema(t)
	empty := fixture(t)
	empty.Sessions, empty.Checkins, empty.Routine = nil, nil, nil
	for name, in := range map[string]Input{"fixture": fixture(t), "empty": empty, "inactive": inactiveInput(t)} {
		t.Run(name, func(t *testing.T) {
			data := writeJSON(t, Build(in))
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Validate(doc); err != nil {
				t.Errorf("%s refuses the report:\n%v\n%s", reportSchemaPath, err, data)
			}
		})
	}
	// And the schema is not so loose that anything passes.
	for name, change := range map[string]func(m map[string]any){
		"unknown key":   func(m map[string]any) { m["colour"] = "red" },
		"newer version": func(m map[string]any) { m["version"] = 2 },
		"no flags":      func(m map[string]any) { delete(m, "flags") },
		"unknown flag": func(m map[string]any) {
			m["flags"] = []any{map[string]any{"kind": "bored", "date": "2026-03-01", "text": "x"}}
		},
		"stats key added": func(m map[string]any) { m["stats"].(map[string]any)["mood"] = 3 },
		"bad period":      func(m map[string]any) { m["period"] = map[string]any{"from": "March", "to": "2026-03-14"} },
	} {
		t.Run("refuses "+name, func(t *testing.T) {
			var m map[string]any
			if err := json.Unmarshal(writeJSON(t, Build(fixture(t))), &m); err != nil {
				t.Fatal(err)
			}
			change(m)
			data, _ := json.Marshal(m)
			doc, _ := jsonschema.UnmarshalJSON(bytes.NewReader(data))
			if s.Validate(doc) == nil {
				t.Errorf("the schema accepts a report with %s", name)
			}
		})
	}
}

// TestSchemaStatsInStep keeps the schema's stats the fields of stats --json.
func TestSchemaStatsInStep(t *testing.T) {
	data, err := os.ReadFile(reportSchemaPath)
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Required   []string `json:"required"`
		Properties struct {
			Stats struct {
				Required []string `json:"required"`
			} `json:"stats"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(data, &schema); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		what   string
		schema []string
		typ    reflect.Type
	}{{"stats", schema.Properties.Stats.Required, reflect.TypeFor[storage.Stats]()}, {"the report", schema.Required, reflect.TypeFor[Document]()}} {
		var fields []string
		for f := range c.typ.Fields() {
			fields = append(fields, strings.Split(f.Tag.Get("json"), ",")[0])
		}
		if !slices.Equal(c.schema, fields) {
			t.Errorf("%s lists for %s\n%s\nthe document has\n%s", reportSchemaPath, c.what, strings.Join(c.schema, " "), strings.Join(fields, " "))
		}
	}
}

// TestDocumentContent checks the document's values and key order.
func TestDocumentContent(t *testing.T) {
	data := writeJSON(t, Build(fixture(t)))
	out := string(data)
	// Keys in the documented order.
	last := -1
	for _, key := range []string{"format", "version", "generated_at", "client", "therapist", "period", "routines", "stats", "sessions", "checkins", "visits", "measures", "progress", "flags"} {
		i := strings.Index(out, "\n  \""+key+"\":")
		if i < 0 || i < last {
			t.Errorf("key %q missing or out of order", key)
		}
		last = i
	}
	var d Document
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	if d.Format != "corecoach-report" || d.Version != 1 || !d.GeneratedAt.Equal(time.Date(2026, 3, 15, 9, 30, 0, 0, time.UTC)) {
		t.Errorf("head: %+v", d)
	}
	if d.Client != "<i>J.</i> Smith & *Co*" || d.Therapist != (DocTherapist{"A. <b>Therapist</b>, PT", "clinic@example.org | 01234 567890"}) {
		t.Errorf("client %q, therapist %+v", d.Client, d.Therapist)
	}
	if d.Period != (Period{"2026-03-01", "2026-03-14"}) {
		t.Errorf("period %+v", d.Period)
	}
	var ids []string
	for _, s := range d.Sessions {
		ids = append(ids, s.ID)
	}
	if got := strings.Join(ids, " "); got != "s1 s2 s3 s4" {
		t.Errorf("sessions %s, want those of the period oldest first: s1 s2 s3 s4", got)
	}
	var dates []string
	for _, c := range d.Checkins {
		dates = append(dates, c.Date)
	}
	if len(d.Checkins) > 0 && (d.Checkins[0].Pain == nil || *d.Checkins[0].Pain != 6 || d.Checkins[0].SessionID != "s1" || !strings.Contains(out, `"skipped": false`)) {
		t.Errorf("check-ins not as history documents give them: %s", out)
	}
	if got := strings.Join(dates, " "); got != "2026-03-03 2026-03-04 2026-03-06" {
		t.Errorf("checkins %s", got)
	}
	if len(d.Visits) != 2 || d.Visits[0].ID != "v-1" || d.Visits[1] != (storage.Visit{ID: "v-2", Date: "2026-03-07", Kind: "physiotherapy"}) {
		t.Errorf("visits %+v, want those of the period oldest first", d.Visits)
	}
	if len(d.Routines) != 3 || d.Routines[2] != (DocRoutine{ID: "lower-back", Name: `Back <b>care</b> & "core" | *week* 1`, Hash: hashV2, Sessions: 2, First: "2026-03-05", Last: "2026-03-09"}) {
		t.Errorf("routines %+v", d.Routines)
	}
	var flags []string
	for _, f := range d.Flags {
		flags = append(flags, f.Kind+" "+f.Date+" "+f.Text)
	}
	want := []string{
		"ease-off 2026-03-03 next-day pain 6, 2 above before, above the limit of 5",
		"hurt 2026-03-03 Plank flagged as hurting (sharp pain)",
		"hurt 2026-03-02 Bird dog flagged as hurting",
		"above-limit 2026-03-04 next-day pain 6, above the limit of 5, no rise of 2 or more",
		"above-limit 2026-03-03 pain after 7, above the limit of 5",
	}
	if strings.Join(flags, "\n") != strings.Join(want, "\n") {
		t.Errorf("flags:\n%s\nwant:\n%s", strings.Join(flags, "\n"), strings.Join(want, "\n"))
	}
	// An empty period gives lists, never null.
	empty := fixture(t)
	empty.Sessions, empty.Checkins, empty.Visits = nil, nil, nil
	if out := string(writeJSON(t, Build(empty))); strings.Contains(out, "null,\n  \"") || strings.Contains(out, ": null\n}") {
		t.Errorf("an empty report has a null list:\n%s", out)
	}
}

// inactiveInput is a history whose last three scheduled days (mon, wed,
// fri) were missed, with rest days between them.
func inactiveInput(t *testing.T) Input {
	in := fixture(t)
	in.Days = []storage.DayRecord{{Date: "2026-03-02", Sessions: 1, Completed: 1, LastRoutine: "lower-back"}}
	in.Schedule = func(string) []time.Weekday { return []time.Weekday{time.Monday, time.Wednesday, time.Friday} }
	return in
}

// TestInactive: the flag needs three scheduled days missed in a row, the
// last day counting only once done.
func TestInactive(t *testing.T) {
	mwf := func(string) []time.Weekday { return []time.Weekday{time.Monday, time.Wednesday, time.Friday} }
	every := func(string) []time.Weekday { return nil }
	day := func(d string, completed int) storage.DayRecord {
		return storage.DayRecord{Date: d, Sessions: 1, Completed: completed, LastRoutine: "r"}
	}
	tests := []struct {
		name     string
		to       string
		days     []storage.DayRecord
		schedule storage.ScheduleFunc
		want     string
	}{
		// 2026-03-02 is a Monday.
		{"mon, wed, fri missed", "2026-03-08", []storage.DayRecord{day("2026-03-01", 1)}, mwf,
			"2026-03-08 no completed session on the last 3 scheduled days, 2026-03-02 to 2026-03-06"},
		{"two missed, the third due today", "2026-03-09", []storage.DayRecord{day("2026-03-03", 1)}, mwf, ""},
		{"three missed before today", "2026-03-11", []storage.DayRecord{day("2026-03-03", 1)}, mwf,
			"2026-03-11 no completed session on the last 3 scheduled days, 2026-03-04 to 2026-03-09"},
		{"done today", "2026-03-11", []storage.DayRecord{day("2026-03-03", 1), day("2026-03-11", 1)}, mwf, ""},
		{"a partial session is not done", "2026-03-05", []storage.DayRecord{day("2026-03-01", 1), day("2026-03-03", 0)}, every,
			"2026-03-05 no completed session on the last 3 scheduled days, 2026-03-02 to 2026-03-04"},
		{"done on a rest day since", "2026-03-08", []storage.DayRecord{day("2026-03-01", 1), day("2026-03-07", 1)}, mwf, ""},
		{"too new to tell", "2026-03-04", []storage.DayRecord{day("2026-03-02", 0)}, every, ""},
		{"no history", "2026-03-04", nil, every, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Input{To: mustDate(t, tt.to), Days: tt.days, Schedule: tt.schedule}
			got := ""
			if f, ok := inactive(in); ok {
				if f.Kind != FlagInactive {
					t.Errorf("kind %q", f.Kind)
				}
				got = f.Date + " " + f.Text
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestSortFlags ranks by kind, then newest first, whatever the input order.
func TestSortFlags(t *testing.T) {
	flags := []Flag{
		{FlagAboveLimit, "2026-03-05", "a"}, {FlagHurt, "2026-03-01", "b"}, {FlagMeasureWorse, "2026-03-09", "c"},
		{FlagInactive, "2026-03-09", "d"}, {FlagEaseOff, "2026-03-02", "e"}, {FlagHurt, "2026-03-04", "f"}, {FlagEaseOff, "2026-03-08", "g"},
	}
	sortFlags(flags)
	var got []string
	for _, f := range flags {
		got = append(got, f.Text)
	}
	if g := strings.Join(got, ""); g != "gefbdac" {
		t.Errorf("order %s, want gefbdac", g)
	}
}
