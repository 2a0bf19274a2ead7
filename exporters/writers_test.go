package exporters

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mattn/go-runewidth"

	"github.com/netcensus/netcensus/record"
)

var update = flag.Bool("update", false, "rewrite golden files")

func mustMAC(s string) record.MAC {
	m, err := record.ParseMAC(s)
	if err != nil {
		panic(err)
	}
	return m
}

// sample covers what sweeps print: plain hosts, anomalies, a locally
// administered MAC, and hostile device strings.
func sample() []record.Asset {
	t0 := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	return []record.Asset{
		{
			IP: netip.MustParseAddr("198.51.100.11"), MAC: mustMAC("00:1b:54:00:00:11"), MACVendor: "Cisco Systems, Inc",
			Sources: []record.Source{record.SourceARP}, FirstSeen: t0, LastSeen: t0,
			Location: &record.Location{Switch: record.SwitchRef{AssetID: "a-7", Name: "acc-sw-1", IP: netip.MustParseAddr("198.51.100.2")},
				Port: "Gi1/0/5", IfIndex: 10105, VLAN: 10, Seen: t0},
		},
		{
			IP: netip.MustParseAddr("198.51.100.12"), MAC: mustMAC("00:00:5e:00:01:01"),
			MACs:      []record.MAC{mustMAC("00:00:5e:00:01:01"), mustMAC("00:05:85:00:00:12")},
			MACVendor: "ICANN, IANA Department", Sources: []record.Source{record.SourceARP}, FirstSeen: t0, LastSeen: t0,
			Anomalies: []record.Anomaly{
				{Kind: record.AnomalyIPConflict, Detail: "198.51.100.12 answered by 2 MACs"},
				{Kind: record.AnomalyVirtualMAC, Detail: "vrrp"},
			},
		},
		{
			IP: netip.MustParseAddr("198.51.100.13"), MAC: mustMAC("da:a1:19:00:00:13"), MACVendor: "locally administered",
			Hostname: "=HYPERLINK(\"http://evil.example\")", SysDescr: "evil\x1b[2J\x1b]0;pwned\x07 box\r\nline2",
			Model: "+cmd|' /C calc'!A0", Serial: "@SUM(1+1)", Vendor: "-2+3", OS: "\tTabbed",
			Sources: []record.Source{record.SourceARP}, FirstSeen: t0, LastSeen: t0.Add(time.Minute),
			// A switch known by address alone, its port name the device's.
			Location: &record.Location{Switch: record.SwitchRef{IP: netip.MustParseAddr("198.51.100.3")}, Port: "=1+2\x1b[2J"},
		},
	}
}

func render(t *testing.T, format string, recs []record.Asset) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewAssetWriter(format, &buf)
	if err != nil {
		t.Fatal(err)
	}
	for i := range recs {
		if err := w.Write(&recs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden:\n got:\n%s\nwant:\n%s", name, got, want)
	}
}

func TestGolden(t *testing.T) {
	for _, f := range []string{"table", "json", "jsonl", "csv"} {
		t.Run(f, func(t *testing.T) {
			golden(t, "assets."+f, render(t, f, sample()))
		})
	}
}

func TestJSONShapes(t *testing.T) {
	var arr []map[string]any
	if err := json.Unmarshal(render(t, "json", sample()), &arr); err != nil {
		t.Fatalf("json is not an array: %v", err)
	}
	if len(arr) != 3 {
		t.Fatalf("%d records", len(arr))
	}
	if _, ok := arr[0]["hostname"]; ok {
		t.Error("unknown key not omitted")
	}
	if arr[0]["first_seen"] != "2026-11-23T09:00:00Z" {
		t.Errorf("first_seen = %v, want RFC 3339 UTC", arr[0]["first_seen"])
	}
	lines := strings.Split(strings.TrimSpace(string(render(t, "jsonl", sample()))), "\n")
	if len(lines) != 3 {
		t.Fatalf("jsonl: %d lines", len(lines))
	}
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("jsonl line %q: %v", l, err)
		}
	}
	if got := string(render(t, "json", nil)); got != "[]\n" {
		t.Errorf("empty json = %q", got)
	}
}

// Records handed over already encoded (WriteJSON) come out exactly as
// records written one by one (the assets by record.AppendJSON).
func TestRawJSON(t *testing.T) {
	for _, f := range []string{"json", "jsonl"} {
		for _, recs := range [][]record.Asset{nil, sample()[:1], sample()} {
			var buf bytes.Buffer
			w, err := NewAssetWriter(f, &buf)
			if err != nil {
				t.Fatal(err)
			}
			for i := range recs {
				b, err := json.Marshal(&recs[i])
				if err != nil {
					t.Fatal(err)
				}
				if err := w.(RawJSONWriter).WriteJSON(b); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if want := render(t, f, recs); !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s, %d records: %q, want %q", f, len(recs), buf.Bytes(), want)
			}
		}
	}
}

