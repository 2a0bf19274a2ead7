package inventory

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"

	"github.com/netcensus/netcensus/inventory/drift"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/versions"
	"github.com/netcensus/netcensus/record"
)

// Software change event types: one event per package that changed
// between an asset's snapshots (Field: the package, with its
// architecture when it has one; Old and New: its versions).
const (
	EventSoftwareInstalled  = "software_installed"
	EventSoftwareRemoved    = "software_removed"
	EventSoftwareUpgraded   = "software_upgraded"
	EventSoftwareDowngraded = "software_downgraded"
)

// SoftwareEventTypes lists them, for filters.
var SoftwareEventTypes = []string{EventSoftwareInstalled, EventSoftwareRemoved, EventSoftwareUpgraded, EventSoftwareDowngraded}

var changeEvent = map[string]string{
	drift.Installed: EventSoftwareInstalled, drift.Removed: EventSoftwareRemoved,
	drift.Upgraded: EventSoftwareUpgraded, drift.Downgraded: EventSoftwareDowngraded,
}

// SoftwareDigest identifies a software snapshot by its content (name,
// version, architecture; order and install dates aside): equal digests,
// equal snapshots. Ingest writes a snapshot only when the digest changes,
// so an hourly sweep of 800 unchanged packages adds no rows.
func SoftwareDigest(sw []record.Software) string {
	if len(sw) == 0 {
		return ""
	}
	lines := make([]string, len(sw))
	for i, s := range sw {
		lines[i] = s.Name + "\x00" + s.Version + "\x00" + s.Arch
	}
	sort.Strings(lines)
	h := sha256.New()
	for _, l := range lines {
		h.Write([]byte(l))
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// hrSWInstalledTable is HOST-RESOURCES-MIB's installed software table.
const hrSWInstalledTable = "1.3.6.1.2.1.25.6.3"

// SoftwareCut says whether a collection c may have read the software
// list only in part: it is partial, and a reason names no column (a
// request failed, the host's time ran out) or a column of hrSWInstalled.
// Such a list is not stored as a snapshot: the packages after the cut
// would be taken for removed.
func SoftwareCut(c *record.Collection) bool {
	if c == nil || c.Status != record.CollectionPartial {
		return false
	}
	for _, r := range c.Reasons {
		if r.OID == "" || r.OID == hrSWInstalledTable || strings.HasPrefix(r.OID, hrSWInstalledTable+".") {
			return true
		}
	}
	// Partial with no reason given: nothing says the software is whole.
	return len(c.Reasons) == 0
}

// softwareDiffs holds the new snapshots of assets whose software changed,
// until their previous snapshot is read and compared (before the new one
// is written: then it would be the latest).
type softwareDiffs struct {
	ids  []string
	snap map[string][]store.Software
}

func (d *softwareDiffs) add(id string, rows []store.Software) {
	if d.snap == nil {
		d.snap = map[string][]store.Software{}
	}
	d.ids = append(d.ids, id)
	d.snap[id] = rows
}

// emit reads the pending assets' previous snapshots in bulk and adds one
// event per changed package to ev; an asset with no earlier snapshot (its
// first inventory) gets none.
func (d *softwareDiffs) emit(ctx context.Context, st store.Store, ev *events) error {
	if len(d.ids) == 0 {
		return nil
	}
	prev, err := st.LatestSoftware(ctx, d.ids)
	if err != nil {
		return err
	}
	for _, id := range d.ids {
		p := prev[id]
		if len(p) == 0 {
			continue
		}
		for _, c := range drift.Diff(p, d.snap[id], versions.Auto) {
			field := c.Name
			if c.Arch != "" {
				field += " (" + strings.TrimSpace(c.Arch) + ")"
			}
			ev.add(id, changeEvent[c.Kind], field, c.Old, c.New)
		}
	}
	d.ids, d.snap = d.ids[:0], nil
	return nil
}
