package routines

import "testing"

func ip(n int) *int { return &n }

func TestPainWordAndZone(t *testing.T) {
	tests := []struct {
		score, limit int
		word         string
		zone         PainZone
	}{
		{0, 5, "none", ZoneSafe},
		{1, 5, "mild", ZoneSafe},
		{2, 5, "mild", ZoneSafe},       // the top of the model's safe zone
		{3, 5, "mild", ZoneAcceptable}, // acceptable, not safe (Silbernagel et al. 2007)
		{3, 8, "mild", ZoneAcceptable},
		{2, 1, "mild", ZoneOver}, // over a low limit
		{4, 5, "moderate", ZoneAcceptable},
		{5, 5, "moderate", ZoneAcceptable},
		{6, 5, "moderate", ZoneOver},
		{7, 8, "severe", ZoneAcceptable},
		{10, 10, "severe", ZoneOver},
	}
	for _, tt := range tests {
		if got := PainWord(tt.score); got != tt.word {
			t.Errorf("PainWord(%d) = %q, want %q", tt.score, got, tt.word)
		}
		if got := ZoneOf(tt.score, tt.limit); got != tt.zone {
			t.Errorf("ZoneOf(%d, %d) = %v, want %v", tt.score, tt.limit, got, tt.zone)
		}
	}
}

func fp(v float64) *float64 { return &v }
