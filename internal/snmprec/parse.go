package snmprec

import (
	"bufio"
	"bytes"
	"compress/bzip2"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/netcensus/netcensus/internal/readlimit"
)

// LineError is a line that could not be parsed; it was skipped.
type LineError struct {
	Line int
	Text string // the line, cut to a readable length
	Err  error
}

func (e *LineError) Error() string {
	return fmt.Sprintf("snmprec line %d: %v: %q", e.Line, e.Err, e.Text)
}

func (e *LineError) Unwrap() error { return e.Err }

// Errors a LineError wraps.
var (
	ErrSyntax   = errors.New("not OID|TAG|VALUE")
	ErrOID      = errors.New("bad OID")
	ErrTag      = errors.New("bad tag")
	ErrValue    = errors.New("bad value")
	ErrLongLine = errors.New("line too long")
)

// MaxLineLen is the longest line Parse accepts; longer lines are reported
// as dirty and skipped.
const MaxLineLen = 4 << 20

const maxErrText = 200

// Limits bound what one walk may take: it is held in memory whole, and a
// small compressed file can expand to gigabytes (a 115 KB .bz2 of 1 GiB
// once took 15.7 GB).
type Limits struct {
	// MaxBytes bounds the walk's (decompressed) size.
	MaxBytes int64
	// MaxRows bounds its records.
	MaxRows int
	// MaxLineErrors bounds the unreadable lines skipped.
	MaxLineErrors int
}

// DefaultLimits: 128 MiB, 2,000,000 records and 100,000 unreadable lines.
// The largest public walks (routers and controllers with thousands of
// interfaces) are 80 MB and 1.47 million records, and take about 520 MB
// parsed; these bounds leave room above them and keep a walk under about
// 1 GB.
func DefaultLimits() Limits {
	return Limits{MaxBytes: 128 << 20, MaxRows: 2_000_000, MaxLineErrors: 100_000}
}

// ErrTooLarge: a walk passed one of its Limits (the error says which).
var ErrTooLarge = readlimit.ErrTooLarge

// Parse reads an snmprec file within DefaultLimits. Lines that cannot be
// parsed are returned as LineErrors and skipped; the error is for failures
// to read r and for a walk past its limits.
func Parse(r io.Reader) (*Walk, []*LineError, error) {
	return ParseLimited(r, DefaultLimits())
}

// ParseLimited is Parse within lim (a zero field: that default).
func ParseLimited(r io.Reader, lim Limits) (*Walk, []*LineError, error) {
	def := DefaultLimits()
	if lim.MaxBytes <= 0 {
		lim.MaxBytes = def.MaxBytes
	}
	if lim.MaxRows <= 0 {
		lim.MaxRows = def.MaxRows
	}
	if lim.MaxLineErrors <= 0 {
		lim.MaxLineErrors = def.MaxLineErrors
	}
	br := bufio.NewReaderSize(readlimit.New(r, lim.MaxBytes, "walk (decompressed)"), 64<<10)
	var (
		recs  []Record
		lerrs []*LineError
		slab  []byte
		long  []byte
	)
	for lineNo := 1; ; lineNo++ {
		line, tooLong, err := readLine(br, &long)
		if len(line) > 0 || tooLong || err == nil {
			if tooLong {
				lerrs = append(lerrs, &LineError{Line: lineNo, Text: clip(line), Err: ErrLongLine})
			} else if rec, skip, perr := parseLine(line, &slab); perr != nil {
				lerrs = append(lerrs, &LineError{Line: lineNo, Text: clip(line), Err: perr})
			} else if !skip {
				rec.Line = lineNo
				recs = append(recs, rec)
			}
			if len(recs) > lim.MaxRows {
				return nil, lerrs, fmt.Errorf("%w: more than %d records, the limit", ErrTooLarge, lim.MaxRows)
			}
			if len(lerrs) > lim.MaxLineErrors {
				return nil, lerrs[:lim.MaxLineErrors], fmt.Errorf("%w: more than %d unreadable lines, the limit: not an snmprec walk", ErrTooLarge, lim.MaxLineErrors)
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, lerrs, fmt.Errorf("read snmprec line %d: %w", lineNo, err)
		}
	}
	return NewWalk(recs), lerrs, nil
}

// ParseFile parses the snmprec file at path within DefaultLimits,
// decompressing it when the name ends in .bz2.
func ParseFile(path string) (*Walk, []*LineError, error) {
	return ParseFileLimited(path, DefaultLimits())
}

// ParseFileLimited is ParseFile within lim.
func ParseFileLimited(path string, lim Limits) (*Walk, []*LineError, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("open snmprec: %w", err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".bz2") {
		r = bzip2.NewReader(f)
	}
	w, lerrs, err := ParseLimited(r, lim)
	if err != nil {
		return nil, lerrs, fmt.Errorf("parse %s: %w", path, err)
	}
	return w, lerrs, nil
}

// readLine returns the next line without its line ending. A line longer
// than MaxLineLen is consumed and reported with tooLong (line then holds its
// start). err is io.EOF after the last line.
func readLine(br *bufio.Reader, long *[]byte) (line []byte, tooLong bool, err error) {
	line, err = br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		buf := append((*long)[:0], line...)
		for err == bufio.ErrBufferFull {
			line, err = br.ReadSlice('\n')
			if len(buf) <= MaxLineLen {
				buf = append(buf, line...)
			}
		}
		if len(buf) > MaxLineLen {
			tooLong = true
			buf = buf[:maxErrText]
		}
		*long = buf[:0]
		line = buf
	}
	line = bytes.TrimSuffix(line, []byte{'\n'})
	line = bytes.TrimSuffix(line, []byte{'\r'})
	return line, tooLong, err
}

