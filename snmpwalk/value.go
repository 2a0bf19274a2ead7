// Package snmpwalk holds SNMP's values and walks: the BER type and value of a
// variable binding, OIDs compared as numbers, and a Walk (records in OID
// order, with Get, Next and Subtree). The snmprec file format, the SNMP
// scanner, its test fakes and the fingerprints all use these types.
package snmpwalk

import (
	"net/netip"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Type is the BER tag of an SNMP value.
type Type byte

// The SNMP value types an snmprec file can carry.
const (
	TypeInteger        Type = 0x02
	TypeOctetString    Type = 0x04
	TypeNull           Type = 0x05
	TypeOID            Type = 0x06
	TypeIPAddress      Type = 0x40
	TypeCounter32      Type = 0x41
	TypeGauge32        Type = 0x42
	TypeTimeTicks      Type = 0x43
	TypeOpaque         Type = 0x44
	TypeCounter64      Type = 0x46
	TypeNoSuchObject   Type = 0x80
	TypeNoSuchInstance Type = 0x81
	TypeEndOfMibView   Type = 0x82
)

// String names the type as the SMI does.
func (t Type) String() string {
	switch t {
	case TypeInteger:
		return "Integer"
	case TypeOctetString:
		return "OctetString"
	case TypeNull:
		return "Null"
	case TypeOID:
		return "ObjectIdentifier"
	case TypeIPAddress:
		return "IpAddress"
	case TypeCounter32:
		return "Counter32"
	case TypeGauge32:
		return "Gauge32"
	case TypeTimeTicks:
		return "TimeTicks"
	case TypeOpaque:
		return "Opaque"
	case TypeCounter64:
		return "Counter64"
	case TypeNoSuchObject:
		return "noSuchObject"
	case TypeNoSuchInstance:
		return "noSuchInstance"
	case TypeEndOfMibView:
		return "endOfMibView"
	}
	return "Type(" + strconv.Itoa(int(t)) + ")"
}

// Known reports whether t is one of the types this package handles.
func (t Type) Known() bool {
	switch t {
	case TypeInteger, TypeOctetString, TypeNull, TypeOID, TypeIPAddress,
		TypeCounter32, TypeGauge32, TypeTimeTicks, TypeOpaque, TypeCounter64,
		TypeNoSuchObject, TypeNoSuchInstance, TypeEndOfMibView:
		return true
	}
	return false
}

// IsException reports whether t is one of the SNMPv2 exception values.
func (t Type) IsException() bool {
	return t == TypeNoSuchObject || t == TypeNoSuchInstance || t == TypeEndOfMibView
}

// Value is one SNMP value. Which field is meaningful depends on Type:
//   - Integer: Int
//   - Counter32, Gauge32, TimeTicks, Counter64: Uint
//   - OctetString, Opaque, IpAddress (4 bytes): Bytes
//   - ObjectIdentifier: OID, dotted, without a leading dot
//   - Null and the exceptions: nothing
type Value struct {
	Type  Type
	Int   int64
	Uint  uint64
	Bytes []byte
	OID   string
}

// Equal reports whether v and o are the same value.
func (v Value) Equal(o Value) bool {
	return v.Type == o.Type && v.Int == o.Int && v.Uint == o.Uint &&
		string(v.Bytes) == string(o.Bytes) && v.OID == o.OID
}

// IsText reports whether v is an octet string holding printable UTF-8 text
// (tabs and line breaks allowed, trailing NUL padding ignored) rather than
// binary data such as a MAC address or a serial number in raw bytes. The
// empty string is text.
func (v Value) IsText() bool {
	if v.Type != TypeOctetString {
		return false
	}
	return isText(trimNUL(v.Bytes))
}

// Text returns the octet string as text, without trailing NUL padding, and
// whether it is text at all (see IsText).
func (v Value) Text() (string, bool) {
	if !v.IsText() {
		return "", false
	}
	return string(trimNUL(v.Bytes)), true
}

// IP returns an IpAddress value as a netip.Addr.
func (v Value) IP() (netip.Addr, bool) {
	if v.Type != TypeIPAddress {
		return netip.Addr{}, false
	}
	return netip.AddrFromSlice(v.Bytes)
}

// String renders the value for people: text for printable octet strings,
// colon-separated hex ("00:1a:2b") for binary ones and for Opaque, decimal
// numbers, dotted OIDs, a.b.c.d for IP addresses and the SMI name of the
// exceptions.
func (v Value) String() string {
	switch v.Type {
	case TypeInteger:
		return strconv.FormatInt(v.Int, 10)
	case TypeCounter32, TypeGauge32, TypeTimeTicks, TypeCounter64:
		return strconv.FormatUint(v.Uint, 10)
	case TypeOctetString:
		if s, ok := v.Text(); ok {
			return s
		}
		return hexColon(v.Bytes)
	case TypeOpaque:
		return hexColon(v.Bytes)
	case TypeOID:
		return v.OID
	case TypeIPAddress:
		if a, ok := v.IP(); ok {
			return a.String()
		}
		return hexColon(v.Bytes)
	case TypeNull:
		return ""
	case TypeNoSuchObject, TypeNoSuchInstance, TypeEndOfMibView:
		return v.Type.String()
	}
	return hexColon(v.Bytes)
}

func trimNUL(b []byte) []byte {
	for len(b) > 0 && b[len(b)-1] == 0 {
		b = b[:len(b)-1]
	}
	return b
}

// isText: valid UTF-8, every rune printable or common whitespace.
func isText(b []byte) bool {
	for len(b) > 0 {
		c := b[0]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f {
				return false
			}
			b = b[1:]
			continue
		}
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n <= 1 {
			return false
		}
		if !unicode.IsPrint(r) && !unicode.IsSpace(r) {
			return false
		}
		b = b[n:]
	}
	return true
}

// isPlainLine reports whether b can be written verbatim as an snmprec value:
// printable UTF-8 with no control characters at all.
// IsPlainLine reports whether b is printable text of one line, which a
// walk file can hold as it is (else it is written hex-encoded).
func IsPlainLine(b []byte) bool { return isPlainLine(b) }

func isPlainLine(b []byte) bool {
	for len(b) > 0 {
		c := b[0]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return false
			}
			b = b[1:]
			continue
		}
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n <= 1 {
			return false
		}
		if !unicode.IsPrint(r) {
			return false
		}
		b = b[n:]
	}
	return true
}

const hexDigits = "0123456789abcdef"

func hexColon(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	var sb strings.Builder
	sb.Grow(len(b)*3 - 1)
	for i, c := range b {
		if i > 0 {
			sb.WriteByte(':')
		}
		sb.WriteByte(hexDigits[c>>4])
		sb.WriteByte(hexDigits[c&0x0f])
	}
	return sb.String()
}
