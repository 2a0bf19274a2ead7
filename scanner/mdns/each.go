package mdns

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"sort"
	"sync"
	"time"

	fpmdns "github.com/netcensus/netcensus/fingerprints/mdns"
	"github.com/netcensus/netcensus/record"
)

// Browsed is one interface's browse: its result, or what stopped it
// (Result is nil when the browse could not start).
type Browsed struct {
	Interface *net.Interface
	Result    *Result
	Err       error
}

// BrowseEach browses every interface of ifis at once with browse (Browse,
// or a test's fake), o's settings with each interface, and returns when
// all have ended, in the order of ifis.
func BrowseEach(ctx context.Context, browse func(context.Context, Options) (*Result, error), ifis []*net.Interface, o Options) []Browsed {
	out := make([]Browsed, len(ifis))
	var wg sync.WaitGroup
	for i, ifi := range ifis {
		wg.Add(1)
		go func() {
			defer wg.Done()
			oi := o
			oi.Interface = ifi
			res, err := browse(ctx, oi)
			out[i] = Browsed{Interface: ifi, Result: res, Err: err}
		}()
	}
	wg.Wait()
	return out
}

// Summary counts what a browse found and what its decoder dropped, for
// people: hosts, services, types, packets, unicast answers, drops by
// reason, when the last new host came and how long it ran.
func (r *Result) Summary() string {
	st := r.Stats
	services := 0
	for _, h := range r.Hosts {
		services += len(h.Services)
	}
	return fmt.Sprintf("hosts=%d services=%d types=%d types_skipped=%d packets=%d unicast=%d dropped=%d (malformed=%d oversize=%d too_many_records=%d dropped_records=%d truncated_txt=%d) last_new=%s duration=%s",
		len(r.Hosts), services, len(r.Types), r.TypesSkipped, st.Packets, r.UnicastAnswers, st.Dropped(),
		st.Malformed, st.Oversize, st.TooManyRecords, st.DroppedRecords, st.TruncatedTXT,
		r.LastNew.Round(time.Millisecond), r.Duration.Round(time.Millisecond))
}

// BrowsedAssets are the host records of every browse in address order,
// each said what it is by rules (Assets, source mdns); partial is the
// first error of a browse cut short. A browse that could not start stops
// it: err is its error, naming the interface and what it needs when the
// socket was refused.
func BrowsedAssets(bs []Browsed, rules *fpmdns.Rules) (assets []record.Asset, partial, err error) {
	for _, b := range bs {
		if b.Err != nil && b.Result == nil {
			if errors.Is(b.Err, os.ErrPermission) {
				return nil, nil, fmt.Errorf("mdns on %s: %w (binding UDP 5353 and joining the group may need root or CAP_NET_BIND_SERVICE)", b.Interface.Name, b.Err)
			}
			return nil, nil, b.Err
		}
		if b.Err != nil && partial == nil {
			partial = b.Err
		}
		assets = append(assets, Assets(b.Result.Hosts, rules, record.SourceMDNS, b.Result.Start)...)
	}
	sort.SliceStable(assets, func(i, j int) bool { return assets[i].IP.Less(assets[j].IP) })
	return assets, partial, nil
}
