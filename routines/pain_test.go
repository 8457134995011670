package routines

import "testing"

func mustParse(t *testing.T, src string) *Routine {
	t.Helper()
	r, err := Parse("r.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestPainOver(t *testing.T) {
	tests := []struct {
		score, limit int
		want         bool
	}{
		{5, 5, false}, {6, 5, true}, {0, 0, false}, {1, 0, true},
		{9, 10, false}, {10, 10, true}, {10, 9, true},
	}
	for _, tt := range tests {
		if got := PainOver(tt.score, tt.limit); got != tt.want {
			t.Errorf("PainOver(%d, %d) = %v, want %v", tt.score, tt.limit, got, tt.want)
		}
	}
}

func TestScoreText(t *testing.T) {
	zero, ten := 0, 10
	tests := []struct {
		p    *int
		want string
	}{{nil, "–"}, {&zero, "0"}, {&ten, "10"}}
	for _, tt := range tests {
		if got := ScoreText(tt.p); got != tt.want {
			t.Errorf("ScoreText(%v) = %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestContentHash(t *testing.T) {
	h := ContentHash([]byte("abc"))
	if h != "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" {
		t.Errorf("ContentHash(abc) = %q", h)
	}
	r := mustParse(t, "corecoach: 1\nname: R\nexercises:\n  - use: plank\n")
	if r.Hash != ContentHash([]byte("corecoach: 1\nname: R\nexercises:\n  - use: plank\n")) {
		t.Errorf("Parse hashes differently: %q", r.Hash)
	}
}
