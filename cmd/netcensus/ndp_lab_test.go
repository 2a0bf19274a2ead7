package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/netip"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/internal/labtest"
	"github.com/netcensus/netcensus/record"
)

// labRecords runs the binary in the lab's scanner namespace and reads its
// JSON lines.
func labRecords(t *testing.T, lab *labtest.Lab, bin string, args ...string) ([]record.Asset, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := lab.Exec(ctx, lab.ScannerNS(), bin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	var out []record.Asset
	for _, line := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
		if line == "" {
			continue
		}
		var a record.Asset
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		out = append(out, a)
	}
	return out, stderr.String()
}

// TestLabPassiveNDP: --passive hears a host's neighbour solicitation (it
// asks for another host's IPv6 address) and its ARP request: one host,
// both addresses.
func TestLabPassiveNDP(t *testing.T) {
	t.Parallel()
	lab := labtest.Up(t, labtest.Options{Hosts: 3, IPv6: true})
	bin := labtest.BuildBinary(t, "./cmd/netcensus")
	hosts := lab.Hosts()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := lab.Exec(ctx, lab.ScannerNS(), bin, "-v", "sweep", "--no-store", "-o", "jsonl", "--passive", "6s", labtest.Segment)
	var stdout bytes.Buffer
	stderr := &watchedBuffer{}
	cmd.Stdout, cmd.Stderr = &stdout, stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stderr.waitFor(t, "passive listen", 20*time.Second)
	// h2 asks for h1's IPv6 address (a multicast solicitation from its
	// own, naming its MAC) and, by ARP, for h3's IPv4 one.
	if out, err := lab.Exec(ctx, hosts[1].NS, "ping", "-6", "-c", "1", "-w", "3", hosts[0].IP6.String()).CombinedOutput(); err != nil {
		t.Fatalf("ping from h2: %v\n%s", err, out)
	}
	if out, err := lab.Exec(ctx, hosts[1].NS, "arp-scan", "-q", "-I", "eth0", "--retry=1", hosts[2].IP.String()).CombinedOutput(); err != nil {
		t.Fatalf("arp-scan from h2: %v\n%s", err, out)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("sweep --passive: %v\n%s", err, stderr.String())
	}
	var found bool
	for _, line := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
		var r record.Asset
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		if r.IP == hosts[1].IP {
			found = true
			if !slices.Contains(r.IPs, hosts[1].IP6) || !slices.Contains(r.Sources, record.SourceNDP) || r.MAC.String() != hosts[1].MAC.String() {
				t.Errorf("h2: %+v, want %s among its addresses, heard by ndp", r, hosts[1].IP6)
			}
		}
	}
	if !found || !strings.Contains(stderr.String(), " ndp=") {
		t.Errorf("h2 not heard, or no NDP counted:\n%s\n%s", stdout.String(), stderr.String())
	}
}

