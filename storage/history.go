package storage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	bolt "go.etcd.io/bbolt"
)

// The history document of contract section 3.
const (
	HistoryFormat  = "corecoach-history"
	HistoryVersion = 1
	// MaxHistorySize bounds what Import reads: about 100,000 sessions.
	MaxHistorySize = 64 << 20
)

// History is a history document.
type History struct {
	Format     string    `json:"format"`
	Version    int       `json:"version"`
	ExportedAt time.Time `json:"exported_at"`
	Sessions   []Session `json:"sessions"`
}

// Export writes every session, oldest first, as a history document.
func (s *Store) Export(w io.Writer, now time.Time) error {
	sessions, err := s.Sessions()
	if err != nil {
		return err
	}
	if sessions == nil {
		sessions = []Session{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(History{
		Format:     HistoryFormat,
		Version:    HistoryVersion,
		ExportedAt: now.UTC().Truncate(time.Second),
		Sessions:   sessions,
	})
}

// Import merges a history document: it is validated whole first, then
// written in one transaction, so a bad document writes nothing. A session
// whose id is stored already is left as it is (skipped), which makes
// importing the same document twice add nothing.
func (s *Store) Import(r io.Reader) (added, skipped int, err error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxHistorySize+1))
	if err != nil {
		return 0, 0, err
	}
	if len(data) > MaxHistorySize {
		return 0, 0, fmt.Errorf("history document is larger than %d MiB", MaxHistorySize>>20)
	}
	doc, err := ParseHistory(data)
	if err != nil {
		return 0, 0, err
	}
	err = s.update(func(tx *bolt.Tx) error {
		added, skipped = 0, 0
		ids := tx.Bucket(bucketSessionIDs)
		days := map[string]bool{}
		for _, sess := range doc.Sessions {
			if ids.Get([]byte(sess.ID)) != nil {
				skipped++ // stored already, or twice in the document
				continue
			}
			sess = normalize(sess)
			val, err := json.Marshal(sess)
			if err != nil {
				return err
			}
			if err := putSession(tx, sess, val); err != nil {
				return err
			}
			days[SessionDay(sess)] = true
			added++
		}
		return s.recomputeDays(tx, days)
	})
	if err != nil {
		return 0, 0, err
	}
	return added, skipped, nil
}

// ParseHistory decodes and validates a history document. Unknown fields are
// ignored: a newer corecoach may add optional fields to version 1 documents,
// and those must still import here.
func ParseHistory(data []byte) (*History, error) {
	var head struct {
		Format   string          `json:"format"`
		Version  *int            `json:"version"`
		Sessions json.RawMessage `json:"sessions"`
	}
	if err := decodeOne(data, &head); err != nil {
		return nil, err
	}
	switch {
	case head.Format != HistoryFormat:
		return nil, fmt.Errorf("not a corecoach history document (format %q, want %q)", head.Format, HistoryFormat)
	case head.Version == nil:
		return nil, errors.New("history document has no version")
	case *head.Version > HistoryVersion:
		return nil, fmt.Errorf("history document is of version %d, written by a newer corecoach; this one reads version %d: update corecoach", *head.Version, HistoryVersion)
	case *head.Version < 1:
		return nil, fmt.Errorf("history document has an invalid version %d", *head.Version)
	}
	doc := &History{Format: head.Format, Version: *head.Version}
	var raws []json.RawMessage
	if err := json.Unmarshal(head.Sessions, &raws); err != nil && len(head.Sessions) > 0 {
		return nil, errors.New("history document: sessions must be a list")
	}
	doc.Sessions = make([]Session, len(raws))
	for i, raw := range raws {
		err := json.Unmarshal(raw, &doc.Sessions[i])
		if err == nil {
			err = checkSession(doc.Sessions[i])
		}
		if err != nil {
			return nil, fmt.Errorf("history document: session %d: %w", i+1, jsonErr(err))
		}
	}
	return doc, nil
}

// decodeOne decodes exactly one JSON value from data.
func decodeOne(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			return errors.New("history document is empty")
		}
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return fmt.Errorf("history document is not valid JSON: %s: %v", position(data, int(se.Offset)-1), err)
		}
		return fmt.Errorf("history document: %w", jsonErr(err))
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return fmt.Errorf("history document has more after its end, at %s", position(data, int(dec.InputOffset())))
	}
	return nil
}

// jsonErr names the field of a type error plainly.
func jsonErr(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		return fmt.Errorf("field %s must be %s, not %s", te.Field, te.Type, te.Value)
	}
	return err
}

// position is "line L, column C" of a byte offset.
func position(data []byte, off int) string {
	off = min(max(off, 0), len(data))
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := off - bytes.LastIndexByte(data[:off], '\n')
	return fmt.Sprintf("line %d, column %d", line, col)
}
