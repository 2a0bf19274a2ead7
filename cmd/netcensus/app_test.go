package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/netcensus/netcensus/exporters"
	"github.com/netcensus/netcensus/fingerprints/oui"
	"github.com/netcensus/netcensus/internal/assemble"
	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/scanner"
	"github.com/netcensus/netcensus/scanner/arp"
	"github.com/netcensus/netcensus/scanner/arp/arptest"
	"github.com/netcensus/netcensus/scanner/nmap"
	"github.com/netcensus/netcensus/scanner/passive"
)

type fakeIfs map[string]*net.Interface

func (f fakeIfs) ByName(n string) (*net.Interface, []netip.Prefix, error) {
	if ifi, ok := f[n]; ok {
		return ifi, []netip.Prefix{netip.MustParsePrefix("198.51.100.2/24")}, nil
	}
	return nil, nil, os.ErrNotExist
}

// testApp runs commands against buffers, an empty config dir and, for
// sweeps, a fake segment: nothing touches the network, nor the machine's
// own state (as root, a sweep into an unreachable ClickHouse spooled to
// /var/lib/netcensus, and the package test, running as the netcensus
// user, then found a lock file root had made there).
func testApp(t *testing.T, seg *arptest.Segment, listenErr error) (*app, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	var out, errb bytes.Buffer
	dir := t.TempDir()
	a := newApp(&out, &errb, func(k string) string {
		switch k {
		case "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME": // config, CMDB and spool in the temp dir
			return dir
		}
		return ""
	})
	a.isTTY = func(io.Writer) bool { return false }
	a.newEnv = func(reg *oui.Registry, log *slog.Logger) scanner.Env {
		return scanner.Env{
			Routes: func() ([]arp.Route, error) {
				return []arp.Route{
					{Iface: "eth0", Prefix: netip.MustParsePrefix("198.51.100.0/24"), Gateway: netip.IPv4Unspecified(), Flags: 1},
					{Iface: "eth0", Prefix: netip.MustParsePrefix("203.0.113.0/24"), Gateway: netip.MustParseAddr("198.51.100.254"), Flags: 3},
				}, nil
			},
			Interfaces: fakeIfs{"eth0": {Name: "eth0", Flags: net.FlagUp | net.FlagBroadcast, HardwareAddr: net.HardwareAddr{2, 0, 0, 0, 0, 2}}},
			ListenARP: func(*net.Interface) (net.PacketConn, error) {
				if listenErr != nil {
					return nil, listenErr
				}
				if seg == nil {
					t.Fatal("a packet socket was opened although the command should have refused first")
				}
				return seg, nil
			},
			OUI:    reg,
			Logger: log,
		}
	}
	return a, &out, &errb
}

func TestVersion(t *testing.T) {
	a, out, _ := testApp(t, nil, nil)
	if code := run(context.Background(), a, []string{"version"}); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if !strings.HasPrefix(out.String(), "netcensus ") {
		t.Fatalf("version output %q", out)
	}
}

func TestSweepRefusals(t *testing.T) {
	tests := []struct {
		name string
		args []string
		say  string
	}{
		{"bad target", []string{"sweep", "198.51.100.300"}, "198.51.100.300"},
		{"public", []string{"sweep", "8.8.8.0/24"}, "--allow-public"},
		{"too large", []string{"sweep", "198.18.0.0/15"}, "max-hosts"},
		{"lowered limit", []string{"sweep", "--max-hosts", "10", "198.51.100.0/24"}, "max-hosts 10"},
		{"bad exclude", []string{"sweep", "--exclude", "nope", "198.51.100.0/24"}, "nope"},
		{"bad format", []string{"sweep", "--format", "xml", "198.51.100.0/24"}, "xml"},
		{"bad rate", []string{"sweep", "--rate", "0", "198.51.100.0/24"}, "rate 0"},
		{"bad wait", []string{"sweep", "--arp-wait", "soon", "198.51.100.0/24"}, "soon"},
		{"unknown flag", []string{"sweep", "--frobnicate", "198.51.100.0/24"}, "frobnicate"},
		{"no target", []string{"sweep"}, "requires at least 1 arg"},
		{"missing config", []string{"--config", "/nonexistent/netcensus.yaml", "sweep", "198.51.100.0/24"}, "/nonexistent/netcensus.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, out, errb := testApp(t, nil, nil)
			if code := run(context.Background(), a, tt.args); code != exitUsage {
				t.Fatalf("exit %d, want %d; stderr %q", code, exitUsage, errb)
			}
			if !strings.Contains(errb.String(), tt.say) {
				t.Errorf("stderr %q does not say %q", errb, tt.say)
			}
			if out.Len() != 0 {
				t.Errorf("stdout not empty: %q", out)
			}
		})
	}
}

