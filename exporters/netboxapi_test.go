package exporters

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/exporters/netboxtest"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

const netboxToken = "0123456789abcdef-netbox-token-secret"

// netboxAssets: a switch SNMP described (interfaces, a management VLAN
// whose MAC answered ARP) and a printer ARP alone saw.
func netboxAssets(t *testing.T) []record.Asset {
	return []record.Asset{
		{AssetID: "a-1", Hostname: "core-sw1", Vendor: "Cisco", Model: "WS-C2960X-48TS-L", Serial: "FOC1234X0AB",
			Site: "dc-east", Role: "access-switch", State: store.StateActive,
			IP: netip.MustParseAddr("192.0.2.1"), IPs: []netip.Addr{netip.MustParseAddr("192.0.2.1"), netip.MustParseAddr("198.51.100.1")},
			MAC: mustMAC("00:1b:54:00:00:01"),
			Interfaces: []record.Interface{
				{Index: 10101, Name: "Gi0/1", Alias: "uplink", Type: "ethernetCsmacd", MAC: mustMAC("00:1b:54:00:01:01"), SpeedBps: 1_000_000_000, AdminUp: true, OperUp: true},
				{Index: 1, Name: "Vlan1", Type: "propVirtual", MAC: mustMAC("00:1b:54:00:00:01"), AdminUp: true, OperUp: true},
			}},
		{AssetID: "a-2", IP: netip.MustParseAddr("192.0.2.50"), MAC: mustMAC("a4:c3:61:00:00:50"), MACVendor: "Apple, Inc.", State: store.StateMissing},
	}
}

// fullNetBox has every site, role, manufacturer and device type
// netboxAssets names.
func fullNetBox() *netboxtest.Server {
	nb := netboxtest.New(netboxToken)
	nb.Add(netboxtest.Sites, netboxtest.Object{"name": "dc-east", "slug": "dc-east"})
	nb.Add(netboxtest.Sites, netboxtest.Object{"name": "unassigned", "slug": "unassigned"})
	nb.Add(netboxtest.Roles, netboxtest.Object{"name": "access-switch", "slug": "access-switch"})
	nb.Add(netboxtest.Roles, netboxtest.Object{"name": "unassigned", "slug": "unassigned"})
	cisco := nb.Add(netboxtest.Manufacturers, netboxtest.Object{"name": "Cisco", "slug": "cisco"})
	apple := nb.Add(netboxtest.Manufacturers, netboxtest.Object{"name": "Apple, Inc.", "slug": "apple"})
	nb.Add(netboxtest.DeviceTypes, netboxtest.Object{"model": "WS-C2960X-48TS-L", "slug": "ws-c2960x", "manufacturer": cisco})
	nb.Add(netboxtest.DeviceTypes, netboxtest.Object{"model": "Unknown", "slug": "unknown-apple", "manufacturer": apple})
	return nb
}

func newClient(srv *httptest.Server) *NetBoxClient {
	return &NetBoxClient{BaseURL: srv.URL + "/", Token: netboxToken, HTTP: srv.Client(), Backoff: func(int) time.Duration { return 0 }}
}

// A push writes each device with its interfaces, their MACs and its IP
// addresses, on the interface whose MAC answered, with the primary IP
// set; a second push updates the same objects and creates none.
func TestNetBoxPush(t *testing.T) {
	nb := fullNetBox()
	srv := httptest.NewServer(nb)
	defer srv.Close()
	c := newClient(srv)
	res, err := c.Push(context.Background(), netboxAssets(t), DefaultNetBox())
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 2 || res.Updated != 0 || res.Interfaces != 3 || res.MACs != 3 || res.IPs != 3 || len(res.Failed) != 0 {
		t.Fatalf("result %+v", res)
	}
	devs := nb.Objects(netboxtest.Devices)
	ifs := nb.Objects(netboxtest.Interfaces)
	macs := nb.Objects(netboxtest.MACAddresses)
	ips := nb.Objects(netboxtest.IPAddresses)
	if len(devs) != 2 || len(ifs) != 3 || len(macs) != 3 || len(ips) != 3 {
		t.Fatalf("stored %d devices, %d interfaces, %d MACs, %d IPs", len(devs), len(ifs), len(macs), len(ips))
	}
	sw := devs[0]
	if sw["name"] != "core-sw1" || sw["serial"] != "FOC1234X0AB" || sw["status"] != "active" {
		t.Errorf("switch %v", sw)
	}
	byName := map[string]netboxtest.Object{}
	for _, it := range ifs {
		byName[it["name"].(string)] = it
	}
	if g := byName["Gi0/1"]; g["type"] != "1000base-t" || g["description"] != "uplink" || g["speed"] != 1_000_000 || g["device"] != sw["id"] {
		t.Errorf("Gi0/1 %v", g)
	}
	vlan := byName["Vlan1"]
	if vlan["type"] != "virtual" || vlan["primary_mac_address"] == nil {
		t.Errorf("Vlan1 %v", vlan)
	}
	nic := byName["nic-a4c361000050"]
	if nic == nil || nic["device"] != devs[1]["id"] || nic["type"] != "other" {
		t.Errorf("the printer's interface %v (interfaces %v)", nic, ifs)
	}
	var addrs []string
	for _, ip := range ips {
		addrs = append(addrs, ip["address"].(string))
		want := vlan["id"]
		if ip["address"] == "192.0.2.50/32" {
			want = nic["id"]
		}
		if ip["assigned_object_id"] != want || ip["assigned_object_type"] != "dcim.interface" {
			t.Errorf("%v is on interface %v, want %v", ip["address"], ip["assigned_object_id"], want)
		}
	}
	slices.Sort(addrs)
	if want := []string{"192.0.2.1/32", "192.0.2.50/32", "198.51.100.1/32"}; !slices.Equal(addrs, want) {
		t.Errorf("addresses %v, want %v", addrs, want)
	}
	if sw["primary_ip4"] != ips[0]["id"] || devs[1]["primary_ip4"] == nil {
		t.Errorf("primary IPs %v %v", sw["primary_ip4"], devs[1]["primary_ip4"])
	}
	if devs[1]["status"] != "offline" || devs[1]["site"] != nb.Objects(netboxtest.Sites)[1]["id"] {
		t.Errorf("printer %v", devs[1])
	}

	res, err = c.Push(context.Background(), netboxAssets(t), DefaultNetBox())
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 0 || res.Updated != 2 || len(res.Failed) != 0 {
		t.Errorf("second push %+v", res)
	}
	if n := len(nb.Objects(netboxtest.Devices)) + len(nb.Objects(netboxtest.Interfaces)) + len(nb.Objects(netboxtest.MACAddresses)) + len(nb.Objects(netboxtest.IPAddresses)); n != 11 {
		t.Errorf("a second push left %d objects, want the same 11", n)
	}
}

