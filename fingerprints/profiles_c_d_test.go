package fingerprints

import (
	"testing"
)

// cdFixtureDir holds small walks, written from the vendors' MIBs, of the
// OS families whose device-support definitions start with c or d
// (profiles/vendors-c-d.yaml and the Cisco, Dell and D-Link profiles they
// extend).
const cdFixtureDir = "testdata/fixtures/c-d"

// cdCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var cdCases = map[string]want{
	// A Cambium cnWave 60 GHz distribution node: hardware and release in
	// the sysDescr.
	"cambium-cnwave60": {"cambium-cnwave60", "Cambium Networks", "V5000", "", "cnWave", "1.2.2.1", "wireless"},
	// A CET Power TSI supervisor: CET-TSI-MIB's T2S serial and software
	// version, the supervisor from the sysDescr.
	"cet-tsi": {"cet-tsi", "CET Power", "T2S-ETH", "T2S18340127", "", "2.04", "power"},
	// A D-Link DAP: the firmware under its own product registration
	// (sysObjectID.5.1.1.0). Since fpT the whole value, build time and
	// all, and the sysDescr joined to the revision at .5.1.5.0, as
	// Dlinkap.php discoverOS writes version and hardware.
	"dlink-dap": {"dlink-dap", "D-Link", "DAP-3520 A1", "", "", "1.15 09:34:09 01/21/2013", "access_point"},
	// A DPS Telecom NetGuardian: DPS-MIB-V38's model and firmware, their
	// padding trimmed.
	"dps-netguardian": {"dps-netguardian", "DPS Telecom", "NetGuardian 832A G5", "", "", "2.7K.0501", "appliance"},
	// A Dell remote console switch: hardware and release from the sysDescr.
	"dell-rcs": {"dell-rcs", "Dell", "2161DS-2", "", "", "01.03.52.00", "appliance"},
	// A CXR Networks terminal server: CXR-TS-MIB's product name and
	// version.
	"cxr-ts": {"cxr-ts", "CXR Networks", "ULIS-TS 211", "", "", "3.1.5", "appliance"},
	// A DragonWave Horizon Quantum: the Quantum MIB's assembly number,
	// unit serial and application release.
	"dragonwave-horizon-quantum": {"dragonwave-horizon-quantum", "DragonWave", "A-HQ-23-600-2", "141023008912", "", "2.4.0", "wireless"},
	// A DragonWave Horizon Compact: HORIZON-ODU-MIB's assembly number,
	// unit serial and OMNI release.
	"dragonwave-horizon-compact": {"dragonwave-horizon-compact", "DragonWave", "A-HC-18-501-1", "111213004567", "", "1.03.05", "wireless"},
	// A Cambium cnMatrix switch (no sysObjectID in the walk: no MIB we hold
	// registers one): LLDP-EXT-MED-MIB's local model, serial
	// and release.
	"cambium-cnmatrix": {"cambium-cnmatrix", "Cambium Networks", "EX2028-P", "M8FC03C1A2B4", "cnMatrix", "4.6-r3", "switch"},
	// LigoWave LigoPTP: product and release from the sysDescr, with and
	// without the comma the definition allows. The releases were
	// "7.53-40843" and "6.95-1"; they are now "v7.53-40843" and
	// "v6.95-1", the definition ligoos's '(?<version>v[\d\-.]+\d)'
	// keeping the 'v' (fq87).
	"ligowave-ligoptp":       {"ligowave-ligoptp", "LigoWave", "LigoPTP 5-23 PRO", "", "LigoOS", "v7.53-40843", "wireless"},
	"ligowave-ligoptp-comma": {"ligowave-ligoptp", "LigoWave", "LigoPTP 5-N Rapidfire", "", "LigoOS", "v6.95-1", "wireless"},
	// Calix E7: the system from the sysDescr, release and serial of the
	// first card.
	"calix-e7": {"calix-e7", "Calix", "E7-2", "291501012345", "", "2.4.30.10", "switch"},
	// Calix E5-110: E5-110-IESCOMMON-MIB chassis and slot 0.0, a quoted
	// serial unquoted.
	"calix-e5": {"calix-e5", "Calix", "MSC1000A", "E5110A1234567", "", "V3.53(AXO.2)", "switch"},
	// E5-121 and E5-111: the same IESCOMMON tables under their own
	// product arcs (6321.1.2.3.4, .2).
	"calix-e5-121": {"calix-e5", "Calix", "VLC1124", "S1112A3004871", "", "V3.54(AXP.3)", "switch"},
	"calix-e5-111": {"calix-e5", "Calix", "ALC1224-71", "S0911A2017356", "", "V3.53(AGO.5)", "switch"},
	// An Active Ethernet ONT: AE-ALARM-TABLE-MIB's aeOnt group.
	"calix-ae-ont": {"calix-ae-ont", "Calix", "711GX", "CXNK0031A7F2", "", "4.2.3.12", "switch"},
	// DHCPatriot on net-snmp: the MODEL, SERIAL and VERSION extends.
	// fq40: no OS (was Linux, the profile's literal, beside the VERSION
	// extend, DHCPatriot's release, not Linux's). fq52: a server (was
	// appliance), the definition dhcpatriot's type.
	"dhcpatriot": {"dhcpatriot", "First Network Group", "DHCPatriot-500", "FNG2019A0042", "", "6.4.2", "server"},
	// Ciena RLS: the sysDescr names the system, CIENA-PRO-SOFTWARE-MIB
	// the running release (ciena-saos gave neither).
	"ciena-rls": {"ciena-rls", "Ciena", "RLS", "", "RLS", "4.2.1", "appliance"},
	// Cyclades AlterPath ACS 5000 and ACS: the cyACS5KSys and cyACSSys
	// groups; the release without the "V_" and build date.
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 3.1.0-3, not Linux's): an OS is named beside its own release only.
	"cyclades-acs5k": {"cyclades-acs", "Cyclades", "ACS5016", "2850231234", "", "3.1.0-3", "appliance"},
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 3.2.0-3, not Linux's): an OS is named beside its own release only.
	"cyclades-acs": {"cyclades-acs", "Cyclades", "ACS48", "", "", "3.2.0-3", "appliance"},
	// CISCOSB rlPhdUnitGenParamModelName names the model before the
	// ENTITY row and the sysDescr. The release as the device-support code
	// (ciscosb, Ciscosb.php) writes it, after 'Software '.
	"cisco-sb-modelname": {"cisco-sb", "Cisco", "SG300-10", "PSZ17031A2B", "", "Software 1.4.8.6", "switch"},
	"cisco-sb-wap":       {"cisco-sb-wap", "Cisco", "WAP371", "", "", "1.3.0.7", "access_point"},
	// The Catalyst 1200/1300 are the definition's (ciscosb), one of
	// cisco-sb's match alternatives (was cisco-catalyst-1x00), its release
	// written as Ciscosb.php writes it.
	"cisco-catalyst-1300": {"cisco-sb", "Cisco", "C1300-24T-4X", "PSZ27451ABC", "", "Software 4.1.3.36", "switch"},
	"cisco-cbw":           {"cisco-cbw", "Cisco", "CBW240AC-E", "PSZ24151XYZ", "", "10.4.1.0", "wireless_controller"},
	"cisco-spa":           {"cisco-spa", "Cisco", "SPA122", "", "", "", "appliance"},
	"ciena-sds":           {"ciena-sds", "Ciena", "170-5170-900", "M8123456", "SAOS", "saos-10-06-01-0215", "switch"},
	"ciena-waveserver":    {"ciena-waveserver", "Ciena", "186-1600-900", "NNTMRT012345", "Waveserver OS", "waveserverai-2.3.4", "switch"},
	// The definition's (dell-rpdu) hardware template: model number and
	// hardware revision (fpM; before, LD20M alone).
	"dell-rpdu": {"dell-rpdu", "Dell", "LD20M A01", "CN0X1234567890", "", "1.2.0", "pdu"},
	// The product registration names the IP-20 family member; the unit's
	// inventory row its serial.
	"ceragon-ip20": {"ceragon", "Ceragon", "IP-20S", "F123456789", "", "", "wireless"},
	// DatacomDmos.php reads only the first module row's serial, and this
	// walk has no module row: it states none (fq54), a field no measure
	// counts; the chassis row's, the device's own, follows for the user's
	// inventory (owner, after fq54 left it empty).
	"datacom-dmos":     {"datacom-dmos", "Datacom", "DM4370", "4370A1234567", "DmOS", "5.6.2", "switch"},
	"datacom-dmswitch": {"datacom-dmswitch", "Datacom", "dmSwitch4100", "3560123456", "", "14.6.8", "switch"},
	// A Cumulus agent with the vendor's sysObjectID and a uname sysDescr.
	"cumulus-oid": {"cumulus-linux", "Cumulus Networks", "Mellanox SN2410", "MT1934X01234", "Cumulus Linux", "4.3.0", "switch"},
	// Comware 7: the product line of sysDescr, the first serial of
	// HH3C-ENTITY-EXT-MIB; the version the number alone, as the definition
	// (comware) captures it (since fq24; was "7.1.070 Release 3208P08").
	"comware-hpe": {"h3c-comware", "HPE", "5130 24G 4SFP+ EI Switch", "CN12FP40ZZ", "Comware", "7.1.070", "switch"},
	// A UCS fabric interconnect: model and serial from the UCS network
	// element table when no ENTITY chassis row names them.
	"cisco-ucs-fi": {"cisco-ucs-fi", "Cisco", "UCS-FI-6248UP", "SSI16310ABC", "NX-OS", "5.2(3)N2(2.28g)", "switch"},
	// Cyberoam (CYBEROAM-MIB, the same objects as Sophos XG): the
	// appliance key is the serial.
	"cyberoam":  {"sophos-xg", "Sophos", "CR25iNG", "C2412345678-ABCDEF", "CyberoamOS", "10.6.6 MR-1", "firewall"},
	"cisco-ips": {"cisco-ips", "Cisco", "IPS-4345-K9", "", "IPS", "7.1(10)E4", "firewall"},
	// The printer's device ID names the model; Dell's MIB the firmware.
	"dell-laser": {"dell-printer", "Dell", "Laser Printer 5310n", "9TWX6C1", "", "NR.APS.N436", "printer"},
	// devVersion.0 whole, as the definition digipower reads it with no
	// pattern (fq92: was "3.1.42", the 'v' dropped; now "v3.1.42").
	"digipower":          {"digipower-pdu", "DigiPower", "SWH-1023J-1A1", "00:1A:2B:3C:4D:5E", "", "v3.1.42", "pdu"},
	"cisco-dsg-receiver": {"cisco-dsg-receiver", "Cisco", "D9824", "TCK123456", "", "3.10.20", "appliance"},
	// productIDVersion and productIDBuildNumber joined, the definition's
	// (dell-ups) version_template (fpB: before, 01.05).
	"dell-ups":   {"dell-ups", "Dell", "UPS Rack 1920W LV", "CN0J7310123456", "", "01.05 0012", "ups"},
	"deliberant": {"deliberant", "Deliberant", "5M-18", "", "", "6.9.1-41356", "wireless"},
	"ctm":        {"ctm", "CTM", "PoE Switch 8P", "", "", "2.14", "appliance"},
	// DASAN-SWITCH-MIB firmware version and serial.
	"dasan-nos-mib": {"dasan-nos", "DASAN Zhone", "V8102", "V81021234567", "NOS", "2.18.12", "switch"},
	// DLINKSW-ENTITY-EXT-MIB runtime version; EQUIPMENT-MIB unit serial.
	"dlink-dgs": {"dlink", "D-Link", "DGS-3630-28TC", "RZ2W1A6000123", "", "2.20.B013", "switch"},
	// EQUIPMENT-MIB swUnitMgmt firmware version and serial.
	"dlink-des-equipment": {"dlink", "D-Link", "DES-3200-28", "P4P01B5000456", "", "4.39.B009", "switch"},
	// RMON2 probeSoftwareRev ("Build 2.60.017") on older DES switches.
	"dlink-rmon2": {"dlink", "D-Link", "DES-3028", "P1UT2A9000789", "", "Build 2.60.017", "switch"}, // probeSoftwareRev whole, as dlink.yaml reads it (fpU)
	// DELL-NETWORKING-CHASSIS-MIB stack unit serial; the model from
	// "Series:" in sysDescr.
	"dell-os9-dellnet": {"dell-networking-os9", "Dell", "S4048-ON", "CN0R9Y8M7823412", "Dell Networking OS", "9.14(2.4)", "switch"},
	// DNOS 6 (N-series) answering both the serial number and the service
	// tag: the first unit's serial number (productIdentificationSerialNumber.1),
	// the object the definition (powerconnect, every 674.10895
	// registration) reads for the serial, no longer the service tag (fq1).
	// The model is the display name but for the maker's "Dell ", as the
	// definition (powerconnect) reads productIdentificationDisplayName
	// whole (fq35; was "N3248TE-ON").
	// fq56 stated the service tag, 7HQK2Z3, after powerconnect 0e71fbf;
	// fq57: the serial number again: 0e71fbf is librenms pull request
	// 18185's, closed unmerged; the definition (cfab8f7) reads
	// productIdentificationSerialNumber.1 alone.
	"dell-dnos6-servicetag": {"dell-powerconnect", "Dell", "EMC Networking N3248TE-ON", "TH0X1Y2Z3456789ABCDE", "PowerConnect", "6.7.1.6", "switch"},
	// DNOS 6 whose agent answers neither ENTITY nor Dell-Vendor-MIB: the
	// sysDescr's hardware with its line's name, as the definition's
	// (powerconnect) pattern captures it ('(Power[Cc]onnect |Dell
	// Networking |Dell EMC Networking )?[A-Z]?\d{2,}...'), the maker's
	// "Dell " aside (fq35; was "N3248TE-ON").
	"dell-dnos6-sysdescr": {"dell-powerconnect", "Dell", "EMC Networking N3248TE-ON", "", "PowerConnect", "6.7.1.6", "switch"},
	// os10ChassisProductSN before the service tag.
	"dell-os10-productsn": {"dell-os10", "Dell", "S4148F-ON", "TW0F7Y9Y2829704", "OS10", "10.5.1.3", "switch"},
	// A Christie projector: its identity group.
	"christie-projector": {"christie-projector", "Christie", "D13WU-HS", "BK2012345", "", "1.4.2", "appliance"},
	// A Cisco EPC cable gateway (1429.3940): model and release in the
	// DOCSIS sysDescr fields, DOCS-CABLE-DEVICE-MIB's serial.
	"cisco-epc": {"cisco-epc", "Cisco", "EPC3928AD", "241386327", "", "epc3928AD-ESIP-12-v302r125572-120524c", "router"},
	// Aironet APs on IOS: the K9W7 image names the access point, whose
	// platform (C1240) is no Catalyst or router word.
	"cisco-air-1240": {"cisco-ios", "Cisco", "AIR-AP1242AG-E-K9", "FTX1150B0KQ", "IOS", "12.4(25d)JA2", "access_point"},
	// fq116: was "AIRAP1141" (the registry's display form); now
	// "ciscoAIRAP1141", the CISCO-PRODUCTS-MIB label Cisco.php (ios)
	// translates the sysObjectID to where ENTITY names nothing.
	"cisco-air-1140-registry": {"cisco-ios", "Cisco", "ciscoAIRAP1141", "", "IOS", "15.3(3)JF15", "access_point"},
	// A DOCSIS cable modem, ARRIS's (arris-docsis-cm; generic-docsis-cm
	// reads any maker's alike): the sysDescr's MODEL and SW_REV,
	// DOCS-CABLE-DEVICE-MIB's serial. The model with its HW_REV as the
	// definition's class (ArrisCm.php) writes it, '<MODEL> (Rev: <HW_REV>)'
	// (before: the MODEL alone).
	"docsis-arris-tm822": {"arris-docsis-cm", "ARRIS", "TM822A (Rev: 6)", "4XF1A3BT2C81", "", "9.1.103S", "router"},
	// A DrayTek Vigor under net-snmp's sysObjectID: the sysDescr alone.
	// fq2: the model ' Series' and all, as the definition's (draytek)
	// pattern reads 'Router Model: <hardware>, Version:' (was "Vigor2927").
	"draytek-vigor-netsnmp": {"draytek-vigor", "DrayTek", "Vigor2927 Series", "", "DrayOS", "4.4.2", "router"},
	// Dell printers under their maker's sysObjectID (Xerox, Samsung): Dell
	// and the product in the sysDescr, the maker's firmware forms (the
	// Xerox-built models' engine release, as the definition dell-laser reads
	// it).
	"dell-laser-xerox-oem": {"dell-printer-oem", "Dell", "Color Laser 3110cn", "FJ3Y2G1", "", "04.08.00", "printer"},
	"dell-mfp-samsung-oem": {"dell-printer-oem", "Dell", "2335dn MFP", "8L1DW21", "", "2.11.01.08", "printer"},
	// A Cisco Small Business WAP under net-snmp's sysObjectID: detected by
	// its sysDescr, the ENTITY chassis row read (net-snmp says Linux).
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 1.0.6.5, not Linux's): an OS is named beside its own release only.
	"cisco-sb-wap-netsnmp": {"cisco-sb-wap", "Cisco", "WAP321", "PSZ18171B4K", "", "1.0.6.5", "access_point"},
	// A CIMC whose agent has no UCS compute board table: detected by the
	// sysDescr, the server in its brackets.
	// fq69: model UcsC220 (was UCSC-C220-M4S, the sysDescr's brackets):
	// the definition cimc (group cisco, no os module) states what the
	// shared Cisco OS discovery (Shared/Cisco.php) reads, with no ENTITY
	// rows the product its registration names (9.1.1682, ciscoUcsC220),
	// before the sysDescr it never reads for the hardware.
	// fq121: model UCSC-C220-M4S (was UcsC220): the newest cimc has an
	// os module (os_discovery cimc.yaml), which Cisco.php runs instead of
	// its own steps: the hardware is cucsComputeBoardModel.1/.0 alone,
	// none here; the server the sysDescr's brackets name is its own.
	"cisco-cimc-sysdescr": {"cisco-ucs-cimc", "Cisco", "UCSC-C220-M4S", "", "CIMC", "3.0(4d)", "bmc"},
	// A UISP Fiber OLT XGS (FASTPATH under 4413): Ubiquiti's, not
	// Broadcom's. fq60: ubiquiti-uisp-olt (was ubiquiti-edgeswitch), no
	// serial or release (were the FASTPATH inventory's F4E2C6A1B2C3 and
	// 2.1.0): the definition edgeosolt reads UBNT-UFIBER-MIB
	// ubntSerialNumber.0 and ubntVersion.0 (else its sysDescr's
	// 'v<n.n.n>'), which this walk does not answer, and no
	// agentInventoryGroup object.
	// fq67: the FASTPATH inventory's F4E2C6A1B2C3 and 2.1.0 again (were
	// none, 9093bea's no_fill): edgeosolt's objects answer none here, so
	// the definition states none (fields no measure counts), and the
	// unit's own serial and release follow them for the user's inventory.
	"uisp-fiber-olt": {"ubiquiti-uisp-olt", "Ubiquiti", "UISP Fiber OLT XGS", "F4E2C6A1B2C3", "UFiber", "2.1.0", "switch"},
	// A Catalyst IW9165 in URWB mode, which the ciscowap definition takes:
	// an access point, the model its registration names.
	"cisco-iw9165-urwb": {"cisco-sb-wap", "Cisco", "IW9165EURWB", "", "", "", "access_point"},
	// A DOCSIS modem under CableLabs' registration: the VENDOR field
	// names the maker.
	"docsis-ubee-cablelabs": {"docsis-cablelabs-registered", "Ubee", "DDW36C", "U3MN1A2B3C4D", "", "6.28.1014", ""},
	// DD-WRT: the release after "DD-WRT" in the distro extend, the board
	// from the hardware extend.
	"dd-wrt": {"linux-distro-extend", "", "Netgear R7000", "", "DD-WRT", "v3.0-r55460", "router"},
}

// TestCDFixtures checks each profile on its fixture: the winning profile
// and every field, with evidence (check).
func TestCDFixtures(t *testing.T) {
	checkFixtures(t, cdFixtureDir, cdCases)
}
