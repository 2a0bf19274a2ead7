package main

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/netcensus/netcensus/internal/labtest"
	"github.com/netcensus/netcensus/record"
)

// TestLabMDNSIPv6: a host whose avahi-daemon speaks IPv6 only (it answers
// on ff02::fb, with AAAA records) is heard by a sweep's mDNS browse, and
// what it announces joins its ARP host through the MAC NDP saw answer
// from its IPv6 address. Before, the browse asked and listened over IPv4
// alone and heard nothing of it.
func TestLabMDNSIPv6(t *testing.T) {
	t.Parallel()
	hosts, recs, stderr := mdns6Sweep(t, "198.51.100.0/24", nil)
	var found bool
	for _, r := range recs {
		switch r.IP {
		case hosts[0].IP:
			found = true
			if r.Hostname != "printer-h1" || !slices.Contains(r.Sources, record.SourceMDNS) || len(r.Services) == 0 || !slices.Contains(r.IPs, hosts[0].IP6) {
				t.Errorf("h1: hostname %q sources %v services %v addresses %v: want printer-h1's services by mdns, joined with %s", r.Hostname, r.Sources, r.Services, r.IPs, hosts[0].IP6)
			}
		case hosts[1].IP:
			if slices.Contains(r.Sources, record.SourceMDNS) {
				t.Errorf("h2 runs no mDNS responder, yet has %+v", r)
			}
		}
		if r.IP.Is6() {
			t.Errorf("a record of its own for %s (%q): IPv6 addresses join through MACs", r.IP, r.Hostname)
		}
	}
	if !found || t.Failed() {
		t.Errorf("h1 found: %v; sweep's stderr:\n%s", found, stderr)
	}
}

// TestLabMDNSIPv6OnlyHost: a host with no IPv4 address (flushed) whose
// avahi-daemon answers mDNS on ff02::fb alone becomes one asset: the one
// NDP found by its IPv6 address and MAC, with what it announces joined
// through that MAC. Before, only ARP hosts could be joined and its
// services were dropped.
func TestLabMDNSIPv6OnlyHost(t *testing.T) {
	t.Parallel()
	hosts, recs, stderr := mdns6Sweep(t, "198.51.100.0/24", func(lab *labtest.Lab) []string { return []string{lab.Hosts()[0].NS} })
	var found bool
	for _, r := range recs {
		if r.MAC.String() != hosts[0].MAC.String() {
			continue
		}
		if found {
			t.Errorf("a second record of h1's MAC: %+v", r)
		}
		found = true
		if r.IP != hosts[0].IP6 || r.Hostname != "printer-h1" || len(r.Services) == 0 ||
			!slices.Contains(r.Sources, record.SourceMDNS) || !slices.Contains(r.Sources, record.SourceNDP) {
			t.Errorf("h1 (IPv6 only): ip %s hostname %q sources %v services %v; want %s named printer-h1 by mdns and ndp", r.IP, r.Hostname, r.Sources, r.Services, hosts[0].IP6)
		}
	}
	if !found || t.Failed() {
		t.Errorf("h1 found: %v; sweep's stderr:\n%s", found, stderr)
	}
}

// TestLabMDNSIPv6OnlyLink: on a link with no IPv4 at all (the scanner's
// and h1's IPv4 flushed), a sweep of an IPv6 prefix browses mDNS there
// too: h1's avahi-daemon, answering on ff02::fb alone, names the host NDP
// found. Before, only links with an IPv4 segment were browsed.
func TestLabMDNSIPv6OnlyLink(t *testing.T) {
	t.Parallel()
	hosts, recs, stderr := mdns6Sweep(t, "2001:db8:100::/120", func(lab *labtest.Lab) []string {
		return []string{lab.ScannerNS(), lab.Hosts()[0].NS}
	})
	var found bool
	for _, r := range recs {
		if r.IP != hosts[0].IP6 {
			continue
		}
		found = true
		if r.MAC.String() != hosts[0].MAC.String() || r.Hostname != "printer-h1" || len(r.Services) == 0 || !slices.Contains(r.Sources, record.SourceMDNS) {
			t.Errorf("h1: mac %s hostname %q sources %v services %v; want printer-h1's services by mdns on its NDP host", r.MAC, r.Hostname, r.Sources, r.Services)
		}
	}
	if !found || t.Failed() {
		t.Errorf("h1 found: %v; sweep's stderr:\n%s", found, stderr)
	}
}

// mdns6Sweep brings up a lab whose h1 runs avahi-daemon answering on
// ff02::fb alone (printer-h1), flushes the IPv4 addresses of the
// namespaces flush names (nil: none), and sweeps target from the scanner
// (mDNS and NDP; no SNMP, no names): the lab's hosts, the records and the
// sweep's stderr.
func mdns6Sweep(t *testing.T, target string, flush func(*labtest.Lab) []string) ([]labtest.Host, []record.Asset, string) {
	t.Helper()
	lab := labtest.Up(t, labtest.Options{Hosts: 2, IPv6: true, Roles: []labtest.Role{{Host: 1, Name: "avahi6", Arg: "printer"}}})
	bin := labtest.BuildBinary(t, "./cmd/netcensus")
	if flush != nil {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		for _, ns := range flush(lab) {
			if out, err := lab.Exec(ctx, ns, "ip", "-4", "addr", "flush", "dev", "eth0").CombinedOutput(); err != nil {
				t.Fatalf("%s: %v\n%s", ns, err, out)
			}
		}
	}
	recs, stderr := labRecords(t, lab, bin, "-vv", "sweep", "--no-store", "--format", "jsonl", "--no-progress", "--no-snmp", "--no-names", target)
	return lab.Hosts(), recs, stderr
}
