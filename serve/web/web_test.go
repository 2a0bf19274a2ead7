package web_test

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/store/sqlite"
	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/serve/web/webtest"
)

// fixture is serve with the UI over a store of the known assets.
type fixture struct {
	t   *testing.T
	st  *sqlite.DB
	inv *inventory.Inventory
	svc *webtest.Service
	ids map[string]string // ip → asset ID
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f, stop, err := openFixture(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := stop(); err != nil {
			t.Error(err)
		}
	})
	f.t = t
	return f
}

// openFixture opens a store of the known assets in dir and serves it;
// stop shuts it down.
func openFixture(dir string) (f *fixture, stop func() error, err error) {
	ctx := context.Background()
	db, inv, err := webtest.Open(ctx, filepath.Join(dir, "netcensus.db"))
	if err != nil {
		return nil, nil, err
	}
	if err := webtest.Fill(ctx, inv, time.Now()); err != nil {
		db.Close()
		return nil, nil, err
	}
	svc, err := webtest.Start(ctx, inv, db, nil, nil)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	stop = func() error {
		err := svc.Stop()
		db.Close()
		return err
	}
	f = &fixture{st: db, inv: inv, svc: svc, ids: map[string]string{}}
	as, err := db.Assets(ctx, store.AssetFilter{})
	if err != nil {
		stop()
		return nil, nil, err
	}
	for _, a := range as {
		f.ids[a.Record.IP.String()] = a.Record.AssetID
	}
	return f, stop, nil
}

// bulkAssets is how many synthetic assets the bulk fixture holds beside
// the known ones: past the 10,000 the Unknown list once read and the
// 5,000 the inventory once sorted.
const bulkAssets = 10_500

// bulk is one fixture over the known assets and bulkAssets synthetic
// ones (webtest.Bulk, first seen up to a minute ago), shared by the tests
// that only read many assets: writing them takes minutes under -race.
// The first test that needs it builds it; TestMain stops it. Its tests
// run in parallel (t.Parallel) with TestLabBrowser, whose sweeps mostly
// wait on the lab while the fixture is written.
var bulk struct {
	once sync.Once
	dir  string
	f    *fixture
	stop func() error
	err  error
}

// bulkFixture returns the bulk fixture for t. Its tests only read it.
func bulkFixture(t *testing.T) *fixture {
	t.Helper()
	bulk.once.Do(func() {
		if bulk.dir, bulk.err = os.MkdirTemp("", "netcensus-web-bulk-"); bulk.err != nil {
			return
		}
		if bulk.f, bulk.stop, bulk.err = openFixture(bulk.dir); bulk.err != nil {
			return
		}
		bulk.err = webtest.Bulk(context.Background(), bulk.f.st, bulkAssets, time.Now().Add(-time.Minute))
	})
	if bulk.err != nil {
		t.Fatalf("bulk fixture: %v", bulk.err)
	}
	f := *bulk.f
	f.t = t
	return &f
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bulk.stop != nil {
		if err := bulk.stop(); err != nil {
			fmt.Fprintln(os.Stderr, "bulk fixture:", err)
			code = 1
		}
	}
	if bulk.dir != "" {
		os.RemoveAll(bulk.dir)
	}
	os.Exit(code)
}

// client is a browser-like client: cookies kept, redirects followed.
type client struct {
	t *testing.T
	f *fixture
	c *http.Client
}

func (f *fixture) client() *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: f.t, f: f, c: &http.Client{Jar: jar, Timeout: 30 * time.Second}}
}

