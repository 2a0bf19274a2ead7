package inventory

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

func pkgs(nv ...string) []record.Software {
	var out []record.Software
	for i := 0; i+1 < len(nv); i += 2 {
		out = append(out, record.Software{Name: nv[i], Version: nv[i+1], Arch: "amd64"})
	}
	return out
}

func TestSoftwareDigest(t *testing.T) {
	a := pkgs("openssl", "3.0.13-1", "bash", "5.2.15-2")
	b := pkgs("bash", "5.2.15-2", "openssl", "3.0.13-1")
	b[0].InstalledAt = t0 // an install date is not the snapshot's content
	if SoftwareDigest(a) != SoftwareDigest(b) || SoftwareDigest(a) == "" {
		t.Errorf("same packages, other order: %q vs %q", SoftwareDigest(a), SoftwareDigest(b))
	}
	if SoftwareDigest(a) == SoftwareDigest(pkgs("openssl", "3.0.14-1", "bash", "5.2.15-2")) {
		t.Error("a version change kept the digest")
	}
	if SoftwareDigest(nil) != "" {
		t.Error("no software has a digest")
	}
}

// TestSoftwareChangeEvents: consecutive snapshots of an asset give one
// event per installed, removed, upgraded and downgraded package; the
// first inventory gives none; an unchanged snapshot is not written again.
func TestSoftwareChangeEvents(t *testing.T) {
	inv := newInv(t, Config{MissingAfterSweeps: 3})
	host := func(sw []record.Software) record.Observation {
		o := arp("192.0.2.30", macA)
		o.Asset.Software = sw
		o.Asset.Sources = append(o.Asset.Sources, record.SourceSNMP)
		return o
	}
	swEvents := func(r Result) []string {
		var out []string
		for _, e := range r.Events {
			if e.Type == store.EventState || e.Type == store.EventNewUnapproved {
				continue
			}
			out = append(out, fmt.Sprintf("%s %s %s>%s", e.Type, e.Field, e.Old, e.New))
		}
		return out
	}
	r := ingest(t, inv, sweep(t0, false, host(pkgs("openssl", "3.0.11-1", "bash", "5.2.15-2", "curl", "7.88.1-10", "zlib1g", "1:1.2.13"))))
	if got := swEvents(r); len(got) != 0 {
		t.Fatalf("first inventory: events %v", got)
	}
	r = ingest(t, inv, sweep(t0.Add(time.Hour), false, host(pkgs("openssl", "3.0.13-1", "bash", "5.2.15-2", "zlib1g", "1:1.2.11", "nmap", "7.93"))))
	want := []string{
		"software_removed curl (amd64) 7.88.1-10>",
		"software_installed nmap (amd64) >7.93",
		"software_upgraded openssl (amd64) 3.0.11-1>3.0.13-1",
		"software_downgraded zlib1g (amd64) 1:1.2.13>1:1.2.11",
	}
	if got := swEvents(r); !reflect.DeepEqual(got, want) {
		t.Fatalf("events\n%v\nwant\n%v", got, want)
	}
	for _, e := range r.Events {
		if e.SweepID != r.Sweep.ID || !e.Time.Equal(t0.Add(time.Hour)) {
			t.Errorf("event %+v: want sweep %s at %v", e, r.Sweep.ID, t0.Add(time.Hour))
		}
	}
	as, err := inv.st.Assets(t.Context(), store.AssetFilter{})
	if err != nil || len(as) != 1 {
		t.Fatalf("assets %v %v", as, err)
	}
	id := as[0].Record.AssetID
	// The same packages again (another order): no event, no new rows.
	r = ingest(t, inv, sweep(t0.Add(2*time.Hour), false, host(pkgs("nmap", "7.93", "zlib1g", "1:1.2.11", "bash", "5.2.15-2", "openssl", "3.0.13-1"))))
	if got := swEvents(r); len(got) != 0 {
		t.Fatalf("unchanged software: events %v", got)
	}
	cur, err := inv.st.Software(t.Context(), id)
	if err != nil || len(cur) != 4 || !cur[0].Time.Equal(t0.Add(time.Hour)) {
		t.Fatalf("latest snapshot %+v (%v): want the 4 rows written at %v", cur, err, t0.Add(time.Hour))
	}
	// An ARP-only sweep says nothing about software: no event either.
	r = ingest(t, inv, sweep(t0.Add(3*time.Hour), false, arp("192.0.2.30", macA)))
	if got := swEvents(r); len(got) != 0 {
		t.Fatalf("ARP-only sweep: events %v", got)
	}
	// The events are in the store, filterable by type.
	es, err := inv.st.Events(t.Context(), store.EventFilter{AssetID: id, Types: []string{EventSoftwareUpgraded}})
	if err != nil || len(es) != 1 || es[0].Field != "openssl (amd64)" {
		t.Fatalf("stored upgrade events %+v %v", es, err)
	}
}