// A site, role or device type missing in NetBox refuses the push before
// anything is written, naming everything to create.
func TestNetBoxPushRefusesMissing(t *testing.T) {
	nb := netboxtest.New(netboxToken)
	nb.Add(netboxtest.Sites, netboxtest.Object{"name": "unassigned", "slug": "unassigned"})
	nb.Add(netboxtest.Roles, netboxtest.Object{"name": "unassigned", "slug": "unassigned"})
	nb.Add(netboxtest.Manufacturers, netboxtest.Object{"name": "Cisco", "slug": "cisco"})
	srv := httptest.NewServer(nb)
	defer srv.Close()
	_, err := newClient(srv).Push(context.Background(), netboxAssets(t), DefaultNetBox())
	var me *NetBoxMissingError
	if !errors.As(err, &me) {
		t.Fatalf("err = %v, want a NetBoxMissingError", err)
	}
	want := []string{`device role "access-switch"`, `device type "Unknown" of manufacturer "Apple, Inc."`,
		`device type "WS-C2960X-48TS-L" of manufacturer "Cisco"`, `manufacturer "Apple, Inc."`, `site "dc-east"`}
	if !slices.Equal(me.Missing, want) {
		t.Errorf("missing\n%q\nwant\n%q", me.Missing, want)
	}
	if !strings.Contains(err.Error(), "nothing written: create these in NetBox first") {
		t.Errorf("message %q", err)
	}
	if n := nb.Writes(); n != 0 {
		t.Errorf("%d writes before the refusal: %v", n, nb.Requests())
	}
}

// A device NetBox refuses is reported; the others are pushed.
func TestNetBoxPushDeviceRefused(t *testing.T) {
	nb := fullNetBox()
	srv := httptest.NewServer(nb)
	defer srv.Close()
	as := netboxAssets(t)
	as[0].Serial = strings.Repeat("X", 60)
	res, err := newClient(srv).Push(context.Background(), as, DefaultNetBox())
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 1 || !strings.Contains(res.Failed["core-sw1"], "HTTP 400") || !strings.Contains(res.Failed["core-sw1"], "serial") {
		t.Errorf("result %+v", res)
	}
	var b strings.Builder
	res.WriteCounts(&b)
	err = res.Refusals(&b, len(as))
	if want := "netbox: 1 created, 0 updated, 1 refused;"; !strings.HasPrefix(b.String(), want) || !strings.Contains(b.String(), "\nnetbox: core-sw1: ") ||
		err == nil || err.Error() != "netbox refused 1 of 2 devices" {
		t.Errorf("report %q, %v", b.String(), err)
	}
	b.Reset()
	if err := (PushResult{Created: 2}).Refusals(&b, 2); err != nil || b.Len() != 0 {
		t.Errorf("nothing refused: %q, %v", b.String(), err)
	}
}

