package identity

import (
	"cmp"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"net/netip"
	"slices"
	"sort"
	"strings"

	"github.com/netcensus/netcensus/record"
)

// Known is an asset the CMDB already has, with the keys it was tied by.
type Known struct {
	AssetID string
	Keys    []Key
}

// Decision is a person's correction, kept and respected by later sweeps.
type Decision struct {
	// Merge: assets A and B are one device.
	MergeA, MergeB string
	// Split: Key never belongs to asset SplitFrom.
	SplitFrom string
	SplitKey  Key
}

// Input is one resolution: a sweep's observations and what is known.
type Input struct {
	Observations []record.Observation
	// Sightings may be given instead of Observations (which must then be
	// nil): the compact form large sweeps keep. Indexes in the result are
	// into whichever was given.
	Sightings []Sighting
	// SkipTies leaves Cluster.Ties empty: for callers that only need the
	// clusters (ingest), it saves memory on large sweeps.
	SkipTies  bool
	Known     []Known
	Decisions []Decision
	// Scope is the layer-2 domain (the site) the observations were seen
	// in: a MAC address identifies a device only within it, so the same
	// MAC at two sites (a locally administered or cloned VM MAC, a
	// duplicated one) is two devices, and a device seen at both is joined
	// only by a stronger key (its serial). Its MAC keys are ScopedMAC's.
	// Empty: one domain for all, MAC keys unscoped.
	Scope string
}

// Sighting is the part of an observation that identity reads: about a
// fifth of a record.Observation's size, so a million fit in a few hundred
// MB.
type Sighting struct {
	Source record.Source
	IP     netip.Addr
	MAC    record.MAC
	// MACs are the device's other hardware addresses: the record's MACs
	// and its interfaces'.
	MACs     []record.MAC
	Serial   string
	Vendor   string
	EngineID string
	Hostname string
	SysName  string
}

// SightingOf takes what identity reads from an observation.
func SightingOf(o *record.Observation) Sighting {
	a := &o.Asset
	s := Sighting{Source: o.Source, IP: a.IP, MAC: a.MAC, Serial: a.Serial, Vendor: a.Vendor,
		EngineID: a.SNMPEngineID, Hostname: a.Hostname, SysName: a.SysName}
	if n := len(a.MACs) + len(a.Interfaces); n > 0 {
		s.MACs = make([]record.MAC, 0, n)
		s.MACs = append(s.MACs, a.MACs...)
		for _, it := range a.Interfaces {
			s.MACs = append(s.MACs, it.MAC)
		}
	}
	return s
}

// Tie says that Key joined these observations (indexes into
// Input.Observations) and, if any, this known asset.
type Tie struct {
	Key          Key
	Observations []int
	Asset        string `json:",omitempty"`
}

// Cluster is one device.
type Cluster struct {
	// AssetID is the known asset the cluster is, or a new deterministic ID.
	AssetID string
	// New is true when no known asset matched.
	New bool
	// Merged lists other known assets the cluster proved to be the same
	// device (their records should fold into AssetID).
	Merged       []string
	Observations []int
	Keys         []Key
	Ties         []Tie
}

// Result is the resolution.
type Result struct {
	Clusters []Cluster
	// Refused lists joins a key would have made but a stronger key (or a
	// person's split) forbade: for explain.
	Refused []string
}

// Resolver holds the ranking and the ignore lists.
type Resolver struct {
	order []Kind
	rank  map[Kind]int
	f     *filter
}

// New builds a resolver. order ranks the key kinds (strongest first); kinds
// left out are not used.
func New(order []Kind, ignore Ignore) (*Resolver, error) {
	if len(order) == 0 {
		order = DefaultOrder()
	}
	r := &Resolver{order: order, rank: map[Kind]int{}}
	for i, k := range order {
		switch k {
		case KindSerial, KindEngineID, KindMAC, KindMDNSName, KindSysName:
		default:
			return nil, fmt.Errorf("identity key kind %q: want one of serial, engine_id, mac, mdns_name, sys_name", k)
		}
		if _, dup := r.rank[k]; dup {
			return nil, fmt.Errorf("identity key kind %q listed twice", k)
		}
		r.rank[k] = i
	}
	f, err := compile(ignore)
	if err != nil {
		return nil, err
	}
	r.f = f
	return r, nil
}

// rankOf ranks a kind; a person's decision outranks every key.
// numKinds is the number of key kinds.
const numKinds = 5

