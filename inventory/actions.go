package inventory

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/netcensus/netcensus/inventory/identity"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// Approve marks assets approved (known, allowed). Already approved assets
// are left as they are. With no IDs and all true, every current asset
// (not retired, not merged) is approved: a baseline. An unknown ID
// approves nothing. The assets are read in one listing and annotated in
// one write: a baseline of 100,000 assets is three queries, not 300,000.
func (inv *Inventory) Approve(ctx context.Context, actor string, all bool, ids ...string) ([]string, error) {
	var done []string
	_, err := inv.atomically(ctx, "approve", func(ctx context.Context, inv *Inventory) error {
		var err error
		done, err = inv.approve(ctx, actor, all, ids...)
		return err
	})
	if err != nil {
		return nil, err
	}
	return done, nil
}

// approve is one run of Approve's reads and writes.
func (inv *Inventory) approve(ctx context.Context, actor string, all bool, ids ...string) ([]string, error) {
	var as []store.Asset
	var err error
	if all {
		as, err = inv.st.Assets(ctx, store.AssetFilter{Unapproved: true, States: []string{store.StateNew, store.StateActive, store.StateMissing, store.StateReturned}})
	} else if len(ids) > 0 {
		as, err = inv.st.Assets(ctx, store.AssetFilter{IDs: ids, IncludeMerged: true})
	}
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*record.Asset, len(as))
	for i := range as {
		byID[as[i].Record.AssetID] = &as[i].Record
	}
	for _, id := range ids {
		if byID[id] == nil {
			return nil, fmt.Errorf("asset %s: %w", id, store.ErrNotFound)
		}
	}
	if all {
		for i := range as {
			ids = append(ids, as[i].Record.AssetID)
		}
	}
	at := inv.now()
	ev := actionEvents(actor, at)
	var done []string
	var ns []store.Annotation
	for _, id := range ids {
		r := byID[id]
		if r.Approved != nil && *r.Approved {
			continue
		}
		yes := true
		r.Approved = &yes // an ID given twice is approved once
		// The listing carries the annotation's fields; approving keeps them.
		ns = append(ns, store.Annotation{AssetID: id, Approved: true, ApprovedAt: at, ApprovedBy: actor,
			Site: r.Site, Role: r.Role, Owner: r.Owner, Tags: r.Tags, Updated: at})
		ev.add(id, store.EventApproved, "approved", "false", "true")
		done = append(done, id)
	}
	if len(ns) == 0 {
		return nil, nil
	}
	if err := inv.st.Annotate(ctx, ns...); err != nil {
		return nil, err
	}
	return done, inv.st.AppendEvents(ctx, ev.list)
}

// Changes are what a person sets on an asset; nil fields are left alone.
type Changes struct {
	Site, Role, Owner *string
	// Tags replace the asset's tags when non-nil (an empty slice clears).
	Tags []string
}

// Set applies a person's changes, with an event for each field changed.
func (inv *Inventory) Set(ctx context.Context, actor, id string, c Changes) error {
	_, err := inv.atomically(ctx, "set", func(ctx context.Context, inv *Inventory) error {
		return inv.set(ctx, actor, id, c)
	})
	return err
}

// set is one run of Set's reads and writes.
func (inv *Inventory) set(ctx context.Context, actor, id string, c Changes) error {
	if _, err := inv.st.Asset(ctx, id); err != nil {
		return err
	}
	n, err := inv.st.Annotation(ctx, id)
	if err != nil {
		return err
	}
	at := inv.now()
	ev := actionEvents(actor, at)
	for _, f := range []struct {
		name string
		dst  *string
		v    *string
	}{{"site", &n.Site, c.Site}, {"role", &n.Role, c.Role}, {"owner", &n.Owner, c.Owner}} {
		if f.v != nil && *f.v != *f.dst {
			ev.add(id, store.EventSet, f.name, *f.dst, *f.v)
			*f.dst = *f.v
		}
	}
	if c.Tags != nil {
		tags := dedupeSorted(c.Tags)
		if strings.Join(tags, ",") != strings.Join(n.Tags, ",") {
			ev.add(id, store.EventSet, "tags", strings.Join(n.Tags, ","), strings.Join(tags, ","))
			n.Tags = tags
		}
	}
	if len(ev.list) == 0 {
		return nil
	}
	n.Updated = at
	if err := inv.st.Annotate(ctx, n); err != nil {
		return err
	}
	return inv.st.AppendEvents(ctx, ev.list)
}

