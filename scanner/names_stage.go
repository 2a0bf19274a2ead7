package scanner

import (
	"context"
	"log/slog"
	"net/netip"
	"slices"

	"golang.org/x/time/rate"

	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner/names"
)

// NamesStats count the names stage: addresses asked, and how many each
// protocol named.
type NamesStats = names.Stats

// runNames asks reverse DNS, NetBIOS and LLMNR about every host found so
// far (ARP's and the other stages'), under the sweep's packet budget. The
// answers are applied when records are read (Report.Each), after the other
// stages' fields are merged, so the host name is chosen among all of them.
func runNames(ctx context.Context, env Env, o names.Options, limiter *rate.Limiter, rep *Report, log *slog.Logger) error {
	if env.ListenNames == nil {
		log.Info("names stage off: no names socket in this environment")
		return nil
	}
	var addrs []netip.Addr
	if rep.arp != nil {
		for _, h := range rep.arp.hosts {
			addrs = append(addrs, h.IP)
		}
	}
	for ip := range rep.Extra {
		if rep.arp == nil || !rep.arp.has(ip) {
			addrs = append(addrs, ip)
		}
	}
	slices.SortFunc(addrs, func(a, b netip.Addr) int { return a.Compare(b) })
	if len(addrs) == 0 {
		return nil
	}
	o.Limiter = limiter
	o.Listen = env.ListenNames
	o.Logger = log.With("stage", "names")
	res, st, err := names.Resolve(ctx, addrs, o)
	rep.Names = st
	rep.names = res
	return err
}

// applyNames gives rec what the names stage learnt of its address.
func (r *Report) applyNames(rec *record.Asset) {
	if n, ok := r.names[rec.IP]; ok {
		names.Apply(rec, n)
	}
}
