package fingerprints

import (
	"testing"
)

// ehFixtureDir holds walks written from the MIBs of the OS families from
// E to H (profiles/vendors-e-h.yaml and the profiles it extends).
const ehFixtureDir = "testdata/fixtures/e-h"

// ehCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var ehCases = map[string]want{
	// Edgecore ECS4120 (series MIB at 259.10.1.45): swProdName, unit 1's
	// serial, and its hardware revision and operation code version joined
	// as the definition's code (edgecos) states the release.
	"edgecore-ecs4120": {"edgecore-ecs", "Edgecore", "ECS4120-28Fv2-I", "EC2032000417", "", "R01 1.2.3.6", "switch"},
	// Edgecore ECS2100 (43) and ECS4100 (46): the same switchMgt layout.
	"edgecore-ecs2100": {"edgecore-ecs", "Edgecore", "ECS2100-28P", "EC1711002984", "", "1.2.2.25", "switch"},
	"edgecore-ecs4100": {"edgecore-ecs", "Edgecore", "ECS4100-28T", "EC1944001207", "", "1.2.76.216", "switch"},
	// Edgecore ES3528M-V2 (22) and the ES3510MA, whose module sits under
	// cheetahSwitchMgt (259.8.1.11).
	"edgecore-es3528mv2": {"edgecore-ecs", "Edgecore", "ES3528M-V2", "EC1150006612", "", "1.5.1.4", "switch"},
	"edgecore-es3510ma":  {"edgecore-ecs", "Edgecore", "ES3510MA", "A416034219", "", "1.4.2.3", "switch"},
	// Edgecore ECS4610-24F (module 259.10.1.5).
	"edgecore-ecs4610": {"edgecore-ecs", "Edgecore", "ECS4610-24F", "EC1109000874", "", "1.1.4.11", "switch"},
	// Edgecore ECS4620 (module 259.10.1.41).
	"edgecore-ecs4620": {"edgecore-ecs", "Edgecore", "ECS4620-28T", "EC1630002275", "", "1.2.1.9", "switch"},
	// Edgecore ECS5520 (module 259.10.1.51).
	"edgecore-ecs5520": {"edgecore-ecs", "Edgecore", "ECS5520-18X", "EC2248000139", "", "1.0.2.7", "switch"},
	// Edgecore ECS4650 (module 259.10.1.58).
	"edgecore-ecs4650": {"edgecore-ecs", "Edgecore", "ECS4650-54T", "EC2311000468", "", "1.1.3.2", "switch"},
	// Edgecore ECS4130 (module 259.10.1.53).
	"edgecore-ecs4130": {"edgecore-ecs", "Edgecore", "ECS4130-28T-AC", "EC2402001185", "", "1.0.5.12", "switch"},
	// Edgecore ECS5550 (module 259.10.1.62).
	"edgecore-ecs5550":  {"edgecore-ecs", "Edgecore", "ECS5550-30X", "EC2419000352", "", "1.0.1.14", "switch"},
	"edgecore-es3528mo": {"edgecore-ecs", "Edgecore", "ES3528MO", "A626061012", "", "1.4.8.1", "switch"},
	// Edgecore ECS4150 (module 259.10.1.55) and ECS4125 (57).
	"edgecore-ecs4150": {"edgecore-ecs", "Edgecore", "ECS4150-28P", "EC2501000733", "", "1.0.3.8", "switch"},
	"edgecore-ecs4125": {"edgecore-ecs", "Edgecore", "ECS4125-10P", "EC2509000061", "", "1.0.0.21", "switch"},
	// Edgecore ECS4530 (module 259.10.1.52).
	"edgecore-ecs4530": {"edgecore-ecs", "Edgecore", "ECS4530-54CSFP", "EC2447000296", "", "1.0.2.3", "switch"},
	// Edgecore ECS3610 (module 259.10.1.6): serial and release from the
	// module, the model from the sysDescr.
	"edgecore-ecs3610": {"edgecore-ecs", "Edgecore", "ECS3610-28T", "EC1036001529", "", "1.1.2.5", "switch"},
	// Edgecore ECS4210: the series module one level lower, at 42.101;
	// the release as the definition's code (edgecos) states it, unit 1's
	// hardware revision and operation code version.
	"edgecore-ecs4210": {"edgecore-ecs", "Edgecore", "ECS4210-28P", "EC1538001562", "", "R02 1.5.2.9", "switch"},
	// An EMC CLARiiON storage processor: hardware and FLARE release from
	// the sysDescr.
	"emc-flare": {"emc-flare", "Dell EMC", "CX4-240", "", "FLARE", "4.30.000.5.525", "storage"},
	// Ekinops 360: hardware and release from the sysDescr's fields, the
	// serial from the management card's inventory text.
	"ekinops-360": {"ekinops-360", "Ekinops", "C600HC", "19IT08471023", "", "6.4.4", "switch"},
	// A sysDescr without the fields: the active release of the software
	// inventory.
	"ekinops-360-swinv": {"ekinops-360", "Ekinops", "", "19IT08471577", "", "6.2.1", "switch"},
	// A Himoinsa genset controller: HIMOINSAv14-MIB's version integer
	// (the controller named in the sysDescr read by the fallback).
	"himoinsa-genset": {"himoinsa-genset", "Himoinsa", "CEA7", "", "", "14", "power"},
	// An Exalt ExtendAir radio: ExaltComProducts' radio information group.
	"exalt-extendair":   {"exalt-radio", "Exalt", "ExtendAir r5005", "EXR51234567", "", "2.3.11", "wireless"},
	"fortinet-fortiweb": {"fortinet-fortiweb", "Fortinet", "FortiWeb-1000D", "FV-1KD3A17000123", "FortiWeb", "6.3.11", "firewall"},
	// No system group: the model from the product registration.
	"fortinet-fortiweb-vm": {"fortinet-fortiweb", "Fortinet", "FortiWeb-VM", "FVVM040000012345", "FortiWeb", "", "firewall"},
	// fsaSysVersion whole, as the definition (fortisandbox) gives it (fpJ).
	// fq65: firewall (was appliance), as the definition fortisandbox types it.
	"fortinet-fortisandbox": {"fortinet-fortisandbox", "Fortinet", "FortiSandbox-1000F", "FSA1KFT319000123", "FortiSandbox", "v4.2.4,build0271 (GA)", "firewall"},
	// fvSysVersion whole, as the definition (fortivoice) gives it (fpJ).
	// fq65: firewall (was appliance), as the definition fortivoice types it.
	"fortinet-fortivoice": {"fortinet-fortivoice", "Fortinet", "FortiVoice-200F", "FVE2HF3919000456", "FortiVoice", "v6.4.5,build0402,210601", "firewall"},
	"hpe-ipdu":            {"hpe-ipdu", "HPE", "24a Intelligent Modular PDU", "2CJ2130123", "", "2.0.51.A", "pdu"},
	"hpe-mapdu":           {"hpe-power-module", "HPE", "G2 Metered/Switched 3Ph 14.4kVA PDU", "4CA9140123", "", "2.0.0.K", "pdu"},
	// An R/T UPS module: model and serial from upsIdentModel's fields.
	"hpe-rtups": {"hpe-power-module", "HPE", "R5500 XR", "B00123456W", "", "2.15", "ups"},
	// An Accton-style FS switch: FS-MIB's product name and unit 1.
	"fs-switch-fsmib": {"fs-com", "FS", "S3900-24T4S", "CG2004123456", "", "1.4.2.5", "switch"},
	// An eNexus controller: the power system's serial (SP2-MIB).
	"eltek-enexus": {"eltek-smartpack", "Eltek", "Smartpack2", "183100012345", "", "2.12", "power"},
	// Both serials and both versions answer: written as the definition's
	// templates (eaton-sc200) write them, the system serial (here left at
	// zeros) beside the controller's, the hardware revision beside the
	// software.
	"eaton-sc200": {"eaton-sc200", "Eaton", "APS6-500 48V", "System:0000000000 Product:1402123456", "", "HW:C SW:4.10", "power"},
	// The identity never set: no model from the default "System Type".
	// No hardware version: the definition's version_template written
	// with that side empty, as YamlOSDiscovery renders it (owner, session
	// 35; before, the software version alone).
	"eaton-sc200-default": {"eaton-sc200", "Eaton", "", "", "", "HW: SW:3.01", "power"},
	"eaton-pdu-mib":       {"eaton-pdu-mib", "Eaton", "", "ADF0912345", "", "01.01.07", "pdu"},
	// An agent answering PDU-MIB objectName: the model type.
	"eaton-pdu-mib-objectname": {"eaton-pdu-mib", "Eaton", "PW102MI0U154", "ADF1023456", "", "01.02.03", "pdu"},
	"eaton-matrix":             {"eaton-matrix", "Eaton", "Matrix 20kVA", "83A1500123", "", "1.05.02", "power"},
	// The version is the whole sysDescr, as the definition (ericsson-ipos)
	// reads it (fq5).
	"ericsson-ipos":    {"ericsson-ipos", "Ericsson", "6672 Router", "A401234567", "IPOS", "Ericsson IPOS Version IPOS-19.2.1.0.27-Release Built by sysbuild@SWB-node05 Thu Mar 5 10:12:33 PST 2020 Copyright (C) 1998-2020, Ericsson AB. All rights reserved", "router"},
	"fiberhome-an5516": {"fiberhome-an5516", "FiberHome", "AN5516-06", "", "", "RP1500", "switch"},
	// The release as the definition (firebrick) writes it: the word after
	// the sysDescr's last opening bracket, its V kept.
	"firebrick": {"firebrick", "FireBrick", "FB2900", "", "FireBrick", "V1.54.004", "router"},
	// An Eltex MES whose sysDescr does not name it: RADLAN rlPhdUnitGenParamModelName.
	// Its registration (MES2348B) is one the definition eltex-mes23xx
	// takes, which reads the unit's software version as features, no
	// version (was 4.0.18.2 under eltex-mes before fpL). fq98: os_version
	// "" -> 4.0.18.2 (eltex-mes23xx): the definition states no release, so no measure counts the field; the unit's own rlPhdUnitGenParamSoftwareVersion.1 follows for the user's inventory, no_fill dropped: the value is neither untrue nor another software's.
	"eltex-mes-modelname": {"eltex-mes23xx", "Eltex", "MES2348B", "ES5F012345", "", "4.0.18.2", "switch"},
	// HiOS's HM2-DEVMGMT-MIB: product description, serial, running image.
	// The release was "09.0.02"; now "HiOS 09.0.02", the running image's
	// as Hirschmann.php writes it ('HiOS ' and the release after the
	// train), the definition hirschmann's form (fq79).
	"hirschmann-hios-hm2": {"hirschmann-hios", "Hirschmann", "GRS1040-6T6ZTHH00Z9HHSE3AMR", "942135001000123456", "HiOS", "HiOS 09.0.02", "switch"},
	// A classic switch with PROFINET: the order ID before the group description.
	"hirschmann-classic-pnio": {"hirschmann-classic", "Hirschmann", "RS20-1600T1T1SDAPHH", "943434043000045678", "Classic", "09.1.00", "switch"},
	// A Ubiquiti EdgePoint on the Broadcom FASTPATH agent: Ubiquiti, not Broadcom.
	"ubiquiti-edgepoint": {"ubiquiti-edgeswitch", "Ubiquiti", "EdgePoint Switch 16-Port", "", "EdgeSwitch", "1.7.4.5075842", "switch"},
	// Web-managed HPE switches: the product number and release in sysDescr.
	"hpe-officeconnect":       {"hp-procurve", "HPE", "1820 24G J9980A", "", "OfficeConnect", "PT.02.09", "switch"},
	"aruba-instant-on-switch": {"hp-procurve", "HPE", "1930 24G 4SFP/SFP+ JL682A", "", "Instant On", "2.5.0.19", "switch"},
	// A GEIST-MIB-V3 unit: its climate sensor's serial.
	// fq59: no model (was Watchdog 100, productTitle): the definition
	// geist-watchdog, which takes this unit ('Geist Watchdog 100', not
	// RCM-O), reads no hardware, only productVersion.0 and climateSerial.1.
	// owner: the model the unit names itself (Watchdog 100) follows what its
	// definition reads (none there: a field no measure counts), for the
	// user's inventory (fq59's 91ad1db had left it empty).
	"geist-v3-climate": {"vertiv-geist", "Vertiv", "Watchdog 100", "2856A8D41000001F", "", "3.2.6", "sensor"},
	// An LTP-4X (35265.1.70) answering the LTP-8X standalone MIB's firmware
	// revision, as the eltex-olt poller reads it.
	// ltp8xFirmwareRevision as the definition (eltex-olt) cuts it (fpJ):
	// hardware all before the colon, version all after 'software version'.
	"eltex-ltp-4x": {"eltex-ltp", "Eltex", "LTP-4X rev.B", "", "", "3.44.1 build 55 on 2022-04-18 09:30", "switch"},
	"eltex-ltp":    {"eltex-ltp", "Eltex", "LTP-8X rev.C", "", "", "3.40.2 build 1234 on 2021-02-11 12:00", "switch"},
	// ENLOGIC-PDU2-MIB's columns, then ENLOGIC-PDU-MIB's on the same table.
	// A PDU2 unit (its pduNamePlateFirmwareVersion.1 a d.d.d release): the
	// part number is the hardware the definition (EnlogicPdu.php) writes
	// for those (fpM); before, the model number EN1141.
	"enlogic-pdu":            {"enlogic-pdu", "Enlogic", "EN1141-01", "ENL2017123456", "", "2.6.1", "pdu"},
	"enlogic-pdu-v1":         {"enlogic-pdu", "Enlogic", "EN1133", "ENL1512345678", "", "1.0.7", "pdu"},
	"eds-owserver":           {"eds-owserver", "Embedded Data Systems", "OW-SERVER-ENET-2", "", "", "1.37", "sensor"},
	"fortinet-fortiextender": {"fortinet-fortiextender", "Fortinet", "FXT201E", "FX201E5919000123", "FortiExtender", "7.0.3", "router"},
	// fapVersion whole, as the definition (fortiap) reads it (fpB: before,
	// 7.0).
	"fortinet-fortiap": {"fortinet-fortiap", "Fortinet", "FortiAP-231F", "FP231FTF21001234", "FortiAP", "FP231F-v7.0-build0066", "access_point"},
	"fs-gbn":           {"fs-gbn", "FS", "S3260-16T4FP", "G1RB19B000123", "", "2.2.0D Build 81283", "switch"},
	"fs-nmu":           {"fs-nmu", "FS", "M6200-NMU", "FNMU20190312001", "", "V2.6.0", "appliance"}, // V kept: fs-nmu reads softwareVersion.0 whole (fpU)
	// A Centec-based FSOS switch: the model in the sysDescr parentheses.
	"fs-centec": {"fs-com", "FS", "S5850-48B8C", "", "", "7.4.1.r1", "switch"},
	// UBNT-EdgeMAX-MIB's ubntModel names the router, before a generic
	// ENTITY chassis name; ubntVersion as the device writes it (edgeos).
	"ubiquiti-edgeos-entity": {"ubiquiti-edgeos", "Ubiquiti", "ER-4", "F09FC2123456", "EdgeOS", "v2.0.9-hotfix.6", "router"},
	// An EndRun Sonoma on a net-snmp agent: SONOMA-MIB's version string.
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 1.42, not Linux's): an OS is named beside its own release only.
	"endrun-sonoma": {"endrun", "EndRun Technologies", "Sonoma_D12", "", "", "1.42", "appliance"},
	// Families whose device-support definitions and MIBs read sensors
	// only: the maker and the kind of device from the registration.
	"ge-pulsar":      {"ge-pulsar", "GE", "", "", "", "", "power"},
	"gamatronic-ups": {"gamatronic-ups", "Gamatronic", "", "", "", "", "ups"},
	// A CS141 card on a UPS that reports its own firmware: the card's
	// release, as the device-support definition (generex-ups) reads it.
	// The release whole as the definition reads it, no regex (fq14; was
	// "2.06.1").
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release CS141 v2.06.1, not Linux's): an OS is named beside its own release only.
	"generex-cs141-ups-firmware": {"generex-cs141", "Online", "Zinto A 3000", "", "", "CS141 v2.06.1", "ups"},
	// An FS S3900-R (BDCOM's platform under FS's enterprise): the
	// NMS-CHASSIS card table, as the device-support definition (fs-bdcom)
	// reads it.
	"fs-bdcom-nms-chassis": {"fs-com", "FS", "S3900-24T4S-R", "G1PB2A1234567", "", "2.2.0F Build 127804", "switch"},
	// A Huawei UPS whose ESN scalar is a placeholder: the UPS system
	// table's row 1 ESN.
	// (The model UPS-MIB upsIdentModel, as the definition huaweiups reads
	// it: fq14; was the system table's UPS5000-E.)
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release V100R001C10B003SP00, not Linux's): an OS is named beside its own release only.
	"huawei-ups-table-esn": {"huawei-ups", "Huawei", "UPS5000", "2102310NYJ10EB000417", "", "V100R001C10B003SP00", "ups"},
	// An FS S5800 answering under Centec's enterprise (27975): the SWITCH
	// MIB's version object; the model the sysDescr names alone.
	// fq85: the version object whole, 'FSOS software, S5800 software,
	// Version 5.3.10.r1' (was 5.3.10.r1, the number a pattern cut from
	// it), as the definition fs-switch reads SWITCH::version.0 (newest
	// os_discovery/fs-switch.yaml: no version_regex; its older poller,
	// the same OID whole).
	"fs-switch-centec-enterprise": {"centec-switch", "Centec Networks", "S5800-48T4S", "", "", "FSOS software, S5800 software, Version 5.3.10.r1", "switch"},
	// An HPE Onboard Administrator: the enclosure row's firmware
	// (cpqRackCommonEnclosureFWRev.1), the object the device-support
	// definition (hpblmos) reads as the version (was 4.97, the manager
	// table's FWRev column, now read only where the enclosure's is
	// missing); never the module serial beside it.
	"hp-onboard-administrator-manager": {"hp-onboard-administrator", "HPE", "BladeSystem c7000 Enclosure G3", "CZ3415KJ2B", "Onboard Administrator", "4.85", "bmc"},
	// Endian Firewall on net-snmp: detected by its sysDescr; the host
	// profiles give the architecture and kernel release.
	// fq47: the OS Linux (was Endian Firewall): the release is the
	// kernel's, Linux's, not Endian Firewall's (as for Unitrends, 0f3d95e).
	"endian-firewall": {"endian-firewall", "Endian", "Generic x86 64-bit", "", "Linux", "3.10.0-862.11.6.el7.endian.x86_64", "firewall"},
}

// TestEHFixtures checks each profile on its fixture: the winning profile
// and every field, with evidence (check).
func TestEHFixtures(t *testing.T) {
	checkFixtures(t, ehFixtureDir, ehCases)
}
