// Command ui measures the web UI of netcensus serve over a large store
// (bench/ui.sh runs it): the inventory's first page (server time and the
// headless browser's DOMContentLoaded) and search as you type (the round
// trip of each keystroke's request, as htmx sends it). Touches no
// network but loopback. Nothing here is an assertion: numbers to read.
package main

import (
	"context"
	"flag"
	"fmt"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/netcensus/netcensus/serve/web/webtest"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "bench/ui:", err)
		os.Exit(1)
	}
}

func run() error {
	assets := flag.Int("assets", 100_000, "synthetic assets in the store (plus the fixture's known ones)")
	runs := flag.Int("runs", 21, "repetitions of each request")
	typed := flag.String("type", "host-04217", "what the search-as-you-type part types, one character at a time")
	browser := flag.Bool("browser", true, "measure DOMContentLoaded in headless chromium")
	flag.Parse()
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "netcensus-bench-ui-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	db, inv, err := webtest.Open(ctx, filepath.Join(dir, "netcensus.db"))
	if err != nil {
		return err
	}
	defer db.Close()
	start := time.Now()
	if err := webtest.Fill(ctx, inv, time.Now()); err != nil {
		return err
	}
	if err := webtest.Bulk(ctx, db, *assets, time.Now()); err != nil {
		return err
	}
	fmt.Printf("store: %d synthetic assets + the fixture's, filled in %s\n", *assets, time.Since(start).Round(time.Millisecond))
	svc, err := webtest.Start(ctx, inv, db, nil, slog.New(slog.DiscardHandler))
	if err != nil {
		return err
	}
	defer svc.Stop()

	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: time.Minute}
	resp, err := c.PostForm(svc.URL+"/signin", url.Values{"token": {webtest.ReadToken}})
	if err != nil {
		return err
	}
	resp.Body.Close()

	get := func(path string, hdr map[string]string) (rtt, app time.Duration, body string, err error) {
		req, _ := http.NewRequest("GET", svc.URL+path, nil)
		for k, v := range hdr {
			req.Header.Set(k, v)
		}
		t0 := time.Now()
		resp, err := c.Do(req)
		if err != nil {
			return 0, 0, "", err
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		rtt = time.Since(t0)
		if resp.StatusCode != 200 {
			return 0, 0, "", fmt.Errorf("GET %s: %d", path, resp.StatusCode)
		}
		if st := resp.Header.Get("Server-Timing"); strings.HasPrefix(st, "app;dur=") {
			ms, _ := strconv.ParseFloat(strings.TrimPrefix(st, "app;dur="), 64)
			app = time.Duration(ms * float64(time.Millisecond))
		}
		return rtt, app, string(b), err
	}

	// 1. The inventory's first page, as a browser asks for it.
	var rtts, apps []time.Duration
	for i := 0; i < *runs; i++ {
		rtt, app, body, err := get("/inventory", nil)
		if err != nil {
			return err
		}
		if !strings.Contains(body, "host-") && !strings.Contains(body, "192.0.2.") {
			return fmt.Errorf("the first page lists no asset")
		}
		rtts, apps = append(rtts, rtt), append(apps, app)
	}
	fmt.Printf("inventory first page (%d runs): round trip median %s p90 %s max %s; server (Server-Timing) median %s p90 %s  [target: server <= 100ms]\n",
		*runs, med(rtts), pct(rtts, 90), slices.Max(rtts), med(apps), pct(apps, 90))

	// 1b. Sorted pages (the store's order by an index, or by the IDs for
	// an annotation's column) and the page after, by cursor.
	nextRe := regexp.MustCompile(`href="([^"]+)" rel="next"`)
	for _, q := range []string{"sort=hostname&dir=desc", "sort=ip", "sort=last_seen&dir=desc", "sort=vendor&type=server", "sort=site"} {
		var first, second []time.Duration
		for i := 0; i < *runs; i++ {
			_, app, body, err := get("/inventory?"+q, nil)
			if err != nil {
				return err
			}
			m := nextRe.FindStringSubmatch(body)
			if m == nil {
				return fmt.Errorf("sorted %s: no next page", q)
			}
			_, app2, _, err := get(html.UnescapeString(m[1]), nil)
			if err != nil {
				return err
			}
			first, second = append(first, app), append(second, app2)
		}
		fmt.Printf("inventory sorted %-26s server median %s p90 %s; next page median %s p90 %s\n", q, med(first), pct(first, 90), med(second), pct(second, 90))
	}
	// 1c. The Unknown list's first page and the one after (newest first).
	var unk []time.Duration
	for i := 0; i < *runs; i++ {
		rtt, _, body, err := get("/unknown", nil)
		if err != nil {
			return err
		}
		if !strings.Contains(body, `rel="next"`) {
			return fmt.Errorf("/unknown: no older page")
		}
		unk = append(unk, rtt)
	}
	fmt.Printf("unknown devices first page (%d runs): round trip median %s p90 %s\n", *runs, med(unk), pct(unk, 90))
	// 1d. The capacity overview: its page, then the tables it fetches.
	var capPage, capTables []time.Duration
	for i := 0; i < min(*runs, 5); i++ {
		rtt, _, _, err := get("/capacity", nil)
		if err != nil {
			return err
		}
		rtt2, _, _, err := get("/capacity", map[string]string{"HX-Request": "true", "HX-Target": "capacity-table"})
		if err != nil {
			return err
		}
		capPage, capTables = append(capPage, rtt), append(capTables, rtt2)
	}
	fmt.Printf("capacity overview: page median %s; its tables (every series) median %s\n", med(capPage), med(capTables))

	// 2. Search as you type: one request per keystroke, as htmx sends it.
	var keys []time.Duration
	per := make([][]time.Duration, len(*typed))
	for r := 0; r < 3; r++ {
		for i := 1; i <= len(*typed); i++ {
			q := (*typed)[:i]
			rtt, _, body, err := get("/inventory?q="+url.QueryEscape(q), map[string]string{"HX-Request": "true", "HX-Target": "results"})
			if err != nil {
				return err
			}
			if i == len(*typed) && !strings.Contains(body, *typed) {
				return fmt.Errorf("search %q found nothing", q)
			}
			keys = append(keys, rtt)
			per[i-1] = append(per[i-1], rtt)
		}
	}
	fmt.Printf("search as you type %q (%d keystrokes): round trip median %s p90 %s max %s  [target: <= 150ms]\n",
		*typed, len(keys), med(keys), pct(keys, 90), slices.Max(keys))
	for i, ds := range per {
		fmt.Printf("  %-12q median %s\n", (*typed)[:i+1], med(ds))
	}

	// 3. DOMContentLoaded of the first page in headless chromium.
	if *browser {
		dcl, err := domContentLoaded(svc.URL, *runs)
		if err != nil {
			return err
		}
		fmt.Printf("inventory first page in headless chromium (%d loads): DOMContentLoaded median %s p90 %s max %s  [target: <= 1s]\n",
			len(dcl), med(dcl), pct(dcl, 90), slices.Max(dcl))
	}
	return nil
}

