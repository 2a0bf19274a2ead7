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

// TestLabLocateDebianSnmpsim: Debian's snmpsimd serves this project's
// switch walk (testdata/switches: acc-sw-1 with its community@VLAN files)
// on host 1; host 2 takes the MAC the walk learnt on Gi1/0/1 in VLAN 10's
// context. A sweep with community acc-sw-1 reads the VLAN contexts from
// the real simulator (community acc-sw-1@10 is the file acc-sw-1@10) and
// locates host 2 there; ports lists the switch's CDP uplink neighbour.
func TestLabLocateDebianSnmpsim(t *testing.T) {
	t.Parallel()
	simd, err := exec.LookPath("snmpsimd")
	if err != nil {
		labtest.SkipOrFail(t, "needs snmpsimd (Debian package snmpsim)")
	}
	lab := labtest.Up(t, labtest.Options{Hosts: 2})
	bin := labtest.BuildBinary(t, "./cmd/netcensus")
	sim, host := lab.Hosts()[0], lab.Hosts()[1]
	data, err := filepath.Abs("../../testdata/switches")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	d := lab.Exec(ctx, sim.NS, simd, "--data-dir", data, "--cache-dir", t.TempDir(),
		"--agent-udpv4-endpoint", sim.IP.String()+":161", "--process-user", "root", "--process-group", "root",
		"--logging-method", "null")
	if err := d.Start(); err != nil {
		t.Fatalf("snmpsimd: %v", err)
	}
	t.Cleanup(func() { d.Process.Kill(); d.Wait() })
	for _, args := range [][]string{
		{"-n", host.NS, "link", "set", "eth0", "down"},
		{"-n", host.NS, "link", "set", "eth0", "address", "00:00:5e:00:53:01"},
		{"-n", host.NS, "link", "set", "eth0", "up"},
		{"-n", host.NS, "route", "replace", "default", "via", "198.51.100.254"},
	} {
		if out, err := exec.CommandContext(ctx, "ip", args...).CombinedOutput(); err != nil {
			t.Fatalf("ip %v: %v\n%s", args, err, out)
		}
	}
	st := "sqlite:" + filepath.Join(t.TempDir(), "cmdb.db")
	run := func(args ...string) (string, error) {
		cmd := lab.Exec(ctx, lab.ScannerNS(), bin, append([]string{"--store", st}, args...)...)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		if err != nil {
			err = &labErr{err, errb.String()}
		}
		return out.String(), err
	}
	// snmpsimd takes a while to start (more on a loaded machine).
	deadline := time.Now().Add(90 * time.Second)
	for {
		if _, err := run("probe", "--format", "json", "--timeout", "500ms", "--retries", "0", "--community", "acc-sw-1", sim.IP.String()); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("snmpsimd did not answer within 90 s")
		}
	}
	if _, err := run("sweep", "--community", "acc-sw-1", "--snmp-timeout", "3s", "--no-progress", "--no-names", "--no-mdns", "-o", "jsonl",
		sim.IP.String(), host.IP.String()); err != nil {
		t.Fatal(err)
	}
	out, err := run("asset", "locate", host.IP.String(), "-o", "json")
	if err != nil {
		t.Fatal(err)
	}
	var w inventory.Whereabouts
	if err := json.Unmarshal([]byte(out), &w); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if w.Current == nil || w.Current.Switch.Name != "acc-sw-1" || w.Current.Port != "Gi1/0/1" || w.Current.VLAN != 10 ||
		w.Evidence == nil || !strings.HasPrefix(w.Evidence.OID, "@10:") {
		t.Fatalf("location %+v evidence %+v", w.Current, w.Evidence)
	}
	out, err = run("ports", sim.IP.String(), "-o", "csv", "--occupied")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Gi1/0/49,10149,up,core-sw-1.example.net (cdp)") || !strings.Contains(out, "Gi1/0/1,10101,up,,"+w.AssetID) {
		t.Errorf("ports:\n%s", out)
	}
}

type labErr struct {
	err    error
	stderr string
}

func (e *labErr) Error() string { return e.err.Error() + ": " + e.stderr }
