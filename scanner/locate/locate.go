// Package locate works out where hosts are plugged in: from the
// forwarding tables, interfaces and LLDP/CDP neighbours read from
// switches, each host MAC's access port. Uplinks and trunks are left out
// by rules that are data (rules.yaml, replaceable by a file), and each
// conclusion carries its evidence. It is a pure library: no network.
package locate

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner/snmp"
)

//go:embed rules.yaml
var defaultRules []byte

// Rules decide which ports are uplinks (rules.yaml says what each means).
type Rules struct {
	Uplinks     UplinkRules `yaml:"uplinks"`
	IgnoreVLANs []int       `yaml:"ignore_vlans"`
}

// UplinkRules say which ports are uplinks or trunks.
type UplinkRules struct {
	NeighborCapabilities []string `yaml:"neighbor_capabilities"`
	ExceptCapabilities   []string `yaml:"except_capabilities"`
	MaxMACs              int      `yaml:"max_macs"`
	PortNames            []string `yaml:"port_names"`

	names []*regexp.Regexp
}

// Default returns the embedded rules (rules.yaml).
func Default() (Rules, error) {
	r, err := Parse(bytes.NewReader(defaultRules))
	if err != nil {
		return Rules{}, fmt.Errorf("embedded rules.yaml: %w", err)
	}
	return r, nil
}

// maxRulesSize bounds a rules file.
const maxRulesSize = 1 << 20

// Parse reads rules strictly (unknown keys are errors) and validates them.
func Parse(r io.Reader) (Rules, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxRulesSize+1))
	if err != nil {
		return Rules{}, fmt.Errorf("locate rules: %w", err)
	}
	if len(b) > maxRulesSize {
		return Rules{}, fmt.Errorf("locate rules: larger than %d bytes", maxRulesSize)
	}
	var out Rules
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&out); err != nil && !errors.Is(err, io.EOF) {
		return Rules{}, fmt.Errorf("locate rules: %w", err)
	}
	return out, out.Validate()
}

// Validate checks the rules and compiles the port name patterns.
func (r *Rules) Validate() error {
	if r.Uplinks.MaxMACs < 1 {
		return fmt.Errorf("locate rules: uplinks.max_macs %d: want at least 1", r.Uplinks.MaxMACs)
	}
	r.Uplinks.names = r.Uplinks.names[:0]
	for _, p := range r.Uplinks.PortNames {
		re, err := regexp.Compile(p)
		if err != nil {
			return fmt.Errorf("locate rules: uplinks.port_names %q: %w", p, err)
		}
		r.Uplinks.names = append(r.Uplinks.names, re)
	}
	for _, v := range r.IgnoreVLANs {
		if v < 1 || v > 4094 {
			return fmt.Errorf("locate rules: ignore_vlans %d: want 1..4094", v)
		}
	}
	return nil
}

// Switch is what was read from one switch.
type Switch struct {
	Ref        record.SwitchRef
	Interfaces []record.Interface
	Neighbors  []record.Neighbor
	FDB        []snmp.FDBEntry
	// Seen is when the table was read.
	Seen time.Time
}

// Port is one switch port as the rules judged it.
type Port struct {
	Switch  record.SwitchRef
	Port    string
	IfIndex int
	MACs    int
	// Uplink, with the rule and what matched it.
	Uplink bool
	Rule   string
	Reason string
}

// Conclusion is one host MAC's location with its evidence.
type Conclusion struct {
	MAC      record.MAC
	Location record.Location
	Evidence record.Evidence
}

// Rule names, in evidence.
const (
	RuleAccessPort       = "access_port"
	RuleUplinkNeighbor   = "uplink_neighbor"
	RuleUplinkMaxMACs    = "uplink_max_macs"
	RuleUplinkPortName   = "uplink_port_name"
	RuleAccessPortFewest = "access_port_fewest_macs"
)

type portKey struct {
	sw   int
	port string
}

