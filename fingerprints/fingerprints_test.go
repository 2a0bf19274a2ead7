package fingerprints

import (
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/netcensus/netcensus/internal/snmprec"
	"github.com/netcensus/netcensus/internal/testenv"
	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/snmpwalk"
)

func TestMain(m *testing.M) { testenv.Main(m) }

var (
	engOnce sync.Once
	engVal  *Engine
	engErr  error
)

func engine(t testing.TB) *Engine {
	t.Helper()
	engOnce.Do(func() { engVal, engErr = New() })
	if engErr != nil {
		t.Fatalf("New: %v", engErr)
	}
	return engVal
}

var (
	inputMu    sync.Mutex
	inputCache = map[string]Input{}
)

// input parses a walk once per test binary: the corpus is large and CPU is
// shared.
func input(t *testing.T, e *Engine, path string) Input {
	t.Helper()
	inputMu.Lock()
	defer inputMu.Unlock()
	if in, ok := inputCache[path]; ok {
		return in
	}
	w, _, err := snmprec.ParseFile(path)
	if err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	in := InputFromWalk(w, e.VendorOIDs())
	inputCache[path] = in
	return in
}

func identifyFile(t *testing.T, e *Engine, path string) (Result, Input) {
	t.Helper()
	in := input(t, e, path)
	return e.Identify(in), in
}

type want struct {
	profile, vendor, model, serial, os, osVersion, deviceType string
}

