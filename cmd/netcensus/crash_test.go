package main

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner"
)

// The tests below run netcensus in child processes (this test binary, in
// TestChildProcess) on one SQLite file: killed with SIGKILL part way
// through an ingest, or many at once. The child's settings come in the
// environment:
//
//	NETCENSUS_CHILD     ingest: store a made-up sweep of SNMP hosts with
//	                    software, interfaces and samples, by the sweep
//	                    command's own store path; run: run the command line
//	                    in NETCENSUS_CHILD_ARGS (one argument a line)
//	NETCENSUS_CHILD_STORE, NETCENSUS_CHILD_CONFIG   --store and --config
//	NETCENSUS_CHILD_VERSION   ingest: the sweep's number (its software
//	                    versions and counters change with it)
//	NETCENSUS_CHILD_PACKAGES  ingest: packages per host (default
//	                    childPackages)
//	NETCENSUS_CHILD_STOP      ingest: METHOD:N stops the child for good
//	                    after the N-th call of the store's METHOD, inside
//	                    the ingest's transaction, for the parent to kill
//
// An ingest child prints each store write it made ("PutSweep:1") on
// stdout, then "stopped" when it stops.
const (
	childHosts    = 60
	childPackages = 120
)

// TestChildProcess is the child's side; it is skipped in a plain run.
func TestChildProcess(t *testing.T) {
	mode := os.Getenv("NETCENSUS_CHILD")
	if mode == "" {
		t.Skip("runs as a child of the crash and contention tests only")
	}
	a, _, _ := testApp(t, nil, nil)
	a.stdout, a.stderr = io.Discard, os.Stderr
	base := []string{"--config", os.Getenv("NETCENSUS_CHILD_CONFIG"), "--store", os.Getenv("NETCENSUS_CHILD_STORE")}
	switch mode {
	case "run":
		a.stdout = os.Stdout
		args := strings.Split(strings.TrimSpace(os.Getenv("NETCENSUS_CHILD_ARGS")), "\n")
		os.Exit(run(context.Background(), a, append(base, args...)))
	case "ingest":
		version, _ := strconv.Atoi(os.Getenv("NETCENSUS_CHILD_VERSION"))
		st := &stopState{calls: map[string]int{}, out: os.Stdout}
		if spec := os.Getenv("NETCENSUS_CHILD_STOP"); spec != "" {
			m, n, _ := strings.Cut(spec, ":")
			st.stopAt = m
			st.stopN, _ = strconv.Atoi(n)
		}
		a.wrapStore = func(s store.Store) store.Store { return &stopStore{Store: s, st: st} }
		// The sweep command's store path, after its packets: the
		// config and the store come from the same flags.
		cmd := newRoot(a)
		cmd.SetArgs(append(base, "version"))
		if err := cmd.Execute(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(exitUsage)
		}
		pkgs := childPackages
		if n, err := strconv.Atoi(os.Getenv("NETCENSUS_CHILD_PACKAGES")); err == nil {
			pkgs = n
		}
		if err := a.storeSettings().DeliverReport(context.Background(), madeUpSweep(version, pkgs), a.stderr); err != nil {
			fmt.Fprintln(os.Stderr, "netcensus:", err)
			os.Exit(exitFailure)
		}
		os.Exit(exitOK)
	}
	t.Fatalf("NETCENSUS_CHILD=%q", mode)
}

// madeUpSweep is what a sweep of childHosts SNMP hosts reports: each with
// pkgs packages, four interfaces and an uptime (samples).
func madeUpSweep(version, pkgs int) *scanner.Report {
	t0 := time.Now().UTC().Truncate(time.Second)
	rep := &scanner.Report{Start: t0, Duration: time.Second}
	for i := range childHosts {
		h := record.Asset{
			IP:      netip.AddrFrom4([4]byte{198, 51, 100, byte(10 + i)}),
			Sources: []record.Source{record.SourceARP, record.SourceSNMP},
			SysName: fmt.Sprintf("host-%d", i), SysUptimeS: uint64(1000 * version),
			FirstSeen: t0, LastSeen: t0,
		}
		h.MAC, _ = record.ParseMAC(fmt.Sprintf("00:1b:54:00:%02x:%02x", i/256, i%256))
		for p := range pkgs {
			h.Software = append(h.Software, record.Software{Name: fmt.Sprintf("pkg-%03d", p), Version: fmt.Sprintf("1.%d", version)})
		}
		for k := 1; k <= 4; k++ {
			h.Interfaces = append(h.Interfaces, record.Interface{Index: k, Name: fmt.Sprintf("eth%d", k), CounterBits: 64,
				InOctets: uint64(k * 1000 * version), OutOctets: uint64(k * 2000 * version)})
		}
		rep.Add(&h)
	}
	return rep
}

