package serve

import (
	"net/http"
	"strings"
	"testing"

	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// TestLocationAPI: GET /api/v1/assets/{id}/location by MAC, IP or ID
// says where a device is and has been; GET /api/v1/switches/{id}/ports
// lists the switch's ports with the device on its port; an unknown device
// is 404 and a query parameter or an overlong name 400.
func TestLocationAPI(t *testing.T) {
	h := apiHarness(t)
	as := h.assets(store.AssetFilter{})
	var sw, host store.Asset
	for _, a := range as {
		switch a.Record.IP.String() {
		case "192.0.2.10":
			sw = a
		case "192.0.2.11":
			host = a
		}
	}
	st := h.inv.Store()
	loc := record.Location{Switch: record.SwitchRef{AssetID: sw.Record.AssetID, Name: "acc-sw-1", IP: sw.Record.IP}, Port: "Gi1/0/7", VLAN: 10,
		Seen: host.Record.LastSeen}
	host.Record.Location = &loc
	if err := st.PutAssets(t.Context(), []store.Asset{host}); err != nil {
		t.Fatal(err)
	}
	if err := st.AppendLocations(t.Context(), []store.Location{{AssetID: host.Record.AssetID, SweepID: host.LastSweepID,
		Time: host.Record.LastSeen, MAC: host.Record.MAC, Location: loc, Rule: "access_port"}}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{host.Record.MAC.String(), "192.0.2.11", host.Record.AssetID} {
		var w inventory.Whereabouts
		h.getJSON("/api/v1/assets/"+q+"/location", readToken, &w)
		if w.AssetID != host.Record.AssetID || w.Current == nil || w.Current.Port != "Gi1/0/7" || len(w.History) != 1 || w.History[0].VLAN != 10 {
			t.Errorf("location by %s: %+v", q, w)
		}
	}
	var ps inventory.SwitchPorts
	h.getJSON("/api/v1/switches/192.0.2.10/ports", readToken, &ps)
	found := false
	for _, p := range ps.Ports {
		if p.Port == "Gi1/0/7" && len(p.Hosts) == 1 && p.Hosts[0].AssetID == host.Record.AssetID {
			found = true
		}
	}
	if !found || ps.Switch.AssetID != sw.Record.AssetID {
		t.Errorf("ports: %+v", ps)
	}
	for _, tc := range []struct {
		path string
		code int
	}{
		{"/api/v1/assets/00:00:5e:00:53:99/location", http.StatusNotFound},
		{"/api/v1/assets/" + host.Record.AssetID + "/location?x=1", http.StatusBadRequest},
		{"/api/v1/switches/" + strings.Repeat("a", 200) + "/ports", http.StatusBadRequest},
	} {
		if code, body := h.do("GET", tc.path, readToken, ""); code != tc.code {
			t.Errorf("GET %s: %d %s, want %d", tc.path, code, body, tc.code)
		}
	}
	if code, _ := h.do("GET", "/api/v1/assets/192.0.2.11/location", "", ""); code != http.StatusUnauthorized {
		t.Errorf("without a token: %d", code)
	}
}
