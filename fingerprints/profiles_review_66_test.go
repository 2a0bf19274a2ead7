package fingerprints

import (
	"testing"
)

// review66FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes by fq66, reviewing the last session's commits
// against the device-support definitions they cite: each checks one
// correction.
const review66FixtureDir = "testdata/fixtures/review-66"

// review66Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var review66Cases = map[string]want{
	// A cnWave 60 client node whose sysDescr goes on to a second line: the
	// definition cnwave60's one pattern does not hold, so it states no
	// hardware or release (no measure counts them); the first line's
	// product and release follow for the user's inventory (correcting
	// 4238746, whose no_fill left both empty).
	"cnwave60-client-second-line": {"cambium-cnwave60", "Cambium Networks", "V1000", "", "cnWave", "1.3.0.1", "wireless"},
	// A FreeBSD NAS whose kernel ident writes 'TrueNAS' as the definition
	// truenas names it, on net-snmp's FreeBSD registration: truenas
	// catches it (sysDescr 'TrueNAS', str_contains) and reads nothing from
	// that shape, so the product alone, no FreeBSD release.
	// fq67: Generic x86 64-bit (was none): truenas states no hardware
	// here (a field no measure counts), so the machine class of the
	// host's 'amd64' follows for the user's inventory (no_fill now keeps
	// only the release out).
	"truenas-core-mixed-case-ident": {"freebsd-nas", "iXsystems", "Generic x86 64-bit", "", "TrueNAS CORE", "", "storage"},
	// FreeNAS 9.10's upper-case ident ('FREENAS.amd64'), the only product
	// word in it (the build path's 'freenas' is lower-case): truenas's
	// case-sensitive 'FreeNAS' does not catch it, freebsd does, and its
	// Shared\Unix reads FreeBSD's release (correcting fd62b20's
	// '/freenas/i', which made it FreeNAS, no release).
	// fq67: Generic x86 64-bit (was none): freebsd's Shared\Unix names no
	// class for 'amd64' (a field no measure counts), so the same
	// machine's class follows for the user's inventory (after fe37583).
	// fq123: amd64 (was Generic x86 64-bit): the definition freebsd has an os
	// module (includes/definitions/discovery/freebsd.yaml, b479081,
	// 3fe62b9), whose sysDescr pattern reads the architecture word as
	// uname writes it; Shared\Unix's map runs only without one.
	"freenas-uppercase-ident-release": {"freebsd-nas-uname", "iXsystems", "amd64", "", "FreeBSD", "9.10-STABLE", "storage"},
	// A Hikvision camera on net-snmp's Linux registration writing a uname
	// line: the definition hikvision-cam detects it by deviceType holding
	// '-' alone (no sysObjectID named), checked before the generic linux,
	// so deviceType and softwVersion, no kernel release (correcting
	// be544b4, which left it to linux where a sysObjectID answers).
	// fq103: was hikvision, softwVersion beside no OS; now
	// hikvision-device-mib, Linux and the kernel's release: the newest
	// hikvision-cam.yaml (34cba3b) wants no sysObjectID, so linux takes it.
	// fq107: model 'Generic ARMv7' (was DS-2CD2386G2-ISU/SL): linux's
	// hardware, Shared\Unix's machine class of 'armv7l' (os_detection
	// 11a4d8b), before deviceType.
	"hikvision-cam-netsnmp-uname": {"hikvision-device-mib", "Hikvision", "Generic ARMv7", "", "Linux", "4.9.37", "camera"},
	// pfSense with net-snmp's "hardware" and "version" extends: Pfsense.php,
	// a Shared\Unix, writes the hardware extend with the version extend's
	// line after it in brackets (discoverExtends), as
	// generic-net-snmp-extend reads it (correcting cc3aed2's hardware
	// alone, shared by pfsense and opnsense).
	"pfsense-hardware-version-extends": {"pfsense", "Netgate", "VP2420 [2.7.2-RELEASE]", "", "pfSense", "2.7.2-RELEASE", "firewall"},
	// An agent on net-snmp's registration whose EXCELIANCE-MIB
	// alProductName is not 'aloha': the definition aloha detects it only
	// where that name equals 'aloha' (snmpget op '='), so it is linux's,
	// Linux with the kernel's release (before, any alProductName made it
	// ALOHA, with alProductSubVersion).
	"aloha-product-name-not-aloha": {"net-snmp-linux", "", "Generic x86 64-bit", "", "Linux", "4.9.250", "server"},
	// An ALOHA answering alProductVersion but no alProductSubVersion: the
	// definition states no release (a field no measure counts); the
	// product's own alProductVersion follows, never the kernel's
	// (correcting the no_fill fq41 set and 37fd8eb kept).
	"aloha-version-no-subversion": {"haproxy-aloha", "HAProxy Technologies", "ALB5200", "", "ALOHA", "15.0", "load_balancer"},
}

func TestReview66Fixtures(t *testing.T) {
	checkFixtures(t, review66FixtureDir, review66Cases)
}