// Locate judges every port of every switch and places each MAC learnt on
// an access port there. A MAC on access ports of several switches (a
// switch without a neighbour protocol between them) goes to the port
// with the fewest MACs, and the evidence says so. Ports come back sorted
// by switch and port, conclusions keyed by MAC (canonical form).
func (r Rules) Locate(switches []Switch) (map[string]Conclusion, []Port) {
	ignore := map[int]bool{}
	for _, v := range r.IgnoreVLANs {
		ignore[v] = true
	}
	var ports []Port
	judged := map[portKey]*Port{}
	type cand struct {
		sw int
		e  *snmp.FDBEntry
		p  *Port
	}
	byMAC := map[string][]cand{}
	for si := range switches {
		s := &switches[si]
		macs := map[string]map[string]bool{}
		ifIndex := map[string]int{}
		for i := range s.FDB {
			e := &s.FDB[i]
			if macs[e.Port] == nil {
				macs[e.Port] = map[string]bool{}
			}
			macs[e.Port][string(e.MAC)] = true
			ifIndex[e.Port] = e.IfIndex
		}
		names := make([]string, 0, len(macs))
		for p := range macs {
			names = append(names, p)
		}
		sort.Strings(names)
		start := len(ports)
		for _, name := range names {
			ports = append(ports, r.judge(s, name, ifIndex[name], len(macs[name])))
		}
		for i := start; i < len(ports); i++ {
			judged[portKey{si, ports[i].Port}] = &ports[i]
		}
		for i := range s.FDB {
			e := &s.FDB[i]
			p := judged[portKey{si, e.Port}]
			if p.Uplink || ignore[e.VLAN] || record.MAC(e.MAC).IsMulticast() {
				continue
			}
			byMAC[e.MAC.String()] = append(byMAC[e.MAC.String()], cand{si, e, p})
		}
	}
	out := make(map[string]Conclusion, len(byMAC))
	for mac, cs := range byMAC {
		sort.Slice(cs, func(i, j int) bool {
			a, b := cs[i], cs[j]
			if a.p.MACs != b.p.MACs {
				return a.p.MACs < b.p.MACs
			}
			if c := switches[a.sw].Ref.IP.Compare(switches[b.sw].Ref.IP); c != 0 {
				return c < 0
			}
			if a.e.Port != b.e.Port {
				return a.e.Port < b.e.Port
			}
			return a.e.VLAN < b.e.VLAN
		})
		best := cs[0]
		s := &switches[best.sw]
		rule := RuleAccessPort
		vlan := "VLAN not known"
		if best.e.VLAN > 0 {
			vlan = "vlan " + strconv.Itoa(best.e.VLAN)
		}
		why := fmt.Sprintf("learnt on %s of %s, %s; the port carries %d MAC(s) and is no uplink (rules: neighbour capabilities %s, at most %d MACs)",
			best.e.Port, switchName(s.Ref), vlan, best.p.MACs, strings.Join(r.Uplinks.NeighborCapabilities, "/"), r.Uplinks.MaxMACs)
		others := map[string]bool{}
		for _, c := range cs[1:] {
			if c.sw != best.sw || c.e.Port != best.e.Port {
				others[switchName(switches[c.sw].Ref)+" "+c.e.Port] = true
			}
		}
		if len(others) > 0 {
			rule = RuleAccessPortFewest
			list := make([]string, 0, len(others))
			for o := range others {
				list = append(list, o)
			}
			sort.Strings(list)
			why += "; also on access ports " + strings.Join(list, ", ") + " with as many MACs or more"
		}
		out[mac] = Conclusion{
			MAC: best.e.MAC,
			Location: record.Location{Switch: s.Ref, Port: best.e.Port, IfIndex: best.e.IfIndex, VLAN: best.e.VLAN,
				Seen: s.Seen.UTC().Truncate(time.Second)},
			Evidence: record.Evidence{Rule: rule, Source: record.SourceSNMP, OID: best.e.OID, Value: why},
		}
	}
	return out, ports
}

func switchName(r record.SwitchRef) string {
	if r.Name != "" {
		return r.Name
	}
	if r.IP.IsValid() {
		return r.IP.String()
	}
	return r.AssetID
}

// judge applies the uplink rules to one port.
func (r Rules) judge(s *Switch, name string, ifIndex, macs int) Port {
	p := Port{Switch: s.Ref, Port: name, IfIndex: ifIndex, MACs: macs, Rule: RuleAccessPort}
	aliases := []string{name}
	for _, it := range s.Interfaces {
		if it.Index == ifIndex && ifIndex != 0 {
			aliases = append(aliases, it.Name, it.Alias)
		}
	}
	for _, n := range s.Neighbors {
		if !slices.ContainsFunc(aliases, func(a string) bool { return a != "" && strings.EqualFold(a, n.LocalPort) }) {
			continue
		}
		if hit := intersect(n.Capabilities, r.Uplinks.NeighborCapabilities); hit != "" && intersect(n.Capabilities, r.Uplinks.ExceptCapabilities) == "" {
			proto := n.Protocol
			if proto == "" {
				proto = "lldp"
			}
			p.Uplink, p.Rule = true, RuleUplinkNeighbor
			p.Reason = fmt.Sprintf("%s neighbour %s (%s) announces %s", proto, neighborName(n), strings.Join(n.Capabilities, ", "), hit)
			return p
		}
	}
	if macs > r.Uplinks.MaxMACs {
		p.Uplink, p.Rule = true, RuleUplinkMaxMACs
		p.Reason = strconv.Itoa(macs) + " MACs, more than uplinks.max_macs " + strconv.Itoa(r.Uplinks.MaxMACs)
		return p
	}
	for i, re := range r.Uplinks.names {
		if re.MatchString(name) {
			p.Uplink, p.Rule = true, RuleUplinkPortName
			p.Reason = "name matches uplinks.port_names " + r.Uplinks.PortNames[i]
			return p
		}
	}
	return p
}

func neighborName(n record.Neighbor) string {
	for _, s := range []string{n.SysName, n.ChassisID, n.PortID} {
		if s != "" {
			return s
		}
	}
	return "?"
}

func intersect(have, want []string) string {
	for _, h := range have {
		for _, w := range want {
			if strings.EqualFold(h, w) {
				return w
			}
		}
	}
	return ""
}

// Apply gives a host record its location when one of its MACs was
// located: the record's MAC first, then its others.
func Apply(a *record.Asset, found map[string]Conclusion) bool {
	macs := append([]record.MAC{a.MAC}, a.MACs...)
	for _, m := range macs {
		if len(m) == 0 {
			continue
		}
		c, ok := found[m.String()]
		if !ok {
			continue
		}
		loc := c.Location
		a.Location = &loc
		if a.Evidence == nil {
			a.Evidence = map[string]record.Evidence{}
		}
		a.Evidence["location"] = c.Evidence
		return true
	}
	return false
}

// SwitchOf builds a Switch from an SNMP collection's asset record and
// forwarding table, reached at ip.
func SwitchOf(ip netip.Addr, a *record.Asset, fdb []snmp.FDBEntry, seen time.Time) Switch {
	return Switch{Ref: record.SwitchRef{Name: a.Name(), IP: ip}, Interfaces: a.Interfaces, Neighbors: a.Neighbors, FDB: fdb, Seen: seen}
}
