package fingerprints

import (
	"slices"
	"strings"
	"testing"

	"github.com/netcensus/netcensus/snmpwalk"
)

// acmeAlternatives is a family detected on its maker's arc or, on any
// other, by its sysDescr: one profile with two match alternatives.
const acmeAlternatives = `profiles:
  - id: acme-os
    priority: 60
    match:
      - sys_object_id: [1.3.6.1.4.1.99999]
      - sys_descr: ['^Acme OS ']
        priority: 65
        no_fill: [os_version]
    exclude:
      sys_descr: ['Acme OS simulator']
    vendor: Acme
    model:
      - sys_descr: '\((\S+)\)'
    serial:
      - oid: 1.3.6.1.4.1.99999.2.1.0
    os_version:
      - sys_descr: '^Acme OS ([0-9.]+)'
`

// TestMatchAlternatives: a profile whose match is a list admits a device
// that meets any one alternative, scores as the first of those that
// holds (at its own priority, if it has one), and Explain says which.
func TestMatchAlternatives(t *testing.T) {
	e, err := NewWithProfiles(writeProfiles(t, map[string]string{"acme.yaml": acmeAlternatives}))
	if err != nil {
		t.Fatal(err)
	}
	const arc, netsnmp = "1.3.6.1.4.1.99999.1.4", "1.3.6.1.4.1.8072.3.2.10"
	explain := func(oid, descr string) Match {
		t.Helper()
		for _, m := range e.Explain(Input{SysObjectID: oid, SysDescr: descr}) {
			if m.Profile == "acme-os" {
				return m
			}
		}
		t.Fatal("acme-os not explained")
		return Match{}
	}
	// The maker's arc alone (the first alternative).
	r := e.Identify(Input{SysObjectID: arc, SysDescr: "Widget controller (WX-100)"})
	if r.Profile != "acme-os" || r.Vendor != "Acme" || r.Model != "WX-100" {
		t.Errorf("on its arc: %+v", r)
	}
	m := explain(arc, "Widget controller (WX-100)")
	if !m.Matched || m.Score != 60*1000+10*7 || !slices.Contains(m.Reasons, "alternative 1: sysObjectID under 1.3.6.1.4.1.99999") {
		t.Errorf("on its arc: %+v", m)
	}
	// The sysDescr on another maker's arc (the second, at its own
	// priority), where it beats the net-snmp profiles.
	descr := "Acme OS 4.2.1 (WX-200)"
	r = e.Identify(Input{SysObjectID: netsnmp, SysDescr: descr})
	if r.Profile != "acme-os" || r.Model != "WX-200" || r.OSVersion != "4.2.1" {
		t.Errorf("by sysDescr: %+v", r)
	}
	if m := explain(netsnmp, descr); !m.Matched || m.Score != 65*1000+5 || !slices.Contains(m.Reasons, "alternative 2: sysDescr matches /^Acme OS /") || !slices.Contains(m.Reasons, "alternative 2: priority 65") {
		t.Errorf("by sysDescr: %+v", m)
	}
	// Both hold: the first decides, its own arc, as the profile alone
	// would score there; the second is not tried.
	if m := explain(arc, descr); m.Score != 60*1000+10*7 || len(m.Reasons) != 1 {
		t.Errorf("both alternatives: %+v", m)
	}
	// Neither: every alternative says why not.
	m = explain(netsnmp, "Linux host 5.10.0 #1 SMP x86_64")
	if joined := strings.Join(m.Reasons, "; "); m.Matched || !strings.Contains(joined, "alternative 1: sysObjectID") || !strings.Contains(joined, "alternative 2: sysDescr matches none") {
		t.Errorf("neither: %+v", m)
	}
	// The exclusion holds whichever alternative admits the device.
	for _, oid := range []string{arc, netsnmp} {
		if r := e.Identify(Input{SysObjectID: oid, SysDescr: "Acme OS simulator 1.0 (SIM)"}); r.Profile == "acme-os" {
			t.Errorf("excluded, under %s: %+v", oid, r)
		}
	}
	// The second alternative's no_fill: where it admits the device and
	// the profile's own rule finds no version, nothing else fills one;
	// where the first does, the fallbacks still may.
	if r := e.Identify(Input{SysObjectID: netsnmp, SysDescr: "Acme OS build (WX-300) 5.6.7"}); r.Profile != "acme-os" || r.OSVersion != "" {
		t.Errorf("no_fill of the second alternative: %+v", r)
	}
	if r := e.Identify(Input{SysObjectID: arc, SysDescr: "Widget controller (WX-100) firmware 5.6.7"}); r.Profile != "acme-os" || r.OSVersion != "5.6.7" {
		t.Errorf("the first alternative, without no_fill: %+v", r)
	}
	// What a probe reads follows the alternatives: the serial is asked
	// of a device either admits, not of another.
	const serial = "1.3.6.1.4.1.99999.2.1.0"
	for _, tc := range []struct {
		oid, descr string
		want       bool
	}{{arc, "Widget controller (WX-100)", true}, {netsnmp, descr, true}, {netsnmp, "Linux host 5.10.0", false}} {
		if got := slices.Contains(e.FetchFor(tc.oid, tc.descr).Get, serial); got != tc.want {
			t.Errorf("FetchFor(%s, %q) reads the serial: %v, want %v", tc.oid, tc.descr, got, tc.want)
		}
	}
	if !slices.Contains(e.VendorOIDs(), serial) {
		t.Error("VendorOIDs lacks the serial")
	}
	// A sysDescr alternative makes the profile a candidate on every arc.
	if !slices.ContainsFunc(e.candidates(netsnmp), func(p *profile) bool { return p.id == "acme-os" }) {
		t.Error("acme-os is no candidate off its arc")
	}
}

