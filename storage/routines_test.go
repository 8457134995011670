package storage

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"corecoach/routines"
)

func TestRoutines(t *testing.T) {
	s := newStore(t)
	added := time.Date(2026, 2, 1, 10, 0, 0, 0, time.UTC)
	a := RoutineFile{ID: "lower-back", Name: "Lower back", Source: "/home/me/lb.yaml", Data: []byte("corecoach: 1\n"), AddedAt: added}
	b := RoutineFile{ID: "hips", Name: "Hips", Hash: "sha256:given", Data: []byte{0, 1, 2}, AddedAt: added}
	for _, r := range []RoutineFile{a, b} {
		if err := s.SaveRoutine(r); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Routines()
	if err != nil || len(got) != 2 || got[0].ID != "hips" || got[1].ID != "lower-back" {
		t.Fatalf("Routines() = %+v, %v; want hips, lower-back", got, err)
	}
	a.Hash = routines.ContentHash(a.Data)
	if r, ok, err := s.Routine("lower-back"); !ok || err != nil || !reflect.DeepEqual(r, a) {
		t.Errorf("Routine() = %+v, %v, %v; want %+v", r, ok, err, a)
	}
	if r, _, _ := s.Routine("hips"); r.Hash != "sha256:given" || !reflect.DeepEqual(r.Data, b.Data) {
		t.Errorf("Routine(hips) = %+v", r)
	}
	if _, ok, err := s.Routine("nope"); ok || err != nil {
		t.Errorf("Routine(nope) = %v, %v", ok, err)
	}
	// Adding again replaces.
	a.Name, a.Hash = "Lower back, week 2", ""
	if err := s.SaveRoutine(a); err != nil {
		t.Fatal(err)
	}
	if r, _, _ := s.Routine("lower-back"); r.Name != a.Name {
		t.Errorf("after replacing: %q", r.Name)
	}
	if err := s.SaveRoutine(RoutineFile{}); err == nil || !strings.Contains(err.Error(), "no id") {
		t.Errorf("SaveRoutine(no id) = %v", err)
	}
}
