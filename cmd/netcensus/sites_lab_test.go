package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/netcensus/netcensus/internal/labtest"
	"github.com/netcensus/netcensus/inventory/store/clickhouse/chtest"
	"github.com/netcensus/netcensus/record"
)

// sitesWalk is a made-up switch for TestLabSitesReuseAddresses: the
// system group and an ENTITY-MIB chassis row with its serial number.
const sitesWalk = `1.3.6.1.2.1.1.1.0|4|Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E4, RELEASE SOFTWARE (fc2)
1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.9.1.1208
1.3.6.1.2.1.1.3.0|67|123456700
1.3.6.1.2.1.1.5.0|4|wan-1
1.3.6.1.2.1.47.1.1.1.1.2.1|4|Cisco Catalyst 2960-X chassis
1.3.6.1.2.1.47.1.1.1.1.5.1|2|3
1.3.6.1.2.1.47.1.1.1.1.7.1|4|1
1.3.6.1.2.1.47.1.1.1.1.11.1|4|FOC2233X0AB
1.3.6.1.2.1.47.1.1.1.1.12.1|4|Cisco Systems Inc.
1.3.6.1.2.1.47.1.1.1.1.13.1|4|WS-C2960X-48TS-L
`

const sitesSerial = "FOC2233X0AB"

