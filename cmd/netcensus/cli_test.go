package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/netip"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/store/sqlite"
	"github.com/netcensus/netcensus/record"
)

// brokenConfig writes a config with an unknown key where the test app
// looks for its default config file.
func brokenConfig(t *testing.T, a *app) {
	t.Helper()
	dir := filepath.Join(a.getenv("XDG_CONFIG_HOME"), "netcensus")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte("sweep:\n  rate: 10\n  ratee: 5\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestVersionPrintsBuildInfo(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		a, out, errb := testApp(t, nil, nil)
		if code := run(context.Background(), a, args); code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errb)
		}
		for _, want := range []string{"netcensus ", "\ncommit: ", "\nbuilt:  ", "\ngo:     " + runtime.Version()} {
			if !strings.Contains(out.String(), want) {
				t.Errorf("%v: output lacks %q:\n%s", args, want, out)
			}
		}
	}
}

// version, completion and help need no config: a broken default config
// file does not stop them, while a command that reads it names the key.
func TestCommandsThatNeedNoConfig(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}, {"completion", "bash"}, {"help", "sweep"}, {"sweep", "--help"}, {"--help"}} {
		a, out, errb := testApp(t, nil, nil)
		brokenConfig(t, a)
		if code := run(context.Background(), a, args); code != exitOK {
			t.Errorf("%v with a broken config: exit %d: %s", args, code, errb)
		}
		if out.Len() == 0 {
			t.Errorf("%v: no output", args)
		}
	}
	a, _, errb := testApp(t, nil, nil)
	brokenConfig(t, a)
	if code := run(context.Background(), a, []string{"assets"}); code != exitUsage {
		t.Errorf("assets with a broken config: exit %d, want %d", code, exitUsage)
	}
	if !strings.Contains(errb.String(), "sweep.ratee: unknown key (line 3)") {
		t.Errorf("stderr %q does not name the key and line", errb)
	}
}

// -o is --format on export as on every other command; the output file is
// -O/--output-file. (export -o json once wrote CSV into a file named json.)
func TestExportDashOIsFormat(t *testing.T) {
	c := exportCMDB(t)
	dir := t.TempDir()
	t.Chdir(dir) // where a file named json would have gone
	a, out, errb := testApp(t, nil, nil)
	code := run(context.Background(), a, []string{"--config", c.cfg, "--store", c.store, "export", "-o", "json"})
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errb)
	}
	if !strings.HasPrefix(out.String(), "[") || !strings.Contains(out.String(), `"hostname":"web1"`) {
		t.Errorf("export -o json stdout is not the JSON listing:\n%s", out)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "*")); len(m) != 0 {
		t.Errorf("export -o json wrote files: %v", m)
	}
	path := filepath.Join(dir, "a.jsonl")
	c.ok(nil, "export", "-o", "jsonl", "-O", path)
	if b, err := os.ReadFile(path); err != nil || !strings.HasPrefix(string(b), "{") {
		t.Errorf("-O %s: %v %q", path, err, b)
	}
	c.ok(nil, "export", "--format", "csv", "--output-file", path)
	if b, _ := os.ReadFile(path); !strings.HasPrefix(string(b), "asset_id,") {
		t.Errorf("--output-file: %q", b)
	}
}

// XLSX is refused on a terminal, with a hint; to a file or a pipe it is
// written.
func TestExportXLSXNotToATerminal(t *testing.T) {
	c := exportCMDB(t)
	a, out, errb := testApp(t, nil, nil)
	a.isTTY = func(io.Writer) bool { return true }
	code := run(context.Background(), a, []string{"--config", c.cfg, "--store", c.store, "export", "-o", "xlsx"})
	if code != exitUsage || out.Len() != 0 || !strings.Contains(errb.String(), "-O FILE") {
		t.Errorf("xlsx to a terminal: exit %d, %d bytes out, stderr %q", code, out.Len(), errb)
	}
	a, out, errb = testApp(t, nil, nil) // not a terminal
	code = run(context.Background(), a, []string{"--config", c.cfg, "--store", c.store, "export", "-o", "xlsx"})
	if code != exitOK || !bytes.HasPrefix(out.Bytes(), []byte("PK")) {
		t.Errorf("xlsx to a pipe: exit %d, stderr %q", code, errb)
	}
}

// drift exits 0 when every asset complies (here: none to check) and 3
// when one deviates (TestDriftCommand), so cron and CI can act on it.
func TestDriftExitsZeroWhenCompliant(t *testing.T) {
	c := newCMDB(t)
	createStore(t, c)
	if code, _, errb := c.run(nil, "drift", "--baseline", baselineDir); code != exitOK {
		t.Errorf("drift of an empty CMDB: exit %d: %s", code, errb)
	}
}