func TestSweepStrictConfig(t *testing.T) {
	a, _, errb := testApp(t, nil, nil)
	cfg := filepath.Join(t.TempDir(), "c.yaml")
	os.WriteFile(cfg, []byte("sweep:\n  rat: 5\n"), 0o644)
	if code := run(context.Background(), a, []string{"--config", cfg, "sweep", "198.51.100.0/24"}); code != exitUsage {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(errb.String(), "rat") {
		t.Errorf("stderr %q does not name the unknown key", errb)
	}
}

func TestSweepWithoutCapability(t *testing.T) {
	a, out, errb := testApp(t, nil, os.ErrPermission)
	code := run(context.Background(), a, []string{"sweep", "198.51.100.0/24"})
	if code != exitNoRawSocket || exitNoRawSocket == exitUsage {
		t.Fatalf("exit %d, want %d (its own code, not a bad flag's)", code, exitNoRawSocket)
	}
	if lines := strings.Split(strings.TrimSpace(errb.String()), "\n"); len(lines) != 1 || !strings.Contains(lines[0], "setcap cap_net_raw+ep") || !strings.Contains(lines[0], "as root") ||
		strings.Contains(lines[0], "sudo") {
		// (It once said to use sudo, which Debian as root does not have.)
		t.Errorf("stderr %q: want one line saying how to grant CAP_NET_RAW, as root and without sudo", errb)
	}
	if out.Len() != 0 {
		t.Errorf("stdout %q", out)
	}
}

func TestSweepOutputAndConfigExclude(t *testing.T) {
	seg := arptest.NewSegment()
	seg.AddHost("198.51.100.11", "00:1b:54:00:00:11")
	seg.AddHost("198.51.100.12", "da:00:00:00:00:12")
	seg.AddHost("198.51.100.40", "00:05:85:00:00:40")
	a, out, errb := testApp(t, seg, nil)
	cfg := filepath.Join(t.TempDir(), "c.yaml")
	os.WriteFile(cfg, []byte("sweep:\n  exclude: [198.51.100.40]\n  arp_wait: 20ms\n  rate: 100000\n"), 0o644)
	code := run(context.Background(), a, []string{"--config", cfg, "sweep", "--exclude", "198.51.100.100-120", "198.51.100.0/24", "203.0.113.0/24"})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	if seg.RequestsTo("198.51.100.40") != 0 || seg.RequestsTo("198.51.100.110") != 0 {
		t.Error("an excluded address was sent a request")
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("stdout: %d lines, want 2 jsonl records:\n%s", len(lines), out)
	}
	var rec map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &rec); err != nil {
		t.Fatal(err)
	}
	if rec["ip"] != "198.51.100.11" || rec["mac"] != "00:1b:54:00:00:11" || !strings.Contains(rec["mac_vendor"].(string), "Cisco") {
		t.Errorf("record %v", rec)
	}
	json.Unmarshal([]byte(lines[1]), &rec)
	if rec["mac_vendor"] != "locally administered" {
		t.Errorf("randomised MAC labelled %v", rec["mac_vendor"])
	}
	e := errb.String()
	if !strings.Contains(e, "skipped 203.0.113.0/24: not on an attached segment") || !strings.Contains(e, "summary: probed=231 found=2") {
		t.Errorf("stderr:\n%s", e)
	}
}

