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
	// ZXDSL (definition zxdsl, Zxdsl.php): each variant arc after the
	// product number is a letter, chr(64 + arc): 9806.8.2 is the 9806HB
	// (before, no model: one letter arc only).
	"zte-zxdsl-two-variant-arcs": {"zte-zxdsl", "ZTE", "ZXDSL 9806HB", "", "ZXDSL", "", "switch"},
	// The same on 3902.1015: 9816.3 is the 9816C.
	"zte-zxdsl-1015-variant": {"zte-zxdsl", "ZTE", "ZXDSL 9816C", "", "ZXDSL", "", "switch"},
	// The plain '<number>.1.1.1' form: Zxdsl.php names nothing; the yaml's
	// sysDescr_regex '/Version V(?<version>\S+) \S+ (?<hardware>\S+)/'
	// names the hardware and the version (before, ZXDSL 9836 and none).
	"zte-zxdsl-plain-sysdescr": {"zte-zxdsl", "ZTE", "ZXDSL9836", "", "ZXDSL", "2.2.1", "switch"},
	// Wavence (Wavence.php): no UBT row in the remote inventory, so
	// TSDIM-SNMPNE-MIB tsdimNeInstallationType.0 is the hardware (before,
	// the registration's 9500 MPR-E MSS-8); no serial (the class reads
	// the UBT row's only).
	"wavence-installation-type": {"nokia-wavence", "Nokia", "MSS-8 1+1 HSB", "", "Wavence", "6.1.0", "wireless"},
	// A UBT row answers: its mnemonic and serial, the installation type
	// not read.
	"wavence-ubt-before-installation-type": {"nokia-wavence", "Nokia", "UBT-SA", "US2105C0303", "Wavence", "22.0.1", "wireless"},
	// SSU 2000 (Ssu2000.php, the first inventory row after 1.1, the
	// communications module's): its inSerial; not its version (inHwPart,
	// a hardware part number) nor its hardware ('Comm Processor ' .
	// inSwPart, a software part number): the sysDescr's product and the
	// release as before (inSwPart of row 1.2), never row 1.1's.
	"ssu2000-comm-row": {"microsemi-ssu2000", "Microsemi", "SSU2000", "M100067890", "", "14213A007", "appliance"},
}

func TestLeads95Fixtures(t *testing.T) {
	checkFixtures(t, leads95FixtureDir, leads95Cases)
}
