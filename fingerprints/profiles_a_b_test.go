package fingerprints

import (
	"testing"
)

// abFixtureDir holds walks written from the MIBs of the OS families A-B
// (profiles/vendors-a-b.yaml and the extensions of older profiles of those
// vendors).
const abFixtureDir = "testdata/fixtures/a-b"

// abCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var abCases = map[string]want{
	// A BNT switch module: the hardware after 'BNT' in the sysDescr, up to
	// 'Module'.
	"bnt-switch-module": {"bnt-switch-module", "Blade Network Technologies", "Layer 2/3 Copper Gigabit Ethernet Switch Module", "", "ENOS", "", "switch"},
	// An Alta Labs access point: hardware and release in the sysDescr.
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 1.1.9, not Linux's): an OS is named beside its own release only.
	"altalabs-ap": {"altalabs-ap", "Alta Labs", "AP6-Pro", "", "", "1.1.9", "access_point"},
	// A Barracuda WAF on net-snmp's registration: BWS-MIB serial and the
	// firmware version's first word.
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 12.1.0.007, not Linux's): an OS is named beside its own release only.
	"barracuda-waf": {"barracuda-waf", "Barracuda", "", "1653421", "", "12.1.0.007", "firewall"},
	// An Axis audio module: hardware and release from the sysDescr's
	// first and third fields, the maker's name dropped from the model.
	"axis-audio": {"axis-audio", "Axis", "C8033 Network IO Audio Module", "", "AXIS OS", "10.12.153", "appliance"},
	// An ADVA (MRV) OptiSwitch: hardware and release from the sysDescr,
	// the serial at 629.1.50.16.4.3.2.
	// The release with its build date, as the definition's pattern and
	// AdvaXg300.php keep it (fpZ).
	"adva-optiswitch": {"adva-optiswitch", "ADVA", "OptiSwitch XG304u", "ZB2316A0047", "OptiSwitch", "4_2_1 (08/11/2019)", "switch"},
	// An ALCOMA MP link: ALCOMA-MIB's terminal model, firmware and the
	// MW unit serial.
	"alcoma-mp": {"alcoma-mp", "ALCOMA", "AL18MP", "A18MP0617402", "", "4.8.2", "wireless"},
	// An ARRIS DSR-4410MD receiver: identUnitModel, the unit address as
	// the serial, the firmware version.
	"arris-dsr": {"arris-dsr", "ARRIS", "DSR4410MD", "000-03217-61544-137", "", "0x0C12", "appliance"},
	// ECI/Ribbon Apollo: the main shelf's type, the release as the
	// sysDescr prints it, with the 'Version# : <n>' counter the
	// definition's pattern keeps after it (fpZ).
	"eci-apollo": {"eci-apollo", "Ribbon", "OPT9624", "", "Apollo", "9.1.2 Version# : 37", "switch"},
	// An Advantech ICR-OS router: CONEL-INFO-MIB's product, serial and
	// firmware, the firmware with its build date: the definition (icr-os)
	// reads infoFirmware.0 whole (fpU; before, the date was dropped).
	"advantech-icr-os": {"advantech-icr-os", "Advantech", "ICR-3241", "ACZ1100000322017", "ICR-OS", "6.3.10 (2023-03-21)", "router"},
	// ALAXALA AX3630S: the AX3630S module's model enumeration and release.
	// Since fpT: no ROM version answered here, so Alaxala.php's
	// trim("<rom> SW <software>") is "SW 11.14.G".
	"alaxala-ax3630s": {"alaxala", "ALAXALA", "AX3630S-24T2X", "", "", "SW 11.14.G", "switch"},
	// Another series answers neither object: the product its sysObjectID names.
	"alaxala-ax2530s": {"alaxala", "ALAXALA", "AX2530S", "", "", "", "switch"},
	// An AX2530S answering its own MIB: the chassis type and the software
	// version (not the "<rom> SW <software>" the device-support code
	// writes).
	// An AX2230S (module AX1240S): its model type and software version.
	// Since fpT: no ROM version answered here, so Alaxala.php's
	// trim("<rom> SW <software>") is "SW 2.5.D".
	"alaxala-ax2230s": {"alaxala", "ALAXALA", "AX2230S-24P", "", "", "SW 2.5.D", "switch"},
	// An AX2130S: the chassis type of its first chassis row.
	"alaxala-ax2130s": {"alaxala", "ALAXALA", "AX2130S-24TH", "", "", "", "switch"},
	// An AX1250S (module AX1240S): its model type and software version.
	// Since fpT: no ROM version answered here, so Alaxala.php's
	// trim("<rom> SW <software>") is "SW 2.4.A".
	"alaxala-ax1250s": {"alaxala", "ALAXALA", "AX1250S-24T2CH", "", "", "SW 2.4.A", "switch"},
	// An AX1240S: its model type and software version.
	// Since fpT: no ROM version answered here, so Alaxala.php's
	// trim("<rom> SW <software>") is "SW 2.3.C".
	"alaxala-ax1240s": {"alaxala", "ALAXALA", "AX1240S-48T2C", "", "", "SW 2.3.C", "switch"},
	// An AX2130S answering its model type and software version.
	// Since fpT: no ROM version answered here, so Alaxala.php's
	// trim("<rom> SW <software>") is "SW 2.10.A".
	"alaxala-ax2130s-model": {"alaxala", "ALAXALA", "AX2130S-16PZ", "", "", "SW 2.10.A", "switch"},
	// An AX3660S (module AX3660S): its model type and software version.
	// Since fpT: no ROM version answered here, so Alaxala.php's
	// trim("<rom> SW <software>") is "SW 12.1.F".
	"alaxala-ax3660s": {"alaxala", "ALAXALA", "AX3660S-48X4QW", "", "", "SW 12.1.F", "switch"},
	// An AX4630S answering only its chassis type and software version.
	// Since fpT: no ROM version answered here, so Alaxala.php's
	// trim("<rom> SW <software>") is "SW 11.14.D".
	"alaxala-ax4630s-chassis": {"alaxala", "ALAXALA", "AX4630S-4M", "", "", "SW 11.14.D", "switch"},
	// An AX3830S (module AX3630S): its model type and software version.
	// Since fpT: no ROM version answered here, so Alaxala.php's
	// trim("<rom> SW <software>") is "SW 11.11.C".
	"alaxala-ax3830s": {"alaxala", "ALAXALA", "AX3830S-44X4QW", "", "", "SW 11.11.C", "switch"},
	// An AX3650S (module AX3630S): its model type and software version.
	// Since fpT: no ROM version answered here, so Alaxala.php's
	// trim("<rom> SW <software>") is "SW 11.10.E".
	"alaxala-ax3650s": {"alaxala", "ALAXALA", "AX3650S-48T4XW", "", "", "SW 11.10.E", "switch"},
	// An AX3640S answering only its chassis type and software version.
	// Since fpT: no ROM version answered here, so Alaxala.php's
	// trim("<rom> SW <software>") is "SW 11.7.D".
	"alaxala-ax3640s-chassis": {"alaxala", "ALAXALA", "AX3640S-24T2XW", "", "", "SW 11.7.D", "switch"},
	// Since fpT the version as Alaxala.php writes it for the AX2530S:
	// "<ax2530sRomVersion> SW <ax2530sSoftwareVersion>" (alaxala.yaml has
	// no os section any more).
	"alaxala-ax2530s-chassis": {"alaxala", "ALAXALA", "AX2530S-48T2X", "", "", "1.0.4 SW 4.10.B", "switch"},
	// 2N IP intercom: product, serial and firmware at 6530.11, unquoted.
	"2n-ip-intercom": {"2n-ip-intercom", "2N", "IP Force", "54-0880-2424", "", "2.22.0.31.8", "phone"},
	// Apple AirPort: AIRPORT-BASESTATION-3-MIB's firmware version; the
	// sysDescr names no product.
	"apple-airport": {"apple-airport", "Apple", "", "", "", "7.6.4", "access_point"},
	// Telco Systems 738.10 line: product, serial and release, unquoted.
	"telco-systems-batm": {"telco-systems-batm", "Telco Systems", "T-Marc 3312SC", "TM3312A7654321", "BiNOX", "7.1.4", "switch"},
	// Allied Telesis TQ access point: model and release in the sysDescr.
	"allied-tq": {"allied-tq", "Allied Telesis", "AT-TQ4600", "", "", "4.1.2.B04", "access_point"},
	// ADVA FSP 3000 ALM: ADVA-FSP3000ALM-MIB's shelf group.
	"adva-alm": {"adva-alm", "ADVA", "ALM-8-PORT", "FA51234567890", "", "1.3.2", "appliance"},
	// Avocent MergePoint Unity: model and serial in the sysDescr.
	"avocent-mergepoint": {"avocent-mergepoint", "Avocent", "MPU2032", "0520123456", "", "", "appliance"},
	// BTI SA-800: BTI8xx-SYSTEM-MIB systemInfo and the base FRU's serial.
	// The product name and systemHWVersion.0 joined, the hardware template
	// of the definition (bti800) (fq4; before, the product name alone).
	"bti-sa800": {"bti-sa800", "BTI Systems", "SA-800E R1.0", "BT1523A00123", "", "3.4.1", "switch"},
	// Array Networks APV: platform and release in the sysDescr,
	// CA-SNMP-MIB8 serialNumber.
	"array-networks-apv": {"array-networks", "Array Networks", "APV5800", "0412A5800123", "ArrayOS", "8.6.1.56", "load_balancer"},
	// Avocent ACS 6000: ACS6000-MIB's acsAppliance group, not the host
	// name at its first object.
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 3.6.0.12, not Linux's): an OS is named beside its own release only.
	"avocent-acs6000": {"avocent-acs", "Avocent", "ACS6048", "0120334567", "", "3.6.0.12", "appliance"},
	"cisco-apic":      {"cisco-apic", "Cisco", "APIC-SERVER-M3", "FCH2301V1XY", "APIC", "5.2(7f)", "appliance"},
	"cisco-acs":       {"cisco-acs", "Cisco", "CSACS-3415-K9", "FCH1633V0QZ", "ACS", "5.8.0.32", "appliance"},
	"calix-axos":      {"calix-axos", "Calix", "E9-2", "CXNK00A1B2C3", "AXOS", "", "switch"},
	"ats-mib-switch":  {"ats-mib-switch", "Example Power", "ATS-32A-R", "2104ATS00123", "", "1.2.8", "power"},
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 4.10, not Linux's): an OS is named beside its own release only.
	"buffalo-nas": {"buffalo-nas", "Buffalo", "TeraStation TS5410DN", "", "", "4.10", "storage"},
	"aviat-wtm":   {"aviat-wtm", "Aviat Networks", "WTM4200-1000", "AV19320045", "", "4.3.1", "wireless"},
	// The software version whole, as the definition (abbups) reads it
	// (before, without its V).
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release V2.04, not Linux's): an OS is named beside its own release only.
	"abb-ups": {"abb-ups", "ABB", "PowerValue 11RT 10kVA", "", "", "V2.04", "ups"},
	// The version as the definition (ascom) takes it, the sysDescr's
	// IPBS2 and Bootcode fields whole (before: the release alone).
	"ascom-ipbs": {"ascom-ipbs", "Ascom", "IPBS2-A1/2", "", "", "IPBS2[11.2.4], Bootcode[11.2.4]", "access_point"},
	// The running software object whole, as the definition binos reads
	// it with no pattern (fq92: was "6.2.1", its dotted number alone; now
	// "BiNOS 6.2.1", the value as the fixture writes it).
	"telco-systems-binos": {"telco-systems-binos", "Telco Systems", "T-Marc 340", "TM340A1234567", "BiNOS", "BiNOS 6.2.1", "switch"},
	// An APC EMU2 whose sysDescr names no model: emsIdentProductNumber.
	// An APC UPS card whose sysDescr has no AF1: the application's release
	// from the card's firmware table (row 2), not the UPS's own firmware.
	"apc-ups-firmware-table": {"apc-ups", "APC", "Smart-UPS SRT 3000 UPS 16.5 (ID1008)", "AS1934123456", "AOS", "AOS v6.8.2 / App v6.8.4", "ups"}, // the model, serial and release as the definition (apc: Apc.php) reads them
	// An AP9606 card's embedded agent ('..., SN: WA0033001234)') answering
	// no ident group: the serial from the sysDescr without the closing
	// parenthesis (the family's registration, smartUPS, names no model),
	// the release the agent's 'SW v2.2'.
	"apc-nmc-embedded-agent": {"apc-nmc", "APC", "Embedded PowerNet SNMP Agent", "WA0033001234", "AOS", "2.2", "ups"}, // the model, serial and release as the definition (apc: Apc.php) reads them
	// emsIdentFirmwareRev whole ('v' kept), as the definition aos-emu2
	// reads it (fq12). The fixture sat on 318.1.3.8.9, which PowerNet-MIB
	// does not register (monitors 318.1.3.8 holds environmental .1,
	// environmentalMgtSystem .2, emu2 .3 and mem .4 only): an AP9340
	// Environmental Management System answers environmentalMgtSystem, one
	// of the two registrations the definition aos-emu2 detects the EMS and
	// EMU2 by, so it is apc-emu2's now (fq20; was apc-environmental with
	// 'AP9340'), the model the definition's template 'emsIdentProductNumber
	// emsIdentHardwareRev'.
	"apc-emu2-product": {"apc-emu2", "APC", "AP9340 1", "ZA1834012345", "AOS", "v1.0.3", "sensor"},
	// An ADVA AOS shelf: the chassis entPhysicalName and RMON's
	// probeSoftwareRev. (With ENTITY row 1's hardware revision, as the
	// definition (adva-aos) templates the hardware '<name> rev<revision>':
	// fq21; was "TeraFlex".)
	"adva-aos-entity-name": {"adva-fsp", "ADVA", "TeraFlex rev1.0", "FA71234567890", "", "3.2.1", "switch"},
	// fq73: release 'Ver 1.2.6' (was '1.2.6'): the definition apc-epdu's
	// os module reads ePDUDeviceStatusVersion.1 whole, no version_regex.
	"apc-epdu": {"apc-epdu", "APC", "EPDU1016B", "5A2118E01234", "", "Ver 1.2.6", "pdu"},
	// An ePDU whose status table has no version: the firmware at the
	// agent's 1.3.6.1.4.1.1.1.38.1, as the device-support definition reads it.
	// (fq73: the stored definition apc-epdu (2c5fecf) reads
	// ePDUDeviceStatusVersion.1 alone, so it states none here; the
	// unit's own firmware follows; unchanged.)
	"apc-epdu-version-arc": {"apc-epdu", "APC", "EPDU1132M", "5A2241E04512", "", "1.3.0", "pdu"},
	// AIX: IBM-AIX-MIB's machine type and serial, without "IBM,".
	"ibm-aix-semachine": {"ibm-aix", "IBM", "8286-42A", "0221A2B3C", "AIX", "7.2.5.0", "server"},
	"bintec-brick":      {"bintec-brick", "bintec", "be.IP plus", "BEIP1920123456", "", "10.2", "router"},
	"apc-cpdu":          {"apc-cpdu", "APC", "APDU10150SW-NA", "3A2215P01234", "AOS", "1.3.4.1", "pdu"},
	// commonVendorInfo whole, as the definition (alpha-power) takes it
	// (fq4; before, cut to its dotted number).
	"alpha-power":        {"alpha-power", "Alpha Technologies", "XM3-915HP", "0301A21234", "", "DSM3x firmware 5.12.3", "power"},
	"scte-hms-common":    {"scte-hms-common", "BKtel", "OA-2400", "BK18110023", "", "", ""},
	"radware-apsoluteos": {"radware-apsoluteos", "Radware", "DefensePro x412", "RD16B0123456", "APSolute OS", "8.22.2.0", "firewall"},
	// AudioCodes whose sysDescr names neither product nor release:
	// AC-SYSTEM-MIB's acSysId group.
	"audiocodes-acsys": {"audiocodes", "AudioCodes", "Mediant 800", "9123456", "", "7.40A.100.016", "appliance"},
	// AlliedWare Plus without an ENTITY-MIB chassis: AT-RESOURCE-MIB's
	// base board and AT-SETUP-MIB's currSoftVersion.
	"allied-awplus-resource": {"allied-telesis", "Allied Telesis", "x230-28GP", "A04835F163900006", "AlliedWare Plus", "5.4.9-2.3", "switch"},
	"arista-mos":             {"arista-mos", "Arista Networks", "MetaWatch 48", "", "MOS", "0.39.3", "switch"},
	// The version is the whole sysDescr, its V kept, as the definition's
	// class (Anyos.php) sets it (before: without the V).
	"zyxel-anyos": {"zyxel-anyos", "Zyxel", "", "S190Y47012345", "AnyOS", "V5.50(AAJZ.9)C0", "router"},
	// An OmniStack LS: the Radlan agent's stack product id; release and
	// serial from the Radlan unit table.
	"ale-omnistack-ls": {"ale-omniswitch", "Alcatel-Lucent Enterprise", "OS-LS-6224", "M2Y0123456", "AOS", "1.1.2.1", "switch"},
	"arris-cmts":       {"arris-cmts", "ARRIS", "C4c", "", "", "08.03.03.09", "router"},
	"benu-benuos":      {"benu-benuos", "Benu Networks", "MEG-1200", "BN1200A0042", "BenuOS", "5.2.1-R2", "router"},
	"advantech-eki":    {"advantech-eki", "Advantech", "EKI-7712G-4FI", "", "", "1.02.11", "switch"},
	// AlliedWare Plus 2.x (8100S): the product row at 207.8.17.1.3.1.
	// Since fpT the version as Allied.php writes it where product and
	// software answer: 'Plus ' and the software version.
	"allied-awplus2": {"allied-telesis", "Allied Telesis", "AT-8100S/48POE", "A045B8109000012", "AlliedWare Plus", "Plus 2.2.3.0", "switch"},
	// A legacy AlliedWare switch ('CentreCOM 9924Ts, version 3.2.1-04'):
	// AT-INTERFACES-MIB board 1's name and serial, the sysDescr's release.
	"allied-alliedware-arboard": {"allied-telesis", "Allied Telesis", "AT-9924Ts", "P2MB8702M", "", "3.2.1-04", "switch"},
	// An AT-S39 switch (AT-8024GB): AtiSwitch-MIB's product type and
	// software version.
	"allied-ats39": {"allied-telesis", "Allied Telesis", "AT-8024GB", "", "", "3.3.0", "switch"},
	// An AT-S41 switch: AtiL2-MIB's product and the release in its
	// software version ('AT-S41 v1.1.6 ').
	// Since fpT atiL2SwVersion whole, as Allied.php reads it. The class
	// puts 'Plus ' before it where atiL2SwProduct answers (to show
	// 'Alliedware Plus'); fpW: not stated, AT-S41 is not AlliedWare Plus.
	"allied-ats41": {"allied-telesis", "Allied Telesis", "AT-8326GB", "", "", "AT-S41 v1.1.6", "switch"},
	// A WebSmart switch: the hardware the sysDescr begins with, the
	// firmware at swhub.167.81.1.3.0.
	// Since fpT: 'WebSmart ' and the firmware, as Allied.php writes it.
	"allied-websmart": {"allied-telesis", "Allied Telesis", "AT-GS950/24", "", "", "WebSmart 1.0.0.34", "switch"},
	// An airFiber LTU on the net-snmp Linux sysObjectID. Since fq7:
	// afLTUFirmwareVersion whole, 'v' kept, as airos-af-ltu reads it.
	"ubiquiti-airfiber-agent": {"ubiquiti-airfiber-agent", "Ubiquiti", "AF-LTU5", "", "airFiber", "v2.1.1", "wireless"},
	"cisco-acano":             {"cisco-acano", "Cisco", "", "", "Cisco Meeting Server", "3.6.1", "appliance"},
	// A DSM3x transponder without SCTE identity objects: the DOCSIS-style
	// sysDescr.
	"alpha-dsm3x": {"alpha-power", "Alpha Technologies", "DSM3x", "", "", "1.7.2", "power"},
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 1.1.2, not Linux's): an OS is named beside its own release only.
	"altalabs":        {"altalabs", "Alta Labs", "S24-POE", "", "", "1.1.2", "switch"},
	"arris-bcs-ident": {"arris-bcs-ident", "ARRIS", "APEX1000", "JAB3291045", "", "2.12.14", "appliance"},
	// The card's application firmware whole ('v6.1.3'), as Apc.php reads
	// every PowerNet family (fq4; before, without its 'v').
	"apc-isx-modular-pdu":   {"apc-isx-modular-pdu", "APC", "PDPM277H", "PD0917001234", "AOS", "v6.1.3", "pdu"},
	"bdt-flexstor":          {"bdt-flexstor", "BDT", "FlexStor II 2U", "DE91200123", "", "6.42", "storage"},
	"bats-aats":             {"bats-aats", "BATS", "AATS-5", "10452", "", "3.2.1", "wireless"},
	"exterity-avediaplayer": {"exterity-avediaplayer", "Exterity", "AvediaPlayer r9500", "", "", "3.14.2", "appliance"},
	// A Barracuda web application firewall: BWS-MIB's firmware and serial.
	"barracuda-waf-bws": {"barracuda", "Barracuda", "", "BAR-WF-1234567", "", "11.0.0.011", "appliance"},
	"haproxy-aloha":     {"haproxy-aloha", "HAProxy Technologies", "ALB5100", "", "ALOHA", "13.5.12", "load_balancer"},
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 3.05.00, not Linux's): an OS is named beside its own release only.
	"asrockrack-bmc": {"asrockrack-bmc", "ASRock Rack", "AM5D4ID-2T/BCM", "AR24M0001234", "", "3.05.00", "bmc"},
	// An A10 whose sysDescr names no ACOS release: A10-AX-MIB's
	// axSysPrimaryVersionOnDisk and axSysSerialNumber.
	"a10-acos-axsys": {"a10-acos", "A10 Networks", "", "TH10A51192010042", "ACOS", "4.1.4-GR1-P12", "load_balancer"},
	// BDCOM switches and OLTs: NMS-CHASSIS nmscardTable when the
	// sysDescr names no model, and the sysDescr's "Serial num:".
	// fq54: nmscardDescr whole, as the definition (bdcom) reads
	// nmscardDescr.1 with no regex (was its first word, S2528-B); the
	// pattern's serial is [0-9]+, so '3310D1234567' gives no serial (it
	// would capture a truncated 3310; was the whole word).
	"bdcom-nmscard": {"bdcom", "BDCOM", "S2528-B mother card", "28120330417", "", "2.2.0F", "switch"},
	// owner: where the definition's pattern gives nothing (it then states
	// none, a field no measure counts), what the sysDescr itself writes
	// follows for the user's inventory (after fq54's 96bec81).
	"bdcom-serial-sysdescr": {"bdcom", "BDCOM", "P3310D", "3310D1234567", "", "10.1.0F Build 51258", "appliance"},
	// Accedian: ACD-DESC-MIB's acdDesc group.
	// The firmware object whole, as the definition (aen) reads it with no
	// pattern (before, without its AEN_ prefix).
	"accedian-aen": {"accedian-aen", "Accedian", "AMO-10000-LT-S", "G080-0157", "", "AEN_7.3.2_22453", ""},
	// An Alvarion Breeze radio: its sysDescr.
	"alvarion-breeze": {"alvarion-breeze", "Alvarion", "BreezeACCESS VL", "", "", "4.0.28", "wireless"},
	// Arrcus ArcOS: release from sysDescr, model and serial from the one
	// ENTITY row the agent fills. The model was "S9600-72XC"; it is now
	// "UfiSpace S9600-72XC", the definition arcos's hardware_template
	// '{{ entPhysicalMfgName.169856 }} {{ entPhysicalModelName.169856 }}'
	// (fq87).
	"arrcus-arcos": {"arrcus-arcos", "Arrcus", "UfiSpace S9600-72XC", "WB31234567890", "ArcOS", "5.2.1B.R1", "router"},
	// Allworx: the sysDescr names the product, sysName is the serial,
	// applVersion.1 the release.
	"allworx-voip": {"allworx-voip", "Allworx", "Connect 536", "003AB1234567", "", "8.5.10.3", "phone"},
	// ASUSWRT-Merlin: board and release from the distro script's UCD exec
	// line (2021.7890.1), not the kernel.
	"asuswrt-merlin": {"linux-distro-extend", "ASUS", "RT-AC86U", "", "ASUSWRT-Merlin", "386.1_2", "router"},
	// A BeagleBoard: the image named after "BeagleBoard.org" in the distro
	// extend is the version, the hardware extend the model.
	// A BKtel optical amplifier: module type and release at the
	// definition's instances.
	"bktel-oa": {"bktel-oa", "BKtel", "OA-862-22", "", "", "2.4.1", "appliance"},
	// An Inovonics AARON 650 whose sysName is the station's: the model
	// from its registration, serial and firmware from the product group.
	"inovonics-aaron": {"inovonics-aaron", "Inovonics", "AARON 650", "650-10234", "", "1.4.2", "appliance"},
	// Albentia: ALBENTIA-AS-MIB's basic information group.
	"albentia": {"albentia", "Albentia", "ARBA-550", "00:1B:C5:0A:12:34", "", "3.4.1", "wireless"},
	// Alpine OptoElectronics: platform, serial and firmware in the sysDescr.
	"alpineoe-tdcmedfa": {"alpineoe-tdcmedfa", "Alpine OptoElectronics", "MSM-TE-1U", "AOE2104001", "", "1.2.7", "appliance"},
	// A Baicells CPE behind net-snmp's sysObjectID: BAICELLS-MIB deviceInfo.
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release BCE-OD04-2.5.4, not Linux's): an OS is named beside its own release only.
	"baicells-cpe": {"baicells-cpe", "Baicells", "OD04-B", "1202000741185JB0012", "", "BCE-OD04-2.5.4", "router"},
	// Armis: the APP_VERSION extend under the agent's own root; Debian
	// from the kernel build. fq37 (after 4a5c98b): no model (was "Generic
	// x86 64-bit"): the definition's os module leaves Shared\Unix's
	// architecture reading unread, and no vendor agent or hardware extend
	// answers.
	// fq40: no OS (was Debian, the agent's host system's, beside the product's own
	// release 24.3.1, not Debian's): an OS is named beside its own release only.
	"armis":       {"armis", "Armis", "", "", "", "24.3.1", "appliance"},
	"beagleboard": {"linux-distro-extend", "", "TI AM335x BeagleBone Black", "", "BeagleBoard.org", "Debian Image 2020-04-06", "server"},
}

// TestABFixtures checks each A-B profile on its fixture: the winning
// profile and every field, with evidence (check).
func TestABFixtures(t *testing.T) {
	checkFixtures(t, abFixtureDir, abCases)
}
