package snmp

import (
	"net/netip"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gosnmp/gosnmp"

	"github.com/netcensus/netcensus/fingerprints"
	"github.com/netcensus/netcensus/internal/snmprec"
	"github.com/netcensus/netcensus/record"
)

// Records turns what an agent answered into snmprec records (names
// without the leading dot, values by BER tag), ready for snmprec.NewWalk.
func Records(pdus []gosnmp.SnmpPDU) []snmprec.Record {
	out := make([]snmprec.Record, 0, len(pdus))
	for _, p := range pdus {
		v, ok := valueOf(p)
		if !ok {
			continue
		}
		out = append(out, snmprec.Record{OID: normOID(p.Name), Value: v})
	}
	return out
}

func valueOf(p gosnmp.SnmpPDU) (snmprec.Value, bool) {
	v := snmprec.Value{Type: snmprec.Type(p.Type)}
	switch p.Type {
	case gosnmp.Integer:
		switch x := p.Value.(type) {
		case int:
			v.Int = int64(x)
		case int64:
			v.Int = x
		default:
			return v, false
		}
	case gosnmp.OctetString, gosnmp.Opaque, gosnmp.BitString:
		b, ok := p.Value.([]byte)
		if !ok {
			return v, false
		}
		v.Bytes = b
	case gosnmp.ObjectIdentifier:
		s, ok := p.Value.(string)
		if !ok {
			return v, false
		}
		v.OID = normOID(s)
	case gosnmp.IPAddress:
		s, ok := p.Value.(string)
		if !ok {
			return v, false
		}
		a, err := netip.ParseAddr(s)
		if err != nil {
			return v, false
		}
		b := a.AsSlice()
		v.Bytes = b
	case gosnmp.Counter32, gosnmp.Gauge32, gosnmp.TimeTicks, gosnmp.Uinteger32:
		switch x := p.Value.(type) {
		case uint:
			v.Uint = uint64(x)
		case uint32:
			v.Uint = uint64(x)
		default:
			return v, false
		}
	case gosnmp.Counter64:
		x, ok := p.Value.(uint64)
		if !ok {
			return v, false
		}
		v.Uint = x
	default:
		return v, false
	}
	switch p.Type {
	case gosnmp.BitString:
		v.Type = snmprec.TypeOctetString
	case gosnmp.Uinteger32:
		v.Type = snmprec.TypeGauge32
	}
	return v, true
}

// row is one table row: column number -> value.
type row map[int]snmprec.Value

// table groups a walk's entry subtree into rows by index (the arcs after
// entry.column).
func table(w *snmprec.Walk, entry string) (map[string]row, []string) {
	rows := map[string]row{}
	var order []string
	prefix := entry + "."
	for _, r := range w.Subtree(entry) {
		rest := strings.TrimPrefix(r.OID, prefix)
		dot := strings.IndexByte(rest, '.')
		if dot <= 0 {
			continue
		}
		col, err := strconv.Atoi(rest[:dot])
		if err != nil {
			continue
		}
		idx := rest[dot+1:]
		rw, ok := rows[idx]
		if !ok {
			rw = row{}
			rows[idx] = rw
			order = append(order, idx)
		}
		rw[col] = r.Value
	}
	sort.Slice(order, func(i, j int) bool { return snmprec.CompareOID(order[i], order[j]) < 0 })
	return rows, order
}

func (r row) str(col int) string {
	v, ok := r[col]
	if !ok {
		return ""
	}
	return valueText(v)
}

func (r row) uint(col int) (uint64, bool) {
	v, ok := r[col]
	if !ok {
		return 0, false
	}
	return valueUint(v)
}

func (r row) int(col int) (int64, bool) {
	v, ok := r[col]
	if !ok {
		return 0, false
	}
	switch v.Type {
	case snmprec.TypeInteger:
		return v.Int, true
	case snmprec.TypeCounter32, snmprec.TypeGauge32, snmprec.TypeTimeTicks, snmprec.TypeCounter64:
		return int64(v.Uint), true
	}
	return 0, false
}

