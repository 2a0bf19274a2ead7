// Package build turns the IANA Private Enterprise Numbers registry, as
// Debian's libwireshark-data package ships it (/usr/share/wireshark/
// enterprises.tsv), into the compact table that package pen embeds. It is
// shared by the generator (internal/gen) and by pen's up-to-date test.
//
// Input lines are "<number><spaces or tabs><name>", optionally followed by a
// tab and a "# comment" (e.g. "# formerly 'Old Name'"); lines starting with
// '#' and blank lines are skipped. A '#' inside a name ("School District #57")
// is part of the name.
//
// Format (before gzip), all integers unsigned LEB128 varints:
//
//	magic "NCPEN\x01"
//	count
//	count × gap: number - (previous number + 1), the first relative to 0
//	count × (name, '\n')
//
// Names hold no control characters (white space is collapsed to spaces).
package build

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Magic starts the uncompressed table.
const Magic = "NCPEN\x01"

// Entry is one assigned enterprise number.
type Entry struct {
	Number uint32
	Name   string
}

// CleanName decodes the numeric character references IANA writes for
// non-ASCII letters ("f&#252;r" becomes "für"), trims the name and collapses
// runs of white space; it keeps the name otherwise as registered.
func CleanName(s string) string {
	if strings.Contains(s, "&#") {
		s = decodeCharRefs(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// decodeCharRefs replaces "&#NNN;" and "&#xHH;" with the character they
// name. Malformed references, and those naming NUL, surrogates or values
// beyond Unicode, are left as they are. Named entities are not touched: the
// registry has none, and "&T" in "AT&T" must stay.
func decodeCharRefs(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "&#")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		rest := s[i+2:]
		end := strings.IndexByte(rest, ';')
		if end <= 0 {
			b.WriteString("&#")
			s = rest
			continue
		}
		digits, base := rest[:end], 10
		if digits[0] == 'x' || digits[0] == 'X' {
			digits, base = digits[1:], 16
		}
		v, err := strconv.ParseUint(digits, base, 32)
		r := rune(v)
		if err != nil || digits == "" || v == 0 || !utf8.ValidRune(r) {
			b.WriteString("&#")
			s = rest
			continue
		}
		b.WriteRune(r)
		s = rest[end+1:]
	}
}

// ParseLine parses one line of enterprises.tsv. ok is false for blank and
// comment lines.
func ParseLine(line string) (e Entry, ok bool, err error) {
	line = strings.TrimRight(line, "\r\n")
	if strings.TrimSpace(line) == "" || line[0] == '#' {
		return Entry{}, false, nil
	}
	digits := len(line) - len(strings.TrimLeft(line, "0123456789"))
	if digits == 0 {
		return Entry{}, false, fmt.Errorf("line %q: does not start with a number", line)
	}
	n, err := strconv.ParseUint(line[:digits], 10, 32)
	if err != nil {
		return Entry{}, false, fmt.Errorf("line %q: enterprise number: %w", line, err)
	}
	rest := line[digits:]
	name := strings.TrimLeft(rest, " \t")
	if len(name) == len(rest) {
		return Entry{}, false, fmt.Errorf("line %q: no space after the number", line)
	}
	if i := strings.Index(name, "\t#"); i >= 0 {
		name = name[:i]
	}
	if !utf8.ValidString(name) {
		return Entry{}, false, fmt.Errorf("enterprise %d: name is not UTF-8", n)
	}
	name = CleanName(name)
	if name == "" {
		return Entry{}, false, fmt.Errorf("enterprise %d: empty name", n)
	}
	return Entry{Number: uint32(n), Name: name}, true, nil
}

// Parse reads a whole enterprises.tsv and returns its entries sorted by
// number. A number listed twice is an error.
func Parse(r io.Reader) ([]Entry, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	var out []Entry
	for line := 1; sc.Scan(); line++ {
		e, ok, err := ParseLine(sc.Text())
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		if ok {
			out = append(out, e)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read enterprises: %w", err)
	}
	slices.SortStableFunc(out, func(a, b Entry) int { return cmp.Compare(a.Number, b.Number) })
	for i := 1; i < len(out); i++ {
		if out[i].Number == out[i-1].Number {
			return nil, fmt.Errorf("enterprise %d listed twice (%q, %q)", out[i].Number, out[i-1].Name, out[i].Name)
		}
	}
	return out, nil
}

// ParseFile reads path (e.g. /usr/share/wireshark/enterprises.tsv).
func ParseFile(path string) ([]Entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open enterprise numbers: %w", err)
	}
	defer f.Close()
	es, err := Parse(f)
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	return es, nil
}

// Encode writes entries, sorted by number without duplicates and with
// non-empty names, in the uncompressed format.
func Encode(entries []Entry) ([]byte, error) {
	b := append([]byte(nil), Magic...)
	b = binary.AppendUvarint(b, uint64(len(entries)))
	next := uint64(0)
	for i, e := range entries {
		if uint64(e.Number) < next {
			return nil, fmt.Errorf("encode: enterprise %d after %d: not sorted or duplicate", e.Number, entries[i-1].Number)
		}
		if e.Name == "" {
			return nil, fmt.Errorf("encode: enterprise %d: empty name", e.Number)
		}
		b = binary.AppendUvarint(b, uint64(e.Number)-next)
		next = uint64(e.Number) + 1
	}
	for _, e := range entries {
		if strings.IndexByte(e.Name, '\n') >= 0 {
			return nil, fmt.Errorf("encode: enterprise %d: newline in name", e.Number)
		}
		b = append(b, e.Name...)
		b = append(b, '\n')
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

// Generate reads path and returns the uncompressed table.
func Generate(path string) ([]byte, error) {
	es, err := ParseFile(path)
	if err != nil {
		return nil, err
	}
	return Encode(es)
}
