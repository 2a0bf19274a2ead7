package serve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/identity"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// apiHarness: a running server over a store holding three assets.
func apiHarness(t *testing.T) *harness {
	nw := newNetwork(map[string]string{
		"192.0.2.10":     "00:1b:54:00:00:10",
		"192.0.2.11":     "00:1b:54:00:00:11",
		"198.51.100.200": "3c:22:fb:00:00:01",
	})
	h := newHarness(t, "", testOptions(), nw)
	h.sweepNow()
	h.start()
	return h
}

type listing struct {
	Assets     []record.Asset `json:"assets"`
	Count      int            `json:"count"`
	NextCursor string         `json:"next_cursor"`
}

func ips(as []record.Asset) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.IP.String())
	}
	slices.Sort(out)
	return out
}

func TestAssetListingFiltersAndSearch(t *testing.T) {
	h := apiHarness(t)
	all := h.assets(store.AssetFilter{})
	approved := ""
	for _, a := range all {
		if a.Record.IP.String() == "192.0.2.11" {
			approved = a.Record.AssetID
		}
	}
	if code, body := h.do("POST", "/api/v1/assets/"+approved+"/approve", writeToken, ""); code != 200 {
		t.Fatalf("approve: %d %s", code, body)
	}
	if code, body := h.do("PATCH", "/api/v1/assets/"+approved, writeToken, `{"site":"Lab-1"}`); code != 200 {
		t.Fatalf("set site: %d %s", code, body)
	}
	tests := []struct {
		query string
		want  []string
	}{
		{"", []string{"192.0.2.10", "192.0.2.11", "198.51.100.200"}},
		{"?subnet=192.0.2.0/24", []string{"192.0.2.10", "192.0.2.11"}},
		{"?approved=true", []string{"192.0.2.11"}},
		{"?site=lab-1", []string{"192.0.2.11"}},
		{"?site=lab-2", nil},
		{"?approved=false", []string{"192.0.2.10", "198.51.100.200"}},
		{"?state=new", []string{"192.0.2.10", "192.0.2.11", "198.51.100.200"}},
		{"?state=missing,retired", nil},
		{"?q=00:1B:54:00:00:10", []string{"192.0.2.10"}},
		{"?q=198.51.100", []string{"198.51.100.200"}},
		{"?q=3c-22", nil},
		{"?seen_since=1h", []string{"192.0.2.10", "192.0.2.11", "198.51.100.200"}},
		{"?seen_since=" + url.QueryEscape(time.Now().Add(time.Hour).UTC().Format(time.RFC3339)), nil},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			var l listing
			h.getJSON("/api/v1/assets"+tc.query, readToken, &l)
			if got := ips(l.Assets); !slices.Equal(got, tc.want) || l.Count != len(tc.want) {
				t.Errorf("got %v (count %d), want %v", got, l.Count, tc.want)
			}
		})
	}
}

func TestAssetListingCursor(t *testing.T) {
	h := apiHarness(t)
	var seen []string
	path := "/api/v1/assets?limit=2"
	for pages := 0; pages < 5; pages++ {
		var l listing
		h.getJSON(path, readToken, &l)
		for _, a := range l.Assets {
			seen = append(seen, a.AssetID)
		}
		if l.NextCursor == "" {
			break
		}
		path = "/api/v1/assets?limit=2&cursor=" + l.NextCursor
	}
	if len(seen) != 3 || !slices.IsSorted(seen) || len(slices.Compact(slices.Clone(seen))) != 3 {
		t.Errorf("paged IDs %v: want all three once, in order", seen)
	}
	// Pages of a search, and of a filter applied as the assets come (the
	// site), a page of one at a time.
	for _, a := range h.assets(store.AssetFilter{}) {
		if code, body := h.do("PATCH", "/api/v1/assets/"+a.Record.AssetID, writeToken, `{"site":"dc"}`); code != 200 {
			t.Fatalf("set site: %d %s", code, body)
		}
	}
	for query, want := range map[string][]string{"q=192.0.2.1": {"192.0.2.10", "192.0.2.11"}, "site=DC": {"192.0.2.10", "192.0.2.11", "198.51.100.200"}} {
		var got []string
		path := "/api/v1/assets?limit=1&" + query
		for pages := 0; pages < 5; pages++ {
			var l listing
			h.getJSON(path, readToken, &l)
			if len(l.Assets) > 1 {
				t.Fatalf("%s: a page of %d, limit 1", query, len(l.Assets))
			}
			for _, a := range l.Assets {
				got = append(got, a.IP.String())
			}
			if l.NextCursor == "" {
				break
			}
			path = "/api/v1/assets?limit=1&" + query + "&cursor=" + l.NextCursor
		}
		if slices.Sort(got); !slices.Equal(got, want) {
			t.Errorf("%s, paged one at a time: %v, want %v", query, got, want)
		}
	}
}

