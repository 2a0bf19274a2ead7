package assemble

import (
	"net/netip"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/scanner/targets"
)

func ptr[T any](v T) *T { return &v }

// A sweep's options come from the config's sweep section, with what the
// flags set laid over it (a flag set to the empty value too) and the
// excludes of both sides; nothing unset changes the section.
func TestSweepOptions(t *testing.T) {
	sc := config.Default().Sweep
	sc.Interface, sc.Rate, sc.ARPRetries, sc.Format = "eth1", 700, 3, "csv"
	sc.Exclude = []string{"198.51.100.1"}
	keep := slices.Clone(sc.Exclude)
	in := func(o *targets.Set, a string) bool { return o.Contains(netip.MustParseAddr(a)) }

	// The section alone, as a scheduled sweep with no excludes of its own:
	// the /24's 256 addresses less the one excluded.
	o, got, err := SweepOptions(sc, SweepOverrides{}, []string{"198.51.100.0/24"})
	if err != nil {
		t.Fatal(err)
	}
	if o.Interface != "eth1" || o.Rate != 700 || o.ARPRetries != 3 || o.ARPWait != 250*time.Millisecond || o.Counters == nil ||
		o.Targets.Size() != 255 || in(o.Targets, "198.51.100.1") || !in(o.Targets, "198.51.100.2") ||
		o.SNMP != nil || o.MDNS != nil || o.Names != nil || o.NDP != nil || o.Limiter != nil {
		t.Errorf("section alone: %+v (%d targets)", o, o.Targets.Size())
	}
	if got.Format != "csv" || !slices.Equal(got.Exclude, keep) {
		t.Errorf("section alone came back as %+v", got)
	}

	// Flags over the section: those given win, an emptied interface too;
	// those not given keep the section's; excludes add up.
	o, got, err = SweepOptions(sc, SweepOverrides{Interface: ptr(""), Rate: ptr(50), ARPWait: ptr(config.Duration(time.Second)),
		Format: ptr("json"), Exclude: []string{"198.51.100.2-3"}}, []string{"198.51.100.0/24"})
	if err != nil {
		t.Fatal(err)
	}
	if o.Interface != "" || o.Rate != 50 || o.ARPRetries != 3 || o.ARPWait != time.Second || o.Targets.Size() != 253 ||
		in(o.Targets, "198.51.100.1") || in(o.Targets, "198.51.100.3") || !in(o.Targets, "198.51.100.4") {
		t.Errorf("flags over the section: %+v (%d targets)", o, o.Targets.Size())
	}
	if got.Format != "json" || !slices.Equal(got.Exclude, []string{"198.51.100.1", "198.51.100.2-3"}) || !slices.Equal(sc.Exclude, keep) {
		t.Errorf("flags over the section came back as %+v; the config's excludes are now %v", got, sc.Exclude)
	}

	// Two sweeps do not share counters.
	o2, _, err := SweepOptions(sc, SweepOverrides{}, []string{"198.51.100.7"})
	if err != nil || o2.Counters == o.Counters || o2.Targets.Size() != 1 {
		t.Errorf("second sweep: %+v, %v", o2, err)
	}

	// Refusals: a flag out of range names its key; public targets and
	// sweeps past max_hosts are refused unless a flag allows them.
	for _, tc := range []struct {
		name    string
		o       SweepOverrides
		targets []string
		err     string // "" when allowed
	}{
		{"rate 0", SweepOverrides{Rate: ptr(0)}, []string{"198.51.100.7"}, "sweep.rate 0"},
		{"bad format", SweepOverrides{Format: ptr("xml")}, []string{"198.51.100.7"}, "sweep.format"},
		{"bad exclude", SweepOverrides{Exclude: []string{"nonsense"}}, []string{"198.51.100.7"}, "nonsense"},
		{"public", SweepOverrides{}, []string{"8.8.8.0/24"}, "public"},
		{"public allowed", SweepOverrides{AllowPublic: ptr(true)}, []string{"8.8.8.0/24"}, ""},
		{"past max_hosts", SweepOverrides{MaxHosts: ptr(uint64(16))}, []string{"198.51.100.0/24"}, "16"},
		{"within max_hosts", SweepOverrides{MaxHosts: ptr(uint64(16))}, []string{"198.51.100.0/28"}, ""},
	} {
		_, _, err := SweepOptions(sc, tc.o, tc.targets)
		if tc.err == "" && err != nil || tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) {
			t.Errorf("%s: %v, want an error saying %q", tc.name, err, tc.err)
		}
	}
}
