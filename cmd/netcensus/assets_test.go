package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/netcensus/netcensus/scanner/arp/arptest"
)

// cmdb runs commands against one temporary store.
type cmdb struct {
	t     *testing.T
	store string
	cfg   string
}

func newCMDB(t *testing.T) *cmdb {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "c.yaml")
	os.WriteFile(cfg, []byte("sweep:\n  arp_wait: 20ms\n  rate: 100000\ninventory:\n  missing_after: 1\n  scanner: site-a\n"), 0o644)
	return &cmdb{t: t, store: "sqlite:" + filepath.Join(dir, "cmdb.db"), cfg: cfg}
}

// run runs a command line and returns exit code, stdout and stderr.
func (c *cmdb) run(seg *arptest.Segment, args ...string) (int, string, string) {
	c.t.Helper()
	a, out, errb := testApp(c.t, seg, nil)
	code := run(context.Background(), a, append([]string{"--config", c.cfg, "--store", c.store}, args...))
	return code, out.String(), errb.String()
}

func (c *cmdb) ok(seg *arptest.Segment, args ...string) string {
	c.t.Helper()
	code, out, errb := c.run(seg, args...)
	if code != 0 {
		c.t.Fatalf("%v: exit %d\n%s", args, code, errb)
	}
	return out
}

func (c *cmdb) assets(args ...string) []map[string]any {
	c.t.Helper()
	var as []map[string]any
	out := c.ok(nil, append([]string{"assets", "--format", "json"}, args...)...)
	if err := json.Unmarshal([]byte(out), &as); err != nil {
		c.t.Fatalf("assets json: %v\n%s", err, out)
	}
	return as
}

func byMAC(as []map[string]any) map[string]map[string]any {
	out := map[string]map[string]any{}
	for _, a := range as {
		out[a["mac"].(string)] = a
	}
	return out
}