// TestLabSitesReuseAddresses (issue 15, multi-site identity): two labs
// are two sites that use the same addresses, 198.51.100.0/24 with the
// same hosts at the same MACs, behind their own scanners. Each scanner
// sweeps its own segment into one store, with its own inventory.site.
// Every address and MAC the two sites share stays two assets, one a
// site; the switch both sites reach (h1 in both labs answers SNMP as the
// same device, serial FOC2233X0AB) is one asset. On SQLite, and on
// ClickHouse (the scanners reach the server through a relay from their
// namespace's loopback to a Unix socket: no other traffic leaves them).
func TestLabSitesReuseAddresses(t *testing.T) {
	t.Parallel()
	labs := []*labtest.Lab{labtest.Up(t, labtest.Options{Hosts: 3}), labtest.Up(t, labtest.Options{Hosts: 3})}
	bin := labtest.BuildBinary(t, "./cmd/netcensus")
	sim := labtest.BuildBinary(t, "./cmd/netcensus-snmpsim")
	data := t.TempDir()
	if err := os.WriteFile(filepath.Join(data, "public.snmprec"), []byte(sitesWalk), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Minute)
	defer cancel()
	for _, l := range labs {
		h1 := l.Hosts()[0]
		startSim(ctx, t, l, h1, sim, data)
	}
	sites := []string{"site-a", "site-b"}
	configs := make([]string, len(labs))
	for i, site := range sites {
		configs[i] = filepath.Join(t.TempDir(), "config.yaml")
		cfg := fmt.Sprintf("inventory:\n  scanner: scanner-%s\n  site: %s\n", site, site)
		if err := os.WriteFile(configs[i], []byte(cfg), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A sweep into ClickHouse spools under XDG_STATE_HOME, else (as root)
	// in the machine's /var/lib/netcensus: the test's own directory.
	env := append(os.Environ(), "XDG_STATE_HOME="+t.TempDir())
	// h2, h3 and the router answer no SNMP: one timeout each, no retry
	// to wait out as well (the simulator on h1 answers at once).
	sweep := func(t *testing.T, i int, st string) {
		t.Helper()
		cmd := labs[i].Exec(ctx, labs[i].ScannerNS(), bin, "--config", configs[i], "--store", st, "sweep", "--community", "public",
			"--snmp-timeout", "3s", "--snmp-retries", "0", "--no-progress", "--no-names", "--no-mdns", "-o", "jsonl", labtest.Segment)
		cmd.Env = env
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil {
			t.Fatalf("sweep of %s: %v\n%s", sites[i], err, errb.String())
		}
		if !strings.Contains(out.String(), sitesSerial) {
			t.Fatalf("sweep of %s: the switch's serial %s not found (SNMP):\n%s\n%s", sites[i], sitesSerial, out.String(), errb.String())
		}
	}
	check := func(t *testing.T, st string) {
		t.Helper()
		cmd := exec.CommandContext(ctx, bin, "--config", configs[0], "--store", st, "assets", "-o", "jsonl")
		cmd.Env = env
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil {
			t.Fatalf("assets: %v\n%s", err, errb.String())
		}
		var as []record.Asset
		for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
			var a record.Asset
			if err := json.Unmarshal([]byte(line), &a); err != nil {
				t.Fatalf("assets line %q: %v", line, err)
			}
			as = append(as, a)
		}
		byIP := map[string][]string{}
		var serial []record.Asset
		for _, a := range as {
			byIP[a.IP.String()] = append(byIP[a.IP.String()], a.AssetID)
			if a.Serial == sitesSerial {
				serial = append(serial, a)
			}
		}
		// The switch once; h2, h3 and the router once a site.
		if len(serial) != 1 || len(as) != 7 {
			t.Errorf("%d assets (want 7: h2, h3 and the router at each site, the switch once), %d with serial %s (want 1):\n%s",
				len(as), len(serial), sitesSerial, out.String())
		}
		hosts := labs[0].Hosts()
		for _, ip := range []string{hosts[1].IP.String(), hosts[2].IP.String(), labtest.RouterIP} {
			if ids := byIP[ip]; len(ids) != 2 || ids[0] == ids[1] {
				t.Errorf("%s, at both sites: assets %q, want two", ip, ids)
			}
		}
		if len(serial) == 1 && serial[0].IP.String() != hosts[0].IP.String() {
			t.Errorf("the switch at %s, want %s", serial[0].IP, hosts[0].IP)
		}
	}

	t.Run("sqlite", func(t *testing.T) {
		st := "sqlite:" + filepath.Join(t.TempDir(), "cmdb.db")
		sweep(t, 0, st)
		sweep(t, 1, st)
		check(t, st)
	})
	t.Run("clickhouse", func(t *testing.T) {
		srv, err := chtest.Start(ctx, t.TempDir())
		if err != nil {
			if os.Getenv(labtest.EnvRequire) == "1" {
				t.Fatalf("no ClickHouse server (%s=1: required): %v", labtest.EnvRequire, err)
			}
			t.Skipf("no ClickHouse server: %v", err)
		}
		defer srv.Stop()
		sock := serveUnixRelay(ctx, t, srv.Addr)
		for i, l := range labs {
			port := startNSRelay(ctx, t, l, sock)
			sweep(t, i, fmt.Sprintf("clickhouse://127.0.0.1:%d/sites", port))
		}
		check(t, "clickhouse://"+srv.Addr+"/sites")
	})
}

// startSim serves dir's walks on host h's address, port 161, until the
// test ends; it returns once the simulator listens.
func startSim(ctx context.Context, t *testing.T, l *labtest.Lab, h labtest.Host, sim, dir string) {
	t.Helper()
	cmd := l.Exec(ctx, h.NS, sim, "--data-dir", dir, "--listen", h.IP.String()+":161")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("netcensus-snmpsim in %s: %v", h.NS, err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	if _, err := waitLine(stderr, "listening on udp"); err != nil {
		t.Fatalf("netcensus-snmpsim in %s: %v", h.NS, err)
	}
}

// waitLine reads r until a line holds want (returning that line), then
// drains r in the background; it fails when r ends first.
func waitLine(r io.Reader, want string) (string, error) {
	sc := bufio.NewScanner(r)
	var seen []string
	for sc.Scan() {
		if line := sc.Text(); strings.Contains(line, want) {
			go func() {
				for sc.Scan() {
				}
			}()
			return line, nil
		} else if len(seen) < 20 {
			seen = append(seen, line)
		}
	}
	return "", fmt.Errorf("ended before %q: %s", want, strings.Join(seen, "\n"))
}

// relayEnv makes the test binary a relay (TestSitesRelay): from a TCP
// port on its namespace's loopback to the Unix socket the variable names.
const relayEnv = "NETCENSUS_TEST_RELAY"

// serveUnixRelay listens on a Unix socket and joins each connection to
// the server at addr on this namespace's loopback, until the test ends.
func serveUnixRelay(ctx context.Context, t *testing.T, addr string) string {
	t.Helper()
	sock := filepath.Join(t.TempDir(), "ch.sock")
	ln, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	t.Cleanup(func() { ln.Close(); wg.Wait() })
	wg.Add(1)
	go func() {
		defer wg.Done()
		relay(ctx, ln, func() (net.Conn, error) { return net.Dial("tcp", addr) })
	}()
	return sock
}

// startNSRelay runs the test binary as a relay in lab l's scanner
// namespace, from a port on its loopback to sock, and returns the port.
func startNSRelay(ctx context.Context, t *testing.T, l *labtest.Lab, sock string) int {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := l.Exec(ctx, l.ScannerNS(), self, "-test.run=^TestSitesRelay$")
	cmd.Env = append(os.Environ(), relayEnv+"="+sock)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("relay in %s: %v", l.ScannerNS(), err)
	}
	t.Cleanup(func() { stdin.Close(); cmd.Wait() })
	line, err := waitLine(stdout, "relay listening on ")
	if err != nil {
		t.Fatalf("relay in %s: %v", l.ScannerNS(), err)
	}
	var port int
	if _, err := fmt.Sscanf(line[strings.Index(line, "relay listening on "):], "relay listening on 127.0.0.1:%d", &port); err != nil {
		t.Fatalf("relay in %s: %q: %v", l.ScannerNS(), line, err)
	}
	return port
}

// TestSitesRelay is not a test: with NETCENSUS_TEST_RELAY set (by
// startNSRelay, inside a lab namespace), it relays connections to a port
// on 127.0.0.1 to that Unix socket until its stdin closes.
func TestSitesRelay(t *testing.T) {
	sock := os.Getenv(relayEnv)
	if sock == "" {
		t.Skip("a helper process of TestLabSitesReuseAddresses")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("relay listening on %s\n", ln.Addr())
	ctx, cancel := context.WithCancel(t.Context())
	go func() {
		io.Copy(io.Discard, os.Stdin)
		cancel()
		ln.Close()
	}()
	relay(ctx, ln, func() (net.Conn, error) { return net.Dial("unix", sock) })
}

// relay joins every connection ln accepts to one dial makes, until ln is
// closed or ctx is done.
func relay(ctx context.Context, ln net.Listener, dial func() (net.Conn, error)) {
	context.AfterFunc(ctx, func() { ln.Close() })
	var wg sync.WaitGroup
	defer wg.Wait()
	var mu sync.Mutex
	var open []net.Conn
	defer func() {
		mu.Lock()
		for _, c := range open {
			c.Close()
		}
		mu.Unlock()
	}()
	for {
		in, err := ln.Accept()
		if err != nil {
			if !errors.Is(err, net.ErrClosed) {
				fmt.Fprintln(os.Stderr, "relay:", err)
			}
			return
		}
		out, err := dial()
		if err != nil {
			in.Close()
			continue
		}
		mu.Lock()
		open = append(open, in, out)
		mu.Unlock()
		wg.Add(2)
		for _, p := range [][2]net.Conn{{in, out}, {out, in}} {
			go func() {
				defer wg.Done()
				io.Copy(p[0], p[1])
				if c, ok := p[0].(interface{ CloseWrite() error }); ok {
					c.CloseWrite()
				}
			}()
		}
	}
}