func check(t *testing.T, got Result, w want) {
	t.Helper()
	for _, c := range []struct{ name, got, want string }{
		{"profile", got.Profile, w.profile}, {"vendor", got.Vendor, w.vendor}, {"model", got.Model, w.model},
		{"serial", got.Serial, w.serial}, {"os", got.OS, w.os}, {"os_version", got.OSVersion, w.osVersion},
		{"device_type", got.DeviceType, w.deviceType},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	// Every field that came out has evidence that names its value.
	for f, v := range map[string]string{FieldVendor: got.Vendor, FieldModel: got.Model, FieldSerial: got.Serial,
		FieldOS: got.OS, FieldOSVersion: got.OSVersion, FieldDeviceType: got.DeviceType} {
		ev, ok := got.Evidence[f]
		if (v != "") != ok {
			t.Errorf("evidence for %s present=%v but value %q", f, ok, v)
			continue
		}
		if ok && (ev.Value != v || ev.Rule == "" || ev.Source != record.SourceSNMP) {
			t.Errorf("evidence for %s = %+v, value %q", f, ev, v)
		}
	}
}

// TestCorpus checks the profiles that have a real walk in the corpus.
func TestCorpus(t *testing.T) {
	corpusDir := testenv.Corpus(t, "snmpsim-data")
	e := engine(t)
	for file, w := range corpusCases {
		t.Run(file, func(t *testing.T) {
			got, _ := identifyFile(t, e, filepath.Join(corpusDir, file))
			check(t, got, w)
		})
	}
}

// corpusCases are walks of real devices; parsing them is the slow part of
// these tests, so the very largest files (covered by fixtures or other
// walks) are left to the accuracy report.
var corpusCases = map[string]want{
	"UPS/apc-7902b.snmprec": {"apc-rpdu2", "APC", "AP7902B B2", "5A1551F39430", "AOS", "AOS v6.7.2 / App v6.7.2", "pdu"}, // as the definition (apc: Apc.php) reads them
	// Cards on MGE's 705.1 that also answer XUPS-MIB: MG-SNMP-UPS-MIB's
	// family and model joined, as the definition eaton-mgeups reads them
	// there (fpB: before, eaton-xups with xupsIdentModel, '93E 80').
	"UPS/eaton-93e-80.snmprec.bz2":                        {"eaton-mge", "Eaton", "93E HV 80000", "4K234LXX06", "", "2.08.0011", "ups"},
	"UPS/eaton-9px-partial.snmprec.bz2":                   {"eaton-mge", "Eaton", "9PX 2200i RT 3U", "GX13G45099", "", "01.17.4945", "ups"},
	"UPS/eastpower-istars-swv053.snmprec.bz2":             {"east-istars", "EAST", "EA9080", "", "", "8.0", "ups"},
	"camera/wds-ips-1022.snmprec.bz2":                     {"wrd-ipsensor", "WRD Tech", "IPS-1022", "", "", "", "sensor"},
	"UPS/vertiv-power.snmprec.bz2":                        {"vertiv-liebert", "Vertiv", "Liebert PEX (PAL 1.04.026.STD)", "416791G106T2010SEP230036", "", "3.210.0", "cooling"}, // the definition (liebert) templates model (firmware) (fq14; was Liebert PEX)
	"UPS/emerson-network-power.snmprec.bz2":               {"emerson-ups-card", "Vertiv", "US11R0030L", "", "", "13.00", "ups"},
	"UPS/huawei-gse200m.snmprec.bz2":                      {"huawei-ups", "Huawei", "UPS5000", "2102310NYJ10EB000045", "", "V100R001C10B003SP00", "ups"},       // upsIdentModel, as the definition huaweiups (which detects this sysDescr) reads it (fq14; was UPS5000-E); fq40: no OS (was Linux, net-snmp's registration's, beside the UPS's own release, not Linux's)
	"UPS/ingrasys-power-switch.snmprec.bz2":               {"webpower-ups-card", "Ingrasys", "WebPower Pro II Mini Card", "11120051132123", "", "5.27", "ups"}, // the card's name first, as webpower's hardware_regex reads it (fq7; before, upsIdentModel 'Array-3A3')
	"bmc/hp-onboard-administrator.snmprec.bz2":            {"hp-onboard-administrator", "HPE", "BladeSystem c7000 Enclosure G2", "6CU250TV5C", "Onboard Administrator", "3.60", "bmc"},
	"camera/hikvision.snmprec.bz2":                        {"hikvision", "Hikvision", "DS-2CD4C36FWD-AP", "", "", "V5.5.80 build 190131", "camera"}, // softwVersion whole, V kept, as hikvision-cam reads it (fpU)
	"camera/hikvision-network-video-recorder.snmprec.bz2": {"hikvision-nvr", "Hikvision", "NVR", "0820161024CCRR666108343WCVU", "", "", "nvr"},
	"camera/samsung-ipolis.snmprec.bz2":                   {"hanwha-samsung-camera", "Samsung", "SNO-7084R", "", "", "3.00_140915", "camera"},
	"cloud/arista-dcs-7150s-52-cl.snmprec.bz2":            {"arista-eos", "Arista Networks", "DCS-7150S-52-CL", "JPE15151458", "EOS", "4.20.5F", "switch"},
	"iot/geist-temperature-sensor.snmprec":                {"vertiv-geist", "Vertiv", "Geist WD15", "TB19020610", "", "3.4.0", "sensor"}, // owner: GEIST-V5-MIB productTitle again, the model the unit names itself, after the definition's sources (none read there: a field no measure counts), for the user's inventory; fq59: no model, serial or release (were GEIST-V5-MIB's productTitle Geist WD15, productSerialNumber, productVersion): 21239.42.1.31 is geist-watchdog's, whose os module reads GEIST-MIB-V3 productVersion.0 and climateSerial.1 alone, no hardware, and this walk answers neither; fq57: GEIST-V5-MIB productSerialNumber and productVersion again, read after the definition's GEIST-MIB-V3 objects, which this walk does not answer (snmpsim-data coverage kept)
	"network/appliance/cisco-controller.snmprec.bz2":      {"cisco-wlc", "Cisco", "AIR-CT5508-K9", "FCW1430L0CZ", "AireOS", "7.6.130.0", "wireless_controller"},
	"network/appliance/empirical-hw-mgmt.snmprec.bz2":     {"huawei-ibmc", "Huawei", "RH5885 V3", "2102311JWG10H4000737", "iBMC", "2.38", "bmc"},
	"network/appliance/huawei-ism.snmprec.bz2":            {"huawei-oceanstor", "Huawei", "", "2102350HYS10H1000010", "OceanStor", "V300R003C10", "storage"},
	"network/appliance/tripplite-poweralert.snmprec":      {"tripplite-poweralert", "Tripp Lite", "PDUMH20ATNET", "3569FG0LD527F11485", "PowerAlert", "15.5.4 (Build 1045)", "pdu"},
	"network/firewall/fortinet-xcu.snmprec.bz2":           {"fortinet-fortigate", "Fortinet", "FortiGate 3000D", "FGT3KD3Z16800461", "FortiOS", "v5.4.5,build1138,170531 (GA)", "firewall"}, // as the definition (fortigate) reads them
	"network/firewall/paloalto-pa-5000.snmprec.bz2":       {"paloalto-panos", "Palo Alto Networks", "PA-5050", "0009C100761", "PAN-OS", "8.0.1", "firewall"},
	// fq116: was "Catalyst 3550-24" (the product registry's display form);
	// now "catalyst355024": no ENTITY-MIB, so Cisco.php (ios) states the
	// sysObjectID translated through CISCO-PRODUCTS-MIB, the label as the
	// MIB writes it.
	"network/router/cisco-unmarked-0.snmprec.bz2":         {"cisco-ios", "Cisco", "catalyst355024", "CAT0625X0DP", "IOS", "12.1(8)EA1c", "switch"},
	"network/router/huawei-s5720.snmprec.bz2":             {"huawei-vrp", "Huawei", "S5720-36C-EI-AC", "210235956210F7000410", "VRP", "5.160 (V200R007C00SPC500) [V200R007SPH001]", "switch"}, // Vrp.php: sysDescr version, release and hwPatchVersion's first row (fpL)
	"network/router/juniper-mx960-16-1r6-7-a.snmprec.bz2": {"juniper-junos", "Juniper Networks", "MX960", "JN11F7072AFA", "Junos", "16.1R6.7", "router"},
	"network/router/ruijie-n18010.snmprec.bz2":            {"ruijie", "Ruijie Networks", "RG-N18010", "G1LV143000015", "RGOS", "N18000_RGOS 11.0(1)B3P3T5, Release(05131117)", "switch"}, // ruijieDeviceSerialNumber.1 and ruijieDeviceSWVersion.1 whole, as ruijie reads them (fq7)
	"network/router/vyatta-unknown.snmprec.bz2":           {"vyatta-vyos", "Vyatta", "", "", "Vyatta", "", "router"},
	"network/switch/bdcom-s5612.snmprec.bz2":              {"bdcom", "BDCOM", "S5612 mother card", "20014012879", "", "2.1.1B", "switch"}, // nmscardSwVersion.1, which the definition (bdcom) reads over its sysDescr pattern (fpE); nmscardDescr.1 whole, as it reads it with no regex (fq54; was its first word, S5612)
	"network/switch/brocade-ds-5100b.snmprec.bz2":         {"brocade-fabric-os", "Brocade", "DS-5100B", "BRCALM2534F019", "Fabric OS", "v6.4.3d", "switch"},
	"network/switch/brocade-icx6430-24.snmprec.bz2":       {"brocade-fastiron", "Brocade", "FastIron ICX 6430 24-port Switch", "BZN3215N09A", "FastIron", "08.0.30tT311", "switch"}, // was "ICX6430-24", the sysDescr's product; Ironware.php's name for snICX643024Switch, as ironware reads the hardware (fq79)
	"network/switch/cisco-c3560.snmprec.bz2":              {"cisco-ios", "Cisco", "WS-C3560G-48TS-E", "FOC1408Z61U", "IOS", "12.2(55)SE3", "switch"},
	"network/switch/cisco-n5000.snmprec.bz2":              {"cisco-nx-os", "Cisco", "Nexus5548 Chassis", "SSI183706KP", "NX-OS", "6.0(2)N2(3)", "switch"}, // entPhysicalName.149, as the definition (nxos) reads the hardware
	"network/switch/dcrs-5980-28t-dc.snmprec.bz2":         {"digital-china-maipu", "Digital China Networks", "DCRS-5980-28T-DC", "GOSWE120F327000001", "", "7.0.3.1(B0232.0031)", "switch"},
	"network/switch/dlink-des3200.snmprec.bz2":            {"dlink", "D-Link", "DES-3200-18 Rev. C1", "R3MD1DB002523", "", "Build 4.04.004", "switch"}, // Dlink.php: hardware + " Rev. " + probeHardwareRev; dlink.yaml: probeSoftwareRev whole (fpU)
	// The serial is the first hh3cEntityExtManuSerialNum of a walk (row
	// 1's), as the definition's class (Comware.php) sets it;
	// before, the chassis row 3's entPhysicalSerialNum. The version the
	// number alone, as the definition (comware) captures it (since fq24;
	// was "7.1.075 Release 7751P01").
	// An SR8808-X is a router (H3C's SR8800-X line), its model read where
	// the sysDescr names none (since fq24; was switch).
	"network/switch/h3c-comware-7-1-075.snmprec.bz2": {"h3c-comware", "H3C", "SR8808-X", "210231A2PJB18A000023", "Comware", "7.1.075", "router"},
	"network/switch/h3c-wx6103.snmprec.bz2":          {"h3c-comware", "H3C", "WX6103", "210231A76JX091000041", "Comware", "Release 2509P33", "wireless_controller"},
	// The blade switch by its name, not its part number (as hp-procurve
	// names the other ProVision switches): "ProCurve 516733-B21 6120XG
	// Blade Switch".
	"network/switch/hpe-procurve-516733-b21.snmprec.bz2":  {"hp-procurve", "HPE", "516733-B21 6120XG Blade", "3C421900TX", "ProCurve", "Z.14.31", "switch"}, // the hardware as the definition (procurve) reads it
	"network/switch/maipu-sm4200-16gef8ge-ac.snmprec.bz2": {"digital-china-maipu", "Maipu", "SM4200-16GEF8GE-AC", "", "", "6.0.222.39", "switch"},
	// fq16: the hardware as the definition (zxr10) reads it, after
	// "ZXR10 ".
	"network/switch/zte-zxr10-5250.snmprec.bz2": {"zte-zxr10", "ZTE", "5250-52TM-H", "", "ZXROS", "V2.05.11B19", "switch"},
	"network/wifi/aruba-7210.snmprec.bz2":       {"aruba-mobility-controller", "Aruba", "Aruba7210", "CV0008612", "ArubaOS", "6.5.1.6", "wireless_controller"},
	"network/wifi/ubiquiti-m5.snmprec.bz2":      {"ubiquiti-airos", "Ubiquiti", "NanoStation M5", "", "airOS", "5.6-beta4.22359.140521.1836", "access_point"}, // all after .v, as the definition (airos) reads it
	"os/linux/ibm-x3550-m3.snmprec.bz2":         {"ibm-imm", "IBM", "System x3250 M3", "0622254", "IMM", "YUOO91K", "bmc"},
	"os/linux/ibm-power-chrp.snmprec.bz2":       {"ibm-aix", "IBM", "8202-E4D", "02213785V", "AIX", "7.1.3.45", "server"},
	"os/linux/unknown-006.snmprec.bz2":          {"linux-distro", "", "Generic x86 64-bit", "", "Enterprise Linux 7", "3.10.0-514.el7.x86_64", "server"},
	"os/linux/sangfor.snmprec.bz2":              {"sangfor", "Sangfor", "Generic x86", "", "Linux", "2.4.35.4-AC1.95", "appliance"},                 // fq107: was M5400; linux's machine class of 'i686' first (no definition detects 35047; linux takes '/^Linux/', os_detection 11a4d8b)
	"os/windows/XP.snmprec.bz2":                 {"windows-workstation", "", "Generic x86", "", "Windows XP", "XP (NT 5.1)", "workstation"},         // the release the definition (windows) names build 2600
	"os/windows/server-2003-5-2.snmprec.bz2":    {"windows-server", "", "Generic x86", "", "Windows Server 2003", "Server 2003 (NT 5.2)", "server"}, // and a server's build 3790
	// chassisModel.1 whole, as the definition (onefs) reads it (fq14; was X210).
	"storage/isilon-onefs.snmprec.bz2":   {"isilon-onefs", "Dell EMC", "X210-2U-Single-48GB-2x1GE-2x10GE SFP+-36TB", "CEGER155100014", "OneFS", "7.2.1.0", "storage"},
	"storage/netapp-fas3270.snmprec.bz2": {"netapp-ontap", "NetApp", "FAS3270", "940001051000", "ONTAP", "8.2.3 7-Mode", "storage"},
}

// TestFixtures checks profiles without a corpus walk against small walks
// written from each vendor's documented OIDs and sysDescr formats.
func TestFixtures(t *testing.T) {
	e := engine(t)
	cases := map[string]want{
		"allied-telesis": {"allied-telesis", "Allied Telesis", "x230-28GP", "A04884H123456789", "AlliedWare Plus", "5.4.7-2.5", "switch"},
		"ale-omniswitch": {"ale-omniswitch", "Alcatel-Lucent Enterprise", "OS6860E-P24", "V1234567", "AOS", "8.6.289.R01", "switch"},
		// The release as the device-support code (ciscosb, Ciscosb.php)
		// writes it, unit 1's software version after 'Software '.
		"cisco-sb": {"cisco-sb", "Cisco", "SG350-28P-K9", "DNI2217A1BC", "", "Software 2.5.9.16", "switch"},
		"f5-bigip": {"f5-bigip", "F5", "BIG-IP i4800", "chs610123s", "TMOS", "15.1.8.2", "load_balancer"},
		// The hardware is entPhysicalDescr.1 whole, as the definition
		// (arubaos-cx) reads it over the sysDescr's (was "6300M 24SFP+
		// 4SFP56"; the fixture's descr now the product name the sysDescr
		// writes after "Aruba", not a made-up "JL658A chassis").
		"aruba-os-cx":             {"aruba-os-cx", "HPE", "JL658A 6300M 24SFP+ 4SFP56 Swch", "SG9ZKN1234", "ArubaOS-CX", "FL.10.06.0001", "switch"},
		"axis-camera":             {"axis-camera", "Axis", "P1455-LE", "", "AXIS OS", "10.12.182", "camera"},
		"brother-printer":         {"brother-printer", "Brother", "HL-L6200DW", "U63891A7N123456", "", "1.15", "printer"},
		"canon-printer":           {"canon-printer", "Canon", "iR-ADV C5535", "XLT12345", "", "", "printer"},
		"checkpoint-gaia":         {"checkpoint-gaia", "Check Point", "6200", "1911BA1234", "Gaia", "R81.10", "firewall"},
		"cisco-asa":               {"cisco-asa", "Cisco", "ASA5516", "JAD20123456", "ASA", "9.8(2)", "firewall"},
		"cisco-ios-xe":            {"cisco-ios-xe", "Cisco", "C9300-48P", "FCW2233L0AB", "IOS-XE", "CAT9K_IOSXE 17.3.4", "switch"}, // a bracketed train: image and release, as the shared Cisco OS discovery (iosxe) writes them
		"cisco-ios-xr":            {"cisco-ios-xr", "Cisco", "ASR9K Series", "FOX1234ABCD", "IOS-XR", "6.5.3", "router"},           // no rack row: the sysDescr platform, as Iosxr.php reads it
		"cyberpower":              {"cyberpower", "CyberPower", "PR1500ELCDRT2U", "PAKCR2000123", "", "CRA2000XYZ", "ups"},
		"dell-idrac":              {"dell-idrac", "Dell", "PowerEdge R740", "ABC1234", "iDRAC", "6.10.30.00", "bmc"},
		"dell-networking-os9":     {"dell-networking-os9", "Dell", "S4048-ON", "CN0XYZ98765", "Dell Networking OS", "9.14(2.4)", "switch"},
		"dell-openmanage":         {"linux-distro", "Dell", "PowerEdge R650", "7XYZ123", "Enterprise Linux 9", "5.14.0-362.8.1.el9_3.x86_64", "server"},
		"dell-os10":               {"dell-os10", "Dell", "S5248F-ON", "CN0ABCD1234", "OS10", "10.5.2.4", "switch"},
		"dell-powerconnect":       {"dell-powerconnect", "Dell", "PowerConnect 5548P", "CN0P1234", "PowerConnect", "4.1.0.12", "switch"}, // the sysDescr's product: the definition (powerconnect) reads no ENTITY row (fpR)
		"epson-printer":           {"epson-printer", "Epson", "ET-4750", "X5KM012345", "", "", "printer"},
		"extreme-exos":            {"extreme-exos", "Extreme Networks", "X460G2-48p-10G4", "1611N-12345", "EXOS", "22.7.1.2", "switch"}, // the fixture's registration the X460-G2-48p's own, summitX460G2-48p-10G4 1916.2.201 (fq42; was 1916.2.254, EXTREME-BASE-MIB's IA-A-300 Access Control Engine)
		"extreme-voss":            {"extreme-voss", "Extreme Networks", "VSP-4850GTS-PWR+", "14JP123456", "VOSS", "7.1.0.0", "switch"},
		"fortinet-other":          {"fortinet-fortiswitch", "Fortinet", "FortiSwitch-248E-FPOE", "S248EFTF20001234", "FortiSwitchOS", "7.2.5", "switch"},
		"generic-printer-mib":     {"", "", "Acme Laser 9000", "ACM123456", "", "", "printer"},
		"hikvision":               {"hikvision-nvr", "Hikvision", "DS-2CD2143G2-I", "", "", "", "camera"}, // fq52: hikvision-nvr's, no release (was hikvision with softwVersion): its sysDescr 'Hikvision company products' is what the definition hikvision-nvr detects, before hikvision-cam (which wants no sysObjectID); the model hikvision-device-mib's deviceType, filling the gap
		"hp-ilo":                  {"hp-ilo", "HPE", "ProLiant DL380 Gen10", "CZJ1234567", "iLO", "2.72", "bmc"},
		"hp-printer":              {"hp-printer", "HP", "LaserJet Pro M404dn", "PHBQB12345", "", "JSI23900012", "printer"}, // a LaserJet Pro runs no FutureSmart: no fw-rom-revision in its bundle form, no OS (was FutureSmart; fq25)
		"juniper-screenos":        {"juniper-screenos", "Juniper Networks", "SSG5-Serial-WLAN", "0168102006001234", "ScreenOS", "6.3.0r19.0", "firewall"},
		"kyocera-printer":         {"kyocera-printer", "Kyocera", "ECOSYS M2540dn", "VCF8Z12345", "", "", "printer"},
		"lexmark-printer":         {"lexmark-printer", "Lexmark", "MX511de", "7015123456ABC", "", "MXTGM.052.024", "printer"},
		"mikrotik-routeros":       {"mikrotik-routeros", "MikroTik", "RB4011iGS+", "D4F00A1B2C3D", "RouterOS", "7.11.2", "router"},
		"net-snmp-bsd":            {"net-snmp-bsd", "", "amd64", "", "FreeBSD", "13.2-RELEASE", "server"}, // fq123: amd64 (was Generic x86 64-bit): the definition freebsd has an os module (includes/definitions/discovery/freebsd.yaml), whose sysDescr pattern reads the architecture word as written. Before, fq67: Generic x86 64-bit again (was none, fe37583): Shared\Unix names none for 'amd64', a field no measure counts, so the same machine's class follows for the user's inventory. Before: no machine class for 'amd64' (was Generic x86 64-bit): Shared\Unix (freebsd's) names one for 'x86_64' alone (fq51)
		"net-snmp-other-unix":     {"net-snmp-other-unix", "", "i86pc", "", "Solaris", "5.11", "server"},
		"netgear":                 {"netgear", "Netgear", "GS724Tv4", "", "", "6.3.1.4", "switch"},
		"qnap-qts":                {"qnap-qts", "QNAP", "TS-453D", "", "QTS", "", "storage"}, // no chassis firmware: no release, as Qnap.php reads it (was the kernel's 5.10.60-qnap; fq25)
		"ricoh-printer":           {"ricoh-printer", "Ricoh", "MP C3004ex", "C778P123456", "", "1.05", "printer"},
		"ruckus-wireless":         {"ruckus-wireless", "Ruckus", "ZD1200", "271704001234", "ZoneDirector", "10.1.2.0 build 275 ()", "wireless_controller"},               // fq56: the definition ruckuswireless's version_template (82d7dcf), the country code this walk does not answer left empty (was 10.1.2.0 build 275)
		"sonicwall-sonicos":       {"sonicwall-sonicos", "SonicWall", "TZ 400", "18B1690A1234", "SonicOS", "(Firmware SonicOS Enhanced 6.5.4.4-44n / ROM )", "firewall"}, // the definition (sonicwall) version_template, no ROM answering
		"synology-dsm":            {"synology-dsm", "Synology", "DS920+", "2080RQR123456", "DSM", "7.2-64570", "storage"},
		"synology-sysobjectid":    {"synology-dsm", "Synology", "RS1221+", "21A0SBR123456", "DSM", "7.1.1-42962", "storage"},
		"tplink":                  {"tplink", "TP-Link", "T2600G-28TS", "2219012001234", "", "3.0.0 Build 20180806 Rel.35538", "switch"},
		"ubiquiti-edgeos":         {"ubiquiti-edgeos", "Ubiquiti", "", "", "EdgeOS", "2.0.9", "router"},
		"ubiquiti-unifi-sysdescr": {"ubiquiti-unifi-sysdescr", "Ubiquiti", "UAP-AC-Pro", "", "UniFi", "6.5.28.14491", "access_point"},
		"vmware-esxi":             {"vmware-esxi", "", "", "", "ESXi", "7.0.3", "hypervisor"},
		"xerox-printer":           {"xerox-printer", "Xerox", "WorkCentre 7845 v1 Multifunction System", "3123456789", "", "073.040.075.34540", "printer"},
		// A ZyNOS switch answering none of Zynos.php's serial or release
		// objects: the definition states neither (no measure counts them);
		// the ENTITY chassis row's serial and software revision, the
		// device's own, follow its objects (owner, after fq60 left both
		// empty).
		"zyxel": {"zyxel", "Zyxel", "GS1920-24HP", "S172L21001234", "", "V4.50(AAOC.6)", "switch"},
	}
	files, err := filepath.Glob("testdata/fixtures/*.snmprec")
	if err != nil || len(files) != len(cases) {
		t.Fatalf("fixtures: %d files (%v), %d cases", len(files), err, len(cases))
	}
	for name, w := range cases {
		t.Run(name, func(t *testing.T) {
			got, _ := identifyFile(t, e, filepath.Join("testdata/fixtures", name+".snmprec"))
			check(t, got, w)
		})
	}
}

// TestEveryProfileCovered: each profile written by hand matches at least
// one test case, from the corpus or a fixture.
// It is of the corpus tier, as the corpus walks are part of it.
func TestEveryProfileCovered(t *testing.T) {
	corpusDir := testenv.Corpus(t, "snmpsim-data")
	e := engine(t)
	covered := map[string]bool{}
	files := fixtureFiles(t)
	for f := range corpusCases {
		files = append(files, filepath.Join(corpusDir, f))
	}
	for _, f := range files {
		for _, m := range e.Explain(input(t, e, f)) {
			if m.Matched {
				covered[m.Profile] = true
			}
		}
	}
	for _, p := range e.profiles {
		// The profiles generated from the vendor MIBs (mib-identity.yaml,
		// one per enterprise) are the MIBs' objects, kept current by
		// identgen's test; most of their enterprises have no walk here.
		if !covered[p.id] && !strings.HasPrefix(p.id, "mib-identity-") {
			t.Errorf("profile %s matched no corpus walk or fixture", p.id)
		}
	}
}

func TestExplain(t *testing.T) {
	e := engine(t)
	in := Input{
		SysObjectID: "1.3.6.1.4.1.9.1.617",
		SysDescr:    "Cisco IOS Software, C3560 Software (C3560-IPSERVICESK9-M), Version 12.2(55)SE3, RELEASE SOFTWARE (fc1)",
	}
	ms := e.Explain(in)
	if len(ms) != len(e.profiles) {
		t.Fatalf("Explain returned %d matches for %d profiles", len(ms), len(e.profiles))
	}
	if !ms[0].Matched || !ms[0].Winner || ms[0].Profile != "cisco-ios" {
		t.Fatalf("first match = %+v, want the winning cisco-ios", ms[0])
	}
	if ms[0].Fields[FieldOSVersion] != "12.2(55)SE3" || ms[0].Fields[FieldOS] != "IOS" {
		t.Errorf("cisco-ios fields = %v", ms[0].Fields)
	}
	joined := strings.Join(ms[0].Reasons, "; ")
	if !strings.Contains(joined, "sysObjectID under 1.3.6.1.4.1.9") || !strings.Contains(joined, "sysDescr matches") {
		t.Errorf("reasons = %q", joined)
	}
	var sawGeneric, sawXE bool
	lastMatched := true
	for i, m := range ms {
		if m.Matched && !lastMatched {
			t.Errorf("matched profile %s after unmatched ones", m.Profile)
		}
		lastMatched = m.Matched
		if i > 0 && m.Winner {
			t.Errorf("second winner %s", m.Profile)
		}
		switch m.Profile {
		case "cisco-generic":
			sawGeneric = m.Matched && m.Score < ms[0].Score
		case "cisco-ios-xe":
			sawXE = !m.Matched && len(m.Reasons) > 0
		}
	}
	if !sawGeneric || !sawXE {
		t.Errorf("cisco-generic matched below winner: %v; cisco-ios-xe unmatched with reasons: %v", sawGeneric, sawXE)
	}
	// Explain and Identify agree.
	res := e.Identify(in)
	if res.Profile != "cisco-ios" || res.Vendor != "Cisco" || res.OSVersion != "12.2(55)SE3" {
		t.Errorf("Identify = %+v", res)
	}
	ev := res.Evidence[FieldOSVersion]
	if ev.OID != OIDSysDescr || ev.Rule != "profile cisco-ios: sysDescr version" || ev.Value != "12.2(55)SE3" {
		t.Errorf("os_version evidence = %+v", ev)
	}
}

// TestVendorFromEntity: the chassis's maker from the enterprise its
// entPhysicalVendorType lies under. When entPhysicalMfgName agrees, it
// outweighs a sysObjectID of another enterprise (an H3C E528 whose system
// group said NetManage, enterprise 233, was given vendor "NetManage");
// alone, it is a last resort.
func TestVendorFromEntity(t *testing.T) {
	e := engine(t)
	h3c := []Entity{
		{Index: 1, Class: 11, Descr: "H3C", Mfg: "H3C"},
		{Index: 2, Class: 3, ContainedIn: 1, Model: "H3C Switch E528", Mfg: "H3C", VendorType: "1.3.6.1.4.1.25506.1.578"},
	}
	for _, c := range []struct {
		name     string
		in       Input
		want     string
		wantRule string
	}{
		{"maker and registration agree over another enterprise", Input{SysObjectID: "1.3.6.1.4.1.233", SysDescr: "Dummy System", Entities: h3c},
			"H3C", "ENTITY chassis entPhysicalVendorType enterprise 25506 (H3C), as entPhysicalMfgName says"},
		{"no sysObjectID", Input{Entities: h3c}, "H3C", "ENTITY chassis entPhysicalVendorType enterprise 25506 (H3C), as entPhysicalMfgName says"},
		{"a maker name that disagrees leaves the sysObjectID's", Input{SysObjectID: "1.3.6.1.4.1.233", Entities: []Entity{
			{Index: 1, Class: 3, Mfg: "Acme", VendorType: "1.3.6.1.4.1.25506.1.578"},
		}}, "NetManage", "enterprise number 233"},
		{"registration alone is a last resort", Input{SysObjectID: "1.3.6.1.4.1.8072.3.2.10", Entities: []Entity{
			{Index: 1, Class: 3, VendorType: "1.3.6.1.4.1.25506.1.578"},
		}}, "H3C", "ENTITY chassis entPhysicalVendorType enterprise 25506 (H3C)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := e.Identify(c.in)
			if r.Vendor != c.want || !strings.HasPrefix(r.Evidence[FieldVendor].Rule, c.wantRule) {
				t.Errorf("vendor %q (%+v), want %q by %q", r.Vendor, r.Evidence[FieldVendor], c.want, c.wantRule)
			}
		})
	}
}

