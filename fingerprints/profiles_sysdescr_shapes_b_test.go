package fingerprints

import (
	"testing"
)

// sysDescrShapesBFixtureDir holds small walks whose sysDescr lines are Rapid7
// Recog's documented examples (snmp_sysdescr.xml, BSD licence, LICENSE
// there): shapes real devices print that a profile of the family read
// badly or not at all; the other values are written from the vendors' MIBs.
const sysDescrShapesBFixtureDir = "testdata/fixtures/sysdescr-shapes-b"

// sysDescrShapesBCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var sysDescrShapesBCases = map[string]want{
	// The first SonicOS units: the product in brackets after the
	// processor, not the processor; an edition word cut short dropped.
	"sonicwall-processor-bracket":         {"sonicwall-sonicos", "SonicWall", "PRO 200", "0006B1A4C2E8", "SonicOS", "", "firewall"},
	"sonicwall-processor-bracket-edition": {"sonicwall-sonicos", "SonicWall", "PRO 2040", "", "SonicOS", "", "firewall"},
	// ProCurve access points and the first ProCurve switches by name.
	"procurve-access-point-530": {"hp-procurve", "HPE", "Access Point 530 NA J8986A", "", "ProCurve", "WA.02.15", "access_point"}, // the hardware as the definition (procurve) reads it: product number and name
	"procurve-hpj-switch-name":  {"hp-procurve", "HPE", "4000M", "", "ProCurve", "C.05.04", "switch"},
	// HP-branded Comware: the product with the lines joined, the MSR
	// routers, the 1910 PoE models' power budget, the 1905's "Product
	// Version". The version the number alone, as the definition (comware)
	// captures it (since fq24; the router's was "5.20 Release 2209P15").
	"comware-hp-a-series-joined":       {"h3c-comware", "HPE", "A5500-24G EI Switch with 2 Interface Slots", "", "Comware", "5.20", "switch"},
	"comware-hp-series-router":         {"h3c-comware", "HPE", "A-MSR20-40", "", "Comware", "5.20", "router"},
	"comware-hp-v1910-poe-watts":       {"h3c-comware", "HPE", "V1910-24G-PoE (170W)", "", "Comware", "5.20", "switch"},
	"comware-hp-v1905-product-version": {"h3c-comware", "HPE", "V1905-24", "", "Comware", "02.00.01", "switch"},
	// EdgeSwitch keeps its line's name where agentInventoryMachineModel
	// does not answer.
	"edgeswitch-sysdescr-line-name": {"ubiquiti-edgeswitch", "Ubiquiti", "EdgeSwitch 48-Port Lite", "", "EdgeSwitch", "1.8.1.5145168", "switch"},
	// HP MSA arrays by their sysDescr, with FCMGMT-MIB's serial and
	// release; the Secure Routers under hpWANRouters; the Access Point
	// 420's serial after SN:.
	"hpe-msa-storageworks":             {"hpe-msa", "HPE", "MSA2312fc", "2S6917B123", "", "M112R14", "storage"},
	"hp-secure-router":                 {"hp-secure-router", "HPE", "Secure Router 7203dl", "", "ProCurve Secure Router OS", "14.04", "router"},
	"procurve-access-point-420-serial": {"hp-procurve", "HPE", "Access Point 420", "TW517QB0VM", "ProCurve", "2.0.38", "access_point"},
	// Foundry's EdgeIron switches, the product alone.
	"foundry-edgeiron": {"brocade-fastiron", "Brocade", "EdgeIron 24G", "", "FastIron", "", "switch"},
	// 3Com's older lines by their sysDescr, the maker written twice, the
	// first routers' "SNMP agent for".
	"3com-superstack-ii":         {"3com-switch", "3Com", "SuperStackII Switch 3000", "", "", "3.21", "switch"},
	"3com-maker-twice":           {"3com-switch", "3Com", "SuperStack 4 Switch 5500G-EI 24-Port", "", "", "3Com OS V3.02.04s168", "switch"}, // ThreeCom.php forms (fpQ)
	"3com-wireless-access-point": {"3com-switch", "3Com", "Wireless LAN Access Point 8000", "", "", "", "access_point"},
	"3com-router-snmp-agent":     {"3com-switch", "3Com", "Router 5009", "", "", "1.10", "router"},
	// SCALANCE W access points' bare product, Enterasys Matrix chassis.
	"scalance-w-access-point": {"siemens-scalance", "Siemens", "SCALANCE W788-1RR", "", "SCALANCE", "", "access_point"},
	"enterasys-matrix-n3":     {"enterasys-eos", "Extreme Networks", "Matrix N3 Platinum", "", "EOS", "05.42.04", "switch"},
	// Families no profile read, by their sysDescr on any sysObjectID (the
	// fixtures carry the maker's enterprise arc): DECserver and Xyplex
	// terminal servers, Tru64 UNIX on DEC's agent, Symantec Gateway
	// Security.
	"dec-decserver":             {"dec-decserver", "DEC", "DECserver 90M", "", "", "2.4", "appliance"},
	"tru64-unix-alphaserver":    {"tru64-unix", "HP", "AlphaServer DS10", "", "Tru64 UNIX", "5.1B", "server"},
	"xyplex-terminal-server":    {"xyplex-terminal-server", "Xyplex", "MX-1600", "", "", "6.0S91", "appliance"},
	"symantec-gateway-security": {"symantec-gateway-security", "Symantec", "Gateway Security 320", "", "", "", "firewall"},
	// An Epson network interface that names only itself gives no model
	// (before, its first word, "Built-in"); Samsung's maker written twice;
	// Lantronix's module variants and their full release.
	"epson-print-server-no-model": {"epson-printer", "Epson", "", "", "", "", "printer"},
	"samsung-printer-maker-twice": {"samsung-printer", "Samsung", "SCX-470x", "", "", "3.00.01.04", "printer"},
	"lantronix-matchport-variant": {"lantronix-uds", "Lantronix", "MatchPort b/g Pro", "", "", "1.1.0.0R6.MC_WIFI_V3", "appliance"},
	// Digi's device servers, ShoreTel's voice switches, Lexmark MarkNet
	// print servers without the maker's name, 3Com's "Superstack".
	"digi-connectport":             {"digi-connect", "Digi", "ConnectPort TS1 W RJ", "", "", "82001772_B1", "appliance"},
	"shoretel-shoregear":           {"shoretel-shoregear", "ShoreTel", "ShoreGear 60/12", "", "", "", "appliance"},
	"lexmark-marknet-print-server": {"lexmark-printer", "Lexmark", "MarkNet Pro 1", "", "", "2.10.17", "printer"},
	"3com-superstack-lowercase":    {"3com-switch", "3Com", "Superstack II Switch 3800", "", "", "", "switch"},
	// The generic sysDescr serial needs a digit: not "Number" from
	// "Serial Number: not available!"; ibm-aix reads the machine type and
	// serial written after "Machine Type:" (8204-E8A*SN-...).
	"aix-serial-not-available": {"ibm-aix", "IBM", "8204-E8A", "65B46C2", "AIX", "6.1.3.0", "server"},
	// HP's QLogic-built FC switches by their sysDescr, FCMGMT-MIB's serial
	// and release.
	"hpe-storageworks-fc-switch": {"hpe-storageworks-fc-switch", "HPE", "SN6000", "2UA0451KTH", "", "7.4.0.29.00", "switch"},
	// ProCurve's Foundry-built routing switches.
	"procurve-routing-switch-9304m": {"hp-procurve", "HPE", "9304M", "", "ProCurve", "08.0.01kT53", "switch"},
}

func TestSysDescrShapesBFixtures(t *testing.T) {
	checkFixtures(t, sysDescrShapesBFixtureDir, sysDescrShapesBCases)
}
