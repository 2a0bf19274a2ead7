package serve_test

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/netcensus/netcensus/internal/labtest"
	"github.com/netcensus/netcensus/serve"
)

// The lab test's helpers run as this test binary re-executed inside the
// scanner namespace (ip netns exec), so that the webhook receiver and the
// way in to serve's API live in the namespace serve sweeps from: its own
// loopback, never the machine's.
const (
	helperEnv  = "NETCENSUS_SERVE_LAB_HELPER" // receiver or proxy
	helperAddr = "NETCENSUS_SERVE_LAB_ADDR"   // the TCP address to listen on (receiver) or forward to (proxy)
	helperSock = "NETCENSUS_SERVE_LAB_SOCK"   // proxy: the Unix socket to listen on
)

func TestMain(m *testing.M) {
	if mode := os.Getenv(helperEnv); mode != "" {
		if err := runHelper(mode); err != nil {
			fmt.Fprintln(os.Stderr, "helper:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// runHelper is the helper process: "receiver" answers every POST with
// 200 and prints its body as one line; "proxy" forwards connections from
// a Unix socket (which the test, in another network namespace, can reach
// through the file system) to a TCP address in this namespace. Each
// prints "ready" once it listens, and ends when its stdin closes.
func runHelper(mode string) error {
	var ln net.Listener
	var err error
	switch mode {
	case "receiver":
		ln, err = net.Listen("tcp", os.Getenv(helperAddr))
	case "proxy":
		ln, err = net.Listen("unix", os.Getenv(helperSock))
	default:
		return fmt.Errorf("unknown mode %q", mode)
	}
	if err != nil {
		return err
	}
	go func() { io.Copy(io.Discard, os.Stdin); ln.Close() }() // the test went away
	var out sync.Mutex
	fmt.Println("ready")
	if mode == "receiver" {
		err = http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			b, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
			if err != nil || r.Method != http.MethodPost {
				http.Error(w, "want a POST", http.StatusBadRequest)
				return
			}
			out.Lock()
			fmt.Println(strings.ReplaceAll(string(b), "\n", " "))
			out.Unlock()
		}))
	} else {
		target := os.Getenv(helperAddr)
		for {
			c, err := ln.Accept()
			if err != nil {
				break
			}
			go func() {
				defer c.Close()
				u, err := net.DialTimeout("tcp", target, 5*time.Second)
				if err != nil {
					return // serve is down: the client sees the connection close
				}
				defer u.Close()
				go func() { io.Copy(u, c); u.(*net.TCPConn).CloseWrite() }()
				io.Copy(c, u)
			}()
		}
	}
	if errors.Is(err, net.ErrClosed) {
		return nil
	}
	return err
}

// helper is a running helper process.
type helper struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	lines chan string
	done  chan struct{}
}

func startHelper(t *testing.T, ctx context.Context, lab *labtest.Lab, env ...string) *helper {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := lab.Exec(ctx, lab.ScannerNS(), exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), env...)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("helper %v: %v", env, err)
	}
	h := &helper{cmd: cmd, stdin: stdin, lines: make(chan string, 1024), done: make(chan struct{})}
	ready := make(chan struct{})
	go func() {
		defer close(h.done)
		defer close(h.lines)
		sc := bufio.NewScanner(stdout)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		first := true
		for sc.Scan() {
			if first {
				first = false
				close(ready)
				continue
			}
			h.lines <- sc.Text()
		}
	}()
	select {
	case <-ready:
	case <-h.done:
		cmd.Wait()
		t.Fatalf("helper %v ended before it was ready", env)
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("helper %v not ready within 30s", env)
	}
	t.Cleanup(h.stop)
	return h
}

// stop closes the helper's stdin (it then ends) and waits for it.
func (h *helper) stop() {
	h.stdin.Close()
	select {
	case <-h.done:
	case <-time.After(10 * time.Second):
		h.cmd.Process.Kill()
	}
	h.cmd.Wait()
}

// alertLog gathers the payloads every receiver run got.
type alertLog struct {
	mu  sync.Mutex
	got []serve.Payload
	bad []string // bodies that are not a payload
}

