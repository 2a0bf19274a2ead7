package main

import (
	"context"
	"io"
	"log"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gosnmp/gosnmp"
)

type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestRunServesAndStops(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "lab"), 0o755); err != nil {
		t.Fatal(err)
	}
	walk := "1.3.6.1.2.1.1.1.0|4|simulated router\n1.3.6.1.2.1.1.5.0|4|r1\n"
	if err := os.WriteFile(filepath.Join(dir, "lab", "router.snmprec"), []byte(walk), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr syncBuffer
	ready := make(chan []net.Addr, 1)
	done := make(chan error, 1)
	args := []string{
		"--data-dir", dir,
		"--listen", "127.0.0.1:0", "--listen", "127.0.0.1:0",
		"--v3-user", "ops:SHA-256:secret-auth-1:AES:secret-priv-1",
	}
	go func() { done <- run(ctx, args, &stderr, func(a []net.Addr) { ready <- a }) }()
	var addrs []net.Addr
	select {
	case addrs = <-ready:
	case err := <-done:
		t.Fatalf("run: %v\n%s", err, stderr.String())
	case <-time.After(10 * time.Second):
		t.Fatal("not ready")
	}
	if len(addrs) != 2 {
		t.Fatalf("bound %v", addrs)
	}
	for _, a := range addrs {
		if !strings.Contains(stderr.String(), "listening on udp "+a.String()) {
			t.Errorf("stderr does not name %s:\n%s", a, stderr.String())
		}
		ua := a.(*net.UDPAddr)
		for _, g := range []*gosnmp.GoSNMP{
			{Version: gosnmp.Version2c, Community: "lab/router"},
			{Version: gosnmp.Version3, SecurityModel: gosnmp.UserSecurityModel, MsgFlags: gosnmp.AuthPriv, ContextName: "lab/router",
				SecurityParameters: &gosnmp.UsmSecurityParameters{UserName: "ops", AuthenticationProtocol: gosnmp.SHA256,
					AuthenticationPassphrase: "secret-auth-1", PrivacyProtocol: gosnmp.AES, PrivacyPassphrase: "secret-priv-1"}},
		} {
			g.Target, g.Port, g.Timeout, g.Retries = ua.IP.String(), uint16(ua.Port), 3*time.Second, 1
			g.Logger = gosnmp.NewLogger(log.New(io.Discard, "", 0))
			if err := g.Connect(); err != nil {
				t.Fatal(err)
			}
			res, err := g.Get([]string{".1.3.6.1.2.1.1.1.0"})
			g.Conn.Close()
			if err != nil {
				t.Fatalf("%v on %s: %v", g.Version, a, err)
			}
			if got := string(res.Variables[0].Value.([]byte)); got != "simulated router" {
				t.Errorf("sysDescr %q", got)
			}
		}
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("run after cancel: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("run did not return within 5s of cancel")
	}
	out := stderr.String()
	if strings.Contains(out, "secret-auth-1") || strings.Contains(out, "secret-priv-1") {
		t.Errorf("stderr leaks a passphrase:\n%s", out)
	}
	// 2 addresses × (v2c GET + v3 discovery + v3 GET).
	if !strings.Contains(out, "stopped: 6 received, 6 answered, 0 malformed") {
		t.Errorf("final stats line missing or wrong:\n%s", out)
	}
}

func TestRunRejectsBadFlags(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.snmprec"), []byte("1.3.6.1.2.1.1.5.0|4|a\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{},
		{"--data-dir", dir, "extra"},
		{"--data-dir", dir, "--v3-user", "ops:SHA:short"},
		{"--data-dir", dir, "--v3-user", "ops:ROT13:long-enough-pass"},
		{"--data-dir", dir, "--engine-id", "zz"},
		{"--data-dir", dir, "--bulk-fault", "sometimes"},
		{"--data-dir", dir, "--listen", "256.0.0.1:1"},
		{"--data-dir", filepath.Join(dir, "missing")},
		{"--no-such-flag"},
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err := run(ctx, args, io.Discard, nil)
		cancel()
		if err == nil {
			t.Errorf("run(%q) succeeded", args)
		}
	}
}
