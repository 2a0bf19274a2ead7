package web_test

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/netcensus/netcensus/serve/web/webtest"
)

var (
	hostRe = regexp.MustCompile(`>(host-\d{6})<`)
	nextRe = regexp.MustCompile(`href="([^"]+)" rel="next"`)
)

// TestInventorySortedByStore: a sorted inventory is the store's order
// over every asset, page after page by cursor: sorted by hostname,
// descending, over the bulk fixture's 10,500 assets the first page starts
// at the last name (it once sorted the first 5,000 assets only, by
// offset).
func TestInventorySortedByStore(t *testing.T) {
	t.Parallel()
	f := bulkFixture(t)
	const n = bulkAssets
	c := f.client()
	c.signin(webtest.ReadToken)
	path := "/inventory?sort=hostname&dir=desc&type=server"
	var got []string
	for page := 0; page < 3; page++ {
		code, body := c.get(path)
		if code != 200 {
			t.Fatalf("%s: %d", path, code)
		}
		if strings.Contains(body, "offset=") {
			t.Errorf("%s: a link by offset", path)
		}
		// Back to the first page from a later one; none on the first.
		if first := strings.Contains(body, ">First page</a>"); first != (page > 0) {
			t.Errorf("page %d: a link to the first page: %v", page+1, first)
		}
		for _, m := range hostRe.FindAllStringSubmatch(body, -1) {
			got = append(got, m[1])
		}
		m := nextRe.FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("%s: no next page", path)
		}
		path = html.UnescapeString(m[1])
	}
	// Bulk's servers are every sixth host: 10496, 10490, … down.
	if len(got) != 150 {
		t.Fatalf("three pages held %d hosts, want 150", len(got))
	}
	for i, h := range got {
		if want := fmt.Sprintf("host-%06d", n-4-6*i); h != want {
			t.Fatalf("row %d: %s, want %s (rows %v…)", i, h, want, got[:min(len(got), 5)])
		}
	}
}
