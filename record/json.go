package record

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"net/netip"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"
)

// The Asset's JSON written and read by hand, for the listings that turn
// every stored record into JSON (the API's GET /api/v1/assets, the
// assets command's json and jsonl) and the store that decodes every
// record it lists: encoding/json's reflection was most of a 100,000
// asset listing's time. The bytes are json.Marshal's and the values
// json.Unmarshal's; json_test.go holds them to that, field by field.

// AppendJSON appends a's JSON to b: the bytes json.Marshal(a) gives,
// with its errors (a CPU load that is not a number, a time outside
// years 0-9999).
func (a *Asset) AppendJSON(b []byte) ([]byte, error) {
	e := encoder{b: b}
	e.asset(a)
	return e.b, e.err
}

type encoder struct {
	b   []byte
	err error
}

// key starts the member name of an object: a comma unless it is the
// object's first.
func (e *encoder) key(name string) {
	if e.b[len(e.b)-1] != '{' {
		e.b = append(e.b, ',')
	}
	e.b = append(e.b, '"')
	e.b = append(e.b, name...)
	e.b = append(e.b, '"', ':')
}

func (e *encoder) str(name, s string) {
	e.key(name)
	e.b = appendString(e.b, s)
}

// strOmit writes s unless it is empty (omitempty).
func (e *encoder) strOmit(name, s string) {
	if s != "" {
		e.str(name, s)
	}
}

func (e *encoder) int(name string, n int) {
	e.key(name)
	e.b = strconv.AppendInt(e.b, int64(n), 10)
}

func (e *encoder) intOmit(name string, n int) {
	if n != 0 {
		e.int(name, n)
	}
}

func (e *encoder) uint(name string, n uint64) {
	e.key(name)
	e.b = strconv.AppendUint(e.b, n, 10)
}

func (e *encoder) uintOmit(name string, n uint64) {
	if n != 0 {
		e.uint(name, n)
	}
}

func (e *encoder) bool(name string, v bool) {
	e.key(name)
	e.b = strconv.AppendBool(e.b, v)
}

// timeOmit writes t unless it is zero (omitzero).
func (e *encoder) timeOmit(name string, t time.Time) {
	if t.IsZero() {
		return
	}
	e.key(name)
	e.b = append(e.b, '"')
	b, err := t.AppendText(e.b)
	if err != nil {
		e.fail(fmt.Errorf("%s: %w", name, err))
		return
	}
	e.b = append(b, '"')
}

func (e *encoder) addr(ip netip.Addr) {
	var buf [64]byte
	e.b = appendString(e.b, ip.AppendTo(buf[:0]))
}

func (e *encoder) mac(m MAC) {
	const hex = "0123456789abcdef"
	e.b = append(e.b, '"')
	for i, x := range m {
		if i > 0 {
			e.b = append(e.b, ':')
		}
		e.b = append(e.b, hex[x>>4], hex[x&0xf])
	}
	e.b = append(e.b, '"')
}

func (e *encoder) float(name string, f float64) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		e.fail(fmt.Errorf("%s: unsupported value %v", name, f))
		return
	}
	// As encoding/json writes a float64: ES6's number to string.
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	e.b = strconv.AppendFloat(e.b, f, format, -1, 64)
	if n := len(e.b); format == 'e' && n >= 4 && e.b[n-4] == 'e' && e.b[n-3] == '-' && e.b[n-2] == '0' {
		e.b[n-2] = e.b[n-1] // e-09 to e-9
		e.b = e.b[:n-1]
	}
}

func (e *encoder) fail(err error) {
	if e.err == nil {
		e.err = err
	}
}

// list writes a non-empty s (omitempty) as an array, each element by elem.
func list[T any](e *encoder, name string, s []T, elem func(*T)) {
	if len(s) == 0 {
		return
	}
	e.key(name)
	e.b = append(e.b, '[')
	for i := range s {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		elem(&s[i])
	}
	e.b = append(e.b, ']')
}

// dict writes a non-empty m (omitempty) as an object, its keys sorted,
// each value by value.
func dict[T any](e *encoder, name string, m map[string]T, value func(*T)) {
	if len(m) == 0 {
		return
	}
	e.key(name)
	e.b = append(e.b, '{')
	for i, k := range slices.Sorted(maps.Keys(m)) {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		e.b = appendString(e.b, k)
		e.b = append(e.b, ':')
		v := m[k]
		value(&v)
	}
	e.b = append(e.b, '}')
}

