// Package labtest brings up the netcensus test lab (testdata/lab/lab.sh:
// network namespaces on a bridge, addressed from the documentation ranges)
// for one test, and builds the binaries that tests run inside it.
//
// Tests that need the lab call Up; it skips the test with a clear message
// when the lab cannot run here (not root, no ip, a role's daemon missing),
// and fails it instead when NETCENSUS_LAB=1 is set. The lab is removed by a
// t.Cleanup, also when the test fails. Each lab has namespaces, bridges and
// daemons of its own, so tests with labs of their own can run in parallel
// (t.Parallel): most of their time is spent waiting on daemons and timeouts.
//
// Programs run inside a namespace through Lab.Exec (ip netns exec): entering
// a namespace from inside the Go test process would move one OS thread only.
package labtest

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The lab's fixed addressing (see testdata/lab/lab.sh).
const (
	Segment      = "198.51.100.0/24" // br0: scanner, hosts, router
	FarSegment   = "203.0.113.0/24"  // br1: behind the router
	BenchRange   = "198.18.0.0/16"   // proxy-ARP responder, reached through BenchIface
	ScannerIP    = "198.51.100.2"    // scanner's eth0
	ScannerBench = "198.18.0.1"      // scanner's BenchIface; the one address the responder ignores
	RouterIP     = "198.51.100.254"  // router on Segment
	RouterFarIP  = "203.0.113.1"     // router on FarSegment
	FarIP        = "203.0.113.10"    // the far host
	ScannerIface = "eth0"            // scanner's interface on Segment
	BenchIface   = "bench0"          // scanner's interface to the responder
	ResponderMAC = "02:6e:63:12:00:fe"
	RouterMAC    = "02:6e:63:00:00:fe"
	ScannerMAC   = "02:6e:63:00:00:02"

	// EnvRequire set to "1" turns every skip for a missing lab into a failure.
	EnvRequire = "NETCENSUS_LAB"
	// DefaultStateDir is where lab.sh keeps each lab's state (LAB_STATE_DIR).
	DefaultStateDir = "/run/netcensus-lab"
)

// Options shape one lab.
type Options struct {
	// Hosts on Segment, h1..hN at 198.51.100.(10+i); 0 means 20.
	Hosts int
	// Roles: daemons to run on hosts (testdata/lab/roles/<Name>.sh).
	Roles []Role
	// IPv6 adds 2001:db8:100::/64 beside the IPv4 segment (lab.sh
	// --ipv6): Host.IP6 is each host's address.
	IPv6 bool
}

// Role runs daemon Name (with Arg, which holds no comma) on host number Host
// (1-based, as in Lab.Hosts()[Host-1]), or on the router when Router is
// set (Host is then 0).
type Role struct {
	Host   int
	Name   string
	Arg    string
	Router bool
}

// Host is one lab host on Segment.
type Host struct {
	NS  string // network namespace, e.g. "t1a2b-h1"
	IP  netip.Addr
	MAC net.HardwareAddr
	// IP6 is the host's IPv6 address in a lab with IPv6.
	IP6 netip.Addr
}

// Lab is one running lab.
type Lab struct {
	prefix    string
	script    string
	stateRoot string // LAB_STATE_DIR
	state     string // stateRoot/prefix
	hosts     []Host
}

// SkipOrFail skips the test with the message, or fails it when
// NETCENSUS_LAB=1 says the lab must run.
func SkipOrFail(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv(EnvRequire) == "1" {
		t.Fatalf("%s (%s=1: the lab must run)", msg, EnvRequire)
	}
	t.Skipf("%s (set %s=1 to make this a failure)", msg, EnvRequire)
}

// exitMissing is lab.sh's exit code for "a command some role needs is missing".
const exitMissing = 4

