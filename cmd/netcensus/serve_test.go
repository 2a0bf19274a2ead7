package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/netcensus/netcensus/internal/assemble"
	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/store/sqlite"
	"github.com/netcensus/netcensus/scanner/arp/arptest"
)

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

const serveToken = "0123456789abcdef-read"

func TestServeCheck(t *testing.T) {
	dir := t.TempDir()
	tokFile := filepath.Join(dir, "write.token")
	os.WriteFile(tokFile, []byte("file-token-0123456789abcdef\n"), 0o600)
	good := `schedules:
  - name: core
    targets: [198.51.100.0/24]
    every: 1h
    jitter: 5m
  - name: nightly
    targets: [192.0.2.0/24]
    cron: "0 2 * * *"
    options: {snmp: false, rate: 500, ndp: false}
serve:
  listen: 0.0.0.0:8470
  tokens:
    - {name: grafana, token: ` + serveToken + `, scope: read}
    - {name: ops, token_file: ` + tokFile + `, scope: write}
  alerts:
    - {name: hook, type: webhook, url: "https://hooks.example.net/x", types: [missing], subnets: [192.0.2.0/24]}
`
	tests := []struct {
		name, cfg string
		code      int
		want      string
	}{
		{"good", good, exitOK, "config ok: 2 schedules, 2 tokens, 1 alert sinks"},
		{"unknown key", "schedules:\n  - name: a\n    targets: [192.0.2.0/24]\n    evry: 1h\n", exitUsage, "evry"},
		{"bad cron", "schedules:\n  - name: a\n    targets: [192.0.2.0/24]\n    cron: \"99 * * * *\"\n", exitUsage, "schedules[0] (a).cron"},
		{"every and cron", "schedules:\n  - name: a\n    targets: [192.0.2.0/24]\n    every: 1h\n    cron: \"@daily\"\n", exitUsage, "every and cron both"},
		{"jitter too long", "schedules:\n  - name: a\n    targets: [192.0.2.0/24]\n    every: 1m\n    jitter: 2m\n", exitUsage, "schedules[0] (a).jitter"},
		{"duplicate name", "schedules:\n  - {name: a, targets: [192.0.2.0/24], every: 1h}\n  - {name: a, targets: [192.0.2.0/24], every: 1h}\n", exitUsage, "used twice"},
		{"bad target", "schedules:\n  - {name: a, targets: [192.0.2.0/33], every: 1h}\n", exitUsage, "schedules[0] (a).targets"},
		{"public target", "schedules:\n  - {name: a, targets: [8.8.8.0/24], every: 1h}\n", exitUsage, "schedules[0] (a).targets"},
		{"no tokens beyond loopback", "serve:\n  listen: 0.0.0.0:8470\n", exitUsage, "needs serve.tokens"},
		{"bad scope", "serve:\n  tokens: [{name: a, token: " + serveToken + ", scope: admin}]\n", exitUsage, "scope"},
		{"missing token file", "serve:\n  tokens: [{name: a, token_file: /nonexistent/tok, scope: read}]\n", exitUsage, "serve.tokens[0] (a)"},
		{"negative schedule rate", "schedules:\n  - {name: a, targets: [192.0.2.0/24], every: 1h, options: {rate: -5}}\n", exitUsage, "schedules[0] (a).options.rate -5"},
		{"ndp and snmp off with IPv6 targets", "schedules:\n  - {name: a, targets: [192.0.2.0/24, \"2001:db8:100::/120\"], every: 1h, options: {ndp: false, snmp: false}}\n", exitUsage, "schedules[0] (a).options.ndp false: target \"2001:db8:100::/120\" is IPv6"},
		{"ndp not a boolean", "schedules:\n  - {name: a, targets: [192.0.2.0/24], every: 1h, options: {ndp: sometimes}}\n", exitUsage, "ndp"},
		{"unknown credential set", "schedules:\n  - {name: a, targets: [192.0.2.0/24], every: 1h, options: {credentials: [nope]}}\n", exitUsage, "options.credentials"},
		{"bad sink type", "serve:\n  alerts: [{name: a, type: email}]\n", exitUsage, "serve.alerts[0] (a).type"},
		{"bad alert type", "serve:\n  alerts: [{name: a, type: exec, command: [true], types: [everything]}]\n", exitUsage, "types"},
		{"half TLS", "serve:\n  tls_cert: /x.pem\n", exitUsage, "tls_cert and serve.tls_key"},
	}
	t.Run("schedule rate reaches serve", func(t *testing.T) {
		a, _, _ := testApp(t, nil, nil)
		cfg, err := config.Decode(strings.NewReader(good))
		if err != nil {
			t.Fatal(err)
		}
		o, err := assemble.ServeOptions(cfg, a.getenv)
		if err != nil || len(o.Schedules) != 2 || o.Schedules[0].Rate != 0 || o.Schedules[1].Rate != 500 {
			t.Fatalf("serve options: %v, schedules %+v", err, o.Schedules)
		}
	})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, out, errb := testApp(t, nil, nil)
			cfg := filepath.Join(t.TempDir(), "c.yaml")
			os.WriteFile(cfg, []byte(tc.cfg), 0o644)
			code := run(context.Background(), a, []string{"--config", cfg, "serve", "--check"})
			if code != tc.code || !strings.Contains(out.String()+errb.String(), tc.want) {
				t.Fatalf("exit %d, stdout %q stderr %q: want %d with %q", code, out, errb, tc.code, tc.want)
			}
			if strings.Contains(out.String()+errb.String(), serveToken) || strings.Contains(out.String()+errb.String(), "file-token") {
				t.Error("a token was printed")
			}
		})
	}
}

