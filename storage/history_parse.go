package storage

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"sync"
)

// ParseHistory decodes and validates a history document. Unknown fields are
// ignored: a newer corecoach may add optional fields to version 1 documents,
// and those must still import here.
func ParseHistory(data []byte) (*History, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	syntax := func(err error) error {
		var se *json.SyntaxError
		switch {
		case errors.Is(err, io.EOF) && len(bytes.TrimSpace(data)) == 0:
			return errors.New("history document is empty")
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			return errors.New("history document is not valid JSON: it ends too early")
		case errors.As(err, &se):
			return fmt.Errorf("history document is not valid JSON: %s: %v", position(data, int(se.Offset)-1), err)
		}
		return fmt.Errorf("history document: %w", jsonErr(err))
	}
	if tok, err := dec.Token(); err != nil {
		return nil, syntax(err)
	} else if tok != json.Delim('{') {
		return nil, errors.New("history document is not a JSON object")
	}
	var doc History
	var version json.RawMessage
	var lists historyLists
	var sessionErr error // reported after format and version, which say more
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, syntax(err)
		}
		switch tok {
		case "format":
			var te *json.UnmarshalTypeError
			if err = dec.Decode(&doc.Format); errors.As(err, &te) {
				return nil, fmt.Errorf("history document: format must be text such as %q", HistoryFormat)
			}
		case "version":
			err = dec.Decode(&version)
		case "sessions":
			var bad error
			doc.Sessions, bad, err = decodeSessions(dec)
			sessionErr = cmp.Or(sessionErr, bad)
		case "checkins", "visits", "routines", "measures", "progress":
			var bad error
			bad, err = decodeList(dec, tok.(string), lists.list(tok.(string)))
			sessionErr = cmp.Or(sessionErr, bad)
		default:
			var skip json.RawMessage
			err = dec.Decode(&skip)
		}
		if err != nil {
			return nil, syntax(err)
		}
	}
	if _, err := dec.Token(); err != nil {
		return nil, syntax(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("history document has more after its end, at %s", position(data, int(dec.InputOffset())))
	}
	if doc.Format != HistoryFormat {
		return nil, fmt.Errorf("not a corecoach history document (format %q, want %q)", doc.Format, HistoryFormat)
	}
	v, err := strconv.Atoi(string(version))
	switch {
	case version == nil:
		return nil, errors.New("history document has no version")
	case err != nil:
		return nil, fmt.Errorf("history document: version must be a whole number such as %d, not %s", HistoryVersion, version)
	case v > HistoryVersion:
		return nil, fmt.Errorf("history document is of version %d, written by a newer corecoach; this one reads version %d: update corecoach", v, HistoryVersion)
	case v < 1:
		return nil, fmt.Errorf("history document has an invalid version %d", v)
	case sessionErr != nil:
		return nil, fmt.Errorf("history document: %w", sessionErr)
	}
	if err := decodeRecords(&doc, lists); err != nil {
		return nil, fmt.Errorf("history document: %w", err)
	}
	doc.Version = v
	return &doc, nil
}

// decodeSessions reads the sessions list, so that a problem names the
// session. A session's own problem (a wrong type, a missing field) comes
// back in bad; only broken JSON stops the reading. Sessions are decoded by
// workers in chunks while the list is still being read: decoding is most of
// the time an import takes.
func decodeSessions(dec *json.Decoder) (sessions []Session, bad, err error) {
	tok, err := dec.Token()
	if err != nil || tok == nil {
		return nil, nil, err
	}
	if tok != json.Delim('[') {
		return nil, errors.New("sessions must be a list"), skipValue(dec, tok)
	}
	work := make(chan *sessionChunk)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for c := range work {
				c.decode()
			}
		})
	}
	var chunks []*sessionChunk
	cur := &sessionChunk{}
	for dec.More() && err == nil {
		var raw json.RawMessage
		if err = dec.Decode(&raw); err == nil {
			cur.raws = append(cur.raws, raw)
		}
		if len(cur.raws) == 256 || (!dec.More() && len(cur.raws) > 0) {
			chunks = append(chunks, cur)
			work <- cur
			cur = &sessionChunk{}
		}
	}
	close(work)
	wg.Wait()
	if err != nil {
		return nil, nil, err
	}
	if _, err = dec.Token(); err != nil {
		return nil, nil, err
	}
	for _, c := range chunks {
		for i, err := range c.errs {
			if err != nil && bad == nil {
				bad = fmt.Errorf("%s: %w", sessionLabel(len(sessions)+i+1, c.out[i].ID), err)
			}
		}
		sessions = append(sessions, c.out...)
	}
	return sessions, bad, nil
}

type sessionChunk struct {
	raws []json.RawMessage
	out  []Session
	errs []error
}

func (c *sessionChunk) decode() {
	c.out = make([]Session, len(c.raws))
	c.errs = make([]error, len(c.raws))
	for i, raw := range c.raws {
		c.out[i], c.errs[i] = decodeImported(raw)
	}
}

// skipValue reads the rest of a value whose first token was tok.
func skipValue(dec *json.Decoder, tok json.Token) error {
	if d, ok := tok.(json.Delim); !ok || (d != '{' && d != '[') {
		return nil
	}
	for depth := 1; depth > 0; {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		if d, ok := t.(json.Delim); ok {
			if d == '{' || d == '[' {
				depth++
			} else {
				depth--
			}
		}
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