func TestVendorFromEnterpriseNumber(t *testing.T) {
	e := engine(t)
	for _, c := range []struct{ oid, want string }{
		{"1.3.6.1.4.1.2636.1.1.1.2.21", "Juniper Networks"}, // profile
		{"1.3.6.1.4.1.3375.2.1.3.4.43", "F5"},               // profile
		{"1.3.6.1.4.1.3375.1.2", "F5"},                      // registry, normalised
		{"1.3.6.1.4.1.8072.3.2.10", ""},                     // net-snmp says nothing of the maker
		{"1.3.6.1.4.1.35047.2.1", "Sangfor"},
		{"1.3.6.1.4.1.4294967295", ""}, // out of range
		{"not an oid", ""},
	} {
		r := e.Identify(Input{SysObjectID: c.oid})
		if r.Vendor != c.want {
			t.Errorf("%s: vendor %q, want %q", c.oid, r.Vendor, c.want)
		}
	}
	r := e.Identify(Input{SysObjectID: "1.3.6.1.4.1.3375.1.2"})
	if ev := r.Evidence[FieldVendor]; ev.OID != OIDSysObjectID || !strings.HasPrefix(ev.Rule, "enterprise number 3375") {
		t.Errorf("vendor evidence = %+v", ev)
	}
}

