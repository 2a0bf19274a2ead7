package web_test

import (
	"context"
	"fmt"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/capacity"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// The browser tests drive Debian's chromium (headless) with chromedp.
// Without chromium they skip in one line, except under CI=true where
// that is a failure. Screenshots of every page at 1280×800 and 390×844
// go to $NETCENSUS_UI_SHOTS when set, else to the test's artifact
// directory (kept with go test -artifacts -outputdir DIR).

// browser is one headless chromium and what its pages reported.
type browser struct {
	t    *testing.T
	ctx  context.Context
	mu   sync.Mutex
	errs []string
	// expect are substrings of errors a step provokes on purpose.
	expect []string
}

func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{os.Getenv("NETCENSUS_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("browser tests: chromium not found, and CI=true requires them (apt-get install chromium)")
	}
	t.Skip("browser tests: chromium not found (apt-get install chromium); skipped")
	return ""
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	path := chromiumPath(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.WindowSize(1280, 800),
		chromedp.UserDataDir(t.TempDir()), chromedp.Flag("disable-gpu", true), chromedp.Flag("lang", "en-US"))
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox) // chromium refuses to run as root with its sandbox
	}
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	ctx, tcancel := context.WithTimeout(ctx, 4*time.Minute)
	t.Cleanup(func() { tcancel(); cancel(); acancel() })
	b := &browser{t: t, ctx: ctx}
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	err := chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
				var parts []string
				for _, a := range e.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				b.add("console.error: " + strings.Join(parts, " "))
			}
		case *runtime.EventExceptionThrown:
			b.add("exception: " + e.ExceptionDetails.Text + " " + descr(e.ExceptionDetails.Exception))
		case *log.EventEntryAdded:
			if e.Entry.Level == log.EntryLevelError {
				b.add("log " + string(e.Entry.Source) + ": " + e.Entry.Text + " " + e.Entry.URL)
			}
		case *network.EventLoadingFailed:
			if !e.Canceled {
				b.add("request failed: " + e.ErrorText + " " + string(e.Type))
			}
		case *network.EventResponseReceived:
			if e.Response.Status >= 400 {
				b.add(fmt.Sprintf("HTTP %d %s", e.Response.Status, e.Response.URL))
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, log.Enable, struct{}{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, runtime.Enable, struct{}{}); err != nil {
		t.Fatal(err)
	}
	return b
}

func descr(o *runtime.RemoteObject) string {
	if o == nil {
		return ""
	}
	return o.Description
}

func (b *browser) add(s string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, x := range b.expect {
		if strings.Contains(s, x) {
			return
		}
	}
	b.errs = append(b.errs, s)
}

// clean fails the test on anything the pages reported since the last call.
func (b *browser) clean(step string) {
	b.t.Helper()
	b.mu.Lock()
	errs := b.errs
	b.errs = nil
	b.mu.Unlock()
	for _, e := range errs {
		b.t.Errorf("%s: %s", step, e)
	}
}

func (b *browser) run(step string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	// A step that hangs fails on its own, saying where the page was.
	ctx, cancel := context.WithTimeout(b.ctx, time.Minute)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		state, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`location.href + "\n" + (document.querySelector("main") || document.body).innerHTML.slice(0, 4000)`))
		b.t.Fatalf("%s: %v\npage: %s", step, err, state)
	}
}

// value runs one action that returns a value.
func value[T any](b *browser, step string, a chromedp.Action[T]) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, a)
	if err != nil {
		b.t.Fatalf("%s: %v", step, err)
	}
	return v
}

