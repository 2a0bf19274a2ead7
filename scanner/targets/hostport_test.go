package targets

import (
	"context"
	"net/netip"
	"strings"
	"testing"
)

func TestParseHostPort(t *testing.T) {
	ctx := context.Background()
	for in, want := range map[string]string{
		"192.0.2.7":            "192.0.2.7:161",
		"192.0.2.7:1161":       "192.0.2.7:1161",
		"2001:db8::7":          "[2001:db8::7]:161",
		"[2001:db8::7]:16100":  "[2001:db8::7]:16100",
		"::ffff:198.51.100.10": "198.51.100.10:161",
		"localhost:1161":       "",
	} {
		got, err := ParseHostPort(ctx, in, 161)
		if want == "" { // a name: resolved, loopback only
			if err != nil || !got.Addr().IsLoopback() || got.Port() != 1161 {
				t.Errorf("%s = %v, %v", in, got, err)
			}
			continue
		}
		if err != nil || got != netip.MustParseAddrPort(want) {
			t.Errorf("%s = %v, %v; want %s", in, got, err, want)
		}
	}
	for in, msg := range map[string]string{
		"192.0.2.7:0":     "bad port",
		"192.0.2.7:70000": "bad port",
		"192.0.2.7:x":     "bad port",
		"":                "want HOST[:PORT]",
		"a b":             "want HOST[:PORT]",
		"192.0.2.0/24":    "want HOST[:PORT]",
	} {
		if _, err := ParseHostPort(ctx, in, 161); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("%q: %v, want %q", in, err, msg)
		}
	}
}