func TestPlaceholders(t *testing.T) {
	for _, s := range []string{"", " ", "0", "N/A", "n/a", "unknown", "Unknown", "123456789", "XXXXXXXX",
		"xxxxxxxxxxxx", "00000000", "Not Specified", "To be filled by O.E.M.", "Default string", "0.0.0",
		"00:00:00", "FFFFFFFF", "System Serial Number", "None", "\x00\x00"} {
		if !IsPlaceholder(s) {
			t.Errorf("IsPlaceholder(%q) = false", s)
		}
	}
	for _, s := range []string{"FOC1408Z61U", "JN11FCEC5AFA", "1.0", "A1", "S5720", "12"} {
		if IsPlaceholder(s) {
			t.Errorf("IsPlaceholder(%q) = true", s)
		}
	}
	// A placeholder chassis serial falls through to the next rule: the
	// lowest-index row with a real serial.
	// fq65: no serial (was JPE1234, the Supervisor's, evidence
	// entPhysicalSerialNum.3): beside a chassis row that states none, a
	// module's serial is taken only from the one module the device has
	// (a fixed box's main board), and this device has two (the
	// supervisor, and a power supply its agent classes a module); a
	// supervisor's serial is the supervisor's, not the chassis's (issue
	// 10: the chassis chosen properly). The fall-through to a lone
	// board's serial: leads-65's entity-chassis-one-board.
	e := engine(t)
	in := Input{
		SysObjectID: "1.3.6.1.4.1.30065.1.3011.7150",
		SysDescr:    "Arista Networks EOS version 4.20.5F running on an Arista Networks DCS-7150S-52-CL",
		Entities: []Entity{
			{Index: 1, Class: 3, Model: "DCS-7150S-52-CL", Serial: "To be filled by O.E.M."},
			{Index: 5, Class: 9, Model: "PWR-460AC-F", Serial: "N/A"},
			{Index: 3, Class: 9, Model: "Supervisor", Serial: "JPE1234"},
		},
	}
	r := e.Identify(in)
	if r.Serial != "" || r.Model != "DCS-7150S-52-CL" {
		t.Errorf("serial %q model %q", r.Serial, r.Model)
	}
	if ev := r.Evidence[FieldSerial]; ev.OID != "" {
		t.Errorf("serial evidence = %+v", ev)
	}
	in.Entities[2].Serial = "0"
	if r := e.Identify(in); r.Serial != "" {
		t.Errorf("serial %q from placeholders", r.Serial)
	}
}

