package routines

import (
	"fmt"
	"strings"
	"testing"
)

// manyKeys is a routine file with n top-level keys that are all refused:
// unknown ones when unknown is set, else one key given again and again.
func manyKeys(n int, unknown bool) []byte {
	return []byte(manyKeysText(n, unknown))
}

// manyMisspelt is a routine file of n exercises, each with a misspelt key
// (n problems, each with a suggestion).
func manyMisspelt(n int) []byte {
	var b strings.Builder
	b.WriteString("corecoach: 1\nname: x\nexercises:\n")
	for range n {
		b.WriteString("  - {use: plank, hodl: 3s}\n")
	}
	return []byte(b.String())
}

func manyKeysText(n int, unknown bool) string {
	var b strings.Builder
	b.WriteString("corecoach: 1\nname: x\n")
	for i := range n {
		if unknown {
			fmt.Fprintf(&b, "q%x: 1\n", i)
		} else {
			b.WriteString("id: a\n")
		}
	}
	b.WriteString("exercises: [{use: plank}]\n")
	return b.String()
}

// BenchmarkValidateManyKeys shows that refusing a file costs time in
// proportion to its size: ns/op at 28k keys stays near 28 times that at
// 1k. Files near the 256 KiB limit hold about 28,000 keys.
func BenchmarkValidateManyKeys(b *testing.B) {
	for _, kind := range []string{"duplicate", "unknown", "misspelt"} {
		for _, n := range []int{1000, 10000, 28000} {
			data := manyKeys(n, kind == "unknown")
			if kind == "misspelt" {
				data = manyMisspelt(n / 3) // three lines' worth of keys each
			}
			b.Run(fmt.Sprintf("%s/%d", kind, n), func(b *testing.B) {
				for b.Loop() {
					_, err := Parse("many.yaml", data)
					if err == nil {
						b.Fatal("accepted a file of bad keys")
					}
					_ = err.Error()
				}
			})
		}
	}
}
