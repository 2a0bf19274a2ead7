package identity

import (
	"fmt"
	"math/rand"
	"net/netip"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/netcensus/netcensus/record"
)

func mac(s string) record.MAC {
	m, err := record.ParseMAC(s)
	if err != nil {
		panic(err)
	}
	return m
}

func ip(s string) netip.Addr { return netip.MustParseAddr(s) }

func arpObs(addr, m string) record.Observation {
	return record.Observation{Source: record.SourceARP, Asset: record.Asset{IP: ip(addr), MAC: mac(m)}}
}

func snmpObs(addr string, f func(*record.Asset)) record.Observation {
	o := record.Observation{Source: record.SourceSNMP, Asset: record.Asset{IP: ip(addr)}}
	if f != nil {
		f(&o.Asset)
	}
	return o
}

func resolver(t *testing.T) *Resolver {
	t.Helper()
	r, err := New(nil, Defaults())
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// groups renders a result as sorted groups of observation labels.
func groups(res Result, obs []record.Observation) []string {
	var out []string
	for _, c := range res.Clusters {
		var labels []string
		for _, i := range c.Observations {
			labels = append(labels, label(obs[i]))
		}
		sort.Strings(labels)
		out = append(out, strings.Join(labels, " "))
	}
	sort.Strings(out)
	return out
}

func label(o record.Observation) string {
	return fmt.Sprintf("%s/%s/%s/%s", o.Source, o.Asset.IP, o.Asset.MAC, o.Asset.Hostname)
}

func TestRouterWithEightAddressesIsOneAsset(t *testing.T) {
	var obs []record.Observation
	var ifs []record.Interface
	for i := 1; i <= 8; i++ {
		addr := fmt.Sprintf("198.51.100.%d", i)
		m := fmt.Sprintf("00:1b:54:00:01:%02x", i)
		obs = append(obs, arpObs(addr, m))
		ifs = append(ifs, record.Interface{Index: i, MAC: mac(m)})
	}
	// The router answers SNMP on every address, with the same engine ID.
	for i := 1; i <= 8; i++ {
		obs = append(obs, snmpObs(fmt.Sprintf("198.51.100.%d", i), func(a *record.Asset) {
			a.SysName = "core-rtr1"
			a.Vendor = "Cisco"
			a.Serial = "FOC1234X0AB"
			a.SNMPEngineID = "80000009030000c1b1a2b3c4"
			a.Interfaces = ifs
		}))
	}
	res := resolver(t).Resolve(Input{Observations: obs})
	if len(res.Clusters) != 1 || len(res.Clusters[0].Observations) != 16 {
		t.Fatalf("want 1 asset of 16 observations, got %v", groups(res, obs))
	}
}

func TestARPAndSNMPSightingsAreOneAsset(t *testing.T) {
	obs := []record.Observation{
		arpObs("198.51.100.20", "00:05:85:00:00:20"),
		snmpObs("198.51.100.20", func(a *record.Asset) { a.SysName = "edge-sw" }),
	}
	res := resolver(t).Resolve(Input{Observations: obs})
	if len(res.Clusters) != 1 {
		t.Fatalf("got %v", groups(res, obs))
	}
	c := res.Clusters[0]
	if len(c.Ties) == 0 || c.Ties[0].Key != (Key{KindMAC, "00:05:85:00:00:20"}) {
		t.Errorf("ties = %+v: the MAC bound to the IP should tie them", c.Ties)
	}
}

func TestNeverMergeOnIPAlone(t *testing.T) {
	r := resolver(t)
	// Two SNMP answers from one IP with no ARP binding and no shared key
	// stay apart: an IP is not an identity.
	obs := []record.Observation{
		snmpObs("203.0.113.5", func(a *record.Asset) { a.SysName = "dev-a" }),
		snmpObs("203.0.113.5", func(a *record.Asset) { a.SysName = "dev-b" }),
	}
	if res := r.Resolve(Input{Observations: obs}); len(res.Clusters) != 2 {
		t.Fatalf("merged on IP: %v", groups(res, obs))
	}
	// An IP reused by a different device is a different asset.
	known := []Known{{AssetID: "old-asset", Keys: []Key{{KindMAC, "00:1b:54:00:00:07"}}}}
	obs = []record.Observation{arpObs("198.51.100.7", "3c:22:fb:00:00:07")}
	res := r.Resolve(Input{Observations: obs, Known: known})
	if len(res.Clusters) != 1 || !res.Clusters[0].New || res.Clusters[0].AssetID == "old-asset" {
		t.Fatalf("reused IP joined the old asset: %+v", res.Clusters)
	}
}

func TestRandomisedMACKeepsMDNSName(t *testing.T) {
	known := []Known{{AssetID: "phone-1", Keys: []Key{{KindMAC, "da:11:22:33:44:55"}, {KindMDNSName, "alices-iphone.local"}}}}
	obs := []record.Observation{
		arpObs("198.51.100.40", "de:aa:bb:cc:dd:ee"),
		{Source: record.SourceMDNS, Asset: record.Asset{IP: ip("198.51.100.40"), MAC: mac("de:aa:bb:cc:dd:ee"), Hostname: "Alices-iPhone.local."}},
	}
	res := resolver(t).Resolve(Input{Observations: obs, Known: known})
	if len(res.Clusters) != 1 || res.Clusters[0].AssetID != "phone-1" || res.Clusters[0].New {
		t.Fatalf("phone not matched by its mDNS name: %+v", res.Clusters)
	}
}

func TestValuesThatIdentifyNothing(t *testing.T) {
	r := resolver(t)
	cases := map[string][]record.Observation{
		"placeholder serial": {
			snmpObs("198.51.100.1", func(a *record.Asset) { a.Serial = "123456789"; a.Vendor = "X"; a.SysName = "a1" }),
			snmpObs("198.51.100.2", func(a *record.Asset) { a.Serial = "123456789"; a.Vendor = "X"; a.SysName = "a2" }),
		},
		"all-X serial": {
			snmpObs("198.51.100.1", func(a *record.Asset) { a.Serial = "XXXXXXXX"; a.SysName = "b1" }),
			snmpObs("198.51.100.2", func(a *record.Asset) { a.Serial = "xxxxxxxx"; a.SysName = "b2" }),
		},
		"N/A serial": {
			snmpObs("198.51.100.1", func(a *record.Asset) { a.Serial = "N/A"; a.SysName = "c1" }),
			snmpObs("198.51.100.2", func(a *record.Asset) { a.Serial = "n/a"; a.SysName = "c2" }),
		},
		"default sysName": {
			snmpObs("198.51.100.1", func(a *record.Asset) { a.SysName = "localhost" }),
			snmpObs("198.51.100.2", func(a *record.Asset) { a.SysName = "localhost" }),
		},
		"switch sysName": {
			snmpObs("198.51.100.1", func(a *record.Asset) { a.SysName = "Switch" }),
			snmpObs("198.51.100.2", func(a *record.Asset) { a.SysName = "switch" }),
		},
		"VRRP MAC": {
			arpObs("198.51.100.1", "00:00:5e:00:01:01"),
			snmpObs("198.51.100.10", func(a *record.Asset) {
				a.SysName = "r1"
				a.Interfaces = []record.Interface{{MAC: mac("00:00:5e:00:01:01")}}
			}),
			snmpObs("198.51.100.11", func(a *record.Asset) {
				a.SysName = "r2"
				a.Interfaces = []record.Interface{{MAC: mac("00:00:5e:00:01:01")}}
			}),
		},
		"HSRP MAC": {
			snmpObs("198.51.100.10", func(a *record.Asset) {
				a.SysName = "r1"
				a.Interfaces = []record.Interface{{MAC: mac("00:00:0c:07:ac:0a")}}
			}),
			snmpObs("198.51.100.11", func(a *record.Asset) {
				a.SysName = "r2"
				a.Interfaces = []record.Interface{{MAC: mac("00:00:0c:07:ac:0a")}}
			}),
		},
		"proxy-ARP MAC": {
			arpObs("198.51.100.50", "00:05:85:99:99:99"),
			arpObs("198.51.100.51", "00:05:85:99:99:99"),
			arpObs("198.51.100.52", "00:05:85:99:99:99"),
		},
		"shared engine ID": {
			snmpObs("198.51.100.1", func(a *record.Asset) { a.SNMPEngineID = "8000000001"; a.Serial = "SER-AAA-1"; a.SysName = "e1" }),
			snmpObs("198.51.100.2", func(a *record.Asset) { a.SNMPEngineID = "8000000001"; a.Serial = "SER-BBB-2"; a.SysName = "e2" }),
			snmpObs("198.51.100.3", func(a *record.Asset) { a.SNMPEngineID = "8000000001"; a.SysName = "e3" }),
		},
	}
	for name, obs := range cases {
		t.Run(name, func(t *testing.T) {
			res := r.Resolve(Input{Observations: obs})
			if len(res.Clusters) != len(obs) {
				t.Fatalf("%d observations became %d assets: %v", len(obs), len(res.Clusters), groups(res, obs))
			}
		})
	}
}

func TestIgnoreListsAreExtendable(t *testing.T) {
	ig := Defaults().Merge(Ignore{Serials: []string{"SN-DEMO"}, Names: []string{"lab-box"}, MACs: []string{"00:1b:54:00:00:01"}})
	r, err := New(nil, ig)
	if err != nil {
		t.Fatal(err)
	}
	obs := []record.Observation{
		snmpObs("198.51.100.1", func(a *record.Asset) { a.Serial = "sn-demo"; a.SysName = "lab-box"; a.MAC = mac("00:1b:54:00:00:01") }),
		snmpObs("198.51.100.2", func(a *record.Asset) { a.Serial = "SN-DEMO"; a.SysName = "LAB-BOX"; a.MAC = mac("00:1b:54:00:00:01") }),
	}
	if res := r.Resolve(Input{Observations: obs}); len(res.Clusters) != 2 {
		t.Fatalf("configured ignores not applied: %v", groups(res, obs))
	}
	if _, err := New(nil, Ignore{SerialPatterns: []string{"("}}); err == nil {
		t.Error("bad pattern accepted")
	}
	if _, err := New([]Kind{"ip"}, Defaults()); err == nil || !strings.Contains(err.Error(), `"ip"`) {
		t.Errorf("ip as a key kind: %v", err)
	}
}

func TestStrongerKeyConflictKeepsDevicesApart(t *testing.T) {
	obs := []record.Observation{
		snmpObs("198.51.100.1", func(a *record.Asset) { a.SysName = "core"; a.Serial = "FOC111"; a.Vendor = "Cisco" }),
		snmpObs("198.51.100.2", func(a *record.Asset) { a.SysName = "core"; a.Serial = "FOC222"; a.Vendor = "Cisco" }),
	}
	res := resolver(t).Resolve(Input{Observations: obs})
	if len(res.Clusters) != 2 {
		t.Fatalf("same sysName, different serials merged: %v", groups(res, obs))
	}
	if len(res.Refused) == 0 {
		t.Error("refusal not explained")
	}
	// A renamed device keeps its serial: the serial outranks the name.
	known := []Known{{AssetID: "sw", Keys: []Key{{KindSerial, "cisco|FOC111"}, {KindSysName, "old-name"}}}}
	obs = []record.Observation{snmpObs("198.51.100.1", func(a *record.Asset) { a.SysName = "new-name"; a.Serial = "FOC111"; a.Vendor = "Cisco" })}
	res = resolver(t).Resolve(Input{Observations: obs, Known: known})
	if len(res.Clusters) != 1 || res.Clusters[0].AssetID != "sw" {
		t.Fatalf("renamed device not matched by serial: %+v", res.Clusters)
	}
}

func TestDecisions(t *testing.T) {
	r := resolver(t)
	known := []Known{
		{AssetID: "a", Keys: []Key{{KindMAC, "00:1b:54:00:00:0a"}}},
		{AssetID: "b", Keys: []Key{{KindMAC, "00:1b:54:00:00:0b"}}},
	}
	obs := []record.Observation{arpObs("198.51.100.10", "00:1b:54:00:00:0a"), arpObs("198.51.100.11", "00:1b:54:00:00:0b")}
	res := r.Resolve(Input{Observations: obs, Known: known, Decisions: []Decision{{MergeA: "a", MergeB: "b"}}})
	if len(res.Clusters) != 1 || res.Clusters[0].AssetID != "a" || len(res.Clusters[0].Merged) != 1 {
		t.Fatalf("merge decision ignored: %+v", res.Clusters)
	}
	// Split: the MAC was wrongly tied to asset a; it must become its own.
	known = []Known{{AssetID: "a", Keys: []Key{{KindSysName, "host-a"}, {KindMAC, "00:1b:54:00:00:0c"}}}}
	obs = []record.Observation{arpObs("198.51.100.12", "00:1b:54:00:00:0c")}
	split := []Decision{{SplitFrom: "a", SplitKey: Key{KindMAC, "00:1b:54:00:00:0c"}}}
	res = r.Resolve(Input{Observations: obs, Known: known, Decisions: split})
	if len(res.Clusters) != 1 || res.Clusters[0].AssetID == "a" || !res.Clusters[0].New {
		t.Fatalf("split decision ignored: %+v", res.Clusters)
	}
}

// population builds a mixed sweep: routers on several addresses, hosts seen
// by ARP and SNMP, phones by mDNS, proxy ARP, placeholders.
func population(n int) []record.Observation {
	var obs []record.Observation
	for d := 0; d < n; d++ {
		base := fmt.Sprintf("198.51.%d.", 100+d%100)
		switch d % 4 {
		case 0: // router on 3 addresses
			var ifs []record.Interface
			for i := 1; i <= 3; i++ {
				m := fmt.Sprintf("00:1b:54:%02x:%02x:%02x", d>>8&0xff, d&0xff, i)
				obs = append(obs, arpObs(fmt.Sprintf("%s%d", base, (d/100*4+i)%250+1), m))
				ifs = append(ifs, record.Interface{Index: i, MAC: mac(m)})
			}
			obs = append(obs, snmpObs(fmt.Sprintf("%s%d", base, (d/100*4+1)%250+1), func(a *record.Asset) {
				a.SysName = fmt.Sprintf("rtr-%d", d)
				a.Serial = "0"
				a.Interfaces = ifs
			}))
		case 1: // host by ARP and SNMP
			m := fmt.Sprintf("00:05:85:%02x:%02x:01", d>>8&0xff, d&0xff)
			addr := fmt.Sprintf("203.0.%d.%d", 113+d%2, d%250+1)
			obs = append(obs, arpObs(addr, m), snmpObs(addr, func(a *record.Asset) { a.SysName = "localhost" }))
		case 2: // phone by mDNS
			m := fmt.Sprintf("da:00:%02x:%02x:00:02", d>>8&0xff, d&0xff)
			addr := fmt.Sprintf("192.0.2.%d", d%250+1)
			obs = append(obs, arpObs(addr, m), record.Observation{Source: record.SourceMDNS,
				Asset: record.Asset{IP: ip(addr), MAC: mac(m), Hostname: fmt.Sprintf("phone-%d.local", d)}})
		case 3: // SNMP-only device with a real serial
			obs = append(obs, snmpObs(fmt.Sprintf("198.18.%d.%d", d>>8&0xff, d&0xff), func(a *record.Asset) {
				a.Vendor = "Juniper"
				a.Serial = fmt.Sprintf("JN%06d", d)
				a.SNMPEngineID = fmt.Sprintf("80000a4c01%08x", d)
			}))
		}
	}
	return obs
}

func canonical(res Result, obs []record.Observation) string {
	var parts []string
	for _, c := range res.Clusters {
		var labels []string
		for _, i := range c.Observations {
			labels = append(labels, fmt.Sprintf("%s/%s/%s/%s/%s/%s", obs[i].Source, obs[i].Asset.IP, obs[i].Asset.MAC, obs[i].Asset.Hostname, obs[i].Asset.SysName, obs[i].Asset.Serial))
		}
		sort.Strings(labels)
		parts = append(parts, c.AssetID+"="+strings.Join(labels, "+"))
	}
	sort.Strings(parts)
	return strings.Join(parts, "\n")
}

// TestDeterministicUnderShuffleAndConcurrency: the same observations in any
// order, resolved from many goroutines at once, give the same assets with
// the same IDs.
func TestDeterministicUnderShuffleAndConcurrency(t *testing.T) {
	r := resolver(t)
	obs := population(200)
	want := canonical(r.Resolve(Input{Observations: obs}), obs)
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func(seed int64) {
			defer wg.Done()
			rng := rand.New(rand.NewSource(seed))
			for round := 0; round < 5; round++ {
				shuffled := append([]record.Observation(nil), obs...)
				rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
				if got := canonical(r.Resolve(Input{Observations: shuffled}), shuffled); got != want {
					errs <- fmt.Sprintf("seed %d round %d: result differs", seed, round)
					return
				}
			}
		}(int64(g))
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	// 200 devices: 50 routers, 50 hosts, 50 phones, 50 SNMP-only.
	if n := len(r.Resolve(Input{Observations: obs}).Clusters); n != 200 {
		t.Errorf("%d assets from 200 devices", n)
	}
}

func BenchmarkResolve(b *testing.B) {
	r, _ := New(nil, Defaults())
	obs := population(100000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		res := r.Resolve(Input{Observations: obs})
		b.ReportMetric(float64(len(obs))/time.Since(start).Seconds(), "obs/s")
		_ = res
	}
}

// TestScopeMACs: a MAC identifies a device within its layer-2 domain. The
// same MAC in two scopes gives two keys and two new assets; in one scope,
// a known asset keyed there is joined; shared MACs stay shared in scope.
func TestScopeMACs(t *testing.T) {
	r := resolver(t)
	const vm = "02:00:5e:10:00:01"
	obs := []record.Observation{arpObs("192.0.2.10", vm)}
	a := r.Resolve(Input{Observations: obs, Scope: "site-a"})
	b := r.Resolve(Input{Observations: obs, Scope: "site-b"})
	if len(a.Clusters) != 1 || len(b.Clusters) != 1 || a.Clusters[0].AssetID == b.Clusters[0].AssetID {
		t.Fatalf("one MAC in two sites: %+v and %+v, want two assets", a.Clusters, b.Clusters)
	}
	if k := a.Clusters[0].Keys; len(k) != 1 || k[0] != ScopedMAC("site-a", vm) || KeyMAC(k[0]) != vm {
		t.Errorf("site-a's keys %v, want %v", k, ScopedMAC("site-a", vm))
	}
	known := []Known{{AssetID: "a-vm", Keys: a.Clusters[0].Keys}}
	for _, tc := range []struct {
		scope string
		want  string
	}{{"site-a", "a-vm"}, {"site-b", b.Clusters[0].AssetID}, {"", newIDSeed(Key{KindMAC, vm}.String())}} {
		got := r.Resolve(Input{Observations: obs, Known: known, Scope: tc.scope})
		if len(got.Clusters) != 1 || got.Clusters[0].AssetID != tc.want {
			t.Errorf("scope %q with site-a's asset known: %+v, want asset %s", tc.scope, got.Clusters, tc.want)
		}
	}
	// A MAC answering for three addresses (proxy ARP) identifies nothing,
	// in a scope as without one.
	proxy := []record.Observation{arpObs("192.0.2.1", "00:1b:54:aa:aa:aa"), arpObs("192.0.2.2", "00:1b:54:aa:aa:aa"), arpObs("192.0.2.3", "00:1b:54:aa:aa:aa")}
	for _, c := range r.Resolve(Input{Observations: proxy, Scope: "site-a"}).Clusters {
		if len(c.Keys) != 0 {
			t.Errorf("a shared MAC keyed an asset in site-a: %v", c.Keys)
		}
	}
}
