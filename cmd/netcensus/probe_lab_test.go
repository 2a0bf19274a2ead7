package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/internal/labtest"
	"github.com/netcensus/netcensus/record"
)

// TestLabProbeSnmpd probes real net-snmp snmpd daemons in lab namespaces
// with the real binary: v2c, then v3 SHA-256/AES-256. Software and
// storage tables must come out, and no secret may reach any output.
func TestLabProbeSnmpd(t *testing.T) {
	t.Parallel()
	lab := labtest.Up(t, labtest.Options{Hosts: 3, Roles: []labtest.Role{{Host: 1, Name: "snmpd"}, {Host: 2, Name: "snmpd"}}})
	bin := labtest.BuildBinary(t, "./cmd/netcensus")
	hosts := lab.Hosts()
	const pass = "netcensus-lab-pass"

	run := func(t *testing.T, args ...string) ([]record.Asset, string, int) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		cmd := lab.Exec(ctx, lab.ScannerNS(), bin, append([]string{"probe", "--format", "json", "--timeout", "1s", "--retries", "1"}, args...)...)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		code := 0
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatalf("run: %v", err)
		}
		if strings.Contains(out.String()+errb.String(), pass) {
			t.Fatalf("a secret reached the output")
		}
		var recs []record.Asset
		if out.Len() > 0 {
			if err := json.Unmarshal(out.Bytes(), &recs); err != nil {
				t.Fatalf("output is not a JSON array: %v\n%s", err, out.String())
			}
		}
		return recs, errb.String(), code
	}
	check := func(t *testing.T, recs []record.Asset, wantEngine bool) {
		t.Helper()
		if len(recs) != 2 {
			t.Fatalf("got %d records, want 2", len(recs))
		}
		for i, a := range recs {
			h := hosts[i]
			if a.IP != h.IP || a.SysName != h.NS {
				t.Errorf("record %d: ip %s sys_name %q, want %s %q", i, a.IP, a.SysName, h.IP, h.NS)
			}
			if !strings.HasPrefix(a.SysObjectID, "1.3.6.1.4.1.8072.") || a.SysLocation == "" || a.SysUptimeS == 0 && a.SysDescr == "" {
				t.Errorf("record %d: system group %+v", i, a)
			}
			if len(a.Software) < 20 {
				t.Errorf("record %d: %d software packages", i, len(a.Software))
			}
			withVersion := 0
			for _, s := range a.Software {
				if s.Name != "" && s.Version != "" {
					withVersion++
				}
			}
			if withVersion < len(a.Software)/2 {
				t.Errorf("record %d: only %d of %d packages have a version", i, withVersion, len(a.Software))
			}
			sized := 0
			for _, s := range a.Storage {
				if s.SizeBytes > 0 {
					sized++
				}
			}
			if sized == 0 {
				t.Errorf("record %d: no storage with a size: %+v", i, a.Storage)
			}
			if len(a.Interfaces) < 2 {
				t.Errorf("record %d: interfaces %+v", i, a.Interfaces)
			}
			if a.MAC.String() != h.MAC.String() {
				t.Errorf("record %d: mac %s, want %s", i, a.MAC, h.MAC)
			}
			if wantEngine && a.SNMPEngineID == "" {
				t.Errorf("record %d: no snmp_engine_id over v3", i)
			}
		}
		if recs[0].SNMPEngineID != "" && recs[0].SNMPEngineID == recs[1].SNMPEngineID {
			t.Errorf("two agents, one engine ID %s", recs[0].SNMPEngineID)
		}
	}
	targets := []string{hosts[0].IP.String(), hosts[1].IP.String()}

	t.Run("v2c", func(t *testing.T) {
		recs, stderr, code := run(t, append([]string{"--community", "wrong-one", "--community", "public"}, targets...)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		check(t, recs, false)
	})
	t.Run("v3 sha256 aes256", func(t *testing.T) {
		recs, stderr, code := run(t, append([]string{"--v3-user", "u-sha256-aes256", "--v3-auth-proto", "sha256", "--v3-auth-pass", pass,
			"--v3-priv-proto", "aes256", "--v3-priv-pass", pass}, targets...)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		check(t, recs, true)
	})
	t.Run("one host down, run goes on", func(t *testing.T) {
		recs, stderr, code := run(t, "--community", "public", hosts[0].IP.String(), hosts[2].IP.String())
		if code != 0 || len(recs) != 1 || !strings.Contains(stderr, hosts[2].IP.String()) {
			t.Fatalf("exit %d, %d records, stderr %s", code, len(recs), stderr)
		}
	})
	t.Run("all fail: exit 1", func(t *testing.T) {
		_, stderr, code := run(t, "--community", "not-this", hosts[0].IP.String())
		if code != 1 {
			t.Fatalf("exit %d, want 1: %s", code, stderr)
		}
	})
}