func (c *client) do(method, path string, form url.Values, hdr map[string]string) (*http.Response, string) {
	c.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, c.f.svc.URL+path, body)
	if err != nil {
		c.t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := c.c.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func (c *client) get(path string) (int, string) {
	c.t.Helper()
	resp, body := c.do("GET", path, nil, nil)
	return resp.StatusCode, body
}

func (c *client) signin(token string) {
	c.t.Helper()
	resp, body := c.do("POST", "/signin", url.Values{"token": {token}, "next": {"/inventory"}}, nil)
	if resp.StatusCode != 200 || !strings.Contains(body, "<h1>Inventory</h1>") {
		c.t.Fatalf("sign-in: %d %s", resp.StatusCode, body)
	}
}

var csrfRe = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func (c *client) csrf(path string) string {
	c.t.Helper()
	_, body := c.get(path)
	m := csrfRe.FindStringSubmatch(body)
	if m == nil {
		c.t.Fatalf("no CSRF token on %s", path)
	}
	return m[1]
}

func TestSignInAndSession(t *testing.T) {
	f := newFixture(t)
	c := f.client()
	// Signed out: every page sends to sign-in.
	resp, body := c.do("GET", "/unknown", nil, nil)
	if resp.Request.URL.Path != "/signin" || !strings.Contains(body, `name="token"`) {
		t.Fatalf("signed out /unknown ended at %s", resp.Request.URL)
	}
	if resp.Request.URL.Query().Get("next") != "/unknown" {
		t.Errorf("sign-in next = %q", resp.Request.URL.Query().Get("next"))
	}
	resp, body = c.do("POST", "/signin", url.Values{"token": {"not-a-token-0123456789"}}, nil)
	if resp.StatusCode != http.StatusUnauthorized || !strings.Contains(body, "not valid") {
		t.Fatalf("bad token: %d", resp.StatusCode)
	}
	// The cookie is HttpOnly and SameSite=Strict, and holds no token.
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	r, err := noRedirect.PostForm(f.svc.URL+"/signin", url.Values{"token": {webtest.ReadToken}, "next": {"//evil.example/"}})
	if err != nil {
		t.Fatal(err)
	}
	r.Body.Close()
	if loc := r.Header.Get("Location"); loc != "/inventory" {
		t.Errorf("an off-site next was followed: %q", loc)
	}
	sc := r.Header.Get("Set-Cookie")
	for _, want := range []string{"HttpOnly", "SameSite=Strict", "Path=/"} {
		if !strings.Contains(sc, want) {
			t.Errorf("cookie %q lacks %s", sc, want)
		}
	}
	if strings.Contains(sc, webtest.ReadToken) {
		t.Error("the cookie carries the token")
	}
	c.signin(webtest.ReadToken)
	if code, body := c.get("/unknown"); code != 200 || !strings.Contains(body, "auditor") || !strings.Contains(body, "read-only") {
		t.Fatalf("/unknown signed in: %d", code)
	}
	// Signing out ends the session on the server.
	tok := c.csrf("/inventory")
	c.do("POST", "/signout", url.Values{"csrf": {tok}}, nil)
	if resp, _ := c.do("GET", "/inventory", nil, nil); resp.Request.URL.Path != "/signin" {
		t.Errorf("after sign-out /inventory ended at %s", resp.Request.URL)
	}
}

func TestHeadersAndEscaping(t *testing.T) {
	f := newFixture(t)
	c := f.client()
	c.signin(webtest.WriteToken)
	pages := []string{"/inventory", "/unknown", "/assets/" + f.ids[webtest.SwitchIP], "/assets/" + f.ids[webtest.ServerIP], "/sweeps",
		"/drift", "/capacity", "/inventory?q=" + url.QueryEscape(webtest.SwitchMAC), "/nope", "/signin", "/static/app.js"}
	for _, p := range pages {
		resp, body := c.do("GET", p, nil, nil)
		h := resp.Header
		if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "frame-ancestors 'none'") ||
			strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP %q", p, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", p)
		}
		if strings.HasSuffix(p, ".js") {
			continue
		}
		// No inline script, no inline handler, no device string unescaped.
		if regexp.MustCompile(`<script>|<script [^s]|\son[a-z]+=`).MatchString(body) {
			t.Errorf("%s: inline script or handler in the page", p)
		}
		for _, bad := range []string{`<script>alert`, `<img src=x>`, `<b>row 2</b>`, `<a>"`, `<tag>`} {
			if strings.Contains(body, bad) {
				t.Errorf("%s: device string %q reached the page unescaped", p, bad)
			}
		}
	}
	_, body := c.get("/assets/" + f.ids[webtest.SwitchIP])
	for _, want := range []string{`&lt;script&gt;alert(&#34;sysName&#34;)&lt;/script&gt;sw-core&#39;1&#34;`, `&#34;Bob&#34; &lt;bob@example.net&gt;&lt;script&gt;`,
		"profile cisco-ios-xe", "1.3.6.1.4.1.9.1.2494", "dist-1 &lt;img src=x&gt;", "Gi1/0/1", "data-chart="} {
		if !strings.Contains(body, want) {
			t.Errorf("asset page lacks %q", want)
		}
	}
}

