package fingerprints

import (
	"testing"
)

// leadsHFixtureDir holds small walks written from the vendor MIBs and the
// device-support definitions for the leads other reviews left: release
// strings the definitions read raw, a role that is no hardware, Mitel
// Standard Linux's sysDescr fields, Konica Minolta's firmware object and
// the Cisco small-business SGE registrations.
const leadsHFixtureDir = "testdata/fixtures/leads-h"

// leadsHCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var leadsHCases = map[string]want{
	// Nexans: NEXANS-BM-MIB infoMgmtFirmwareVersion whole, as the
	// definition (nexans) reads it, not the number inside it.
	"nexans-raw-version": {"nexans", "Nexans", "GigaSwitch 1042 FX", "", "", "V5.40.01 build 7", "switch"},
	// McAfee SIEM (definition nitro): no model; the role its registration
	// names (Enterprise Security Manager, 23128.1000.1.1) is what Nitro.php
	// records as features. The release from sysDescr.
	"mcafee-siem-esm": {"mcafee-siem", "McAfee", "", "", "McAfee SIEM", "11.2.1", "appliance"},
	// Mitel Standard Linux with VerSw before VerHw, the definition's (msl)
	// second sysDescr pattern: the hardware field, and the VerSw field raw
	// where the application table does not answer.
	"mitel-msl-versw-first": {"mitel", "Mitel", "x86_64", "", "Mitel Standard Linux", "10.06.22.00.00", "appliance"},
	// Konica Minolta: the system firmware object (18334.1.1.1.1.6.1.0)
	// whole, as the definition (konica) takes it, whatever its shape.
	"konica-firmware-any-shape": {"konica-minolta-printer", "Konica Minolta", "bizhub C450i", "AA2J021098765", "", "GC9-20 (20.80)", "printer"},
	// Cisco small business SGE on 9.6.1.72.xxxx without a model name or a
	// sysDescr product: 'SGE', the four characters after 72., '-' and the
	// sysDescr's first two characters, as Ciscosb.php writes it.
	"cisco-sb-sge": {"cisco-sb", "Cisco", "SGE2010-48", "", "", "", "switch"},
	// The same with CISCOSB-DEVICEPARAMS-MIB genGroupHWVersion: after a
	// space, as Ciscosb.php appends it.
	"cisco-sb-sge-hw-version": {"cisco-sb", "Cisco", "SGE2000-24 V02", "", "", "", "switch"},
	// A Zebra QL printer without ESI-MIB: the model ZEBRA-QL-MIB
	// zql-device-product-name (10642.200.19.7), which the definition
	// (zebra) reads after genProductNumber; no serial, not the
	// user-set zql-device-friendly-name (10642.200.19.5), and no
	// Printer-MIB fallback (zebra is no printer-group OS).
	"zebra-ql-friendly-name": {"zebra-printer", "Zebra", "QLn320", "", "", "", "printer"},
}

func TestLeadsHFixtures(t *testing.T) {
	checkFixtures(t, leadsHFixtureDir, leadsHCases)
}