func TestAssetDetailsAndChanges(t *testing.T) {
	h := apiHarness(t)
	id := h.assets(store.AssetFilter{})[0].Record.AssetID
	code, body := h.do("PATCH", "/api/v1/assets/"+id, writeToken, `{"site":"hq","owner":"net team","tags":["core","lab"]}`)
	if code != 200 {
		t.Fatalf("patch: %d %s", code, body)
	}
	var d AssetDetails
	h.getJSON("/api/v1/assets/"+id, readToken, &d)
	if d.Asset.Site != "hq" || d.Asset.Owner != "net team" || strings.Join(d.Asset.Tags, ",") != "core,lab" {
		t.Errorf("asset after patch: %+v", d.Asset)
	}
	var actors []string
	for _, e := range d.History {
		if e.Type == store.EventSet {
			actors = append(actors, e.Field+"/"+e.Actor)
		}
	}
	slices.Sort(actors)
	if strings.Join(actors, " ") != "owner/alice site/alice tags/alice" {
		t.Errorf("set events (field/actor): %v: want each by the write token's name", actors)
	}
	if len(d.Keys) == 0 || d.Software == nil || d.Capacity == nil {
		t.Errorf("details lack tables: %+v", d)
	}
	// Retire, then events since a time list it with its actor.
	since := time.Now().Add(-time.Minute).UTC().Format(time.RFC3339)
	if code, body := h.do("POST", "/api/v1/assets/"+id+"/retire", writeToken, ""); code != 200 {
		t.Fatalf("retire: %d %s", code, body)
	}
	var ev struct{ Events []EventView }
	h.getJSON("/api/v1/events?type=state&asset="+id+"&since="+since, readToken, &ev)
	if n := len(ev.Events); n != 2 || ev.Events[1].New != store.StateRetired || ev.Events[1].Actor != "alice" {
		t.Errorf("state events: %+v", ev.Events)
	}
	// Event types as the CLI's events --type reads them
	// (inventory.ParseEventTypes): an unknown one is refused naming the
	// known ones, software stands for every software_* type.
	if code, body := h.do("GET", "/api/v1/events?type=state,bogus", readToken, ""); code != 400 || !strings.Contains(body, `type \"bogus\"`) || !strings.Contains(body, "moved") {
		t.Errorf("an unknown event type: %d %s", code, body)
	}
	for _, q := range []string{"software", "moved,software_upgraded", "state,,approved"} {
		if code, body := h.do("GET", "/api/v1/events?type="+q, readToken, ""); code != 200 {
			t.Errorf("event types %s: %d %s", q, code, body)
		}
	}
	if code, _ := h.do("GET", "/api/v1/assets/00000000-0000-0000-0000-000000000000", readToken, ""); code != 404 {
		t.Errorf("unknown asset: %d", code)
	}
}

