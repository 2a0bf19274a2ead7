package fingerprints

import (
	"testing"
)

// audit6FixtureDir holds small walks written from the vendor MIBs for a
// second value audit of profiles against the device-support definitions
// they follow: which objects each reads, in which order, in which form.
const audit6FixtureDir = "testdata/fixtures/audit-6"

// audit6Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var audit6Cases = map[string]want{
	// NETGEAR smart switches on the Radlan-nested registration and on a
	// FASTPATH arc with ProSafe in the sysDescr: the definition (netgear)
	// reads entPhysicalSoftwareRev.1 over the sysDescr's release and
	// entPhysicalSerialNum.1 as the serial.
	"netgear-radlan-entity-release":  {"netgear-radlan-registration", "Netgear", "GS724T", "2B1174BX00077", "", "4.0.1.12", "switch"},
	"netgear-prosafe-entity-release": {"netgear-prosafe", "Netgear", "GS110TP", "2XR1375A00456", "FASTPATH", "5.4.2.33", "switch"},
	// A Nokia 1830 PSS shelf answering both serial objects: the
	// definition (nokia-1830) reads tnShelfSerialNum.1 first, where it is
	// not 0.
	"nokia-1830-shelf-serial-num": {"nokia-1830", "Nokia", "PSS4", "40511873", "", "23.6.0", "switch"},
	// Nokia SR Linux without the CPM row: the release word of the sysDescr
	// whole, as the definition (srlinux) writes tmnxHwSoftwareCodeVersion.
	"nokia-srlinux-sysdescr": {"nokia-srlinux", "Nokia", "7220 IXR-D2L", "", "SR Linux", "v24.3.2-118-g3c1d2e4f5a", "router"},
}

func TestAudit6Fixtures(t *testing.T) { checkFixtures(t, audit6FixtureDir, audit6Cases) }
