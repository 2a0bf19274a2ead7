package exporters

// The CMDB commands' rows and texts: assets' details, explanations,
// locations, switch ports, events, sweeps and prunes.

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// PlaceRows are the places an asset has been, as asset locate prints them.
func PlaceRows() Rows[inventory.Place] {
	return Rows[inventory.Place]{
		Header: func() []string {
			return []string{"switch", "switch_id", "port", "vlan", "first", "last", "sweeps", "mac"}
		},
		Row: func(p *inventory.Place) []string {
			return []string{SwitchText(p.Switch), p.Switch.AssetID, p.Port, vlanText(p.VLAN), timeCell(p.First), timeCell(p.Last),
				strconv.Itoa(p.Sweeps), p.MAC.String()}
		},
	}
}

// SwitchText names a switch: its name, else its address, else its asset ID.
func SwitchText(s record.SwitchRef) string {
	switch {
	case s.Name != "":
		return s.Name
	case s.IP.IsValid():
		return s.IP.String()
	}
	return s.AssetID
}

func vlanText(v int) string {
	if v == 0 {
		return ""
	}
	return strconv.Itoa(v)
}

// PortRow is one line of `ports`: a port and one host on it (a port with
// several hosts has several lines, one without any has one).
type PortRow struct {
	Port     string `json:"port"`
	IfIndex  int    `json:"if_index,omitempty"`
	Status   string `json:"status,omitempty"`
	Neighbor string `json:"neighbor,omitempty"`
	AssetID  string `json:"asset_id,omitempty"`
	Host     string `json:"host,omitempty"`
	IP       string `json:"ip,omitempty"`
	MAC      string `json:"mac,omitempty"`
	VLAN     int    `json:"vlan,omitempty"`
	Seen     string `json:"seen,omitempty"`
}

// PortRows are the rows of ports.
func PortRows() Rows[PortRow] {
	return Rows[PortRow]{
		Header: func() []string {
			return []string{"port", "if_index", "status", "neighbor", "asset_id", "host", "ip", "mac", "vlan", "seen"}
		},
		Row: func(p *PortRow) []string {
			ix := ""
			if p.IfIndex != 0 {
				ix = strconv.Itoa(p.IfIndex)
			}
			return []string{p.Port, ix, p.Status, p.Neighbor, p.AssetID, p.Host, p.IP, p.MAC, vlanText(p.VLAN), p.Seen}
		},
	}
}

// FlattenPorts turns a switch's ports into rows: one per port and host
// on it, one for a port without any.
func FlattenPorts(ps inventory.SwitchPorts) []PortRow {
	var out []PortRow
	for _, p := range ps.Ports {
		base := PortRow{Port: p.Port, IfIndex: p.IfIndex}
		if p.OperUp != nil {
			base.Status = "down"
			if *p.OperUp {
				base.Status = "up"
			}
		}
		var ns []string
		for _, n := range p.Neighbors {
			s := n.SysName
			if s == "" {
				s = n.ChassisID
			}
			if n.Protocol != "" {
				s += " (" + n.Protocol + ")"
			}
			ns = append(ns, s)
		}
		base.Neighbor = strings.Join(ns, ", ")
		if len(p.Hosts) == 0 {
			out = append(out, base)
			continue
		}
		for _, h := range p.Hosts {
			r := base
			r.AssetID, r.Host, r.MAC, r.VLAN, r.Seen = h.AssetID, h.Name, h.MAC.String(), h.VLAN, timeCell(h.Seen)
			if h.IP.IsValid() {
				r.IP = h.IP.String()
			}
			out = append(out, r)
		}
	}
	return out
}

// EventTableRows print events: the same rows as the events export.
func EventTableRows() Rows[EventRow] {
	return Rows[EventRow]{
		Header: func() []string {
			return []string{"time", "asset_id", "type", "field", "old", "new", "sweep_id", "actor"}
		},
		Row: func(e *EventRow) []string {
			return []string{timeCell(e.Time), e.AssetID, e.Type, e.Field, e.Old, e.New, e.SweepID, e.Actor}
		},
	}
}