func TestCSVFormulaInjection(t *testing.T) {
	rows, err := csv.NewReader(bytes.NewReader(render(t, "csv", sample()))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows[1:] {
		for _, c := range r {
			if c != "" && strings.ContainsAny(c[:1], "=+-@\t\r") {
				t.Errorf("cell %q could run as a formula", c)
			}
			if strings.ContainsAny(c, "\x1b\x07\r\n") {
				t.Errorf("cell %q carries control characters", c)
			}
		}
	}
	if len(rows[0]) != len(AssetColumns()) {
		t.Errorf("header has %d columns, want %d", len(rows[0]), len(AssetColumns()))
	}
}

func TestTableStripsControl(t *testing.T) {
	out := string(render(t, "table", sample()))
	if strings.ContainsAny(out, "\x1b\x07\r") {
		t.Fatalf("table carries terminal control characters: %q", out)
	}
}

func TestCSVCell(t *testing.T) {
	for in, want := range map[string]string{
		"":      "",
		"plain": "plain",
		"=1+1":  "'=1+1",
		// Plain numbers run as nothing: quoting them would make text of
		// them (a negative capacity slope, a temperature).
		"+1":          "+1",
		"-1":          "-1",
		"-2.5":        "-2.5",
		"-1.5e-3":     "-1.5e-3",
		"-2+3":        "'-2+3",
		"-0x10":       "'-0x10",
		"-Inf":        "'-Inf",
		"-NaN":        "'-NaN",
		"-1,5":        "'-1,5",
		"- 1":         "'- 1",
		"@x":          "'@x",
		"\tx":         "' x",
		"\rx":         "' x",
		"a\x1b[31mb":  "a[31mb",
		"bad\xffutf8": "bad\uFFFDutf8",
	} {
		if got := CSVCell(in); got != want {
			t.Errorf("CSVCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := NewAssetWriter("xml", &bytes.Buffer{}); !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), "xml") {
		t.Fatalf("err = %v", err)
	}
}

// Tables align by display width: East Asian wide characters and emoji
// (mDNS names have both) take two columns; NewTableCut cuts long cells.
func TestTableDisplayWidth(t *testing.T) {
	type row struct{ name, kind string }
	rows := Rows[row]{
		Header: func() []string { return []string{"name", "kind"} },
		Row:    func(r *row) []string { return []string{r.name, r.kind} },
	}
	data := []row{{"東京プリンタ", "printer"}, {"🖨 lab", "printer"}, {"plain-host", "server"}, {"Café ☕", "cafe"}}
	for _, tc := range []struct {
		name string
		max  int
	}{{"whole", 0}, {"cut", 8}} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			w := NewTableCut(&b, rows, tc.max)
			for i := range data {
				if err := w.Write(&data[i]); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
			col := -1
			for _, l := range lines {
				i := strings.LastIndex(l, "  ")
				if i < 0 {
					t.Fatalf("line %q has one column", l)
				}
				at := runewidth.StringWidth(l[:i+2])
				if col >= 0 && at != col {
					t.Errorf("second column at display column %d, want %d:\n%s", at, col, b.String())
				}
				col = at
				if first := strings.TrimRight(l[:i], " "); tc.max > 0 && runewidth.StringWidth(first) > tc.max {
					t.Errorf("cell %q wider than %d", first, tc.max)
				}
			}
			if tc.max > 0 && !strings.Contains(b.String(), "…") {
				t.Errorf("nothing cut:\n%s", b.String())
			}
		})
	}
}

// A listing's format: the one given, else table on a terminal and jsonl
// piped; an unknown one is ErrFormat, naming it.
func TestPickFormat(t *testing.T) {
	for _, tc := range []struct {
		format   string
		terminal bool
		want     string
	}{
		{"", false, "jsonl"}, {"", true, "table"}, {"csv", true, "csv"}, {"json", false, "json"}, {"table", false, "table"}, {"jsonl", true, "jsonl"},
	} {
		if got, err := PickFormat(tc.format, tc.terminal); got != tc.want || err != nil {
			t.Errorf("PickFormat(%q, terminal %v) = %q, %v; want %q", tc.format, tc.terminal, got, err, tc.want)
		}
	}
	if _, err := PickFormat("xml", true); !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), `"xml"`) {
		t.Errorf("xml: %v", err)
	}
}

// TestAssetListTableColumns: a list of assets as a table holds the list
// columns the records fill, in their order, and no more (before, every
// column: sysDescr, sysContact, sources, first_seen... each row of the
// lab's assets wrapped over 3 lines of a 160-column terminal).
func TestAssetListTableColumns(t *testing.T) {
	recs := sample()
	recs[0].AssetID, recs[0].State, recs[0].DeviceType = "0193aaaa-0000-7000-8000-000000000001", "active", "phone"
	recs[0].SysContact, recs[0].SysLocation = "noc@example.net", "rack 4"
	out := string(render(t, "table", recs))
	header := strings.Fields(strings.SplitN(out, "\n", 2)[0])
	want := []string{"ASSET_ID", "IP", "MAC", "HOSTNAME", "MAC_VENDOR", "VENDOR", "MODEL", "SERIAL", "DEVICE_TYPE", "LOCATION", "STATE", "LAST_SEEN", "ANOMALIES"}
	if !slices.Equal(header, want) {
		t.Errorf("header %v, want %v", header, want)
	}
	for _, k := range assetListKeys {
		if !slices.ContainsFunc(AssetTableColumns(), func(c Column) bool { return c.Key == k }) {
			t.Errorf("list column %q is no asset column", k)
		}
	}
}
