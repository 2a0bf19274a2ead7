// Package snmprec reads and writes snmpsim's .snmprec walk files: one
// variable binding a line, `OID|TAG|VALUE`, where TAG is the BER type number
// of the value, optionally followed by `x` (the value is hex), `e` (the value
// uses Python-style backslash escapes) and `:variation` (an snmpsim variation
// module whose parameters follow in VALUE). The values and walks are the
// snmpwalk package's; this package names them too.
package snmprec

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/netcensus/netcensus/snmpwalk"
)

// Format writes recs as snmprec lines. Octet strings that are not plain
// printable text, and all Opaque values, are written hex-encoded (4x, 68x);
// variation modules are not written, only the static value.
func Format(w io.Writer, recs []Record) error {
	bw := bufio.NewWriter(w)
	for _, r := range recs {
		if err := formatRecord(bw, r); err != nil {
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write snmprec: %w", err)
	}
	return nil
}

func formatRecord(bw *bufio.Writer, r Record) error {
	v := r.Value
	if !validOID([]byte(strings.TrimPrefix(r.OID, "."))) {
		return fmt.Errorf("format snmprec: record %q: %w", r.OID, ErrOID)
	}
	bw.WriteString(strings.TrimPrefix(r.OID, "."))
	bw.WriteByte('|')
	tag := strconv.Itoa(int(v.Type))
	switch v.Type {
	case TypeInteger:
		bw.WriteString(tag + "|" + strconv.FormatInt(v.Int, 10))
	case TypeCounter32, TypeGauge32, TypeTimeTicks, TypeCounter64:
		bw.WriteString(tag + "|" + strconv.FormatUint(v.Uint, 10))
	case TypeOctetString:
		if snmpwalk.IsPlainLine(v.Bytes) {
			bw.WriteString(tag + "|")
			bw.Write(v.Bytes)
		} else {
			bw.WriteString(tag + "x|" + hex.EncodeToString(v.Bytes))
		}
	case TypeOpaque:
		bw.WriteString(tag + "x|" + hex.EncodeToString(v.Bytes))
	case TypeIPAddress:
		if len(v.Bytes) != 4 {
			return fmt.Errorf("format snmprec: record %s: IpAddress of %d bytes: %w", r.OID, len(v.Bytes), ErrValue)
		}
		bw.WriteString(tag + "|" + v.String())
	case TypeOID:
		oid := strings.TrimPrefix(v.OID, ".")
		if !validOID([]byte(oid)) {
			return fmt.Errorf("format snmprec: record %s: ObjectIdentifier %q: %w", r.OID, v.OID, ErrValue)
		}
		bw.WriteString(tag + "|" + oid)
	case TypeNull, TypeNoSuchObject, TypeNoSuchInstance, TypeEndOfMibView:
		bw.WriteString(tag + "|")
	default:
		return fmt.Errorf("format snmprec: record %s: %v: %w", r.OID, v.Type, ErrTag)
	}
	_, err := bw.WriteString("\n")
	if err != nil {
		return fmt.Errorf("write snmprec: %w", err)
	}
	return nil
}