// Up builds a lab with a fresh prefix and removes it when the test ends.
func Up(t testing.TB, opts Options) *Lab {
	t.Helper()
	if os.Geteuid() != 0 {
		SkipOrFail(t, "lab needs root (network namespaces)")
	}
	for _, c := range []string{"ip", "bash", "nsenter", "flock"} {
		if _, err := lookPath(c); err != nil {
			SkipOrFail(t, "lab needs %s: %v", c, err)
		}
	}
	root, err := ModuleRoot()
	if err != nil {
		t.Fatalf("lab: %v", err)
	}
	script := filepath.Join(root, "testdata", "lab", "lab.sh")
	if _, err := os.Stat(script); err != nil {
		t.Fatalf("lab: %v", err)
	}
	stateRoot := os.Getenv("LAB_STATE_DIR")
	if stateRoot == "" {
		stateRoot = DefaultStateDir
	}
	n := opts.Hosts
	if n == 0 {
		n = 20
	}
	spec, err := rolesSpec(opts.Roles, n)
	if err != nil {
		t.Fatalf("lab: %v", err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	reapOrphans(ctx, t, script, stateRoot)

	prefix, err := freePrefix()
	if err != nil {
		t.Fatalf("lab: %v", err)
	}
	l := &Lab{prefix: prefix, script: script, stateRoot: stateRoot, state: filepath.Join(stateRoot, prefix)}
	// Registered before up: a half-built lab is removed too.
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if out, err := l.run(ctx, "down"); err != nil {
			t.Errorf("lab %s down: %v\n%s", prefix, err, out)
		}
	})
	start := time.Now()
	args := []string{"up", "--hosts", strconv.Itoa(n), "--roles", spec}
	if opts.IPv6 {
		args = append(args, "--ipv6")
	}
	out, err := l.run(ctx, args...)
	var ee *exec.ExitError
	if errors.As(err, &ee) && ee.ExitCode() == exitMissing {
		SkipOrFail(t, "lab cannot run here: %s", strings.TrimSpace(out))
	}
	if err != nil {
		t.Fatalf("lab %s up: %v\n%s", prefix, err, out)
	}
	f, err := os.Open(filepath.Join(l.state, "hosts.tsv"))
	if err != nil {
		t.Fatalf("lab %s: %v", prefix, err)
	}
	defer f.Close()
	l.hosts, err = parseHosts(f)
	if err != nil {
		t.Fatalf("lab %s: hosts.tsv: %v", prefix, err)
	}
	if len(l.hosts) != n {
		t.Fatalf("lab %s: hosts.tsv has %d hosts, want %d", prefix, len(l.hosts), n)
	}
	if opts.IPv6 {
		b, err := os.ReadFile(filepath.Join(l.state, "hosts6.tsv"))
		if err != nil {
			t.Fatalf("lab %s: %v", prefix, err)
		}
		if err := parseHosts6(b, l.hosts); err != nil {
			t.Fatalf("lab %s: hosts6.tsv: %v", prefix, err)
		}
	}
	t.Logf("lab %s up in %v: %d hosts, roles %q", prefix, time.Since(start).Round(time.Millisecond), n, spec)
	return l
}

// run runs lab.sh for this lab and returns its combined output.
func (l *Lab) run(ctx context.Context, args ...string) (string, error) {
	return runScript(ctx, l.script, l.stateRoot, l.prefix, args...)
}

func runScript(ctx context.Context, script, stateRoot, prefix string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "bash", append([]string{script}, args...)...)
	cmd.Env = append(os.Environ(), "LAB_PREFIX="+prefix, "LAB_STATE_DIR="+stateRoot, "LAB_OWNER_PID="+strconv.Itoa(os.Getpid()),
		"LAB_ROLES=", "LAB_ROLES_FILE=", "LAB_HOSTS=")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	// Daemons the script starts get /dev/null and their own log files, but
	// never wait on a stray pipe holder for long.
	cmd.WaitDelay = 5 * time.Second
	err := cmd.Run()
	if err != nil {
		err = fmt.Errorf("lab.sh %s: %w", strings.Join(args, " "), err)
	}
	return out.String(), err
}

// Prefix is the lab's namespace prefix: every namespace is "<prefix>-<name>".
func (l *Lab) Prefix() string { return l.prefix }