func (e *encoder) asset(a *Asset) {
	e.b = append(e.b, '{')
	e.strOmit("asset_id", a.AssetID)
	if a.IP.IsValid() {
		e.key("ip")
		e.addr(a.IP)
	}
	list(e, "ips", a.IPs, func(ip *netip.Addr) { e.addr(*ip) })
	if len(a.MAC) > 0 {
		e.key("mac")
		e.mac(a.MAC)
	}
	list(e, "macs", a.MACs, func(m *MAC) { e.mac(*m) })
	e.strOmit("hostname", a.Hostname)
	e.strOmit("mac_vendor", a.MACVendor)
	e.strOmit("vendor", a.Vendor)
	e.strOmit("model", a.Model)
	e.strOmit("serial", a.Serial)
	e.strOmit("os", a.OS)
	e.strOmit("os_version", a.OSVersion)
	e.strOmit("device_type", a.DeviceType)
	list(e, "names", a.Names, func(n *HostName) {
		e.b = append(e.b, '{')
		e.str("name", n.Name)
		e.str("source", string(n.Source))
		e.b = append(e.b, '}')
	})
	e.strOmit("workgroup", a.Workgroup)
	e.strOmit("sys_name", a.SysName)
	e.strOmit("sys_descr", a.SysDescr)
	e.strOmit("sys_object_id", a.SysObjectID)
	e.strOmit("sys_location", a.SysLocation)
	e.strOmit("sys_contact", a.SysContact)
	e.uintOmit("sys_uptime_s", a.SysUptimeS)
	e.strOmit("snmp_engine_id", a.SNMPEngineID)
	e.strOmit("snmp_credential", a.SNMPCredential)
	if c := a.Collection; c != nil {
		e.key("collection")
		e.b = append(e.b, '{')
		e.str("status", c.Status)
		list(e, "reasons", c.Reasons, func(r *CollectionReason) {
			e.b = append(e.b, '{')
			e.str("reason", r.Reason)
			e.strOmit("oid", r.OID)
			e.strOmit("detail", r.Detail)
			e.b = append(e.b, '}')
		})
		e.b = append(e.b, '}')
	}
	list(e, "software", a.Software, func(s *Software) {
		e.b = append(e.b, '{')
		e.str("name", s.Name)
		e.strOmit("version", s.Version)
		e.strOmit("arch", s.Arch)
		e.timeOmit("installed_at", s.InstalledAt)
		e.b = append(e.b, '}')
	})
	e.intOmit("software_count", a.SoftwareCount)
	list(e, "interfaces", a.Interfaces, func(f *Interface) {
		e.b = append(e.b, '{')
		e.int("index", f.Index)
		e.strOmit("name", f.Name)
		e.strOmit("alias", f.Alias)
		e.strOmit("type", f.Type)
		if len(f.MAC) > 0 {
			e.key("mac")
			e.mac(f.MAC)
		}
		e.uintOmit("speed_bps", f.SpeedBps)
		e.bool("admin_up", f.AdminUp)
		e.bool("oper_up", f.OperUp)
		e.uintOmit("in_octets", f.InOctets)
		e.uintOmit("out_octets", f.OutOctets)
		e.intOmit("counter_bits", f.CounterBits)
		e.b = append(e.b, '}')
	})
	list(e, "storage", a.Storage, func(s *Storage) {
		e.b = append(e.b, '{')
		e.str("descr", s.Descr)
		e.strOmit("type", s.Type)
		e.uint("size_bytes", s.SizeBytes)
		e.uint("used_bytes", s.UsedBytes)
		e.b = append(e.b, '}')
	})
	list(e, "neighbors", a.Neighbors, func(n *Neighbor) {
		e.b = append(e.b, '{')
		e.strOmit("local_port", n.LocalPort)
		e.strOmit("chassis_id", n.ChassisID)
		e.strOmit("port_id", n.PortID)
		e.strOmit("sys_name", n.SysName)
		e.strOmit("protocol", n.Protocol)
		list(e, "capabilities", n.Capabilities, func(s *string) { e.b = appendString(e.b, *s) })
		e.strOmit("platform", n.Platform)
		e.b = append(e.b, '}')
	})
	e.uintOmit("memory_bytes", a.MemoryBytes)
	e.uintOmit("memory_used_bytes", a.MemoryUsedBytes)
	e.intOmit("cpu_count", a.CPUCount)
	if a.CPULoadPct != nil {
		e.key("cpu_load_pct")
		e.float("cpu_load_pct", *a.CPULoadPct)
	}
	list(e, "services", a.Services, func(s *Service) {
		e.b = append(e.b, '{')
		e.str("type", s.Type)
		e.str("name", s.Name)
		e.intOmit("port", s.Port)
		dict(e, "txt", s.TXT, func(v *string) { e.b = appendString(e.b, *v) })
		e.b = append(e.b, '}')
	})
	list(e, "ports", a.Ports, func(p *Port) {
		e.b = append(e.b, '{')
		e.int("port", p.Port)
		e.str("protocol", p.Protocol)
		e.strOmit("service", p.Service)
		e.strOmit("product", p.Product)
		e.strOmit("version", p.Version)
		e.b = append(e.b, '}')
	})
	if l := a.Location; l != nil {
		e.key("location")
		e.b = append(e.b, '{')
		e.key("switch")
		e.b = append(e.b, '{')
		e.strOmit("asset_id", l.Switch.AssetID)
		e.strOmit("name", l.Switch.Name)
		if l.Switch.IP.IsValid() {
			e.key("ip")
			e.addr(l.Switch.IP)
		}
		e.b = append(e.b, '}')
		e.str("port", l.Port)
		e.intOmit("if_index", l.IfIndex)
		e.intOmit("vlan", l.VLAN)
		e.timeOmit("seen", l.Seen)
		e.b = append(e.b, '}')
	}
	list(e, "sources", a.Sources, func(s *Source) { e.b = appendString(e.b, string(*s)) })
	e.timeOmit("first_seen", a.FirstSeen)
	e.timeOmit("last_seen", a.LastSeen)
	e.strOmit("state", a.State)
	if a.Approved != nil {
		e.bool("approved", *a.Approved)
	}
	e.strOmit("site", a.Site)
	e.strOmit("role", a.Role)
	e.strOmit("owner", a.Owner)
	list(e, "tags", a.Tags, func(s *string) { e.b = appendString(e.b, *s) })
	list(e, "anomalies", a.Anomalies, func(x *Anomaly) {
		e.b = append(e.b, '{')
		e.str("kind", x.Kind)
		e.str("detail", x.Detail)
		e.b = append(e.b, '}')
	})
	dict(e, "evidence", a.Evidence, func(v *Evidence) {
		e.b = append(e.b, '{')
		e.str("rule", v.Rule)
		e.str("source", string(v.Source))
		e.strOmit("oid", v.OID)
		e.strOmit("txt", v.TXT)
		e.strOmit("value", v.Value)
		e.b = append(e.b, '}')
	})
	e.b = append(e.b, '}')
}

