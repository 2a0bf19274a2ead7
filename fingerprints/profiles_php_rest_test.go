package fingerprints

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/netcensus/netcensus/snmpwalk"
)

// phpRestFixtureDir holds small walks written from the vendor MIBs for the
// review of the device-support PHP classes (LibreNMS/OS/<Name>.php) not
// read before: which objects give hardware, version and serial, in which
// order and form.
const phpRestFixtureDir = "testdata/fixtures/php-rest"

// phpRestCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var phpRestCases = map[string]want{
	// A D-Link DAP on its product registration: Dlinkap.php writes the
	// hardware as the sysDescr, a space and the revision at
	// <sysObjectID>.5.1.5.0 (the maker's name dropped here), the version
	// as the firmware object's whole value.
	"dlink-dap-revision": {"dlink-dap", "D-Link", "DAP-2660 B1", "", "", "1.12 12:05:33 07/15/2016", "access_point"},
	// The revision object answering empty: the sysDescr alone (the
	// class trims the joined value).
	"dlink-dap-empty-revision": {"dlink-dap", "D-Link", "DAP-2230", "", "", "2.01", "access_point"},
	// JunosE (Junose.php): the registration's product (4874.1.1.1.6.2,
	// E120) and all within juniSystemSwVersion's parentheses.
	"juniper-junose-release": {"juniper-junose", "Juniper Networks", "E120", "", "JunosE", "10.1.0 release-0.0", "router"},
	// Without juniSystemSwVersion: the registration's product
	// (4874.1.1.1.1.2, ERX-700), the sysDescr's release with its
	// patch word as a fallback the class does not have.
	"juniper-junose-descr-only": {"juniper-junose", "Juniper Networks", "ERX-700", "", "JunosE", "8.2.4 patch-0.4", "router"},
	// AlliedWare Plus as the definition awplus detects it ('AW+' in the
	// sysDescr): Awplus.php's rscBoardTable first row (name and serial)
	// and currSoftVersion.0 whole, over ENTITY's chassis row and the
	// sysDescr's release.
	"allied-awplus-board-first": {"allied-telesis", "Allied Telesis", "x510-52GTX", "A04884H163900042", "AlliedWare Plus", "5.5.2-0.3", "switch"},
	// 'AlliedWare Plus (TM)' names neither 'AW+' nor 'Software
	// (AlliedWare Plus)': the definition allied's device (Allied.php),
	// whose order (ENTITY, the sysDescr's release) stays.
	"allied-awplus-tm-descr": {"allied-telesis", "Allied Telesis", "x230-28GP", "A04884H123450001", "AlliedWare Plus", "5.4.8", "switch"},
	// An Allied switch (definition allied, Allied.php) answering
	// atiL2SwVersion but not atiL2SwProduct: the software version whole,
	// without 'Plus '; the model the sysDescr names.
	"allied-ats41-no-product": {"allied-telesis", "Allied Telesis", "AT-8126XL", "", "", "AT-S21 v1.4.2", "switch"},
	// AlliedWare's 'Allied <maker> <model> version <release> <date>'
	// (Allied.php): the sysDescr's third word and arBoardSerialNumber.1
	// over ENTITY's chassis row.
	"allied-alliedware-entity": {"allied-telesis", "Allied Telesis", "AT-8624T/2M", "M1NA7103K", "", "2.9.1-13", "switch"},
	// 'Allied Telesyn Ethernet Switch AT-8012M': its fifth word, as
	// Allied.php's last hardware rule takes it, over ENTITY.
	"allied-ethernet-switch-word5": {"allied-telesis", "Allied Telesis", "AT-8012M", "", "", "", "switch"},
	// AlliedWare Plus 2.x (8100S, definition allied): the product row's
	// model and serial over ENTITY's, and 'Plus <version>' (Allied.php).
	"allied-awplus2-entity": {"allied-telesis", "Allied Telesis", "AT-8100S/48POE", "A045B8109000031", "AlliedWare Plus", "Plus 2.2.3.0", "switch"},
	// AT-S41 (definition allied): atiL2SwProduct over ENTITY's model,
	// atiL2SwVersion whole (Allied.php), without the 'Plus ' the class
	// puts before it: AT-S41 is not AlliedWare Plus (fpW).
	"allied-ats41-entity": {"allied-telesis", "Allied Telesis", "AT-8326GB", "", "", "AT-S41 v1.1.6", "switch"},
	// ALAXALA AX2530S (Alaxala.php; alaxala.yaml has no os section): the
	// version "<ax2530sRomVersion.0> SW <ax2530sSoftwareVersion.0>".
	"alaxala-ax2530s-rom0": {"alaxala", "ALAXALA", "AX2530S-24T", "", "", "1.0.6 SW 4.12.A", "switch"},
	// No ROM version answered: the class's trim(" SW <software>").
	"alaxala-ax2530s-no-rom": {"alaxala", "ALAXALA", "AX2530S-24S4X", "", "", "SW 4.12.A", "switch"},
	// ALAXALA AX1240S (AX12S-MIB ax1240sRomVersion, ax1240sChassisEntry
	// 10): chassis 0 not answering, chassis 1's ROM version.
	"alaxala-ax1240s-rom1": {"alaxala", "ALAXALA", "AX1240S-24P2C", "", "", "1.2.0 SW 2.4.D", "switch"},
	// ALAXALA AX3630S (AX36S-MIB ax3630sRomVersion, ax3630sChassisEntry
	// 10).
	"alaxala-ax3630s-rom": {"alaxala", "ALAXALA", "AX3630S-48T2XW", "", "", "1.0.3 SW 11.14.G", "switch"},
	// ALAXALA AX3660S (AX3660S-MIB ax3660sRomVersion, ax3660sChassisEntry
	// 10).
	"alaxala-ax3660s-rom": {"alaxala", "ALAXALA", "AX3660S-48T4XW", "", "", "1.1.2 SW 12.1.F", "switch"},
	// ALAXALA AX3630S answering its chassis table, not the ModelType
	// scalar: ax3630sChassisType at chassis 0 before 1, as Alaxala.php
	// reads it (before, the series the registration names).
	"alaxala-ax3630s-chassis0": {"alaxala", "ALAXALA", "AX3630S-24P", "", "", "1.0.3 SW 11.14.G", "switch"},
	// ALAXALA: the serial of ENTITY-MIB row 1 (here a stack row), as
	// Alaxala.php reads entPhysicalSerialNum.1, not the chassis row's.
	"alaxala-entity-row1-serial": {"alaxala", "ALAXALA", "AX2530S-24T", "AX2530S0000121", "", "1.0.6 SW 4.12.A", "switch"},
	// ALAXALA without the model objects: the model the sysDescr brackets,
	// as Alaxala.php's normalizeHardware takes it, not the series (the
	// release a generic sysDescr rule's; the class would write "SW").
	"alaxala-bracket-model": {"alaxala", "ALAXALA", "AX3630S-24T2X", "", "", "11.14.G", "switch"},
}