// TestPartialCollectionKeepsSoftware: a collection cut short (a request
// failed mid-walk: in the lab, the scanner's link went down while
// hrSWInstalled was read) lists only the packages read before the cut.
// That list is no snapshot: before, every package after the cut was
// stored as removed (1,422 software_removed events in one sweep of two
// net-snmp hosts). The last full snapshot is kept, no event is given; a
// collection cut only in a column outside hrSWInstalled still records
// the software's changes.
func TestPartialCollectionKeepsSoftware(t *testing.T) {
	inv := newInv(t, Config{MissingAfterSweeps: 3})
	host := func(sw []record.Software, c *record.Collection) record.Observation {
		o := arp("192.0.2.30", macA)
		o.Asset.Software, o.Asset.Collection = sw, c
		o.Asset.Sources = append(o.Asset.Sources, record.SourceSNMP)
		return o
	}
	swEvents := func(r Result) []string {
		var out []string
		for _, e := range r.Events {
			if slices.Contains(SoftwareEventTypes, e.Type) {
				out = append(out, fmt.Sprintf("%s %s", e.Type, e.Field))
			}
		}
		return out
	}
	complete := &record.Collection{Status: record.CollectionComplete}
	full := pkgs("bash", "5.2.15-2", "curl", "7.88.1-10", "openssl", "3.0.13-1", "zlib1g", "1:1.2.13")
	r := ingest(t, inv, sweep(t0, false, host(full, complete)))
	id := r.Sweep.ID
	as, err := inv.st.Assets(t.Context(), store.AssetFilter{})
	if err != nil || len(as) != 1 {
		t.Fatalf("assets %v %v (sweep %s)", as, err, id)
	}
	asset := as[0].Record.AssetID

	for i, c := range []*record.Collection{
		{Status: record.CollectionPartial, Reasons: []record.CollectionReason{{Reason: record.ReasonError,
			Detail: "walk 1.3.6.1.2.1.25.6.3.1.2.249: write: network is unreachable"}}},
		{Status: record.CollectionPartial, Reasons: []record.CollectionReason{{Reason: record.ReasonTargetTimeout, Detail: "30s"}}},
		{Status: record.CollectionPartial, Reasons: []record.CollectionReason{{Reason: record.ReasonMaxRows, OID: "1.3.6.1.2.1.25.6.3.1.2"}}},
	} {
		r = ingest(t, inv, sweep(t0.Add(time.Duration(i+1)*time.Hour), false, host(full[:2], c)))
		if got := swEvents(r); len(got) != 0 {
			t.Errorf("collection %+v: software events %v, want none (the list was cut)", c, got)
		}
		cur, err := inv.st.Software(t.Context(), asset)
		if err != nil || len(cur) != len(full) {
			t.Errorf("collection %+v: latest snapshot %d rows (%v), want the %d of the last full one", c, len(cur), err, len(full))
		}
	}
	// A cut in the interfaces table says nothing against the software.
	ifCut := &record.Collection{Status: record.CollectionPartial, Reasons: []record.CollectionReason{{Reason: record.ReasonMaxRows, OID: "1.3.6.1.2.1.2.2.1.2"}}}
	r = ingest(t, inv, sweep(t0.Add(5*time.Hour), false, host(full[1:], ifCut)))
	if got, want := swEvents(r), []string{"software_removed bash (amd64)"}; !reflect.DeepEqual(got, want) {
		t.Errorf("interfaces cut: software events %v, want %v", got, want)
	}
}

// TestSoftwareCount: the stored record says how many packages the latest
// whole list held (the list is kept in its own table). Before, a stored
// asset's count was always empty: `export --what assets` gave every host
// an empty software_count. A sighting without a list (ARP alone) and a
// list cut short keep the last whole list's count.
func TestSoftwareCount(t *testing.T) {
	inv := newInv(t, Config{MissingAfterSweeps: 3})
	host := func(sw []record.Software, c *record.Collection) record.Observation {
		o := arp("192.0.2.31", macA)
		o.Asset.Software, o.Asset.Collection = sw, c
		if c != nil {
			o.Asset.Sources = append(o.Asset.Sources, record.SourceSNMP)
		}
		return o
	}
	complete := &record.Collection{Status: record.CollectionComplete}
	cut := &record.Collection{Status: record.CollectionPartial, Reasons: []record.CollectionReason{{Reason: record.ReasonMaxRows, OID: "1.3.6.1.2.1.25.6.3.1.2"}}}
	full := pkgs("bash", "5.2.15-2", "curl", "7.88.1-10", "openssl", "3.0.13-1", "zlib1g", "1:1.2.13")
	for i, c := range []struct {
		o    record.Observation
		want int
	}{
		{host(full, complete), 4},
		{host(nil, nil), 4},      // ARP alone
		{host(full[:2], cut), 4}, // cut short
		{host(full[1:], complete), 3},
	} {
		ingest(t, inv, sweep(t0.Add(time.Duration(i)*time.Hour), false, c.o))
		as, err := inv.st.Assets(t.Context(), store.AssetFilter{})
		if err != nil || len(as) != 1 {
			t.Fatalf("sweep %d: assets %v %v", i, as, err)
		}
		if r := as[0].Record; r.SoftwareCount != c.want || len(r.Software) != 0 || r.Packages() != c.want {
			t.Errorf("sweep %d: stored software_count %d (list %d, packages %d), want %d and no list", i, r.SoftwareCount, len(r.Software), r.Packages(), c.want)
		}
	}
}