// SweepRow is a sweep as printed.
type SweepRow struct {
	ID           string    `json:"sweep_id"`
	Scanner      string    `json:"scanner,omitempty"`
	Start        time.Time `json:"start"`
	End          time.Time `json:"end,omitzero"`
	Partial      bool      `json:"partial"`
	Segments     []string  `json:"segments,omitempty"`
	Observations int       `json:"observations"`
	Assets       int       `json:"assets"`
	New          int       `json:"new"`
	Missing      int       `json:"missing"`
}

// SweepRows are stored sweeps as the sweeps command prints them.
func SweepRows() Rows[SweepRow] {
	return Rows[SweepRow]{
		Header: func() []string {
			return []string{"sweep_id", "scanner", "start", "end", "partial", "segments", "observations", "assets", "new", "missing"}
		},
		Row: func(s *SweepRow) []string {
			return []string{s.ID, s.Scanner, timeCell(s.Start), timeCell(s.End), strconv.FormatBool(s.Partial), strings.Join(s.Segments, " "),
				strconv.Itoa(s.Observations), strconv.Itoa(s.Assets), strconv.Itoa(s.New), strconv.Itoa(s.Missing)}
		},
	}
}

// PruneRow is what prune removed.
type PruneRow struct {
	Before       time.Time `json:"before,omitzero"`
	Observations int64     `json:"observations"`
	Samples      int64     `json:"samples"`
	Software     int64     `json:"software"`
	Interfaces   int64     `json:"interfaces"`
	Neighbors    int64     `json:"neighbors"`
}

// PruneRowOf is what prune removed, with the cut-off of a retention
// counted back from now (none when retention is 0: nothing was pruned).
func PruneRowOf(ps store.PruneStats, retention time.Duration, now time.Time) PruneRow {
	row := PruneRow{Observations: ps.Observations, Samples: ps.Samples, Software: ps.Software, Interfaces: ps.Interfaces, Neighbors: ps.Neighbors}
	if retention > 0 {
		row.Before = store.Second(now.Add(-retention))
	}
	return row
}

// PruneRows are what prune removed, as it prints it.
func PruneRows() Rows[PruneRow] {
	return Rows[PruneRow]{
		Header: func() []string {
			return []string{"before", "observations", "samples", "software", "interfaces", "neighbors"}
		},
		Row: func(p *PruneRow) []string {
			i := func(n int64) string { return strconv.FormatInt(n, 10) }
			return []string{timeCell(p.Before), i(p.Observations), i(p.Samples), i(p.Software), i(p.Interfaces), i(p.Neighbors)}
		},
	}
}

// AssetDetail is `netcensus asset ID`: the record, its bookkeeping, its
// identity keys and its history.
type AssetDetail struct {
	record.Asset
	StateSince   time.Time  `json:"state_since,omitzero"`
	MissedSweeps int        `json:"missed_sweeps,omitempty"`
	LastSweepID  string     `json:"last_sweep_id,omitempty"`
	MergedInto   string     `json:"merged_into,omitempty"`
	IdentityKeys []string   `json:"identity_keys,omitempty"`
	History      []EventRow `json:"history"`
}

// TieRow is one observation a key tied, as `asset explain` prints it.
type TieRow struct {
	Key         string    `json:"key"`
	Known       bool      `json:"known_asset"`
	Observation string    `json:"observation_id"`
	Source      string    `json:"source"`
	Scanner     string    `json:"scanner,omitempty"`
	IP          string    `json:"ip,omitempty"`
	MAC         string    `json:"mac,omitempty"`
	Time        time.Time `json:"time"`
}

// TieRows are the rows of asset explain.
func TieRows() Rows[TieRow] {
	return Rows[TieRow]{
		Header: func() []string {
			return []string{"key", "known_asset", "observation_id", "source", "scanner", "ip", "mac", "time"}
		},
		Row: func(t *TieRow) []string {
			return []string{t.Key, fmt.Sprint(t.Known), t.Observation, t.Source, t.Scanner, t.IP, t.MAC, timeCell(t.Time)}
		},
	}
}

func obsIP(o *store.Observation) string {
	if o.Asset.IP.IsValid() {
		return o.Asset.IP.String()
	}
	return ""
}