func TestSearchFiltersAndExport(t *testing.T) {
	f := newFixture(t)
	c := f.client()
	c.signin(webtest.ReadToken)
	tests := []struct {
		query      string
		want, none []string
	}{
		{"q=" + url.QueryEscape(strings.ToUpper(webtest.UnknownMAC)), []string{webtest.UnknownIP}, []string{webtest.SwitchIP}},
		{"q=FOC2233", []string{webtest.SwitchIP}, []string{webtest.ServerIP}},
		{"q=HL-L8360", []string{webtest.PrinterIP}, []string{webtest.SwitchIP}},
		{"approved=true", []string{webtest.SwitchIP}, []string{webtest.ServerIP}},
		{"site=hq", []string{webtest.SwitchIP}, []string{webtest.ServerIP}},
		{"type=server", []string{webtest.ServerIP}, []string{webtest.SwitchIP}},
		{"vendor=brother", []string{webtest.PrinterIP}, []string{webtest.SwitchIP}},
		{"subnet=192.0.2.96/27", []string{"192.0.2.100"}, []string{webtest.SwitchIP}},
		{"sort=ip&dir=desc", []string{webtest.SwitchIP, webtest.UnknownIP}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			code, body := c.get("/inventory?" + tc.query)
			if code != 200 {
				t.Fatalf("%d", code)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, ">"+w+"<") {
					t.Errorf("lacks %s", w)
				}
			}
			for _, n := range tc.none {
				if strings.Contains(body, ">"+n+"<") {
					t.Errorf("has %s", n)
				}
			}
		})
	}
	// Sorted descending by IP: the unknown .77 comes before the switch .1.
	_, body := c.get("/inventory?sort=ip&dir=desc")
	if strings.Index(body, ">"+webtest.UnknownIP+"<") > strings.Index(body, ">"+webtest.SwitchIP+"<") {
		t.Error("sort=ip&dir=desc is not descending")
	}
	// A search the API refuses is shown, not a failure.
	if code, body := c.get("/inventory?q=" + url.QueryEscape("<x>")); code != 200 || !strings.Contains(body, "not allowed in a search") {
		t.Errorf("refused search: %d", code)
	}
	// htmx asks for the results alone.
	resp, frag := c.do("GET", "/inventory?q=db-1", nil, map[string]string{"HX-Request": "true", "HX-Target": "results"})
	if resp.StatusCode != 200 || strings.Contains(frag, "<html") || !strings.Contains(frag, `id="results"`) || !strings.Contains(frag, ">"+webtest.ServerIP+"<") {
		t.Errorf("results fragment: %d %s", resp.StatusCode, frag)
	}
	// CSV of the current view, through the exporters.
	resp, body = c.do("GET", "/inventory/export?format=csv&type=server", nil, nil)
	if ct := resp.Header.Get("Content-Type"); resp.StatusCode != 200 || !strings.HasPrefix(ct, "text/csv") {
		t.Fatalf("csv: %d %s", resp.StatusCode, ct)
	}
	recs, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil || len(recs) != 2 || recs[0][0] != "asset_id" || recs[1][1] != webtest.ServerIP {
		t.Errorf("csv: %v %q", err, recs)
	}
	resp, body = c.do("GET", "/inventory/export?format=xlsx", nil, nil)
	if resp.StatusCode != 200 || !strings.HasPrefix(body, "PK") || !strings.Contains(resp.Header.Get("Content-Disposition"), ".xlsx") {
		t.Errorf("xlsx: %d %q", resp.StatusCode, resp.Header.Get("Content-Disposition"))
	}
}