// TestLabNDP: on a lab with IPv6, a sweep of the IPv4 segment finds each
// host's IPv6 address by NDP and joins it to the host's IPv4 asset through
// its MAC, in the output and in the store; the router's snmpd answers
// ipNetToPhysicalTable, whose IPv6 entries join the same way with NDP off.
func TestLabNDP(t *testing.T) {
	t.Parallel()
	lab := labtest.Up(t, labtest.Options{Hosts: 4, IPv6: true, Roles: []labtest.Role{{Router: true, Name: "snmpd"}}})
	bin := labtest.BuildBinary(t, "./cmd/netcensus")
	hosts := lab.Hosts()
	store := "sqlite:" + filepath.Join(t.TempDir(), "netcensus.db")

	check := func(recs []record.Asset, src record.Source) {
		t.Helper()
		byIP := map[netip.Addr]record.Asset{}
		for _, r := range recs {
			byIP[r.IP] = r
		}
		for _, h := range hosts {
			r, ok := byIP[h.IP]
			if !ok {
				t.Errorf("%s: no record", h.IP)
				continue
			}
			if !slices.Contains(r.IPs, h.IP6) || !slices.Contains(r.Sources, src) || r.MAC.String() != h.MAC.String() {
				t.Errorf("%s: addresses %v sources %v mac %s, want %s by %s", h.IP, r.IPs, r.Sources, r.MAC, h.IP6, src)
			}
			if _, alone := byIP[h.IP6]; alone {
				t.Errorf("%s has a record of its own", h.IP6)
			}
		}
	}

	// NDP, SNMP off: the hosts' addresses come from neighbour discovery.
	recs, stderr := labRecords(t, lab, bin, "-vv", "sweep", "--store", store, "--format", "jsonl", "--no-progress",
		"--no-snmp", "--no-mdns", "--no-names", "198.51.100.0/24")
	check(recs, record.SourceNDP)
	if t.Failed() {
		t.Logf("sweep's stderr:\n%s", stderr)
	}
	if !strings.Contains(stderr, "ndp: links=1 ") {
		t.Errorf("no ndp summary line:\n%s", stderr)
	}
	// The store: one asset per host, holding both addresses.
	stored, _ := labRecords(t, lab, bin, "assets", "--store", store, "--format", "jsonl", "--subnet", "2001:db8:100::/64")
	if len(stored) != len(hosts)+1 { // the hosts and the router
		t.Errorf("%d assets in 2001:db8:100::/64, want %d: %+v", len(stored), len(hosts)+1, stored)
	}
	for _, a := range stored {
		if a.IP.Is6() {
			t.Errorf("asset %s (%v) stands for an IPv6 address alone", a.AssetID, a.IPs)
		}
	}

	// The router: its neighbour table learns the hosts' global addresses
	// from an echo to all nodes sent from its own (inside its namespace).
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if out, err := lab.Exec(ctx, lab.RouterNS(), "ping", "-6", "-c", "2", "-i", "0.2", "-w", "5", "-I", "2001:db8:100::254", "ff02::1%eth0").CombinedOutput(); err != nil {
		var ee *exec.ExitError
		if !(errors.As(err, &ee)) {
			t.Fatalf("ping from the router: %v\n%s", err, out)
		}
	}
	recs, stderr = labRecords(t, lab, bin, "sweep", "--no-store", "--format", "jsonl", "--no-progress",
		"--no-ndp", "--no-mdns", "--no-names", "--community", "public", "198.51.100.0/24")
	check(recs, record.SourceRouterND)
	if !strings.Contains(stderr, "router_nd=") {
		t.Errorf("no router_nd count in the summary:\n%s", stderr)
	}
}

// TestLabNDPIPv6Only: on a link with no IPv4 at all (the scanner's and one
// host's IPv4 addresses removed, so no segment and no route), a sweep of
// an IPv6 prefix finds every host there by NDP, the IPv6-only host too,
// with or without the interface named. Before, the targets were skipped as
// not on an attached link, and --interface failed for want of IPv4.
func TestLabNDPIPv6Only(t *testing.T) {
	t.Parallel()
	lab := labtest.Up(t, labtest.Options{Hosts: 3, IPv6: true})
	bin := labtest.BuildBinary(t, "./cmd/netcensus")
	hosts := lab.Hosts()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for _, ns := range []string{lab.ScannerNS(), hosts[2].NS} {
		if out, err := lab.Exec(ctx, ns, "ip", "-4", "addr", "flush", "dev", "eth0").CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", ns, err, out)
		}
	}
	for _, iface := range [][]string{nil, {"--interface", "eth0"}} {
		args := append([]string{"-vv", "sweep", "--no-store", "--format", "jsonl", "--no-progress", "--no-snmp", "--no-mdns", "--no-names"}, iface...)
		recs, stderr := labRecords(t, lab, bin, append(args, "2001:db8:100::/120")...)
		byIP := map[netip.Addr]record.Asset{}
		for _, r := range recs {
			byIP[r.IP] = r
		}
		for _, h := range hosts {
			r, ok := byIP[h.IP6]
			if !ok || r.MAC.String() != h.MAC.String() || !slices.Contains(r.Sources, record.SourceNDP) {
				t.Errorf("%v: %s: record %+v, want its MAC %s by ndp", iface, h.IP6, r, h.MAC)
			}
		}
		if t.Failed() {
			t.Logf("sweep's stderr:\n%s", stderr)
		}
	}
}
