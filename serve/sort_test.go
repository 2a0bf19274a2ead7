package serve

import (
	"net/url"
	"slices"
	"testing"
)

// TestAssetListingSorted: ?sort= and ?dir= order the listing in the
// store, and its cursor pages through that order, one at a time; a bad
// sort, direction or cursor is a 400.
func TestAssetListingSorted(t *testing.T) {
	h := apiHarness(t)
	for query, want := range map[string][]string{
		"sort=ip":                     {"192.0.2.10", "192.0.2.11", "198.51.100.200"},
		"sort=ip&dir=desc":            {"198.51.100.200", "192.0.2.11", "192.0.2.10"},
		"sort=ip&dir=desc&q=192.0.2.": {"192.0.2.11", "192.0.2.10"},
	} {
		var got []string
		path := "/api/v1/assets?limit=1&" + query
		for pages := 0; pages < 5; pages++ {
			var l listing
			h.getJSON(path, readToken, &l)
			for _, a := range l.Assets {
				got = append(got, a.IP.String())
			}
			if l.NextCursor == "" {
				break
			}
			path = "/api/v1/assets?limit=1&" + query + "&cursor=" + l.NextCursor
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s, a page at a time: %v, want %v", query, got, want)
		}
	}
	var l listing
	h.getJSON("/api/v1/assets?limit=1&sort=ip", readToken, &l)
	for _, bad := range []string{"sort=data", "sort=ip&dir=up", "sort=ip&cursor=eHl6", "sort=mac&cursor=" + url.QueryEscape(l.NextCursor)} {
		if code, body := h.do("GET", "/api/v1/assets?"+bad, readToken, ""); code != 400 {
			t.Errorf("%s: %d %s, want 400", bad, code, body)
		}
	}
}
