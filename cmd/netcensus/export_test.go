package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/netcensus/netcensus/exporters"
	"github.com/netcensus/netcensus/exporters/netboxtest"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/store/sqlite"
	"github.com/netcensus/netcensus/record"
)

var updateExport = flag.Bool("update", false, "rewrite golden files")

// Secrets the test config holds: none may reach any export.
const (
	secretCommunity = "Xq7-community-never-exported"
	secretAuth      = "Xq7-auth-pass-never-exported"
	secretPriv      = "Xq7-priv-pass-never-exported"
)

var exportT0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// exportCMDB is a store with a Debian server, a Cisco switch and a
// FortiGate, their software and history, and a config holding SNMP
// secrets.
func exportCMDB(t *testing.T) *cmdb {
	t.Helper()
	c := newCMDB(t)
	cfg := fmt.Sprintf(`inventory:
  scanner: site-a
snmp:
  credentials:
    - name: legacy
      version: 2c
      community: %s
    - name: campus
      version: "3"
      v3:
        user: netcensus
        auth_protocol: sha256
        auth_password: %s
        priv_protocol: aes
        priv_password: %s
`, secretCommunity, secretAuth, secretPriv)
	if err := os.WriteFile(c.cfg, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	db, err := sqlite.Open(ctx, strings.TrimPrefix(c.store, "sqlite:"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	mac := func(s string) record.MAC {
		m, err := record.ParseMAC(s)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	as := []store.Asset{
		{Record: record.Asset{AssetID: "0193a1b2-0000-7000-8000-000000000001", IP: netip.MustParseAddr("192.0.2.10"), MAC: mac("00:16:3e:00:00:10"),
			Hostname: "web1", OS: "Debian", OSVersion: "12", DeviceType: "server", Vendor: "Xen", Sources: []record.Source{record.SourceARP, record.SourceSNMP},
			State: store.StateActive, FirstSeen: exportT0, LastSeen: exportT0.Add(48 * time.Hour), SysUptimeS: 86400,
			// Plugged into access-sw2 (the next asset), read back through the store.
			Location: &record.Location{Switch: record.SwitchRef{AssetID: "0193a1b2-0000-7000-8000-000000000002", Name: "=access-sw2", IP: netip.MustParseAddr("198.51.100.2")},
				Port: "Gi1/0/10", IfIndex: 10110, VLAN: 20, Seen: exportT0.Add(48 * time.Hour)}}},
		{Record: record.Asset{AssetID: "0193a1b2-0000-7000-8000-000000000002", IP: netip.MustParseAddr("198.51.100.2"), MAC: mac("00:1b:54:00:00:02"),
			SysName: "=access-sw2", Vendor: "Cisco", OS: "IOS", OSVersion: "15.2(4)E10", Model: "WS-C2960X-48TS-L", Serial: "FOC1234X0AB", DeviceType: "switch",
			Sources: []record.Source{record.SourceSNMP}, State: store.StateActive, FirstSeen: exportT0, LastSeen: exportT0.Add(48 * time.Hour)}},
		{Record: record.Asset{AssetID: "0193a1b2-0000-7000-8000-000000000003", IP: netip.MustParseAddr("203.0.113.1"), MAC: mac("00:09:0f:00:00:01"),
			Hostname: "fw-edge", Vendor: "Fortinet", OS: "FortiOS", OSVersion: "v7.2.8,build1639", Model: "FortiGate-100F", DeviceType: "firewall",
			Sources: []record.Source{record.SourceSNMP}, State: store.StateMissing, FirstSeen: exportT0, LastSeen: exportT0.Add(24 * time.Hour)}},
	}
	if err := db.PutAssets(ctx, as); err != nil {
		t.Fatal(err)
	}
	if err := db.Annotate(ctx, store.Annotation{AssetID: as[1].Record.AssetID, Site: "dc-east", Role: "access-switch", Updated: exportT0}); err != nil {
		t.Fatal(err)
	}
	snap := exportT0.Add(24 * time.Hour)
	var sw []store.Software
	for _, p := range [][2]string{{"openssl", "3.0.11-1~deb12u2"}, {"telnetd", "0.17-44"}, {"openssh-server", "1:9.2p1-2+deb12u3"}} {
		sw = append(sw, store.Software{AssetID: as[0].Record.AssetID, SweepID: "s-1", Time: snap, Software: record.Software{Name: p[0], Version: p[1], Arch: "amd64"}})
	}
	if err := db.AppendSoftware(ctx, sw); err != nil {
		t.Fatal(err)
	}
	osAt := exportT0.Add(36 * time.Hour)
	if err := db.AppendEvents(ctx, []store.Event{
		{ID: "0193a1b2-0000-7000-8000-0000000000e1", Time: osAt, SweepID: "s-2", Seq: 1, AssetID: as[1].Record.AssetID, Type: store.EventChange, Field: "os_version", Old: "15.2(2)E", New: "15.2(4)E10"},
		{ID: "0193a1b2-0000-7000-8000-0000000000e2", Time: osAt, SweepID: "s-2", Seq: 2, AssetID: as[2].Record.AssetID, Type: store.EventState, Field: "state", Old: "active", New: "missing"},
	}); err != nil {
		t.Fatal(err)
	}
	// Capacity: web1's /var filling up over three daily sweeps, a value
	// that looks like a formula as the volume's name.
	var samples []store.Sample
	for i, used := range []float64{70, 75, 80} {
		at := exportT0.Add(time.Duration(i) * 24 * time.Hour)
		for _, s := range []struct {
			metric, inst string
			v            float64
		}{{"storage_used_bytes", "/var", used * 1e9}, {"storage_size_bytes", "/var", 100e9},
			{"storage_used_bytes", "=HYPERLINK(\"http://evil.example\")", 1}, {"storage_size_bytes", "=HYPERLINK(\"http://evil.example\")", 10},
			{"cpu_load_pct", "", float64(5 * i)}} {
			samples = append(samples, store.Sample{AssetID: as[0].Record.AssetID, SweepID: fmt.Sprint("s-", i), Time: at, Metric: s.metric, Instance: s.inst, Value: s.v})
		}
	}
	if err := db.AppendSamples(ctx, samples); err != nil {
		t.Fatal(err)
	}
	return c
}

func goldenFile(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "export", name)
	if *updateExport {
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden:\n got:\n%s\nwant:\n%s", name, got, want)
	}
}

const baselineDir = "../../configs/baselines"

// xlsxText reads a workbook back: per sheet its pane, tables and cells
// with their types.
func xlsxText(t *testing.T, path string) []byte {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out strings.Builder
	for _, sh := range f.GetSheetList() {
		p, _ := f.GetPanes(sh)
		fmt.Fprintf(&out, "sheet %s frozen=%v ysplit=%d\n", sh, p.Freeze, p.YSplit)
		tables, _ := f.GetTables(sh)
		for _, tb := range tables {
			fmt.Fprintf(&out, "  autofilter %s\n", tb.Range)
		}
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if v == "" {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				typ, _ := f.GetCellType(sh, ref)
				fmt.Fprintf(&out, "  %s %d %q\n", ref, typ, v)
			}
		}
	}
	return []byte(out.String())
}

func TestExportGoldenEveryFormat(t *testing.T) {
	c := exportCMDB(t)
	for _, format := range []string{"csv", "json", "jsonl"} {
		for _, what := range exporters.Kinds() {
			out := c.ok(nil, "export", "--format", format, "--what", what, "--baseline", baselineDir)
			goldenFile(t, what+"."+format, []byte(out))
		}
	}
	out := c.ok(nil, "export", "--format", "netbox", "--netbox-site", "hq")
	goldenFile(t, "assets.netbox.csv", []byte(out))

	path := filepath.Join(t.TempDir(), "cmdb.xlsx")
	c.ok(nil, "export", "--format", "xlsx", "--what", "assets,software", "--what", "events", "--what", "drift,capacity", "--baseline", baselineDir, "-O", path)
	goldenFile(t, "all.xlsx.txt", xlsxText(t, path))
}

func TestExportNoSecrets(t *testing.T) {
	c := exportCMDB(t)
	dir := t.TempDir()
	var outputs []string
	for _, format := range exporters.ExportFormats() {
		kinds := exporters.Kinds()
		if format == "netbox" {
			kinds = []string{"assets"}
		}
		for _, what := range kinds {
			if format == "xlsx" {
				path := filepath.Join(dir, what+".xlsx")
				_, _, errb := c.run(nil, "export", "--format", format, "--what", what, "--baseline", baselineDir, "-O", path)
				outputs = append(outputs, errb, string(xlsxText(t, path)))
				continue
			}
			code, out, errb := c.run(nil, "export", "--format", format, "--what", what, "--baseline", baselineDir)
			if code != 0 {
				t.Fatalf("%s %s: exit %d: %s", format, what, code, errb)
			}
			outputs = append(outputs, out, errb)
		}
	}
	_, out, errb := c.run(nil, "drift", "--baseline", baselineDir, "-o", "json")
	outputs = append(outputs, out, errb)
	for i, o := range outputs {
		for _, s := range []string{secretCommunity, secretAuth, secretPriv} {
			if strings.Contains(o, s) {
				t.Errorf("output %d holds a secret: %s", i, o)
			}
		}
	}
}

func TestExportRefusals(t *testing.T) {
	c := exportCMDB(t)
	for _, args := range [][]string{
		{"--format", "pdf"},
		{"--format", "netbox", "--what", "capacity"},
		{"--format", "csv", "--what", "assets,events"},
		{"--format", "netbox", "--what", "software"},
		{"--format", "csv", "--what", "drift"}, // no baseline
		{"--what", "events", "--since", "yesterday"},
	} {
		code, _, errb := c.run(nil, append([]string{"export"}, args...)...)
		if code != 2 || errb == "" {
			t.Errorf("%v: exit %d, stderr %q; want a usage error", args, code, errb)
		}
	}
	// A failed export leaves no file behind.
	path := filepath.Join(t.TempDir(), "x.csv")
	if code, _, _ := c.run(nil, "export", "--what", "drift", "--baseline", "/nonexistent", "-O", path); code == 0 {
		t.Error("export with a missing baseline succeeded")
	}
	if m, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*")); len(m) != 0 {
		t.Errorf("left behind: %v", m)
	}
}

func TestDriftCommand(t *testing.T) {
	c := exportCMDB(t)
	code, out, errb := c.run(nil, "drift", "--baseline", baselineDir, "-o", "csv")
	if code != exitDeviates {
		t.Fatalf("exit %d, want %d (assets deviate): %s", code, exitDeviates, errb)
	}
	if !strings.Contains(errb, "3 assets checked, 1 compliant, 2 non-compliant, 3 findings") {
		t.Errorf("summary: %s", errb)
	}
	lines := strings.Split(strings.TrimSpace(out), "\r\n")
	sort.Strings(lines[1:])
	want := []string{
		"asset_id,hostname,ip,baseline,rule,kind,subject,have,want,since",
		"0193a1b2-0000-7000-8000-000000000001,web1,192.0.2.10,debian-servers,debian-openssl,package_version,openssl,3.0.11-1~deb12u2,>= 3.0.13-1~deb12u1,2026-03-02T12:00:00Z",
		"0193a1b2-0000-7000-8000-000000000001,web1,192.0.2.10,debian-servers,no-cleartext-shells,forbidden_package,telnetd,0.17-44,absent,2026-03-02T12:00:00Z",
		"0193a1b2-0000-7000-8000-000000000002,,198.51.100.2,cisco-ios,ios-15.2-e-minimum,os_version,os,15.2(4)E10,>= 15.2(7)E,2026-03-03T00:00:00Z",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("drift csv:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	// The transitions are in the events; a second run adds none.
	ev := c.ok(nil, "export", "--format", "jsonl", "--what", "events")
	// (The switch at 198.51.100.2 is under debian-servers' subnet rule
	// too, with no software list to check: unknown there, no status.)
	if n := strings.Count(ev, `"type":"compliance"`); n != 3+3 {
		t.Errorf("%d compliance events, want 3 findings + 3 asset-level:\n%s", n, ev)
	}
	_, _, errb = c.run(nil, "drift", "--baseline", baselineDir, "-o", "json")
	if !strings.Contains(errb, "0 events recorded") {
		t.Errorf("second run: %s", errb)
	}
	_, days, _ := c.run(nil, "drift", "--baseline", baselineDir, "--daily", "--dry-run", "-o", "csv")
	if !strings.HasPrefix(days, "day,compliant,noncompliant\r\n2026-03-01,") {
		t.Errorf("daily:\n%s", days)
	}
	if code, _, _ := c.run(nil, "drift"); code != 2 {
		t.Errorf("drift without a baseline: exit %d, want 2", code)
	}
}

func TestExportNetBoxPush(t *testing.T) {
	c := exportCMDB(t)
	const token = "Xq7-netbox-token-never-printed"
	nb := netboxtest.New(token)
	for _, kind := range []string{netboxtest.Sites, netboxtest.Roles} {
		for _, n := range []string{"dc-east", "access-switch", "unassigned"} {
			nb.Add(kind, netboxtest.Object{"name": n, "slug": n})
		}
	}
	for mfr, model := range map[string]string{"Xen": "Unknown", "Cisco": "WS-C2960X-48TS-L", "Fortinet": "FortiGate-100F"} {
		id := nb.Add(netboxtest.Manufacturers, netboxtest.Object{"name": mfr, "slug": strings.ToLower(mfr)})
		nb.Add(netboxtest.DeviceTypes, netboxtest.Object{"model": model, "slug": strings.ToLower(model), "manufacturer": id})
	}
	nb.Add(netboxtest.Devices, netboxtest.Object{"name": "web1", "site": 3, "role": 6, "device_type": 8, "status": "active"})
	srv := httptest.NewServer(nb)
	defer srv.Close()
	tf := filepath.Join(t.TempDir(), "token")
	os.WriteFile(tf, []byte(token+"\n"), 0o600)
	code, out, errb := c.run(nil, "export", "--format", "netbox", "--netbox-url", srv.URL, "--netbox-token-file", tf)
	if code != 0 || !strings.Contains(errb, "netbox: 2 created, 1 updated, 0 refused; 3 interfaces, 3 MAC addresses, 3 IP addresses") {
		t.Fatalf("exit %d\n%s", code, errb)
	}
	if strings.Contains(out+errb, token) {
		t.Error("token printed")
	}
	if n := len(nb.Objects(netboxtest.Devices)); n != 3 {
		t.Errorf("%d devices in NetBox, want 3", n)
	}
	os.WriteFile(tf, []byte("wrong\n"), 0o600)
	code, out, errb = c.run(nil, "export", "--format", "netbox", "--netbox-url", srv.URL, "--netbox-token-file", tf)
	if code == 0 || !strings.Contains(errb, "refused the API token") || strings.Contains(out+errb, "wrong") {
		t.Errorf("bad token: exit %d\n%s", code, errb)
	}
	if code, _, _ := c.run(nil, "export", "--format", "netbox", "--netbox-url", srv.URL); code != 2 {
		t.Errorf("no token: exit %d, want 2", code)
	}
	// A site nobody created refuses the push before anything is written.
	os.WriteFile(tf, []byte(token+"\n"), 0o600)
	writes := nb.Writes()
	code, _, errb = c.run(nil, "export", "--format", "netbox", "--netbox-url", srv.URL, "--netbox-token-file", tf, "--netbox-site", "hq")
	if code == 0 || !strings.Contains(errb, `create these in NetBox first: site "hq"`) || nb.Writes() != writes {
		t.Errorf("missing site: exit %d, %d writes\n%s", code, nb.Writes()-writes, errb)
	}
}
