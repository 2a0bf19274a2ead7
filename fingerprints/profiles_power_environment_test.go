package fingerprints

import (
	"testing"
)

// powerEnvFixtureDir holds small walks written from the vendor MIBs (and the
// objects the device-support definitions name) of power, cooling,
// environment, industrial, console and time devices: model, serial and
// version read from each vendor's own objects.
const powerEnvFixtureDir = "testdata/fixtures/power-environment"

// powerEnvCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var powerEnvCases = map[string]want{
	// NetBotz 50 (52674.500): PowerNet-MIB's AOS module tables.
	"apc-netbotz-50": {"apc-netbotz", "APC", "NBRK0050", "ZA2141004512", "NetBotz", "v1.3.0", "sensor"}, // v kept: netbotz reads 318.1.4.2.4.1.4.1 whole (fpU)
	// A Megatec-type UPS card by its sysDescr on net-snmp's sysObjectID:
	// UPS-MIB's identity, EPPC-MIB's serial and UPS firmware.
	// The version in the definition's (powerwalker) template form "FW: <UPS
	// firmware>, NMC: <agent software>", the latter not stated here (fpM;
	// before, 03.01).
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release FW: 03.01, NMC, not Linux's): an OS is named beside its own release only.
	"powerwalker-nmc": {"powerwalker-nmc", "PowerWalker", "VFI 3000 RT LCD", "GK1842000123", "", "FW: 03.01, NMC", "ups"},
	// Sysdescr-only forms: a bare Sentry PDU, an MGE Evolution card, a
	// Rectifier Technologies WebCSU.
	"sentry3-sysdescr": {"servertech-sentry3", "Server Technology", "Switched DC PDU", "", "Sentry", "", "pdu"},
	"mge-evolution":    {"eaton-mge", "Eaton", "Evolution S 3000", "", "", "", "ups"},
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release 1.42, not Linux's): an OS is named beside its own release only.
	"rectifier-webcsu": {"rectifier-webcsu", "Rectifier Technologies", "WebCSU 169-412", "", "", "1.42", "power"},
	// MergePoint Unity: the dotted second sysDescr token is the firmware.
	"avocent-mergepoint-firmware": {"avocent-mergepoint", "Avocent", "MPU4032", "", "", "1.20.0.26003", "appliance"},
	// Bitstream Hyperion: model, serial and firmware from the sysDescr.
	"bitstream-hyperion": {"bitstream-hyperion", "Bitstream", "MSM-4T12", "HY21050087", "", "3.2.14", "switch"},
	// Microsemi PowerDsine midspan: model, unit serial and release from
	// the sysDescr.
	"microsemi-pdsine": {"microsemi-pdsine", "Microsemi", "PD-9612GC/ACDC/M", "1843002215", "", "2.1.8", "power"},
	// Sodola: the 12284.5.1 system group.
	// fq103: os_version was 1.2.6, now V1.2.6: the definition sodola
	// (os_discovery a6c553d) reads 12284.5.1.10.0 whole, its V kept.
	"sodola": {"sodola", "Sodola", "SL902S-SWTGW218AS", "SD22080412", "", "V1.2.6", "switch"},
	// Geist Watchdog (GEIST-V5-MIB deviceInfo): the unit's serial.
	// fq59: no model, serial or release (were Geist WD15, TB21110342,
	// 3.6.1, GEIST-V5-MIB's productTitle, productSerialNumber and
	// productVersion): the definition geist-watchdog's os module reads
	// GEIST-MIB-V3 productVersion.0 and climateSerial.1 alone, no hardware,
	// and this unit answers neither.
	// fq57: GEIST-V5-MIB productSerialNumber and productVersion again
	// (were none after fq59), read only after the definition's GEIST-MIB-V3
	// objects, which this unit does not answer; still no model.
	// owner: the model the unit names itself (Geist WD15) follows what its
	// definition reads (none there: a field no measure counts), for the
	// user's inventory (fq59's 91ad1db had left it empty).
	"geist-watchdog-v5": {"vertiv-geist", "Vertiv", "Geist WD15", "TB21110342", "", "3.6.1", "sensor"},
	// Carel pCOWeb and Minkels RMS: detection only (their definitions
	// read sensors alone).
	"carel-pcoweb": {"carel-pcoweb", "Carel", "", "", "", "", "cooling"},
	"minkels-rms":  {"minkels-rms", "Minkels", "8VD-X20", "", "Linux", "", "sensor"},
	// PrimeKey appliance on net-snmp: PRIMEKEY-APPLIANCE-MIB's release and
	// HSM serial; pkAVersion whole, as the definition (primekey) reads it
	// with no regex (fq6; was the number alone).
	// fq40: no OS (was Debian, the agent's host system's, beside the product's own
	// release PrimeKeyAppliance.3.11.2, not Debian's): an OS is named beside its own release only.
	"primekey-appliance": {"primekey-appliance", "PrimeKey", "Generic x86 64-bit", "CS641277", "", "PrimeKeyAppliance.3.11.2", "appliance"},
}

func TestPowerEnvironmentFixtures(t *testing.T) { checkFixtures(t, powerEnvFixtureDir, powerEnvCases) }
