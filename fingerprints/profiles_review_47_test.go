package fingerprints

import (
	"testing"
)

// review47FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for the review of this session's profile
// commits, newest first (fq47).
const review47FixtureDir = "testdata/fixtures/review-47"

// review47Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var review47Cases = map[string]want{
	// A Hikvision camera whose agent answers net-snmp's registration with
	// the sysDescr 'Hikvision company products' (which the project's own
	// hikvision.snmprec camera writes too): since ac2c128 the definition
	// hikvision-nvr's sysDescr detection takes it (LibreNMS checks that
	// before hikvision-cam's snmpget), but it is no recorder: HIK-DEVICE-MIB
	// deviceType names a camera (DS-2CD...), so camera (ac2c128 made it
	// nvr, hikvision-nvr's default). The model the hikvision profile's
	// reading of HIK-DEVICE-MIB; no release, hikvision-nvr's os module
	// reading none (not softwVersion beside net-snmp's Linux).
	"hikvision-camera-descr-net-snmp": {"hikvision-nvr", "Hikvision", "DS-2CD2143G2-I", "", "Linux", "", "camera"},
	// The same with no sysObjectID, the shape hikvision-cam detects:
	// camera by deviceType (ac2c128: nvr).
	"hikvision-camera-descr-no-registration": {"hikvision-nvr", "Hikvision", "DS-2CD2386G2-IU", "", "", "", "camera"},
	// A recorder (DS-76xxNI) in the same shape stays a recorder: the
	// deviceType's recorder names are read before the camera rule.
	"hikvision-recorder-descr-net-snmp": {"hikvision-nvr", "Hikvision", "DS-7616NI-K2/16P", "", "Linux", "", "nvr"},
	// Arista MOS whose sysDescr ends in a line break: the definition
	// (arista-mos) reads release and platform from one pattern whose '$'
	// also holds before a final line break, so both (the platform without
	// it). Its multi-line case is multiline-43's arista-mos-copyright-line,
	// where neither is read (fq47, correcting the release 2262ab8 kept).
	"arista-mos-trailing-newline": {"arista-mos", "Arista Networks", "MetaConnect 96", "", "MOS", "0.42.1", "switch"},
	// An SRM router (WRX560) answering SYNOLOGY-SYSTEM-MIB's system group:
	// its modelName names a router and its version SRM, so synology-srm
	// above synology-dsm, not a DSM NAS (storage), which d96e702's leads-50
	// fixture of such a router stated; modelName and serialNumber as the
	// definition dsm's os module reads them; no release, its capture of
	// 'SRM 1.3.1-9346 Update 4' being 'SRM'.
	"synology-srm-system-group": {"synology-srm", "Synology", "WRX560", "2380QXN654321", "SRM", "", "router"},
	// A DSM NAS answering the same group stays synology-dsm, its release
	// the word after 'DSM ' (dsm's version_regex).
	"synology-dsm-system-group": {"synology-dsm", "Synology", "DS920+", "2030RQN987654", "DSM", "7.2.1-69057", "storage"},
	// Endian Firewall (definition endian: group unix, no class, no
	// os_discovery): Shared\Unix's uname parse gives the kernel's release,
	// Linux's, so the OS named beside it is Linux, not Endian Firewall
	// (correcting 1647832, as 0f3d95e settled Unitrends).
	"endian-kernel-release": {"endian-firewall", "Endian", "Generic x86 64-bit", "", "Linux", "3.10.0-1160.80.1.el7.endian44.x86_64", "firewall"},
}

func TestReview47Fixtures(t *testing.T) { checkFixtures(t, review47FixtureDir, review47Cases) }