func TestApproveNeedsWriteAndCSRF(t *testing.T) {
	f := newFixture(t)
	id := f.ids[webtest.UnknownIP]
	approved := func() bool {
		a, err := f.st.Asset(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		return a.Record.Approved != nil && *a.Record.Approved
	}
	ro := f.client()
	ro.signin(webtest.ReadToken)
	_, body := ro.get("/unknown")
	if !strings.Contains(body, webtest.UnknownIP) || strings.Contains(body, "Approve") {
		t.Fatal("a read-only session sees the list without approve buttons")
	}
	// Posted anyway, with the session's own valid CSRF token: refused.
	tok := ro.csrf("/inventory")
	resp, _ := ro.do("POST", "/unknown", url.Values{"csrf": {tok}, "approve_one": {id}}, nil)
	if resp.StatusCode != http.StatusForbidden || approved() {
		t.Fatalf("read-only approve: %d, approved %v", resp.StatusCode, approved())
	}
	resp, _ = ro.do("POST", "/assets/"+id, url.Values{"csrf": {tok}, "action": {"approve"}}, nil)
	if resp.StatusCode != http.StatusForbidden || approved() {
		t.Fatalf("read-only asset approve: %d", resp.StatusCode)
	}

	rw := f.client()
	rw.signin(webtest.WriteToken)
	// Without the CSRF token, or with another session's: refused.
	for _, bad := range []string{"", tok} {
		resp, _ := rw.do("POST", "/unknown", url.Values{"csrf": {bad}, "approve_one": {id}}, nil)
		if resp.StatusCode != http.StatusForbidden || approved() {
			t.Fatalf("CSRF %q: %d", bad, resp.StatusCode)
		}
	}
	// From another site: refused even with the token.
	good := rw.csrf("/unknown")
	resp, _ = rw.do("POST", "/unknown", url.Values{"csrf": {good}, "approve_one": {id}}, map[string]string{"Origin": "https://evil.example"})
	if resp.StatusCode != http.StatusForbidden || approved() {
		t.Fatalf("cross-origin: %d", resp.StatusCode)
	}
	resp, body = rw.do("POST", "/unknown", url.Values{"csrf": {good}, "approve_one": {id}}, nil)
	if resp.StatusCode != 200 || !approved() || !strings.Contains(body, "Approved 1 device") || strings.Contains(body, ">"+webtest.UnknownIP+"<") {
		t.Fatalf("approve: %d approved=%v", resp.StatusCode, approved())
	}
	// Set site and tags on two at once.
	ids := []string{f.ids["192.0.2.100"], f.ids["192.0.2.101"]}
	resp, _ = rw.do("POST", "/unknown", url.Values{"csrf": {good}, "action": {"set"}, "id": ids, "site": {"Lab"}, "tags": {"a, b"}}, nil)
	if resp.StatusCode != 200 {
		t.Fatalf("set: %d", resp.StatusCode)
	}
	for _, x := range ids {
		a, _ := f.st.Asset(context.Background(), x)
		if a.Record.Site != "Lab" || strings.Join(a.Record.Tags, ",") != "a,b" {
			t.Errorf("%s: site %q tags %v", x, a.Record.Site, a.Record.Tags)
		}
	}
}

func TestTriggerSweepAndWatch(t *testing.T) {
	f := newFixture(t)
	c := f.client()
	c.signin(webtest.WriteToken)
	tok := c.csrf("/sweeps")
	resp, body := c.do("POST", "/sweeps", url.Values{"csrf": {tok}, "schedule": {"lab"}}, nil)
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Request.URL.Path, "/runs/") || !strings.Contains(body, "<progress") {
		t.Fatalf("trigger: %d at %s", resp.StatusCode, resp.Request.URL)
	}
	deadline := time.Now().Add(20 * time.Second)
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		_, body = c.get(resp.Request.URL.Path)
		if strings.Contains(body, `data-state="partial"`) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the run did not end: %s", body)
		}
		<-tick.C
	}
	if _, body := c.get("/sweeps"); !strings.Contains(body, "partial") || !strings.Contains(body, "lab") {
		t.Error("the sweeps page lacks the partial run")
	}
}

func TestLiveEvents(t *testing.T) {
	f := newFixture(t)
	c := f.client()
	c.signin(webtest.WriteToken)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", f.svc.URL+"/events?type=approved", nil)
	resp, err := c.c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("events: %s", resp.Header.Get("Content-Type"))
	}
	tok := c.csrf("/unknown")
	posted := make(chan int, 1)
	go func() {
		form := url.Values{"csrf": {tok}, "approve_one": {f.ids[webtest.PrinterIP]}}
		r, err := c.c.PostForm(f.svc.URL+"/unknown", form)
		if err != nil {
			posted <- 0
			return
		}
		r.Body.Close()
		posted <- r.StatusCode
	}()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if sc.Text() == "event: approved" {
			if code := <-posted; code != 200 {
				t.Errorf("approve: %d", code)
			}
			return
		}
	}
	t.Fatalf("no approved event streamed: %v", sc.Err())
}

// The vendored libraries are the pinned releases VERSIONS names.
func TestVendoredPins(t *testing.T) {
	v, err := os.ReadFile("static/VERSIONS")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(string(v), "\n") {
		sum, name, ok := strings.Cut(line, "  ")
		if !ok || len(sum) != 64 {
			continue
		}
		b, err := os.ReadFile(filepath.Join("static", name))
		if err != nil {
			t.Fatal(err)
		}
		got := sha256.Sum256(b)
		if hex.EncodeToString(got[:]) != sum {
			t.Errorf("%s does not match its pinned sha256", name)
		}
		n++
	}
	if n != 3 {
		t.Errorf("VERSIONS pins %d files, want 3", n)
	}
	for _, l := range []string{"static/htmx.LICENSE", "static/uPlot.LICENSE"} {
		if _, err := os.Stat(l); err != nil {
			t.Error(err)
		}
	}
}