// valueUint reads any integer type; a negative Integer32 (agents that
// overflow hrStorageSize) is taken as its unsigned 32-bit pattern.
func valueUint(v snmprec.Value) (uint64, bool) {
	switch v.Type {
	case snmprec.TypeInteger:
		if v.Int < 0 {
			return uint64(uint32(int32(v.Int))), true
		}
		return uint64(v.Int), true
	case snmprec.TypeCounter32, snmprec.TypeGauge32, snmprec.TypeTimeTicks, snmprec.TypeCounter64:
		return v.Uint, true
	}
	return 0, false
}

// valueText renders a value for people.
func valueText(v snmprec.Value) string {
	switch v.Type {
	case snmprec.TypeOctetString, snmprec.TypeOpaque:
		return text(v.Bytes)
	case snmprec.TypeOID:
		return v.OID
	case snmprec.TypeIPAddress:
		if a, ok := netip.AddrFromSlice(v.Bytes); ok {
			return a.String()
		}
		return hexColon(v.Bytes)
	case snmprec.TypeInteger:
		return strconv.FormatInt(v.Int, 10)
	}
	if u, ok := valueUint(v); ok {
		return strconv.FormatUint(u, 10)
	}
	return ""
}

func (w walkGetter) str(oid string) string {
	if v, ok := w.get(oid); ok {
		return valueText(v)
	}
	return ""
}

type walkGetter struct{ w *snmprec.Walk }

func (w walkGetter) get(oid string) (snmprec.Value, bool) {
	return w.w.Get(oid)
}

// Decode reads a walk into the SNMP part of an asset record, and the
// device's ARP cache into router_arp observations stamped now. ip, when
// valid, is the address the device was reached at: its interface's MAC
// becomes the record's.
func Decode(w *snmprec.Walk, ip netip.Addr, now time.Time) (record.Asset, []record.Observation) {
	g := walkGetter{w}
	a := record.Asset{
		SysDescr:    g.str(oidSysDescr),
		SysName:     g.str(oidSysName),
		SysLocation: g.str(oidSysLocation),
		SysContact:  g.str(oidSysContact),
	}
	if v, ok := g.get(oidSysObjectID); ok && v.Type == snmprec.TypeOID {
		a.SysObjectID = v.OID
	}
	if v, ok := g.get(oidSysUpTime); ok {
		if u, ok := valueUint(v); ok {
			a.SysUptimeS = u / 100
		}
	}
	a.Hostname = a.SysName
	a.Software = decodeSoftware(w)
	a.Storage = decodeStorage(w)
	decodeHost(w, &a)
	a.Interfaces = decodeInterfaces(w)
	a.Neighbors = append(decodeNeighbors(w), decodeCDP(w, a.Interfaces)...)
	a.AddSource(record.SourceSNMP)
	a.IP = ip
	addrs := decodeAddrs(w)
	for _, x := range addrs {
		if !x.addr.IsLoopback() && x.addr != ip {
			a.IPs = append(a.IPs, x.addr)
		}
	}
	if ip.IsValid() && len(a.IPs) > 0 {
		a.IPs = append([]netip.Addr{ip}, a.IPs...)
	}
	for _, x := range addrs {
		if x.addr != ip {
			continue
		}
		for _, it := range a.Interfaces {
			if it.Index == x.ifIndex && len(it.MAC) == 6 {
				a.MAC = it.MAC
			}
		}
	}
	return a, decodeARPCache(w, now)
}

type ifAddr struct {
	addr    netip.Addr
	ifIndex int
}