// appendString appends s quoted as encoding/json quotes a string: <, >
// and & escaped for HTML, control characters escaped, invalid UTF-8 as
// U+FFFD, U+2028 and U+2029 escaped.
func appendString[S []byte | string](b []byte, s S) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(string(s[i:min(len(s), i+utf8.UTFMax)]))
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// DecodeAsset sets *a, a zero Asset, to the record data holds, as
// json.Unmarshal does. The JSON json.Marshal writes (its keys in its
// order, no nulls, no escaped surrogates) is read by hand; anything else
// (an unknown or repeated key, an error) goes to json.Unmarshal, so the
// record and the error are always json.Unmarshal's.
func DecodeAsset(data []byte, a *Asset) error {
	if decodeAsset(data, a) {
		return nil
	}
	*a = Asset{}
	return json.Unmarshal(data, a)
}

// decodeAsset is DecodeAsset's reading by hand: false when it left a
// for json.Unmarshal.
func decodeAsset(data []byte, a *Asset) bool {
	d := decoder{b: data}
	d.asset(a)
	d.space()
	return !d.bad && d.i == len(d.b)
}

type decoder struct {
	b   []byte
	i   int
	bad bool // something read by hand is not: json.Unmarshal reads it
}

func (d *decoder) space() {
	for d.i < len(d.b) && (d.b[d.i] == ' ' || d.b[d.i] == '\t' || d.b[d.i] == '\n' || d.b[d.i] == '\r') {
		d.i++
	}
}

