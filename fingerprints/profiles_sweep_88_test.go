package fingerprints

import (
	"testing"
)

// sweep88FixtureDir holds small walks written from the vendor MIBs for
// fq88's sweep of long-tail families against the newest stored
// device-support definitions: detection and the objects, order and form
// each definition reads.
const sweep88FixtureDir = "testdata/fixtures/sweep-88"

// sweep88Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var sweep88Cases = map[string]want{
	// A Juniper WX on the registration the definition (jwos) detects it
	// by, 8239.1.2.9, whose sysDescr names no release: known by that
	// registration; the release and serial are jnxWxSysSwVersion and
	// jnxWxSysSerialNumber, as jwos reads them. Its hardware template
	// leaves regexp slashes in ("/jnxWx60 1.0/"), no value of the unit:
	// the product the sysDescr writes after the maker's name (the
	// generic sysDescr reading).
	"juniper-wx-registration": {"juniper-wx", "Juniper Networks", "WX60", "0060001234", "WX OS", "5.6.2.0", "appliance"},
	// jnxWxSysSwVersion whole before the sysDescr's release (jwos reads
	// the object; the sysDescr's '5.7.8.0_PD2' follows only where the
	// object is silent); the product the sysDescr names.
	"juniper-wxc-swversion": {"juniper-wx", "Juniper Networks", "WXC-590", "0590004321", "WX OS", "5.7.8.0", "appliance"},
	// An HPE MSA on the registration the definition (hpe-msa) detects it
	// by, 11.2.51, whose sysDescr names no product: known by that
	// registration; the hardware and serial are CPQSINFO-MIB
	// cpqSiProductName and cpqSiSysSerialNum, as hpe-msa reads them
	// (without the HPE the product is sold under), before FCMGMT-MIB's
	// connUnitProduct and connUnitSn; the release, which the definition
	// does not state, the revisions table's bundle row.
	"hpe-msa-cpqsinfo": {"hpe-msa", "HPE", "MSA 2050 SAN", "2S6A19B456", "", "VL270P002", "storage"},
	// cpqSiProductName before the sysDescr's product, cpqSiSysSerialNum
	// before connUnitSn, where all answer (hpe-msa reads the first).
	"hpe-msa-storageworks-cpqsinfo": {"hpe-msa", "HPE", "P2000 G3 iSCSI MSA Array Systems", "2S6B20C789", "", "TS252P005", "storage"},
	// An AMM whose sysDescr names the maker before the module: the
	// definition (ibm-amm) finds 'BladeCenter Advanced Management Module'
	// anywhere in it; BLADE-MIB's machine type-model, serial and build.
	"ibm-amm-descr-not-first": {"ibm-bladecenter-mm", "IBM", "8852-4TG", "23B5920", "AMM", "BPET64C", "bmc"},
	// A MINI-LINK Traffic Node (definition ericsson-tn): the hardware
	// ENTITY-MIB entPhysicalDescr.1, the release XF-SOFTWARE-MIB
	// xfSwReleaseRevision.1 whole, as ericsson-tn reads both; the
	// chassis row's serial, the unit's own.
	"ericsson-tn-release-whole": {"ericsson-minilink", "Ericsson", "MINI-LINK TN 20p", "T01F123456", "", "MINI-LINK_TN_4.1_R11A", "wireless"},
	// TRENDnet on 28866.2.49, the registrations the definition (trendnet)
	// detects: its hardware is the whole sysDescr, read first; the
	// release and serial, which it does not state, the switch's own
	// TRENDNET-SWITCH-COMMON-MIB comFirmwareVersion and comSerialNumber.
	"trendnet-definition-registration": {"trendnet", "TRENDnet", "TPE-5028WS", "CB1934500456", "", "1.00.012", "switch"},
	// The whole sysDescr where it says more than comModelName, as the
	// definition states the hardware.
	"trendnet-definition-descr-product": {"trendnet", "TRENDnet", "TEG-3102WS 10G Web Smart Switch", "CC2034500789", "", "1.01.003", "switch"},
	// An EndRun Sonoma on a sysObjectID the Linux agent's registration is
	// not: the definition (endrun) knows it by 'Sonoma_D12' in its
	// SONOMA-MIB version string alone; the product and release that
	// string writes.
	"endrun-sonoma-other-registration": {"endrun", "EndRun Technologies", "Sonoma_D12 GPS", "", "", "1.51", "appliance"},
}

func TestSweep88Fixtures(t *testing.T) {
	checkFixtures(t, sweep88FixtureDir, sweep88Cases)
}