// kindIndex numbers the kinds 0..numKinds-1 (-1: not a kind).
func kindIndex(k Kind) int {
	switch k {
	case KindSerial:
		return 0
	case KindEngineID:
		return 1
	case KindMAC:
		return 2
	case KindMDNSName:
		return 3
	case KindSysName:
		return 4
	}
	return -1
}

func (r *Resolver) rankOf(k Kind) int {
	if rk, ok := r.rank[k]; ok {
		return rk
	}
	return -1
}

// exclusive kinds: a device has one value of each; two different values
// mean two devices, so a weaker key may not join them.
func exclusive(k Kind) bool { return k == KindSerial || k == KindEngineID || k == KindSysName }

// Keys returns the identifying keys of one observation, given the sweep's
// IP-to-MAC bindings and the values found shared in it.
func (r *Resolver) Keys(o *record.Observation, binding map[netip.Addr]string, shared map[Key]bool) []Key {
	s := SightingOf(o)
	return r.keys(&s, binding, shared, "")
}

// ScopedMAC is the key of MAC m (canonical text) seen in the layer-2
// domain scope: "scope|m", or m alone for no scope.
func ScopedMAC(scope, m string) Key {
	if scope == "" {
		return Key{KindMAC, m}
	}
	return Key{KindMAC, scope + "|" + m}
}

// KeyMAC is the MAC a MAC key names, without its scope.
func KeyMAC(k Key) string {
	if i := strings.LastIndexByte(k.Value, '|'); i >= 0 {
		return k.Value[i+1:]
	}
	return k.Value
}

// scopeShared puts the shared MAC keys into scope.
func scopeShared(shared map[Key]bool, scope string) map[Key]bool {
	if scope == "" {
		return shared
	}
	out := make(map[Key]bool, len(shared))
	for k := range shared {
		if k.Kind == KindMAC {
			k = ScopedMAC(scope, k.Value)
		}
		out[k] = true
	}
	return out
}

// keys returns the identifying keys of one sighting seen in scope
// (shared's MAC keys in that scope).
func (r *Resolver) keys(a *Sighting, binding map[netip.Addr]string, shared map[Key]bool, scope string) []Key {
	var ks []Key
	add := func(k Key) {
		if k.Kind == KindMAC && k.Value != "" {
			k = ScopedMAC(scope, k.Value)
		}
		if _, used := r.rank[k.Kind]; !used || k.Value == "" || shared[k] {
			return
		}
		for _, x := range ks {
			if x == k {
				return
			}
		}
		ks = append(ks, k)
	}
	if a.Serial != "" && !r.f.placeholderSerial(a.Serial) {
		vendor := norm(a.Vendor)
		if vendor == "" {
			vendor = "?"
		}
		add(Key{KindSerial, vendor + "|" + strings.TrimSpace(a.Serial)})
	}
	if e := normHex(a.EngineID); e != "" && !r.f.engineIDs[e] {
		add(Key{KindEngineID, e})
	}
	if r.f.usableMAC(a.MAC) {
		add(Key{KindMAC, a.MAC.String()})
	}
	for _, m := range a.MACs {
		if r.f.usableMAC(m) {
			add(Key{KindMAC, m.String()})
		}
	}
	if len(a.MAC) == 0 && a.IP.IsValid() {
		// No MAC of its own (SNMP by IP): the IP joins through the MAC ARP
		// saw for it in the same sweep, never by itself.
		if m, ok := binding[a.IP]; ok {
			add(Key{KindMAC, m})
		}
	}
	if a.Source == record.SourceMDNS && !r.f.defaultName(a.Hostname) {
		add(Key{KindMDNSName, norm(strings.TrimSuffix(a.Hostname, "."))})
	}
	if !r.f.defaultName(a.SysName) {
		add(Key{KindSysName, norm(a.SysName)})
	}
	return ks
}

