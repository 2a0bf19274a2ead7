// Package snmpsim is an SNMP agent that serves recorded walks (snmprec
// files), in the manner of snmpsim: many simulated devices on one UDP
// socket, selected by community (v1/v2c) or context name (v3). It answers
// GET, GETNEXT and GETBULK for SNMP v1, v2c and v3 (USM with MD5, SHA and
// SHA-2 authentication; DES and AES-128/192/256 privacy, both AES key
// extensions), and can inject faults for tests: delays, dropped requests,
// broken GETBULK and endless tables.
package snmpsim

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/netcensus/netcensus/internal/snmprec"
)

// BulkFault selects a GETBULK misbehaviour.
type BulkFault int

// GETBULK behaviours.
const (
	// BulkNormal honours max-repetitions.
	BulkNormal BulkFault = iota
	// BulkIgnoreMaxRepetitions fills each response up to the size and
	// varbind limits, whatever max-repetitions asked for.
	BulkIgnoreMaxRepetitions
	// BulkNonIncreasing starts each response's repetitions at the
	// requested OID itself instead of after it, so every response repeats
	// the last OID of the previous one.
	BulkNonIncreasing
)

// Faults are misbehaviours to inject, for testing clients.
type Faults struct {
	// Delay holds back every response by this long (the agent keeps
	// serving other requests meanwhile).
	Delay time.Duration
	// DropEveryN drops every Nth well-formed request unanswered (0: none).
	DropEveryN int
	// Bulk breaks GETBULK.
	Bulk BulkFault
	// EndlessTable, an OID, replaces that subtree of every walk with rows
	// EndlessTable.1, .2, … that never end.
	EndlessTable string
}

// Options configure an Agent.
type Options struct {
	// DataDir is searched recursively for .snmprec and .snmprec.bz2 files;
	// each is a device named by its relative path without the extension.
	// Files are parsed on first use unless Preload is set.
	DataDir string
	Preload bool
	// Walks are devices given in memory, by community; they take
	// precedence over files of the same name.
	Walks map[string]*snmprec.Walk

	// Users are the SNMPv3 users; with none, v3 requests get reports only.
	Users []User
	// EngineID is the agent's SNMP engine ID (5-32 bytes); a fixed
	// default is used when empty.
	EngineID []byte
	// EngineBoots is reported as snmpEngineBoots (default 1).
	EngineBoots uint32
	// DefaultContext is the device served to v3 requests with an empty
	// context name; when empty and only one device exists, that one.
	DefaultContext string

	// MaxMessageSize bounds every response (default 65507, minimum 484).
	MaxMessageSize int
	// MaxVarbinds bounds the varbinds of one response (default 1024).
	MaxVarbinds int
	// Workers is the number of requests handled in parallel
	// (default GOMAXPROCS).
	Workers int

	Faults Faults
	Logger *slog.Logger
}

// DefaultEngineID is used when Options.EngineID is empty: enterprise 20408
// (the snmpsim/pysnmp number), format 4 (text), "netcensus-sim".
const DefaultEngineID = "\x80\x00\x4f\xb8\x04netcensus-sim"

// Stats count what an Agent has seen; see Agent.Stats.
type Stats struct {
	Received         uint64 // datagrams read
	Responses        uint64 // responses and reports sent
	Reports          uint64 // of which reports (v3)
	Malformed        uint64 // undecodable or unsupported messages, dropped
	UnknownCommunity uint64 // v1/v2c requests for no device, dropped
	UnknownContext   uint64 // v3 requests for no device
	FaultDrops       uint64 // requests dropped by Faults.DropEveryN
	UnknownEngineIDs uint64 // v3: usmStatsUnknownEngineIDs (includes discovery)
	UnknownUserNames uint64
	UnsupportedLevel uint64
	WrongDigests     uint64
	NotInTimeWindow  uint64
	DecryptionErrors uint64
	Overloaded       uint64 // requests dropped because the queue was full
}

