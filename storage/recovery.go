package storage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// A recovery file holds a session the database would not take when the
// program ended (a full disk, a database locked by another program): a
// history document beside the database, named after it, private to the
// user. The next start that writes to the database imports it, then
// removes it (docs/using-corecoach.md, "When a session cannot be saved").
const recoveryInfix = ".recovered-"

// RecoveryPath is where WriteRecovery puts session id of database dbPath.
func RecoveryPath(dbPath, id string) string {
	return dbPath + recoveryInfix + id + ".json"
}

// WriteRecovery writes sess beside the database dbPath as a history
// document of mode 0600, complete or not at all, and returns its path.
func WriteRecovery(dbPath string, sess Session, now time.Time) (string, error) {
	path := RecoveryPath(dbPath, sess.ID)
	var buf bytes.Buffer
	doc := History{Format: HistoryFormat, Version: HistoryVersion, ExportedAt: now.UTC().Truncate(time.Second), Sessions: []Session{cleanSession(normalize(sess))}}
	if err := encodeHistory(&buf, doc); err != nil {
		return "", fmt.Errorf("cannot write recovery file %s: %w", path, err)
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("cannot write recovery file %s: %w", path, unwrapPathErr(err))
	}
	if err := writeFileAtomic(path, buf.Bytes()); err != nil {
		return "", fmt.Errorf("cannot write recovery file %s: %w", path, unwrapPathErr(err))
	}
	return path, nil
}

// writeFileAtomic writes data to a new private file in path's folder, syncs
// it and renames it over path, so a crash leaves the whole file or none.
func writeFileAtomic(path string, data []byte) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*") // mode 0600
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// Recovered is one recovery file brought into the database.
type Recovered struct {
	File     string
	Sessions []Session
}

// ImportRecovered stores the sessions of every recovery file beside the
// database, each replacing the older state of the same session, and removes
// each file once its sessions are written. A file that cannot be read or
// stored is left in place for the next start, and named in the error.
func (s *Store) ImportRecovered() ([]Recovered, error) {
	files, err := recoveryFiles(s.path)
	if err != nil || len(files) == 0 {
		return nil, err
	}
	var done []Recovered
	var errs []error
	for _, file := range files {
		sessions, err := readRecovery(file)
		if err == nil {
			err = s.replaceSessions(sessions)
		}
		if err == nil {
			err = os.Remove(file)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("recovery file %s was not imported and is kept: %w", file, err))
			continue
		}
		done = append(done, Recovered{File: file, Sessions: sessions})
	}
	return done, errors.Join(errs...)
}

// recoveryFiles lists the recovery files of database dbPath, by name.
func recoveryFiles(dbPath string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Dir(dbPath))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cannot look for recovery files beside %s: %w", dbPath, unwrapPathErr(err))
	}
	prefix := filepath.Base(dbPath) + recoveryInfix
	var files []string
	for _, e := range entries {
		if n := e.Name(); e.Type().IsRegular() && strings.HasPrefix(n, prefix) && strings.HasSuffix(n, ".json") {
			files = append(files, filepath.Join(filepath.Dir(dbPath), n))
		}
	}
	slices.Sort(files)
	return files, nil
}

func readRecovery(file string) ([]Session, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, unwrapPathErr(err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxHistorySize+1))
	if err != nil {
		return nil, unwrapPathErr(err)
	}
	if len(data) > MaxHistorySize {
		return nil, fmt.Errorf("larger than %d MiB", MaxHistorySize>>20)
	}
	doc, err := ParseHistory(data)
	if err != nil {
		return nil, err
	}
	return doc.Sessions, nil
}

// replaceSessions stores sessions in one transaction, each replacing the
// stored session with its id: a recovery file holds the newest state the
// program had of a session whose earlier checkpoints may be stored.
func (s *Store) replaceSessions(sessions []Session) error {
	vals := make([][]byte, len(sessions))
	for i, sess := range sessions {
		if err := checkSession(sess); err != nil {
			return fmt.Errorf("session %s: %w", showID(sess.ID), err)
		}
		sessions[i] = normalize(sess)
		v, err := json.Marshal(sessions[i])
		if err != nil {
			return fmt.Errorf("session %s: %w", showID(sess.ID), err)
		}
		vals[i] = v
	}
	return s.update(func(tx *bolt.Tx) error {
		days := map[string]bool{}
		for i, sess := range sessions {
			if old, ok, err := removeSession(tx, sess.ID); err != nil {
				return err
			} else if ok {
				days[SessionDay(old)] = true
			}
			if err := putSession(tx, sess, vals[i]); err != nil {
				return err
			}
			days[SessionDay(sess)] = true
		}
		return s.recomputeDays(tx, days, nil)
	})
}
