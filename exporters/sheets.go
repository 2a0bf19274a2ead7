package exporters

import (
	"strconv"
	"strings"
	"time"

	"github.com/netcensus/netcensus/inventory/drift"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// TypedColumn is one column of a sheet. Get returns a string, int64,
// float64, bool, time.Time or nil (an empty cell): XLSX keeps the type,
// CSV and tables print it (times in RFC 3339 UTC).
type TypedColumn[T any] struct {
	Key string
	Get func(*T) any
}

// Sheet is a record kind as typed columns: a sheet of an XLSX workbook,
// or a CSV file.
type Sheet[T any] struct {
	Name    string
	Columns []TypedColumn[T]
}

// Header is the sheet's column keys.
func (s Sheet[T]) Header() []string {
	h := make([]string, len(s.Columns))
	for i, c := range s.Columns {
		h[i] = c.Key
	}
	return h
}

// Cells is one record's typed cells.
func (s Sheet[T]) Cells(v *T) []any {
	r := make([]any, len(s.Columns))
	for i, c := range s.Columns {
		r[i] = c.Get(v)
	}
	return r
}

// Rows is the sheet as text rows, for NewCSV and NewTable.
func (s Sheet[T]) Rows() Rows[T] {
	return Rows[T]{
		Header: s.Header,
		Row: func(v *T) []string {
			r := make([]string, len(s.Columns))
			for i, c := range s.Columns {
				r[i] = CellText(c.Get(v))
			}
			return r
		},
	}
}

// CellText prints a typed cell.
func CellText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case time.Time:
		return timeCell(x)
	}
	return ""
}

func optTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

func optInt(n int64) any {
	if n == 0 {
		return nil
	}
	return n
}

// AssetSheet is the asset record's columns (AssetColumns) with counts,
// uptime as numbers, times as dates and approved as a boolean.
func AssetSheet() Sheet[record.Asset] {
	typed := map[string]func(*record.Asset) any{
		"sys_uptime_s":    func(a *record.Asset) any { return optInt(int64(a.SysUptimeS)) },
		"software_count":  func(a *record.Asset) any { return optInt(int64(a.Packages())) },
		"interface_count": func(a *record.Asset) any { return optInt(int64(len(a.Interfaces))) },
		"location_vlan":   func(a *record.Asset) any { return optInt(int64(loc(a).VLAN)) },
		"location_seen":   func(a *record.Asset) any { return optTime(loc(a).Seen) },
		"first_seen":      func(a *record.Asset) any { return optTime(a.FirstSeen) },
		"last_seen":       func(a *record.Asset) any { return optTime(a.LastSeen) },
		"approved": func(a *record.Asset) any {
			if a.Approved == nil {
				return nil
			}
			return *a.Approved
		},
	}
	var cols []TypedColumn[record.Asset]
	for _, c := range AssetColumns() {
		get := typed[c.Key]
		if get == nil {
			f := c.Get
			get = func(a *record.Asset) any { return f(a) }
		}
		cols = append(cols, TypedColumn[record.Asset]{c.Key, get})
	}
	return Sheet[record.Asset]{Name: "assets", Columns: cols}
}

// SoftwareRow is one installed package of an asset's software snapshot.
type SoftwareRow struct {
	AssetID      string    `json:"asset_id"`
	Hostname     string    `json:"hostname,omitempty"`
	Name         string    `json:"name"`
	Version      string    `json:"version,omitempty"`
	Arch         string    `json:"arch,omitempty"`
	InstalledAt  time.Time `json:"installed_at,omitzero"`
	SnapshotTime time.Time `json:"snapshot_time,omitzero"`
	SweepID      string    `json:"sweep_id,omitempty"`
}

// SoftwareRows turns a store snapshot into rows, naming the asset.
func SoftwareRows(hostname string, sw []store.Software) []SoftwareRow {
	out := make([]SoftwareRow, len(sw))
	for i, r := range sw {
		out[i] = SoftwareRow{AssetID: r.AssetID, Hostname: hostname, Name: r.Name, Version: r.Version, Arch: r.Arch,
			InstalledAt: r.InstalledAt, SnapshotTime: r.Time, SweepID: r.SweepID}
	}
	return out
}

