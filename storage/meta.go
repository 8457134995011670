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
	metaFreelistAt = 32
	metaPgidAt     = 40
	metaTxidAt     = 48
	metaChecksumAt = 56
	metaSize       = 64
	noFreelist     = ^uint64(0)
)

// metaProblem says what is wrong with the meta page at off (page id want),
// or "" when it is sound. bbolt itself would quietly fall back to the other
// meta page, an older state, and then write over the damage.
func metaProblem(buf []byte, want uint64, fileSize int64) string {
	ne := binary.NativeEndian
	if len(buf) < pageHeaderSize+metaSize {
		return "it is cut short"
	}
	m := buf[pageHeaderSize : pageHeaderSize+metaSize]
	h := fnv.New64a()
	_, _ = h.Write(m[:metaChecksumAt])
	pageSize := int64(ne.Uint32(m[metaPageSizeAt:]))
	pgid, freelist := ne.Uint64(m[metaPgidAt:]), ne.Uint64(m[metaFreelistAt:])
	switch {
	case ne.Uint32(m) != boltMagic:
		return "no bbolt marker"
	case ne.Uint32(m[4:]) != boltVersion:
		return "unknown bbolt version"
	case ne.Uint64(m[metaChecksumAt:]) != h.Sum64():
		return "checksum mismatch"
	case ne.Uint64(buf) != want || ne.Uint16(buf[8:]) != metaPageFlag:
		return "wrong page header"
	case pageSize < 1024 || pageSize&(pageSize-1) != 0:
		return "invalid page size"
	case pgid < 2 || int64(pgid) > fileSize/pageSize:
		return "page count beyond the end of the file"
	case ne.Uint64(m[16:]) >= pgid, freelist != noFreelist && freelist >= pgid:
		return "root or free list beyond the page count"
	}
	return ""
}

// checkMeta reads both meta pages of the file and refuses it when either is
// invalid. A file where neither page bears bbolt's marker is not a bbolt
// file at all; that is left to bbolt to report.
func checkMeta(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("cannot read database %s: %w", path, unwrapPathErr(err))
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("cannot read database %s: %w", path, unwrapPathErr(err))
	}
	read := func(off int64) []byte {
		buf := make([]byte, pageHeaderSize+metaSize)
		n, _ := f.ReadAt(buf, off)
		return buf[:n]
	}
	first := read(0)
	pageSize := int64(0)
	if metaProblem(first, 0, fi.Size()) == "" {
		pageSize = int64(binary.NativeEndian.Uint32(first[pageHeaderSize+metaPageSizeAt:]))
	} else {
		// Find the second meta page as bbolt does: at each possible page size.
		for size := int64(1024); size <= 16<<20 && size < fi.Size(); size <<= 1 {
			if metaProblem(read(size), 1, fi.Size()) == "" {
				pageSize = size
				break
			}
		}
		if pageSize == 0 {
			return nil
		}
	}
	for id := range int64(2) {
		if p := metaProblem(read(id*pageSize), uint64(id), fi.Size()); p != "" {
			return damaged(path, fmt.Sprintf("meta page %d: %s", id, p))
		}
	}
	return nil
}
