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
// exclusive to write), waiting at most timeout. bbolt then locks the same
// open file again, which holds already.
//
// It waits in the kernel's queue rather than polling as bbolt does: the
// lock goes to a waiter as soon as it is released, where polling would
// rarely catch the moment between two writes of another corecoach saving
// in a loop. After a timeout the caller closes f; the waiting call then
// ends by itself, and a lock it gets goes with the closed file.
func lockFile(f *os.File, exclusive bool, timeout time.Duration) error {
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	fd := int(f.Fd())
	if err := syscall.Flock(fd, how|syscall.LOCK_NB); !errors.Is(err, syscall.EWOULDBLOCK) {
		return err
	}
	// The waiting call has its own descriptor of the same open file, so
	// that closing f cannot hand its number to another file meanwhile.
	dup, err := syscall.Dup(fd)
	if err != nil {
		return err
	}
	got := make(chan error, 1)
	go func() {
		err := syscall.Flock(dup, how)
		for errors.Is(err, syscall.EINTR) {
			err = syscall.Flock(dup, how)
		}
		_ = syscall.Close(dup)
		got <- err
	}()
	select {
	case err := <-got:
		return err
	case <-time.After(timeout):
		return berrors.ErrTimeout
	}
}