func TestEventsLongPoll(t *testing.T) {
	h := apiHarness(t)
	id := h.assets(store.AssetFilter{})[0].Record.AssetID
	since := time.Now().Add(time.Second).UTC().Format(time.RFC3339) // after everything so far
	got := make(chan []EventView, 1)
	go func() {
		var ev struct{ Events []EventView }
		h.getJSON("/api/v1/events?wait=20s&type=approved&since="+since, readToken, &ev)
		got <- ev.Events
	}()
	// The approval lands a second later so its time is past "since".
	until(t, "a second to pass", 3*time.Second, func() bool { return time.Now().UTC().Format(time.RFC3339) >= since })
	if code, body := h.do("POST", "/api/v1/assets/"+id+"/approve", writeToken, "{}"); code != 200 {
		t.Fatalf("approve: %d %s", code, body)
	}
	select {
	case es := <-got:
		if len(es) != 1 || es[0].AssetID != id || es[0].Actor != "alice" {
			t.Errorf("long-poll events %+v", es)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("the long-poll did not return the new event")
	}
}

func TestTriggerAndWatchRun(t *testing.T) {
	h := apiHarness(t)
	code, body := h.do("POST", "/api/v1/runs", writeToken, `{"targets":["192.0.2.0/24"],"snmp":false}`)
	if code != 202 {
		t.Fatalf("trigger: %d %s", code, body)
	}
	var run Run
	json.Unmarshal([]byte(body), &run)
	until(t, "the run to finish", 10*time.Second, func() bool {
		h.getJSON("/api/v1/runs/"+run.ID, readToken, &run)
		return run.State != RunRunning
	})
	if run.State != RunOK || run.SweepID == "" || run.Total != 254 || run.Found != 3 {
		t.Errorf("run %+v", run)
	}
	var sw SweepView
	h.getJSON("/api/v1/sweeps/"+run.SweepID, readToken, &sw)
	if sw.ID != run.SweepID || len(sw.Segments) != 1 {
		t.Errorf("sweep %+v", sw)
	}
	if code, body := h.do("POST", "/api/v1/runs", writeToken, `{"schedule":"nope"}`); code != 404 {
		t.Errorf("unknown schedule: %d %s", code, body)
	}
}

func TestAuthScopes(t *testing.T) {
	h := apiHarness(t)
	id := h.assets(store.AssetFilter{})[0].Record.AssetID
	tests := []struct {
		method, path, token, body string
		want                      int
	}{
		{"GET", "/api/v1/assets", "", "", 401},
		{"GET", "/api/v1/assets", "wrong-token-0123456789", "", 401},
		{"GET", "/api/v1/assets", readToken, "", 200},
		{"GET", "/metrics", "", "", 401},
		{"GET", "/metrics", readToken, "", 200},
		{"GET", "/healthz", "", "", 200},
		{"POST", "/api/v1/assets/" + id + "/approve", readToken, "", 403},
		{"PATCH", "/api/v1/assets/" + id, readToken, `{"site":"x"}`, 403},
		{"POST", "/api/v1/runs", readToken, `{"targets":["192.0.2.0/24"]}`, 403},
		{"POST", "/api/v1/assets/" + id + "/approve", writeToken, "", 200},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s %s %d", tc.method, tc.path, tc.want), func(t *testing.T) {
			code, body := h.do(tc.method, tc.path, tc.token, tc.body)
			if code != tc.want {
				t.Errorf("%d %s, want %d", code, body, tc.want)
			}
			if code >= 400 {
				var e apiError
				if json.Unmarshal([]byte(body), &e) != nil || e.Error == "" {
					t.Errorf("error body %q: want {\"error\": message}", body)
				}
			}
		})
	}
	// The refused approval changed nothing.
	a, _ := h.st.Annotation(t.Context(), id)
	es, _ := h.st.Events(t.Context(), store.EventFilter{AssetID: id, Types: []string{store.EventApproved}})
	if !a.Approved || len(es) != 1 || es[0].Actor != "alice" {
		t.Errorf("approvals: %+v events %+v: want one, by alice", a, es)
	}
}

