package targets

import (
	"errors"
	"fmt"
	"net/netip"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		spec     string
		from, to string
		err      error
	}{
		{"198.51.100.0/24", "198.51.100.0", "198.51.100.255", nil},
		{"198.51.100.77/24", "198.51.100.0", "198.51.100.255", nil},
		{"198.51.100.7", "198.51.100.7", "198.51.100.7", nil},
		{" 198.51.100.7 ", "198.51.100.7", "198.51.100.7", nil},
		{"198.51.100.7/32", "198.51.100.7", "198.51.100.7", nil},
		{"198.51.100.10-20", "198.51.100.10", "198.51.100.20", nil},
		{"198.51.100.250-198.51.101.4", "198.51.100.250", "198.51.101.4", nil},
		{"198.18.0.0/15", "198.18.0.0", "198.19.255.255", nil},
		{"0.0.0.0/0", "0.0.0.0", "255.255.255.255", nil},
		{"::ffff:198.51.100.7", "198.51.100.7", "198.51.100.7", nil},
		{"198.51.100.20-10", "", "", ErrSyntax},
		{"198.51.100.10-256", "", "", ErrSyntax},
		{"198.51.100.0/33", "", "", ErrSyntax},
		{"198.51.100", "", "", ErrSyntax},
		{"host.example", "", "", ErrSyntax},
		{"", "", "", ErrSyntax},
		{"-", "", "", ErrSyntax},
		{"2001:db8::/64", "", "", ErrIPv6},
		{"2001:db8::/119", "", "", ErrIPv6},
		{"2001:db8::1-5", "", "", ErrSyntax},
		{"fe80::1%eth0", "", "", ErrSyntax},
	}
	for _, tt := range tests {
		got, err := Parse(tt.spec)
		if tt.err != nil {
			if !errors.Is(err, tt.err) {
				t.Errorf("Parse(%q) err = %v, want %v", tt.spec, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.spec, err)
			continue
		}
		if got.Range.From.String() != tt.from || got.Range.To.String() != tt.to {
			t.Errorf("Parse(%q) = %v-%v, want %s-%s", tt.spec, got.Range.From, got.Range.To, tt.from, tt.to)
		}
	}
}

// TestParseIPv6: addresses and prefixes up to /120 are targets; a larger
// prefix is refused saying how its hosts are found instead.
func TestParseIPv6(t *testing.T) {
	for _, tc := range []struct{ spec, want string }{
		{"2001:db8::7", "2001:db8::7/128"},
		{"2001:db8:100::/120", "2001:db8:100::/120"},
		{"2001:db8:100::17/124", "2001:db8:100::10/124"},
		{"fe80::1", "fe80::1/128"},
	} {
		got, err := Parse(tc.spec)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.spec, err)
			continue
		}
		if got.V6.String() != tc.want || got.Range.From.IsValid() {
			t.Errorf("Parse(%q) = v6 %v range %v, want v6 %s and no range", tc.spec, got.V6, got.Range, tc.want)
		}
	}
	_, err := Parse("2001:db8::/64")
	for _, word := range []string{"2001:db8::/64", "/120", "NDP", "mDNS", "routers"} {
		if err == nil || !strings.Contains(err.Error(), word) {
			t.Errorf("refusal of a /64 %q does not say %q", err, word)
		}
	}
}