// An asset ID may be given as a unique prefix, as git takes short hashes;
// an ambiguous one is refused, naming what it matches.
func TestAssetIDPrefix(t *testing.T) {
	c := newCMDB(t)
	ctx := context.Background()
	db, err := sqlite.Open(ctx, strings.TrimPrefix(c.store, "sqlite:"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	ids := []string{"0193aaaa-0000-7000-8000-000000000001", "0193aaaa-1111-7000-8000-000000000002", "0193bbbb-0000-7000-8000-000000000003"}
	var as []store.Asset
	for i, id := range ids {
		as = append(as, store.Asset{Record: record.Asset{AssetID: id, IP: netip.AddrFrom4([4]byte{192, 0, 2, byte(10 + i)}),
			Hostname: fmt.Sprint("host", i), Sources: []record.Source{record.SourceARP}, State: store.StateActive, FirstSeen: exportT0, LastSeen: exportT0}})
	}
	if err := db.PutAssets(ctx, as); err != nil {
		t.Fatal(err)
	}
	var es []store.Event
	for i, id := range ids {
		es = append(es, store.Event{ID: store.NewUUID(exportT0), Time: exportT0, Seq: int64(i), AssetID: id, Type: store.EventApproved,
			Field: "approved", Old: "false", New: "true", Actor: "test"})
	}
	if err := db.AppendEvents(ctx, es); err != nil {
		t.Fatal(err)
	}
	db.Close()

	if out := c.ok(nil, "asset", "0193bb", "-o", "jsonl"); !strings.Contains(out, `"asset_id":"`+ids[2]+`"`) {
		t.Errorf("asset 0193bb: %s", out)
	}
	if out := c.ok(nil, "asset", "set", "0193aaaa-1", "--site", "hq", "-o", "jsonl"); !strings.Contains(out, `"site":"hq"`) || !strings.Contains(out, ids[1]) {
		t.Errorf("asset set 0193aaaa-1: %s", out)
	}
	for _, args := range [][]string{{"asset", "0193aaaa"}, {"asset", "approve", "0193aaaa"}, {"asset", "locate", "0193aaaa"}, {"ports", "0193aaaa"}} {
		code, _, errb := c.run(nil, args...)
		if code != exitUsage || !strings.Contains(errb, ids[0]) || !strings.Contains(errb, ids[1]) {
			t.Errorf("%v, an ambiguous prefix: exit %d: %s", args, code, errb)
		}
	}
	if code, _, errb := c.run(nil, "asset", "retire", "0193cc"); code == exitOK || !strings.Contains(errb, "not found") {
		t.Errorf("unknown prefix: exit %d: %s", code, errb)
	}
	if code, _, errb := c.run(nil, "asset", ids[0], "-o", "json"); code != exitOK {
		t.Errorf("full ID: exit %d: %s", code, errb)
	}
	// --asset of events and capacity takes a prefix too: before, events
	// printed nothing (exit 0) and capacity said "asset 0193bb: asset
	// 0193bb: not found".
	if out := c.ok(nil, "events", "--since", "", "--asset", "0193aaaa-1", "-o", "jsonl"); !strings.Contains(out, `"asset_id":"`+ids[1]+`"`) || strings.Contains(out, ids[0]) {
		t.Errorf("events --asset 0193aaaa-1: %q, want asset %s's events alone", out, ids[1])
	}
	if code, _, errb := c.run(nil, "capacity", "--asset", "0193bb", "-o", "jsonl"); code != exitOK {
		t.Errorf("capacity --asset 0193bb: exit %d: %s", code, errb)
	}
	for _, cmd := range []string{"events", "capacity"} {
		code, _, errb := c.run(nil, cmd, "--asset", "0193aaaa")
		if code != exitUsage || !strings.Contains(errb, ids[0]) || !strings.Contains(errb, ids[1]) {
			t.Errorf("%s --asset, an ambiguous prefix: exit %d: %s", cmd, code, errb)
		}
		if code, _, errb := c.run(nil, cmd, "--asset", "0193cc"); code == exitOK || !strings.Contains(errb, "not found") || strings.Count(errb, "0193cc") != 1 {
			t.Errorf("%s --asset, an unknown prefix: exit %d: %s", cmd, code, errb)
		}
	}
}

// import pcap keeps a MAC's registry owner in mac_vendor: vendor is set
// only with evidence naming it.
func TestImportPcapVendorNeedsEvidence(t *testing.T) {
	a, stdout, stderr := testApp(t, nil, nil)
	files, err := filepath.Glob(pcapDir + "/*/*.pcap")
	if err != nil || len(files) == 0 {
		t.Fatalf("fixtures: %v", err)
	}
	if code := run(context.Background(), a, append([]string{"import", "pcap", "-o", "json", "--recog-dir", recogCorpus}, files...)); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var recs []struct {
		MAC       string                    `json:"mac"`
		MACVendor string                    `json:"mac_vendor"`
		Vendor    string                    `json:"vendor"`
		Evidence  map[string]map[string]any `json:"evidence"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &recs); err != nil {
		t.Fatal(err)
	}
	labelled := 0
	for _, r := range recs {
		if r.MACVendor != "" {
			labelled++
		}
		if _, ok := r.Evidence["vendor"]; r.Vendor != "" && !ok {
			t.Errorf("%s: vendor %q without evidence (mac_vendor %q)", r.MAC, r.Vendor, r.MACVendor)
		}
	}
	if labelled == 0 {
		t.Error("no record has a mac_vendor: the test proves nothing")
	}
}

// Commands that read the CMDB never create an empty one as a side effect.
func TestReadOnlyCommandsCreateNoDatabase(t *testing.T) {
	for _, args := range [][]string{{"assets"}, {"asset", "0193"}, {"asset", "explain", "0193"}, {"events"}, {"sweeps"},
		{"capacity"}, {"export"}, {"drift", "--baseline", baselineDir, "--dry-run"}, {"asset", "approve", "0193"}} {
		dir := t.TempDir()
		path := filepath.Join(dir, "sub", "cmdb.db")
		a, _, errb := testApp(t, nil, nil)
		code := run(context.Background(), a, append([]string{"--store", "sqlite:" + path}, args...))
		if code == exitOK || !strings.Contains(errb.String(), "no CMDB at "+path) {
			t.Errorf("%v on no database: exit %d, stderr %q", args, code, errb)
		}
		if m, _ := filepath.Glob(filepath.Join(dir, "*")); len(m) != 0 {
			t.Errorf("%v created %v", args, m)
		}
	}
}

// createStore makes c's CMDB, empty, as a first sweep would.
func createStore(t *testing.T, c *cmdb) {
	t.Helper()
	db, err := sqlite.Open(context.Background(), strings.TrimPrefix(c.store, "sqlite:"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// config check validates a file and prints the effective settings with
// every secret redacted; a bad file exits 2 naming the key and line.
func TestConfigCheck(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	os.WriteFile(good, []byte("sweep:\n  rate: 50\nsnmp:\n  credentials:\n    - name: lab\n      version: 2c\n      community: Xq7-check-secret\n"), 0o600)
	a, out, errb := testApp(t, nil, nil)
	if code := run(context.Background(), a, []string{"config", "check", good}); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb)
	}
	s := out.String()
	for _, want := range []string{"rate: 50", "arp_wait: 250ms", "name: lab", "community: REDACTED"} {
		if !strings.Contains(s, want) {
			t.Errorf("effective settings lack %q:\n%s", want, s)
		}
	}
	if strings.Contains(s+errb.String(), "Xq7-check-secret") {
		t.Error("secret printed")
	}
	a, _, errb = testApp(t, nil, nil)
	brokenConfig(t, a) // the default file: config check reads it itself
	if code := run(context.Background(), a, []string{"config", "check"}); code != exitUsage || !strings.Contains(errb.String(), "sweep.ratee: unknown key (line 3)") {
		t.Errorf("broken config: exit %d: %s", code, errb)
	}
}

// store check on an SQLite store says its schema version and reads every
// page: a sound file passes, a damaged page fails naming the damage
// (opening the store, as other commands do, does not read every page).
func TestStoreCheckSQLite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cmdb.db")
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	// 300 assets make a file of some 160 pages, past the 64 the damage
	// below needs (3,000 took most of a minute to write under -race).
	var as []store.Asset
	for i := range 300 {
		as = append(as, store.Asset{Record: record.Asset{AssetID: fmt.Sprintf("asset-%05d", i), State: store.StateActive,
			IP: netip.AddrFrom4([4]byte{198, 18, byte(i >> 8), byte(i)}), Hostname: fmt.Sprintf("host-%d.example", i)}})
	}
	if err := db.PutAssets(context.Background(), as); err != nil {
		t.Fatal(err)
	}
	db.Close()
	check := func() (int, string) {
		a, _, errb := testApp(t, nil, nil)
		code := run(context.Background(), a, []string{"--store", "sqlite:" + path, "store", "check"})
		return code, errb.String()
	}
	if code, errb := check(); code != exitOK || !strings.Contains(errb, fmt.Sprintf("schema version %d, current; no damage found", sqlite.Latest())) {
		t.Fatalf("store check of a sound store: exit %d, stderr %q", code, errb)
	}
	// Overwrite a page in the middle of the file (not the first, which
	// holds the schema): every command still opens it; store check finds it.
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	fi, _ := f.Stat()
	if fi.Size() < 64*4096 {
		t.Fatalf("store of %d bytes: too small to damage a page in the middle", fi.Size())
	}
	if _, err := f.WriteAt(bytes.Repeat([]byte{0xA5}, 4096), fi.Size()/2/4096*4096); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if code, errb := check(); code == exitOK || !strings.Contains(errb, "damaged") {
		t.Fatalf("store check of a damaged store: exit %d, stderr %q", code, errb)
	}
}
