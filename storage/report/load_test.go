package report

import (
	"path/filepath"
	"testing"
	"time"

	"corecoach/storage"
)

// Load starts the period no earlier than the first session, and reads the
// sessions a check-in on the period's first days follows up.
func TestLoad(t *testing.T) {
	st, err := storage.Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	r := storage.RoutineRef{ID: "core-basics", Name: "Core basics"}
	early := session(t, "a", "Europe/London", "2026-03-01 09:00", r, storage.StatusCompleted, ip(3), ip(2), "")
	late := session(t, "b", "Europe/London", "2026-03-05 09:00", r, storage.StatusCompleted, ip(4), ip(4), "")
	for _, s := range []storage.Session{early, late} {
		if err := st.SaveSession(s); err != nil {
			t.Fatal(err)
		}
	}
	gen := time.Date(2026, 3, 6, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name, from, to, wantFrom string
	}{
		{"before the first session", "2026-01-01", "2026-03-06", "2026-03-01"},
		{"after it, beyond the pain window", "2026-03-02", "2026-03-30", "2026-03-02"},
		{"ending before the first session", "2026-01-01", "2026-02-01", "2026-02-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, err := Load(st, mustDate(t, tt.from), mustDate(t, tt.to), gen)
			if err != nil {
				t.Fatal(err)
			}
			if in.From.String() != tt.wantFrom || in.To.String() != tt.to || !in.Generated.Equal(gen) {
				t.Errorf("period %s..%s (%v), want %s..%s", in.From, in.To, in.Generated, tt.wantFrom, tt.to)
			}
			// a is followed up by check-ins of the period's first days.
			if tt.from == "2026-03-02" && (len(in.Sessions) == 0 || in.Sessions[0].ID != "a") {
				t.Errorf("the session before the period was not read: %d sessions", len(in.Sessions))
			}
			if in.Stats.AsOf != tt.to {
				t.Errorf("stats as of %s, want %s", in.Stats.AsOf, tt.to)
			}
			if r, known := in.PainRules("core-basics"); !known || r.Limit <= 0 || r.Rise <= 0 {
				t.Errorf("pain rules of a built-in: %+v, %v", r, known)
			}
		})
	}
}
