package storage

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// Recovery is what Open did with a file whose last write was torn, as a
// power cut during a write leaves it: one meta page invalid, the other
// sound. bbolt keeps two meta pages for this very case and reads the file
// as it stood before that write, so the last change saved may be missing.
// Open copies the file aside first, then writes the sound meta page over
// the torn one, as bbolt's next write would: the file is then whole again,
// and every later open finds it sound.
type Recovery struct {
	Page int    // the meta page found torn: 0 or 1
	Why  string // what was wrong with it
	Copy string // the copy of the file as it was
}

func (r Recovery) String() string {
	return fmt.Sprintf("its last write was torn (meta page %d: %s), as a power cut during a write leaves it; "+
		"it was recovered as it stood before that write, so the last change saved may be missing. "+
		"A copy of the file as it was is at %s", r.Page, r.Why, r.Copy)
}

// Recovered says what Open recovered, or nil when the file was sound.
func (s *Store) Recovered() *Recovery { return s.recovered }

// recoverTorn copies the file aside and mends its torn meta page, under
// the lock a writer takes. It inspects the file again under that lock:
// another corecoach may have mended it meanwhile (then there is nothing to
// recover, and nil is returned).
func recoverTorn(path string) (*Recovery, error) {
	fail := func(err error) (*Recovery, error) {
		return nil, fmt.Errorf("cannot recover database %s from a torn write: %w", path, unwrapPathErr(err))
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return fail(err)
	}
	defer f.Close()
	if err := lockFile(f, true, lockTimeout); err != nil {
		return nil, openErr(path, err)
	}
	torn, err := inspect(path, f)
	if err != nil || torn == nil {
		return nil, err
	}
	data, err := io.ReadAll(io.NewSectionReader(f, 0, 1<<62))
	if err != nil {
		return fail(err)
	}
	r := &Recovery{Page: torn.page, Why: torn.why}
	if r.Copy, err = copyAside(path, data); err != nil {
		return nil, fmt.Errorf("cannot copy database %s before recovering it from a torn write: %w", path, unwrapPathErr(err))
	}
	// The sound page, with the torn page's id in its header: the meta
	// and its checksum leave the header out.
	ps := int(torn.pageSize)
	good := 1 - torn.page
	page := bytes.Clone(data[good*ps : (good+1)*ps])
	binary.NativeEndian.PutUint64(page, uint64(torn.page))
	if _, err := f.WriteAt(page, int64(torn.page*ps)); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	return r, nil
}

// copyAside writes data to PATH.torn-YYYYMMDD-HHMMSS (UTC, mode 0600), or
// names a copy there already with the same bytes (a recovery that failed
// after its copy).
func copyAside(path string, data []byte) (string, error) {
	if old, _ := filepath.Glob(globEscape(path) + ".torn-*"); len(old) > 0 {
		for _, name := range old {
			if fi, err := os.Lstat(name); err == nil && fi.Mode().IsRegular() && fi.Size() == int64(len(data)) {
				if same, err := os.ReadFile(name); err == nil && bytes.Equal(same, data) {
					return name, nil
				}
			}
		}
	}
	base := path + ".torn-" + time.Now().UTC().Format("20060102-150405")
	name := base
	for i := 2; ; i++ {
		err := writeNew(name, data)
		if err == nil {
			syncDir(filepath.Dir(path))
			return name, nil
		}
		if !os.IsExist(err) || i > 9 {
			return name, err
		}
		name = fmt.Sprintf("%s-%d", base, i)
	}
}

// writeNew writes data to a file that must not exist yet, durably.
func writeNew(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(name)
	}
	return err
}

// globEscape quotes the characters filepath.Match treats as patterns.
func globEscape(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		if r == '*' || r == '?' || r == '[' || r == '\\' {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
