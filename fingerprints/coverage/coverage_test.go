package coverage

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/netcensus/netcensus/fingerprints"
	"github.com/netcensus/netcensus/internal/testenv"
)

// walksDir is the repository's five recorded walks (testdata/snmpsim-data,
// BSD-2, see testdata/README.md).
const walksDir = "../../testdata/snmpsim-data"

func write(t *testing.T, name, s string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadExpect(t *testing.T) {
	yml := write(t, "e.yaml", `UPS/apc-7902b.snmprec.bz2:
  vendor: APC
  model: AP7902B
network/firewall/paloalto-pa-5000:
  serial: "0009C100761"
  os_version: 8.0.1
`)
	csvf := write(t, "e.csv", "walk,vendor,model,serial,os_version\n"+
		"# a comment\n"+
		"UPS/apc-7902b,APC,AP7902B,,\n"+
		"network/firewall/paloalto-pa-5000.snmprec.bz2,,,0009C100761,8.0.1\n")
	for _, p := range []string{yml, csvf} {
		m, err := LoadExpect(p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		want := map[string]Expect{
			"UPS/apc-7902b":                     {Vendor: "APC", Model: "AP7902B"},
			"network/firewall/paloalto-pa-5000": {Serial: "0009C100761", OSVersion: "8.0.1"},
		}
		if len(m) != len(want) {
			t.Errorf("%s: %v", p, m)
		}
		for k, v := range want {
			if m[k] != v {
				t.Errorf("%s: %s = %+v, want %+v", p, k, m[k], v)
			}
		}
	}
	for name, tc := range map[string]struct{ file, src, want string }{
		"yaml unknown key": {"e.yaml", "a:\n  vendor: X\n  modle: Y\n", "line 3"},
		"yaml duplicate":   {"e.yaml", "a.snmprec:\n  vendor: X\na:\n  vendor: Y\n", "twice"},
		"yaml empty":       {"e.yaml", "\n", "empty"},
		"csv unknown col":  {"e.csv", "walk,vendor,colour\na,b,c\n", `column "colour"`},
		"csv no walk":      {"e.csv", "vendor,model\na,b\n", "no walk column"},
		"csv duplicate":    {"e.csv", "walk,vendor\na,X\na.snmprec.bz2,Y\n", "line 3"},
		"csv ragged":       {"e.csv", "walk,vendor\na,X,Z\n", "line 2"},
		"other extension":  {"e.txt", "a", ".csv"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := LoadExpect(write(t, tc.file, tc.src))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one with %q", err, tc.want)
			}
		})
	}
}

func TestRunAndSummarize(t *testing.T) {
	eng, err := fingerprints.New()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	// The repository's walks, plus an unreadable one and a file that is
	// not a walk.
	if err := os.CopyFS(dir, os.DirFS(walksDir)); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "broken.snmprec.bz2"), []byte("not bzip2"), 0o600)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("x"), 0o600)
	walks, bad, err := Run(context.Background(), eng, dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(walks) != 5 || len(bad) != 1 || !strings.HasSuffix(bad[0].File, "broken.snmprec.bz2") {
		t.Fatalf("%d walks, unreadable %v", len(walks), bad)
	}
	expect := map[string]Expect{
		// The model as a user may write it, with the maker's name the
		// registry leaves to the vendor field (the model joined to the
		// hardware revision, as the definition apc reads it).
		"UPS/apc-7902b":                     {Vendor: "American Power Conversion", Model: "APC AP7902B B2", Serial: "WRONG-SERIAL"},
		"network/firewall/paloalto-pa-5000": {OSVersion: "v8.0.1", Model: "pa-5050"},
		"os/linux/unknown-003":              {Vendor: "Dell", Model: "PowerEdge R640"},
		"gone/away":                         {Model: "X"},
	}
	rep, err := Summarize(walks, bad, expect)
	if err != nil {
		t.Fatal(err)
	}
	cov := map[string]Coverage{}
	for _, c := range rep.Coverage {
		cov[c.Field] = c
	}
	if c := cov["serial"]; c.Found != 3 || c.Walks != 5 || len(c.Lacking) != 2 {
		t.Errorf("serial coverage %+v", c)
	}
	if c := cov["model"]; c.Found != 5 || len(c.Lacking) != 0 {
		t.Errorf("model coverage %+v", c)
	}
	if l := cov["vendor"].Lacking; len(l) != 2 || l[0].Number != 311 || l[0].Name != "Microsoft" || l[1].Number != 8072 || l[1].Walks[0] != "os/linux/unknown-003" {
		t.Errorf("vendor lacking %+v", l)
	}
	acc := map[string]Accuracy{}
	for _, a := range rep.Accuracy {
		acc[a.Field] = a
	}
	// APC is American Power Conversion's normalized name; pa-5050 and
	// v8.0.1 are the found values but for case and a leading v.
	for f, want := range map[string]Accuracy{
		"vendor":     {Field: "vendor", Expected: 2, Right: 1, Missing: 1},
		"model":      {Field: "model", Expected: 3, Right: 2, Wrong: 1},
		"serial":     {Field: "serial", Expected: 1, Wrong: 1},
		"os_version": {Field: "os_version", Expected: 1, Right: 1},
	} {
		if acc[f] != want {
			t.Errorf("%s accuracy %+v, want %+v", f, acc[f], want)
		}
	}
	if len(rep.Misses) != 3 {
		t.Fatalf("misses %+v", rep.Misses)
	}
	if m := rep.Misses[0]; m.Walk != "UPS/apc-7902b" || m.Field != "serial" || m.Got != "5A1551F39430" || m.Evidence == nil || !strings.Contains(m.Evidence.Rule, "apc-rpdu2") {
		t.Errorf("wrong-serial miss %+v", m)
	}
	if m := rep.Misses[1]; m.Walk != "os/linux/unknown-003" || m.Field != "vendor" || m.Got != "" || !strings.Contains(m.Exposes, "sysObjectID=1.3.6.1.4.1.8072.3.2.10") {
		t.Errorf("missing-vendor miss %+v", m)
	}
	if len(rep.NotFound) != 1 || rep.NotFound[0] != "gone/away" {
		t.Errorf("not found %v", rep.NotFound)
	}
}

