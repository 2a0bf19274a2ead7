package fingerprints

import (
	"testing"
)

// detect124FixtureDir holds small walks written from CISCO-PRODUCTS-MIB's
// registrations, ENTITY-MIB and documented sysDescr shapes for fq124's
// look at the device-support definitions of Cisco's group that the shared
// Cisco OS discovery (Shared/Cisco.php) reads with its own steps (pixos,
// cat1900), and at the order of ZTE's definitions (zxa10, zxdsl, zxr10:
// the first that detects a unit, in the definitions' order, takes it).
const detect124FixtureDir = "testdata/fixtures/detect-124"

// detect124Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var detect124Cases = map[string]want{
	// A PIX 515E on PIX 6 without ENTITY-MIB (definition pixos, group
	// cisco, no os module: Shared/Cisco.php's steps): no ENTITY row, so
	// the sysObjectID translated through CISCO-PRODUCTS-MIB, the label
	// ciscoPIXFirewall515E (9.1.451); no release object, the sysDescr's.
	// Before, cisco-asa's, the model "PIXFirewall515E" (no registration
	// label for PIX there).
	"pixos-515e-registration-label": {"cisco-pix", "Cisco", "ciscoPIXFirewall515E", "", "PIX-OS", "6.3(5)", "firewall"},
	// A Catalyst 6500 FWSM (sysDescr 'Cisco Firewall Services Module',
	// which pixos detects) answering no ENTITY row: the label
	// cat6500FirewallSm (9.1.522) as the MIB writes it. Before,
	// cisco-asa's, "Catalyst 6500FirewallSm".
	"pixos-fwsm-registration-label": {"cisco-pix", "Cisco", "cat6500FirewallSm", "", "PIX-OS", "3.2(4)", "firewall"},
	// A PIX 515 security context whose row 1 is the root: its model name
	// (Cisco.php step 1), serial (getMainSerial) and
	// entPhysicalSoftwareRev.1 (Cisco.php reads it where row 1 is the
	// root), ahead of the sysDescr's release. Before, cisco-asa's, the
	// sysDescr's "8.0(4)".
	"pixos-entity-root-release": {"cisco-pix", "Cisco", "PIX-515", "808850124", "PIX-OS", "8.0(4)28", "firewall"},
	// A Catalyst 1912C on its Cisco registration (definition cat1900,
	// group cisco, no os module, no class): Cisco.php's translation of
	// the sysObjectID, the label catalyst1912C (9.1.175); the firmware
	// the sysDescr writes. Before, the registry's display form
	// "Catalyst 1912C".
	// fq123: "Catalyst 1912C" (was "catalyst1912C"): cat1900 has an os
	// module (includes/definitions/discovery/cat1900.yaml 00a6ceb, the only
	// stored copy; none under resources/), which Cisco.php runs and
	// returns after: no label step; its hardware '1900' is fetched as an
	// OID and states none, so the registry's display form stands.
	"cat1900-1912c-registration-label": {"cisco-catalyst-1900", "Cisco", "Catalyst 1912C", "", "", "V9.00.04", "switch"},
	// A ZXA10 C220 on the ZXDSL arc 3902.1015 (plain '<number>.1.1.1'
	// form): the definition zxdsl takes it whatever the sysDescr, before
	// any other ZTE definition could. Neither Zxdsl.php's class nor the
	// yaml's 'Version V... ' pattern names anything, so the OLT's own
	// product and release, as zte-olt reads them. Before, zte-olt's (55
	// over zte-zxdsl's 52), os ZXAN.
	"zxdsl-1015-zxa10-sysdescr": {"zte-zxdsl", "ZTE", "ZXA10 C220", "", "ZXDSL", "V1.2.1P3", "switch"},
	// A ZXDSL 9806H on 3902.1004 whose sysDescr names ZXR10 (zxr10's
	// detection string): still zxdsl's, checked before zxr10; the model
	// Zxdsl.php names from the registration (9806.8 -> 9806H). The
	// release is no object of zxdsl's: zte-zxr10's sysDescr reading fills
	// it. Already so before (zte-zxr10 admits ZTE's arc at 50); pinned.
	"zxdsl-1004-zxr10-sysdescr": {"zte-zxdsl", "ZTE", "ZXDSL 9806H", "", "ZXDSL", "V4.08.23", "switch"},
	// A TITAN OLT (3902.1082.1001.9999, which every stored zxa10
	// detects) whose sysDescr names ZXR10 and no C or F product: zxa10's,
	// checked before zxr10 (zte-zxa10-oid 54 over zte-zxr10's 50 on ZTE's
	// arc); no model (zte-zxa10-oid's no_fill), the release. Already so
	// before; pinned.
	"zxa10-arc-zxr10-sysdescr": {"zte-zxa10-oid", "ZTE", "", "", "ZXAN", "V5.00.10", "switch"},
}

func TestDetect124Fixtures(t *testing.T) { checkFixtures(t, detect124FixtureDir, detect124Cases) }
