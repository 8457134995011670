package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// lockTimeout bounds the wait for another corecoach's transaction; bbolt's
// default is to wait forever.
const lockTimeout = time.Second

// Errors a caller may want to tell apart; every error from this package
// also names the database file.
var (
	ErrInUse        = errors.New("database in use")
	ErrNotCorecoach = errors.New("not a corecoach database")
	ErrDamaged      = errors.New("database damaged")
	ErrNewerSchema  = errors.New("database from a newer corecoach")
)

// fileError is an error about the database file: a full sentence naming it,
// classified by one of the errors above, and what to do.
type fileError struct {
	kind   error
	msg    string
	advice string // appended to msg
	list   string // lines after the advice: the problems, one a line
}

func (e *fileError) Error() string { return e.msg + e.advice + e.list }
func (e *fileError) Unwrap() error { return e.kind }

// withAdvice is err with other advice, when it is a fileError.
func withAdvice(err error, advice string) error {
	var fe *fileError
	if !errors.As(err, &fe) {
		return err
	}
	c := *fe
	c.advice = advice
	return &c
}

func fileErrorf(kind error, format string, args ...any) error {
	return &fileError{kind: kind, msg: fmt.Sprintf(format, args...)}
}

// Store is the corecoach database at one path. It holds no open file: each
// method opens the file, runs one transaction and closes it, so that another
// corecoach (say `stats` while a session runs) can use the file in between.
type Store struct {
	path string
	mu   *sync.Mutex // shared by every Store of this file in the process
	// existed is false while the file is yet to be created: reads then find
	// nothing, and the first write creates it. A file that existed and is
	// gone is an error, not a fresh start.
	existed   bool
	recovered *Recovery // what Open recovered, if anything
	writable  verdict
}

// Path is the database file as given to Open.
func (s *Store) Path() string { return s.path }

// Open validates the corecoach database at path. An existing file is only
// read until it is known to be a corecoach database of this or an older
// schema; older ones are copied aside and then migrated. When there is no
// file, nothing is created until the first write, which creates the file
// and its folder (private to the user): reading a missing database leaves no
// trace.
//
// Open reads no more than it must, since the terminal interface waits for
// it before its first frame: the two meta pages and the schema version.
// Whether the file may be written is decided once, by ReadOnlyReason,
// before the first write. A file whose last write was torn (one meta page
// invalid, the other sound) is copied aside, then mended as it stood
// before that write: see Recovered. That is the only write Open makes.
func Open(path string) (*Store, error) {
	s := &Store{path: path, mu: fileMutex(path)}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := brokenErr(path); err != nil {
		return nil, err
	}
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return s, nil
	case err != nil:
		return nil, fmt.Errorf("cannot open database %s: %w", path, unwrapPathErr(err))
	case fi.IsDir():
		return nil, fileErrorf(ErrNotCorecoach, "database %s is a folder, not a file; choose a file path with --db", path)
	case !fi.Mode().IsRegular():
		return nil, notRegular(path)
	}
	s.existed = true
	version, err := s.validate()
	var torn *tornError
	if errors.As(err, &torn) {
		if s.recovered, err = recoverTorn(path); err == nil {
			version, err = s.validate()
		}
	}
	if err != nil {
		return nil, err
	}
	if version < currentVersion() {
		if err := s.migrate(version); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// validate opens the file read-only (the operating system then guarantees
// nothing is written) and returns its schema version.
func (s *Store) validate() (version int, err error) {
	err = s.withDB(true, func(db *bolt.DB) error {
		return db.View(func(tx *bolt.Tx) error {
			version, err = readVersion(tx, s.path)
			return err
		})
	})
	return version, err
}

func (s *Store) view(fn func(tx *bolt.Tx) error) error {
	return s.op(true, fn)
}

// update runs fn in a write transaction, on a file ReadOnlyReason allows
// to be written.
func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	if err := s.ReadOnlyReason(); err != nil {
		return err
	}
	return s.op(false, fn)
}

// errNoChange, returned by a write transaction's function, rolls it back
// and counts as success: bbolt writes a new meta page on every commit, even
// of a transaction that changed nothing.
var errNoChange = errors.New("nothing to change")

