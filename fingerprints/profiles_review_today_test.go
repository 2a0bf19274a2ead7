package fingerprints

import (
	"testing"
)

// reviewTodayFixtureDir holds small walks written from the vendor MIBs for a
// second review of the value forms of the most common families against the
// device-support code that states them (LibreNMS/OS/Windows.php, the shared
// Cisco OS discovery, the procurve, powerconnect and dnos definitions,
// Junos.php).
const reviewTodayFixtureDir = "testdata/fixtures/review-today"

// reviewTodayCases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var reviewTodayCases = map[string]want{
	// IOS-XE's older sysDescr form (no bracketed train): the release alone,
	// as the shared Cisco OS discovery's first pattern takes it; the
	// bracketed form's 'IMAGE release' is only its third pattern's.
	"cisco-ios-xe-old-form-release": {"cisco-ios-xe", "Cisco", "", "", "IOS-XE", "03.11.03a.E", "switch"},
	// The definitions (powerconnect, dnos) read no ENTITY row: the
	// sysDescr's product and release before the row's PCT5524P and
	// release; productIdentificationSerialNumber before the row's serial.
	"dell-powerconnect-sysdescr-before-entity": {"dell-powerconnect", "Dell", "PowerConnect 5524P", "CN0X7Y2K2821345A0012", "PowerConnect", "4.1.0.22", "switch"},
	// procurve's second sysDescr pattern ('HP ProCurve <hardware>, P...'):
	// the hardware is all before the comma, not the product number alone.
	"hp-procurve-1810g-p-release": {"hp-procurve", "HPE", "1810G - 8 GE", "", "ProCurve", "P.2.12", "switch"},
	// Junos.php keeps hrSWInstalledName.2's bracketed release only where
	// row 1 does not answer (row 1 overwrites the match unless junos-evo):
	// with a classic row 1, the sysDescr's 'kernel JUNOS' release.
	"junos-classic-row1-sysdescr-release": {"juniper-junos", "Juniper Networks", "MX480", "JN12345ABAFA", "Junos", "21.4R3-S5.4", "router"},
	// Windows.php's client map: build 10240 is '10 version 1507 (NT 10.0)'.
	"windows-10-1507-client": {"windows-workstation", "", "Intel x64", "", "Windows 10", "10 version 1507 (NT 10.0)", "workstation"},
	// Its datacenter map (311.1.1.3.1.3) lists no 25398: no release, and
	// no client-style default for a server.
	"windows-datacenter-unlisted-build": {"windows-server", "", "AMD x64", "", "Windows Server 23H2", "", "server"},
	// A registration that is none of 311.1.1.3.1.1/.2/.3: Windows.php names
	// no release, whatever the build; the processor's class still.
	"windows-no-role-registration": {"windows", "", "Intel x64", "", "Windows 8.1 / Server 2012 R2", "", "server"},
	// Its server map's 6003 (Server 2008 SP2 with the 2019 servicing
	// build), which the datacenter map does not list.
	"windows-server-2008-sp2-6003": {"windows-server", "", "Intel x64", "", "Windows Server 2008", "Server 2008 SP2 (NT 6.0)", "server"},
}

func TestReviewTodayFixtures(t *testing.T) {
	checkFixtures(t, reviewTodayFixtureDir, reviewTodayCases)
}
