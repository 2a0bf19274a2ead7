package fingerprints

import (
	"testing"
)

// audit13FixtureDir holds small walks written from the vendor MIBs and the
// device-support definitions for the third value audit (part 2): the
// objects each profile reads, in the definition's order and form.
const audit13FixtureDir = "testdata/fixtures/audit-13"

// audit13Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var audit13Cases = map[string]want{
	// A Meraki switch: the hardware is the sysDescr's run of word
	// characters, dots, dashes and spaces, as the definition (merakims)
	// reads it, the product as Meraki names it; the serial
	// entPhysicalSerialNum.1, its serial object.
	"meraki-ms-sysdescr-run": {"cisco-meraki", "Cisco", "Meraki MS220-24P Cloud Managed Switch", "Q2HP-AB12-CD34", "Meraki", "", "switch"},
	// A Meraki security appliance: the whole sysDescr, as the definition
	// (merakimx) reads it.
	"meraki-mx-whole": {"cisco-meraki", "Cisco", "Meraki MX100 Cloud Managed Security Appliance", "", "Meraki", "", "firewall"},
	// A Meraki access point whose agent writes a leading '=': the whole
	// sysDescr as the definition (merakimr) reads it, without the '='.
	"meraki-mr-equals": {"cisco-meraki", "Cisco", "Meraki MR18 Cloud Managed AP", "", "Meraki", "", "access_point"},
	// A TelePresence codec: the SoftW token whole, its line's letters
	// kept ('TCNC' of the NC models), as the definition (vccodec) reads
	// it ('SoftW: (?<version>\S+)'); the product after 'Cisco
	// TelePresence' on the MCU line and the S/N line.
	"cisco-telepresence-tcnc": {"cisco-telepresence", "Cisco", "MX200", "FTT1615001X", "TelePresence", "TCNC5.1.0.281234", "appliance"},
	// A RoomOS codec naming its OS before the release on the SoftW line:
	// the release after it, not the OS's name (the definition's \S+
	// would take 'RoomOS').
	"cisco-roomos-softw": {"cisco-telepresence", "Cisco", "Room Kit Pro", "FOC2741N0AB", "RoomOS", "11.9.1.7", "appliance"},
	// A VRTX chassis's CMC on DELL-RAC-MIB's registration, which the
	// definition (drac) detects: named by drsProductShortName ('CMC')
	// after IDRAC-MIB's systemModelName (not answered), its hardware
	// objects in that order, not the chassis model; drsSystemServiceTag
	// its serial object.
	"dell-cmc-short-name": {"dell-cmc", "Dell", "CMC", "5HJ7K42", "CMC", "3.41.200.202209300499", "bmc"},
	// An Emerson (Vertiv) DC power controller on a Linux agent: its
	// identControllerFirmwareVersion whole ('Ver 4.10'), as the
	// definition (ees) reads it with no regex; identModel as the hardware
	// and identControllerSerialNumber, its objects.
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release Ver 4.10, not Linux's): an OS is named beside its own release only.
	"emerson-ees-firmware-whole": {"emerson-ees", "Emerson", "M830B", "05071203311", "", "Ver 4.10", "power"},
	// An Eaton ATS answering both its model name and its part number:
	// the part number, the object the definition (eaton-ats) reads as the
	// hardware; ats2IdentFWVersion, not the card's agent version.
	"eaton-ats-part-number": {"eaton-ats", "Eaton", "EATS30N", "G301L54321", "", "01.13.0012", "power"},
	// ESPHome's SNMP component answering the chip model and revision: the
	// definition's (esphome) hardware_template, 'Model: <chipModel.0>
	// Revision: <chipRevision.0>'; the release after 'version' in the
	// sysDescr, its version_regex.
	"esphome-model-revision": {"esphome", "Espressif", "Model: ESP32 Revision: 1", "", "ESPHome", "2025.2.0", "appliance"},
	// The same without a revision object: the chip model alone (the
	// template's label with nothing after it would say no more).
	"esphome-model-no-revision": {"esphome", "Espressif", "ESP32-S3", "", "ESPHome", "2025.2.0", "appliance"},
	// An EnGenius access point answering its kernel and application
	// versions: 'Kernel <100.1.8> / Apps <100.1.9>', as the definition
	// (Engenius.php) writes the version; 100.1.7 its serial. No model:
	// the definition's hardware is the sysName, the name the
	// administrator gives.
	"engenius-kernel-apps": {"engenius", "EnGenius", "", "GE7331007654", "", "Kernel 2.6.36 / Apps 3.0.0.9", "access_point"},
	// A FortiAuthenticator: facSysVersion whole, build and branch too, as
	// the definition (fortiauthenticator) reads it with no regex;
	// facSysModel and facSysSerial, its objects.
	// fq65: firewall (was appliance), as the definition fortiauthenticator types it.
	// fq72: was {"fortinet-fortiauthenticator", ..., "firewall"}, is
	// fortinet-other, appliance: on sysObjectID 12356.113, which the
	// definition fortiauthenticator does not detect (12356.113.100.101
	// only), no definition states a field; the device's own facSystem
	// values unchanged.
	"fortiauthenticator-version-whole": {"fortinet-other", "Fortinet", "FAC-800F", "FAC8HF3R21000456", "FortiAuthenticator", "v6.5.3,build1371 (GA)", "appliance"},
}

func TestAudit13Fixtures(t *testing.T) {
	checkFixtures(t, audit13FixtureDir, audit13Cases)
}
