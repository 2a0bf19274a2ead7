package snmp

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/netip"
	"sync"
	"time"

	"github.com/gosnmp/gosnmp"
	"golang.org/x/time/rate"

	"github.com/netcensus/netcensus/record"
)

// The system group scalars asked of every address in discovery.
const (
	oidSysDescr    = "1.3.6.1.2.1.1.1.0"
	oidSysObjectID = "1.3.6.1.2.1.1.2.0"
	oidSysUpTime   = "1.3.6.1.2.1.1.3.0"
	oidSysContact  = "1.3.6.1.2.1.1.4.0"
	oidSysName     = "1.3.6.1.2.1.1.5.0"
	oidSysLocation = "1.3.6.1.2.1.1.6.0"
)

var discoveryOIDs = []string{oidSysDescr, oidSysObjectID, oidSysUpTime, oidSysName}

// Responder is an address that answered discovery.
type Responder struct {
	Addr netip.Addr
	// Credential is the index (into the credentials given) of the first
	// community set that answered, or -1 when only v3 answered.
	Credential  int
	SysDescr    string
	SysObjectID string
	SysName     string
	SysUptime   uint32
	// EngineID is the v3 msgAuthoritativeEngineID, hex, when a v3 set is
	// scoped to the address and the agent speaks v3.
	EngineID string
}

// DiscoverOptions configure Discover.
type DiscoverOptions struct {
	Port        int
	Credentials []Credential
	// Limiter paces every packet sent (shared with the rest of a sweep);
	// nil: unpaced.
	Limiter *rate.Limiter
	// Timeout is how long to wait for answers after each round.
	Timeout time.Duration
	// Retries is how many more rounds go to addresses that did not answer.
	Retries int
	// Listen opens the one socket; nil: UDP on an ephemeral port.
	Listen func() (net.PacketConn, error)
	// Remembered maps an address to the index of the credential set that
	// answered it before (the CMDB keeps it per asset). The first round
	// asks such an address with that community set alone (plus the v3
	// engine probe where v3 is scoped), so a known device sees no wrong
	// community (each one an authenticationFailure trap on many devices);
	// if it stays silent it is asked with every set, in a round of its
	// own when the retries are spent.
	Remembered map[netip.Addr]int
	Logger     *slog.Logger
}

type pending struct {
	addr netip.Addr
	cred int // -1: v3 engine discovery
}

