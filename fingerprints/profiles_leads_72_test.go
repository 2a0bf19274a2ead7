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
	// it; dlinkap does by the sysDescr in its stored version 05c857f, not
	// in 75750b6 (171.10.37 alone), where no definition states a field:
	// dlink-dap's reading, the unit's own, either way.
	"dlink-mgmt-arc-dap": {"dlink-dap", "D-Link", "DAP-2360 AP", "", "", "", "access_point"},
	// A DES switch on 171.10: dlink, as before; probeSoftwareRev whole.
	"dlink-des-products-arc": {"dlink", "D-Link", "DES-3200-28", "", "", "Build 4.04.004", "switch"},
	// A FortiAuthenticator on its hardware registration (113.100.505,
	// fac2ke): the definition fortiauthenticator detects 113.100.101
	// (facvm) alone, so no definition states a field; fortinet-other keeps
	// the device's own facSystem values (before fq72,
	// fortinet-fortiauthenticator, firewall).
	"fortiauthenticator-other-registration": {"fortinet-other", "Fortinet", "FAC-2000E", "FAC2KE3R18000777", "FortiAuthenticator", "v6.3.2, build0721 (GA)", "appliance"},
	// The registration the definition names (113.100.101): as before.
	"fortiauthenticator-definition-registration": {"fortinet-fortiauthenticator", "Fortinet", "FAC-300F", "FAC3KF3R22000888", "FortiAuthenticator", "v6.5.1, build1227 (GA)", "firewall"},
	// FortiOS 2.80/3.0 on 12356.15 (definition fortigate): still
	// fortinet-fortigate (its 12356.1 alternative, which no definition
	// detects, is gone); FORTINET-MIB-280 fnSysSerial and fnSysVersion's
	// release; fnBridge names no product.
	"fortigate-fnbridge-arc": {"fortinet-fortigate", "Fortinet", "", "FGT3002803034000", "FortiOS", "3.00", "firewall"},
	// 41112.1.5 is the definition edgeos's by the sysObjectID alone,
	// checked before edgeswitch: an EdgePoint sysDescr there is
	// ubiquiti-edgeos's (before fq72, ubiquiti-edgeswitch's at 56), read
	// from UBNT-EdgeMAX-MIB ubntModel, ubntSerialNumber, ubntVersion.
	"edgepoint-edgemax-registration": {"ubiquiti-edgeos", "Ubiquiti", "EP-S16", "F09FC2A1B2C3", "EdgeOS", "v1.7.4.5075842", "switch"},
	// 'UBNT US' on 41112.1.5: edgeos's; none of its objects answers, so
	// the sysDescr's product code and firmware, the unit's own, follow.
	"ubnt-us-edgemax-registration": {"ubiquiti-edgeos", "Ubiquiti", "US-24-250W", "", "EdgeOS", "3.7.55.6308", "switch"},
	// A bare 'USW-Flex-Mini' on 41112.1.5: edgeos's likewise.
	"usw-bare-edgemax-registration": {"ubiquiti-edgeos", "Ubiquiti", "USW-Flex-Mini", "", "EdgeOS", "", "switch"},
	// The same sysDescr on Broadcom's 4413: edgeswitch's, as before.
	"usw-bare-fastpath-registration": {"ubiquiti-edgeswitch", "Ubiquiti", "USW-Flex-Mini", "", "UniFi", "", "switch"},
}

func TestLeads72Fixtures(t *testing.T) {
	checkFixtures(t, leads72FixtureDir, leads72Cases)
}