func dedupeSorted(xs []string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, x := range xs {
		x = strings.TrimSpace(x)
		if x != "" && !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	sort.Strings(out)
	return out
}

// Merge records that b is the same device as a: b folds into a now (its
// keys move to a, it is kept as merged), and the decision is kept for
// later sweeps.
func (inv *Inventory) Merge(ctx context.Context, actor, a, b string) error {
	_, err := inv.atomically(ctx, "merge", func(ctx context.Context, inv *Inventory) error {
		return inv.merge(ctx, actor, a, b)
	})
	return err
}

// merge is one run of Merge's reads and writes.
func (inv *Inventory) merge(ctx context.Context, actor, a, b string) error {
	if a == b {
		return fmt.Errorf("merge %s into itself: %w", a, ErrState)
	}
	A, err := inv.st.Asset(ctx, a)
	if err != nil {
		return err
	}
	B, err := inv.st.Asset(ctx, b)
	if err != nil {
		return err
	}
	if A.Record.State == store.StateMerged || B.Record.State == store.StateMerged {
		return fmt.Errorf("merge %s and %s: one is already merged: %w", a, b, ErrState)
	}
	at := inv.now()
	if err := inv.st.AddDecision(ctx, store.Decision{ID: store.NewUUID(at), Time: at, Kind: store.DecisionMerge, Actor: actor, AssetA: a, AssetB: b}); err != nil {
		return err
	}
	ks, err := inv.st.Keys(ctx, b)
	if err != nil {
		return err
	}
	moved := make([]store.AssetKey, len(ks))
	for i, k := range ks {
		moved[i] = store.AssetKey{AssetID: a, Key: k.Key, FirstSeen: k.FirstSeen}
	}
	if err := inv.st.AddKeys(ctx, moved); err != nil {
		return err
	}
	if err := inv.st.DeleteKeys(ctx, ks); err != nil {
		return err
	}
	ev := actionEvents(actor, at)
	ev.add(a, store.EventMerged, "asset", "", b)
	ev.state(&B, store.StateMerged, at)
	B.MergedInto = a
	prev := B.Record
	prev.AssetID, prev.State = "", ""
	A.Record.Merge(&prev)
	if err := inv.st.PutAssets(ctx, []store.Asset{A, B}); err != nil {
		return err
	}
	return inv.st.AppendEvents(ctx, ev.list)
}

// Split records that the given MACs are not the asset's: its keys lose
// them, and later sweeps never tie them to it again (the device behind
// them becomes an asset of its own when next seen).
func (inv *Inventory) Split(ctx context.Context, actor, id string, macs []string) error {
	_, err := inv.atomically(ctx, "split", func(ctx context.Context, inv *Inventory) error {
		return inv.split(ctx, actor, id, macs)
	})
	return err
}

// split is one run of Split's reads and writes.
func (inv *Inventory) split(ctx context.Context, actor, id string, macs []string) error {
	if len(macs) == 0 {
		return fmt.Errorf("split %s: no MAC given", id)
	}
	if _, err := inv.st.Asset(ctx, id); err != nil {
		return err
	}
	held, err := inv.st.Keys(ctx, id)
	if err != nil {
		return err
	}
	at := inv.now()
	ev := actionEvents(actor, at)
	for _, s := range macs {
		m, err := record.ParseMAC(s)
		if err != nil {
			return fmt.Errorf("split %s: mac %q: %w", id, s, err)
		}
		// The MAC's keys as the asset holds them: in each site it was
		// seen in (identity.ScopedMAC), else unscoped.
		ks := []identity.Key{{Kind: identity.KindMAC, Value: m.String()}}
		for _, h := range held {
			if h.Key.Kind == identity.KindMAC && h.Key.Value != m.String() && identity.KeyMAC(h.Key) == m.String() {
				ks = append(ks, h.Key)
			}
		}
		for _, k := range ks {
			if err := inv.st.AddDecision(ctx, store.Decision{ID: store.NewUUID(at), Time: at, Kind: store.DecisionSplit, Actor: actor, AssetA: id, Key: k}); err != nil {
				return err
			}
			if err := inv.st.DeleteKeys(ctx, []store.AssetKey{{AssetID: id, Key: k}}); err != nil {
				return err
			}
			ev.add(id, store.EventSplit, "key", "", k.String())
		}
	}
	return inv.st.AppendEvents(ctx, ev.list)
}

// Retire retires assets by hand, in order, each in a change of its own:
// the first that cannot be retired stops the rest.
func (inv *Inventory) Retire(ctx context.Context, actor string, ids ...string) error {
	for _, id := range ids {
		_, err := inv.atomically(ctx, "retire", func(ctx context.Context, inv *Inventory) error {
			return inv.retire(ctx, actor, id)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// LocalActor is who a person's action at this machine is recorded as:
// behind sudo the user who ran it ($SUDO_USER), else $USER or $LOGNAME,
// else "unknown".
func LocalActor(getenv func(string) string) string {
	for _, k := range []string{"SUDO_USER", "USER", "LOGNAME"} {
		if v := getenv(k); v != "" {
			return v
		}
	}
	return "unknown"
}

// retire is one run of Retire's reads and writes.
func (inv *Inventory) retire(ctx context.Context, actor, id string) error {
	a, err := inv.st.Asset(ctx, id)
	if err != nil {
		return err
	}
	switch a.Record.State {
	case store.StateRetired:
		return nil
	case store.StateMerged:
		return fmt.Errorf("retire %s: merged into %s: %w", id, a.MergedInto, ErrState)
	}
	at := inv.now()
	ev := actionEvents(actor, at)
	ev.state(&a, store.StateRetired, at)
	if err := inv.st.PutAssets(ctx, []store.Asset{a}); err != nil {
		return err
	}
	return inv.st.AppendEvents(ctx, ev.list)
}

// Prune removes observations and samples older than the retention.
func (inv *Inventory) Prune(ctx context.Context) (store.PruneStats, error) {
	if inv.cfg.Retention <= 0 {
		return store.PruneStats{}, nil
	}
	return inv.st.Prune(ctx, inv.now().Add(-inv.cfg.Retention))
}

// Details is an asset with its history and latest tables.
type Details struct {
	Asset      store.Asset
	Keys       []store.AssetKey
	Events     []store.Event
	Software   []store.Software
	Interfaces []store.Interface
	Neighbors  []store.Neighbor
}

// Details returns everything kept about one asset.
func (inv *Inventory) Details(ctx context.Context, id string) (Details, error) {
	var d Details
	var err error
	if d.Asset, err = inv.st.Asset(ctx, id); err != nil {
		return d, err
	}
	if d.Keys, err = inv.st.Keys(ctx, id); err != nil {
		return d, err
	}
	if d.Events, err = inv.st.Events(ctx, store.EventFilter{AssetID: id}); err != nil {
		return d, err
	}
	if d.Software, err = inv.st.Software(ctx, id); err != nil {
		return d, err
	}
	if d.Interfaces, err = inv.st.Interfaces(ctx, id); err != nil {
		return d, err
	}
	d.Neighbors, err = inv.st.Neighbors(ctx, id)
	return d, err
}

// Tie is one key tying observations (and, maybe, the stored asset).
type Tie struct {
	Key          identity.Key
	Observations []store.Observation
	// Known: the key also tied the asset as stored before.
	Known bool
}

// Explanation says why an asset is what it is.
type Explanation struct {
	AssetID string
	SweepID string
	// Observations are the asset's observations in its last sweep.
	Observations []store.Observation
	Keys         []store.AssetKey
	Ties         []Tie
	Decisions    []store.Decision
	// Refused are joins a key would have made but a stronger key or a
	// person's split forbade, in that sweep.
	Refused []string
}

// Explain replays the asset's last sweep through identity and reports
// which keys tied which observations.
func (inv *Inventory) Explain(ctx context.Context, id string) (Explanation, error) {
	a, err := inv.st.Asset(ctx, id)
	if err != nil {
		return Explanation{}, err
	}
	ex := Explanation{AssetID: id, SweepID: a.LastSweepID}
	if ex.Keys, err = inv.st.Keys(ctx, id); err != nil {
		return ex, err
	}
	ds, err := inv.st.Decisions(ctx)
	if err != nil {
		return ex, err
	}
	for _, d := range ds {
		if d.AssetA == id || d.AssetB == id {
			ex.Decisions = append(ex.Decisions, d)
		}
	}
	if a.LastSweepID == "" {
		return ex, nil
	}
	all, err := inv.st.Observations(ctx, a.LastSweepID, "")
	if err != nil {
		return ex, err
	}
	obs := make([]record.Observation, len(all))
	for i := range all {
		obs[i] = all[i].Observation
		if all[i].AssetID == id {
			ex.Observations = append(ex.Observations, all[i])
		}
	}
	var known []identity.Known
	if len(ex.Keys) > 0 {
		k := identity.Known{AssetID: id}
		for _, x := range ex.Keys {
			k.Keys = append(k.Keys, x.Key)
		}
		known = append(known, k)
	}
	decs, err := inv.decisions(ctx)
	if err != nil {
		return ex, err
	}
	// The sweep's site is the scope of the asset's MAC keys (a sweep does
	// not keep it): the replay keys MACs as that sweep did.
	scope := ""
	for _, k := range ex.Keys {
		if k.Key.Kind == identity.KindMAC && identity.KeyMAC(k.Key) != k.Key.Value {
			scope = strings.TrimSuffix(k.Key.Value, "|"+identity.KeyMAC(k.Key))
			break
		}
	}
	res := inv.res.Resolve(identity.Input{Observations: obs, Known: known, Decisions: decs, Scope: scope})
	for _, c := range res.Clusters {
		if c.AssetID != id {
			continue
		}
		for _, t := range c.Ties {
			tie := Tie{Key: t.Key, Known: t.Asset != ""}
			for _, i := range t.Observations {
				tie.Observations = append(tie.Observations, all[i])
			}
			ex.Ties = append(ex.Ties, tie)
		}
		for _, r := range res.Refused {
			for _, k := range c.Keys {
				if strings.Contains(r, k.String()) || strings.Contains(r, id) {
					ex.Refused = append(ex.Refused, r)
					break
				}
			}
		}
	}
	return ex, nil
}