// SoftwareSheet lists software snapshots, one package a row.
func SoftwareSheet() Sheet[SoftwareRow] {
	return Sheet[SoftwareRow]{Name: "software", Columns: []TypedColumn[SoftwareRow]{
		{"asset_id", func(r *SoftwareRow) any { return r.AssetID }},
		{"hostname", func(r *SoftwareRow) any { return r.Hostname }},
		{"name", func(r *SoftwareRow) any { return r.Name }},
		{"version", func(r *SoftwareRow) any { return r.Version }},
		{"arch", func(r *SoftwareRow) any { return r.Arch }},
		{"installed_at", func(r *SoftwareRow) any { return optTime(r.InstalledAt) }},
		{"snapshot_time", func(r *SoftwareRow) any { return optTime(r.SnapshotTime) }},
		{"sweep_id", func(r *SoftwareRow) any { return r.SweepID }},
	}}
}

// EventRow is one entry of an asset's history, as exported.
type EventRow struct {
	Time    time.Time `json:"time"`
	AssetID string    `json:"asset_id"`
	Type    string    `json:"type"`
	Field   string    `json:"field,omitempty"`
	Old     string    `json:"old,omitempty"`
	New     string    `json:"new,omitempty"`
	SweepID string    `json:"sweep_id,omitempty"`
	Actor   string    `json:"actor,omitempty"`
}

// EventRows turns store events into rows.
func EventRows(es []store.Event) []EventRow {
	out := make([]EventRow, len(es))
	for i, e := range es {
		out[i] = EventRow{Time: e.Time, AssetID: e.AssetID, Type: e.Type, Field: e.Field, Old: e.Old, New: e.New, SweepID: e.SweepID, Actor: e.Actor}
	}
	return out
}

// EventSheet lists the CMDB's events.
func EventSheet() Sheet[EventRow] {
	return Sheet[EventRow]{Name: "events", Columns: []TypedColumn[EventRow]{
		{"time", func(e *EventRow) any { return optTime(e.Time) }},
		{"asset_id", func(e *EventRow) any { return e.AssetID }},
		{"type", func(e *EventRow) any { return e.Type }},
		{"field", func(e *EventRow) any { return e.Field }},
		{"old", func(e *EventRow) any { return e.Old }},
		{"new", func(e *EventRow) any { return e.New }},
		{"sweep_id", func(e *EventRow) any { return e.SweepID }},
		{"actor", func(e *EventRow) any { return e.Actor }},
	}}
}

// DriftDayRows are drift --daily's rows: compliant and non-compliant
// assets at the end of each day.
func DriftDayRows() Rows[drift.DayCount] {
	return Rows[drift.DayCount]{
		Header: func() []string { return []string{"day", "compliant", "noncompliant"} },
		Row: func(d *drift.DayCount) []string {
			return []string{d.Day.Format(time.DateOnly), strconv.Itoa(d.Compliant), strconv.Itoa(d.NonCompliant)}
		},
	}
}

// DriftSheet lists drift findings.
func DriftSheet() Sheet[drift.Finding] {
	return Sheet[drift.Finding]{Name: "drift", Columns: []TypedColumn[drift.Finding]{
		{"asset_id", func(f *drift.Finding) any { return f.AssetID }},
		{"hostname", func(f *drift.Finding) any { return f.Hostname }},
		{"ip", func(f *drift.Finding) any { return f.IP }},
		{"baseline", func(f *drift.Finding) any { return f.Baseline }},
		{"rule", func(f *drift.Finding) any { return f.Rule }},
		{"kind", func(f *drift.Finding) any { return f.Kind }},
		{"subject", func(f *drift.Finding) any { return f.Subject }},
		{"have", func(f *drift.Finding) any { return f.Have }},
		{"want", func(f *drift.Finding) any { return f.Want }},
		{"since", func(f *drift.Finding) any { return optTime(f.Since) }},
	}}
}

// sheetName makes a name Excel accepts: at most 31 characters, none of
// []:*?/\.
func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '_'
		}
		return r
	}, s)
	if s == "" {
		s = "sheet"
	}
	if len(s) > 31 {
		s = s[:31]
	}
	return s
}
