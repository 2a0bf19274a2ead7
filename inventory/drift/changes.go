package drift

import (
	"sort"
	"strings"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/versions"
)

// Software change kinds.
const (
	Installed  = "installed"
	Removed    = "removed"
	Upgraded   = "upgraded"
	Downgraded = "downgraded"
)

// Change is one difference between two consecutive software snapshots.
type Change struct {
	Time    time.Time `json:"time"`
	AssetID string    `json:"asset_id"`
	SweepID string    `json:"sweep_id,omitempty"`
	Kind    string    `json:"kind"`
	Name    string    `json:"name"`
	Arch    string    `json:"arch,omitempty"`
	Old     string    `json:"old,omitempty"`
	New     string    `json:"new,omitempty"`
}

type pkgKey struct{ name, arch string }

func group(rows []store.Software) map[pkgKey][]string {
	m := map[pkgKey][]string{}
	for _, r := range rows {
		k := pkgKey{strings.ToLower(r.Name), r.Arch}
		m[k] = append(m[k], r.Version)
	}
	for _, v := range m {
		sort.Strings(v)
	}
	return m
}

// Diff compares two snapshots of one asset (prev older). A package with
// one version in each is upgraded or downgraded (by scheme; Auto detects
// per version); otherwise the versions that appear are installed and the
// ones that went are removed (several kernels side by side). The changes
// take cur's time and sweep, and are ordered by name, arch, kind.
func Diff(prev, cur []store.Software, scheme versions.Scheme) []Change {
	var at time.Time
	var asset, sweep string
	names := map[pkgKey]string{}
	for _, r := range prev {
		asset = r.AssetID
		names[pkgKey{strings.ToLower(r.Name), r.Arch}] = r.Name
	}
	for _, r := range cur {
		at, asset, sweep = r.Time, r.AssetID, r.SweepID
		names[pkgKey{strings.ToLower(r.Name), r.Arch}] = r.Name
	}
	p, c := group(prev), group(cur)
	keys := make([]pkgKey, 0, len(names))
	for k := range names {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].name != keys[j].name {
			return keys[i].name < keys[j].name
		}
		return keys[i].arch < keys[j].arch
	})
	var out []Change
	mk := func(k pkgKey, kind, old, new string) {
		out = append(out, Change{Time: at, AssetID: asset, SweepID: sweep, Kind: kind, Name: names[k], Arch: k.arch, Old: old, New: new})
	}
	for _, k := range keys {
		pv, cv := p[k], c[k]
		if len(pv) == 1 && len(cv) == 1 {
			switch x := versions.Compare(scheme, pv[0], cv[0]); {
			case x < 0:
				mk(k, Upgraded, pv[0], cv[0])
			case x > 0:
				mk(k, Downgraded, pv[0], cv[0])
			}
			continue
		}
		for _, v := range cv {
			if !containsStr(pv, v) {
				mk(k, Installed, "", v)
			}
		}
		for _, v := range pv {
			if !containsStr(cv, v) {
				mk(k, Removed, v, "")
			}
		}
	}
	return out
}

func containsStr(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

// History splits snapshot rows of one asset (any order) into snapshots by
// sweep, oldest first, and returns the changes between consecutive ones.
func History(rows []store.Software, scheme versions.Scheme) []Change {
	bySweep := map[string][]store.Software{}
	var order []string
	first := map[string]time.Time{}
	for _, r := range rows {
		if _, ok := bySweep[r.SweepID]; !ok {
			order = append(order, r.SweepID)
			first[r.SweepID] = r.Time
		}
		bySweep[r.SweepID] = append(bySweep[r.SweepID], r)
	}
	sort.SliceStable(order, func(i, j int) bool { return first[order[i]].Before(first[order[j]]) })
	var out []Change
	for i := 1; i < len(order); i++ {
		out = append(out, Diff(bySweep[order[i-1]], bySweep[order[i]], scheme)...)
	}
	return out
}