func TestBuildIPv6(t *testing.T) {
	tests := []struct {
		name     string
		specs    []string
		excludes []string
		opts     Options
		err      error
		size     uint64
	}{
		{"documentation /120", []string{"2001:db8:100::/120"}, nil, Options{}, nil, 256},
		{"with IPv4", []string{"198.51.100.0/24", "2001:db8::1", "2001:db8::1"}, nil, Options{}, nil, 257},
		{"ULA ok", []string{"fd00:1::/124"}, nil, Options{}, nil, 16},
		{"link-local ok", []string{"fe80::1"}, nil, Options{}, nil, 1},
		{"public refused", []string{"2600::1"}, nil, Options{}, ErrPublic, 0},
		{"public prefix refused", []string{"2a00:1450::/120"}, nil, Options{}, ErrPublic, 0},
		{"public allowed with flag", []string{"2a00:1450::/126"}, nil, Options{AllowPublic: true}, nil, 4},
		{"/64 refused", []string{"2001:db8::/64"}, nil, Options{}, ErrIPv6, 0},
		{"excluded by a /64", []string{"2001:db8::/120", "198.51.100.1"}, []string{"2001:db8::/64"}, Options{}, nil, 1},
		{"exclude one", []string{"2001:db8::/124"}, []string{"2001:db8::3"}, Options{}, nil, 15},
		{"limit counts IPv6", []string{"2001:db8::/120"}, nil, Options{MaxHosts: 100}, ErrTooLarge, 0},
		{"all excluded", []string{"2001:db8::/120"}, []string{"2001:db8::/32"}, Options{}, ErrEmpty, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Build(tt.specs, tt.excludes, tt.opts)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s.Size() != tt.size {
				t.Fatalf("size = %d, want %d", s.Size(), tt.size)
			}
		})
	}
	s, err := Build([]string{"2001:db8::/126", "198.51.100.0/30"}, []string{"2001:db8::2"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(s.IPv6()); got != "[2001:db8:: 2001:db8::1 2001:db8::3]" {
		t.Errorf("IPv6() = %s", got)
	}
	for a, want := range map[string]bool{"2001:db8::1": true, "2001:db8::2": false, "198.51.100.1": true, "::ffff:198.51.100.1": true, "2001:db8::4": false} {
		if got := s.Contains(netip.MustParseAddr(a)); got != want {
			t.Errorf("Contains(%s) = %v, want %v", a, got, want)
		}
	}
	if in, rest := s.Split([]netip.Prefix{netip.MustParsePrefix("198.51.100.0/24")}); len(in) != 1 || len(rest) != 0 {
		t.Errorf("Split holds IPv4 only: %v, rest %v", in, rest)
	}
}

func TestIsPublic6(t *testing.T) {
	for a, want := range map[string]bool{
		"2001:db8::1": false, "fd12:3456::1": false, "fe80::1%eth0": false, "::1": false, "ff02::1": false,
		"2001:4860::8888": true, "2a00:1450::1": true, "2001:db9::1": true,
	} {
		if got := IsPublic(netip.MustParseAddr(a)); got != want {
			t.Errorf("IsPublic(%s) = %v, want %v", a, got, want)
		}
	}
}

func TestParseErrorNamesValue(t *testing.T) {
	_, err := Parse("198.51.100.x")
	if err == nil || !strings.Contains(err.Error(), "198.51.100.x") {
		t.Fatalf("error %v does not name the bad value", err)
	}
}

func TestBuildRefusals(t *testing.T) {
	tests := []struct {
		name     string
		specs    []string
		excludes []string
		opts     Options
		err      error
		size     uint64
	}{
		{"public refused", []string{"8.8.8.8"}, nil, Options{}, ErrPublic, 0},
		{"public inside range refused", []string{"198.51.100.250-198.51.101.4"}, nil, Options{}, ErrPublic, 0},
		{"public allowed with flag", []string{"8.8.8.0/30"}, nil, Options{AllowPublic: true}, nil, 4},
		{"private ok", []string{"10.1.0.0/24", "172.16.0.1", "192.168.1.0/30"}, nil, Options{}, nil, 256 + 1 + 4},
		{"cgnat ok", []string{"100.64.0.0/30"}, nil, Options{}, nil, 4},
		{"link-local ok", []string{"169.254.1.0/30"}, nil, Options{}, nil, 4},
		{"documentation ok", []string{"192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24"}, nil, Options{}, nil, 768},
		{"benchmarking /15 too large", []string{"198.18.0.0/15"}, nil, Options{}, ErrTooLarge, 0},
		{"benchmarking /16 at the limit", []string{"198.18.0.0/16"}, nil, Options{}, nil, 65536},
		{"raised limit", []string{"198.18.0.0/15"}, nil, Options{MaxHosts: 1 << 17}, nil, 1 << 17},
		{"lowered limit", []string{"198.51.100.0/24"}, nil, Options{MaxHosts: 100}, ErrTooLarge, 0},
		{"overlap counted once", []string{"198.51.100.0/24", "198.51.100.0/25", "198.51.100.7"}, nil, Options{}, nil, 256},
		{"exclude", []string{"198.51.100.0/24"}, []string{"198.51.100.0/26", "198.51.100.200"}, Options{}, nil, 256 - 64 - 1},
		{"exclude range", []string{"198.51.100.0/24"}, []string{"198.51.100.10-19"}, Options{}, nil, 246},
		{"exclude all", []string{"198.51.100.0/24"}, []string{"198.51.100.0/23"}, Options{}, ErrEmpty, 0},
		{"bad exclude", []string{"198.51.100.0/24"}, []string{"nope"}, Options{}, ErrSyntax, 0},
		{"no targets", nil, nil, Options{}, ErrEmpty, 0},
		{"excluded public no longer refused? no: refusal is on what was asked", []string{"8.8.8.8"}, []string{"8.8.8.8"}, Options{}, ErrPublic, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Build(tt.specs, tt.excludes, tt.opts)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s.Size() != tt.size {
				t.Fatalf("size = %d, want %d", s.Size(), tt.size)
			}
		})
	}
}

