package fingerprints

import (
	"testing"
)

// appliances84FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq84's theme (load balancers, WAN
// optimisation and network appliances): each field read as the
// device-support definition that detects the device reads it.
const appliances84FixtureDir = "testdata/fixtures/appliances-84"

// appliances84Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var appliances84Cases = map[string]want{
	// A10 (definition acos, sysDescr_regex '(?<hardware>\S+( TPS)?), ACOS
	// (?<version>[^,]+)'): the word before ', ACOS' whatever it is
	// ('SoftAX'; before, none: only TH/AX/vThunder words), and the release
	// all up to the next comma, its build too (before, up to a space).
	"a10-softax-sysdescr": {"a10-acos", "A10 Networks", "SoftAX", "", "ACOS", "2.7.2-P4-SP3 build 7", "load_balancer"},
	// ' TPS' kept after the word; the release up to the comma with its
	// parenthesised build; axSysSerialNumber.0 the serial.
	"a10-tps-version-space": {"a10-acos", "A10 Networks", "TH3030S TPS", "TH30T11122233344", "ACOS", "3.2.2-P5 (build 18)", "load_balancer"},
	// Radware DefensePro (definition apsoluteos; Apsoluteos.php reads
	// genGroupHWVersion.0, rndSerialNumber.0 and rndApsoluteOSVersion.0,
	// each whole): the release as the object writes it, its build too
	// (before, '8.32.1.0', the dotted number alone).
	"radware-defensepro-release-whole": {"radware-apsoluteos", "Radware", "DefensePro x016", "RD19X0000042", "APSolute OS", "8.32.1.0 (build 57)", "firewall"},
	// NetScaler SDX on sdxRoot's registration (5951.6, which the definition
	// netscaler detects) answering NS-ROOT-MIB too: that definition's
	// sysHardwareVersionDesc.0, sysHardwareSerialNumber.0 and
	// sysBuildVersion.0 (its version_regex: 'NS13.0') first (before,
	// SDX-MIB's 'SDX 14020', '5KZ7ND2HCP', '13.0-82.45'); SDX-MIB's after.
	"citrix-sdx-ns-root": {"citrix-sdx", "Citrix", "NSSDX-14000 12*CPU+24*IX+4*E1K+2*CVM N3", "5KZ7ND2HDQ", "NetScaler SDX", "NS13.0", "appliance"},
	// An SDX on a Citrix registration netscaler does not detect (5951.3,
	// made up for the test):
	// no definition reads NS-ROOT-MIB there, so SDX-MIB's own, as before.
	"citrix-sdx-other-arc": {"citrix-sdx", "Citrix", "SDX 8015", "5KZ7ND2HCQ", "NetScaler SDX", "12.1-55.18", "appliance"},
	// F5 BIG-IP (definition f5: os module hardware
	// sysPlatformInfoMarketingName.0, serial sysGeneralChassisSerialNum.0,
	// version sysProductVersion.0; class F5, no Unix code) whose agent
	// answers no sysProductVersion: no release (before, the uname
	// sysDescr's kernel release '3.10.0-862.14.4.el7.ve.x86_64', Linux's);
	// sysGeneralHwName's platform code after the definition's hardware.
	"f5-bigip-uname-no-product-version": {"f5-bigip", "F5", "Z100", "f5-abcd-efgh", "TMOS", "", "load_balancer"},
	// The same with the definition's objects: their values, as before.
	"f5-bigip-uname-product-version": {"f5-bigip", "F5", "BIG-IP Virtual Edition", "f5-ijkl-mnop", "TMOS", "15.1.8.2", "load_balancer"},
	// Riverbed SteelHead (definition riverbed: STEELHEAD-MIB model,
	// serialNumber, systemVersion; class Riverbed, no Unix code) without
	// systemVersion: no release (before, the kernel's '2.6.32').
	"riverbed-uname-no-system-version": {"riverbed-steelhead", "Riverbed", "CX5080 (M)", "A5KXX000ABCD0", "RiOS", "", "appliance"},
	// DefensePro without rndApsoluteOSVersion: no release (before, the
	// kernel's '4.9.0'; Apsoluteos.php reads that object alone).
	"radware-defensepro-uname-no-release": {"radware-apsoluteos", "Radware", "DefensePro x016", "RD19X0000043", "APSolute OS", "", "firewall"},
	// A uname sysDescr beside no release object, on families whose
	// definition reads its release from its own objects alone (an os
	// module, or no Unix code): no release (before, each the kernel's
	// '3.10.0-1160.el7.x86_64' linux-sysdescr read, Linux's, not the
	// product's). netscaler: sysBuildVersion.0.
	"citrix-netscaler-uname-no-release": {"citrix-netscaler", "Citrix", "NSMPX-8900 8*CPU+4*F1X+6*E1K+1*COL 8955", "ABCDE12345", "NetScaler", "", "load_balancer"},
	// acos: its sysDescr pattern (no ', ACOS' here) and
	// axSysPrimaryVersionOnDisk.0.
	"a10-acos-uname-no-release": {"a10-acos", "A10 Networks", "", "TH10A00000000001", "ACOS", "", "load_balancer"},
	// alteonos: agSoftwareVersion.0.
	"radware-alteon-uname-no-release": {"radware-alteon", "Radware", "", "A0000000042", "Alteon OS", "", "load_balancer"},
	// nios: ibNiosVersion.0.
	"infoblox-nios-uname-no-release": {"infoblox-nios", "Infoblox", "IB-1415", "0000000000000000000042", "NIOS", "", "appliance"},
	// bluecatnetworks: bcnSysIdOSRelease.0.
	"bluecat-uname-no-release": {"bluecat", "BlueCat", "BDDS-125", "BC00000042", "BlueCat OS", "", "appliance"},
	// exinda: no os module, no class of its own; licensedModel the
	// unit's own model.
	"exinda-uname-no-release": {"exinda", "Exinda", "4061", "", "ExOS", "", "appliance"},
	// gigavue on gigamonProducts (26866.3): version.0 and its sysDescr
	// pattern 'Gigamon <hardware> v<release>' alone.
	"gigamon-gigavue-uname-no-release": {"gigamon-gigavue", "Gigamon", "GigaVUE-HC1", "1A20-0042", "GigaVUE-OS", "", "appliance"},
	// sgos: no os module; class Sgos, no Unix code.
	"bluecoat-proxysg-uname-no-release": {"bluecoat-proxysg", "Blue Coat", "", "0000000042", "SGOS", "", "appliance"},
	// Arbor (definition arbos: sysObjectID 9694.1, or 8072.3.2.10 with
	// 'arbux' anywhere in the sysDescr): 'arbux' after the kernel's
	// release on net-snmp's Linux registration is ArbOS's, no release
	// (before, a Linux server: the sysDescr's 'arbux' was looked for only
	// in the kernel's word).
	"arbor-arbux-anywhere": {"arbor-arbos", "Arbor Networks", "", "", "ArbOS", "", "appliance"},
	// An arbux kernel on another registration (8072.3.2.255, net-snmp's
	// 'unknown') is no arbos device: linux's, Linux and the kernel's
	// release and machine class as Shared\Unix reads them (before,
	// ArbOS).
	"arbor-arbux-other-registration": {"linux-sysdescr", "", "Generic x86 64-bit", "", "Linux", "3.10.0-arbux.1062.9.1", "server"},
}

func TestAppliances84Fixtures(t *testing.T) {
	checkFixtures(t, appliances84FixtureDir, appliances84Cases)
}
