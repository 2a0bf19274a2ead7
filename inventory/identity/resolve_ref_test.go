package identity

// The resolver as first written (before it was made fast): the reference
// the fast one must agree with.

import (
	"fmt"
	"net/netip"
	"sort"
	"strings"

	"github.com/netcensus/netcensus/record"
)

// bindings returns the sweep's IP-to-MAC bindings (from sources that see
// the wire: ARP, passive capture, routers' ARP tables) where one IP maps to
// exactly one usable MAC, and the MACs and engine IDs shared widely enough
// to identify nothing.
func (r *Resolver) bindingsRef(obs []record.Observation) (map[netip.Addr]string, map[Key]bool) {
	ipMACs := map[netip.Addr]map[string]bool{}
	macIPs := map[string]map[netip.Addr]bool{}
	for i := range obs {
		a := &obs[i].Asset
		if !a.IP.IsValid() || len(a.MAC) == 0 || !r.f.usableMAC(a.MAC) {
			continue
		}
		switch obs[i].Source {
		case record.SourceARP, record.SourcePassive, record.SourceRouterARP:
		default:
			continue
		}
		m := a.MAC.String()
		if ipMACs[a.IP] == nil {
			ipMACs[a.IP] = map[string]bool{}
		}
		ipMACs[a.IP][m] = true
		if macIPs[m] == nil {
			macIPs[m] = map[netip.Addr]bool{}
		}
		macIPs[m][a.IP] = true
	}
	shared := map[Key]bool{}
	min := r.f.cfg.SharedMACMin
	for m, ips := range macIPs {
		if min > 0 && len(ips) >= min {
			shared[Key{KindMAC, m}] = true
		}
	}
	binding := map[netip.Addr]string{}
	for ip, ms := range ipMACs {
		if len(ms) != 1 {
			continue // conflict: the IP belongs to no single device
		}
		for m := range ms {
			if !shared[Key{KindMAC, m}] {
				binding[ip] = m
			}
		}
	}
	// Engine IDs: shared when the observations carrying one have several
	// distinct real serials, or several distinct bound MAC-less identities
	// (cloned agents), as counted by distinct sysNames.
	type seen struct{ serials, names map[string]bool }
	byEngine := map[string]*seen{}
	for i := range obs {
		a := &obs[i].Asset
		e := normHex(a.SNMPEngineID)
		if e == "" {
			continue
		}
		s := byEngine[e]
		if s == nil {
			s = &seen{map[string]bool{}, map[string]bool{}}
			byEngine[e] = s
		}
		if a.Serial != "" && !r.f.placeholderSerial(a.Serial) {
			s.serials[strings.TrimSpace(a.Serial)] = true
		}
		if !r.f.defaultName(a.SysName) {
			s.names[norm(a.SysName)] = true
		}
	}
	emin := r.f.cfg.SharedEngineIDMin
	for e, s := range byEngine {
		if len(s.serials) > 1 || emin > 0 && len(s.names) >= emin {
			shared[Key{KindEngineID, e}] = true
		}
	}
	return binding, shared
}

// node is an observation (index >= 0) or a known asset (index < 0).
type dsuRef struct {
	parent []int
	// values[root][kind] = the exclusive values the set holds.
	values []map[Kind]map[string]bool
	assets []map[string]bool // known asset IDs in the set
}

func (d *dsuRef) find(x int) int {
	for d.parent[x] != x {
		d.parent[x] = d.parent[d.parent[x]]
		x = d.parent[x]
	}
	return x
}

