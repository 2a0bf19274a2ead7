package fingerprints

import (
	"testing"
)

// leads21FixtureDir holds small walks written from the vendor MIBs for the
// twenty-first leads pass (fq21): forms earlier audits found ambiguous, and
// objects they could not resolve.
const leads21FixtureDir = "testdata/fixtures/leads-21"

// leads21Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads21Cases = map[string]want{
	// An Eltek WebPower controller (definition eltek-webpower: hardware
	// ELTEK-DISTRIBUTED-MIB systemSiteInfoControllerType.0, fetched as
	// its enumeration label, al175oem(3); serial
	// systemSiteInfoSystemSeriaNum.0; the first dotted number after a
	// space in the sysDescr as the version).
	"eltek-webpower-al175oem": {"eltek-smartpack", "Eltek", "al175oem", "143800456123", "", "4.4.2", "power"},
	// A PTP 670 on its own registration (17713.11; definition ptp670:
	// hardware 'PTP 670 <masterSlaveMode label> (<hardwareVersion>)' from
	// CAMBIUM-PTP670-MIB configuration 5 and versions 2, the version all
	// after 'Version ' in the sysDescr); before, the cnPilot profile's
	// access point.
	"cambium-ptp670-master": {"cambium-ptp670", "Cambium Networks", "PTP 670 master (R02)", "", "PTP", "02-65", "wireless"},
	// ... and one whose agent answers neither object: the product the
	// sysDescr names.
	"cambium-ptp670-no-mib": {"cambium-ptp670", "Cambium Networks", "PTP 670", "", "PTP", "02-50", "wireless"},
	// A BDT FlexStor II whose agent answers BDTMIB bDTDescription
	// (bDTAgentInfo 2, 20884.10893.2.101.1.2.0): the definition's
	// (bdt-flexstor) hardware '<bDTDevVendorID> <bDTDevProductID>
	// <bDTDescription>', the maker's name then dropped as everywhere.
	"bdt-flexstor-description": {"bdt-flexstor", "BDT", "FlexStor II 2U Tape Library", "DE91200789", "", "6.45", "storage"},
	// An Omnitron iConverter whose sysDescr's serial is a placeholder
	// and whose agent answers OMNITRON-MIB serialnum.1.1 (chassisEntry 7,
	// 7342.1.1.1.7 at chassis 1, slot 1), which the definition
	// (omnitron-iconverter) fetches after its sysDescr pattern.
	"omnitron-iconverter-serialnum": {"omnitron-iconverter", "Omnitron Systems", "GM4-PoE", "91234567", "iConverter", "5.3.11", "media_converter"},
	// An OS10 switch newer than DELLEMC-OS10-TC-MIB's list, whose
	// os10ChassisType.1 is unknown(9999): no label as the hardware there
	// (DellOs10.php's only source names no product), the ENTITY chassis
	// row's product name; the release the sysDescr states, the serial
	// os10ChassisProductSN.1.
	"dell-os10-unknown-type": {"dell-os10", "Dell", "S5448F-ON", "TW0ABCDE123456", "OS10", "10.5.5.1", "switch"},
	// An ADVA AOS shelf (2544.1.20.2, definition adva-aos: hardware
	// '<entPhysicalName.1> rev<entPhysicalHardwareRev.1>', serial
	// entPhysicalSerialNum.1, version RMON probeSoftwareRev.0 whole, its
	// build kept, where the sysDescr writes a shorter release).
	"adva-aos-release-whole": {"adva-fsp", "ADVA", "FSP 3000 C rev2.01", "FA82345678901", "", "4.1.2-b117", "switch"},
	// An ADVA FSP 3000 R7 (2544.1.11.1.1, definition adva_fsp3kr7: the
	// first shelf's ADVA-MIB inventoryUnitName (here without a hardware
	// revision) and inventorySerialNum, not an ENTITY row's (the NCU's);
	// the NCU's swVersionActiveApplSw whole, not the sysDescr's 'Rel').
	"adva-fsp3000r7-shelf-first": {"adva-fsp", "ADVA", "SH7HU", "FA22222222222", "", "19.1.1-b12", "switch"},
}

func TestLeads21Fixtures(t *testing.T) {
	checkFixtures(t, leads21FixtureDir, leads21Cases)
}
