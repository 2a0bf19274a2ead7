package exporters

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/netcensus/netcensus/inventory/capacity"
	"github.com/netcensus/netcensus/inventory/drift"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/store/sqlite"
	"github.com/netcensus/netcensus/record"
)

var t1 = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

func sampleAssets() []record.Asset {
	as := sample()
	yes := true
	as[0].AssetID, as[0].Hostname, as[0].Vendor, as[0].Model, as[0].Serial = "a-1", "core-sw1", "Cisco", "WS-C2960X-48TS-L", "FOC1234X0AB"
	as[0].Site, as[0].Role, as[0].State, as[0].Approved, as[0].SysUptimeS = "dc-east", "access-switch", store.StateActive, &yes, 864000
	as[0].Software = []record.Software{{Name: "ios", Version: "15.2(7)E3"}}
	as[1].AssetID, as[1].SysName, as[1].State = "a-2", "fw-edge", store.StateMissing
	as[2].AssetID, as[2].State = "a-3", store.StateRetired
	return as
}

func sampleSoftware() []SoftwareRow {
	return SoftwareRows("web1", []store.Software{
		{AssetID: "a-9", SweepID: "s-1", Time: t1, Software: record.Software{Name: "openssl", Version: "3.0.11-1~deb12u2", Arch: "amd64", InstalledAt: t1.Add(-90 * 24 * time.Hour)}},
		{AssetID: "a-9", SweepID: "s-1", Time: t1, Software: record.Software{Name: "=cmd()", Version: "-1"}},
	})
}

func sampleEvents() []EventRow {
	return EventRows([]store.Event{
		{ID: "e1", Time: t1, SweepID: "s-1", AssetID: "a-1", Type: store.EventChange, Field: "os_version", Old: "15.2(4)E10", New: "15.2(7)E3"},
		{ID: "e2", Time: t1.Add(time.Hour), AssetID: "a-1", Type: drift.EventCompliance, Field: "cisco-ios", Old: "noncompliant", New: "compliant", Actor: "drift"},
	})
}

func sampleFindings() []drift.Finding {
	return []drift.Finding{{AssetID: "a-9", Hostname: "web1", IP: "192.0.2.10", Baseline: "debian-servers", Rule: "debian-openssl",
		Kind: drift.KindPackageVersion, Subject: "openssl", Have: "3.0.11-1~deb12u2", Want: ">= 3.0.13-1~deb12u1", Since: t1}}
}

func sampleCapacity() []capacity.Summary {
	trend, days, flat := 0.8, 12.5, 0.0
	return []capacity.Summary{
		{AssetID: "a-9", Hostname: "web1", Metric: capacity.StorageUsedPct, Instance: "/var", Unit: capacity.UnitPercent, Samples: 30,
			First: t1.Add(-29 * 24 * time.Hour), Last: t1, Latest: 90, Min: 66.8, Avg: 100.0 / 3 * 2.35, Max: 90, TrendPerDay: &trend,
			DaysToFull: &days, FullAt: t1.Add(300 * time.Hour), Flag: capacity.FlagWarn},
		{AssetID: "a-9", Hostname: "web1", Metric: capacity.CPULoadPct, Unit: capacity.UnitPercent, Samples: 30,
			First: t1.Add(-29 * 24 * time.Hour), Last: t1, Latest: 0, Min: 0, Avg: 0, Max: 0, TrendPerDay: &flat},
		{AssetID: "a-1", Hostname: "=cmd|' /C calc'!A0", Metric: capacity.IfInBps, Instance: "10101", InstanceName: "-Gi0/1",
			Unit: capacity.UnitBps, Samples: 1, First: t1, Last: t1, Latest: 1.5e9, Min: 1.5e9, Avg: 1.5e9, Max: 1.5e9, Dropped: 2},
	}
}

