// Package exporters writes records in the formats people read them in:
// aligned tables for terminals, JSON arrays, JSON lines and CSV for
// spreadsheets. Every writer sanitises device-supplied strings: control
// characters never reach a terminal, and no CSV cell can be read as a
// formula.
package exporters

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/netcensus/netcensus/record"
)

// Column is one scalar view of an asset, for table and CSV output.
type Column struct {
	Key string
	Get func(*record.Asset) string
}

func joinAddrs[T fmt.Stringer](xs []T) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = x.String()
	}
	return strings.Join(s, " ")
}

func timeCell(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// AssetColumns are the asset record's scalar fields, in schema order. Lists
// are joined with spaces (anomalies by kind) so a row stays one row.
func AssetColumns() []Column {
	str := func(key string, f func(*record.Asset) string) Column { return Column{key, f} }
	return []Column{
		str("asset_id", func(a *record.Asset) string { return a.AssetID }),
		str("ip", func(a *record.Asset) string {
			if a.IP.IsValid() {
				return a.IP.String()
			}
			return ""
		}),
		str("ips", func(a *record.Asset) string { return joinAddrs(a.IPs) }),
		str("mac", func(a *record.Asset) string { return a.MAC.String() }),
		str("macs", func(a *record.Asset) string { return joinAddrs(a.MACs) }),
		str("hostname", func(a *record.Asset) string { return a.Hostname }),
		str("mac_vendor", func(a *record.Asset) string { return a.MACVendor }),
		str("vendor", func(a *record.Asset) string { return a.Vendor }),
		str("model", func(a *record.Asset) string { return a.Model }),
		str("serial", func(a *record.Asset) string { return a.Serial }),
		str("os", func(a *record.Asset) string { return a.OS }),
		str("os_version", func(a *record.Asset) string { return a.OSVersion }),
		str("device_type", func(a *record.Asset) string { return a.DeviceType }),
		str("sys_name", func(a *record.Asset) string { return a.SysName }),
		str("sys_descr", func(a *record.Asset) string { return a.SysDescr }),
		str("sys_object_id", func(a *record.Asset) string { return a.SysObjectID }),
		str("sys_location", func(a *record.Asset) string { return a.SysLocation }),
		str("sys_contact", func(a *record.Asset) string { return a.SysContact }),
		str("sys_uptime_s", func(a *record.Asset) string {
			if a.SysUptimeS == 0 {
				return ""
			}
			return strconv.FormatUint(a.SysUptimeS, 10)
		}),
		str("snmp_engine_id", func(a *record.Asset) string { return a.SNMPEngineID }),
		str("software_count", func(a *record.Asset) string { return count(a.Packages()) }),
		str("interface_count", func(a *record.Asset) string { return count(len(a.Interfaces)) }),
		str("services", func(a *record.Asset) string {
			s := make([]string, len(a.Services))
			for i, x := range a.Services {
				s[i] = x.Type
			}
			return strings.Join(s, " ")
		}),
		// Where it is plugged in: the switch (its name, else address,
		// else asset ID, as Location.String names it) and the access port.
		str("location_switch", func(a *record.Asset) string {
			if a.Location == nil {
				return ""
			}
			l := a.Location.Switch
			switch {
			case l.Name != "":
				return l.Name
			case l.IP.IsValid():
				return l.IP.String()
			}
			return l.AssetID
		}),
		str("location_switch_id", func(a *record.Asset) string { return loc(a).Switch.AssetID }),
		str("location_switch_ip", func(a *record.Asset) string {
			if ip := loc(a).Switch.IP; ip.IsValid() {
				return ip.String()
			}
			return ""
		}),
		str("location_port", func(a *record.Asset) string { return loc(a).Port }),
		str("location_vlan", func(a *record.Asset) string { return count(loc(a).VLAN) }),
		str("location_seen", func(a *record.Asset) string { return timeCell(loc(a).Seen) }),
		str("sources", func(a *record.Asset) string {
			s := make([]string, len(a.Sources))
			for i, x := range a.Sources {
				s[i] = string(x)
			}
			return strings.Join(s, " ")
		}),
		str("first_seen", func(a *record.Asset) string { return timeCell(a.FirstSeen) }),
		str("last_seen", func(a *record.Asset) string { return timeCell(a.LastSeen) }),
		str("state", func(a *record.Asset) string { return a.State }),
		str("approved", func(a *record.Asset) string {
			if a.Approved == nil {
				return ""
			}
			return strconv.FormatBool(*a.Approved)
		}),
		str("site", func(a *record.Asset) string { return a.Site }),
		str("role", func(a *record.Asset) string { return a.Role }),
		str("owner", func(a *record.Asset) string { return a.Owner }),
		str("tags", func(a *record.Asset) string { return strings.Join(a.Tags, " ") }),
		str("anomalies", func(a *record.Asset) string {
			s := make([]string, len(a.Anomalies))
			for i, x := range a.Anomalies {
				s[i] = x.Kind
			}
			return strings.Join(s, " ")
		}),
	}
}

// loc is a's location, or an empty one.
func loc(a *record.Asset) *record.Location {
	if a.Location == nil {
		return &record.Location{}
	}
	return a.Location
}

func count(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// NewAssetWriter returns a writer of asset records in format (table, json,
// jsonl or csv). Close must be called to finish the output (the JSON
// array's bracket, the table itself).
func NewAssetWriter(format string, w io.Writer) (Writer[record.Asset], error) {
	return NewAssetWriterCut(format, w, 0)
}

// NewAssetWriterCut is NewAssetWriter whose table cuts cells wider than
// cellMax terminal columns (0: never).
func NewAssetWriterCut(format string, w io.Writer, cellMax int) (Writer[record.Asset], error) {
	switch format {
	case "json":
		return NewJSON[record.Asset](w), nil
	case "jsonl":
		return NewJSONL[record.Asset](w), nil
	case "csv":
		return NewCSV(w, rowsOf(AssetColumns(), false)), nil
	case "table":
		return NewTableCut(w, rowsOf(AssetListColumns(), true), cellMax), nil
	}
	return nil, fmt.Errorf("format %q: %w", format, ErrFormat)
}

// assetListKeys are the columns of a list of assets at a terminal: what
// tells the devices apart (the web inventory's columns), the finance
// fields, where each is plugged in and what is odd about it. All of
// AssetTableColumns (some 25, with sysDescr) made every row wrap over
// several lines of a 160-column terminal; netcensus asset ID, and the
// CSV and JSON formats, give the rest.
var assetListKeys = []string{"asset_id", "ip", "mac", "hostname", "mac_vendor", "vendor", "model", "serial", "device_type",
	"location", "state", "approved", "last_seen", "anomalies"}

// AssetListColumns are the columns of an asset list table
// (assetListKeys), in that order.
func AssetListColumns() []Column {
	var out []Column
	for _, k := range assetListKeys {
		for _, c := range AssetTableColumns() {
			if c.Key == k {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// AssetTableColumns are AssetColumns for people at a terminal: the
// location's columns are one, the place as Location.String says it
// ("acc-sw-1 Gi1/0/5 vlan 10").
func AssetTableColumns() []Column {
	var out []Column
	for _, c := range AssetColumns() {
		switch {
		case c.Key == "location_switch":
			out = append(out, Column{"location", func(a *record.Asset) string { return a.Location.String() }})
		case strings.HasPrefix(c.Key, "location_"):
		default:
			out = append(out, c)
		}
	}
	return out
}

// rowsOf adapts columns to a Rows view; sparse drops columns no record
// fills (tables), otherwise every column is kept (CSV: a stable header).
func rowsOf(cols []Column, sparse bool) Rows[record.Asset] {
	return Rows[record.Asset]{
		Sparse: sparse,
		Header: func() []string {
			h := make([]string, len(cols))
			for i, c := range cols {
				h[i] = c.Key
			}
			return h
		},
		Row: func(a *record.Asset) []string {
			r := make([]string, len(cols))
			for i, c := range cols {
				r[i] = c.Get(a)
			}
			return r
		},
	}
}
