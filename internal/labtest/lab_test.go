package labtest

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// needCmd skips (or fails under NETCENSUS_LAB=1) when a tool is missing.
func needCmd(t *testing.T, names ...string) {
	t.Helper()
	for _, n := range names {
		if _, err := lookPath(n); err != nil {
			SkipOrFail(t, "%v", err)
		}
	}
}

// arpScan runs arp-scan in the scanner namespace and returns ip → mac.
func arpScan(ctx context.Context, t *testing.T, l *Lab, iface string, targets ...string) map[string]string {
	t.Helper()
	args := append([]string{"--interface", iface, "--plain", "--quiet", "--ignoredups", "--retry", "2", "--bandwidth", "10M"}, targets...)
	cmd := l.Exec(ctx, l.ScannerNS(), "arp-scan", args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("arp-scan %v: %v\n%s", args, err, errb.String())
	}
	got := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if f := strings.Fields(line); len(f) >= 2 {
			got[f[0]] = f[1]
		}
	}
	return got
}

func ping(ctx context.Context, l *Lab, ns, ip string) (string, error) {
	out, err := l.Exec(ctx, ns, "ping", "-c", "1", "-W", "2", "-n", ip).CombinedOutput()
	return string(out), err
}

// TestLab brings up the default lab and checks every part of the topology
// with the tools a person would use.
func TestLab(t *testing.T) {
	l := Up(t, Options{})
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	hosts := l.Hosts()
	if len(hosts) != 20 {
		t.Fatalf("%d hosts, want 20", len(hosts))
	}
	seen := map[string]bool{}
	ouis := map[string]bool{}
	for i, h := range hosts {
		if want := netip.AddrFrom4([4]byte{198, 51, 100, byte(11 + i)}); h.IP != want {
			t.Errorf("host %d: ip %s, want %s", i+1, h.IP, want)
		}
		if want := l.NS(fmt.Sprintf("h%d", i+1)); h.NS != want {
			t.Errorf("host %d: ns %s, want %s", i+1, h.NS, want)
		}
		if h.MAC[0]&3 != 0 {
			t.Errorf("host %s: mac %s is multicast or locally administered", h.IP, h.MAC)
		}
		if seen[h.MAC.String()] {
			t.Errorf("host %s: mac %s used twice", h.IP, h.MAC)
		}
		seen[h.MAC.String()] = true
		ouis[h.MAC.String()[:8]] = true
	}
	if len(ouis) < 10 {
		t.Errorf("%d vendors' OUIs among the hosts, want at least 10", len(ouis))
	}

	t.Run("namespaces", func(t *testing.T) {
		out, err := exec.Command("ip", "netns", "list").Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, ns := range []string{l.NS("sw"), l.ScannerNS(), l.RouterNS(), l.FarNS(), l.ResponderNS(), hosts[0].NS, hosts[19].NS} {
			if !strings.Contains(string(out), ns+" ") && !strings.Contains(string(out), ns+"\n") {
				t.Errorf("namespace %s missing from:\n%s", ns, out)
			}
		}
	})

	t.Run("hosts answer ping", func(t *testing.T) {
		needCmd(t, "ping")
		for _, h := range hosts {
			if out, err := ping(ctx, l, l.ScannerNS(), h.IP.String()); err != nil {
				t.Errorf("ping %s (%s): %v\n%s", h.IP, h.NS, err, out)
			}
		}
	})

	t.Run("far host through the router", func(t *testing.T) {
		needCmd(t, "ping")
		out, err := ping(ctx, l, l.ScannerNS(), FarIP)
		if err != nil {
			t.Fatalf("ping %s: %v\n%s", FarIP, err, out)
		}
		// Linux answers with TTL 64; one router on the way makes it 63.
		if !strings.Contains(out, "ttl=63") {
			t.Errorf("reply from %s did not cross one router:\n%s", FarIP, out)
		}
	})

	t.Run("arp on the segment", func(t *testing.T) {
		needCmd(t, "arp-scan")
		got := arpScan(ctx, t, l, ScannerIface, Segment)
		for _, h := range hosts {
			if got[h.IP.String()] != h.MAC.String() {
				t.Errorf("%s: arp-scan saw mac %q, want %s", h.IP, got[h.IP.String()], h.MAC)
			}
		}
		if got[RouterIP] != RouterMAC {
			t.Errorf("router %s: mac %q, want %s", RouterIP, got[RouterIP], RouterMAC)
		}
		if len(got) != len(hosts)+1 {
			t.Errorf("arp-scan found %d, want %d hosts and the router: %v", len(got), len(hosts)+1, got)
		}
		// The far segment is not attached: nothing answers there.
		if far := arpScan(ctx, t, l, ScannerIface, FarIP); len(far) != 0 {
			t.Errorf("far host answered ARP on the scanner's segment: %v", far)
		}
	})

	t.Run("proxy-arp responder", func(t *testing.T) {
		needCmd(t, "arp-scan")
		rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
		want := map[string]bool{}
		for len(want) < 32 {
			a := netip.AddrFrom4([4]byte{198, 18, byte(rng.IntN(256)), byte(1 + rng.IntN(254))})
			if a.String() != ScannerBench {
				want[a.String()] = true
			}
		}
		targets := []string{ScannerBench}
		for a := range want {
			targets = append(targets, a)
		}
		got := arpScan(ctx, t, l, BenchIface, targets...)
		for a := range want {
			if got[a] != ResponderMAC {
				t.Errorf("%s: answered by %q, want the responder %s", a, got[a], ResponderMAC)
			}
		}
		if mac, ok := got[ScannerBench]; ok {
			t.Errorf("scanner's own %s answered by %s", ScannerBench, mac)
		}
	})
}

