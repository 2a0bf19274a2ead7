package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/store/sqlite"
	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner"
	"github.com/netcensus/netcensus/scanner/arp/arptest"
)

// lan is a fake segment with hosts at 198.51.100.10 to .39.
func lan() *arptest.Segment {
	seg := arptest.NewSegment()
	for i := 10; i < 40; i++ {
		seg.AddHost(fmt.Sprintf("198.51.100.%d", i), fmt.Sprintf("00:1b:54:00:00:%02x", i))
	}
	return seg
}

// TestSweepRangeMarksOnlyAskedMissing: after a full sweep, sweeps of a
// range, or with an exclusion, mark missing only the addresses they asked
// and did not hear; the stored sweep holds those addresses, not the
// segment (#16, defect 1).
func TestSweepRangeMarksOnlyAskedMissing(t *testing.T) {
	c := newCMDB(t)
	c.ok(lan(), "sweep", "198.51.100.0/24")
	if n := len(c.assets()); n != 30 {
		t.Fatalf("%d assets after the full sweep, want 30", n)
	}
	empty := arptest.NewSegment() // nobody answers now
	for range 3 {
		c.ok(empty, "sweep", "198.51.100.11-13")
	}
	missing := c.assets("--state", "missing")
	if len(missing) != 3 {
		t.Errorf("range .11-13 swept 3 times: %d assets missing, want 3", len(missing))
	}
	for _, a := range missing {
		if ip := a["ip"].(string); ip < "198.51.100.11" || ip > "198.51.100.13" {
			t.Errorf("%s marked missing by a sweep that never asked it", ip)
		}
	}
	for range 3 {
		c.ok(empty, "sweep", "--exclude", "198.51.100.20-30", "198.51.100.14-35")
	}
	for _, a := range c.assets("--state", "missing") {
		ip := a["ip"].(string)
		if ip >= "198.51.100.20" && ip <= "198.51.100.30" {
			t.Errorf("excluded %s marked missing", ip)
		}
	}
	var sweeps []map[string]any
	json.Unmarshal([]byte(c.ok(nil, "sweeps", "--format", "json")), &sweeps)
	if len(sweeps) == 0 {
		t.Fatal("no sweeps listed")
	}
	if segs := fmt.Sprint(sweeps[0]["segments"]); strings.Contains(segs, "/24") || !strings.Contains(segs, "198.51.100.14/31") {
		t.Errorf("newest sweep's segments %s: want the asked addresses, not the segment", segs)
	}
}

// TestSweepBadStoreSendsNothing: a bad --store, a foreign file or a
// newer schema is refused before any packet is sent (#16, defect 5).
func TestSweepBadStoreSendsNothing(t *testing.T) {
	dir := t.TempDir()
	foreign := filepath.Join(dir, "foreign.db")
	os.WriteFile(foreign, []byte(strings.Repeat("not a database\n", 20)), 0o600)
	for _, tc := range []struct {
		store string
		code  int
	}{
		{"foo:bar", exitUsage},
		{"sqlite:", exitUsage},
		{"clickhouse://:notaport/db", exitUsage},
		{"sqlite:" + foreign, exitFailure},
	} {
		seg := lan()
		a, out, errb := testApp(t, seg, nil)
		code := run(context.Background(), a, []string{"--store", tc.store, "sweep", "--arp-wait", "20ms", "--rate", "100000", "198.51.100.0/24"})
		if code != tc.code {
			t.Errorf("--store %s: exit %d, want %d: %s", tc.store, code, tc.code, errb)
		}
		if n := seg.RequestsTo("198.51.100.10"); n != 0 || out.Len() != 0 {
			t.Errorf("--store %s: %d requests sent, stdout %q; want nothing before the store is checked", tc.store, n, out)
		}
	}
}

// brokenWriter is a stdout that fails: closed (EPIPE) or full (ENOSPC).
type brokenWriter struct{ err error }

func (b brokenWriter) Write([]byte) (int, error) { return 0, b.err }