func clip(b []byte) string {
	if len(b) > maxErrText {
		b = b[:maxErrText]
	}
	return string(b)
}

// parseLine parses one line. skip is set for blank and comment lines.
// Byte values are carved out of *slab to keep allocations few.
func parseLine(line []byte, slab *[]byte) (rec Record, skip bool, err error) {
	trimmed := bytes.TrimSpace(line)
	if len(trimmed) == 0 || trimmed[0] == '#' {
		return rec, true, nil
	}
	i := bytes.IndexByte(line, '|')
	if i < 0 {
		return rec, false, ErrSyntax
	}
	j := bytes.IndexByte(line[i+1:], '|')
	if j < 0 {
		return rec, false, ErrSyntax
	}
	oidField := bytes.TrimSpace(line[:i])
	tagField := bytes.TrimSpace(line[i+1 : i+1+j])
	valField := line[i+2+j:]

	oid, err := normalizeOID(oidField)
	if err != nil {
		return rec, false, err
	}
	rec.OID = oid

	tag, enc, variation, err := parseTag(tagField)
	if err != nil {
		return rec, false, err
	}
	rec.Variation = variation
	if variation != "" {
		valField, enc = variationBase(valField, enc)
	}
	v, err := parseValue(tag, enc, valField, variation != "", slab)
	if err != nil {
		return rec, false, err
	}
	rec.Value = v
	return rec, false, nil
}

// normalizeOID checks a dotted OID and returns it without a leading dot.
func normalizeOID(b []byte) (string, error) {
	b = bytes.TrimPrefix(b, []byte{'.'})
	if !validOID(b) {
		return "", fmt.Errorf("%w %q", ErrOID, clip(b))
	}
	return string(b), nil
}

// validOID: one or more decimal components separated by single dots, each
// fitting in 32 bits.
func validOID(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	var n uint64
	digits := 0
	for _, c := range b {
		switch {
		case c >= '0' && c <= '9':
			n = n*10 + uint64(c-'0')
			digits++
			if n > math.MaxUint32 {
				return false
			}
		case c == '.':
			if digits == 0 {
				return false
			}
			n, digits = 0, 0
		default:
			return false
		}
	}
	return digits > 0
}

// parseTag splits "4x:writecache" into its type, encoding suffix and
// variation module. snmpsim also writes the suffix after the module
// ("4:writecachex" never occurs, but "4:numeric" does), so only the base
// part may carry x or e.
func parseTag(b []byte) (Type, byte, string, error) {
	var variation string
	if k := bytes.IndexByte(b, ':'); k >= 0 {
		variation = string(bytes.TrimSpace(b[k+1:]))
		b = bytes.TrimSpace(b[:k])
		if variation == "" {
			return 0, 0, "", fmt.Errorf("%w: empty variation", ErrTag)
		}
	}
	var enc byte
	if n := len(b); n > 0 && (b[n-1] == 'x' || b[n-1] == 'e') {
		enc = b[n-1]
		b = b[:n-1]
	}
	if len(b) == 0 || len(b) > 3 {
		return 0, 0, "", fmt.Errorf("%w %q", ErrTag, clip(b))
	}
	n, err := strconv.ParseUint(string(b), 10, 8)
	if err != nil {
		return 0, 0, "", fmt.Errorf("%w %q", ErrTag, clip(b))
	}
	t := Type(n)
	if !t.Known() {
		return 0, 0, "", fmt.Errorf("%w: unknown type %d", ErrTag, n)
	}
	return t, enc, variation, nil
}

