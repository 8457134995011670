package report

import (
	"fmt"
	"time"

	"corecoach/storage"
	"corecoach/storage/progress"
)

// Weeks is the length of a report's period when no start is given.
const Weeks = 12

// DefaultFrom is the first day of a report ending on to when no start is
// given: Weeks weeks, to included.
func DefaultFrom(to storage.Date) storage.Date { return to.AddDays(-7*Weeks + 1) }

// Source is what a report reads; *storage.Store has it.
type Source interface {
	progress.Source
	Checkins() ([]storage.Checkin, error)
	Routines() ([]storage.RoutineFile, error)
	Path() string
}

// Load reads what a report of from..to needs. The period never starts
// before the first recorded session: it then starts on that day (or on to,
// when that is later). Records that do not read back are left out and
// named in a *storage.LeftOut error, returned with the rest.
func Load(src Source, from, to storage.Date, generated time.Time) (Input, error) {
	var left []error // records that do not read back, left out
	files, err := src.Routines()
	if storage.CollectLeftOut(err, &left) != nil {
		return Input{}, err
	}
	lib := storage.Catalog(files)
	// Check-ins on the first days follow up sessions before the period.
	h, err := progress.Read(src, lib.Schedule, to, from.AddDays(-storage.CheckinDays))
	if storage.CollectLeftOut(err, &left) != nil {
		return Input{}, err
	}
	if first, ok := h.FirstDay(); ok && first > from {
		from = min(first, to)
	}
	checkins, err := src.Checkins()
	if storage.CollectLeftOut(err, &left) != nil {
		return Input{}, err
	}
	scheduled, completed, err := storage.Adherence(h.Days, lib.Schedule, from, to, to)
	if err != nil {
		return Input{}, fmt.Errorf("database %s: %w", src.Path(), err)
	}
	return Input{
		From: from, To: to, Generated: generated, Sessions: h.Sessions, Checkins: checkins, Visits: h.Visits, Stats: h.Stats,
		ScheduledDays: scheduled, CompletedDays: completed, PainRules: lib.PainRules, Library: files,
		Routine: lib.Lookup, Days: h.Days, Schedule: lib.Schedule,
	}, storage.MergeLeftOut(left...)
}