// op runs one transaction on a freshly opened file, after checking that the
// file is still a corecoach database this program can read. A database not
// created yet reads as empty; the first write creates it.
func (s *Store) op(readOnly bool, fn func(tx *bolt.Tx) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.existed {
		if _, err := os.Stat(s.path); errors.Is(err, fs.ErrNotExist) {
			if readOnly {
				return nil
			}
			if err := createWithFolder(s.path); err != nil {
				return err
			}
		}
		s.existed = true
	}
	return s.withDB(readOnly, func(db *bolt.DB) error {
		txFn := func(tx *bolt.Tx) error {
			v, err := readVersion(tx, s.path)
			if err != nil {
				return err
			}
			if v != currentVersion() {
				return fileErrorf(ErrNewerSchema, "database %s changed to schema %d while in use; restart corecoach", s.path, v)
			}
			return fn(tx)
		}
		if readOnly {
			return db.View(txFn)
		}
		var fnErr error
		err := db.Update(func(tx *bolt.Tx) error {
			fillPages(tx)
			// bbolt's page check (8 ms at 10,000 sessions): a write on a
			// damaged page tree can spread the damage.
			if problems := pageProblems(tx); len(problems) > 0 {
				fnErr = damageReport(s.path, problems)
				return fnErr
			}
			fnErr = txFn(tx)
			var fe *fileError
			if fnErr != nil && !errors.Is(fnErr, errNoChange) && !errors.As(fnErr, &fe) {
				fnErr = damagedErr(s.path, fnErr) // bbolt's own error on this file
			}
			return fnErr
		})
		switch {
		case errors.Is(err, errNoChange):
			return nil
		case err != nil && fnErr == nil:
			return fmt.Errorf("cannot write database %s: %w", s.path, unwrapPathErr(err))
		}
		return err
	})
}

// createWithFolder creates a new database, and its folder private to the
// user when there is none.
func createWithFolder(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("cannot create the folder for database %s: %w", path, unwrapPathErr(err))
	}
	return create(path)
}

// withDB opens the file, runs fn and closes the file. bbolt can panic on a
// damaged file: the panic is reported as damage, and a panic inside bbolt's
// Open marks the file broken for the rest of the process, since the lock it
// took may still be held. A read past the end of a file cut short by
// another process meanwhile is a panic too, not the end of the process.
func (s *Store) withDB(readOnly bool, fn func(db *bolt.DB) error) (err error) {
	if err := brokenErr(s.path); err != nil {
		return err
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	db, err := s.openBolt(readOnly)
	if err != nil {
		return err
	}
	defer func() {
		if r := recover(); r != nil {
			err = damagedErr(s.path, r)
		}
		if cerr := db.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("cannot close database %s: %w", s.path, cerr)
		}
	}()
	return fn(db)
}

// fillPages lets bbolt fill the pages of the buckets whose keys mostly
// arrive in increasing order (start times, ULIDs, dates), instead of leaving
// them half empty for inserts in the middle that rarely come.
func fillPages(tx *bolt.Tx) {
	for _, name := range [][]byte{bucketSessions, bucketSessionIDs, bucketDays} {
		if b := tx.Bucket(name); b != nil {
			b.FillPercent = 0.9
		}
	}
}

var errEmptyFile = errors.New("empty file")

// openBolt opens an existing file only: bbolt would create a missing file
// and silently turn an empty one into a new database.
func (s *Store) openBolt(readOnly bool) (db *bolt.DB, err error) {
	defer func() {
		if r := recover(); r != nil {
			db, err = nil, damagedErr(s.path, r)
			markBroken(s.path, err)
		}
	}()
	db, err = bolt.Open(s.path, 0o600, &bolt.Options{
		Timeout:  lockTimeout,
		ReadOnly: readOnly,
		OpenFile: s.openFile(readOnly),
		// Mapping ahead spares a large import the remaps, each of which
		// copies every page the transaction touched; the file does not grow.
		InitialMmapSize: 64 << 20,
	})
	if err != nil {
		return nil, openErr(s.path, err)
	}
	return db, nil
}