// next consumes c, after white space, reporting whether it was there.
func (d *decoder) next(c byte) bool {
	d.space()
	if d.i < len(d.b) && d.b[d.i] == c {
		d.i++
		return true
	}
	return false
}

// members reads an object, calling member with each key, unquoted, to
// read its value.
func (d *decoder) members(member func(key []byte)) {
	if !d.next('{') {
		d.bad = true
		return
	}
	if d.next('}') {
		return
	}
	for !d.bad {
		k := d.strBytes()
		if d.bad || !d.next(':') {
			d.bad = true
			return
		}
		member(k)
		if d.bad || d.next(',') {
			continue
		}
		if !d.next('}') {
			d.bad = true
		}
		return
	}
}

// object reads a struct's object: its keys among fields, in the order
// of fields (as json.Marshal writes them), each once; field reads each
// value.
func (d *decoder) object(fields []string, field func(name string)) {
	at := 0
	d.members(func(k []byte) {
		i := at
		for i < len(fields) && fields[i] != string(k) {
			i++
		}
		if i == len(fields) {
			d.bad = true
			return
		}
		at = i + 1
		field(fields[i])
	})
}

// array reads an array, calling elem to read each element.
func (d *decoder) array(elem func()) {
	if !d.next('[') {
		d.bad = true
		return
	}
	if d.next(']') {
		return
	}
	for !d.bad {
		elem()
		if d.bad || d.next(',') {
			continue
		}
		if !d.next(']') {
			d.bad = true
		}
		return
	}
}

// readList reads an array into a new slice (empty, not nil, for []),
// each element by elem.
func readList[T any](d *decoder, elem func(*T)) []T {
	s := []T{}
	d.array(func() {
		s = append(s, *new(T))
		elem(&s[len(s)-1])
	})
	return s
}

// readDict reads an object into a new map, each value by value.
func readDict[T any](d *decoder, value func(*T)) map[string]T {
	m := map[string]T{}
	d.members(func(k []byte) {
		var v T
		value(&v)
		m[string(k)] = v
	})
	return m
}