// variationBase picks the static value out of a variation module's
// parameters ("value=...", "hexvalue=...", "initial=..."), falling back to
// "min=" for numeric modules. It returns nil when none is given; the caller
// then uses the type's zero value.
func variationBase(params []byte, enc byte) ([]byte, byte) {
	var initial, minimum []byte
	var haveInitial, haveMin bool
	for _, kv := range bytes.Split(params, []byte{','}) {
		k, v, ok := bytes.Cut(kv, []byte{'='})
		if !ok {
			continue
		}
		switch string(bytes.TrimSpace(k)) {
		case "value":
			return v, enc
		case "hexvalue":
			return v, 'x'
		case "initial":
			initial, haveInitial = v, true
		case "min":
			minimum, haveMin = v, true
		}
	}
	if haveInitial {
		return initial, enc
	}
	if haveMin {
		return minimum, enc
	}
	return nil, 0
}

// parseValue turns the text of a value into a Value of type t.
func parseValue(t Type, enc byte, b []byte, zeroIfEmpty bool, slab *[]byte) (Value, error) {
	v := Value{Type: t}
	var raw []byte // decoded bytes for hex and escaped encodings
	switch enc {
	case 'x':
		h := bytes.TrimSpace(b)
		if len(h)%2 != 0 {
			return v, fmt.Errorf("%w: odd-length hex for %v", ErrValue, t)
		}
		raw = carve(slab, len(h)/2)
		if _, err := hex.Decode(raw, h); err != nil {
			return v, fmt.Errorf("%w: hex for %v: %v", ErrValue, t, err)
		}
	case 'e':
		var err error
		raw, err = unescape(b, slab)
		if err != nil {
			return v, fmt.Errorf("%w: escapes for %v: %v", ErrValue, t, err)
		}
	}
	switch t {
	case TypeOctetString, TypeOpaque:
		if enc != 0 {
			v.Bytes = raw
		} else {
			v.Bytes = carve(slab, len(b))
			copy(v.Bytes, b)
		}
	case TypeNull, TypeNoSuchObject, TypeNoSuchInstance, TypeEndOfMibView:
		// Any value text is ignored, as snmpsim does.
	case TypeIPAddress:
		if enc != 0 {
			if len(raw) != 4 {
				return v, fmt.Errorf("%w: IpAddress of %d bytes", ErrValue, len(raw))
			}
			v.Bytes = raw
			break
		}
		s := bytes.TrimSpace(b)
		if len(s) == 0 && zeroIfEmpty {
			v.Bytes = carve(slab, 4)
			break
		}
		ip, err := parseIPv4(s)
		if err != nil {
			// Old snmpsim recordings hold some addresses as their four
			// raw bytes ("eEij" for 101.69.105.106).
			if len(b) != 4 {
				return v, err
			}
			copy(ip[:], b)
		}
		v.Bytes = carve(slab, 4)
		copy(v.Bytes, ip[:])
	case TypeOID:
		s := b
		if enc != 0 {
			s = raw
		}
		s = bytes.TrimPrefix(bytes.TrimSpace(s), []byte{'.'})
		if len(s) == 0 && zeroIfEmpty {
			v.OID = "0.0"
			break
		}
		if !validOID(s) {
			return v, fmt.Errorf("%w: ObjectIdentifier %q", ErrValue, clip(s))
		}
		v.OID = string(s)
	case TypeInteger, TypeCounter32, TypeGauge32, TypeTimeTicks, TypeCounter64:
		if enc != 0 && enc != 'e' {
			if err := numberFromBytes(&v, raw); err != nil {
				return v, err
			}
			break
		}
		s := b
		if enc == 'e' {
			s = raw
		}
		s = bytes.TrimSpace(s)
		if len(s) == 0 && zeroIfEmpty {
			break
		}
		if err := numberFromText(&v, s); err != nil {
			return v, err
		}
	default:
		return v, fmt.Errorf("%w: unsupported type %v", ErrValue, t)
	}
	return v, nil
}

