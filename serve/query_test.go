package serve

import (
	"errors"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
)

// ?state= and the CLI's --state (store.AssetQuery) accept and refuse the
// same lists, with the same states and the same message.
func TestStateParamAgreesWithCLI(t *testing.T) {
	for _, in := range []string{"", " ", "new", "new,active", "new, active", "new,,active", "new,", ",", "gone", "new,gone", "NEW"} {
		q, apiErr := parseAssetQuery(url.Values{"state": {in}}, now0)
		f, cliErr := store.AssetQuery{States: []string{in}}.Filter()
		if (apiErr == nil) != (cliErr == nil) {
			t.Errorf("state %q: API %v, CLI %v", in, apiErr, cliErr)
			continue
		}
		if apiErr != nil {
			var br badRequest
			if !errors.As(apiErr, &br) || br.msg != cliErr.Error() {
				t.Errorf("state %q: API says %q, CLI %q", in, apiErr, cliErr)
			}
			continue
		}
		if !slices.Equal(q.filter.States, f.States) {
			t.Errorf("state %q: API %q, CLI %q", in, q.filter.States, f.States)
		}
	}
	if _, err := parseAssetQuery(url.Values{"state": {"new,,active"}}, now0); err == nil || !strings.Contains(err.Error(), "item 2 is empty") {
		t.Errorf("new,,active: %v, want item 2 named empty", err)
	}
}

func TestParseAssetQuery(t *testing.T) {
	tests := []struct {
		raw     string
		wantErr string
		check   func(assetQuery) bool
	}{
		{"", "", func(q assetQuery) bool { return q.limit == defaultLimit && !q.filter.Approved && !q.filter.Unapproved }},
		{"state=new,missing&vendor=Cisco&type=switch", "", func(q assetQuery) bool {
			return len(q.filter.States) == 2 && q.filter.Vendor == "Cisco" && q.filter.DeviceType == "switch"
		}},
		{"site=Lab-1", "", func(q assetQuery) bool { return q.site == "Lab-1" }},
		{"site=a%0Ab", "control", nil},
		{"subnet=192.0.2.77/24", "", func(q assetQuery) bool { return q.filter.Subnet.String() == "192.0.2.0/24" }},
		{"approved=false", "", func(q assetQuery) bool { return !q.filter.Approved && q.filter.Unapproved }},
		{"seen_since=7d", "", func(q assetQuery) bool { return q.filter.SeenSince.Equal(now0.Add(-7 * 24 * time.Hour)) }},
		{"seen_since=2026-05-01T00:00:00Z", "", func(q assetQuery) bool { return q.filter.SeenSince.Equal(time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)) }},
		{"approved=true", "", func(q assetQuery) bool { return q.filter.Approved && !q.filter.Unapproved }},
		{"q=AA:BB", "", func(q assetQuery) bool { return q.filter.Search == "AA:BB" }},
		{"cursor=" + cursorFor("0190-ab"), "", func(q assetQuery) bool { return q.filter.After == "0190-ab" }},
		{"limit=200001", "limit", nil},
		{"seen_since=-5h", "seen_since", nil},
		// The CLI's windows (timespec.ParseSince): weeks and sums of units, bounded.
		{"seen_since=1w2d", "", func(q assetQuery) bool { return q.filter.SeenSince.Equal(now0.Add(-9 * 24 * time.Hour)) }},
		{"seen_since=100001d", "too far back", nil},
		{"q=a%22b", "not allowed", nil},
		{"q=" + strings.Repeat("a", 200), "at most", nil},
		{"q=%ff", "UTF-8", nil},
		{"cursor=%2F%2F", "cursor", nil},
		{"vendor=a%0Ab", "control", nil},
	}
	for _, tc := range tests {
		t.Run(tc.raw, func(t *testing.T) {
			v, err := url.ParseQuery(tc.raw)
			if err != nil {
				t.Fatal(err)
			}
			q, err := parseAssetQuery(v, now0)
			if tc.wantErr != "" {
				var br badRequest
				if !errors.As(err, &br) || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err %v, want a bad request with %q", err, tc.wantErr)
				}
				return
			}
			if err != nil || !tc.check(q) {
				t.Fatalf("parse: %+v, %v", q, err)
			}
		})
	}
}

// Whatever the query string, parsing returns a query or a bad request
// (a 400), never panics, and what it accepts is within bounds.
func FuzzParseAssetQuery(f *testing.F) {
	for _, s := range []string{"", "state=new&q=192.0.2", "subnet=2001:db8::/32&approved=true", "q=' OR 1=1 --",
		"limit=5&cursor=" + cursorFor("x"), "seen_since=24h", "q=%00", "state=new,,active", "vendor=%ff%fe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		q, err := parseAssetQuery(v, now0)
		if err != nil {
			var br badRequest
			if !errors.As(err, &br) || br.msg == "" {
				t.Fatalf("%q: error %v is not a bad request with a message", raw, err)
			}
			return
		}
		if q.limit < 1 || q.limit > maxLimit || len(q.filter.Search) > 4*maxSearch || strings.ContainsAny(q.filter.Search, "'\";<>\\\n") {
			t.Fatalf("%q: accepted out of bounds: %+v", raw, q)
		}
	})
}