// decodeAddrs reads ipAdEntIfIndex: the device's own IPv4 addresses.
func decodeAddrs(w *snmprec.Walk) []ifAddr {
	var out []ifAddr
	for _, r := range w.Subtree(oidIPAdEntIfIndex) {
		a, err := netip.ParseAddr(strings.TrimPrefix(r.OID, oidIPAdEntIfIndex+"."))
		if err != nil || !a.Is4() || r.Value.Type != snmprec.TypeInteger {
			continue
		}
		out = append(out, ifAddr{addr: a, ifIndex: int(r.Value.Int)})
	}
	return out
}

func decodeSoftware(w *snmprec.Walk) []record.Software {
	rows, order := table(w, oidHrSWInstalledEnt)
	var out []record.Software
	for _, idx := range order {
		r := rows[idx]
		name := r.str(2)
		if name == "" {
			continue
		}
		sw := fingerprints.ParseSoftware(name)
		if v, ok := r[5]; ok {
			if t, ok := dateAndTime(v.Bytes); ok {
				sw.InstalledAt = t
			}
		}
		out = append(out, sw)
	}
	return out
}

// hrStorageTypes names (HOST-RESOURCES-TYPES).
var storageTypes = map[string]string{
	"1": "other", "2": "ram", "3": "virtual_memory", "4": "fixed_disk", "5": "removable_disk",
	"6": "floppy_disk", "7": "compact_disc", "8": "ram_disk", "9": "flash_memory", "10": "network_disk",
}

func decodeStorage(w *snmprec.Walk) []record.Storage {
	rows, order := table(w, oidHrStorageEntry)
	var out []record.Storage
	for _, idx := range order {
		r := rows[idx]
		s := record.Storage{Descr: r.str(3)}
		if v, ok := r[2]; ok && v.Type == snmprec.TypeOID {
			if t, ok := strings.CutPrefix(v.OID, "1.3.6.1.2.1.25.2.1."); ok {
				s.Type = storageTypes[t]
			}
		}
		units, _ := r.uint(4)
		size, _ := r.uint(5)
		used, _ := r.uint(6)
		s.SizeBytes, s.UsedBytes = units*size, units*used
		if s.Descr == "" && s.SizeBytes == 0 {
			continue
		}
		out = append(out, s)
	}
	return out
}

// ifTypes names the common IANAifType values.
var ifTypes = map[int64]string{
	1: "other", 6: "ethernetCsmacd", 23: "ppp", 24: "softwareLoopback", 37: "atm", 53: "propVirtual",
	62: "fastEther", 69: "fastEtherFX", 71: "ieee80211", 117: "gigabitEthernet", 131: "tunnel",
	135: "l2vlan", 136: "l3ipvlan", 150: "mplsTunnel", 161: "ieee8023adLag", 166: "mpls",
	209: "bridge", 244: "wwanPP2",
}

func decodeInterfaces(w *snmprec.Walk) []record.Interface {
	rows, order := table(w, oidIfEntry)
	xrows, xorder := table(w, oidIfXEntry)
	for _, idx := range xorder {
		if _, ok := rows[idx]; !ok {
			rows[idx] = row{}
			order = append(order, idx)
		}
	}
	sort.Slice(order, func(i, j int) bool { return snmprec.CompareOID(order[i], order[j]) < 0 })
	var out []record.Interface
	for _, idx := range order {
		n, err := strconv.Atoi(idx)
		if err != nil {
			continue
		}
		r, x := rows[idx], xrows[idx]
		if x == nil {
			x = row{}
		}
		it := record.Interface{Index: n, Name: x.str(1), Alias: x.str(18)}
		if it.Name == "" {
			it.Name = r.str(2)
		}
		if t, ok := r.int(3); ok {
			it.Type = ifTypes[t]
			if it.Type == "" {
				it.Type = strconv.FormatInt(t, 10)
			}
		}
		if v, ok := r[6]; ok {
			it.MAC = macFrom(v.Bytes)
		}
		speed, _ := r.uint(5)
		if hs, ok := x.uint(15); ok && hs > 0 && (speed == 0 || speed >= 4294967295 || hs*1_000_000 > speed) {
			speed = hs * 1_000_000
		}
		it.SpeedBps = speed
		if v, ok := r.int(7); ok {
			it.AdminUp = v == 1
		}
		if v, ok := r.int(8); ok {
			it.OperUp = v == 1
		}
		it.InOctets, it.OutOctets, it.CounterBits = octets(r, x)
		out = append(out, it)
	}
	return out
}