// shotsDir is where screenshots go.
func shotsDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("NETCENSUS_UI_SHOTS")
	if dir == "" {
		dir = t.ArtifactDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

var viewports = []struct {
	name          string
	width, height int64
	mobile        bool
}{{"desktop", 1280, 800, false}, {"phone", 390, 844, true}}

// shoot loads each page at each viewport, waits for it to settle, fails
// on any error it reports and writes a PNG of it.
func (b *browser) shoot(base, prefix string, pages [][2]string) {
	b.t.Helper()
	dir := shotsDir(b.t)
	for _, vp := range viewports {
		opts := []chromedp.EmulateViewportOption{chromedp.EmulateScale(1)}
		if vp.mobile {
			opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
		}
		b.run("viewport "+vp.name, chromedp.EmulateViewport(vp.width, vp.height, opts...))
		for _, p := range pages {
			b.run("load "+p[1], chromedp.Navigate(base+p[1]), chromedp.WaitReady(chromedp.CSS("body")), waitIdle())
			png := value(b, "screenshot "+p[1], chromedp.CaptureScreenshot())
			name := filepath.Join(dir, fmt.Sprintf("%s%s-%s.png", prefix, p[0], vp.name))
			if err := os.WriteFile(name, png, 0o644); err != nil {
				b.t.Fatal(err)
			}
			b.clean(vp.name + " " + p[1])
		}
	}
	if _, err := chromedp.Call(b.ctx, emulation.ClearDeviceMetricsOverride, struct{}{}); err != nil {
		b.t.Fatal(err)
	}
	b.run("viewport reset", chromedp.EmulateViewport(1280, 800, chromedp.EmulateScale(1)))
	b.t.Logf("screenshots in %s", dir)
}

// waitIdle waits until the page's scripts ran (charts drawn) and htmx
// has no request in flight.
func waitIdle() chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](`document.readyState === "complete" && !document.querySelector(".htmx-request") &&
		[...document.querySelectorAll("[data-chart]")].every(e => e.dataset.drawn === "true")`,
		chromedp.WithPollingTimeout(20*time.Second), chromedp.WithPollingInterval(50*time.Millisecond))
}

func (b *browser) signin(base, token string) {
	b.t.Helper()
	b.run("sign in", chromedp.Navigate(base+"/signin"), chromedp.WaitVisible(chromedp.ID("token")),
		chromedp.SendKeys(chromedp.ID("token"), token), chromedp.Submit(chromedp.ID("token")), chromedp.WaitVisible(chromedp.ID("filters")))
	b.clean("sign in")
}

func (b *browser) signout(base string) {
	b.t.Helper()
	b.run("sign out", chromedp.Navigate(base+"/inventory"), chromedp.WaitVisible(chromedp.ID("filters")),
		chromedp.Click(chromedp.CSS(".who button")), chromedp.WaitVisible(chromedp.ID("token")))
	b.clean("sign out")
}

// text is the page's visible text.
func (b *browser) text() string {
	return value(b, "read text", chromedp.Text(chromedp.CSS("main")))
}