// Resolve groups the observations into devices and matches them to known
// assets. The result does not depend on the order of Observations.
func (r *Resolver) resolveRef(in Input) Result {
	obs := in.Observations
	binding, shared := r.bindingsRef(obs)

	// Nodes: observations first, then known assets (sorted by ID).
	known := append([]Known(nil), in.Known...)
	sort.Slice(known, func(i, j int) bool { return known[i].AssetID < known[j].AssetID })
	n := len(obs) + len(known)
	d := &dsuRef{parent: make([]int, n), values: make([]map[Kind]map[string]bool, n), assets: make([]map[string]bool, n)}
	nodeKeys := make([][]Key, n)
	for i := range obs {
		nodeKeys[i] = r.Keys(&obs[i], binding, shared)
	}
	for j, k := range known {
		var ks []Key
		for _, key := range k.Keys {
			if _, used := r.rank[key.Kind]; used && !shared[key] {
				ks = append(ks, key)
			}
		}
		nodeKeys[len(obs)+j] = ks
		d.assets[len(obs)+j] = map[string]bool{k.AssetID: true}
	}
	for i := range n {
		d.parent[i] = i
		for _, k := range nodeKeys[i] {
			if exclusive(k.Kind) {
				if d.values[i] == nil {
					d.values[i] = map[Kind]map[string]bool{}
				}
				if d.values[i][k.Kind] == nil {
					d.values[i][k.Kind] = map[string]bool{}
				}
				d.values[i][k.Kind][k.Value] = true
			}
		}
	}

	// Splits: (asset, key) pairs that must never meet.
	split := map[string][]Key{}
	for _, dec := range in.Decisions {
		if dec.SplitFrom != "" {
			split[dec.SplitFrom] = append(split[dec.SplitFrom], dec.SplitKey)
		}
	}
	// Key -> nodes holding it, processed strongest kind first, values in
	// sorted order: deterministic.
	holders := map[Key][]int{}
	for i, ks := range nodeKeys {
		for _, k := range ks {
			holders[k] = append(holders[k], i)
		}
	}
	keys := make([]Key, 0, len(holders))
	for k := range holders {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if ri, rj := r.rank[keys[i].Kind], r.rank[keys[j].Kind]; ri != rj {
			return ri < rj
		}
		return keys[i].Value < keys[j].Value
	})
	var refused []string
	setKeys := map[int]map[Key]bool{} // root -> keys, for split checks
	keyOf := func(root int) map[Key]bool {
		if setKeys[root] == nil {
			setKeys[root] = map[Key]bool{}
		}
		return setKeys[root]
	}
	trackKeys := len(split) > 0 // only splits need each set's keys
	if trackKeys {
		for i, ks := range nodeKeys {
			for _, k := range ks {
				keyOf(i)[k] = true
			}
		}
	}
	union := func(a, b int, via Key) bool {
		ra, rb := d.find(a), d.find(b)
		if ra == rb {
			return true
		}
		// A key may not join sets that disagree on an exclusive kind
		// (serial, engine ID, sysName: one per device) ranked at or above
		// it; a stronger key overrides disagreement in weaker ones (a
		// renamed switch keeps its serial).
		for kind, va := range d.values[ra] {
			vb := d.values[rb][kind]
			if len(vb) == 0 || r.rank[kind] > r.rankOf(via.Kind) || sameSet(va, vb) {
				continue
			}
			refused = append(refused, fmt.Sprintf("%s would join observations with different %s values (%s / %s)", via, kind, join(va), join(vb)))
			return false
		}
		// A person's split outranks every key.
		for aid := range d.assets[ra] {
			for _, k := range split[aid] {
				if keyOf(rb)[k] {
					refused = append(refused, fmt.Sprintf("%s would join %s, split from it by a person", k, aid))
					return false
				}
			}
		}
		for aid := range d.assets[rb] {
			for _, k := range split[aid] {
				if keyOf(ra)[k] {
					refused = append(refused, fmt.Sprintf("%s would join %s, split from it by a person", k, aid))
					return false
				}
			}
		}
		if ra > rb {
			ra, rb = rb, ra
		}
		d.parent[rb] = ra
		for kind, vs := range d.values[rb] {
			if d.values[ra] == nil {
				d.values[ra] = map[Kind]map[string]bool{}
			}
			if d.values[ra][kind] == nil {
				d.values[ra][kind] = map[string]bool{}
			}
			for v := range vs {
				d.values[ra][kind][v] = true
			}
		}
		for aid := range d.assets[rb] {
			if d.assets[ra] == nil {
				d.assets[ra] = map[string]bool{}
			}
			d.assets[ra][aid] = true
		}
		if trackKeys {
			for k := range setKeys[rb] {
				keyOf(ra)[k] = true
			}
			delete(setKeys, rb)
		}
		return true
	}
	// People's merges first: they outrank every rule.
	assetNode := map[string]int{}
	for j, k := range known {
		assetNode[k.AssetID] = len(obs) + j
	}
	for _, dec := range in.Decisions {
		a, okA := assetNode[dec.MergeA]
		b, okB := assetNode[dec.MergeB]
		if okA && okB {
			ra, rb := d.find(a), d.find(b)
			if ra > rb {
				ra, rb = rb, ra
			}
			if ra != rb {
				// Forced: a decision outranks every key, so no conflict
				// check stops it.
				union(ra, rb, Key{Kind: "decision", Value: dec.MergeA + "+" + dec.MergeB})
			}
		}
	}
	tied := map[Key][]int{}
	for _, k := range keys {
		hs := holders[k]
		first := hs[0]
		for _, h := range hs[1:] {
			union(first, h, k)
		}
		if len(hs) > 1 {
			tied[k] = hs
		}
	}

	// Collect clusters.
	members := map[int][]int{}
	for i := range n {
		root := d.find(i)
		members[root] = append(members[root], i)
	}
	roots := make([]int, 0, len(members))
	for root := range members {
		roots = append(roots, root)
	}
	sort.Ints(roots)
	var out []Cluster
	for _, root := range roots {
		var c Cluster
		var assetIDs []string
		keySet := map[Key]bool{}
		for _, m := range members[root] {
			if m < len(obs) {
				c.Observations = append(c.Observations, m)
			} else {
				assetIDs = append(assetIDs, known[m-len(obs)].AssetID)
			}
			for _, k := range nodeKeys[m] {
				keySet[k] = true
			}
		}
		if len(c.Observations) == 0 {
			continue // a known asset not seen in this sweep
		}
		for k := range keySet {
			c.Keys = append(c.Keys, k)
		}
		sort.Slice(c.Keys, func(i, j int) bool {
			if ri, rj := r.rank[c.Keys[i].Kind], r.rank[c.Keys[j].Kind]; ri != rj {
				return ri < rj
			}
			return c.Keys[i].Value < c.Keys[j].Value
		})
		sort.Strings(assetIDs)
		if len(assetIDs) > 0 {
			c.AssetID = assetIDs[0]
			c.Merged = assetIDs[1:]
		} else {
			c.New = true
			c.AssetID = r.newID(c.Keys, sightingsOf(obs), c.Observations)
		}
		for _, k := range c.Keys {
			hs := tied[k]
			var t Tie
			t.Key = k
			for _, h := range hs {
				if d.find(h) != root {
					continue
				}
				if h < len(obs) {
					t.Observations = append(t.Observations, h)
				} else {
					t.Asset = known[h-len(obs)].AssetID
				}
			}
			if len(t.Observations)+btoi(t.Asset != "") > 1 {
				c.Ties = append(c.Ties, t)
			}
		}
		out = append(out, c)
	}
	// Order clusters by their ID: independent of input order.
	sort.Slice(out, func(i, j int) bool { return out[i].AssetID < out[j].AssetID })
	sort.Strings(refused)
	return Result{Clusters: out, Refused: dedupe(refused)}
}

func sameSet(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

func join(m map[string]bool) string {
	var s []string
	for k := range m {
		s = append(s, k)
	}
	sort.Strings(s)
	return strings.Join(s, ",")
}

func sightingsOf(obs []record.Observation) []Sighting {
	out := make([]Sighting, len(obs))
	for i := range obs {
		out[i] = SightingOf(&obs[i])
	}
	return out
}
