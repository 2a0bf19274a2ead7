package fingerprints

import (
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/netcensus/netcensus/internal/snmprec"
	"github.com/netcensus/netcensus/snmpwalk"
)

// TestNeeded: the words a regexp's every match contains, on the shapes
// profiles write.
func TestNeeded(t *testing.T) {
	for _, c := range []struct {
		re   string
		need []string
	}{
		{`RouterOS`, []string{"routeros"}},
		{`(?i)procurve`, []string{"procurve"}},
		{`^Cisco IOS Software, .*Version ([0-9.]+)`, []string{"cisco ios software, "}},
		{`\bAPC (?:Web/SNMP Management Card|Switched Rack PDU|Metered Rack PDU|Embedded PowerNet|Environmental Manager|InRow DX|Uniflair SP|InfraStruXure ATS|SNMP Agent)`, []string{"apc "}}, // nine alternatives: past maxNeed, the literal before them
		{`^(?:Juniper|JUNOS)`, []string{"juniper", "junos"}},
		{`Ruckus|ZoneDirector`, []string{"ruckus", "zonedirector"}},
		{`(?:Linux|FreeBSD)?\s+appliance`, []string{"appliance"}}, // an optional part needs nothing
		{`(?:ab)+c{2,}`, []string{"ab"}},
		{`foo|.*`, nil},               // a branch with no word: nothing is needed
		{`^S[0-9]{4,5}`, nil},         // one letter is not worth a search
		{`^$`, nil},                   // matches the empty string
		{`Schneider Électrique`, nil}, // one literal, not ASCII: the byte search does not know its case
		{`x?y?`, nil},
	} {
		p := newPattern(regexp.MustCompile(c.re))
		if !slices.Equal(p.need, c.need) {
			t.Errorf("%q: need %q, want %q", c.re, p.need, c.need)
		}
	}
}

// TestPatternAgreesWithRegexp: on every sysDescr and entity name of the
// fixtures and the recorded walks, and on the values at each oid_match
// OID, every profile's condition decides as its bare regexp does. A
// needed word wrongly derived would drop a device from its profile.
func TestPatternAgreesWithRegexp(t *testing.T) {
	ps, err := builtinProfiles()
	if err != nil {
		t.Fatal(err)
	}
	files := fixtureFiles(t)
	filepath.WalkDir("../testdata/snmpsim-data", func(path string, d fs.DirEntry, err error) error {
		if err == nil && strings.Contains(d.Name(), ".snmprec") {
			files = append(files, path)
		}
		return nil
	})
	descrs := map[string]bool{
		"ROUTEROS on a Kelvin \u212a box": true, // non-ASCII: the regexp decides
		"routeros":                        true,
		"":                                true,
	}
	var walks []*snmpwalk.Walk
	for _, f := range files {
		w, _, err := snmprec.ParseFile(f)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		walks = append(walks, w)
		for _, oid := range []string{OIDSysDescr} {
			if v, ok := w.Get(oid); ok {
				descrs[valueString(v)] = true
			}
		}
		for _, r := range w.Subtree("1.3.6.1.2.1.47.1.1.1.1") {
			descrs[valueString(r.Value)] = true
		}
	}
	checked := 0
	agree := func(p pattern, s, where string) {
		checked++
		if got, want := p.MatchString(s), p.Regexp.MatchString(s); got != want {
			t.Errorf("%s /%s/ on %q: %v, the regexp says %v (need %q)", where, p, s, got, want, p.need)
		}
	}
	for _, pr := range ps {
		for _, m := range append(slices.Clone(pr.match), pr.exclude) {
			for _, l := range [][]pattern{m.sysDescr, m.entityMfg, m.entityModel} {
				for _, p := range l {
					for s := range descrs {
						agree(p, s, pr.id)
					}
					for _, w := range p.need {
						agree(p, "X "+upperASCII(w)+" Y", pr.id)
					}
				}
			}
			for _, om := range m.oidMatch {
				for _, w := range walks {
					for _, r := range w.Subtree(om.oid) {
						agree(om.re, valueString(r.Value), pr.id+" "+om.oid)
					}
				}
			}
		}
	}
	if checked < 100000 {
		t.Fatalf("only %d checks", checked)
	}
}

// FuzzPattern: for any regexp and string, the prefilter never changes
// what the regexp decides.
func FuzzPattern(f *testing.F) {
	for _, s := range [][2]string{
		{`(?i)procurve`, "HP ProCurve J9776A"},
		{`^(?:Juniper|JUNOS)`, "junos"},
		{`(?i)k8s`, "\u212a8S"},
		{`(?i)ss`, "\u017fS"},
		{`\bAPC (?:Web|SNMP)`, "APC Web/SNMP Management Card"},
		{`a(?:bc|bd)+e`, "xabdbce"},
		{`(?:x|y)z{2,3}`, "yzz"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, expr, s string) {
		re, err := regexp.Compile(expr)
		if err != nil {
			return
		}
		p := newPattern(re)
		if got, want := p.MatchString(s), re.MatchString(s); got != want {
			t.Fatalf("/%s/ on %q: %v, the regexp says %v (need %q)", expr, s, got, want, p.need)
		}
	})
}

func upperASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}
