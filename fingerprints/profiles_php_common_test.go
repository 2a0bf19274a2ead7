package fingerprints

import (
	"testing"
)

// phpCommonFixtureDir holds small walks written from the vendor MIBs for the
// review of the device-support PHP classes of the most common families: the
// code that runs after (or instead of) a definition and replaces its
// hardware, version or serial.
const phpCommonFixtureDir = "testdata/fixtures/php-common"

// phpCommonCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var phpCommonCases = map[string]want{
	// An HP printer whose IEEE 1284 device ID (gdStatusId) names it
	// otherwise than model-name: the ID's MDL wins, as the class
	// (Jetdirect.php) replaces the definition's model-name with it, 'HP '
	// taken out.
	"hp-printer-device-id-mdl": {"hp-printer", "HP", "Color LaserJet MFP M480", "JPBCS12345", "FutureSmart", "2506649_036456", "printer"},
	// A device ID with no MDL or MODEL: its DES, with 'HP ',
	// 'Hewlett-Packard ' and ' series' taken out wherever they stand (the
	// class's case-blind str_ireplace), over model-name. No OS: an
	// Officejet runs no FutureSmart, and no fw-rom-revision in its
	// bundle form says so (was FutureSmart for every HP printer; fq25).
	"hp-printer-device-id-des": {"hp-printer", "HP", "Officejet Pro X576dw MFP", "CNBJD12345", "", "JSI23700032", "printer"},
	// An OKI printer answering HP's device ID object: its MDL over the
	// print server's sysDescr, 'OKI ' taken out, as Okilan.php (a
	// Jetdirect.php subclass) rewrites the definition's (okilan) hardware.
	"oki-printer-device-id": {"oki-printer", "OKI", "C5650n", "AK7B012345", "", "N5.02", "printer"},
	// A linked pair of Sentry4 units: the first unit's model and serial
	// (st4UnitModel.1, st4UnitProductSN.1) and the firmware object whole,
	// as the definition (sentry4) reads them.
	"servertech-sentry4-pro2": {"servertech-sentry4", "Server Technology", "C2W36TE-DQNE2M66/C", "ADAB0012345", "Sentry", "Version 8.0k", "pdu"},
	// pfSense on the net-snmp package's agent with a "version" extend (the
	// board's version, '1.0'); the hardware is the definition's
	// architecture word ('amd64'), not a generic machine class. No release
	// (was FreeBSD's "14.0-CURRENT", an older copy's first dotted token):
	// the current definition (pfsense, librenms) reads the "version"
	// extend first, ours only in a pfSense release's shape ('1.0' is not
	// one), then the release written after 'pfSense' in the sysDescr,
	// which a uname line never has.
	"pfsense-netsnmp-version-extend": {"pfsense", "Netgate", "amd64", "", "pfSense", "", "firewall"},
	// A UniFi access point without UBNT-UniFi-MIB: dot11manufacturerProductName
	// whole (the AP's board name, not the sysDescr's product) and the
	// release with its 'v', as Unifi.php's fallback reads them.
	"unifi-uap-dot11-fallback": {"ubiquiti-unifi-sysdescr", "Ubiquiti", "U7PG2", "", "UniFi", "v4.3.20.11298", "access_point"},
	// UBNT-UniFi-MIB's release whole, as Unifi.php takes it (the part
	// after the dotted numbers kept).
	"unifi-uap-mib-version": {"ubiquiti-unifi-sysdescr", "Ubiquiti", "UAP-AC-Lite", "", "UniFi", "6.5.55.14277-rc1", "access_point"},
}

func TestPHPCommonFixtures(t *testing.T) {
	checkFixtures(t, phpCommonFixtureDir, phpCommonCases)
}
