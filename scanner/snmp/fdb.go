package snmp

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/netip"
	"slices"
	"strconv"
	"strings"

	"github.com/gosnmp/gosnmp"

	"github.com/netcensus/netcensus/internal/secret"
	"github.com/netcensus/netcensus/internal/snmprec"
	"github.com/netcensus/netcensus/record"
)

// Forwarding tables and VLANs (BRIDGE-MIB, Q-BRIDGE-MIB, CISCO-VTP-MIB)
// and CDP neighbours (CISCO-CDP-MIB).
const (
	oidDot1dBaseNumPorts    = "1.3.6.1.2.1.17.1.2.0"
	oidDot1dBasePortIfIndex = "1.3.6.1.2.1.17.1.4.1.2"
	oidDot1dTpFdbEntry      = "1.3.6.1.2.1.17.4.3.1"
	oidDot1qTpFdbEntry      = "1.3.6.1.2.1.17.7.1.2.2.1"
	oidDot1qVlanFdbID       = "1.3.6.1.2.1.17.7.1.4.2.1.3"
	oidDot1qVlanStaticName  = "1.3.6.1.2.1.17.7.1.4.3.1.1"
	oidVtpVlanEntry         = "1.3.6.1.4.1.9.9.46.1.3.1.1"
	oidCdpCacheEntry        = "1.3.6.1.4.1.9.9.23.1.2.1.1"
	oidLldpRemSysCapEnabled = oidLldpRemEntry + ".12"
	ciscoEnterprise         = "1.3.6.1.4.1.9."
)

// bridgeColumns are read from a bridge in its default context.
var bridgeColumns = []string{
	oidDot1dBasePortIfIndex,
	oidDot1dTpFdbEntry + ".2", oidDot1dTpFdbEntry + ".3",
	oidDot1qTpFdbEntry + ".2", oidDot1qTpFdbEntry + ".3",
	oidDot1qVlanFdbID, oidDot1qVlanStaticName,
	oidVtpVlanEntry + ".2", oidVtpVlanEntry + ".3",
}

// cdpColumns are CDP's cache: address type and address, device ID, port,
// platform and capabilities.
var cdpColumns = cols(oidCdpCacheEntry, 3, 4, 6, 7, 8, 9)

// contextColumns are read in each VLAN's context.
var contextColumns = []string{oidDot1dBasePortIfIndex, oidDot1dTpFdbEntry + ".2", oidDot1dTpFdbEntry + ".3"}

// VLAN context modes (FDBOptions.VLANContexts).
const (
	// VLANContextsAuto reads a VLAN context per VLAN where the switch
	// lists its VLANs in CISCO-VTP-MIB (Cisco IOS keeps one bridge per
	// VLAN and shows only VLAN 1's in the default context).
	VLANContextsAuto = "auto"
	// VLANContextsAlways reads a context per VLAN the switch lists
	// (vtpVlanState or dot1qVlanStaticTable).
	VLANContextsAlways = "always"
	// VLANContextsNever reads the default context only.
	VLANContextsNever = "never"
)

// FDBOptions configure the forwarding-table collection; the zero value
// reads it with the defaults.
type FDBOptions struct {
	// Off skips forwarding tables, VLANs and CDP.
	Off bool
	// VLANContexts is auto, always or never (default auto).
	VLANContexts string
	// MaxVLANs bounds the VLAN contexts read per switch (default 64).
	MaxVLANs int
}

func (o FDBOptions) withDefaults() FDBOptions {
	if o.VLANContexts == "" {
		o.VLANContexts = VLANContextsAuto
	}
	if o.MaxVLANs <= 0 {
		o.MaxVLANs = 64
	}
	return o
}

// FDBEntry is one MAC a switch learnt on a bridge port.
type FDBEntry struct {
	MAC record.MAC
	// VLAN is the entry's VLAN (0: unknown, a BRIDGE-MIB table read in
	// the default context).
	VLAN int
	// BridgePort is dot1dBasePort; IfIndex and Port (ifName, else
	// ifDescr, else the bridge port number) the interface it maps to.
	BridgePort int
	IfIndex    int
	Port       string
	// OID is where the entry was read, for evidence (context included,
	// as "public@10:1.3.6...").
	OID string
}

// VLANContext is one VLAN's BRIDGE-MIB read in its own context
// (community@vlan, or SNMPv3 context vlan-N).
type VLANContext struct {
	VLAN int
	// Context names it without a secret: "@10" or "vlan-10".
	Context string
	Walk    *snmprec.Walk
}

