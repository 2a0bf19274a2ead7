package assemble

import (
	"slices"

	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/scanner"
	"github.com/netcensus/netcensus/scanner/arp"
	"github.com/netcensus/netcensus/scanner/targets"
)

// SweepOverrides are what a CLI sweep's flags, or a scheduled sweep, lay
// over the config's sweep section. A nil field keeps the section's value
// (a flag not given keeps it even where the flag's default differs);
// Exclude adds to the section's excludes.
type SweepOverrides struct {
	Interface   *string
	Rate        *int
	ARPRetries  *int
	ARPWait     *config.Duration
	MaxHosts    *uint64
	AllowPublic *bool
	Format      *string
	Exclude     []string
}

// lay sets *dst to *src when src is not nil, and then *set.
func lay[T any](dst, src *T, set *bool) {
	if src != nil {
		*dst, *set = *src, true
	}
}

// SweepOptions are a sweep's scanner options from the config's sweep
// section sc with o laid over it: the targets less the section's and o's
// excludes (refused past max_hosts, and when public unless allowed), the
// interface, rate and ARP settings, and fresh counters. The stages (SNMP,
// mDNS, names, NDP) and a shared limiter are the caller's. It returns the
// section as laid over too. A section o changed is validated again (the
// config's own was when it was loaded).
func SweepOptions(sc config.Sweep, o SweepOverrides, tgts []string) (scanner.Options, config.Sweep, error) {
	var set bool
	lay(&sc.Interface, o.Interface, &set)
	lay(&sc.Rate, o.Rate, &set)
	lay(&sc.ARPRetries, o.ARPRetries, &set)
	lay(&sc.ARPWait, o.ARPWait, &set)
	lay(&sc.MaxHosts, o.MaxHosts, &set)
	lay(&sc.AllowPublic, o.AllowPublic, &set)
	lay(&sc.Format, o.Format, &set)
	sc.Exclude = append(slices.Clone(sc.Exclude), o.Exclude...)
	if set {
		c := config.Config{Sweep: sc}
		if err := c.Validate(); err != nil {
			return scanner.Options{}, sc, err
		}
	}
	ts, err := targets.Build(tgts, sc.Exclude, targets.Options{AllowPublic: sc.AllowPublic, MaxHosts: sc.MaxHosts})
	if err != nil {
		return scanner.Options{}, sc, err
	}
	return scanner.Options{Targets: ts, Interface: sc.Interface, Rate: sc.Rate, ARPRetries: sc.ARPRetries,
		ARPWait: sc.ARPWait.D(), Counters: &arp.Counters{}}, sc, nil
}
