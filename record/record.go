// Package record holds the types every other package speaks: the Observation
// a scanner emits and the Asset record that every output shares. It is a
// leaf: it imports nothing of the project.
//
// JSON keys are snake_case, a key is omitted when unknown, and times are
// RFC 3339 in UTC.
package record

import (
	"fmt"
	"net"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"time"
)

//go:generate go run ./internal/schemagen -o ../docs/asset.schema.json

// Source names what saw a host.
type Source string

// The sources a record can carry.
const (
	SourceARP       Source = "arp"
	SourceSNMP      Source = "snmp"
	SourceMDNS      Source = "mdns"
	SourcePassive   Source = "passive"
	SourceRouterARP Source = "router_arp"
	// SourceNetBIOS and SourceLLMNR: the host answered a NetBIOS node
	// status or an LLMNR query. SourceDNS names reverse DNS, which names
	// hosts but never sees one, so it is never among a record's sources.
	SourceNetBIOS Source = "netbios"
	SourceLLMNR   Source = "llmnr"
	SourceDNS     Source = "dns"
	// SourceNmap: a host from an imported Nmap XML report.
	SourceNmap Source = "nmap"
	// SourceNDP: IPv6 neighbour discovery on an attached link (an echo to
	// all nodes, solicitations); SourceRouterND: a router's IPv6
	// neighbour table (IP-MIB ipNetToPhysicalTable). Each gives an IPv6
	// address with the MAC it answers from.
	SourceNDP      Source = "ndp"
	SourceRouterND Source = "router_nd"
)

// SeesWire reports whether s sees an address with the MAC it answers from
// on the wire, binding one to the other: ARP, passive capture, NDP,
// routers' ARP and neighbour tables.
func (s Source) SeesWire() bool {
	switch s {
	case SourceARP, SourcePassive, SourceRouterARP, SourceNDP, SourceRouterND:
		return true
	}
	return false
}

// Port is one open port of a host and what listens on it (from an Nmap
// report's service detection).
type Port struct {
	Port     int    `json:"port"`
	Protocol string `json:"protocol"`
	Service  string `json:"service,omitempty"`
	Product  string `json:"product,omitempty"`
	Version  string `json:"version,omitempty"`
}

// String is the port as "22/tcp ssh OpenSSH 9.2p1", what is unknown left out.
func (p Port) String() string {
	s := strconv.Itoa(p.Port) + "/" + p.Protocol
	for _, x := range []string{p.Service, p.Product, p.Version} {
		if x != "" {
			s += " " + x
		}
	}
	return s
}

// HostName is one name a host goes by, and what gave it.
type HostName struct {
	Name   string `json:"name"`
	Source Source `json:"source"`
}

// MAC is a hardware address that marshals as text (aa:bb:cc:dd:ee:ff)
// rather than as base64 bytes.
type MAC net.HardwareAddr

// ParseMAC parses any form net.ParseMAC accepts.
func ParseMAC(s string) (MAC, error) {
	hw, err := net.ParseMAC(s)
	if err != nil {
		return nil, err
	}
	return MAC(hw), nil
}

// String returns the canonical lower-case colon form, or "" for none.
func (m MAC) String() string {
	if len(m) == 0 {
		return ""
	}
	return net.HardwareAddr(m).String()
}

// MarshalText implements encoding.TextMarshaler.
func (m MAC) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (m *MAC) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*m = nil
		return nil
	}
	hw, err := net.ParseMAC(string(b))
	if err != nil {
		return fmt.Errorf("mac %q: %w", b, err)
	}
	*m = MAC(hw)
	return nil
}

// IsLocal reports whether the locally administered bit is set: the address
// was made up by its host (randomised phone MACs, VMs, containers).
func (m MAC) IsLocal() bool { return len(m) > 0 && m[0]&0x02 != 0 }

// IsMulticast reports whether the group bit is set.
func (m MAC) IsMulticast() bool { return len(m) > 0 && m[0]&0x01 != 0 }

// Anomaly is something odd a scanner noticed about a host. Kind is stable
// and machine-readable; Detail is for people.
type Anomaly struct {
	Kind   string `json:"kind"`
	Detail string `json:"detail"`
}

