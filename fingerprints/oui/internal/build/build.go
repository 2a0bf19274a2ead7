// Package build turns the IEEE MAC address registry, as Debian's ieee-data
// package ships it (oui.csv, mam.csv, oui36.csv, iab.csv), into the compact
// table that package oui embeds. It is shared by the generator
// (internal/gen) and by oui's up-to-date test, so both produce the same bytes.
//
// Format (before gzip), all integers unsigned LEB128 varints:
//
//	magic "NCOUI\x01"
//	nNames, nNames name lengths, then the names' bytes concatenated
//	nGroups, then per group (one per prefix length, longest first):
//	  bits, count, count × prefix delta, count × name reference
//
// Prefixes within a group are strictly increasing: the first delta is the
// prefix itself and every later delta is at least 1. Names are stored in the
// order entries first use them; a name reference is 0 for "the next name not
// referenced yet", or index+1 for a name referenced before.
package build

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"encoding/binary"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Magic starts the uncompressed table.
const Magic = "NCOUI\x01"

// MultiOwnerSep joins the names of an assignment the registry lists more than
// once with different owners (a few 1980s MA-L blocks, e.g. 08:00:30).
const MultiOwnerSep = " / "

// Source is one CSV file of the registry.
type Source struct {
	File     string // file name inside the ieee-data directory
	Registry string // value of the Registry column
	Bits     int    // prefix length of its assignments
}

// Sources lists the registry files, in the order they are read.
func Sources() []Source {
	return []Source{
		{File: "oui.csv", Registry: "MA-L", Bits: 24},
		{File: "mam.csv", Registry: "MA-M", Bits: 28},
		{File: "oui36.csv", Registry: "MA-S", Bits: 36},
		{File: "iab.csv", Registry: "IAB", Bits: 36},
	}
}

// Entry is one assignment: the Bits high bits of a 48-bit MAC equal Prefix.
type Entry struct {
	Prefix uint64
	Bits   int
	Org    string
}

// CleanName trims a registered organisation name and collapses runs of
// white space to one space; it keeps the name otherwise as registered.
func CleanName(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// ParseCSV reads one registry CSV whose rows must belong to src.Registry and
// carry src.Bits/4 hex digits. The header row is skipped.
func ParseCSV(r io.Reader, src Source) ([]Entry, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	var out []Entry
	for line := 1; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", src.File, err)
		}
		if line == 1 && len(rec) > 0 && rec[0] == "Registry" {
			continue
		}
		if len(rec) < 3 {
			return nil, fmt.Errorf("%s line %d: want at least 3 fields, got %d", src.File, line, len(rec))
		}
		if rec[0] != src.Registry {
			return nil, fmt.Errorf("%s line %d: registry %q, want %q", src.File, line, rec[0], src.Registry)
		}
		hex := rec[1]
		if len(hex)*4 != src.Bits {
			return nil, fmt.Errorf("%s line %d: assignment %q: want %d hex digits", src.File, line, hex, src.Bits/4)
		}
		v, err := strconv.ParseUint(hex, 16, 64)
		if err != nil {
			return nil, fmt.Errorf("%s line %d: assignment %q: %w", src.File, line, hex, err)
		}
		if !utf8.ValidString(rec[2]) {
			return nil, fmt.Errorf("%s line %d: organisation name is not UTF-8", src.File, line)
		}
		org := CleanName(rec[2])
		if org == "" {
			return nil, fmt.Errorf("%s line %d: assignment %s has no organisation name", src.File, line, hex)
		}
		out = append(out, Entry{Prefix: v, Bits: src.Bits, Org: org})
	}
}

// ParseDir reads every file of Sources() from dir (e.g. /usr/share/ieee-data)
// and returns the merged table, see Merge.
func ParseDir(dir string) ([]Entry, error) {
	var all []Entry
	for _, src := range Sources() {
		f, err := os.Open(filepath.Join(dir, src.File))
		if err != nil {
			return nil, fmt.Errorf("open registry file: %w", err)
		}
		es, err := ParseCSV(f, src)
		f.Close()
		if err != nil {
			return nil, err
		}
		all = append(all, es...)
	}
	return Merge(all), nil
}