func writeText[T any](t *testing.T, w Writer[T], rows []T) []byte {
	t.Helper()
	for i := range rows {
		if err := w.Write(&rows[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return nil
}

func goldenKind[T any](t *testing.T, kind string, s Sheet[T], rows []T) {
	for _, f := range []string{"csv", "json", "jsonl"} {
		t.Run(kind+"."+f, func(t *testing.T) {
			var buf bytes.Buffer
			var w Writer[T]
			switch f {
			case "csv":
				w = NewCSV(&buf, s.Rows())
			case "json":
				w = NewJSON[T](&buf)
			case "jsonl":
				w = NewJSONL[T](&buf)
			}
			writeText(t, w, rows)
			golden(t, "export-"+kind+"."+f, buf.Bytes())
		})
	}
}

func TestExportGolden(t *testing.T) {
	goldenKind(t, "assets", AssetSheet(), sampleAssets())
	goldenKind(t, "software", SoftwareSheet(), sampleSoftware())
	goldenKind(t, "events", EventSheet(), sampleEvents())
	goldenKind(t, "drift", DriftSheet(), sampleFindings())
	goldenKind(t, "capacity", CapacitySheet(), sampleCapacity())
	t.Run("netbox", func(t *testing.T) {
		var buf bytes.Buffer
		writeText(t, NewNetBoxCSV(&buf, DefaultNetBox()), sampleAssets())
		golden(t, "export-assets.netbox.csv", buf.Bytes())
	})
	t.Run("xlsx", func(t *testing.T) {
		golden(t, "export.xlsx.txt", dumpXLSX(t, workbook(t)))
	})
}

func workbook(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	x, err := NewXLSX(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range []error{
		WriteSheet(x, AssetSheet(), sampleAssets()),
		WriteSheet(x, SoftwareSheet(), sampleSoftware()),
		WriteSheet(x, EventSheet(), sampleEvents()),
		WriteSheet(x, DriftSheet(), sampleFindings()),
		WriteSheet(x, CapacitySheet(), sampleCapacity()),
		x.Close(),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

var cellTypes = map[excelize.CellType]string{
	excelize.CellTypeUnset: "unset", excelize.CellTypeBool: "bool", excelize.CellTypeDate: "date",
	excelize.CellTypeError: "error", excelize.CellTypeFormula: "formula", excelize.CellTypeInlineString: "inline",
	excelize.CellTypeNumber: "number", excelize.CellTypeSharedString: "string",
}

// dumpXLSX reads a workbook back with excelize and prints, per sheet, the
// frozen pane, the tables (autofilter ranges) and every non-empty cell
// as ref, type, number format and raw value.
func dumpXLSX(t *testing.T, data []byte) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out strings.Builder
	for _, sh := range f.GetSheetList() {
		panes, err := f.GetPanes(sh)
		if err != nil {
			t.Fatal(err)
		}
		tables, err := f.GetTables(sh)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&out, "sheet %s frozen=%v ysplit=%d topleft=%s\n", sh, panes.Freeze, panes.YSplit, panes.TopLeftCell)
		for _, tb := range tables {
			fmt.Fprintf(&out, "  table %s range=%s\n", tb.Name, tb.Range)
		}
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if v == "" {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				typ, err := f.GetCellType(sh, ref)
				if err != nil {
					t.Fatal(err)
				}
				style, _ := f.GetCellStyle(sh, ref)
				numFmt := ""
				if st, err := f.GetStyle(style); err == nil && st.CustomNumFmt != nil {
					numFmt = *st.CustomNumFmt
				}
				formula, _ := f.GetCellFormula(sh, ref)
				fmt.Fprintf(&out, "  %s %s %q fmt=%q formula=%q\n", ref, cellTypes[typ], v, numFmt, formula)
			}
		}
	}
	return []byte(out.String())
}

func TestXLSXTypedCells(t *testing.T) {
	f, err := excelize.OpenReader(bytes.NewReader(workbook(t)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); strings.Join(got, ",") != "assets,software,events,drift,capacity" {
		t.Fatalf("sheets: %v", got)
	}
	col := func(sheet, key string) string {
		rows, _ := f.GetRows(sheet)
		for i, h := range rows[0] {
			if h == key {
				n, _ := excelize.ColumnNumberToName(i + 1)
				return n
			}
		}
		t.Fatalf("%s: no column %s", sheet, key)
		return ""
	}
	// Dates are numbers (Excel serials) with a date format; numbers are
	// numbers; text that looks like a formula stays text.
	first := col("assets", "first_seen") + "2"
	v, _ := f.GetCellValue("assets", first, excelize.Options{RawCellValue: true})
	if v != "46349.375" {
		t.Errorf("first_seen raw = %q, want Excel serial of 2026-11-23 09:00", v)
	}
	if s, _ := f.GetCellValue("assets", first); s != "2026-11-23 09:00:00" {
		t.Errorf("first_seen formatted = %q", s)
	}
	if typ, _ := f.GetCellType("assets", col("assets", "sys_uptime_s")+"2"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("sys_uptime_s type %v", typ)
	}
	if v, _ := f.GetCellValue("assets", col("assets", "sys_uptime_s")+"2"); v != "864000" {
		t.Errorf("sys_uptime_s = %q", v)
	}
	if typ, _ := f.GetCellType("assets", col("assets", "approved")+"2"); typ != excelize.CellTypeBool {
		t.Errorf("approved type %v", cellTypes[typ])
	}
	// The location: the VLAN a number, the time the table was read a date.
	if v, _ := f.GetCellValue("assets", col("assets", "location_vlan")+"2", excelize.Options{RawCellValue: true}); v != "10" {
		t.Errorf("location_vlan = %q", v)
	}
	if typ, _ := f.GetCellType("assets", col("assets", "location_vlan")+"2"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("location_vlan type %v", cellTypes[typ])
	}
	if s, _ := f.GetCellValue("assets", col("assets", "location_seen")+"2"); s != "2026-11-23 09:00:00" {
		t.Errorf("location_seen formatted = %q", s)
	}
	for ref, want := range map[string]string{"location_switch": "acc-sw-1", "location_port": "Gi1/0/5", "location_switch_id": "a-7"} {
		if v, _ := f.GetCellValue("assets", col("assets", ref)+"2"); v != want {
			t.Errorf("%s = %q, want %q", ref, v, want)
		}
	}
	if v, _ := f.GetCellValue("assets", col("assets", "location_switch")+"4"); v != "198.51.100.3" {
		t.Errorf("location_switch of a switch known by address = %q", v)
	}
	hostile := col("assets", "hostname") + "4"
	if fm, _ := f.GetCellFormula("assets", hostile); fm != "" {
		t.Errorf("hostname became formula %q", fm)
	}
	if v, _ := f.GetCellValue("assets", hostile); v != "=HYPERLINK(\"http://evil.example\")" {
		t.Errorf("hostname = %q", v)
	}
	if v, _ := f.GetCellValue("assets", col("assets", "sys_descr")+"4"); strings.ContainsAny(v, "\x1b\x07") {
		t.Errorf("control characters reached the sheet: %q", v)
	}
	// Capacity: numbers are numbers, a missing forecast an empty cell.
	for ref, want := range map[string]string{
		col("capacity", "latest") + "2": "90", col("capacity", "days_to_full") + "2": "12.5",
		col("capacity", "samples") + "2": "30", col("capacity", "trend_per_day") + "3": "0",
	} {
		if typ, _ := f.GetCellType("capacity", ref); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
			t.Errorf("capacity %s type %v", ref, cellTypes[typ])
		}
		if v, _ := f.GetCellValue("capacity", ref, excelize.Options{RawCellValue: true}); v != want {
			t.Errorf("capacity %s = %q, want %q", ref, v, want)
		}
	}
	if v, _ := f.GetCellValue("capacity", col("capacity", "days_to_full")+"3"); v != "" {
		t.Errorf("flat series has days_to_full %q", v)
	}
	if fm, _ := f.GetCellFormula("capacity", col("capacity", "hostname")+"4"); fm != "" {
		t.Errorf("capacity hostname became formula %q", fm)
	}
}

func TestXLSXErrors(t *testing.T) {
	var buf bytes.Buffer
	x, _ := NewXLSX(&buf)
	if err := x.Row([]any{"a"}); err == nil {
		t.Error("Row before Begin")
	}
	if err := x.Close(); err == nil {
		t.Error("Close of an empty workbook")
	}
	x, _ = NewXLSX(&buf)
	x.Begin("k", []string{"a"})
	if err := x.Row([]any{struct{}{}}); err == nil {
		t.Error("unsupported cell type accepted")
	}
}

func TestNetBox(t *testing.T) {
	var buf bytes.Buffer
	d := NetBoxDefaults{Site: "hq", Role: "unknown-role", Manufacturer: "Generic", DeviceType: "Generic device"}
	writeText(t, NewNetBoxCSV(&buf, d), sampleAssets())
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"name", "role", "manufacturer", "device_type", "serial", "site", "status"},
		{"core-sw1", "access-switch", "Cisco", "WS-C2960X-48TS-L", "FOC1234X0AB", "dc-east", "active"},
		{"fw-edge", "unknown-role", "ICANN, IANA Department", "Generic device", "", "hq", "offline"},
		{"'=HYPERLINK(\"http://evil.example\")", "unknown-role", "'-2+3", "'+cmd|' /C calc'!A0", "'@SUM(1+1)", "hq", "decommissioning"},
	}
	if fmt.Sprint(rows) != fmt.Sprint(want) {
		t.Errorf("netbox rows:\n%q\nwant:\n%q", rows, want)
	}
}

func TestSheetName(t *testing.T) {
	if got := sheetName("a/b:c*d?e[f]g\\h-very-long-name-beyond-31-chars"); got != "a_b_c_d_e_f_g_h-very-long-name-" {
		t.Errorf("%q", got)
	}
}

// TestExportFromStore: Export reads each kind from a store and writes it
// in the format asked; WriteFile leaves nothing behind on failure.
func TestExportFromStore(t *testing.T) {
	ctx := t.Context()
	db, as := storeOf(t, sampleAssets())
	recs, err := AssetRecords(ctx, db)
	if err != nil || len(recs) != len(as) {
		t.Fatalf("AssetRecords: %d, %v", len(recs), err)
	}
	var b bytes.Buffer
	if err := WriteAssets(ctx, db, store.AssetFilter{IDs: []string{"a-1"}}, NewJSONL[record.Asset](&b)); err != nil || strings.Count(b.String(), "\n") != 1 || !strings.Contains(b.String(), `"asset_id":"a-1"`) {
		t.Errorf("WriteAssets of one: %v\n%s", err, b.String())
	}
	if err := WriteAssets(ctx, db, store.AssetFilter{}, NewCSV(failingWriter{}, AssetSheet().Rows())); err == nil || !strings.HasPrefix(err.Error(), "write output: ") {
		t.Errorf("a failing output: %v", err)
	}
	b.Reset()
	if err := Export(ctx, db, &b, ExportOptions{Format: "jsonl", Kinds: []string{KindAssets}}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), "\n"); n != len(as) || !strings.Contains(b.String(), `"hostname":"core-sw1"`) {
		t.Errorf("jsonl assets: %d lines\n%s", n, b.String())
	}
	b.Reset()
	if err := Export(ctx, db, &b, ExportOptions{Format: "netbox", Kinds: []string{KindAssets}, NetBox: DefaultNetBox()}); err != nil || !strings.Contains(b.String(), "core-sw1") {
		t.Errorf("netbox: %v\n%s", err, b.String())
	}
	b.Reset()
	if err := Export(ctx, db, &b, ExportOptions{Format: "xlsx", Kinds: []string{KindAssets, KindSoftware, KindEvents, KindDrift, KindCapacity}}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(f.GetSheetList(), " "); got != "assets software events drift capacity" {
		t.Errorf("sheets %q", got)
	}
	if err := Export(ctx, db, &b, ExportOptions{Format: "csv", Kinds: []string{"nope"}}); !errors.Is(err, ErrKind) {
		t.Errorf("unknown kind: %v", err)
	}

	dir := t.TempDir()
	out := filepath.Join(dir, "assets.csv")
	o := ExportOptions{Format: "csv", Kinds: []string{KindAssets}}
	var stdout bytes.Buffer
	if err := ExportTo(ctx, db, out, &stdout, o); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(out); err != nil || st.Mode().Perm() != 0o640 || stdout.Len() != 0 {
		t.Errorf("export file: %v %v; %d bytes on stdout", st, err, stdout.Len())
	}
	if err := ExportTo(ctx, db, "", &stdout, o); err != nil || !strings.HasPrefix(stdout.String(), "asset_id,") {
		t.Errorf("to stdout: %v\n%.80s", err, stdout.String())
	}
	if got, err := os.ReadFile(out); err != nil || string(got) != stdout.String() {
		t.Errorf("the file and stdout differ: %v", err)
	}
	bad := filepath.Join(dir, "bad.csv")
	if err := WriteFile(bad, func(w io.Writer) error { return errors.New("boom") }); err == nil {
		t.Error("a failing write succeeded")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("a failed export left files: %v", ents)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestParseKinds(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want string
		err  string
	}{
		{in: nil, want: ""},
		{in: []string{"assets"}, want: "assets"},
		{in: []string{"events, assets", "assets,drift", ""}, want: "events assets drift"},
		{in: []string{"assets,nope"}, err: `what "nope": want one of assets, software, events, drift, capacity`},
	} {
		got, err := ParseKinds(tc.in)
		if tc.err != "" {
			if err == nil || err.Error() != tc.err {
				t.Errorf("%q: %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || strings.Join(got, " ") != tc.want {
			t.Errorf("%q: %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

// What each format holds: netbox assets only, xlsx several kinds, the
// others one; Export refuses the rest before writing anything.
func TestExportOptionsCheck(t *testing.T) {
	for _, tc := range []struct {
		o    ExportOptions
		want string // "" accepted; else the error's start
	}{
		{ExportOptions{Format: "csv", Kinds: []string{KindSoftware}}, ""},
		{ExportOptions{Format: "xlsx", Kinds: []string{KindAssets, KindDrift}}, ""},
		{ExportOptions{Format: "netbox", Kinds: []string{KindAssets}}, ""},
		{ExportOptions{Format: "xml", Kinds: []string{KindAssets}}, `format "xml": want one of csv, json, jsonl, xlsx, netbox`},
		{ExportOptions{Format: "csv"}, "what: name what to export"},
		{ExportOptions{Format: "netbox", Kinds: []string{KindSoftware}}, "format netbox exports assets only (NetBox has no place for software)"},
		{ExportOptions{Format: "jsonl", Kinds: []string{KindAssets, KindEvents}}, "format jsonl holds one kind"},
	} {
		err := tc.o.Check()
		if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tc.want)) {
			t.Errorf("%s %v: %v, want %q", tc.o.Format, tc.o.Kinds, err, tc.want)
		}
		if tc.want == "" {
			continue
		}
		var b bytes.Buffer
		if err := Export(t.Context(), nil, &b, tc.o); err == nil || b.Len() != 0 {
			t.Errorf("Export %s %v: %v, wrote %d bytes; want refused, nothing written", tc.o.Format, tc.o.Kinds, err, b.Len())
		}
	}
}

// storeOf is a migrated SQLite store holding rs as assets (changed at t1),
// closed when the test ends.
func storeOf(t *testing.T, rs []record.Asset) (*sqlite.DB, []store.Asset) {
	t.Helper()
	ctx := t.Context()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "cmdb.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	var as []store.Asset
	for _, r := range rs {
		as = append(as, store.Asset{Record: r, StateSince: t1})
	}
	if err := db.PutAssets(ctx, as); err != nil {
		t.Fatal(err)
	}
	return db, as
}

// A stored asset keeps its software list apart and says its length
// (SoftwareCount): software_count is that length, in CSV and sheets
// alike; a sweep's record, the list's length. Before, a stored asset's
// software_count was always empty.
func TestSoftwareCountColumn(t *testing.T) {
	stored := record.Asset{AssetID: "a-1", SoftwareCount: 812}
	swept := record.Asset{Software: []record.Software{{Name: "bash"}, {Name: "curl"}}}
	var get func(*record.Asset) string
	for _, c := range AssetColumns() {
		if c.Key == "software_count" {
			get = c.Get
		}
	}
	var sheet func(*record.Asset) any
	for _, c := range AssetSheet().Columns {
		if c.Key == "software_count" {
			sheet = c.Get
		}
	}
	if get == nil || sheet == nil {
		t.Fatal("no software_count column")
	}
	if got := get(&stored); got != "812" {
		t.Errorf("stored asset: CSV software_count %q, want 812", got)
	}
	if got := sheet(&stored); got != int64(812) {
		t.Errorf("stored asset: sheet software_count %v, want 812", got)
	}
	if got := get(&swept); got != "2" {
		t.Errorf("swept record: software_count %q, want 2", got)
	}
}
