package main

import (
	"bytes"
	"compress/bzip2"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/netcensus/netcensus/internal/labtest"
	"github.com/netcensus/netcensus/internal/snmprec"
	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner/snmp"
)

// TestLabProbeDebianSnmpsim: Debian's snmpsimd serves recorded walks in a
// lab host namespace; netcensus probe, run in the scanner namespace,
// reads each as the decoders read the walk file itself.
func TestLabProbeDebianSnmpsim(t *testing.T) {
	t.Parallel()
	simd, err := exec.LookPath("snmpsimd")
	if err != nil {
		labtest.SkipOrFail(t, "needs snmpsimd (Debian package snmpsim)")
	}
	lab := labtest.Up(t, labtest.Options{Hosts: 1})
	bin := labtest.BuildBinary(t, "./cmd/netcensus")
	host := lab.Hosts()[0]

	// snmpsimd reads no bzip2: decompress the chosen walks.
	data := t.TempDir()
	walks := []string{"os/linux/unknown-003", "network/router/huawei-s5720", "network/firewall/paloalto-pa-5000"}
	for _, name := range walks {
		src := filepath.Join("../../testdata/snmpsim-data", name+".snmprec.bz2")
		f, err := os.Open(src)
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(data, name+".snmprec")
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		out, err := os.Create(dst)
		if err != nil {
			t.Fatal(err)
		}
		_, err = io.Copy(out, bzip2.NewReader(f))
		f.Close()
		out.Close()
		if err != nil {
			t.Fatalf("decompress %s: %v", src, err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	d := lab.Exec(ctx, host.NS, simd, "--data-dir", data, "--cache-dir", t.TempDir(),
		"--agent-udpv4-endpoint", host.IP.String()+":161", "--process-user", "root", "--process-group", "root",
		"--logging-method", "null")
	if err := d.Start(); err != nil {
		t.Fatalf("snmpsimd: %v", err)
	}
	t.Cleanup(func() { d.Process.Kill(); d.Wait() })

	probe := func(community string, timeout string) ([]record.Asset, string, error) {
		cmd := lab.Exec(ctx, lab.ScannerNS(), bin, "probe", "--format", "json", "--timeout", timeout, "--retries", "0",
			"--community", community, host.IP.String())
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		var recs []record.Asset
		if err == nil {
			err = json.Unmarshal(out.Bytes(), &recs)
		}
		return recs, errb.String(), err
	}
	// Ready when it answers (it indexes the data first).
	deadline := time.Now().Add(60 * time.Second)
	for {
		if _, _, err := probe(walks[0], "500ms"); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("snmpsimd did not answer within 60 s")
		}
	}
	for _, name := range walks {
		t.Run(name, func(t *testing.T) {
			recs, stderr, err := probe(name, "2s")
			if err != nil || len(recs) != 1 {
				t.Fatalf("probe: %v: %s", err, stderr)
			}
			w, _, err := snmprec.ParseFile(filepath.Join(data, name+".snmprec"))
			if err != nil {
				t.Fatal(err)
			}
			want, _ := snmp.Decode(w, host.IP, time.Time{})
			got := recs[0]
			if got.SysName != want.SysName || got.SysDescr != want.SysDescr || got.SysObjectID != want.SysObjectID {
				t.Errorf("system group: got %q %q %q, want %q %q %q", got.SysName, got.SysDescr, got.SysObjectID, want.SysName, want.SysDescr, want.SysObjectID)
			}
			if len(got.Interfaces) != len(want.Interfaces) || len(got.Software) != len(want.Software) || len(got.Storage) != len(want.Storage) {
				t.Errorf("tables: interfaces %d/%d software %d/%d storage %d/%d (got/want)",
					len(got.Interfaces), len(want.Interfaces), len(got.Software), len(want.Software), len(got.Storage), len(want.Storage))
			}
			t.Logf("%s: vendor %q model %q os %q %q serial %q type %q", name, got.Vendor, got.Model, got.OS, got.OSVersion, got.Serial, got.DeviceType)
		})
	}
}
