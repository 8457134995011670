package main

import (
	"io"
	"testing"
)

// BenchmarkVersion is the work every command pays before its own: the
// command tree, flags and fang's styling, measured on --version. Package
// initialisation is outside it: see GODEBUG=inittrace=1 corecoach --version.
func BenchmarkVersion(b *testing.B) {
	for b.Loop() {
		if code := run([]string{"--version"}, io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}