// stopState counts a child's store writes and stops it at one.
type stopState struct {
	mu     sync.Mutex
	calls  map[string]int
	stopAt string // the method to stop at
	stopN  int    // after its stopN-th call
	out    io.Writer
}

// done records a finished write; at the chosen one it says so and blocks
// on stdin, which the parent never writes, until it is killed.
func (s *stopState) done(method string) {
	s.mu.Lock()
	s.calls[method]++
	n := s.calls[method]
	fmt.Fprintf(s.out, "%s:%d\n", method, n)
	stop := method == s.stopAt && n == s.stopN
	s.mu.Unlock()
	if stop {
		fmt.Fprintln(s.out, "stopped")
		io.Copy(io.Discard, os.Stdin)
		os.Exit(99) // the parent closed stdin without killing: a test bug
	}
}

// stopStore is a store whose writes report to a stopState.
type stopStore struct {
	store.Store
	st *stopState
}

func (s *stopStore) after(method string, err error) error {
	if err == nil {
		s.st.done(method)
	}
	return err
}

func (s *stopStore) Atomically(ctx context.Context, fn func(ctx context.Context, tx store.Store) error) error {
	at, ok := s.Store.(store.Atomic)
	if !ok {
		return fn(ctx, s)
	}
	return at.Atomically(ctx, func(ctx context.Context, tx store.Store) error {
		return fn(ctx, &stopStore{Store: tx, st: s.st})
	})
}

func (s *stopStore) PutSweep(ctx context.Context, sw store.Sweep) error {
	return s.after("PutSweep", s.Store.PutSweep(ctx, sw))
}
func (s *stopStore) AppendObservations(ctx context.Context, o []store.Observation) error {
	return s.after("AppendObservations", s.Store.AppendObservations(ctx, o))
}
func (s *stopStore) PutAssets(ctx context.Context, as []store.Asset) error {
	return s.after("PutAssets", s.Store.PutAssets(ctx, as))
}
func (s *stopStore) AppendEvents(ctx context.Context, es []store.Event) error {
	return s.after("AppendEvents", s.Store.AppendEvents(ctx, es))
}
func (s *stopStore) AppendSoftware(ctx context.Context, rs []store.Software) error {
	return s.after("AppendSoftware", s.Store.AppendSoftware(ctx, rs))
}
func (s *stopStore) AppendSamples(ctx context.Context, rs []store.Sample) error {
	return s.after("AppendSamples", s.Store.AppendSamples(ctx, rs))
}
func (s *stopStore) AppendInterfaces(ctx context.Context, rs []store.Interface) error {
	return s.after("AppendInterfaces", s.Store.AppendInterfaces(ctx, rs))
}

// childEnv is a child test process's environment: the parent's, with a
// temporary directory of the parent's test. A child exits by os.Exit or
// is killed, so its own t.TempDir would never be removed; inside the
// parent's, it is, with the parent's.
func childEnv(t *testing.T) []string {
	return append(os.Environ(), "TMPDIR="+t.TempDir())
}

// child is one child process.
type child struct {
	cmd    *exec.Cmd
	stdout *bufio.Scanner
	stdin  io.WriteCloser
	stderr *strings.Builder
}

func startChild(t *testing.T, path, cfg string, env ...string) *child {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestChildProcess$")
	cmd.Env = append(childEnv(t), append([]string{"NETCENSUS_CHILD_STORE=sqlite:" + path, "NETCENSUS_CHILD_CONFIG=" + cfg}, env...)...)
	c := &child{cmd: cmd, stderr: &strings.Builder{}}
	cmd.Stderr = c.stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if c.stdin, err = cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c.stdout = bufio.NewScanner(out)
	return c
}

// waitFor reads the child's stdout up to a line; false at its end.
func (c *child) waitFor(line string) bool {
	for c.stdout.Scan() {
		if c.stdout.Text() == line {
			return true
		}
	}
	return false
}

