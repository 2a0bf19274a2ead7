package main

import (
	"context"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/netcensus/netcensus/internal/snmprec"
	"github.com/netcensus/netcensus/internal/snmpsim"
	"github.com/netcensus/netcensus/internal/snmpsim/simtest"
	"github.com/netcensus/netcensus/record"
)

const probeSecret = "probe-s3cret-pass"

// startProbeSim serves a recorded walk on loopback as community "dev" and
// v3 user "u" (SHA-256/AES-256 with probeSecret).
func startProbeSim(t *testing.T) string {
	t.Helper()
	w, _, err := snmprec.ParseFile("../../testdata/snmpsim-data/os/linux/unknown-003.snmprec.bz2")
	if err != nil {
		t.Fatal(err)
	}
	return simtest.Loopback(t, snmpsim.Options{Walks: map[string]*snmprec.Walk{"dev": w}, DefaultContext: "dev",
		Users: []snmpsim.User{{Name: "u", Auth: snmpsim.AuthSHA256, AuthPass: probeSecret, Priv: snmpsim.PrivAES256, PrivPass: probeSecret}}}).String()
}

func TestProbe(t *testing.T) {
	addr := startProbeSim(t)
	_, port, _ := net.SplitHostPort(addr)
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"v2c with host:port", []string{"--community", "nope", "--community", "dev", addr}},
		{"v1 with --port", []string{"--snmp-version", "1", "--community", "dev", "--port", port, "127.0.0.1"}},
		{"v3 authPriv", []string{"--v3-user", "u", "--v3-auth-proto", "sha256", "--v3-auth-pass", probeSecret, "--v3-priv-proto", "aes256", "--v3-priv-pass", probeSecret, addr}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, out, errb := testApp(t, nil, nil)
			args := append([]string{"probe", "-vv", "--format", "json", "--timeout", "300ms", "--retries", "0"}, tc.args...)
			if code := run(context.Background(), a, args); code != exitOK {
				t.Fatalf("exit %d: %s", code, errb)
			}
			if strings.Contains(out.String()+errb.String(), probeSecret) {
				t.Fatal("a secret reached the output or the log")
			}
			var recs []record.Asset
			if err := json.Unmarshal(out.Bytes(), &recs); err != nil || len(recs) != 1 {
				t.Fatalf("want a JSON array of 1: %v\n%s", err, out)
			}
			r := recs[0]
			if r.IP.String() != "127.0.0.1" || r.SysName != "DUMSYS-14" || len(r.Software) < 100 || len(r.Storage) == 0 || len(r.Interfaces) == 0 {
				t.Errorf("record: ip %s sys_name %q software %d storage %d interfaces %d", r.IP, r.SysName, len(r.Software), len(r.Storage), len(r.Interfaces))
			}
			if r.OS == "" || r.Evidence["os"].Rule == "" {
				t.Errorf("no os or its evidence: %q %+v", r.OS, r.Evidence)
			}
			if !strings.Contains(errb.String(), "summary: probed=1 answered=1 partial=0 failed=0") {
				t.Errorf("stderr: %s", errb)
			}
			if r.Collection == nil || r.Collection.Status != record.CollectionComplete {
				t.Errorf("collection %+v, want complete", r.Collection)
			}
		})
	}
}

// TestProbePartialCollection (issue 16): a table capped at snmp.max_rows
// makes the record's collection partial, with the reason and the column,
// and the summary counts it; it no longer shows only at -v.
func TestProbePartialCollection(t *testing.T) {
	addr := startProbeSim(t)
	cfg := filepath.Join(t.TempDir(), "c.yaml")
	if err := os.WriteFile(cfg, []byte("snmp:\n  max_rows: 20\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	a, out, errb := testApp(t, nil, nil)
	if code := run(context.Background(), a, []string{"--config", cfg, "probe", "--format", "jsonl", "--timeout", "300ms", "--retries", "0", "--community", "dev", addr}); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb)
	}
	var r record.Asset
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	c := r.Collection
	if c == nil || c.Status != record.CollectionPartial || len(c.Reasons) == 0 {
		t.Fatalf("collection %+v, want partial", c)
	}
	capped := false
	for _, x := range c.Reasons {
		capped = capped || x.Reason == record.ReasonMaxRows && x.OID == "1.3.6.1.2.1.25.6.3.1.2" && x.Detail == "max_rows 20"
	}
	if !capped {
		t.Errorf("reasons %+v lack the software table capped at 20", c.Reasons)
	}
	if s := errb.String(); !strings.Contains(s, "summary: probed=1 answered=1 partial=1 failed=0") || !strings.Contains(s, "partial (max_rows 1.3.6.1.2.1.25.6.3.1.2") {
		t.Errorf("stderr: %s", s)
	}
}