// TestLabRerunAndDown: lab.sh up on a running lab rebuilds it; the cleanup
// removes every namespace, every process in them, and the state.
func TestLabRerunAndDown(t *testing.T) {
	var l *Lab
	var sleeper *exec.Cmd
	done := make(chan error, 1)
	t.Run("up", func(t *testing.T) {
		l = Up(t, Options{Hosts: 2})
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		out, err := l.run(ctx, "up", "--hosts", "2")
		if err != nil {
			t.Fatalf("second up: %v\n%s", err, out)
		}
		needCmd(t, "ping")
		if out, err := ping(ctx, l, l.ScannerNS(), l.Hosts()[1].IP.String()); err != nil {
			t.Fatalf("after rerun: ping: %v\n%s", err, out)
		}
		sleeper = l.Exec(context.Background(), l.Hosts()[0].NS, "sleep", "300")
		if err := sleeper.Start(); err != nil {
			t.Fatal(err)
		}
		go func() { done <- sleeper.Wait() }()
	})
	if l == nil {
		t.Fatal("up did not run")
	}
	if sleeper != nil {
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			sleeper.Process.Kill()
			t.Errorf("process in %s survived the lab's removal", l.Hosts()[0].NS)
		}
	}
	out, err := exec.Command("ip", "netns", "list").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, l.Prefix()+"-") {
			t.Errorf("namespace left after down: %s", line)
		}
	}
	if _, err := os.Stat(l.StateDir()); !os.IsNotExist(err) {
		t.Errorf("state %s left after down: %v", l.StateDir(), err)
	}
}

// snmp runs a net-snmp command in the scanner namespace.
func snmp(ctx context.Context, t *testing.T, l *Lab, ns string, args ...string) (string, error) {
	t.Helper()
	cmd := l.Exec(ctx, ns, args[0], args[1:]...)
	// No MIB loading; client state in a temp dir, not /var/lib/snmp.
	cmd.Env = append(os.Environ(), "MIBS=", "SNMP_PERSISTENT_DIR="+t.TempDir(), "SNMPCONFPATH="+t.TempDir())
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if err != nil {
		return out.String(), fmt.Errorf("%s: %w: %s", strings.Join(args, " "), err, errb.String())
	}
	return out.String(), nil
}

const labPass = "netcensus-lab-pass"

