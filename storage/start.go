package storage

import (
	"corecoach/routines"

	bolt "go.etcd.io/bbolt"
)

// Start is what the terminal interface reads before its first frame.
type Start struct {
	Catalog         *routines.Catalog // the built-in routines and the library
	SafetyConfirmed bool              // the red flags were read and confirmed before
	Last            Session           // the newest session, when HasLast
	HasLast         bool
}

// ReadStart runs Verify's page check and reads what the interface needs
// before its first frame in one opening of the file: each opening maps the
// file and takes its lock, and the first frame waits for all of them. A
// database not created yet reads as empty.
func (s *Store) ReadStart() (Start, error) {
	var st Start
	var files []RoutineFile
	err := s.view(func(tx *bolt.Tx) error {
		if err := damageReport(s.path, pageProblems(tx)); err != nil {
			return err
		}
		var err error
		if files, err = s.routines(tx, nil); err != nil {
			return err
		}
		st.SafetyConfirmed = len(tx.Bucket(bucketSettings).Get([]byte(SettingSafetyConfirmed))) > 0
		st.Last, st.HasLast, err = s.lastSession(tx)
		return err
	})
	if err != nil {
		return Start{}, err
	}
	st.Catalog = Catalog(files)
	return st, nil
}
