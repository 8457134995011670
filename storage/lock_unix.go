//go:build unix

package storage

import (
	"errors"
	"os"
	"syscall"
	"time"

	berrors "go.etcd.io/bbolt/errors"
)

// lockFile takes the lock bbolt takes on the file (shared to read,
// exclusive to write), waiting at most timeout as bbolt does. bbolt then
// locks the same open file again, which holds already.
func lockFile(f *os.File, exclusive bool, timeout time.Duration) error {
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	deadline := time.Now().Add(timeout)
	for {
		err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
		switch {
		case err == nil:
			return nil
		case !errors.Is(err, syscall.EWOULDBLOCK):
			return err
		case time.Now().After(deadline):
			return berrors.ErrTimeout
		}
		// Short, unlike bbolt's 50 ms: a writer in a loop releases the
		// lock for moments only, and a long nap would miss them all.
		time.Sleep(5 * time.Millisecond)
	}
}
