package fingerprints

import (
	"testing"
)

// leads95FixtureDir holds small walks written from the vendor MIBs and the
// device-support definitions' readings for fq95's leads: SNR switches
// (NAG-MIB), ZTE ZXDSL DSLAMs, Nokia Wavence radios, Microsemi SSU 2000
// and Pica8 PicOS switches.
const leads95FixtureDir = "testdata/fixtures/leads-95"

// leads95Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads95Cases = map[string]want{
	// SNR (definition snr, librenms main's newest stored snr.yaml:
	// NAG-MIB sysHardwareVersion and sysSoftwareVersion, .0 then .1, whole):
	// a software version with its '<model>_' prefix is stated whole.
	"snr-software-version-whole": {"snr", "NAG", "SNR-S2995G-48FX", "", "", "SNR-S2995G-48FX_7.0.3.5(R0241.0250)", "switch"},
	// Row 0 answers nothing: row 1's hardware and software version.
	"snr-row-1-only": {"snr", "NAG", "SNR-S300G-48T", "", "", "7.2.3.1(R0004.0120)", "switch"},
}

func TestLeads95Fixtures(t *testing.T) {
	checkFixtures(t, leads95FixtureDir, leads95Cases)
}
