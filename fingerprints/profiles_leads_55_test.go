package fingerprints

import (
	"testing"
)

// leads55FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq55's leads: overlaps between profiles
// and sysDescr shapes, each read against the device-support definition
// that detects it.
const leads55FixtureDir = "testdata/fixtures/leads-55"

// leads55Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads55Cases = map[string]want{
	// A cnWave 60 node whose sysDescr ends in a line break: the
	// definition cnwave60's one pattern '^Cambium cnWave (?<hardware>.*)
	// (?:Client|Distribution) Node, Version (?<version>.*)$' (PCRE: '$'
	// before a final line break) holds, hardware and release.
	"cnwave60-trailing-newline": {"cambium-cnwave60", "Cambium Networks", "V3000", "", "cnWave", "1.2.2.1", "wireless"},
	// A cnWave 60 node whose sysDescr goes on to a second line: the
	// pattern does not hold ('.' stops at the line break, '$' is not
	// there), so neither hardware nor release (was the release joined
	// with the next line, '1.2.2.1 Terragraph build 2023.04.11').
	// fq66: was no hardware and no release (fq55's no_fill); now the first
	// line's product and release, the device's own, after the pattern (the
	// definition states none there, a field no measure counts; no_fill
	// only against an untrue value).
	"cnwave60-second-line": {"cambium-cnwave60", "Cambium Networks", "V5000", "", "cnWave", "1.2.2.1", "wireless"},
	// A UniFi Cloud Gateway on net-snmp's registration, 'Ubiquiti UniFi
	// UCG-Ultra <release> Linux <kernel> <SoC>': the definition edgeswitch
	// detects it ('^Ubiquiti UniFi UCG-', any enterprise registration),
	// whose sysDescr pattern (anchored on EdgeSwitch, EdgePoint Switch or
	// US) reads neither hardware nor release from it;
	// entPhysicalSerialNum.1 the serial. Was a Linux server.
	// owner: the product code the sysDescr names (UCG-Ultra), which the
	// definition's pattern never reads (a field no measure counts), for
	// the user's inventory (fq55's aa5958d had left it empty).
	// fq67: 4.0.21 (was none): the UniFi OS release the line writes after
	// the product code, which the definition's pattern never reads (a
	// field no measure counts), for the user's inventory; never the
	// kernel's 5.4.213.
	"unifi-ucg-net-snmp": {"ubiquiti-unifi-gateway", "Ubiquiti", "UCG-Ultra", "E43883A1B2C5", "UniFi", "4.0.21", "router"},
	// A UniFi switch whose sysDescr is its product code alone, on
	// Broadcom's 4413: definition edgeswitch ('^USW[ -]'), whose pattern
	// wants a space and a release after the name, so no hardware or
	// release; entPhysicalSerialNum.1. Was Broadcom, FASTPATH.
	// fq67: USW-Flex-Mini (was none): the definition states no hardware
	// (a field no measure counts), so the product code the sysDescr is
	// follows for the user's inventory.
	"unifi-usw-flex-mini-bare": {"ubiquiti-edgeswitch", "Ubiquiti", "USW-Flex-Mini", "E43883A1B2C6", "UniFi", "", "switch"},
	// A Huawei UPS card (GSE200M) answering UPS-MIB alone, no HUAWEI-UPS-MIB:
	// the definition huaweiups detects it by 'Linux GSE200M' in sysDescr
	// and upsIdentManufacturer.0 'HUAWEI'; its os module reads
	// upsIdentModel and upsIdentUPSSoftwareVersion. No OS, as huawei-ups
	// names none (was Linux with the kernel's release, 2.6.27-SPEAr310).
	"huawei-gse200m-ups-mib-only": {"huawei-ups", "Huawei", "UPS2000-G", "", "", "V100R001C01SPC120", "ups"},
	// A Synology router whose kernel command line names it
	// (syno_hw_version=RT2600ac) and whose SYNOLOGY-SYSTEM-MIB system group
	// answers a serial and release but an empty modelName: SRM, a router,
	// the model the product synology-srm reads from syno_hw_version (the
	// empty modelName gives none); serialNumber and version as the
	// definition dsm's os module reads them (was synology-dsm, DSM and
	// storage, which outranked the router's syno_hw_version).
	"synology-srm-cmdline-empty-model": {"synology-srm", "Synology", "RT2600ac", "1890PDN123456", "SRM", "1.3.1-9346", "router"},
}

func TestLeads55Fixtures(t *testing.T) {
	checkFixtures(t, leads55FixtureDir, leads55Cases)
}