// Merge sorts entries by (longest prefix first, prefix) and folds entries with
// the same prefix and length into one; distinct owner names of such an entry
// are sorted and joined with MultiOwnerSep, so the output does not depend on
// the order of the input.
func Merge(in []Entry) []Entry {
	es := slices.Clone(in)
	slices.SortFunc(es, func(a, b Entry) int {
		if c := cmp.Compare(b.Bits, a.Bits); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Prefix, b.Prefix); c != 0 {
			return c
		}
		return strings.Compare(a.Org, b.Org)
	})
	out := es[:0]
	for i := 0; i < len(es); {
		j := i + 1
		names := []string{es[i].Org}
		for j < len(es) && es[j].Bits == es[i].Bits && es[j].Prefix == es[i].Prefix {
			if es[j].Org != names[len(names)-1] {
				names = append(names, es[j].Org)
			}
			j++
		}
		e := es[i]
		e.Org = strings.Join(names, MultiOwnerSep)
		out = append(out, e)
		i = j
	}
	return slices.Clip(out)
}

// Encode writes entries (as returned by Merge) in the uncompressed format.
func Encode(entries []Entry) ([]byte, error) {
	type group struct {
		bits    int
		entries []Entry
	}
	var groups []group
	for _, e := range entries {
		if e.Bits < 1 || e.Bits > 48 {
			return nil, fmt.Errorf("encode %x/%d: prefix length out of range", e.Prefix, e.Bits)
		}
		if e.Prefix>>e.Bits != 0 {
			return nil, fmt.Errorf("encode %x/%d: prefix wider than its length", e.Prefix, e.Bits)
		}
		if e.Org == "" {
			return nil, fmt.Errorf("encode %x/%d: empty organisation name", e.Prefix, e.Bits)
		}
		if len(groups) == 0 || groups[len(groups)-1].bits != e.Bits {
			for _, g := range groups {
				if g.bits == e.Bits {
					return nil, fmt.Errorf("encode: entries of length %d not contiguous (call Merge)", e.Bits)
				}
			}
			groups = append(groups, group{bits: e.Bits})
		}
		g := &groups[len(groups)-1]
		if n := len(g.entries); n > 0 && g.entries[n-1].Prefix >= e.Prefix {
			return nil, fmt.Errorf("encode %x/%d: prefixes not strictly increasing (call Merge)", e.Prefix, e.Bits)
		}
		g.entries = append(g.entries, e)
	}

	// Name table in order of first use; that order compresses better than
	// sorted order and makes most name references "the next new name".
	index := map[string]int{}
	var names []string
	for _, g := range groups {
		for _, e := range g.entries {
			if _, ok := index[e.Org]; !ok {
				index[e.Org] = len(names)
				names = append(names, e.Org)
			}
		}
	}

	var b []byte
	b = append(b, Magic...)
	b = binary.AppendUvarint(b, uint64(len(names)))
	for _, n := range names {
		b = binary.AppendUvarint(b, uint64(len(n)))
	}
	for _, n := range names {
		b = append(b, n...)
	}
	b = binary.AppendUvarint(b, uint64(len(groups)))
	seen := 0 // names referenced so far
	for _, g := range groups {
		b = binary.AppendUvarint(b, uint64(g.bits))
		b = binary.AppendUvarint(b, uint64(len(g.entries)))
		var prev uint64
		for _, e := range g.entries {
			b = binary.AppendUvarint(b, e.Prefix-prev)
			prev = e.Prefix
		}
		for _, e := range g.entries {
			i := index[e.Org]
			if i == seen {
				b = binary.AppendUvarint(b, 0)
				seen++
			} else {
				b = binary.AppendUvarint(b, uint64(i)+1)
			}
		}
	}
	return b, nil
}

// Compress gzips raw deterministically (no name, no time stamp).
func Compress(raw []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	if _, err := zw.Write(raw); err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	return buf.Bytes(), nil
}

// Generate reads the registry from dir and returns the uncompressed table.
func Generate(dir string) ([]byte, error) {
	es, err := ParseDir(dir)
	if err != nil {
		return nil, err
	}
	return Encode(es)
}
