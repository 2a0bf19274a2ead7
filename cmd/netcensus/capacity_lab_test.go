package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/internal/labtest"
	"github.com/netcensus/netcensus/inventory/capacity"
)

// TestLabCapacitySnmpd sweeps a real net-snmp snmpd into a CMDB until two
// sweeps (in different seconds) are stored, then reads its capacity:
// storage, memory and CPU series with samples from both, interface rates
// from counter deltas that are never negative, and no trend or forecast
// from sweeps seconds apart.
func TestLabCapacitySnmpd(t *testing.T) {
	t.Parallel()
	lab := labtest.Up(t, labtest.Options{Hosts: 2, Roles: []labtest.Role{{Host: 1, Name: "snmpd"}}})
	bin := labtest.BuildBinary(t, "./cmd/netcensus")
	h := lab.Hosts()[0]
	st := "sqlite:" + filepath.Join(t.TempDir(), "cmdb.db")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	run := func(ns string, args ...string) string {
		t.Helper()
		cmd := lab.Exec(ctx, ns, bin, append([]string{"--store", st}, args...)...)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, errb.String())
		}
		return out.String()
	}
	capacityOf := func() map[string]capacity.Summary {
		var rows []capacity.Summary
		out := run(lab.ScannerNS(), "capacity", "--since", "1h", "-o", "json")
		if err := json.Unmarshal([]byte(out), &rows); err != nil {
			t.Fatalf("capacity json: %v\n%s", err, out)
		}
		m := map[string]capacity.Summary{}
		for _, r := range rows {
			if r.Hostname == h.NS {
				m[r.Metric+" "+r.Instance] = r
			}
		}
		return m
	}
	var got map[string]capacity.Summary
	// Samples are kept to the second: sweep until two sweeps are stored
	// in different seconds (each takes longer than one; three at most).
	for i := 0; i < 3; i++ {
		run(lab.ScannerNS(), "sweep", "--community", "public", "--no-progress", "-o", "jsonl", h.IP.String())
		got = capacityOf()
		if s, ok := got[capacity.StorageUsedPct+" /"]; ok && s.Samples >= 2 {
			break
		}
	}
	root, ok := got[capacity.StorageUsedPct+" /"]
	if !ok || root.Samples < 2 || root.Latest <= 0 || root.Latest > 100 {
		t.Fatalf("root volume: %+v (all: %+v)", root, got)
	}
	// Sweeps seconds apart are too little data for a trend (issue 16).
	for k, s := range got {
		if s.TrendPerDay != nil || s.DaysToFull != nil && *s.DaysToFull != 0 || s.Flag == capacity.FlagWarn || !s.TooFew {
			t.Errorf("%s: a trend or forecast from sweeps seconds apart: %+v", k, s)
		}
	}
	if m, ok := got[capacity.MemoryUsedPct+" "]; !ok || m.Latest <= 0 || m.Latest > 100 {
		t.Errorf("memory: %+v", m)
	}
	// net-snmp answers hrProcessorLoad only once it has a minute of CPU
	// history: a fresh lab agent may not have one yet.
	assets := run(lab.ScannerNS(), "assets", "-o", "json")
	_, hasCPU := got[capacity.CPULoadPct+" "]
	if strings.Contains(assets, `"cpu_load_pct"`) != hasCPU {
		t.Errorf("cpu_load_pct series %v, but the asset:\n%s", hasCPU, assets)
	} else if !hasCPU {
		t.Log("snmpd has no hrProcessorLoad yet (under a minute old): no CPU series")
	}
	rates := 0
	for k, s := range got {
		if s.Metric == capacity.IfInBps || s.Metric == capacity.IfOutBps {
			rates++
			if s.Min < 0 || s.Dropped != 0 {
				t.Errorf("%s: %+v", k, s)
			}
		}
	}
	if rates == 0 {
		t.Errorf("no interface rates: %+v", got)
	}
	// The table with a chart of the root volume.
	var id string
	for _, s := range got {
		id = s.AssetID
	}
	out := run(lab.ScannerNS(), "capacity", "--since", "1h", "--asset", id, "--metric", "storage_used_pct", "-o", "table")
	if !strings.Contains(out, h.NS+" storage_used_pct /\n") || !strings.Contains(out, "+-") && !strings.Contains(out, "└─") {
		t.Errorf("table and chart:\n%s", out)
	}
}