// Anomaly kinds.
const (
	// AnomalyIPConflict: one IP answered by several MACs (conflict or spoofing).
	AnomalyIPConflict = "ip_conflict"
	// AnomalySharedMAC: one MAC answered for several IPs (proxy ARP, secondary addresses).
	AnomalySharedMAC = "shared_mac"
	// AnomalyVirtualMAC: the MAC is a first-hop redundancy virtual MAC (VRRP, HSRP, GLBP).
	AnomalyVirtualMAC = "virtual_mac"
	// AnomalyDuplicateReplies: more replies than requests.
	AnomalyDuplicateReplies = "duplicate_replies"
)

// Software is one installed package.
type Software struct {
	Name        string    `json:"name"`
	Version     string    `json:"version,omitempty"`
	Arch        string    `json:"arch,omitempty"`
	InstalledAt time.Time `json:"installed_at,omitzero"`
}

// Interface is one network interface of a device (IF-MIB).
type Interface struct {
	Index    int    `json:"index"`
	Name     string `json:"name,omitempty"`
	Alias    string `json:"alias,omitempty"`
	Type     string `json:"type,omitempty"`
	MAC      MAC    `json:"mac,omitempty"`
	SpeedBps uint64 `json:"speed_bps,omitempty"`
	AdminUp  bool   `json:"admin_up"`
	OperUp   bool   `json:"oper_up"`
	// Counters, when read; not part of the printed record by default but
	// kept for capacity history.
	InOctets  uint64 `json:"in_octets,omitempty"`
	OutOctets uint64 `json:"out_octets,omitempty"`
	// CounterBits is the width of InOctets and OutOctets: 64 from
	// ifHCInOctets/ifHCOutOctets, 32 from ifInOctets/ifOutOctets, 0 when
	// no counter was read. Rates from counter deltas wrap at this width.
	CounterBits int `json:"counter_bits,omitempty"`
}

// Storage is one volume or memory area (HOST-RESOURCES-MIB hrStorage).
type Storage struct {
	Descr     string `json:"descr"`
	Type      string `json:"type,omitempty"`
	SizeBytes uint64 `json:"size_bytes"`
	UsedBytes uint64 `json:"used_bytes"`
}

// Neighbor is one LLDP or CDP neighbour.
type Neighbor struct {
	LocalPort string `json:"local_port,omitempty"`
	ChassisID string `json:"chassis_id,omitempty"`
	PortID    string `json:"port_id,omitempty"`
	SysName   string `json:"sys_name,omitempty"`
	// Protocol is how it was learnt: "lldp" or "cdp" (omitted: lldp, in
	// records stored before CDP was read).
	Protocol string `json:"protocol,omitempty"`
	// Capabilities are what the neighbour says it is, in lower case:
	// LLDP's enabled capabilities (bridge, router, telephone, wlan_access_point,
	// station_only...) or CDP's (router, trans_bridge, switch, host, phone...).
	Capabilities []string `json:"capabilities,omitempty"`
	// Platform is CDP's cdpCachePlatform (the neighbour's model).
	Platform string `json:"platform,omitempty"`
}

// Location is where a host is plugged in: the access port of a switch
// whose forwarding table learnt the host's MAC there.
type Location struct {
	Switch SwitchRef `json:"switch"`
	// Port is the interface's name (ifName, else ifDescr, else the
	// bridge port number).
	Port    string `json:"port"`
	IfIndex int    `json:"if_index,omitempty"`
	// VLAN of the forwarding entry (0: not known).
	VLAN int `json:"vlan,omitempty"`
	// Seen is when the forwarding table was read.
	Seen time.Time `json:"seen,omitzero"`
}

// SwitchRef names the switch of a Location: its asset once stored, its
// name (sysName) and the address it was read at.
type SwitchRef struct {
	AssetID string     `json:"asset_id,omitempty"`
	Name    string     `json:"name,omitempty"`
	IP      netip.Addr `json:"ip,omitzero"`
}

// Same reports whether l and m are the same place: switch, port and VLAN
// (the time aside). The switch is compared by asset ID when both have one,
// else by address, else by name.
func (l *Location) Same(m *Location) bool {
	if l == nil || m == nil {
		return l == m
	}
	if l.Port != m.Port || l.VLAN != m.VLAN {
		return false
	}
	switch {
	case l.Switch.AssetID != "" && m.Switch.AssetID != "":
		return l.Switch.AssetID == m.Switch.AssetID
	case l.Switch.IP.IsValid() && m.Switch.IP.IsValid():
		return l.Switch.IP == m.Switch.IP
	}
	return l.Switch.Name == m.Switch.Name
}

