package fingerprints

import (
	"testing"
)

// szFixtureDir holds small walks written from the vendor MIBs of the OS
// families from s to z (and the vendors' objects their device-support
// definitions name): model, serial and version read from each vendor's own
// objects.
const szFixtureDir = "testdata/fixtures/s-z"

// szCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var szCases = map[string]want{
	// Supermicro switches by sysDescr alone (the definition's
	// supermicro-switch): the model it names; on a FASTPATH agent, the
	// inventory's serial and release.
	"supermicro-switch":          {"supermicro-switch", "Supermicro", "SBM-GEM-X3S+", "", "", "", "switch"},
	"supermicro-switch-fastpath": {"supermicro-switch", "Supermicro", "SSE-X3348S", "SX13CB008812", "", "1.0.0.9", "switch"},
	// A Sharp MFP whose sysDescr names no release: the object the
	// device-support definition (sharp) reads as the version.
	"sharp-printer-version": {"sharp-printer", "Sharp", "MX-M3070", "0505218800", "", "04.04.B210", "printer"},
	// Brocade (Foundry) ServerIron load balancers: the product the
	// sysDescr names where a switch names its own, OS ServerIron (the
	// device-support definition serveriron detects 'ServerIron'), the
	// Foundry agent's snChasSerNum.
	"brocade-serveriron-adx": {"brocade-fastiron", "Brocade", "ServerIron ADX 1000", "F21834G00B", "ServerIron", "12.4.00aT403", "load_balancer"},
	"brocade-serveriron-xl":  {"brocade-fastiron", "Brocade", "ServerIronXL", "A40512C09F", "ServerIron", "07.3.05T12", "load_balancer"},
	// A product name with a descriptive tail ("Color Multifunction Printer"),
	// kept as the device and the definition (xerox) name it.
	"xerox-versalink": {"xerox-printer", "Xerox", "VersaLink C405 Color Multifunction Printer", "3390812345", "", "1.61.23", "printer"},
	// Ribbon SBC and Stulz: detection by the arcs the definitions name.
	"ribbon-sbc": {"ribbon-sbc", "Ribbon", "", "", "", "", "appliance"},
	"stulz":      {"stulz", "Stulz", "", "", "", "", "cooling"},
	// Stellar APs: apModel and apSerial under the model's own arc; where
	// they do not answer, the model the sysObjectID registers.
	"ale-stellar":              {"ale-stellar", "Alcatel-Lucent Enterprise", "OAW-AP1321", "ZTV20412345", "AWOS", "", "access_point"},
	"ale-stellar-registration": {"ale-stellar", "Alcatel-Lucent Enterprise", "OAW-AP1201H", "", "AWOS", "", "access_point"},
	// Tachyon: TACHYON-MIB's system-ext group (the running firmware, not the
	// alternate bank's).
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 1.12.1, not Linux's): an OS is named beside its own release only.
	"tachyon": {"tachyon", "Tachyon Networks", "TNA-303x", "TNA303X2231004518", "", "1.12.1", "wireless"},
	// ServersCheck: the hardware sysName names after "Sensor Gateway: ",
	// the product group's release.
	"serverscheck": {"serverscheck", "ServersCheck", "SensorGateway Cellular Ext", "", "", "6.1.14", "sensor"},
	// WISI Tangram: WISI-GTMODULES-MIB's module in slot 7.
	"wisi-tangram": {"wisi-tangram", "WISI", "GT11", "0111816052400217", "", "2.14.3", "appliance"},
	// Cisco WAAS (ciscoWave594, 9.1.1353): model, serial and release from
	// ENTITY-MIB's chassis row.
	"cisco-waas": {"cisco-waas", "Cisco", "WAVE-594-K9", "FCH1734V0QZ", "WAAS", "6.4.1b", "appliance"},
	// SmartEdge: the SEOS release sysDescr names, the product its
	// sysObjectID registers (rbnSmartEdge1200, 2352.1.13).
	"redback-seos": {"redback-seos", "Ericsson", "SmartEdge 1200", "", "SEOS", "6.5.1.6", "router"},
	// SNR: NAG-MIB's hardware and software versions where sysDescr names
	// neither (snr-switch: the DCN-platform sysDescr, which does).
	"snr-nag-mib": {"snr", "NAG", "SNR-S2995G-24FX", "SW061710D1020417", "", "7.0.3.5(R0241.0101)", "switch"},
	// A Zyxel IES DSLAM: the model its sysDescr names, ZYXEL-AS-MIB's
	// firmware version.
	"zyxel-ies": {"zyxel", "Zyxel", "IES-1248-51", "", "", "V3.53(ABE.7)b1", "switch"},
	// Technicolor: the gateway series sysDescr names.
	"technicolor": {"technicolor", "Technicolor", "DGA4132", "", "", "", "router"},
	// TERRA: the product in sysDescr, firmware and serial in its group.
	"terra-sdi410c": {"terra", "TERRA", "sdi410C", "1802123456", "", "1.2.8", ""},
	// Viprinet: VIPRINET-MIB's router group (model, serial, firmware).
	// fq16: vpnRouterModel whole, as the definition (viprinux) reads it.
	"viprinet": {"viprinet", "Viprinet", "510", "0510-1234-5678-9012", "Viprinux", "2019072500", "router"},
	// ZXDSL: the product in the sysObjectID's arcs, a letter arc read as
	// its letter (8 -> H).
	"zte-zxdsl-9806h": {"zte-zxdsl", "ZTE", "ZXDSL 9806H", "", "ZXDSL", "", "switch"},
	// The plain '<number>.1.1.1' form: Zxdsl.php names nothing there and
	// the sysDescr no hardware, so the registration's product number, the
	// unit's own, follows (fq95: unchanged).
	"zte-zxdsl-number": {"zte-zxdsl", "ZTE", "ZXDSL 9836", "", "ZXDSL", "", "switch"},
	// Dantel Webmon Edge: WEBMON-EDGE-MATRIX-MIB's firmware.
	"dantel-webmon": {"dantel-webmon", "Dantel", "Webmon Edge", "", "", "4.1.22", "sensor"},
	// A SpeedTouch: the product sysDescr names.
	// thomson-speedtouch: the model was 'SpeedTouch 585v7' (the product
	// the sysDescr names); it is now '585v7', the word after the first
	// space, as the definition speedtouch's sysDescr_regex reads it
	// (os_discovery/speedtouch.yaml; fq89).
	"thomson-speedtouch": {"thomson-speedtouch", "Thomson", "585v7", "", "", "", "router"},
	// Trango: the product sysDescr names, GIGA-PLUS-MIB's firmware.
	"trango": {"trango", "Trango", "Apex Lynx", "", "", "2.1.1", "wireless"},
	// Tegile IntelliFlash: TEGILE-MIB's controller model and controller A's
	// software version; by sysDescr on net-snmp's Solaris registration, B's
	// where A does not answer.
	"tegile-intelliflash":          {"tegile-intelliflash", "Tegile", "T4700", "", "IntelliFlash OS", "3.7.1.5", "storage"},
	"tegile-intelliflash-sysdescr": {"tegile-intelliflash", "Tegile", "T3800", "", "IntelliFlash OS", "3.6.0.2", "storage"},
	// A W&T WebGraph thermo-hygrometer: MfDeviceTyp under its own product
	// registration (sysObjectID.3.3.5.0).
	"wut-webgraph": {"wut-webgraph", "Wiesemann & Theis", "Web-Thermo-Hygrometer", "", "", "", "sensor"},
	// Stormshield on net-snmp's FreeBSD registration with an NS-BSD
	// sysDescr: STORMSHIELD-PROPERTY-MIB's model, version and serial.
	"stormshield-ns-bsd": {"stormshield-ns-bsd", "Stormshield", "SN210W", "SN210W39C0812A7", "SNS", "4.3.21", "firewall"},
	// A Supermicro BMC on net-snmp's Linux registration: ATEN-IPMI-MIB's
	// part and serial numbers (fixed-length, padding trimmed); the BMC's
	// own Linux from net-snmp's sysDescr; the firmware release joins
	// bmcMajorVesion, bmcMinorVesion and bmcBuildVesion.
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 1.73.14, not Linux's): an OS is named beside its own release only.
	"supermicro-bmc": {"supermicro-bmc", "Supermicro", "SYS-1029P-WTR", "S348084X9C19347", "", "1.73.14", "bmc"},
	// An SNR GPON OLT: GBNPlatformOAM-MIB's system group under 65268.
	"snr-olt": {"snr-olt", "SNR", "SNR-OLT-GPON-16-2AC", "SG2308170412", "", "V1.08.B01-4", "switch"},
	// A Tripp Lite console server (850.1.5): not a PowerAlert UPS; the
	// TRIPPLITE-PRODUCTS device tables where its agent keeps them; Linux
	// from its sysDescr.
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 4.0.1, not Linux's): an OS is named beside its own release only.
	"tripplite-console": {"tripplite-console", "Tripp Lite", "B093-004-2E4U", "2942AV0SM89A900182", "", "4.0.1", "appliance"},
	// Teracom: the product MIB's version string, hardware before its last
	// '-', the release after it (TCW210-TH keeps its own '-'). Since fq7:
	// the release with its 'v', as teracom's version_regex leaves it.
	"teracom-tcw241":   {"teracom", "Teracom", "TCW241", "", "", "v1.248", "sensor"},
	"teracom-tcw210th": {"teracom", "Teracom", "TCW210-TH", "", "", "v1.2", "sensor"},
	// A RUT2xx on net-snmp's Linux registration with the 2013 TELTONIKA-MIB
	// (static 48690.1: RouterName .7; gsm 48690.2: FirmwareVersion .14, the
	// object the device-support definition rutos-2xx detects it by): the
	// router and its firmware; that MIB names the modem's serial only.
	// The firmware string whole (fq16: rutos-2xx reads FirmwareVersion.0
	// with no regex).
	"teltonika-rut2xx": {"teltonika", "Teltonika", "RUT240", "", "RutOS", "RUT2XX_R_00.01.14.4", "router"},
	// Eltek Valere: the DC power MIB's ident group. Since fq7: the
	// controller version whole, as valere reads it.
	"valere": {"valere", "Eltek", "BC2000", "", "", "V4.01", "power"},
	// Yamaha: "<model> Rev.<release> (<date>)"; the type from the model.
	"yamaha-rtx": {"yamaha", "Yamaha", "RTX1210", "", "", "14.01.40", "router"},
	"yamaha-swx": {"yamaha", "Yamaha", "SWX3220-16MT", "", "", "4.02.10", "switch"},
	// A VRP switch whose sysDescr names no model: hwEntitySystemModel and
	// hwDeviceEsn; the type from the model.
	"huawei-vrp-ext": {"huawei-vrp", "Huawei", "CE6881-48S6CQ", "2102351931P0K8000123", "VRP", "8.191", "switch"},
	// A CloudEngine sysDescr closing with the full model ("HUAWEI
	// CE6865-48S8CQ-EI"), the bracketed series (CE6865EI) shorter: the
	// definition (vrp) takes the series, which no sysDescr word extends
	// (CE6865EI is not the start of CE6865-48S8CQ-EI); version "8.180
	// (V200R005C10SPC800)" as Vrp.php builds it. Both were the closing
	// model and the release alone before fpL read vrp.yaml and Vrp.php.
	"huawei-vrp-ce-closing-model": {"huawei-vrp", "Huawei", "CE6865EI", "", "VRP", "8.180 (V200R005C10SPC800)", "switch"},
	// SR OS has no ENTITY-MIB: the name of the chassis type tmnxChassisType
	// points at (index_from), the serial of the chassis row of tmnxHwTable.
	"nokia-sros-hw": {"nokia-sros", "Nokia", "7250 IXR-e", "NS2120T0456", "SR OS", "22.10.R2", "router"},
	// ZLD firewall: ZYXEL-ES-COMMON, the version cut before "ITS".
	"zyxel-zywall": {"zyxel", "Zyxel", "USG FLEX 200", "S212L46123456", "", "V5.37(ABFV.1)", "firewall"},
	// A ZyWALL without sysProductModel: its sysDescr is the model; the
	// version the whole sysSwVersionString (no 'ITS' to cut at), as
	// zywall.yaml and Zywall.php give it (fpQ: it was cut at ' | ').
	"zyxel-zywall-sysdescr": {"zyxel", "Zyxel", "USG FLEX 100", "", "", "V4.73(AAKZ.1) | 2022-09-28 10:12:33", "firewall"},
	// An older ZyNOS switch: the serial in its model's own MIB.
	"zyxel-zynos-mgs": {"zyxel", "Zyxel", "MGS3712F", "S080H12345678", "", "", "switch"},
	// vCenter by its sysObjectID, and on net-snmp by its sysDescr.
	// fq76: os_version was 8.0.2 (VMWARE-SYSTEM-MIB vmwProdVersion); it is
	// now 8.0.2.00100, the sysDescr's release as the definition
	// (vmware-vcsa, Shared\Unix) parses it, / (\d+\.\d\S*) /.
	"vmware-vcsa":          {"vmware-vcsa", "VMware", "", "", "vCenter Server", "8.0.2.00100", "appliance"},
	"vmware-vcsa-sysdescr": {"vmware-vcsa", "VMware", "", "", "vCenter Server", "7.0.3.01700", "appliance"},
	// ESXi: the host's hardware in entPhysicalDescr.1.
	"vmware-esxi-entity": {"vmware-esxi", "", "PowerEdge R750", "7XK2QJ3", "ESXi", "8.0.1", "hypervisor"},
	// CUCM: the application's release from SYSAPPL-MIB, not the UCOS
	// platform's in sysDescr. The model was "" (its registration was taken
	// to name none); now ciscoUCVirtualMachine, the label the definition
	// ucos's hardware_mib (CISCO-PRODUCTS-MIB) gives 9.1.1348 (fq94).
	"cisco-ucos": {"cisco-ucos", "Cisco", "ciscoUCVirtualMachine", "", "UCOS", "12.5.1.14900-63", "appliance"},
	// StoneOS: serial and release from HILLSTONE-SYSTEM-MIB.
	"hillstone-stoneos-mib": {"hillstone-stoneos", "Hillstone Networks", "", "0010452019001234", "StoneOS", "5.5R8P4.3", "firewall"},
	// ISP wireless backhaul and access switches.
	"sub10-liberator": {"sub10-liberator", "Sub10 Systems", "Liberator V1000", "S1000653B201601234", "", "02.01.03.16", "wireless"},
	// siae-sm-os: the model was 'GE0148A' (the part number alone); it
	// is now 'ALFOplus2 (GE0148A)', unitLabel.1 and unitPartNumber.1 as
	// the definition sm-os's hardware_template writes them
	// (os_discovery/sm-os.yaml; fq89).
	"siae-sm-os": {"siae-sm-os", "SIAE Microelettronica", "ALFOplus2 (GE0148A)", "1912A00123", "SM-OS", "03.04.02", "wireless"},
	// SNR (NAG) switches are the DCN platform's: the serial as later
	// firmware writes it in sysDescr.
	"snr-switch": {"snr", "NAG", "SNR-S2985G-24T", "SW031710J123", "", "7.0.3.5(R0241.0181)", "switch"},
	// Transition Networks: the product MIB's SystemInfo; else the LLDP
	// local system name when it is a model, never a host name.
	"transition-sispm": {"transition-networks", "Transition Networks", "SISPM1040-582-LRT", "A1B2C3123456", "", "1.4.3", "switch"},
	"transition-lldp":  {"transition-networks", "Transition Networks", "SM24TAT4XB", "", "", "", "switch"},
	"transition-named": {"transition-networks", "Transition Networks", "", "", "", "", "switch"},
	// Model, version and serial written in sysDescr.
	// Integra-W: the release with its firmware flavour (-mux, -esw).
	"saf-integra-w":     {"saf-tehnika", "SAF Tehnika", "Integra-W", "384410100123", "", "1.5.23-mux", "wireless"},
	"saf-integra-x":     {"saf-tehnika", "SAF Tehnika", "Integra-X", "386123456", "", "1.2.45", "wireless"},
	"asentria-siteboss": {"asentria-siteboss", "Asentria", "SiteBoss 530", "", "", "2.06.270", "sensor"},
	"tait-infra93":      {"tait-infra93", "Tait Communications", "TB9300", "19091234", "", "3.30.02.0004", "wireless"},
	// Topvision: the model was empty (the hardware version taken for a
	// revision, not a model); it is now the sysDescr's hardware version
	// '1.0', as the definition topvision's sysDescr_regex reads it
	// (os_discovery/topvision.yaml, hardware beside version; fq89).
	"topvision-cmts": {"topvision-cmts", "Topvision", "1.0", "", "", "2.6.3.2", ""},
	// A Symbol access point: the serial in 388.11.2, "S/W rev:" in sysDescr.
	"symbol-ap": {"extreme-wing", "Symbol", "AP-5131", "06129520501234", "WiNG", "2.5.1.0-006R", "access_point"},
	// A Spectrum24-era AP: 'S/W rev:' without a space, an access point by
	// its sysDescr though it names no AP model.
	"symbol-ap-rev": {"extreme-wing", "Symbol", "", "", "WiNG", "02.23-03", "access_point"},
	// VeloCloud edge: the model in sysDescr.
	"velocloud-edge": {"velocloud-edge", "VMware", "EDGE610", "", "VeloCloud", "", "router"},
	// A WebPower card: release and serial in one UPS-MIB string, the model
	// the card's name when the UPS gives none.
	"webpower-ups-card": {"webpower-ups-card", "Ingrasys", "WebPower Pro II Card", "1510001234", "", "1.36", "ups"},
	// A JetStream switch without ENTITY-MIB: RMON2 probe revisions.
	"tplink-rmon": {"tplink", "TP-Link", "T1500G-10PS 2.0", "", "", "2.0.6 Build 20200224 Rel.64815(s)", "switch"}, // tplink reads probeHardwareRev.0 whole (fpU)
	// Siklu EtherHaul: the release of the software bank that runs (bank
	// 1 here; bank 2 in the second).
	"siklu-etherhaul":       {"siklu-etherhaul", "Siklu", "EH-8010FX", "F418211234", "", "7.4.0-10943", "wireless"},
	"siklu-etherhaul-bank2": {"siklu-etherhaul", "Siklu", "EH-1200TL", "F417303822", "", "10.1.2-2311", "wireless"},
	// A current Vertiv rack PDU: VERTIV-V5-MIB deviceInfo. Since fq45 a
	// sensor (was pdu, from a sysDescr naming no sensor): its registration,
	// 21239.5.2, is none of vertiv-pdu's (21239.42.1.52, .53, .55; fq65:
	// .53 alone in every stored vertiv-pdu, unchanged here), so the
	// definition geist-watchdog (type environment) takes it, and it answers
	// no VERTIV-V5-MIB pduMainTable row that would make it a PDU.
	// fq59: no model, serial or release (were VERTIV-V5-MIB's VP7881,
	// 2118VP7881123, 5.10.2): vertiv-pdu's os module, which reads them, is
	// not this registration's; geist-watchdog's reads GEIST-MIB-V3
	// productVersion.0 and climateSerial.1 alone, which it does not answer.
	// owner: the model the unit names itself (VP7881) follows what its
	// definition reads (none there: a field no measure counts), for the
	// user's inventory, and its serial and release likewise (fq59's
	// 91ad1db had left them empty).
	"vertiv-v5-pdu": {"vertiv-geist", "Vertiv", "VP7881", "2118VP7881123", "", "5.10.2", "sensor"},
	// Westermo Lynx: the unit in ENTITY row 3.
	// The version is the sysDescr whole (fq11): the definition (weos)
	// reads SNMPv2-MIB::sysDescr.0 as the version with no regex, whatever
	// it holds.
	"westermo-weos": {"westermo-weos", "Westermo", "Lynx-5512-F4G-T8G-LV", "21340567", "WeOS", "Westermo Lynx-5512-F4G-T8G-LV, v4.33.0", "switch"},
	// A vEdge: the model from its systemStatusModel enumeration.
	"cisco-viptela": {"cisco-viptela", "Cisco", "vedge-1000", "11OG103180123", "Viptela OS", "20.6.4", "router"},
	// A UniFi AP answering with a Linux uname: UBNT-UniFi-MIB.
	// fq63: ubiquiti-unifi-mib-uname, Generic MIPS, Linux, 4.4.153, server
	// (was ubiquiti-unifi-mib, UAP-AC-Lite, UniFi, 6.5.62.14789,
	// access_point): the definition unifi detects no uname sysDescr on
	// net-snmp's registration, so the unit is the definition linux's,
	// Shared\Unix's machine class and kernel release, linux's type;
	// Unifi.php, which reads UBNT-UniFi-MIB, never runs.
	// owner: access_point (was server, linux's type): the unit answers
	// UBNT-UniFi-MIB's AP table; the type is no measured field.
	"ubiquiti-unifi-mib": {"ubiquiti-unifi-mib-uname", "Ubiquiti", "Generic MIPS", "", "Linux", "4.4.153", "access_point"},
	// fq65: appliance (was power), as the definition tpdin types it.
	"tycon-tpdin":       {"tycon-tpdin", "Tycon Systems", "TPDIN-Monitor-WEB2", "", "", "2.1.4", "appliance"},
	"microsemi-ssu2000": {"microsemi-ssu2000", "Microsemi", "SSU2000", "B123456789", "", "14213A005", "appliance"},
	"smartoptics":       {"smartoptics", "Smartoptics", "DCP-M40-ZR+", "", "SmartOS", "6.1.2", ""},
	"vigintos":          {"vigintos", "Vigintos Elektronika", "", "", "VigintOS", "3.2.14", ""},
	// A Teradici PCoIP zero client: the general devices table's first row.
	"teradici-pcoip": {"teradici-pcoip", "Teradici", "TERA2321", "1914CA000123", "PCoIP", "6.5.1", "workstation"},
	// A Tripp Lite PDU: TRIPPLITE-PRODUCTS' device model and the ident
	// table's serial (no UPS-MIB identity).
	"tripplite-pdu": {"tripplite-poweralert", "Tripp Lite", "PDUMH30HVNET", "2719AV0PD55A600123", "PowerAlert", "15.5.4 (Build 1045)", "pdu"},
	// Topsec: the serial that leads the system information group, its
	// quote stripped.
	"topsec-ngfw-serial": {"topsec-ngfw", "Topsec", "NGFW4000-UF", "Q1712345678", "", "V3.2294.2130_NGFW.1", "firewall"},
	// An Emerson Network Power (now Vertiv) UPS card: the UPS identity
	// group under 13400.2.1.2.1.
	"vertiv-emerson-ups": {"emerson-ups-card", "Vertiv", "UHA1R-0060L", "1904ITA60123", "", "14.02", "ups"},
	// Teldat: TELDAT-MIB's system status (the board type an enumeration).
	// The board type with its revision, as the definition (teldat) writes
	// the hardware (fpZ).
	"teldat": {"teldat", "Teldat", "h1plus (rev 2)", "741234", "", "11.01.03.20.05", "router"},
	// A Tranzeo radio on net-snmp: model and release from sysDescr.
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 3.1.6, not Linux's): an OS is named beside its own release only.
	"tranzeo": {"tranzeo", "Tranzeo", "TR-5Plus-24", "", "", "3.1.6", "wireless"},
	// An IT Watchdogs WeatherGoose: IT-WATCHDOGS-MIB-V3's product group
	// and the unit's climate row.
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 3.3.1, not Linux's): an OS is named beside its own release only.
	"itwatchdogs-wxgoos": {"itwatchdogs-wxgoos", "IT Watchdogs", "WeatherGoose II", "28F4A1B2030000B6", "", "3.3.1", "sensor"},
	// StoneOS naming its platform at the end of sysDescr.
	"hillstone-stoneos-platform": {"hillstone-stoneos", "Hillstone Networks", "SG-6000-X7180", "0010452021004321", "StoneOS", "5.5R9P1.2", "firewall"},
	// A SmartAX OLT whose sysDescr names nothing: HUAWEI-DEVICE-MIB's
	// release (hwSysVersionVrcb) and backplane serial, the model its
	// sysObjectID registers.
	"huawei-smartax-device-mib": {"huawei-smartax", "Huawei", "MA5608T", "2102311YGR10K5000123", "SmartAX", "V800R021C00", "switch"},
	// WAGO: WAGO-MIB's wioCommon group, the serial without the MAC the
	// value appends, the type from wioDeviceClass.
	"wago-pfc":    {"wago", "WAGO", "750-8202", "SN20190514-T0084521", "", "03.05.10(17)", "appliance"},
	"wago-switch": {"wago", "WAGO", "852-303", "SN20171102-T0011873", "", "V1.0.2.S0", "switch"},
	// SAF CFIP: SAF-IPRADIO's product where sysDescr is not "Prod: ...".
	"saf-cfip": {"saf-cfip", "SAF Tehnika", "CFIP Lumina", "", "", "", "wireless"},
	// Ubiquoss PON: the hardware sysDescr names, entPhysicalSerialNum.1.
	"ubiquoss-pon": {"ubiquoss-pon", "Ubiquoss", "E8416", "UQ8416E170300215", "", "", "switch"},
	// Vutlan: VUTLAN-SYSTEM-MIB's system group.
	"vutlan": {"vutlan", "Vutlan", "VT335", "3350421876", "", "2.9.4", "sensor"},
	// WTI on its MontaVista kernel: WTI-CONSOLE-MIB's first unit. fq22:
	// the software version whole, its 'v' kept, as the definition
	// (wti-console) reads environmentSoftwareVersion.1 (before, 6.58 and
	// 7.11).
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release v6.58, not Linux's): an OS is named beside its own release only.
	// fq102: model 'RSM-8R8-2' (was ''): WTI-CONSOLE-MIB
	// environmentUnitName.1, as the definition wti-console reads the
	// hardware.
	"wti-console": {"wti", "WTI", "RSM-8R8-2", "0431A2019052", "", "v6.58", "appliance"},
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release v7.11, not Linux's): an OS is named beside its own release only.
	// fq102: model 'VMR-16HD20-1' (was ''): WTI-POWER-MIB
	// environmentUnitName.1, as the definition wti-power reads the
	// hardware.
	"wti-power": {"wti", "WTI", "VMR-16HD20-1", "0521B2018117", "", "v7.11", "pdu"},
	// Sangfor: the hardware string's model=, else the AD appliance the
	// uname node name names (never the board an AD writes in its place).
	// fq107: the model is the machine class Shared\Unix writes from the
	// uname line's machine word, as the definition linux states it (no
	// definition detects Sangfor's 35047; linux takes '/^Linux/' on any
	// sysObjectID, os_detection 11a4d8b): 'Generic x86 64-bit' (was
	// M5600, AD-1000-B1080) and 'Generic x86' (was M4600); the unit's own
	// follow only where no machine word answers.
	"sangfor-ac":   {"sangfor", "Sangfor", "Generic x86 64-bit", "", "Linux", "2.6.30-AC12.0", "appliance"},
	"sangfor-ad":   {"sangfor", "Sangfor", "Generic x86 64-bit", "", "Linux", "2.6.30", "load_balancer"},
	"sangfor-type": {"sangfor", "Sangfor", "Generic x86", "", "Linux", "2.4.32-web100-bic", ""},
	// A Venustech USG whose sysDescr is "FIREWALL": the model ending its
	// product name and the release, in 15227.200.1.
	"venus-usg": {"venus-vsos", "Venustech", "USG-FW-3020DP", "", "", "V2.6", "firewall"},
	// Cisco (TANDBERG) collaboration by registration: a VCS and a
	// Conductor whatever their sysDescr; a codec answering an unusual
	// sysDescr, and one whose "SoftW: ... MCU:" sysDescr
	// cisco-telepresence reads.
	"cisco-vcs":         {"cisco-tandberg-registration", "Cisco", "", "", "VCS", "", "appliance"},
	"cisco-tpconductor": {"cisco-tandberg-registration", "Cisco", "", "", "TelePresence Conductor", "", "appliance"},
	"cisco-vccodec":     {"cisco-tandberg-registration", "Cisco", "", "", "TelePresence", "", "appliance"},
	// Since fq13 'TC7.3.6.1b7d8e5' whole, as the definition (vccodec)
	// reads SoftW (before, without 'TC').
	"cisco-vccodec-softw": {"cisco-telepresence", "Cisco", "SX20", "FTT18420123", "TelePresence", "TC7.3.6.1b7d8e5", "appliance"},
	// Tomato by the UCD exec distro line the device-support definition
	// (tomato) detects it by: the firmware version after "Tomato ", its
	// build included, not the kernel's release.
	// VyOS: the first processor's hrDeviceDescr, the object the
	// device-support definition (vyos) reads as the hardware.
	"vyos": {"vyatta-vyos", "VyOS", "GenuineIntel: Intel(R) Xeon(R) CPU E5-2690 v4 @ 2.60GHz", "", "VyOS", "1.3.2", "router"},
	// FreeNAS with a build hash after the release (the form published
	// sysDescrs show): the hardware the sysDescr names, the release.
	"freenas-build": {"truenas", "iXsystems", "amd64 Intel(R) Xeon(R) CPU E5-2620 v4 @ 2.10GHz running at 2100", "", "FreeNAS", "11.3-U5", "storage"},
	"tomato":        {"linux-distro-extend", "", "Generic MIPS", "", "Tomato", "1.28.0000 MIPSR2-132 K26 USB AIO", "router"},
}

// TestSZFixtures checks each profile on its fixture: the winning profile
// and every field, with evidence (check).
func TestSZFixtures(t *testing.T) {
	checkFixtures(t, szFixtureDir, szCases)
}