// TestSweepStoredDespiteOutputError: a failing stdout is reported, the
// exit is non-zero, and the sweep is stored all the same (#16, defect 4).
func TestSweepStoredDespiteOutputError(t *testing.T) {
	for _, werr := range []error{syscall.EPIPE, syscall.ENOSPC} {
		c := newCMDB(t)
		a, _, errb := testApp(t, lan(), nil)
		a.stdout = brokenWriter{werr}
		code := run(context.Background(), a, []string{"--config", c.cfg, "--store", c.store, "sweep", "--format", "jsonl", "198.51.100.0/24"})
		if code == exitOK || !strings.Contains(errb.String(), "write output") || !strings.Contains(errb.String(), werr.Error()) {
			t.Errorf("%v: exit %d, stderr %q; want non-zero and the output error said", werr, code, errb)
		}
		if n := len(c.assets()); n != 30 {
			t.Errorf("%v: %d assets stored, want 30", werr, n)
		}
	}
}

// TestSweepSIGPIPE: `netcensus sweep | head -1` is not killed by SIGPIPE
// before storing: the process exits non-zero on its own, having stored the
// sweep (#16, defect 4). The sweep runs in a child process (this test
// binary) whose stdout is a pipe closed before it writes.
func TestSweepSIGPIPE(t *testing.T) {
	if os.Getenv("NETCENSUS_SIGPIPE_CHILD") != "" {
		return // in the child, only TestSweepSIGPIPEChild runs
	}
	c := newCMDB(t)
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	r.Close() // the reader is gone before anything is written
	cmd := exec.Command(os.Args[0], "-test.run=^TestSweepSIGPIPEChild$")
	cmd.Env = append(childEnv(t), "NETCENSUS_SIGPIPE_CHILD="+c.store, "NETCENSUS_SIGPIPE_CONFIG="+c.cfg)
	cmd.Stdout = w
	var errb strings.Builder
	cmd.Stderr = &errb
	err = cmd.Run()
	w.Close()
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		t.Fatalf("child: %v, want a non-zero exit; stderr %s", err, errb.String())
	}
	if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		t.Fatalf("child killed by %v; stderr %s", ws.Signal(), errb.String())
	}
	if n := len(c.assets()); n != 30 {
		t.Errorf("%d assets stored, want 30; child's stderr %s", n, errb.String())
	}
}

// TestSweepSIGPIPEChild is TestSweepSIGPIPE's child: a sweep of a fake
// segment writing to the process's real stdout.
func TestSweepSIGPIPEChild(t *testing.T) {
	st := os.Getenv("NETCENSUS_SIGPIPE_CHILD")
	if st == "" {
		t.Skip("runs as TestSweepSIGPIPE's child only")
	}
	a, _, _ := testApp(t, lan(), nil)
	a.stdout, a.stderr = os.Stdout, os.Stderr
	code := run(context.Background(), a, []string{"--config", os.Getenv("NETCENSUS_SIGPIPE_CONFIG"), "--store", st, "sweep", "--format", "jsonl", "198.51.100.0/24"})
	os.Exit(code)
}

// TestStoredTimesAreAnswerTimes: the stored first_seen and last_seen are
// when the host answered, as printed, not the sweep's end (#16, defect 14).
func TestStoredTimesAreAnswerTimes(t *testing.T) {
	c := newCMDB(t)
	createStore(t, c) // assets, run below to set the app up, creates none
	a, _, errb := testApp(t, nil, nil)
	if code := run(context.Background(), a, []string{"--config", c.cfg, "--store", c.store, "assets"}); code != 0 {
		t.Fatalf("assets: exit %d %s", code, errb)
	}
	t0 := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	rep := &scanner.Report{Start: t0, Duration: 40 * time.Second}
	h := record.Asset{IP: netip.MustParseAddr("198.51.100.10"), Sources: []record.Source{record.SourceARP, record.SourceSNMP}, FirstSeen: t0.Add(2 * time.Second), LastSeen: t0.Add(9 * time.Second)}
	h.MAC, _ = record.ParseMAC("00:1b:54:00:00:0a")
	rep.Add(&h)
	if err := a.storeSettings().DeliverReport(context.Background(), rep, a.stderr); err != nil {
		t.Fatal(err)
	}
	db, err := sqlite.Open(t.Context(), strings.TrimPrefix(c.store, "sqlite:"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	as, err := db.Assets(t.Context(), store.AssetFilter{})
	if err != nil || len(as) != 1 {
		t.Fatalf("%d assets, %v", len(as), err)
	}
	if r := as[0].Record; !r.FirstSeen.Equal(h.FirstSeen) || !r.LastSeen.Equal(h.LastSeen) {
		t.Errorf("stored first_seen %v last_seen %v; printed %v %v", r.FirstSeen, r.LastSeen, h.FirstSeen, h.LastSeen)
	}
}
