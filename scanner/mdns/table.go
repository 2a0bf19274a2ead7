// Package mdns discovers hosts over multicast DNS / DNS-SD: it enumerates
// the service types on a segment, browses each, resolves the instances
// (host name, addresses, port, TXT) and asks each host for its HINFO and
// _device-info record.
//
// Browsing and resolving go through github.com/grandcat/zeroconf, always
// bound to the one chosen interface. Beside it, the package's own decoder
// (Table, over github.com/miekg/dns) reads every response on the segment:
// it sees what zeroconf cannot (HINFO, _device-info TXT without a PTR,
// reverse-address PTRs), it is bounded in packets, records, names and
// bytes, and it counts what it drops. The passive listener and the pcap
// importer feed the same Table.
package mdns

import (
	"encoding/binary"
	"net/netip"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/miekg/dns"

	fpmdns "github.com/netcensus/netcensus/fingerprints/mdns"
	"github.com/netcensus/netcensus/record"
)

// Limits bound what a Table keeps. Zero fields take the defaults.
type Limits struct {
	// MaxPacketBytes drops larger datagrams unread (default 9000: a
	// jumbo frame; mDNS allows no more).
	MaxPacketBytes int
	// MaxRecords drops packets claiming more records (default 512).
	MaxRecords int
	// MaxTypes is how many service types are kept (default 256).
	MaxTypes int
	// MaxInstances is how many service instances are kept (default 2048).
	MaxInstances int
	// MaxHosts is how many host names are kept (default 2048).
	MaxHosts int
	// MaxTXTBytes caps one TXT record's total length; longer ones keep
	// their first strings up to the cap (default 2048).
	MaxTXTBytes int
	// MaxTXTKeys caps the keys kept of one TXT record (default 64).
	MaxTXTKeys int
	// MaxAddrs caps the addresses kept per host (default 8).
	MaxAddrs int
	// MaxPerSource caps the instances, hosts and service types one
	// sending address may add (default 256), so that one hostile or
	// broken responder cannot crowd the others out of the bounds above.
	MaxPerSource int
}

func (l Limits) withDefaults() Limits {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&l.MaxPacketBytes, 9000)
	def(&l.MaxRecords, 512)
	def(&l.MaxTypes, 256)
	def(&l.MaxInstances, 2048)
	def(&l.MaxHosts, 2048)
	def(&l.MaxTXTBytes, 2048)
	def(&l.MaxTXTKeys, 64)
	def(&l.MaxAddrs, 8)
	def(&l.MaxPerSource, 256)
	return l
}

// Stats count what a Table read and what it dropped.
type Stats struct {
	Packets   int `json:"packets"`
	Bytes     int `json:"bytes"`
	Records   int `json:"records"`
	Queries   int `json:"queries"`   // query packets (not read further)
	Malformed int `json:"malformed"` // packets that did not decode
	Oversize  int `json:"oversize"`  // packets over MaxPacketBytes
	// TooManyRecords counts packets dropped for claiming more than
	// MaxRecords records.
	TooManyRecords int `json:"too_many_records"`
	// DroppedRecords counts records dropped because a bound was reached
	// (types, instances, hosts, addresses).
	DroppedRecords int `json:"dropped_records"`
	// TruncatedTXT counts TXT records cut to MaxTXTBytes / MaxTXTKeys.
	TruncatedTXT int `json:"truncated_txt"`
	// Foreign counts packets that arrived on another interface.
	Foreign int `json:"foreign"`
}

// Dropped is everything the decoder threw away.
func (s Stats) Dropped() int {
	return s.Malformed + s.Oversize + s.TooManyRecords + s.DroppedRecords + s.TruncatedTXT
}

// Host is one host as mDNS described it.
type Host struct {
	// Name is the host's mDNS name without ".local" ("lab-printer").
	Name string `json:"name,omitempty"`
	// Addrs are its A/AAAA records, or the address its answers came from.
	Addrs    []netip.Addr     `json:"addrs,omitempty"`
	Services []record.Service `json:"services,omitempty"`
	HINFO    fpmdns.HINFO     `json:"hinfo,omitzero"`
	// FirstSeen is when the first record of this host arrived.
	FirstSeen time.Time `json:"first_seen"`
}

type instance struct {
	typ, name string
	target    string // SRV target, lower-case FQDN
	port      int
	txt       map[string]string
	src       netip.Addr
	first     time.Time
}

