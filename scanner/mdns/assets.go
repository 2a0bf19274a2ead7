package mdns

import (
	"time"

	fpmdns "github.com/netcensus/netcensus/fingerprints/mdns"
	"github.com/netcensus/netcensus/record"
)

// Assets turns hosts into asset records, one per host, with what the
// fingerprint rules concluded from their announcements. src is the source
// recorded (mdns when browsing, passive when listening); at is the time of
// the sweep, used when a host has no first-seen time.
func Assets(hosts []Host, rules *fpmdns.Rules, src record.Source, at time.Time) []record.Asset {
	out := make([]record.Asset, 0, len(hosts))
	for _, h := range hosts {
		a := record.Asset{Services: h.Services}
		for _, ip := range h.Addrs {
			if !a.IP.IsValid() && ip.Is4() {
				a.IP = ip
			}
		}
		if !a.IP.IsValid() && len(h.Addrs) > 0 {
			a.IP = h.Addrs[0]
		}
		if len(h.Addrs) > 1 {
			a.IPs = append(a.IPs, h.Addrs...)
		}
		if rules != nil {
			f := rules.Identify(fpmdns.Host{Hostname: h.Name, Services: h.Services, HINFO: h.HINFO})
			f.Apply(&a)
		} else {
			a.Hostname = h.Name
		}
		a.AddSource(src)
		seen := h.FirstSeen.UTC()
		if seen.IsZero() {
			seen = at.UTC()
		}
		a.FirstSeen, a.LastSeen = seen, seen
		out = append(out, a)
	}
	return out
}
