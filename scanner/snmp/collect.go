package snmp

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/netip"
	"slices"
	"sync"
	"time"

	"github.com/gosnmp/gosnmp"

	"github.com/netcensus/netcensus/fingerprints"
	"github.com/netcensus/netcensus/internal/snmprec"
	"github.com/netcensus/netcensus/record"
)

// CollectOptions configure a Collector.
type CollectOptions struct {
	// Credentials are tried in order per target (only those allowed for
	// its address); the one that worked is tried first next time.
	Credentials []Credential
	// Dial opens sessions; nil: gosnmp with Timeout and Retries.
	Dial    DialFunc
	Timeout time.Duration
	Retries int
	// TargetTimeout bounds one device's whole collection.
	TargetTimeout time.Duration
	// MaxRepetitions starts GETBULK's max-repetitions (it adapts).
	MaxRepetitions int
	// MaxRows caps the rows read per table column.
	MaxRows int
	// Workers is the pool size of Stream.
	Workers int
	// Remembered maps an address to the index of the credential set that
	// answered it in an earlier run: tried first (see Remembered).
	Remembered map[netip.Addr]int
	// FDB configures forwarding tables, VLAN contexts and CDP.
	FDB FDBOptions
	// Engine identifies devices; nil: no identification.
	Engine *fingerprints.Engine
	Logger *slog.Logger
	// Now stamps observations; nil: time.Now.
	Now func() time.Time
}

// Collector walks devices. Safe for concurrent use.
type Collector struct {
	opts CollectOptions
	plan Plan
	memo credMemo
}

