package snmpsim

import (
	"compress/bzip2"
	"context"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gosnmp/gosnmp"

	"github.com/netcensus/netcensus/internal/snmprec"
)

// The benchmarks walk a whole recorded file over loopback with gosnmp and
// report requests and varbinds per second. Where Debian's snmpsim
// (snmpsimd, package "snmpsim") is installed, the same walk is timed
// against it and the ratio reported:
//
//	go test -run XXX -bench . -benchtime 5x ./internal/snmpsim/

const benchFile = "UPS/apc-7902b.snmprec.bz2"

type walker func(g *gosnmp.GoSNMP) (int, error)

func walkNext(g *gosnmp.GoSNMP) (int, error) {
	n := 0
	err := g.Walk(".1.3", func(gosnmp.SnmpPDU) error { n++; return nil })
	return n, err
}

func walkBulk(g *gosnmp.GoSNMP) (int, error) {
	n := 0
	err := g.BulkWalk(".1.3", func(gosnmp.SnmpPDU) error { n++; return nil })
	return n, err
}

// timeWalk walks once and returns the requests sent and the duration.
func timeWalk(b *testing.B, g *gosnmp.GoSNMP, walk walker, want int) (int64, time.Duration) {
	b.Helper()
	var sent atomic.Int64
	g.OnSent = func(*gosnmp.GoSNMP) { sent.Add(1) }
	start := time.Now()
	n, err := walk(g)
	took := time.Since(start)
	if err != nil {
		b.Fatal(err)
	}
	if n != want {
		b.Fatalf("walk returned %d varbinds, want %d", n, want)
	}
	return sent.Load(), took
}

func benchClient(b *testing.B, addr *net.UDPAddr, community string) *gosnmp.GoSNMP {
	b.Helper()
	g := &gosnmp.GoSNMP{
		Target: addr.IP.String(), Port: uint16(addr.Port), Community: community,
		Version: gosnmp.Version2c, Timeout: 5 * time.Second, Retries: 2, MaxRepetitions: 25,
		Logger: gosnmp.NewLogger(log.New(io.Discard, "", 0)),
	}
	if err := g.Connect(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { g.Conn.Close() })
	return g
}

// startBenchAgent runs an Agent for the benchmark's duration.
func startBenchAgent(b *testing.B, opts Options) *net.UDPAddr {
	b.Helper()
	a, err := New(opts)
	if err != nil {
		b.Fatal(err)
	}
	conn, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Serve(ctx, conn) }()
	b.Cleanup(func() {
		cancel()
		<-done
		conn.Close()
	})
	return conn.LocalAddr().(*net.UDPAddr)
}

// startSnmpsimd runs Debian's snmpsimd on a copy of the walk (decompressed:
// snmpsimd reads no bzip2) and waits until it answers. It returns nil when snmpsimd is not installed.
func startSnmpsimd(b *testing.B, walkPath, community string) *net.UDPAddr {
	b.Helper()
	bin, err := exec.LookPath("snmpsimd")
	if err != nil {
		b.Logf("snmpsimd not installed (apt-get install snmpsim): no comparison")
		return nil
	}
	// snmpsimd drops root for nobody, who must reach these directories:
	// b.TempDir's parent is private, so make our own.
	top, err := os.MkdirTemp("", "snmpsimd-bench")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.RemoveAll(top) })
	data, cache := filepath.Join(top, "data"), filepath.Join(top, "cache")
	for _, d := range []string{top, data, cache} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.Chmod(d, 0o777); err != nil {
			b.Fatal(err)
		}
	}
	if err := copyWalk(walkPath, filepath.Join(data, community+".snmprec")); err != nil {
		b.Fatal(err)
	}
	// Find a free port; snmpsimd binds it itself.
	probe, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	addr := probe.LocalAddr().(*net.UDPAddr)
	probe.Close()
	args := []string{"--data-dir=" + data, "--cache-dir=" + cache, "--agent-udpv4-endpoint=" + addr.String(), "--logging-method=null"}
	if os.Geteuid() == 0 {
		args = append(args, "--process-user=nobody", "--process-group=nogroup")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, args...)
	if err := cmd.Start(); err != nil {
		cancel()
		b.Fatalf("start snmpsimd: %v", err)
	}
	b.Cleanup(func() {
		cancel()
		_ = cmd.Wait()
	})
	g := benchClient(b, addr, community)
	g.Timeout, g.Retries = 200*time.Millisecond, 0
	deadline := time.Now().Add(60 * time.Second)
	for {
		if _, err := g.Get([]string{".1.3.6.1.2.1.1.1.0"}); err == nil {
			return addr
		}
		if time.Now().After(deadline) {
			b.Fatal("snmpsimd did not answer within 60s")
		}
	}
}