type hostRec struct {
	name  string // as announced, without .local
	addrs []netip.Addr
	hinfo fpmdns.HINFO
	src   netip.Addr
	first time.Time
}

// Table accumulates mDNS responses. It is safe for concurrent use.
type Table struct {
	lim       Limits
	mu        sync.Mutex
	stats     Stats
	types     map[string]time.Time
	instances map[string]*instance // by lower-case FQDN
	hosts     map[string]*hostRec  // by lower-case FQDN
	reverse   map[netip.Addr]string
	lastNew   time.Time // when the last new instance or host arrived
	perSource map[netip.Addr]*sourceCount
}

// sourceCount is what one sending address has added.
type sourceCount struct{ instances, hosts, types int }

// allow charges one new entry of a kind to src, or reports that src has
// used its share. Sources are themselves bounded: past MaxHosts distinct
// senders, the rest share one budget.
func (t *Table) allow(src netip.Addr, kind func(*sourceCount) *int) bool {
	c, ok := t.perSource[src]
	if !ok {
		if len(t.perSource) >= t.lim.MaxHosts {
			src = netip.Addr{}
			c = t.perSource[src]
		}
		if c == nil {
			c = &sourceCount{}
			t.perSource[src] = c
		}
	}
	n := kind(c)
	limit := t.lim.MaxPerSource
	if n == &c.types {
		limit = t.lim.typesPerSource()
	}
	if *n >= limit {
		return false
	}
	*n++
	return true
}

func instancesOf(c *sourceCount) *int { return &c.instances }
func hostsOf(c *sourceCount) *int     { return &c.hosts }
func typesOf(c *sourceCount) *int     { return &c.types }

// typesPerSource: a host announces a few dozen types at most.
func (l Limits) typesPerSource() int { return max(1, l.MaxPerSource/4) }

// NewTable returns an empty table with the limits (zero: defaults).
func NewTable(lim Limits) *Table {
	return &Table{
		lim:       lim.withDefaults(),
		types:     map[string]time.Time{},
		instances: map[string]*instance{},
		hosts:     map[string]*hostRec{},
		reverse:   map[netip.Addr]string{},
		perSource: map[netip.Addr]*sourceCount{},
	}
}

// Stats returns the counts so far.
func (t *Table) Stats() Stats {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.stats
}

// CountForeign records a packet that arrived on another interface.
func (t *Table) CountForeign() {
	t.mu.Lock()
	t.stats.Foreign++
	t.mu.Unlock()
}

func (t *Table) noteNew(at time.Time) {
	if at.After(t.lastNew) {
		t.lastNew = at
	}
}

// LastNew is when the last new instance or host arrived (zero: none).
func (t *Table) LastNew() time.Time {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.lastNew
}

// Full reports whether the instance bound is reached.
func (t *Table) Full() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.instances) >= t.lim.MaxInstances
}

