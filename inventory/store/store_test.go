package store

import (
	"net/netip"
	"testing"
)

func TestDerivedUUID(t *testing.T) {
	a, b := DerivedUUID("sweep-1", 7), DerivedUUID("sweep-1", 7)
	if a != b || len(a) != 36 || a[14] != '5' {
		t.Fatalf("DerivedUUID not stable or not v5: %s %s", a, b)
	}
	if DerivedUUID("sweep-1", 8) == a || DerivedUUID("sweep-2", 7) == a {
		t.Fatal("DerivedUUID collides across index or parent")
	}
}

func TestIPSortRange(t *testing.T) {
	for _, tc := range []struct{ p, lo, hi string }{
		{"192.0.2.0/24", "192.0.2.0", "192.0.2.255"},
		{"192.0.2.77/25", "192.0.2.0", "192.0.2.127"},
		{"198.18.0.0/15", "198.18.0.0", "198.19.255.255"},
		{"192.0.2.9/32", "192.0.2.9", "192.0.2.9"},
		{"2001:db8::/64", "2001:db8::", "2001:db8::ffff:ffff:ffff:ffff"},
		{"2001:db8::100/120", "2001:db8::100", "2001:db8::1ff"},
	} {
		lo, hi := IPSortRange(netip.MustParsePrefix(tc.p))
		if lo != IPSortKey(netip.MustParseAddr(tc.lo)) || hi != IPSortKey(netip.MustParseAddr(tc.hi)) {
			t.Errorf("IPSortRange(%s) = %s, %s; want the keys of %s and %s", tc.p, lo, hi, tc.lo, tc.hi)
		}
	}
}
