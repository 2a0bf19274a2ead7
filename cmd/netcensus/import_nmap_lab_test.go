package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/internal/labtest"
	"github.com/netcensus/netcensus/record"
)

// TestLabImportNmap: Debian's nmap, run in the lab's scanner namespace
// against two lab hosts (h1 runs dnsmasq: TCP 53 open), writes a report
// whose hosts, imported after an ARP sweep into the same store, join the
// assets ARP found through their MACs: no new asset, sources arp and nmap,
// h1's open port with nmap's service. The fixture lab.xml was made this
// way once; this runs nmap itself, so a change of its output shows.
func TestLabImportNmap(t *testing.T) {
	t.Parallel()
	nmap, err := exec.LookPath("nmap")
	if err != nil {
		labtest.SkipOrFail(t, "nmap not installed (Debian package nmap)")
	}
	lab := labtest.Up(t, labtest.Options{Hosts: 2, Roles: []labtest.Role{{Host: 1, Name: "dns"}}})
	bin := labtest.BuildBinary(t, "./cmd/netcensus")
	hosts := lab.Hosts()
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "cmdb.db")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	run := func(name string, args ...string) string {
		t.Helper()
		cmd := lab.Exec(ctx, lab.ScannerNS(), name, args...)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil {
			t.Fatalf("%s %v: %v\n%s", name, args, err, errb.String())
		}
		return out.String()
	}
	assets := func() []record.Asset {
		t.Helper()
		var out []record.Asset
		for _, l := range strings.Split(strings.TrimSpace(run(bin, "--store", db, "assets", "-o", "jsonl")), "\n") {
			var a record.Asset
			if err := json.Unmarshal([]byte(l), &a); err != nil {
				t.Fatalf("%q: %v", l, err)
			}
			out = append(out, a)
		}
		return out
	}
	// ARP's wait is generous: under -race on a loaded machine the default
	// 250 ms once missed both hosts, and this test is about nmap's join.
	run(bin, "--store", db, "sweep", "--no-mdns", "--no-snmp", "--no-names", "--no-progress", "--arp-wait", "1s", "--arp-retries", "2",
		"-o", "jsonl", "198.51.100.0/24")
	before := len(assets())
	if before != len(hosts)+1 {
		t.Fatalf("the ARP sweep stored %d assets, want the %d hosts and the router", before, len(hosts))
	}
	report := filepath.Join(dir, "lab.xml")
	run(nmap, "-n", "-sS", "-sV", "-p", "T:22,53", "-T4", "--max-retries", "2", "-oX", report,
		hosts[0].IP.String(), hosts[1].IP.String())
	run(bin, "--store", db, "import", "nmap", report)
	after := assets()
	if len(after) != before {
		t.Errorf("%d assets after the import, %d before: nmap's hosts did not join ARP's", len(after), before)
	}
	for i, h := range hosts {
		var a *record.Asset
		for j := range after {
			if after[j].MAC.String() == h.MAC.String() {
				a = &after[j]
			}
		}
		if a == nil || !slices.Contains(a.Sources, record.SourceARP) || !slices.Contains(a.Sources, record.SourceNmap) {
			t.Errorf("h%d (%s): %+v, want one asset of sources arp and nmap", i+1, h.MAC, a)
			continue
		}
		open53 := slices.ContainsFunc(a.Ports, func(p record.Port) bool { return p.Port == 53 && p.Protocol == "tcp" })
		if open53 != (i == 0) {
			t.Errorf("h%d ports %+v: want 53/tcp open on h1 alone (dnsmasq)", i+1, a.Ports)
		}
	}
}
