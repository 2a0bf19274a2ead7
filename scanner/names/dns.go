package names

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"
	"sync"

	"github.com/miekg/dns"
)

// resolvConfServers reads the nameservers of a resolv.conf.
func resolvConfServers(path string) ([]netip.AddrPort, error) {
	if path == "" {
		path = "/etc/resolv.conf"
	}
	cc, err := dns.ClientConfigFromFile(path)
	if err != nil {
		return nil, fmt.Errorf("names: %s: %w", path, err)
	}
	var out []netip.AddrPort
	for _, s := range cc.Servers {
		a, err := netip.ParseAddr(s)
		if err != nil {
			continue
		}
		port := uint16(53)
		if p, err := netip.ParseAddrPort("0.0.0.0:" + cc.Port); err == nil {
			port = p.Port()
		}
		out = append(out, netip.AddrPortFrom(a.Unmap(), port))
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("names: %s: %w", path, ErrNoServers)
	}
	return out, nil
}

// reverseName is addr's PTR owner name (in-addr.arpa or ip6.arpa).
func reverseName(a netip.Addr) string {
	n, err := dns.ReverseAddr(a.String())
	if err != nil {
		return ""
	}
	return n
}

// ptrQuery is a PTR question for a with id; rd asks for recursion.
func ptrQuery(a netip.Addr, id uint16, rd bool) ([]byte, bool) {
	name := reverseName(a)
	if name == "" {
		return nil, false
	}
	m := new(dns.Msg)
	m.SetQuestion(name, dns.TypePTR)
	m.Id = id
	m.RecursionDesired = rd
	b, err := m.Pack()
	return b, err == nil
}

// ptrReply decodes a reply to one of ptrQuery's questions: which address it
// answers (its id, checked against the question) and the names it gives.
func ptrReply(b []byte, feed *Feed) (i int, names []string, ok bool) {
	m := new(dns.Msg)
	if err := m.Unpack(b); err != nil || !m.Response || len(m.Question) != 1 {
		return 0, nil, false
	}
	i = int(m.Id)
	a, known := feed.at(i)
	if !known || !strings.EqualFold(m.Question[0].Name, reverseName(a)) {
		return 0, nil, false
	}
	if m.Rcode != dns.RcodeSuccess && m.Rcode != dns.RcodeNameError {
		return i, nil, true // answered, named nothing (SERVFAIL, REFUSED)
	}
	for _, rr := range m.Answer {
		if p, isPTR := rr.(*dns.PTR); isPTR && len(names) < 8 {
			names = append(names, strings.TrimSuffix(p.Ptr, "."))
		}
	}
	return i, names, true
}

// dnsProtocol asks servers (round robin) for every address's PTR records.
func dnsProtocol(feed *Feed, servers []netip.AddrPort, result func(int) *Result, mu *sync.Mutex) protocol {
	return protocol{
		request: func(i int) ([]byte, netip.AddrPort, bool) {
			a, _ := feed.at(i)
			b, ok := ptrQuery(a, uint16(i), true)
			return b, servers[i%len(servers)], ok
		},
		server: func(i int) int { return i % len(servers) },
		refused: func(to netip.AddrPort) (int, bool, bool) {
			i := slices.Index(servers, to)
			return i, true, i >= 0
		},
		reply: func(b []byte, from netip.AddrPort) (int, bool, bool) {
			if !slices.Contains(servers, from) {
				return 0, false, false
			}
			i, names, ok := ptrReply(b, feed)
			if ok && len(names) > 0 {
				mu.Lock()
				result(i).PTR = names
				mu.Unlock()
			}
			return i, len(names) > 0, ok
		},
	}
}

// llmnrProtocol sends every address a reverse query of its own address.
func llmnrProtocol(feed *Feed, port uint16, result func(int) *Result, mu *sync.Mutex) protocol {
	return protocol{
		request: func(i int) ([]byte, netip.AddrPort, bool) {
			a, _ := feed.at(i)
			b, ok := ptrQuery(a, uint16(i), false)
			return b, netip.AddrPortFrom(a, port), ok
		},
		refused: hostRefused(feed, port),
		reply: func(b []byte, from netip.AddrPort) (int, bool, bool) {
			i, names, ok := ptrReply(b, feed)
			if a, _ := feed.at(i); !ok || from.Addr() != a {
				return 0, false, false
			}
			if len(names) > 0 {
				mu.Lock()
				result(i).addLLMNR(names)
				mu.Unlock()
			}
			return i, len(names) > 0, true
		},
	}
}

// addLLMNR keeps the names a host gave over LLMNR (over UDP, TCP or
// both), each once.
func (r *Result) addLLMNR(names []string) {
	for _, n := range names {
		if !slices.Contains(r.LLMNR, n) {
			r.LLMNR = append(r.LLMNR, n)
		}
	}
}

// netbiosProtocol sends every IPv4 address a node status request.
func netbiosProtocol(feed *Feed, port uint16, result func(int) *Result, mu *sync.Mutex) protocol {
	return protocol{
		request: func(i int) ([]byte, netip.AddrPort, bool) {
			a, _ := feed.at(i)
			if !a.Is4() {
				return nil, netip.AddrPort{}, false
			}
			return nbstatRequest(uint16(i)), netip.AddrPortFrom(a, port), true
		},
		refused: hostRefused(feed, port),
		reply: func(b []byte, from netip.AddrPort) (int, bool, bool) {
			if len(b) < 2 {
				return 0, false, false
			}
			i := int(b[0])<<8 | int(b[1])
			if a, ok := feed.at(i); !ok || from.Addr() != a {
				return 0, false, false
			}
			ns, err := parseNodeStatus(b, uint16(i))
			if err != nil {
				return 0, false, false
			}
			named := ns.Name != ""
			mu.Lock()
			result(i).NetBIOS = &ns
			mu.Unlock()
			return i, named, true
		},
	}
}

// hostRefused finds the question an ICMP error refused among those asked
// of each host for itself.
func hostRefused(feed *Feed, port uint16) func(netip.AddrPort) (int, bool, bool) {
	return func(to netip.AddrPort) (int, bool, bool) {
		if to.Port() != port {
			return 0, false, false
		}
		i, ok := feed.indexOf(to.Addr())
		return i, false, ok
	}
}