func TestCMDBCommands(t *testing.T) {
	c := newCMDB(t)
	const macA, macB = "00:1b:54:00:00:11", "00:05:85:00:00:40"
	// A segment serves one sweep: seg() makes a fresh one with both hosts.
	seg := func() *arptest.Segment {
		s := arptest.NewSegment()
		s.AddHost("198.51.100.11", macA)
		s.AddHost("198.51.100.40", macB)
		return s
	}
	_, _, errb := c.run(seg(), "sweep", "198.51.100.0/24")
	if !strings.Contains(errb, "stored: sweep=") || !strings.Contains(errb, "new=2") {
		t.Fatalf("sweep did not say what it stored:\n%s", errb)
	}
	as := byMAC(c.assets())
	if len(as) != 2 || as[macA]["state"] != "new" || as[macA]["approved"] != false {
		t.Fatalf("after sweep 1: %v", as)
	}
	idA, idB := as[macA]["asset_id"].(string), as[macB]["asset_id"].(string)

	// Sweep 2: B is gone (missing_after 1), A stays.
	seg2 := arptest.NewSegment()
	seg2.AddHost("198.51.100.11", macA)
	c.ok(seg2, "sweep", "198.51.100.0/24")
	// --no-store stores nothing.
	c.ok(seg(), "sweep", "--no-store", "198.51.100.0/24")
	as = byMAC(c.assets())
	if as[macA]["state"] != "active" || as[macB]["state"] != "missing" {
		t.Fatalf("after sweep 2: A %v, B %v", as[macA]["state"], as[macB]["state"])
	}
	if got := c.assets("--state", "missing"); len(got) != 1 || got[0]["asset_id"] != idB {
		t.Errorf("--state missing: %v", got)
	}
	if got := c.assets("--vendor", "cisco", "--subnet", "198.51.100.0/24", "--seen-since", "1h"); len(got) != 1 || got[0]["asset_id"] != idA {
		t.Errorf("--vendor cisco: %v", got)
	}
	if got := c.assets("--subnet", "203.0.113.0/24"); len(got) != 0 {
		t.Errorf("--subnet elsewhere: %v", got)
	}

	sweeps := strings.Split(strings.TrimSpace(c.ok(nil, "sweeps", "--format", "csv")), "\r\n")
	if len(sweeps) != 3 || !strings.HasPrefix(sweeps[0], "sweep_id,scanner,start") || !strings.Contains(sweeps[1], "site-a") {
		t.Errorf("sweeps csv:\n%s", strings.Join(sweeps, "\n"))
	}

	// People: approve, set; kept across a sweep.
	c.ok(nil, "asset", "approve", idA)
	if got := c.assets("--unapproved"); len(got) != 1 || got[0]["asset_id"] != idB {
		t.Errorf("--unapproved after approving A: %v", got)
	}
	out := c.ok(nil, "asset", "set", idA, "--site", "hq", "--owner", "net team", "--tag", "core", "--tag", "pci", "--format", "jsonl")
	if !strings.Contains(out, `"site":"hq"`) || !strings.Contains(out, `"tags":["core","pci"]`) {
		t.Errorf("set output %s", out)
	}
	c.ok(seg(), "sweep", "198.51.100.0/24")
	as = byMAC(c.assets())
	if as[macA]["site"] != "hq" || as[macA]["owner"] != "net team" || as[macB]["state"] != "returned" {
		t.Errorf("after sweep 3: %v", as)
	}
	c.ok(nil, "asset", "approve", "--all-current")
	if got := c.assets("--unapproved"); len(got) != 0 {
		t.Errorf("unapproved after --all-current: %v", got)
	}

	// Details with history.
	var d struct {
		AssetID string              `json:"asset_id"`
		Keys    []string            `json:"identity_keys"`
		History []map[string]string `json:"history"`
	}
	if err := json.Unmarshal([]byte(c.ok(nil, "asset", idB, "--format", "json")), &d); err != nil {
		t.Fatal(err)
	}
	var hist []string
	for _, e := range d.History {
		hist = append(hist, e["type"]+":"+e["new"])
	}
	want := "state:new new_unapproved:198.51.100.40 00:05:85:00:00:40 state:missing state:returned approved:true"
	if got := strings.Join(hist, " "); !strings.Contains(got, "state:new") || !strings.Contains(got, "state:missing state:returned approved:true") || !strings.Contains(got, "new_unapproved") {
		t.Errorf("history %q, want like %q", got, want)
	}
	if len(d.Keys) != 1 || d.Keys[0] != "mac:"+macB {
		t.Errorf("identity keys %v", d.Keys)
	}
	table := c.ok(nil, "asset", idB, "--format", "table")
	if !strings.Contains(table, "history:") || !strings.Contains(table, "identity_keys") {
		t.Errorf("table detail:\n%s", table)
	}

	// Explain.
	ex := c.ok(nil, "asset", "explain", idA, "--format", "table")
	if !strings.Contains(ex, "mac:"+macA) || !strings.Contains(ex, "observation") {
		t.Errorf("explain:\n%s", ex)
	}

	// Events.
	ev := strings.Split(strings.TrimSpace(c.ok(nil, "events", "--since", "1h", "--type", "new_unapproved", "--format", "jsonl")), "\n")
	if len(ev) != 2 {
		t.Errorf("new_unapproved events: %v", ev)
	}
	// "software" stands for every software_* kind; ARP saw no software.
	if out := c.ok(nil, "events", "--since", "", "--type", "software", "--format", "jsonl"); strings.TrimSpace(out) != "" {
		t.Errorf("software events from ARP sweeps: %s", out)
	}
	if code, _, errb := c.run(nil, "events", "--type", "bogus"); code != exitUsage || !strings.Contains(errb, "bogus") || !strings.Contains(errb, "software_upgraded") {
		t.Errorf("bad event type: exit %d %s", code, errb)
	}
	// A window's start is read as the flags are (timespec.Since): a bad
	// one is a usage error naming the flag and the value.
	for _, args := range [][]string{{"events", "--since", "yesterday"}, {"assets", "--seen-since", "-2h"},
		{"capacity", "--since", "100001d"}, {"drift", "--daily", "--since", "1x"}, {"export", "--what", "events", "--since", "soon"}} {
		code, out, errb := c.run(nil, args...)
		if code != exitUsage || out != "" || !strings.Contains(errb, args[len(args)-2]) || !strings.Contains(errb, args[len(args)-1]) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 naming the flag and value", args, code, out, errb)
		}
	}

	// Merge, split, retire.
	c.ok(nil, "asset", "merge", idA, idB)
	if got := c.assets(); len(got) != 1 {
		t.Fatalf("after merge: %d assets", len(got))
	}
	c.ok(seg(), "sweep", "198.51.100.0/24")
	if got := c.assets(); len(got) != 1 {
		t.Fatalf("a sweep after merge: %d assets, the decision must hold", len(got))
	}
	c.ok(nil, "asset", "split", idA, "--mac", macB)
	c.ok(seg(), "sweep", "198.51.100.0/24")
	if got := c.assets(); len(got) != 2 {
		t.Fatalf("a sweep after split: %d assets", len(got))
	}
	c.ok(nil, "asset", "retire", idA)
	if got := c.assets("--state", "retired"); len(got) != 1 || got[0]["asset_id"] != idA {
		t.Errorf("retired: %v", got)
	}
	pr := c.ok(nil, "prune", "--format", "json")
	if !strings.Contains(pr, `"observations": 0`) && !strings.Contains(pr, `"observations":0`) {
		t.Errorf("prune output %s", pr)
	}

	// Errors.
	for _, args := range [][]string{
		{"asset", "no-such-asset"},
		{"asset", "approve"},
		{"asset", "set", idA},
		{"asset", "split", idA},
		{"asset", "split", idA, "--mac", "nope"},
		{"assets", "--state", "gone"},
		{"assets", "--subnet", "nope"},
		{"assets", "--format", "xml"},
	} {
		if code, out, _ := c.run(nil, args...); code != exitUsage || out != "" {
			t.Errorf("%v: exit %d, stdout %q; want 2 and nothing", args, code, out)
		}
	}
	// An empty item in --state is refused as the API refuses it, in its
	// words (serve's TestStateParamAgreesWithCLI).
	if code, out, errb := c.run(nil, "assets", "--state", "new,,active"); code != exitUsage || out != "" ||
		!strings.Contains(errb, `state "new,,active": item 2 is empty`) {
		t.Errorf("--state new,,active: exit %d, stdout %q, stderr %q; want 2 naming the empty item", code, out, errb)
	}
}