// NewCollector fills defaults and plans the walk.
func NewCollector(opts CollectOptions) *Collector {
	if opts.Timeout <= 0 {
		opts.Timeout = 2 * time.Second
	}
	if opts.Dial == nil {
		opts.Dial = GoSNMPDialer(opts.Timeout, opts.Retries)
	}
	if opts.TargetTimeout <= 0 {
		opts.TargetTimeout = time.Minute
	}
	if opts.MaxRepetitions <= 0 {
		opts.MaxRepetitions = 25
	}
	if opts.MaxRows <= 0 {
		opts.MaxRows = 10000
	}
	if opts.Workers <= 0 {
		opts.Workers = 64
	}
	if len(opts.Credentials) == 0 {
		opts.Credentials = DefaultCredentials()
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	// The vendor OIDs are chosen per device, once its system group says
	// which profiles can match (see vendorPlan).
	c := &Collector{opts: opts, plan: DefaultPlan(nil)}
	for a, i := range opts.Remembered {
		c.memo.set(a, i)
	}
	return c
}

// Target is one device to collect.
type Target struct {
	Addr netip.AddrPort
	// Credential is the index of a set known to work (from discovery),
	// or -1.
	Credential int
	// EngineID from discovery, hex.
	EngineID string
}

// Result is one device's collection.
type Result struct {
	Target netip.AddrPort
	// Asset has the SNMP part and identification filled; valid when at
	// least one credential answered.
	Asset record.Asset
	// RouterARP are the hosts in the device's ARP cache.
	RouterARP []record.Observation
	// FDB is a bridge's forwarding table (nil for other devices), read
	// from Walk and VLANs.
	FDB []FDBEntry
	// VLANs are the per-VLAN contexts read (community@vlan, vlan-N).
	VLANs []VLANContext
	// Walk is everything read, for replay and explanation.
	Walk *snmprec.Walk
	// Credential names the set that answered (never its secret).
	Credential string
	// Err says what failed; with Answered, the walk was cut short.
	Err      error
	Answered bool
	Duration time.Duration
}

// ErrTargetTimeout: a host's collection passed the target timeout.
var ErrTargetTimeout = errors.New("target timeout")

func (c *Collector) timeoutError() error {
	return fmt.Errorf("cut by the %w of %s (snmp.target_timeout, --target-timeout): what was read by then is kept", ErrTargetTimeout, c.opts.TargetTimeout)
}

// ErrNoCredential: no credential set is allowed for the address.
var ErrNoCredential = errors.New("no SNMP credential set is scoped to this address")

// Collect inventories one device. It returns within TargetTimeout (plus
// one request timeout) however the agent behaves.
func (c *Collector) Collect(ctx context.Context, t Target) Result {
	start := time.Now()
	res := Result{Target: t.Addr}
	defer func() { res.Duration = time.Since(start) }()
	parent := ctx
	ctx, cancel := context.WithTimeout(ctx, c.opts.TargetTimeout)
	defer cancel()
	log := c.opts.Logger.With("scanner", "snmp", "target", t.Addr.Addr())

	first := t.Credential
	if i, ok := c.memo.get(t.Addr.Addr()); ok {
		first = i
	}
	idx := order(c.opts.Credentials, t.Addr.Addr(), first)
	if len(idx) == 0 {
		res.Err = ErrNoCredential
		return res
	}
	var client Client
	var sys []gosnmp.SnmpPDU
	var errs []error
	coll := record.Collection{Status: record.CollectionComplete}
	for _, i := range idx {
		cred := c.opts.Credentials[i]
		cl, err := c.opts.Dial(ctx, t.Addr, cred)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", cred, err))
			continue
		}
		// The system group proves the credential; the rest follows.
		vbs, err := getScalars(ctx, cl, c.plan.Scalars[:len(systemOIDs)])
		if err != nil {
			cl.Close()
			errs = append(errs, fmt.Errorf("%s: %w", cred, err))
			if ctx.Err() != nil {
				break
			}
			continue
		}
		client, sys = cl, vbs
		c.memo.set(t.Addr.Addr(), i)
		res.Credential = cred.Name
		log.Debug("snmp credential accepted", "credential", cred.String())
		w := &walker{c: cl, log: log, bulk: cred.Version != gosnmp.Version1, maxRep: c.opts.MaxRepetitions, maxRows: c.opts.MaxRows}
		plan, conds, err := c.vendorPlan(ctx, w, vbs)
		sys = append(sys, conds...)
		if err != nil {
			res.Err = fmt.Errorf("collect %s: profile conditions: %w", t.Addr, err)
		}
		more, err := getScalars(ctx, cl, plan.Scalars[len(systemOIDs):])
		sys = append(sys, more...)
		if err != nil && res.Err == nil {
			res.Err = fmt.Errorf("collect %s: vendor scalars: %w", t.Addr, err)
		}
		walked, werr := w.walk(ctx, plan.Subtrees)
		sys = append(sys, walked...)
		if werr != nil && res.Err == nil {
			res.Err = fmt.Errorf("collect %s: %w", t.Addr, werr)
		}
		if !c.opts.FDB.Off && werr == nil {
			bw, vlans, reasons, berr := c.collectBridge(ctx, cl, t.Addr, cred, w, sys, log)
			sys = append(sys, bw...)
			res.VLANs = vlans
			coll.Reasons = append(coll.Reasons, reasons...)
			if berr != nil && res.Err == nil {
				res.Err = fmt.Errorf("collect %s: bridge tables: %w", t.Addr, berr)
			}
		}
		for _, o := range w.unordered {
			log.Debug("snmp agent answered an OID out of order; read on from it", "oid", o)
		}
		for _, o := range w.nonIncreasing {
			log.Info("snmp agent answered only OIDs it had given; column stopped", "oid", o)
			coll.Reasons = append(coll.Reasons, record.CollectionReason{Reason: record.ReasonNonIncreasingOID, OID: o})
		}
		for _, o := range w.capped {
			log.Info("snmp table capped", "oid", o, "max_rows", c.opts.MaxRows)
			coll.Reasons = append(coll.Reasons, record.CollectionReason{Reason: record.ReasonMaxRows, OID: o, Detail: fmt.Sprintf("max_rows %d", c.opts.MaxRows)})
		}
		break
	}
	// A deadline that is the target's own, not the caller's, is the
	// target timeout: say so, with the limit, not "context deadline
	// exceeded".
	// (A request's socket deadline can pass just before the context's
	// own timer fires: the deadline itself decides.)
	dl, _ := ctx.Deadline()
	timedOut := parent.Err() == nil && (errors.Is(ctx.Err(), context.DeadlineExceeded) || !time.Now().Before(dl))
	if client == nil {
		if timedOut {
			errs = append(errs, c.timeoutError())
		}
		res.Err = fmt.Errorf("collect %s: %w", t.Addr, errors.Join(errs...))
		return res
	}
	switch {
	case timedOut:
		res.Err = fmt.Errorf("collect %s: %w", t.Addr, c.timeoutError())
		coll.Reasons = append(coll.Reasons, record.CollectionReason{Reason: record.ReasonTargetTimeout, Detail: c.timeoutError().Error()})
	case res.Err != nil:
		coll.Reasons = append(coll.Reasons, record.CollectionReason{Reason: record.ReasonError, Detail: res.Err.Error()})
	}
	if len(coll.Reasons) > 0 {
		coll.Status = record.CollectionPartial
	}
	engineID := client.EngineID()
	client.Close()
	res.Answered = true
	res.Walk = snmprec.NewWalk(Records(sys))
	now := c.opts.Now().UTC()
	res.Asset, res.RouterARP = Decode(res.Walk, t.Addr.Addr(), now)
	if isBridge(res.Walk) {
		res.FDB = DecodeFDB(res.Walk, res.VLANs, res.Asset.Interfaces)
	}
	if engineID == "" {
		engineID = t.EngineID
	}
	res.Asset.SNMPEngineID = engineID
	res.Asset.SNMPCredential = res.Credential
	res.Asset.Collection = &coll
	if c.opts.Engine != nil {
		Identify(c.opts.Engine, res.Walk, &res.Asset)
	}
	return res
}