func TestStrictYAML(t *testing.T) {
	good := "profiles:\n  - id: x\n    match:\n      sys_descr: ['^X']\n    vendor: X\n    model:\n      - sys_descr: 'X (\\S+)'\n"
	for name, src := range map[string]string{
		"unknown top key":     good + "extra: 1\n",
		"unknown profile key": strings.Replace(good, "vendor: X", "vendr: X", 1),
		"unknown match key":   strings.Replace(good, "sys_descr: ['^X']", "sysdescr: ['^X']", 1),
		"unknown rule key":    strings.Replace(good, "- sys_descr: 'X (\\S+)'", "- sys_descr: 'X (\\S+)'\n        regexp: 'y'", 1),
		"bad regexp":          strings.Replace(good, "'^X'", "'(['", 1),
		"two sources":         strings.Replace(good, "- sys_descr: 'X (\\S+)'", "- sys_descr: 'X'\n        oid: 1.2.3", 1),
		"bad device type":     good + "    device_type: toaster\n",
		"no match":            "profiles:\n  - id: x\n    vendor: X\n",
		"bad entity field":    strings.Replace(good, "- sys_descr: 'X (\\S+)'", "- entity: colour", 1),
		"bad oid":             strings.Replace(good, "- sys_descr: 'X (\\S+)'", "- oid: 1.3.x", 1),
		"model with regex":    strings.Replace(good, "- sys_descr: 'X (\\S+)'", "- model: '^A'\n        regex: 'B'", 1),
		"bad model regexp":    strings.Replace(good, "- sys_descr: 'X (\\S+)'", "- model: '(['", 1),
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := loadProfiles(fstest.MapFS{"a.yaml": {Data: []byte(src)}}); err == nil {
				t.Errorf("loaded without error:\n%s", src)
			}
		})
	}
	ps, err := loadProfiles(fstest.MapFS{"a.yaml": {Data: []byte(good)}})
	if err != nil || len(ps) != 1 {
		t.Fatalf("good profile: %v", err)
	}
	if _, err := loadProfiles(fstest.MapFS{"a.yaml": {Data: []byte(good)}, "b.yaml": {Data: []byte(good)}}); err == nil {
		t.Error("duplicate id accepted")
	}
}

func TestVendorOIDs(t *testing.T) {
	e := engine(t)
	oids := e.VendorOIDs()
	if !slices.IsSortedFunc(oids, snmprec.CompareOID) {
		t.Error("VendorOIDs not sorted")
	}
	for _, want := range []string{"1.3.6.1.4.1.2636.3.1.3.0", "1.3.6.1.4.1.12356.100.1.1.1.0", "1.3.6.1.4.1.318.1.1.1.1.1.1.0",
		"1.3.6.1.2.1.43.5.1.1.17", "1.3.6.1.2.1.33.1.1", "1.3.6.1.4.1.6574.1.5.1.0", "1.3.6.1.4.1.14988.1.1.7.3.0"} {
		found := false
		for _, o := range oids {
			if snmpwalk.HasPrefix(want, o) {
				found = true
			}
		}
		if !found {
			t.Errorf("VendorOIDs lacks %s", want)
		}
	}
	for _, o := range oids {
		if snmpwalk.HasPrefix(o, "1.3.6.1.2.1.1") || snmpwalk.HasPrefix(o, "1.3.6.1.2.1.47") {
			t.Errorf("VendorOIDs lists system/ENTITY OID %s", o)
		}
	}
}

func TestInputFromWalk(t *testing.T) {
	b := OIDEntPhysicalEntry
	w := snmprec.NewWalk([]snmprec.Record{
		{OID: OIDSysDescr, Value: snmprec.Value{Type: snmprec.TypeOctetString, Bytes: []byte("Box 1.0\x00")}},
		{OID: OIDSysObjectID, Value: snmprec.Value{Type: snmprec.TypeOID, OID: "1.3.6.1.4.1.9.1.1"}},
		{OID: OIDSysName, Value: snmprec.Value{Type: snmprec.TypeOctetString, Bytes: []byte("sw1")}},
		{OID: b + ".5.2", Value: snmprec.Value{Type: snmprec.TypeInteger, Int: 9}},
		{OID: b + ".5.1", Value: snmprec.Value{Type: snmprec.TypeInteger, Int: 3}},
		{OID: b + ".11.1", Value: snmprec.Value{Type: snmprec.TypeOctetString, Bytes: []byte("SER1  ")}},
		{OID: b + ".3.1", Value: snmprec.Value{Type: snmprec.TypeOID, OID: "1.3.6.1.4.1.9.12.3.1.3.144"}},
		{OID: b + ".4.2", Value: snmprec.Value{Type: snmprec.TypeInteger, Int: 1}},
		{OID: "1.3.6.1.4.1.9.3.6.3.0", Value: snmprec.Value{Type: snmprec.TypeOctetString, Bytes: []byte("X")}},
		{OID: "1.3.6.1.4.1.9.9.9.0", Value: snmprec.Value{Type: snmprec.TypeInteger, Int: 1}},
	})
	in := InputFromWalk(w, []string{"1.3.6.1.4.1.9.3"})
	if in.SysDescr != "Box 1.0" || in.SysObjectID != "1.3.6.1.4.1.9.1.1" || in.SysName != "sw1" {
		t.Errorf("system group = %q %q %q", in.SysDescr, in.SysObjectID, in.SysName)
	}
	if len(in.Entities) != 2 || in.Entities[0].Index != 1 || in.Entities[0].Class != 3 || in.Entities[0].Serial != "SER1" ||
		in.Entities[0].VendorType != "1.3.6.1.4.1.9.12.3.1.3.144" || in.Entities[1].ContainedIn != 1 || in.Entities[1].Class != 9 {
		t.Errorf("entities = %+v", in.Entities)
	}
	if len(in.Values) != 1 {
		t.Errorf("values = %v", in.Values)
	}
	if got := InputFromWalk(nil, nil); got.SysDescr != "" || got.Values != nil {
		t.Errorf("nil walk = %+v", got)
	}
}

func TestParseSoftware(t *testing.T) {
	for in, want := range map[string]record.Software{
		"adduser_3.134_all":                                           {Name: "adduser", Version: "3.134", Arch: "all"},
		"libc6_2.36-9+deb12u4_amd64":                                  {Name: "libc6", Version: "2.36-9+deb12u4", Arch: "amd64"},
		"python3-apt_2.6.0_amd64":                                     {Name: "python3-apt", Version: "2.6.0", Arch: "amd64"},
		"tzdata_2024a-0+deb12u1_all":                                  {Name: "tzdata", Version: "2024a-0+deb12u1", Arch: "all"},
		"vim_2:9.0.1378-2_amd64":                                      {Name: "vim", Version: "2:9.0.1378-2", Arch: "amd64"},
		"openssl-libs-3.0.7-25.el9.x86_64":                            {Name: "openssl-libs", Version: "3.0.7-25.el9", Arch: "x86_64"},
		"openssl-libs-1:3.0.7-25.el9.x86_64":                          {Name: "openssl-libs", Version: "1:3.0.7-25.el9", Arch: "x86_64"},
		"kernel-3.10.0-514.el7.x86_64":                                {Name: "kernel", Version: "3.10.0-514.el7", Arch: "x86_64"},
		"tzdata-2024a-1.el9.noarch":                                   {Name: "tzdata", Version: "2024a-1.el9", Arch: "noarch"},
		"bash-4.2.46-34.el7":                                          {Name: "bash", Version: "4.2.46-34.el7"},
		"gpg-pubkey-fd431d51-4ae0493b":                                {Name: "gpg-pubkey-fd431d51-4ae0493b"},
		"Mozilla Firefox (x64 en-US) 120.0.1":                         {Name: "Mozilla Firefox (x64 en-US)", Version: "120.0.1", Arch: "x64"},
		"Microsoft Visual C++ 2019 X64 Minimum Runtime - 14.29.30133": {Name: "Microsoft Visual C++ 2019 X64 Minimum Runtime", Version: "14.29.30133", Arch: "x64"},
		"7-Zip 19.00 (x64)":                                           {Name: "7-Zip", Version: "19.00", Arch: "x64"},
		"Notepad++ (64-bit x64)":                                      {Name: "Notepad++ (64-bit x64)"},
		"Notepad++ v8.5.8":                                            {Name: "Notepad++", Version: "8.5.8"},
		"Google Chrome":                                               {Name: "Google Chrome"},
		"Microsoft Office Professional Plus 2016":                     {Name: "Microsoft Office Professional Plus 2016"},
		"WinPcap":      {Name: "WinPcap"},
		"  padded\x00": {Name: "padded"},
		"":             {},
	} {
		if got := ParseSoftware(in); got != want {
			t.Errorf("ParseSoftware(%q) = %+v, want %+v", in, got, want)
		}
	}
}

