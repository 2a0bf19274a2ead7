package drift

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/store/sqlite"
	"github.com/netcensus/netcensus/record"
)

func openStore(tb testing.TB) store.Store {
	tb.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(tb.TempDir(), "cmdb.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		tb.Fatal(err)
	}
	return db
}

func TestLoadExamples(t *testing.T) {
	files, _ := filepath.Glob("../../configs/baselines/*.yaml")
	if len(files) < 3 {
		t.Fatalf("example baselines: %v", files)
	}
	bs, err := Load(files...)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bs {
		if b.Name == "" || len(b.Rules) == 0 {
			t.Errorf("%+v", b)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, yaml, want string }{
		// Unknown keys are named with the keys the place takes, as the
		// config's are, not as a Go type ("field colour not found in
		// type drift.Rule").
		{"unknown key", "name: x\nrules:\n  - id: a\n    select: {os: debian}\n    forbid: [telnetd]\n    colour: red\n",
			"line 6: rules[].colour: unknown key (a rule takes: id, description, select, min_os_version, scheme, min_packages, forbid)"},
		{"unknown selector", "name: x\nrules:\n  - id: a\n    select: {site: x}\n    forbid: [telnetd]\n", "rules[].select.site: unknown key (select takes: vendor, os, model, device_type, subnets)"},
		{"unknown top key", "name: x\nrule:\n  - id: a\n", "line 2: rule: unknown key (a baseline takes: name, description, rules)"},
		{"no rules", "name: x\n", "no rules"},
		{"empty", "", "empty"},
		{"no id", "rules:\n  - select: {os: debian}\n    forbid: [telnetd]\n", "no id"},
		{"dup id", "rules:\n  - id: a\n    select: {os: d}\n    forbid: [t]\n  - id: a\n    select: {os: d}\n    forbid: [t]\n", "twice"},
		{"no select", "rules:\n  - id: a\n    forbid: [telnetd]\n", "select names"},
		{"nothing required", "rules:\n  - id: a\n    select: {os: debian}\n", "requires nothing"},
		{"bad min", "rules:\n  - id: a\n    select: {os: debian}\n    min_packages: [\"openssl 3.0\"]\n", "name >= version"},
		{"bad scheme", "rules:\n  - id: a\n    select: {os: ios}\n    min_os_version: \"1\"\n    scheme: cobol\n", "scheme"},
		{"bad subnet", "rules:\n  - id: a\n    select: {subnets: [nope]}\n    forbid: [x]\n", "nope"},
		{"bad glob", "rules:\n  - id: a\n    select: {os: d}\n    forbid: [\"[\"]\n", "forbid"},
	}
	for _, tt := range tests {
		_, err := Parse(strings.NewReader(tt.yaml))
		if err == nil || !errors.Is(err, ErrBaseline) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want ErrBaseline mentioning %q", tt.name, err, tt.want)
		}
	}
}

