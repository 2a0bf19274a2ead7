package inventory

import (
	"net/netip"
	"testing"

	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// snmpObs is an observation of a host that answered SNMP with cred.
func snmpObs(ip, mac, cred string) record.Observation {
	o := arp(ip, mac)
	o.Asset.SNMPCredential = cred
	return o
}

// Every address of a current asset maps to the set that answered it; a
// retired asset and an asset no set answered are left out.
func TestRememberedCredentials(t *testing.T) {
	inv := newInv(t, Config{})
	ingest(t, inv, sweep(t0, false,
		snmpObs("192.0.2.1", "00:1b:54:00:00:01", "campus-v3"),
		snmpObs("192.0.2.2", "00:1b:54:00:00:02", "legacy"),
		snmpObs("192.0.2.3", "00:1b:54:00:00:03", "legacy"),
		arp("192.0.2.4", "00:1b:54:00:00:04"),
	))
	as, err := inv.st.Assets(t.Context(), store.AssetFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		if a.Record.IP == netip.MustParseAddr("192.0.2.3") {
			if err := inv.Retire(t.Context(), "test", a.Record.AssetID); err != nil {
				t.Fatal(err)
			}
		}
	}
	got, err := RememberedCredentials(t.Context(), inv.st)
	if err != nil {
		t.Fatal(err)
	}
	want := map[netip.Addr]string{
		netip.MustParseAddr("192.0.2.1"): "campus-v3",
		netip.MustParseAddr("192.0.2.2"): "legacy",
	}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for a, c := range want {
		if got[a] != c {
			t.Errorf("%s: %q, want %q", a, got[a], c)
		}
	}
}