func TestCMDBRefusesForeignStore(t *testing.T) {
	c := newCMDB(t)
	path := strings.TrimPrefix(c.store, "sqlite:")
	junk := []byte(strings.Repeat("not a database\n", 20))
	os.WriteFile(path, junk, 0o600)
	code, _, errb := c.run(nil, "assets")
	if code != exitFailure || !strings.Contains(errb, "not a netcensus store") || !strings.Contains(errb, "untouched") {
		t.Errorf("exit %d: %s", code, errb)
	}
	if b, _ := os.ReadFile(path); string(b) != string(junk) {
		t.Error("the foreign file was changed")
	}
	if code, _, errb := c.run(nil, "--store", "postgres://x", "assets"); code != exitUsage || !strings.Contains(errb, "sqlite:PATH") {
		t.Errorf("bad --store: exit %d %s", code, errb)
	}
}

// TestCMDBInterruptedSweep: a sweep cancelled (SIGINT) is stored as
// partial and marks nothing missing.
func TestCMDBInterruptedSweep(t *testing.T) {
	c := newCMDB(t)
	seg := arptest.NewSegment()
	seg.AddHost("198.51.100.11", "00:1b:54:00:00:11")
	c.ok(seg, "sweep", "198.51.100.0/24")
	a, _, errb := testApp(t, arptest.NewSegment(), nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // interrupted before anything answered
	code := run(ctx, a, []string{"--config", c.cfg, "--store", c.store, "sweep", "198.51.100.0/24"})
	if code != exitInterrupted {
		t.Fatalf("exit %d, want %d: %s", code, exitInterrupted, errb)
	}
	if !strings.Contains(errb.String(), "partial: nothing marked missing") {
		t.Errorf("stderr does not say the partial sweep was stored:\n%s", errb)
	}
	var sweeps []map[string]any
	json.Unmarshal([]byte(c.ok(nil, "sweeps", "--format", "json")), &sweeps)
	if len(sweeps) != 2 || sweeps[0]["partial"] != true {
		t.Errorf("sweeps %v: want the newest partial", sweeps)
	}
	if as := c.assets("--state", "missing"); len(as) != 0 {
		t.Errorf("a partial sweep marked %d assets missing (missing_after is 1)", len(as))
	}
}

// TestSpoolCapFromConfig (issue 16): the spool's cap is the config key
// inventory.spool_max_bytes, and a sweep refused by it says which key to
// raise.
func TestSpoolCapFromConfig(t *testing.T) {
	seg := func() *arptest.Segment {
		s := arptest.NewSegment()
		for i := 1; i <= 200; i++ {
			s.AddHost(fmt.Sprintf("198.51.100.%d", i), fmt.Sprintf("02:00:5e:00:01:%02x", i))
		}
		return s
	}
	for _, tc := range []struct {
		name, cap string
		code      int
		say       string
	}{
		{"default cap", "", exitOK, "spooled to"},
		{"64KiB", "  spool_max_bytes: 64KiB\n", exitFailure, "the cap is 65536; the sweep was not kept (reach the store to replay the spool, or raise the cap: inventory.spool_max_bytes in the config)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			cfg := filepath.Join(dir, "c.yaml")
			// Port 1 of loopback refuses: the store is unreachable.
			os.WriteFile(cfg, []byte("sweep:\n  arp_wait: 20ms\n  rate: 100000\ninventory:\n  store: clickhouse://127.0.0.1:1/netcensus\n"+tc.cap), 0o600)
			sweep := func() (int, string) {
				a, _, errb := testApp(t, seg(), nil)
				env := a.getenv
				a.getenv = func(k string) string {
					if k == "XDG_STATE_HOME" {
						return dir
					}
					return env(k)
				}
				return run(context.Background(), a, []string{"--config", cfg, "sweep", "--no-snmp", "198.51.100.0/24"}), errb.String()
			}
			// The first sweep (about 50 KB) spools; the second passes 64KiB.
			if code, errb := sweep(); code != exitOK {
				t.Fatalf("first sweep: exit %d: %s", code, errb)
			}
			code, errb := sweep()
			if code != tc.code || !strings.Contains(errb, tc.say) {
				t.Fatalf("exit %d (want %d), stderr:\n%s\nwant %q", code, tc.code, errb, tc.say)
			}
			st, err := os.Stat(filepath.Join(dir, "netcensus", "spool.jsonl"))
			switch {
			case err != nil:
				t.Fatal(err)
			case tc.cap == "" && st.Size() <= 64<<10:
				t.Errorf("spool of %d bytes; want two sweeps, more than 64KiB", st.Size())
			case tc.cap != "" && st.Size() > 64<<10:
				t.Errorf("spool holds %d bytes, past its cap", st.Size())
			}
		})
	}
}