func TestBadInput(t *testing.T) {
	h := apiHarness(t)
	id := h.assets(store.AssetFilter{})[0].Record.AssetID
	big := `{"site":"` + strings.Repeat("x", 5000) + `"}`
	tests := []struct {
		name, method, path, body string
		want                     int
		msg                      string
	}{
		{"malformed JSON", "PATCH", "/api/v1/assets/" + id, `{"site":`, 400, "body"},
		{"unknown field", "PATCH", "/api/v1/assets/" + id, `{"site":"a","colour":"red"}`, 400, "unknown field"},
		{"two objects", "PATCH", "/api/v1/assets/" + id, `{"site":"a"}{"site":"b"}`, 400, "one JSON object"},
		{"empty body", "PATCH", "/api/v1/assets/" + id, ``, 400, "empty body"},
		{"oversized body", "PATCH", "/api/v1/assets/" + id, big, 413, "over 4096 bytes"},
		{"control char", "PATCH", "/api/v1/assets/" + id, `{"site":"a\u0000b"}`, 400, "control"},
		{"bad MAC", "POST", "/api/v1/assets/" + id + "/split", `{"macs":["zz"]}`, 400, "not a MAC"},
		{"merge into itself", "POST", "/api/v1/assets/" + id + "/merge", `{"from":"` + id + `"}`, 400, "itself"},
		{"bad target", "POST", "/api/v1/runs", `{"targets":["192.0.2.0/24; rm -rf /"]}`, 400, "target"},
		{"both schedule and targets", "POST", "/api/v1/runs", `{"schedule":"a","targets":["192.0.2.1"]}`, 400, "schedule or targets"},
		{"SQL in search", "GET", "/api/v1/assets?q=" + url.QueryEscape("' OR 1=1 --"), "", 400, "not allowed in a search"},
		{"script in search", "GET", "/api/v1/assets?q=" + url.QueryEscape("<script>"), "", 400, "not allowed"},
		{"unknown parameter", "GET", "/api/v1/assets?colour=red", "", 400, `unknown query parameter \"colour\" (known:`},
		{"unknown capacity parameter", "GET", "/api/v1/capacity?limit=1", "", 400, `unknown query parameter \"limit\" (known: asset`},
		{"repeated parameter", "GET", "/api/v1/assets?q=a&q=b", "", 400, "2 times"},
		{"bad subnet", "GET", "/api/v1/assets?subnet=192.0.2.0/33", "", 400, "subnet"},
		{"bad state", "GET", "/api/v1/assets?state=gone", "", 400, "state"},
		{"empty state item", "GET", "/api/v1/assets?state=new,,active", "", 400, `state \"new,,active\": item 2 is empty`},
		{"bad limit", "GET", "/api/v1/assets?limit=0", "", 400, "limit"},
		{"forged cursor", "GET", "/api/v1/assets?cursor=" + url.QueryEscape("' OR 1=1"), "", 400, "cursor"},
		{"bad asset id", "GET", "/api/v1/assets/" + url.PathEscape("1' OR '1'='1"), "", 400, "want a UUID"},
		{"bad wait", "GET", "/api/v1/events?wait=1h", "", 400, "wait"},
		{"unknown route", "GET", "/api/v1/nothing", "", 404, "no such route"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, body := h.do(tc.method, tc.path, writeToken, tc.body)
			if code != tc.want || !strings.Contains(body, tc.msg) {
				t.Errorf("%d %s, want %d with %q", code, body, tc.want, tc.msg)
			}
		})
	}
	if d, _ := h.st.Annotation(t.Context(), id); d.Site != "" {
		t.Errorf("a refused request changed the asset: %+v", d)
	}
}

