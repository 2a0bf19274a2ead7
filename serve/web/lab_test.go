package web_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/netcensus/netcensus/internal/labtest"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/serve/web/webtest"
)

// TestLabBrowser sweeps the lab for real (inside its namespaces: the
// scanner namespace's netcensus, a net-snmp host whose system group
// carries markup and quotes, a plain snmpd host and ARP-only hosts), then
// serves that store with the UI on loopback and drives chromium through
// it: every page loads clean, the hostile strings show as text, the
// hostile host is found by its MAC and approved off the Unknown list.
func TestLabBrowser(t *testing.T) {
	t.Parallel()
	chromiumPath(t)
	lab := labtest.Up(t, labtest.Options{Hosts: 4, Roles: []labtest.Role{{Host: 1, Name: "snmpd-hostile"}, {Host: 2, Name: "snmpd"}}})
	bin := labtest.BuildBinary(t, "./cmd/netcensus")
	path := filepath.Join(t.TempDir(), "cmdb.db")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	for i := range 2 {
		cmd := lab.Exec(ctx, lab.ScannerNS(), bin, "--store", "sqlite:"+path, "sweep", "--community", "public", "--no-progress", "-o", "jsonl", "198.51.100.0/24")
		var errb bytes.Buffer
		cmd.Stderr = &errb
		if err := cmd.Run(); err != nil {
			t.Fatalf("sweep %d: %v\n%s", i+1, err, errb.String())
		}
	}
	db, inv, err := webtest.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	svc, err := webtest.Start(ctx, inv, db, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := svc.Stop(); err != nil {
			t.Error(err)
		}
	})
	hostile, plain := lab.Hosts()[0], lab.Hosts()[1]
	ids := map[string]string{}
	as, err := db.Assets(ctx, store.AssetFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		ids[a.Record.IP.String()] = a.Record.AssetID
	}
	hid, pid := ids[hostile.IP.String()], ids[plain.IP.String()]
	if hid == "" || pid == "" {
		t.Fatalf("the sweeps stored no asset for %s or %s: %v", hostile.IP, plain.IP, ids)
	}

	b := newBrowser(t)
	base := svc.URL
	b.signin(base, webtest.WriteToken)
	b.shoot(base, "lab-", [][2]string{{"inventory", "/inventory"}, {"unknown", "/unknown"}, {"asset-hostile", "/assets/" + hid},
		{"asset-snmpd", "/assets/" + pid}, {"sweeps", "/sweeps"}, {"drift", "/drift"}, {"capacity", "/capacity"}})

	b.run("hostile asset", chromedp.Navigate(base+"/assets/"+hid), chromedp.WaitReady(chromedp.CSS("body")))
	if value(b, "injected", chromedp.Evaluate[bool](`document.querySelectorAll("main script, main b").length > 0`)) {
		t.Error("the hostile sysName, sysContact or sysLocation became markup")
	}
	txt := b.text()
	for _, want := range []string{`<script>alert("sysName")</script>lab'host"`, `Eve "ops" <eve@example.net><script>alert('contact')</script>`, `rack <b>7</b> & "cage" 'B'`} {
		if !strings.Contains(txt, want) {
			t.Errorf("the asset page does not show %q as text", want)
		}
	}
	b.clean("hostile asset")

	mac := strings.ToUpper(hostile.MAC.String())
	b.run("search the MAC", chromedp.Navigate(base+"/inventory"), chromedp.WaitVisible(chromedp.ID("q")),
		chromedp.SendKeys(chromedp.ID("q"), mac),
		chromedp.Poll[chromedp.Void](`document.querySelectorAll("#results tbody tr").length === 1 && document.querySelector("#results tbody").textContent.includes("`+hostile.IP.String()+`")`,
			chromedp.WithPollingTimeout(20*time.Second)))
	b.clean("search the MAC")

	b.run("approve", chromedp.Navigate(base+"/unknown"), chromedp.WaitVisible(chromedp.CSS(`tr[data-id="`+hid+`"]`)),
		chromedp.Click(chromedp.CSS(`button[name=approve_one][value="`+hid+`"]`)),
		chromedp.Poll[chromedp.Void](`!document.querySelector('tr[data-id="`+hid+`"]')`, chromedp.WithPollingTimeout(20*time.Second)))
	b.clean("approve")
	if a, _ := db.Asset(ctx, hid); a.Record.Approved == nil || !*a.Record.Approved {
		t.Error("the hostile host left the list but is not approved")
	}
}
