package inventory

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// ErrAmbiguous: a query names several assets.
var ErrAmbiguous = errors.New("names several assets")

// FindAsset finds the one asset q names: a MAC (the asset's or one of
// its MACs), an IP address (its address or one of them), or an asset ID
// or a unique prefix of one. Merged assets are left out.
func (inv *Inventory) FindAsset(ctx context.Context, q string) (store.Asset, error) {
	q = strings.TrimSpace(q)
	if q == "" {
		return store.Asset{}, fmt.Errorf("asset %q: %w", q, store.ErrNotFound)
	}
	if exact, err := inv.st.Assets(ctx, store.AssetFilter{IDs: []string{q}}); err != nil {
		return store.Asset{}, err
	} else if len(exact) == 1 {
		return exact[0], nil
	}
	all, err := inv.st.Assets(ctx, store.AssetFilter{})
	if err != nil {
		return store.Asset{}, err
	}
	var match func(a *record.Asset) bool
	if m, err := record.ParseMAC(q); err == nil && len(m) == 6 && !isHexID(q) {
		match = func(a *record.Asset) bool {
			return a.MAC.String() == m.String() || slices.ContainsFunc(a.MACs, func(x record.MAC) bool { return x.String() == m.String() })
		}
	} else if ip, err := netip.ParseAddr(q); err == nil {
		match = func(a *record.Asset) bool { return a.IP == ip || slices.Contains(a.IPs, ip) }
	} else {
		match = func(a *record.Asset) bool { return strings.HasPrefix(a.AssetID, q) }
	}
	var found []store.Asset
	for i := range all {
		if match(&all[i].Record) {
			found = append(found, all[i])
		}
	}
	switch len(found) {
	case 0:
		return store.Asset{}, fmt.Errorf("asset %q: %w", q, store.ErrNotFound)
	case 1:
		return found[0], nil
	}
	ids := make([]string, 0, min(len(found), 6))
	for _, a := range found[:min(len(found), 5)] {
		ids = append(ids, a.Record.AssetID)
	}
	if len(found) > 5 {
		ids = append(ids, "...")
	}
	return store.Asset{}, fmt.Errorf("%q %w (%d: %s)", q, ErrAmbiguous, len(found), strings.Join(ids, ", "))
}

// isHexID reports whether q could be an asset ID prefix rather than a
// MAC: a MAC needs separators (net.ParseMAC accepts none without them,
// except dotted Cisco form, which an ID never has).
func isHexID(q string) bool { return !strings.ContainsAny(q, ":-.") }

// Place is a stretch of time an asset was seen at one place.
type Place struct {
	record.Location
	MAC   record.MAC `json:"mac,omitempty"`
	First time.Time  `json:"first"`
	Last  time.Time  `json:"last"`
	// Sweeps counts the sweeps that saw it there.
	Sweeps int    `json:"sweeps"`
	Rule   string `json:"rule,omitempty"`
}

// Whereabouts is where an asset is and where it has been.
type Whereabouts struct {
	AssetID string           `json:"asset_id"`
	Name    string           `json:"name,omitempty"`
	IP      netip.Addr       `json:"ip,omitzero"`
	MAC     record.MAC       `json:"mac,omitempty"`
	Current *record.Location `json:"location,omitempty"`
	// Evidence is the current location's.
	Evidence *record.Evidence `json:"evidence,omitempty"`
	// History holds the places it was seen at, oldest first; moves are
	// the steps between them.
	History []Place `json:"history"`
	// Moves are the moved events (they outlive pruned rows).
	Moves []store.Event `json:"-"`
}

// maxHistory bounds the location rows read for one asset.
const maxHistory = 10000

// Locate says where the asset q names (see FindAsset) is plugged in and
// where it has been.
func (inv *Inventory) Locate(ctx context.Context, q string) (Whereabouts, error) {
	a, err := inv.FindAsset(ctx, q)
	if err != nil {
		return Whereabouts{}, err
	}
	r := &a.Record
	w := Whereabouts{AssetID: r.AssetID, Name: r.Name(), IP: r.IP, MAC: r.MAC, Current: r.Location, History: []Place{}}
	if ev, ok := r.Evidence["location"]; ok && r.Location != nil {
		w.Evidence = &ev
	}
	rows, err := inv.st.Locations(ctx, store.LocationFilter{AssetID: r.AssetID, Limit: maxHistory})
	if err != nil {
		return w, err
	}
	w.History = places(rows)
	w.Moves, err = inv.st.Events(ctx, store.EventFilter{AssetID: r.AssetID, Types: []string{store.EventMoved}})
	return w, err
}