func BenchmarkWalk(b *testing.B) {
	w := walkFile(b, benchFile)
	ours := startBenchAgent(b, Options{Walks: map[string]*snmprec.Walk{"bench": w}})
	theirs := startSnmpsimd(b, filepath.Join(walksDir, benchFile), "bench")
	for _, tc := range []struct {
		name string
		walk walker
	}{{"getnext", walkNext}, {"getbulk25", walkBulk}} {
		b.Run(tc.name, func(b *testing.B) {
			g := benchClient(b, ours, "bench")
			var gt *gosnmp.GoSNMP
			if theirs != nil {
				gt = benchClient(b, theirs, "bench")
			}
			var reqs, reqsT, walks int64
			var took, tookT time.Duration
			for b.Loop() {
				walks++
				r, d := timeWalk(b, g, tc.walk, w.Len())
				reqs, took = reqs+r, took+d
				if gt != nil {
					r, d = timeWalk(b, gt, tc.walk, w.Len())
					reqsT, tookT = reqsT+r, tookT+d
				}
			}
			rate := float64(reqs) / took.Seconds()
			b.ReportMetric(rate, "req/s")
			b.ReportMetric(float64(int64(w.Len())*walks)/took.Seconds(), "varbinds/s")
			if gt != nil {
				rateT := float64(reqsT) / tookT.Seconds()
				b.ReportMetric(rateT, "snmpsimd-req/s")
				b.ReportMetric(rate/rateT, "x-snmpsimd")
				fmt.Fprintf(os.Stderr, "%s: netcensus-snmpsim %.0f req/s, snmpsimd %.0f req/s, ratio %.1fx\n", tc.name, rate, rateT, rate/rateT)
			}
		})
	}
}

func BenchmarkWalkV3AuthPriv(b *testing.B) {
	w := walkFile(b, benchFile)
	u := User{Name: "bench", Auth: AuthSHA256, AuthPass: "bench-auth-pass", Priv: PrivAES256, PrivPass: "bench-priv-pass"}
	addr := startBenchAgent(b, Options{Walks: map[string]*snmprec.Walk{"bench": w}, Users: []User{u}})
	g := &gosnmp.GoSNMP{
		Target: addr.IP.String(), Port: uint16(addr.Port), Version: gosnmp.Version3,
		Timeout: 5 * time.Second, Retries: 2, MaxRepetitions: 25,
		SecurityModel: gosnmp.UserSecurityModel, MsgFlags: gosnmp.AuthPriv,
		SecurityParameters: &gosnmp.UsmSecurityParameters{UserName: u.Name,
			AuthenticationProtocol: gosnmp.SHA256, AuthenticationPassphrase: u.AuthPass,
			PrivacyProtocol: gosnmp.AES256, PrivacyPassphrase: u.PrivPass},
		Logger: gosnmp.NewLogger(log.New(io.Discard, "", 0)),
	}
	if err := g.Connect(); err != nil {
		b.Fatal(err)
	}
	defer g.Conn.Close()
	var reqs int64
	var took time.Duration
	for b.Loop() {
		r, d := timeWalk(b, g, walkBulk, w.Len())
		reqs, took = reqs+r, took+d
	}
	b.ReportMetric(float64(reqs)/took.Seconds(), "req/s")
}

// copyWalk writes the walk file src, bunzip2-ed when it ends in .bz2, to
// dst, readable by all.
func copyWalk(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	var r io.Reader = in
	if strings.HasSuffix(src, ".bz2") {
		r = bzip2.NewReader(in)
	}
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, r); err != nil {
		out.Close()
		return fmt.Errorf("copy %s: %w", src, err)
	}
	return out.Close()
}