// StateDir holds hosts.tsv, roles.tsv and each role's files and logs.
func (l *Lab) StateDir() string { return l.state }

// Hosts returns the hosts on Segment, h1 first.
func (l *Lab) Hosts() []Host {
	hs := make([]Host, len(l.hosts))
	for i, h := range l.hosts {
		hs[i] = Host{NS: h.NS, IP: h.IP, MAC: append(net.HardwareAddr(nil), h.MAC...), IP6: h.IP6}
	}
	return hs
}

// NS names one of the lab's namespaces: "sw", "scan", "rtr", "far1", "resp", "h1"...
func (l *Lab) NS(name string) string { return l.prefix + "-" + name }

// ScannerNS is where the scanner under test runs: eth0 on Segment, bench0
// facing the proxy-ARP responder.
func (l *Lab) ScannerNS() string { return l.NS("scan") }

// RouterNS holds the router between Segment and FarSegment.
func (l *Lab) RouterNS() string { return l.NS("rtr") }

// FarNS holds the far host, FarIP.
func (l *Lab) FarNS() string { return l.NS("far1") }

// ResponderNS holds the proxy-ARP responder for BenchRange.
func (l *Lab) ResponderNS() string { return l.NS("resp") }

// Exec returns a command that runs name inside namespace ns (ip netns exec).
// Cancelling ctx kills it; its Wait gives up on leftover pipe holders after 5 s.
func (l *Lab) Exec(ctx context.Context, ns, name string, args ...string) *exec.Cmd {
	ip, err := lookPath("ip")
	if err != nil {
		ip = "ip" // Up has checked; let Start report it
	}
	cmd := exec.CommandContext(ctx, ip, append([]string{"netns", "exec", ns, name}, args...)...)
	cmd.WaitDelay = 5 * time.Second
	return cmd
}

// StartRole starts role on host (1-based) of a running lab, e.g. to restart
// a daemon a test stopped.
func (l *Lab) StartRole(ctx context.Context, r Role) error {
	spec, err := rolesSpec([]Role{r}, len(l.hosts))
	if err != nil {
		return err
	}
	if out, err := l.run(ctx, "role", "start", spec); err != nil {
		return fmt.Errorf("start role %s: %w\n%s", spec, err, out)
	}
	return nil
}

// StopRole stops a role started by Up or StartRole.
func (l *Lab) StopRole(ctx context.Context, r Role) error {
	spec, err := rolesSpec([]Role{r}, len(l.hosts))
	if err != nil {
		return err
	}
	if out, err := l.run(ctx, "role", "stop", spec); err != nil {
		return fmt.Errorf("stop role %s: %w\n%s", spec, err, out)
	}
	return nil
}

var roleName = regexp.MustCompile(`^[a-z0-9_-]+$`)

// rolesSpec renders roles as lab.sh's "h1=snmpd,h2=snmpsim:/path".
func rolesSpec(roles []Role, hosts int) (string, error) {
	parts := make([]string, 0, len(roles))
	for _, r := range roles {
		if r.Router {
			if r.Host != 0 || !roleName.MatchString(r.Name) || strings.ContainsAny(r.Arg, ",\n") {
				return "", fmt.Errorf("router role %q (host %d, argument %q): want a name of [a-z0-9_-], no host, no comma", r.Name, r.Host, r.Arg)
			}
			p := "rtr=" + r.Name
			if r.Arg != "" {
				p += ":" + r.Arg
			}
			parts = append(parts, p)
			continue
		}
		if r.Host < 1 || r.Host > hosts {
			return "", fmt.Errorf("role %s on host %d: hosts are 1..%d", r.Name, r.Host, hosts)
		}
		if !roleName.MatchString(r.Name) {
			return "", fmt.Errorf("role %q on host %d: want a name of [a-z0-9_-]", r.Name, r.Host)
		}
		if strings.ContainsAny(r.Arg, ",\n") {
			return "", fmt.Errorf("role %s on host %d: argument %q holds a comma or newline", r.Name, r.Host, r.Arg)
		}
		p := fmt.Sprintf("h%d=%s", r.Host, r.Name)
		if r.Arg != "" {
			p += ":" + r.Arg
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, ","), nil
}

// parseHosts reads lab.sh's hosts.tsv: "ns<TAB>ip<TAB>mac" lines, "#" comments.
func parseHosts(r io.Reader) ([]Host, error) {
	var hs []Host
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("line %d: %d fields, want 3 (ns, ip, mac)", n, len(f))
		}
		if f[0] == "" {
			return nil, fmt.Errorf("line %d: empty namespace", n)
		}
		ip, err := netip.ParseAddr(f[1])
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		mac, err := net.ParseMAC(f[2])
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if len(mac) != 6 {
			return nil, fmt.Errorf("line %d: mac %s is not EUI-48", n, f[2])
		}
		hs = append(hs, Host{NS: f[0], IP: ip, MAC: mac})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read hosts: %w", err)
	}
	return hs, nil
}

