package storage

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"os"
)

// bbolt v1.5.0's file layout (internal/common/page.go and meta.go): each of
// the first two pages holds a 16-byte page header (id, flags, count,
// overflow) and then the meta, in the machine's byte order.
const (
	pageHeaderSize = 16
	metaPageFlag   = 0x04
	boltMagic      = 0xED0CDAED
	boltVersion    = 2
	// Offsets inside the meta: magic, version, page size, flags, root
	// bucket (root page, sequence), freelist, page count, txid, checksum.
	metaPageSizeAt = 8
	metaRootAt     = 16
	metaFreelistAt = 32
	metaPgidAt     = 40
	metaTxidAt     = 48
	metaChecksumAt = 56
	metaSize       = 64
	noFreelist     = ^uint64(0)
)

// meta is one meta page as read from the file.
type meta struct {
	buf []byte // the page header and the meta, or less when the file ends first
}

func (m meta) field64(at int) uint64 {
	return binary.NativeEndian.Uint64(m.buf[pageHeaderSize+at:])
}

func (m meta) pageSize() int64 {
	return int64(binary.NativeEndian.Uint32(m.buf[pageHeaderSize+metaPageSizeAt:]))
}

// bboltAccepts is bbolt's own test of a meta page (Meta.Validate): the
// marker, the version and the checksum. Of two pages it accepts, bbolt
// uses the one with the higher transaction id.
func (m meta) bboltAccepts() bool {
	switch m.problem(anyPage) {
	case "it is cut short", "no bbolt marker", "unknown bbolt version", "checksum mismatch":
		return false
	}
	return true
}

// problem says what is wrong with the meta page of page id want, or "" when
// it is sound. The first three are what bbolt checks itself; the others
// catch a page bbolt would accept and then read out of bounds.
func (m meta) problem(want uint64) string {
	if len(m.buf) < pageHeaderSize+metaSize {
		return "it is cut short"
	}
	ne := binary.NativeEndian
	b := m.buf[pageHeaderSize : pageHeaderSize+metaSize]
	h := fnv.New64a()
	_, _ = h.Write(b[:metaChecksumAt])
	pageSize := m.pageSize()
	pgid, freelist := m.field64(metaPgidAt), m.field64(metaFreelistAt)
	switch {
	case ne.Uint32(b) != boltMagic:
		return "no bbolt marker"
	case ne.Uint32(b[4:]) != boltVersion:
		return "unknown bbolt version"
	case ne.Uint64(b[metaChecksumAt:]) != h.Sum64():
		return "checksum mismatch"
	case want != anyPage && (ne.Uint64(m.buf) != want || ne.Uint16(m.buf[8:]) != metaPageFlag):
		return "wrong page header"
	case pageSize < 1024 || pageSize > 1<<30 || pageSize&(pageSize-1) != 0:
		return "invalid page size"
	case pgid < 2 || m.field64(metaRootAt) >= pgid, freelist != noFreelist && freelist >= pgid:
		return "root or free list beyond the page count"
	}
	return ""
}

// looksMeta reports whether the page at least begins as bbolt's first meta
// page does, by its marker or its page header: the file is then a damaged
// database rather than some other file.
func (m meta) looksMeta() bool {
	ne := binary.NativeEndian
	return len(m.buf) >= pageHeaderSize+4 &&
		(ne.Uint32(m.buf[pageHeaderSize:]) == boltMagic || ne.Uint64(m.buf) == 0 && ne.Uint16(m.buf[8:]) == metaPageFlag)
}

// bboltPages reports whether the pages after the two meta pages begin as
// bbolt's pages do, with their own id and a known kind (branch, leaf, free
// list), at the usual page size: a file whose meta pages are both lost
// is still a damaged database, not some other file.
func bboltPages(read func(off int64) meta) bool {
	const ps = 4096
	for id := uint64(2); id < 5; id++ {
		m := read(int64(id) * ps)
		if len(m.buf) < pageHeaderSize {
			return false
		}
		flags := binary.NativeEndian.Uint16(m.buf[8:])
		if binary.NativeEndian.Uint64(m.buf) != id || (flags != 0x01 && flags != 0x02 && flags != 0x10) {
			return false
		}
	}
	return true
}

// anyPage asks problem not to check the page id in the header.
const anyPage = ^uint64(0)

// tornMeta is a meta page found invalid beside a sound one: what a write
// cut off by a power cut leaves. bbolt then opens the file as it was
// before that write, from the other page.
type tornMeta struct {
	page     int
	why      string
	pageSize int64
}

// inspect reads both meta pages of the open file f and checks them against
// its length before bbolt maps it: bbolt reads pages past the end of a
// file cut short as memory that is not there, and the process dies
// (SIGBUS). It costs two small reads. A file whose first page bears no
// bbolt marker, and with no second meta page to be found, is not a
// database at all.
func inspect(path string, f *os.File) (*tornMeta, error) {
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("cannot read database %s: %w", path, unwrapPathErr(err))
	}
	size := fi.Size()
	read := func(off int64) meta {
		buf := make([]byte, pageHeaderSize+metaSize)
		n, _ := f.ReadAt(buf, off)
		return meta{buf: buf[:n]}
	}
	first := read(0)
	pageSize := int64(0)
	if p := first.problem(0); p == "" || p == "root or free list beyond the page count" {
		pageSize = first.pageSize()
	} else {
		// Find the second meta page as bbolt does: at each possible page size.
		for ps := int64(1024); ps <= 16<<20 && ps < size; ps <<= 1 {
			if read(ps).problem(1) == "" {
				pageSize = ps
				break
			}
		}
	}
	if pageSize == 0 {
		if !first.looksMeta() && !bboltPages(read) {
			return nil, fileErrorf(ErrNotCorecoach, "%s is not a corecoach database; it was left untouched: choose another file with --db", path)
		}
		return nil, damaged(path, fmt.Sprintf("both meta pages are invalid (meta page 0: %s)", first.problem(0)))
	}
	metas := [2]meta{first, read(pageSize)}
	var problems [2]string
	for id, m := range metas {
		problems[id] = m.problem(uint64(id))
		// Every page the file's state names must lie inside the file.
		if problems[id] == "" {
			if need := int64(m.field64(metaPgidAt)) * pageSize; need > size {
				return nil, damaged(path, fmt.Sprintf("the file is cut short: it ends at %d bytes, and its pages need %d", size, need))
			}
		}
	}
	switch {
	case problems[0] != "" && problems[1] != "":
		return nil, damaged(path, fmt.Sprintf("both meta pages are invalid (meta page 0: %s; meta page 1: %s)", problems[0], problems[1]))
	case problems[0] == "" && problems[1] == "":
		return nil, nil
	}
	bad := 0
	if problems[1] != "" {
		bad = 1
	}
	// bbolt would still choose a page that passes its own test when its
	// transaction is the newer one, and read it out of bounds: that is
	// damage, not a torn write.
	good := 1 - bad
	if metas[bad].bboltAccepts() && metas[bad].field64(metaTxidAt) > metas[good].field64(metaTxidAt) {
		return nil, damaged(path, fmt.Sprintf("meta page %d: %s", bad, problems[bad]))
	}
	return &tornMeta{page: bad, why: problems[bad], pageSize: pageSize}, nil
}
