package exporters

import (
	"io"
	"strings"

	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// NetBoxDefaults fill the NetBox columns an asset leaves empty.
type NetBoxDefaults struct {
	Site         string
	Role         string
	Manufacturer string
	DeviceType   string
}

// DefaultNetBox returns the defaults: a site and role named "unassigned",
// manufacturer and device type "Unknown" (create them in NetBox first).
func DefaultNetBox() NetBoxDefaults {
	return NetBoxDefaults{Site: "unassigned", Role: "unassigned", Manufacturer: "Unknown", DeviceType: "Unknown"}
}

// netboxStatus maps an asset's lifecycle state to a NetBox device status.
func netboxStatus(state string) string {
	switch state {
	case store.StateMissing:
		return "offline"
	case store.StateRetired:
		return "decommissioning"
	}
	return "active"
}

// NetBoxName is the device name NetBox gets: hostname, else sysName, else
// the address, else the asset ID.
func NetBoxName(a *record.Asset) string {
	if n := a.Name(); n != "" {
		return n
	}
	return a.AssetID
}

// NetBoxRows is the CSV NetBox's device bulk import takes (DCIM → Devices →
// Import): name, role, manufacturer, device_type, serial, site, status.
// Site and role come from what people set on the asset, else d.
func NetBoxRows(d NetBoxDefaults) Rows[record.Asset] {
	or := func(s, def string) string {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
		return def
	}
	return Rows[record.Asset]{
		Header: func() []string {
			return []string{"name", "role", "manufacturer", "device_type", "serial", "site", "status"}
		},
		Row: func(a *record.Asset) []string {
			return []string{NetBoxName(a), or(a.Role, d.Role), or(or(a.Vendor, a.MACVendor), d.Manufacturer),
				or(a.Model, d.DeviceType), a.Serial, or(a.Site, d.Site), netboxStatus(a.State)}
		},
	}
}

// NewNetBoxCSV writes assets as NetBox device import CSV (RFC 4180, cells
// escaped with CSVCell).
func NewNetBoxCSV(w io.Writer, d NetBoxDefaults) Writer[record.Asset] {
	return NewCSV(w, NetBoxRows(d))
}
