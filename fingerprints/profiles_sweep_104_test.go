package fingerprints

import (
	"testing"
)

// sweep104FixtureDir holds small walks written from the vendor MIBs and
// documented sysDescr shapes for fq104's sweep: profiles re-read against
// the newest device-support definitions that detect them, in their
// order and their form.
const sweep104FixtureDir = "testdata/fixtures/sweep-104"

// sweep104Cases: fixture name → the expected result (profile, vendor,
// model, serial, os, os_version, device_type).
var sweep104Cases = map[string]want{
	// Cisco ISE (definition ise, os_discovery f7c263a): the
	// hardware_template '{{ entPhysicalModelName.1 }} rev {{
	// entPhysicalHardwareRev.1 }}', trimmed, written wherever the model
	// answers: no revision answering leaves it empty ('ISE-VM-K9 rev').
	"ise-vm-no-hardware-rev": {"cisco-ise", "Cisco", "ISE-VM-K9 rev", "VMW0A1B2C3D4E", "ISE", "3.2.0.542", "server"},
	// A revision answering empty: the same.
	"ise-empty-hardware-rev": {"cisco-ise", "Cisco", "SNS-3595-K9 rev", "WZP22110XY9", "ISE", "2.7.0.356", "server"},
	// The model name whole, a space in it kept, and the revision after
	// 'rev' (before, the name was cut at its first space).
	"ise-model-name-with-space-rev": {"cisco-ise", "Cisco", "SNS-3615-K9 Small rev A0", "WZP24010AB1", "ISE", "3.3.0.430", "server"},
	// Netgear (definition netgear, os_discovery 039c4673): the release its
	// sysDescr pattern '^(?<hardware>\S+) .*, (?<version>[\d.]+),' reads
	// where entPhysicalSoftwareRev.1 answers none (row 1 a stack here),
	// before the chosen chassis row's (was 12.0.8.6, that row's).
	"netgear-stack-sysdescr-release-before-chassis-row": {"netgear", "Netgear", "M4300-52G", "4XA1234B5C6D7", "", "12.0.9.3", "switch"},
	// Any dotted number between the commas, two numbers too (was none:
	// the pattern wanted three).
	"netgear-two-number-release": {"netgear", "Netgear", "GS110TP", "", "", "5.0", "switch"},
	// airOS (definition airos, os_detection 917ee24): a Linux sysDescr on
	// 10002.1 or 41112.1.4 and UI-AF60-MIB af60Role.1 answering nothing.
	// An agent answering af60Role.1 (ap, 0) without the AF60 firmware
	// object is no definition's radio: the Linux its uname line names
	// (was ubiquiti-airos).
	"airos-af60-role-answering": {"linux-sysdescr", "Frogfoot Networks", "AF60-LR", "", "Linux", "4.9.0", "access_point"},
	// airOS's registration without 'Linux' in the sysDescr: not airos's;
	// the generic readings (was ubiquiti-airos, airOS, the release after
	// '.v').
	"airos-registration-without-linux": {"", "Ubiquiti", "NanoStation loco M5", "", "", "XM.ar7240.v6.3.6.33330.210818.1900", "access_point"},
	// UniFi (definition unifi, newest os_detection 359a1ec, its
	// sysDescr_regex '/^UK/' among UAP, U6, U7, E7, U-LTE): a UK unit on
	// Ubiquiti's registration, its product code alone, is unifi's, read
	// as any UniFi AP (was ubiquiti-unifi-mib, the same values).
	"unifi-uk-product-code-alone": {"ubiquiti-unifi-registration", "Ubiquiti", "UK-Ultra", "", "UniFi", "6.6.65.15248", "access_point"},
	// '/^U6/' wants nothing after the prefix: 'U6+' on net-snmp's
	// registration is unifi's (was net-snmp-linux, a Linux server).
	"unifi-u6-plus-release": {"ubiquiti-unifi-registration", "Ubiquiti", "U6+", "", "UniFi", "6.6.77.15402", "access_point"},
	// edgeswitch (os_detection a7b0363) takes '^US[ -]': 'US' and a space
	// too, its hardware and version by its pattern, entPhysicalSerialNum.1
	// (was broadcom-fastpath on 4413, no model).
	"unifi-us-space-switch": {"ubiquiti-unifi-sysdescr", "Ubiquiti", "US 24 PoE 250W", "F09FC2A1B2C3", "UniFi", "5.43.36.12724", "switch"},
	// OPNsense (definition opnsense, os_detection fba4e0d): 'OPNsense' or
	// 'sensey' anywhere in the sysDescr, as written. A host named in small
	// letters is the generic FreeBSD's (was opnsense, amd64 as the model).
	// fq123: amd64 (was Generic x86 64-bit): the definition freebsd has an os
	// module (includes/definitions/discovery/freebsd.yaml, b479081,
	// 3fe62b9), whose sysDescr pattern reads the architecture word as
	// uname writes it; Shared\Unix's map runs only without one.
	"opnsense-lowercase-host-freebsd": {"net-snmp-bsd", "", "amd64", "", "FreeBSD", "13.2-RELEASE-p7", "server"},
	// 'OPNsense' inside a word of the host name is OPNsense's (was
	// net-snmp-bsd's): the sysDescr's last word and first release, as the
	// definition's sysDescr_regex reads them.
	"opnsense-name-inside-word": {"opnsense", "Deciso", "amd64", "", "FreeBSD", "13.2-RELEASE-p7", "firewall"},
	// ArubaOS-CX (definition arubaos-cx, os_discovery 00b68ec): where
	// neither ENTITY row answers, its sysDescr_regex's hardware, the words
	// from the first number of four or more digits up to ' Swch ' and the
	// release, whatever comes before them (was 6100, the word after
	// 'Aruba': the longer pattern wanted a product number first).
	"aruba-cx-sysdescr-without-product-number": {"aruba-os-cx", "HPE", "6100 12G CL4 2SFP+", "", "ArubaOS-CX", "PL.10.08.1010", "switch"},
	// Instant On on a ProCurve registration (definition procurve,
	// os_discovery 353acb2): its third sysDescr pattern and
	// hardware_replace, ' Stack' dropped (was '1960 24G 2XGT 2SFP+ Stack
	// JL806A').
	"procurve-instant-on-stack-word": {"hp-procurve", "HPE", "1960 24G 2XGT 2SFP+ JL806A", "VN3AKL0123", "Instant On", "2.9.0.3", "switch"},
}

func TestSweep104Fixtures(t *testing.T) {
	checkFixtures(t, sweep104FixtureDir, sweep104Cases)
}
