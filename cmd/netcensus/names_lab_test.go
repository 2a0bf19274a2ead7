package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/internal/labtest"
	"github.com/netcensus/netcensus/record"
)

// TestLabNames: a sweep names its hosts from real daemons: dnsmasq's PTR
// records through the scanner's system resolver (the lab's resolv.conf),
// Samba's nmbd answering NetBIOS node status, and systemd-resolved
// answering LLMNR (over TCP: it answers no unicast query over UDP); the
// names are stored with their sources; a silent DNS server costs about one
// timeout and fails nothing; --no-names asks nothing.
func TestLabNames(t *testing.T) {
	t.Parallel()
	lab := labtest.Up(t, labtest.Options{Hosts: 4, Roles: []labtest.Role{
		{Host: 1, Name: "dns"}, {Host: 2, Name: "nmbd", Arg: "FILESRV"}, {Host: 4, Name: "llmnr", Arg: "ws-llmnr"},
	}})
	bin := labtest.BuildBinary(t, "./cmd/netcensus")
	hosts := lab.Hosts()
	db := "sqlite:" + filepath.Join(t.TempDir(), "cmdb.db")
	run := func(args ...string) (map[string]record.Asset, string) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
		defer cancel()
		cmd := lab.Exec(ctx, lab.ScannerNS(), bin, append([]string{"--store", db}, args...)...)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, errb.String())
		}
		got := map[string]record.Asset{}
		for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
			var a record.Asset
			if err := json.Unmarshal([]byte(line), &a); err != nil {
				t.Fatalf("%q: %v", line, err)
			}
			got[a.IP.String()] = a
		}
		return got, errb.String()
	}

	got, errb := run("sweep", "--no-mdns", "--no-snmp", "-o", "jsonl", labtest.Segment)
	if !strings.Contains(errb, "names: asked=5 dns=5 netbios=1 llmnr=1 ") {
		t.Errorf("names summary:\n%s", errb)
	}
	h1, h2 := got[hosts[0].IP.String()], got[hosts[1].IP.String()]
	if h1.Hostname != "h1.lab.example.net" || !slices.Equal(h1.Names, []record.HostName{{Name: "h1.lab.example.net", Source: record.SourceDNS}}) {
		t.Errorf("h1 (PTR only): hostname %q names %v", h1.Hostname, h1.Names)
	}
	// NetBIOS comes before reverse DNS in the stated order.
	if h2.Hostname != "FILESRV" || h2.Workgroup != "NCLAB" || !slices.Contains(h2.Sources, record.SourceNetBIOS) ||
		!slices.Equal(h2.Names, []record.HostName{{Name: "FILESRV", Source: record.SourceNetBIOS}, {Name: "h2.lab.example.net", Source: record.SourceDNS}}) {
		t.Errorf("h2 (nmbd): %+v", h2)
	}
	// LLMNR comes before reverse DNS too.
	if h4 := got[hosts[3].IP.String()]; h4.Hostname != "ws-llmnr" || !slices.Contains(h4.Sources, record.SourceLLMNR) ||
		!slices.Equal(h4.Names, []record.HostName{{Name: "ws-llmnr", Source: record.SourceLLMNR}, {Name: "h4.lab.example.net", Source: record.SourceDNS}}) {
		t.Errorf("h4 (systemd-resolved): hostname %q sources %v names %v", h4.Hostname, h4.Sources, h4.Names)
	}
	if r := got["198.51.100.254"]; r.Hostname != "rtr.lab.example.net" {
		t.Errorf("router: hostname %q", r.Hostname)
	}

	// The CMDB keeps the names.
	listed, _ := run("assets", "-o", "jsonl")
	if a := listed[hosts[1].IP.String()]; a.Hostname != "FILESRV" || len(a.Names) != 2 || a.Workgroup != "NCLAB" {
		t.Errorf("stored h2: hostname %q names %v workgroup %q", a.Hostname, a.Names, a.Workgroup)
	}

	// A DNS server that never answers (h3 runs none) costs the timeout,
	// names nothing by DNS, and the sweep still succeeds.
	start := time.Now()
	got, errb = run("sweep", "--no-mdns", "--no-snmp", "--no-store", "-o", "jsonl", "--dns-server", hosts[2].IP.String(), labtest.Segment)
	if !strings.Contains(errb, "names: asked=5 dns=0 netbios=1 llmnr=1 ") {
		t.Errorf("silent server summary:\n%s", errb)
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("sweep with a silent DNS server took %v", d)
	}
	if h := got[hosts[0].IP.String()]; h.Hostname != "" || len(h.Names) != 0 {
		t.Errorf("h1 named with a silent DNS server: %+v", h)
	}

	got, errb = run("sweep", "--no-mdns", "--no-snmp", "--no-store", "--no-names", "-o", "jsonl", labtest.Segment)
	if strings.Contains(errb, "names:") || got[hosts[1].IP.String()].Hostname != "" {
		t.Errorf("--no-names still named hosts:\n%s", errb)
	}
}