func (a *alertLog) drain(h *helper) {
	go func() {
		for l := range h.lines {
			var p serve.Payload
			err := json.Unmarshal([]byte(l), &p)
			a.mu.Lock()
			if err != nil {
				a.bad = append(a.bad, l)
			} else {
				a.got = append(a.got, p)
			}
			a.mu.Unlock()
		}
	}()
}

func (a *alertLog) badBodies() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]string(nil), a.bad...)
}

// count is how many payloads of type typ name mac.
func (a *alertLog) count(typ, mac string) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	n := 0
	for _, p := range a.got {
		if p.Type == typ && p.MAC == mac {
			n++
		}
	}
	return n
}

// apiClient reaches serve's API in the scanner namespace through the
// proxy's Unix socket.
type apiClient struct {
	t    *testing.T
	http *http.Client
}

func newAPIClient(t *testing.T, sock string) *apiClient {
	tr := &http.Transport{DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "unix", sock)
	}, DisableKeepAlives: true}
	return &apiClient{t: t, http: &http.Client{Transport: tr, Timeout: 20 * time.Second}}
}

// do returns the status and body; status 0 when serve cannot be reached.
func (c *apiClient) do(method, path, token string) (int, string) {
	req, err := http.NewRequest(method, "http://serve"+path, nil)
	if err != nil {
		c.t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func (c *apiClient) getJSON(path, token string, v any) bool {
	code, body := c.do("GET", path, token)
	if code != http.StatusOK {
		return false
	}
	if err := json.Unmarshal([]byte(body), v); err != nil {
		c.t.Fatalf("GET %s: %v: %s", path, err, body)
	}
	return true
}

// poll checks cond every 100 ms until it holds, failing the test after d.
func poll(t *testing.T, what string, d time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", d, what)
		}
		<-tick.C
	}
}

// metric reads one series' value from a Prometheus text exposition
// (series written as exposed, labels in name order); -1 when absent.
func metric(text, series string) float64 {
	for _, l := range strings.Split(text, "\n") {
		if rest, ok := strings.CutPrefix(l, series+" "); ok {
			v, err := strconv.ParseFloat(strings.TrimSpace(rest), 64)
			if err == nil {
				return v
			}
		}
	}
	return -1
}

