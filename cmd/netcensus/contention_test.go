package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// TestSQLiteContention: 12 sweeps stored one after another's start, while
// 10 readers run `netcensus assets` in a loop, all on one SQLite file, in
// processes of their own. No sweep is lost (each is stored, or spooled and
// replayed by the next run), and no reader fails (#16, defect 3).
func TestSQLiteContention(t *testing.T) {
	skipProcessTest(t)
	const writers, readers = 12, 10
	dir := t.TempDir()
	cfg := crashConfig(t, dir)
	path := filepath.Join(dir, "cmdb.db")
	ingestChild(t, path, cfg, 1) // the store exists before the readers start

	stop := make(chan struct{})
	var runs, fails atomic.Int64
	var failMu sync.Mutex
	var failures []string
	var rwg sync.WaitGroup
	for range readers {
		rwg.Add(1)
		go func() {
			defer rwg.Done()
			// Bounded: the readers stop when the writers are done, or
			// after 2,000 runs in all.
			for runs.Load() < 2000 {
				select {
				case <-stop:
					return
				default:
				}
				c := startChild(t, path, cfg, "NETCENSUS_CHILD=run", "NETCENSUS_CHILD_ARGS=assets\n--format\ncsv")
				err := c.finish()
				runs.Add(1)
				if err != nil {
					fails.Add(1)
					failMu.Lock()
					failures = append(failures, fmt.Sprintf("%v: %s", err, strings.TrimSpace(c.stderr.String())))
					failMu.Unlock()
				}
			}
		}()
	}

	// Each sweep starts when the one before it has begun its ingest, so
	// they overlap; each stores a different software version.
	errs := make([]error, writers)
	stderrs := make([]string, writers)
	var wwg sync.WaitGroup
	for i := range writers {
		c := startChild(t, path, cfg, "NETCENSUS_CHILD=ingest", "NETCENSUS_CHILD_VERSION="+strconv.Itoa(i+2), "NETCENSUS_CHILD_PACKAGES=40")
		// Its first write, or its end (spooled before it wrote).
		c.waitFor("PutSweep:1")
		wwg.Add(1)
		go func() {
			defer wwg.Done()
			errs[i] = c.finish()
			stderrs[i] = c.stderr.String()
		}()
	}
	wwg.Wait()
	close(stop)
	rwg.Wait()

	spooled := 0
	for i, err := range errs {
		if err != nil {
			t.Errorf("sweep %d: %v\n%s", i+2, err, stderrs[i])
		}
		if strings.Contains(stderrs[i], "spooled to") {
			spooled++
			t.Logf("sweep %d spooled: %s", i+2, strings.TrimSpace(stderrs[i]))
		}
		if strings.Contains(stderrs[i], "not a netcensus store") {
			t.Errorf("sweep %d: a busy store called foreign:\n%s", i+2, stderrs[i])
		}
	}
	if spooled > 0 {
		// The next run replays what waited in the spool.
		ingestChild(t, path, cfg, writers+2)
	}
	want := 1 + writers + min(spooled, 1)
	got := tableCounts(t, path)
	if got["sweeps"] != want {
		t.Errorf("%d sweeps stored, want %d (%d spooled and replayed)", got["sweeps"], want, spooled)
	}
	if _, err := os.Stat(filepath.Join(dir, "spool.jsonl")); err == nil {
		t.Error("sweeps still wait in the spool after a run that reached the store")
	}
	t.Logf("%d sweeps (%d spooled first), %d reader runs, %d failed", got["sweeps"], spooled, runs.Load(), fails.Load())
	if fails.Load() > 0 {
		t.Errorf("%d of %d reader runs failed; first: %s", fails.Load(), runs.Load(), failures[0])
	}
	if runs.Load() < readers {
		t.Errorf("only %d reader runs", runs.Load())
	}
}