// Types returns the service types seen, sorted.
func (t *Table) Types() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]string, 0, len(t.types))
	for k := range t.types {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

const metaQuery = "_services._dns-sd._udp.local."

// Add decodes one mDNS datagram from src received at `at`. A packet that
// does not decode or breaks a bound is counted, never an error: the
// caller reads on.
func (t *Table) Add(pkt []byte, src netip.Addr, at time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.stats.Packets++
	t.stats.Bytes += len(pkt)
	if len(pkt) > t.lim.MaxPacketBytes {
		t.stats.Oversize++
		return
	}
	if len(pkt) < 12 {
		t.stats.Malformed++
		return
	}
	// The header's counts, checked before miekg/dns allocates for them.
	n := 0
	for i := 4; i < 12; i += 2 {
		n += int(binary.BigEndian.Uint16(pkt[i:]))
	}
	if n > t.lim.MaxRecords {
		t.stats.TooManyRecords++
		return
	}
	if pkt[2]&0x80 == 0 {
		t.stats.Queries++
		return
	}
	var m dns.Msg
	if err := m.Unpack(pkt); err != nil {
		t.stats.Malformed++
		return
	}
	rrs := make([]dns.RR, 0, len(m.Answer)+len(m.Extra))
	rrs = append(append(rrs, m.Answer...), m.Extra...)
	t.stats.Records += len(rrs)
	src = src.Unmap()
	// Host records first, so services can find their host.
	for _, rr := range rrs {
		switch r := rr.(type) {
		case *dns.A:
			if a, ok := netip.AddrFromSlice(r.A.To4()); ok {
				t.addAddr(r.Hdr.Name, a, src, at)
			} else {
				t.stats.DroppedRecords++
			}
		case *dns.AAAA:
			if a, ok := netip.AddrFromSlice(r.AAAA); ok {
				t.addAddr(r.Hdr.Name, a, src, at)
			}
		case *dns.HINFO:
			if h := t.host(r.Hdr.Name, src, at); h != nil {
				h.hinfo = fpmdns.HINFO{CPU: clip(r.Cpu, 64), OS: clip(r.Os, 64)}
			}
		}
	}
	for _, rr := range rrs {
		switch r := rr.(type) {
		case *dns.PTR:
			t.addPTR(r, src, at)
		case *dns.SRV:
			if in := t.instance(r.Hdr.Name, src, at); in != nil {
				in.target = strings.ToLower(r.Target)
				in.port = int(r.Port)
			}
		case *dns.TXT:
			if in := t.instance(r.Hdr.Name, src, at); in != nil {
				in.txt = t.parseTXT(r.Txt)
			}
		}
	}
}

func clip(s string, n int) string {
	if len(s) > n {
		s = s[:n]
	}
	return record.Sanitize(s)
}

func (t *Table) addPTR(r *dns.PTR, src netip.Addr, at time.Time) {
	owner := strings.ToLower(r.Hdr.Name)
	switch {
	case owner == metaQuery:
		typ, ok := serviceType(r.Ptr)
		if !ok {
			t.stats.DroppedRecords++
			return
		}
		if _, ok := t.types[typ]; ok {
			return
		}
		if len(t.types) >= t.lim.MaxTypes || !t.allow(src, typesOf) {
			t.stats.DroppedRecords++
			return
		}
		t.types[typ] = at
	case strings.HasSuffix(owner, ".in-addr.arpa.") || strings.HasSuffix(owner, ".ip6.arpa."):
		ip, ok := reverseAddr(owner)
		if !ok {
			return
		}
		if _, ok := t.reverse[ip]; !ok && len(t.reverse) >= t.lim.MaxHosts {
			t.stats.DroppedRecords++
			return
		}
		t.reverse[ip] = strings.ToLower(r.Ptr)
	case strings.Contains(owner, "._sub."):
		// Subtype browse pointers repeat instances seen elsewhere.
	default:
		t.instance(r.Ptr, src, at)
	}
}

// reverseAddr reads "4.3.2.1.in-addr.arpa." as 1.2.3.4.
func reverseAddr(name string) (netip.Addr, bool) {
	rest, ok := strings.CutSuffix(name, ".in-addr.arpa.")
	if !ok {
		return netip.Addr{}, false
	}
	p := strings.Split(rest, ".")
	if len(p) != 4 {
		return netip.Addr{}, false
	}
	a, err := netip.ParseAddr(p[3] + "." + p[2] + "." + p[1] + "." + p[0])
	return a, err == nil
}

// serviceType reads "_ipp._tcp.local." as "_ipp._tcp".
func serviceType(fqdn string) (string, bool) {
	labels := dns.SplitDomainName(fqdn)
	if len(labels) != 3 {
		return "", false
	}
	return typeOf(labels)
}

func typeOf(labels []string) (string, bool) {
	n := len(labels)
	if n < 3 || !strings.EqualFold(labels[n-1], "local") {
		return "", false
	}
	proto := strings.ToLower(labels[n-2])
	svc := labels[n-3]
	if proto != "_tcp" && proto != "_udp" || len(svc) < 2 || svc[0] != '_' || len(svc) > 64 {
		return "", false
	}
	return strings.ToLower(svc) + "." + proto, true
}

// SplitInstance splits an instance FQDN ("Lab\ Printer._ipp._tcp.local.")
// into its unescaped instance name and service type.
func SplitInstance(fqdn string) (name, typ string, ok bool) {
	labels := dns.SplitDomainName(fqdn)
	typ, ok = typeOf(labels)
	if !ok || len(labels) < 4 {
		return "", "", false
	}
	parts := make([]string, 0, len(labels)-3)
	for _, l := range labels[:len(labels)-3] {
		parts = append(parts, Unescape(l))
	}
	return strings.Join(parts, "."), typ, true
}

// Unescape turns a label in miekg/dns's presentation form ("Lab\ Printer",
// "Caf\195\169") back into its text ("Lab Printer", "Café"), made safe to
// print.
func Unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return record.Sanitize(s)
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b = append(b, c)
			continue
		}
		if i+3 < len(s) && isDigit(s[i+1]) && isDigit(s[i+2]) && isDigit(s[i+3]) {
			v := int(s[i+1]-'0')*100 + int(s[i+2]-'0')*10 + int(s[i+3]-'0')
			if v <= 255 {
				b = append(b, byte(v))
				i += 3
				continue
			}
		}
		b = append(b, s[i+1])
		i++
	}
	return record.Sanitize(string(b))
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// instance finds or makes the instance record for an FQDN. nil means the
// name is not an instance or a bound was hit (counted).
func (t *Table) instance(fqdn string, src netip.Addr, at time.Time) *instance {
	key := strings.ToLower(fqdn)
	if in, ok := t.instances[key]; ok {
		return in
	}
	name, typ, ok := SplitInstance(fqdn)
	if !ok {
		t.stats.DroppedRecords++
		return nil
	}
	if len(t.instances) >= t.lim.MaxInstances || !t.allow(src, instancesOf) {
		t.stats.DroppedRecords++
		return nil
	}
	in := &instance{typ: typ, name: name, src: src, first: at}
	t.instances[key] = in
	t.noteNew(at)
	if _, ok := t.types[typ]; !ok && len(t.types) < t.lim.MaxTypes && t.allow(src, typesOf) {
		t.types[typ] = at
	}
	return in
}