// finish reads the rest of stdout and waits for the child's exit.
func (c *child) finish() error {
	for c.stdout.Scan() {
	}
	c.stdin.Close()
	return c.cmd.Wait()
}

// ingestChild stores made-up sweep number version in path to the end.
func ingestChild(t *testing.T, path, cfg string, version int) {
	t.Helper()
	c := startChild(t, path, cfg, "NETCENSUS_CHILD=ingest", "NETCENSUS_CHILD_VERSION="+strconv.Itoa(version))
	if err := c.finish(); err != nil {
		t.Fatalf("ingest child %d: %v\n%s", version, err, c.stderr)
	}
}

// tableCounts counts the rows of every table of the store at path.
func tableCounts(t *testing.T, path string) map[string]int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		names = append(names, n)
	}
	rows.Close()
	out := map[string]int{}
	for _, n := range names {
		var c int
		if err := db.QueryRow(`SELECT count(*) FROM "` + n + `"`).Scan(&c); err != nil {
			t.Fatal(err)
		}
		out[n] = c
	}
	if len(out) == 0 {
		t.Fatalf("%s: no tables", path)
	}
	return out
}

func crashConfig(t *testing.T, dir string) string {
	cfg := filepath.Join(dir, "c.yaml")
	if err := os.WriteFile(cfg, []byte("inventory:\n  missing_after: 1\n  scanner: site-a\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return cfg
}

// TestCrashMidIngestSQLite: netcensus is killed with SIGKILL at five
// points inside the ingest of a sweep with software, samples and
// interfaces. After each kill no table holds any of that sweep (nothing
// half-stored); after the sweep is run again, every table's row count
// equals a run that was never killed (#16, defect 6 and its crash test).
func TestCrashMidIngestSQLite(t *testing.T) {
	skipProcessTest(t)
	dir := t.TempDir()
	cfg := crashConfig(t, dir)
	control := filepath.Join(dir, "control", "cmdb.db")
	ingestChild(t, control, cfg, 1)
	ingestChild(t, control, cfg, 2)
	want := tableCounts(t, control)
	if want["software"] != 2*childHosts*childPackages || want["samples"] == 0 || want["interfaces"] != 2*4*childHosts {
		t.Fatalf("control run: %v; want two software snapshots, samples and interfaces", want)
	}
	base := filepath.Join(dir, "base", "cmdb.db")
	ingestChild(t, base, cfg, 1)
	before := tableCounts(t, base)
	baseBytes, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	for _, stop := range []string{"PutSweep:1", "AppendObservations:1", "PutAssets:1", "AppendSoftware:1", "PutSweep:2"} {
		t.Run(strings.ReplaceAll(stop, ":", "-"), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "cmdb.db")
			if err := os.WriteFile(path, baseBytes, 0o600); err != nil {
				t.Fatal(err)
			}
			c := startChild(t, path, cfg, "NETCENSUS_CHILD=ingest", "NETCENSUS_CHILD_VERSION=2", "NETCENSUS_CHILD_STOP="+stop)
			if !c.waitFor("stopped") {
				c.finish()
				t.Fatalf("the child never reached %s: %s", stop, c.stderr)
			}
			if err := c.cmd.Process.Kill(); err != nil { // SIGKILL
				t.Fatal(err)
			}
			err := c.finish()
			if ee := (*exec.ExitError)(nil); !errors.As(err, &ee) || ee.ExitCode() != -1 {
				t.Fatalf("child: %v, want killed", err)
			}
			if got := tableCounts(t, path); !sameCounts(got, before) {
				t.Errorf("killed after %s: tables %v, want %v as before the sweep (a half-stored sweep)", stop, got, before)
			}
			ingestChild(t, path, cfg, 2) // the sweep runs again
			if got := tableCounts(t, path); !sameCounts(got, want) {
				t.Errorf("killed after %s, then run again: tables %v, want the control run's %v", stop, got, want)
			}
		})
	}
}

// skipProcessTest skips the crash and contention tests in -short and
// under -race: they are about processes (each child is a process of its
// own, and the race detector makes every one several times slower, for
// no race it could see across processes); .ci/run runs them without -race.
func skipProcessTest(t *testing.T) {
	t.Helper()
	switch {
	case testing.Short():
		t.Skip("child processes: not in -short")
	case raceBuild:
		t.Skip("child processes: not under -race (.ci/run runs this test without it)")
	}
}

func sameCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