// String is the place for people: "sw-access-1 Gi1/0/5 vlan 10".
func (l *Location) String() string {
	if l == nil {
		return ""
	}
	sw := l.Switch.Name
	if sw == "" && l.Switch.IP.IsValid() {
		sw = l.Switch.IP.String()
	}
	if sw == "" {
		sw = l.Switch.AssetID
	}
	s := sw + " " + l.Port
	if l.VLAN > 0 {
		s += " vlan " + strconv.Itoa(l.VLAN)
	}
	return s
}

// Service is one mDNS / DNS-SD service instance.
type Service struct {
	Type string            `json:"type"`
	Name string            `json:"name"`
	Port int               `json:"port,omitempty"`
	TXT  map[string]string `json:"txt,omitempty"`
}

// Evidence says which rule produced a field's value, and from what.
type Evidence struct {
	Rule   string `json:"rule"`
	Source Source `json:"source"`
	OID    string `json:"oid,omitempty"`
	TXT    string `json:"txt,omitempty"`
	Value  string `json:"value,omitempty"`
}

// Asset is the one output schema: a host as a sweep saw it, or (with
// AssetID) as the CMDB keeps it.
type Asset struct {
	AssetID    string       `json:"asset_id,omitempty"`
	IP         netip.Addr   `json:"ip,omitzero"`
	IPs        []netip.Addr `json:"ips,omitempty"`
	MAC        MAC          `json:"mac,omitempty"`
	MACs       []MAC        `json:"macs,omitempty"`
	Hostname   string       `json:"hostname,omitempty"`
	MACVendor  string       `json:"mac_vendor,omitempty"`
	Vendor     string       `json:"vendor,omitempty"`
	Model      string       `json:"model,omitempty"`
	Serial     string       `json:"serial,omitempty"`
	OS         string       `json:"os,omitempty"`
	OSVersion  string       `json:"os_version,omitempty"`
	DeviceType string       `json:"device_type,omitempty"`
	// Names holds every name the host was found under (NetBIOS, LLMNR,
	// reverse DNS), each with its source; Hostname is the one chosen.
	Names []HostName `json:"names,omitempty"`
	// Workgroup is the NetBIOS workgroup or domain.
	Workgroup string `json:"workgroup,omitempty"`

	SysName      string `json:"sys_name,omitempty"`
	SysDescr     string `json:"sys_descr,omitempty"`
	SysObjectID  string `json:"sys_object_id,omitempty"`
	SysLocation  string `json:"sys_location,omitempty"`
	SysContact   string `json:"sys_contact,omitempty"`
	SysUptimeS   uint64 `json:"sys_uptime_s,omitempty"`
	SNMPEngineID string `json:"snmp_engine_id,omitempty"`
	// SNMPCredential names the credential set that answered (never a
	// secret): the CMDB remembers it per asset and tries it first.
	SNMPCredential string `json:"snmp_credential,omitempty"`
	// Collection says whether the SNMP collection read everything it
	// asked for, and if not why: omitted for a host not walked.
	Collection *Collection `json:"collection,omitempty"`
	Software   []Software  `json:"software,omitempty"`
	// SoftwareCount is how many packages the latest whole software list
	// held, where the CMDB keeps the list apart (a stored asset's Software
	// is empty; `export --what software` lists it). A sweep's record
	// leaves it 0: its Software is the list.
	SoftwareCount int         `json:"software_count,omitempty"`
	Interfaces    []Interface `json:"interfaces,omitempty"`
	Storage       []Storage   `json:"storage,omitempty"`
	Neighbors     []Neighbor  `json:"neighbors,omitempty"`
	// MemoryBytes is the physical memory (hrMemorySize); MemoryUsedBytes
	// what of it is in use (hrStorage rows of type ram, less buffers and
	// cache where the agent lists them).
	MemoryBytes     uint64 `json:"memory_bytes,omitempty"`
	MemoryUsedBytes uint64 `json:"memory_used_bytes,omitempty"`
	// CPUCount is the number of processors (hrProcessorTable rows) and
	// CPULoadPct their average load over the last minute, in percent;
	// nil when unknown, so that an idle host's 0 stays a value.
	CPUCount   int      `json:"cpu_count,omitempty"`
	CPULoadPct *float64 `json:"cpu_load_pct,omitempty"`

	Services []Service `json:"services,omitempty"`
	// Ports are the host's open ports, when a port scan (an imported Nmap
	// report) saw them; a new list replaces the old one, as an event.
	Ports []Port `json:"ports,omitempty"`
	// Location is the switch access port the host is plugged into, from
	// switches' forwarding tables; its evidence is Evidence["location"].
	// A change of it is an event (moved).
	Location *Location `json:"location,omitempty"`

	Sources   []Source            `json:"sources,omitempty"`
	FirstSeen time.Time           `json:"first_seen,omitzero"`
	LastSeen  time.Time           `json:"last_seen,omitzero"`
	State     string              `json:"state,omitempty"`
	Approved  *bool               `json:"approved,omitempty"`
	Site      string              `json:"site,omitempty"`
	Role      string              `json:"role,omitempty"`
	Owner     string              `json:"owner,omitempty"`
	Tags      []string            `json:"tags,omitempty"`
	Anomalies []Anomaly           `json:"anomalies,omitempty"`
	Evidence  map[string]Evidence `json:"evidence,omitempty"`
}

