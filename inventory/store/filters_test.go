package store

import (
	"slices"
	"strings"
	"testing"
)

func TestParseStates(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want []string
		err  string
	}{
		{in: nil, want: nil},
		{in: []string{"new,active", " missing ", ","}, want: []string{"new", "active", "missing"}},
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