func TestSelector(t *testing.T) {
	a := &record.Asset{Vendor: "Cisco Systems", MACVendor: "Cisco", OS: "IOS", Model: "WS-C2960X-48TS-L",
		DeviceType: "switch", IP: netip.MustParseAddr("198.51.100.7"), IPs: []netip.Addr{netip.MustParseAddr("203.0.113.9")}}
	tests := []struct {
		s    Selector
		want bool
	}{
		{Selector{Vendor: "cisco"}, true},
		{Selector{Vendor: "juniper"}, false},
		{Selector{OS: "ios"}, true},
		{Selector{Model: "ws-c2960*"}, true},
		{Selector{Model: "ws-c3850*"}, false},
		{Selector{DeviceType: "Switch"}, true},
		{Selector{DeviceType: "swit"}, false},
		{Selector{Subnets: []netip.Prefix{netip.MustParsePrefix("203.0.113.0/24")}}, true},
		{Selector{Subnets: []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")}}, false},
		{Selector{Vendor: "cisco", OS: "junos"}, false},
	}
	for _, tt := range tests {
		if got := tt.s.Match(a); got != tt.want {
			t.Errorf("%+v: %v, want %v", tt.s, got, tt.want)
		}
	}
}

var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func asset(id, os, ver, vendor, model, typ, ip string) store.Asset {
	return store.Asset{Record: record.Asset{AssetID: id, OS: os, OSVersion: ver, Vendor: vendor, Model: model,
		DeviceType: typ, IP: netip.MustParseAddr(ip), State: store.StateActive, FirstSeen: t0, LastSeen: t0}}
}

func sw(id, sweep string, at time.Time, kv ...string) []store.Software {
	var out []store.Software
	for i := 0; i < len(kv); i += 2 {
		out = append(out, store.Software{AssetID: id, SweepID: sweep, Time: at, Software: record.Software{Name: kv[i], Version: kv[i+1]}})
	}
	return out
}

func examples(t *testing.T) []Baseline {
	files, _ := filepath.Glob("../../configs/baselines/*.yaml")
	bs, err := Load(files...)
	if err != nil {
		t.Fatal(err)
	}
	return bs
}

func TestEvaluate(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	as := []store.Asset{
		asset("a1", "Debian", "12", "", "", "server", "192.0.2.10"),
		asset("a2", "Debian", "12", "", "", "server", "192.0.2.11"),
		asset("a3", "IOS", "15.2(4)E10", "Cisco", "WS-C2960X-48TS-L", "switch", "198.51.100.2"),
		asset("a4", "FortiOS", "v7.2.8,build1639", "Fortinet", "FortiGate-100F", "firewall", "203.0.113.1"),
		asset("a5", "Junos", "21.4R3-S4", "Juniper Networks", "srx345", "firewall", "203.0.113.2"),
		asset("a6", "", "", "Espressif", "", "", "203.0.113.50"), // no rule selects it
	}
	if err := st.PutAssets(ctx, as); err != nil {
		t.Fatal(err)
	}
	day1 := t0.Add(24 * time.Hour)
	rows := append(sw("a1", "s1", day1, "openssl", "3.0.11-1~deb12u2", "libssl3", "3.0.13-1~deb12u1", "telnetd", "0.17-44", "openssh-server", "1:9.2p1-2+deb12u3"),
		sw("a2", "s1", day1, "openssl", "3.0.15-1~deb12u1", "openssh-server", "1:9.2p1-2+deb12u3")...)
	if err := st.AppendSoftware(ctx, rows); err != nil {
		t.Fatal(err)
	}
	// a3 was upgraded (wrongly, still too old) to its current version on day 1.
	osAt := t0.Add(36 * time.Hour)
	if err := st.AppendEvents(ctx, []store.Event{{ID: store.NewUUID(osAt), Time: osAt, AssetID: "a3", Type: store.EventChange, Field: "os_version", Old: "15.2(2)E", New: "15.2(4)E10"}}); err != nil {
		t.Fatal(err)
	}
	bs := examples(t)
	now := t0.Add(72 * time.Hour)
	res, err := Evaluate(ctx, st, bs, Options{Now: now, Record: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Assets != 5 || res.NonCompliant != 3 || res.Compliant != 2 {
		t.Fatalf("counts: %+v", res)
	}
	got := map[string]Finding{}
	for _, f := range res.Findings {
		got[f.AssetID+" "+f.Key()] = f
	}
	want := map[string]time.Time{
		"a1 debian-servers/debian-openssl/package_version/openssl":        day1,
		"a1 debian-servers/no-cleartext-shells/forbidden_package/telnetd": day1,
		"a3 cisco-ios/ios-15.2-e-minimum/os_version/os":                   osAt,
		"a5 network-firewalls/junos-21.4R3-S5/os_version/os":              t0,
	}
	if len(got) != len(want) {
		t.Errorf("findings: %+v", res.Findings)
	}
	for k, since := range want {
		f, ok := got[k]
		if !ok {
			t.Errorf("missing finding %s", k)
			continue
		}
		if !f.Since.Equal(since) {
			t.Errorf("%s: since %v, want %v", k, f.Since, since)
		}
	}
	// First run: 4 finding events, and one asset-level event per
	// baseline that selected an asset, but a3's under debian-servers
	// (its address puts it under the subnet rule, and a switch has no
	// software list to check for telnetd: unknown, no status claimed).
	levels := 0
	for _, e := range res.Events {
		if !strings.Contains(e.Field, "/") {
			levels++
		}
	}
	if len(res.Events)-levels != 4 || levels != 5 {
		t.Errorf("events: %d finding, %d asset-level: %+v", len(res.Events)-levels, levels, res.Events)
	}

	// Second run, nothing changed: no events, since kept.
	res2, err := Evaluate(ctx, st, bs, Options{Now: now.Add(time.Hour), Record: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res2.Events) != 0 {
		t.Errorf("second run recorded %d events: %+v", len(res2.Events), res2.Events)
	}

	// a1 removes telnetd and upgrades openssl: back into compliance.
	fix := now.Add(24 * time.Hour)
	if err := st.AppendSoftware(ctx, sw("a1", "s2", fix, "openssl", "3.0.13-1~deb12u1", "libssl3", "3.0.13-1~deb12u1", "openssh-server", "1:9.2p1-2+deb12u3")); err != nil {
		t.Fatal(err)
	}
	res3, err := Evaluate(ctx, st, bs, Options{Now: fix, Record: true})
	if err != nil {
		t.Fatal(err)
	}
	var back []string
	for _, e := range res3.Events {
		back = append(back, fmt.Sprintf("%s %s %s->%s", e.AssetID, e.Field, e.Old, e.New))
	}
	wantBack := []string{
		"a1 debian-servers/debian-openssl/package_version/openssl violation: have 3.0.11-1~deb12u2, want >= 3.0.13-1~deb12u1->ok",
		"a1 debian-servers/no-cleartext-shells/forbidden_package/telnetd violation: have 0.17-44, want absent->ok",
		"a1 debian-servers noncompliant->compliant",
	}
	if strings.Join(back, "\n") != strings.Join(wantBack, "\n") {
		t.Errorf("fix events:\n%s\nwant:\n%s", strings.Join(back, "\n"), strings.Join(wantBack, "\n"))
	}
	if res3.NonCompliant != 2 {
		t.Errorf("after fix: %+v", res3)
	}

	days, err := Daily(ctx, st, time.Time{}, fix)
	if err != nil {
		t.Fatal(err)
	}
	var dd []string
	for _, d := range days {
		dd = append(dd, fmt.Sprintf("%s %d/%d", d.Day.Format("01-02"), d.Compliant, d.NonCompliant))
	}
	// 03-01: a2 and a4 compliant since first seen, a5 out (Junos, since
	// first seen), a1 not yet known, a3 unknown (no software list for
	// debian-servers' subnet rule); 03-02: a1 out (software snapshot);
	// 03-03: a3 out (os_version change at 36h); 03-05: a1 fixed.
	wantDays := "03-01 2/1 03-02 2/2 03-03 2/3 03-04 2/3 03-05 3/2"
	if strings.Join(dd, " ") != wantDays {
		t.Errorf("daily: %s, want %s", strings.Join(dd, " "), wantDays)
	}
}

// TestEvaluateUnknown: an asset a rule selects but cannot be checked
// against (no OS release for a minimum release, no software list for a
// package rule) is unknown, not compliant: counted apart, said in the
// summary, and no compliance status is recorded for it; a finding
// elsewhere still makes it non-compliant.
func TestEvaluateUnknown(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	as := []store.Asset{
		// A Cisco switch whose release the sweep did not read.
		asset("a1", "IOS", "", "Cisco", "WS-C2960X-48TS-L", "switch", "203.0.113.7"),
		// A Debian server without a software list.
		asset("a2", "Debian", "12", "", "", "server", "203.0.113.8"),
		// A checked, compliant one.
		asset("a3", "IOS", "15.2(7)E9", "Cisco", "WS-C2960X-48TS-L", "switch", "203.0.113.9"),
	}
	if err := st.PutAssets(ctx, as); err != nil {
		t.Fatal(err)
	}
	res, err := Evaluate(ctx, st, examples(t), Options{Now: t0, Record: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Assets != 3 || res.Unknown != 2 || res.Compliant != 1 || res.NonCompliant != 0 {
		t.Errorf("counts: assets %d, compliant %d, non-compliant %d, unknown %d; want 3, 1, 0, 2", res.Assets, res.Compliant, res.NonCompliant, res.Unknown)
	}
	for _, e := range res.Events {
		if e.AssetID != "a3" {
			t.Errorf("a status claimed for an asset nothing could be checked on: %+v", e)
		}
	}
	var said strings.Builder
	res.WriteSummary(&said, true)
	if !strings.Contains(said.String(), "1 compliant, 0 non-compliant, 2 unknown (nothing to check a rule against)") {
		t.Errorf("summary %q", said.String())
	}
}

func TestEvaluateWithoutRecord(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	st.PutAssets(ctx, []store.Asset{asset("a3", "IOS", "15.2(4)E10", "Cisco", "WS-C2960X-48TS-L", "switch", "198.51.100.2")})
	res, err := Evaluate(ctx, st, examples(t), Options{Now: t0})
	if err != nil || len(res.Findings) != 1 || len(res.Events) == 0 {
		t.Fatalf("%+v %v", res, err)
	}
	es, _ := st.Events(ctx, store.EventFilter{Types: []string{EventCompliance}})
	if len(es) != 0 {
		t.Errorf("dry run recorded %d events", len(es))
	}
	var said strings.Builder
	res.WriteSummary(&said, false)
	want := fmt.Sprintf("drift: %d assets checked, %d compliant, 1 non-compliant, 1 findings, %d events not recorded (--dry-run)\n", res.Assets, res.Compliant, len(res.Events))
	if said.String() != want || res.NonCompliant != 1 {
		t.Errorf("summary %q, want %q", said.String(), want)
	}
}

func TestDiff(t *testing.T) {
	at := t0
	prev := sw("a", "s1", at, "openssl", "3.0.11-1", "bash", "5.2-1", "telnetd", "0.17-44", "linux-image", "6.1.90-1", "zlib1g", "1:1.2.13-1")
	cur := sw("a", "s2", at.Add(time.Hour), "openssl", "3.0.13-1", "bash", "5.2-1", "linux-image", "6.1.90-1", "linux-image", "6.1.99-1", "zlib1g", "1:1.2.11-1", "curl", "7.88.1-10")
	var got []string
	for _, c := range Diff(prev, cur, "dpkg") {
		got = append(got, c.Kind+" "+c.Name+" "+c.Old+">"+c.New)
		if c.SweepID != "s2" || !c.Time.Equal(at.Add(time.Hour)) || c.AssetID != "a" {
			t.Errorf("change metadata: %+v", c)
		}
	}
	want := []string{
		"installed curl >7.88.1-10",
		"installed linux-image >6.1.99-1",
		"upgraded openssl 3.0.11-1>3.0.13-1",
		"removed telnetd 0.17-44>",
		"downgraded zlib1g 1:1.2.13-1>1:1.2.11-1",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diff:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	h := History(append(append(cur, prev...), sw("a", "s0", at.Add(-time.Hour), "bash", "5.1-2")...), "dpkg")
	// s0→s1: bash upgraded + 4 installed; s1→s2: the 5 above.
	if len(h) != 10 || h[0].Kind != Upgraded || h[0].Name != "bash" {
		t.Errorf("history: %+v", h)
	}
}

// TestOSVersionSinceMany: past perAsset assets with an OS finding, the
// history is read at once; every finding's Since still comes from its own
// asset's os_version change.
func TestOSVersionSinceMany(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	n := perAsset*2 + 3
	var as []store.Asset
	var es []store.Event
	for i := range n {
		id := fmt.Sprintf("sw%02d", i)
		as = append(as, asset(id, "IOS", "15.2(4)E10", "Cisco", "WS-C2960X-48TS-L", "switch", fmt.Sprintf("198.51.100.%d", i+1)))
		at := t0.Add(time.Duration(i+1) * time.Hour)
		es = append(es, store.Event{ID: store.NewUUID(at), Time: at, AssetID: id, Type: store.EventChange, Field: "os_version", Old: "15.2(2)E", New: "15.2(4)E10"},
			store.Event{ID: store.NewUUID(at), Time: at.Add(time.Minute), AssetID: id, Type: store.EventChange, Field: "hostname", Old: "a", New: "b"})
	}
	if err := st.PutAssets(ctx, as); err != nil {
		t.Fatal(err)
	}
	if err := st.AppendEvents(ctx, es); err != nil {
		t.Fatal(err)
	}
	res, err := Evaluate(ctx, st, examples(t), Options{Now: t0.Add(72 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, f := range res.Findings {
		if f.Kind != KindOSVersion {
			continue
		}
		seen++
		var i int
		fmt.Sscanf(f.AssetID, "sw%02d", &i)
		if want := t0.Add(time.Duration(i+1) * time.Hour); !f.Since.Equal(want) {
			t.Errorf("%s: since %v, want %v", f.AssetID, f.Since, want)
		}
	}
	if seen != n {
		t.Errorf("%d os_version findings, want %d", seen, n)
	}
}

// TestLoadLimit (issue 16): a baseline file past the size bound is
// refused, and the error names it and the bound.
func TestLoadLimit(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big.yaml")
	body := "name: big\nrules:\n" + strings.Repeat("# padding past the limit\n", MaxFileBytes/24)
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(p); err == nil || !strings.Contains(err.Error(), "baseline "+p+" is larger than 1 MiB, the limit") {
		t.Errorf("%d bytes: %v", len(body), err)
	}
}

// TestFiles: a file is itself, a directory its *.yaml and *.yml files,
// sorted; a path that is not there is an error.
func TestFiles(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"b.yaml", "a.yml", "notes.txt"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	one := filepath.Join(t.TempDir(), "z.conf")
	os.WriteFile(one, []byte("x"), 0o600)
	got, err := Files([]string{one, dir})
	want := []string{filepath.Join(dir, "a.yml"), filepath.Join(dir, "b.yaml"), one}
	if err != nil || strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("Files = %v, %v; want %v", got, err, want)
	}
	if _, err := Files([]string{filepath.Join(dir, "missing")}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing path: %v", err)
	}
	if got, err := Files(nil); err != nil || len(got) != 0 {
		t.Errorf("no paths: %v, %v", got, err)
	}
}

// TestLoadPaths: the baselines of files and directories given, in Files'
// order; none named (no path, or a directory without baselines) is
// ErrNoBaseline; a missing path or a malformed file is an error naming it.
func TestLoadPaths(t *testing.T) {
	dir := t.TempDir()
	write := func(p, body string) {
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	rule := "rules:\n  - {id: r1, select: {vendor: Cisco}, min_os_version: \"15.2\"}\n"
	write(filepath.Join(dir, "b.yaml"), "name: from-b\n"+rule)
	write(filepath.Join(dir, "a.yml"), rule)
	write(filepath.Join(dir, "notes.txt"), "not a baseline")
	bs, err := LoadPaths([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(bs) != 2 || bs[0].Name != "a" || bs[1].Name != "from-b" || len(bs[0].Rules) != 1 {
		t.Errorf("baselines of %s: %+v", dir, bs)
	}

	empty := t.TempDir()
	write(filepath.Join(empty, "notes.txt"), "not a baseline")
	for _, paths := range [][]string{nil, {empty}} {
		if _, err := LoadPaths(paths); !errors.Is(err, ErrNoBaseline) {
			t.Errorf("%v: %v, want ErrNoBaseline", paths, err)
		}
	}
	missing := filepath.Join(dir, "missing")
	if _, err := LoadPaths([]string{dir, missing}); !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), missing) {
		t.Errorf("missing path: %v", err)
	}
	bad := filepath.Join(empty, "bad.yaml")
	write(bad, "name: bad\nrules: []\n")
	if _, err := LoadPaths([]string{empty}); !errors.Is(err, ErrBaseline) || !strings.Contains(err.Error(), bad) {
		t.Errorf("malformed file: %v", err)
	}
}
