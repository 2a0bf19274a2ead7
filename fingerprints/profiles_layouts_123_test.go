package fingerprints

import (
	"testing"
)

// layouts123FixtureDir holds small walks written from documented sysDescr
// shapes and NET-SNMP-EXTEND-MIB for fq123's re-check of the profiles
// whose comments said a device-support definition has no os module: the
// definition freebsd has one in the older layout
// (includes/definitions/discovery/freebsd.yaml, b479081 and 3fe62b9), of
// which no copy is stored in the newer (resources/definitions/
// os_discovery), so it had been read as Shared\Unix's uname parse and
// machine map.
const layouts123FixtureDir = "testdata/fixtures/layouts-123"

// layouts123Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var layouts123Cases = map[string]want{
	// FreeBSD whose agent runs the "hardware" extend: Shared\Unix reads
	// the extends after the os module's architecture word and keeps
	// theirs ('PowerEdge R640'; its "manufacturer" extend is the vendor).
	// Before, the same (generic-net-snmp-extend's fill, net-snmp-bsd
	// reading no hardware); pins the order now that net-snmp-bsd reads the
	// module's word.
	"freebsd-hardware-extend": {"net-snmp-bsd", "Dell", "PowerEdge R640", "", "FreeBSD", "14.1-RELEASE-p3", "server"},
	// FreeBSD on POWER: the module's pattern 'powerpc\w*' reads
	// 'powerpc64', the word uname's machine closes the line with (the
	// kernel path's 'powerpc.powerpc64' before it gives the same word).
	// Before, no model (Shared\Unix's map names no class for it).
	"freebsd-powerpc64": {"net-snmp-bsd", "", "powerpc64", "", "FreeBSD", "14.0-RELEASE", "server"},
	// A host name holding one of the pattern's words ('farm12', whose
	// 'arm12' the pattern, without word bounds, would find first): the
	// machine uname closes the line with, 'amd64', not a piece of the
	// host's name. Before, Generic x86 64-bit (the fallback's class).
	"freebsd-host-named-farm": {"net-snmp-bsd", "", "amd64", "", "FreeBSD", "13.3-RELEASE-p1", "server"},
	// An agent whose sysDescr is not uname's line but names FreeBSD's
	// release inside it: the module's 'FreeBSD (?<version>\d\S+)' finds
	// it anywhere. Before, no release (the uname rules want the line to
	// begin with the OS or to be bsnmpd's).
	"freebsd-release-inside-descr": {"net-snmp-bsd", "", "amd64", "", "FreeBSD", "12.4-RELEASE-p9", "server"},
	// NetBSD whose kernel version field ends with the kernel's name, the
	// machine after it closing the line: the definition netbsd's os module
	// (resources/definitions/os_discovery/netbsd.yaml a7b0363,
	// '/ NetBSD (?<version>[\d.-]+) \((?<features>\S+)\) (?<hardware>\S+)$/')
	// reads the release and the machine word. Before, the same release
	// (uname's) and the fallback's machine class (Generic x86 64-bit).
	// (A version field with a build stamp after the name fails the
	// pattern: audit-hosts' netbsd-netsnmp-unknown, unchanged.)
	"netbsd-version-field-closing": {"net-snmp-bsd", "", "amd64", "", "NetBSD", "10.0", "server"},
	// DragonFly: the definition dragonfly's os module (os_discovery
	// a7b0363, '/ v(?<version>\S+) .* (?<hardware>\S+)/') reads the
	// release from uname's version field without its 'v' (6.4.0-RELEASE,
	// not uname's release field 6.4-RELEASE) and the line's last word
	// (x86_64), not the 'mhost7' its pattern would cut from a host name
	// beginning with 'v' (no release). Before, 6.4-RELEASE and Generic x86
	// 64-bit (Shared\Unix's map, which runs only without a module).
	"dragonfly-version-field": {"net-snmp-bsd", "", "x86_64", "", "DragonFly", "6.4.0-RELEASE", "server"},
	// A Catalyst IW9167 in URWB mode (ciscoIW9167EHURWB 9.1.3282, which the
	// definition ciscowap detects): its os module (os_discovery a7b0363)
	// reads only a 'WAP...' sysDescr pattern, which this sysDescr does not
	// hold, so it states nothing; the registration's model and the release
	// the sysDescr writes stand for the user's inventory (no change; pins
	// fq121's lead's answer).
	"cisco-iw9167-urwb-release": {"cisco-sb-wap", "Cisco", "IW9167EHURWB", "", "", "17.15.1", "access_point"},
}

func TestLayouts123Fixtures(t *testing.T) {
	checkFixtures(t, layouts123FixtureDir, layouts123Cases)
}
