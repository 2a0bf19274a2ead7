package fingerprints

import (
	"testing"
)

// foundSwitchingHostsFixtureDir holds small walks written from the vendor
// MIBs (or the objects the device-support definitions name) of switching,
// routing, firewall and host families found among the LibreNMS OS names no
// earlier list held.
const foundSwitchingHostsFixtureDir = "testdata/fixtures/found-switching-hosts"

// foundSwitchingHostsCases: fixture name → the expected result (profile,
// vendor, model, serial, os, os_version, device_type).
var foundSwitchingHostsCases = map[string]want{
	// Barracuda Load Balancer by its sysDescr on net-snmp's registration
	// (definition barracudaloadbalancer, which reads nothing more).
	"barracuda-load-balancer": {"barracuda", "Barracuda", "", "", "Linux", "", "load_balancer"},
	// MobileIron Core on net-snmp's Linux agent (definition mobileiron: a
	// mobileiron package in hrSWInstalledName): the appliance, with the
	// host's architecture the Linux profiles read. fq34: the kernel
	// release again (fq22 had none): the definition (group unix, no os
	// module or class) leaves the version to Shared\Unix's discoverOS,
	// the sysDescr's first ' N.N' word, as it does the architecture.
	// fq38: no release again: CentOS's kernel release is not MobileIron's,
	// the OS stated (correcting b24f1c8).
	// Owner (session 27), settling b24f1c8 and 2b0c22e: the OS stated is
	// Linux, the one the uname line names, and its release the kernel's,
	// as Shared\Unix reads it; the product stays in vendor and type.
	"mobileiron-core": {"mobileiron", "MobileIron", "Generic x86 64-bit", "", "Linux", "2.6.32-754.35.1.el6.x86_64", "appliance"},
	// Teltonika TSW switches on WitchOS (definition witchos, registration
	// 24686): TELTONIKA-MIB by shape, OS WitchOS, a switch.
	// fq16: the model is productCode.0 and the firmware string whole, as
	// the definition witchos reads them.
	"teltonika-witchos": {"teltonika", "Teltonika", "TSW212000000", "6001234567", "WitchOS", "TSW2_R_00.01.04.1", "switch"},
}

func TestFoundSwitchingHostsFixtures(t *testing.T) {
	checkFixtures(t, foundSwitchingHostsFixtureDir, foundSwitchingHostsCases)
}