func TestRunCancelled(t *testing.T) {
	eng, err := fingerprints.New()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := Run(ctx, eng, walksDir); err == nil {
		t.Error("a cancelled run returned no error")
	}
}

func TestSame(t *testing.T) {
	for _, tc := range []struct {
		field, want, got string
		same             bool
	}{
		{"model", "WS-C2960X-48FPD-L", "ws-c2960x-48fpd-l", true},
		{"model", "Catalyst  6509", "Catalyst 6509", true},
		{"model", "Catalyst 6509", "cat6509", false},
		{"os_version", "V200R007C00", "v200r007c00", true},
		{"os_version", "v8.0.1", "8.0.1", true},
		{"os_version", "8.0.1", "8.0.10", false},
		{"vendor", "Cisco Systems, Inc.", "Cisco", true},
		{"serial", "FOC123", "FOC124", false},
	} {
		if got := Same(tc.field, tc.want, tc.got); got != tc.same {
			t.Errorf("Same(%s, %q, %q) = %v", tc.field, tc.want, tc.got, got)
		}
	}
}

func TestSameModel(t *testing.T) {
	for _, tc := range []struct {
		want, got, found, expected string
		same                       bool
	}{
		{"HP LaserJet Pro M404dn", "LaserJet Pro M404dn", "HP", "", true},
		{"Hewlett-Packard LaserJet 4250", "LaserJet 4250", "", "Hewlett-Packard", true},
		{"LANCOM 1781VA", "1781VA", "LANCOM", "LANCOM", true},
		// Only the maker's name is left aside, not a product line's.
		{"Catalyst 6509", "6509", "Cisco", "Cisco", false},
		{"HP LaserJet Pro M404dn", "LaserJet Pro M404dn", "", "", false},
		{"HP LaserJet Pro M404dn", "LaserJet Pro M402dn", "HP", "HP", false},
	} {
		if got := sameModel(tc.want, tc.got, tc.found, tc.expected); got != tc.same {
			t.Errorf("sameModel(%q, %q, %q, %q) = %v", tc.want, tc.got, tc.found, tc.expected, got)
		}
	}
}

func TestMain(m *testing.M) { testenv.Main(m) }

// TestCorpusCoverage: every walk of the corpus is read, and the field
// coverage is what the engine gives walk by walk.
func TestCorpusCoverage(t *testing.T) {
	dir := testenv.Corpus(t, "snmpsim-data")
	eng, err := fingerprints.New()
	if err != nil {
		t.Fatal(err)
	}
	walks, bad, err := Run(context.Background(), eng, dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(bad) > 0 || len(walks) < 100 {
		t.Fatalf("%d walks read, unreadable: %v", len(walks), bad)
	}
	rep, err := Summarize(walks, bad, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range rep.Coverage {
		n := 0
		for _, e := range c.Lacking {
			n += len(e.Walks)
		}
		if c.Found+n != len(walks) {
			t.Errorf("%s: %d found + %d lacking != %d walks", c.Field, c.Found, n, len(walks))
		}
		t.Logf("%-11s %d/%d", c.Field, c.Found, c.Walks)
	}
}

// TestReadInput: one walk file's input is what Run gives for it; its
// unreadable lines are counted, and a file that does not parse is an
// error.
func TestReadInput(t *testing.T) {
	eng, err := fingerprints.New()
	if err != nil {
		t.Fatal(err)
	}
	walks, _, err := Run(context.Background(), eng, walksDir)
	if err != nil || len(walks) == 0 {
		t.Fatalf("%d walks, %v", len(walks), err)
	}
	for _, w := range walks {
		in, skipped, err := ReadInput(w.File, eng.VendorOIDs())
		if err != nil || !reflect.DeepEqual(in, w.Input) || skipped != w.Skipped {
			t.Errorf("%s: %v, skipped %d; want Run's input, skipped %d", w.File, err, skipped, w.Skipped)
		}
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.snmprec")
	os.WriteFile(bad, []byte("1.3.6.1.2.1.1.1.0|4|Acme WX-9\nnot a line\n1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.99999.3\n"), 0o600)
	in, skipped, err := ReadInput(bad, eng.VendorOIDs())
	if err != nil || skipped != 1 || in.SysDescr != "Acme WX-9" || in.SysObjectID != "1.3.6.1.4.1.99999.3" {
		t.Errorf("a walk with one bad line: %+v, skipped %d, %v", in, skipped, err)
	}
	broken := filepath.Join(dir, "broken.snmprec.bz2")
	os.WriteFile(broken, []byte("not bzip2"), 0o600)
	if _, _, err := ReadInput(broken, eng.VendorOIDs()); err == nil {
		t.Error("a file that is not bzip2 was read")
	}
}
