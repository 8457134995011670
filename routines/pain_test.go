package routines

import "testing"

func TestPainLimitOf(t *testing.T) {
	head := "corecoach: 1\nname: R\nexercises:\n  - use: plank\n"
	tests := []struct {
		name string
		r    *Routine
		want int
	}{
		{"unknown routine", nil, DefaultPainLimit},
		{"no pain key", mustParse(t, head), DefaultPainLimit},
		{"limit 0", mustParse(t, head+"pain:\n  limit: 0\n"), 0},
		{"limit 7", mustParse(t, head+"pain:\n  limit: 7\n"), 7},
		{"pain without limit", mustParse(t, head+"pain: {}\n"), DefaultPainLimit},
	}
	for _, tt := range tests {
		if got := PainLimitOf(tt.r); got != tt.want {
			t.Errorf("%s: PainLimitOf = %d, want %d", tt.name, got, tt.want)
		}
	}
	for _, r := range Builtins() {
		if r.PainLimit != DefaultPainLimit {
			t.Errorf("built-in %s: PainLimit %d, want the default %d", r.ID, r.PainLimit, DefaultPainLimit)
		}
	}
}

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

func TestCheckinEaseOff(t *testing.T) {
	p := func(n int) *int { return &n }
	tests := []struct {
		today  int
		before *int
		limit  int
		want   EaseOff
	}{
		{5, p(3), 5, EaseOff{Rise: 2}},
		{4, p(3), 5, EaseOff{}},
		{2, p(6), 5, EaseOff{}},
		{6, nil, 5, EaseOff{AboveLimit: true}},
		{5, nil, 5, EaseOff{}},
		{7, p(2), 6, EaseOff{AboveLimit: true, Rise: 5}},
		{9, p(9), 8, EaseOff{AboveLimit: true}},
		{10, p(8), 10, EaseOff{TopOfScale: true, Rise: 2}},
		{10, p(9), 10, EaseOff{TopOfScale: true}}, // the top is never fine
		{10, nil, 9, EaseOff{AboveLimit: true, TopOfScale: true}},
		{1, nil, 0, EaseOff{AboveLimit: true}}, // a limit of 0 is a limit
		{0, nil, 0, EaseOff{}},
	}
	for _, tt := range tests {
		got := CheckinEaseOff(tt.today, tt.before, tt.limit)
		if got != tt.want {
			t.Errorf("CheckinEaseOff(%d, %s, %d) = %+v, want %+v", tt.today, ScoreText(tt.before), tt.limit, got, tt.want)
		}
		if flagged := tt.want != (EaseOff{}); got.Flagged() != flagged {
			t.Errorf("CheckinEaseOff(%d, %s, %d).Flagged() = %v", tt.today, ScoreText(tt.before), tt.limit, got.Flagged())
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