// TestMatchAlternativesErrors: alternatives are checked as a single match
// is, each error naming its alternative.
func TestMatchAlternativesErrors(t *testing.T) {
	for _, tc := range []struct {
		name, old, new string
		want           []string
	}{
		{"unknown key", "      - sys_descr: ['^Acme OS ']", "      - sysdescr: ['^Acme OS ']",
			[]string{"acme.yaml line 6:", "profiles[0].match[1].sysdescr", "unknown key sysdescr"}},
		{"bad oid", "[1.3.6.1.4.1.99999]", "[1.3.x]",
			[]string{"acme.yaml line 5:", "profiles[0].match[0].sys_object_id[0]", "not an OID"}},
		{"an alternative with a priority alone", "      - sys_descr: ['^Acme OS ']\n        priority: 65\n        no_fill: [os_version]", "      - {priority: 65, no_fill: [os_version]}",
			[]string{"acme.yaml line 6:", "profiles[0].match[1]", "needs a condition"}},
		{"not a mapping", "      - sys_descr: ['^Acme OS ']\n        priority: 65\n        no_fill: [os_version]", "      - acme",
			[]string{"acme.yaml line 6:", "alternative must be a mapping"}},
		{"priority of a single match", "      - sys_object_id: [1.3.6.1.4.1.99999]\n      - sys_descr: ['^Acme OS ']\n        priority: 65\n        no_fill: [os_version]", "      sys_object_id: [1.3.6.1.4.1.99999]\n      priority: 65",
			[]string{"acme.yaml", "profiles[0].match.priority", "several alternatives"}},
		{"no_fill of a single match", "      - sys_object_id: [1.3.6.1.4.1.99999]\n      - sys_descr: ['^Acme OS ']\n        priority: 65\n        no_fill: [os_version]", "      sys_object_id: [1.3.6.1.4.1.99999]\n      no_fill: [os_version]",
			[]string{"acme.yaml", "profiles[0].match.no_fill", "several alternatives"}},
		{"unknown no_fill field", "no_fill: [os_version]", "no_fill: [firmware]",
			[]string{"acme.yaml", "profiles[0].match[1].no_fill[0]", "firmware"}},
		{"priority of an exclusion", "      sys_descr: ['Acme OS simulator']", "      sys_descr: ['Acme OS simulator']\n      priority: 3",
			[]string{"acme.yaml", "profiles[0].exclude.priority", "no priority"}},
		{"relative OID off the arc", "      - oid: 1.3.6.1.4.1.99999.2.1.0", "      - oid: sysObjectID.2.1.0",
			[]string{"acme.yaml", "profiles[0].serial[0]", "every alternative"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			y := strings.Replace(acmeAlternatives, tc.old, tc.new, 1)
			if y == acmeAlternatives {
				t.Fatalf("%q not in the profile", tc.old)
			}
			_, err := NewWithProfiles(writeProfiles(t, map[string]string{"acme.yaml": y}))
			if err == nil {
				t.Fatal("loaded without error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

// TestPlanReadsTheAlternativesThatCanHold: the probe's first step reads
// the conditions of the match alternatives a device's system group
// admits, not those of a profile's every alternative: a family known
// anywhere by one MIB's presence and on its registration by another's
// (teltonika's shape) is not asked the second on a host of another arc.
func TestPlanReadsTheAlternativesThatCanHold(t *testing.T) {
	e, err := NewWithProfiles(writeProfiles(t, map[string]string{"acme.yaml": `profiles:
  - id: acme-agent
    match:
      - oid_present: [1.3.6.1.4.1.99999.7.1.0]
      - sys_object_id: [1.3.6.1.4.1.99998]
        oid_present: [1.3.6.1.4.1.99999.8]
    vendor: Acme
`}))
	if err != nil {
		t.Fatal(err)
	}
	const anywhere, onArc = "1.3.6.1.4.1.99999.7.1.0", "1.3.6.1.4.1.99999.8"
	for _, tc := range []struct {
		oid       string
		wantOnArc bool
	}{{"1.3.6.1.4.1.8072.3.2.10", false}, {"1.3.6.1.4.1.99998.2", true}} {
		c := e.PlanFor(tc.oid, "Linux host 5.10.0 x86_64").Conditions()
		if !slices.Contains(c.Get, anywhere) {
			t.Errorf("%s: the any-arc condition is not read: %+v", tc.oid, c)
		}
		if got := slices.Contains(c.Walk, onArc); got != tc.wantOnArc {
			t.Errorf("%s: the registration's condition read: %v, want %v (%+v)", tc.oid, got, tc.wantOnArc, c)
		}
	}
	// VendorOIDs, for walks whose system group is not known, has both.
	if v := e.VendorOIDs(); !slices.Contains(v, anywhere) || !slices.Contains(v, onArc) {
		t.Errorf("VendorOIDs lacks a condition: %v", v)
	}
	// The device the second alternative admits is still identified
	// through the two steps' reads.
	r := e.Identify(Input{SysObjectID: "1.3.6.1.4.1.99998.2", Values: map[string]snmpwalk.Value{onArc + ".1.0": text("x")}})
	if r.Profile != "acme-agent" {
		t.Errorf("on its registration: %+v", r)
	}
}

// TestTextPrefix: a sys_object_id written with a trailing '*' compares as
// text, as LibreNMS's definitions do (Str::startsWith): '99999.1*' takes
// 99999.1.4 and 99999.12.3 and not 99999.2; in exclude too; a plain prefix
// stays arc by arc; a text prefix that stops at the enterprise's own arc
// leaves the profile a candidate for any enterprise (99999* takes 999990),
// one past it for its enterprise alone; one above the enterprise arc is
// refused.
func TestTextPrefix(t *testing.T) {
	const text = `profiles:
  - id: acme-text
    priority: 60
    match:
      sys_object_id: ['1.3.6.1.4.1.99999.1*']
    exclude:
      sys_object_id: ['1.3.6.1.4.1.99999.15*']
    vendor: Acme
  - id: acme-arc
    priority: 55
    match:
      sys_object_id: [1.3.6.1.4.1.88888.1]
    vendor: Acme Arc
  - id: acme-enterprise-text
    priority: 50
    match:
      sys_object_id: ['1.3.6.1.4.1.77777*']
    vendor: Acme Wide
`
	e, err := NewWithProfiles(writeProfiles(t, map[string]string{"acme.yaml": text}))
	if err != nil {
		t.Fatal(err)
	}
	for oid, want := range map[string]string{
		"1.3.6.1.4.1.99999.1":     "acme-text",
		"1.3.6.1.4.1.99999.1.4":   "acme-text",
		"1.3.6.1.4.1.99999.12.3":  "acme-text",
		"1.3.6.1.4.1.99999.153.1": "",
		"1.3.6.1.4.1.99999.2.1":   "",
		"1.3.6.1.4.1.88888.1.7":   "acme-arc",
		"1.3.6.1.4.1.88888.12.3":  "",
		"1.3.6.1.4.1.77777.4":     "acme-enterprise-text",
		"1.3.6.1.4.1.777770.2":    "acme-enterprise-text",
		"1.3.6.1.4.1.7777.2":      "",
		"1.3.6.1.4.1.8072.3.2.10": "",
	} {
		if got := e.Identify(Input{SysObjectID: oid, SysDescr: "Acme unit"}).Profile; got != want && !(want == "" && !strings.HasPrefix(got, "acme-")) {
			t.Errorf("%s: profile %q, want %q", oid, got, want)
		}
	}
	byID := map[string]*profile{}
	for _, p := range e.profiles {
		byID[p.id] = p
	}
	if ents, ok := profileEnterprises(byID["acme-text"]); !ok || !slices.Equal(ents, []uint32{99999}) {
		t.Errorf("acme-text's enterprises: %v %v, want [99999] true", ents, ok)
	}
	if _, ok := profileEnterprises(byID["acme-enterprise-text"]); ok {
		t.Error("acme-enterprise-text: a text prefix at the enterprise arc pins it to one enterprise")
	}
	if got := slices.Collect(byID["acme-text"].sysObjectIDs()); !slices.Equal(got, []string{"1.3.6.1.4.1.99999"}) {
		t.Errorf("acme-text's subtrees to walk: %v", got)
	}
	for _, bad := range []string{"1.3.6.1.4.1*", "1.3.6.1.2.1.1*"} {
		_, err = NewWithProfiles(writeProfiles(t, map[string]string{"bad.yaml": strings.Replace(text, "1.3.6.1.4.1.77777*", bad, 1)}))
		if err == nil || !strings.Contains(err.Error(), "below an enterprise") {
			t.Errorf("a text prefix %s, not at or below an enterprise: %v", bad, err)
		}
	}
}