// Discover sends one GET of the system group per allowed community set,
// and one v3 engine discovery where a v3 set is allowed, to every address,
// from one socket, and returns who answered. Cancelling ctx returns at
// once with what was heard.
func Discover(ctx context.Context, addrs []netip.Addr, opts DiscoverOptions) (map[netip.Addr]*Responder, error) {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if opts.Port == 0 {
		opts.Port = 161
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 2 * time.Second
	}
	listen := opts.Listen
	if listen == nil {
		listen = func() (net.PacketConn, error) { return net.ListenPacket("udp", ":0") }
	}
	conn, err := listen()
	if err != nil {
		return nil, fmt.Errorf("snmp discovery socket: %w", err)
	}
	defer conn.Close()
	stop := context.AfterFunc(ctx, func() { conn.SetReadDeadline(time.Now()) })
	defer stop()

	// Encoded requests per credential, with a placeholder ID patched per
	// send would save work, but marshalling is cheap next to the network.
	var mu sync.Mutex
	ids := map[uint32]pending{}
	found := map[netip.Addr]*Responder{}
	// answered: every kind of probe sent to the address has an answer
	// (it is not asked again); heard: which kinds have.
	answered := map[netip.Addr]bool{}
	heard := map[netip.Addr]uint8{}
	next := rand.Uint32() & 0x3fffffff

	// first[a] is the remembered set a is asked with alone, while it is;
	// full[a] once a has been asked with every set.
	first := map[netip.Addr]int{}
	for a, i := range opts.Remembered {
		if i >= 0 && i < len(opts.Credentials) && opts.Credentials[i].Allows(a) {
			first[a] = i
		}
	}
	full := map[netip.Addr]bool{}
	// wanted is what a must answer to be asked no more: every kind of
	// probe it is sent (called with mu held).
	wanted := func(a netip.Addr) uint8 {
		i, ok := first[a]
		if !ok {
			return needs(opts.Credentials, a)
		}
		w := needs(opts.Credentials, a) & heardV3
		if opts.Credentials[i].Version != gosnmp.Version3 {
			w |= heardCommunity
		}
		return w
	}

	// allHeard is closed once every address has answered: no need to
	// wait out the timeout.
	allHeard := make(chan struct{})
	want := len(uniq(addrs))
	done := make(chan struct{})
	go func() {
		defer close(done)
		buf := make([]byte, 65536)
		for {
			n, from, err := conn.ReadFrom(buf)
			if err != nil {
				var ne net.Error
				if errors.As(err, &ne) && ne.Timeout() || errors.Is(err, net.ErrClosed) || ctx.Err() != nil {
					// the final deadline, or cancelled
					return
				}
				// ICMP errors and the like: keep listening.
				continue
			}
			ua, ok := from.(*net.UDPAddr)
			if !ok {
				continue
			}
			src, _ := netip.AddrFromSlice(ua.IP)
			src = src.Unmap()
			pkt, err := DecodeResponse(buf[:n])
			if err != nil {
				log.Debug("snmp discovery: undecodable reply", "target", src, "err", err)
				continue
			}
			id := pkt.RequestID
			if pkt.Version == gosnmp.Version3 {
				id = pkt.MsgID
			}
			mu.Lock()
			p, ok := ids[id]
			// The reply must come from the address asked, and a v1/v2c one
			// echo the version and community asked with.
			if ok && p.cred >= 0 {
				c := opts.Credentials[p.cred]
				ok = pkt.Version == c.Version && pkt.Community == c.Community.Reveal()
			}
			if !ok || p.addr != src {
				mu.Unlock()
				log.Debug("snmp discovery: reply with unknown request ID", "target", src)
				continue
			}
			r := found[src]
			if r == nil {
				r = &Responder{Addr: src, Credential: -1}
				found[src] = r
			}
			if p.cred < 0 {
				if usm, ok := pkt.SecurityParameters.(*gosnmp.UsmSecurityParameters); ok && usm.AuthoritativeEngineID != "" {
					r.EngineID = fmt.Sprintf("%x", usm.AuthoritativeEngineID)
					heard[src] |= heardV3
				}
			} else if pkt.Error == gosnmp.NoError && pkt.PDUType == gosnmp.GetResponse {
				if r.Credential < 0 || p.cred < r.Credential {
					r.Credential = p.cred
					fillSystem(r, pkt.Variables)
				}
				heard[src] |= heardCommunity
			}
			if w := wanted(src); heard[src]&w == w {
				answered[src] = true
			}
			if len(answered) == want {
				select {
				case <-allHeard:
				default:
					close(allHeard)
				}
			}
			mu.Unlock()
		}
	}()

	// probe registers a request ID for (a, cred), encodes the request
	// with it and sends it, paced.
	probe := func(a netip.Addr, dst net.Addr, cred int, encode func(id uint32) ([]byte, error)) error {
		mu.Lock()
		next++
		id := next & 0x7fffffff
		ids[id] = pending{addr: a, cred: cred}
		mu.Unlock()
		b, err := encode(id)
		if err != nil {
			return err
		}
		if err := pace(ctx, opts.Limiter); err != nil {
			return err
		}
		if _, err := conn.WriteTo(b, dst); err != nil {
			log.Debug("snmp discovery: send", "target", a, "err", err)
		}
		return nil
	}
	// send asks a with every community set scoped to it (only that one
	// when only >= 0), and with one v3 engine probe where v3 is scoped.
	send := func(a netip.Addr, only int) error {
		dst := net.UDPAddrFromAddrPort(netip.AddrPortFrom(a, uint16(opts.Port)))
		v3 := false
		for i, c := range opts.Credentials {
			if !c.Allows(a) {
				continue
			}
			if c.Version == gosnmp.Version3 {
				v3 = true
				continue
			}
			if only >= 0 && i != only {
				continue
			}
			if err := probe(a, dst, i, func(id uint32) ([]byte, error) { return encodeGet(c, id) }); err != nil {
				return err
			}
		}
		if v3 {
			return probe(a, dst, -1, encodeEngineProbe)
		}
		return nil
	}

	// The reader must outlive every round; each round sets a read
	// deadline only after its last send.
	conn.SetReadDeadline(time.Time{})
	var sendErr error
	// Rounds: 1 + Retries, and one more for remembered addresses that
	// stayed silent and have not yet been asked with every set.
	for round := 0; sendErr == nil; round++ {
		sent := false
		for _, a := range addrs {
			if err := ctx.Err(); err != nil {
				sendErr = err
				break
			}
			mu.Lock()
			skip := answered[a] || round > opts.Retries && full[a]
			only := -1
			if i, ok := first[a]; ok && !skip {
				if round == 0 {
					only = i
				} else {
					// Silent to the remembered set: every set now,
					// and every answer counts.
					delete(first, a)
				}
			}
			if !skip && only < 0 {
				full[a] = true
			}
			mu.Unlock()
			if skip {
				continue
			}
			sent = true
			if err := send(a, only); err != nil {
				sendErr = err
				break
			}
		}
		if sendErr != nil || !sent {
			break
		}
		if round < opts.Retries || round == opts.Retries && len(first) > 0 && !allFull(addrs, full, answered, &mu) {
			t := time.NewTimer(opts.Timeout)
			select {
			case <-ctx.Done():
				sendErr = ctx.Err()
			case <-t.C:
			case <-allHeard:
			}
			t.Stop()
		}
	}
	if sendErr == nil {
		t := time.NewTimer(opts.Timeout)
		select {
		case <-t.C:
		case <-allHeard:
		case <-ctx.Done():
		}
		t.Stop()
	}
	conn.SetReadDeadline(time.Now())
	<-done
	mu.Lock()
	defer mu.Unlock()
	if err := ctx.Err(); err != nil {
		return found, err
	}
	if sendErr != nil && !errors.Is(sendErr, context.Canceled) {
		return found, fmt.Errorf("snmp discovery: %w", sendErr)
	}
	return found, nil
}

