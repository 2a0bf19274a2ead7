package fingerprints

import (
	"testing"
)

// leads120FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq120's leads (session 34's sweep-D): each
// pins what the device-support definition that takes the unit states.
const leads120FixtureDir = "testdata/fixtures/leads-120"

// leads120Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads120Cases = map[string]want{
	// Definition windows (windows.yaml 13902ac: sysDescr 'Windows', a
	// text match on any sysObjectID, first pass): another agent's line on
	// its own registration, with Dell OpenManage answering. Windows.php
	// reads the hardware and serial as ServerHardware (chassisModelName.1,
	// chassisServiceTagName.1) and names no release off the 'Hardware: ...
	// Software:' form. Before fq120, dell-openmanage won, and the generic
	// sysDescr reader stated the line's '10.0' as the release.
	"windows-sysdescr-java-agent-dell": {"windows", "Dell", "PowerEdge R640", "7XK0120", "Windows", "", "server"},
	// Definition endrun (includes/definitions/endrun.yaml 13e0da2,
	// 1791a8a): on net-snmp's Linux registration it takes the unit only
	// where TEMPUSLXUNISON-MIB's version string (13827.5.0.11.0) contains
	// 'Tempus LX CDMA'; its version_regex '(.+) v (.+) -' then gives the
	// hardware and the version up to the last ' -' (fq112's words).
	"endrun-tempus-cdma-net-snmp": {"endrun", "EndRun Technologies", "Tempus LX CDMA", "", "", "6.1.0 build 3", "appliance"},
	// A Tempus LX GPS there is no endrun unit for the definition: linux's
	// (Shared\Unix's machine class, the kernel's release). Before fq120,
	// endrun's 'Tempus LX GPS' and '6.1.0 build 3'.
	"endrun-tempus-gps-net-snmp": {"net-snmp-linux", "", "Generic ARMv5", "", "Linux", "2.6.32", "server"},
	// Nor a Meridian II (MERIDIAN2-MIB's version string only): linux's.
	// Before fq120, endrun's 'Meridian II GPS' and '2.3.1'.
	"endrun-meridian-net-snmp": {"net-snmp-linux", "", "Generic ARMv7", "", "Linux", "3.14.79", "server"},
	// Definition kentix (os_detection f621ce7: 37954.5, no os module)
	// takes the unit and states no hardware: a uname Linux line's second
	// word is the host's name, not a product, even where the host is
	// named as one ('KMS-LAN'). Before fq120, kentix's product rule read
	// it as the model.
	"kentix-uname-product-host": {"kentix", "Kentix", "", "", "Linux", "4.14.98", "sensor"},
}

func TestLeads120Fixtures(t *testing.T) {
	checkFixtures(t, leads120FixtureDir, leads120Cases)
}
