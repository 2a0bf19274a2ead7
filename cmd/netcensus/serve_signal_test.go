package main

import (
	"bufio"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/netcensus/netcensus/internal/labtest"
)

// The binary itself, under real signals (main's NotifyContext and serve's
// SIGHUP handler): a bad config on SIGHUP is refused, naming the key, and
// the service keeps serving; a good one is taken; SIGTERM stops it with
// exit 0, the HTTP server drained. No schedule: no packet is sent.
func TestServeBinarySignals(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := labtest.BuildBinary(t, "./cmd/netcensus")
	dir := t.TempDir()
	cfg := filepath.Join(dir, "c.yaml")
	write := func(s string) {
		t.Helper()
		if err := os.WriteFile(cfg, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("mdns:\n  enabled: false\n")
	cmd := exec.Command(bin, "--config", cfg, "--store", "sqlite:"+filepath.Join(dir, "cmdb.db"), "serve", "--listen", "127.0.0.1:0", "--log-format", "json")
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+dir, "XDG_DATA_HOME="+dir)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := make(chan string, 256)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	var log strings.Builder
	waitLine := func(what, substr string) string {
		t.Helper()
		deadline := time.After(60 * time.Second)
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					t.Fatalf("serve ended before %s:\n%s", what, log.String())
				}
				log.WriteString(l + "\n")
				if strings.Contains(l, substr) {
					return l
				}
			case <-deadline:
				t.Fatalf("no %s within 60s:\n%s", what, log.String())
			}
		}
	}
	m := regexp.MustCompile(`"msg":"serving","addr":"([^"]+)"`).FindStringSubmatch(waitLine("listening", `"msg":"serving"`))
	if m == nil {
		t.Fatalf("no address in the serving line:\n%s", log.String())
	}
	health := func() int {
		resp, err := http.Get("http://" + m[1] + "/healthz")
		if err != nil {
			return 0
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := health(); code != 200 {
		t.Fatalf("healthz: %d", code)
	}

	write("mdns:\n  enabled: false\nschedules:\n  - {name: lab, targets: [198.51.100.0/24], every: 1h, jiter: 1s}\n")
	cmd.Process.Signal(syscall.SIGHUP)
	if l := waitLine("the bad reload refused", "reload refused"); !strings.Contains(l, "jiter") {
		t.Errorf("the refusal does not name the bad key: %s", l)
	}
	if code := health(); code != 200 {
		t.Fatalf("healthz after a refused reload: %d", code)
	}
	write("mdns:\n  enabled: false\nschedules:\n  - {name: lab, targets: [198.51.100.0/24], cron: \"0 3 * * *\"}\n")
	cmd.Process.Signal(syscall.SIGHUP)
	waitLine("the good reload", `"msg":"reloaded"`)

	cmd.Process.Signal(syscall.SIGTERM)
	waitLine("the shutdown", `"msg":"shutting down"`)
	waitLine("the stop", `"msg":"stopped"`)
	done := make(chan error, 1)
	go func() {
		for range lines {
		}
		done <- cmd.Wait()
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve after SIGTERM: %v (want exit 0)\n%s", err, log.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("serve did not exit within 30s of SIGTERM:\n%s", log.String())
	}
	if code := health(); code != 0 {
		t.Errorf("healthz answered %d after the exit", code)
	}
}