func TestResolveFormat(t *testing.T) {
	a, _, _ := testApp(t, nil, nil)
	if f, _ := a.resolveFormat(""); f != "jsonl" {
		t.Errorf("piped default = %s, want jsonl", f)
	}
	a.isTTY = func(io.Writer) bool { return true }
	if f, _ := a.resolveFormat(""); f != "table" {
		t.Errorf("terminal default = %s, want table", f)
	}
	if f, err := a.resolveFormat("csv"); f != "csv" || err != nil {
		t.Errorf("csv: %s %v", f, err)
	}
}

func TestProgressOnlyOnTerminal(t *testing.T) {
	a, _, errb := testApp(t, nil, nil)
	stop := a.startProgress(context.Background(), &arp.Counters{}, 10)
	stop()
	if errb.Len() != 0 {
		t.Errorf("progress drawn on a non-terminal: %q", errb)
	}
}

// TestConfigHeldToFlagRules (issue 16): a setting is refused the same way
// whether it comes from a flag, the config file, a secret file or the
// environment, and before anything is sent.
func TestConfigHeldToFlagRules(t *testing.T) {
	dir := t.TempDir()
	short := filepath.Join(dir, "short-pass")
	if err := os.WriteFile(short, []byte("abc\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	v3 := func(pass string) string {
		return "snmp:\n  credentials:\n    - {name: v3, version: 3, v3: {user: u, auth_protocol: sha, " + pass + "}}\n"
	}
	for _, tc := range []struct {
		name, config string
		args         []string
		say          string
	}{
		{"flag passphrase", "", []string{"probe", "--v3-user", "u", "--v3-auth-proto", "sha", "--v3-auth-pass", "abc", "198.51.100.1"},
			"--v3-auth-pass: 3 characters: SNMPv3 passphrases must be at least 8"},
		{"config passphrase", v3("auth_password: abc"), []string{"probe", "198.51.100.1"},
			"v3.auth_password: 3 characters: SNMPv3 passphrases must be at least 8"},
		{"config passphrase, sweep", v3("auth_password: abc"), []string{"sweep", "198.51.100.0/24"},
			"v3.auth_password: 3 characters: SNMPv3 passphrases must be at least 8"},
		{"passphrase file", v3("auth_password_file: " + short), []string{"sweep", "198.51.100.0/24"},
			"secret file " + short + ": 3 characters: SNMPv3 passphrases must be at least 8"},
		{"passphrase file, probe", v3("auth_password_file: " + short), []string{"probe", "198.51.100.1"},
			"secret file " + short + ": 3 characters: SNMPv3 passphrases must be at least 8"},
		{"max_rows", "snmp:\n  max_rows: 1000000\n", []string{"sweep", "198.51.100.0/24"}, "snmp.max_rows 1000000: must be between 1 and 100000"},
		{"sweeps --limit", "", []string{"sweeps", "--limit", "-1"}, "--limit -1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, out, errb := testApp(t, nil, nil)
			args := tc.args
			if tc.config != "" {
				cfg := filepath.Join(t.TempDir(), "c.yaml")
				if err := os.WriteFile(cfg, []byte(tc.config), 0o600); err != nil {
					t.Fatal(err)
				}
				args = append([]string{"--config", cfg}, args...)
			}
			if code := run(context.Background(), a, args); code != exitUsage {
				t.Fatalf("exit %d, want %d; stderr %q", code, exitUsage, errb)
			}
			if !strings.Contains(errb.String(), tc.say) {
				t.Errorf("stderr %q does not say %q", errb, tc.say)
			}
			if out.Len() != 0 {
				t.Errorf("stdout: %q", out)
			}
		})
	}
}