func TestProbeFailures(t *testing.T) {
	addr := startProbeSim(t)
	a, out, errb := testApp(t, nil, nil)
	code := run(context.Background(), a, []string{"probe", "--format", "jsonl", "--timeout", "200ms", "--retries", "0", "--community", "dev", addr, "127.0.0.1:9"})
	if code != exitOK || strings.Count(out.String(), "\n") != 1 || !strings.Contains(errb.String(), "probe 127.0.0.1:9:") {
		t.Fatalf("one host down: exit %d, out %q, err %s", code, out, errb)
	}
	a, _, errb = testApp(t, nil, nil)
	code = run(context.Background(), a, []string{"probe", "--timeout", "200ms", "--retries", "0", "--v3-user", "u", "--v3-auth-proto", "sha256", "--v3-auth-pass", "wrong-" + probeSecret, addr})
	if code != exitFailure {
		t.Fatalf("all failed: exit %d, want 1: %s", code, errb)
	}
	if strings.Contains(errb.String(), probeSecret) {
		t.Fatal("secret in the error output")
	}
	for _, bad := range [][]string{
		{"probe", "--snmp-version", "4", "198.51.100.1"},
		{"probe", "--v3-user", "u", "--v3-auth-proto", "sha1", "--v3-auth-pass", "xxxxxxxx", "198.51.100.1"},
		{"probe", "--v3-user", "u", "--v3-priv-proto", "aes", "--v3-priv-pass", "xxxxxxxx", "198.51.100.1"},
		{"probe", "--community", "x", "--v3-user", "u", "198.51.100.1"},
		{"probe", "--community", "x", "198.51.100.1:99999"},
		{"probe", "--format", "csv", "198.51.100.1"},
		{"probe", "--workers", "0", "198.51.100.1"},
		{"probe"},
	} {
		a, _, errb := testApp(t, nil, nil)
		if code := run(context.Background(), a, bad); code != exitUsage {
			t.Errorf("%v: exit %d, want 2: %s", bad, code, errb)
		}
		if strings.Contains(errb.String(), "xxxxxxxx") {
			t.Errorf("%v: secret in error: %s", bad, errb)
		}
	}
}

func TestProbeCancel(t *testing.T) {
	a, _, _ := testApp(t, nil, nil)
	// Bound sockets that never answer: every request waits for its 10 s
	// timeout unless cancelled. (A closed port would answer at once with
	// ICMP port unreachable.) The probe is cancelled once its first
	// request arrives, so what is timed is the stop, not the setup before
	// it (the fingerprint engine takes seconds to build under -race on a
	// loaded machine).
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var (
		once  sync.Once
		holes []string
	)
	cancelled := make(chan time.Time, 1)
	for range 3 {
		pc, err := net.ListenPacket("udp4", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer pc.Close()
		holes = append(holes, pc.LocalAddr().String())
		go func() {
			buf := make([]byte, 1500)
			if _, _, err := pc.ReadFrom(buf); err == nil {
				once.Do(func() { cancelled <- time.Now(); cancel() })
			}
		}()
	}
	code := run(ctx, a, append([]string{"probe", "--timeout", "10s", "--retries", "0"}, holes...))
	stopped := time.Now()
	var at time.Time
	select {
	case at = <-cancelled:
	default:
		t.Fatalf("exit %d: the probe never sent a request", code)
	}
	if code != exitInterrupted {
		t.Fatalf("exit %d, want %d", code, exitInterrupted)
	}
	if el := stopped.Sub(at); el > 3*time.Second {
		t.Fatalf("probe took %s to stop after cancel", el)
	}
}

func TestSweepSNMPFlags(t *testing.T) {
	for _, bad := range [][]string{
		{"sweep", "--snmp-workers", "0", "198.51.100.0/24"},
		{"sweep", "--snmp-timeout", "0s", "198.51.100.0/24"},
		{"sweep", "--snmp-retries", "11", "198.51.100.0/24"},
		{"sweep", "--community", "", "198.51.100.0/24"},
	} {
		a, _, errb := testApp(t, nil, nil)
		if code := run(context.Background(), a, bad); code != exitUsage {
			t.Errorf("%v: exit %d, want 2: %s", bad, code, errb)
		}
	}
}
