package fingerprints

import (
	"testing"
)

// review48FixtureDir holds small walks for fq48's review of the session's
// landed profile changes, each correcting one reviewed commit as the
// device-support definition it follows reads the device.
const review48FixtureDir = "testdata/fixtures/review-48"

// review48Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var review48Cases = map[string]want{
	// An early UniFi switch whose sysDescr begins 'UBNT US' on net-snmp's
	// Linux registration: the definition edgeswitch detects '^UBNT US'
	// under every enterprise arc (its sysObjectID list holds 1.3.6.1.4.1),
	// so Ubiquiti's UniFi switch as c2bcaf2 names it on 4413, not a Linux
	// server stating the UniFi firmware as Linux's release (correcting
	// c2bcaf2, which took it on 4413 only); no model, the definition's
	// hardware pattern (anchored on 'US') reading none from this shape.
	// fq67: US-8-150W (was none): the definition states no hardware (a
	// field no measure counts), so the product code the unit writes after
	// 'UBNT' follows for the user's inventory, as its release does.
	"unifi-ubnt-us-net-snmp": {"ubiquiti-edgeswitch", "Ubiquiti", "US-8-150W", "", "UniFi", "3.9.27.8537", "switch"},
	// OPNsense whose agent writes FreeBSD's uname line under the default
	// host name, no version extend: the definition opnsense's
	// sysDescr_regex ' (?<version>\d+\.\S+)' finds FreeBSD's release
	// (13.2-RELEASE-p7) first, no release of OPNsense, so none (correcting
	// 9141ca6, which stated it as OPNsense's); the machine uname's line
	// ends with. Owner (settling d7c07de and 9141ca6): that release, the
	// definition's, beside the OS whose release it is, FreeBSD.
	"opnsense-uname-freebsd-release": {"opnsense", "Deciso", "amd64", "", "FreeBSD", "13.2-RELEASE-p7", "firewall"},
}

func TestReview48Fixtures(t *testing.T) { checkFixtures(t, review48FixtureDir, review48Cases) }