// openFile is bbolt's way to open the file: an existing regular file only,
// locked as bbolt will lock it (so that no writer is halfway through a meta
// page), and inspected before bbolt maps it.
func (s *Store) openFile(readOnly bool) func(string, int, os.FileMode) (*os.File, error) {
	return func(name string, flag int, perm os.FileMode) (*os.File, error) {
		f, err := os.OpenFile(name, flag&^os.O_CREATE, perm)
		if err != nil {
			return nil, err
		}
		fi, err := f.Stat()
		switch {
		case err != nil:
		case !fi.Mode().IsRegular():
			err = notRegular(s.path)
		case fi.Size() == 0:
			err = errEmptyFile
		default:
			err = lockFile(f, !readOnly, lockTimeout)
		}
		if err == nil {
			err = s.inspect(f)
		}
		if err != nil {
			_ = f.Close()
			return nil, err
		}
		return f, nil
	}
}

// inspect checks the meta pages of f (see the function inspect). A torn
// meta page is damage (Open recovers it first, see recoverTorn): bbolt's
// page check cannot read such a file.
func (s *Store) inspect(f *os.File) error {
	torn, err := inspect(s.path, f)
	if err != nil || torn == nil {
		return err
	}
	return &tornError{damaged(s.path, fmt.Sprintf("meta page %d: %s", torn.page, torn.why))}
}

// tornError is the damage of a torn meta page, which Open recovers.
type tornError struct{ err error }

func (e *tornError) Error() string { return e.err.Error() }
func (e *tornError) Unwrap() error { return e.err }

// openErr turns bbolt's and the system's errors into a sentence naming the
// file and saying what to do.
func openErr(path string, err error) error {
	var fe *fileError
	switch {
	case errors.As(err, &fe):
		return err
	case errors.Is(err, berrors.ErrTimeout):
		return fileErrorf(ErrInUse, "database %s is in use by another corecoach; try again", path)
	case errors.Is(err, errEmptyFile):
		return fileErrorf(ErrNotCorecoach, "database %s is an empty file, not a corecoach database; it was left untouched: remove it to start a new database, or choose another file with --db", path)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrVersionMismatch):
		return fileErrorf(ErrNotCorecoach, "%s is not a corecoach database; it was left untouched: choose another file with --db", path)
	case errors.Is(err, berrors.ErrChecksum), errors.Is(err, berrors.ErrInvalidMapping):
		return damaged(path, err.Error())
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("database %s no longer exists", path)
	}
	return fmt.Errorf("cannot open database %s: %w", path, unwrapPathErr(err))
}

// unwrapPathErr drops the path an *fs.PathError repeats, since our message
// names the file already.
func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Process-wide state per file: one mutex, so two Stores of one file never
// wait on each other's lock, and the files found broken.
var (
	filesMu sync.Mutex
	mutexes = map[string]*sync.Mutex{}
	broken  = map[string]error{}
)

func fileKey(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return filepath.Clean(path)
}

func fileMutex(path string) *sync.Mutex {
	filesMu.Lock()
	defer filesMu.Unlock()
	k := fileKey(path)
	if mutexes[k] == nil {
		mutexes[k] = &sync.Mutex{}
	}
	return mutexes[k]
}

func markBroken(path string, err error) {
	filesMu.Lock()
	defer filesMu.Unlock()
	broken[fileKey(path)] = err
}

func brokenErr(path string) error {
	filesMu.Lock()
	defer filesMu.Unlock()
	return broken[fileKey(path)]
}

// Verify runs bbolt's page check alone, the one every write runs: a file
// damaged in pages that only some reads touch fails it before anything is
// done. It decodes no record (see Check for that) and costs a few
// milliseconds at 10,000 sessions. A database not created yet verifies.
func (s *Store) Verify() error {
	return s.view(func(tx *bolt.Tx) error {
		return damageReport(s.path, pageProblems(tx))
	})
}

// notRegular refuses a device, a pipe or a socket given as the database:
// never opened for writing, never advised to be removed.
func notRegular(path string) error {
	return fileErrorf(ErrNotCorecoach, "%s is not a regular file, so not a corecoach database; it was left untouched: choose another file with --db", path)
}
