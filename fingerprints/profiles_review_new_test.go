package fingerprints

import (
	"testing"
)

// reviewNewFixtureDir holds small walks written from the vendor MIBs for
// the review of the profiles the 16th session added or widened, and of the
// leads it left open: each fixture fails before the change it tests.
const reviewNewFixtureDir = "testdata/fixtures/review-new"

// reviewNewCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var reviewNewCases = map[string]want{
	// SIAE SM-OS: the model was 'GE5310A' (the first unit's part number
	// alone, as the older sm-os poller read it); it is now 'IDU
	// (GE5310A)', the unit's label and its part number, as the newest
	// definition sm-os templates the hardware (os_discovery/sm-os.yaml
	// '{{ unitLabel.1 }} ({{ unitPartNumber.1 }})'; fq89).
	"siae-sm-os-part-number": {"siae-sm-os", "SIAE Microelettronica", "IDU (GE5310A)", "2104C01234", "SM-OS", "05.01.03", "wireless"},
	// A ProCurve stack whose commander is member 2: SEMI-MIB's serial (the
	// commander's), not the lowest member's chassis row.
	"hp-procurve-stack-commander": {"hp-procurve", "HPE", "J9729A 2920-48G-PoE+", "SG61FLX2B7", "ArubaOS-Switch", "WB.16.10.0012", "switch"}, // the hardware as the definition (procurve) reads it: product number and name
	// A NET VISION 5 card (4555.1.1.1): its own upsIdent order.
	"socomec-netvision5": {"socomec-netvision", "Socomec", "MASTERYS BC 20", "R04120012345", "", "2.31", "ups"},
	// FCMGMT-MIB's revisions table: the software's row, not the first
	// (the hardware's).
	"fcmgmt-revs-software-row": {"fcmgmt-unit", "", "StorArray 3200", "SA32C0012345", "", "4.20.17", "storage"},
	// Rows described 'HW Version' and 'Boot ROM' before the software's,
	// which names neither firmware nor software.
	"fcmgmt-revs-hw-boot-rows": {"fcmgmt-unit", "", "StorArray 2100", "SA21C0067890", "", "G220R05", "storage"},
	"hpe-msa-revs-bundle":      {"hpe-msa", "HPE", "P2000 G3 FC", "2S6519B123", "", "TS251P002", "storage"},
	"hpe-storageworks-fc-revs": {"hpe-storageworks-fc-switch", "HPE", "8/20q", "1A2345B6789", "", "7.4.0.29.0", "switch"},
	// A Server Technology PRO4X on Raritan's PDU2-MIB: the nameplate's
	// maker.
	"raritan-px2-servertech-pro4x": {"raritan-px2", "Server Technology", "C2WG36MS-DQME2M66/C", "5D21012345", "Xerus", "4.0.20.5-50163", "pdu"},
	// ZTE's 5950 switches on another registration: the sysDescr the
	// definition names without ZXR10.
	"zte-5950-other-registration": {"zte-zxr10", "ZTE", "5950-36TM-H", "", "ZXROS", "V3.00.11.B18", "switch"},
	// An EnGenius AP on net-snmp's registration answering only the 100.1
	// system group.
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 3.9.2.1, not Linux's): an OS is named beside its own release only.
	"engenius-system-group": {"engenius", "EnGenius", "", "GE7221004321", "", "3.9.2.1", "access_point"},
	// A Quidway AR router on VRP 3, whose sysDescr writes 'VRP (R)
	// Software, Version ..., Release ...': the word after "Version", as
	// the definition's class (Vrp.php) reads it, its comma trimmed (was
	// "3.40 Release 0311P07" before fpL).
	"huawei-quidway-ar-vrp3": {"huawei-vrp", "Huawei", "AR28-31", "", "VRP", "3.40", "router"},
}

func TestReviewNewFixtures(t *testing.T) { checkFixtures(t, reviewNewFixtureDir, reviewNewCases) }
