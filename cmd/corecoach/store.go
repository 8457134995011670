package main

import (
	"fmt"
	"os"
	"path/filepath"

	"corecoach/storage"
)

// openStore opens the database the flags and environment name, creating its
// folder (private to the user) on first use.
func (a *app) openStore() (*storage.Store, error) {
	path, err := a.dbPath()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("cannot create the folder for database %s: %w", path, err)
	}
	return storage.Open(path)
}
