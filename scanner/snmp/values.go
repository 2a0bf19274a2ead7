package snmp

import (
	"bytes"
	"encoding/hex"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/netcensus/netcensus/record"
)

// isText reports whether an octet string is text: valid UTF-8, no NUL
// before the trailing padding, and at most one control character in eight
// (a stray terminal escape in a sysName is text, to be sanitised; a MAC
// or a raw serial is not).
func isText(b []byte) bool {
	b = bytes.TrimRight(b, "\x00")
	if !utf8.Valid(b) || bytes.IndexByte(b, 0) >= 0 {
		return false
	}
	n, ctl := 0, 0
	for _, r := range string(b) {
		n++
		if (r < 0x20 && r != '\t' && r != '\r' && r != '\n') || (r >= 0x7f && r < 0xa0) {
			ctl++
		}
	}
	return ctl*8 <= n && (ctl == 0 || n-ctl >= 4)
}

// text renders an octet string for people: text as text (sanitised),
// anything else as colon-separated hex.
func text(b []byte) string {
	if isText(b) {
		return strings.TrimSpace(record.Sanitize(string(bytes.TrimRight(b, "\x00"))))
	}
	return hexColon(b)
}

func hexColon(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	h := hex.EncodeToString(b)
	var sb strings.Builder
	for i := 0; i < len(h); i += 2 {
		if i > 0 {
			sb.WriteByte(':')
		}
		sb.WriteString(h[i : i+2])
	}
	return sb.String()
}

// macFrom reads a hardware address: 6 or 8 raw octets, or (some agents)
// the address written out as text. All-zero is no address.
func macFrom(b []byte) record.MAC {
	switch len(b) {
	case 6, 8, 20:
		if allZero(b) {
			return nil
		}
		return record.MAC(bytes.Clone(b))
	}
	if isText(b) {
		if m, err := record.ParseMAC(strings.TrimSpace(string(b))); err == nil && !allZero(m) {
			return m
		}
	}
	return nil
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

// dateAndTime decodes SNMPv2-TC DateAndTime (8 or 11 octets) to UTC.
func dateAndTime(b []byte) (time.Time, bool) {
	if len(b) != 8 && len(b) != 11 {
		return time.Time{}, false
	}
	year := int(b[0])<<8 | int(b[1])
	mon, day, h, m, s, ds := int(b[2]), int(b[3]), int(b[4]), int(b[5]), int(b[6]), int(b[7])
	if year < 1970 || year > 9999 || mon < 1 || mon > 12 || day < 1 || day > 31 || h > 23 || m > 59 || s > 60 || ds > 9 {
		return time.Time{}, false
	}
	loc := time.UTC
	if len(b) == 11 {
		off := (int(b[9])*60 + int(b[10])) * 60
		if b[9] > 14 || b[10] > 59 || (b[8] != '+' && b[8] != '-') {
			return time.Time{}, false
		}
		if b[8] == '-' {
			off = -off
		}
		loc = time.FixedZone("", off)
	}
	return time.Date(year, time.Month(mon), day, h, m, s, ds*100_000_000, loc).UTC(), true
}
