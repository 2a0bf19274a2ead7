package main

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/netcensus/netcensus/exporters"
	"github.com/netcensus/netcensus/inventory/store/clickhouse/chtest"
	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner/arp/arptest"
)

// On ClickHouse, `assets` lists three ways: the JSON the store keeps
// (json, jsonl), assets streamed as they are read (table, csv), and the
// whole list (--subnet). Every format shows the same assets: what the
// writers make of the records the JSON listing gives.
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