// TestLabSnmpd: the snmpd role serves v1/v2c and each v3 user, with the
// full tree readable and an engine ID of its own on each host.
func TestLabSnmpd(t *testing.T) {
	needCmd(t, "snmpget", "snmpbulkwalk")
	l := Up(t, Options{Hosts: 2, Roles: []Role{{Host: 1, Name: "snmpd"}, {Host: 2, Name: "snmpd"}}})
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	h1, h2 := l.Hosts()[0], l.Hosts()[1]
	const sysName = "1.3.6.1.2.1.1.5.0"
	scan := l.ScannerNS()

	users := []struct {
		name string
		args []string
	}{
		{"v1 public", []string{"-v1", "-c", "public"}},
		{"v2c public", []string{"-v2c", "-c", "public"}},
		{"u-sha256-aes256", []string{"-v3", "-l", "authPriv", "-u", "u-sha256-aes256", "-a", "SHA-256", "-A", labPass, "-x", "AES-256", "-X", labPass}},
		{"u-sha-aes", []string{"-v3", "-l", "authPriv", "-u", "u-sha-aes", "-a", "SHA", "-A", labPass, "-x", "AES", "-X", labPass}},
		{"u-md5-des", []string{"-v3", "-l", "authPriv", "-u", "u-md5-des", "-a", "MD5", "-A", labPass, "-x", "DES", "-X", labPass}},
		{"u-sha512-none", []string{"-v3", "-l", "authNoPriv", "-u", "u-sha512-none", "-a", "SHA-512", "-A", labPass}},
		{"u-noauth", []string{"-v3", "-l", "noAuthNoPriv", "-u", "u-noauth"}},
	}
	for _, u := range users {
		t.Run(u.name, func(t *testing.T) {
			args := append([]string{"snmpget", "-Oqv"}, u.args...)
			out, err := snmp(ctx, t, l, scan, append(args, h1.IP.String(), sysName)...)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Trim(strings.TrimSpace(out), `"`); got != h1.NS {
				t.Errorf("sysName %q, want %q", got, h1.NS)
			}
		})
	}

	t.Run("wrong password refused", func(t *testing.T) {
		_, err := snmp(ctx, t, l, scan, "snmpget", "-Oqv", "-v3", "-l", "authPriv", "-u", "u-sha-aes", "-a", "SHA", "-A", "wrong-password", "-x", "AES", "-X", labPass, "-t", "1", "-r", "0", h1.IP.String(), sysName)
		if err == nil || !strings.Contains(err.Error(), "Authentication failure") {
			t.Errorf("got %v, want an authentication failure", err)
		}
	})

	t.Run("community scoped to the segment", func(t *testing.T) {
		_, err := snmp(ctx, t, l, l.FarNS(), "snmpget", "-Oqv", "-v2c", "-c", "public", "-t", "0.5", "-r", "0", h1.IP.String(), sysName)
		if err == nil {
			t.Error("public answered a request from the far segment")
		}
	})

	t.Run("engine IDs differ", func(t *testing.T) {
		ids := map[string]string{}
		for _, h := range []Host{h1, h2} {
			out, err := snmp(ctx, t, l, scan, "snmpget", "-Oqv", "-v2c", "-c", "public", h.IP.String(), "1.3.6.1.6.3.10.2.1.1.0")
			if err != nil {
				t.Fatal(err)
			}
			ids[h.NS] = strings.Join(strings.Fields(out), "")
		}
		if ids[h1.NS] == "" || ids[h1.NS] == ids[h2.NS] {
			t.Errorf("engine IDs %v: want two different ones", ids)
		}
	})

	t.Run("full tree readable", func(t *testing.T) {
		v3 := users[2].args
		for _, oid := range []string{"1.3.6.1.2.1.25.6.3.1.2", "1.3.6.1.2.1.25.2.3.1.3"} { // hrSWInstalledName, hrStorageDescr
			args := append(append([]string{"snmpbulkwalk", "-Oqv"}, v3...), h1.IP.String(), oid)
			out, err := snmp(ctx, t, l, scan, args...)
			if err != nil {
				t.Fatal(err)
			}
			if n := strings.Count(out, "\n"); n < 2 {
				t.Errorf("walk %s: %d rows, want the table:\n%s", oid, n, out)
			}
		}
	})

	t.Run("stop and start a role", func(t *testing.T) {
		r := Role{Host: 2, Name: "snmpd"}
		if err := l.StopRole(ctx, r); err != nil {
			t.Fatal(err)
		}
		if _, err := snmp(ctx, t, l, scan, "snmpget", "-v2c", "-c", "public", "-t", "0.5", "-r", "0", h2.IP.String(), sysName); err == nil {
			t.Error("stopped snmpd still answers")
		}
		if err := l.StartRole(ctx, r); err != nil {
			t.Fatal(err)
		}
		if _, err := snmp(ctx, t, l, scan, "snmpget", "-v2c", "-c", "public", h2.IP.String(), sysName); err != nil {
			t.Errorf("restarted snmpd: %v", err)
		}
		logf := filepath.Join(l.StateDir(), "roles", h2.NS, "snmpd", "snmpd.log")
		if _, err := os.Stat(logf); err != nil {
			t.Errorf("snmpd log: %v", err)
		}
	})
}