func TestBrowserKnownStore(t *testing.T) {
	b := newBrowser(t)
	f := newFixture(t)
	base := f.svc.URL
	sw, unk := f.ids["192.0.2.1"], f.ids["192.0.2.77"]

	// Signed out, the sign-in page is the only page.
	b.shoot(base, "", [][2]string{{"signin", "/signin"}})

	b.signin(base, "ui-write-token-0123456789abcdef")
	b.run("trigger", chromedp.Navigate(base+"/sweeps"), chromedp.SetValue(chromedp.CSS(`select[name=schedule]`), "lab"),
		chromedp.Click(chromedp.CSS(`form.trigger button`)), chromedp.WaitVisible(chromedp.ID("run")),
		chromedp.Poll[chromedp.Void](`document.querySelector("#run").dataset.state !== "running"`, chromedp.WithPollingTimeout(20*time.Second)))
	run := value(b, "location", chromedp.Location())
	b.clean("trigger a sweep")
	if !strings.Contains(run, "/runs/") {
		t.Fatalf("trigger ended at %s", run)
	}
	pages := [][2]string{{"inventory", "/inventory"}, {"inventory-search", "/inventory?q=192.0.2.1&cols=ip&cols=mac&cols=hostname&cols=serial&cols=site&cols=approved&cols=first_seen"},
		{"unknown", "/unknown"}, {"asset-switch", "/assets/" + sw}, {"asset-server", "/assets/" + f.ids["192.0.2.20"]},
		{"sweeps", "/sweeps"}, {"run", strings.TrimPrefix(run, base)}, {"drift", "/drift"}, {"capacity", "/capacity"}}
	b.shoot(base, "", pages)

	// The device strings are text, never markup: no alert, no injected node.
	b.run("escaping", chromedp.Navigate(base+"/assets/"+sw), chromedp.WaitReady(chromedp.CSS("body")))
	if value(b, "injected", chromedp.Evaluate[bool](`document.querySelectorAll("main script, main img, main b").length > 0`)) {
		t.Error("a device string became markup on the asset page")
	}
	if txt := b.text(); !strings.Contains(txt, `<script>alert("sysName")</script>sw-core'1"`) || !strings.Contains(txt, `"Bob" <bob@example.net>`) {
		t.Error("the hostile sysName or sysContact is not shown as text")
	}

	// The capacity chart is drawn: a canvas holding the series' points.
	type drawnChart struct {
		Points int  `json:"points"`
		Want   int  `json:"want"`
		Inked  bool `json:"inked"`
	}
	b.run("chart", chromedp.Navigate(base+"/assets/"+sw), waitIdle())
	drawn := value(b, "chart", chromedp.Evaluate[drawnChart](`(() => {
		const el = document.querySelector("[data-chart]");
		const c = el.querySelector("canvas");
		const px = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
		let inked = false;
		for (let i = 3; i < px.length; i += 4) { if (px[i] !== 0) { inked = true; break; } }
		return {points: Number(el.dataset.points), want: JSON.parse(el.dataset.chart).t.length, inked};
	})()`))
	if drawn.Want < 6 || drawn.Points != drawn.Want || !drawn.Inked {
		t.Errorf("capacity chart: %+v, want the 6 daily points drawn", drawn)
	}
	b.clean("chart")

	// Search for a MAC as a person types it, and open its asset.
	b.run("search a MAC", chromedp.Navigate(base+"/inventory"), chromedp.WaitVisible(chromedp.ID("q")),
		chromedp.SendKeys(chromedp.ID("q"), "3C:22:FB:77"),
		// The answer to the whole MAC is in (a partial one can already be
		// a single row, and a later swap would detach the link clicked).
		chromedp.Poll[chromedp.Void](`new URLSearchParams(location.search).get("q") === "3C:22:FB:77" && !document.getElementById("q").classList.contains("htmx-request") &&
			document.querySelectorAll("#results tbody tr").length === 1 && document.querySelector("#results tbody").textContent.includes("192.0.2.77")`,
			chromedp.WithPollingTimeout(20*time.Second)),
		// The answer replaces the results, never nests in them.
		chromedp.Poll[chromedp.Void](`document.querySelectorAll("#results").length === 1`, chromedp.WithPollingTimeout(time.Second)))
	if n := value(b, "search box change", chromedp.Evaluate[int](`(() => {
		let n = 0; const f = () => n++;
		document.body.addEventListener("htmx:beforeRequest", f);
		document.getElementById("q").dispatchEvent(new Event("change", {bubbles: true}));
		document.body.removeEventListener("htmx:beforeRequest", f);
		return n;
	})()`)); n != 0 {
		// Leaving the box (clicking a result) must not ask again: the new
		// answer would replace the result under the click.
		t.Errorf("the search box's change event sent %d more request(s)", n)
	}
	b.run("open the result", chromedp.Click(chromedp.CSS(`#results tbody a`), chromedp.NodeVisible),
		// The inventory has an h1 too: wait for the asset page's own table.
		chromedp.WaitVisible(chromedp.CSS("table.ident")))
	loc := value(b, "location", chromedp.Location())
	if !strings.HasSuffix(loc, "/assets/"+unk) || !strings.Contains(b.text(), "3c:22:fb:77:00:77") {
		t.Errorf("searching the MAC led to %s", loc)
	}
	b.clean("search a MAC")

	// Approve the unknown device: it leaves the list.
	b.run("approve", chromedp.Navigate(base+"/unknown"), chromedp.WaitVisible(chromedp.CSS(`tr[data-id="`+unk+`"]`)),
		chromedp.Click(chromedp.CSS(`button[name=approve_one][value="`+unk+`"]`)),
		chromedp.Poll[chromedp.Void](`!document.querySelector('tr[data-id="`+unk+`"]') && document.querySelector(".flash") !== null`, chromedp.WithPollingTimeout(20*time.Second)))
	b.clean("approve")
	if a, _ := f.st.Asset(context.Background(), unk); a.Record.Approved == nil || !*a.Record.Approved {
		t.Error("the device left the list but is not approved")
	}

	// Live: a sweep finds a new device while the list is open, and it
	// appears without a reload (server-sent event, then htmx).
	b.run("live list", chromedp.Navigate(base+"/unknown"), chromedp.WaitVisible(chromedp.ID("unknown-list")),
		chromedp.Poll[chromedp.Void](`!document.querySelector(".live").hidden`, chromedp.WithPollingTimeout(10*time.Second)))
	mac, _ := record.ParseMAC("3c:22:fb:88:00:88")
	now := time.Now().UTC()
	if _, err := f.inv.Ingest(context.Background(), inventory.Sweep{Start: now, End: now, Segments: []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")}, Partial: true,
		Observations: []record.Observation{{Time: now, Source: record.SourceARP, Asset: record.Asset{IP: netip.MustParseAddr("192.0.2.88"), MAC: mac,
			Sources: []record.Source{record.SourceARP}}}}}); err != nil {
		t.Fatal(err)
	}
	b.run("live row", chromedp.Poll[chromedp.Void](`document.querySelector("#unknown-list tbody").textContent.includes("192.0.2.88")`,
		chromedp.WithPollingTimeout(20*time.Second)))
	b.clean("live list")
	b.signout(base)

	// A read-only session: no change buttons, and a direct POST is refused.
	b.signin(base, "ui-read-token-0123456789abcdef")
	other := f.ids["192.0.2.100"]
	b.run("read-only list", chromedp.Navigate(base+"/unknown"), chromedp.WaitVisible(chromedp.CSS(`tr[data-id="`+other+`"]`)))
	if n := value(b, "controls", chromedp.Evaluate[int](`document.querySelectorAll("main button, main input[type=checkbox]").length`)); n != 0 {
		t.Errorf("a read-only session sees %d change controls", n)
	}
	b.clean("read-only list")
	b.mu.Lock()
	b.expect = []string{"HTTP 403", "status of 403"}
	b.mu.Unlock()
	status := value(b, "read-only POST", chromedp.Evaluate[int](`(async () => {
		const fd = new URLSearchParams({csrf: document.body.dataset.csrf, approve_one: "`+other+`"});
		const r = await fetch("/unknown", {method: "POST", body: fd});
		return r.status;
	})()`, chromedp.EvalAwaitPromise))
	b.clean("read-only POST")
	b.mu.Lock()
	b.expect = nil
	b.mu.Unlock()
	if status != 403 {
		t.Errorf("a read-only POST got %d, want 403", status)
	}
	if a, _ := f.st.Asset(context.Background(), other); a.Record.Approved != nil && *a.Record.Approved {
		t.Error("a read-only session approved a device")
	}
}

