package fingerprints

import (
	"testing"
)

// reviewVendorsIZBFixtureDir holds small walks written from the vendor
// MIBs for the second review of the vendors-i-m, vendors-n-r and
// vendors-s-z profiles against the device-support definitions: the devices
// they detect and the objects (and value forms) they read.
const reviewVendorsIZBFixtureDir = "testdata/fixtures/review-vendors-i-z-b"

// reviewVendorsIZBCases: fixture name → the expected result (profile,
// vendor, model, serial, os, os_version, device_type).
var reviewVendorsIZBCases = map[string]want{
	// Scalar i80 on net-snmp's Linux registration answering
	// QUANTUM-SMALL-TAPE-LIBRARY-MIB (3697.1.10.10.1): libraryModel, not
	// the line's generic libraryProductName. fq41: the uname line's kernel
	// release (was the library firmware, 650G.GS004, beside the OS Linux):
	// no definition detects the library there but linux (Shared\Unix),
	// whose release is the kernel's, the OS being Linux.
	"quantum-scalar-i80": {"quantum-scalar", "Quantum", "Scalar i80", "QP1247BVA00712", "Linux", "2.6.35.14", "storage"},
	// Scalar i6 by QUANTUM-MIDRANGE-TAPE-LIBRARY-MIB (3697.1.10.15.5).
	// fq41: the kernel's release (was the firmware, 2.2.0), as for the i80.
	"quantum-scalar-i6": {"quantum-scalar", "Quantum", "Scalar i6", "QNA1926Z00384", "Linux", "4.9.88", "storage"},
	// A Perle MCR-MGT on another sysObjectID, known by the sysDescr the
	// definition (perle) detects: PERLE-MCR-MGT-MIB's chassis row.
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 1.5G2, not Linux's): an OS is named beside its own release only.
	"perle-mcr-sysdescr": {"perle-mcr", "Perle", "MCR1900", "103-4410", "", "1.5G2", "media_converter"},
	// An Ifotec product on another registration of Ifotec's enterprise
	// than 21362.100 (the definition detects all of 21362): the product
	// reference the sysDescr writes before ' : '.
	"ifotec-other-arc": {"ifotec", "Ifotec", "IFO-LCS-4G", "", "", "", "media_converter"},
	// Yamaha RTX: the main unit's serial= of the text lines under
	// yamahaRTFirmware 1182.2.2.10.1.2.
	"yamaha-rtx-serial": {"yamaha", "Yamaha", "RTX1210", "S4K012345", "", "14.01.40", "router"},
	// A WTI power switch on another kernel than the MontaVista one wti
	// knows: WTI-POWER-MIB's environmentUnitTable answering. fq22: the
	// software version whole ('v8.04', before 8.04), as the definition
	// (wti-console) reads the same column of WTI-CONSOLE-MIB.
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release v8.04, not Linux's): an OS is named beside its own release only.
	"wti-mib": {"wti", "WTI", "", "0722C2020041", "", "v8.04", "pdu"},
	// A WTI console server whose MIB states no software version: not the
	// kernel's release.
	"wti-no-release": {"wti", "WTI", "", "0312A2012077", "Linux", "", "appliance"},
	// A Panduit PDU on another sysObjectID, known by the sysDescr the
	// definition (panduit) detects: PANDUIT-MIB's part number, serial and
	// firmware, as on Panduit's registration.
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release V3.4.2, not Linux's): an OS is named beside its own release only.
	"panduit-pdu-descr": {"panduit-pdu", "Panduit", "P24D40M", "PN2219A00317", "", "V3.4.2", "pdu"}, // V kept: panduit reads pdug5FirmwareVersion.1 whole (fpU)
}

func TestReviewVendorsIZBFixtures(t *testing.T) {
	checkFixtures(t, reviewVendorsIZBFixtureDir, reviewVendorsIZBCases)
}
