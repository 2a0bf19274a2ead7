package assemble

import (
	"errors"
	"fmt"
	"time"

	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/identity"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner"
)

// Inventory builds the inventory over st from the config's inventory
// section: its identity rules, lifecycle and retention; the scanner's
// name is the section's, else the host's.
func Inventory(st store.Store, c config.Inventory, hostname func() (string, error)) (*inventory.Inventory, error) {
	order := make([]identity.Kind, len(c.Identity.Order))
	for i, k := range c.Identity.Order {
		order[i] = identity.Kind(k)
	}
	res, err := identity.New(order, identity.Defaults().Merge(identity.Ignore(c.Identity.Ignore)))
	if err != nil {
		return nil, fmt.Errorf("inventory.identity: %w", err)
	}
	return inventory.New(st, res, inventory.Config{
		Scanner:            ScannerName(c, hostname),
		Site:               c.Site,
		MissingAfterSweeps: c.MissingAfter.Sweeps,
		MissingAfter:       c.MissingAfter.Time.D(),
		RetireAfter:        c.RetireAfter.D(),
		Retention:          c.Retention.D(),
	}, nil), nil
}

// ScannerName is the name sweeps are stored under: the config's, else
// the host's.
func ScannerName(c config.Inventory, hostname func() (string, error)) string {
	if c.Scanner != "" {
		return c.Scanner
	}
	n, _ := hostname()
	return n
}

// Sweep turns a scanner's report into the sweep the inventory ingests,
// made by scannerName at site: the one conversion a CLI sweep and serve's
// scheduled sweeps share.
func Sweep(rep *scanner.Report, scannerName, site string) inventory.Sweep {
	end := rep.Start.Add(rep.Duration)
	return inventory.Sweep{ID: store.NewUUID(end), Scanner: scannerName, Site: site, Start: rep.Start, End: end, Partial: rep.Partial,
		Segments: rep.Swept, Observations: Observations(rep, end, scannerName)}
}

// Observations turns a sweep's hosts into observations, each at the time
// its host last answered (end when it carries none), the times its
// printed record shows.
func Observations(rep *scanner.Report, end time.Time, scannerName string) []record.Observation {
	var obs []record.Observation
	rep.Each(func(h *record.Asset) error {
		at := end
		if !h.LastSeen.IsZero() {
			at = h.LastSeen
		}
		obs = append(obs, inventory.ObservationsFromHost(at, scannerName, h)...)
		return nil
	})
	return obs
}

// ImportSweep is the sweep an import stores of hosts another tool saw
// (an Nmap report): each host observed when it was last seen, the sweep
// from start (the earliest report's; the last host's time when zero) to
// the last host's time. It has no segments: an import says what the tool
// saw, never that a host is gone.
func ImportSweep(hosts []record.Asset, start time.Time, scannerName string) inventory.Sweep {
	end := start
	var obs []record.Observation
	for i := range hosts {
		h := &hosts[i]
		if h.LastSeen.After(end) {
			end = h.LastSeen
		}
		obs = append(obs, inventory.ObservationsFromHost(h.LastSeen, scannerName, h)...)
	}
	if start.IsZero() {
		start = end
	}
	return inventory.Sweep{ID: store.NewUUID(end), Scanner: scannerName, Start: start, End: end, Observations: obs}
}

// AssetFields are what asset set's flags (--site, --role, --owner,
// --tag) give.
type AssetFields struct {
	Site, Role, Owner string
	Tags              []string
}

// Changes are the changes of the fields whose flag given reports set
// (pflag's Changed), even to "": a field left alone is kept; --tag
// replaces the tags. No flag given is a *SettingsError.
func (f AssetFields) Changes(given func(flag string) bool) (inventory.Changes, error) {
	var c inventory.Changes
	if given("site") {
		c.Site = &f.Site
	}
	if given("role") {
		c.Role = &f.Role
	}
	if given("owner") {
		c.Owner = &f.Owner
	}
	if given("tag") {
		c.Tags = append([]string{}, f.Tags...)
	}
	if c.Site == nil && c.Role == nil && c.Owner == nil && c.Tags == nil {
		return c, &SettingsError{errors.New("nothing to set: give --site, --role, --owner or --tag")}
	}
	return c, nil
}

// SplitMACs checks asset split's --mac list: at least one, each a MAC
// (record.ParseMAC); a bad list is a *SettingsError naming the flag.
func SplitMACs(macs []string) error {
	if len(macs) == 0 {
		return &SettingsError{errors.New("give at least one --mac")}
	}
	for _, m := range macs {
		if _, err := record.ParseMAC(m); err != nil {
			return &SettingsError{fmt.Errorf("--mac %q: %w", m, err)}
		}
	}
	return nil
}
