package storage

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// historyDoc is a history document of n daily sessions of five exercises,
// in New York.
func historyDoc(b testing.TB, n int) []byte {
	ny := zone(b, "America/New_York")
	doc := History{Format: HistoryFormat, Version: HistoryVersion, ExportedAt: time.Now()}
	start := time.Date(2000, 1, 1, 7, 30, 0, 0, ny)
	for i := range n {
		s := session(NewSessionID(start.AddDate(0, 0, i)), start.AddDate(0, 0, i), StatusCompleted)
		s.PainBefore, s.PainAfter, s.Note = intp(i%6), intp(i%5), "felt fine"
		for j := range 4 {
			s.Exercises = append(s.Exercises, ExerciseResult{ID: fmt.Sprintf("ex-%d", j), Name: "Exercise", SetsPlanned: 3, SetsDone: 3, Seconds: 60})
		}
		doc.Sessions = append(doc.Sessions, s)
	}
	var buf bytes.Buffer
	if err := encodeHistory(&buf, doc); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

func storeWith(b *testing.B, n int) *Store {
	s := newStore(b)
	if _, _, err := s.Import(bytes.NewReader(historyDoc(b, n))); err != nil {
		b.Fatal(err)
	}
	return s
}

func BenchmarkImport10k(b *testing.B) {
	doc := historyDoc(b, 10_000)
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		b.StopTimer()
		s := newStore(b)
		b.StartTimer()
		if added, _, err := s.Import(bytes.NewReader(doc)); err != nil || added != 10_000 {
			b.Fatal(added, err)
		}
	}
}

func BenchmarkSessions10k(b *testing.B) {
	s := storeWith(b, 10_000)
	for b.Loop() {
		if ss, err := s.Sessions(); err != nil || len(ss) != 10_000 {
			b.Fatal(len(ss), err)
		}
	}
}

func BenchmarkDays10k(b *testing.B) {
	s := storeWith(b, 10_000)
	for b.Loop() {
		if d, err := s.Days(); err != nil || len(d) != 10_000 {
			b.Fatal(len(d), err)
		}
	}
}

// BenchmarkSaveSession is one checkpoint of a running session in a
// database with 10,000 sessions.
func BenchmarkSaveSession(b *testing.B) {
	s := storeWith(b, 10_000)
	sess := session(NewSessionID(time.Now()), time.Now(), StatusPartial)
	for b.Loop() {
		sess.Exercises[0].SetsDone++
		if err := s.SaveSession(sess); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExport10k(b *testing.B) {
	s := storeWith(b, 10_000)
	for b.Loop() {
		var buf bytes.Buffer
		if err := s.Export(&buf, time.Now()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheck10k is the whole check Import runs before writing.
func BenchmarkCheck10k(b *testing.B) {
	s := storeWith(b, 10_000)
	for b.Loop() {
		if err := s.Check(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerify10k is what the terminal interface runs before it starts.
func BenchmarkVerify10k(b *testing.B) {
	s := storeWith(b, 10_000)
	for b.Loop() {
		if err := s.Verify(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPageCheck10k is bbolt's page check alone.
func BenchmarkPageCheck10k(b *testing.B) {
	s := storeWith(b, 10_000)
	for b.Loop() {
		var problems []string
		err := s.view(func(tx *bolt.Tx) error {
			problems = pageProblems(tx)
			return nil
		})
		if err != nil || problems != nil {
			b.Fatal(err, problems)
		}
	}
}

// BenchmarkOpen10k is what every command and the terminal interface pay
// before anything else: the meta pages and the schema version.
func BenchmarkOpen10k(b *testing.B) {
	s := storeWith(b, 10_000)
	for b.Loop() {
		if _, err := Open(s.Path()); err != nil {
			b.Fatal(err)
		}
	}
}