// TestReapOrphans: a lab whose test process died without its cleanups is
// removed by the next Up.
func TestReapOrphans(t *testing.T) {
	if os.Geteuid() != 0 {
		SkipOrFail(t, "lab needs root (network namespaces)")
	}
	root, err := ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(root, "testdata", "lab", "lab.sh")
	// A pid that is surely gone: a child that has exited and been reaped.
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	prefix, err := freePrefix()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	up := exec.CommandContext(ctx, "bash", script, "up", "--prefix", prefix, "--hosts", "1")
	up.Env = append(os.Environ(), fmt.Sprintf("LAB_OWNER_PID=%d", dead.Process.Pid), "LAB_STATE_DIR="+DefaultStateDir)
	if out, err := up.CombinedOutput(); err != nil {
		t.Fatalf("orphan up: %v\n%s", err, out)
	}
	t.Cleanup(func() { runScript(context.Background(), script, DefaultStateDir, prefix, "down") })

	reapOrphans(ctx, t, script, DefaultStateDir)
	if _, err := os.Stat("/run/netns/" + prefix + "-sw"); !os.IsNotExist(err) {
		t.Errorf("orphaned lab %s still there: %v", prefix, err)
	}
	if _, err := os.Stat(filepath.Join(DefaultStateDir, prefix)); !os.IsNotExist(err) {
		t.Errorf("orphaned lab %s state still there: %v", prefix, err)
	}
}

// TestLabIPv6Ready: a lab with IPv6 is up only once IPv6 is usable: no
// address in any namespace still tentative (its link-local addresses go
// through duplicate address detection when the links come up) and every
// global address's solicited-node group joined. A sweep that ran before
// that found no IPv6 neighbour at all (TestLabNDP failed in CI on a lab up
// in 820 ms).
func TestLabIPv6Ready(t *testing.T) {
	l := Up(t, Options{Hosts: 2, IPv6: true})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	nss := []string{l.ScannerNS(), l.RouterNS(), l.FarNS(), l.NS("sw")}
	for _, h := range l.Hosts() {
		nss = append(nss, h.NS)
	}
	for _, ns := range nss {
		out, err := exec.CommandContext(ctx, "ip", "-n", ns, "-6", "-o", "addr", "show", "tentative").CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", ns, err, out)
		}
		if s := strings.TrimSpace(string(out)); s != "" {
			t.Errorf("%s: tentative addresses once up:\n%s", ns, s)
		}
	}
	for _, h := range l.Hosts() {
		out, err := exec.CommandContext(ctx, "ip", "-n", h.NS, "-6", "maddr", "show", "dev", "eth0").CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", h.NS, err, out)
		}
		b := h.IP6.As16()
		grp := netip.AddrFrom16([16]byte{0: 0xff, 1: 0x02, 11: 1, 12: 0xff, 13: b[13], 14: b[14], 15: b[15]})
		if !slices.Contains(strings.Fields(string(out)), grp.String()) {
			t.Errorf("%s: group %s of %s not joined once up:\n%s", h.NS, grp, h.IP6, out)
		}
	}
}
