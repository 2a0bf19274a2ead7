package store

import (
	"net/netip"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParseStates(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want []string
		err  string
	}{
		{in: nil, want: nil},
		{in: []string{"new,active", " missing ", "", " "}, want: []string{"new", "active", "missing"}},
		{in: []string{"new,,active"}, err: `state "new,,active": item 2 is empty; want one or more of new, active, missing, returned, retired, merged, comma-separated`},
		{in: []string{"new,"}, err: `state "new,": item 2 is empty; want one or more of new, active, missing, returned, retired, merged, comma-separated`},
		{in: []string{","}, err: `state ",": item 1 is empty; want one or more of new, active, missing, returned, retired, merged, comma-separated`},
		{in: []string{"merged"}, want: []string{"merged"}},
		{in: []string{"new,gone"}, err: `state "gone": want one of new, active, missing, returned, retired, merged`},
	} {
		got, err := ParseStates(tc.in)
		if tc.err != "" {
			if err == nil || err.Error() != tc.err {
				t.Errorf("%q: %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("%q: %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	if s := States(); strings.Join(s, " ") != "new active missing returned retired merged" {
		t.Errorf("States %v", s)
	}
}

func TestAssetQueryFilter(t *testing.T) {
	since := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	f, err := AssetQuery{States: []string{"new,missing"}, Vendor: "cisco", DeviceType: "switch", Subnet: "198.51.100.77/24",
		SeenSince: since, Unapproved: true}.Filter()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(f.States, []string{"new", "missing"}) || f.Vendor != "cisco" || f.DeviceType != "switch" ||
		f.Subnet != netip.MustParsePrefix("198.51.100.0/24") || !f.SeenSince.Equal(since) || !f.Unapproved {
		t.Errorf("filter %+v", f)
	}
	if f, err := (AssetQuery{}).Filter(); err != nil || f.Subnet.IsValid() || f.States != nil {
		t.Errorf("empty query: %+v, %v; want everything", f, err)
	}
	for q, prefix := range map[*AssetQuery]string{
		{States: []string{"gone"}}:  `state "gone"`,
		{Subnet: "198.51.100.0"}:    `subnet "198.51.100.0"`,
		{Subnet: "198.51.100.0/33"}: `subnet "198.51.100.0/33"`,
	} {
		if _, err := q.Filter(); err == nil || !strings.HasPrefix(err.Error(), prefix) {
			t.Errorf("%+v: %v, want an error starting %s", *q, err, prefix)
		}
	}
}