type counters struct {
	received, responses, reports, malformed, unknownCommunity, unknownContext,
	faultDrops, unknownEngineIDs, unknownUserNames, unsupportedLevel,
	wrongDigests, notInTimeWindow, decryptionErrors, overloaded atomic.Uint64
}

// Agent serves snmprec walks over SNMP. It is safe to Serve several
// sockets with one Agent at once.
type Agent struct {
	opts     Options
	log      *slog.Logger
	devices  map[string]*device
	users    map[string]*userKeys
	engineID []byte
	boots    uint32
	start    time.Time
	defCtx   *device

	endless string // normalized Faults.EndlessTable

	requests atomic.Uint64
	salt     atomic.Uint64
	c        counters
}

// New builds an Agent. It indexes DataDir and localizes the v3 users' keys
// to the engine ID (a few milliseconds per user).
func New(opts Options) (*Agent, error) {
	a := &Agent{
		opts:    opts,
		log:     opts.Logger,
		devices: map[string]*device{},
		users:   map[string]*userKeys{},
		start:   time.Now(),
		boots:   opts.EngineBoots,
	}
	if a.log == nil {
		a.log = slog.New(slog.DiscardHandler)
	}
	if a.boots == 0 {
		a.boots = 1
	}
	if a.opts.MaxMessageSize == 0 {
		a.opts.MaxMessageSize = 65507
	}
	if a.opts.MaxMessageSize < 484 || a.opts.MaxMessageSize > 65507 {
		return nil, fmt.Errorf("snmpsim: MaxMessageSize %d outside 484..65507", a.opts.MaxMessageSize)
	}
	if a.opts.MaxVarbinds <= 0 {
		a.opts.MaxVarbinds = 1024
	}
	if a.opts.Workers <= 0 {
		a.opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.Faults.DropEveryN < 0 || opts.Faults.Delay < 0 {
		return nil, errors.New("snmpsim: negative fault setting")
	}
	if e := opts.Faults.EndlessTable; e != "" {
		a.endless = trimDot(e)
		if !validDotted(a.endless) {
			return nil, fmt.Errorf("snmpsim: EndlessTable %q is not an OID", e)
		}
	}
	a.engineID = opts.EngineID
	if len(a.engineID) == 0 {
		a.engineID = []byte(DefaultEngineID)
	}
	if len(a.engineID) < 5 || len(a.engineID) > 32 {
		return nil, fmt.Errorf("snmpsim: engine ID of %d bytes, want 5-32", len(a.engineID))
	}

	if opts.DataDir != "" {
		idx, err := IndexDir(opts.DataDir)
		if err != nil {
			return nil, fmt.Errorf("snmpsim: %w", err)
		}
		for name, path := range idx {
			a.devices[name] = &device{name: name, path: path}
		}
	}
	for name, w := range opts.Walks {
		if w == nil {
			return nil, fmt.Errorf("snmpsim: nil walk for %q", name)
		}
		a.devices[name] = &device{name: name, walk: w}
	}
	if len(a.devices) == 0 {
		return nil, errors.New("snmpsim: no devices (empty DataDir and Walks)")
	}
	if opts.Preload {
		for _, d := range a.devices {
			if _, err := d.load(a.log); err != nil {
				return nil, fmt.Errorf("snmpsim: %w", err)
			}
		}
	}
	switch {
	case opts.DefaultContext != "":
		d, ok := a.devices[opts.DefaultContext]
		if !ok {
			return nil, fmt.Errorf("snmpsim: DefaultContext %q names no device", opts.DefaultContext)
		}
		a.defCtx = d
	case len(a.devices) == 1:
		for _, d := range a.devices {
			a.defCtx = d
		}
	}

	for _, u := range opts.Users {
		if err := u.validate(); err != nil {
			return nil, fmt.Errorf("snmpsim: %w", err)
		}
		if _, dup := a.users[u.Name]; dup {
			return nil, fmt.Errorf("snmpsim: v3 user %q listed twice", u.Name)
		}
		k, err := localizeUser(u, a.engineID)
		if err != nil {
			return nil, fmt.Errorf("snmpsim: %w", err)
		}
		a.users[u.Name] = k
	}
	return a, nil
}

// EngineID returns the agent's SNMP engine ID.
func (a *Agent) EngineID() []byte { return bytes.Clone(a.engineID) }

// Stats returns a snapshot of the agent's counters.
func (a *Agent) Stats() Stats {
	return Stats{
		Received:         a.c.received.Load(),
		Responses:        a.c.responses.Load(),
		Reports:          a.c.reports.Load(),
		Malformed:        a.c.malformed.Load(),
		UnknownCommunity: a.c.unknownCommunity.Load(),
		UnknownContext:   a.c.unknownContext.Load(),
		FaultDrops:       a.c.faultDrops.Load(),
		UnknownEngineIDs: a.c.unknownEngineIDs.Load(),
		UnknownUserNames: a.c.unknownUserNames.Load(),
		UnsupportedLevel: a.c.unsupportedLevel.Load(),
		WrongDigests:     a.c.wrongDigests.Load(),
		NotInTimeWindow:  a.c.notInTimeWindow.Load(),
		DecryptionErrors: a.c.decryptionErrors.Load(),
		Overloaded:       a.c.overloaded.Load(),
	}
}

func (a *Agent) engineTime() uint32 {
	return uint32(time.Since(a.start) / time.Second)
}

// ListenAndServe listens on the UDP address addr, calls ready once with the
// bound address (useful with port 0), and serves until ctx is done.
func (a *Agent) ListenAndServe(ctx context.Context, addr string, ready func(net.Addr)) error {
	var lc net.ListenConfig
	conn, err := lc.ListenPacket(ctx, "udp", addr)
	if err != nil {
		return fmt.Errorf("snmpsim: listen %s: %w", addr, err)
	}
	defer conn.Close()
	if ready != nil {
		ready(conn.LocalAddr())
	}
	return a.Serve(ctx, conn)
}

type job struct {
	buf  *[]byte
	n    int
	addr net.Addr
}

const maxDatagram = 65535

// Serve answers SNMP requests read from conn until ctx is done, then
// returns nil; it returns an error if reading from conn fails otherwise.
// It does not close conn. Responses still held back by Faults.Delay are
// discarded on return.
func (a *Agent) Serve(ctx context.Context, conn net.PacketConn) error {
	stop := context.AfterFunc(ctx, func() { _ = conn.SetReadDeadline(time.Unix(1, 0)) })
	defer stop()

	bufs := sync.Pool{New: func() any { b := make([]byte, maxDatagram); return &b }}
	jobs := make(chan job, a.opts.Workers*8)
	var wg sync.WaitGroup
	delayed := newDelayQueue()
	for range a.opts.Workers {
		wg.Go(func() {
			for j := range jobs {
				a.serveOne(conn, delayed, (*j.buf)[:j.n], j.addr)
				bufs.Put(j.buf)
			}
		})
	}
	defer func() {
		close(jobs)
		wg.Wait()
		delayed.stopAll()
		_ = conn.SetReadDeadline(time.Time{})
	}()

	for {
		buf := bufs.Get().(*[]byte)
		n, addr, err := conn.ReadFrom(*buf)
		if err != nil {
			bufs.Put(buf)
			if ctx.Err() != nil {
				return nil
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				continue
			}
			return fmt.Errorf("snmpsim: read: %w", err)
		}
		a.c.received.Add(1)
		select {
		case jobs <- job{buf: buf, n: n, addr: addr}:
		default:
			a.c.overloaded.Add(1)
			bufs.Put(buf)
		}
	}
}

// serveOne answers one datagram, never panicking on its content.
func (a *Agent) serveOne(conn net.PacketConn, delayed *delayQueue, pkt []byte, addr net.Addr) {
	defer func() {
		if r := recover(); r != nil {
			a.c.malformed.Add(1)
			a.log.Error("snmpsim: request handler panicked", "peer", addr.String(), "panic", fmt.Sprint(r))
		}
	}()
	resp := a.Handle(pkt)
	if resp == nil {
		return
	}
	send := func() {
		if _, err := conn.WriteTo(resp, addr); err != nil {
			a.log.Debug("snmpsim: write failed", "peer", addr.String(), "err", err)
			return
		}
		a.c.responses.Add(1)
	}
	if d := a.opts.Faults.Delay; d > 0 {
		delayed.after(d, send)
		return
	}
	send()
}

// delayQueue runs delayed sends and cancels them on shutdown.
type delayQueue struct {
	mu     sync.Mutex
	timers map[*time.Timer]struct{}
	closed bool
	wg     sync.WaitGroup
}

const maxDelayed = 1 << 16

func newDelayQueue() *delayQueue {
	return &delayQueue{timers: map[*time.Timer]struct{}{}}
}

func (q *delayQueue) after(d time.Duration, f func()) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.closed || len(q.timers) >= maxDelayed {
		return
	}
	q.wg.Add(1)
	var t *time.Timer
	t = time.AfterFunc(d, func() {
		defer q.wg.Done()
		q.mu.Lock()
		delete(q.timers, t)
		q.mu.Unlock()
		f()
	})
	q.timers[t] = struct{}{}
}