// isBridge reports whether the system group read says the device bridges:
// dot1dBaseNumPorts > 0.
func isBridge(w *snmprec.Walk) bool {
	v, ok := w.Get(oidDot1dBaseNumPorts)
	if !ok {
		return false
	}
	n, ok := valueUint(v)
	return ok && n > 0
}

// collectBridge reads a bridge's forwarding tables, VLANs and CDP cache
// in the default context (appended to the walk), then each VLAN's context
// when opts say so. ctx bounds it all (the target timeout). A failed VLAN
// context is a reason of a partial collection, not an error of the host;
// a timeout stops the contexts left.
func (c *Collector) collectBridge(ctx context.Context, cl Client, target netip.AddrPort, cred Credential, w *walker, sys []gosnmp.SnmpPDU, log *slog.Logger) (walked []gosnmp.SnmpPDU, vlans []VLANContext, reasons []record.CollectionReason, err error) {
	o := c.opts.FDB.withDefaults()
	base := snmprec.NewWalk(Records(sys))
	bridge := isBridge(base)
	var roots []string
	if bridge {
		roots = append(roots, bridgeColumns...)
	}
	if v, ok := base.Get(oidSysObjectID); bridge || (ok && strings.HasPrefix(v.OID+".", ciscoEnterprise)) {
		roots = append(roots, cdpColumns...)
	}
	if len(roots) == 0 {
		return nil, nil, nil, nil
	}
	// Forwarding tables are long and their rows small: larger GETBULK
	// answers than the default (the walker still shrinks them on tooBig
	// or a dropped answer).
	fw := c.bridgeWalker(cl, w.bulk, log)
	walked, err = fw.walk(ctx, roots)
	w.capped, w.nonIncreasing = append(w.capped, fw.capped...), append(w.nonIncreasing, fw.nonIncreasing...)
	w.unordered = append(w.unordered, fw.unordered...)
	if err != nil || !bridge || o.VLANContexts == VLANContextsNever {
		return walked, nil, nil, err
	}
	ids, vtp := reportedVLANs(snmprec.NewWalk(Records(walked)))
	if !vtp && o.VLANContexts != VLANContextsAlways {
		return walked, nil, nil, nil
	}
	if len(ids) > o.MaxVLANs {
		reasons = append(reasons, record.CollectionReason{Reason: record.ReasonMaxRows, OID: oidVtpVlanEntry + ".2",
			Detail: fmt.Sprintf("%d VLANs, contexts read for the first %d (max_vlans)", len(ids), o.MaxVLANs)})
		ids = ids[:o.MaxVLANs]
	}
	for _, id := range ids {
		vc, name := vlanCredential(cred, id)
		vcl, err := c.opts.Dial(ctx, target, vc)
		if err != nil {
			reasons = append(reasons, record.CollectionReason{Reason: record.ReasonError, Detail: fmt.Sprintf("vlan context %s: %v", name, err)})
			continue
		}
		vw := c.bridgeWalker(vcl, w.bulk, log)
		pdus, err := vw.walk(ctx, contextColumns)
		vcl.Close()
		for _, o := range vw.capped {
			reasons = append(reasons, record.CollectionReason{Reason: record.ReasonMaxRows, OID: name + ":" + o, Detail: fmt.Sprintf("max_rows %d", c.opts.MaxRows)})
		}
		if len(pdus) > 0 {
			vlans = append(vlans, VLANContext{VLAN: id, Context: name, Walk: snmprec.NewWalk(Records(pdus))})
		}
		if err != nil {
			if ctx.Err() != nil {
				return walked, vlans, reasons, err
			}
			reasons = append(reasons, record.CollectionReason{Reason: record.ReasonError, Detail: fmt.Sprintf("vlan context %s: %v", name, err)})
			if errors.Is(err, ErrTimeout) {
				// An agent that does not answer one context will not
				// answer the next: the target's time is kept for others.
				log.Info("snmp vlan context unanswered; remaining contexts skipped", "context", name)
				break
			}
		}
	}
	return walked, vlans, reasons, nil
}

// Bridge walks: GETBULK max-repetitions and varbinds per answer (an FDB
// row is about 30 bytes: 1,000 of them fit a UDP datagram twice over).
const (
	bridgeMaxRepetitions = 100
	bridgeMaxVarbinds    = 1000
)

func (c *Collector) bridgeWalker(cl Client, bulk bool, log *slog.Logger) *walker {
	return &walker{c: cl, log: log, bulk: bulk, maxRep: max(c.opts.MaxRepetitions, bridgeMaxRepetitions),
		maxVarbinds: bridgeMaxVarbinds, maxRows: c.opts.MaxRows}
}

