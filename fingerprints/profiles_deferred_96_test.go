package fingerprints

import (
	"testing"
)

// deferred96FixtureDir holds small walks written from the vendor MIBs for
// fq96's audit of which definition takes a device when one checked in
// LibreNMS's first pass (no snmpget) and a profile reading objects (an
// snmpget definition's, or the vendor's own beyond any definition) could
// both take it: the first pass wins.
const deferred96FixtureDir = "testdata/fixtures/deferred-96"

// deferred96Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var deferred96Cases = map[string]want{
	// A Linksys SRW on Linksys's 3955.6 arc answering the Radlan unit
	// table under 3955.1000.201: the definition ciscosb's
	// ('.1.3.6.1.4.1.3955.6.', first pass), not linksys-ss's (3955.1000
	// alone); ciscosb's CISCOSB objects answer none, so the unit's own
	// model, serial and release follow.
	"linksys-srw-3955-6-unit-table": {"cisco-sb", "Linksys", "SRW224G4", "CGD00Q600042", "", "1.1.3", "switch"},
	// The same table on the smart switches' own arc (3955.1000, the
	// definition linksys-ss): still linksys-ss's. The release was
	// '1.1.1.10' (the software version alone); it is now 'SW: 1.1.1.10,
	// FW: 1.0.0.3', the definition linksys-ss's version_template (fq109).
	"linksys-lgs-3955-1000-unit-table": {"linksys-ss", "Linksys", "LGS318P", "19B10C600123", "", "SW: 1.1.1.10, FW: 1.0.0.3", "switch"},
	// A virtual SmartZone on the SmartCell Gateway arc (25053.3.1.10),
	// which the newest stored definition ruckuswireless-sz (917ee24)
	// detects with no snmpget, answering RUCKUS-HWINFO-MIB too: the
	// SmartZone's (before, ruckus-ap's, which follows no definition, by
	// that MIB's serial). The first node's model and release, the stats
	// serial, as RuckuswirelessSz.php reads them.
	"ruckus-vsz-scg-arc-hwinfo": {"ruckus-smartzone", "Ruckus", "vSZ-E", "5B3C7D2E9F10", "SmartZone", "6.1.1.0.959", "wireless_controller"},
	// The same on ruckusSZ100 (25053.3.1.11.1).
	"ruckus-sz100-hwinfo": {"ruckus-smartzone", "Ruckus", "SZ104", "941904001122", "SmartZone", "5.2.1.0.515", "wireless_controller"},
	// A ZoneDirector whose ruckusZDSystemModel.0 starts 'ZD'
	// (ruckuswireless's snmpget) answering RUCKUS-HWINFO-MIB too: the
	// definition's (ruckus-wireless), its version_template with the
	// country code, not ruckus-ap's.
	"ruckus-zd3000-hwinfo": {"ruckus-wireless", "Ruckus", "ZD3000", "151203008899", "ZoneDirector", "10.1.1.0 build 42 (DE)", "wireless_controller"},
	// A standalone access point (a HotZone registration no definition
	// detects): still ruckus-ap's, by RUCKUS-HWINFO-MIB.
	"ruckus-hotzone-ap-hwinfo": {"ruckus-ap", "Ruckus", "R550", "472103004455", "Ruckus AP", "116.1.0.0.1560", "access_point"},
	// A mobility controller on Aruba's switchProducts (14823.1.1) whose
	// agent answers AI-AP-MIB's aiVirtualControllerVersion: the definition
	// arubaos's (every 14823 arc but 1.2 and 1.6, no snmpget, first pass),
	// not aruba-instant's (before, aruba-instant's by that object).
	"aruba-controller-answering-ai-ap-mib": {"aruba-mobility-controller", "Aruba", "Aruba7010", "CV0012345", "ArubaOS", "8.10.0.7", "wireless_controller"},
	// An apProducts AP (14823.1.2) whose sysDescr names neither ArubaOS
	// nor AOS: arubaos excepts the arc, so aruba-instant's AI-AP-MIB
	// alternative still takes it; the model its registration names.
	"aruba-iap-other-sysdescr-ai-ap-mib": {"aruba-instant", "Aruba", "AP505", "", "ArubaOS Instant", "8.6.0.4-8.6.0.4", "access_point"},
}

// TestDeferred96Fixtures checks each profile on its fixture: the winning
// profile and every field, with evidence (check).
func TestDeferred96Fixtures(t *testing.T) {
	checkFixtures(t, deferred96FixtureDir, deferred96Cases)
}