func numberFromText(v *Value, s []byte) error {
	str := string(s)
	switch v.Type {
	case TypeInteger:
		n, err := strconv.ParseInt(str, 10, 64)
		if err != nil || n < math.MinInt32 || n > math.MaxUint32 {
			// Some agents report unsigned 32-bit values as INTEGER; allow
			// the full 32-bit range of either sign, nothing wider.
			return fmt.Errorf("%w: Integer %q", ErrValue, clip(s))
		}
		v.Int = n
	case TypeCounter64:
		n, err := strconv.ParseUint(str, 10, 64)
		if err != nil {
			return fmt.Errorf("%w: Counter64 %q", ErrValue, clip(s))
		}
		v.Uint = n
	default:
		n, err := strconv.ParseUint(str, 10, 32)
		if err != nil {
			return fmt.Errorf("%w: %v %q", ErrValue, v.Type, clip(s))
		}
		v.Uint = n
	}
	return nil
}

// numberFromBytes reads a big-endian number: two's complement for Integer,
// unsigned otherwise.
func numberFromBytes(v *Value, raw []byte) error {
	limit := 4
	if v.Type == TypeCounter64 {
		limit = 8
	}
	// Allow one leading zero byte (BER-style sign padding).
	for len(raw) > limit && raw[0] == 0 {
		raw = raw[1:]
	}
	if len(raw) == 0 || len(raw) > limit {
		return fmt.Errorf("%w: %v of %d bytes", ErrValue, v.Type, len(raw))
	}
	var u uint64
	for _, c := range raw {
		u = u<<8 | uint64(c)
	}
	if v.Type == TypeInteger {
		shift := 64 - 8*uint(len(raw))
		v.Int = int64(u<<shift) >> shift
		return nil
	}
	v.Uint = u
	return nil
}

func parseIPv4(s []byte) ([4]byte, error) {
	var ip [4]byte
	parts := bytes.Split(s, []byte{'.'})
	if len(parts) != 4 {
		return ip, fmt.Errorf("%w: IpAddress %q", ErrValue, clip(s))
	}
	for i, p := range parts {
		n, err := strconv.ParseUint(string(p), 10, 8)
		if err != nil || len(p) == 0 {
			return ip, fmt.Errorf("%w: IpAddress %q", ErrValue, clip(s))
		}
		ip[i] = byte(n)
	}
	return ip, nil
}

// unescape decodes Python-style escapes: \\ \' \" \a \b \f \n \r \t \v,
// \xHH and octal \ooo.
func unescape(b []byte, slab *[]byte) ([]byte, error) {
	out := carve(slab, len(b))[:0]
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c != '\\' {
			out = append(out, c)
			continue
		}
		i++
		if i >= len(b) {
			return nil, errors.New("trailing backslash")
		}
		switch c = b[i]; c {
		case '\\', '\'', '"':
			out = append(out, c)
		case 'a':
			out = append(out, 7)
		case 'b':
			out = append(out, 8)
		case 'f':
			out = append(out, 12)
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'v':
			out = append(out, 11)
		case 'x':
			if i+2 >= len(b) {
				return nil, errors.New("short \\x escape")
			}
			var h [1]byte
			if _, err := hex.Decode(h[:], b[i+1:i+3]); err != nil {
				return nil, fmt.Errorf("\\x escape: %w", err)
			}
			out = append(out, h[0])
			i += 2
		case '0', '1', '2', '3', '4', '5', '6', '7':
			n, k := 0, 0
			for k < 3 && i+k < len(b) && b[i+k] >= '0' && b[i+k] <= '7' {
				n = n*8 + int(b[i+k]-'0')
				k++
			}
			if n > 0xff {
				return nil, errors.New("octal escape out of range")
			}
			out = append(out, byte(n))
			i += k - 1
		default:
			// Python keeps unknown escapes verbatim.
			out = append(out, '\\', c)
		}
	}
	return out, nil
}

// carve returns n bytes with capacity n taken from a shared slab, so that
// a file's many small values share few allocations. Appending to the result
// never overwrites a neighbour.
func carve(slab *[]byte, n int) []byte {
	if n == 0 {
		return []byte{}
	}
	if n > 4096 {
		return make([]byte, n)
	}
	if cap(*slab)-len(*slab) < n {
		*slab = make([]byte, 0, 64<<10)
	}
	s := *slab
	start := len(s)
	s = s[:start+n]
	*slab = s
	return s[start : start+n : start+n]
}