// strBytes reads a string, unquoted: a part of the input unless it holds
// an escape.
func (d *decoder) strBytes() []byte {
	if !d.next('"') {
		d.bad = true
		return nil
	}
	start, ascii := d.i, true
	for ; d.i < len(d.b); d.i++ {
		switch c := d.b[d.i]; {
		case c == '"':
			s := d.b[start:d.i]
			d.i++
			if !ascii && !utf8.Valid(s) {
				d.bad = true // json.Unmarshal makes it U+FFFD
			}
			return s
		case c == '\\':
			return d.unescape(start)
		case c < 0x20:
			d.bad = true
			return nil
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	d.bad = true
	return nil
}

// unescape reads the rest of a string begun at start, at its first
// backslash.
func (d *decoder) unescape(start int) []byte {
	s := append([]byte(nil), d.b[start:d.i]...)
	for d.i < len(d.b) {
		c := d.b[d.i]
		switch {
		case c == '"':
			d.i++
			if !utf8.Valid(s) {
				d.bad = true
			}
			return s
		case c < 0x20:
			d.bad = true
			return nil
		case c != '\\':
			s = append(s, c)
			d.i++
			continue
		}
		if d.i+1 == len(d.b) {
			break
		}
		switch e := d.b[d.i+1]; e {
		case '"', '\\', '/':
			s = append(s, e)
		case 'b':
			s = append(s, '\b')
		case 'f':
			s = append(s, '\f')
		case 'n':
			s = append(s, '\n')
		case 'r':
			s = append(s, '\r')
		case 't':
			s = append(s, '\t')
		case 'u':
			if d.i+6 > len(d.b) {
				d.bad = true
				return nil
			}
			r, err := strconv.ParseUint(string(d.b[d.i+2:d.i+6]), 16, 16)
			if err != nil || utf8.RuneLen(rune(r)) < 0 {
				d.bad = true // a surrogate, or not hex
				return nil
			}
			s = utf8.AppendRune(s, rune(r))
			d.i += 4
		default:
			d.bad = true
			return nil
		}
		d.i += 2
	}
	d.bad = true
	return nil
}

func (d *decoder) str() string {
	s := d.strBytes()
	if d.bad {
		return ""
	}
	return string(s)
}

// number reads a number's text, as JSON writes numbers.
func (d *decoder) number() []byte {
	d.space()
	b, i := d.b, d.i
	digits := func() int {
		j := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		return i - j
	}
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case digits() == 0:
		d.bad = true
		return nil
	}
	if i < len(b) && b[i] == '.' {
		i++
		if digits() == 0 {
			d.bad = true
			return nil
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if digits() == 0 {
			d.bad = true
			return nil
		}
	}
	s := b[d.i:i]
	d.i = i
	return s
}

func (d *decoder) int() int {
	n, err := strconv.ParseInt(string(d.number()), 10, strconv.IntSize)
	if err != nil {
		d.bad = true
	}
	return int(n)
}

func (d *decoder) uint() uint64 {
	n, err := strconv.ParseUint(string(d.number()), 10, 64)
	if err != nil {
		d.bad = true
	}
	return n
}

func (d *decoder) float() float64 {
	f, err := strconv.ParseFloat(string(d.number()), 64)
	if err != nil {
		d.bad = true
	}
	return f
}

func (d *decoder) bool() bool {
	d.space()
	switch rest := d.b[d.i:]; {
	case bytes.HasPrefix(rest, []byte("true")):
		d.i += len("true")
		return true
	case bytes.HasPrefix(rest, []byte("false")):
		d.i += len("false")
		return false
	}
	d.bad = true
	return false
}

func (d *decoder) time() time.Time {
	d.space()
	start := d.i
	if d.strBytes(); d.bad {
		return time.Time{}
	}
	var t time.Time
	if err := t.UnmarshalJSON(d.b[start:d.i]); err != nil {
		d.bad = true
	}
	return t
}

func (d *decoder) addr() netip.Addr {
	var ip netip.Addr
	if s := d.strBytes(); !d.bad && ip.UnmarshalText(s) != nil {
		d.bad = true
	}
	return ip
}

func (d *decoder) mac() MAC {
	s := d.strBytes()
	if d.bad {
		return nil
	}
	if m, ok := parseMAC48(s); ok {
		return m
	}
	var m MAC
	if m.UnmarshalText(s) != nil {
		d.bad = true
	}
	return m
}

// parseMAC48 parses the form MAC.String writes an EUI-48 in
// (aa:bb:cc:dd:ee:ff), as UnmarshalText would; false for any other.
func parseMAC48(s []byte) (MAC, bool) {
	if len(s) != 17 {
		return nil, false
	}
	m := make(MAC, 6)
	for i := range m {
		hi, ok1 := unhex(s[3*i])
		lo, ok2 := unhex(s[3*i+1])
		if !ok1 || !ok2 || (i < 5 && s[3*i+2] != ':') {
			return nil, false
		}
		m[i] = hi<<4 | lo
	}
	return m, true
}

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// The keys of each type's object, in json.Marshal's order (its fields').
var (
	assetKeys = []string{"asset_id", "ip", "ips", "mac", "macs", "hostname", "mac_vendor", "vendor", "model",
		"serial", "os", "os_version", "device_type", "names", "workgroup", "sys_name", "sys_descr",
		"sys_object_id", "sys_location", "sys_contact", "sys_uptime_s", "snmp_engine_id", "snmp_credential",
		"collection", "software", "software_count", "interfaces", "storage", "neighbors", "memory_bytes", "memory_used_bytes",
		"cpu_count", "cpu_load_pct", "services", "ports", "location", "sources", "first_seen", "last_seen",
		"state", "approved", "site", "role", "owner", "tags", "anomalies", "evidence"}
	hostNameKeys   = []string{"name", "source"}
	collectionKeys = []string{"status", "reasons"}
	reasonKeys     = []string{"reason", "oid", "detail"}
	softwareKeys   = []string{"name", "version", "arch", "installed_at"}
	interfaceKeys  = []string{"index", "name", "alias", "type", "mac", "speed_bps", "admin_up", "oper_up",
		"in_octets", "out_octets", "counter_bits"}
	storageKeys  = []string{"descr", "type", "size_bytes", "used_bytes"}
	neighborKeys = []string{"local_port", "chassis_id", "port_id", "sys_name", "protocol", "capabilities", "platform"}
	serviceKeys  = []string{"type", "name", "port", "txt"}
	portKeys     = []string{"port", "protocol", "service", "product", "version"}
	locationKeys = []string{"switch", "port", "if_index", "vlan", "seen"}
	switchKeys   = []string{"asset_id", "name", "ip"}
	anomalyKeys  = []string{"kind", "detail"}
	evidenceKeys = []string{"rule", "source", "oid", "txt", "value"}
)

func (d *decoder) strings() []string {
	return readList(d, func(s *string) { *s = d.str() })
}

func (d *decoder) asset(a *Asset) {
	d.object(assetKeys, func(k string) {
		switch k {
		case "asset_id":
			a.AssetID = d.str()
		case "ip":
			a.IP = d.addr()
		case "ips":
			a.IPs = readList(d, func(ip *netip.Addr) { *ip = d.addr() })
		case "mac":
			a.MAC = d.mac()
		case "macs":
			a.MACs = readList(d, func(m *MAC) { *m = d.mac() })
		case "hostname":
			a.Hostname = d.str()
		case "mac_vendor":
			a.MACVendor = d.str()
		case "vendor":
			a.Vendor = d.str()
		case "model":
			a.Model = d.str()
		case "serial":
			a.Serial = d.str()
		case "os":
			a.OS = d.str()
		case "os_version":
			a.OSVersion = d.str()
		case "device_type":
			a.DeviceType = d.str()
		case "names":
			a.Names = readList(d, func(n *HostName) {
				d.object(hostNameKeys, func(k string) {
					switch k {
					case "name":
						n.Name = d.str()
					case "source":
						n.Source = Source(d.str())
					}
				})
			})
		case "workgroup":
			a.Workgroup = d.str()
		case "sys_name":
			a.SysName = d.str()
		case "sys_descr":
			a.SysDescr = d.str()
		case "sys_object_id":
			a.SysObjectID = d.str()
		case "sys_location":
			a.SysLocation = d.str()
		case "sys_contact":
			a.SysContact = d.str()
		case "sys_uptime_s":
			a.SysUptimeS = d.uint()
		case "snmp_engine_id":
			a.SNMPEngineID = d.str()
		case "snmp_credential":
			a.SNMPCredential = d.str()
		case "collection":
			a.Collection = d.collection()
		case "software":
			a.Software = readList(d, d.software)
		case "software_count":
			a.SoftwareCount = d.int()
		case "interfaces":
			a.Interfaces = readList(d, d.iface)
		case "storage":
			a.Storage = readList(d, d.storage)
		case "neighbors":
			a.Neighbors = readList(d, d.neighbor)
		case "memory_bytes":
			a.MemoryBytes = d.uint()
		case "memory_used_bytes":
			a.MemoryUsedBytes = d.uint()
		case "cpu_count":
			a.CPUCount = d.int()
		case "cpu_load_pct":
			f := d.float()
			a.CPULoadPct = &f
		case "services":
			a.Services = readList(d, d.service)
		case "ports":
			a.Ports = readList(d, d.port)
		case "location":
			a.Location = d.location()
		case "sources":
			a.Sources = readList(d, func(s *Source) { *s = Source(d.str()) })
		case "first_seen":
			a.FirstSeen = d.time()
		case "last_seen":
			a.LastSeen = d.time()
		case "state":
			a.State = d.str()
		case "approved":
			v := d.bool()
			a.Approved = &v
		case "site":
			a.Site = d.str()
		case "role":
			a.Role = d.str()
		case "owner":
			a.Owner = d.str()
		case "tags":
			a.Tags = d.strings()
		case "anomalies":
			a.Anomalies = readList(d, func(x *Anomaly) {
				d.object(anomalyKeys, func(k string) {
					switch k {
					case "kind":
						x.Kind = d.str()
					case "detail":
						x.Detail = d.str()
					}
				})
			})
		case "evidence":
			a.Evidence = readDict(d, d.evidence)
		}
	})
}

func (d *decoder) collection() *Collection {
	c := new(Collection)
	d.object(collectionKeys, func(k string) {
		switch k {
		case "status":
			c.Status = d.str()
		case "reasons":
			c.Reasons = readList(d, func(r *CollectionReason) {
				d.object(reasonKeys, func(k string) {
					switch k {
					case "reason":
						r.Reason = d.str()
					case "oid":
						r.OID = d.str()
					case "detail":
						r.Detail = d.str()
					}
				})
			})
		}
	})
	return c
}

func (d *decoder) software(s *Software) {
	d.object(softwareKeys, func(k string) {
		switch k {
		case "name":
			s.Name = d.str()
		case "version":
			s.Version = d.str()
		case "arch":
			s.Arch = d.str()
		case "installed_at":
			s.InstalledAt = d.time()
		}
	})
}

func (d *decoder) iface(f *Interface) {
	d.object(interfaceKeys, func(k string) {
		switch k {
		case "index":
			f.Index = d.int()
		case "name":
			f.Name = d.str()
		case "alias":
			f.Alias = d.str()
		case "type":
			f.Type = d.str()
		case "mac":
			f.MAC = d.mac()
		case "speed_bps":
			f.SpeedBps = d.uint()
		case "admin_up":
			f.AdminUp = d.bool()
		case "oper_up":
			f.OperUp = d.bool()
		case "in_octets":
			f.InOctets = d.uint()
		case "out_octets":
			f.OutOctets = d.uint()
		case "counter_bits":
			f.CounterBits = d.int()
		}
	})
}

func (d *decoder) storage(s *Storage) {
	d.object(storageKeys, func(k string) {
		switch k {
		case "descr":
			s.Descr = d.str()
		case "type":
			s.Type = d.str()
		case "size_bytes":
			s.SizeBytes = d.uint()
		case "used_bytes":
			s.UsedBytes = d.uint()
		}
	})
}

func (d *decoder) neighbor(n *Neighbor) {
	d.object(neighborKeys, func(k string) {
		switch k {
		case "local_port":
			n.LocalPort = d.str()
		case "chassis_id":
			n.ChassisID = d.str()
		case "port_id":
			n.PortID = d.str()
		case "sys_name":
			n.SysName = d.str()
		case "protocol":
			n.Protocol = d.str()
		case "capabilities":
			n.Capabilities = d.strings()
		case "platform":
			n.Platform = d.str()
		}
	})
}

func (d *decoder) service(s *Service) {
	d.object(serviceKeys, func(k string) {
		switch k {
		case "type":
			s.Type = d.str()
		case "name":
			s.Name = d.str()
		case "port":
			s.Port = d.int()
		case "txt":
			s.TXT = readDict(d, func(v *string) { *v = d.str() })
		}
	})
}

func (d *decoder) port(p *Port) {
	d.object(portKeys, func(k string) {
		switch k {
		case "port":
			p.Port = d.int()
		case "protocol":
			p.Protocol = d.str()
		case "service":
			p.Service = d.str()
		case "product":
			p.Product = d.str()
		case "version":
			p.Version = d.str()
		}
	})
}

func (d *decoder) location() *Location {
	l := new(Location)
	d.object(locationKeys, func(k string) {
		switch k {
		case "switch":
			d.object(switchKeys, func(k string) {
				switch k {
				case "asset_id":
					l.Switch.AssetID = d.str()
				case "name":
					l.Switch.Name = d.str()
				case "ip":
					l.Switch.IP = d.addr()
				}
			})
		case "port":
			l.Port = d.str()
		case "if_index":
			l.IfIndex = d.int()
		case "vlan":
			l.VLAN = d.int()
		case "seen":
			l.Seen = d.time()
		}
	})
	return l
}

func (d *decoder) evidence(v *Evidence) {
	d.object(evidenceKeys, func(k string) {
		switch k {
		case "rule":
			v.Rule = d.str()
		case "source":
			v.Source = Source(d.str())
		case "oid":
			v.OID = d.str()
		case "txt":
			v.TXT = d.str()
		case "value":
			v.Value = d.str()
		}
	})
}
