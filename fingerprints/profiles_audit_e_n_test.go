package fingerprints

import (
	"testing"
)

// auditENFixtureDir holds small walks written from the vendor MIBs for the
// audit of families (device-support names from e to n) an earlier pass
// judged covered: each shows a sysObjectID arc, sysDescr shape or object
// the full definition names and our profile missed.
const auditENFixtureDir = "testdata/fixtures/audit-e-n"

// auditENCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var auditENCases = map[string]want{
	// hiveos-wireless detects HiveOS APs by the sysDescr alone, whatever
	// the sysObjectID; Extreme's releases name the software IQ Engine.
	"aerohive-iq-engine-other-arc": {"aerohive-hiveos", "Aerohive", "AP305C", "03051912004488", "HiveOS", "10.4r1", "access_point"},
	// hpblmos: the Onboard Administrator's registration alone, its
	// sysDescr naming the enclosure.
	"hp-oa-registration": {"hp-onboard-administrator", "HPE", "BladeSystem c7000 Enclosure G3", "CZ3521TFHK", "Onboard Administrator", "4.85", "bmc"},
	// fortigate also names 12356.15 (FortiOS 2.80/3.0): FORTINET-MIB-280's
	// fnSysSerial and fnSysVersion, no model from its fnBridge registration.
	"fortigate-fortios3": {"fortinet-fortigate", "Fortinet", "", "FGT60B3908612345", "FortiOS", "3.00", "firewall"},
	// merakims, merakimr: Meraki's product registrations (29671.2) whatever
	// the sysDescr says; 29671.2.388 is a switch the MIB does not name.
	"meraki-ms-registration": {"cisco-meraki", "Cisco", "", "", "Meraki", "", "switch"},
	"meraki-mr-registration": {"cisco-meraki", "Cisco", "MR11", "", "Meraki", "", "access_point"},
	// grandstream-ht: HT ATAs on net-snmp's Linux arc, Grandstream's
	// serial and core firmware version, not the kernel's release.
	// The version as the definition's template writes it ('Core: <core>,
	// Base: <base>', fq5).
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release Core: 1.0.43.11, Base: 1.0.43.11, not Linux's): an OS is named beside its own release only.
	"grandstream-ht-linux": {"grandstream", "Grandstream", "HT814", "20EZ7TDK90481A2C", "", "Core: 1.0.43.11, Base: 1.0.43.11", "appliance"},
	// grandstream-gxw: GXW gateways alike; a Linux sysDescr's four-part
	// kernel release is no firmware version.
	"grandstream-gxw-linux": {"grandstream", "Grandstream", "GXW4216", "", "Linux", "", "appliance"},
	// jetdirect: sysObjectID 11.1 exactly; HP-LASERJET-COMMON-MIB model-name
	// and serial-number. No OS: the P3015 predates FutureSmart and no
	// fw-rom-revision in FutureSmart's bundle form says otherwise (was
	// FutureSmart for every HP printer; fq25).
	"hp-jetdirect-hp-arc": {"hp-printer", "HP", "LaserJet P3015", "VNB3R12345", "", "JSI24090", "printer"},
	// konica: 'konica minolta' in lower case too, on HP's JetDirect arc.
	"konica-lower-case": {"konica-minolta-printer", "Konica Minolta", "bizhub C300i", "", "", "", "printer"},
	// fs-switch also names 51134 (JWIPC): FS-MIB swProdName, swOpCodeVer
	// and swSerialNumber of unit 1.
	"fs-switch-jwipc-arc": {"fs-com", "FS", "S3900-24T4S", "CG2103251234", "", "2.2.0D Build 83021", "switch"},
	// fs-nmu: an agent answering sysObjectID's own OID; OAP-NMU deviceType,
	// serialNumber and softwareVersion.
	"fs-nmu-self-sysobjectid": {"fs-nmu", "FS", "OAP-C5-NMU", "NMU2204001785", "", "V2.1.6", "appliance"}, // V kept: fs-nmu reads softwareVersion.0 whole (fpU)
	// ibm-imm: IMM-MIB's registration where no VPD object answers.
	"ibm-imm-registration": {"ibm-imm", "IBM", "", "", "IMM", "", "bmc"},
	// ibmtl: the 3584's sysDescr on SNIA's arc, the machine type it names.
	"ibm-3584-sysdescr": {"ibm-tape-library", "IBM", "3584", "", "", "", "storage"},
	// linksys-ss: the smart switches' arc alone, the product the sysDescr
	// names where the Radlan unit table does not answer.
	"linksys-ss-arc": {"linksys-ss", "Linksys", "LGS326-24P", "", "", "", "switch"},
	// mcafeewebgateway: its registration and kProductName; no release from
	// the Linux kernel's.
	// fq65: firewall (was appliance), as the definition mcafeewebgateway types it.
	"mcafee-mwg-registration": {"mcafee-web-gateway", "McAfee", "Web Gateway", "", "Web Gateway", "", "firewall"},
	// janitza: a sysDescr naming Janitza on any arc, the UMG it names.
	"janitza-umg604-descr": {"janitza-umg", "Janitza", "UMG 604-PRO", "", "", "", "power"},
	// microsemipdsine: the PowerDsine registrations (7428.1.1.1) whatever
	// the sysDescr says.
	"microsemi-pdsine-arc": {"microsemi-pdsine", "Microsemi", "9024GM", "", "", "", "power"},
	// himoinsa-gensets: the C2LAN card's sysDescr on another arc;
	// HIMOINSAv14-MIB's firmware version.
	"himoinsa-c2lan-descr": {"himoinsa-genset", "Himoinsa", "", "", "", "14", "power"},
	// netmanplus: a NetMan Plus card's sysDescr on UPS-MIB's arc; UPS-MIB's
	// identity as on Riello's own. The model is the whole sysDescr, the
	// card, as the definition (netmanplus os_discovery: sysDescr_regex
	// '(?<hardware>.*)') reads it (fq15; was upsIdentModel, "MST 60").
	"riello-netman-plus-descr": {"riello-netman", "Riello", "NetMan 204 plus", "UT2203104422", "", "SWM045-01-bb", "ups"},
	// fortiauthenticator: releases before 6.0 on net-snmp's arc, known by
	// the sysDescr; no kernel release or host architecture filled in.
	// fq65: firewall (was appliance), as the definition fortiauthenticator types it.
	"fortiauthenticator-netsnmp": {"fortinet-fortiauthenticator", "Fortinet", "", "", "FortiAuthenticator", "", "firewall"},
}

// TestAuditENFixtures checks each profile on its fixture: the winning
// profile and every field, with evidence (check).
func TestAuditENFixtures(t *testing.T) {
	checkFixtures(t, auditENFixtureDir, auditENCases)
}
