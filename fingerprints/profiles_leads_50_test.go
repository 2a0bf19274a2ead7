package fingerprints

import (
	"testing"
)

// leads50FixtureDir holds small walks written from the vendor MIBs for the
// helper fq50's doubts: profiles re-read against the device-support
// definitions for the objects they read and the form of each value.
const leads50FixtureDir = "testdata/fixtures/leads-50"

// leads50Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads50Cases = map[string]want{
	// An SRM router (syno_hw_version=RT2600ac, which the definition dsm
	// detects; no definition srm exists) answering SYNOLOGY-SYSTEM-MIB
	// version.0 with a bare release: dsm's os module reads version.0 by
	// '(DSM )?(?<version>\S+)', the release whole (fq50; before, none).
	"synology-srm-version": {"synology-srm", "Synology", "RT2600ac", "", "SRM", "1.3.1-9346", "router"},
	// One naming its product first ('SRM 1.3.1-9346 Update 4'): the
	// definition's capture is 'SRM', the product's name and no release,
	// so none (as before fq50), never the kernel's from the sysDescr.
	"synology-srm-version-product": {"synology-srm", "Synology", "MR2200ac", "", "SRM", "", "router"},
	// A unit answering SYNOLOGY-SYSTEM-MIB's whole system group (modelName,
	// serialNumber), which synology-dsm reads as dsm does, whose version.0
	// names SRM first: dsm's '(DSM )?(?<version>\S+)' captures 'SRM', a
	// product's name, not a release, so none (before, 'SRM' as DSM's
	// release; the owner after fq50's report).
	// fq47: an SRM router, not a DSM NAS (was synology-dsm, DSM and
	// storage): its modelName names a router (RT6600ax) and its version
	// SRM, so synology-srm, with modelName and serialNumber as dsm reads
	// them; no release, as above.
	"synology-system-group-srm": {"synology-srm", "Synology", "RT6600ax", "2290PDN123456", "SRM", "", "router"},
}

func TestLeads50Fixtures(t *testing.T) { checkFixtures(t, leads50FixtureDir, leads50Cases) }
