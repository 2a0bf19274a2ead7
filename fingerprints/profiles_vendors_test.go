package fingerprints

import (
	"path/filepath"
	"testing"
)

// vendorFixtureDir holds small walks written from the MIBs (or the
// documented object layout) of vendors added after the network and device
// families: appliances, industrial gateways, WAN edge, power.
const vendorFixtureDir = "testdata/fixtures/vendors"

// vendorCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var vendorCases = map[string]want{
	// ibNiosVersion whole, as the definition (nios) reads it (fpB: before,
	// cut after the build number, 8.6.2-49947).
	"infoblox-nios":  {"infoblox-nios", "Infoblox", "IB-1415", "1415201901234567", "NIOS", "8.6.2-49947-b6e8b4d6c1", "appliance"},
	"radware-alteon": {"radware-alteon", "Radware", "Alteon 5224", "AL5224R12345", "Alteon OS", "32.6.3.0", "load_balancer"},
	// An Alteon whose software names no platform: the main board's number.
	// fq38: with the definition's (alteonos) template around it, 'EB1913026
	// Vers.', its revision not answering (the template drops the missing
	// variable and is trimmed; was the number alone).
	"radware-alteon-mainboard": {"radware-alteon", "Radware", "EB1913026 Vers.", "AL5224R12345", "Alteon OS", "32.6.3.0", "load_balancer"},
	// deviceFirmwareVersion whole, as the definitions (pepwave,
	// fusionhub) read DEVICE::deviceFirmwareVersion.0 (fq6; was the
	// release alone).
	"peplink": {"peplink", "Peplink", "Balance 310X", "1824-A1B2-C3D4", "Peplink Firmware", "8.1.3 build 5101", "router"},
	// deviceFirmwareVersion whole, its build too, as the definition
	// (pepwave) reads it (fq6; was the release alone).
	"pepwave":          {"pepwave", "Peplink", "MAX BR1 Pro 5G", "2934-E5F6-0789", "Peplink Firmware", "8.3.0 build 5324", "router"},
	"fujitsu-primergy": {"fujitsu-primergy", "Fujitsu", "PRIMERGY RX2540 M5", "YM5K012345", "", "2.10P", "server"},
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 5.3.0, not Linux's): an OS is named beside its own release only.
	"multitech":      {"multitech", "MultiTech", "MTR-LNA7", "19234567", "", "5.3.0", "router"},
	"digi-transport": {"digi-transport", "Digi", "WR21", "452310", "TransPort", "5.2.17.10", "router"},
	// Without SARIAN-MONITOR-MIB: the product, serial and software build
	// the sysDescr names, not the BIOS's version.
	"digi-transport-sysdescr": {"digi-transport", "Digi", "WR44", "193472", "TransPort", "5163", "router"},
	"siemens-sicam":           {"siemens-sicam", "Siemens", "SICAM A8000 CP-8050", "BF1705012345", "SICAM", "05.30", "appliance"},
	"tiesse":                  {"tiesse", "Tiesse", "Imola 5200", "", "", "", "router"},
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 3.04rc33, not Linux's): an OS is named beside its own release only.
	"redlion-ram":         {"redlion-ram", "Red Lion", "SN6600", "6621-2517560325", "", "3.04rc33", "router"},
	"moser-baer-netclock": {"moser-baer-netclock", "Moser-Baer", "SEN 40", "", "", "1.22", "appliance"},
	"extricom":            {"extricom", "Extricom", "EXSW-1200", "EXSW1200A01234", "", "5.1.22.3", "wireless_controller"},
	"nateks":              {"nateks", "NATEKS", "MGS-3C-RGN", "NT0123456", "", "4.2.17", "switch"},
	"teleste-luminato":    {"teleste-luminato", "Teleste", "LAC", "T1234567", "", "3.6.0", "appliance"},
	"voltronic-ups":       {"voltronic-ups", "Voltronic Power", "MKS-3000", "83122102101234", "", "00322.02", "ups"},
	// bcnSysIdOSRelease whole, as the definition (bluecatnetworks) reads it
	// (fq3: before, cut after the build number, 9.2.0-919).
	"bluecat":     {"bluecat", "BlueCat", "BDDS-75", "BC5501234567", "BlueCat OS", "9.2.0-919.GA.bcn", "appliance"},
	"wyse-thinos": {"wyse-thinos", "Dell", "Wyse 3040", "8TQ7XY2", "ThinOS", "9.1.3129", "workstation"},
	"htek-phone":  {"htek-phone", "Htek", "UC926", "", "", "2.0.4.4.40", "phone"},
	"voltaire":    {"voltaire", "Voltaire", "ISR9024D-M", "VLT0812A0123", "", "5.1.1", "switch"},
	// fq75: the serial is the member's eqlMemberServiceTag (8XYZ123), the
	// object the definition (equallogic, LibreNMS's equallogic poller)
	// reads as the serial; was eqlMemberSerialNumber (SHU1234567ABC12),
	// which now follows where no service tag answers.
	"dell-equallogic": {"dell-equallogic", "Dell", "PS6210", "8XYZ123", "EqualLogic PS firmware", "7.1.5", "storage"},
	// fq34: no release (was the kernel's, 4.4.218.alpine.1): the only
	// definition taking 4526.22 (netgear, class Netgear, no Shared\Unix)
	// reads entPhysicalSoftwareRev.1 or a switch sysDescr's release.
	// Owner (session 27): the OS is ReadyNAS OS, whose release the
	// version is (was Linux beside ReadyNAS OS's release, after e7dbb95).
	"netgear-readynas": {"netgear-readynas", "Netgear", "", "", "ReadyNAS OS", "", "storage"},
	"areca":            {"areca", "Areca", "ARC-8050T3", "Y912CACAAR600123", "", "1.56", "storage"},
	"rnx-pdu":          {"rnx-pdu", "RNX", "UPDU-T-3P32A-36C13-6C19", "2103300123", "", "2.6.1", "pdu"},
	"cambium-ptp650":   {"cambium-ptp650", "Cambium Networks", "PTP 650", "", "PTP", "", "wireless"},
	"trapeze-mss":      {"trapeze-mss", "Trapeze Networks", "", "0572900123", "MSS", "7.0.11.3.0", "wireless_controller"},
	"skyhigh-swg":      {"skyhigh-swg", "Skyhigh Security", "Skyhigh Secure Web Gateway", "", "Secure Web Gateway", "12.2.3.41021", "appliance"},
	"cern-wrs":         {"cern-wrs", "Seven Solutions", "White Rabbit Switch", "7S-WRS-0123", "", "6.0.1", "switch"},
	"nexans":           {"nexans", "Nexans", "GigaSwitch 642 SFP-2", "", "", "5.38.02", "switch"},
	"engenius":         {"engenius", "EnGenius", "", "GE7123456789", "", "3.5.6.7", "access_point"},
	// An AIX agent whose sysDescr names no version: the bos.rte fileset level.
	"ibm-aix-bosrte":  {"ibm-aix", "IBM", "", "", "AIX", "7.1.3.45", "server"},
	"avigilon-camera": {"avigilon-camera", "Avigilon", "", "", "", "", "camera"},
	"aten-pdu":        {"aten-pdu", "ATEN", "", "", "", "", "pdu"},
	// A KVM-over-IP switch on ATEN's enterprise, whose PDU group does not
	// answer: ATEN's, no PDU.
	"aten-kvm": {"aten-pdu", "ATEN", "KN4132VA", "", "", "", ""},
	// PON OLTs, white-box and access switches, PDUs and NAC appliances
	// from the OIDs their vendors' MIBs give model, serial and version.
	"cdata-olt": {"cdata-olt", "C-Data", "FD1208S-B0", "FD1208S2203012345", "", "V1.5.2_220301", "switch"}, // the release whole, V kept: the definition (cdata) reads it so (fpZ)
	"gwd-olt":   {"gwd-olt", "GW Delight", "GFA6700", "GW0123456789", "", "2.1.8", "switch"},
	// The version all after ' NOS ' up to the '/', as the definition
	// (dasan-nos) reads it (fq5).
	"dasan-nos":        {"dasan-nos", "DASAN Zhone", "V5824G", "", "NOS", "5.07 #1065", "switch"},
	"pica8-picos":      {"pica8-picos", "Pica8", "as4610_54p", "4610P2F026130123", "PicOS", "4.3.2", "switch"},
	"chatsworth-pdu":   {"chatsworth-pdu", "Chatsworth Products", "EA-1112", "", "", "2.2.1", "pdu"},
	"aruba-clearpass":  {"aruba-clearpass", "Aruba", "ClearPass Policy Manager", "", "ClearPass", "6.9.7.161449", "appliance"},
	"fireeye":          {"fireeye", "FireEye", "NX4500", "FM1734AA0123", "", "9.1.3", "appliance"},
	"nasuni-filer":     {"nasuni-filer-linux", "Nasuni", "Generic x86 64-bit", "NSN0123456789", "Linux", "4.19.0", "storage"}, // fq107: was nasuni-filer, NMC-600, Nasuni Filer, 9.8.1; a uname line on 42040, which no definition names, is linux's (os_detection 11a4d8b)
	"sinetica-hawk-i2": {"sinetica-hawk-i2", "Sinetica", "Eagle-i", "EI0412345", "", "2.11", "sensor"},
}

// TestVendorFixtures checks each profile on its fixture: the winning
// profile and every field, with evidence (check).
func TestVendorFixtures(t *testing.T) {
	checkFixtures(t, vendorFixtureDir, vendorCases)
}

// checkFixtures checks each case on its fixture in dir, every fixture
// having a case and every case a fixture: the winning profile and every
// field, with evidence (check).
func checkFixtures(t *testing.T, dir string, cases map[string]want) {
	t.Helper()
	e := engine(t)
	files, err := filepath.Glob(filepath.Join(dir, "*.snmprec"))
	if err != nil || len(files) != len(cases) {
		t.Fatalf("%s: %d fixtures (%v), %d cases", dir, len(files), err, len(cases))
	}
	for name, w := range cases {
		t.Run(name, func(t *testing.T) {
			got, _ := identifyFile(t, e, filepath.Join(dir, name+".snmprec"))
			check(t, got, w)
		})
	}
}
