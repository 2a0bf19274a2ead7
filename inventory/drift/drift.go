package drift

import (
	"context"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/versions"
	"github.com/netcensus/netcensus/record"
)

// EventCompliance is the store event type drift records. Field is either
// a baseline name (the asset as a whole went to New "compliant" or
// "noncompliant" against it) or a finding key "baseline/rule/kind/subject"
// (New "ok", or "violation: ..." when it began).
const EventCompliance = store.EventCompliance

// Finding kinds.
const (
	KindOSVersion      = "os_version"
	KindPackageVersion = "package_version"
	KindForbidden      = "forbidden_package"
)

// Statuses in events.
const (
	StatusCompliant    = "compliant"
	StatusNonCompliant = "noncompliant"
	statusOK           = "ok"
	statusViolation    = "violation"
)

// Finding is one deviation of one asset from one rule.
type Finding struct {
	AssetID  string `json:"asset_id"`
	Hostname string `json:"hostname,omitempty"`
	IP       string `json:"ip,omitempty"`
	Baseline string `json:"baseline"`
	Rule     string `json:"rule"`
	Kind     string `json:"kind"`
	// Subject is "os" or the package name.
	Subject string `json:"subject"`
	Have    string `json:"have"`
	Want    string `json:"want"`
	// Since is when the asset began to deviate, as far as history tells:
	// the first drift run that saw it, the os_version change to the
	// running version, the package's install date, or the snapshot.
	Since time.Time `json:"since,omitzero"`
}

// Key names the finding in events.
func (f *Finding) Key() string {
	return f.Baseline + "/" + f.Rule + "/" + f.Kind + "/" + f.Subject
}

func (f *Finding) status() string {
	return statusViolation + ": have " + f.Have + ", want " + f.Want
}

// Result is one evaluation.
type Result struct {
	Time time.Time
	// Assets counts assets at least one rule selected; Compliant,
	// NonCompliant and Unknown split them. Unknown: no finding, but a
	// rule could not be checked (no OS release known for a minimum
	// release, no software list for a package rule): not compliant.
	Assets, Compliant, NonCompliant, Unknown int
	// Findings, by asset then key.
	Findings []Finding
	// Events are the transitions this evaluation found (recorded in the
	// store when Options.Record is set).
	Events []store.Event
}

// WriteSummary says on w, for people, how many assets were checked, how
// many comply, the findings and whether the events were recorded
// (Options.Record; else a dry run).
func (r Result) WriteSummary(w io.Writer, recorded bool) {
	how := "recorded"
	if !recorded {
		how = "not recorded (--dry-run)"
	}
	unknown := ""
	if r.Unknown > 0 {
		unknown = fmt.Sprintf(", %d unknown (nothing to check a rule against)", r.Unknown)
	}
	fmt.Fprintf(w, "drift: %d assets checked, %d compliant, %d non-compliant%s, %d findings, %d events %s\n",
		r.Assets, r.Compliant, r.NonCompliant, unknown, len(r.Findings), len(r.Events), how)
}

// Options tune Evaluate.
type Options struct {
	// Now is the evaluation time (time.Now when zero).
	Now time.Time
	// Record appends the transitions to the store's events.
	Record bool
}

// prior is the last recorded status of every key of every asset.
type prior map[string]map[string]store.Event

func loadPrior(ctx context.Context, st store.Store) (prior, error) {
	es, err := st.Events(ctx, store.EventFilter{Types: []string{EventCompliance}})
	if err != nil {
		return nil, fmt.Errorf("drift history: %w", err)
	}
	p := prior{}
	for _, e := range es {
		m := p[e.AssetID]
		if m == nil {
			m = map[string]store.Event{}
			p[e.AssetID] = m
		}
		m[e.Field] = e // oldest first: the last one wins
	}
	return p, nil
}

