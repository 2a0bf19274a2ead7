package web_test

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"path/filepath"
	"testing"
	"time"

	"github.com/netcensus/netcensus/serve/web/webtest"
)

// BenchmarkInventoryPage is the inventory's first page (50 rows, the
// default columns) over 2,000 assets, signed in, through loopback HTTP:
// run with -benchmem (allocations a page) or -cpuprofile.
func BenchmarkInventoryPage(b *testing.B) {
	ctx := context.Background()
	db, inv, err := webtest.Open(ctx, filepath.Join(b.TempDir(), "netcensus.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if err := webtest.Fill(ctx, inv, time.Now()); err != nil {
		b.Fatal(err)
	}
	if err := webtest.Bulk(ctx, db, 2000, time.Now()); err != nil {
		b.Fatal(err)
	}
	svc, err := webtest.Start(ctx, inv, db, nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer svc.Stop()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: time.Minute}
	resp, err := c.PostForm(svc.URL+"/signin", url.Values{"token": {webtest.ReadToken}})
	if err != nil {
		b.Fatal(err)
	}
	resp.Body.Close()
	for b.Loop() {
		resp, err := c.Get(svc.URL + "/inventory")
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			b.Fatalf("GET /inventory: %d", resp.StatusCode)
		}
	}
}
