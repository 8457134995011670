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

func TestSessionChange(t *testing.T) {
	tests := []struct {
		before, after *int
		want          string
	}{
		{ip(4), ip(2), "Pain went down from 4 to 2: a meaningful change."},
		{ip(3), ip(2), "Pain went down from 3 to 2: a meaningful change."}, // 33%
		{ip(8), ip(7), "Pain went down a little, from 8 to 7."},
		{ip(2), ip(5), "Pain went up from 2 to 5. Go easier next time, and tell your therapist if it stays up."},
		{ip(3), ip(3), "Pain stayed at 3."},
		{nil, ip(3), ""},
		{ip(3), nil, ""},
	}
	for _, tt := range tests {
		if got := SessionChange(tt.before, tt.after); got != tt.want {
			t.Errorf("SessionChange(%v, %v) = %q, want %q", ScoreText(tt.before), ScoreText(tt.after), got, tt.want)
		}
	}
}

func fp(v float64) *float64 { return &v }

func TestPainTrend(t *testing.T) {
	tests := []struct {
		name                    string
		before, change, before7 *float64
		want                    []string
	}{
		{name: "no scores"},
		{name: "lower after, lower than before", before: fp(3), change: fp(-1.25), before7: fp(4.5), want: []string{
			"After sessions, pain was 1.3 points lower than before them.",
			"Pain before sessions was 1.5 points lower than in the 7 days before (4.5).",
		}},
		{name: "raised by sessions", change: fp(0.5), want: []string{
			"After sessions, pain was 0.5 points higher than before them.",
			"If exercise keeps raising your pain, ease off and talk to your therapist.",
		}},
		{name: "a rise that rounds away", before: fp(4), change: fp(0.04), before7: fp(3.96), want: []string{
			"After sessions, pain was about the same as before them.",
			"Pain before sessions was about the same as in the 7 days before (4.0).",
		}},
	}
	for _, tt := range tests {
		got := PainTrend(tt.before, tt.change, tt.before7)
		if len(got) != len(tt.want) {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s: line %d = %q, want %q", tt.name, i, got[i], tt.want[i])
			}
		}
	}
}
