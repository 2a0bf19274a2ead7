package fingerprints

import (
	"testing"
)

// review35FixtureDir holds small walks written from the vendor MIBs for
// the review of earlier changes and of the Dell, Juniper and Cisco leads
// (fq35): profiles re-read against the device-support definitions for the
// objects they read and the form of each value.
const review35FixtureDir = "testdata/fixtures/review-35"

// review35Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var review35Cases = map[string]want{
	// DNOS 6 answering Dell-Vendor-MIB (definition powerconnect, every
	// 674.10895 registration): productIdentificationDisplayName whole, the
	// line's name kept and only the maker's "Dell " left to the vendor
	// field (was "N3048EP-ON"); the serial productIdentificationSerialNumber.1,
	// the one serial object the definition reads, over the service tag;
	// productIdentificationVersion.
	// fq56 stated the service tag, 9HQK3Z4, after powerconnect 0e71fbf;
	// fq57: the serial number again: 0e71fbf is librenms pull request
	// 18185's, closed unmerged; the definition (cfab8f7) reads
	// productIdentificationSerialNumber.1 alone.
	"dell-n3048-display-name": {"dell-powerconnect", "Dell", "EMC Networking N3048EP-ON", "CN0F3Y9X2829876B0042", "PowerConnect", "6.6.0.2", "switch"},
	// A PowerConnect answering no Dell-Vendor-MIB: the definition's
	// (powerconnect) sysDescr pattern, its hardware group with
	// 'PowerConnect ' ('(Power[Cc]onnect |Dell Networking |Dell EMC
	// Networking )?[A-Z]?\d{2,}[A-Z\-]*') and the release after the comma.
	"dell-powerconnect-6248-sysdescr": {"dell-powerconnect", "Dell", "PowerConnect 6248", "", "PowerConnect", "3.3.9.1", "switch"},
	// A Junos router whose sysDescr the operator wrote (no 'Juniper
	// Networks, Inc. <hardware> ... kernel JUNOS', no 'Juniper <model>'
	// start) and no virtual-chassis member table: Junos.php's last
	// fallback, jnxBoxDescr whole, the maker's name left to the vendor
	// (was "MX480", its first word with a digit); jnxBoxSerialNo;
	// hrSWInstalledName.2's bracketed release, row 1 not answering.
	"junos-operator-descr-boxdescr": {"juniper-junos", "Juniper Networks", "MX480 Internet Backbone Router", "JN11C4D5EAFA", "Junos", "21.2R3-S4.8", "router"},
	// An IOS router whose ENTITY row 1 is a service module inside the
	// chassis row (entPhysicalContainedIn.1 2): the shared Cisco OS
	// discovery (Cisco.php, the definitions ios and iosxe) takes
	// entPhysicalSoftwareRev.1 as the version only where row 1 is
	// contained in nothing, so the sysDescr's release, not the module's
	// (was "2.0(1)"); the chassis row's model and serial.
	"cisco-ios-row1-contained": {"cisco-ios", "Cisco", "CISCO2911/K9", "FTX1840AB12", "IOS", "15.7(3)M8", "router"},
}

func TestReview35Fixtures(t *testing.T) { checkFixtures(t, review35FixtureDir, review35Cases) }
