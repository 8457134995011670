package progress

import (
	"path/filepath"
	"testing"
	"time"

	"corecoach/storage"
)

// TestReadVisits: Read keeps the visits of from..asOf, oldest first.
func TestReadVisits(t *testing.T) {
	st, err := storage.Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []storage.Visit{
		{ID: "v-4", Date: "2026-03-11", Kind: "other"},
		{ID: "v-3", Date: "2026-03-10", Kind: "massage"},
		{ID: "v-2", Date: "2026-03-02", Kind: "osteopathy"},
		{ID: "v-1", Date: "2026-03-01", Kind: "chiropractic"},
	} {
		if err := st.SaveVisit(v); err != nil {
			t.Fatal(err)
		}
	}
	from, _ := storage.ParseDate("2026-03-02")
	asOf, _ := storage.ParseDate("2026-03-10")
	h, err := Read(st, func(string) []time.Weekday { return nil }, asOf, from)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range h.Visits {
		got = append(got, v.ID)
	}
	if len(got) != 2 || got[0] != "v-2" || got[1] != "v-3" {
		t.Errorf("visits %v, want [v-2 v-3]: those of 2026-03-02..2026-03-10, oldest first", got)
	}
}
