package fingerprints

import (
	"testing"
)

// sweep87FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq87's sweep: profiles re-read against
// the newest stored device-support definitions, each walk testing the
// source, order or form a definition reads that the profile did not.
const sweep87FixtureDir = "testdata/fixtures/sweep-87"

// sweep87Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var sweep87Cases = map[string]want{
	// ATS-MIB transfer switch (definition ats: serial and version from
	// its sysDescr pattern 'v<version> (SN <serial>)'): the sysDescr's
	// serial before atsIdentGroupSerialNumber, which here differs.
	"ats-sysdescr-serial-first": {"ats-mib-switch", "Example Power", "ATS-16A-R", "2207ATS00456", "", "1.3.0", "power"},
	// BenuOS (definition benuos): release and hardware are the rest of
	// their lines in its multi-line sysDescr pattern, not first words.
	"benu-release-whole-line": {"benu-benuos", "Benu Networks", "MEG-2400 rev B", "BN2400A0007", "BenuOS", "6.1.0 R3", "router"},
	// Advantech EKI (definition advantech: version
	// ADVANTECH-COMMON-MIB::sysImageVersion.0): the value whole.
	"advantech-eki-image-version-whole": {"advantech-eki", "Advantech", "EKI-5728", "", "", "v1.03.02", "switch"},
	// Alta Labs router (definition altalabs: 'Alta (?<hardware>[^ ]+)
	// (?<version>.+)'): the release as the sysDescr writes it.
	"altalabs-route-release-as-written": {"altalabs", "Alta Labs", "Route10", "", "", "v1.3.4", "router"},
	// Alta Labs AP (definition altalabs-ap, the same pattern): the rest
	// of the line.
	"altalabs-ap-release-as-written": {"altalabs-ap", "Alta Labs", "AP6-Pro", "", "", "1.2.0 beta", "access_point"},
	// BATS AATS (definition bats: one greedy pattern for hardware,
	// version and serial): the hardware runs to the last ' v<version>;'.
	"bats-hardware-greedy": {"bats-aats", "BATS", "AATS-5 v2 Pro", "10460", "", "3.3.0", "wireless"},
	// ASRock Rack BMC (definition asrockrack: version BMCVersion.0):
	// the value whole.
	"asrockrack-bmc-version-whole": {"asrockrack-bmc", "ASRock Rack", "B650D4U", "AR24M0005678", "", "v3.10.00", "bmc"},
	// BKtel optical amplifier (definition bktel-oa: version
	// .1.3.6.1.4.1.7501.1.1.1.16.1.3.49): the value whole.
	"bktel-oa-release-whole": {"bktel-oa", "BKtel", "OA-862-24", "", "", "V2.5.0", "appliance"},
	// ArcOS (definition arcos): ENTITY row 169856's software revision
	// before the sysDescr's release; its model alone where its
	// manufacturer does not answer (the template's trimmed join).
	"arcos-row-169856-release": {"arrcus-arcos", "Arrcus", "AS7326-56X", "EC21000123", "ArcOS", "5.2.2A.R3", "router"},
	// ArcOS without row 169856: the sysDescr pattern's hardware and
	// release.
	"arcos-no-row-169856": {"arrcus-arcos", "Arrcus", "Edgecore AS7326-56X", "", "ArcOS", "5.2.1B.R1", "router"},
	// A receiver on the DSR's arc whose identUnitModel names no DSR: the
	// definition arris-dsr4410md does not detect it (its snmpget
	// condition: 'contains DSR'), so neither does arris-dsr.
	"arris-dsr-model-without-dsr": {"", "General Instrument", "", "", "", "", ""},
	// A pCOWeb card on net-snmp's Linux registration whose
	// CAREL-ug40cdz-MIB roomTemp.0 answers (definition pcoweb's second
	// entry): Carel's cooling unit, not a Linux host; no kernel release,
	// OS name or machine class.
	"carel-pcoweb-netsnmp-roomtemp": {"carel-pcoweb", "Carel", "", "", "", "", "cooling"},
	// CTM PoE chassis (definition ctm: hardware '(?<hardware>.*)' over
	// the sysDescr): its first line whole, however long (the maker's
	// name before it dropped, as every model's).
	"ctm-long-product-line": {"ctm", "CTM", "PoE Power Chassis 16-Port Gigabit Midspan with Redundant Supplies, Rack Mount", "", "", "2.16", "appliance"},
	// Ciena RLS (definition ciena-rls: hardware '(?<hardware>.+)'): the
	// sysDescr's first line, not its lines joined (the maker's name
	// before it dropped, as every model's).
	"ciena-rls-first-line": {"ciena-rls", "Ciena", "6500 RLS", "", "RLS", "4.3.0", "appliance"},
	// LigoPTP (definition ligoos: '(?<version>v[\d\-.]+\d)'): the
	// release with its 'v'.
	"ligowave-ligoptp-release-v": {"ligowave-ligoptp", "LigoWave", "LigoPTP 6-N PRO", "", "LigoOS", "v7.60-41012", "wireless"},
	// Allworx (LibreNMS/OS/AllworxVoip.php: version applVersion.1): the
	// value whole.
	"allworx-applversion-whole": {"allworx-voip", "Allworx", "Connect 731", "003AB7654321", "", "8.6.2.1 (Build 1142)", "phone"},
	// Christie projector (definition christie-projector: version
	// 25766.1.12.1.1.2.7.0): the value whole.
	"christie-software-version-whole": {"christie-projector", "Christie", "DWU1100-GS", "BK2054321", "", "V2.1.0 build 14", "appliance"},
}

func TestSweep87Fixtures(t *testing.T) {
	checkFixtures(t, sweep87FixtureDir, sweep87Cases)
}