// The OpenAPI document lists exactly the routes the mux serves, each with
// its scope, and every listed route answers (not 404 or 405).
func TestOpenAPIMatchesRoutes(t *testing.T) {
	h := apiHarness(t)
	var doc struct {
		Paths map[string]map[string]struct {
			Scope string `json:"x-scope"`
		} `json:"paths"`
	}
	h.getJSON("/api/v1/openapi.json", readToken, &doc)
	inDoc := map[string]string{}
	for p, ops := range doc.Paths {
		for m, op := range ops {
			inDoc[strings.ToUpper(m)+" "+p] = op.Scope
		}
	}
	inMux := map[string]string{}
	for _, rt := range h.srv.routeTable() {
		scope := rt.scope
		if scope == scopeNone {
			scope = "none"
		}
		inMux[rt.method+" "+rt.path] = scope
	}
	for k, v := range inMux {
		if inDoc[k] != v {
			t.Errorf("route %s (scope %s): document says %q", k, v, inDoc[k])
		}
	}
	for k := range inDoc {
		if _, ok := inMux[k]; !ok {
			t.Errorf("document lists %s, which the mux does not serve", k)
		}
	}
	id := h.assets(store.AssetFilter{})[0].Record.AssetID
	param := regexp.MustCompile(`\{id\}`)
	for k := range inMux {
		method, path, _ := strings.Cut(k, " ")
		path = param.ReplaceAllString(path, id)
		if method != "GET" {
			continue // writes are covered above; a GET proves the path is routed
		}
		code, body := h.do(method, path+"?", readToken, "")
		if code == 404 && strings.Contains(body, "no such route") || code == 405 {
			t.Errorf("%s %s: %d %s", method, path, code, body)
		}
	}
}

