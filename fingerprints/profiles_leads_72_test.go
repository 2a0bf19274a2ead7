package fingerprints

import (
	"testing"
)

// leads72FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq72's leads: which profile takes a
// device, as the device-support definitions detect it (D-Link's arcs,
// Fortinet's, Ubiquiti's), and the NX-OS hardware's form.
const leads72FixtureDir = "testdata/fixtures/leads-72"

// leads72Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads72Cases = map[string]want{
	// A 'D-Link DAP-' sysDescr on a products-arc registration other than
	// 171.10.37: the definition dlink (171.10 except 171.10.37), checked
	// before dlinkap, takes it; its sysDescr pattern's hardware.
	"dlink-dap-sysdescr-products-arc": {"dlink", "D-Link", "DAP-2610", "", "", "", "access_point"},
	// The access points' arc 171.10.37: dlink excepts it, dlinkap takes
	// the sysDescr; Dlinkap.php's hardware (sysDescr and revision) and
	// firmware whole.
	"dlink-dap-arc-37": {"dlink-dap", "D-Link", "DAP-3520 Outdoor AP A1", "", "", "1.15 09:34:09 01/21/2013", "access_point"},
	// A DAP sysDescr off the products arc (171.11): dlink does not detect
	// it, dlinkap does by the sysDescr.
	"dlink-mgmt-arc-dap": {"dlink-dap", "D-Link", "DAP-2360 AP", "", "", "", "access_point"},
	// A DES switch on 171.10: dlink, as before; probeSoftwareRev whole.
	"dlink-des-products-arc": {"dlink", "D-Link", "DES-3200-28", "", "", "Build 4.04.004", "switch"},
}

func TestLeads72Fixtures(t *testing.T) {
	checkFixtures(t, leads72FixtureDir, leads72Cases)
}
