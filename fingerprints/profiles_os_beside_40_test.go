package fingerprints

import (
	"testing"
)

// osBeside40FixtureDir holds small walks written from the vendor MIBs for
// fq40's review of the OS named beside a product's own release: an OS is
// named beside its own release only (host_os, profile.go's format
// comment).
const osBeside40FixtureDir = "testdata/fixtures/os-beside-40"

// osBeside40Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var osBeside40Cases = map[string]want{
	// A UCM on net-snmp's Linux registration with uname's sysDescr, as the
	// definition grandstream-ucm detects it ('Linux UCM63'): its release is
	// GS-UCM63XX-SNMP-MIB sFirmwareVersion (the UCM firmware), not Linux's
	// kernel release, so no OS (net-snmp-linux's Linux is not taken).
	"grandstream-ucm6301-uname": {"grandstream-ucm", "Grandstream", "UCM6301 (V1.3A)", "21GUC63B04567A1C", "", "1.0.23.7", "appliance"},
	// A GWN access point on net-snmp's Linux registration: its release is
	// GRANDSTREAM-GWN-PRODUCTS-AP-MIB gwnDeviceVersion, the AP firmware's,
	// so no OS beside it.
	"grandstream-gwn7605-uname": {"grandstream-gwn-ap", "Grandstream", "GWN7605", "", "", "1.0.25.21", "access_point"},
	// An HT ATA on net-snmp's Linux registration: core and base firmware
	// (42397.1.2.3.2.0.0 and .3.0.0, as the definition grandstream-ht
	// reads them), the ATA's releases, so no OS beside them.
	"grandstream-ht812-uname": {"grandstream", "Grandstream", "HT812", "20EZ8TDK12345B3D", "", "Core: 1.0.47.5, Base: 1.0.47.3", "appliance"},
	// An Opengear console server on its own registration with a uname
	// sysDescr: OG-STATUSv2-MIB ogFirmwareVersion is the Opengear firmware's
	// release (definition opengear), so linux-sysdescr's Linux is not
	// named beside it.
	"opengear-im7208-uname": {"opengear", "Opengear", "IM72xx", "72081234509876", "", "4.13.2", "appliance"},
	// An Armis collector (definition armis: the APP_VERSION extend): the
	// extend's output is Armis's release, so linux-distro's Debian (from
	// the kernel's build tag) is not named beside it.
	"armis-debian-app-version": {"armis", "Armis", "", "", "", "24.6.0", "appliance"},
	// An Areca RAID subsystem on net-snmp's Linux registration, its own
	// sysDescr no uname line: ARECA-SNMP-MIB's firmware version is the
	// controller's, and net-snmp-linux reads no release at all, so its
	// Linux (the registration's alone) is not named beside it.
	// fq97: the release 'V1.57 2021-03-18' (was '1.57'): the definition
	// areca's os_discovery reads 18928.1.2.1.4.0 whole, no version_regex.
	"areca-netsnmp-registration": {"areca", "Areca", "ARC-8050T3", "Y915CACAAR601234", "", "V1.57 2021-03-18", "storage"},
	// A TimeMachines clock (definition timemachines, Shared\Unix): its
	// release is the kernel's from uname's line, the one net-snmp-linux
	// reads too, so Linux stays beside it.
	// fq107: model 'Generic ARMv7' (was none): the definition's class,
	// Shared\Unix (group unix, no class of its own), writes the machine
	// class of the uname line's 'armv7l' as the hardware (os_detection
	// a30eebd).
	"timemachines-kernel-uname": {"timemachines-ntp", "TimeMachines", "Generic ARMv7", "", "Linux", "4.19.94-ti-r42", "appliance"},
	// DHCPatriot (definition dhcpatriot, Shared\Unix with the yaml's
	// version, the VERSION extend): the extend is DHCPatriot's release, so
	// no OS beside it (was the profile's literal Linux). fq52: a server
	// (was appliance), the definition dhcpatriot's type.
	"dhcpatriot-version-extend": {"dhcpatriot", "First Network Group", "DHCPatriot-1000", "FNG2022B0107", "", "7.1.0", "server"},
	// DHCPatriot without the VERSION extend: no release of its own, so
	// net-snmp-linux's Linux with the kernel's release, its own.
	// fq48: no release (was 4.19.0-FNGi, the kernel's, correcting
	// 528890e): the definition (unix group with its own os module) runs
	// that module in Shared\Unix, never the uname pattern, so where the
	// VERSION extend does not answer it states none; Linux stays the OS.
	// fq52: a server (was appliance), the definition dhcpatriot's type.
	"dhcpatriot-no-version-extend": {"dhcpatriot", "First Network Group", "DHCPatriot-500", "FNG2020A0311", "Linux", "", "server"},
	// A Quanta switch (FASTPATH agent, 4413): FASTPATH is no host OS of an
	// agent (ubiquiti-edgeswitch names it, no host_os), so it stays beside
	// the sysDescr's release.
	"quanta-fastpath-release": {"quanta", "Quanta", "LB4M", "QTFCA41234567", "FASTPATH", "1.0.2.14", "switch"},
}

func TestOSBeside40Fixtures(t *testing.T) {
	checkFixtures(t, osBeside40FixtureDir, osBeside40Cases)
}