// octets reads an interface's in and out octet counters, both of one
// width so that a rate from their deltas wraps where they do: the 64-bit
// ifHCInOctets/ifHCOutOctets (ifXTable) when the agent has them, else the
// 32-bit ifInOctets/ifOutOctets. bits is 0 when there is no counter.
func octets(r, x row) (in, out uint64, bits int) {
	hin, okHIn := x.uint(6)
	hout, okHOut := x.uint(10)
	in32, ok32In := r.uint(10)
	out32, ok32Out := r.uint(16)
	// HC counters when they cover every direction the 32-bit ones do: a
	// half-HC agent's pair is read at 32 bits rather than mixed.
	if (okHIn || okHOut) && (okHIn || !ok32In) && (okHOut || !ok32Out) {
		return hin, hout, 64
	}
	if ok32In || ok32Out {
		return uint32Of(in32), uint32Of(out32), 32
	}
	return 0, 0, 0
}

// uint32Of keeps a 32-bit counter in range (an agent that answers a
// Counter32 column with a wider type).
func uint32Of(v uint64) uint64 { return v & 0xffffffff }

// decodeHost reads memory and processors (HOST-RESOURCES-MIB) into a.
func decodeHost(w *snmprec.Walk, a *record.Asset) {
	if v, ok := w.Get(oidHrMemorySize + ".0"); ok {
		if kb, ok := valueUint(v); ok {
			a.MemoryBytes = kb * 1024
		}
	}
	var ramSize, ramUsed, cache uint64
	rams := 0
	for _, s := range a.Storage {
		switch {
		case s.Type == "ram":
			rams++
			ramSize += s.SizeBytes
			ramUsed += s.UsedBytes
		case s.Type == "other" && (s.Descr == "Memory buffers" || s.Descr == "Cached memory"):
			// net-snmp counts buffers and page cache as used physical
			// memory and lists them beside it.
			cache += s.UsedBytes
		}
	}
	if a.MemoryBytes == 0 {
		a.MemoryBytes = ramSize
	}
	if rams > 0 {
		a.MemoryUsedBytes = ramUsed
		if rams == 1 && cache > 0 && cache < ramUsed {
			a.MemoryUsedBytes = ramUsed - cache
		}
	}
	var sum float64
	n := 0
	for _, r := range w.Subtree(oidHrProcessorLoad) {
		load, ok := valueUint(r.Value)
		if !ok || load > 100 {
			continue
		}
		sum += float64(load)
		n++
	}
	if n > 0 {
		load := sum / float64(n)
		a.CPUCount, a.CPULoadPct = n, &load
	}
}

func decodeNeighbors(w *snmprec.Walk) []record.Neighbor {
	loc, _ := table(w, oidLldpLocPortEntry)
	rows, order := table(w, oidLldpRemEntry)
	var out []record.Neighbor
	for _, idx := range order {
		// index: timeMark.localPortNum.remIndex
		parts := strings.Split(idx, ".")
		if len(parts) != 3 {
			continue
		}
		r := rows[idx]
		n := record.Neighbor{SysName: r.str(9), Protocol: "lldp"}
		if v, ok := r[12]; ok {
			n.Capabilities = bitsNames(v.Bytes, lldpCapabilities)
		}
		if l, ok := loc[parts[1]]; ok {
			n.LocalPort = l.str(3)
			if d := l.str(4); d != "" {
				n.LocalPort = d
			}
		}
		if n.LocalPort == "" {
			n.LocalPort = parts[1]
		}
		csub, _ := r.int(4)
		n.ChassisID = lldpID(r[5], csub == 4, csub == 5)
		psub, _ := r.int(6)
		n.PortID = lldpID(r[7], psub == 3, psub == 4)
		if n.ChassisID == "" && n.PortID == "" && n.SysName == "" {
			continue
		}
		out = append(out, n)
	}
	return out
}