// Evaluate checks every asset not retired against the baselines, using
// each asset's latest software snapshot.
func Evaluate(ctx context.Context, st store.Store, bs []Baseline, opt Options) (Result, error) {
	now := opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	now = store.Second(now)
	res := Result{Time: now}
	assets, err := st.Assets(ctx, store.AssetFilter{})
	if err != nil {
		return res, fmt.Errorf("drift: list assets: %w", err)
	}
	pr, err := loadPrior(ctx, st)
	if err != nil {
		return res, err
	}
	names := map[string]bool{}
	for _, b := range bs {
		names[b.Name] = true
	}
	sw, err := software(ctx, st, bs, assets)
	if err != nil {
		return res, err
	}
	ev := eventList{at: now, base: time.Now().UnixMicro() * 100}
	hist := &history{st: st}
	for i := range assets {
		a := &assets[i].Record
		if a.State == store.StateRetired {
			continue
		}
		if err := ctx.Err(); err != nil {
			return res, err
		}
		sa, has := sw[a.AssetID]
		fs, selected, unknown := evalAsset(bs, a, sa, has)
		if len(selected) == 0 {
			continue
		}
		res.Assets++
		switch {
		case len(fs) > 0:
			res.NonCompliant++
		case len(unknown) > 0:
			res.Unknown++
		default:
			res.Compliant++
		}
		if err := transitions(ctx, hist, a, fs, selected, unknown, pr[a.AssetID], names, &ev); err != nil {
			return res, err
		}
		res.Findings = append(res.Findings, fs...)
	}
	res.Events = ev.list
	if opt.Record && len(ev.list) > 0 {
		if err := st.AppendEvents(ctx, ev.list); err != nil {
			return res, fmt.Errorf("drift: record events: %w", err)
		}
	}
	return res, nil
}

// software reads, in bulk, the latest software snapshot of every asset a
// package rule (a minimum version or a forbidden package) selects.
func software(ctx context.Context, st store.Store, bs []Baseline, assets []store.Asset) (map[string][]store.Software, error) {
	var ids []string
	for i := range assets {
		a := &assets[i].Record
		if a.State == store.StateRetired || !needsSoftware(bs, a) {
			continue
		}
		ids = append(ids, a.AssetID)
	}
	if len(ids) == 0 {
		return nil, nil
	}
	if len(ids) == len(assets) {
		ids = nil // all of them: one read of every asset's latest snapshot
	}
	sw, err := st.LatestSoftware(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("drift: software: %w", err)
	}
	return sw, nil
}

// needsSoftware reports whether a rule that checks packages selects a.
func needsSoftware(bs []Baseline, a *record.Asset) bool {
	for bi := range bs {
		for ri := range bs[bi].Rules {
			r := &bs[bi].Rules[ri]
			if (len(r.mins) > 0 || len(r.Forbid) > 0) && r.Select.Match(a) {
				return true
			}
		}
	}
	return false
}

// evalAsset returns an asset's findings, the baselines that selected
// it and those with a rule it could not be checked against (no OS
// release, no software list); sw is its latest software snapshot, has
// whether it has one.
func evalAsset(bs []Baseline, a *record.Asset, sw []store.Software, has bool) ([]Finding, map[string]bool, map[string]bool) {
	var (
		fs                []Finding
		selected, unknown map[string]bool
	)
	cannot := func(b string) {
		if unknown == nil {
			unknown = map[string]bool{}
		}
		unknown[b] = true
	}
	ip := ""
	if a.IP.IsValid() {
		ip = a.IP.String()
	}
	add := func(b *Baseline, r *Rule, kind, subject, have, want string, since time.Time) {
		fs = append(fs, Finding{AssetID: a.AssetID, Hostname: a.Hostname, IP: ip, Baseline: b.Name, Rule: r.ID,
			Kind: kind, Subject: subject, Have: have, Want: want, Since: since})
	}
	for bi := range bs {
		b := &bs[bi]
		for ri := range b.Rules {
			r := &b.Rules[ri]
			if !r.Select.Match(a) {
				continue
			}
			if selected == nil {
				selected = map[string]bool{}
			}
			selected[b.Name] = true
			if r.MinOSVersion != "" && a.OSVersion == "" {
				cannot(b.Name)
			}
			if r.MinOSVersion != "" && a.OSVersion != "" {
				s := r.Scheme
				if s == versions.Auto {
					s = versions.DetectFor(a.OS, a.Vendor, a.OSVersion)
				}
				if versions.Compare(s, a.OSVersion, r.MinOSVersion) < 0 {
					add(b, r, KindOSVersion, "os", a.OSVersion, ">= "+r.MinOSVersion, time.Time{})
				}
			}
			if len(r.mins) == 0 && len(r.Forbid) == 0 {
				continue
			}
			if !has {
				cannot(b.Name)
			}
			for _, p := range sw {
				name := strings.ToLower(p.Name)
				for _, m := range r.mins {
					if name != m.name {
						continue
					}
					s := r.Scheme
					if s == versions.Auto {
						s = versions.DetectFor(a.OS, a.Vendor, p.Version)
					}
					if versions.Compare(s, p.Version, m.version) < 0 {
						add(b, r, KindPackageVersion, p.Name, p.Version, ">= "+m.version, evidence(p))
					}
				}
				for _, f := range r.Forbid {
					if ok, _ := path.Match(strings.ToLower(f), name); ok {
						add(b, r, KindForbidden, p.Name, p.Version, "absent", evidence(p))
						break
					}
				}
			}
		}
	}
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Key() < fs[j].Key() })
	// Two rules may flag the same thing: keep one finding per key.
	out := fs[:0]
	for i := range fs {
		if len(out) > 0 && out[len(out)-1].Key() == fs[i].Key() {
			continue
		}
		out = append(out, fs[i])
	}
	return out, selected, unknown
}

