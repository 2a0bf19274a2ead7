package snmp_test

import (
	"context"
	"io/fs"
	"net"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gosnmp/gosnmp"

	"github.com/netcensus/netcensus/internal/labtest"
	"github.com/netcensus/netcensus/internal/snmpsim"
)

const fixtureDir = "../../fingerprints/testdata/fixtures"

// TestFixturesProbeReadsWhatRulesUse: the profiles' fixture walks (one or
// more per profile, in the repository) identify through the probe as they
// do whole, as the corpus' walks do in TestCorpusProbeReadsWhatRulesUse.
// A profile's test reads the whole walk; a device is only ever read
// through the probe's fetch plan, so a rule the plan does not fetch (or
// fetches in another way: a walk finds what lies below its OID, never the
// OID itself) passes its test and reads nothing on the device.
func TestFixturesProbeReadsWhatRulesUse(t *testing.T) {
	probeMatchesWholeWalks(t, fixtureDir, 1000, startSim(t, snmpsim.Options{DataDir: fixtureDir, Preload: true}))
}

// TestFixturesProbeDebianSnmpsim: the same, served by Debian's snmpsimd,
// the agent simulator users (and the measure of the fingerprints) serve
// recorded walks with. It answers from each file as written, where the
// simulator of these tests sorts what it loads. snmpsimd is one Python
// process, about 7 fixtures a second: every eighth fixture (by path) is
// served, about 160, a sample of every folder's rules (all of them took
// 3 minutes and gave the same result).
func TestFixturesProbeDebianSnmpsim(t *testing.T) {
	var all []string
	err := filepath.WalkDir(fixtureDir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".snmprec") {
			all = append(all, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(all)
	sample := t.TempDir()
	var first string
	for i := 0; i < len(all); i += 8 {
		rel, _ := filepath.Rel(fixtureDir, all[i])
		b, err := os.ReadFile(all[i])
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(sample, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if first == "" {
			first = strings.TrimSuffix(filepath.ToSlash(rel), ".snmprec")
		}
	}
	probeMatchesWholeWalks(t, sample, 100, startSnmpsimd(t, sample, first))
}

// startSnmpsimd serves dir with Debian's snmpsimd on a loopback port and
// stops it when the test ends. It is ready when it answers a GET for the
// walk named ready (snmpsimd indexes every file before it listens).
func startSnmpsimd(t *testing.T, dir, ready string) netip.AddrPort {
	t.Helper()
	simd, err := exec.LookPath("snmpsimd")
	if err != nil {
		labtest.SkipOrFail(t, "needs snmpsimd (Debian package snmpsim)")
	}
	data, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	// A free port: taken, noted and given back for snmpsimd to bind.
	pc, err := net.ListenPacket("udp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := pc.LocalAddr().(*net.UDPAddr).AddrPort()
	pc.Close()
	tmp := t.TempDir()
	logPath := filepath.Join(tmp, "snmpsimd.log")
	logf, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	defer logf.Close()
	args := []string{"--data-dir", data, "--cache-dir", filepath.Join(tmp, "cache"),
		"--agent-udpv4-endpoint", addr.String()}
	if os.Geteuid() == 0 {
		// snmpsimd drops root for another user unless told to keep it.
		args = append(args, "--process-user", "root", "--process-group", "root")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, simd, args...)
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	t.Cleanup(func() { cancel(); <-exited })

	g := &gosnmp.GoSNMP{Target: addr.Addr().String(), Port: addr.Port(), Community: ready,
		Version: gosnmp.Version2c, Timeout: time.Second, Retries: 0}
	if err := g.Connect(); err != nil {
		t.Fatal(err)
	}
	defer g.Conn.Close()
	for deadline := time.Now().Add(3 * time.Minute); ; {
		if r, err := g.Get([]string{"1.3.6.1.2.1.1.2.0"}); err == nil && len(r.Variables) == 1 &&
			r.Variables[0].Type == gosnmp.ObjectIdentifier {
			return addr
		}
		select {
		case <-exited:
			b, _ := os.ReadFile(logPath)
			t.Fatalf("snmpsimd exited: %v\n%s", cmd.ProcessState, b)
		default:
		}
		if time.Now().After(deadline) {
			b, _ := os.ReadFile(logPath)
			t.Fatalf("snmpsimd did not answer within 3 minutes:\n%s", b)
		}
		time.Sleep(500 * time.Millisecond)
	}
}