func TestConcurrentIdentify(t *testing.T) {
	e := engine(t)
	in := Input{SysObjectID: "1.3.6.1.4.1.2636.1.1.1.2.21", SysDescr: "Juniper Networks, Inc. mx960 internet router, kernel JUNOS 16.1R6.7"}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				if r := e.Identify(in); r.OSVersion != "16.1R6.7" {
					t.Errorf("os_version %q", r.OSVersion)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func FuzzIdentify(f *testing.F) {
	for _, s := range []string{
		"Cisco IOS Software, C3560 Software (C3560-IPSERVICESK9-M), Version 12.2(55)SE3, RELEASE SOFTWARE (fc1)",
		"S5720-36C-EI-AC \r\nHuawei Versatile Routing Platform Software \r\n VRP (R) software,Version 5.160 (S5720 V200R007C00SPC500)",
		"APC Web/SNMP Management Card (MB:v4.1.0 PF:v6.7.2 MN:AP7902B HR:B2 SN: 5A1551F39430 MD:10/07/2018)",
		" ; AXIS P1455-LE; Network Camera; 10.12.182; Jan 10 2023 11:13; 201; 1;",
		"Linux host 6.1.0-13-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.55-1 (2023-09-29) x86_64",
		"\xff\xfe\x00version", "",
	} {
		f.Add("1.3.6.1.4.1.9.1.617", s)
		f.Add("1.3.6.1.4.1.2011.2.23.276", s)
		f.Add("1.3.6.1.4.1.8072.3.2.10", s)
	}
	e := engine(f)
	f.Fuzz(func(t *testing.T, oid, descr string) {
		r := e.Identify(Input{SysObjectID: oid, SysDescr: descr})
		for k, ev := range r.Evidence {
			if ev.Value == "" || ev.Rule == "" {
				t.Fatalf("empty evidence for %s: %+v", k, ev)
			}
		}
		_ = e.Explain(Input{SysObjectID: oid, SysDescr: descr})
	})
}

func FuzzParseSoftware(f *testing.F) {
	for _, s := range []string{"adduser_3.134_all", "openssl-libs-1:3.0.7-25.el9.x86_64", "Mozilla Firefox (x64 en-US) 120.0.1", "a-b-c", "_", "- 1.2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sw := ParseSoftware(s)
		if strings.TrimSpace(s) != "" && sw.Name == "" && sw.Version != "" {
			t.Fatalf("version without name from %q: %+v", s, sw)
		}
	})
}

func TestRegistryModelFallback(t *testing.T) {
	e := engine(t)
	for _, c := range []struct {
		in        Input
		want, rul string
	}{
		// Nothing but the sysObjectID: the registration names the model.
		{Input{SysObjectID: "1.3.6.1.4.1.9.1.283"}, "Catalyst 6509", "product registry: CISCO-PRODUCTS-MIB::cat6509"},
		{Input{SysObjectID: "1.3.6.1.4.1.25461.2.3.18"}, "PA-3020", "product registry: PAN-PRODUCTS-MIB::panPA-3020"},
		// A better source wins: the ENTITY chassis model.
		{Input{SysObjectID: "1.3.6.1.4.1.9.1.283", Entities: []Entity{{Index: 1, Class: 3, Model: "WS-C6509-E", Serial: "SMG1234ABCD"}}}, "WS-C6509-E", ""},
		// An agent's registration (net-snmp's linux) is no model.
		{Input{SysObjectID: "1.3.6.1.4.1.8072.3.2.10"}, "", ""},
		// An arc, not a product.
		{Input{SysObjectID: "1.3.6.1.4.1.9.1"}, "", ""},
	} {
		r := e.Identify(c.in)
		if r.Model != c.want {
			t.Errorf("%s: model %q, want %q", c.in.SysObjectID, r.Model, c.want)
			continue
		}
		if c.rul != "" && r.Evidence[FieldModel].Rule != c.rul {
			t.Errorf("%s: evidence %+v, want rule %q", c.in.SysObjectID, r.Evidence[FieldModel], c.rul)
		}
	}
	if got := e.NameOID("1.3.6.1.4.1.9.1.283"); got != "CISCO-PRODUCTS-MIB::cat6509" {
		t.Errorf("NameOID = %q", got)
	}
	if got := e.NameOID("1.3.6.1.2.1.1.1.0"); got != "" {
		t.Errorf("NameOID outside enterprises = %q", got)
	}
}

func TestFetchForReadsOnlyTheProfilesThatCanMatch(t *testing.T) {
	e := engine(t)
	sb := e.FetchFor(".1.3.6.1.4.1.9.6.1.95.28.5", "SG350-28P 28-Port Gigabit PoE Managed Switch")
	// cisco-sb's exact instances are read with GET: a walk starting at an
	// instance never returns the instance itself.
	for _, o := range []string{"1.3.6.1.4.1.9.6.1.101.53.14.1.2.1", "1.3.6.1.4.1.9.6.1.101.53.14.1.5.1"} {
		if !slices.Contains(sb.Get, o) {
			t.Errorf("cisco-sb fetch lacks GET %s: %v", o, sb.Get)
		}
		if slices.Contains(sb.Walk, o) {
			t.Errorf("cisco-sb walks the instance %s", o)
		}
	}
	all := e.VendorOIDs()
	linux := e.FetchFor("1.3.6.1.4.1.8072.3.2.10", "Linux host 5.10.0 #1 SMP x86_64")
	for _, f := range []Fetch{sb, linux} {
		if n := len(f.Get) + len(f.Walk); n == 0 || n >= len(all)/2 {
			t.Errorf("fetch of %d OIDs, of %d the profiles read", n, len(all))
		}
	}
	for _, o := range slices.Concat(linux.Get, linux.Walk) {
		if strings.HasPrefix(o, "1.3.6.1.4.1.9.") || strings.HasPrefix(o, "1.3.6.1.4.1.318.") {
			t.Errorf("a Linux host would be asked %s", o)
		}
	}
	// Standard MIBs read by generic profiles are always fetched.
	for _, f := range []Fetch{sb, linux} {
		if !slices.Contains(f.Walk, "1.3.6.1.2.1.33.1.1") {
			t.Errorf("UPS-MIB ident not fetched: %v", f.Walk)
		}
		// LLDP-EXT-MED-MIB's model name, serial and software revision.
		for _, o := range []string{lldpMEDLoc + "7.0", lldpMEDLoc + "5.0", lldpMEDLoc + "4.0"} {
			if !slices.Contains(f.Get, o) {
				t.Errorf("LLDP-MED %s not fetched: %v", o, f.Get)
			}
		}
	}
}

// TestFetchInTwoSteps: a probe reads the candidates' oid conditions
// first (ReadPlan.Conditions), then only the fields of the profiles those
// conditions leave (ReadPlan.Fields). A Linux host is not asked for the serial
// of every appliance built on net-snmp; a Sophos firewall on the same
// sysObjectID is. A condition not read yet counts as met, and no step
// reads what the one-step FetchFor would not.
func TestFetchInTwoSteps(t *testing.T) {
	e := engine(t)
	const oid, descr = "1.3.6.1.4.1.8072.3.2.10", "Linux fw-1 4.14.38 #2 SMP Tue Jan 9 14:12:51 UTC 2024 x86_64"
	const sfosModel, sfosSerial = "1.3.6.1.4.1.2604.5.1.1.2.0", "1.3.6.1.4.1.2604.5.1.1.4.0"
	plan := e.PlanFor(oid, descr)
	all, cond := plan.All(), plan.Conditions()
	if !reflect.DeepEqual(all, e.FetchFor(oid, descr)) {
		t.Errorf("FetchFor is not the plan's All")
	}
	if !slices.Contains(cond.Get, sfosModel) || slices.Contains(cond.Get, sfosSerial) {
		t.Errorf("conditions %v: want sfosDeviceType, a condition, not sfosDeviceAppKey, a field", cond.Get)
	}
	host := plan.Fields(nil, cond)
	if slices.Contains(host.Get, sfosSerial) {
		t.Errorf("a host without SFOS-FIREWALL-MIB is asked for its serial: %v", host.Get)
	}
	if n, one := len(host.Get)+len(host.Walk)+len(cond.Get)+len(cond.Walk), len(all.Get)+len(all.Walk); n*3 > one*2 {
		t.Errorf("two steps read %d OIDs of a host, one step %d", n, one)
	}
	fw := plan.Fields(map[string]snmpwalk.Value{sfosModel: text("XGS2100")}, cond)
	if !slices.Contains(fw.Get, sfosSerial) {
		t.Errorf("a Sophos firewall is not asked for its serial: %v", fw.Get)
	}
	// A condition under a subtree read counts as read: unmet here (SFOS
	// and the XG firewall MIB before it).
	if f := plan.Fields(nil, Fetch{Walk: []string{"1.3.6.1.4.1.2604", "1.3.6.1.4.1.21067"}}); slices.Contains(f.Get, sfosSerial) {
		t.Errorf("the Sophos MIBs read empty, the serial is still asked: %v", f.Get)
	}
	unread := plan.Fields(nil, Fetch{})
	if !slices.Contains(unread.Get, sfosSerial) {
		t.Errorf("a condition not read counts as unmet: %v", unread.Get)
	}
	for _, f := range []Fetch{cond, host, fw, unread} {
		for _, o := range slices.Concat(f.Get, f.Walk) {
			if !slices.Contains(all.Get, o) && !slices.Contains(all.Walk, o) {
				t.Errorf("two steps read %s, which one step does not", o)
			}
		}
	}
}

// fixtureFiles lists every fixture walk (testdata/fixtures and its
// folders), failing under fewer than 100.
func fixtureFiles(t testing.TB) []string {
	t.Helper()
	files, _ := filepath.Glob("testdata/fixtures/*.snmprec")
	more, _ := filepath.Glob("testdata/fixtures/*/*.snmprec")
	files = append(files, more...)
	if len(files) < 100 {
		t.Fatalf("%d fixtures", len(files))
	}
	return files
}

// TestFixturesInAgentOrder: each fixture lists its OIDs as an agent walks
// them, in increasing order, each once. The engine sorts what it reads,
// but Debian's snmpsimd, which the README gives users to serve a walk,
// answers GETNEXT from the file's order: an unsorted fixture served there
// gives another device (a stack's second chassis for its first).
func TestFixturesInAgentOrder(t *testing.T) {
	for _, f := range fixtureFiles(t) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		prev := ""
		for n, line := range strings.Split(string(b), "\n") {
			oid, _, ok := strings.Cut(line, "|")
			if !ok {
				continue
			}
			if prev != "" && snmprec.CompareOID(prev, oid) >= 0 {
				t.Errorf("%s:%d: %s after %s", f, n+1, oid, prev)
				break
			}
			prev = oid
		}
	}
}