// TestLabServe runs netcensus serve inside the lab's scanner namespace
// with a schedule every 2 s over four hosts (ARP only) and a webhook
// receiver in the same namespace: a host taken down gives a missing
// alert; a new host brought up while the receiver is down gives a
// new_unapproved alert that waits in the outbox, survives serve's
// restart and arrives once the receiver is back, exactly once; a read
// token cannot approve it (403), a write token can (200); /metrics
// counts the sweeps, the assets by state and the deliveries.
func TestLabServe(t *testing.T) {
	lab := labtest.Up(t, labtest.Options{Hosts: 4})
	bin := labtest.BuildBinary(t, "./cmd/netcensus")
	// Cancelled after the other cleanups (LIFO): serve is stopped by
	// SIGTERM first, and its exit checked.
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	t.Cleanup(cancel)
	hosts := lab.Hosts()
	gone, late := hosts[0], hosts[3]
	link := func(h labtest.Host, state string) {
		t.Helper()
		if out, err := lab.Exec(ctx, h.NS, "ip", "link", "set", "eth0", state).CombinedOutput(); err != nil {
			t.Fatalf("%s: ip link set eth0 %s: %v\n%s", h.NS, state, err, out)
		}
	}
	link(late, "down") // the new host: not there until later

	dir := t.TempDir()
	const (
		listen     = "127.0.0.1:18470" // in the scanner namespace, which nothing else uses
		hook       = "127.0.0.1:18471"
		readSecret = "lab-read-token-0123456789"
		// The write token comes from a file, as a service keeps it.
		writeSecret = "lab-write-token-0123456789"
	)
	if err := os.WriteFile(filepath.Join(dir, "write.token"), []byte(writeSecret+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "netcensus.yaml")
	// 198.51.100.8/29 holds h1..h4 (.11-.14), not the scanner or the router.
	conf := fmt.Sprintf(`sweep:
  rate: 2000
  arp_retries: 2
  arp_wait: 300ms
mdns:
  enabled: false
inventory:
  missing_after: "1"
schedules:
  - {name: lab, targets: [198.51.100.8/29], every: 2s, options: {snmp: false, mdns: false, names: false}}
serve:
  listen: %s
  shutdown_grace: 10s
  tokens:
    - {name: viewer, token: %s, scope: read}
    - {name: ops, token_file: %s, scope: write}
  alerts:
    - {name: hook, type: webhook, url: "http://%s/hook", types: [new_unapproved, missing], timeout: 2s}
`, listen, readSecret, filepath.Join(dir, "write.token"), hook)
	if err := os.WriteFile(cfg, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	storeDSN := "sqlite:" + filepath.Join(dir, "cmdb.db")

	var serveLog syncLog
	startServe := func() (stop func()) {
		t.Helper()
		cmd := lab.Exec(ctx, lab.ScannerNS(), bin, "--config", cfg, "--store", storeDSN, "serve", "--log-format", "json")
		cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+dir, "XDG_DATA_HOME="+dir)
		cmd.Stdout, cmd.Stderr = &serveLog, &serveLog
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		var once sync.Once
		stop = func() {
			once.Do(func() {
				cmd.Process.Signal(syscall.SIGTERM)
				select {
				case err := <-exited:
					if err != nil {
						t.Errorf("serve exited: %v\n%s", err, serveLog.String())
					}
				case <-time.After(30 * time.Second):
					cmd.Process.Kill()
					t.Errorf("serve did not stop within 30s of SIGTERM\n%s", serveLog.String())
				}
			})
		}
		t.Cleanup(stop)
		return stop
	}

	var alerts alertLog
	recv := startHelper(t, ctx, lab, helperEnv+"=receiver", helperAddr+"="+hook)
	alerts.drain(recv)
	sock := filepath.Join(dir, "api.sock")
	startHelper(t, ctx, lab, helperEnv+"=proxy", helperAddr+"="+listen, helperSock+"="+sock)
	api := newAPIClient(t, sock)

	stopServe := startServe()
	poll(t, "serve's /healthz", 60*time.Second, func() bool { c, _ := api.do("GET", "/healthz", ""); return c == http.StatusOK })

	// The first sweeps find h1..h3: one new_unapproved each.
	poll(t, "new_unapproved for h1..h3", 60*time.Second, func() bool {
		for _, h := range hosts[:3] {
			if alerts.count(serve.AlertNewUnapproved, h.MAC.String()) == 0 {
				return false
			}
		}
		return true
	})

	t.Run("missing", func(t *testing.T) {
		link(gone, "down")
		poll(t, "a missing alert for "+gone.IP.String(), 60*time.Second, func() bool {
			return alerts.count(serve.AlertMissing, gone.MAC.String()) > 0
		})
	})

	// The receiver goes down; the new host comes up.
	recv.stop()
	link(late, "up")
	type alertView struct {
		Type      string        `json:"type"`
		Attempts  int           `json:"attempts"`
		LastError string        `json:"last_error"`
		Payload   serve.Payload `json:"payload"`
	}
	poll(t, "a failed delivery of "+late.IP.String()+"'s new_unapproved in the outbox", 60*time.Second, func() bool {
		var r struct{ Alerts []alertView }
		if !api.getJSON("/api/v1/alerts?pending=true", readSecret, &r) {
			return false
		}
		for _, a := range r.Alerts {
			if a.Type == serve.AlertNewUnapproved && a.Payload.MAC == late.MAC.String() && a.Attempts > 0 && a.LastError != "" {
				return true
			}
		}
		return false
	})
	stopServe()
	recv = startHelper(t, ctx, lab, helperEnv+"=receiver", helperAddr+"="+hook)
	alerts.drain(recv)
	startServe()
	poll(t, "serve's /healthz after the restart", 60*time.Second, func() bool { c, _ := api.do("GET", "/healthz", ""); return c == http.StatusOK })

	t.Run("new_unapproved after restart", func(t *testing.T) {
		poll(t, "new_unapproved for "+late.IP.String()+" after the restart", 60*time.Second, func() bool {
			return alerts.count(serve.AlertNewUnapproved, late.MAC.String()) > 0
		})
		// Three more sweeps and another delivery round: still once.
		sweeps := func() float64 {
			_, m := api.do("GET", "/metrics", readSecret)
			return metric(m, `netcensus_sweeps_total{outcome="ok",schedule="lab"}`)
		}
		n0 := sweeps()
		poll(t, "three more sweeps", 60*time.Second, func() bool { return sweeps() >= n0+3 })
		if n := alerts.count(serve.AlertNewUnapproved, late.MAC.String()); n != 1 {
			t.Errorf("new_unapproved for %s arrived %d times, want once", late.IP, n)
		}
		for _, h := range hosts[:3] {
			if n := alerts.count(serve.AlertNewUnapproved, h.MAC.String()); n != 1 {
				t.Errorf("new_unapproved for %s arrived %d times, want once", h.IP, n)
			}
		}
		if bad := alerts.badBodies(); len(bad) > 0 {
			t.Errorf("the receiver got bodies that are not payloads: %q", bad)
		}
	})

	t.Run("approve", func(t *testing.T) {
		var r struct {
			Assets []struct {
				AssetID  string `json:"asset_id"`
				MAC      string `json:"mac"`
				Approved *bool  `json:"approved"`
			}
		}
		if !api.getJSON("/api/v1/assets?q="+late.MAC.String(), readSecret, &r) || len(r.Assets) != 1 || r.Assets[0].MAC != late.MAC.String() {
			t.Fatalf("search for %s: %+v", late.MAC, r.Assets)
		}
		id := r.Assets[0].AssetID
		if code, body := api.do("POST", "/api/v1/assets/"+id+"/approve", readSecret); code != http.StatusForbidden {
			t.Errorf("approve with the read token: %d %s, want 403", code, body)
		}
		if code, body := api.do("POST", "/api/v1/assets/"+id+"/approve", writeSecret); code != http.StatusOK {
			t.Fatalf("approve with the write token: %d %s, want 200", code, body)
		}
		var a struct {
			Asset   struct{ Approved *bool }
			History []struct{ Type, Actor string }
		}
		if !api.getJSON("/api/v1/assets/"+id, readSecret, &a) || a.Asset.Approved == nil || !*a.Asset.Approved {
			t.Fatalf("asset %s not approved after the 200", id)
		}
		byOps := false
		for _, e := range a.History {
			byOps = byOps || e.Actor == "ops"
		}
		if !byOps {
			t.Errorf("no event of asset %s names the write token's name (ops) as actor: %+v", id, a.History)
		}
	})

	t.Run("metrics", func(t *testing.T) {
		var m string
		poll(t, "the gauges after the approval", 30*time.Second, func() bool {
			var code int
			code, m = api.do("GET", "/metrics", readSecret)
			// h2, h3 unapproved; h1 missing and unapproved; h4 approved.
			return code == http.StatusOK && metric(m, "netcensus_assets_unapproved") == 3
		})
		for series, want := range map[string]float64{
			`netcensus_assets{state="missing"}`: 1,
			`netcensus_assets{state="retired"}`: 0,
		} {
			if got := metric(m, series); got != want {
				t.Errorf("%s = %v, want %v", series, got, want)
			}
		}
		live := metric(m, `netcensus_assets{state="new"}`) + metric(m, `netcensus_assets{state="active"}`) + metric(m, `netcensus_assets{state="returned"}`)
		if live != 3 {
			t.Errorf("assets new+active+returned = %v, want 3 (h2, h3, h4)\n%s", live, m)
		}
		for _, series := range []string{`netcensus_sweeps_total{outcome="ok",schedule="lab"}`, `netcensus_alert_deliveries_total{result="ok",sink="hook"}`,
			`netcensus_sweep_hosts_found{schedule="lab"}`} {
			if got := metric(m, series); got < 1 {
				t.Errorf("%s = %v, want at least 1\n%s", series, got, m)
			}
		}
		if got := metric(m, `netcensus_api_requests_total{code="403",route="POST /api/v1/assets/{id}/approve"}`); got != 1 {
			t.Errorf("403s on approve counted %v, want 1", got)
		}
		if strings.Contains(m, readSecret) || strings.Contains(m, writeSecret) || strings.Contains(serveLog.String(), writeSecret) || strings.Contains(serveLog.String(), readSecret) {
			t.Error("a token appears in /metrics or serve's log")
		}
	})
}

// syncLog is serve's output, written by two processes' pipes in turn.
type syncLog struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncLog) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncLog) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
