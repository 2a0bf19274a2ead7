// Package identity decides which observations are the same device. It is
// pure: observations and the known assets' keys in, clusters and the keys
// that tied them out, the same whatever order the observations arrive in.
//
// Keys are ranked (vendor+serial, SNMP engine ID, chassis MAC and
// interface MACs, MAC, mDNS host name, sysName). An IP address is never a
// key: it joins observations only through the IP-to-MAC binding that ARP
// saw in the same sweep. Values that identify nothing (virtual and shared
// MACs, placeholder serials, default names, engine IDs shared by many
// devices) never join anything.
package identity

import (
	"fmt"
	"net"
	"regexp"
	"strings"

	"github.com/netcensus/netcensus/record"
)

// Kind is the kind of an identity key.
type Kind string

// Key kinds, strongest first.
const (
	KindSerial   Kind = "serial"    // vendor + serial number
	KindEngineID Kind = "engine_id" // SNMP engine ID
	KindMAC      Kind = "mac"       // a hardware address of the device (chassis, interface or answering MAC)
	KindMDNSName Kind = "mdns_name" // mDNS host name
	KindSysName  Kind = "sys_name"  // SNMP sysName
)

// DefaultOrder is the ranking used when config does not give one.
var defaultOrder = []Kind{KindSerial, KindEngineID, KindMAC, KindMDNSName, KindSysName}

// DefaultOrder returns the default key ranking.
func DefaultOrder() []Kind { return append([]Kind(nil), defaultOrder...) }

// Key is one identifying value.
type Key struct {
	Kind  Kind
	Value string
}

func (k Key) String() string { return string(k.Kind) + ":" + k.Value }

// Ignore lists values that identify nothing. It is data: Defaults returns
// the built-in lists and config may add to them.
type Ignore struct {
	// Serials are placeholder serial numbers (compared case-insensitively,
	// after trimming).
	Serials []string `yaml:"serials"`
	// SerialPatterns are regular expressions of placeholder serials.
	SerialPatterns []string `yaml:"serial_patterns"`
	// Names are default host and system names.
	Names []string `yaml:"names"`
	// MACPrefixes are hardware address prefixes that are never one device's
	// (virtual router MACs): "00:00:5e:00:01" matches every VRRP MAC.
	MACPrefixes []string `yaml:"mac_prefixes"`
	// MACs are single addresses to ignore (a known proxy-ARP gateway).
	MACs []string `yaml:"macs"`
	// EngineIDs are SNMP engine IDs to ignore, in hex.
	EngineIDs []string `yaml:"engine_ids"`
	// SharedEngineIDMin: an engine ID seen on this many or more devices
	// with different MACs in one sweep is a cloned default and ignored.
	SharedEngineIDMin int `yaml:"shared_engine_id_min"`
	// SharedMACMin: a MAC answering for this many or more addresses in one
	// sweep is a proxy-ARP or virtual gateway and identifies nothing.
	SharedMACMin int `yaml:"shared_mac_min"`
}

// Defaults returns the built-in ignore lists.
func Defaults() Ignore {
	return Ignore{
		Serials: []string{
			"0", "00000000", "000000000000", "1", "123456789", "1234567890", "0123456789", "n/a", "na", "none",
			"null", "unknown", "not specified", "not available", "default string", "to be filled by o.e.m.",
			"system serial number", "serial number", "chassis serial number", "invalid", "empty", "-", ".",
			"tbd", "sn", "s/n", "xxxxxxxxxx",
		},
		SerialPatterns: []string{
			`^[xX]+$`, // all X
			`^0+$`,    // all zeros
			`^[fF]+$`, // all F (erased EEPROM)
		},
		Names: []string{
			"localhost", "localhost.localdomain", "switch", "router", "default", "unknown", "none", "ap",
			"access point", "printer", "android", "iphone", "ipad", "linux", "debian", "ubuntu", "raspberrypi",
			"openwrt", "dd-wrt", "mikrotik", "ubnt", "sonicwall", "fortigate", "hp", "cisco", "juniper",
			"esxi", "localhost.local", "new device",
		},
		MACPrefixes: []string{
			"00:00:5e:00:01", // VRRP (IPv4)
			"00:00:5e:00:02", // VRRP (IPv6)
			"00:00:0c:07:ac", // HSRP v1
			"00:00:0c:9f:f",  // HSRP v2
			"00:07:b4:00",    // GLBP
			"00:00:00:00:00:00",
			"ff:ff:ff:ff:ff:ff",
		},
		SharedEngineIDMin: 3,
		SharedMACMin:      3,
	}
}