// WriteAll writes xs with w and closes it.
func WriteAll[T any](w Writer[T], xs []T) error {
	for i := range xs {
		if err := w.Write(&xs[i]); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	return nil
}

// WriteValue writes v as one JSON document: indented for json, on one
// line for jsonl.
func WriteValue(w io.Writer, format string, v any) error {
	var b []byte
	var err error
	if format == "json" {
		b, err = json.MarshalIndent(v, "", "  ")
	} else {
		b, err = json.Marshal(v)
	}
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

// WriteWhereabouts writes where an asset is and has been: json or jsonl
// the whole, csv the places, and table the current place and its evidence
// then the places.
func WriteWhereabouts(out io.Writer, format string, w inventory.Whereabouts) error {
	switch format {
	case "json", "jsonl":
		return WriteValue(out, format, &w)
	case "csv":
		return WriteAll(NewCSV(out, PlaceRows()), w.History)
	}
	name := w.Name
	if name == "" {
		name = w.AssetID
	}
	fmt.Fprintf(out, "asset     %s (%s)\n", record.Sanitize(name), w.AssetID)
	if w.Current == nil {
		fmt.Fprintln(out, "location  unknown: no switch's forwarding table placed it on an access port")
	} else {
		l := w.Current
		fmt.Fprintf(out, "location  %s port %s", record.Sanitize(SwitchText(l.Switch)), record.Sanitize(l.Port))
		if l.VLAN > 0 {
			fmt.Fprintf(out, " vlan %d", l.VLAN)
		}
		fmt.Fprintf(out, " (seen %s)\n", timeCell(l.Seen))
		if w.Evidence != nil {
			fmt.Fprintf(out, "evidence  %s: %s\n", w.Evidence.Rule, record.Sanitize(w.Evidence.Value))
		}
	}
	fmt.Fprintln(out, "\nwhere it has been:")
	return WriteAll(NewTable(out, PlaceRows()), w.History)
}

// SweepRowsOf turns stored sweeps into rows.
func SweepRowsOf(ss []store.Sweep) []SweepRow {
	rows := make([]SweepRow, len(ss))
	for i, s := range ss {
		rows[i] = SweepRow{ID: s.ID, Scanner: s.Scanner, Start: s.Start, End: s.End, Partial: s.Partial,
			Observations: s.Observations, Assets: s.Assets, New: s.New, Missing: s.Missing}
		for _, p := range s.Segments {
			rows[i].Segments = append(rows[i].Segments, p.String())
		}
	}
	return rows
}

// NewAssetDetail is an asset's details as asset ID prints them: the
// record with its software, interfaces and neighbours as stored, its
// bookkeeping, identity keys and history.
func NewAssetDetail(d inventory.Details) AssetDetail {
	v := AssetDetail{Asset: d.Asset.Record, StateSince: d.Asset.StateSince, MissedSweeps: d.Asset.MissedSweeps,
		LastSweepID: d.Asset.LastSweepID, MergedInto: d.Asset.MergedInto, History: EventRows(d.Events)}
	for _, s := range d.Software {
		v.Software = append(v.Software, s.Software)
	}
	if len(d.Interfaces) > 0 {
		v.Interfaces = nil
		for _, it := range d.Interfaces {
			v.Interfaces = append(v.Interfaces, it.Interface)
		}
	}
	if len(d.Neighbors) > 0 {
		v.Neighbors = nil
		for _, n := range d.Neighbors {
			v.Neighbors = append(v.Neighbors, n.Neighbor)
		}
	}
	for _, k := range d.Keys {
		v.IdentityKeys = append(v.IdentityKeys, k.Key.String())
	}
	return v
}

// WriteAssetDetail writes v: json and jsonl the whole, csv the history
// rows, table the record's filled fields one a line, then the history.
func WriteAssetDetail(out io.Writer, format string, v AssetDetail) error {
	switch format {
	case "json":
		return WriteValue(out, format, &v)
	case "jsonl":
		return WriteAll(NewJSONL[AssetDetail](out), []AssetDetail{v})
	case "csv":
		return WriteAll(NewCSV(out, EventTableRows()), v.History)
	}
	rec := v.Asset
	var lines [][2]string
	for _, c := range AssetTableColumns() {
		if s := c.Get(&rec); s != "" {
			lines = append(lines, [2]string{c.Key, s})
		}
	}
	lines = append(lines, [2]string{"state_since", timeCell(v.StateSince)})
	if v.MergedInto != "" {
		lines = append(lines, [2]string{"merged_into", v.MergedInto})
	}
	if len(v.IdentityKeys) > 0 {
		lines = append(lines, [2]string{"identity_keys", strings.Join(v.IdentityKeys, " ")})
	}
	width := 0
	for _, l := range lines {
		width = max(width, len(l[0]))
	}
	for _, l := range lines {
		fmt.Fprintf(out, "%-*s  %s\n", width, l[0], record.Sanitize(l[1]))
	}
	fmt.Fprintln(out, "\nhistory:")
	return WriteAll(NewTable(out, EventTableRows()), v.History)
}

// TieRowsOf lists, per identity key of ex, the observations it tied.
func TieRowsOf(ex inventory.Explanation) []TieRow {
	var rows []TieRow
	for _, t := range ex.Ties {
		for i := range t.Observations {
			o := &t.Observations[i]
			rows = append(rows, TieRow{Key: t.Key.String(), Known: t.Known, Observation: o.ID, Source: string(o.Source),
				Scanner: o.Scanner, IP: obsIP(o), MAC: o.Asset.MAC.String(), Time: o.Time})
		}
	}
	return rows
}

// WriteExplanation writes ex: a table for people (writeExplanation), or
// in json, jsonl or csv its tie rows (TieRows), one per key and
// observation.
func WriteExplanation(out io.Writer, format string, ex inventory.Explanation) error {
	if format != "table" {
		return WriteRows(out, format, 0, TieRows(), TieRowsOf(ex))
	}
	writeExplanation(out, ex)
	return nil
}

// WritePorts writes a switch's ports: in json the whole, else one row
// per port and host (PortRows, FlattenPorts), a table's cells cut at
// cellMax columns (0: never).
func WritePorts(out io.Writer, format string, cellMax int, ps inventory.SwitchPorts) error {
	if format == "json" {
		return WriteValue(out, format, &ps)
	}
	return WriteRows(out, format, cellMax, PortRows(), FlattenPorts(ps))
}

// writeExplanation prints ex for people: the last sweep's observations,
// the keys that tied them, the stored keys, people's decisions and the
// joins refused.
func writeExplanation(out io.Writer, ex inventory.Explanation) {
	fmt.Fprintf(out, "asset %s, last sweep %s: %d observations\n", ex.AssetID, ex.SweepID, len(ex.Observations))
	for i := range ex.Observations {
		o := &ex.Observations[i]
		fmt.Fprintf(out, "  observation %s  %-10s %-15s %s %s\n", o.ID, o.Source, obsIP(o), o.Asset.MAC, record.Sanitize(o.Asset.Hostname+o.Asset.SysName))
	}
	fmt.Fprintln(out, "keys that tied them:")
	for _, t := range ex.Ties {
		known := ""
		if t.Known {
			known = " and the stored asset"
		}
		ids := make([]string, len(t.Observations))
		for i, o := range t.Observations {
			ids[i] = o.ID
		}
		fmt.Fprintf(out, "  %s tied %d observation(s)%s: %s\n", record.Sanitize(t.Key.String()), len(t.Observations), known, strings.Join(ids, " "))
	}
	if len(ex.Ties) == 0 {
		fmt.Fprintln(out, "  none: one observation, or only the stored asset's keys")
	}
	fmt.Fprintln(out, "stored identity keys:")
	for _, k := range ex.Keys {
		fmt.Fprintf(out, "  %s (since %s)\n", record.Sanitize(k.Key.String()), timeCell(k.FirstSeen))
	}
	for _, d := range ex.Decisions {
		fmt.Fprintf(out, "decision %s by %s at %s: %s %s %s\n", d.Kind, d.Actor, timeCell(d.Time), d.AssetA, d.AssetB, d.Key.String())
	}
	for _, r := range ex.Refused {
		fmt.Fprintf(out, "refused: %s\n", record.Sanitize(r))
	}
}