// vlanCredential is cred for VLAN id's context: community@id for v1 and
// v2c, context vlan-id for v3. The name says which, without the secret.
func vlanCredential(cred Credential, id int) (Credential, string) {
	s := strconv.Itoa(id)
	if cred.Version == gosnmp.Version3 {
		cred.Context = "vlan-" + s
		return cred, cred.Context
	}
	cred.Community = secret.Secret(cred.Community.Reveal() + "@" + s)
	return cred, "@" + s
}

// reportedVLANs lists the VLANs a switch reports: CISCO-VTP-MIB's
// operational Ethernet VLANs (vtp true) without the reserved 1002-1005,
// else Q-BRIDGE's static VLANs. Sorted, each once.
func reportedVLANs(w *snmprec.Walk) (ids []int, vtp bool) {
	rows, order := table(w, oidVtpVlanEntry)
	for _, idx := range order {
		r := rows[idx]
		parts := strings.Split(idx, ".")
		id, err := strconv.Atoi(parts[len(parts)-1])
		if err != nil || len(parts) != 2 || id < 1 || id > 4094 || (id >= 1002 && id <= 1005) {
			continue
		}
		vtp = true
		if st, ok := r.int(2); ok && st != 1 { // operational(1)
			continue
		}
		if ty, ok := r.int(3); ok && ty != 1 { // ethernet(1)
			continue
		}
		ids = append(ids, id)
	}
	if !vtp {
		for _, r := range w.Subtree(oidDot1qVlanStaticName) {
			if id, err := strconv.Atoi(strings.TrimPrefix(r.OID, oidDot1qVlanStaticName+".")); err == nil && id >= 1 && id <= 4094 {
				ids = append(ids, id)
			}
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids), vtp
}

// fdbStatus values that are not a learnt host: invalid(2), self(4).
func skipStatus(r row) bool {
	st, ok := r.int(3)
	return ok && (st == 2 || st == 4)
}

// DecodeFDB reads a bridge's forwarding entries: Q-BRIDGE's
// dot1qTpFdbTable (VLAN from dot1qVlanFdbId, else the FDB ID taken as the
// VLAN) where the switch has one, else BRIDGE-MIB's dot1dTpFdbTable of
// each VLAN context and of the default context (VLAN 0 for entries no
// context has). Bridge ports map to interfaces through each context's
// dot1dBasePortIfIndex. Entries the switch holds for itself (self,
// invalid) are left out.
func DecodeFDB(w *snmprec.Walk, vlans []VLANContext, ifaces []record.Interface) []FDBEntry {
	names := map[int]string{}
	for _, it := range ifaces {
		n := it.Name
		if n == "" {
			n = it.Alias
		}
		names[it.Index] = n
	}
	portIf := func(w *snmprec.Walk) map[int]int {
		m := map[int]int{}
		for _, r := range w.Subtree(oidDot1dBasePortIfIndex) {
			p, err := strconv.Atoi(strings.TrimPrefix(r.OID, oidDot1dBasePortIfIndex+"."))
			if u, ok := valueUint(r.Value); err == nil && ok {
				m[p] = int(u)
			}
		}
		return m
	}
	baseMap := portIf(w)
	entry := func(mac record.MAC, vlan, port int, pm map[int]int, oid string) FDBEntry {
		e := FDBEntry{MAC: mac, VLAN: vlan, BridgePort: port, OID: oid}
		if ix, ok := pm[port]; ok {
			e.IfIndex = ix
		} else if ix, ok := baseMap[port]; ok {
			e.IfIndex = ix
		}
		if e.Port = names[e.IfIndex]; e.Port == "" {
			if e.IfIndex != 0 {
				e.Port = "ifIndex " + strconv.Itoa(e.IfIndex)
			} else {
				e.Port = "port " + strconv.Itoa(port)
			}
		}
		return e
	}
	var out []FDBEntry
	// Q-BRIDGE: index dot1qFdbId.MAC.
	fdbVLAN := map[int]int{}
	for _, r := range w.Subtree(oidDot1qVlanFdbID) {
		parts := strings.Split(strings.TrimPrefix(r.OID, oidDot1qVlanFdbID+"."), ".")
		if len(parts) != 2 {
			continue
		}
		vlan, err := strconv.Atoi(parts[1])
		if u, ok := valueUint(r.Value); err == nil && ok && u > 0 {
			fdbVLAN[int(u)] = vlan
		}
	}
	rows, order := table(w, oidDot1qTpFdbEntry)
	for _, idx := range order {
		r := rows[idx]
		parts := strings.Split(idx, ".")
		if len(parts) != 7 || skipStatus(r) {
			continue
		}
		fid, err := strconv.Atoi(parts[0])
		mac, ok := macFromArcs(parts[1:])
		port, pok := r.uint(2)
		if err != nil || !ok || !pok || port == 0 {
			continue
		}
		vlan := fid
		if v, ok := fdbVLAN[fid]; ok {
			vlan = v
		}
		out = append(out, entry(mac, vlan, int(port), nil, oidDot1qTpFdbEntry+".2."+idx))
	}
	if len(out) > 0 {
		return out
	}
	// BRIDGE-MIB: each VLAN context, then the default context for the
	// MACs no context placed (on Cisco the default context is VLAN 1's).
	dot1d := func(w *snmprec.Walk, vlan int, ctxName string, pm map[int]int, skip map[string]bool) {
		rows, order := table(w, oidDot1dTpFdbEntry)
		for _, idx := range order {
			r := rows[idx]
			mac, ok := macFromArcs(strings.Split(idx, "."))
			port, pok := r.uint(2)
			if !ok || !pok || port == 0 || skipStatus(r) || skip[mac.String()] {
				continue
			}
			oid := oidDot1dTpFdbEntry + ".2." + idx
			if ctxName != "" {
				oid = ctxName + ":" + oid
			}
			out = append(out, entry(mac, vlan, int(port), pm, oid))
		}
	}
	for _, vc := range vlans {
		dot1d(vc.Walk, vc.VLAN, vc.Context, portIf(vc.Walk), nil)
	}
	placed := make(map[string]bool, len(out))
	for _, e := range out {
		placed[e.MAC.String()] = true
	}
	dot1d(w, 0, "", baseMap, placed)
	return out
}

// macFromArcs reads a MAC written as six OID arcs.
func macFromArcs(parts []string) (record.MAC, bool) {
	if len(parts) != 6 {
		return nil, false
	}
	m := make(record.MAC, 6)
	for i, p := range parts {
		v, err := strconv.ParseUint(p, 10, 8)
		if err != nil {
			return nil, false
		}
		m[i] = byte(v)
	}
	return m, true
}

// lldpCapabilities names the bits of an LLDP capability set (BITS:
// the first octet's high bit is bit 0).
var lldpCapabilities = []string{"other", "repeater", "bridge", "wlan_access_point", "router", "telephone", "docsis_cable_device", "station_only", "cvlan_component", "svlan_component", "two_port_mac_relay"}

func bitsNames(b []byte, names []string) []string {
	var out []string
	for i, n := range names {
		if i/8 < len(b) && b[i/8]&(0x80>>(i%8)) != 0 {
			out = append(out, n)
		}
	}
	return out
}

// cdpCapabilities names CDP's capability bits, lowest first.
var cdpCapabilities = []string{"router", "trans_bridge", "source_route_bridge", "switch", "host", "igmp", "repeater", "phone", "remote_management", "cvta", "two_port_mac_relay"}

func cdpCaps(b []byte) []string {
	if len(b) != 4 {
		return nil
	}
	v := uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
	var out []string
	for i, n := range cdpCapabilities {
		if v&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return out
}

// decodeCDP reads cdpCacheTable (index ifIndex.deviceIndex); the local
// port is the interface's name.
func decodeCDP(w *snmprec.Walk, ifaces []record.Interface) []record.Neighbor {
	names := map[string]string{}
	for _, it := range ifaces {
		names[strconv.Itoa(it.Index)] = it.Name
	}
	rows, order := table(w, oidCdpCacheEntry)
	var out []record.Neighbor
	for _, idx := range order {
		parts := strings.Split(idx, ".")
		if len(parts) != 2 {
			continue
		}
		r := rows[idx]
		n := record.Neighbor{Protocol: "cdp", ChassisID: r.str(6), PortID: r.str(7), Platform: r.str(8), LocalPort: names[parts[0]]}
		if n.LocalPort == "" {
			n.LocalPort = "ifIndex " + parts[0]
		}
		// cdpCacheDeviceId is the neighbour's name (often "name.domain"
		// or "name(serial)"): its sysName as far as CDP tells.
		n.SysName = n.ChassisID
		if v, ok := r[9]; ok {
			n.Capabilities = cdpCaps(v.Bytes)
		}
		if n.ChassisID == "" && n.PortID == "" {
			continue
		}
		out = append(out, n)
	}
	return out
}
