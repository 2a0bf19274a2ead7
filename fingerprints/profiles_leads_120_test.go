package fingerprints

import (
	"testing"
)

// leads120FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq120's leads (session 34's sweep-D): each
// pins what the device-support definition that takes the unit states.
const leads120FixtureDir = "testdata/fixtures/leads-120"

// leads120Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads120Cases = map[string]want{
	// Definition windows (windows.yaml 13902ac: sysDescr 'Windows', a
	// text match on any sysObjectID, first pass): another agent's line on
	// its own registration, with Dell OpenManage answering. Windows.php
	// reads the hardware and serial as ServerHardware (chassisModelName.1,
	// chassisServiceTagName.1) and names no release off the 'Hardware: ...
	// Software:' form. Before fq120, dell-openmanage won, and the generic
	// sysDescr reader stated the line's '10.0' as the release.
	"windows-sysdescr-java-agent-dell": {"windows", "Dell", "PowerEdge R640", "7XK0120", "Windows", "", "server"},
}

func TestLeads120Fixtures(t *testing.T) {
	checkFixtures(t, leads120FixtureDir, leads120Cases)
}
