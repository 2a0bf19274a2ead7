package fingerprints

import (
	"testing"
)

// reviewVendorsAHFixtureDir holds small walks written from the vendor MIBs
// for a review of the profiles of the OS families from a to h against the
// device-support definitions: the devices a definition detects that a
// profile's match missed, and the value forms a profile gave wrong.
const reviewVendorsAHFixtureDir = "testdata/fixtures/review-vendors-a-h"

// reviewVendorsAHCases: fixture name → the expected result (profile,
// vendor, model, serial, os, os_version, device_type).
var reviewVendorsAHCases = map[string]want{
	// Cisco Secure ACS: the definition (acs) takes the registration
	// (ciscoSecureACS 9.1.1117) whatever the sysDescr, and the sysDescr
	// whatever the sysObjectID.
	"cisco-acs-registration": {"cisco-acs", "Cisco", "CSACS-1121-K9", "QCN1432A0BC", "ACS", "5.4.0.46", "appliance"},
	"cisco-acs-netsnmp":      {"cisco-acs", "Cisco", "", "", "ACS", "5.7.0.15", "appliance"},
	// Aviat WTM: the definition (aviat-wtm) reads ENTITY-MIB row 2, the
	// radio, not the chassis row 1.
	"aviat-wtm-chassis-row": {"aviat-wtm", "Aviat Networks", "WTM4100-2000", "AV18110211", "", "4.1.2", "wireless"},
	// D-Link DAP: the definition (dlinkap) detects the sysDescr on any
	// sysObjectID; a Linux-based DAP on net-snmp's registration.
	// Since fpT the whole sysDescr without the maker, as Dlinkap.php
	// writes the hardware.
	"dlink-dap-netsnmp": {"dlink-dap-sysdescr", "D-Link", "DAP-2660 Wireless AC1200 Simultaneous Dual-Band PoE Access Point", "", "Linux", "", "access_point"},
	// Cambium cnMatrix: the definition (cnmatrix) detects the
	// registration 17713.24, whatever the sysDescr.
	// CET Power T2S-ETH: the definition (cet-tsi) takes the sysDescr
	// on any sysObjectID as well as its 12551.4.
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 2.11, not Linux's): an OS is named beside its own release only.
	"cet-tsi-netsnmp": {"cet-tsi", "CET Power", "T2S-ETH", "T2S19120044", "", "2.11", "power"},
	// Cumulus Linux: the definition (cumulus) takes 'Cumulus' in the
	// sysDescr on any sysObjectID; the uname Cumulus' kernel prints, on
	// net-snmp's registration.
	"cumulus-linux-netsnmp":         {"cumulus-linux-uname", "Cumulus Networks", "Accton AS5812-54X", "581254X1918042", "Cumulus Linux", "4.4.0", "switch"},
	"cambium-cnmatrix-registration": {"cambium-cnmatrix-oid", "Cambium Networks", "EX2016M-P", "M8FC0411C2D7", "cnMatrix", "4.7-r2", "switch"},
}

func TestReviewVendorsAHFixtures(t *testing.T) {
	checkFixtures(t, reviewVendorsAHFixtureDir, reviewVendorsAHCases)
}
