package fingerprints

import (
	"testing"
)

// leads61FixtureDir holds small walks written from Huawei's MIBs and
// documented sysDescr shapes for fq61's leads: Huawei VRP, YunShan OS and
// SmartAX, read in the order and form the device-support definitions
// read them.
const leads61FixtureDir = "testdata/fixtures/leads-61"

// leads61Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var leads61Cases = map[string]want{
	// SmartAX (definition smartax, os module: hardware ENTITY-MIB
	// entPhysicalDescr.36 with hardware_regex '(?<hardware>[^,]+)',
	// serial hwBackplanePhySerialNum.0, version hwSysVersionVrcb.0): all
	// of .36 before its comma, words and all ('MA5608T Mini Frame'), and
	// the backplane serial whole with its dash (before fq61: the
	// registration's MA5608T, and the ENTITY row's serial, none here).
	"huawei-smartax-descr36-before-comma": {"huawei-smartax", "Huawei", "MA5608T Mini Frame", "021LPF-10K3009911", "SmartAX", "V800R022C00", "switch"},
	// hwSysVersionVrcb writing the product before the release: whole, as
	// the definition reads it (before fq61: 'V800R018C10' cut from it).
	"huawei-smartax-vrcb-product-release": {"huawei-smartax", "Huawei", "MA5603T", "2102311QRT10K5004455", "SmartAX", "MA5600V800R018C10", "switch"},
	// OptiX RTN (definition huawei-optixrtn, os module: hardware
	// OPTIX-NE-MIB::optixNeDeviceType.0, which its snmpget -OUQ prints as
	// the enumeration's label, case as the MIB writes it; version the
	// sysDescr's word after 'Huawei Optix RTN '): 115 is 'optiXRTN380'
	// (before fq61: 'OptiX RTN 380', the product the MIB's DESCRIPTION
	// names). owner: 'OptiX RTN 380' again, the product the label stands
	// for, written as its maker names it.
	"huawei-optix-rtn-label-and-version": {"huawei-optix-rtn", "Huawei", "OptiX RTN 380", "2102113471P0K3000777", "OptiX RTN", "V100R012C10SPC100", "wireless"},
	// A YunShan OS switch on lanSw (2011.2.23, which the definition
	// yunshan takes whatever the sysDescr; its class extends Vrp, as a
	// stored copy of LibreNMS writes Yunshan.php): the version as Vrp.php
	// builds it, 'Version x', the bracketed release, the first
	// hwPatchVersion row; hwEntitySystemModel and hwDeviceEsn first.
	// Unchanged by fq61: it documents the reading.
	"huawei-yunshan-patch-row": {"huawei-vrp", "Huawei", "S5735-L24T4S-A", "102388719876", "YunShan OS", "1.22.0.1 (V600R022C10SPC500) [V600R022SPH120]", "switch"},
}

func TestLeads61Fixtures(t *testing.T) {
	checkFixtures(t, leads61FixtureDir, leads61Cases)
}
