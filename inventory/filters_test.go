package inventory

import (
	"slices"
	"strings"
	"testing"
)

func TestParseEventTypes(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want []string
		err  string
	}{
		{in: nil, want: nil},
		{in: []string{"state, merged", ""}, want: []string{"state", "merged"}},
		{in: []string{"software"}, want: SoftwareEventTypes},
		{in: []string{"software_installed"}, want: []string{"software_installed"}},
		{in: []string{"moved"}, want: []string{"moved"}}, // a switch port change (locate's history)
		{in: []string{"state,nope"}, err: `type "nope": want one of `},
	} {
		got, err := ParseEventTypes(tc.in)
		if tc.err != "" {
			if err == nil || !strings.HasPrefix(err.Error(), tc.err) || !strings.HasSuffix(err.Error(), ", or software") {
				t.Errorf("%q: %v, want %q...", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("%q: %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	// Each call is a fresh list: a caller's append changes no other's.
	a := EventTypes()
	_ = append(a[:1], "x")
	if EventTypes()[1] == "x" {
		t.Error("EventTypes shares its list")
	}
}