// bindings returns the sweep's IP-to-MAC bindings (from sources that see
// the wire: ARP, passive capture, NDP, routers' ARP and neighbour tables) where one IP maps to
// exactly one usable MAC, and the MACs and engine IDs shared widely enough
// to identify nothing.
func (r *Resolver) bindings(obs []Sighting) (map[netip.Addr]string, map[Key]bool) {
	type pair struct {
		ip  netip.Addr
		mac uint64
	}
	var pairs []pair
	for i := range obs {
		a := &obs[i]
		if !a.IP.IsValid() || len(a.MAC) != 6 {
			continue
		}
		if !a.Source.SeesWire() {
			continue
		}
		if !r.f.usableMAC(a.MAC) {
			continue
		}
		pairs = append(pairs, pair{a.IP, macBits(a.MAC)})
	}
	slices.SortFunc(pairs, func(x, y pair) int {
		if c := x.ip.Compare(y.ip); c != 0 {
			return c
		}
		return cmp.Compare(x.mac, y.mac)
	})
	pairs = slices.Compact(pairs)
	ipsOf := make(map[uint64]int, len(pairs))
	for _, p := range pairs {
		ipsOf[p.mac]++
	}
	shared := map[Key]bool{}
	min := r.f.cfg.SharedMACMin
	sharedMAC := func(m uint64) bool { return min > 0 && ipsOf[m] >= min }
	for m, n := range ipsOf {
		if min > 0 && n >= min {
			shared[Key{KindMAC, macString(m)}] = true
		}
	}
	binding := make(map[netip.Addr]string, len(pairs))
	for i := 0; i < len(pairs); {
		j := i + 1
		for j < len(pairs) && pairs[j].ip == pairs[i].ip {
			j++
		}
		// One MAC for the IP, else a conflict: it belongs to no single device.
		if j-i == 1 && !sharedMAC(pairs[i].mac) {
			binding[pairs[i].ip] = macString(pairs[i].mac)
		}
		i = j
	}
	// Engine IDs: shared when the observations carrying one have several
	// distinct real serials, or several distinct bound MAC-less identities
	// (cloned agents), as counted by distinct sysNames.
	emin := r.f.cfg.SharedEngineIDMin
	type seen struct {
		serial  string
		serials int // distinct serials, counted up to 2
		names   []string
	}
	byEngine := map[string]*seen{}
	for i := range obs {
		a := &obs[i]
		if a.EngineID == "" {
			continue
		}
		e := normHex(a.EngineID)
		if e == "" {
			continue
		}
		s := byEngine[e]
		if s == nil {
			s = &seen{}
			byEngine[e] = s
		}
		if a.Serial != "" && s.serials < 2 && !r.f.placeholderSerial(a.Serial) {
			if sn := strings.TrimSpace(a.Serial); s.serials == 0 {
				s.serial, s.serials = sn, 1
			} else if sn != s.serial {
				s.serials = 2
			}
		}
		if a.SysName != "" && (emin <= 0 || len(s.names) < emin) && !r.f.defaultName(a.SysName) {
			if n := norm(a.SysName); !slices.Contains(s.names, n) {
				s.names = append(s.names, n)
			}
		}
	}
	for e, s := range byEngine {
		if s.serials > 1 || emin > 0 && len(s.names) >= emin {
			shared[Key{KindEngineID, e}] = true
		}
	}
	return binding, shared
}

func macBits(m record.MAC) uint64 {
	return uint64(m[0])<<40 | uint64(m[1])<<32 | uint64(m[2])<<24 | uint64(m[3])<<16 | uint64(m[4])<<8 | uint64(m[5])
}

func macString(m uint64) string {
	const hexd = "0123456789abcdef"
	var b [17]byte
	for i := 0; i < 6; i++ {
		v := byte(m >> (40 - 8*i))
		b[i*3], b[i*3+1] = hexd[v>>4], hexd[v&15]
		if i < 5 {
			b[i*3+2] = ':'
		}
	}
	return string(b[:])
}

// sightings are in's Sightings, or its Observations' when it has them.
func (in *Input) sightings() []Sighting {
	if in.Observations == nil && in.Sightings != nil {
		return in.Sightings
	}
	obs := make([]Sighting, len(in.Observations))
	for i := range in.Observations {
		obs[i] = SightingOf(&in.Observations[i])
	}
	return obs
}

