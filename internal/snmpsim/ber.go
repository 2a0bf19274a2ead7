package snmpsim

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/netcensus/netcensus/internal/snmprec"
)

// BER tags used by SNMP.
const (
	tagInteger     = 0x02
	tagOctetString = 0x04
	tagNull        = 0x05
	tagOID         = 0x06
	tagSequence    = 0x30

	pduGet      = 0xa0
	pduGetNext  = 0xa1
	pduResponse = 0xa2
	pduSet      = 0xa3
	pduTrapV1   = 0xa4
	pduGetBulk  = 0xa5
	pduInform   = 0xa6
	pduTrapV2   = 0xa7
	pduReport   = 0xa8
)

// errBER is wrapped by every decoding failure.
var errBER = errors.New("malformed BER")

func berErr(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errBER, fmt.Sprintf(format, args...))
}

// readTLV splits one TLV off b. Only single-byte tags and definite lengths
// occur in SNMP; anything else is malformed.
func readTLV(b []byte) (tag byte, content, rest []byte, err error) {
	if len(b) < 2 {
		return 0, nil, nil, berErr("short TLV")
	}
	tag = b[0]
	if tag&0x1f == 0x1f {
		return 0, nil, nil, berErr("multi-byte tag")
	}
	l := int(b[1])
	hdr := 2
	if l&0x80 != 0 {
		n := l & 0x7f
		if n == 0 || n > 4 {
			return 0, nil, nil, berErr("length of %d octets", n)
		}
		if len(b) < 2+n {
			return 0, nil, nil, berErr("short length")
		}
		l = 0
		for _, c := range b[2 : 2+n] {
			l = l<<8 | int(c)
		}
		if l < 0 {
			return 0, nil, nil, berErr("negative length")
		}
		hdr += n
	}
	if l > len(b)-hdr {
		return 0, nil, nil, berErr("length %d beyond %d bytes", l, len(b)-hdr)
	}
	return tag, b[hdr : hdr+l], b[hdr+l:], nil
}

// expect reads a TLV that must carry tag want.
func expect(b []byte, want byte, what string) (content, rest []byte, err error) {
	tag, content, rest, err := readTLV(b)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", what, err)
	}
	if tag != want {
		return nil, nil, berErr("%s: tag 0x%02x, want 0x%02x", what, tag, want)
	}
	return content, rest, nil
}

// decodeInt decodes a two's complement INTEGER of up to 8 bytes.
func decodeInt(c []byte) (int64, error) {
	if len(c) == 0 || len(c) > 8 {
		return 0, berErr("integer of %d bytes", len(c))
	}
	v := int64(int8(c[0]))
	for _, x := range c[1:] {
		v = v<<8 | int64(x)
	}
	return v, nil
}

func readInt(b []byte, what string) (int64, []byte, error) {
	c, rest, err := expect(b, tagInteger, what)
	if err != nil {
		return 0, nil, err
	}
	v, err := decodeInt(c)
	if err != nil {
		return 0, nil, fmt.Errorf("%s: %w", what, err)
	}
	return v, rest, nil
}

// decodeOID renders BER OID content as a dotted string.
func decodeOID(c []byte) (string, error) {
	if len(c) == 0 {
		return "", berErr("empty OID")
	}
	if len(c) > 512 {
		return "", berErr("OID of %d bytes", len(c))
	}
	var sb strings.Builder
	sb.Grow(len(c) * 3)
	var v uint64
	first := true
	for i, x := range c {
		if v == 0 && x == 0x80 {
			return "", berErr("OID component with leading 0x80")
		}
		v = v<<7 | uint64(x&0x7f)
		if v > 0xffffffff+80 {
			return "", berErr("OID component too large")
		}
		if x&0x80 != 0 {
			if i == len(c)-1 {
				return "", berErr("truncated OID")
			}
			continue
		}
		if first {
			a, b := v/40, v%40
			if a > 2 {
				a, b = 2, v-80
			}
			sb.WriteString(strconv.FormatUint(a, 10))
			sb.WriteByte('.')
			sb.WriteString(strconv.FormatUint(b, 10))
			first = false
		} else {
			if v > 0xffffffff {
				return "", berErr("OID component too large")
			}
			sb.WriteByte('.')
			sb.WriteString(strconv.FormatUint(v, 10))
		}
		v = 0
	}
	return sb.String(), nil
}

// appendLength appends a BER definite length.
func appendLength(dst []byte, n int) []byte {
	switch {
	case n < 0x80:
		return append(dst, byte(n))
	case n <= 0xff:
		return append(dst, 0x81, byte(n))
	case n <= 0xffff:
		return append(dst, 0x82, byte(n>>8), byte(n))
	case n <= 0xffffff:
		return append(dst, 0x83, byte(n>>16), byte(n>>8), byte(n))
	}
	return append(dst, 0x84, byte(n>>24), byte(n>>16), byte(n>>8), byte(n))
}

