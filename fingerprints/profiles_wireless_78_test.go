package fingerprints

import (
	"testing"
)

// wireless78FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq78's audit of the wireless and
// point-to-point radio families against the device-support definitions
// that detect them (see its README).
const wireless78FixtureDir = "testdata/fixtures/wireless-78"

// wireless78Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var wireless78Cases = map[string]want{
	// SmartZone on ruckusSZ100 (definition ruckuswireless-sz, class
	// RuckuswirelessSz.php): the version is the first node's
	// ruckusCtrlSystemNodeVersion with the first zone's
	// ruckusCtrlZoneCountryCode in brackets (not the second zone's GB);
	// the hardware the first node's model; the serial
	// ruckusSZSystemStatsSerialNumber.0.
	"ruckus-smartzone-country": {"ruckus-smartzone", "Ruckus", "SZ100", "941804007788", "SmartZone", "6.1.2.0.420 (US)", "wireless_controller"},
	// A two-node cluster: the node table's first row in index order
	// (serial 1a2b..., not the walk's first written), the stats serial
	// ruckusSZSystemStatsSerialNumber.0 as the agent writes it.
	"ruckus-vsz-two-nodes": {"ruckus-smartzone", "Ruckus", "vSZ-H", "1A2B3C4D5E6F", "SmartZone", "5.2.2.0.317 (CA)", "wireless_controller"},
	// A SmartZone answering neither ruckusSZSystemStatsSerialNumber.0
	// nor the node table (the definition states no serial then): the
	// RUCKUS-SCG-SYSTEM-MIB stats serial, the unit's own, as
	// ruckus-wireless read it before ruckus-smartzone took the arc; the
	// hardware from the sysDescr.
	"ruckus-smartzone-scg-serial": {"ruckus-smartzone", "Ruckus", "SmartZone 100", "941704003344", "SmartZone", "", "wireless_controller"},
	// Cambium PMP/PTP on the Canopy agent (definition pmp, Pmp.php
	// 00892ee): a backhaul whose boxDeviceType names BHUL450 states 'PTP
	// 450' and bhTimingMode's label without 'timing' (Master), not
	// productTypeName (read for MIMO OFDM radios only); its version is
	// boxDeviceTypeID whole.
	"cambium-ptp450-master": {"cambium-canopy", "Cambium Networks", "PTP 450 Master", "0a-00-3e-5a-6b-7c", "Canopy", "CANOPY 15.1.3 BHUL450-DES", "wireless"},
	// BH20 with bhTimingMode timeingSlave(0): 'PTP 100 Slave'; no
	// boxDeviceTypeID, so the version from the sysDescr (the unit's own
	// '9.5', which pmp's '\d+\.\d\S+' does not take).
	"cambium-ptp100-slave": {"cambium-canopy", "Cambium Networks", "PTP 100 Slave", "0a-00-3e-1f-2e-3d", "Canopy", "9.5", "wireless"},
	// A MIMO OFDM SM: productTypeName whole with ' SM' (was its first
	// two words), the release candidate's version as sysDescr_regex
	// '\d+\.\d\S+' takes it (was 16.1.1).
	"cambium-pmp450-rc-sm": {"cambium-canopy", "Cambium Networks", "PMP 450b Mid-Gain SM", "0a-00-3e-9c-8d-7e", "Canopy", "16.1.1-RC4", "wireless"},
	// OFDM (not MIMO): PMP 430 and the sysDescr's AP.
	"cambium-pmp430-ap": {"cambium-canopy", "Cambium Networks", "PMP 430 AP", "0a-00-3e-44-55-01", "Canopy", "13.4.1", "access_point"},
	// ePMP (definition epmp: version cambiumCurrentuImageVersion.0,
	// serial cambiumEPMPMSN.0, no type): a subscriber module
	// (wirelessInterfaceMode 2) is a radio, no access point.
	"cambium-epmp-sm": {"cambium-epmp", "Cambium Networks", "Force 300-25", "E5QB07712345", "ePMP", "4.7.1", "wireless"},
	// An ePTP Master (cambiumSubModeType 5) in AP mode: one end of a
	// point-to-point link, a radio.
	"cambium-epmp-eptp-master": {"cambium-epmp", "Cambium Networks", "ePMP 3000", "E3KA07754321", "ePMP", "4.7.1", "wireless"},
	// HiveOS without ahDeviceMode (definition hiveos-wireless, discovery
	// os module 8a1f2da): the hardware its sysDescr_regex
	// '^(?<hardware>.*), HiveOS (?<version>.*)$' takes, '_n' kept (was
	// 'HiveAP330'); the release all after ', HiveOS '.
	"aerohive-hiveap-n-sysdescr": {"aerohive-hiveos", "Aerohive", "HiveAP330_n", "03301108004321", "HiveOS", "6.2r1 release build1624", "access_point"},
}

func TestWireless78Fixtures(t *testing.T) {
	checkFixtures(t, wireless78FixtureDir, wireless78Cases)
}