// TestPermissions (issue 16): a config file holding secrets that others
// can read gets a warning naming it and the fix; a new SQLite store is
// created 0600 and an export file 0640.
func TestPermissions(t *testing.T) {
	dir := t.TempDir()
	withSecret := "snmp:\n  credentials:\n    - {version: 2c, community: s3cret-community}\n"
	for _, tc := range []struct {
		name, body string
		mode       os.FileMode
		warn       bool
	}{
		{"secret, world-readable", withSecret, 0o644, true},
		{"secret, group-readable", withSecret, 0o640, true},
		{"secret, owner only", withSecret, 0o600, false},
		{"no secret, world-readable", "sweep:\n  rate: 500\n", 0o644, false},
	} {
		cfg := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "_")+".yaml")
		if err := os.WriteFile(cfg, []byte(tc.body), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(cfg, tc.mode); err != nil {
			t.Fatal(err)
		}
		a, _, errb := testApp(t, nil, nil)
		// The warning comes when the config is read, whatever follows
		// (here: no CMDB yet).
		run(context.Background(), a, []string{"--config", cfg, "--store", "sqlite:" + filepath.Join(dir, "c.db"), "sweeps"})
		warned := strings.Contains(errb.String(), "warning: config "+cfg+" holds secrets (snmp.credentials[0].community)") &&
			strings.Contains(errb.String(), "chmod 600 "+cfg)
		if warned != tc.warn {
			t.Errorf("%s: warned %v, want %v: %s", tc.name, warned, tc.warn, errb)
		}
		if strings.Contains(errb.String(), "s3cret") {
			t.Errorf("%s: the secret is in the warning", tc.name)
		}
	}

	c := newCMDB(t)
	seg := arptest.NewSegment()
	seg.AddHost("198.51.100.11", "00:1b:54:00:00:11")
	c.ok(seg, "sweep", "198.51.100.0/24")
	path := strings.TrimPrefix(c.store, "sqlite:")
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		st, err := os.Stat(p)
		if err != nil {
			continue // the sidecars may be gone once the store is closed
		}
		if m := st.Mode().Perm(); m != 0o600 {
			t.Errorf("%s: mode %04o, want 0600", p, m)
		}
	}
	out := filepath.Join(t.TempDir(), "assets.csv")
	c.ok(nil, "export", "-O", out)
	if st, err := os.Stat(out); err != nil || st.Mode().Perm() != 0o640 {
		t.Errorf("export: %v %v, want mode 0640", st.Mode(), err)
	}
}

// TestExitCode: run's one mapping of error kinds to exit codes, wrapped
// and joined as commands return them.
func TestExitCode(t *testing.T) {
	bad := &assemble.SettingsError{Err: errors.New("recog_dir /x: no such file")}
	for _, c := range []struct {
		name string
		err  error
		want int
	}{
		{"none", nil, exitOK},
		{"any failure", errors.New("walk failed"), exitFailure},
		{"interrupted", fmt.Errorf("sweep: %w", context.Canceled), exitInterrupted},
		{"no raw socket", assemble.ErrNeedRaw, exitNoRawSocket},
		{"a bad flag", usagef("--rate 0: must be positive"), exitUsage},
		{"cobra's own", errors.New(`unknown flag: --ratee`), exitUsage},
		{"a bad setting", fmt.Errorf("open store: %w", bad), exitUsage},
		{"a bad setting joined to a failure", errors.Join(errors.New("sweep partial"), bad), exitUsage},
		{"a bad config key", &config.Error{Err: errors.New("sweep.rate 0: must be at least 1")}, exitUsage},
		{"a probe with no answer", assemble.ErrNoAnswer, exitFailure},
		{"a bad nmap report", &nmap.FileError{Err: fmt.Errorf("scan.xml: %w", nmap.ErrNotNmap)}, exitUsage},
		{"a missing capture", &passive.FileError{Err: fs.ErrNotExist}, exitUsage},
		{"an unknown format", fmt.Errorf("format %q: %w", "yaml", exporters.ErrFormat), exitUsage},
		{"no such asset", fmt.Errorf("asset %s: %w", "ab12", store.ErrNotFound), exitUsage},
		{"an ambiguous prefix", fmt.Errorf("ab: %w", inventory.ErrAmbiguous), exitUsage},
		{"an asset in the wrong state", fmt.Errorf("approve: %w", inventory.ErrState), exitUsage},
		{"deviations", errDeviates{2}, exitDeviates},
		{"deviations wrapped", fmt.Errorf("drift: %w", errDeviates{1}), exitDeviates},
	} {
		if got := exitCode(c.err); got != c.want {
			t.Errorf("%s: exitCode(%v) = %d, want %d", c.name, c.err, got, c.want)
		}
	}
}
