package fingerprints

import (
	"testing"
)

// fresh56FixtureDir holds small walks written from the vendor MIBs for
// the check of the most common families against the newest stored
// versions of their device-support definitions (fq56).
const fresh56FixtureDir = "testdata/fixtures/fresh-56"

// fresh56Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var fresh56Cases = map[string]want{
	// A first-generation UniFi AP on airOS's agent (10002.1) without
	// UBNT-UniFi-MIB: the definition unifi (detection: 10002.1, a Linux
	// sysDescr, a dot11manufacturerProductName naming a UAP) and its class
	// (Unifi.php, newest stored version 101ab0b) read
	// dot11manufacturerProductName whole and the image name's first 'v'
	// and four dotted numbers, the 'v' kept (was 3.9.27.8537).
	// fq63: profile ubiquiti-unifi-airos-agent (was ubiquiti-airos): the
	// definition unifi's 10002.1 item is its own profile now, apart from
	// airos's; the fields are unchanged.
	"unifi-airos-agent-dot11-release": {"ubiquiti-unifi-airos-agent", "Ubiquiti", "UAP-Pro", "", "UniFi", "v3.9.27.8537", "access_point"},
	// The same where the image's board code is not BZ (BZ2, the outdoor
	// units'): the product names a UAP, as the definition detects it, so
	// Unifi.php's pattern, not Airos.php's '\.v(.*)$' (which took the
	// build and date with it, 3.4.18.5439.160922.1207).
	// fq63: profile ubiquiti-unifi-airos-agent (was ubiquiti-airos): the
	// definition unifi's 10002.1 item is its own profile now, apart from
	// airos's; the fields are unchanged.
	"unifi-airos-agent-uap-image": {"ubiquiti-unifi-airos-agent", "Ubiquiti", "UAP-Outdoor5", "", "UniFi", "v3.4.18.5439", "access_point"},
	// Such an AP answering UBNT-UniFi-MIB: unifiApSystemModel and
	// unifiApSystemVersion first, each whole, as Unifi.php tries that MIB
	// before IEEE802dot11-MIB (the image name's 'v' form would follow).
	// fq63: profile ubiquiti-unifi-airos-agent (was ubiquiti-airos): the
	// definition unifi's 10002.1 item is its own profile now, apart from
	// airos's; the fields are unchanged.
	"unifi-airos-agent-unifi-mib": {"ubiquiti-unifi-airos-agent", "Ubiquiti", "UAP-LR", "", "UniFi", "3.7.58.6385", "access_point"},
	// Ruckus Unleashed (RUCKUS-UNLEASHED-SYSTEM-MIB): the release as the
	// definition ruckuswireless-unleashed (stored versions fba4e0d and
	// 6587771) states it by its version_template, the version whole and
	// the country code in brackets (was 200.12.10.5, its leading numbers
	// alone).
	"ruckus-unleashed-version-country": {"ruckus-unleashed", "Ruckus", "R550", "562109004321", "Unleashed", "200.12.10.5 build 234 (DE)", "access_point"},
	// The same without ruckusUnleashedSystemCountryCode: the version
	// whole and the template's brackets left empty, as the definition's
	// template leaves the one missing (as sonicwall-sonicos states its
	// template; was 200.8.10.3).
	"ruckus-unleashed-version-no-country": {"ruckus-unleashed", "Ruckus", "R320", "921904001122", "Unleashed", "200.8.10.3 build 243 ()", "access_point"},
	// A ZoneDirector 3000 (RUCKUS-ZD-SYSTEM-MIB): the definition
	// ruckuswireless (newest stored version 82d7dcf) states the release by
	// its version_template, ruckusZDSystemVersion and ruckusZDSystemCountryCode
	// in brackets (was the version alone).
	"ruckus-zonedirector-version-country": {"ruckus-wireless", "Ruckus", "ZD3000", "151202004567", "ZoneDirector", "10.0.1.0 build 44 (GB)", "wireless_controller"},
	// A DNOS 6 N1548P (dellN1548PSwitch, 674.10895.3066) answering both
	// Dell-Vendor-MIB's per-unit serial number and service tag. fq57: the
	// first unit's serial number (was its service tag, 8JRL4M5, after
	// powerconnect 0e71fbf, librenms pull request 18185's, closed
	// unmerged): the definition (cfab8f7) reads
	// productIdentificationSerialNumber.1 alone.
	"dell-powerconnect-service-tag-first": {"dell-powerconnect", "Dell", "EMC Networking N1548P", "CN0K5G3M2829862C0077", "PowerConnect", "6.6.3.10", "switch"},
	// A PowerConnect 5524P whose agent answers the serial number alone:
	// productIdentificationSerialNumber.1, the definition's second.
	"dell-powerconnect-serial-number-alone": {"dell-powerconnect", "Dell", "PowerConnect 5524P", "CN0M2R7C2829812A0031", "PowerConnect", "4.1.0.10", "switch"},
}

func TestFresh56Fixtures(t *testing.T) {
	checkFixtures(t, fresh56FixtureDir, fresh56Cases)
}