// Packages is how many installed packages the asset's software list
// holds: the list's length, or SoftwareCount where the list is kept
// apart.
func (a *Asset) Packages() int { return max(len(a.Software), a.SoftwareCount) }

// Name is what people call the host: its host name, else its sysName,
// else its address; "" when it has none of them.
func (a *Asset) Name() string {
	for _, s := range []string{a.Hostname, a.SysName} {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	if a.IP.IsValid() {
		return a.IP.String()
	}
	return ""
}

// AddSource records src once, keeping Sources sorted.
func (a *Asset) AddSource(src Source) {
	for _, s := range a.Sources {
		if s == src {
			return
		}
	}
	a.Sources = append(a.Sources, src)
	for i := len(a.Sources) - 1; i > 0 && a.Sources[i] < a.Sources[i-1]; i-- {
		a.Sources[i], a.Sources[i-1] = a.Sources[i-1], a.Sources[i]
	}
}

// Observation is one sighting of a host by one scanner at one time. Scanners
// stream these; fingerprints and inventory turn them into assets. Asset
// carries what was seen, with only the fields the source knows filled.
type Observation struct {
	Time    time.Time `json:"time"`
	Source  Source    `json:"source"`
	Scanner string    `json:"scanner,omitempty"`
	Asset   Asset     `json:"asset"`
}

// Sanitize makes a device-supplied string safe to print: invalid UTF-8 is
// replaced and control characters (terminal escapes included) are dropped.
func Sanitize(s string) string {
	clean := true
	for _, r := range s {
		if r == '\uFFFD' || r < 0x20 || (r >= 0x7f && r < 0xa0) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	for _, r := range s {
		if r < 0x20 || (r >= 0x7f && r < 0xa0) {
			if r == '\t' || r == '\n' || r == '\r' {
				b.WriteByte(' ')
			}
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Merge folds what b knows into a: empty scalar fields of a are filled
// from b, lists are united (sources, addresses, anomalies, services, tags),
// tables (software, interfaces, storage, neighbors) are taken from b when a
// has none, first_seen is the earlier and last_seen the later.
func (a *Asset) Merge(b *Asset) {
	fill := func(dst *string, src string) {
		if *dst == "" {
			*dst = src
		}
	}
	if a.AssetID == "" {
		a.AssetID = b.AssetID
	}
	if !a.IP.IsValid() {
		a.IP = b.IP
	}
	if len(a.MAC) == 0 {
		a.MAC = b.MAC
	}
	for _, p := range []struct {
		dst *string
		src string
	}{
		{&a.Hostname, b.Hostname}, {&a.MACVendor, b.MACVendor}, {&a.Vendor, b.Vendor}, {&a.Model, b.Model},
		{&a.Serial, b.Serial}, {&a.OS, b.OS}, {&a.OSVersion, b.OSVersion}, {&a.DeviceType, b.DeviceType}, {&a.Workgroup, b.Workgroup},
		{&a.SysName, b.SysName}, {&a.SysDescr, b.SysDescr}, {&a.SysObjectID, b.SysObjectID},
		{&a.SysLocation, b.SysLocation}, {&a.SysContact, b.SysContact}, {&a.SNMPEngineID, b.SNMPEngineID},
		{&a.SNMPCredential, b.SNMPCredential},
		{&a.State, b.State}, {&a.Site, b.Site}, {&a.Role, b.Role}, {&a.Owner, b.Owner},
	} {
		fill(p.dst, p.src)
	}
	if a.SysUptimeS == 0 {
		a.SysUptimeS = b.SysUptimeS
	}
	if a.MemoryBytes == 0 {
		a.MemoryBytes = b.MemoryBytes
	}
	if a.MemoryUsedBytes == 0 {
		a.MemoryUsedBytes = b.MemoryUsedBytes
	}
	if a.CPUCount == 0 {
		a.CPUCount = b.CPUCount
	}
	if a.CPULoadPct == nil {
		a.CPULoadPct = b.CPULoadPct
	}
	if a.Collection == nil {
		a.Collection = b.Collection
	}
	if a.Location == nil {
		a.Location = b.Location
	}
	if a.Approved == nil {
		a.Approved = b.Approved
	}
	for _, ip := range b.IPs {
		if !containsAddr(a.IPs, ip) {
			a.IPs = append(a.IPs, ip)
		}
	}
	for _, m := range b.MACs {
		if !containsMAC(a.MACs, m) {
			a.MACs = append(a.MACs, m)
		}
	}
	for _, s := range b.Sources {
		a.AddSource(s)
	}
	for _, x := range b.Anomalies {
		if !containsAnomaly(a.Anomalies, x) {
			a.Anomalies = append(a.Anomalies, x)
		}
	}
	for _, s := range b.Services {
		dup := false
		for _, t := range a.Services {
			if t.Type == s.Type && t.Name == s.Name {
				dup = true
				break
			}
		}
		if !dup {
			a.Services = append(a.Services, s)
		}
	}
	for _, n := range b.Names {
		if !slices.Contains(a.Names, n) {
			a.Names = append(a.Names, n)
		}
	}
	for _, t := range b.Tags {
		dup := false
		for _, u := range a.Tags {
			dup = dup || u == t
		}
		if !dup {
			a.Tags = append(a.Tags, t)
		}
	}
	if len(a.Software) == 0 {
		a.Software = b.Software
	}
	if a.SoftwareCount == 0 {
		a.SoftwareCount = b.SoftwareCount
	}
	if len(a.Ports) == 0 {
		a.Ports = b.Ports
	}
	if len(a.Interfaces) == 0 {
		a.Interfaces = b.Interfaces
	}
	if len(a.Storage) == 0 {
		a.Storage = b.Storage
	}
	if len(a.Neighbors) == 0 {
		a.Neighbors = b.Neighbors
	}
	for k, v := range b.Evidence {
		if _, ok := a.Evidence[k]; !ok {
			if a.Evidence == nil {
				a.Evidence = map[string]Evidence{}
			}
			a.Evidence[k] = v
		}
	}
	if !b.FirstSeen.IsZero() && (a.FirstSeen.IsZero() || b.FirstSeen.Before(a.FirstSeen)) {
		a.FirstSeen = b.FirstSeen
	}
	if b.LastSeen.After(a.LastSeen) {
		a.LastSeen = b.LastSeen
	}
}

func containsAddr(xs []netip.Addr, x netip.Addr) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func containsMAC(xs []MAC, x MAC) bool {
	for _, y := range xs {
		if y.String() == x.String() {
			return true
		}
	}
	return false
}

func containsAnomaly(xs []Anomaly, x Anomaly) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// Collection statuses.
const (
	CollectionComplete = "complete"
	CollectionPartial  = "partial"
)

// Reasons a collection is partial.
const (
	// ReasonMaxRows: a table column reached snmp.max_rows; OID names it.
	ReasonMaxRows = "max_rows"
	// ReasonNonIncreasingOID: the agent answered only OIDs the column had
	// already given (a loop); the column was stopped there. OID names the
	// last one read. (An OID out of order but new is read, and the walk
	// goes on from it.)
	ReasonNonIncreasingOID = "non_increasing_oid"
	// ReasonTargetTimeout: the host's whole collection passed
	// snmp.target_timeout (--target-timeout); Detail names the limit.
	ReasonTargetTimeout = "target_timeout"
	// ReasonError: a request failed; Detail says how.
	ReasonError = "error"
)

// Collection is how complete a host's SNMP collection was.
type Collection struct {
	Status  string             `json:"status"`
	Reasons []CollectionReason `json:"reasons,omitempty"`
}

// CollectionReason is one reason a collection is partial.
type CollectionReason struct {
	Reason string `json:"reason"`
	OID    string `json:"oid,omitempty"`
	Detail string `json:"detail,omitempty"`
}
