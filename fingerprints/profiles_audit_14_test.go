package fingerprints

import (
	"testing"
)

// audit14FixtureDir holds small walks written from the vendor MIBs and the
// device-support definitions for the third value audit (part 3): which
// objects each profile reads, in which order, and the form of the value.
const audit14FixtureDir = "testdata/fixtures/audit-14"

// audit14Cases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var audit14Cases = map[string]want{
	// A KTI switch whose chassis row states firmware and software
	// revisions: the firmware revision (entPhysicalFirmwareRev.1), the
	// object the definition (kti) reads as the version, not the software
	// revision.
	"kti-firmware-rev": {"kti-switch", "KTI Networks", "KGS-1062-HP", "", "", "2.03.0", "switch"},
	// A Fujitsu PRIMERGY BX connection blade whose sysDescr names the
	// maker and the runtime code: the hardware and the version as the
	// definition (fujitsupyos) reads that sysDescr, all between 'Fujitsu'
	// and ', Runtime Code ', and all after it.
	"fujitsu-py-runtime-code": {"fujitsu-py-switch", "Fujitsu", "PY CB Eth Switch/IBP 1Gb 36/8+2", "", "", "3.22.0045", "switch"},
	// A CS121 adapter on UPS-MIB's arc that answers no agent software
	// version: the release its sysDescr states ('CS121 v 4.26.4'), as the
	// definition's (generex-ups) sysDescr pattern reads it, not the UPS's
	// own firmware.
	"generex-cs121-sysdescr": {"generex-cs141", "S2S", "SAT 1000", "", "", "4.26.4", "ups"},
	// A LigoWave NFT access point whose radio names another product than
	// its sysDescr: the sysDescr's hardware and the rest as the version,
	// as the definition (infinity) reads them, not the radio's name.
	"ligowave-nft-sysdescr": {"ligowave-infinity", "LigoWave", "NFT 3ac", "", "Infinity", "1.5.10-4218", "access_point"},
	// A Liebert device row whose firmware is empty: the model alone, its
	// spaces collapsed, as the definition (liebert) drops the empty
	// ' ()' of its '<model> (<firmware>)' template.
	"liebert-empty-device-firmware": {"vertiv-liebert", "Vertiv", "Liebert APS", "2008700321APS", "", "8.1.2.3", "ups"},
	// An Ifotec product whose row is 1: '<firmware> (Bootloader
	// <bootloader>)', as the device-support class (Ifotec.php) writes the
	// version.
	"ifotec-bootloader": {"ifotec", "Ifotec", "IFO-MCG-1G", "IF1912345", "", "3.1.2 (Bootloader 1.0.4)", "media_converter"},
	// A Fuji Xerox on its 297.1.11.93.1 registrations (the definition
	// xerox's) that serves Xerox's device ID: its MDL, as the class
	// (Xerox.php) names the hardware, before the sysDescr's product; the
	// controller (ESS) release the sysDescr states.
	"fujixerox-device-id": {"fujifilm-printer", "Fuji Xerox", "DocuCentre-IV C2263", "227801", "", "1.2.2", "printer"},
}

func TestAudit14Fixtures(t *testing.T) { checkFixtures(t, audit14FixtureDir, audit14Cases) }
