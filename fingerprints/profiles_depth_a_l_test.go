package fingerprints

import (
	"slices"
	"testing"
)

// depthFixtureDir holds small walks, written from the vendors' MIBs, that
// check which object the profiles of the vendors A to L prefer and the
// form of the value they give (profiles/cisco.yaml, hpe.yaml, huawei.yaml
// and the other files of those vendors).
const depthFixtureDir = "testdata/fixtures/depth-a-l"

// depthCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var depthCases = map[string]want{
	// IOS-XE: the chassis row's release ("17.09.04", as show version and
	// the image name write it) before sysDescr's IOSd form ("17.9.4").
	// A Cisco 2811 without ENTITY-MIB: the model its sysObjectID
	// registers (cisco2811), not the image's platform family (C2800).
	// fq116: was "2811" (the registry's display form); now "cisco2811",
	// the CISCO-PRODUCTS-MIB label Cisco.php (ios) translates to.
	"cisco-ios-registry-model":    {"cisco-ios", "Cisco", "cisco2811", "", "IOS", "12.4(24)T4", "router"},
	"cisco-iosxe-chassis-release": {"cisco-ios-xe", "Cisco", "C9500-24Y4C", "FCW2301A0BC", "IOS-XE", "17.09.04", "switch"},
	// A stack: row 1 is the stack, without a release; the release the
	// sysDescr states, as the device-support definition (iosxe) reads it
	// when entPhysicalSoftwareRev.1 is empty (not a member's row): for the
	// bracketed train's form, the image and the release, as its pattern
	// writes them. The hardware as Cisco.php reads it: row 1 names a
	// stack and row 1001 is absent, so row 1's name (was the member's
	// C9300-48P before fpL).
	"cisco-iosxe-stack-release": {"cisco-ios-xe", "Cisco", "c93xx Stack", "FOC2231X0AB", "IOS-XE", "CAT9K_IOSXE 17.9.4", "switch"},
	// The Catalyst 9800 runs IOS-XE and is a wireless controller, not one
	// of the C9x00 switches its name resembles.
	"cisco-c9800-wlc": {"cisco-ios-xe", "Cisco", "C9800-40-K9", "TTM2345012X", "IOS-XE", "17.06.05", "wireless_controller"},
	// A stack whose own row (index 1) has no model, serial or release:
	// the first member's model and serial, sysDescr's release.
	"cisco-ios-stack-row": {"cisco-ios", "Cisco", "WS-C3750X-48P-S", "FDO1649R2AB", "IOS", "15.2(4)E10", "switch"},
	// IOS XR 7 names the platform alone in sysDescr; no ENTITY rows.
	"cisco-iosxr-platform": {"cisco-ios-xr", "Cisco", "NCS-5500", "", "IOS-XR", "7.3.2", "router"},
	// IOS XR: rack 0's row (8384513) names the chassis.
	"cisco-iosxr-rack": {"cisco-ios-xr", "Cisco", "ASR-9010-AC-V2", "FOX1523G3AB", "IOS-XR", "6.5.3", "router"},
	// ProCurve / ArubaOS-Switch: the model name sysDescr writes before
	// ", revision", not the product number before it.
	"hp-procurve-model-name": {"hp-procurve", "HPE", "JL256A 2930F-48G-PoE+-4SFP+", "SG97JKL0AB", "ArubaOS-Switch", "WC.16.10.0012", "switch"}, // the hardware as the definition (procurve) reads it: product number and name
	// An old ProCurve names the model after "Switch"; the serial from
	// SEMI-MIB hpHttpMgSerialNumber without an ENTITY row.
	"hp-procurve-old-switch": {"hp-procurve", "HPE", "J4900B 2626", "SG509SU0AB", "ProCurve", "H.10.83", "switch"}, // the hardware as the definition (procurve) reads it: product number and name
	// OfficeConnect: the whole model name and the product number, as the
	// definition (procurve) reads them, so a PoE variant keeps its words.
	"hpe-officeconnect-poe": {"hp-procurve", "HPE", "1820 24G PoE+ (185W) J9983A", "", "OfficeConnect", "PT.02.09", "switch"},
	// ArubaOS-CX: the model name before the release where sysDescr has
	// no "Swch"; the product number where it names nothing else. (Their
	// entPhysicalDescr.1 rows were taken out when the definition's
	// reading of it first was followed, leads-8: these prove the
	// fallbacks where it is not answered.)
	"aruba-os-cx-no-swch":      {"aruba-os-cx", "HPE", "8360-32Y4C v2", "SG0BKL2345", "ArubaOS-CX", "LL.10.09.1020", "switch"},
	"aruba-os-cx-product-only": {"aruba-os-cx", "HPE", "JL075A", "TW9ABC1234", "ArubaOS-CX", "TL.10.04.3020", "switch"},
	// iLO: the firmware release without the build date that follows it.
	"hp-ilo-rom-date": {"hp-ilo", "HPE", "ProLiant DL360 Gen9", "CZ28150ABC", "iLO", "2.80", "bmc"},
	// A VRP router whose only ENTITY row is its main board (index 9):
	// hwEntityBoardName.9 names the model, entPhysicalSerialNum.9 the ESN.
	// Its sysDescr brackets the release with no series before it, which
	// the definition's (vrp) sysDescr_regex needs: Vrp.php gives the
	// "Version" alone, 5.170 (was V200R010C10SPC700 before fpL).
	"huawei-ar-board": {"huawei-vrp", "Huawei", "AR2220", "210235384810F6000123", "VRP", "5.170", "router"},
	// A CE switch whose sysDescr names only the VRP platform (8.191):
	// Vrp.php gives that, reading no ENTITY release (was the chassis
	// row's V300R020C10SPC800, the 5458fdb choice, before fpL read it).
	"huawei-ce-entity-release": {"huawei-vrp", "Huawei", "CE6881-48S6CQ", "2102351931P0K8000456", "VRP", "8.191", "switch"},
	// NX-OS: the release as Cisco writes it, 9.3(8); without one in
	// sysDescr, the chassis row's entPhysicalSoftwareRev. The hardware is
	// the name of row 149, as the definition (nxos) reads it; the fixture
	// writes that name as NX-OS's agent does (the dev walks' Nexus 5548:
	// entPhysicalName the descr, 'Nexus5548 Chassis').
	"cisco-nxos-entity-release": {"cisco-nx-os", "Cisco", "Nexus9000 C93180YC-FX chassis", "FDO23110ABC", "NX-OS", "9.3(8)", "switch"},
	"cisco-nxos-no-version":     {"cisco-nx-os", "Cisco", "N5K-C56128P", "FOC2012R0AB", "NX-OS", "7.3(8)N1(1)", "switch"},
	// An APC card whose AOS (PF: v3.7.3) and application (AF1: v3.7.4)
	// differ: the application's release, the product firmware's.
	"apc-nmc-aos-app": {"apc-ups", "APC", "Smart-UPS 1500 RM 667.6.D", "AS0712123456", "AOS", "AOS v3.7.3 / App v3.7.4", "ups"}, // the model, serial and release as the definition (apc: Apc.php) reads them
	// airOS: the release the device's UI and Ubiquiti's notes name
	// (6.3.6), not the build, date and SoC of the image name.
	"ubiquiti-airos-version": {"ubiquiti-airos", "Ubiquiti", "NanoStation loco M5", "", "airOS", "6.3.6.33330.210818.1857", "access_point"}, // all after .v, as the definition (airos) reads it
	// Windows whose sysObjectID names no role: the build names both
	// releases it may be. No os_version: the definition (windows,
	// Windows.php) names a release only for the registrations
	// 311.1.1.3.1.1/.2/.3, not for this one (fpR).
	"windows-unknown-role": {"windows", "", "Intel x64", "", "Windows 7 / Server 2008 R2", "", "server"},
	// A Blade Network Technologies switch module: maker and product in
	// the sysDescr.
	// fq86: bnt-switch-module (was lenovo-enos): on BNT's arc (26543) the
	// definition bnt takes it by its sysDescr before ibmnos, which sorts
	// after it (LibreNMS checks definitions in file-name order); the
	// values are unchanged.
	"bnt-switch-module": {"bnt-switch-module", "Blade Network Technologies", "1/10Gb Uplink Ethernet Switch Module", "", "ENOS", "", "switch"},
	// HPE Virtual Connect: module and release in the sysDescr, the serial
	// after VCEX in the sysName.
	// The hardware between 'HP VC ' and 'Module', as the definition (hpvc)
	// takes it (fpB: before, VC Flex-10/10D Enet Module).
	"hpe-virtual-connect": {"hpe-virtual-connect", "HPE", "Flex-10/10D Enet", "3C4321ABCD", "Virtual Connect", "4.50", "switch"},
	// An OptiX RTN whose sysDescr names no release (huawei-optix-rtn): the
	// model, serial and release its ENTITY chassis row carries.
	"huawei-generic-entity-release": {"huawei-optix-rtn", "Huawei", "RTN950", "2102310QFA10G9000456", "OptiX RTN", "V100R011C10SPC200", "wireless"},
	// A virtual chassis whose first member is a line card of another
	// model: the master's model, as sysDescr names it.
	"juniper-vc-master": {"juniper-junos", "Juniper Networks", "EX4300-48P", "PE3714120123", "Junos", "18.4R2-S4.3", "switch"},
	// Extreme universal hardware: the definition (xos) takes all sysDescr
	// brackets, the persona suffix with it (-SwitchEngine, -EXOS); was the
	// model without it before fpL read xos.yaml.
	"extreme-switch-engine":  {"extreme-exos", "Extreme Networks", "5520-48W-SwitchEngine", "2134N-41077", "EXOS", "32.2.1.6", "switch"},
	"extreme-exos-universal": {"extreme-exos", "Extreme Networks", "5420F-24P-4XE-EXOS", "", "EXOS", "31.7.1.4", "switch"},
	// VOSS the same: the definition (voss) takes the word before the
	// bracketed release, the persona with it (since fq24; was
	// "VSP-4900-48P").
	"extreme-voss-persona": {"extreme-voss", "Extreme Networks", "VSP-4900-48P-VOSS", "2028Q-10456", "VOSS", "8.3.0.0", "switch"},
	// ArubaOS controller: wlsxSysExtSerialNumber, the unit's own serial,
	// before the license serial number.
	"aruba-controller-serial": {"aruba-mobility-controller", "Aruba", "Aruba7220", "CW0004521", "ArubaOS", "8.10.0.7", "wireless_controller"},
	// The ISA 3000 runs ASA software ("Cisco Industrial Security
	// Appliance"), as the device-support definition (asa) detects it.
	"cisco-isa3000": {"cisco-asa", "Cisco", "ISA-3000-4C-K9", "FCW2231P0QE", "ASA", "9.16(4)", "firewall"},
	// An OmniAccess WLAN controller (AOS-W, under 6486.800.1.1.2.2.2): the
	// model and release its ArubaOS-form sysDescr names.
	"ale-aos-w": {"ale-aos-w", "Alcatel-Lucent Enterprise", "OAW-4650", "", "AOS-W", "8.10.0.7", "wireless_controller"},
	// A FastIron stack: sysDescr names the model after 'Stacking System'
	// (the stack's registration, snFastIronStackICX6450Switch, names the
	// family only). Was "ICX6450-48", the sysDescr's product; now "FastIron
	// ICX 6450 stack", the name Ironware.php's rewriteHardware gives that
	// registration, as the definition ironware reads the hardware (fq79).
	"brocade-icx-stack": {"brocade-fastiron", "Brocade", "FastIron ICX 6450 stack", "BZS3318K02C", "FastIron", "08.0.30uT311", "switch"},
	// Axis: the serial is the MAC address, read from the Ethernet
	// interface (ifPhysAddress.2) where the sysDescr does not name it.
	"axis-camera-mac-serial": {"axis-camera", "Axis", "Q6135-LE", "B8A44F3C91D2", "AXIS OS", "10.12.199", "camera"},
	// BOSS without a SW: field in sysDescr: the agent's software version
	// (s5AgInfoVer), not the chassis's hardware version (s5ChasVer).
	"avaya-boss-agent-version": {"avaya-boss", "Nortel", "ERS-4850GTS-PWR+", "14JP3620GA", "BOSS", "5.12.2.011", "switch"},
	// An HP JetDirect print server without HOST-RESOURCES or Printer-MIB
	// names: the attached printer's IEEE 1284 device ID (gdStatusId, MDL
	// without 'HP ' and ' Series'). No OS: no fw-rom-revision in
	// FutureSmart's bundle form (was FutureSmart for every HP printer;
	// fq25).
	"hp-jetdirect-gdstatusid": {"hp-printer", "HP", "LaserJet P3010", "", "", "JSI23700032", "printer"},
	// A Brother printer behind a print server without printer rows:
	// BROTHER-MIB brmDNSPrinterName names it, brpsFirmwareDescription
	// carries the release.
	"brother-brmdns-name": {"brother-printer", "Brother", "MFC-L2710DW", "E78945K2N612345", "", "1.33", "printer"},
	// Canon: CANON-MIB canPdInfoProductName whole, ' Series' kept, as the
	// definition's (canonprinter) greedy hardware_regex
	// '(?<hardware>.+)( Series)?' leaves it (was MF8500C: the capture was
	// read as lazy; owner, session 27).
	"canon-product-series": {"canon-printer", "Canon", "MF8500C Series", "QJY44712", "", "03.03", "printer"},
	// An ISR router: its image name (C2800NM) is not a Catalyst's.
	"cisco-ios-isr-router": {"cisco-ios", "Cisco", "CISCO2811", "FTX1234A5BC", "IOS", "15.1(4)M12a", "router"},
	// An AOS-10 access point (apProducts, 14823.1.2) without an Instant
	// virtual controller: an access point, the model its sysDescr names.
	// fq68: was aruba-mobility-controller, ArubaOS; now aruba-instant,
	// ArubaOS Instant, the definition (aruba-instant) detecting apProducts
	// with 'AOS-10' in the sysDescr before arubaos (which excepts 14823.1.2);
	// model, release and type unchanged.
	"aruba-aos10-ap": {"aruba-instant", "Aruba", "535", "", "ArubaOS Instant", "10.4.1.0", "access_point"},
}

// TestDepthFixtures checks each fixture: the winning profile and every
// field, with evidence (check).
func TestDepthFixtures(t *testing.T) {
	checkFixtures(t, depthFixtureDir, depthCases)
}

// TestFetchForAxisReadsTheMAC: the probe asks an Axis device for the
// Ethernet interface's address, which axis-camera reads as the serial.
func TestFetchForAxisReadsTheMAC(t *testing.T) {
	f := engine(t).FetchFor("1.3.6.1.4.1.368.4", " ; AXIS Q6135-LE; PTZ Network Camera; 10.12.199; Jun 05 2023 09:12; 237; 1;")
	if !slices.Contains(f.Get, "1.3.6.1.2.1.2.2.1.6.2") {
		t.Errorf("axis fetch lacks GET ifPhysAddress.2: %v", f.Get)
	}
}
