package fingerprints

import (
	"testing"
)

// leads11FixtureDir holds small walks written from the vendor MIBs for the
// leads and lost definitions of the eleventh follow-up audit: which devices
// each profile catches and which objects give its values, as the
// device-support definitions read them.
const leads11FixtureDir = "testdata/fixtures/leads-11"

// leads11Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads11Cases = map[string]want{
	// A GXW gateway on net-snmp's Linux arc answering GS-GXW42XX-MIB
	// (42397.1.1): partNo.0.0 as the serial and 'Core: <versionCore.0.0>,
	// Base: <versionBase.0.0>' as the version, as the definition
	// (grandstream-gxw) reads them; not the kernel's release.
	// fq40: no OS (was Linux, the agent's host system's, beside the product's own
	// release Core: 1.0.21.7, Base: 1.0.21.6, not Linux's): an OS is named beside its own release only.
	"grandstream-gxw-mib": {"grandstream", "Grandstream", "GXW4224", "9610001234", "", "Core: 1.0.21.7, Base: 1.0.21.6", "appliance"},
	// A GXW on Grandstream's arc whose versionBase does not answer:
	// versionCore.0.0 alone (the template's dangling 'Base:' is not a value
	// kept), before the sysDescr's firmware, as the definition's object
	// wins over the sysDescr; partNo.0.0 as the serial.
	"grandstream-gxw-core-only": {"grandstream", "Grandstream", "GXW4216", "9610004321", "", "1.0.23.4", "appliance"},
	// A FreeNAS 9 kernel ident on net-snmp's FreeBSD registration.
	// fq66: was freebsd-nas, FreeNAS, no release, on the claim that the
	// definition truenas catches 'freenas' in any case; it tests
	// sysDescr 'FreeNAS' or 'TrueNAS' with str_contains (truenas.yaml,
	// Core.php), so 'FREENAS.amd64' is not caught, and the definition
	// freebsd's Shared\Unix reads FreeBSD's release: now
	// freebsd-nas-uname, FreeBSD and that release.
	// fq67: Generic x86 64-bit (was none): freebsd's Shared\Unix names no
	// class for 'amd64' (a field no measure counts), so the same
	// machine's class follows for the user's inventory (after fe37583).
	// fq123: amd64 (was Generic x86 64-bit): the definition freebsd has an os
	// module (includes/definitions/discovery/freebsd.yaml, b479081,
	// 3fe62b9), whose sysDescr pattern reads the architecture word as
	// uname writes it; Shared\Unix's map runs only without one.
	"freenas-9-kernel-ident": {"freebsd-nas-uname", "iXsystems", "amd64", "", "FreeBSD", "9.3-RELEASE-p31", "storage"},
	// XigmaNAS is no truenas device: FreeBSD's release and architecture as
	// for any FreeBSD host. fq51: that release beside FreeBSD, whose it is
	// (was XigmaNAS), as the definition freebsd reads it (Shared\Unix's
	// uname parse); freebsd-nas-uname, the kernel idents the definition
	// truenas does not catch (was freebsd-nas's second alternative). No
	// machine class (was Generic x86 64-bit): Shared\Unix names one for
	// 'x86_64', not FreeBSD's 'amd64'.
	// fq67: Generic x86 64-bit again (was none, fe37583): Shared\Unix
	// names no class for 'amd64', a field no measure counts, so the same
	// machine's class follows for the user's inventory.
	// fq123: amd64 (was Generic x86 64-bit): the definition freebsd has an os
	// module (includes/definitions/discovery/freebsd.yaml, b479081,
	// 3fe62b9), whose sysDescr pattern reads the architecture word as
	// uname writes it; Shared\Unix's map runs only without one.
	"xigmanas-kernel-ident": {"freebsd-nas-uname", "", "amd64", "", "FreeBSD", "12.2-RELEASE-p14", "storage"},
	// An airFiber radio on the airOS registration (10002.1) with a Linux
	// sysDescr and UBNT-AirFIBER-MIB fwVersion.1: the hardware as the
	// definition (airos-af) templates it, 'Ubiquiti AF ' and
	// dot11manufacturerProductName.5 (the maker's name in the vendor
	// field); fwVersion.1 whole.
	"airos-af-airos-arc": {"ubiquiti-airfiber-agent", "Ubiquiti", "AF AF5XHD", "", "airFiber", "v4.1.0", "wireless"},
	// A Westermo Wolverine (ENTITY row 5's model and serial) whose sysDescr
	// is its release with padding: the sysDescr whole, trimmed, as the
	// definition (weos) reads sysDescr.0 as the version.
	"westermo-weos-padded": {"westermo-weos", "Westermo", "DDW-225", "17650321", "WeOS", "v4.31.2", "switch"},
	// A Loop Telecom agent answering a sysObjectID below the registration
	// (823.34441.1, the MIB's controller node, not the unit's name): the
	// product, not the MIB's name of that node; serial and firmware as
	// the definition (loop-telecom) reads them.
	"loop-telecom-card-arc": {"loop-telecom-am3440", "Loop Telecom", "AM3440-A", "70219876", "Loop Telecom OS", "V6.12.01", ""},
}

func TestLeads11Fixtures(t *testing.T) {
	checkFixtures(t, leads11FixtureDir, leads11Cases)
}
