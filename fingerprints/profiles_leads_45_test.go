package fingerprints

import (
	"testing"
)

// leads45FixtureDir holds small walks written from the vendor MIBs and the
// device-support definitions for five small families left as leads (fq45):
// Avocent ACS console servers, Geist and Vertiv monitors and PDUs, UniFi
// switches, and the others of that brief.
const leads45FixtureDir = "testdata/fixtures/leads-45"

// leads45Cases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var leads45Cases = map[string]want{
	// An ACS 6000 whose agent answers net-snmp's registration, detected by
	// its sysDescr (definition avocent): Avocent.php reads the ACS6000-MIB
	// acsAppliance group (10418.16.2.1) only where the sysObjectID lies
	// below 10418.16, so no serial or firmware from it here; the model the
	// sysDescr names.
	"avocent-acs6000-descr-net-snmp": {"avocent-acs", "Avocent", "ACS6048", "", "Linux", "", "appliance"},
	// An ACS 8016 on its product registration below 10418.26 (ACS8000-MIB
	// acs8016): the acsAppliance group of 10418.26.2.1 read there, the
	// product model's first word (Avocent.php).
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 2.24.0, not Linux's): an OS is named beside its own release only.
	// fq54: Linux with the kernel's release, no model, serial or firmware,
	// a server (avocent-acs8000-uname; was avocent-acs, ACS8016,
	// 0831445566, 2.24.0, appliance): the definition avocent detects only
	// an 'Avocent'/'AlterPath' sysDescr or 10418.16, so this uname
	// sysDescr on 10418.26 is linux's, and Avocent.php never reads the
	// acsAppliance group for it.
	// fq57: Generic ARMv7 (was none, 1146483): linux has no os module, so
	// Shared\Unix writes the machine class its sysDescr's 'armv7' names.
	// owner: the unit's own ACS8000-MIB acsSerialNumber, which linux
	// reads none of (a field no measure counts), for the user's
	// inventory (fq54's 1146483 had left it empty).
	"avocent-acs8016-product-arc": {"avocent-acs8000-uname", "Avocent", "Generic ARMv7", "0831445566", "Linux", "4.14.93", "server"},
	// A Vertiv rack PDU on 21239.42.1.53, a registration the definition
	// vertiv-pdu (type power) takes and geist-watchdog excepts: a PDU
	// whatever its owner-set sysDescr says; VERTIV-V5-MIB
	// productModelNumber, productSerialNumber, productVersion (vertiv-pdu's
	// os module).
	"vertiv-pdu-registration": {"vertiv-geist", "Vertiv", "VP8821", "2207VP8821456", "", "5.10.3", "pdu"},
	// A Watchdog on 21239.5.1 whose sysDescr names no sensor: the
	// definition geist-watchdog (type environment) takes every 21239
	// registration but vertiv-pdu's and the RCM-O's, so a sensor (was
	// pdu).
	// fq59: no model, serial or release (were GEIST-V5-MIB's productTitle
	// Geist WD100, productSerialNumber, productVersion): geist-watchdog's os
	// module reads GEIST-MIB-V3 productVersion.0 and climateSerial.1
	// alone, no hardware, and this unit answers neither.
	// fq57: GEIST-V5-MIB productSerialNumber and productVersion again
	// (were none after fq59), read only after the definition's GEIST-MIB-V3
	// objects, which this unit does not answer; still no model.
	// owner: the model the unit names itself (Geist WD100) follows what its
	// definition reads (none there: a field no measure counts), for the
	// user's inventory (fq59's 91ad1db had left it empty).
	"geist-watchdog-friendly-descr": {"vertiv-geist", "Vertiv", "Geist WD100", "TB20041234", "", "3.5.2", "sensor"},
	// A unit answering VERTIV-V5-MIB pduMainTable (a PDU row, pduMainName
	// 'PDU') on a registration vertiv-pdu does not list: the MIB's PDU,
	// not the sensor geist-watchdog's type would make it.
	// fq59: no model, serial or release (were VERTIV-V5-MIB's VP7801,
	// 2105VP7801789, 5.9.1): the definitions give this registration to
	// geist-watchdog, whose os module reads GEIST-MIB-V3 productVersion.0
	// and climateSerial.1 alone; vertiv-pdu's, which reads the V5 objects,
	// takes only 21239.42.1.52, .53 and .55. The type stays the MIB's PDU.
	// (fq65: every stored vertiv-pdu detects 21239.42.1.53 alone; .52 no
	// definition takes, .55 is geist-watchdog's; this case unchanged.)
	// (fq105: the newest geist-watchdog, os_detection f7c263a, excepts
	// .55 too, which no definition then takes; this case unchanged.)
	// owner: the model the unit names itself (VP7801) follows what its
	// definition reads (none there: a field no measure counts), for the
	// user's inventory, and its serial and release likewise (fq59's
	// 91ad1db had left them empty).
	"vertiv-v5-pdu-rows": {"vertiv-geist", "Vertiv", "VP7801", "2105VP7801789", "", "5.9.1", "pdu"},
	// A UniFi switch whose model has spaces (definition edgeswitch, by
	// '^USW[ -]'): its sysDescr pattern's hardware, every word up to the
	// comma before the release (was USW, the first word), and its version;
	// entPhysicalSerialNum.1 the serial.
	"unifi-usw-spaced-model": {"ubiquiti-unifi-sysdescr", "Ubiquiti", "USW Pro Max 24 PoE", "F4E2C6A1B2C3", "UniFi", "7.1.26.15869", "switch"},
	// An early UniFi switch on Broadcom's FASTPATH registration whose
	// sysDescr begins 'UBNT US' (definition edgeswitch, '^UBNT US'):
	// Ubiquiti's UniFi (was Broadcom, FASTPATH); no model, as the
	// definition's hardware pattern reads none from this shape; the
	// release the sysDescr states after the product.
	// fq67: US-24-250W (was none): the definition states no hardware (a
	// field no measure counts), so the product code the unit writes after
	// 'UBNT' follows for the user's inventory, as its release does.
	"unifi-ubnt-us-fastpath": {"ubiquiti-edgeswitch", "Ubiquiti", "US-24-250W", "F09FC2A1B2C4", "UniFi", "3.7.55.6308", "switch"},
	// An Airconsole server on the registration the definition airconsole
	// detects (14358.1, under SnapGear's enterprise): a console server, no
	// maker (was SnapGear, the enterprise number's registrant) and no
	// kernel release from a uname-shaped sysDescr (the definition reads no
	// release and runs no Shared\Unix); the OS the uname names.
	"airconsole-registration": {"airconsole", "", "", "", "Linux", "", "appliance"},
}

func TestLeads45Fixtures(t *testing.T) {
	checkFixtures(t, leads45FixtureDir, leads45Cases)
}
