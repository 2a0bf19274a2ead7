package fingerprints

import (
	"testing"
)

// leads51FixtureDir holds small walks for products built on FreeBSD
// (fq51): the OS and release each states, as its device-support
// definition reads them.
const leads51FixtureDir = "testdata/fixtures/leads-51"

// leads51Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads51Cases = map[string]want{
	// TrueNAS CORE known by its kernel ident ('... TRUENAS amd64') on
	// net-snmp's FreeBSD registration: the definition truenas does not
	// catch it ('/freenas/i', '^TrueNAS'), the definition freebsd does
	// (sysDescr 'FreeBSD', except 'FreeNAS' and 'TrueNAS' as written;
	// group unix), whose Shared\Unix uname parse '/ (\d+\.\d\S*) /' reads
	// FreeBSD's release: stated beside FreeBSD, not TrueNAS CORE.
	"truenas-core-ident-freebsd-release": {"freebsd-nas-uname", "iXsystems", "Generic x86 64-bit", "", "FreeBSD", "13.0-RELEASE-p14", "storage"},
	// NAS4Free on bsnmpd, named by its host name only: the definition
	// freebsd's uname parse wants a space after the release, which ends
	// bsnmpd's line, so no release is read, and the product is named.
	"nas4free-hostname-bsnmpd": {"freebsd-nas-uname", "", "", "", "NAS4Free", "", "storage"},
	// NAS4Free known by the uname line in UCD-SNMP-MIB extOutput.1 on a
	// GENERIC kernel's sysDescr: the definition freebsd's uname parse
	// reads FreeBSD's release from sysDescr, stated beside FreeBSD.
	"nas4free-exec-netsnmp-uname": {"freebsd-nas-exec", "", "Generic x86 64-bit", "", "FreeBSD", "11.2-RELEASE-p10", "storage"},
}

func TestLeads51Fixtures(t *testing.T) { checkFixtures(t, leads51FixtureDir, leads51Cases) }
