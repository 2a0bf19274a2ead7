// Package inventory turns sweeps into assets and keeps their history: it
// resolves a sweep's observations to assets (identity), moves each asset
// through its lifecycle (new → active → missing → returned / retired),
// records an event for every transition and attribute change, and carries
// what people decide (approvals, site, role, owner, tags, merges, splits).
//
// It reads and writes through a store.Store only.
package inventory

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/netip"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/netcensus/netcensus/inventory/identity"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// Config is the lifecycle's settings.
type Config struct {
	// Scanner names this scanner (site) on every observation it stores.
	Scanner string
	// Site is the layer-2 domain this scanner's sweeps see: a MAC address
	// identifies a device only within its site (identity.Input.Scope).
	// Scanners on one L2 domain share a site; empty: one for all.
	Site string
	// MissingAfterSweeps: an asset is missing after this many complete
	// sweeps of its subnet did not see it (used when MissingAfter is 0).
	MissingAfterSweeps int
	// MissingAfter: an asset is missing when a complete sweep of its
	// subnet has not seen it for this long. 0: count sweeps instead.
	MissingAfter time.Duration
	// RetireAfter: a missing asset not seen for this long is retired. 0:
	// only by command.
	RetireAfter time.Duration
	// Retention: observations and samples older than this are pruned
	// after each sweep and by Prune. 0: kept forever.
	Retention time.Duration
	// Now is the clock (time.Now when nil).
	Now func() time.Time
	// FlushRows is how many software, sample, interface and neighbor rows
	// Ingest holds before writing them, so a large sweep goes out in
	// batches (64 Ki when 0).
	FlushRows int
}

// DefaultConfig returns the defaults: missing after 3 sweeps, retired by
// command only, 90 days of observations and samples.
func DefaultConfig() Config {
	return Config{MissingAfterSweeps: 3, Retention: 90 * 24 * time.Hour}
}

// Inventory is the CMDB's logic over a store.
type Inventory struct {
	st  store.Store
	res *identity.Resolver
	cfg Config
	log *slog.Logger
}

