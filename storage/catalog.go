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
// Added routines that do not read back are left out and named in a
// *LeftOut error, returned with the catalog of the rest.
func (s *Store) Catalog() (*routines.Catalog, error) {
	files, err := s.Routines()
	var left []error
	if CollectLeftOut(err, &left) != nil {
		return nil, err
	}
	return Catalog(files), MergeLeftOut(left...)
}
