package fingerprints

import (
	"testing"
)

// leads54FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq54's leads on serial and model forms:
// the objects the device-support definitions read, in their order, and
// the form of each value.
const leads54FixtureDir = "testdata/fixtures/leads-54"

// leads54Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads54Cases = map[string]want{
	// BDCOM (definition bdcom): its one sysDescr pattern, over the whole
	// three-line sysDescr, gives the product ([A-Z0-9]+), the release
	// (the rest of line one) and the ',Serial num:' digits.
	// fq66: values unchanged, but no stored version of the definition
	// (discovery/bdcom.yaml 9529359 and 0e00014, Bdcom.php) reads this
	// pattern: where no NMS-CHASSIS row answers it states none (a field no
	// measure counts), and these are the device's own sysDescr values.
	"bdcom-sysdescr-pattern": {"bdcom", "BDCOM", "P3608B", "360818051234", "", "10.1.0E Build 38785", "appliance"},
	// The pattern's product is [A-Z0-9]+: a hyphenated product
	// (S2528-B) fails the whole pattern, so the definition reads no
	// product, release or serial from it, and nothing else fills them.
	// owner: where the definition's pattern gives nothing (it then states
	// none, a field no measure counts), what the sysDescr itself writes
	// follows for the user's inventory (after fq54's 96bec81).
	"bdcom-sysdescr-hyphen-product": {"bdcom", "BDCOM", "S2528-B", "1007230010", "", "2.1.1A Build 8486", "switch"},
	// No third line with ',Serial num:': the pattern does not hold.
	// owner: where the definition's pattern gives nothing (it then states
	// none, a field no measure counts), what the sysDescr itself writes
	// follows for the user's inventory (after fq54's 96bec81).
	"bdcom-sysdescr-no-serial-line": {"bdcom", "BDCOM", "S3740F", "", "", "2.2.0F Build 96120", "switch"},
	// The serial is [0-9]+: digits running into letters would be a
	// truncated serial (3310), not stated; product and release stand
	// (CRLF line ends, the release without its carriage return).
	// owner: where the definition's pattern gives nothing (it then states
	// none, a field no measure counts), what the sysDescr itself writes
	// follows for the user's inventory (after fq54's 96bec81).
	"bdcom-sysdescr-serial-letters": {"bdcom", "BDCOM", "P3310D", "3310D1234567", "", "10.1.0F Build 51258", "appliance"},
	// NMS-CHASSIS rows 0 and 1 win over the pattern, each whole as the
	// definition reads nmscardDescr.0 (no hardware_regex: 'S2900-24T4X
	// mother card'); another row is a line card's, never read.
	"bdcom-nmscard-row0-whole": {"bdcom", "BDCOM", "S2900-24T4X mother card", "29009876543", "", "2.2.0F Build 127804", "switch"},
	// QTECH (definition qtech): one pattern over all lines (/s) ending at
	// '\s+Copyright'. 'Serial No.:' followed straight by the Copyright
	// line gives the serial.
	"qtech-serial-no-colon-label": {"qtech", "QTECH", "QSW-4610-28T-AC", "1411052200871", "", "7.2.3.1(R0052.0002)", "switch"},
	// A serial line that another line follows before Copyright: the
	// pattern's optional serial group is skipped, so no serial; the
	// product and release stand.
	// owner: where the definition's pattern gives nothing (it then states
	// none, a field no measure counts), what the sysDescr itself writes
	// follows for the user's inventory (after fq54's 514fe62).
	"qtech-serial-line-not-last": {"qtech", "QTECH", "QSW-2850-28T-AC", "1907003344", "", "7.0.3.5(R0227.0117)", "switch"},
	// No Copyright line: the pattern does not hold, nothing is read.
	// owner: where the definition's pattern gives nothing (it then states
	// none, a field no measure counts), what the sysDescr itself writes
	// follows for the user's inventory (after fq54's 514fe62).
	"qtech-no-copyright": {"qtech", "QTECH", "QSW-3470-10T-AC-POE", "1902004455", "", "7.0.3.5(R0241.0136)", "switch"},
	// Datacom DmOS (definition datacom-dmos, DatacomDmos.php): the model
	// entPhysicalModelName.1; the serial the first module row's whose name
	// is not a slot, PSU or port. That first module (MPU-1) answers an
	// empty serial: DatacomDmos.php stops there and states none, not
	// MPU-2's; the chassis row's, the device's own, follows for the user's
	// inventory (owner: a field no measure counts where the definition
	// states none; fq54 had left it empty).
	"dmos-first-module-empty-serial": {"datacom-dmos", "Datacom", "DM4270", "4270A0001111", "DmOS", "7.2.0", "switch"},
	// No module row at all: the definition states no serial; the chassis
	// row's follows (owner, as above).
	"dmos-chassis-serial-only": {"datacom-dmos", "Datacom", "DM4170", "4170A0003333", "DmOS", "9.0.4", "switch"},
	// Brother (Brother.php): 'Brother ' and ' series' come out of
	// brmDNSPrinterName alone; with no mDNS name the MDL value is read as
	// it stands ('/MDL:([^;]+)/'), ' series' kept; the 'Brother ' that
	// begins it goes only as every model's maker's name does.
	"brother-1284-mdl-maker-word": {"brother-printer", "Brother", "HL-L3270CDW series", "E78456B1N712345", "", "1.08", "printer"},
	// An ACS 8000 on 10418.26 answering a uname sysDescr: the definition
	// avocent detects only 'Avocent'/'AlterPath' sysDescrs and 10418.16,
	// so the unit is linux's (Shared\Unix: the kernel's release, type
	// server); Avocent.php, which alone reads ACS8000-MIB's acsAppliance
	// group, does not run: no model, serial or firmware from it.
	// fq57: Generic ARMv7 (was none): Shared\Unix, which runs for linux,
	// writes the machine class the sysDescr's 'armv7l' names.
	// owner: the unit's own ACS8000-MIB acsSerialNumber, which linux
	// reads none of (a field no measure counts), for the user's
	// inventory (fq54's 1146483 had left it empty).
	"avocent-acs8000-uname-linux": {"avocent-acs8000-uname", "Avocent", "Generic ARMv7", "0921778899", "Linux", "5.10.110", "server"},
	// The same unit with its 'Avocent' sysDescr is avocent's: Avocent.php
	// reads 10418.26.2.1 there (the product model's first word).
	"avocent-acs8000-avocent-descr": {"avocent-acs", "Avocent", "ACS8032", "0921778800", "", "2.26.1", "appliance"},
	// FS's BDCOM-based switches (definition fs-bdcom): NMS-CHASSIS under
	// 52642 at rows 0 and 1, each whole, as for BDCOM's own; row 2, a line
	// card's, never read.
	"fs-bdcom-nmscard-row1-whole": {"fs-com", "FS", "S3900-48T6S-R mother card", "G1PB4B7654321", "", "2.2.0F Build 131552", "switch"},
}

func TestLeads54Fixtures(t *testing.T) {
	checkFixtures(t, leads54FixtureDir, leads54Cases)
}