func (t *Table) host(fqdn string, src netip.Addr, at time.Time) *hostRec {
	key := strings.ToLower(fqdn)
	if h, ok := t.hosts[key]; ok {
		return h
	}
	if len(t.hosts) >= t.lim.MaxHosts || !t.allow(src, hostsOf) {
		t.stats.DroppedRecords++
		return nil
	}
	name := hostLabel(fqdn)
	if name == "" {
		t.stats.DroppedRecords++
		return nil
	}
	h := &hostRec{name: name, src: src, first: at}
	t.hosts[key] = h
	t.noteNew(at)
	return h
}

func (t *Table) addAddr(fqdn string, a netip.Addr, src netip.Addr, at time.Time) {
	h := t.host(fqdn, src, at)
	if h == nil {
		return
	}
	for _, x := range h.addrs {
		if x == a {
			return
		}
	}
	if len(h.addrs) >= t.lim.MaxAddrs {
		t.stats.DroppedRecords++
		return
	}
	h.addrs = append(h.addrs, a)
}

// parseTXT turns TXT strings into a map, within the bounds. A string
// without "=" is a boolean attribute (value ""); the first of a repeated
// key wins (RFC 6763 6.4).
func (t *Table) parseTXT(ss []string) map[string]string {
	m := map[string]string{}
	total := 0
	truncated := false
	for _, s := range ss {
		s = unescapeTXT(s)
		total += len(s) + 1
		if total > t.lim.MaxTXTBytes || len(m) >= t.lim.MaxTXTKeys {
			truncated = true
			break
		}
		k, v, _ := strings.Cut(s, "=")
		if k == "" {
			continue
		}
		k = record.Sanitize(k)
		if _, dup := m[k]; dup {
			continue
		}
		m[k] = record.Sanitize(v)
	}
	if truncated {
		t.stats.TruncatedTXT++
	}
	return m
}

// unescapeTXT undoes miekg/dns's escaping of TXT strings (\" \\ \DDD).
func unescapeTXT(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b = append(b, c)
			continue
		}
		if i+3 < len(s) && isDigit(s[i+1]) && isDigit(s[i+2]) && isDigit(s[i+3]) {
			v := int(s[i+1]-'0')*100 + int(s[i+2]-'0')*10 + int(s[i+3]-'0')
			if v <= 255 {
				b = append(b, byte(v))
				i += 3
				continue
			}
		}
		b = append(b, s[i+1])
		i++
	}
	return string(b)
}

// AddEntry merges an instance zeroconf resolved. Its fields are in
// presentation form; addrs are the host's.
func (t *Table) AddEntry(instanceFQDN, hostFQDN string, port int, txt []string, addrs []netip.Addr, at time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	var src netip.Addr
	if len(addrs) > 0 {
		src = addrs[0].Unmap()
	}
	for _, a := range addrs {
		t.addAddr(hostFQDN, a.Unmap(), src, at)
	}
	in := t.instance(instanceFQDN, src, at)
	if in == nil {
		return
	}
	if hostFQDN != "" {
		in.target = strings.ToLower(hostFQDN)
	}
	if port != 0 {
		in.port = port
	}
	if in.txt == nil && len(txt) > 0 {
		in.txt = t.parseTXT(txt)
	}
}