func TestContainsAndExclusions(t *testing.T) {
	s, err := Build([]string{"198.51.100.0/24"}, []string{"198.51.100.10-19", "198.51.100.100"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		a  string
		in bool
	}{{"198.51.100.9", true}, {"198.51.100.10", false}, {"198.51.100.19", false}, {"198.51.100.20", true},
		{"198.51.100.100", false}, {"198.51.100.255", true}, {"198.51.101.0", false}, {"203.0.113.1", false}} {
		if got := s.Contains(netip.MustParseAddr(c.a)); got != c.in {
			t.Errorf("Contains(%s) = %v, want %v", c.a, got, c.in)
		}
	}
}

func TestSplitAndWithin(t *testing.T) {
	s, err := Build([]string{"198.51.100.0/24", "203.0.113.0/24", "198.18.0.0/30"}, []string{"198.51.100.5"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	seg := netip.MustParsePrefix("198.51.100.0/24")
	bench := netip.MustParsePrefix("198.18.0.0/16")
	in, rest := s.Split([]netip.Prefix{seg, bench})
	// 256 minus network, broadcast and the excluded .5.
	if got := len(in[seg]); got != 253 {
		t.Errorf("attached 198.51.100.0/24: %d addresses, want 253", got)
	}
	for _, a := range in[seg] {
		if a == netip.MustParseAddr("198.51.100.5") || a == netip.MustParseAddr("198.51.100.0") || a == netip.MustParseAddr("198.51.100.255") {
			t.Errorf("unexpected %s in sweep list", a)
		}
	}
	// 198.18.0.0 is the /16's network address and is skipped; .1-.3 remain.
	if got := len(in[bench]); got != 3 {
		t.Errorf("198.18.0.0/30 within /16: %d addresses, want 3", got)
	}
	if len(rest) != 1 || rest[0].String() != "203.0.113.0/24" {
		t.Errorf("rest = %v, want [203.0.113.0/24]", rest)
	}
}

func TestRangeString(t *testing.T) {
	for in, want := range map[string]string{
		"198.51.100.0/24":  "198.51.100.0/24",
		"198.51.100.10-20": "198.51.100.10-198.51.100.20",
		"198.51.100.8-15":  "198.51.100.8/29",
		"198.51.100.9":     "198.51.100.9",
	} {
		tg, err := Parse(in)
		if err != nil {
			t.Fatal(err)
		}
		if got := tg.Range.String(); got != want {
			t.Errorf("%s: String() = %s, want %s", in, got, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"198.51.100.0/24", "198.51.100.1-9", "1.2.3.4-5.6.7.8", "::1", "a-b", "0.0.0.0/0", "2001:db8::/120", "::ffff:198.51.100.0/120"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tg, err := Parse(s)
		if err != nil {
			return
		}
		if tg.V6.IsValid() {
			if tg.V6.Bits() < MinV6Bits || tg.Range.From.IsValid() {
				t.Fatalf("%q: IPv6 target %v with range %v", s, tg.V6, tg.Range)
			}
			return
		}
		if tg.Range.Size() == 0 || !tg.Range.Contains(tg.Range.From) || !tg.Range.Contains(tg.Range.To) {
			t.Fatalf("%q: inconsistent range %v", s, tg.Range)
		}
	})
}

// TestPrefixes: the fewest prefixes holding exactly the addresses given.
func TestPrefixes(t *testing.T) {
	addrs := func(from, to string) []netip.Addr {
		var out []netip.Addr
		for a := netip.MustParseAddr(from); !netip.MustParseAddr(to).Less(a); a = a.Next() {
			out = append(out, a)
		}
		return out
	}
	for _, tc := range []struct {
		addrs []netip.Addr
		want  string
	}{
		{addrs("198.51.100.11", "198.51.100.13"), "[198.51.100.11/32 198.51.100.12/31]"},
		{addrs("198.51.100.0", "198.51.100.255"), "[198.51.100.0/24]"},
		{addrs("198.51.100.1", "198.51.100.254"), "[198.51.100.1/32 198.51.100.2/31 198.51.100.4/30 198.51.100.8/29 198.51.100.16/28 198.51.100.32/27 198.51.100.64/26 198.51.100.128/26 198.51.100.192/27 198.51.100.224/28 198.51.100.240/29 198.51.100.248/30 198.51.100.252/31 198.51.100.254/32]"},
		{append(addrs("198.51.100.1", "198.51.100.19"), addrs("198.51.100.31", "198.51.100.32")...), "[198.51.100.1/32 198.51.100.2/31 198.51.100.4/30 198.51.100.8/29 198.51.100.16/30 198.51.100.31/32 198.51.100.32/32]"},
		{addrs("0.0.0.0", "0.0.0.0"), "[0.0.0.0/32]"},
		{nil, "[]"},
	} {
		if got := fmt.Sprint(Prefixes(tc.addrs)); got != tc.want {
			t.Errorf("%d addresses: %s, want %s", len(tc.addrs), got, tc.want)
		}
	}
	if got := fmt.Sprint(RangePrefixes(Range{netip.MustParseAddr("0.0.0.0"), netip.MustParseAddr("255.255.255.255")})); got != "[0.0.0.0/0]" {
		t.Errorf("the whole space: %s", got)
	}
}

// TestRefusalsNameTheConfigKey: the limits come from a flag of sweep or
// from the config (sweep.allow_public, sweep.max_hosts: serve's
// schedules and API-triggered sweeps have no flags), and the refusal
// names both. Before, serve --check of a schedule of 8.8.8.0/24 said
// only "pass --allow-public", an option serve has not, and a config's
// max_hosts 100 was reported as "--max-hosts 100".
func TestRefusalsNameTheConfigKey(t *testing.T) {
	_, err := Build([]string{"8.8.8.0/24"}, nil, Options{})
	if !errors.Is(err, ErrPublic) || !strings.Contains(err.Error(), "--allow-public") || !strings.Contains(err.Error(), "sweep.allow_public") {
		t.Errorf("public: %v, want it to name --allow-public and sweep.allow_public", err)
	}
	_, err = Build([]string{"198.51.100.0/24"}, nil, Options{MaxHosts: 100})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "--max-hosts 100") || !strings.Contains(err.Error(), "sweep.max_hosts") {
		t.Errorf("too large: %v, want it to name --max-hosts 100 and sweep.max_hosts", err)
	}
}