func domContentLoaded(base string, n int) ([]time.Duration, error) {
	path := ""
	for _, name := range []string{os.Getenv("NETCENSUS_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); name != "" && err == nil {
			path = p
			break
		}
	}
	if path == "" {
		return nil, fmt.Errorf("chromium not found (apt-get install chromium, or -browser=false)")
	}
	dir, err := os.MkdirTemp("", "netcensus-bench-chromium-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.UserDataDir(dir), chromedp.WindowSize(1280, 800))
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox)
	}
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer acancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/signin"), chromedp.WaitVisible(chromedp.ID("token")),
		chromedp.SendKeys(chromedp.ID("token"), webtest.ReadToken), chromedp.Submit(chromedp.ID("token")),
		chromedp.WaitVisible(chromedp.ID("filters"))); err != nil {
		return nil, fmt.Errorf("sign in: %w", err)
	}
	var out []time.Duration
	for i := 0; i < n; i++ {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/inventory?run="+strconv.Itoa(i)), chromedp.WaitReady(chromedp.CSS("#results"))); err != nil {
			return nil, err
		}
		ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd`))
		if err != nil {
			return nil, err
		}
		out = append(out, time.Duration(ms*float64(time.Millisecond)))
	}
	return out, nil
}

func med(ds []time.Duration) time.Duration { return pct(ds, 50) }

func pct(ds []time.Duration, p int) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (len(s)*p + 99) / 100
	return s[max(0, min(len(s)-1, i-1))].Round(100 * time.Microsecond)
}
