package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/internal/labtest"
	"github.com/netcensus/netcensus/inventory"
)

// TestLabLocate sweeps the lab with its switch answering SNMP (role
// switch: snmpd on the bridge's management address, BRIDGE-MIB from the
// bridge's forwarding table): asset locate puts every host on its own
// bridge port. Host 2 is then re-plugged (its veth deleted and a new one
// made on another bridge port, same MAC and address); the next sweep
// locates it on the new port, and its history holds a moved event from
// the old port to the new one.
func TestLabLocate(t *testing.T) {
	t.Parallel()
	lab := labtest.Up(t, labtest.Options{Hosts: 3, Roles: []labtest.Role{{Host: 3, Name: "switch"}}})
	bin := labtest.BuildBinary(t, "./cmd/netcensus")
	st := "sqlite:" + filepath.Join(t.TempDir(), "cmdb.db")
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	// lastSweep is the last sweep's output and log, printed when a later
	// command fails: what the sweep found says why an asset is missing.
	var lastSweep string
	run := func(args ...string) string {
		t.Helper()
		cmd := lab.Exec(ctx, lab.ScannerNS(), bin, append([]string{"--store", st}, args...)...)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil {
			t.Fatalf("%v: %v\n%s\nthe last sweep's output:\n%s", args, err, errb.String(), lastSweep)
		}
		if args[0] == "sweep" {
			lastSweep = out.String() + errb.String()
		}
		return out.String()
	}
	sweep := func() {
		run("sweep", "--community", "public", "--snmp-timeout", "3s", "--no-progress", "--no-names", "--no-mdns", "-o", "jsonl", "198.51.100.0/24")
	}
	locate := func(ip string) inventory.Whereabouts {
		t.Helper()
		var w inventory.Whereabouts
		out := run("asset", "locate", ip, "-o", "json")
		if err := json.Unmarshal([]byte(out), &w); err != nil {
			t.Fatalf("locate %s: %v\n%s", ip, err, out)
		}
		return w
	}
	// The first sweep is repeated, a few times within a deadline, until it
	// has found every lab host: a lab inside another network namespace
	// (CI's) can drop the first ARP round while its bridge ports settle.
	found := func() bool {
		for _, h := range lab.Hosts() {
			cmd := lab.Exec(ctx, lab.ScannerNS(), bin, "--store", st, "asset", "locate", h.IP.String(), "-o", "json")
			if cmd.Run() != nil {
				return false
			}
		}
		return true
	}
	deadline := time.Now().Add(time.Minute)
	for sweep(); !found() && time.Now().Before(deadline); {
		t.Logf("not every host found yet; sweeping again:\n%s", lastSweep)
		sweep()
	}
	sw := lab.NS("sw")
	for _, h := range lab.Hosts() {
		port := h.NS[strings.LastIndex(h.NS, "-")+1:] // the bridge port of host hN is named hN
		w := locate(h.IP.String())
		if w.Current == nil || w.Current.Port != port || w.Current.Switch.Name != sw || w.Current.Switch.AssetID == "" {
			t.Fatalf("%s: location %+v, want %s port %s", h.IP, w.Current, sw, port)
		}
		if w.Evidence == nil || w.Evidence.Rule != "access_port" {
			t.Errorf("%s: evidence %+v", h.IP, w.Evidence)
		}
	}

	// Re-plug host 2 into a new bridge port.
	h := lab.Hosts()[1]
	for _, args := range [][]string{
		{"-n", sw, "link", "del", "h2"},
		{"link", "add", "p2h2", "netns", sw, "type", "veth", "peer", "name", "eth0", "netns", h.NS, "address", h.MAC.String()},
		{"-n", sw, "link", "set", "p2h2", "master", "br0", "up"},
		{"-n", h.NS, "addr", "add", h.IP.String() + "/24", "dev", "eth0"},
		{"-n", h.NS, "link", "set", "eth0", "up"},
	} {
		if out, err := exec.CommandContext(ctx, "ip", args...).CombinedOutput(); err != nil {
			t.Fatalf("ip %v: %v\n%s", args, err, out)
		}
	}
	sweep()
	w := locate(h.IP.String())
	// snmpd may not have named the new interface yet: then its port is
	// "ifIndex N"; either way not h2.
	if w.Current == nil || w.Current.Port == "h2" || (w.Current.Port != "p2h2" && !strings.HasPrefix(w.Current.Port, "ifIndex ")) {
		t.Fatalf("re-plugged host: location %+v", w.Current)
	}
	if len(w.History) != 2 || w.History[0].Port != "h2" || w.History[1].Port != w.Current.Port {
		t.Errorf("history %+v", w.History)
	}
	var d struct {
		History []struct{ Type, Field, Old, New string } `json:"history"`
	}
	out := run("asset", w.AssetID, "-o", "json")
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("asset json: %v\n%s", err, out)
	}
	var moved []string
	for _, e := range d.History {
		if e.Type == "moved" {
			moved = append(moved, e.Old+" -> "+e.New)
		}
	}
	if want := sw + " h2 -> " + sw + " " + w.Current.Port; len(moved) != 1 || moved[0] != want {
		t.Errorf("moved events %q, want [%q]", moved, want)
	}
	// Host 1 stayed where it was: no move (seen by two sweeps or more, as
	// the first may have been repeated).
	if w1 := locate(lab.Hosts()[0].IP.String()); len(w1.History) != 1 || w1.History[0].Sweeps < 2 {
		t.Errorf("host 1 history %+v", w1.History)
	}
}
