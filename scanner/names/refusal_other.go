//go:build !linux

package names

import "net/netip"

// refusals: only Linux reports ICMP errors of an unconnected socket here;
// elsewhere every silent question waits for the timeout.
func refusals(any) (func(func(netip.AddrPort)), bool) { return nil, false }