// parseHosts6 reads lab.sh's hosts6.tsv ("ns<TAB>ip6" lines) into hs.
func parseHosts6(b []byte, hs []Host) error {
	for n, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 2 {
			return fmt.Errorf("line %d: %d fields, want 2 (ns, ip6)", n+1, len(f))
		}
		ip, err := netip.ParseAddr(f[1])
		if err != nil || !ip.Is6() {
			return fmt.Errorf("line %d: %q is not an IPv6 address", n+1, f[1])
		}
		i := slices.IndexFunc(hs, func(h Host) bool { return h.NS == f[0] })
		if i < 0 {
			return fmt.Errorf("line %d: no host %s", n+1, f[0])
		}
		hs[i].IP6 = ip
	}
	return nil
}

// freePrefix picks "t" and four random hex digits not used by a lab yet.
func freePrefix() (string, error) {
	for range 20 {
		var b [2]byte
		if _, err := rand.Read(b[:]); err != nil {
			return "", fmt.Errorf("random prefix: %w", err)
		}
		p := "t" + hex.EncodeToString(b[:])
		if _, err := os.Stat("/run/netns/" + p + "-sw"); errors.Is(err, os.ErrNotExist) {
			return p, nil
		}
	}
	return "", errors.New("no free lab prefix after 20 tries")
}

var testPrefix = regexp.MustCompile(`^t[0-9a-f]{4}$`)

// reapOrphans removes labs that Up made for a test process that has died
// without its cleanups (killed by a test timeout, say).
func reapOrphans(ctx context.Context, t testing.TB, script, stateRoot string) {
	t.Helper()
	ents, err := os.ReadDir(stateRoot)
	if err != nil {
		return
	}
	for _, e := range ents {
		if !e.IsDir() || !testPrefix.MatchString(e.Name()) {
			continue
		}
		env, err := os.ReadFile(filepath.Join(stateRoot, e.Name(), "lab.env"))
		if err != nil {
			continue
		}
		owner := 0
		for _, line := range strings.Split(string(env), "\n") {
			if v, ok := strings.CutPrefix(line, "owner="); ok {
				owner, _ = strconv.Atoi(v)
			}
		}
		if owner <= 0 || owner == os.Getpid() || syscall.Kill(owner, 0) == nil {
			continue
		}
		out, err := runScript(ctx, script, stateRoot, e.Name(), "down")
		if err != nil {
			t.Logf("lab: removing orphaned lab %s (owner %d gone): %v\n%s", e.Name(), owner, err, out)
			continue
		}
		t.Logf("lab: removed orphaned lab %s (owner %d gone)", e.Name(), owner)
	}
}

// lookPath finds a command on PATH or in the sbin directories, where ip
// lives on Debian but which a non-login PATH may lack.
func lookPath(name string) (string, error) {
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	for _, d := range []string{"/usr/sbin", "/sbin"} {
		p := filepath.Join(d, name)
		if fi, err := os.Stat(p); err == nil && fi.Mode()&0o111 != 0 {
			return p, nil
		}
	}
	return "", fmt.Errorf("%s not found on PATH or in /usr/sbin, /sbin", name)
}