// TestFixturesThroughFetchPlan: a probe reads the system group, the
// ENTITY-MIB and only what FetchFor plans for the device's sysObjectID and
// sysDescr; every fixture, cut down to that, gives the result its whole
// walk gives. A rule whose OID the plan leaves out would count on recorded
// walks and never on a live device.
func TestFixturesThroughFetchPlan(t *testing.T) {
	e := engine(t)
	forEachFixture(t, func(f string, w *snmprec.Walk) {
		// The whole walk: every value, not only what some profile reads.
		full := InputFromWalk(w, []string{"1"})
		plan := e.FetchFor(full.SysObjectID, full.SysDescr)
		got, want := e.Identify(InputFromWalk(w, plan.All())), e.Identify(full)
		if got.Profile != want.Profile || got.Vendor != want.Vendor || got.Model != want.Model ||
			got.Serial != want.Serial || got.OS != want.OS || got.OSVersion != want.OSVersion ||
			got.DeviceType != want.DeviceType {
			t.Errorf("%s through the fetch plan: %+v; the whole walk: %+v", f,
				[]string{got.Profile, got.Vendor, got.Model, got.Serial, got.OS, got.OSVersion, got.DeviceType},
				[]string{want.Profile, want.Vendor, want.Model, want.Serial, want.OS, want.OSVersion, want.DeviceType})
		}
	})
}

// TestIndexedMatchingEqualsFullScan: the enterprise index changes no
// result: Identify (indexed) and Explain's full scan agree on every
// fixture.
func TestIndexedMatchingEqualsFullScan(t *testing.T) {
	e := engine(t)
	forEachFixture(t, func(f string, w *snmprec.Walk) {
		in := InputFromWalk(w, e.VendorOIDs())
		fast, _ := e.run(in, false)
		full, _ := e.run(in, true)
		if !reflect.DeepEqual(fast, full) {
			t.Errorf("%s: indexed %+v, full scan %+v", f, fast, full)
		}
	})
}

// forEachFixture calls check with every fixture walk, from GOMAXPROCS
// goroutines sharing the one engine, as a probe's workers share it: the
// two whole-fixture comparisons (a full scan of every profile, and each
// walk cut to its fetch plan) take most of the package's time, and under
// the race detector one Engine used from several goroutines at once is
// checked too. check reports with t.Errorf, never t.Fatal.
func forEachFixture(t *testing.T, check func(f string, w *snmprec.Walk)) {
	t.Helper()
	files := make(chan string)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for f := range files {
				w, _, err := snmprec.ParseFile(f)
				if err != nil {
					t.Error(err)
					continue
				}
				check(f, w)
			}
		})
	}
	for _, f := range fixtureFiles(t) {
		files <- f
	}
	close(files)
	wg.Wait()
}

// TestInputValuesInOnePass: InputFromWalk, which meets sorted OIDs in one
// pass over the walk, takes the values a search of the whole walk for
// each OID takes, for every fixture walk, whether the OIDs come sorted
// (VendorOIDs) or not.
func TestInputValuesInOnePass(t *testing.T) {
	e := engine(t)
	oids := e.VendorOIDs()
	reversed := slices.Clone(oids)
	slices.Reverse(reversed)
	for _, f := range fixtureFiles(t) {
		w, _, err := snmprec.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]snmprec.Value{}
		for _, o := range oids {
			for _, r := range w.Subtree(o) {
				if !r.Value.Type.IsException() {
					want[r.OID] = r.Value
				}
			}
		}
		sortedKeys := slices.Collect(maps.Keys(want))
		snmpwalk.SortOIDs(sortedKeys)
		for n, list := range [][]string{oids, reversed} {
			in := InputFromWalk(w, list)
			// In order, the OIDs are kept in order for the engine;
			// otherwise it sorts them.
			if n == 0 && len(want) > 0 && !slices.Equal(in.keys, sortedKeys) {
				t.Fatalf("%s: keys %q, want %q", f, in.keys, sortedKeys)
			}
			if n == 1 && in.keys != nil {
				t.Fatalf("%s: OIDs out of order kept keys", f)
			}
			got := in.Values
			if len(got) != len(want) {
				t.Fatalf("%s: %d values, a search per OID finds %d", f, len(got), len(want))
			}
			for k, v := range want {
				if g, ok := got[k]; !ok || !reflect.DeepEqual(g, v) {
					t.Fatalf("%s: %s = %v, a search per OID finds %v", f, k, g, v)
				}
			}
		}
		// The engine's own Input reads its VendorOIDs the same way.
		if got, want := e.Input(w), InputFromWalk(w, oids); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: Engine.Input differs from InputFromWalk over VendorOIDs", f)
		}
	}
}

// BenchmarkIdentify fingerprints each fixture walk in turn (decoded once):
// ns/op is one walk's fingerprint.
func BenchmarkIdentify(b *testing.B) {
	e := engine(b)
	var ins []Input
	for _, f := range fixtureFiles(b) {
		w, _, err := snmprec.ParseFile(f)
		if err != nil {
			b.Fatal(err)
		}
		ins = append(ins, InputFromWalk(w, e.VendorOIDs()))
	}
	if len(ins) == 0 {
		b.Skip("no fixtures")
	}
	// The product registry loads on first use: not part of a walk's cost.
	e.Identify(Input{SysObjectID: "1.3.6.1.4.1.9.1.1"})
	i := 0
	for b.Loop() {
		e.Identify(ins[i%len(ins)])
		i++
	}
}