// evidence is the earliest time a software row proves: its install date
// when the device gives one, else the snapshot's time.
func evidence(p store.Software) time.Time {
	if !p.InstalledAt.IsZero() && p.InstalledAt.Before(p.Time) {
		return store.Second(p.InstalledAt)
	}
	return p.Time
}

type eventList struct {
	list []store.Event
	at   time.Time
	base int64
}

func (e *eventList) add(at time.Time, asset, field, old, new string) {
	if at.IsZero() {
		at = e.at
	}
	e.list = append(e.list, store.Event{ID: store.NewUUID(e.at), Time: store.Second(at), Seq: e.base + int64(len(e.list)),
		AssetID: asset, Type: EventCompliance, Field: field, Old: old, New: new, Actor: "drift"})
}

// transitions fills each finding's Since and adds the events that move the
// asset's recorded state to the current one.
func transitions(ctx context.Context, hist *history, a *record.Asset, fs []Finding, selected, unknown map[string]bool,
	prev map[string]store.Event, names map[string]bool, ev *eventList) error {
	open := map[string]bool{}
	var osSince time.Time
	osLoaded := false
	for i := range fs {
		f := &fs[i]
		open[f.Key()] = true
		if p, ok := prev[f.Key()]; ok && strings.HasPrefix(p.New, statusViolation) {
			f.Since = p.Time
			continue
		}
		if f.Kind == KindOSVersion {
			if !osLoaded {
				t, err := hist.osVersionSince(ctx, a)
				if err != nil {
					return err
				}
				osSince, osLoaded = t, true
			}
			f.Since = osSince
		}
		old := ""
		if p, ok := prev[f.Key()]; ok {
			old = p.New
		}
		ev.add(f.Since, a.AssetID, f.Key(), old, f.status())
	}
	// Findings recorded open that are gone now (only of the baselines
	// evaluated) were fixed.
	keys := make([]string, 0, len(prev))
	for k := range prev {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		p := prev[k]
		bl, _, finding := strings.Cut(k, "/")
		if !finding || !names[bl] || open[k] || !strings.HasPrefix(p.New, statusViolation) {
			continue
		}
		ev.add(time.Time{}, a.AssetID, k, p.New, statusOK)
	}
	// The asset as a whole, per baseline.
	bad := map[string]time.Time{}
	for _, f := range fs {
		if t, ok := bad[f.Baseline]; !ok || f.Since.Before(t) {
			bad[f.Baseline] = f.Since
		}
	}
	bls := make([]string, 0, len(selected))
	for b := range selected {
		bls = append(bls, b)
	}
	sort.Strings(bls)
	for _, b := range bls {
		want, at := StatusCompliant, time.Time{}
		if t, ok := bad[b]; ok {
			want, at = StatusNonCompliant, t
		} else if unknown[b] {
			continue // nothing to check a rule against: no status claimed
		}
		old := prev[b].New
		if old == want {
			continue
		}
		if want == StatusCompliant && old == "" {
			at = a.FirstSeen
			if at.IsZero() || at.After(ev.at) {
				at = ev.at
			}
		}
		ev.add(at, a.AssetID, b, old, want)
	}
	return nil
}

