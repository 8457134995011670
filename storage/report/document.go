package report

import (
	"io"
	"time"

	"corecoach/storage"
)

// The report document that `report --format json` writes
// (docs/stats-and-report.md, docs/report.schema.json).
const (
	DocumentFormat  = "corecoach-report"
	DocumentVersion = 1
)

// Document is the report for programs. Its fields are structs and slices,
// never maps, so that its keys always come in the same order; every list
// is [] when empty, never null.
type Document struct {
	Format      string                   `json:"format"`
	Version     int                      `json:"version"`
	GeneratedAt time.Time                `json:"generated_at"`
	Client      string                   `json:"client"`
	Therapist   DocTherapist             `json:"therapist"`
	Period      Period                   `json:"period"`
	Routines    []DocRoutine             `json:"routines"`
	Stats       storage.Stats            `json:"stats"`
	Sessions    []storage.Session        `json:"sessions"`
	Checkins    []storage.HistoryCheckin `json:"checkins"`
	Visits      []storage.Visit          `json:"visits"`
	Measures    []struct{}               `json:"measures"`
	Progress    []struct{}               `json:"progress"`
	Flags       []Flag                   `json:"flags"`
}

// DocTherapist is who prescribed the routine followed last; "" for what
// its file does not say.
type DocTherapist struct {
	Name    string `json:"name"`
	Contact string `json:"contact"`
}

// Period is the report's first and last day, both included.
type Period struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// DocRoutine is a routine version followed in the period.
type DocRoutine struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Hash     string `json:"hash"`
	Sessions int    `json:"sessions"`
	First    string `json:"first"`
	Last     string `json:"last"`
}

// NewDocument is the document of r.
func NewDocument(r Report) Document {
	d := Document{
		Format: DocumentFormat, Version: DocumentVersion, GeneratedAt: r.GeneratedAt,
		Client: r.Client, Therapist: DocTherapist{Name: r.TherapistName, Contact: r.TherapistContact},
		Period: Period{From: r.From, To: r.To}, Stats: r.Stats,
		Routines: []DocRoutine{}, Sessions: r.PeriodSessions, Checkins: []storage.HistoryCheckin{},
		Visits: r.PeriodVisits, Measures: []struct{}{}, Progress: []struct{}{}, Flags: r.Flags,
	}
	for _, rt := range r.Routines {
		hash := rt.Hash
		if hash == unknownHash {
			hash = ""
		}
		d.Routines = append(d.Routines, DocRoutine{ID: rt.ID, Name: rt.Name, Hash: hash, Sessions: rt.Sessions, First: rt.First, Last: rt.Last})
	}
	if d.Sessions == nil {
		d.Sessions = []storage.Session{}
	}
	if d.Visits == nil {
		d.Visits = []storage.Visit{}
	}
	for _, c := range r.PeriodCheckins {
		d.Checkins = append(d.Checkins, storage.HistoryCheckinOf(c))
	}
	if d.Flags == nil {
		d.Flags = []Flag{}
	}
	return d
}

// WriteJSON writes r as a report document.
func WriteJSON(w io.Writer, r Report) error {
	return storage.EncodeJSON(w, NewDocument(r))
}