// TestBrowserChartOfOneSample: the chart of a series with one sample
// (an asset's first sweep: too few for a trend) spans a day around it.
// Before, uPlot's own range for a single time ran from 2026 into 2029,
// the point a dot at the left edge (seen on a lab asset's page).
func TestBrowserChartOfOneSample(t *testing.T) {
	b := newBrowser(t)
	f := newFixture(t)
	base := f.svc.URL
	unk := f.ids["192.0.2.77"]
	at := time.Now().UTC().Truncate(time.Second)
	if err := f.st.AppendSamples(context.Background(), []store.Sample{
		{AssetID: unk, SweepID: "one", Time: at, Metric: capacity.RawStorageUsed, Instance: "/", Value: 40},
		{AssetID: unk, SweepID: "one", Time: at, Metric: capacity.RawStorageSize, Instance: "/", Value: 100},
	}); err != nil {
		t.Fatal(err)
	}
	b.signin(base, "ui-write-token-0123456789abcdef")
	b.run("chart", chromedp.Navigate(base+"/assets/"+unk), waitIdle())
	type drawnChart struct {
		Points int     `json:"points"`
		Span   float64 `json:"span"`
	}
	got := value(b, "chart", chromedp.Evaluate[drawnChart](`(() => {
		const el = document.querySelector("[data-chart]");
		return el ? {points: Number(el.dataset.points), span: Number(el.dataset.xspan)} : {points: 0, span: 0};
	})()`))
	if got.Points != 1 || got.Span <= 0 || got.Span > 2*86400 {
		t.Errorf("chart of one sample: %+v, want 1 point over at most 2 days (%d s)", got, 2*86400)
	}
	b.clean("chart")
}