// KeysOf lists, once each, the keys Resolve ties in's observations by
// (Known and Decisions are not read): an asset that holds none of them
// cannot join them, so a caller need give Resolve only the assets that
// hold one, and the assets that hold their keys in turn.
func (r *Resolver) KeysOf(in Input) []Key {
	obs := in.sightings()
	binding, shared := r.bindings(obs)
	shared = scopeShared(shared, in.Scope)
	seen := map[Key]bool{}
	var out []Key
	for i := range obs {
		for _, k := range r.keys(&obs[i], binding, shared, in.Scope) {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	return out
}

// Resolve groups the observations into devices and matches them to known
// assets. The result does not depend on the order of Observations.
//
// Keys are interned to integers and every per-node table is a flat slice,
// so a million observations resolve in seconds and a few hundred MB.
func (r *Resolver) Resolve(in Input) Result {
	obs := in.sightings()
	binding, shared := r.bindings(obs)
	shared = scopeShared(shared, in.Scope)

	// Nodes: observations first, then known assets (sorted by ID).
	known := append([]Known(nil), in.Known...)
	sort.Slice(known, func(i, j int) bool { return known[i].AssetID < known[j].AssetID })
	nObs := len(obs)
	n := nObs + len(known)

	// Intern every key; nodeKeys in CSR form. One map per kind, keyed by
	// value: hashing one string is cheaper than hashing a Key.
	var keyID [numKinds]map[string]int32
	for i := range keyID {
		keyID[i] = map[string]int32{}
	}
	keys := make([]Key, 0, n)
	intern := func(k Key) int32 {
		m := keyID[kindIndex(k.Kind)]
		if id, ok := m[k.Value]; ok {
			return id
		}
		id := int32(len(keys))
		m[k.Value] = id
		keys = append(keys, k)
		return id
	}
	nodeStart := make([]int32, n+1)
	nodeKey := make([]int32, 0, n*2)
	for i := range obs {
		for _, k := range r.keys(&obs[i], binding, shared, in.Scope) {
			nodeKey = append(nodeKey, intern(k))
		}
		nodeStart[i+1] = int32(len(nodeKey))
	}
	for j, k := range known {
		for _, key := range k.Keys {
			if _, used := r.rank[key.Kind]; used && !shared[key] {
				if id := intern(key); !slices.Contains(nodeKey[nodeStart[nObs+j]:], id) {
					nodeKey = append(nodeKey, id)
				}
			}
		}
		nodeStart[nObs+j+1] = int32(len(nodeKey))
	}
	binding, shared = nil, nil
	keysOf := func(i int) []int32 { return nodeKey[nodeStart[i]:nodeStart[i+1]] }
	K := len(keys)
	rankOfKey := make([]int8, K)
	excl := make([]bool, K)
	for id, k := range keys {
		rankOfKey[id] = int8(r.rank[k.Kind])
		excl[id] = exclusive(k.Kind)
	}

	// Holders of each key, in CSR form (nodes ascending).
	holdStart := make([]int32, K+1)
	for _, id := range nodeKey {
		holdStart[id+1]++
	}
	for id := 0; id < K; id++ {
		holdStart[id+1] += holdStart[id]
	}
	holdNode := make([]int32, len(nodeKey))
	fill := append([]int32(nil), holdStart[:K]...)
	for i := range n {
		for _, id := range keysOf(i) {
			holdNode[fill[id]] = int32(i)
			fill[id]++
		}
	}
	fill = nil
	holders := func(id int32) []int32 { return holdNode[holdStart[id]:holdStart[id+1]] }

	// Union-find with, per set, the exclusive keys it holds and the known
	// assets in it.
	parent := make([]int32, n)
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	vals := make([][]int32, n)
	for i := range n {
		for _, id := range keysOf(i) {
			if excl[id] {
				vals[i] = append(vals[i], id)
			}
		}
	}
	assets := make([][]string, n)
	for j, k := range known {
		assets[nObs+j] = []string{k.AssetID}
	}
	split := map[string][]int32{}
	for _, dec := range in.Decisions {
		if dec.SplitFrom != "" {
			if ki := kindIndex(dec.SplitKey.Kind); ki < 0 {
				continue
			} else if id, ok := keyID[ki][dec.SplitKey.Value]; ok {
				split[dec.SplitFrom] = append(split[dec.SplitFrom], id)
			}
		}
	}
	var setKeys map[int32]map[int32]bool // root -> keys, only for splits
	if len(split) > 0 {
		setKeys = map[int32]map[int32]bool{}
		for i := range n {
			if ks := keysOf(i); len(ks) > 0 {
				m := make(map[int32]bool, len(ks))
				for _, id := range ks {
					m[id] = true
				}
				setKeys[int32(i)] = m
			}
		}
	}
	// exclusive kinds in rank order, for conflict checks.
	var exclKinds []Kind
	for _, k := range r.order {
		if exclusive(k) {
			exclKinds = append(exclKinds, k)
		}
	}
	valuesOf := func(root int32, kind Kind, buf []string) []string {
		buf = buf[:0]
		for _, id := range vals[root] {
			if keys[id].Kind == kind {
				buf = append(buf, keys[id].Value)
			}
		}
		return buf
	}
	var refused []string
	var bufA, bufB []string
	union := func(a, b int32, via Key) {
		ra, rb := find(a), find(b)
		if ra == rb {
			return
		}
		// A key may not join sets that disagree on an exclusive kind
		// (serial, engine ID, sysName: one per device) ranked at or above
		// it; a stronger key overrides disagreement in weaker ones (a
		// renamed switch keeps its serial).
		if len(vals[ra]) > 0 && len(vals[rb]) > 0 {
			for _, kind := range exclKinds {
				if r.rank[kind] > r.rankOf(via.Kind) {
					continue
				}
				bufA, bufB = valuesOf(ra, kind, bufA), valuesOf(rb, kind, bufB)
				if len(bufA) == 0 || len(bufB) == 0 || sameValues(bufA, bufB) {
					continue
				}
				refused = append(refused, fmt.Sprintf("%s would join observations with different %s values (%s / %s)", via, kind, joinSorted(bufA), joinSorted(bufB)))
				return
			}
		}
		// A person's split outranks every key.
		if setKeys != nil {
			for _, pr := range [][2]int32{{ra, rb}, {rb, ra}} {
				for _, aid := range assets[pr[0]] {
					for _, id := range split[aid] {
						if setKeys[pr[1]][id] {
							refused = append(refused, fmt.Sprintf("%s would join %s, split from it by a person", keys[id], aid))
							return
						}
					}
				}
			}
		}
		if ra > rb {
			ra, rb = rb, ra
		}
		parent[rb] = ra
		for _, id := range vals[rb] {
			if !slices.Contains(vals[ra], id) {
				vals[ra] = append(vals[ra], id)
			}
		}
		vals[rb] = nil
		if len(assets[rb]) > 0 {
			assets[ra] = append(assets[ra], assets[rb]...)
			assets[rb] = nil
		}
		if setKeys != nil {
			if setKeys[ra] == nil {
				setKeys[ra] = map[int32]bool{}
			}
			for id := range setKeys[rb] {
				setKeys[ra][id] = true
			}
			delete(setKeys, rb)
		}
	}
	// People's merges first: they outrank every rule.
	assetNode := map[string]int32{}
	for j, k := range known {
		assetNode[k.AssetID] = int32(nObs + j)
	}
	for _, dec := range in.Decisions {
		a, okA := assetNode[dec.MergeA]
		b, okB := assetNode[dec.MergeB]
		if okA && okB {
			// Forced: a decision outranks every key, so no conflict check
			// stops it (rankOf("decision") is below every kind).
			union(a, b, Key{Kind: "decision", Value: dec.MergeA + "+" + dec.MergeB})
		}
	}
	// Keys held by two or more nodes, strongest kind first, values in
	// sorted order: deterministic.
	var joining []int32
	for id := range int32(K) {
		if holdStart[id+1]-holdStart[id] > 1 {
			joining = append(joining, id)
		}
	}
	byRankValue := func(x, y int32) int {
		if c := cmp.Compare(rankOfKey[x], rankOfKey[y]); c != 0 {
			return c
		}
		return strings.Compare(keys[x].Value, keys[y].Value)
	}
	slices.SortFunc(joining, byRankValue)
	for _, id := range joining {
		hs := holders(id)
		for _, h := range hs[1:] {
			union(hs[0], h, keys[id])
		}
	}
	vals, setKeys = nil, nil

	// Collect clusters: members of each root, ascending.
	root := make([]int32, n)
	count := make([]int32, n+1)
	for i := range n {
		root[i] = find(int32(i))
		count[root[i]+1]++
	}
	for i := range n {
		count[i+1] += count[i]
	}
	members := make([]int32, n)
	pos := append([]int32(nil), count[:n]...)
	for i := range n {
		members[pos[root[i]]] = int32(i)
		pos[root[i]]++
	}
	pos = nil
	// Each cluster's ID first (a known asset's, else one derived from the
	// strongest key), so clusters are built once, in ID order.
	type ref struct {
		rt int32
		id string
	}
	var order []ref
	for rt := range int32(n) {
		ms := members[count[rt]:count[rt+1]]
		if len(ms) == 0 || ms[0] >= int32(nObs) {
			continue // empty, or a known asset not seen in this sweep
		}
		if last := ms[len(ms)-1]; last >= int32(nObs) {
			// Known nodes sort by asset ID; the first one in the set has
			// the smallest.
			i, _ := slices.BinarySearch(ms, int32(nObs))
			order = append(order, ref{rt, known[int(ms[i])-nObs].AssetID})
			continue
		}
		best := int32(-1)
		for _, m := range ms {
			for _, id := range keysOf(int(m)) {
				if best < 0 || byRankValue(id, best) < 0 {
					best = id
				}
			}
		}
		if best >= 0 {
			order = append(order, ref{rt, newIDSeed(keys[best].String())})
		} else {
			idx := make([]int, len(ms))
			for i, m := range ms {
				idx[i] = int(m)
			}
			order = append(order, ref{rt, r.newID(nil, obs, idx)})
		}
	}
	slices.SortFunc(order, func(x, y ref) int { return strings.Compare(x.id, y.id) })
	var out []Cluster
	if len(order) > 0 {
		out = make([]Cluster, len(order))
	}
	mark := make([]int32, K) // cluster stamp + 1, to dedupe keys
	var ckeys []int32
	for ci, o := range order {
		rt := o.rt
		ms := members[count[rt]:count[rt+1]]
		c := &out[ci]
		c.AssetID = o.id
		nob, _ := slices.BinarySearch(ms, int32(nObs))
		c.Observations = make([]int, nob)
		ckeys = ckeys[:0]
		for i, m := range ms {
			if i < nob {
				c.Observations[i] = int(m)
			} else if i > nob {
				c.Merged = append(c.Merged, known[int(m)-nObs].AssetID)
			}
			for _, id := range keysOf(int(m)) {
				if mark[id] != rt+1 {
					mark[id] = rt + 1
					ckeys = append(ckeys, id)
				}
			}
		}
		if nob < len(ms) && c.Merged == nil {
			c.Merged = []string{}
		}
		c.New = nob == len(ms)
		slices.SortFunc(ckeys, byRankValue)
		if len(ckeys) > 0 {
			c.Keys = make([]Key, len(ckeys))
			for i, id := range ckeys {
				c.Keys[i] = keys[id]
			}
		}
		if in.SkipTies {
			continue
		}
		for _, id := range ckeys {
			hs := holders(id)
			if len(hs) < 2 {
				continue
			}
			t := Tie{Key: keys[id]}
			for _, h := range hs {
				if root[h] != rt {
					continue
				}
				if h < int32(nObs) {
					t.Observations = append(t.Observations, int(h))
				} else {
					t.Asset = known[int(h)-nObs].AssetID
				}
			}
			if len(t.Observations)+btoi(t.Asset != "") > 1 {
				c.Ties = append(c.Ties, t)
			}
		}
	}
	sort.Strings(refused)
	return Result{Clusters: out, Refused: dedupe(refused)}
}

func sameValues(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

func joinSorted(v []string) string {
	s := append([]string(nil), v...)
	sort.Strings(s)
	return strings.Join(s, ",")
}

// newID derives a new asset's ID from its strongest key, so the same
// observations always yield the same ID. A device with no key at all (an
// SNMP answer from an address ARP never saw, with no name) is identified by
// its address within the sweep: it cannot be tied to anything else.
func (r *Resolver) newID(keys []Key, obs []Sighting, members []int) string {
	seed := ""
	if len(keys) > 0 {
		seed = keys[0].String()
	} else {
		var ips []string
		for _, m := range members {
			ips = append(ips, string(obs[m].Source)+"@"+obs[m].IP.String())
		}
		sort.Strings(ips)
		seed = "addr:" + strings.Join(ips, ",")
	}
	return newIDSeed(seed)
}

// newIDSeed is the asset ID made from seed.
func newIDSeed(seed string) string {
	h := sha1.Sum([]byte("netcensus-asset:" + seed))
	// A UUID (version 5 layout) so every store can keep it as one.
	h[6] = (h[6] & 0x0f) | 0x50
	h[8] = (h[8] & 0x3f) | 0x80
	x := hex.EncodeToString(h[:16])
	return x[0:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:32]
}

func dedupe(s []string) []string {
	var out []string
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
