package serve

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/identity"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/store/clickhouse"
	"github.com/netcensus/netcensus/inventory/store/clickhouse/chtest"
)

// Every route of the API on a ClickHouse store (a private server, as the
// store's own tests run it): reads answer 200, or a 4xx with a message
// where the request cannot be met (no baselines, a switch without ports);
// the changes answer 200 or a 4xx. Never a 500.
func TestAPIOnClickHouse(t *testing.T) {
	if testing.Short() {
		t.Skip("starts clickhouse-server")
	}
	srv, err := chtest.Start(t.Context(), t.TempDir())
	if err != nil {
		if os.Getenv("NETCENSUS_LAB") == "1" {
			t.Fatalf("no ClickHouse server (NETCENSUS_LAB=1: required): %v", err)
		}
		t.Skipf("no ClickHouse server: %v", err)
	}
	defer srv.Stop()
	db, err := clickhouse.Open(t.Context(), clickhouse.Options{Addr: srv.Addr, Database: "servetest"})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(t.Context()); err != nil {
		t.Fatal(err)
	}
	res, err := identity.New(nil, identity.Defaults())
	if err != nil {
		t.Fatal(err)
	}
	inv := inventory.New(db, res, inventory.Config{Scanner: "test", MissingAfterSweeps: 1}, nil)
	nw := newNetwork(map[string]string{"192.0.2.10": "00:1b:54:00:00:10", "192.0.2.11": "00:1b:54:00:00:11", "192.0.2.12": "3c:22:fb:00:00:12"})
	for range 2 {
		if _, err := nw.sweeper(inv)(t.Context(), SweepRequest{Progress: &Progress{}}); err != nil {
			t.Fatal(err)
		}
	}
	s, err := New(testOptions(), Deps{Inventory: inv, State: db, Sweep: nw.sweeper(inv)})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(s.Handler())
	defer hs.Close()
	do := func(method, path, body string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest(method, hs.URL+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+writeToken)
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	as, err := db.Assets(t.Context(), store.AssetFilter{})
	if err != nil || len(as) != 3 {
		t.Fatalf("assets: %d, %v", len(as), err)
	}
	ids := map[string]string{}
	for _, a := range as {
		ids[a.Record.IP.String()] = a.Record.AssetID
	}
	id := ids["192.0.2.10"]

	param := regexp.MustCompile(`\{id\}`)
	for _, rt := range s.routeTable() {
		if rt.method != "GET" {
			continue
		}
		path := param.ReplaceAllString(rt.path, id)
		code, body := do("GET", path, "")
		if code >= 500 || code == 404 && strings.Contains(body, "no such route") {
			t.Errorf("GET %s: %d %s", path, code, body)
		}
	}
	for _, q := range []string{"?q=00:1b:54:00:00:11", "?q=192.0.2.12", "?subnet=192.0.2.0/28&state=new,active", "?approved=false&limit=1",
		"?vendor=Cisco&seen_since=1d", "?type=router&site=hq"} {
		if code, body := do("GET", "/api/v1/assets"+q, ""); code != 200 {
			t.Errorf("GET /api/v1/assets%s: %d %s", q, code, body)
		}
	}
	if code, body := do("GET", "/api/v1/assets?q=00:1b:54:00:00:11", ""); code != 200 || !strings.Contains(body, `"count":1`) {
		t.Errorf("search by MAC: %d %s", code, body)
	}
	changes := []struct {
		method, path, body string
		want               int
	}{
		{"PATCH", "/api/v1/assets/" + id, `{"site":"hq","tags":["core"]}`, 200},
		{"POST", "/api/v1/assets/" + id + "/approve", "", 200},
		{"POST", "/api/v1/assets/" + id + "/merge", `{"from":"` + ids["192.0.2.11"] + `"}`, 200},
		{"POST", "/api/v1/assets/" + ids["192.0.2.11"] + "/retire", "", 409}, // merged
		{"POST", "/api/v1/assets/" + id + "/split", `{"macs":["00:1b:54:00:00:11"]}`, 200},
		{"POST", "/api/v1/assets/" + ids["192.0.2.12"] + "/retire", "", 200},
		{"POST", "/api/v1/assets/" + ids["192.0.2.12"] + "/retire", "", 200}, // retired already: nothing to do
		{"POST", "/api/v1/assets/00000000-0000-0000-0000-000000000000/approve", "", 404},
		{"POST", "/api/v1/assets/" + id + "/merge", `{"from":"` + id + `"}`, 400},
	}
	for _, c := range changes {
		if code, body := do(c.method, c.path, c.body); code != c.want {
			t.Errorf("%s %s %s: %d %s, want %d", c.method, c.path, c.body, code, body, c.want)
		}
	}
}