func lengthLen(n int) int {
	switch {
	case n < 0x80:
		return 1
	case n <= 0xff:
		return 2
	case n <= 0xffff:
		return 3
	case n <= 0xffffff:
		return 4
	}
	return 5
}

func appendTLV(dst []byte, tag byte, content []byte) []byte {
	dst = append(dst, tag)
	dst = appendLength(dst, len(content))
	return append(dst, content...)
}

func appendInt(dst []byte, tag byte, v int64) []byte {
	n := 1
	for n < 8 {
		// Smallest n such that v fits in n bytes of two's complement.
		lim := int64(1) << (8*n - 1)
		if v >= -lim && v < lim {
			break
		}
		n++
	}
	dst = append(dst, tag, byte(n))
	for i := n - 1; i >= 0; i-- {
		dst = append(dst, byte(v>>(8*i)))
	}
	return dst
}

func appendUint(dst []byte, tag byte, v uint64) []byte {
	n := 1
	for n < 8 && v>>(8*n) != 0 {
		n++
	}
	pad := (v>>(8*n-1))&1 == 1
	l := n
	if pad {
		l++
	}
	dst = append(dst, tag, byte(l))
	if pad {
		dst = append(dst, 0)
	}
	for i := n - 1; i >= 0; i-- {
		dst = append(dst, byte(v>>(8*i)))
	}
	return dst
}

// appendOIDContent encodes a dotted OID as BER content. Malformed input
// is encoded as 0.0 rather than failing: data was validated when loaded.
func appendOIDContent(dst []byte, oid string) []byte {
	oid = strings.TrimPrefix(oid, ".")
	var comps [128]uint64
	parts := comps[:0]
	for oid != "" {
		var p string
		if i := strings.IndexByte(oid, '.'); i >= 0 {
			p, oid = oid[:i], oid[i+1:]
		} else {
			p, oid = oid, ""
		}
		n, err := strconv.ParseUint(p, 10, 32)
		if err != nil {
			return append(dst, 0)
		}
		parts = append(parts, n)
	}
	switch len(parts) {
	case 0:
		return append(dst, 0)
	case 1:
		parts = append(parts, 0)
	}
	dst = appendBase128(dst, parts[0]*40+parts[1])
	for _, p := range parts[2:] {
		dst = appendBase128(dst, p)
	}
	return dst
}

func appendBase128(dst []byte, v uint64) []byte {
	var tmp [10]byte
	i := len(tmp) - 1
	tmp[i] = byte(v & 0x7f)
	v >>= 7
	for v > 0 {
		i--
		tmp[i] = byte(v&0x7f) | 0x80
		v >>= 7
	}
	return append(dst, tmp[i:]...)
}

func appendOID(dst []byte, oid string) []byte {
	var buf [64]byte
	c := appendOIDContent(buf[:0], oid)
	return appendTLV(dst, tagOID, c)
}

// appendValue encodes an snmprec value with its BER tag.
func appendValue(dst []byte, v snmprec.Value) []byte {
	switch v.Type {
	case snmprec.TypeInteger:
		return appendInt(dst, tagInteger, v.Int)
	case snmprec.TypeCounter32, snmprec.TypeGauge32, snmprec.TypeTimeTicks, snmprec.TypeCounter64:
		return appendUint(dst, byte(v.Type), v.Uint)
	case snmprec.TypeOctetString, snmprec.TypeOpaque, snmprec.TypeIPAddress:
		return appendTLV(dst, byte(v.Type), v.Bytes)
	case snmprec.TypeOID:
		return appendOID(dst, v.OID)
	case snmprec.TypeNoSuchObject, snmprec.TypeNoSuchInstance, snmprec.TypeEndOfMibView:
		return append(dst, byte(v.Type), 0)
	}
	return append(dst, tagNull, 0)
}

// appendVarbind encodes SEQUENCE { oid, value }.
func appendVarbind(dst []byte, oid string, v snmprec.Value) []byte {
	var buf [512]byte
	inner := appendOID(buf[:0], oid)
	inner = appendValue(inner, v)
	return appendTLV(dst, tagSequence, inner)
}

// appendRawVarbind encodes SEQUENCE { oid, raw value TLV } (echoing a
// request's value).
func appendRawVarbind(dst []byte, oid string, rawValue []byte) []byte {
	var buf [512]byte
	inner := appendOID(buf[:0], oid)
	inner = append(inner, rawValue...)
	return appendTLV(dst, tagSequence, inner)
}
