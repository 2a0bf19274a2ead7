package recog

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/netcensus/netcensus/internal/testenv"
	"github.com/netcensus/netcensus/record"
)

// fixtures are trimmed copies of the five Recog files (testdata/README.md).
const fixtures = "../../testdata/recog"

func TestMain(m *testing.M) { testenv.Main(m) }

func loadDB(t testing.TB, dir string) *DB {
	t.Helper()
	db, err := LoadDir(dir)
	if err != nil {
		t.Fatalf("load %s: %v", dir, err)
	}
	return db
}

func fixtureDB(t testing.TB) *DB { return loadDB(t, fixtures) }

// Every <example> in the fixture files produces the params it documents,
// base64-encoded ones included.
func TestExamples(t *testing.T) {
	examples, b64, documented := verifyExamples(t, fixtures)
	if examples < 10 || b64 == 0 || documented < 10 {
		t.Fatalf("examples=%d base64=%d documented params=%d: fixtures not fully read", examples, b64, documented)
	}
}

// Every <example> in the whole corpus, likewise.
func TestCorpusExamples(t *testing.T) {
	examples, b64, documented := verifyExamples(t, testenv.Corpus(t, "recog"))
	if examples < 2000 || b64 == 0 || documented < 1000 {
		t.Fatalf("examples=%d base64=%d documented params=%d: corpus not fully read", examples, b64, documented)
	}
	t.Logf("%d examples (%d base64), %d documented params verified", examples, b64, documented)
}

// verifyExamples checks the examples of the five files in dir and counts
// them, the base64 ones of snmp_sysdescr.xml and the params they document.
func verifyExamples(t *testing.T, dir string) (examples, b64, documented int) {
	t.Helper()
	sets := loadDB(t, dir).Sets()
	if len(sets) != 5 {
		t.Fatalf("loaded %d sets from %s, want 5 files", len(sets), dir)
	}
	for _, s := range sets {
		t.Run(s.Source, func(t *testing.T) {
			for _, err := range s.Verify() {
				t.Error(err)
			}
		})
		for _, fp := range s.Fingerprints {
			examples += len(fp.Examples)
			for _, ex := range fp.Examples {
				documented += len(ex.Want)
			}
		}
	}
	raw, err := os.ReadFile(filepath.Join(dir, "snmp_sysdescr.xml"))
	if err != nil {
		t.Fatal(err)
	}
	return examples, bytes.Count(raw, []byte(`_encoding="base64"`)), documented
}

// The first matching fingerprint wins, as in Recog.
func TestMatch(t *testing.T) {
	db := fixtureDB(t)
	tests := []struct {
		matches, text string
		want          map[string]string
	}{
		{MDNSDeviceInfo, "osxvers=22", map[string]string{"os.version": "13.0", "os.vendor": "Apple"}},
		{MDNSDeviceInfo, "model=AirPort4,107", map[string]string{"hw.product": "AirPort Express", "hw.device": "WAP"}},
		{MDNSWorkstation, "org.freedesktop.Avahi.cookie=1023312927", map[string]string{"service.product": "Avahi"}},
		{DHCPVendorClass, "Mfg=Xerox;Typ=MFP;Mod=VersaLink C405;Ser=ABC123456;Loc=Print Room",
			map[string]string{"hw.family": "VersaLink", "hw.model": "C405", "hw.product": "VersaLink C405", "hw.serial_number": "ABC123456"}},
	}
	for _, tt := range tests {
		m, ok := db.Match(tt.matches, tt.text)
		if !ok {
			t.Errorf("%s %q: no match", tt.matches, tt.text)
			continue
		}
		for k, v := range tt.want {
			if m.Params[k] != v {
				t.Errorf("%s %q: %s = %q, want %q", tt.matches, tt.text, k, m.Params[k], v)
			}
		}
	}
	if _, ok := db.Match(MDNSDeviceInfo, "model=NotAThing"); ok {
		t.Error("matched garbage")
	}
	var nilDB *DB
	if _, ok := nilDB.Match(MDNSDeviceInfo, "osxvers=22"); ok {
		t.Error("nil DB matched")
	}
}

const small = `<?xml version="1.0"?>
<fingerprints matches="test.kind" protocol="x">
  <fingerprint pattern="^Acme (\w+)(?: v(\d+))?$" flags="REG_ICASE">
    <description>Acme
      box</description>
    <example hw.model="Rocket" os.version="7">acme Rocket v7</example>
    <example hw.model="Anvil">ACME Anvil</example>
    <example _encoding="base64" hw.model="Line2">eHgKYWNtZSBMaW5lMgp5eQ==</example>
    <param pos="0" name="hw.vendor" value="Acme"/>
    <param pos="1" name="hw.model"/>
    <param pos="2" name="os.version"/>
    <param pos="0" name="hw.product" value="{hw.vendor} {hw.model}"/>
    <param pos="0" name="os.cpe23" value="cpe:/o:acme:os:{os.version}"/>
  </fingerprint>
  <fingerprint pattern="^a.b$" flags="REG_DOT_NEWLINE">
    <description>dot newline</description>
    <example>a
b</example>
  </fingerprint>
</fingerprints>`

