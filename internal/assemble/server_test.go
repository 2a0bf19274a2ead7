package assemble

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/scanner/arp/arptest"
	"github.com/netcensus/netcensus/scanner/targets"
	"github.com/netcensus/netcensus/serve"
)

// NewServer builds the API with the web UI beside it; options serve
// refuses are a settings error, a store without service state an error.
// Reload swaps a good config file in and refuses a bad one, naming the
// key, keeping the running config.
func TestNewServerAndReload(t *testing.T) {
	inv := testInventory(t)
	cfg := config.Default()
	live := NewLive(cfg)
	d := sweepDeps(t, inv, arptest.NewSegment())
	d.Config = live.Get
	// serve --listen 127.0.0.1:0, laid over serve.listen as serve does.
	listen := "127.0.0.1:0"
	options := func(c config.Config) (serve.Options, error) {
		if err := c.Overlay(config.Option(&c.Serve.Listen, &listen)); err != nil {
			return serve.Options{}, err
		}
		return ServeOptions(c, d.Getenv)
	}
	opts, err := options(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := NewServer(opts, d)
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/inventory", nil))
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "<html") {
		t.Errorf("GET /inventory: %d, want the web UI's page\n%.300s", rec.Code, rec.Body.String())
	}

	bad := opts
	bad.Listen = "192.0.2.1:8080" // beyond loopback, no tokens
	var se *SettingsError
	if _, err := NewServer(bad, d); !errors.As(err, &se) {
		t.Errorf("options serve refuses: %v, want a settings error", err)
	}
	noState := d
	n := 0
	noState.Inventory, err = Inventory(wrapped{inv.Store(), &n}, cfg.Inventory, d.Hostname)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewServer(opts, noState); err == nil || errors.As(err, &se) {
		t.Errorf("a store without service state: %v, want an error that is not a setting's", err)
	}

	file := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(file, []byte("sweep:\n  ratee: 7\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if path, err := live.Reload(srv, file, d.Getenv, options); err == nil || !strings.Contains(err.Error(), "ratee") || path != file {
		t.Errorf("a bad config: %q, %v; want refused naming ratee", path, err)
	}
	if live.Get().Sweep.Rate != cfg.Sweep.Rate {
		t.Errorf("a refused reload changed the rate to %d", live.Get().Sweep.Rate)
	}
	if err := os.WriteFile(file, []byte("sweep:\n  rate: 7\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if path, err := live.Reload(srv, file, d.Getenv, options); err != nil || path != file {
		t.Fatalf("a good config: %q, %v", path, err)
	}
	if live.Get().Sweep.Rate != 7 {
		t.Errorf("rate %d after the reload, want 7", live.Get().Sweep.Rate)
	}

	// Watch reloads at each signal, logs a refusal, and ends with ctx.
	logged := syncBuffer{lines: make(chan struct{}, 16)}
	ctx, cancel := context.WithCancel(t.Context())
	hup := make(chan os.Signal)
	ended := make(chan struct{})
	go func() {
		live.Watch(ctx, hup, srv, file, d.Getenv, options, slog.New(slog.NewTextHandler(&logged, nil)))
		close(ended)
	}()
	if err := os.WriteFile(file, []byte("sweep:\n  ratee: 9\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	hup <- syscall.SIGHUP
	<-logged.lines // the reload's line
	if err := os.WriteFile(file, []byte("sweep:\n  rate: 9\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	hup <- syscall.SIGHUP
	<-logged.lines
	cancel()
	select {
	case <-ended:
	case <-time.After(10 * time.Second):
		t.Fatal("Watch did not end within 10s of its context")
	}
	if live.Get().Sweep.Rate != 9 || !strings.Contains(logged.String(), "reload refused") || !strings.Contains(logged.String(), "ratee") ||
		!strings.Contains(logged.String(), "msg=reloaded") {
		t.Errorf("rate %d after a bad then a good reload, want 9; logged:\n%s", live.Get().Sweep.Rate, logged.String())
	}
}

// syncBuffer is a bytes.Buffer safe for a logger in another goroutine;
// lines has a value for each line written.
type syncBuffer struct {
	mu    sync.Mutex
	b     bytes.Buffer
	lines chan struct{}
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lines <- struct{}{}
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestCheckTargets: the API's targets are refused as a sweep under the
// config of the time refuses them: public space unless
// sweep.allow_public, past sweep.max_hosts, what does not parse.
func TestCheckTargets(t *testing.T) {
	cfg := config.Default()
	check := CheckTargets(func() config.Config { return cfg })
	for _, tc := range []struct {
		targets, exclude []string
		want             error // nil: accepted
	}{
		{[]string{"198.51.100.0/24"}, nil, nil},
		{[]string{"8.8.8.8"}, nil, targets.ErrPublic},
		{[]string{"198.18.0.0/15"}, nil, targets.ErrTooLarge},
		{[]string{"198.18.0.0/15"}, []string{"198.19.0.0/16"}, nil},
		{[]string{"198.51.100.7"}, []string{"198.51.100.7"}, targets.ErrEmpty},
	} {
		if err := check(tc.targets, tc.exclude); !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
			t.Errorf("%v less %v: %v, want %v", tc.targets, tc.exclude, err, tc.want)
		}
	}
	cfg.Sweep.AllowPublic = true // a reload's config is the one checked
	if err := check([]string{"8.8.8.8"}, nil); err != nil {
		t.Errorf("allow_public: %v", err)
	}
}
