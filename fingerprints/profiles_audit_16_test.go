package fingerprints

import (
	"testing"
)

// audit16FixtureDir holds small walks written from the vendor MIBs for the
// fifth part of the third value audit (fq16): profiles re-read against the
// device-support definitions for the objects they read and the form of
// each value.
const audit16FixtureDir = "testdata/fixtures/audit-16"

// audit16Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var audit16Cases = map[string]want{
	// A RUTX router on RutOS 7 (definition rutos-rutx: routerName.0,
	// serial.0, fwVersion.0 of TELTONIKA-RUTX-MIB, each whole): the
	// firmware string as Teltonika writes it, not its numbers alone.
	"teltonika-rutx-firmware-whole": {"teltonika", "Teltonika", "RUTX11", "1104567890", "RutOS", "RUTX_R_00.07.04.1", "router"},
	// A TSW switch on WitchOS (definition witchos: productCode.0 as the
	// hardware, serial.0, fwVersion.0 whole): the ordering code, not the
	// device name.
	"teltonika-witchos-product-code": {"teltonika", "Teltonika", "TSW202000010", "6007654321", "WitchOS", "TSW2_R_00.01.06", "switch"},
	// A Viprinet router (definition viprinux: vpnRouterModel.0,
	// vpnRouterSerial.0, vpnRouterFirmware.0, each whole): the model
	// number as the router writes it, the firmware with its 'v'.
	"viprinet-model-whole": {"viprinet", "Viprinet", "300", "0300-4321-8765-2109", "Viprinux", "v2020041501", "router"},
	// An airOS radio on net-snmp's Linux registration: fq19, Linux with
	// the kernel's release (was airOS, 5.6-beta4.22359.140521.1836 from
	// ubiquiti-airos-dot11): the definition airos detects 10002.1 and
	// 41112.1.4 only, so such an agent is linux's; the radio's product
	// stays the model (generic-dot11).
	"ubiquiti-airos-dot11-beta": {"net-snmp-linux", "Ubiquiti", "NanoStation M5", "", "Linux", "2.6.32.68", "access_point"},
	// A JetStream switch on Broadcom's registration (definition
	// jetstream, by 'JetStream' in sysDescr): tpSysInfoHwVersion whole,
	// the Omada product's TL- and region kept.
	"tplink-jetstream-hw-whole": {"tplink-jetstream-descr", "TP-Link", "TL-SG3428X(UN) 1.0", "22306A1000789", "", "1.0.3 Build 20220315 Rel.61203", "switch"},
	// A Vyatta Core router: its release as the definition (vyatta) reads
	// sysDescr, all after 'Vyatta ', where the old rule wanted a digit
	// first.
	"vyatta-core-release": {"vyatta-vyos", "Vyatta", "", "", "Vyatta", "VC6.6R1", "router"},
	// ZXR10 sysDescr forms the definition's (zxr10) patterns read: the
	// hardware after 'ZXR10 ' without that line word, the version whole
	// to the next comma, the platform prefix kept.
	"zte-zxr10-line-word":        {"zte-zxr10", "ZTE", "5250-28TM-H", "", "ZXROS", "V2.05.11B21", "switch"},
	"zte-zxr10-platform-version": {"zte-zxr10", "ZTE", "M6000-5S", "", "ZXROS", "M6000v2.00.10(2.0.3)", "router"},
	"zte-zxr10-5900-train":       {"zte-zxr10", "ZTE", "5960-52TM-H", "", "ZXROS", "V3.00.20.B05", "switch"},
}

func TestAudit16Fixtures(t *testing.T) {
	checkFixtures(t, audit16FixtureDir, audit16Cases)
}
