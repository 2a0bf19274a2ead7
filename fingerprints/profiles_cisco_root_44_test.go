package fingerprints

import (
	"testing"
	"testing/fstest"

	"github.com/netcensus/netcensus/internal/snmprec"
)

// ciscoRoot44FixtureDir holds small walks for fq44: which ENTITY-MIB row
// a Cisco IOS or IOS-XE device is read from, as the shared Cisco OS
// discovery (Cisco.php discoverOS and getMainSerial) reads it.
const ciscoRoot44FixtureDir = "testdata/fixtures/cisco-root-44"

// ciscoRoot44Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var ciscoRoot44Cases = map[string]want{
	// Row 1 a service module inside the chassis row (entPhysicalContainedIn.1
	// 2, class module) with a serial of its own: Cisco.php reads row 1's
	// names and release only where entPhysicalContainedIn.1 is 0, so the
	// sysDescr's release; the module's serial (FOC17119QLM) is no serial
	// of the router, so the chassis row's (getMainSerial reads row 1
	// whatever it is; we state no part's serial as the device's); the
	// chassis row's model.
	"ios-row1-module": {"cisco-ios", "Cisco", "CISCO3925/K9", "FTX1711AK2B", "IOS", "15.4(3)M5", "router"},
	// Row 1 a module without a model name, its name a part number
	// (SM-SRE-710-K9): not read, row 1 not the root (was "SM-SRE-710-K9",
	// the module's name as the router's model); no row 1000 or 1001, so
	// the product the registration names (cisco2811), as Cisco.php falls
	// back to.
	// fq116: was "2811" (the registry's display form); now "cisco2811",
	// the CISCO-PRODUCTS-MIB label Cisco.php (ios) falls back to.
	"ios-row1-module-name": {"cisco-ios", "Cisco", "cisco2811", "FHK1234F0AB", "IOS", "12.4(24)T8", "router"},
	// An agent answering no entPhysicalContainedIn: Cisco.php's
	// isset(entPhysicalContainedIn.1) fails and row 1 names nothing, so
	// not its name (was "2811 chassis") but the registration's product,
	// and the sysDescr's release, not entPhysicalSoftwareRev.1 (the same
	// here); the serial row 1's, as getMainSerial reads it.
	// fq116: was "2811"; now "cisco2811", Cisco.php's CISCO-PRODUCTS-MIB
	// label (its last step).
	"ios-row1-containedin-missing": {"cisco-ios", "Cisco", "cisco2811", "FTX1302A1BC", "IOS", "15.1(4)M12a", "router"},
	// The same on IOS-XE: the release as Cisco.php writes the bracketed
	// sysDescr's, image and release (was "17.03.04a", row 1's). The model
	// stays the chassis row's (ENTITY-MIB class chassis, the engine's
	// chassis choice), where Cisco.php would fall to the registration.
	"iosxe-row1-containedin-missing": {"cisco-ios-xe", "Cisco", "ISR4331/K9", "FDO2207M1XY", "IOS-XE", "X86_64_LINUX_IOSD-UNIVERSALK9-M 17.3.4a", "router"},
	// Row 1 the root (entPhysicalContainedIn.1 0): its model name, serial
	// and release, as Cisco.php reads them.
	"iosxe-row1-root-model": {"cisco-ios-xe", "Cisco", "ASR1001-X", "FXS2049Q2KL", "IOS-XE", "17.03.04a", "router"},
	// No row 1 at all, the chassis at row 1001 (a standalone Catalyst
	// 3560): Cisco.php takes entPhysicalModelName.1001 and
	// entPhysicalSerialNum.1001; the sysDescr's release.
	"ios-no-row1-chassis-1001": {"cisco-ios", "Cisco", "WS-C3560G-48TS-E", "FOC1408Z7QA", "IOS", "12.2(55)SE12", "switch"},
	// An MDS on SAN-OS (definition sanos, of Cisco's group, read by
	// Cisco.php) whose row 1 is the supervisor module inside the chassis
	// row: not the supervisor's serial (was JAE1129LM3T) but the
	// chassis's; the release the sysDescr's, row 1 not the root.
	"sanos-row1-module": {"cisco-san-os", "Cisco", "DS-C9506", "FOX1133GT2E", "SAN-OS", "3.3(4a)", "switch"},
}

