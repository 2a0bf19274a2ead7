package fingerprints

import (
	"testing"
)

// leads59FixtureDir holds small walks written from the vendor MIBs for
// leads where the profiles' detection or sources were wider than the
// device-support definitions (fq59).
const leads59FixtureDir = "testdata/fixtures/leads-59"

// leads59Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads59Cases = map[string]want{
	// A Watchdog 100 on GEIST-V5-MIB's registration answering GEIST-MIB-V3
	// too: the definition geist-watchdog takes it and its os module reads
	// GEIST-MIB-V3 productVersion.0 and climateSerial.1 alone, no hardware:
	// neither productTitle ('Geist WD100', 'Watchdog 100') as the model,
	// nor GEIST-V5-MIB's productVersion (5.2.0) and productSerialNumber
	// before the V3 objects.
	// owner: the model the unit names itself (Geist WD100) follows what its
	// definition reads (none there: a field no measure counts), for the
	// user's inventory (fq59's 91ad1db had left it empty).
	"geist-watchdog-v5-and-v3": {"vertiv-geist", "Vertiv", "Geist WD100", "28F2A3B40C000077", "", "3.3.1", "sensor"},
	// A Vertiv rack PDU on 21239.42.1.55, a registration the definition
	// vertiv-pdu takes (geist-watchdog excepts it): VERTIV-V5-MIB
	// productModelNumber.0, productSerialNumber.0 and productVersion.0, its
	// os module's, before GEIST-MIB-V3's objects it also answers.
	// fq65: serial 28F2A3B40C000099 (was 2301VP9870321), release 3.9.0
	// (was 5.11.0), a sensor (was pdu): every stored version of vertiv-pdu
	// detects 21239.42.1.53 alone and geist-watchdog excepts only .52 and
	// .53, so .55 is geist-watchdog's (type environment), whose os module
	// reads GEIST-MIB-V3 climateSerial.1 and productVersion.0 first; the
	// model stays the unit's own VP9870 (geist-watchdog reads none).
	// fq105: serial 2301VP9870321 (was 28F2A3B40C000099), release 5.11.0
	// (was 3.9.0), a pdu (was sensor) again: the newest geist-watchdog
	// (resources os_detection f7c263a) excepts .55 beside .52 and .53
	// (fq65 read the older includes copy 00a6ceb), so no definition takes
	// .55 and the unit's own VERTIV-V5-MIB identity stands, as on .52.
	"vertiv-pdu-v5-and-v3": {"vertiv-geist", "Vertiv", "VP9870", "2301VP9870321", "", "5.11.0", "pdu"},
	// An S12704 on its registration (2011.2.279.3) whose sysDescr is the
	// model alone: the definition vrp detects only its sysDescr forms
	// ('VRP (R) Software', 'Versatile Routing Platform Software', ...),
	// none here, and yunshan only 2011.2.23, so no definition names the
	// OS; VRP as the chassis row's software revision writes VRP's
	// platform version before the product release ('Version 5.170
	// V200R019C10SPC800'). The model and ESN the objects vrp's os module
	// lists (hwEntitySystemModel, hwDeviceEsn), the release the chassis
	// row carries.
	"huawei-s12700-model-only-descr": {"huawei-vrp", "Huawei", "S12704", "2102113089P0KB000234", "VRP", "V200R019C10SPC800", "switch"},
	// An S7706 whose sysDescr is the model alone and whose agent answers
	// no ENTITY rows: nothing names its OS, so none (was VRP).
	"huawei-model-only-descr-no-entity": {"huawei-vrp", "Huawei", "S7706", "2102113178P0KC000512", "", "", "switch"},
	// An AR2220 answering an empty sysDescr: VRP, as its chassis row's
	// software revision names it ('VRP (R) software, Version 5.160
	// (AR2200 V200R007C00SPC900)'), the product release from it.
	"huawei-empty-descr-chassis-vrp": {"huawei-vrp", "Huawei", "AR2220", "", "VRP", "V200R007C00SPC900", "router"},
	// A UniFi Dream Machine on Ubiquiti's registration whose sysDescr
	// begins with its product code: no definition detects it (unifi's
	// prefixes are UAP, U6, U7, E7, UK, U-LTE, edgeswitch's EdgeSwitch,
	// EdgePoint, USW, US, UBNT US and 'Ubiquiti UniFi UCG-'), so
	// Ubiquiti's gateway and the ENTITY chassis row's serial alone (was
	// ubiquiti-unifi-sysdescr's UniFi with the model UDM-Pro and release
	// 4.0.21 read from an undocumented shape).
	// fq67: UniFi, UDM-Pro and 4.0.21 again (were none, 85cfbab's
	// no_fill): no definition states an OS, hardware or release here
	// (fields no measure counts), so what the unit writes of itself
	// follows for the user's inventory; never the kernel's 4.19.152.
	"unifi-udm-ubiquiti-registration": {"ubiquiti-unifi-gateway-descr", "Ubiquiti", "UDM-Pro", "F4E2C6A1B2D9", "UniFi", "4.0.21", "router"},
	// A Synology unit on net-snmp's registration answering
	// SYNOLOGY-SYSTEM-MIB's system group under a sysDescr that is no
	// uname line: the definition dsm wants '^Linux ', so LibreNMS makes it
	// linux (net-snmp's registration), a server running Linux; the MIB's
	// modelName and serialNumber, certain, beside that, and no DSM release
	// (was DSM 7.2.1-69057, storage).
	"synology-system-group-other-descr": {"synology-dsm", "Synology", "DS1821+", "2150PEN123456", "Linux", "", "server"},
}

func TestLeads59Fixtures(t *testing.T) {
	checkFixtures(t, leads59FixtureDir, leads59Cases)
}
