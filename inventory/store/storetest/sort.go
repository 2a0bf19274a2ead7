package storetest

import (
	"cmp"
	"net/netip"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
)

// asciiLower folds ASCII letters only, as the stores' text order does.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// sortRef is the order a sorted listing must have, worked out here from
// store.SortValue: numbers as numbers, text without ASCII case, then IDs.
func sortRef(as []store.Asset, key string, desc bool) []string {
	num := key == store.SortFirstSeen || key == store.SortLastSeen || key == store.SortApproved
	as = slices.Clone(as)
	slices.SortStableFunc(as, func(a, b store.Asset) int {
		va, vb := store.SortValue(key, &a), store.SortValue(key, &b)
		var x int
		if num {
			na, _ := strconv.ParseInt(va, 10, 64)
			nb, _ := strconv.ParseInt(vb, 10, 64)
			x = cmp.Compare(na, nb)
		} else {
			x = strings.Compare(asciiLower(va), asciiLower(vb))
		}
		x = cmp.Or(x, strings.Compare(a.Record.AssetID, b.Record.AssetID))
		if desc {
			return -x
		}
		return x
	})
	var out []string
	for _, a := range as {
		out = append(out, a.Record.AssetID)
	}
	return out
}

// testAssetSort: a listing sorted by each of store.SortKeys, both ways,
// is in the reference order, whole and page by page through the keyset
// cursor (After, AfterKey), with filters applied.
func testAssetSort(t *testing.T, s store.Store) {
	as := []store.Asset{
		asset("s1", "192.0.2.10", "cisco", "switch", store.StateActive, t0),
		asset("s2", "192.0.2.9", "Cisco", "Router", store.StateMissing, t0.Add(-48*time.Hour)),
		asset("s3", "2001:db8::1", "", "phone", store.StateNew, t0.Add(-time.Hour)),
		asset("s4", "198.51.100.2", "HP", "printer", store.StateActive, t0.Add(time.Hour)),
		asset("s5", "192.0.2.200", "Apple", "phone", store.StateReturned, t0),
		asset("s6", "203.0.113.7", "apple", "server", store.StateActive, t0.Add(-72*time.Hour)),
		asset("s7", "192.0.2.11", "Dell", "server", store.StateMerged, t0),
	}
	as[6].MergedInto = "s1"
	as[0].Record.MAC, as[1].Record.MAC, as[3].Record.MAC = mac("00:1b:54:aa:00:01"), mac("00:1B:54:AA:00:00"), mac("3c:22:fb:00:00:02")
	as[0].Record.Hostname, as[1].Record.SysName, as[4].Record.Hostname = "core-sw1", "Core-rtr", "zoë"
	as[2].Record.MACVendor = "Apple, Inc."
	as[0].Record.Model, as[1].Record.Model, as[3].Record.Model = "WS-C3850", "ISR4331", "ws-c2960"
	as[0].Record.Serial, as[3].Record.Serial, as[5].Record.Serial = "FOC1", "cn2", "foc0"
	as[0].Record.OS, as[0].Record.OSVersion = "IOS-XE", "16.12"
	as[1].Record.OS, as[5].Record.OS, as[5].Record.OSVersion = "IOS", "Linux", "6.1"
	as[3].Record.OSVersion = "1.2"
	as[2].Record.FirstSeen = t0.Add(-100 * time.Hour)
	must(t, s.PutAssets(ctx(t), as))
	must(t, s.Annotate(ctx(t), store.Annotation{AssetID: "s2", Approved: true, Site: "hq"},
		store.Annotation{AssetID: "s4", Site: "Branch"}, store.Annotation{AssetID: "s5", Approved: true, Site: "HQ"}))
	// What the stores return carries the annotations: the reference too.
	all, err := s.Assets(ctx(t), store.AssetFilter{IncludeMerged: true})
	must(t, err)
	byID := map[string]store.Asset{}
	for _, a := range all {
		byID[a.Record.AssetID] = a
	}
	list := func(f store.AssetFilter) []string {
		got, err := s.Assets(ctx(t), f)
		must(t, err)
		var out []string
		for _, a := range got {
			out = append(out, a.Record.AssetID)
		}
		return out
	}
	pick := func(keep func(a store.Asset) bool) []store.Asset {
		var out []store.Asset
		for _, a := range all {
			if keep(a) {
				out = append(out, a)
			}
		}
		return out
	}
	current := pick(func(a store.Asset) bool { return a.Record.State != store.StateMerged })
	unapproved := pick(func(a store.Asset) bool {
		return a.Record.State != store.StateMerged && (a.Record.Approved == nil || !*a.Record.Approved)
	})
	in192 := pick(func(a store.Asset) bool {
		return a.Record.State != store.StateMerged && netip.MustParsePrefix("192.0.2.0/24").Contains(a.Record.IP)
	})
	for _, key := range store.SortKeys {
		for _, desc := range []bool{false, true} {
			name := key
			if desc {
				name += " desc"
			}
			for _, tc := range []struct {
				what string
				f    store.AssetFilter
				from []store.Asset
			}{
				{"all", store.AssetFilter{}, current},
				{"unapproved", store.AssetFilter{Unapproved: true}, unapproved},
				{"search", store.AssetFilter{Search: "192.0.2."}, in192},
				{"subnet", store.AssetFilter{Subnet: netip.MustParsePrefix("192.0.2.0/24")}, in192},
			} {
				want := sortRef(tc.from, key, desc)
				f := tc.f
				f.Sort, f.Desc = key, desc
				if got := list(f); !reflect.DeepEqual(got, want) {
					t.Errorf("sort %s, %s: got %v, want %v", name, tc.what, got, want)
				}
				if tc.what != "all" && tc.what != "unapproved" {
					continue // paged below on two (each query costs a server)
				}
				// Page by page, three at a time, through the keyset cursor.
				var paged []string
				for range 10 {
					f.Limit = 3
					got := list(f)
					paged = append(paged, got...)
					if len(got) < 3 {
						break
					}
					last := byID[got[len(got)-1]]
					f.After, f.AfterKey = last.Record.AssetID, store.SortValue(key, &last)
				}
				if !reflect.DeepEqual(paged, want) {
					t.Errorf("sort %s, %s, by pages of 3: got %v, want %v", name, tc.what, paged, want)
				}
			}
		}
	}
	// The sort columns follow an update.
	as[5].Record.Hostname = "0-first"
	must(t, s.PutAssets(ctx(t), as[5:6]))
	if got := list(store.AssetFilter{Sort: store.SortHostname, Limit: 1}); !reflect.DeepEqual(got, []string{"s6"}) {
		t.Errorf("sort by hostname after a rename: got %v, want [s6]", got)
	}
	// An asset annotated before it is stored sorts by its annotation.
	must(t, s.Annotate(ctx(t), store.Annotation{AssetID: "s8", Site: "AAA", Approved: true}))
	must(t, s.PutAssets(ctx(t), []store.Asset{asset("s8", "192.0.2.8", "HP", "printer", store.StateActive, t0)}))
	if got := list(store.AssetFilter{Sort: store.SortSite, Desc: true, Limit: 1}); !reflect.DeepEqual(got, []string{"s5"}) {
		t.Errorf("sort by site, descending: got %v, want [s5] (HQ, hq: then by ID)", got)
	}
	if got := list(store.AssetFilter{Sort: store.SortSite, Approved: true, Limit: 1, After: "s9", AfterKey: ""}); !reflect.DeepEqual(got, []string{"s8"}) {
		t.Errorf("sort by site, approved, after (\"\", s9): got %v, want [s8]", got)
	}
	if _, err := s.Assets(ctx(t), store.AssetFilter{Sort: "data"}); err == nil {
		t.Error("an unknown sort was accepted")
	}
}
