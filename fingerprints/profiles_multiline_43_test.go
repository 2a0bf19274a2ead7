package fingerprints

import (
	"testing"
)

// multiline43FixtureDir holds small walks with a multi-line sysDescr for
// the review of families whose sysDescr may span lines (fq43): each rule
// reads sysDescr with its lines kept, as the device-support definitions'
// PCRE does ('.' stops at a line break, '^' is the text's start unless
// the pattern says /m).
const multiline43FixtureDir = "testdata/fixtures/multiline-43"

// multiline43Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var multiline43Cases = map[string]want{
	// A DmOS switch whose sysDescr closes with a build line: the release
	// up to the last digit of the line 'version' is on, as the definition
	// (datacom-dmos) reads 'version(?<version>.*[0-9])' (was the release
	// and the build line joined).
	// DatacomDmos.php reads only the first module row's serial, and this
	// walk has no module row: the chassis row's follows (owner, after
	// fq54 left it empty: the definition states none there).
	"datacom-dmos-build-line": {"datacom-dmos", "Datacom", "DM4370", "4370A7654321", "DmOS", "5.6.2", "switch"},
	// A FiberHome switch whose sysDescr names its maker on a line of its
	// own: the hardware all the next line holds before ' (R) Software',
	// as the definition (fiberhome-switch) reads '(?<hardware>.*) \(R\)
	// Software, Version (?<version>[^ ,]+),Hw Version ...' (was the
	// maker's line, less 'FiberHome', joined to it).
	"fiberhome-switch-maker-line": {"fiberhome-switch", "FiberHome", "S5800-52T-X", "", "", "3.1.0.B05", "switch"},
	// A Cisco IPS sensor whose sysDescr goes on after the platform: the
	// platform the rest of its line, as the definition (cips) reads
	// 'Version (?<version>.*)  Platform: (?<hardware>.*)' (was the
	// platform and the next line joined).
	"cisco-ips-signature-line": {"cisco-ips", "Cisco", "IPS-4345-K9", "", "IPS", "7.1(10)E4", "firewall"},
	// A Cisco IPS sensor whose sysDescr puts the platform on the line
	// after the release: detected as the definition (cips) does, by
	// '^Cisco Intrusion Prevention System' (was cisco-generic), whose
	// pattern then reads neither (its two spaces are no line break); the
	// model is the registration's (ciscoIPS4345), the release the one
	// cisco-generic's sysDescr rule fills.
	"cisco-ips-platform-next-line": {"cisco-ips", "Cisco", "IPS4345", "", "IPS", "7.1(10)E4", "firewall"},
	// A DASAN switch whose sysDescr names its maker on a line of its own:
	// the hardware all the next line holds before ' NOS ', as the
	// definition (dasan-nos) reads '(?<hardware>.+) NOS (?<version>[^/]+)'
	// (was the maker's line joined to it).
	"dasan-nos-maker-line": {"dasan-nos", "DASAN Zhone", "V5824G", "", "NOS", "5.07 #1065", "switch"},
	// An F5OS appliance whose sysDescr closes with a copyright line: all
	// after 'version ' on its line, as the definition (f5os) reads
	// 'version (?<version>.*)' (was the release and the copyright joined).
	"f5os-copyright-line": {"f5os", "F5", "r5900", "", "F5OS", "1.7.0-3518", "load_balancer"},
	// A FireBrick whose sysDescr puts the model at the start of its second
	// line: model and release as the definition (firebrick) reads
	// '/^(?<hardware>FB[0-9]{4}).*\((?<version>[^ ]+)/m', '^' at any
	// line's start (was no model and the bare number).
	"firebrick-name-line": {"firebrick", "FireBrick", "FB2900", "", "FireBrick", "V1.54.004", "router"},
	// The families whose sysDescr rule takes all the rest of a line, each
	// as its definition's '(?<field>.*)' reads it: that line only, not the
	// build or copyright line after it (each was the two joined).
	// VeloCloud: velocloud '^VeloCloud (?<hardware>EDGE.*)'.
	"velocloud-edge-build-line": {"velocloud-edge", "VMware", "EDGE610", "", "VeloCloud", "", "router"},
	// KTI: kti '(?<hardware>.*)', the first line.
	"kti-switch-copyright-line": {"kti-switch", "KTI Networks", "KGS-2416CX", "", "", "1.08.02", "switch"},
	// SiteBoss: siteboss '(?<hardware>SiteBoss \S+) (?<version>.*)'.
	"asentria-siteboss-build-line": {"asentria-siteboss", "Asentria", "SiteBoss 530", "", "", "2.06.270", "sensor"},
	// Comet Web Sensor: websensor '( fw|Version) (?<version>.*)'.
	"comet-websensor-fw-line": {"comet-system", "Comet System", "P8541", "17967654", "", "4-5-8.0", "sensor"},
	// 3PAR: informos '... InForm OS version: (?<version>.*)'.
	"hpe-3par-copyright-line": {"hpe-3par", "HPE", "InServ F400", "1321345", "InForm OS", "3.1.2 (MU2)", "storage"},
	// Onyx: mellanox '[, ](?<hardware>\S+),SWv(SX)?(?<version>.*)'.
	"mellanox-onyx-build-line": {"mellanox-onyx", "Mellanox", "SN2410", "MT1927X05678", "Onyx", "3.9.1306", "switch"},
	// Trango: apex-plus '(?<hardware>.*)', the first line.
	"trango-build-line": {"trango", "Trango", "Apex Lynx", "", "", "2.1.1", "wireless"},
	// Arista MOS whose platform line is not the sysDescr's last: no model,
	// as arista-mos reads '... running\son\sa\s(?<hardware>.*)$' ('$' the
	// text's end, which '.' cannot reach across the line break; was the
	// platform and the copyright line joined).
	// fq47: no release either (was 0.39.3): the definition's one
	// pattern captures the release with the platform, so neither where
	// it does not hold.
	"arista-mos-copyright-line": {"arista-mos", "Arista Networks", "", "", "MOS", "", "switch"},
	// Illustra: illustra 'illustra (?<hardware>\w+) .* Illustra\.(?<version>.*)',
	// the rest of that line.
	"illustra-camera-build-line": {"illustra-camera", "Illustra", "IFS02D1ICWIT", "", "", "SS004.02.01.00.0012", "camera"},
	// Cradlepoint: wipipe 'Cradlepoint (?<hardware>.*), Firmware Version
	// (?<version>.*)', the rest of that line.
	"cradlepoint-build-line": {"cradlepoint", "Cradlepoint", "AER2200-600M", "", "NetCloud OS", "7.23.40", "router"},
	// ENOS whose product line is not the sysDescr's last: ibmnos's
	// '... (?<hardware>.*?)...$' reads none there ('$' the text's end), so
	// the chassis row's model (was the product and the build line joined).
	"lenovo-enos-build-line": {"lenovo-enos", "IBM", "G8052", "US71234568", "ENOS", "7.11.12", "switch"},
	// Vyatta: vyatta 'Vyatta (?<version>.*)', the rest of that line.
	"vyatta-core-build-line": {"vyatta-vyos", "Vyatta", "", "", "Vyatta", "VC6.6R1", "router"},
	// FTD in the form asa detects: asa 'Version (?<version>.*)', the rest
	// of that line, not the copyright line after it.
	"cisco-ftd-asa-form-copyright-line": {"cisco-asa", "Cisco", "FPR-2110", "JAD2131A0BD", "FTD", "6.2.3.4 (Build 42), ASA Version 9.9(2)4", "firewall"},
}

func TestMultiline43Fixtures(t *testing.T) {
	checkFixtures(t, multiline43FixtureDir, multiline43Cases)
}
