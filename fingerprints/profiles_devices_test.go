package fingerprints

import (
	"testing"
)

// TestDeviceFixtures checks the profiles of non-network families (power,
// printers, storage and servers, hosts, cameras, sensors, telecom, voice)
// against small walks written from each vendor's MIB, one a profile, in
// testdata/fixtures/devices.
func TestDeviceFixtures(t *testing.T) {
	checkFixtures(t, "testdata/fixtures/devices", deviceCases)
}

// deviceCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var deviceCases = map[string]want{
	// A VSS Monitoring (NetScout) packet broker: its product group.
	"vss-monitoring": {"vss-monitoring", "NetScout", "vBroker 2200", "", "", "4.2.1", "appliance"},
	// Power.
	"apc-ats":     {"apc-ats", "APC", "AP7724 R02", "5A0931A01234", "AOS", "v3.7.4", "power"},                                      // the model, serial and release as the definition (apc: Apc.php) reads them
	"apc-cooling": {"apc-cooling", "APC", "Web/SNMP Management Card", "5A1543E12345", "AOS", "AOS v6.4.0 / App v6.4.0", "cooling"}, // the model, serial and release as the definition (apc: Apc.php) reads them
	// A NetBotz Rack Monitor 200 (318.1.3.8.4) is the definition apc's
	// (aos-emu2 takes only .8.2 and .8.3): Apc.php's model, the sysDescr's
	// words after 'APC', and 'AOS <PF> / App <AF1>' (fq12; was the MN
	// and the AF1 release alone).
	"apc-environmental": {"apc-environmental", "APC", "Web/SNMP Management Card", "ZA1616012345", "AOS", "AOS v6.4.6 / App v6.4.6", "sensor"},
	// The hardware the definition (netbotz) writes: the name NETBOTZ410-MIB
	// registers the sysObjectID (5528.100.20.10.2014) as, not the sysDescr's
	// product (fpZ).
	"apc-netbotz": {"apc-netbotz", "APC", "netBotz450Rack", "", "NetBotz", "4.7.0", "sensor"},
	"apc-rpdu2":   {"apc-rpdu2", "APC", "Web/SNMP Management Card", "5A1712E01234", "AOS", "AOS v6.5.6 / App v6.5.6", "pdu"},       // the model, serial and release as the definition (apc: Apc.php) reads them
	"apc-ups":     {"apc-ups", "APC", "Smart-UPS X 3000 UPS 15.5 (ID20)", "AS1837123456", "AOS", "AOS v6.8.2 / App v6.8.2", "ups"}, // the model, serial and release as the definition (apc: Apc.php) reads them
	"apc-xpdu":    {"apc-xpdu", "APC", "Web/SNMP Management Card", "PD1419001234", "AOS", "AOS v6.1.1 / App v6.1.1", "pdu"},        // the model, serial and release as the definition (apc: Apc.php) reads them
	"delta-ups":   {"delta-ups", "Delta", "RT-3K", "", "", "02.10.06", "ups"},
	// Since fq13 the part number ats2IdentPartNumber, the definition's
	// (eaton-ats) hardware object (before, the model name 'ATS 16').
	"eaton-ats":  {"eaton-ats", "Eaton", "EATS16N", "G110K12345", "", "02.00.0015", "power"},
	"eaton-epdu": {"eaton-epdu", "Eaton", "EMAB03", "A933E12345", "", "04.01.0003", "pdu"},
	// Family and model name joined as eaton-mgeups's hardware_template
	// writes them, the rating included.
	"eaton-mge":       {"eaton-mge", "Eaton", "Galaxy 5000 40 kVA", "AS0123456789", "", "FA", "ups"},
	"eltek-smartpack": {"eltek-smartpack", "Eltek", "SmartPack2", "", "", "3.31", "power"},
	// An eNexus controller: SP2-MIB's control unit table (the first unit
	// empty, the second read) and system serial.
	"eltek-enexus": {"eltek-smartpack", "Eltek", "Smartpack2 Touch", "123456789012", "", "2.12.1", "power"},
	// UPS-MIB upsIdentModel first, the definition's (huaweiups) hardware
	// (fq14; was hwUpsDeviceModel's UPS2000-G-3KRTS).
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release V100R002C01SPC100, not Linux's): an OS is named beside its own release only.
	"huawei-ups": {"huawei-ups", "Huawei", "UPS2000", "2102310QKU10J1000123", "", "V100R002C01SPC100", "ups"},
	// The device row's model and firmware, '<model> (<firmware>)', as the
	// definition (liebert) templates the hardware (fq14; was the model alone).
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release U060D022, not Linux's): an OS is named beside its own release only.
	"liebert-lgp-card": {"liebert-lgp-card", "Vertiv", "GXT4-3000RT230 (U060D022)", "1528300123AFA12", "", "U060D022", "ups"},
	"ppc-netagent":     {"ppc-netagent", "Sanpu", "MT3000", "E141234567", "", "2.43.DP501.MEGATEC", "ups"},
	"raritan-px1":      {"raritan-px1", "Raritan", "DPXR20A-16", "AEI0C00123", "", "01.05.20", "pdu"},
	"raritan-px2":      {"raritan-px2", "Raritan", "PX2-5496", "QFD1234567", "Xerus", "3.5.0.5-45371", "pdu"},
	// The model is the whole sysDescr, the NetMan card, as the definition
	// (netmanplus, which detects all of 5491) reads the hardware (fq15;
	// was upsIdentModel, the UPS behind it, "SEP 2200").
	"riello-netman": {"riello-netman", "Riello", "NetMan 204", "SE42UA123456", "", "SWM065-01-00", "ups"},
	// cmcIIIUnitFWRev whole with its V, as the definition
	// (rittal-cmc-iii-pu, os_discovery: no regex) reads it (fq15; the V
	// was taken off before).
	"rittal-cmc3":        {"rittal-cmc3", "Rittal", "CMC III PU", "31234567", "", "V3.15.70_5", "sensor"},
	"schleifenbauer-pdu": {"schleifenbauer-pdu", "Schleifenbauer", "DPM27/E", "SB12345678", "", "240", "pdu"},
	"servertech-sentry3": {"servertech-sentry3", "Server Technology", "CW-24V2-L30M", "ABAF0123456", "Sentry", "7.1a", "pdu"},
	// st4SystemFirmwareVersion whole ("Version 8.0n"), as the definition
	// (sentry4) reads it, no version_regex (was "8.0n").
	"servertech-sentry4": {"servertech-sentry4", "Server Technology", "C2S42CE-YCMFAM00", "ABEF0001234", "Sentry", "Version 8.0n", "pdu"},
	"socomec-netvision":  {"socomec-netvision", "Socomec", "MASTERYS BC 60", "", "", "UPS 2.08", "ups"},

	// Printers.
	"brother-netconfig": {"brother-printer", "Brother", "MFC-L8900CDW", "E78123A4N567890", "", "1.08", "printer"},
	"canon-imagerunner": {"canon-printer", "Canon", "iR-ADV C3530", "3CE01234", "", "67.04", "printer"},
	"dell-printer":      {"dell-printer", "Dell", "Color Laser 3110cn", "7K5CXF1", "", "04.01.00", "printer"},
	// Ricoh firmware with a letter after it, or 'V.' before it.
	"ricoh-firmware-suffix": {"ricoh-printer", "Ricoh", "Aficio 2035e", "", "", "1.08s", "printer"},
	"ricoh-firmware-v":      {"ricoh-printer", "Ricoh", "NRG DSc38", "", "", "2.17", "printer"},
	// The ESS firmware an Epson sysDescr names last.
	"epson-ess": {"epson-printer", "Epson", "AL-M320DN", "", "", "SG4_SEC_1.31a", "printer"},
	// Xerox releases in the sysDescr: a Phaser's OS part, a wide-format
	// printer's AccXES, a DocuPrint's release with its build.
	"xerox-phaser-os":        {"xerox-printer", "Xerox", "Phaser 6360DN", "MLA287341", "", "6.52", "printer"},
	"xerox-wide-format":      {"xerox-printer", "Xerox", "WIDE FORMAT 6279", "", "", "16.1", "printer"},
	"xerox-docuprint":        {"xerox-printer", "Xerox", "DocuPrint N2125", "", "", "2.18-07", "printer"},
	"epson-mib":              {"epson-printer", "Epson", "WF-C5790", "X3B5012345", "", "CM25O3", "printer"},
	"fujifilm-printer":       {"fujifilm-printer", "Fujifilm", "Apeos C3570", "502012", "", "1.3.2", "printer"},
	"konica-minolta-printer": {"konica-minolta-printer", "Konica Minolta", "bizhub C368", "A7PU021012345", "", "A7PU0Y0-F000-G00-81", "printer"},
	"kyocera-utax":           {"kyocera-printer", "UTAX", "P-4531DN", "VXK9Z01234", "", "2S0_2F00.002.001", "printer"},
	"lexmark-mps":            {"lexmark-printer", "Lexmark", "CX725", "75281234567AB", "", "CXTPP.073.025", "printer"},
	"oki-printer":            {"oki-printer", "OKI", "C532", "AK9B012345", "", "A1.11", "printer"},
	"panasonic-printer":      {"panasonic-printer", "Panasonic", "KX-MB2061", "1GCSA012345", "", "", "printer"},
	"pantum-printer":         {"pantum-printer", "Pantum", "P3300DW", "CC1D012345", "", "", "printer"},
	"ricoh-savin":            {"ricoh-printer", "Ricoh", "SAVIN MP C3004ex", "C778P123457", "", "1.05", "printer"},
	"samsung-printer":        {"samsung-printer", "Samsung", "M332x 382x 402x", "ZDDMB07K123456", "", "4.00.02.16", "printer"},
	"sharp-printer":          {"sharp-printer", "Sharp", "MX-3071", "8505012345", "", "", "printer"},
	"toshiba-tec-printer":    {"toshiba-tec-printer", "Toshiba", "e-STUDIO5005AC", "CNKL12345", "", "T470HD0W1120", "printer"},
	// ZEBRA-QL-MIB 10642.200.19.5, which gave the serial before, is
	// zql-device-friendly-name, no serial; the definition (zebra) reads
	// only genSerialNumber (changed by fpH).
	"zebra-printer": {"zebra-printer", "Zebra", "ZT410-203dpi ZPL", "", "", "V75.20.01Z", "printer"},

	// Storage, servers and their controllers.
	"datadomain": {"datadomain", "Dell EMC", "", "", "DD OS", "7.2.0.5-633922", "storage"},
	// DATA-DOMAIN-MIB systemProperties: the system's model number and
	// serial.
	// An Avaya IP Office control unit: the product its IPO-PROD-MIB
	// registration names (ipoProd500v2IPOffice).
	"avaya-ipo":         {"avaya-ipo", "Avaya", "IP500 V2", "", "IP Office", "", "appliance"},
	"datadomain-system": {"datadomain", "Dell EMC", "DD2500", "APM00150412345", "DD OS", "5.7.0.4-513368", "storage"},
	"dell-emc-storage":  {"dell-emc-storage", "Dell EMC", "Unity 400F", "", "", "5.1.2.0.5.007", "storage"},

	// fq88: profile hpe-msa, vendor HPE (was fcmgmt-unit, HP): an MSA on
	// 11.2.51, the registration the definition hpe-msa detects; its
	// model, serial and release stay FCMGMT-MIB's (no CPQSINFO-MIB
	// object answers).
	"fcmgmt-unit": {"hpe-msa", "HPE", "MSA 2050 SAN", "00C0FF2A0C34", "", "VL270P005", "storage"},

	"hpe-3par":       {"hpe-3par", "HPE", "3PAR 8200", "4UW0001234", "InForm OS", "3.3.1 (MU5)", "storage"},
	"ibm-imm":        {"ibm-imm", "IBM", "System x3650 M5", "06CKB12", "IMM", "TCOO52B", "bmc"},
	"lenovo-xcc":     {"lenovo-xcc", "Lenovo", "ThinkSystem SR650", "J30012AB", "XClarity Controller", "CDI338D-5.30", "bmc"},
	"nimble-storage": {"nimble-storage", "HPE", "AF40", "", "NimbleOS", "5.0.7.0-665203-opt", "storage"},
	"pure-storage":   {"pure-storage", "Pure Storage", "FlashArray//X70R3", "", "Purity", "6.1.4", "storage"},
	"truenas-core":   {"truenas", "iXsystems", "amd64 Intel(R) Xeon(R) Silver 4210 CPU @ 2.20GHz running at 2195", "", "TrueNAS CORE", "13.0-U5.3", "storage"},
	"truenas-scale":  {"truenas", "iXsystems", "Generic x86 64-bit", "", "TrueNAS SCALE", "6.1.42-production+truenas", "storage"},

	// Hosts. The Windows release is named from the build number; "Model 154"
	// in the CPU description is not a device model.
	"hp-ux": {"hp-ux", "HPE", "", "", "HP-UX", "B.11.31", "server"},
	// The standard daemon's machine type word is the hardware the
	// definition (aix) reads where IBM-AIX-MIB does not answer (fpB:
	// before, no model).
	// fq76: os_version was 7.2.5.0 (all four numbers of 'AIX version:
	// 07.02.0005.0000'); it is now 7.2, the first two as integers, as the
	// definition's class (Aix.php) reads line 3 of the daemon's sysDescr.
	"ibm-aix":             {"ibm-aix", "IBM", "0x0800004c", "00F8A1B24C00", "AIX", "7.2", "server"},
	"linux-distro-debian": {"linux-distro", "", "Generic x86 64-bit", "", "Debian", "6.1.0-13-amd64", "server"},
	"linux-distro-extend": {"linux-distro-extend", "", "Generic x86 64-bit", "", "Ubuntu 22.04.3", "5.15.0-91-generic", "server"},
	"sun-solaris":         {"sun-solaris", "Oracle", "sun4v", "", "Solaris", "5.10", "server"},
	// A sysDescr without the host name, naming the platform after SUNW,;
	// and the 'release:' form some agents print.
	"sun-solaris-platform":      {"sun-solaris", "Oracle", "Sun-Fire-V240", "", "Solaris", "5.10", "server"},
	"sun-solaris-release-field": {"sun-solaris", "Oracle", "", "", "Solaris", "5.9", "server"},
	// Windows: the release the definition (windows) names from the build
	// by the registered role (client, server, datacenter on 311.1.1.3.1.3),
	// not the kernel version and build (fpF's value-forms review).
	"windows-11":          {"windows-workstation", "", "Intel x64", "", "Windows 11", "11 (23H2)", "workstation"},
	"windows-2008r2":      {"windows-server", "", "Intel x64", "", "Windows Server 2008 R2", "Server 2008 Datacenter R2 SP1 (NT 6.1)", "server"},
	"windows-server-2019": {"windows-server", "", "Intel x64", "", "Windows Server 2019", "Server 2019 (1809)", "server"},

	// Cameras, sensors, telecom, voice and video, KVM.
	"adtran": {"adtran", "ADTRAN", "NetVanta 3448", "LBADTN1234AB567", "AOS", "R13.7.0.E", "router"},
	// Total Access 900 firmware ('A2.04.00.E'); a Total Access 1000
	// chassis names its model before the part number, and no release.
	"adtran-total-access-900":     {"adtran", "ADTRAN", "Total Access 916", "", "AOS", "A2.04.00.E", "router"},
	"adtran-total-access-chassis": {"adtran", "ADTRAN", "TA1248A", "", "", "", "router"},
	"adva-fsp":                    {"adva-fsp", "ADVA", "FSP 150CC-GE114Pro", "", "", "7.1.2", "switch"},
	"akcp-sensorprobe":            {"akcp-sensorprobe", "AKCP", "sensorProbe2+ SP2+", "", "", "1.0.6258", "sensor"},
	"audiocodes":                  {"audiocodes", "AudioCodes", "MP-118 FXS", "", "", "6.60A.356.003", "appliance"},
	"avaya-gateway":               {"avaya-gateway", "Avaya", "G450", "", "", "41.34.2", "appliance"},
	"avocent-acs":                 {"avocent-acs", "Avocent", "ACS8048", "0520123456", "", "2.20.4", "appliance"},
	"avtech-roomalert":            {"avtech-roomalert", "AVTECH", "Room Alert 12E", "", "", "4.3.3", "sensor"},
	"bosch-video":                 {"bosch-video", "Bosch", "DINION IP 5000", "044120375281", "", "6.60.0065", "camera"},
	"ceragon":                     {"ceragon", "Ceragon", "IP-10G", "F123456789", "", "6.9.0.0.2.17", "wireless"},
	"ciena-saos":                  {"ciena-saos", "Ciena", "5160 Service Aggregation Switch", "", "SAOS", "10.6.1-212", "switch"},
	// Since fq13 the SoftW token whole, 'ce' kept, as the definition
	// (vccodec) reads it (before, without the line's letters).
	"cisco-telepresence": {"cisco-telepresence", "Cisco", "SX80", "FTT2139012AB", "RoomOS", "ce9.15.3.17d7a1e8a0c", "appliance"},
	// An MXP codec's F release; since fq13 'F9.3.1' whole, as the
	// definition (vccodec) reads SoftW (before, without the F).
	"cisco-telepresence-mxp": {"cisco-telepresence", "Cisco", "TANDBERG 6000MXP", "25A08312", "TelePresence", "F9.3.1", "appliance"},
	"comet-system":           {"comet-system", "Comet System", "T6540", "", "", "4-5-8.2", "sensor"},
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 2.800.0000000.25.R,build:2021-07-09, not Linux's): an OS is named beside its own release only.
	"dahua":               {"dahua", "Dahua", "IPC-HFW2431S-S-S2", "6G0B012PAZ12345", "", "2.800.0000000.25.R,build:2021-07-09", "camera"}, // whole: dahua-nvr reads softwareRevision.0 as printed (fpU)
	"dahua-nvr":           {"dahua", "Dahua", "DHI-NVR4216-16P-4KS2", "5J01A23PAZ00123", "", "V4.001.0000000.1.R", "nvr"},                  // V kept (dahua-nvr; fpU)
	"grandstream":         {"grandstream", "Grandstream", "GXW4216", "", "", "1.0.21.7", "appliance"},
	"huawei-smartax":      {"huawei-smartax", "Huawei", "MA5800-X7", "", "SmartAX", "V100R019C10", "switch"},
	"hwg":                 {"hwg", "HW group", "Poseidon2 3266", "", "", "1.4.10", "sensor"},
	"infinera":            {"infinera", "Infinera", "DTN-X", "", "", "19.1.2", "switch"},
	"jacarta-interseptor": {"jacarta-interseptor", "Jacarta", "interSeptor Pro", "", "", "2.10", "sensor"},
	"kentix":              {"kentix", "Kentix", "MultiSensor-LAN", "", "", "5.08", "sensor"},
	// A 3300 ICP on 1027.1.2.3, which the definition msl takes (all of
	// 1027.1) and reads only from the sysDescr's VerHw/VerSw fields or
	// the MSL application row: no model or release where those are
	// missing (changed by fpH: before, the sysDescr's product and
	// release).
	"mitel": {"mitel", "Mitel", "", "", "", "", "appliance"},
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release MX-V5.2.0.61, not Linux's): an OS is named beside its own release only.
	"mobotix":          {"mobotix", "Mobotix", "M16B", "", "", "MX-V5.2.0.61", "camera"},
	"nokia-isam":       {"nokia-isam", "Nokia", "ISAM 7360", "", "ISAM", "6.2.04", "switch"},
	"papouch":          {"papouch", "Papouch", "TME", "", "", "6.3", "sensor"},
	"poly":             {"poly", "Polycom", "RealPresence Group 500", "", "", "6.2.2.5", "appliance"},
	"raritan-dominion": {"raritan-dominion", "Raritan", "DKX3-216", "HKB7A00123", "", "3.6.0.5.2", "appliance"},
	"vivotek":          {"vivotek", "Vivotek", "FD9389-HV", "", "", "0102a", "camera"},
	"yealink":          {"yealink", "Yealink", "SIP-T46S", "", "", "66.86.0.15", "phone"},
	"zte-olt":          {"zte-olt", "ZTE", "ZXA10 C320", "", "ZXAN", "V2.1.0", "switch"},

	// Chassis managers, more storage and power, time servers, macOS.
	"bachmann-pdu": {"bachmann-pdu", "Bachmann", "BlueNet PDU", "BN3000-123456", "", "", "pdu"},
	// fq69: model UCSC240M4 (was UCSC-C220-M5SX, cucsComputeBoardModel):
	// the definition cimc (group cisco, no os module) states what the
	// shared Cisco OS discovery (Shared/Cisco.php) reads, with no ENTITY
	// rows the product its registration names (9.1.2179,
	// ciscoUCSC240M4), before the board table it never reads.
	// fq121: model UCSC-C220-M5SX (was UCSC240M4): the newest cimc's os
	// module (os_discovery cimc.yaml), which Cisco.php runs instead of
	// its own steps, reads cucsComputeBoardModel.1 and no registration.
	"cisco-ucs-cimc": {"cisco-ucs-cimc", "Cisco", "UCSC-C220-M5SX", "WZP23150ABC", "CIMC", "4.1(3b)", "bmc"},
	"dell-cmc":       {"dell-cmc", "Dell", "PowerEdge M1000e", "7RTXJ52", "CMC", "6.21.A00.201907020913", "bmc"},
	// An iDRAC6 answering DELL-RAC-MIB (drsProductType idrac): its short
	// name and the server's service tag, not a CMC's chassis.
	"dell-idrac6-racmib": {"dell-cmc", "Dell", "iDRAC6", "7KJ2M4J", "iDRAC", "2.92", "bmc"},
	"dell-compellent":    {"dell-compellent", "Dell EMC", "SC4020", "60712", "Storage Center", "7.4.10.51", "storage"},
	"dell-ome-modular":   {"dell-ome-modular", "Dell", "PowerEdge MX7000", "8ZQ9XY2", "OpenManage Enterprise Modular", "2.00.00", "bmc"},
	// The card's software version whole, as the definition (generex-ups)
	// reads upsIdentAgentSoftwareVersion with no regex (fq14; was "1.98.0").
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release CS141 v1.98.0, not Linux's): an OS is named beside its own release only.
	"generex-cs141": {"generex-cs141", "AEG", "Protect B PRO 1400", "", "", "CS141 v1.98.0", "ups"},
	// slcSystemFWRev whole, as the definition (lantronix-slc) reads it (fq5).
	"lantronix-slc":           {"lantronix-slc", "Lantronix", "SLC8048", "0080A3B12345", "", "Version 7.4.0.0R11", "appliance"},
	"gude-epc":                {"gude-epc", "Gude", "Expert Power Control 8226-1", "", "", "1.2.1", "pdu"},
	"hitachi-vantara":         {"hitachi-vantara", "Hitachi Vantara", "VSP G700", "412345", "", "88-06-01-60/00", "storage"},
	"ibm-spectrum-virtualize": {"ibm-spectrum-virtualize", "IBM", "FlashSystem 5200", "", "Spectrum Virtualize", "8.5.0.6", "storage"},
	"infortrend":              {"infortrend", "Infortrend", "DS 3024RUB", "8512345", "", "", "storage"},
	"macos":                   {"macos", "Apple", "", "", "macOS 14 Sonoma", "23.4.0", "workstation"},
	"meinberg-lantime":        {"meinberg-lantime", "Meinberg", "LANTIME M300", "031211003540", "", "7.04.008", "appliance"},

	"hp-ilo-sysdescr":  {"hp-ilo", "HPE", "ProLiant DL360 Gen10", "MXQ12345AB", "iLO", "2.72", "bmc"},
	"intermec-printer": {"intermec-printer", "Honeywell", "PM43", "12345678901", "", "10.11.017310", "printer"},
	"muratec-printer":  {"muratec-printer", "Muratec", "MFX-C2700", "K3X123456", "", "", "printer"},
	// fq51: no machine class for 'amd64' (was Generic x86 64-bit):
	// Openbsd.php, a Shared\Unix, names one for 'x86_64' alone.
	// fq67: Generic x86 64-bit again (was none, fe37583): Shared\Unix
	// names no class for 'amd64', a field no measure counts, so the same
	// machine's class follows for the user's inventory.
	"openbsd-snmpd": {"openbsd-snmpd", "OpenBSD Project", "Generic x86 64-bit", "", "OpenBSD", "7.4", "server"},
	"riso-printer":  {"riso-printer", "Riso", "ComColor FW5230", "58312345", "", "", "printer"},
}
