package fingerprints

import (
	"testing"
)

// kernel34FixtureDir holds small walks written for the kernel release audit
// (fq34): appliances on net-snmp's Linux agent whose uname sysDescr's kernel
// release is their version exactly where the device-support definition's
// OS falls to Shared\Unix's discoverOS (group unix or a class extending it,
// no os module, no discoverOS of its own), which reads the sysDescr's first
// ' <digits>.<digit>...' word.
const kernel34FixtureDir = "testdata/fixtures/kernel-34"

// kernel34Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var kernel34Cases = map[string]want{
	// MobileIron Sentry (definition mobileiron: group unix, no os module,
	// no class): the kernel release, as Shared\Unix reads it.
	// fq38: no release: the kernel's is Linux's, not MobileIron's, the OS
	// stated (correcting b24f1c8).
	// Owner (session 27), settling b24f1c8 and 2b0c22e: the OS stated is
	// Linux, the one the uname line names, and its release the kernel's,
	// as Shared\Unix reads it; the product stays in vendor and type.
	"mobileiron-sentry-kernel": {"mobileiron", "MobileIron", "Generic x86 64-bit", "", "Linux", "3.10.0-1160.45.1.el7.x86_64", "appliance"},
	// A BroadWorks media server (definition broadworks: group unix, its
	// discovery file sensors only): the kernel release.
	// fq38: no release: the kernel's is Linux's, not BroadWorks', the OS
	// stated (correcting b24f1c8).
	// Owner (session 27), settling b24f1c8 and 2b0c22e: the OS stated is
	// Linux, the one the uname line names, and its release the kernel's,
	// as Shared\Unix reads it; the product stays in vendor and type.
	// fq107: model 'Generic x86 64-bit' (was none): the definition's
	// class, Shared\Unix (group unix, no class of its own), writes the
	// machine class of the uname line's 'x86_64' as the hardware.
	"broadworks-media-server-kernel": {"cisco-broadworks", "Cisco", "Generic x86 64-bit", "", "Linux", "4.18.0-425.3.1.el8.x86_64", "server"},
	// A TimeMachines TM1000A (definition timemachines: group unix, its
	// discovery file sensors only): the kernel release with its suffix.
	// fq107: model 'Generic ARMv7' (was none): the definition's class,
	// Shared\Unix (group unix, no class of its own), writes the machine
	// class of the uname line's 'armv7l' as the hardware (os_detection
	// a30eebd).
	"timemachines-tm1000a-kernel": {"timemachines-ntp", "TimeMachines", "Generic ARMv7", "", "Linux", "4.19.94-ti-r42", "appliance"},
	// A PBI DCH-4000P decoder (definition ird: class Ird extends
	// Shared\Unix, its discovery file sensors only): the kernel release.
	"pbi-dch4000p-kernel": {"pbi-ird", "PBI", "DCH-4000P", "", "Linux", "2.6.28", "appliance"},
	// An Armis sensor answering the APP_VERSION extend's command but not
	// its output (definition armis: class Armis extends Shared\Unix, but
	// its os module reads the extend alone, the kernel release going to
	// the features): no release.
	// fq37 (correcting 4a5c98b's case): no model either (was "Generic
	// x86 64-bit"), the architecture being read only where no os module
	// is, in the same branch as the kernel release.
	"armis-no-app-version": {"armis", "Armis", "", "", "Debian", "", "appliance"},
	// ReadyNAS OS 6 on 4526.22 (definition netgear, the enterprise's: class
	// Netgear, no Shared\Unix; os module entPhysicalSoftwareRev.1, else a
	// switch sysDescr's ', N,'): no kernel release; the ENTITY chassis
	// row's software revision where it answers.
	// Owner (session 27): the OS is ReadyNAS OS, whose release the
	// version is (was Linux beside ReadyNAS OS's release, after e7dbb95).
	"netgear-readynas-uname": {"netgear-readynas", "Netgear", "", "", "ReadyNAS OS", "", "storage"},
	// Owner (session 27): the OS is ReadyNAS OS, whose release the
	// version is (was Linux beside ReadyNAS OS's release, after e7dbb95).
	"netgear-readynas-entity": {"netgear-readynas", "Netgear", "", "", "ReadyNAS OS", "6.10.8", "storage"},
}

func TestKernel34Fixtures(t *testing.T) {
	checkFixtures(t, kernel34FixtureDir, kernel34Cases)
}