// HostNames returns the FQDNs of the hosts that services point at, for
// follow-up queries (HINFO, _device-info).
func (t *Table) HostNames() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	seen := map[string]bool{}
	var out []string
	for _, in := range t.instances {
		if in.target != "" && !seen[in.target] {
			seen[in.target] = true
			out = append(out, in.target)
		}
	}
	sort.Strings(out)
	return out
}

// Hosts assembles what was heard into hosts: each instance joins the host
// its SRV names, or failing that the host whose answers carried it (an
// Apple _device-info TXT has no SRV). Sorted by first address, then name.
func (t *Table) Hosts() []Host {
	t.mu.Lock()
	defer t.mu.Unlock()
	type acc struct {
		h        Host
		services []record.Service
	}
	byKey := map[string]*acc{}
	get := func(key string) *acc {
		a, ok := byKey[key]
		if !ok {
			a = &acc{}
			byKey[key] = a
		}
		return a
	}
	bySrc := map[netip.Addr]string{}
	for key, h := range t.hosts {
		a := get(key)
		a.h.Name = h.name
		a.h.Addrs = append([]netip.Addr(nil), h.addrs...)
		if len(a.h.Addrs) == 0 && h.src.IsValid() {
			a.h.Addrs = []netip.Addr{h.src}
		}
		a.h.HINFO = h.hinfo
		a.h.FirstSeen = h.first
		for _, ad := range a.h.Addrs {
			if _, ok := bySrc[ad]; !ok || key < bySrc[ad] {
				bySrc[ad] = key
			}
		}
	}
	for _, in := range t.instances {
		key := in.target
		switch {
		case key != "":
			if byKey[key] == nil && in.src.IsValid() {
				// The SRV's host sent no address record: its answers'
				// source stands in.
				get(key).h.Addrs = []netip.Addr{in.src}
			}
		case bySrc[in.src] != "":
			key = bySrc[in.src]
		case in.src.IsValid():
			key = "@" + in.src.String()
			if byKey[key] == nil {
				get(key).h.Addrs = []netip.Addr{in.src}
			}
		default:
			continue
		}
		a := get(key)
		if a.h.FirstSeen.IsZero() || in.first.Before(a.h.FirstSeen) {
			a.h.FirstSeen = in.first
		}
		if a.h.Name == "" && key[0] != '@' {
			a.h.Name = hostLabel(key)
		}
		a.services = append(a.services, record.Service{Type: in.typ, Name: in.name, Port: in.port, TXT: in.txt})
	}
	for ip, name := range t.reverse {
		if key, ok := bySrc[ip]; ok && byKey[key].h.Name == "" {
			byKey[key].h.Name = hostLabel(name)
		}
	}
	out := make([]Host, 0, len(byKey))
	for _, a := range byKey {
		sort.Slice(a.services, func(i, j int) bool {
			if a.services[i].Type != a.services[j].Type {
				return a.services[i].Type < a.services[j].Type
			}
			return a.services[i].Name < a.services[j].Name
		})
		a.h.Services = a.services
		if len(a.h.Services) == 0 && len(a.h.Addrs) == 0 {
			continue
		}
		sort.Slice(a.h.Addrs, func(i, j int) bool { return a.h.Addrs[i].Less(a.h.Addrs[j]) })
		out = append(out, a.h)
	}
	sort.Slice(out, func(i, j int) bool {
		ai, aj := out[i].Addrs, out[j].Addrs
		switch {
		case len(ai) > 0 && len(aj) > 0 && ai[0] != aj[0]:
			return ai[0].Less(aj[0])
		case len(ai) != len(aj) && (len(ai) == 0 || len(aj) == 0):
			return len(ai) > 0
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// hostLabel turns a host FQDN ("lab\ box.local.") into its name without
// ".local" ("lab box").
func hostLabel(fqdn string) string {
	labels := dns.SplitDomainName(fqdn)
	if n := len(labels); n > 0 && strings.EqualFold(labels[n-1], "local") {
		labels = labels[:n-1]
	}
	for i := range labels {
		labels[i] = Unescape(labels[i])
	}
	return strings.Join(labels, ".")
}