func (q *delayQueue) stopAll() {
	q.mu.Lock()
	q.closed = true
	for t := range q.timers {
		if t.Stop() {
			q.wg.Done()
		}
	}
	clear(q.timers)
	q.mu.Unlock()
	q.wg.Wait()
}

// Handle answers one request datagram, returning the response datagram or
// nil when the request is dropped. It is what Serve calls for each packet
// and is exposed for fuzzing and for in-process tests without sockets.
func (a *Agent) Handle(pkt []byte) []byte {
	m, err := decodeMessage(pkt)
	if err != nil {
		a.c.malformed.Add(1)
		a.log.Debug("snmpsim: malformed request", "err", err)
		return nil
	}
	if m.version == versionV3 {
		return a.handleV3(m, pkt)
	}
	d, ok := a.devices[string(m.community)]
	if !ok {
		a.c.unknownCommunity.Add(1)
		return nil
	}
	if !a.acceptPDU(m.version, m.pdu.typ) {
		return nil
	}
	if a.faultDrop() {
		return nil
	}
	w, err := d.load(a.log)
	if err != nil {
		return nil
	}
	budget := a.opts.MaxMessageSize - communityOverhead(m.community)
	body := a.answer(m.version, a.view(w), &m.pdu, budget)
	return encodeCommunity(m.version, m.community, body)
}

// acceptPDU reports whether the PDU type is one the agent answers in this
// version, counting it as malformed otherwise.
func (a *Agent) acceptPDU(version int64, typ byte) bool {
	switch typ {
	case pduGet, pduGetNext, pduSet:
		return true
	case pduGetBulk:
		if version != versionV1 {
			return true
		}
	}
	a.c.malformed.Add(1)
	return false
}

func (a *Agent) faultDrop() bool {
	n := a.opts.Faults.DropEveryN
	if n <= 0 {
		return false
	}
	if a.requests.Add(1)%uint64(n) == 0 {
		a.c.faultDrops.Add(1)
		return true
	}
	return false
}

func trimDot(s string) string {
	if len(s) > 0 && s[0] == '.' {
		return s[1:]
	}
	return s
}

func validDotted(s string) bool {
	if s == "" {
		return false
	}
	digits := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && digits > 0:
			digits = 0
		default:
			return false
		}
	}
	return digits > 0
}