func TestMetricsCounts(t *testing.T) {
	h := apiHarness(t)
	code, body := h.do("POST", "/api/v1/runs", writeToken, `{"targets":["192.0.2.0/24"]}`)
	if code != 202 {
		t.Fatalf("trigger: %d %s", code, body)
	}
	var m string
	until(t, "the sweep in the metrics", 10*time.Second, func() bool {
		_, m = h.do("GET", "/metrics", readToken, "")
		return strings.Contains(m, `netcensus_sweeps_total{outcome="ok",schedule="adhoc"} 1`)
	})
	for _, want := range []string{
		`netcensus_assets{state="active"} 3`, // seen by a second sweep
		`netcensus_assets_unapproved 3`,
		`netcensus_sweep_hosts_found{schedule="adhoc"} 3`,
		`netcensus_packets_sent_total{schedule="adhoc"} 254`,
		`netcensus_sweep_duration_seconds_count{schedule="adhoc"} 1`,
		`netcensus_api_requests_total{code="202",route="POST /api/v1/runs"} 1`,
		`netcensus_store_errors_total 0`,
		`netcensus_capacity_warnings{flag="WARN"} 0`,
	} {
		if !strings.Contains(m, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

// Tokens, a sink's URL and its HMAC secret never appear in a response or
// a log line, whatever the request.
func TestSecretsNeverShown(t *testing.T) {
	opts := testOptions()
	sinkURL := "http://127.0.0.1:1/hooks/url-secret-0123456789"
	opts.Sinks = []Sink{{Name: "hook", Kind: SinkWebhook, URL: sinkURL, HMAC: hmacSecret, MaxAttempts: 1}}
	nw := newNetwork(map[string]string{"192.0.2.10": "00:1b:54:00:00:10"})
	h := newHarness(t, "", opts, nw)
	h.start()
	var bodies []string
	for _, tc := range []struct{ method, path, token, body string }{
		{"POST", "/api/v1/runs", writeToken, `{"targets":["192.0.2.0/24"]}`},
		{"GET", "/api/v1/assets", readToken, ""},
		{"GET", "/api/v1/alerts", readToken, ""},
		{"GET", "/api/v1/schedules", readToken, ""},
		{"GET", "/metrics", readToken, ""},
		{"GET", "/api/v1/assets", writeToken + "x", ""},
		{"POST", "/api/v1/runs", readToken, `{"targets":["192.0.2.0/24"]}`},
		{"GET", "/api/v1/openapi.json", readToken, ""},
	} {
		_, b := h.do(tc.method, tc.path, tc.token, tc.body)
		bodies = append(bodies, b)
	}
	// The delivery to the unreachable sink fails, and is logged.
	until(t, "a failed delivery", 10*time.Second, func() bool {
		as, _ := h.st.Alerts(t.Context(), store.AlertFilter{})
		return len(as) > 0 && as[0].Attempts > 0
	})
	_, b := h.do("GET", "/api/v1/alerts", readToken, "")
	bodies = append(bodies, b)
	h.stop()
	logs := h.logs.String()
	if !strings.Contains(logs, "alert delivery failed") {
		t.Errorf("no delivery failure logged: %s", logs)
	}
	for _, secret := range []string{readToken, writeToken, "url-secret-0123456789", hmacSecret} {
		for i, b := range bodies {
			if strings.Contains(b, secret) {
				t.Errorf("response %d shows a secret: %s", i, b)
			}
		}
		if strings.Contains(logs, secret) {
			t.Errorf("the log shows a secret %q", secret)
		}
	}
}

// busyStore answers every asset read with store.ErrBusy, as SQLite does
// when another process holds its lock past the busy timeout.
type busyStore struct{ store.Store }

func (busyStore) Asset(context.Context, string) (store.Asset, error) {
	return store.Asset{}, fmt.Errorf("read asset: %w", store.ErrBusy)
}

func (busyStore) Assets(context.Context, store.AssetFilter) ([]store.Asset, error) {
	return nil, fmt.Errorf("list assets: %w", store.ErrBusy)
}

// A busy store is a 503 with Retry-After, for the client to try again:
// not a 500.
func TestBusyStoreIs503(t *testing.T) {
	db, _ := openInv(t, filepath.Join(t.TempDir(), "netcensus.db"))
	defer db.Close()
	res, err := identity.New(nil, identity.Defaults())
	if err != nil {
		t.Fatal(err)
	}
	inv := inventory.New(busyStore{db}, res, inventory.Config{Scanner: "test"}, nil)
	s, err := New(testOptions(), Deps{Inventory: inv, State: db, Sweep: newNetwork(nil).sweeper(inv)})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/api/v1/assets/0190c2a0-0000-7000-8000-000000000001", "/api/v1/assets"} {
		req := httptest.NewRequest("GET", path, nil)
		req.Header.Set("Authorization", "Bearer "+readToken)
		w := httptest.NewRecorder()
		s.Handler().ServeHTTP(w, req)
		if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") == "" || !strings.Contains(w.Body.String(), "busy") {
			t.Errorf("GET %s on a busy store: %d %q (Retry-After %q), want 503 saying busy", path, w.Code, w.Body.String(), w.Header().Get("Retry-After"))
		}
	}
}

// TestRunTargetsCheckedFirst: a sweep of targets a sweep would refuse
// (public space, past max_hosts) is a 400 with the reason, and no run.
// Before, POST /api/v1/runs answered 202 for 8.8.8.8 and 198.18.0.0/15,
// and the run failed a moment later (a sweep_failed alert, a failed
// sweep in the metrics) with a reason only GET /api/v1/runs/{id} showed.
func TestRunTargetsCheckedFirst(t *testing.T) {
	h := newHarness(t, "", testOptions(), newNetwork(map[string]string{"192.0.2.10": "00:1b:54:00:00:10"}))
	var checked [][]string
	h.srv.deps.CheckTargets = func(targets, exclude []string) error {
		checked = append(checked, append(slices.Clone(targets), exclude...))
		if slices.Contains(targets, "192.0.2.99") {
			return errors.New(`target "192.0.2.99" contains 192.0.2.99: public address space`)
		}
		return nil
	}
	h.start()
	code, body := h.do("POST", "/api/v1/runs", writeToken, `{"targets":["192.0.2.99"],"exclude":["192.0.2.98"]}`)
	if code != 400 || !strings.Contains(body, "targets: target \\\"192.0.2.99\\\" contains 192.0.2.99: public address space") {
		t.Errorf("refused targets: %d %s, want 400 with the reason", code, body)
	}
	var runs struct{ Runs []Run }
	h.getJSON("/api/v1/runs", readToken, &runs)
	if len(runs.Runs) != 0 {
		t.Errorf("runs %+v after a refused trigger, want none", runs.Runs)
	}
	if code, body := h.do("POST", "/api/v1/runs", writeToken, `{"targets":["192.0.2.10"],"snmp":false}`); code != 202 {
		t.Errorf("accepted targets: %d %s", code, body)
	}
	want := [][]string{{"192.0.2.99", "192.0.2.98"}, {"192.0.2.10"}}
	if !reflect.DeepEqual(checked, want) {
		t.Errorf("checked %v, want %v", checked, want)
	}
}
