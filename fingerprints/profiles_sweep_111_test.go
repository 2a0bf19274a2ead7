package fingerprints

import (
	"testing"
)

// sweep111FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq111's sweep of telecom, cable, access
// and wireless families against the newest stored device-support
// definitions: detection and the objects each reads, in its order and
// form.
const sweep111FixtureDir = "testdata/fixtures/sweep-111"

// sweep111Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var sweep111Cases = map[string]want{
	// A SmartEdge 600 (ERICSSON-ROUTER-PRODUCT-MIB eriRouterSmartEdge600,
	// 193.218.1.15) writing SEOS's sysDescr: the definition ericsson-ipos
	// takes only its nine registrations with '^Ericsson\s+IPOS', so not
	// this unit: no IPOS, no whole sysDescr as its release (before fq111,
	// ericsson-ipos took all of 193.218.1); the generic rules' serial.
	"ericsson-smartedge-193218": {"", "Ericsson", "", "S60012345", "", "", ""},
	// A Router 6471 (eriRouterrouter6x71, 193.218.1.43, one of the
	// definition's nine) writing IPOS's sysDescr: ericsson-ipos as before,
	// entPhysicalDescr.1, row 2's 'SN:', the whole sysDescr.
	"ericsson-ipos-6x71": {"ericsson-ipos", "Ericsson", "Router 6471", "D471234567", "IPOS", "Ericsson IPOS Version IPOS-21.1.2.0.33-Release Built by sysbuild@SWB-node11 Tue Jun 8 09:41:10 PDT 2021 Copyright (C) 1998-2021, Ericsson AB. All rights reserved", "router"},
	// A Total Access 5000 answering ADTRAN-MIB's adProductInfo only
	// (664.3.1): the definition adtran-aos (os_discovery 4c7f549) reads
	// adProdName.0, adProdSerialNumber.0 and adProdSwVersion.0, whole.
	"adtran-adprod-only": {"adtran", "ADTRAN", "Total Access 5000", "LBADTN2201AB123", "", "11.3.2", "router"},
	// A NetVanta answering both ADTRAN-MIB adProductInfo and
	// ADTRAN-AOSUNIT adGenAOSUnit: the definition's ADTRAN-MIB objects
	// first (fq111; before, adGenAOSUnit's product name, serial and
	// version), the unit's own AOSUNIT values only where they answer none.
	"adtran-adprod-before-aosunit": {"adtran", "ADTRAN", "NetVanta 3448", "LBADTN2202CD456", "AOS", "13.07.00.E", "router"},
}

func TestSweep111Fixtures(t *testing.T) {
	checkFixtures(t, sweep111FixtureDir, sweep111Cases)
}
