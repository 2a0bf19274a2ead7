package fingerprints

import (
	"testing"
)

// leads22FixtureDir holds small walks written from the vendor MIBs for the
// leads audit fq22: profiles whose definition an earlier audit found under
// no name of theirs, re-read against the definition found under another
// name or the vendor MIB, and the appliance profiles.
const leads22FixtureDir = "testdata/fixtures/leads-22"

// leads22Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads22Cases = map[string]want{
	// An MDS 9216 on SAN-OS (definition sanos, of Cisco's group: the
	// shared Cisco OS discovery, Cisco.php, whose sysDescr patterns are
	// IOS's only): entPhysicalSoftwareRev.1 as the release before the
	// sysDescr's, entPhysicalSerialNum.1 as the serial (getMainSerial),
	// the chassis row's model.
	"cisco-mds-sanos-entity-row1": {"cisco-san-os", "Cisco", "DS-C9216-K9", "JAB0912345A", "SAN-OS", "3.3(2a)", "switch"},
	// A Juniper-branded MSS controller answering trpzVersionString too
	// (definition juniper-mss: 'Juniper Networks, Inc (?<hardware>\S+)
	// (?<version>\S+)' on sysDescr, nothing else): the sysDescr's hardware
	// and version first, not the MIB's five-part version string.
	"juniper-mss-sysdescr-first": {"trapeze-mss", "Juniper Networks", "MXR-2", "0881200345", "MSS", "7.6.2.3", "wireless_controller"},
	// A Unitrends appliance whose agent answers no mgtInfoRelease
	// (definition recoveryos, of the unix group, reads the sysDescr's
	// kernel release). fq41: Linux with that kernel release (was
	// RecoveryOS with none): the release the definition states is the
	// kernel's, Linux's, so the OS named is Linux, as for MobileIron.
	// fq52: a server (was appliance), the definition recoveryos's type.
	"unitrends-no-release": {"unitrends-recoveryos", "Unitrends", "Generic x86 64-bit", "", "Linux", "3.10.0-1160.92.1.el7.x86_64", "server"},
	// A Socomec NET VISION card on UPS-MIB's registration (definition
	// netvision: a sysDescr beginning 'Net Vision', whatever the
	// sysObjectID): the Socomec card's profile, not the generic UPS-MIB
	// reader, and UPS-MIB's identity it reads first.
	"socomec-netvision-sysdescr": {"socomec-netvision", "Socomec", "MASTERYS BC 15", "", "", "V2.30", "ups"},
}

func TestLeads22Fixtures(t *testing.T) {
	checkFixtures(t, leads22FixtureDir, leads22Cases)
}