func TestPHPRestFixtures(t *testing.T) { checkFixtures(t, phpRestFixtureDir, phpRestCases) }

// TestRelativeWith: an oid rule relative to the sysObjectID takes with
// (absolute OIDs joined after its value, as Dlinkap.php joins the sysDescr
// and the revision under the product's registration); FetchFor plans the
// resolved OID and the with OIDs, and with no sysObjectID known
// (VendorOIDs) the with OIDs are read too; a relative OID in with is refused.
func TestRelativeWith(t *testing.T) {
	const other = "1.3.6.1.4.1.99999.9.1.0"
	src := acmeProfile("1.3.6.1.4.1.99999.10", `
    model:
      - oid: sysObjectID.5.1.5.0
        with: [`+other+`]
        regex: '^(\S+) (\S+)$'
        template: '$2 $1'
`)
	e, err := newEngine(fstest.MapFS{"a.yaml": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	const a = "1.3.6.1.4.1.99999.10.37"
	in := Input{SysObjectID: a, Values: map[string]snmpwalk.Value{
		a + ".5.1.5.0": text("A1"),
		other:          text("W-37"),
	}}
	if got := e.Identify(in); got.Model != "W-37 A1" || got.Evidence[FieldModel].OID != a+".5.1.5.0" {
		t.Errorf("model = %q from %q, want W-37 A1 from %s.5.1.5.0", got.Model, got.Evidence[FieldModel].OID, a)
	}
	delete(in.Values, other)
	if got := e.Identify(in); got.Model != "" {
		t.Errorf("without the with object: model = %q, want none", got.Model)
	}
	f := e.FetchFor(a, "")
	if !slices.Contains(f.Get, a+".5.1.5.0") || !slices.Contains(f.Get, other) {
		t.Errorf("fetch = %+v, want GET %s.5.1.5.0 and %s", f, a, other)
	}
	if v := e.VendorOIDs(); !slices.ContainsFunc(v, func(o string) bool { return snmpwalk.HasPrefix(other, o) }) {
		t.Errorf("VendorOIDs %v do not cover %s", v, other)
	}
	bad := strings.Replace(src, "with: ["+other+"]", "with: [sysObjectID.9.1.0]", 1)
	if _, err := loadProfiles(fstest.MapFS{"a.yaml": {Data: []byte(bad)}}); err == nil || !strings.Contains(err.Error(), "is not an OID") {
		t.Errorf("a relative OID in with: err = %v", err)
	}
}