// 503s are tried again, a bounded number of times.
func TestNetBoxPushRetries(t *testing.T) {
	nb := fullNetBox()
	srv := httptest.NewServer(nb)
	defer srv.Close()
	c := newClient(srv)
	nb.FailNext(2)
	if _, err := c.Push(context.Background(), netboxAssets(t), DefaultNetBox()); err != nil {
		t.Fatalf("two 503s with three tries: %v", err)
	}
	before := len(nb.Requests())
	nb.FailNext(100)
	_, err := c.Push(context.Background(), netboxAssets(t), DefaultNetBox())
	if err == nil || !strings.Contains(err.Error(), "HTTP 503") {
		t.Fatalf("err = %v, want HTTP 503", err)
	}
	if n := len(nb.Requests()) - before; n != NetBoxAttempts {
		t.Errorf("%d requests, want %d tries", n, NetBoxAttempts)
	}
}

// A NetBox that does not answer is given up on: each request within the
// client's timeout, a read tried a bounded number of times.
func TestNetBoxPushTimeout(t *testing.T) {
	var mu = make(chan struct{}, 100)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu <- struct{}{}
		<-r.Context().Done()
	}))
	defer srv.Close()
	c := newClient(srv)
	c.HTTP = &http.Client{Timeout: 50 * time.Millisecond}
	start := time.Now()
	_, err := c.Push(context.Background(), netboxAssets(t), DefaultNetBox())
	if err == nil || !strings.Contains(err.Error(), "Timeout") {
		t.Fatalf("err = %v, want a timeout", err)
	}
	if len(mu) != NetBoxAttempts {
		t.Errorf("%d requests, want %d", len(mu), NetBoxAttempts)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %s", d)
	}
}

func TestNetBoxPushBadToken(t *testing.T) {
	srv := httptest.NewServer(fullNetBox())
	defer srv.Close()
	c := newClient(srv)
	c.Token = "wrong-" + netboxToken
	_, err := c.Push(context.Background(), netboxAssets(t), DefaultNetBox())
	if !errors.Is(err, ErrNetBoxAuth) {
		t.Fatalf("err = %v, want ErrNetBoxAuth", err)
	}
	if strings.Contains(err.Error(), netboxToken) {
		t.Errorf("token in error: %v", err)
	}
	c.BaseURL = "netbox.example.net"
	if _, err := c.Push(context.Background(), netboxAssets(t), DefaultNetBox()); err == nil {
		t.Error("URL without scheme accepted")
	}
}

func TestNetBoxPushCancelled(t *testing.T) {
	srv := httptest.NewServer(fullNetBox())
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := newClient(srv).Push(ctx, netboxAssets(t), DefaultNetBox()); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// The token comes from the file when one is given, else the
// environment, trimmed; none is ErrNoNetBoxToken, and a file that
// cannot be read is named.
func TestNetBoxToken(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "token")
	if err := os.WriteFile(file, []byte("  file-token\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == NetBoxTokenEnv {
				return v
			}
			return ""
		}
	}
	for _, tc := range []struct {
		name, file, env, want string
		err                   error
	}{
		{name: "the file", file: file, want: "file-token"},
		{name: "the file over the environment", file: file, env: "env-token", want: "file-token"},
		{name: "the environment", env: " env-token\n", want: "env-token"},
		{name: "none", env: "  ", err: ErrNoNetBoxToken},
		{name: "an empty file", file: os.DevNull, env: "env-token", err: ErrNoNetBoxToken},
		{name: "no such file", file: filepath.Join(dir, "none"), env: "env-token", err: os.ErrNotExist},
	} {
		got, err := NetBoxToken(tc.file, env(tc.env))
		if got != tc.want || !errors.Is(err, tc.err) || (tc.err == nil) != (err == nil) {
			t.Errorf("%s: %q, %v; want %q, %v", tc.name, got, err, tc.want, tc.err)
		}
		if err != nil && tc.file != "" && tc.err != ErrNoNetBoxToken && !strings.Contains(err.Error(), tc.file) {
			t.Errorf("%s: %v does not name the file", tc.name, err)
		}
	}
}

// PushStore pushes what the store keeps and says the counts; a site
// NetBox lacks refuses the push before anything is written, the counts
// said all the same.
func TestNetBoxPushStore(t *testing.T) {
	ctx := t.Context()
	db, _ := storeOf(t, netboxAssets(t))
	nb := fullNetBox()
	srv := httptest.NewServer(nb)
	defer srv.Close()
	var w strings.Builder
	if err := newClient(srv).PushStore(ctx, db, DefaultNetBox(), &w); err != nil {
		t.Fatal(err)
	}
	if want := "netbox: 2 created, 0 updated, 0 refused; 3 interfaces, 3 MAC addresses, 3 IP addresses\n"; w.String() != want {
		t.Errorf("said %q, want %q", w.String(), want)
	}
	w.Reset()
	writes := nb.Writes()
	d := DefaultNetBox()
	d.Site = "hq"
	var missing *NetBoxMissingError
	if err := newClient(srv).PushStore(ctx, db, d, &w); !errors.As(err, &missing) || nb.Writes() != writes ||
		!strings.HasPrefix(w.String(), "netbox: 0 created, 0 updated, 0 refused;") {
		t.Errorf("missing site: %v, %d writes, said %q", err, nb.Writes()-writes, w.String())
	}
}
