package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/netcensus/netcensus/exporters"
	"github.com/netcensus/netcensus/inventory/store/clickhouse"
	"github.com/netcensus/netcensus/inventory/store/clickhouse/chtest"
	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner/arp/arptest"
)

// On ClickHouse, `assets` lists two ways: assets streamed as they are
// read, and the whole list (--subnet). Every format shows the same
// assets: what the writers make of the records the JSON listing gives.
func TestAssetsListingOnClickHouse(t *testing.T) {
	srv, err := chtest.Start(t.Context(), t.TempDir())
	if err != nil {
		if os.Getenv("NETCENSUS_LAB") == "1" {
			t.Fatalf("no ClickHouse server (NETCENSUS_LAB=1: required): %v", err)
		}
		t.Skipf("no ClickHouse server: %v", err)
	}
	defer srv.Stop()
	c := newCMDB(t)
	c.store = "clickhouse://" + srv.Addr + "/cmdtest"
	seg := arptest.NewSegment()
	for _, h := range [][2]string{{"198.51.100.11", "00:1b:54:00:00:11"}, {"198.51.100.40", "00:05:85:00:00:40"}, {"198.51.100.77", "3c:22:fb:00:00:77"}} {
		seg.AddHost(h[0], h[1])
	}
	c.ok(seg, "sweep", "198.51.100.0/24")
	ids := c.assets()
	if len(ids) != 3 {
		t.Fatalf("listed %d assets, want 3", len(ids))
	}
	c.ok(nil, "asset", "approve", ids[0]["asset_id"].(string))
	c.ok(nil, "asset", "set", ids[1]["asset_id"].(string), "--site", "hq", "--tag", "core")

	var recs []record.Asset
	js := c.ok(nil, "assets", "-o", "json")
	if err := json.Unmarshal([]byte(js), &recs); err != nil || len(recs) != 3 {
		t.Fatalf("json listing: %v\n%s", err, js)
	}
	if recs[0].Approved == nil || !*recs[0].Approved || recs[1].Site != "hq" {
		t.Fatalf("annotations not listed: %s", js)
	}
	for _, format := range []string{"table", "csv", "jsonl", "json"} {
		var want bytes.Buffer
		w, err := exporters.NewAssetWriter(format, &want)
		if err != nil {
			t.Fatal(err)
		}
		for i := range recs {
			w.Write(&recs[i])
		}
		w.Close()
		if got := c.ok(nil, "assets", "-o", format); got != want.String() {
			t.Errorf("assets -o %s:\n%s\nwant\n%s", format, got, want.String())
		}
		if got := c.ok(nil, "assets", "-o", format, "--subnet", "198.51.100.0/24"); got != want.String() {
			t.Errorf("assets -o %s --subnet:\n%s\nwant\n%s", format, got, want.String())
		}
	}
	if got := c.assets("--unapproved"); len(got) != 2 {
		t.Errorf("--unapproved listed %d, want 2", len(got))
	}
}

// store init creates the schema on one server and says its version;
// --cluster names a cluster the server must know (the replicated cluster
// itself is tested in inventory/store/clickhouse, TestReplicatedCluster);
// --replicas needs --cluster, and --cluster needs ClickHouse.
func TestStoreInit(t *testing.T) {
	srv, err := chtest.Start(t.Context(), t.TempDir())
	if err != nil {
		if os.Getenv("NETCENSUS_LAB") == "1" {
			t.Fatalf("no ClickHouse server (NETCENSUS_LAB=1: required): %v", err)
		}
		t.Skipf("no ClickHouse server: %v", err)
	}
	defer srv.Stop()
	c := newCMDB(t)
	sqliteStore := c.store
	c.store = "clickhouse://" + srv.Addr + "/inittest"
	// store check before: the server lacks the schema, and says so.
	if code, _, stderr := c.run(nil, "store", "check"); code != 1 || !strings.Contains(stderr, srv.Addr+": schema version 0 of") ||
		!strings.Contains(stderr, "lacks alert_outbox, annotations, ") {
		t.Errorf("store check of an empty database: exit %d, stderr %q", code, stderr)
	}
	if code, _, stderr := c.run(nil, "store", "init"); code != 0 || !strings.Contains(stderr, fmt.Sprintf("schema version %d", clickhouse.Latest())) {
		t.Errorf("store init: exit %d, stderr %q", code, stderr)
	}
	if code, _, stderr := c.run(nil, "store", "check"); code != 0 || !strings.Contains(stderr, fmt.Sprintf("%s: schema version %d, current", srv.Addr, clickhouse.Latest())) {
		t.Errorf("store check after init: exit %d, stderr %q", code, stderr)
	}
	for _, tc := range []struct {
		store string
		args  []string
		code  int
		says  string
	}{
		{c.store, []string{"--cluster", "nowhere"}, 1, "not in this server's remote_servers"},
		{c.store, []string{"--replicas", "2"}, 2, "--replicas needs --cluster"},
		{sqliteStore, []string{"--cluster", "nc"}, 2, "is not ClickHouse"},
	} {
		c.store = tc.store
		code, _, stderr := c.run(nil, append([]string{"store", "init"}, tc.args...)...)
		if code != tc.code || !strings.Contains(stderr, tc.says) {
			t.Errorf("store init %v: exit %d, stderr %q; want %d and %q", tc.args, code, stderr, tc.code, tc.says)
		}
	}
}
