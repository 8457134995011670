package routines

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"

	"corecoach/routines/text"
)

// Format 1 of routine files (docs/routine-format.md) and its bounds.
const (
	FormatVersion = 1
	MaxFileSize   = 256 << 10

	minHold, maxHold = time.Second, 10 * time.Minute // also tempo
	maxRest          = 10 * time.Minute              // also prepare and relax
	maxReps, maxSets = 100, 20
	maxTotal         = 3 * time.Hour
	maxIDLen         = 64

	DefaultPrepare   = 5 * time.Second
	DefaultRest      = 20 * time.Second
	DefaultTempo     = 3 * time.Second
	DefaultPainLimit = 5
	DefaultPainRise  = 2
)

var (
	topKeys       = []string{"corecoach", "id", "name", "author", "client", "therapist", "notes", "schedule", "at", "pain", "defaults", "exercises"}
	painKeys      = []string{"limit", "rise"}
	therapistKeys = []string{"name", "contact"}
	defaultsKeys  = []string{"prepare", "rest"}
	exerciseKeys  = []string{"use", "name", "sets", "reps", "hold", "relax", "tempo", "rest", "prepare", "sides", "notes", "cues"}
)

// LoadFile reads and parses a routine file. Every error is a ProblemList.
func LoadFile(path string) (*Routine, error) {
	data, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// ReadFile reads a routine file's bytes, refusing a file over MaxFileSize
// before reading it. Its errors are a ProblemList naming the file.
func ReadFile(path string) ([]byte, error) {
	fail := func(msg string) error { return ProblemList{{File: path, Msg: msg}} }
	f, err := os.Open(path)
	if err != nil {
		return nil, fail(openProblem(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fail(openProblem(err))
	}
	if st.IsDir() {
		return nil, fail("is a folder, not a routine file")
	}
	if st.Size() > MaxFileSize {
		return nil, fail(tooBig(st.Size()))
	}
	// The file may grow after Stat: read one byte more than allowed to see.
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fail(openProblem(err))
	}
	if len(data) > MaxFileSize {
		return nil, fail(tooBig(int64(len(data))))
	}
	return data, nil
}

func openProblem(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "cannot read the file: permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return "cannot read the file: " + pe.Err.Error()
	}
	return "cannot read the file: " + err.Error()
}

func tooBig(n int64) string {
	return fmt.Sprintf("the file is %d KiB; a routine file is at most %d KiB", (n+1023)/1024, MaxFileSize/1024)
}

// Parse reads a routine file of format 1. filename names the file in
// problems and gives the default id. On failure the error is a ProblemList
// with every problem found.
func Parse(filename string, data []byte) (*Routine, error) {
	return parse(&fileParser{file: filename}, data)
}

// parseStored reads a routine file added to the library before: text the
// text policy refuses is cleaned and cut to length instead, so that a
// routine added under an older, looser policy still runs. Every other
// problem is refused as Parse refuses it.
func parseStored(filename string, data []byte) (*Routine, error) {
	return parse(&fileParser{file: filename, stored: true}, data)
}

// parseStoredSchedule reads only the days an added file gives: its top
// level as parseStored reads it, but not its exercises, whose library
// lookups (decoding the whole built-in exercise library) are most of the
// cost of a parse. It serves today and the streaks, which need no more.
func parseStoredSchedule(filename string, data []byte) ([]time.Weekday, error) {
	r, err := parse(&fileParser{file: filename, stored: true, scheduleOnly: true}, data)
	if err != nil {
		return nil, err
	}
	return r.Schedule, nil
}

// maxProblems is how many problems of one file are listed; the rest are
// counted in one last line. A person fixes a file a few lines at a time.
const maxProblems = 100

func parse(p *fileParser, data []byte) (r *Routine, err error) {
	filename := p.file
	defer func() {
		// The YAML library is third-party code: never let it crash us.
		if v := recover(); v != nil {
			r, err = nil, ProblemList{{File: filename, Msg: fmt.Sprintf("cannot read this file as YAML (%v)", v)}}
		}
	}()
	r = p.parse(data)
	if len(p.problems) > 0 {
		// In the order of the file, as an editor lists them.
		slices.SortStableFunc(p.problems, func(a, b Problem) int {
			return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
		})
		if n := len(p.problems) - maxProblems; n > 0 {
			p.problems = append(p.problems[:maxProblems:maxProblems],
				Problem{File: filename, Msg: "and " + text.Count(n, "more problem")})
		}
		return nil, p.problems
	}
	return r, nil
}

type fileParser struct {
	file   string
	stored bool // parseStored: clean text instead of refusing it
	// scheduleOnly (parseStoredSchedule) stops before the exercises.
	scheduleOnly bool
	problems     ProblemList
}

func (p *fileParser) addAt(line, col int, format string, args ...any) {
	p.problems = append(p.problems, Problem{File: p.file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
}

// add reports a problem at n's position (none when n has no token).
func (p *fileParser) add(n ast.Node, format string, args ...any) {
	line, col := position(n)
	p.addAt(line, col, format, args...)
}

func position(n ast.Node) (line, col int) {
	// A mapping's own token is the ':' after its first key; people look
	// for the key.
	switch m := n.(type) {
	case nil:
		return 0, 0
	case *ast.MappingNode:
		if len(m.Values) > 0 {
			return position(m.Values[0].Key)
		}
	case *ast.MappingValueNode:
		return position(m.Key)
	}
	tk := n.GetToken()
	if tk == nil || tk.Position == nil {
		return 0, 0
	}
	return tk.Position.Line, tk.Position.Column
}

var bom = []byte("\xef\xbb\xbf")

func (p *fileParser) parse(data []byte) *Routine {
	if len(data) > MaxFileSize {
		p.addAt(0, 0, "%s", tooBig(int64(len(data))))
		return nil
	}
	hash := ContentHash(data)
	text := bytes.TrimPrefix(data, bom)
	if !utf8.Valid(text) {
		line := bytes.Count(text[:firstInvalid(text)], []byte("\n")) + 1
		p.addAt(line, 0, "the file is not UTF-8 text")
		p.problems[0].Col = 1
		return nil
	}
	// Windows and old Mac line endings become \n; lines keep their numbers.
	text = bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n"))
	text = bytes.ReplaceAll(text, []byte("\r"), []byte("\n"))
	if p.tabIndents(text) {
		return nil
	}
	tokens := lexer.Tokenize(string(text))
	if p.tooDeep(tokens) || p.tooManyKeys(tokens) {
		return nil
	}
	f, err := parser.Parse(tokens, 0, parser.AllowDuplicateMapKey())
	if err != nil {
		p.syntaxError(err)
		return nil
	}
	var docs []*ast.DocumentNode
	for _, d := range f.Docs {
		if d != nil && d.Body != nil {
			docs = append(docs, d)
		}
	}
	if len(docs) == 0 {
		p.addAt(0, 0, "the file is empty; a routine needs at least \"corecoach: 1\", a name and exercises")
		return nil
	}
	if len(docs) > 1 {
		p.add(docs[1].Body, "a routine file holds one YAML document; remove the second \"---\" and what follows")
	}
	r := p.routine(docs[0].Body)
	if r == nil {
		return nil
	}
	if r.ID == "" {
		r.ID = defaultID(p.file, r.Name)
	}
	r.Source, r.Hash = p.file, hash
	return r
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// maxNesting bounds how deeply collections nest. A routine file needs four
// levels at most (exercises, an exercise, its cues); the YAML parser takes
// time that grows with the square of the depth, so a file of 100,000 "["
// would take minutes.
const maxNesting = 8

// tooDeep refuses files that nest flow collections ([ and {) or put
// sequence entries (- - -) on one line too deeply, before parsing.
func (p *fileParser) tooDeep(tokens token.Tokens) bool {
	flow, line, entries := 0, 0, 0
	for _, tk := range tokens {
		switch tk.Type {
		case token.SequenceStartType, token.MappingStartType:
			flow++
		case token.SequenceEndType, token.MappingEndType:
			flow = max(flow-1, 0)
		case token.SequenceEntryType:
			if tk.Position.Line != line {
				line, entries = tk.Position.Line, 0
			}
			entries++
		}
		if flow+entries > maxNesting {
			p.addAt(tk.Position.Line, tk.Position.Column, "lists and mappings nest more than %d deep here; a routine file needs far fewer", maxNesting)
			return true
		}
	}
	return false
}

// maxKeys bounds the keys of one mapping. No mapping of a routine file
// has more than a few different keys, each given once, so more are only
// repeats and misspellings; and the YAML parser takes time that grows with
// the square of a block mapping's keys (28,000 took seconds).
const maxKeys = 100

// tooManyKeys refuses a file with a block mapping of more than maxKeys
// keys, before parsing. It counts the keys at each indentation, as the
// YAML parser groups them: a line that starts to the left of a mapping's
// keys ends that mapping.
func (p *fileParser) tooManyKeys(tokens token.Tokens) bool {
	type level struct{ col, keys int }
	var open []level // the mappings open at the current line, outermost first
	flow, line := 0, 0
	for i, tk := range tokens {
		if tk.Type == token.CommentType {
			continue
		}
		if tk.Position.Line != line {
			line = tk.Position.Line
			for len(open) > 0 && open[len(open)-1].col > tk.Position.Column {
				open = open[:len(open)-1]
			}
		}
		switch tk.Type {
		case token.DocumentHeaderType:
			open = open[:0]
		case token.SequenceStartType, token.MappingStartType:
			flow++
		case token.SequenceEndType, token.MappingEndType:
			flow = max(flow-1, 0)
		case token.MappingValueType:
			if flow > 0 || i == 0 {
				continue
			}
			key := tokens[i-1].Position
			for len(open) > 0 && open[len(open)-1].col > key.Column {
				open = open[:len(open)-1]
			}
			if len(open) == 0 || open[len(open)-1].col < key.Column {
				open = append(open, level{col: key.Column})
			}
			if open[len(open)-1].keys++; open[len(open)-1].keys > maxKeys {
				p.addAt(key.Line, key.Column, "more than %d keys in one mapping; each key is given once, so look for repeated or misspelt keys", maxKeys)
				return true
			}
		}
	}
	return false
}

// tabIndents reports every line indented with a tab, which YAML forbids,
// with a clearer message than the YAML parser gives.
func (p *fileParser) tabIndents(text []byte) bool {
	found := false
	for i, line := range bytes.Split(text, []byte("\n")) {
		indent := line[:len(line)-len(bytes.TrimLeft(line, " \t"))]
		rest := bytes.TrimSpace(line)
		if j := bytes.IndexByte(indent, '\t'); j >= 0 && len(rest) > 0 && rest[0] != '#' {
			p.addAt(i+1, j+1, "a tab in the indentation; YAML indents with spaces only")
			found = true
		}
	}
	return found
}

func (p *fileParser) syntaxError(err error) {
	var yerr yaml.Error
	if errors.As(err, &yerr) {
		msg := yerr.GetMessage()
		if tk := yerr.GetToken(); tk != nil && tk.Position != nil {
			p.addAt(tk.Position.Line, tk.Position.Column, "YAML syntax error: %s", msg)
			return
		}
		p.addAt(0, 0, "YAML syntax error: %s", msg)
		return
	}
	p.addAt(0, 0, "YAML syntax error: %v", err)
}

// entry is one key of a mapping with its nodes.
type entry struct {
	key   string
	kn    ast.Node // the key, for positions
	value ast.Node
}

// mapping returns the known keys of a YAML mapping, reporting unknown and
// duplicate keys. what names the mapping in messages.
func (p *fileParser) mapping(n ast.Node, what string, allowed []string) (map[string]entry, bool) {
	n, ok := p.plain(n)
	if !ok {
		return nil, false
	}
	var values []*ast.MappingValueNode
	switch m := n.(type) {
	case *ast.MappingNode:
		values = m.Values
	case *ast.MappingValueNode:
		values = []*ast.MappingValueNode{m}
	default:
		p.add(n, "%s must be a mapping of keys, not %s", what, describe(n))
		return nil, false
	}
	out := make(map[string]entry, len(values))
	for _, mv := range values {
		key, ok := scalarText(mv.Key)
		if !ok {
			p.add(mv.Key, "keys must be plain words such as %q", allowed[0])
			continue
		}
		if prev, dup := out[key]; dup {
			line, _ := position(prev.kn)
			p.add(mv.Key, "duplicate key %s; it is already given on line %d", quote(key), line)
			continue
		}
		if !contains(allowed, key) {
			msg := didYouMean("unknown key "+quote(key), key, allowed)
			if commaInFlow(n, mv) {
				msg += "; in {...} a comma ends a value: put text with a comma in quotes"
			}
			p.add(mv.Key, "%s", msg)
			continue
		}
		out[key] = entry{key: key, kn: mv.Key, value: mv.Value}
	}
	return out, true
}

// commaInFlow reports whether mv, a key with no value in a {...} mapping,
// is most likely the rest of a value cut at a comma ("{name: A. Therapist,
// PT}").
func commaInFlow(m ast.Node, mv *ast.MappingValueNode) bool {
	fm, ok := m.(*ast.MappingNode)
	if !ok || !fm.IsFlowStyle {
		return false
	}
	_, null := mv.Value.(*ast.NullNode)
	return mv.Value == nil || null
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// plain refuses YAML features a routine file has no use for: anchors and
// aliases (whose expansion can blow up: "billion laughs") and tags.
func (p *fileParser) plain(n ast.Node) (ast.Node, bool) {
	switch n.(type) {
	case *ast.AnchorNode, *ast.AliasNode:
		p.add(n, "anchors and aliases (&name, *name) are not supported in routine files; write the value out")
		return nil, false
	case *ast.TagNode:
		p.add(n, "tags (such as !!str) are not supported in routine files")
		return nil, false
	}
	return n, true
}

// scalarText is the text of a scalar node as written (for keys and text
// fields): quoted strings decoded, numbers and booleans as in the file.
func scalarText(n ast.Node) (string, bool) {
	switch v := n.(type) {
	case *ast.StringNode:
		return v.Value, true
	case *ast.LiteralNode:
		if v.Value == nil {
			return "", true
		}
		return v.Value.Value, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		return n.GetToken().Value, true
	case *ast.MappingKeyNode:
		return scalarText(v.Value)
	}
	return "", false
}

func describe(n ast.Node) string {
	switch n.(type) {
	case *ast.NullNode:
		return "nothing"
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.IntegerNode, *ast.FloatNode, *ast.InfinityNode, *ast.NanNode:
		return "the number " + n.GetToken().Value
	case *ast.BoolNode:
		return "the value " + n.GetToken().Value
	}
	if s, ok := scalarText(n); ok {
		return quote(s)
	}
	return "this value"
}

// quote is text from the file as a message quotes it: in Go quotes, its
// first 40 characters only.
func quote(s string) string { return strconv.Quote(text.Cut(s, 41)) }

// value returns e's value node, reporting a missing value at the key.
func (p *fileParser) value(e entry) (ast.Node, bool) {
	if _, null := e.value.(*ast.NullNode); null || e.value == nil {
		p.add(e.kn, "%q has no value", e.key)
		return nil, false
	}
	return p.plain(e.value)
}

// text reads a text field of kind k and at most maxLen characters, held
// to the text policy (sanitize.go).
func (p *fileParser) text(e entry, k TextKind, maxLen int) (string, bool) {
	n, ok := p.value(e)
	if !ok {
		return "", false
	}
	return p.textNode(n, e.key, k, maxLen)
}

func (p *fileParser) textNode(n ast.Node, what string, k TextKind, maxLen int) (string, bool) {
	s, ok := scalarText(n)
	if !ok {
		p.add(n, "%q must be text, not %s", what, describe(n))
		return "", false
	}
	if p.stored {
		s = text.Cut(Clean(s, k), maxLen)
	} else if line, col, r, bad := forbiddenAt(n, s, k); bad {
		p.addAt(line, col, "%q contains %s", what, Why(r, k))
		return "", false
	}
	s = strings.TrimSpace(s)
	if s == "" {
		p.add(n, "%q is empty", what)
		return "", false
	}
	if count := utf8.RuneCountInString(s); count > maxLen {
		p.add(n, "%q is %d characters long; it may be at most %d", what, count, maxLen)
		return "", false
	}
	return s, true
}

// forbiddenAt finds the first character of a text node that the text
// policy refuses, and where it is: at the character itself when the text
// is written plain, else at the start of the value.
func forbiddenAt(n ast.Node, s string, k TextKind) (line, col int, r rune, bad bool) {
	line, col = position(n)
	tk := n.GetToken()
	plain := tk != nil && tk.Position != nil && tk.Type == token.StringType
	if plain && k == OneLine {
		// The YAML library drops a tab inside a plain scalar ("Lower<TAB>back"
		// reads "Lowerback"): look for it in the text as written.
		for i, l := range strings.Split(strings.TrimSpace(tk.Origin), "\n") {
			inner := strings.Trim(l, " \t")
			if j := strings.IndexByte(inner, '\t'); j >= 0 {
				if i > 0 {
					col = len(l) - len(strings.TrimLeft(l, " \t")) + 1
				}
				return line + i, col + utf8.RuneCountInString(inner[:j]), '\t', true
			}
		}
	}
	r, at, bad := Forbidden(s, k)
	if bad && plain && !strings.Contains(s, "\n") && strings.TrimSpace(tk.Origin) == s {
		col += utf8.RuneCountInString(s[:at])
	}
	return line, col, r, bad
}

// integer reads a whole number in lo..hi.
func (p *fileParser) integer(e entry, lo, hi int) (int, bool) {
	n, ok := p.value(e)
	if !ok {
		return 0, false
	}
	in, isInt := n.(*ast.IntegerNode)
	if !isInt {
		p.add(n, "%q must be a whole number from %d to %d, not %s", e.key, lo, hi, describe(n))
		return 0, false
	}
	v := intValue(in)
	if v < int64(lo) || v > int64(hi) {
		p.add(n, "%q is %s; it must be from %d to %d", e.key, in.GetToken().Value, lo, hi)
		return 0, false
	}
	return int(v), true
}

// intValue is the node's value; numbers too big for int64 come out huge.
func intValue(in *ast.IntegerNode) int64 {
	switch x := in.Value.(type) {
	case int64:
		return x
	case uint64:
		return int64(min(x, 1<<62))
	}
	return 1 << 62
}

// duration reads a Duration in lo..hi; errors point at the value.
func (p *fileParser) duration(e entry, lo, hi time.Duration) (time.Duration, bool) {
	n, ok := p.value(e)
	if !ok {
		return 0, false
	}
	var s string
	switch v := n.(type) {
	case *ast.IntegerNode, *ast.StringNode:
		s, _ = scalarText(v)
	default:
		p.add(n, "%q must be a duration such as 30s, 2m or 1m30s, not %s", e.key, describe(n))
		return 0, false
	}
	d, err := ParseDuration(s)
	if err != nil {
		p.add(n, "%q: %v", e.key, err)
		return 0, false
	}
	if time.Duration(d) < lo || time.Duration(d) > hi {
		p.add(n, "%q is %s; it must be from %s to %s", e.key, text.Cut(strings.TrimSpace(s), 41), Duration(lo), Duration(hi))
		return 0, false
	}
	return time.Duration(d), true
}

// list reads a YAML sequence.
func (p *fileParser) list(e entry, example string) ([]ast.Node, bool) {
	n, ok := p.value(e)
	if !ok {
		return nil, false
	}
	seq, isSeq := n.(*ast.SequenceNode)
	if !isSeq {
		p.add(n, "%q must be a list such as %s, not %s", e.key, example, describe(n))
		return nil, false
	}
	return seq.Values, true
}
