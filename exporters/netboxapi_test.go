package exporters

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

const netboxToken = "0123456789abcdef-netbox-token-secret"

// fakeNetBox is NetBox's device API in memory: it checks the token,
// knows one device and refuses a device type named "Unknown".
type fakeNetBox struct {
	mu      sync.Mutex
	devices map[string]int
	bodies  []map[string]any
	methods []string
}

func (f *fakeNetBox) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if r.Header.Get("Authorization") != "Token "+netboxToken {
		http.Error(w, `{"detail":"Invalid token"}`, http.StatusForbidden)
		return
	}
	f.methods = append(f.methods, r.Method+" "+r.URL.Path)
	switch {
	case r.Method == http.MethodGet && r.URL.Path == "/api/dcim/devices/":
		var res []map[string]int
		if id, ok := f.devices[r.URL.Query().Get("name")]; ok {
			res = append(res, map[string]int{"id": id})
		}
		json.NewEncoder(w).Encode(map[string]any{"count": len(res), "results": res})
	case r.Method == http.MethodPost || r.Method == http.MethodPatch:
		b, _ := io.ReadAll(r.Body)
		var m map[string]any
		json.Unmarshal(b, &m)
		f.bodies = append(f.bodies, m)
		if dt, _ := m["device_type"].(map[string]any); dt["model"] == "Unknown" {
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprint(w, `{"device_type":["Related object not found using the provided attributes: {'model': 'Unknown'}"]}`)
			return
		}
		if r.Method == http.MethodPost {
			w.WriteHeader(http.StatusCreated)
		}
		fmt.Fprint(w, `{"id":9}`)
	default:
		http.NotFound(w, r)
	}
}

func TestNetBoxPush(t *testing.T) {
	fake := &fakeNetBox{devices: map[string]int{"core-sw1": 7}}
	srv := httptest.NewServer(fake)
	defer srv.Close()
	c := &NetBoxClient{BaseURL: srv.URL + "/", Token: netboxToken, HTTP: srv.Client()}
	as := sampleAssets()
	as[2].Model = "FortiGate-100F"
	res, err := c.Push(context.Background(), as, DefaultNetBox())
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 1 || res.Updated != 1 || len(res.Failed) != 1 || !strings.Contains(res.Failed["fw-edge"], "HTTP 400") {
		t.Errorf("result: %+v", res)
	}
	want := "GET /api/dcim/devices/ PATCH /api/dcim/devices/7/ GET /api/dcim/devices/ POST /api/dcim/devices/ GET /api/dcim/devices/ POST /api/dcim/devices/"
	if got := strings.Join(fake.methods, " "); got != want {
		t.Errorf("requests:\n%s\nwant:\n%s", got, want)
	}
	b, _ := json.Marshal(fake.bodies[0])
	if string(b) != `{"device_type":{"manufacturer":{"name":"Cisco"},"model":"WS-C2960X-48TS-L"},"name":"core-sw1","role":{"name":"access-switch"},"serial":"FOC1234X0AB","site":{"name":"dc-east"},"status":"active"}` {
		t.Errorf("body: %s", b)
	}
}

func TestNetBoxPushBadToken(t *testing.T) {
	srv := httptest.NewServer(&fakeNetBox{})
	defer srv.Close()
	c := &NetBoxClient{BaseURL: srv.URL, Token: "wrong-" + netboxToken, HTTP: srv.Client()}
	_, err := c.Push(context.Background(), sampleAssets(), DefaultNetBox())
	if !errors.Is(err, ErrNetBoxAuth) {
		t.Fatalf("err = %v, want ErrNetBoxAuth", err)
	}
	if strings.Contains(err.Error(), netboxToken) {
		t.Errorf("token in error: %v", err)
	}
	c.BaseURL = "netbox.example.net"
	if _, err := c.Push(context.Background(), sampleAssets(), DefaultNetBox()); err == nil {
		t.Error("URL without scheme accepted")
	}
}

func TestNetBoxPushCancelled(t *testing.T) {
	srv := httptest.NewServer(&fakeNetBox{})
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	c := &NetBoxClient{BaseURL: srv.URL, Token: netboxToken, HTTP: srv.Client()}
	if _, err := c.Push(ctx, sampleAssets(), DefaultNetBox()); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}