// lldpID renders an LLDP chassis or port ID by its subtype.
func lldpID(v snmprec.Value, isMAC, isAddr bool) string {
	b := v.Bytes
	switch {
	case isMAC && len(b) == 6:
		return record.MAC(b).String()
	case isAddr && len(b) >= 5:
		// IANA address family octet, then the address.
		if a, ok := netip.AddrFromSlice(b[1:]); ok {
			return a.String()
		}
	}
	return text(b)
}

// decodeARPCache reads the device's neighbour tables: ipNetToPhysicalTable
// (IP-MIB: IPv4 and IPv6 entries), then ipNetToMediaTable (the old IPv4
// ARP cache). IPv4 entries are router_arp observations, IPv6 ones
// router_nd.
func decodeARPCache(w *snmprec.Walk, now time.Time) []record.Observation {
	seen := map[netip.Addr]bool{}
	var out []record.Observation
	add := func(ip netip.Addr, mac record.MAC) {
		if !ip.IsValid() || mac == nil || seen[ip] || mac.IsMulticast() || ip.IsLoopback() || ip.IsMulticast() || ip.IsUnspecified() {
			return
		}
		seen[ip] = true
		src := record.SourceRouterARP
		if ip.Is6() {
			src = record.SourceRouterND
		}
		a := record.Asset{IP: ip, MAC: mac}
		a.AddSource(src)
		out = append(out, record.Observation{Time: now, Source: src, Scanner: "snmp", Asset: a})
	}
	// ipNetToPhysicalEntry index: ifIndex.addrType.len.addr... where
	// addrType is ipv4(1), ipv6(2) or ipv6z(4) (16 bytes and a 4-byte
	// zone index).
	rows, order := table(w, oidIPNetToPhysicalEntry)
	for _, idx := range order {
		r := rows[idx]
		// ipNetToPhysicalType: other(1), invalid(2), dynamic(3),
		// static(4), local(5).
		if t, ok := r.int(6); ok && t == 2 {
			continue
		}
		// ipNetToPhysicalState: reachable(1), stale(2), delay(3),
		// probe(4), invalid(5), unknown(6), incomplete(7).
		if st, ok := r.int(7); ok && (st == 5 || st == 7) {
			continue
		}
		arcs, ok := parseOID(idx)
		if !ok || len(arcs) < 3 {
			continue
		}
		typ, n := arcs[1], int(arcs[2])
		if len(arcs) != 3+n {
			continue
		}
		b := make([]byte, n)
		for i := range n {
			if arcs[3+i] > 255 {
				b = nil
				break
			}
			b[i] = byte(arcs[3+i])
		}
		switch {
		case b == nil:
			continue
		case typ == 1 && n == 4, typ == 2 && n == 16:
		case typ == 4 && n == 20:
			b = b[:16] // the zone is the entry's ifIndex's link
		default:
			continue
		}
		ip, ok := netip.AddrFromSlice(b)
		if !ok {
			continue
		}
		add(ip.Unmap(), macFrom(r[4].Bytes))
	}
	// ipNetToMediaEntry index: ifIndex.a.b.c.d
	rows, order = table(w, oidIPNetToMediaEntry)
	for _, idx := range order {
		r := rows[idx]
		if t, ok := r.int(4); ok && t == 2 {
			continue
		}
		arcs, ok := parseOID(idx)
		if !ok || len(arcs) != 5 {
			continue
		}
		var b [4]byte
		valid := true
		for i := range 4 {
			if arcs[1+i] > 255 {
				valid = false
			}
			b[i] = byte(arcs[1+i])
		}
		if !valid {
			continue
		}
		add(netip.AddrFrom4(b), macFrom(r[2].Bytes))
	}
	return out
}