// serve runs a schedule through the same scanner → inventory path as a
// CLI sweep (a fake segment here), reloads on SIGHUP (refusing a bad
// config with the key named) and stops cleanly when cancelled.
func TestServeRunsSchedulesAndReloads(t *testing.T) {
	seg := arptest.NewSegment()
	seg.AddHost("198.51.100.11", "00:1b:54:00:00:11")
	a, _, _ := testApp(t, seg, nil)
	logs := &lockedBuffer{}
	a.stderr = logs
	dir := t.TempDir()
	cfg := filepath.Join(dir, "c.yaml")
	write := func(s string) {
		t.Helper()
		if err := os.WriteFile(cfg, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	base := "sweep:\n  arp_wait: 20ms\n  rate: 100000\nmdns:\n  enabled: false\n"
	write(base + "schedules:\n  - {name: lab, targets: [198.51.100.0/24], every: 1s, options: {snmp: false}}\n")
	dbPath := filepath.Join(dir, "cmdb.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, a, []string{"--config", cfg, "--store", "sqlite:" + dbPath, "serve", "--listen", "127.0.0.1:0", "--log-format", "json"})
	}()
	waitFor := func(what string, cond func() bool) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for !cond() {
			select {
			case code := <-done:
				t.Fatalf("serve exited %d while waiting for %s:\n%s", code, what, logs)
			case <-tick.C:
			}
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %s:\n%s", what, logs)
			}
		}
	}
	waitFor("a scheduled sweep stored", func() bool { return strings.Contains(logs.String(), `"msg":"sweep finished"`) })
	db, err := sqlite.Open(t.Context(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	as, err := db.Assets(t.Context(), store.AssetFilter{})
	if err != nil || len(as) != 1 || as[0].Record.IP.String() != "198.51.100.11" {
		t.Fatalf("assets after a scheduled sweep: %+v %v", as, err)
	}

	write(base + "schedules:\n  - {name: lab, targets: [198.51.100.0/24], every: 1s, jiter: 1s}\n")
	syscall.Kill(os.Getpid(), syscall.SIGHUP)
	waitFor("the bad reload refused", func() bool { return strings.Contains(logs.String(), "reload refused") })
	if l := logs.String(); !strings.Contains(l, "jiter") {
		t.Errorf("the refusal does not name the bad key:\n%s", l)
	}
	write(base + "schedules:\n  - {name: lab2, targets: [198.51.100.0/24], every: 1h}\n")
	syscall.Kill(os.Getpid(), syscall.SIGHUP)
	waitFor("the good reload", func() bool { return strings.Contains(logs.String(), `"msg":"reloaded"`) })
	cancel()
	select {
	case code := <-done:
		if code != exitOK {
			t.Errorf("serve exited %d after cancel:\n%s", code, logs)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop within 20s of cancel")
	}
	ss, err := db.Schedules(t.Context())
	if err != nil || len(ss) < 2 {
		t.Fatalf("stored schedules %+v %v: want lab's and the alert cursor", ss, err)
	}
}

// serve --log-format other than text or json is a bad flag, refused before
// anything starts, naming the flag.
func TestServeLogFormat(t *testing.T) {
	a, _, errb := testApp(t, nil, nil)
	code := run(context.Background(), a, []string{"--store", "sqlite:" + filepath.Join(t.TempDir(), "cmdb.db"), "serve", "--log-format", "xml"})
	if code != exitUsage || !strings.Contains(errb.String(), `--log-format "xml": want text or json`) {
		t.Errorf("exit %d, stderr %q; want %d naming --log-format", code, errb, exitUsage)
	}
}
