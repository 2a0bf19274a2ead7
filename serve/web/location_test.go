package web_test

import (
	"strings"
	"testing"

	"github.com/netcensus/netcensus/serve/web/webtest"
)

// TestAssetLocation: where a host is plugged in (asset locate) shows on
// its page, linked to the switch, with where it was before; and as the
// inventory's optional Location column.
func TestAssetLocation(t *testing.T) {
	f := newFixture(t)
	c := f.client()
	c.signin(webtest.ReadToken)
	code, body := c.get("/assets/" + f.ids[webtest.ServerIP])
	if code != 200 {
		t.Fatalf("asset page: %d", code)
	}
	_, loc, _ := strings.Cut(body, "<h2>Location</h2>")
	loc, _, _ = strings.Cut(loc, "<h2>")
	for _, want := range []string{`<a href="/assets/` + f.ids[webtest.SwitchIP] + `">sw-core-1</a>`, "port <strong>Gi1/0/7</strong>", "VLAN 10",
		"<td>Gi1/0/2</td>", "access port (one MAC, no neighbour)"} {
		if !strings.Contains(loc, want) {
			t.Errorf("the location section lacks %q:\n%s", want, loc)
		}
	}
	if i, j := strings.Index(loc, "<td>Gi1/0/7</td>"), strings.Index(loc, "<td>Gi1/0/2</td>"); i < 0 || i > j {
		t.Errorf("the places are not newest first:\n%s", loc)
	}
	if _, body := c.get("/assets/" + f.ids[webtest.PrinterIP]); !strings.Contains(body, "Not located on a switch port") {
		t.Error("an unlocated asset does not say so")
	}
	code, body = c.get("/inventory?cols=ip&cols=location&type=server")
	if code != 200 || !strings.Contains(body, "<td>sw-core-1 Gi1/0/7 vlan 10</td>") || !strings.Contains(body, "<th>Location</th>") {
		t.Errorf("the inventory's Location column: %d", code)
	}
}
