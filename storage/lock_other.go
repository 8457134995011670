//go:build !unix

package storage

import (
	"os"
	"time"
)

// lockFile leaves locking to bbolt where there is no flock: the meta pages
// are then read without it.
func lockFile(*os.File, bool, time.Duration) error { return nil }
