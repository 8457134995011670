package storage

import "corecoach/routines"

// Catalog is the routine catalog of the built-in routines and these files
// of the library (Store.Routines), which routines.Catalog parses as asked.
func Catalog(files []RoutineFile) *routines.Catalog {
	added := make([]routines.AddedFile, len(files))
	for i, f := range files {
		added[i] = routines.AddedFile{ID: f.ID, Source: f.Source, Hash: f.Hash, Data: f.Data}
	}
	return routines.NewCatalog(added)
}

// Catalog is the routine catalog of the built-in routines and the library.
func (s *Store) Catalog() (*routines.Catalog, error) {
	files, err := s.Routines()
	if err != nil {
		return nil, err
	}
	return Catalog(files), nil
}
