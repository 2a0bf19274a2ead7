package scanner

import (
	"context"
	"log/slog"
	"net/netip"

	"golang.org/x/time/rate"

	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner/names"
)

// NamesStats count the names stage: addresses asked, and how many each
// protocol named.
type NamesStats = names.Stats

// namesStage is a names stage under way: it asks reverse DNS, NetBIOS and
// LLMNR about a segment's hosts as soon as its ARP sweep ends (not while
// ARP listens: see Run), under the sweep's packet budget, so its
// questions and its wait for answers overlap the rest of the sweep (SNMP,
// NDP, mDNS) instead of following it.
type namesStage struct {
	feed   *names.Feed
	cancel context.CancelFunc
	done   chan struct{}
	res    map[netip.Addr]*names.Result
	st     names.Stats
	err    error
}

// startNames starts the names stage (nil when o is nil or env has no
// names socket: a test's fake machine never asks a real resolver).
func startNames(ctx context.Context, env Env, o *names.Options, limiter *rate.Limiter, log *slog.Logger) *namesStage {
	if o == nil {
		return nil
	}
	if env.ListenNames == nil {
		log.Info("names stage off: no names socket in this environment")
		return nil
	}
	opts := *o
	opts.Limiter = limiter
	opts.Listen = env.ListenNames
	opts.Dial = env.DialNames
	opts.Logger = log.With("stage", "names")
	ctx, cancel := context.WithCancel(ctx)
	s := &namesStage{feed: names.NewFeed(), cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(s.done)
		s.res, s.st, s.err = names.ResolveFeed(ctx, s.feed, opts)
	}()
	return s
}

// found asks about a host a stage found.
func (s *namesStage) found(a netip.Addr) {
	if s != nil {
		s.feed.Add(a)
	}
}

// finish asks about the hosts found so far that were not asked yet (the
// other stages'), closes the feed, waits for
// the answers and keeps them in rep: applied when records are read
// (Report.Each), after the other stages' fields are merged, so the host
// name is chosen among all of them. With abort set (the sweep failed) the
// stage is cancelled instead.
func (s *namesStage) finish(rep *Report, abort bool, log *slog.Logger) {
	if s == nil {
		return
	}
	defer s.cancel()
	if abort {
		s.cancel()
	}
	if rep.arp != nil {
		for _, h := range rep.arp.hosts {
			s.feed.Add(h.IP)
		}
	}
	for ip := range rep.Extra {
		s.feed.Add(ip)
	}
	s.feed.Close()
	<-s.done
	if abort {
		return
	}
	rep.Names, rep.names = s.st, s.res
	if s.err != nil {
		log.Warn("names stage failed", "err", s.err)
	}
}

// applyNames gives rec what the names stage learnt of its address.
func (r *Report) applyNames(rec *record.Asset) {
	if n, ok := r.names[rec.IP]; ok {
		names.Apply(rec, n)
	}
}
