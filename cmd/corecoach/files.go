package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// output is what a command writes with -o: the data, and the permissions
// of a new file (0600 for health data such as history and reports, 0644
// for what is meant to be shared, such as handouts).
type output struct {
	data []byte
	mode os.FileMode
	// keep refuses to replace an existing file (routine new never
	// overwrites a therapist's routine).
	keep bool
	// from names the files the command read to make data (a routine file
	// for its handout): -o pointing at one of them is refused, as the
	// database is, since replacing it would lose what it was made from.
	from []string
}

// writeOutput is the one place that writes where -o points, following
// docs/using-corecoach.md ("Writing to a file"): "-" is standard output; a
// regular file or a new name is written atomically (a temporary file in the
// same folder, synced, then moved into place), through any symbolic links
// to the file they point to, which keeps the links; an existing device or
// pipe (/dev/null, /dev/stdout, a FIFO) is written to directly and never
// replaced; the database itself is refused.
func (a *app) writeOutput(path string, out output) error {
	if path == "-" {
		_, err := a.stdout.Write(out.data)
		return err
	}
	target, kind, err := resolveOutput(path)
	if err != nil {
		return err
	}
	if a.isDatabase(target) {
		return fmt.Errorf("%s is the database; choose another file for -o", path)
	}
	for _, in := range out.from {
		if sameFile(target, in) {
			return fmt.Errorf("%s is the file the output is made from; choose another file for -o", path)
		}
	}
	switch {
	case kind == existingOther:
		return writeDirect(path, out.data)
	case kind == existingFile && out.keep:
		return fmt.Errorf("%s already exists; choose another name or remove it first", path)
	}
	return writeAtomic(path, target, out)
}

// outputKind is what an -o path names once links are followed.
type outputKind int

const (
	newFile       outputKind = iota // nothing there yet
	existingFile                    // a regular file
	existingOther                   // a device, pipe or socket: written to, never replaced
)

// maxLinks bounds the links followed, as the kernel does (ELOOP).
const maxLinks = 40

// resolveOutput follows the symbolic links of path one by one, so that a
// link to a file not yet there still names where to create it. Links that
// name open files rather than paths (/dev/stdout, /proc/self/fd/N) are
// written through directly, as the file they are may be a pipe or a
// terminal, or a file the shell opened for appending.
func resolveOutput(path string) (string, outputKind, error) {
	p := path
	for range maxLinks {
		info, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return p, newFile, nil
		}
		if err != nil {
			return "", 0, fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			kind, err := kindOf(path, info)
			return p, kind, err
		}
		if namesOpenFile(p) {
			info, err := os.Stat(p)
			if err != nil {
				return "", 0, fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
			}
			if _, err := kindOf(path, info); err != nil {
				return "", 0, err
			}
			return p, existingOther, nil
		}
		link, err := os.Readlink(p)
		if err != nil {
			return "", 0, fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(p), link)
		}
		p = link
	}
	return "", 0, fmt.Errorf("cannot write %s: too many symbolic links", path)
}

func kindOf(path string, info fs.FileInfo) (outputKind, error) {
	switch {
	case info.Mode().IsRegular():
		return existingFile, nil
	case info.IsDir():
		return 0, fmt.Errorf("cannot write %s: it is a folder; give a file name", path)
	}
	return existingOther, nil
}

// namesOpenFile reports whether the link p lives in a process's table of
// open files (/proc/PID/fd, reached also as /dev/fd), whose links read as
// "pipe:[123]" or a file's path at the time it was opened.
func namesOpenFile(p string) bool {
	dir, err := filepath.EvalSymlinks(filepath.Dir(p))
	return err == nil && strings.HasPrefix(dir, "/proc/")
}

// isDatabase reports whether target is the database file the flags and
// environment name, even through links or another spelling of its path.
func (a *app) isDatabase(target string) bool {
	db, err := a.dbPath()
	if err != nil {
		return false // no database can be named, so none is at risk
	}
	dbTarget, _, err := resolveOutput(db)
	if err != nil {
		dbTarget = db
	}
	return sameFile(target, dbTarget)
}

// sameFile reports whether paths a and b name one file, even through links
// or another spelling; for a path not there yet, by its folder's real path.
func sameFile(a, b string) bool {
	ai, aerr := os.Stat(a)
	bi, berr := os.Stat(b)
	if aerr == nil && berr == nil {
		return os.SameFile(ai, bi)
	}
	return canonical(a) == canonical(b)
}

// canonical spells a path that may not exist yet by its folder's real path.
func canonical(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(dir, filepath.Base(abs))
	}
	return abs
}

// writeDirect writes to an existing device or pipe without creating,
// truncating or replacing it. O_APPEND keeps what a shell's ">>" already
// holds when the device is a link to standard output.
func writeDirect(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	return nil
}

// writeAtomic puts out.data at target (which path, as the user gave it,
// reaches) so that the file is either complete or not there at all.
func writeAtomic(path, target string, out output) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".tmp*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(out.data); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	if err = tmp.Chmod(out.mode); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	if out.keep {
		err = placeNew(tmp.Name(), target)
	} else {
		err = os.Rename(tmp.Name(), target)
	}
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; choose another name or remove it first", path)
	}
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	return nil
}

// placeNew moves tmp to path unless path exists. A hard link refuses an
// existing name atomically; where links are not supported, it checks first.
func placeNew(tmp, path string) error {
	err := os.Link(tmp, path)
	if err == nil {
		return os.Remove(tmp)
	}
	if errors.Is(err, fs.ErrExist) {
		return err
	}
	if _, serr := os.Lstat(path); serr == nil {
		return fs.ErrExist
	}
	return os.Rename(tmp, path)
}

// unwrapPath drops the operation and temporary file name from a
// *fs.PathError, since the message already names the file the user chose.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// formatsByExtension is how a file name's extension names a document
// format, for every command that writes documents.
var formatsByExtension = map[string]string{
	".md": "md", ".markdown": "md",
	".html": "html", ".htm": "html",
	".json": "json",
}

// documentFormat is the one rule for choosing a document's format: an
// explicit --format wins; without it the extension of -o chooses; else the
// first of supported. A format the command cannot write, asked for either
// way, is an error naming those it can.
func documentFormat(flag string, explicit bool, out string, supported []string) (string, error) {
	byName := ""
	if out != "-" {
		byName = formatsByExtension[strings.ToLower(filepath.Ext(out))]
	}
	can := strings.Join(supported, " or ")
	switch {
	case explicit && !slices.Contains(supported, flag):
		return "", usageErrorf("unknown format %q for --format; use %s", flag, can)
	case explicit:
		return flag, nil
	case byName != "" && !slices.Contains(supported, byName):
		return "", usageErrorf("%s names a %s file, which this command cannot write; use %s", out, byName, can)
	case byName != "":
		return byName, nil
	}
	return supported[0], nil
}