// allFull reports whether every unanswered address has been asked with
// every credential set.
func allFull(addrs []netip.Addr, full, answered map[netip.Addr]bool, mu *sync.Mutex) bool {
	mu.Lock()
	defer mu.Unlock()
	for _, a := range addrs {
		if !answered[a] && !full[a] {
			return false
		}
	}
	return true
}

func fillSystem(r *Responder, vbs []gosnmp.SnmpPDU) {
	for _, vb := range vbs {
		switch normOID(vb.Name) {
		case oidSysDescr:
			if b, ok := vb.Value.([]byte); ok {
				r.SysDescr = text(b)
			}
		case oidSysObjectID:
			if s, ok := vb.Value.(string); ok {
				r.SysObjectID = normOID(s)
			}
		case oidSysName:
			if b, ok := vb.Value.([]byte); ok {
				r.SysName = text(b)
			}
		case oidSysUpTime:
			if v, ok := vb.Value.(uint32); ok {
				r.SysUptime = v
			}
		}
	}
}

// encodeGet builds a v1/v2c GET of the discovery OIDs with request ID id.
func encodeGet(c Credential, id uint32) ([]byte, error) {
	x := &gosnmp.GoSNMP{Version: c.Version, Community: c.Community.Reveal(), MaxOids: gosnmp.MaxOids}
	pdus := make([]gosnmp.SnmpPDU, len(discoveryOIDs))
	for i, o := range discoveryOIDs {
		pdus[i] = gosnmp.SnmpPDU{Name: o, Type: gosnmp.Null}
	}
	pkt := x.MkSnmpPacket(gosnmp.GetRequest, pdus, 0, 0)
	pkt.RequestID = id
	b, err := pkt.MarshalMsg()
	if err != nil {
		return nil, fmt.Errorf("encode discovery GET: %w", err)
	}
	return b, nil
}

// encodeEngineProbe builds RFC 3414 engine discovery: a reportable,
// noAuthNoPriv GET with no user and no engine ID; the agent answers with
// a report carrying its msgAuthoritativeEngineID.
func encodeEngineProbe(id uint32) ([]byte, error) {
	pkt := &gosnmp.SnmpPacket{
		Version:            gosnmp.Version3,
		MsgFlags:           gosnmp.Reportable | gosnmp.NoAuthNoPriv,
		SecurityModel:      gosnmp.UserSecurityModel,
		SecurityParameters: &gosnmp.UsmSecurityParameters{},
		PDUType:            gosnmp.GetRequest,
		MsgID:              id,
		RequestID:          id,
		MsgMaxSize:         65507,
	}
	b, err := pkt.MarshalMsg()
	if err != nil {
		return nil, fmt.Errorf("encode engine discovery: %w", err)
	}
	return b, nil
}

// DecodeResponse parses an SNMP message (v1, v2c, or an unencrypted v3
// one such as a discovery report). It never panics: malformed input is
// an error.
func DecodeResponse(b []byte) (pkt *gosnmp.SnmpPacket, err error) {
	defer func() {
		if r := recover(); r != nil {
			pkt, err = nil, fmt.Errorf("snmp: malformed message: %v", r)
		}
	}()
	if len(b) < 2 {
		return nil, errors.New("snmp: short message")
	}
	x := &gosnmp.GoSNMP{Version: gosnmp.Version2c, MaxOids: gosnmp.MaxOids}
	p, err := x.SnmpDecodePacket(b)
	if err != nil {
		return nil, fmt.Errorf("snmp: %w", err)
	}
	return p, nil
}

func pace(ctx context.Context, l *rate.Limiter) error {
	if l == nil {
		return ctx.Err()
	}
	return l.Wait(ctx)
}

func uniq(addrs []netip.Addr) map[netip.Addr]bool {
	m := make(map[netip.Addr]bool, len(addrs))
	for _, a := range addrs {
		m[a] = true
	}
	return m
}

const (
	heardCommunity uint8 = 1 << iota
	heardV3
)

// needs says which kinds of discovery probe go to a.
func needs(creds []Credential, a netip.Addr) uint8 {
	var n uint8
	for _, c := range creds {
		if !c.Allows(a) {
			continue
		}
		if c.Version == gosnmp.Version3 {
			n |= heardV3
		} else {
			n |= heardCommunity
		}
	}
	return n
}

// FromResponder is the record of what discovery alone heard: the system
// group scalars and the v3 engine ID.
func FromResponder(r *Responder) record.Asset {
	a := record.Asset{IP: r.Addr, SysDescr: r.SysDescr, SysObjectID: r.SysObjectID, SysName: r.SysName,
		SysUptimeS: uint64(r.SysUptime) / 100, SNMPEngineID: r.EngineID, Hostname: r.SysName}
	a.AddSource(record.SourceSNMP)
	return a
}