// The UI takes the paths the API does not own; /api/ stays the API's.
func TestMountedBesideAPI(t *testing.T) {
	f := newFixture(t)
	c := f.client()
	resp, body := c.do("GET", "/api/v1/nope", nil, nil)
	if resp.StatusCode != 404 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") || !strings.Contains(body, "no such route") {
		t.Errorf("/api/v1/nope: %d %s", resp.StatusCode, body)
	}
	resp, _ = c.do("GET", "/api/v1/assets", nil, nil)
	if resp.StatusCode != 401 {
		t.Errorf("the API without a token: %d", resp.StatusCode)
	}
	resp, body = c.do("GET", "/healthz", nil, nil)
	if resp.StatusCode != 200 || !strings.Contains(body, "ok") {
		t.Errorf("/healthz: %d", resp.StatusCode)
	}
}

// The Unknown list is the newest unapproved assets, however many older
// ones the store holds (it once showed the oldest 10,000's newest).
func TestUnknownNewestAmongMany(t *testing.T) {
	t.Parallel()
	f := bulkFixture(t)
	c := f.client()
	c.signin(webtest.ReadToken)
	code, body := c.get("/unknown")
	if code != 200 {
		t.Fatalf("/unknown: %d", code)
	}
	if !strings.Contains(body, ">"+webtest.UnknownIP+"<") {
		t.Error("the newest unapproved device is not on the list")
	}
	if i, j := strings.Index(body, ">"+webtest.UnknownIP+"<"), strings.Index(body, fmt.Sprintf("host-%06d", bulkAssets-1)); j < 0 || i > j {
		t.Errorf("newest first: the newcomer at %d, the newest synthetic host at %d", i, j)
	}
	// Every one of them, page after page (it once stopped at 1,000):
	// each once, and the synthetic ones newest first.
	want, err := f.st.Assets(context.Background(), store.AssetFilter{Unapproved: true})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	last := 1 << 30
	for pages := 0; ; pages++ {
		if pages > 100 {
			t.Fatal("more than 100 pages")
		}
		for _, m := range rowIDRe.FindAllStringSubmatch(body, -1) {
			if seen[m[1]] {
				t.Fatalf("page %d: %s again", pages, m[1])
			}
			seen[m[1]] = true
		}
		for _, m := range hostRe.FindAllStringSubmatch(body, -1) {
			n, _ := strconv.Atoi(strings.TrimPrefix(m[1], "host-"))
			if n >= last {
				t.Fatalf("page %d: %s after host-%06d, want newest first", pages, m[1], last)
			}
			last = n
		}
		m := nextRe.FindStringSubmatch(body)
		if m == nil {
			break
		}
		if code, body = c.get(html.UnescapeString(m[1])); code != 200 {
			t.Fatalf("%s: %d", m[1], code)
		}
	}
	if len(seen) != len(want) || len(want) < bulkAssets || last != 0 {
		t.Errorf("the pages listed %d devices down to host-%06d, want all %d", len(seen), last, len(want))
	}
}

var rowIDRe = regexp.MustCompile(`<tr data-id="([^"]+)"`)

// TestDriftPageSaysUnknown: an asset a baseline selects but that has no
// release to check (a Linux host whose agent gave none) is counted
// unknown on the drift page, not compliant.
func TestDriftPageSaysUnknown(t *testing.T) {
	f := newFixture(t)
	c := f.client()
	c.signin(webtest.ReadToken)
	_, before := c.get("/drift")
	if strings.Contains(before, "unknown (") {
		t.Fatalf("the fixture already has an unknown asset")
	}
	now := store.Second(time.Now())
	a := store.Asset{Record: record.Asset{AssetID: store.NewUUID(now), IP: netip.MustParseAddr("192.0.2.99"), OS: "Linux",
		DeviceType: "server", State: store.StateActive, FirstSeen: now, LastSeen: now}}
	if err := f.st.PutAssets(context.Background(), []store.Asset{a}); err != nil {
		t.Fatal(err)
	}
	if code, body := c.get("/drift"); code != 200 || !strings.Contains(body, "<strong>1</strong> unknown (") {
		t.Errorf("drift page (%d) does not count the Linux host without a release unknown:\n%s", code, body)
	}
}
