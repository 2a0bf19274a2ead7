package fingerprints

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/netcensus/netcensus/snmpwalk"
)

// newEngine is an engine of the profile files of fsys alone (New's are
// the embedded ones, loaded once a process).
func newEngine(fsys fs.FS) (*Engine, error) {
	ps, err := loadProfiles(fsys)
	if err != nil {
		return nil, err
	}
	return newEngineFrom(ps)
}

// acmeProfile is a profile file of one profile, acme, of priority 50,
// matching the sysObjectID prefix given, with body's fields.
func acmeProfile(prefix, body string) string {
	return "profiles:\n  - id: acme\n    priority: 50\n    match:\n      sys_object_id: [" + prefix + "]\n" + body
}

// TestIndexFrom: an oid rule with index_from reads the column at the
// instance another object's value names; without that value it yields
// nothing and the next rule applies; the column is walked and the index
// read with GET; index_from goes with oid rules only.
func TestIndexFrom(t *testing.T) {
	const (
		col = "1.3.6.1.4.1.99999.2.1.2"
		idx = "1.3.6.1.4.1.99999.1.1.0"
	)
	src := acmeProfile("1.3.6.1.4.1.99999", `
    vendor: Acme
    model:
      - oid: `+col+`
        index_from: `+idx+`
      - sys_descr: '^Acme (\S+)'
`)
	e, err := newEngine(fstest.MapFS{"a.yaml": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	in := Input{SysObjectID: "1.3.6.1.4.1.99999.1", SysDescr: "Acme W1 switch", Values: map[string]snmpwalk.Value{
		idx:        {Type: snmpwalk.TypeInteger, Int: 7},
		col + ".6": text("Widget 6"),
		col + ".7": text("Widget 7"),
		col + ".8": text("Widget 8"),
	}}
	got := e.Identify(in)
	if got.Model != "Widget 7" || got.Evidence[FieldModel].OID != col+".7" {
		t.Errorf("model = %q from %q, want Widget 7 from %s.7", got.Model, got.Evidence[FieldModel].OID, col)
	}
	delete(in.Values, idx)
	if got := e.Identify(in); got.Model != "W1" {
		t.Errorf("without the index: model = %q, want W1 from sysDescr", got.Model)
	}
	f := e.FetchFor("1.3.6.1.4.1.99999.1", "")
	if !slices.Contains(f.Get, idx) || !slices.Contains(f.Walk, col) {
		t.Errorf("fetch = %+v, want GET %s and a walk of %s", f, idx, col)
	}
	bad := strings.Replace(src, "- oid: "+col, "- walk: "+col, 1)
	if _, err := loadProfiles(fstest.MapFS{"a.yaml": {Data: []byte(bad)}}); err == nil || !strings.Contains(err.Error(), "index_from") {
		t.Errorf("index_from on a walk rule: err = %v", err)
	}
}

// TestWithAndIf: an oid rule's with joins more objects' values to its
// own, one space apart, for its regex and template (a release kept in
// three integers), and yields nothing when one is missing; if_oid and
// if_match hold a rule to when another object's value matches (the
// release of the software bank that runs); FetchFor plans every object
// read; with goes with oid rules only, if_oid with if_match.
func TestWithAndIf(t *testing.T) {
	const (
		major, minor, build = "1.3.6.1.4.1.99999.5.1.0", "1.3.6.1.4.1.99999.5.2.0", "1.3.6.1.4.1.99999.5.7.0"
		bank1, bank2, run1  = "1.3.6.1.4.1.99999.6.1.0", "1.3.6.1.4.1.99999.6.2.0", "1.3.6.1.4.1.99999.6.3.0"
	)
	src := acmeProfile("1.3.6.1.4.1.99999", `
    vendor: Acme
    os_version:
      - oid: `+major+`
        with: [`+minor+`, `+build+`]
        regex: '^([0-9]+) ([0-9]+) ([0-9]+)$'
        template: '$1.$2.$3'
      - oid: `+bank1+`
        if_oid: `+run1+`
        if_match: '^2$'
      - oid: `+bank2+`
`)
	e, err := newEngine(fstest.MapFS{"a.yaml": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	num := func(n int64) snmpwalk.Value { return snmpwalk.Value{Type: snmpwalk.TypeInteger, Int: n} }
	in := Input{SysObjectID: "1.3.6.1.4.1.99999.1", Values: map[string]snmpwalk.Value{
		major: num(1), minor: num(73), build: num(14),
		bank1: text("7.4.0"), bank2: text("7.2.1"), run1: num(2),
	}}
	if got := e.Identify(in); got.OSVersion != "1.73.14" || got.Evidence[FieldOSVersion].OID != major {
		t.Errorf("os_version = %q from %q, want 1.73.14 from %s", got.OSVersion, got.Evidence[FieldOSVersion].OID, major)
	}
	delete(in.Values, build)
	if got := e.Identify(in); got.OSVersion != "7.4.0" {
		t.Errorf("without the build, bank 1 running: os_version = %q, want 7.4.0", got.OSVersion)
	}
	in.Values[run1] = num(1)
	if got := e.Identify(in); got.OSVersion != "7.2.1" {
		t.Errorf("bank 1 not running: os_version = %q, want bank 2's 7.2.1", got.OSVersion)
	}
	// The system group is read from the input's own fields.
	delete(in.Values, run1)
	in.SysDescr = "Acme W1 bank 1"
	e2, err := newEngine(fstest.MapFS{"a.yaml": {Data: []byte(strings.Replace(src, "if_oid: "+run1+"\n        if_match: '^2$'",
		"if_oid: 1.3.6.1.2.1.1.1.0\n        if_match: 'bank 1$'", 1))}})
	if err != nil {
		t.Fatal(err)
	}
	if got := e2.Identify(in); got.OSVersion != "7.4.0" {
		t.Errorf("if_oid sysDescr: os_version = %q, want bank 1's 7.4.0", got.OSVersion)
	}
	f := e.FetchFor("1.3.6.1.4.1.99999.1", "")
	for _, o := range []string{major, minor, build, bank1, bank2, run1} {
		if !slices.Contains(f.Get, o) {
			t.Errorf("fetch lacks GET %s: %+v", o, f)
		}
	}
	wantLoadErrors(t, src, []loadErrorCase{
		{"- oid: " + major, "- walk: " + major, "with"},
		{"        if_match: '^2$'\n", "", "if_oid"},
	})
}

// TestIfAbsent: a rule with if_absent holds only where the agent answers
// nothing at that OID (a definition reading row 2 only where row 1 is not
// there); any answer, an empty one too, holds it back, and the next rule
// applies; FetchFor plans the GET of the OID; it must be an OID.
func TestIfAbsent(t *testing.T) {
	const row1, row2 = "1.3.6.1.4.1.99999.8.2.1", "1.3.6.1.4.1.99999.8.2.2"
	src := acmeProfile("1.3.6.1.4.1.99999", `
    vendor: Acme
    os_version:
      - oid: `+row2+`
        if_absent: `+row1+`
        regex: '\[([^\]]+)\]'
      - sys_descr: 'release (\S+)'
`)
	e, err := newEngine(fstest.MapFS{"a.yaml": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	in := Input{SysObjectID: "1.3.6.1.4.1.99999.1", SysDescr: "Acme W1 release 2.0",
		Values: map[string]snmpwalk.Value{row2: text("Acme base [3.1]")}}
	got := e.Identify(in)
	if got.OSVersion != "3.1" || got.Evidence[FieldOSVersion].OID != row2 {
		t.Errorf("row 1 absent: os_version = %q from %q, want 3.1 from row 2", got.OSVersion, got.Evidence[FieldOSVersion].OID)
	}
	if ev := got.Evidence[FieldOSVersion].Rule; !strings.Contains(ev, "answers nothing") {
		t.Errorf("evidence %q does not say the condition", ev)
	}
	for _, v := range []string{"kernel [20230921]", ""} {
		in.Values[row1] = text(v)
		if got := e.Identify(in); got.OSVersion != "2.0" {
			t.Errorf("row 1 %q: os_version = %q, want the sysDescr's 2.0", v, got.OSVersion)
		}
	}
	if f := e.FetchFor("1.3.6.1.4.1.99999.1", ""); !slices.Contains(f.Get, row1) || !slices.Contains(f.Get, row2) {
		t.Errorf("fetch = %+v, want GET %s and %s", f, row1, row2)
	}
	wantLoadErrors(t, src, []loadErrorCase{
		{"if_absent: " + row1, "if_absent: row-1", "if_absent"},
	})
}

// TestMachineClass: a machine: class rule names the machine class
// hosts.go's table gives for the sysDescr's uname machine word, the first
// in Shared\Unix's order, anywhere in the line; with no such word the
// next rule applies; its only form is class.
func TestMachineClass(t *testing.T) {
	src := acmeProfile("1.3.6.1.4.1.99999", `
    vendor: Acme
    model:
      - machine: class
      - value: W1
`)
	e, err := newEngine(fstest.MapFS{"a.yaml": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	for descr, want := range map[string]string{
		"Linux ap 4.4.153 #1 SMP PREEMPT Tue Jun 1 2021 armv7l":          "Generic ARMv7",
		"Linux gw 5.4.213-ui-alpine #5.4.213 SMP Wed Mar 1 2023 aarch64": "Generic ARMv8 64-bit",
		"Linux h 3.10.0-1160.el7.x86_64 #1 SMP Mon Oct 19 2020 x86_64":   "Generic x86 64-bit",
		"Linux OpenWrt 5.10.176 #0 Sun Apr 2 2023 ramips":                "Generic MIPS",
		"Linux box 5.10.0 #1 SMP":                                        "W1",
	} {
		got := e.Identify(Input{SysObjectID: "1.3.6.1.4.1.99999.1", SysDescr: descr})
		if got.Model != want {
			t.Errorf("%q: model = %q, want %q", descr, got.Model, want)
		}
		if want != "W1" && got.Evidence[FieldModel].OID != OIDSysDescr {
			t.Errorf("%q: evidence %+v, want the sysDescr", descr, got.Evidence[FieldModel])
		}
	}
	wantLoadErrors(t, src, []loadErrorCase{{"machine: class", "machine: word", "machine"}})
}

// TestWithMap: on a rule with with, the map names the first value alone
// (an enumeration's label), then the others join it and the regex and
// template shape the whole: a board's type and its revision, as
// "ares (rev 3)". A first value the map does not name yields nothing, so
// the next rule (the label alone) answers; a map alone still names the
// whole value after the regex.
func TestWithMap(t *testing.T) {
	const board, rev = "1.3.6.1.4.1.99999.7.9.0", "1.3.6.1.4.1.99999.7.10.0"
	src := acmeProfile("1.3.6.1.4.1.99999", `
    vendor: Acme
    model:
      - oid: `+board+`
        with: [`+rev+`]
        map: {"272": ares, "8": adsl-860}
        regex: '^(.+) (\S+)$'
        template: '$1 (rev $2)'
      - oid: `+board+`
        regex: '^(\d+)$'
        map: {"272": ares, "64": atlas}
`)
	e, err := newEngine(fstest.MapFS{"a.yaml": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	num := func(n int64) snmpwalk.Value { return snmpwalk.Value{Type: snmpwalk.TypeInteger, Int: n} }
	in := Input{SysObjectID: "1.3.6.1.4.1.99999.1", Values: map[string]snmpwalk.Value{board: num(272), rev: text("3")}}
	for _, c := range []struct {
		board int64
		rev   string
		want  string
	}{
		{272, "3", "ares (rev 3)"},
		{8, "A", "adsl-860 (rev A)"},
		{64, "3", "atlas"}, // not in the first rule's map: the second's
		{272, "", "ares"},  // an empty revision: the template's regex fails
		{99, "3", ""},      // in neither map
	} {
		in.Values[board], in.Values[rev] = num(c.board), text(c.rev)
		if got := e.Identify(in); got.Model != c.want {
			t.Errorf("board %d rev %q: model = %q, want %q", c.board, c.rev, got.Model, c.want)
		}
	}
	delete(in.Values, rev)
	in.Values[board] = num(8)
	if got := e.Identify(in); got.Model != "" {
		t.Errorf("no revision, board 8 (first map only): model = %q, want none", got.Model)
	}
}

// TestOIDRuleOnEntity: an oid rule naming one entPhysicalTable instance
// reads it from the decoded ENTITY rows (the table is walked apart from the
// vendor objects, so it is not among Input.Values); a row or column that
// is not there yields nothing.
func TestOIDRuleOnEntity(t *testing.T) {
	src := acmeProfile("1.3.6.1.4.1.99999", `
    model:
      - oid: 1.3.6.1.2.1.47.1.1.1.1.13.9
      - oid: 1.3.6.1.2.1.47.1.1.1.1.7.3
    serial:
      - oid: 1.3.6.1.2.1.47.1.1.1.1.11.5
`)
	e, err := newEngine(fstest.MapFS{"a.yaml": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	in := Input{SysObjectID: "1.3.6.1.4.1.99999.1", Entities: []Entity{
		{Index: 1, Class: EntityClassChassis, Name: "Chassis", Serial: "CH001"},
		{Index: 3, Name: "Widget-5512"},
		{Index: 5, Class: 9, Serial: "MOD005"},
	}}
	got := e.Identify(in)
	if got.Model != "Widget-5512" || got.Evidence[FieldModel].OID != "1.3.6.1.2.1.47.1.1.1.1.7.3" {
		t.Errorf("model = %q from %q, want entPhysicalName.3", got.Model, got.Evidence[FieldModel].OID)
	}
	if got.Serial != "MOD005" {
		t.Errorf("serial = %q, want entPhysicalSerialNum.5 MOD005", got.Serial)
	}
}

// TestWithOnEntity: an oid rule's with joins ENTITY instances too, its
// own OID one or not (a definition's template over row 1's name and
// hardware revision); a missing instance yields nothing, and the next
// rule applies.
func TestWithOnEntity(t *testing.T) {
	src := acmeProfile("1.3.6.1.4.1.99999", `
    model:
      - oid: 1.3.6.1.2.1.47.1.1.1.1.7.1
        with: [1.3.6.1.2.1.47.1.1.1.1.8.1]
      - oid: 1.3.6.1.2.1.47.1.1.1.1.7.1
`)
	e, err := newEngine(fstest.MapFS{"a.yaml": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	in := Input{SysObjectID: "1.3.6.1.4.1.99999.1", Entities: []Entity{
		{Index: 1, Class: EntityClassChassis, Name: "GE114", HardwareRev: "2.02"},
	}}
	if got := e.Identify(in); got.Model != "GE114 2.02" {
		t.Errorf("model = %q, want GE114 2.02 (name with revision)", got.Model)
	}
	in.Entities[0].HardwareRev = ""
	if got := e.Identify(in); got.Model != "GE114" {
		t.Errorf("without the revision: model = %q, want GE114", got.Model)
	}
}

// TestRelativeOID: an oid or walk rule written "sysObjectID.<arcs>" reads
// below the device's own sysObjectID (each D-Link DAP model keeps its
// firmware at <its sysObjectID>.5.1.1.0); FetchFor plans the resolved
// OIDs, VendorOIDs covers them by the profile's sys_object_id prefix, and
// a profile without a sys_object_id match, or index_from on such a rule,
// is refused.
func TestRelativeOID(t *testing.T) {
	src := acmeProfile("1.3.6.1.4.1.99999.10", `
    model:
      - walk: sysObjectID.1
    os_version:
      - oid: sysObjectID.5.1.1.0
        regex: '^(\S+)'
`)
	e, err := newEngine(fstest.MapFS{"a.yaml": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	const a, b = "1.3.6.1.4.1.99999.10.37", "1.3.6.1.4.1.99999.10.38"
	in := Input{SysObjectID: a, Values: map[string]snmpwalk.Value{
		a + ".1.8.0":   text("W-37"),
		a + ".5.1.1.0": text("1.15 09:34:09 01/21/2013"),
		b + ".1.8.0":   text("W-38"),
		b + ".5.1.1.0": text("2.20 10:00:00 02/02/2020"),
	}}
	got := e.Identify(in)
	if got.OSVersion != "1.15" || got.Evidence[FieldOSVersion].OID != a+".5.1.1.0" {
		t.Errorf("os_version = %q from %q, want 1.15 from %s.5.1.1.0", got.OSVersion, got.Evidence[FieldOSVersion].OID, a)
	}
	if got.Model != "W-37" || got.Evidence[FieldModel].OID != a+".1.8.0" {
		t.Errorf("model = %q from %q, want W-37 from %s.1.8.0", got.Model, got.Evidence[FieldModel].OID, a)
	}
	if r := got.Evidence[FieldOSVersion].Rule; !strings.Contains(r, "sysObjectID.5.1.1.0") {
		t.Errorf("evidence rule %q does not name the rule as written", r)
	}
	in.SysObjectID = b
	if got := e.Identify(in); got.OSVersion != "2.20" || got.Model != "W-38" {
		t.Errorf("under %s: os_version %q, model %q; want 2.20, W-38", b, got.OSVersion, got.Model)
	}
	f := e.FetchFor(a, "")
	if !slices.Contains(f.Get, a+".5.1.1.0") || !slices.Contains(f.Walk, a+".1") {
		t.Errorf("fetch = %+v, want GET %s.5.1.1.0 and a walk of %s.1", f, a, a)
	}
	if !slices.Contains(e.VendorOIDs(), "1.3.6.1.4.1.99999.10") {
		t.Errorf("VendorOIDs %v do not cover the relative OIDs", e.VendorOIDs())
	}
	for _, c := range []struct{ bad, want string }{
		{strings.Replace(src, "sys_object_id: [1.3.6.1.4.1.99999.10]", "sys_descr: ['^Acme']", 1), "needs a sys_object_id match"},
		{strings.Replace(src, "regex: '^(\\S+)'", "index_from: 1.3.6.1.4.1.99999.1.0", 1), "index_from"},
		{strings.Replace(src, "sysObjectID.5.1.1.0", "sysObjectID.5.x", 1), "is not an OID"},
	} {
		if _, err := loadProfiles(fstest.MapFS{"a.yaml": {Data: []byte(c.bad)}}); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("err = %v, want %q", err, c.want)
		}
	}
}

// TestReplace: a rule's replace pairs rewrite the whole value, in
// order, after its regex (a serial kept as one binary octet a digit);
// a pair that is not [regexp, replacement] and a literal with replace
// are refused.
func TestReplace(t *testing.T) {
	const serial = "1.3.6.1.4.1.99999.1.6.0"
	src := acmeProfile("1.3.6.1.4.1.99999", `
    serial:
      - oid: `+serial+`
        regex: '^0[0-9](?::0[0-9])+$'
        replace: [['0([0-9]):?', '$1'], ['^', 'SN']]
`)
	e, err := newEngine(fstest.MapFS{"a.yaml": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	in := Input{SysObjectID: "1.3.6.1.4.1.99999.1", Values: map[string]snmpwalk.Value{
		serial: {Type: snmpwalk.TypeOctetString, Bytes: []byte{0, 4, 4, 1, 2, 0, 3, 7}},
	}}
	if got := e.Identify(in); got.Serial != "SN04412037" {
		t.Errorf("serial = %q, want SN04412037", got.Serial)
	}
	for _, bad := range []string{
		strings.Replace(src, "['^', 'SN']", "['^']", 1),
		strings.Replace(src, "- oid: "+serial+"\n        regex: '^0[0-9](?::0[0-9])+$'", "- value: X", 1),
	} {
		if _, err := loadProfiles(fstest.MapFS{"a.yaml": {Data: []byte(bad)}}); err == nil || !strings.Contains(err.Error(), "replace") {
			t.Errorf("err = %v, want one naming replace", err)
		}
	}
}

// TestRegistryRule: a registry rule gives the model the sysObjectID's
// registration names, at its place among the profile's rules (ahead of
// a sysDescr family), with the registration in the evidence; it yields
// nothing where nothing is registered, and gives no vendor.
func TestRegistryRule(t *testing.T) {
	src := acmeProfile("1.3.6.1.4.1.9.1", `
    vendor:
      - registry: model
      - value: Acme
    model:
      - registry: model
      - sys_descr: 'Software, (\S+) Software \('
`)
	e, err := newEngine(fstest.MapFS{"a.yaml": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	descr := "Cisco IOS Software, C2800 Software (C2800NM-ADVIPSERVICESK9-M), Version 12.4(24)T4"
	got := e.Identify(Input{SysObjectID: "1.3.6.1.4.1.9.1.576", SysDescr: descr})
	if got.Model != "2811" || got.Evidence[FieldModel].Rule != "profile acme: product registry: CISCO-PRODUCTS-MIB::cisco2811" {
		t.Errorf("model = %q by %q, want 2811 by the registration cisco2811", got.Model, got.Evidence[FieldModel].Rule)
	}
	if got.Vendor != "Acme" {
		t.Errorf("vendor = %q, want Acme: a registry rule gives no vendor", got.Vendor)
	}
	if got := e.Identify(Input{SysObjectID: "1.3.6.1.4.1.9.1.999999", SysDescr: descr}); got.Model != "C2800" {
		t.Errorf("unregistered: model = %q, want the sysDescr's C2800", got.Model)
	}
	bad := strings.Replace(src, "      - registry: model\n      - sys_descr", "      - registry: vendor\n      - sys_descr", 1)
	if _, err := loadProfiles(fstest.MapFS{"a.yaml": {Data: []byte(bad)}}); err == nil || !strings.Contains(err.Error(), "registry") {
		t.Errorf("registry: vendor: err = %v", err)
	}
}

// TestRegistryLabelRule: a label rule gives the name the sysObjectID's
// registration has in its MIB, as the MIB writes it (a definition's
// hardware_mib), with the registration in the evidence; an agent's
// registration (net-snmp's Linux arc) names no hardware, and an
// unregistered sysObjectID falls through to the next rule.
func TestRegistryLabelRule(t *testing.T) {
	src := acmeProfile("1.3.6.1.4.1", `
    vendor: Acme
    model:
      - registry: label
      - value: fallback
`)
	e, err := newEngine(fstest.MapFS{"a.yaml": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ oid, model, rule string }{
		{"1.3.6.1.4.1.9.1.2285", "ciscoFpr9300K9", "profile acme: product registry label: CISCO-PRODUCTS-MIB::ciscoFpr9300K9"},
		{"1.3.6.1.4.1.9.1.576", "cisco2811", "profile acme: product registry label: CISCO-PRODUCTS-MIB::cisco2811"},
		{"1.3.6.1.4.1.8072.3.2.10", "fallback", "profile acme: model literal"},
		{"1.3.6.1.4.1.9.1.999999", "fallback", "profile acme: model literal"},
	} {
		got := e.Identify(Input{SysObjectID: c.oid})
		if got.Model != c.model || got.Evidence[FieldModel].Rule != c.rule {
			t.Errorf("%s: model = %q by %q, want %q by %q", c.oid, got.Model, got.Evidence[FieldModel].Rule, c.model, c.rule)
		}
	}
	bad := strings.Replace(src, "registry: label", "registry: name", 1)
	if _, err := loadProfiles(fstest.MapFS{"a.yaml": {Data: []byte(bad)}}); err == nil || !strings.Contains(err.Error(), "want model or label") {
		t.Errorf("registry: name: err = %v", err)
	}
}

// TestUnameRule: a uname rule reads a Linux kernel release as
// Shared\Unix does, after an address written as the host name, else the
// first " N.N... " word; its conditions hold for both readings; it takes
// no other key.
func TestUnameRule(t *testing.T) {
	src := acmeProfile("1.3.6.1.4.1", `
    vendor: Acme
    os_version:
      - uname: release
        if_oid: 1.3.6.1.2.1.1.1.0
        if_match: '^Linux\s'
      - value: fallback
`)
	e, err := newEngine(fstest.MapFS{"a.yaml": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ descr, version string }{
		{"Linux 192.0.2.7 4.19.0-21-amd64 #1 SMP Debian x86_64", "4.19.0-21-amd64"},
		{"Linux fw01 5.10.0-8-amd64 #1 SMP x86_64", "5.10.0-8-amd64"},
		{"Acme OS 2.4 build 7", "fallback"},
	} {
		if got := e.Identify(Input{SysObjectID: "1.3.6.1.4.1.99999.1", SysDescr: c.descr}); got.OSVersion != c.version {
			t.Errorf("%q: os_version = %q, want %q", c.descr, got.OSVersion, c.version)
		}
	}
	for _, bad := range []string{
		strings.Replace(src, "uname: release", "uname: machine", 1),
		strings.Replace(src, "      - uname: release\n", "      - uname: release\n        regex: x\n", 1),
	} {
		if _, err := loadProfiles(fstest.MapFS{"a.yaml": {Data: []byte(bad)}}); err == nil || !strings.Contains(err.Error(), "uname") {
			t.Errorf("err = %v, want one naming uname", err)
		}
	}
}

// TestPacked: packed reads an unsigned integer as the bit fields of a
// version, the most significant first (major*256+minor; BCD's digits as
// 4-bit fields, joined by regex and template); a value that is not an
// unsigned integer, or wider than the fields, fails the rule and the
// next one applies; packed goes with oid and walk rules, with widths of
// 1 to 32 bits, two fields or more.
func TestPacked(t *testing.T) {
	const (
		fw  = "1.3.6.1.4.1.99999.7.1.4"
		bcd = "1.3.6.1.4.1.99999.7.2.0"
	)
	src := acmeProfile("1.3.6.1.4.1.99999", `
    vendor: Acme
    os_version:
      - walk: `+fw+`
        packed: [8, 8]
      - oid: `+bcd+`
        packed: [4, 4, 4, 4]
        regex: '^0\.([1-9])\.([0-9])\.([0-9])$'
        template: '$1.$2$3'
      - sys_descr: 'release (\S+)'
`)
	e, err := newEngine(fstest.MapFS{"a.yaml": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	num := func(n int64) snmpwalk.Value { return snmpwalk.Value{Type: snmpwalk.TypeInteger, Int: n} }
	for _, c := range []struct {
		name   string
		values map[string]snmpwalk.Value
		want   string
	}{
		{"major*256+minor", map[string]snmpwalk.Value{fw + ".1": num(4*256 + 18)}, "4.18"},
		{"digits as text", map[string]snmpwalk.Value{fw + ".1": text(" 1042 ")}, "4.18"},
		{"minor only", map[string]snmpwalk.Value{fw + ".1": num(7)}, "0.7"},
		{"BCD 0x0215", map[string]snmpwalk.Value{bcd: num(0x0215)}, "2.15"},
		{"zero is no version", map[string]snmpwalk.Value{fw + ".1": num(0), bcd: num(0x0300)}, "3.00"},
		{"wider than the fields", map[string]snmpwalk.Value{fw + ".1": num(70000)}, "9.1"},
		{"negative", map[string]snmpwalk.Value{fw + ".1": num(-3)}, "9.1"},
		{"not a number", map[string]snmpwalk.Value{fw + ".1": text("4.18a")}, "9.1"},
	} {
		got := e.Identify(Input{SysObjectID: "1.3.6.1.4.1.99999.1", SysDescr: "Acme release 9.1", Values: c.values})
		if got.OSVersion != c.want {
			t.Errorf("%s: os_version = %q, want %q", c.name, got.OSVersion, c.want)
		}
	}
	wantLoadErrors(t, src, []loadErrorCase{
		{"- walk: " + fw + "\n        packed: [8, 8]", "- sys_descr: 'x'\n        packed: [8, 8]", "packed"},
		{"packed: [8, 8]", "packed: [8]", "packed"},
		{"packed: [8, 8]", "packed: [0, 8]", "packed"},
		{"packed: [8, 8]", "packed: [32, 32, 8]", "packed"},
	})
}

// TestRowWhere: an oid rule with row_where and row_match reads its
// column at the first row, in index order, whose other column matches
// (the serial of the unit the mnemonic column names the main radio),
// indexes of several arcs included; no matching row, or no value in
// that row, yields nothing and the next rule applies; both columns are
// walked; row_where goes with an absolute oid rule, with row_match.
func TestRowWhere(t *testing.T) {
	const (
		name   = "1.3.6.1.4.1.99999.8.1.3"
		serial = "1.3.6.1.4.1.99999.8.1.8"
	)
	src := acmeProfile("1.3.6.1.4.1.99999", `
    vendor: Acme
    serial:
      - oid: `+serial+`
        row_where: `+name+`
        row_match: '^\s*UBT[-_]'
      - sys_descr: 'SN (\S+)'
`)
	e, err := newEngine(fstest.MapFS{"a.yaml": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	in := Input{SysObjectID: "1.3.6.1.4.1.99999.1", SysDescr: "Acme SN FALLBACK1", Values: map[string]snmpwalk.Value{
		name + ".1.2.3.10":   text("SFP-10G"),
		serial + ".1.2.3.10": text("SFPSERIAL1"),
		name + ".1.2.3.9":    text("UBT-S"),
		serial + ".1.2.3.9":  text("UBTSERIAL9"),
		name + ".1.2.3.11":   text("UBT-T"),
		serial + ".1.2.3.11": text("UBTSERIAL11"),
	}}
	got := e.Identify(in)
	if got.Serial != "UBTSERIAL9" || got.Evidence[FieldSerial].OID != serial+".1.2.3.9" {
		t.Errorf("serial = %q from %q, want UBTSERIAL9 from %s.1.2.3.9", got.Serial, got.Evidence[FieldSerial].OID, serial)
	}
	delete(in.Values, serial+".1.2.3.9")
	if got := e.Identify(in); got.Serial != "FALLBACK1" {
		t.Errorf("the matching row without a serial: serial = %q, want FALLBACK1 from sysDescr", got.Serial)
	}
	delete(in.Values, name+".1.2.3.9")
	delete(in.Values, name+".1.2.3.11")
	if got := e.Identify(in); got.Serial != "FALLBACK1" {
		t.Errorf("no matching row: serial = %q, want FALLBACK1", got.Serial)
	}
	f := e.FetchFor("1.3.6.1.4.1.99999.1", "")
	if !slices.Contains(f.Walk, name) || !slices.Contains(f.Walk, serial) {
		t.Errorf("fetch = %+v, want walks of %s and %s", f, name, serial)
	}
	wantLoadErrors(t, src, []loadErrorCase{
		{"- oid: " + serial, "- walk: " + serial, "row_where"},
		{"        row_match: '^\\s*UBT[-_]'\n", "", "row_where"},
		{"row_match: '^\\s*UBT[-_]'", "row_match: '('", "row_match"},
	})
}

// TestRowWhereNotAndEntity: row_not_match skips rows whose column
// matches it and row_and asks other columns of the same row to match
// theirs; over ENTITY-MIB columns the rows are the input's ENTITY rows,
// in index order, entPhysicalClass read as its number (the serial of the
// first module that is not a slot, a power supply or a port, as the
// device-support code reads Datacom DmOS). Other tables' columns are
// walked for the test; the keys are checked.
func TestRowWhereNotAndEntity(t *testing.T) {
	const (
		entName   = "1.3.6.1.2.1.47.1.1.1.1.7"
		entClass  = "1.3.6.1.2.1.47.1.1.1.1.5"
		entSerial = "1.3.6.1.2.1.47.1.1.1.1.11"
		unitName  = "1.3.6.1.4.1.99999.8.1.3"
		unitRole  = "1.3.6.1.4.1.99999.8.1.4"
		unitSer   = "1.3.6.1.4.1.99999.8.1.8"
	)
	src := acmeProfile("1.3.6.1.4.1.99999", `
    vendor: Acme
    serial:
      - oid: `+entSerial+`
        row_where: `+entName+`
        row_match: '\S'
        row_not_match: '(?i)^\s*(slot|psu)|port'
        row_and: [[`+entClass+`, '^9$']]
      - oid: `+unitSer+`
        row_where: `+unitName+`
        row_match: '^UNIT'
        row_not_match: 'spare'
        row_and: [[`+unitRole+`, '^main$']]
      - sys_descr: 'SN (\S+)'
`)
	e, err := newEngine(fstest.MapFS{"a.yaml": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	ents := []Entity{
		{Index: 7, Class: 9, Name: "MPU-192", Serial: "M7"},
		{Index: 1, Class: 3, Name: "DM4610", Serial: "C1"},
		{Index: 2, Class: 9, Name: "Slot 1", Serial: "S2"},
		{Index: 3, Class: 9, Name: "PSU 1", Serial: "P3"},
		{Index: 4, Class: 10, Name: "gigabit-ethernet-1/1/1", Serial: "E4"},
		{Index: 5, Class: 9, Name: "Port module", Serial: "X5"},
		{Index: 6, Class: 9, Name: "MPU-384", Serial: "M6"},
		{Index: 8, Class: 9, Name: "", Serial: "N8"},
	}
	in := Input{SysObjectID: "1.3.6.1.4.1.99999.1", SysDescr: "Acme SN FALLBACK1", Entities: ents}
	if got := e.Identify(in); got.Serial != "M6" || got.Evidence[FieldSerial].OID != entSerial+".6" {
		t.Errorf("serial = %q from %q, want M6 from %s.6 (the first module not a slot, PSU or port)", got.Serial, got.Evidence[FieldSerial].OID, entSerial)
	}
	in.Entities = slices.DeleteFunc(slices.Clone(ents), func(x Entity) bool { return x.Index == 6 || x.Index == 7 })
	if got := e.Identify(in); got.Serial != "FALLBACK1" {
		t.Errorf("no such module: serial = %q, want FALLBACK1", got.Serial)
	}
	in.Values = map[string]snmpwalk.Value{
		unitName + ".1": text("UNIT-A spare"), unitRole + ".1": text("main"), unitSer + ".1": text("U1"),
		unitName + ".2": text("UNIT-B"), unitRole + ".2": text("backup"), unitSer + ".2": text("U2"),
		unitName + ".3": text("UNIT-C"), unitRole + ".3": text("main"), unitSer + ".3": text("U3"),
	}
	if got := e.Identify(in); got.Serial != "U3" {
		t.Errorf("serial = %q, want U3 (not the spare, not the backup)", got.Serial)
	}
	ev := e.Identify(in).Evidence[FieldSerial].Rule
	if !strings.Contains(ev, "but not spare") || !strings.Contains(ev, unitRole+" matches ^main$") {
		t.Errorf("evidence %q names not the row's tests", ev)
	}
	f := e.FetchFor("1.3.6.1.4.1.99999.1", "")
	if !slices.Contains(f.Walk, unitRole) || slices.Contains(f.Walk, entClass) {
		t.Errorf("fetch = %+v, want %s walked and no ENTITY column (the probe walks that table apart)", f, unitRole)
	}
	wantLoadErrors(t, src, []loadErrorCase{
		{"        row_where: " + unitName + "\n        row_match: '^UNIT'\n", "", "row_where"},
		{"row_not_match: 'spare'", "row_not_match: '('", "row_not_match"},
		{"[[" + unitRole + ", '^main$']]", "[[" + unitRole + "]]", "row_and[0]"},
		{"[[" + unitRole + ", '^main$']]", "[[1.3.x, '^main$']]", "row_and[0]"},
	})
}

// TestOIDPresentFetch: oid_present asks for a scalar's instance (".0")
// with GET alone, batched with the other scalars, and still matches on
// its value; a subtree is also walked, since its values sit below it.
func TestOIDPresentFetch(t *testing.T) {
	const (
		scalar  = "1.3.6.1.4.1.99999.3.1.0"
		subtree = "1.3.6.1.4.1.99999.4.1"
	)
	src := "profiles:\n  - id: acme\n    priority: 50\n    match:\n      sys_object_id: [1.3.6.1.4.1.99999]\n" +
		"      oid_present: [" + scalar + ", " + subtree + "]\n    vendor: Acme\n"
	e, err := newEngine(fstest.MapFS{"a.yaml": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	f := e.FetchFor("1.3.6.1.4.1.99999.1", "")
	if !slices.Contains(f.Get, scalar) || slices.Contains(f.Walk, scalar) {
		t.Errorf("fetch = %+v, want %s by GET only", f, scalar)
	}
	if !slices.Contains(f.Walk, subtree) {
		t.Errorf("fetch = %+v, want %s walked", f, subtree)
	}
	text := snmpwalk.Value{Type: snmpwalk.TypeOctetString, Bytes: []byte("X1")}
	for _, c := range []struct {
		name   string
		values map[string]snmpwalk.Value
		want   string
	}{
		{"the scalar answers", map[string]snmpwalk.Value{scalar: text}, "acme"},
		{"a value below the subtree", map[string]snmpwalk.Value{subtree + ".5.1": text}, "acme"},
		{"neither", map[string]snmpwalk.Value{"1.3.6.1.4.1.99999.5.0": text}, ""},
	} {
		if got := e.Identify(Input{SysObjectID: "1.3.6.1.4.1.99999.1", Values: c.values}); got.Profile != c.want {
			t.Errorf("%s: profile = %q, want %q", c.name, got.Profile, c.want)
		}
	}
}

// TestNoIdentity: a field the winner names in no_identity is not filled
// by a generated mib-identity profile of its enterprise, but still by
// another profile; the other fields, and a winner without no_identity,
// take the identity profile's value; no_identity names fields, each once.
func TestNoIdentity(t *testing.T) {
	const (
		boot   = "1.3.6.1.4.1.99999.7.4.0"
		serial = "1.3.6.1.4.1.99999.7.3.0"
	)
	winner := acmeProfile("1.3.6.1.4.1.99999", `
    vendor: Acme
    os_version:
      - oid: 1.3.6.1.4.1.99999.4.4.0
    no_identity: [os_version, serial]
`)
	ident := `profiles:
  - id: mib-identity-99999
    generic: true
    priority: 2
    match:
      sys_object_id: [1.3.6.1.4.1.99999]
    serial:
      - oid: ` + serial + `
    os_version:
      - oid: ` + boot + `
    model:
      - oid: 1.3.6.1.4.1.99999.7.8.0
  - id: acme-generic
    generic: true
    priority: 1
    match:
      sys_object_id: [1.3.6.1.4.1.99999]
    serial:
      - sys_descr: 'SN (\S+)'
`
	in := Input{SysObjectID: "1.3.6.1.4.1.99999.1", SysDescr: "Acme box SN FROMDESCR1", Values: map[string]snmpwalk.Value{
		boot:                      text("3.41"),
		serial:                    text("IDENTSERIAL1"),
		"1.3.6.1.4.1.99999.7.8.0": text("AX-100"),
	}}
	e, err := newEngine(fstest.MapFS{"a.yaml": {Data: []byte(winner)}, "mib-identity.yaml": {Data: []byte(ident)}})
	if err != nil {
		t.Fatal(err)
	}
	got := e.Identify(in)
	if got.Profile != "acme" || got.OSVersion != "" || got.Serial != "FROMDESCR1" || got.Model != "AX-100" {
		t.Errorf("no_identity: got %q %q %q %q, want acme, no os_version, serial FROMDESCR1 (acme-generic), model AX-100 (identity)",
			got.Profile, got.OSVersion, got.Serial, got.Model)
	}
	in.Values["1.3.6.1.4.1.99999.4.4.0"] = text("9.1.2")
	if got := e.Identify(in); got.OSVersion != "9.1.2" {
		t.Errorf("the winner's own rule: os_version = %q, want 9.1.2", got.OSVersion)
	}
	delete(in.Values, "1.3.6.1.4.1.99999.4.4.0")
	plain := strings.Replace(winner, "    no_identity: [os_version, serial]\n", "", 1)
	e, err = newEngine(fstest.MapFS{"a.yaml": {Data: []byte(plain)}, "mib-identity.yaml": {Data: []byte(ident)}})
	if err != nil {
		t.Fatal(err)
	}
	if got := e.Identify(in); got.OSVersion != "3.41" || got.Serial != "IDENTSERIAL1" {
		t.Errorf("without no_identity: os_version %q serial %q, want 3.41 and IDENTSERIAL1 from mib-identity-99999", got.OSVersion, got.Serial)
	}
	for _, bad := range []string{"[os_version, os_version]", "[version]"} {
		src := strings.Replace(winner, "[os_version, serial]", bad, 1)
		if _, err := loadProfiles(fstest.MapFS{"a.yaml": {Data: []byte(src)}}); err == nil || !strings.Contains(err.Error(), "no_identity") {
			t.Errorf("no_identity: %s: err = %v, want one naming no_identity", bad, err)
		}
	}
}

// TestOIDMatch: oid_match holds when the value at the OID, or one below
// it, matches its regexp; in exclude, such a value rejects the profile;
// the OID is fetched as oid_present's are; a pair that is not an OID and
// a regexp is refused.
func TestOIDMatch(t *testing.T) {
	const (
		scalar = "1.3.6.1.2.1.25.1.4.0"
		column = "1.3.6.1.4.1.99999.6.1.2"
	)
	src := `profiles:
  - id: acme
    priority: 50
    match:
      sys_descr: ['^Linux ']
      oid_match: [[` + scalar + `, 'acme_hw=(?:RT|MR)[0-9]'], [` + column + `, '^AX-']]
    exclude:
      oid_match: [[` + scalar + `, 'acme_lab']]
    vendor: Acme
`
	e, err := newEngine(fstest.MapFS{"a.yaml": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	f := e.FetchFor("1.3.6.1.4.1.8072.3.2.10", "Linux rt 4.4.60")
	if !slices.Contains(f.Get, scalar) || slices.Contains(f.Walk, scalar) || !slices.Contains(f.Walk, column) {
		t.Errorf("fetch = %+v, want %s by GET only and %s walked", f, scalar, column)
	}
	if f := e.FetchFor("1.3.6.1.4.1.8072.3.2.10", "Windows"); slices.Contains(f.Get, scalar) {
		t.Errorf("fetch for a sysDescr the profile does not match = %+v, want no %s", f, scalar)
	}
	for _, c := range []struct {
		name   string
		values map[string]snmpwalk.Value
		want   string
	}{
		{"the scalar matches", map[string]snmpwalk.Value{scalar: text("console=ttyS0 acme_hw=RT2600ac")}, "acme"},
		{"the scalar does not match", map[string]snmpwalk.Value{scalar: text("console=ttyS0 acme_hw=DS918+")}, ""},
		{"a row of the column matches", map[string]snmpwalk.Value{column + ".7": text("AX-100")}, "acme"},
		{"excluded", map[string]snmpwalk.Value{scalar: text("acme_hw=RT2600ac acme_lab=1")}, ""},
		{"none", nil, ""},
	} {
		in := Input{SysObjectID: "1.3.6.1.4.1.8072.3.2.10", SysDescr: "Linux rt 4.4.60", Values: c.values}
		if got := e.Identify(in); got.Profile != c.want {
			t.Errorf("%s: profile = %q, want %q", c.name, got.Profile, c.want)
		}
	}
	for _, bad := range []string{"[[" + scalar + "]]", "[[1.3.x, 'a']]", "[[" + scalar + ", '(']]"} {
		b := strings.Replace(src, "[["+scalar+", 'acme_lab']]", bad, 1)
		if _, err := loadProfiles(fstest.MapFS{"a.yaml": {Data: []byte(b)}}); err == nil || !strings.Contains(err.Error(), "exclude.oid_match[0]") {
			t.Errorf("oid_match %s: err = %v, want one naming exclude.oid_match[0]", bad, err)
		}
	}
}

// TestNoFill: a field the winner names in no_fill and its rules do not
// give stays empty: no lower profile and no fallback fills it; its own
// rules still give it; no_fill names fields, each once.
func TestNoFill(t *testing.T) {
	src := `profiles:
  - id: acme
    priority: 50
    match:
      sys_descr: ['^Linux ']
      oid_present: [1.3.6.1.4.1.99999.1.0]
    vendor: Acme
    os: AcmeOS
    os_version:
      - oid: 1.3.6.1.4.1.99999.2.0
    no_fill: [os_version]
  - id: linux
    priority: 20
    match:
      sys_descr: ['^Linux ']
    os_version:
      - sys_descr: '^Linux \S+ ([0-9][^ ]*)'
`
	in := Input{SysObjectID: "1.3.6.1.4.1.8072.3.2.10", SysDescr: "Linux rt1 4.4.60 #8227 SMP armv7l",
		Values: map[string]snmpwalk.Value{"1.3.6.1.4.1.99999.1.0": text("x")}}
	e, err := newEngine(fstest.MapFS{"a.yaml": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	if got := e.Identify(in); got.Profile != "acme" || got.OSVersion != "" {
		t.Errorf("no_fill: profile %q os_version %q, want acme and none", got.Profile, got.OSVersion)
	}
	in.Values["1.3.6.1.4.1.99999.2.0"] = text("1.3.1")
	if got := e.Identify(in); got.OSVersion != "1.3.1" {
		t.Errorf("the winner's own rule: os_version %q, want 1.3.1", got.OSVersion)
	}
	delete(in.Values, "1.3.6.1.4.1.99999.2.0")
	plain := strings.Replace(src, "    no_fill: [os_version]\n", "", 1)
	if e, err = newEngine(fstest.MapFS{"a.yaml": {Data: []byte(plain)}}); err != nil {
		t.Fatal(err)
	}
	if got := e.Identify(in); got.OSVersion != "4.4.60" {
		t.Errorf("without no_fill: os_version %q, want 4.4.60 from the lower profile", got.OSVersion)
	}
	for _, bad := range []string{"[os_version, os_version]", "[release]"} {
		b := strings.Replace(src, "no_fill: [os_version]", "no_fill: "+bad, 1)
		if _, err := loadProfiles(fstest.MapFS{"a.yaml": {Data: []byte(b)}}); err == nil || !strings.Contains(err.Error(), "no_fill") {
			t.Errorf("no_fill: %s: err = %v, want one naming no_fill", bad, err)
		}
	}
}

// TestEntityWalk: a walk rule over an entPhysicalTable column reads the
// ENTITY rows: the first, in index order, whose value matches the regex,
// its OID the column at that row; a column the input does not keep
// reads nothing.
func TestEntityWalk(t *testing.T) {
	src := acmeProfile("1.3.6.1.4.1.99999", `
    serial:
      - walk: 1.3.6.1.2.1.47.1.1.1.1.2
        regex: '\bSN: ?([^\s,;)]+)'
    model:
      - walk: 1.3.6.1.2.1.47.1.1.1.1.6
      - walk: 1.3.6.1.2.1.47.1.1.1.1.13
`)
	e, err := newEngine(fstest.MapFS{"a.yaml": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	in := Input{SysObjectID: "1.3.6.1.4.1.99999.1", Entities: []Entity{
		{Index: 9, Descr: "Line card SN:LC000009", Model: "LC-10"},
		{Index: 1, Class: EntityClassChassis, Descr: "Acme Router 6000"},
		{Index: 2, Descr: "Route processor (SN: RP000002)", Model: "N/A"},
	}}
	got := e.Identify(in)
	if got.Serial != "RP000002" || got.Evidence[FieldSerial].OID != "1.3.6.1.2.1.47.1.1.1.1.2.2" {
		t.Errorf("serial = %q from %q, want RP000002 from entPhysicalDescr.2", got.Serial, got.Evidence[FieldSerial].OID)
	}
	if got.Model != "LC-10" {
		t.Errorf("model = %q, want LC-10 (row 2's placeholder skipped, column 6 not kept)", got.Model)
	}
	if f := e.FetchFor("1.3.6.1.4.1.99999.1", ""); len(f.Walk) != 0 {
		t.Errorf("fetch = %+v, want no walk: the ENTITY table is read anyway", f)
	}
}

// TestRowEquals: row_equals picks the row whose row_where column equals
// another object's value (trimmed, any case; sysName from the input);
// without that value, or without such a row, the rule yields nothing;
// the object is fetched by GET; row_equals goes with row_where alone.
func TestRowEquals(t *testing.T) {
	const (
		name   = "1.3.6.1.4.1.99999.9.1.2"
		ip     = "1.3.6.1.4.1.99999.9.1.3"
		serial = "1.3.6.1.4.1.99999.9.1.4"
		master = "1.3.6.1.4.1.99999.8.6.0"
	)
	src := acmeProfile("1.3.6.1.4.1.99999", `
    serial:
      - oid: `+serial+`
        row_where: `+name+`
        row_equals: 1.3.6.1.2.1.1.5.0
      - oid: `+serial+`
        row_where: `+ip+`
        row_equals: `+master+`
`)
	e, err := newEngine(fstest.MapFS{"a.yaml": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	in := Input{SysObjectID: "1.3.6.1.4.1.99999.1", SysName: "AP-Lobby ", Values: map[string]snmpwalk.Value{
		name + ".1": text("ap-hall"), ip + ".1": text("192.0.2.11"), serial + ".1": text("SER0001"),
		name + ".2": text("ap-lobby"), ip + ".2": text("192.0.2.12"), serial + ".2": text("SER0002"),
		master: text("192.0.2.11"),
	}}
	got := e.Identify(in)
	if got.Serial != "SER0002" || got.Evidence[FieldSerial].OID != serial+".2" {
		t.Errorf("serial = %q from %q, want SER0002, the row named as sysName", got.Serial, got.Evidence[FieldSerial].OID)
	}
	in.SysName = "other"
	if got := e.Identify(in); got.Serial != "SER0001" {
		t.Errorf("no row named as sysName: serial = %q, want SER0001, the master's row", got.Serial)
	}
	delete(in.Values, master)
	if got := e.Identify(in); got.Serial != "" {
		t.Errorf("no row and no master: serial = %q, want none", got.Serial)
	}
	f := e.FetchFor("1.3.6.1.4.1.99999.1", "")
	if !slices.Contains(f.Get, master) || !slices.Contains(f.Walk, name) || !slices.Contains(f.Walk, serial) {
		t.Errorf("fetch = %+v, want %s by GET and the columns walked", f, master)
	}
	wantLoadErrors(t, src, []loadErrorCase{
		{"        row_equals: 1.3.6.1.2.1.1.5.0\n", "        row_equals: 1.3.6.1.2.1.1.5.0\n        row_match: 'x'\n", "row_equals"},
		{"        row_where: " + name + "\n", "", "row_equals"},
		{"row_equals: 1.3.6.1.2.1.1.5.0", "row_equals: sysName", "row_equals"},
	})
}

// TestWalkReadsBelowItsOID: a walk rule reads the first value below its
// OID, never one at the OID itself, which a probe's walk (GETNEXT from
// the OID) does not answer: an `oid` rule reads that one.
func TestWalkReadsBelowItsOID(t *testing.T) {
	const col = "1.3.6.1.4.1.99999.5"
	src := acmeProfile("1.3.6.1.4.1.99999", `
    vendor: Acme
    serial:
      - walk: `+col+`
`)
	e, err := newEngine(fstest.MapFS{"a.yaml": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		values map[string]snmpwalk.Value
		want   string
	}{
		{map[string]snmpwalk.Value{col: text("AT"), col + ".1": text("BELOW")}, "BELOW"},
		{map[string]snmpwalk.Value{col: text("AT")}, ""},
	} {
		got := e.Identify(Input{SysObjectID: "1.3.6.1.4.1.99999.1", Values: c.values})
		if got.Serial != c.want {
			t.Errorf("%v: serial %q, want %q", c.values, got.Serial, c.want)
		}
	}
}

// TestWithJoin: an oid rule's join puts its own separator between the
// values with joins, instead of one space, so that a regex parts values
// that hold spaces themselves (a definition's '<model> (<firmware>)'
// template); without join the space stays; join goes with with only.
func TestWithJoin(t *testing.T) {
	const model, fw = "1.3.6.1.4.1.99999.7.1.0", "1.3.6.1.4.1.99999.7.2.0"
	src := acmeProfile("1.3.6.1.4.1.99999", `
    vendor: Acme
    model:
      - oid: `+model+`
        with: [`+fw+`]
        join: "\t"
        regex: '^([^\t]+)\t(.+)$'
        template: '$1 ($2)'
    os_version:
      - oid: `+model+`
        with: [`+fw+`]
`)
	e, err := newEngine(fstest.MapFS{"a.yaml": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	in := Input{SysObjectID: "1.3.6.1.4.1.99999.1", Values: map[string]snmpwalk.Value{
		model: text("PEX 40"), fw: text("PAL 1.04.026"),
	}}
	got := e.Identify(in)
	if got.Model != "PEX 40 (PAL 1.04.026)" {
		t.Errorf("model = %q, want the template over the two values parted at the join", got.Model)
	}
	if got.OSVersion != "PEX 40 PAL 1.04.026" {
		t.Errorf("os_version = %q, want the values one space apart (no join)", got.OSVersion)
	}
	wantLoadErrors(t, src, []loadErrorCase{
		{"        with: [" + fw + "]\n        join:", "        join:", "join"},
	})
}

// TestWithFirst: with_first joins each column's first value below it (a
// getnext's, in index order) after the oid's value and with's; a column
// that answers nothing fails the rule, so the next one reads; with_first
// goes with an absolute oid only, and join with it.
func TestWithFirst(t *testing.T) {
	const ver, cc = "1.3.6.1.4.1.99999.8.1.9", "1.3.6.1.4.1.99999.8.3.4"
	src := acmeProfile("1.3.6.1.4.1.99999", `
    vendor: Acme
    os_version:
      - oid: `+ver+`
        row_where: `+ver+`
        row_match: '^'
        with_first: [`+cc+`]
        join: "\t"
        regex: '^([^\t]+)\t(\S+)$'
        template: '$1 ($2)'
      - walk: `+ver+`
`)
	e, err := newEngine(fstest.MapFS{"a.yaml": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		values map[string]snmpwalk.Value
		want   string
	}{
		{map[string]snmpwalk.Value{ver + ".2.65.66": text("6.1"), cc + ".3.1.2.3": text("GB"), cc + ".2.1.2": text("US")}, "6.1 (US)"},
		{map[string]snmpwalk.Value{ver + ".2.65.66": text("6.1"), cc: text("AT")}, "6.1"},
		{map[string]snmpwalk.Value{ver + ".2.65.66": text("6.1")}, "6.1"},
	} {
		got := e.Identify(Input{SysObjectID: "1.3.6.1.4.1.99999.1", Values: c.values})
		if got.OSVersion != c.want {
			t.Errorf("%v: os_version %q, want %q", c.values, got.OSVersion, c.want)
		}
	}
	f := e.FetchFor("1.3.6.1.4.1.99999.1", "")
	if !slices.Contains(f.Walk, cc) {
		t.Errorf("fetch plan walks %v, want %s among them", f.Walk, cc)
	}
	wantLoadErrors(t, src, []loadErrorCase{
		{"      - walk: " + ver + "\n", "      - walk: " + ver + "\n        with_first: [" + cc + "]\n", "with_first"},
		{"        with_first: [" + cc + "]", "        with_first: [x.y]", "with_first"},
	})
}

// TestSysDescrLines: an oid rule on sysDescr alone reads its lines as
// the agent wrote them (a '.' stops at a line break, as in a definition's
// PCRE), where the sys_descr source reads them joined by spaces.
func TestSysDescrLines(t *testing.T) {
	src := acmeProfile("1.3.6.1.4.1.99999", `
    vendor: Acme
    model:
      - oid: 1.3.6.1.2.1.1.1.0
        regex: '^Acme (.*), Runtime '
    os_version:
      - oid: 1.3.6.1.2.1.1.1.0
        regex: 'Runtime (.*)'
    os:
      - sys_descr: 'Runtime (.*)'
`)
	e, err := newEngine(fstest.MapFS{"a.yaml": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	in := Input{SysObjectID: "1.3.6.1.4.1.99999.1", SysDescr: "Acme W1, Runtime 3.20\r\nBoot 1.05"}
	got := e.Identify(in)
	if got.Model != "W1" || got.OSVersion != "3.20" {
		t.Errorf("model, os_version = %q, %q, want W1, 3.20 (the first line's)", got.Model, got.OSVersion)
	}
	if got.OS != "3.20 Boot 1.05" {
		t.Errorf("os = %q, want the sys_descr source's lines joined by spaces", got.OS)
	}
}

// loadErrorCase: the profile source with from replaced by to fails to
// load, its error naming key.
type loadErrorCase struct{ from, to, key string }

// wantLoadErrors loads src with each case's replacement and wants the
// error each names; a from not in src is the test's own mistake.
func wantLoadErrors(t *testing.T, src string, cases []loadErrorCase) {
	t.Helper()
	for _, c := range cases {
		bad := strings.Replace(src, c.from, c.to, 1)
		if bad == src {
			t.Fatalf("%q not in the profile", c.from)
		}
		if _, err := loadProfiles(fstest.MapFS{"a.yaml": {Data: []byte(bad)}}); err == nil || !strings.Contains(err.Error(), c.key) {
			t.Errorf("%q -> %q: err = %v, want one naming %s", c.from, c.to, err, c.key)
		}
	}
}