// Merge adds extra's lists to i (config extends the defaults).
func (i Ignore) Merge(extra Ignore) Ignore {
	i.Serials = append(append([]string(nil), i.Serials...), extra.Serials...)
	i.SerialPatterns = append(append([]string(nil), i.SerialPatterns...), extra.SerialPatterns...)
	i.Names = append(append([]string(nil), i.Names...), extra.Names...)
	i.MACPrefixes = append(append([]string(nil), i.MACPrefixes...), extra.MACPrefixes...)
	i.MACs = append(append([]string(nil), i.MACs...), extra.MACs...)
	i.EngineIDs = append(append([]string(nil), i.EngineIDs...), extra.EngineIDs...)
	if extra.SharedEngineIDMin > 0 {
		i.SharedEngineIDMin = extra.SharedEngineIDMin
	}
	if extra.SharedMACMin > 0 {
		i.SharedMACMin = extra.SharedMACMin
	}
	return i
}

// filter is a compiled Ignore.
type filter struct {
	serials   map[string]bool
	patterns  []*regexp.Regexp
	names     map[string]bool
	prefixes  []string
	macs      map[string]bool
	engineIDs map[string]bool
	cfg       Ignore
}

func compile(i Ignore) (*filter, error) {
	f := &filter{serials: map[string]bool{}, names: map[string]bool{}, macs: map[string]bool{}, engineIDs: map[string]bool{}, cfg: i}
	for _, s := range i.Serials {
		f.serials[norm(s)] = true
	}
	for _, p := range i.SerialPatterns {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, fmt.Errorf("identity ignore serial pattern %q: %w", p, err)
		}
		f.patterns = append(f.patterns, re)
	}
	for _, n := range i.Names {
		f.names[norm(n)] = true
	}
	for _, p := range i.MACPrefixes {
		f.prefixes = append(f.prefixes, strings.ToLower(strings.TrimSpace(p)))
	}
	for _, m := range i.MACs {
		hw, err := net.ParseMAC(strings.TrimSpace(m))
		if err != nil {
			return nil, fmt.Errorf("identity ignore mac %q: %w", m, err)
		}
		f.macs[hw.String()] = true
	}
	for _, e := range i.EngineIDs {
		f.engineIDs[normHex(e)] = true
	}
	return f, nil
}

func norm(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func normHex(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "0x")
	if !strings.ContainsAny(s, ": -") {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != ':' && c != ' ' && c != '-' {
			b = append(b, c)
		}
	}
	return string(b)
}

// placeholderSerial reports whether s identifies nothing.
func (f *filter) placeholderSerial(s string) bool {
	n := norm(s)
	if len(n) < 3 || f.serials[n] || strings.Count(n, n[:1]) == len(n) {
		return true // too short, listed, or one character repeated
	}
	for _, re := range f.patterns {
		if re.MatchString(strings.TrimSpace(s)) {
			return true
		}
	}
	return false
}

func (f *filter) defaultName(s string) bool {
	n := norm(s)
	return n == "" || f.names[n] || f.names[strings.TrimSuffix(n, ".local")]
}

// usableMAC reports whether m can identify one device on its own.
func (f *filter) usableMAC(m record.MAC) bool {
	if len(m) != 6 || m.IsMulticast() {
		return false
	}
	s := m.String()
	if f.macs[s] {
		return false
	}
	for _, p := range f.prefixes {
		if strings.HasPrefix(s, p) {
			return false
		}
	}
	return true
}