// history reads assets' attribute changes: one query per asset for the
// first few, then every change at once (a first run over a large
// network asks for thousands).
type history struct {
	st    store.Store
	asked int
	all   map[string][]store.Event // by asset, once loaded
}

// perAsset is how many assets' histories are read one by one before
// everything is read at once.
const perAsset = 16

// osVersionSince is when the asset began running its current OS version:
// the latest os_version change to it, else when it was first seen.
func (h *history) osVersionSince(ctx context.Context, a *record.Asset) (time.Time, error) {
	var es []store.Event
	switch {
	case h.all != nil:
		es = h.all[a.AssetID]
	case h.asked < perAsset:
		h.asked++
		var err error
		if es, err = h.st.Events(ctx, store.EventFilter{AssetID: a.AssetID, Types: []string{store.EventChange}}); err != nil {
			return time.Time{}, fmt.Errorf("drift: history of %s: %w", a.AssetID, err)
		}
	default:
		all, err := h.st.Events(ctx, store.EventFilter{Types: []string{store.EventChange}})
		if err != nil {
			return time.Time{}, fmt.Errorf("drift: history: %w", err)
		}
		h.all = map[string][]store.Event{}
		for _, e := range all {
			if e.Field == "os_version" {
				h.all[e.AssetID] = append(h.all[e.AssetID], e)
			}
		}
		es = h.all[a.AssetID]
	}
	since := a.FirstSeen
	for _, e := range es {
		if e.Field == "os_version" && e.New == a.OSVersion {
			since = e.Time
		}
	}
	return since, nil
}

// DayCount is how many assets were (non-)compliant at the end of a UTC day.
type DayCount struct {
	Day          time.Time `json:"day"`
	Compliant    int       `json:"compliant"`
	NonCompliant int       `json:"noncompliant"`
}

// Daily replays the recorded compliance events into per-day counts from
// since (or the first event) to now. An asset is non-compliant on a day
// when it is non-compliant against any baseline at the day's end.
func Daily(ctx context.Context, st store.Store, since, now time.Time) ([]DayCount, error) {
	es, err := st.Events(ctx, store.EventFilter{Types: []string{EventCompliance}})
	if err != nil {
		return nil, fmt.Errorf("drift: daily counts: %w", err)
	}
	return daily(es, since, now), nil
}

func day(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func daily(es []store.Event, since, now time.Time) []DayCount {
	var level []store.Event
	for _, e := range es {
		if !strings.Contains(e.Field, "/") {
			level = append(level, e)
		}
	}
	sort.SliceStable(level, func(i, j int) bool { return level[i].Time.Before(level[j].Time) })
	if len(level) == 0 {
		return nil
	}
	start := day(level[0].Time)
	if !since.IsZero() && day(since).After(start) {
		start = day(since)
	}
	end := day(now)
	state := map[string]map[string]bool{} // asset → baseline → noncompliant
	var out []DayCount
	i := 0
	for d := day(level[0].Time); !d.After(end); d = d.AddDate(0, 0, 1) {
		next := d.AddDate(0, 0, 1)
		for ; i < len(level) && level[i].Time.Before(next); i++ {
			e := level[i]
			m := state[e.AssetID]
			if m == nil {
				m = map[string]bool{}
				state[e.AssetID] = m
			}
			m[e.Field] = e.New == StatusNonCompliant
		}
		if d.Before(start) {
			continue
		}
		c := DayCount{Day: d}
		for _, m := range state {
			nc := false
			for _, v := range m {
				nc = nc || v
			}
			if nc {
				c.NonCompliant++
			} else {
				c.Compliant++
			}
		}
		out = append(out, c)
	}
	return out
}
