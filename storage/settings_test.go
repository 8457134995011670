package storage

import "testing"

func TestSettings(t *testing.T) {
	s := newStore(t)
	if _, ok, err := s.Setting("safety_confirmed"); ok || err != nil {
		t.Errorf("unset: %v, %v", ok, err)
	}
	for _, v := range []string{"", "2026-03-08", "yes"} {
		if err := s.SetSetting("safety_confirmed", v); err != nil {
			t.Fatal(err)
		}
		if got, ok, err := s.Setting("safety_confirmed"); got != v || !ok || err != nil {
			t.Errorf("Setting() = %q, %v, %v; want %q", got, ok, err, v)
		}
	}
	if err := s.SetSetting("", "x"); err == nil {
		t.Error("a setting without a name was stored")
	}
}