// vendorPlan is the plan for a device whose system group is sys: the
// default plan plus what the fingerprint profiles that can match it read,
// so a probe reads a few vendor OIDs per device, not every profile's. It
// reads in two steps: first the OIDs the candidates' conditions test
// (oid_present, oid_match), returned as conds, then the plan holds the
// fields of the candidates those conditions leave (a Linux host answers
// none of the MIBs that appliances built on net-snmp are told apart by,
// and is not asked for their serials and versions). The conditions'
// subtrees are walked sparsely: most are absent, and each costs one
// binding to find so. When the first step
// fails, the plan holds every candidate's fields, as if each condition
// held.
func (c *Collector) vendorPlan(ctx context.Context, w *walker, sys []gosnmp.SnmpPDU) (Plan, []gosnmp.SnmpPDU, error) {
	e := c.opts.Engine
	if e == nil {
		return c.plan, nil, nil
	}
	var oid, descr string
	for _, r := range Records(sys) {
		switch r.OID {
		case oidSysObjectID:
			if r.Value.Type == snmprec.TypeOID {
				oid = r.Value.OID
			} else if s, ok := r.Value.Text(); ok {
				oid = s
			}
		case oidSysDescr:
			descr, _ = r.Value.Text()
		}
	}
	// A condition on what the inventory walks anyway (the installed
	// software's names) is not read ahead of the identifying walks: it
	// counts as met.
	fp := e.PlanFor(oid, descr)
	cond := fp.Conditions()
	inPlan := func(o string) bool { return within(o, c.plan.Subtrees) }
	cond.Get = slices.DeleteFunc(cond.Get, inPlan)
	cond.Walk = slices.DeleteFunc(cond.Walk, inPlan)
	var conds []gosnmp.SnmpPDU
	if len(cond.Get)+len(cond.Walk) > 0 {
		got, err := getScalars(ctx, w.c, cond.Get)
		if err == nil {
			var walked []gosnmp.SnmpPDU
			walked, err = w.sparseWalk(ctx, cond.Walk)
			got = append(got, walked...)
		}
		if err != nil {
			f := fp.All()
			return c.plan.With(f.Get, f.Walk), got, err
		}
		conds = got
	}
	values := fingerprints.InputFromWalk(snmprec.NewWalk(Records(conds)), cond.All()).Values
	f := fp.Fields(values, cond)
	// What the first step read is not read again.
	read := func(o string) bool { return within(o, cond.Walk) }
	get := slices.DeleteFunc(f.Get, func(o string) bool { return slices.Contains(cond.Get, o) || read(o) })
	walk := slices.DeleteFunc(f.Walk, read)
	return c.plan.With(get, walk).without(cond.Walk), conds, nil
}

// Stream collects targets with a pool of Workers, each with its own
// session at a time, and sends each Result on the returned channel,
// closed when all are done or ctx is cancelled.
func (c *Collector) Stream(ctx context.Context, targets []Target) <-chan Result {
	out := make(chan Result)
	jobs := make(chan Target)
	var wg sync.WaitGroup
	workers := min(c.opts.Workers, max(1, len(targets)))
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range jobs {
				r := c.Collect(ctx, t)
				select {
				case out <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, t := range targets {
			select {
			case jobs <- t:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

// Identify runs the fingerprint engine over a walk and fills the
// identification fields and their evidence.
func Identify(e *fingerprints.Engine, w *snmprec.Walk, a *record.Asset) {
	r := e.Identify(e.Input(w))
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&a.Vendor, r.Vendor)
	set(&a.Model, r.Model)
	set(&a.Serial, r.Serial)
	set(&a.OS, r.OS)
	set(&a.OSVersion, r.OSVersion)
	set(&a.DeviceType, r.DeviceType)
	for k, ev := range r.Evidence {
		if a.Evidence == nil {
			a.Evidence = map[string]record.Evidence{}
		}
		a.Evidence[k] = ev
	}
}
