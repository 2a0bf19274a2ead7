package fingerprints

import (
	"testing"
)

// telecomFixtureDir holds small walks written from the vendor MIBs (and the
// objects other projects' device-support definitions name) of wireless,
// ISP access, telecom, voice and video families.
const telecomFixtureDir = "testdata/fixtures/telecom-wireless"

// telecomCases: fixture name → the expected result (profile, vendor, model,
// serial, os, os_version, device_type).
var telecomCases = map[string]want{
	// Acme Packet SBCs: the chassis row's product and serial, the release
	// the sysDescr carries after the product.
	"acme-packet-sbc": {"acme-packet-sbc", "Oracle", "Acme Packet 4600", "111822041234", "", "SCZ8.4.0 MR-1 Patch 2 (Build 245)", "appliance"},
	// The virtual edition, with no ENTITY rows: the sysDescr's product.
	"acme-packet-vme": {"acme-packet-sbc", "Oracle", "Acme Packet VME", "", "", "ECZ8.3.0 Patch 7 (Build 211)", "appliance"},
	// Avaya IP Office: the hardware ENTITY-MIB's first row describes, the
	// release the sysDescr is.
	"avaya-ipo": {"avaya-ipo", "Avaya", "IP 500 V2", "", "IP Office", "11.0.4.1.0 build 11", "appliance"},
	// BTI 7000: the sysDescr's third and fourth ';'-separated fields.
	"bti-7000": {"bti-7000", "BTI Systems", "BTI7000", "BT7K1023045871", "", "10.2.1", "switch"},
	// Cambium PTP 500 (17713.5): the product after the band prefix, not a
	// cnPilot access point. fq36: '500', as the definition (ptp500)
	// captures the hardware from a sysDescr carrying the release (was
	// 'PTP 500').
	"cambium-ptp500": {"cambium-ptp500", "Cambium Networks", "500", "", "PTP", "04-00", "wireless"},
	// Extreme (HiPath, IdentiFi) wireless controllers under Siemens'
	// enterprise: HIPATH-WIRELESS-HWC-MIB's sysSoftwareVersion and
	// sysSerialNo, not a SCALANCE switch.
	"extreme-ewc": {"extreme-ewc", "Extreme Networks", "", "1234567890123456", "", "10.41.06.0006", "wireless_controller"},
	// LigoWave NFT access points on Infinity: the sysDescr's 'NFT 2N' and
	// all after it, as the current definition (infinity) reads them (fq14;
	// the version was the third word alone, "1.4.2").
	"ligowave-infinity": {"ligowave-infinity", "LigoWave", "NFT 2N", "", "Infinity", "1.4.2 Infinity", "access_point"},
	// SAF CFIP radios whose sysDescr lists hardware, release and serial.
	"saf-radio-descr": {"saf-radio-descr", "SAF Tehnika", "CFIP Phoenix IDU", "388120345", "", "2.4.27", "wireless"},
}

func TestTelecomWirelessFixtures(t *testing.T) { checkFixtures(t, telecomFixtureDir, telecomCases) }