func TestParseSmall(t *testing.T) {
	s, err := Parse(strings.NewReader(small), "small.xml")
	if err != nil {
		t.Fatal(err)
	}
	if errs := s.Verify(); len(errs) != 0 {
		t.Fatal(errs)
	}
	tests := []struct {
		in   string
		want map[string]string
	}{
		{"Acme Rocket v7", map[string]string{"hw.vendor": "Acme", "hw.model": "Rocket", "os.version": "7", "hw.product": "Acme Rocket", "os.cpe23": "cpe:/o:acme:os:7"}},
		// A group that took no part leaves its param unset, and
		// interpolation of it gives "".
		{"acme Anvil", map[string]string{"hw.model": "Anvil", "os.version": "", "os.cpe23": "cpe:/o:acme:os:"}},
		// ^ and $ match at line boundaries, as in Ruby.
		{"junk\nAcme Line3\nmore", map[string]string{"hw.model": "Line3"}},
	}
	for _, tt := range tests {
		m, ok := s.Match(tt.in)
		if !ok {
			t.Fatalf("%q: no match", tt.in)
		}
		if m.Description != "Acme box" || m.Rule() != "recog:small.xml:Acme box" {
			t.Errorf("description %q rule %q", m.Description, m.Rule())
		}
		for k, v := range tt.want {
			if m.Params[k] != v {
				t.Errorf("%q: %s = %q, want %q", tt.in, k, m.Params[k], v)
			}
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := map[string]string{
		"not xml":         "<<<",
		"no matches":      `<fingerprints><fingerprint pattern="a"/></fingerprints>`,
		"bad regexp":      `<fingerprints matches="x"><fingerprint pattern="(a"/></fingerprints>`,
		"pos past groups": `<fingerprints matches="x"><fingerprint pattern="a"><param pos="1" name="n"/></fingerprint></fingerprints>`,
		"bad pos":         `<fingerprints matches="x"><fingerprint pattern="a"><param pos="z" name="n"/></fingerprint></fingerprints>`,
		"bad flag":        `<fingerprints matches="x"><fingerprint pattern="a" flags="REG_NOPE"/></fingerprints>`,
		"bad base64":      `<fingerprints matches="x"><fingerprint pattern="a"><example _encoding="base64">!!!</example></fingerprint></fingerprints>`,
		"bad encoding":    `<fingerprints matches="x"><fingerprint pattern="a"><example _encoding="rot13">a</example></fingerprint></fingerprints>`,
	}
	for name, in := range tests {
		if _, err := Parse(strings.NewReader(in), name); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := LoadDir(t.TempDir()); err == nil {
		t.Error("empty dir: no error")
	}
	if _, err := LoadDir(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("missing dir: no error")
	}
}

func TestVerifyReportsBadExamples(t *testing.T) {
	in := `<fingerprints matches="x"><fingerprint pattern="^v(\d)$"><description>d</description>
<example n="2">v1</example><example>zz</example><param pos="1" name="n"/></fingerprint></fingerprints>`
	s, err := Parse(strings.NewReader(in), "bad.xml")
	if err != nil {
		t.Fatal(err)
	}
	if errs := s.Verify(); len(errs) != 2 {
		t.Fatalf("Verify = %v, want 2 errors", errs)
	}
}

func TestFill(t *testing.T) {
	db := fixtureDB(t)
	m, ok := db.Match(DHCPVendorClass, "Mfg=Xerox;Typ=MFP;Mod=VersaLink C405;Ser=ABC123456;Loc=Print Room")
	if !ok {
		t.Fatal("no match")
	}
	a := record.Asset{Vendor: "Xerox Corporation"}
	got := Fill(&a, m, record.Evidence{Source: record.SourcePassive, TXT: "option60", Value: "Mfg=Xerox"})
	if a.Vendor != "Xerox Corporation" {
		t.Errorf("Fill overwrote vendor: %q", a.Vendor)
	}
	if a.Model != "VersaLink C405" || a.Serial != "ABC123456" || a.DeviceType != "printer" {
		t.Errorf("asset = %+v", a)
	}
	if ev := a.Evidence["model"]; ev.Rule != "recog:dhcp_vendor_class.xml:Xerox Multifunction Printer" || ev.Source != record.SourcePassive {
		t.Errorf("evidence = %+v", ev)
	}
	if _, ok := a.Evidence["vendor"]; ok {
		t.Error("evidence for a field not set")
	}
	if strings.Join(got, ",") != "model,device_type,serial" {
		t.Errorf("fields set = %v", got)
	}
	if DeviceType("WAP") != "access_point" || DeviceType("Media Player") != "media_player" {
		t.Error("DeviceType")
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(small))
	dirs := []string{fixtures}
	if dir, ok := testenv.OptionalCorpus(f, "recog"); ok {
		dirs = append(dirs, dir)
	}
	for _, dir := range dirs {
		b, err := os.ReadFile(filepath.Join(dir, "mdns_workstation_txt.xml"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := Parse(bytes.NewReader(b), "fuzz.xml")
		if err != nil {
			return
		}
		s.Verify()
		s.Match(string(b))
	})
}

func FuzzMatch(f *testing.F) {
	db := fixtureDB(f)
	if dir, ok := testenv.OptionalCorpus(f, "recog"); ok {
		db = loadDB(f, dir)
	}
	f.Add("osxvers=22")
	f.Add("Mfg=Xerox;Typ=MFP;Mod=VersaLink C405;Ser=ABC123456")
	f.Fuzz(func(t *testing.T, s string) {
		for _, set := range db.Sets() {
			set.Match(s)
		}
	})
}

// TestParseLimit (issue 16): a Recog file past the size bound is refused
// with an error that says so (it was cut silently, then failed to decode).
func TestParseLimit(t *testing.T) {
	big := `<fingerprints matches="snmp.sys_description">` + strings.Repeat("<!-- padding past the limit -->\n", maxFileBytes/30) + `</fingerprints>`
	_, err := Parse(strings.NewReader(big), "big.xml")
	if err == nil || !strings.Contains(err.Error(), "recog file is larger than 16 MiB, the limit") {
		t.Errorf("%d bytes: %v", len(big), err)
	}
}