// BenchmarkInputAndIdentify is what a probe spends on a collected walk:
// the values every profile may read taken from it (InputFromWalk with
// VendorOIDs), then Identify. The walk is a Linux host's (3,000 records,
// the probe benchmark's device).
func BenchmarkInputAndIdentify(b *testing.B) {
	e := engine(b)
	w, _, err := snmprec.ParseFile("../testdata/snmpsim-data/os/linux/unknown-003.snmprec.bz2")
	if err != nil {
		b.Fatal(err)
	}
	e.Identify(Input{SysObjectID: "1.3.6.1.4.1.9.1.1"})
	oids := e.VendorOIDs()
	for b.Loop() {
		e.Identify(InputFromWalk(w, oids))
	}
}

// TestEntityChassisChoice: the ENTITY-MIB row that describes the device,
// on the shapes agents give it.
func TestEntityChassisChoice(t *testing.T) {
	e := engine(t)
	const port, module, chassis, stack, container, other = 10, 9, 3, 11, 5, 1
	for _, c := range []struct {
		name                     string
		ents                     []Entity
		model, serial, osVersion string
	}{
		{"single chassis", []Entity{
			{Index: 1, Class: chassis, Model: "XS-100", Serial: "S100A", SoftwareRev: "1.2.3"},
			{Index: 2, Class: port, ContainedIn: 1, Serial: "PORTSER1"},
		}, "XS-100", "S100A", "1.2.3"},
		{"stack with a row of its own (Comware): the members speak first", []Entity{
			{Index: 1, Class: stack, Model: "STACK MODE", Serial: "STACKSERIAL1"},
			{Index: 3, Class: chassis, ContainedIn: 1, Model: "SR-88", Serial: "MEMBER3"},
			{Index: 4, Class: chassis, ContainedIn: 1, Model: "SR-88", Serial: "MEMBER4"},
		}, "SR-88", "MEMBER3", ""},
		{"stack: its first member, then the stack row", []Entity{
			{Index: 1, Class: stack, Descr: "stack"},
			{Index: 1001, Class: chassis, ContainedIn: 1, Model: "XS-48", Serial: "MEMBER1", SoftwareRev: "9.1"},
			{Index: 2001, Class: chassis, ContainedIn: 1, Model: "XS-24", Serial: "MEMBER2"},
		}, "XS-48", "MEMBER1", "9.1"},
		{"a module listed before the chassis is not the device", []Entity{
			{Index: 1, Class: module, ContainedIn: 5, Model: "SFP-10G", Serial: "SFPSER01"},
			{Index: 5, Class: chassis, Model: "XR-9000", Serial: "CHASSIS9"},
		}, "XR-9000", "CHASSIS9", ""},
		{"placeholders skipped: the next chassis speaks", []Entity{
			{Index: 1, Class: chassis, Model: "N/A", Serial: "0000000000"},
			{Index: 2, Class: chassis, ContainedIn: 1, Model: "XS-8", Serial: "REAL0008"},
		}, "XS-8", "REAL0008", ""},
		{"virtual chassis: members under a container", []Entity{
			{Index: 1, Class: container, Descr: "virtual chassis"},
			{Index: 10, Class: chassis, ContainedIn: 1, Model: "EX-4300", Serial: "VC0001"},
			{Index: 20, Class: chassis, ContainedIn: 1, Model: "EX-4300", Serial: "VC0002"},
		}, "EX-4300", "VC0001", ""},
		{"software revision on the supervisor module", []Entity{
			{Index: 1, Class: chassis, Model: "XS-6509", Serial: "SUP00001"},
			{Index: 2, Class: port, ContainedIn: 3, SoftwareRev: "port-fw"},
			{Index: 3, Class: module, ContainedIn: 1, Model: "SUP-2T", SoftwareRev: "15.1(2)SY"},
		}, "XS-6509", "SUP00001", "15.1(2)SY"},
		{"no chassis class: the root row", []Entity{
			{Index: 1, Class: other, Model: "BOX-1", Serial: "BOX00001", FirmwareRev: "4.0"},
			{Index: 2, Class: port, ContainedIn: 1},
		}, "BOX-1", "BOX00001", "4.0"},
		{"no chassis at all: the first row with a serial", []Entity{
			{Index: 3, Class: port, ContainedIn: 2},
			{Index: 4, Class: module, ContainedIn: 2, Model: "LC-1", Serial: "LC000001"},
		}, "LC-1", "LC000001", ""},
		// Without entPhysicalModelName, the chassis's description or
		// name when it is one model-like token, the maker and words such
		// as "frame" and "chassis" aside (a Huawei ME60-X8 says
		// "ME60-X8 frame"; the product registry gave "60-X8").
		{"model from the chassis description", []Entity{
			{Index: 16777216, Class: chassis, Descr: "ME60-X8 frame", Name: "ME60-X8 frame", Serial: "2102352021N0H6000098", Mfg: "Huawei"},
		}, "ME60-X8", "2102352021N0H6000098", ""},
		{"maker's name before the model", []Entity{
			{Index: 1, Class: chassis, Descr: "HUAWEI S12704 chassis", Mfg: "Huawei"},
		}, "S12704", "", ""},
		{"model from the chassis name when the description is a phrase", []Entity{
			{Index: 1, Class: chassis, Descr: "Cisco Systems Catalyst 6500 9-slot Chassis System", Name: "WS-C6509-E"},
		}, "WS-C6509-E", "", ""},
		{"a description that is a phrase or a part names no model", []Entity{
			{Index: 1, Class: chassis, Descr: "52-port SFP+ 10GigE 1RU + Clock", Name: "Chasis_0"},
		}, "", "", ""},
		{"versions, architectures, slot names and serials are not models", []Entity{
			{Index: 1, Class: chassis, Descr: "v5.2.1", Name: "x86_64"},
			{Index: 2, Class: chassis, Descr: "Slot1", Name: "ABC12345678", Serial: "ABC12345678"},
		}, "", "ABC12345678", ""},
		{"a model name elsewhere does not let a description speak", []Entity{
			{Index: 1, Class: chassis, Descr: "XS-9 frame", Model: "XS-9000"},
		}, "XS-9000", "", ""},
		{"a port's description is never read", []Entity{
			{Index: 1, Class: port, Descr: "GE0/0/1"},
		}, "", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			// An enterprise no profile and no registration knows.
			r := e.Identify(Input{SysObjectID: "1.3.6.1.4.1.32473.9.9", Entities: c.ents})
			if r.Model != c.model || r.Serial != c.serial || r.OSVersion != c.osVersion {
				t.Errorf("model %q serial %q os_version %q; want %q %q %q", r.Model, r.Serial, r.OSVersion, c.model, c.serial, c.osVersion)
			}
		})
	}
}

// TestQuotedValues: a value an agent wrote inside double quotes is read
// as the text between them, in any field and in the placeholder test;
// quotes within a value stay.
func TestQuotedValues(t *testing.T) {
	for in, want := range map[string]string{
		`"DS-2CD2143G2-I"`:         "DS-2CD2143G2-I",
		` " V5.7.3 build 220112" `: "V5.7.3 build 220112",
		`""`:                       "",
		`"`:                        `"`,
		`12" rack "shelf"`:         `12" rack "shelf"`,
		`"A" and "B"`:              `"A" and "B"`,
	} {
		if got := cleanValue(in); got != want {
			t.Errorf("cleanValue(%q) = %q, want %q", in, got, want)
		}
	}
	if !IsPlaceholder(`"N/A"`) {
		t.Error(`IsPlaceholder("\"N/A\"") = false`)
	}
	e := engine(t)
	// fq52: the sysDescr 'Hikvision' (was 'Hikvision company products',
	// now hikvision-nvr's, which reads no softwVersion), so that the
	// quoted release is still read, by hikvision-device-mib on 39165.
	got := e.Identify(Input{
		SysObjectID: "1.3.6.1.4.1.39165.1.1",
		SysDescr:    "Hikvision",
		Values: map[string]snmpwalk.Value{
			"1.3.6.1.4.1.39165.1.1.0": {Type: snmpwalk.TypeOctetString, Bytes: []byte(`"DS-2CD2143G2-I"`)},
			"1.3.6.1.4.1.39165.1.3.0": {Type: snmpwalk.TypeOctetString, Bytes: []byte(`"V5.7.3 build 220112"`)},
		},
	})
	// fq66: hikvision's (was hikvision-device-mib's), the same values:
	// hikvision-cam detects a deviceType holding '-' on any sysObjectID.
	// fq103: hikvision-device-mib's again (was hikvision's), the same
	// values: the newest hikvision-cam.yaml (34cba3b) wants no sysObjectID.
	check(t, got, want{"hikvision-device-mib", "Hikvision", "DS-2CD2143G2-I", "", "", "V5.7.3 build 220112", "camera"})
}
