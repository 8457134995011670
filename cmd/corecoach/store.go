package main

import "corecoach/storage"

// openStore opens the database the flags and environment name. Nothing is
// created until the first write, which creates the file and its folder
// (private to the user): reading commands leave no trace.
func (a *app) openStore() (*storage.Store, error) {
	path, err := a.dbPath()
	if err != nil {
		return nil, err
	}
	return storage.Open(path)
}
