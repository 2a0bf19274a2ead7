package fingerprints

import (
	"testing"
)

// reviewKindsBFixtureDir holds small walks written from the vendor MIBs for
// the second review of the power, printer, sensor, server, storage, camera
// and appliance profiles against the device-support definitions: which
// devices each profile catches and which objects give its values.
const reviewKindsBFixtureDir = "testdata/fixtures/review-kinds-b"

// reviewKindsBCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var reviewKindsBCases = map[string]want{
	// A PowerEdge MX chassis whose agent gives no dmmProductChassisModel:
	// no model rather than the chassis's given name (dmmProductChassisName,
	// 'MX-<service tag>'); the second management module's firmware where
	// the first slot's is not answered.
	"dell-ome-modular-mm2": {"dell-ome-modular", "Dell", "", "4KT7WQ3", "OpenManage Enterprise Modular", "1.40.10", "bmc"},
	// HW group's sysDescr names the product before a colon: all its words.
	"hwg-ste-plus":    {"hwg", "HW group", "HWg-STE plus", "", "", "", "sensor"},
	"poseidon2-colon": {"hwg", "HW group", "Poseidon2 3468", "", "", "", "sensor"},
	// A Huawei UPS card that answers the UPS system table but not the
	// identity scalars: known by the table's model, as Network UPS Tools'
	// Huawei driver detects it, not a Linux server.
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release V200R001C91SPC310, not Linux's): an OS is named beside its own release only.
	"huawei-ups-system-table": {"huawei-ups", "Huawei", "UPS2000-A-2KTTS", "2102312GHK10K3000456", "", "V200R001C91SPC310", "ups"},
	// A Raritan PDU on the earliest firmware, PDU-MIB's identity under
	// 13742.1 (as Network UPS Tools' Raritan driver reads it).
	"raritan-px-first-mib": {"raritan-px1", "Raritan", "DPCR20-20", "ADQ7B00123", "", "01.03.05", "pdu"},
	// A Ricoh printer whose sysDescr names neither product nor firmware:
	// Ricoh's own product name and firmware objects (367.3.2.1.1.1.1 and
	// .2), as the definition (ricoh) reads them, not the Printer-MIB's
	// administrator-assigned name.
	"ricoh-network-printer": {"ricoh-printer", "Ricoh", "Aficio SP 5200S", "V2839500123", "", "1.12", "printer"},
	// A Samsung printer whose sysDescr names no model first: the model
	// object 236.11.5.11.53.31.1.4, without ' Series' (fq46: read by
	// LibreNMS's former polling code, samsungprinter.inc.php, not by the
	// current definition, which reads the sysDescr alone).
	"samsung-printer-model-object": {"samsung-printer", "Samsung", "CLP-620", "Z7BFB1AB600123K", "", "4.00.02.08", "printer"},
	// The same agent without the model object: no model rather than the
	// maker's name.
	"samsung-printer-rom-descr": {"samsung-printer", "Samsung", "", "", "", "2.00.01.17", "printer"},
	// A Dell EqualLogic member: the product family the definitions read
	// as the hardware before eqlMemberModel, and the service tag where no
	// serial number is answered.
	"dell-equallogic-family": {"dell-equallogic", "Dell", "PS6110", "5KQ2R42", "EqualLogic PS firmware", "8.1.4", "storage"},
	// A GENEREX adapter on UPS-MIB's arc whose sysDescr names the UPS
	// before 'SNMP Agent', as the definition (generex-ups) detects it: the
	// adapter's release, not the UPS's firmware the generic UPS-MIB gives.
	// (Whole, as the definition reads it with no regex: fq14; was "2.08.1".)
	"generex-ups-agent": {"generex-cs141", "ONLINE USV-Systeme", "Zinto E 2000", "", "", "CS141 v 2.08.1", "ups"},
	// An EnGenius (Senao) access point on net-snmp's registration that
	// says only 'Wireless Access Point', known by Senao's system group as
	// the definition (engenius) detects it: its firmware, not Linux's.
	// Since fq13 in the definition's form, 'Firmware <2.1.1.5>'
	// (Engenius.php; before, '1.5.21').
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release Firmware 1.5.21, not Linux's): an OS is named beside its own release only.
	"engenius-senao-ap": {"engenius", "EnGenius", "", "", "", "Firmware 1.5.21", "access_point"},
	// An Eltek eNexus controller whose agent answers no sysObjectID:
	// known by SP2-MIB powerSystemModel, as the definition (enexus) detects
	// it, read as eltek-smartpack reads eNexus.
	"eltek-enexus-no-sysoid": {"eltek-enexus-mib", "Eltek", "Smartpack S", "192300054321", "", "2.14.3", "power"},
	// A Tripp Lite PowerAlert LX card on net-snmp's Linux registration,
	// known by PowerAlert in its sysDescr as the definition (poweralert)
	// detects it: the UPS, not a Linux server with the kernel's release.
	// The release is UPS-MIB upsIdentAgentSoftwareVersion's ("15.6.2"), the
	// object the definition reads (it reads no sysDescr), not the
	// sysDescr's "15.6.2 (Build 1120)" (fpE: object before sysDescr).
	// (fq73: the stored definition's os module (58aa4b8) reads
	// upsIdentUPSSoftwareVersion, which this card does not answer; the
	// card's agent release, its own, follows it; unchanged.)
	"tripplite-lx-netsnmp": {"tripplite-poweralert", "Tripp Lite", "SU3000RTXLCD3U", "2841BY0SM81234567", "PowerAlert", "15.6.2", "ups"},
}

func TestReviewKindsBFixtures(t *testing.T) {
	checkFixtures(t, reviewKindsBFixtureDir, reviewKindsBCases)
}
