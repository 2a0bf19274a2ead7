package inventory

import (
	"net/netip"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// Two sites share one store and reuse the same addresses behind their own
// scanners. A host at one site and a host at the other with the same
// address stay two assets, each with what its own site's SNMP said (SNMP
// by address joins the MAC its own sweep's ARP saw); neither site's
// sweep marks the other's devices missing (absence is counted only by the
// scanner that last saw a device); and a device both sites see (the same
// serial) is one asset.
func TestSitesReuseAddresses(t *testing.T) {
	inv := newInv(t, Config{MissingAfterSweeps: 1})
	const macB, macC, macD = "00:1b:21:00:00:0b", "00:1b:21:00:00:0c", "00:1b:21:00:00:0d"
	snmp := func(ip, name, serial string) record.Observation {
		return record.Observation{Source: record.SourceSNMP, Asset: record.Asset{IP: netip.MustParseAddr(ip), SysName: name,
			Vendor: "Cisco", Serial: serial}}
	}
	at := func(site string, h int, obs ...record.Observation) Sweep {
		sw := sweep(t0.Add(time.Duration(h)*time.Hour), false, obs...)
		sw.Scanner = site
		return sw
	}
	ingest(t, inv, at("site-a", 0, arp("192.0.2.10", macA), snmp("192.0.2.10", "a-core", "SA1"),
		arp("192.0.2.30", macC), snmp("192.0.2.30", "wan-1", "WAN1")))
	ingest(t, inv, at("site-b", 1, arp("192.0.2.10", macB), snmp("192.0.2.10", "b-core", "SB1"),
		arp("192.0.2.31", macD), snmp("192.0.2.31", "wan-1", "WAN1")))
	as, err := inv.st.Assets(t.Context(), store.AssetFilter{})
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]store.Asset{}
	for _, a := range as {
		byName[a.Record.SysName] = a
	}
	// Three: a-core, b-core, and wan-1 once (seen by both sites).
	if len(as) != 3 || byName["a-core"].Record.MAC.String() != macA || byName["b-core"].Record.MAC.String() != macB {
		t.Fatalf("assets: %d, a-core %s, b-core %s; want 3, a-core at %s, b-core at %s", len(as),
			byName["a-core"].Record.MAC, byName["b-core"].Record.MAC, macA, macB)
	}
	if s := state(t, inv); s[macA] == store.StateMissing || s[macC] == store.StateMissing {
		t.Fatalf("site-b's sweep marked site-a's devices missing: %v", s)
	}
	// Site a's own sweep without a-core: missing.
	ingest(t, inv, at("site-a", 2, arp("192.0.2.30", macC)))
	if s := state(t, inv); s[macA] != store.StateMissing || s[macB] == store.StateMissing {
		t.Errorf("after site-a's sweep without a-core: %v", s)
	}
}