// New returns an Inventory.
func New(st store.Store, res *identity.Resolver, cfg Config, log *slog.Logger) *Inventory {
	if cfg.MissingAfterSweeps <= 0 {
		cfg.MissingAfterSweeps = 1
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Inventory{st: st, res: res, cfg: cfg, log: log}
}

func (inv *Inventory) now() time.Time {
	if inv.cfg.Now != nil {
		return inv.cfg.Now().UTC()
	}
	return time.Now().UTC()
}

// Store is the store the inventory uses.
func (inv *Inventory) Store() store.Store { return inv.st }

// Sweep is one sweep to ingest.
type Sweep struct {
	// ID is the sweep's UUID; made up when empty.
	ID string
	// Scanner overrides Config.Scanner.
	Scanner string
	// Site overrides Config.Site (a spooled sweep keeps its own).
	Site       string `json:",omitempty"`
	Start, End time.Time
	// Partial: the sweep was cancelled; it marks nothing missing.
	Partial bool
	// Segments hold the addresses actually asked, as prefixes: absence is
	// counted only for assets whose address lies in one.
	Segments     []netip.Prefix
	Observations []record.Observation
}

// Result is what one ingest did.
type Result struct {
	Sweep  store.Sweep
	Events []store.Event
	Pruned store.PruneStats
	// Retries counts the times the store was busy (another process held
	// its lock too long) and the whole ingest was run again.
	Retries int
}

// BusyAttempts bounds the runs of one write when the store stays busy:
// the first and two retries, each waiting the store's own busy timeout.
const BusyAttempts = 3

// atomically runs fn on a copy of inv whose store is one transaction,
// where the store has them (store.Atomic): fn's writes are all stored or
// none. A busy store runs fn again, at most BusyAttempts times in all,
// each retry logged; it returns how many retries it took.
func (inv *Inventory) atomically(ctx context.Context, what string, fn func(ctx context.Context, inv *Inventory) error) (int, error) {
	at, ok := inv.st.(store.Atomic)
	if !ok {
		return 0, fn(ctx, inv)
	}
	for attempt := 1; ; attempt++ {
		err := at.Atomically(ctx, func(ctx context.Context, tx store.Store) error {
			c := *inv
			c.st = tx
			return fn(ctx, &c)
		})
		if err == nil || !errors.Is(err, store.ErrBusy) || attempt >= BusyAttempts || ctx.Err() != nil {
			if err != nil && errors.Is(err, store.ErrBusy) {
				err = fmt.Errorf("%s: still busy after %d attempts: %w", what, attempt, err)
			}
			return attempt - 1, err
		}
		inv.log.Warn("store busy, running the write again", "write", what, "attempt", attempt+1, "of", BusyAttempts, "err", err)
	}
}

// Attributes are the fields whose changes are events, with their getters.
var attributes = []struct {
	name string
	get  func(*record.Asset) string
}{
	{"ip", func(a *record.Asset) string {
		if a.IP.IsValid() {
			return a.IP.String()
		}
		return ""
	}},
	{"mac", func(a *record.Asset) string { return a.MAC.String() }},
	{"hostname", func(a *record.Asset) string { return a.Hostname }},
	{"vendor", func(a *record.Asset) string { return a.Vendor }},
	{"model", func(a *record.Asset) string { return a.Model }},
	{"serial", func(a *record.Asset) string { return a.Serial }},
	{"os_version", func(a *record.Asset) string { return a.OSVersion }},
	{"location", func(a *record.Asset) string { return a.SysLocation }},
	{"device_type", func(a *record.Asset) string { return a.DeviceType }},
	{"ports", func(a *record.Asset) string {
		ps := make([]string, len(a.Ports))
		for i, p := range a.Ports {
			ps[i] = p.String()
		}
		slices.Sort(ps)
		return strings.Join(ps, ", ")
	}},
}

// events collects a batch's events in order.
type events struct {
	list []store.Event
	// base is the wall clock in microseconds when the batch began: events
	// of the same second list in the order they were recorded.
	base    int64
	sweepID string
	actor   string
	at      time.Time
}

func newEvents(sweepID, actor string, at time.Time) *events {
	base := time.Now().UnixMicro() * 100
	if sweepID != "" {
		// A sweep's events are the same rows when it is stored again (a
		// spooled sweep replayed after a store failed part way).
		base = at.UnixMicro() * 100
	}
	return &events{sweepID: sweepID, actor: actor, at: at, base: base}
}

func (e *events) add(asset, typ, field, old, new string) {
	id := store.NewUUID(e.at)
	if e.sweepID != "" {
		id = store.DerivedUUID(e.sweepID+"/event", len(e.list))
	}
	e.list = append(e.list, store.Event{
		ID: id, Time: store.Second(e.at), SweepID: e.sweepID, Seq: e.base + int64(len(e.list)),
		AssetID: asset, Type: typ, Field: field, Old: old, New: new, Actor: e.actor,
	})
}

// actionEvents collects the events of a person's action at at.
func actionEvents(actor string, at time.Time) *events { return newEvents("", actor, at) }

func (e *events) state(a *store.Asset, to string, at time.Time) {
	from := a.Record.State
	if from == to {
		return
	}
	e.add(a.Record.AssetID, store.EventState, "state", from, to)
	a.Record.State, a.StateSince = to, store.Second(at)
}

// ObservationsFromHost splits a sweep's merged host record into the
// observations identity needs: the full record under its wire source (ARP,
// passive, router ARP, NDP, router ND, else its first source), plus a slim
// identity-only observation for each other source, so that an mDNS name
// stays an mDNS name and an ARP binding stays a binding; NDP and routers'
// neighbour tables give one binding for each IPv6 address with its MAC.
func ObservationsFromHost(at time.Time, scanner string, h *record.Asset) []record.Observation {
	srcs := append([]record.Source(nil), h.Sources...)
	if len(srcs) == 0 {
		srcs = []record.Source{record.SourceARP}
	}
	primary := srcs[0]
	for _, s := range []record.Source{record.SourceARP, record.SourcePassive, record.SourceRouterARP, record.SourceNDP, record.SourceRouterND} {
		if contains(srcs, s) {
			primary = s
			break
		}
	}
	out := []record.Observation{{Time: at, Source: primary, Scanner: scanner, Asset: *h}}
	for _, s := range srcs {
		if s == record.SourceNDP || s == record.SourceRouterND {
			// One binding per IPv6 address, with the MAC it was seen
			// from: an IPv6 address joins only through it.
			for _, ip := range append([]netip.Addr{h.IP}, h.IPs...) {
				if ip.Is6() && !ip.Is4In6() && len(h.MAC) > 0 && (ip != h.IP || s != primary) {
					out = append(out, record.Observation{Time: at, Source: s, Scanner: scanner,
						Asset: record.Asset{IP: ip, MAC: h.MAC, Sources: []record.Source{s}}})
				}
			}
			continue
		}
		if s == primary {
			continue
		}
		slim := record.Asset{IP: h.IP, Sources: []record.Source{s}}
		switch s {
		case record.SourceMDNS:
			slim.Hostname = h.Hostname
		case record.SourceSNMP:
			slim.SysName, slim.SNMPEngineID, slim.Serial, slim.Vendor = h.SysName, h.SNMPEngineID, h.Serial, h.Vendor
		}
		if s != record.SourceSNMP && s != record.SourceMDNS {
			slim.MAC = h.MAC
		}
		out = append(out, record.Observation{Time: at, Source: s, Scanner: scanner, Asset: slim})
	}
	return out
}

func contains[T comparable](xs []T, x T) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// obsOrder sorts a cluster's observations so that merging them does not
// depend on arrival order: newest first (its values win), then by source,
// address and, last, the whole record.
func obsOrder(obs []record.Observation, idx []int) {
	enc := map[int]string{}
	full := func(i int) string {
		if s, ok := enc[i]; ok {
			return s
		}
		b, _ := json.Marshal(&obs[i])
		enc[i] = string(b)
		return enc[i]
	}
	sort.SliceStable(idx, func(x, y int) bool {
		a, b := &obs[idx[x]], &obs[idx[y]]
		switch {
		case !a.Time.Equal(b.Time):
			return a.Time.After(b.Time)
		case a.Source != b.Source:
			return a.Source < b.Source
		case a.Asset.IP != b.Asset.IP:
			return a.Asset.IP.Less(b.Asset.IP)
		case a.Asset.MAC.String() != b.Asset.MAC.String():
			return a.Asset.MAC.String() < b.Asset.MAC.String()
		}
		return full(idx[x]) < full(idx[y])
	})
}

// Ingest stores a sweep and updates every asset it touches: in one
// transaction where the store has them (all of the sweep or nothing), a
// busy store retried a bounded number of times; then it prunes.
func (inv *Inventory) Ingest(ctx context.Context, sw Sweep) (Result, error) {
	if sw.End.IsZero() {
		sw.End = inv.now()
	}
	if sw.ID == "" {
		sw.ID = store.NewUUID(sw.End)
	}
	var out Result
	// On a store without transactions the sweep is a change set named by
	// its ID: a replay of it writes the same rows, each stored once.
	ctx = store.WithChangeSet(ctx, sw.ID)
	retries, err := inv.atomically(ctx, "ingest sweep "+sw.ID, func(ctx context.Context, inv *Inventory) error {
		var err error
		if out, err = inv.ingest(ctx, sw); err != nil {
			return err
		}
		// Pruned in the same transaction: one lock, and a sweep is
		// never reported failed (and spooled again) after it was stored.
		if inv.cfg.Retention > 0 {
			if out.Pruned, err = inv.st.Prune(ctx, sw.End.Add(-inv.cfg.Retention)); err != nil {
				return fmt.Errorf("prune after sweep %s: %w", sw.ID, err)
			}
		}
		return nil
	})
	out.Retries = retries
	if err != nil {
		return Result{Retries: retries}, err
	}
	inv.log.Info("sweep stored", "sweep", sw.ID, "observations", len(sw.Observations), "assets", out.Sweep.Assets, "new", out.Sweep.New, "missing", out.Sweep.Missing, "events", len(out.Events), "retries", retries)
	return out, nil
}

// ingest is one run of Ingest's writes.
func (inv *Inventory) ingest(ctx context.Context, sw Sweep) (Result, error) {
	at := sw.End
	if sw.Start.IsZero() {
		sw.Start = at
	}
	scanner := sw.Scanner
	if scanner == "" {
		scanner = inv.cfg.Scanner
	}
	srow := store.Sweep{ID: sw.ID, Scanner: scanner, Start: sw.Start, Partial: sw.Partial, Segments: sw.Segments, Observations: len(sw.Observations)}
	// Recorded first, unfinished (no end): a crash leaves a trace.
	if err := inv.st.PutSweep(ctx, srow); err != nil {
		return Result{}, err
	}
	obs := make([]record.Observation, len(sw.Observations))
	copy(obs, sw.Observations)
	for i := range obs {
		if obs[i].Scanner == "" {
			obs[i].Scanner = scanner
		}
		if obs[i].Time.IsZero() {
			obs[i].Time = at
		}
		a := &obs[i].Asset
		a.AssetID, a.State, a.Approved, a.Site, a.Role, a.Owner, a.Tags = "", "", nil, "", "", "", nil
	}

	decs, err := inv.decisions(ctx)
	if err != nil {
		return Result{}, err
	}
	site := cmp.Or(sw.Site, inv.cfg.Site)
	in := identity.Input{Observations: obs, Decisions: decs, SkipTies: true, Scope: site}
	// Only the assets the sweep can tie to are read, not the CMDB.
	assets, keys, err := inv.touched(ctx, inv.res.KeysOf(in), decs)
	if err != nil {
		return Result{}, err
	}
	for i := 0; i < len(keys); {
		j := i
		var ks []identity.Key
		for ; j < len(keys) && keys[j].AssetID == keys[i].AssetID; j++ {
			ks = append(ks, keys[j].Key)
		}
		if _, live := assets[keys[i].AssetID]; live {
			in.Known = append(in.Known, identity.Known{AssetID: keys[i].AssetID, Keys: ks})
		}
		i = j
	}
	res := inv.res.Resolve(in)

	// A location names its switch by the address it was read at: the
	// switch's asset is the cluster that holds that address.
	byIP := map[netip.Addr]string{}
	for ci := range res.Clusters {
		for _, m := range res.Clusters[ci].Observations {
			ip := obs[m].Asset.IP
			if !ip.IsValid() {
				continue
			}
			// The device that answered SNMP there wins over a host
			// merely seen with the address.
			if _, ok := byIP[ip]; !ok || obs[m].Source == record.SourceSNMP {
				byIP[ip] = res.Clusters[ci].AssetID
			}
		}
	}

	ev := newEvents(sw.ID, "", at)
	rows := make([]store.Observation, len(obs))
	var (
		put      []store.Asset
		newKeys  []store.AssetKey
		delKeys  []store.AssetKey
		software []store.Software
		samples  []store.Sample
		ifaces   []store.Interface
		neigh    []store.Neighbor
		locs     []store.Location
		diffs    softwareDiffs
		seen     = map[string]bool{}
	)
	for ci := range res.Clusters {
		c := &res.Clusters[ci]
		idx := append([]int(nil), c.Observations...)
		obsOrder(obs, idx)
		var observed record.Asset
		first, last := obs[idx[0]].Time, obs[idx[0]].Time
		for _, m := range idx {
			observed.Merge(&obs[m].Asset)
			t := obs[m].Time
			if t.Before(first) {
				first = t
			}
			// The host's first answer in the sweep, when it says so.
			if fs := obs[m].Asset.FirstSeen; !fs.IsZero() && fs.Before(first) {
				first = fs
			}
			if t.After(last) {
				last = t
			}
			// The ID derives from the sweep and the observation's place in
			// it: a replayed sweep writes the same IDs, stored once.
			rows[m] = store.Observation{ID: store.DerivedUUID(sw.ID, m), SweepID: sw.ID, AssetID: c.AssetID, Observation: obs[m]}
		}
		observed.Anomalies = nil
		seen[c.AssetID] = true

		old, exists := assets[c.AssetID]
		var a store.Asset
		if exists {
			a = *old
		} else {
			a = store.Asset{Record: record.Asset{AssetID: c.AssetID, FirstSeen: first}}
		}
		for _, mid := range c.Merged {
			m, ok := assets[mid]
			if !ok {
				continue
			}
			seen[mid] = true
			if m.Record.FirstSeen.Before(a.Record.FirstSeen) {
				a.Record.FirstSeen = m.Record.FirstSeen
			}
			ev.add(c.AssetID, store.EventMerged, "asset", "", mid)
			ev.state(m, store.StateMerged, at)
			m.MergedInto = c.AssetID
			put = append(put, *m)
			for _, k := range keys {
				if k.AssetID == mid {
					delKeys = append(delKeys, k)
					newKeys = append(newKeys, store.AssetKey{AssetID: c.AssetID, Key: k.Key, FirstSeen: k.FirstSeen})
				}
			}
		}
		// A sweep older than what the store last saw of the asset (a spool
		// replayed after later sweeps, a scanner's late upload) is
		// history: its observations, interfaces, samples, neighbours and
		// locations are stored at their times, and it can only tell that
		// the asset was first seen earlier. The current record, state
		// and software stay the later sweep's, and no change is announced
		// backwards (an OS "downgrade", a move to where it was before).
		stale := exists && old.Record.LastSeen.After(last)
		if l := observed.Location; l != nil {
			loc := *l
			if loc.Switch.AssetID == "" {
				loc.Switch.AssetID = byIP[loc.Switch.IP]
			}
			observed.Location = &loc
			if exists && !stale && old.Record.Location != nil && !old.Record.Location.Same(&loc) {
				ev.add(c.AssetID, store.EventMoved, "location", old.Record.Location.String(), loc.String())
			}
			locs = append(locs, store.Location{AssetID: c.AssetID, SweepID: sw.ID, Time: store.Second(last),
				MAC: locatedMAC(&observed), Location: loc, Rule: observed.Evidence["location"].Rule})
		}
		// A list a partial collection may have cut short is not whole.
		dg := SoftwareDigest(observed.Software)
		wholeSW := dg != "" && !SoftwareCut(observed.Collection)
		if stale {
			if first.Before(a.Record.FirstSeen) {
				a.Record.FirstSeen = first
			}
			if !a.Record.FirstSeen.Equal(old.Record.FirstSeen) || len(c.Merged) > 0 {
				put = append(put, a)
			}
		} else {
			cur := observed
			cur.AssetID = c.AssetID
			if exists {
				for _, f := range attributes {
					ov, nv := f.get(&old.Record), f.get(&observed)
					if nv != "" && nv != ov {
						ev.add(c.AssetID, store.EventChange, f.name, ov, nv)
					}
				}
				prev := old.Record
				prev.Anomalies = nil
				if len(cur.IPs) > 0 {
					prev.IPs = nil
				}
				if len(cur.MACs) > 0 {
					prev.MACs = nil
				}
				if len(cur.Services) > 0 {
					prev.Services = nil
				}
				if len(cur.Ports) > 0 {
					prev.Ports = nil
				}
				cur.Merge(&prev)
			}
			// The list is kept in its own table; the record says how long
			// it is when it is whole (else the last whole one's length,
			// merged from prev).
			if wholeSW {
				cur.SoftwareCount = len(observed.Software)
			}
			cur.Software = nil
			cur.State, cur.FirstSeen, cur.LastSeen = a.Record.State, a.Record.FirstSeen, last
			a.Record, a.MissedSweeps, a.LastSweepID = cur, 0, sw.ID
			switch {
			case a.Record.State == "":
				ev.state(&a, store.StateNew, at)
				ev.add(c.AssetID, store.EventNewUnapproved, "", "", describe(&a.Record))
				srow.New++
			case a.StateSince.After(at):
				// A later sweep decided the state (missing since): this
				// sighting came before it.
			case a.Record.State == store.StateNew || a.Record.State == store.StateReturned:
				ev.state(&a, store.StateActive, at)
			case a.Record.State == store.StateMissing || a.Record.State == store.StateRetired:
				ev.state(&a, store.StateReturned, at)
			}
			put = append(put, a)
		}
		for _, k := range c.Keys {
			newKeys = append(newKeys, store.AssetKey{AssetID: c.AssetID, Key: k, FirstSeen: at})
		}
		t := store.Second(last)
		// A snapshot is written when the software changed (or was never
		// seen); the change is compared with the one before it. A list
		// that is not whole is no snapshot.
		if wholeSW && !stale && (!exists || dg != old.SoftwareDigest) {
			snap := make([]store.Software, len(observed.Software))
			for i, s := range observed.Software {
				snap[i] = store.Software{AssetID: c.AssetID, SweepID: sw.ID, Time: t, Software: s}
			}
			software = append(software, snap...)
			if exists {
				diffs.add(c.AssetID, snap)
			}
			put[len(put)-1].SoftwareDigest = dg
		}
		for _, it := range observed.Interfaces {
			ifaces = append(ifaces, store.Interface{AssetID: c.AssetID, SweepID: sw.ID, Time: t, Interface: it})
		}
		samples = append(samples, sweepSamples(c.AssetID, sw.ID, t, &observed)...)
		for _, n := range observed.Neighbors {
			neigh = append(neigh, store.Neighbor{AssetID: c.AssetID, SweepID: sw.ID, Time: t, Neighbor: n})
		}
		// Tables go out in batches: a sweep of 10,000 hosts with 800
		// packages each is 8 M rows, too many to hold.
		if len(software)+len(samples)+len(ifaces)+len(neigh) >= cmp.Or(inv.cfg.FlushRows, flushRows) {
			if err := diffs.emit(ctx, inv.st, ev); err != nil {
				return Result{}, fmt.Errorf("ingest sweep %s: software changes: %w", sw.ID, err)
			}
			if err := inv.flushTables(ctx, &software, &samples, &ifaces, &neigh); err != nil {
				return Result{}, fmt.Errorf("ingest sweep %s: %w", sw.ID, err)
			}
		}
	}

	// Absence: only complete sweeps, only assets whose address was swept,
	// by the scanner that last saw them: sites that reuse an address
	// range (behind different scanners) do not mark each other's devices
	// missing.
	if !sw.Partial {
		if err := inv.absentees(ctx, sw.Segments, at, seen, assets); err != nil {
			return Result{}, err
		}
		ids := make([]string, 0, len(assets))
		for id := range assets {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		scannerOf := map[string]string{sw.ID: scanner}
		for _, id := range ids {
			a := assets[id]
			if seen[id] {
				continue
			}
			changed := false
			switch a.Record.State {
			case store.StateNew, store.StateActive, store.StateReturned:
				if !swept(sw.Segments, a.Record.IP) {
					continue
				}
				// Seen since this sweep began, by a later sweep stored
				// first (a replayed spool): its absence here is old news.
				if !a.Record.LastSeen.Before(sw.Start) {
					continue
				}
				if other, err := inv.lastScanner(ctx, scannerOf, a.LastSweepID, scanner); err != nil {
					return Result{}, err
				} else if other != scanner {
					continue
				}
				a.MissedSweeps++
				changed = true
				gone := a.MissedSweeps >= inv.cfg.MissingAfterSweeps
				if inv.cfg.MissingAfter > 0 {
					gone = at.Sub(a.Record.LastSeen) >= inv.cfg.MissingAfter
				}
				if gone {
					ev.state(a, store.StateMissing, at)
					srow.Missing++
				}
			case store.StateMissing:
				if inv.cfg.RetireAfter > 0 && at.Sub(a.Record.LastSeen) >= inv.cfg.RetireAfter {
					ev.state(a, store.StateRetired, at)
					changed = true
				}
			}
			if changed {
				put = append(put, *a)
			}
		}
	}
	srow.Assets = len(res.Clusters)
	srow.End = at

	steps := []func() error{
		func() error { return inv.st.AppendObservations(ctx, slimRows(rows)) },
		func() error { return inv.st.DeleteKeys(ctx, delKeys) },
		func() error { return inv.st.PutAssets(ctx, put) },
		func() error { return inv.st.AddKeys(ctx, newKeys) },
		func() error { return diffs.emit(ctx, inv.st, ev) },
		func() error { return inv.st.AppendEvents(ctx, ev.list) },
		func() error { return inv.flushTables(ctx, &software, &samples, &ifaces, &neigh) },
		func() error { return inv.st.AppendLocations(ctx, locs) },
		func() error { return inv.st.PutSweep(ctx, srow) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return Result{}, fmt.Errorf("ingest sweep %s: %w", sw.ID, err)
		}
	}
	return Result{Sweep: srow, Events: ev.list}, nil
}

// locatedMAC is the MAC a location was concluded from: the one its
// evidence's OID names (a forwarding entry is indexed by its MAC), else
// the record's.
func locatedMAC(a *record.Asset) record.MAC {
	oid := a.Evidence["location"].OID
	macs := append([]record.MAC{a.MAC}, a.MACs...)
	for _, m := range macs {
		if len(m) != 6 {
			continue
		}
		suffix := fmt.Sprintf(".%d.%d.%d.%d.%d.%d", m[0], m[1], m[2], m[3], m[4], m[5])
		if strings.HasSuffix(oid, suffix) {
			return m
		}
	}
	return a.MAC
}

// flushRows is how many table rows Ingest holds before writing them, by
// default.
const flushRows = 64 << 10

// flushTables writes and empties the buffered table rows.
func (inv *Inventory) flushTables(ctx context.Context, sw *[]store.Software, sa *[]store.Sample, it *[]store.Interface, ne *[]store.Neighbor) error {
	if err := inv.st.AppendSoftware(ctx, *sw); err != nil {
		return err
	}
	if err := inv.st.AppendSamples(ctx, *sa); err != nil {
		return err
	}
	if err := inv.st.AppendInterfaces(ctx, *it); err != nil {
		return err
	}
	if err := inv.st.AppendNeighbors(ctx, *ne); err != nil {
		return err
	}
	*sw, *sa, *it, *ne = (*sw)[:0], (*sa)[:0], (*it)[:0], (*ne)[:0]
	return nil
}

// slimRows drops the large tables (software, storage, neighbors) from
// observations: they are stored in their own tables. Interfaces stay: their
// MACs are identity keys that explain replays.
func slimRows(rows []store.Observation) []store.Observation {
	out := make([]store.Observation, 0, len(rows))
	for _, r := range rows {
		if r.ID == "" {
			continue
		}
		r.Asset.Software, r.Asset.Storage, r.Asset.Neighbors = nil, nil, nil
		out = append(out, r)
	}
	return out
}

// lastScanner is the scanner of sweep id (cached in byID); self (the
// asking scanner) for no sweep or one no longer stored (pruned), so that
// absence is counted as before.
func (inv *Inventory) lastScanner(ctx context.Context, byID map[string]string, id, self string) (string, error) {
	if s, ok := byID[id]; ok {
		return s, nil
	}
	if id == "" {
		return self, nil
	}
	s, err := inv.st.Sweep(ctx, id)
	switch {
	case errors.Is(err, store.ErrNotFound):
		byID[id] = self
	case err != nil:
		return "", fmt.Errorf("scanner of sweep %s: %w", id, err)
	default:
		byID[id] = s.Scanner
	}
	return byID[id], nil
}

func swept(segs []netip.Prefix, ip netip.Addr) bool {
	if !ip.IsValid() {
		return false
	}
	for _, p := range segs {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// describe is a one-line summary of a new asset, for its event.
func describe(a *record.Asset) string {
	s := ""
	if a.IP.IsValid() {
		s = a.IP.String()
	}
	for _, x := range []string{a.MAC.String(), a.Hostname, a.Vendor, a.DeviceType} {
		if x != "" {
			if s != "" {
				s += " "
			}
			s += x
		}
	}
	return s
}

// touched reads the assets a sweep whose observations have keys can tie
// to: the holders of those keys, then the holders of those assets' other
// keys and the assets a person merged with them, until no more are found
// (the whole of each group Resolve can join, whatever it decides). It
// returns the unmerged ones by ID and every key of all of them, ordered
// as Store.Keys.
func (inv *Inventory) touched(ctx context.Context, keys []identity.Key, decs []identity.Decision) (map[string]*store.Asset, []store.AssetKey, error) {
	ids := map[string]bool{}
	asked := map[identity.Key]bool{}
	var all []store.AssetKey
	for len(keys) > 0 {
		for _, k := range keys {
			asked[k] = true
		}
		held, err := inv.st.KeyHolders(ctx, keys)
		if err != nil {
			return nil, nil, err
		}
		var found []string
		add := func(id string) {
			if id != "" && !ids[id] {
				ids[id] = true
				found = append(found, id)
			}
		}
		for _, k := range held {
			add(k.AssetID)
		}
		for i := 0; i < len(found); i++ { // found grows as merges add to it
			for _, d := range decs {
				switch found[i] {
				case d.MergeA:
					add(d.MergeB)
				case d.MergeB:
					add(d.MergeA)
				}
			}
		}
		keys = nil
		for chunk := range slices.Chunk(found, idChunk) {
			ks, err := inv.st.Keys(ctx, chunk...)
			if err != nil {
				return nil, nil, err
			}
			for _, k := range ks {
				if !asked[k.Key] {
					asked[k.Key] = true
					keys = append(keys, k.Key)
				}
			}
			all = append(all, ks...)
		}
	}
	slices.SortFunc(all, store.CompareKeys)
	list := make([]string, 0, len(ids))
	for id := range ids {
		list = append(list, id)
	}
	assets := make(map[string]*store.Asset, len(list))
	if err := inv.load(ctx, list, assets); err != nil {
		return nil, nil, err
	}
	return assets, all, nil
}

// idChunk is how many assets one read by ID asks for.
const idChunk = 1000

// load reads the unmerged assets of ids into into.
func (inv *Inventory) load(ctx context.Context, ids []string, into map[string]*store.Asset) error {
	slices.Sort(ids)
	for chunk := range slices.Chunk(ids, idChunk) {
		as, err := inv.st.Assets(ctx, store.AssetFilter{IDs: chunk})
		if err != nil {
			return err
		}
		for i := range as {
			into[as[i].Record.AssetID] = &as[i]
		}
	}
	return nil
}

// absentees adds to assets those a complete sweep of segs at time at did
// not see (seen) and whose state it may change: assets whose address it
// swept, and missing assets old enough to retire. The rest keep their
// state, so they are not read.
func (inv *Inventory) absentees(ctx context.Context, segs []netip.Prefix, at time.Time, seen map[string]bool, assets map[string]*store.Asset) error {
	var ps []store.Presence
	if len(segs) > 0 {
		live, err := inv.st.Presences(ctx, segs, store.StateNew, store.StateActive, store.StateReturned)
		if err != nil {
			return err
		}
		ps = live
	}
	if inv.cfg.RetireAfter > 0 {
		missing, err := inv.st.Presences(ctx, nil, store.StateMissing)
		if err != nil {
			return err
		}
		ps = append(ps, missing...)
	}
	var want []string
	for _, p := range ps {
		if _, have := assets[p.AssetID]; have || seen[p.AssetID] {
			continue
		}
		switch p.State {
		case store.StateMissing:
			if inv.cfg.RetireAfter > 0 && at.Sub(p.LastSeen) >= inv.cfg.RetireAfter {
				want = append(want, p.AssetID)
			}
		default:
			if swept(segs, p.IP) {
				want = append(want, p.AssetID)
			}
		}
	}
	return inv.load(ctx, want, assets)
}

func (inv *Inventory) decisions(ctx context.Context) ([]identity.Decision, error) {
	ds, err := inv.st.Decisions(ctx)
	if err != nil {
		return nil, err
	}
	var out []identity.Decision
	for _, d := range ds {
		switch d.Kind {
		case store.DecisionMerge:
			out = append(out, identity.Decision{MergeA: d.AssetA, MergeB: d.AssetB})
		case store.DecisionSplit:
			out = append(out, identity.Decision{SplitFrom: d.AssetA, SplitKey: d.Key})
		}
	}
	return out, nil
}

// ErrState: the asset is in a state the action does not apply to.
var ErrState = errors.New("not possible in the asset's state")

// SetLogger replaces the logger.
func (inv *Inventory) SetLogger(log *slog.Logger) {
	if log != nil {
		inv.log = log
	}
}

// ScannerName is the scanner name stored on observations.
func (inv *Inventory) ScannerName() string { return inv.cfg.Scanner }