func TestCiscoRoot44Fixtures(t *testing.T) { checkFixtures(t, ciscoRoot44FixtureDir, ciscoRoot44Cases) }

// TestContainedInMissing: a row whose agent answers no
// entPhysicalContainedIn has no value there for an if_oid or a row test
// (as a definition reading the object finds none), while the chassis
// choice still reads it as a root; an answered 0 is a value.
func TestContainedInMissing(t *testing.T) {
	const (
		ci    = "1.3.6.1.2.1.47.1.1.1.1.4"
		model = "1.3.6.1.2.1.47.1.1.1.1.13"
		ser   = "1.3.6.1.2.1.47.1.1.1.1.11"
	)
	src := acmeProfile("1.3.6.1.4.1.99999", `
    vendor: Acme
    model:
      - oid: `+model+`.1
        if_oid: `+ci+`.1
        if_match: '^0$'
      - sys_descr: '^Acme (\S+)'
    serial:
      - oid: `+ser+`
        row_where: `+model+`
        row_match: '\S'
        row_and: [[`+ci+`, '^0$']]
      - sys_descr: 'SN (\S+)'
`)
	e, err := newEngine(fstest.MapFS{"a.yaml": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	in := Input{SysObjectID: "1.3.6.1.4.1.99999.1", SysDescr: "Acme DESCR1 SN DESCRSN"}
	for _, tc := range []struct {
		name              string
		ents              []Entity
		wantModel, wantSN string
	}{
		{"answered 0", []Entity{{Index: 1, Class: 3, Model: "M1", Serial: "S1"}}, "M1", "S1"},
		{"inside row 2", []Entity{{Index: 1, Class: 9, Model: "M1", Serial: "S1", ContainedIn: 2}, {Index: 2, Class: 3}}, "DESCR1", "DESCRSN"},
		{"not answered", []Entity{{Index: 1, Class: 3, Model: "M1", Serial: "S1", NoContainedIn: true}}, "DESCR1", "DESCRSN"},
		{"first answered row", []Entity{{Index: 1, Class: 3, Model: "M1", Serial: "S1", NoContainedIn: true}, {Index: 5, Class: 3, Model: "M5", Serial: "S5"}}, "DESCR1", "S5"},
	} {
		in.Entities = tc.ents
		got := e.Identify(in)
		if got.Model != tc.wantModel || got.Serial != tc.wantSN {
			t.Errorf("%s: model %q serial %q, want %q %q", tc.name, got.Model, got.Serial, tc.wantModel, tc.wantSN)
		}
	}
	// The chassis choice still reads a row without the column as a root.
	c := &evalCtx{ents: []Entity{{Index: 1, Class: 3, Model: "M1", NoContainedIn: true}}}
	if ch := c.chassisOrder(); len(ch) != 1 || ch[0].Index != 1 {
		t.Errorf("chassisOrder = %+v, want row 1", ch)
	}

	// InputFromWalk marks the rows the agent gave no entPhysicalContainedIn.
	b := OIDEntPhysicalEntry
	w := snmprec.NewWalk([]snmprec.Record{
		{OID: b + ".4.2", Value: snmprec.Value{Type: snmprec.TypeInteger, Int: 0}},
		{OID: b + ".4.3", Value: snmprec.Value{Type: snmprec.TypeInteger, Int: 2}},
		{OID: b + ".13.1", Value: snmprec.Value{Type: snmprec.TypeOctetString, Bytes: []byte("M1")}},
		{OID: b + ".13.2", Value: snmprec.Value{Type: snmprec.TypeOctetString, Bytes: []byte("M2")}},
		{OID: b + ".13.3", Value: snmprec.Value{Type: snmprec.TypeOctetString, Bytes: []byte("M3")}},
	})
	ents := InputFromWalk(w, nil).Entities
	if len(ents) != 3 || !ents[0].NoContainedIn || ents[1].NoContainedIn || ents[2].NoContainedIn || ents[2].ContainedIn != 2 {
		t.Errorf("entities = %+v, want row 1 alone without entPhysicalContainedIn", ents)
	}
}