// TestStoreFlagOverConfig: --store is laid over the config's
// inventory.store like any flag over its key: the config's store when the
// flag is not given, the flag's when it is; a bad one is refused naming
// the key, as the file's would be.
func TestStoreFlagOverConfig(t *testing.T) {
	dir := t.TempDir()
	cfgDB, flagDB := filepath.Join(dir, "cfg.db"), filepath.Join(dir, "flag.db")
	cfg := filepath.Join(dir, "c.yaml")
	os.WriteFile(cfg, []byte("inventory:\n  store: sqlite:"+cfgDB+"\n"), 0o644)
	runArgs := func(args ...string) (int, string) {
		a, _, errb := testApp(t, nil, nil)
		return run(context.Background(), a, append([]string{"--config", cfg}, args...)), errb.String()
	}
	if code, errb := runArgs("store", "init"); code != exitOK {
		t.Fatalf("store init: exit %d %s", code, errb)
	}
	if _, err := os.Stat(cfgDB); err != nil {
		t.Fatalf("without --store, the config's store: %v", err)
	}
	if code, errb := runArgs("--store", "sqlite:"+flagDB, "store", "init"); code != exitOK {
		t.Fatalf("store init --store: exit %d %s", code, errb)
	}
	if _, err := os.Stat(flagDB); err != nil {
		t.Fatalf("with --store, the flag's store: %v", err)
	}
	if code, errb := runArgs("--store", "postgres://x", "assets"); code != exitUsage || !strings.Contains(errb, "inventory.store") {
		t.Errorf("bad --store: exit %d %s; want a usage error naming inventory.store", code, errb)
	}
}
