package web_test

import (
	"bufio"
	"context"
	"net/http"
	"net/netip"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/serve"
	"github.com/netcensus/netcensus/serve/web/webtest"
)

// sseEvent is one server-sent event.
type sseEvent struct{ name, data string }

// readEvents hands each event of an SSE body to fn until fn says stop or
// the stream ends.
func readEvents(t *testing.T, sc *bufio.Scanner, fn func(sseEvent) bool) {
	t.Helper()
	var ev sseEvent
	var data []string
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			ev.data = strings.Join(data, "\n")
			if !fn(ev) {
				return
			}
			ev, data = sseEvent{}, nil
		case strings.HasPrefix(line, "event: "):
			ev.name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			data = append(data, strings.TrimPrefix(line, "data: "))
		}
	}
}

var liveRe = regexp.MustCompile(`data-live="(/runs/[^"]+/events)"`)

// TestSweepProgressLive: a triggered sweep's page subscribes to its
// progress, and the stream pushes each change (probed 0, then 40 of
// 100) and the end, then closes; the Sweeps page's runs too. (The page
// once polled the whole fragment every second.)
func TestSweepProgressLive(t *testing.T) {
	ctx := context.Background()
	db, inv, err := webtest.Open(ctx, filepath.Join(t.TempDir(), "netcensus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var sent atomic.Int64
	release := make(chan struct{})
	sweep := func(ctx context.Context, req serve.SweepRequest) (serve.SweepResult, error) {
		req.Progress.Total.Store(100)
		req.Progress.Bind(sent.Load, func() int64 { return 0 })
		select {
		case <-release:
		case <-ctx.Done():
			return serve.SweepResult{}, ctx.Err()
		}
		res, err := inv.Ingest(ctx, inventory.Sweep{Segments: []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")}, Partial: true})
		if err != nil {
			return serve.SweepResult{}, err
		}
		return serve.SweepResult{SweepID: res.Sweep.ID, Partial: true}, nil
	}
	svc, err := webtest.Start(ctx, inv, db, sweep, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Stop()
	defer func() {
		select {
		case <-release:
		default:
			close(release)
		}
	}()
	f := &fixture{t: t, st: db, inv: inv, svc: svc}
	c := f.client()
	c.signin(webtest.WriteToken)
	tok := c.csrf("/sweeps")
	resp, body := c.do("POST", "/sweeps", url.Values{"csrf": {tok}, "schedule": {"lab"}}, nil)
	m := liveRe.FindStringSubmatch(body)
	if resp.StatusCode != 200 || m == nil || strings.Contains(body, `hx-trigger="every`) {
		t.Fatalf("the run page (%d) does not subscribe to its progress:\n%s", resp.StatusCode, body)
	}
	if _, sweeps := c.get("/sweeps"); !strings.Contains(sweeps, `data-live="/sweeps/events"`) {
		t.Error("the Sweeps page does not subscribe while a sweep runs")
	}
	sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(sctx, "GET", svc.URL+m[1], nil)
	es, err := c.c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer es.Body.Close()
	if ct := es.Header.Get("Content-Type"); es.StatusCode != 200 || ct != "text/event-stream" {
		t.Fatalf("events: %d %s", es.StatusCode, ct)
	}
	var got []string
	step := 0
	readEvents(t, bufio.NewScanner(es.Body), func(ev sseEvent) bool {
		got = append(got, ev.name)
		switch {
		case step == 0 && ev.name == "update" && strings.Contains(ev.data, "0 of 100"):
			step = 1
			sent.Store(40)
		case step == 1 && ev.name == "update" && strings.Contains(ev.data, "40 of 100") && strings.Contains(ev.data, `value="40"`):
			step = 2
			close(release)
		case step == 2 && ev.name == "done" && strings.Contains(ev.data, `data-state="partial"`) && !strings.Contains(ev.data, "data-live"):
			step = 3
		}
		return true // to the end of the stream: it must close after done
	})
	if step != 3 {
		t.Errorf("events %v reached step %d of 3 (0 probed, 40 probed, done)", got, step)
	}
	if sctx.Err() != nil {
		t.Error("the stream did not end after the run did")
	}
}

// TestCapacityLazy: the capacity overview's page comes at once, without
// reading every series (it read them all before the first byte, seconds
// on a large store); htmx fetches the tables, and without JavaScript a
// link shows them.
func TestCapacityLazy(t *testing.T) {
	f := newFixture(t)
	c := f.client()
	c.signin(webtest.ReadToken)
	code, page := c.get("/capacity")
	if code != 200 || strings.Contains(page, "series over the last 90 days") || !strings.Contains(page, `hx-get="/capacity" hx-trigger="load"`) ||
		!strings.Contains(page, `href="/capacity?load=1"`) {
		t.Fatalf("the capacity page (%d) is not lazy:\n%s", code, page)
	}
	resp, frag := c.do("GET", "/capacity", nil, map[string]string{"HX-Request": "true", "HX-Target": "capacity-table"})
	if resp.StatusCode != 200 || strings.Contains(frag, "<html") || !strings.Contains(frag, `<section id="capacity-table">`) ||
		!strings.Contains(frag, "series over the last 90 days") || !strings.Contains(frag, "/assets/"+f.ids[webtest.ServerIP]) {
		t.Errorf("the tables' fragment: %d\n%s", resp.StatusCode, frag)
	}
	if _, full := c.get("/capacity?load=1"); !strings.Contains(full, "<html") || !strings.Contains(full, "/assets/"+f.ids[webtest.ServerIP]) {
		t.Error("the page without JavaScript lacks the tables")
	}
}