// places folds location rows (oldest first) into stretches at one place.
func places(rows []store.Location) []Place {
	out := []Place{}
	for _, row := range rows {
		if n := len(out); n > 0 && out[n-1].Same(&row.Location) {
			p := &out[n-1]
			p.Last, p.Sweeps = row.Time, p.Sweeps+1
			p.Seen = row.Seen
			continue
		}
		out = append(out, Place{Location: row.Location, MAC: row.MAC, First: row.Time, Last: row.Time, Sweeps: 1, Rule: row.Rule})
	}
	return out
}

// PortHost is an asset located on a switch port.
type PortHost struct {
	AssetID string     `json:"asset_id"`
	Name    string     `json:"name,omitempty"`
	IP      netip.Addr `json:"ip,omitzero"`
	MAC     record.MAC `json:"mac,omitempty"`
	VLAN    int        `json:"vlan,omitempty"`
	Seen    time.Time  `json:"seen,omitzero"`
}

// SwitchPort is one port of a switch with what is on it.
type SwitchPort struct {
	Port      string            `json:"port"`
	IfIndex   int               `json:"if_index,omitempty"`
	Alias     string            `json:"alias,omitempty"`
	OperUp    *bool             `json:"oper_up,omitempty"`
	SpeedBps  uint64            `json:"speed_bps,omitempty"`
	Neighbors []record.Neighbor `json:"neighbors,omitempty"`
	Hosts     []PortHost        `json:"hosts,omitempty"`
}

// SwitchPorts is a switch's ports and what is on each.
type SwitchPorts struct {
	Switch record.SwitchRef `json:"switch"`
	Ports  []SwitchPort     `json:"ports"`
}

// Occupied keeps the ports with a host or a neighbour on them.
func (sp *SwitchPorts) Occupied() {
	sp.Ports = slices.DeleteFunc(sp.Ports, func(p SwitchPort) bool { return len(p.Hosts)+len(p.Neighbors) == 0 })
}

// Ports lists the ports of the switch q names (see FindAsset): its
// interfaces as last read, the LLDP/CDP neighbours on each, and the
// assets whose current location is there.
func (inv *Inventory) Ports(ctx context.Context, q string) (SwitchPorts, error) {
	sw, err := inv.FindAsset(ctx, q)
	if err != nil {
		return SwitchPorts{}, err
	}
	id := sw.Record.AssetID
	out := SwitchPorts{Switch: record.SwitchRef{AssetID: id, Name: sw.Record.Name(), IP: sw.Record.IP}, Ports: []SwitchPort{}}
	ifs, err := inv.st.Interfaces(ctx, id)
	if err != nil {
		return out, err
	}
	neigh, err := inv.st.Neighbors(ctx, id)
	if err != nil {
		return out, err
	}
	all, err := inv.st.Assets(ctx, store.AssetFilter{})
	if err != nil {
		return out, err
	}
	byName := map[string]int{}
	byIndex := map[int]int{}
	for _, it := range ifs {
		up := it.OperUp
		byName[strings.ToLower(it.Name)] = len(out.Ports)
		byIndex[it.Index] = len(out.Ports)
		out.Ports = append(out.Ports, SwitchPort{Port: it.Name, IfIndex: it.Index, Alias: it.Alias, OperUp: &up, SpeedBps: it.SpeedBps})
	}
	port := func(name string, ifIndex int) *SwitchPort {
		if i, ok := byIndex[ifIndex]; ok && ifIndex != 0 {
			return &out.Ports[i]
		}
		if i, ok := byName[strings.ToLower(name)]; ok {
			return &out.Ports[i]
		}
		byName[strings.ToLower(name)] = len(out.Ports)
		out.Ports = append(out.Ports, SwitchPort{Port: name, IfIndex: ifIndex})
		return &out.Ports[len(out.Ports)-1]
	}
	for _, n := range neigh {
		p := port(n.LocalPort, 0)
		p.Neighbors = append(p.Neighbors, n.Neighbor)
	}
	for i := range all {
		r := &all[i].Record
		l := r.Location
		if l == nil || l.Switch.AssetID != id {
			continue
		}
		p := port(l.Port, l.IfIndex)
		p.Hosts = append(p.Hosts, PortHost{AssetID: r.AssetID, Name: r.Name(), IP: r.IP, MAC: r.MAC, VLAN: l.VLAN, Seen: l.Seen})
	}
	for i := range out.Ports {
		sort.Slice(out.Ports[i].Hosts, func(a, b int) bool {
			x, y := out.Ports[i].Hosts[a], out.Ports[i].Hosts[b]
			if x.VLAN != y.VLAN {
				return x.VLAN < y.VLAN
			}
			return x.MAC.String() < y.MAC.String()
		})
	}
	return out, nil
}
