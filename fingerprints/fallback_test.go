package fingerprints

import (
	"strings"
	"testing"

	"github.com/netcensus/netcensus/internal/snmprec"
)

func text(s string) snmprec.Value {
	return snmprec.Value{Type: snmprec.TypeOctetString, Bytes: []byte(s)}
}

// TestGenericFallbacks: the generic rules that fill a field no profile
// gives, on inputs written from the standard MIBs; and the fallbacks left
// out because they gave wrong values.
// lldpMEDLoc is LLDP-EXT-MED-MIB's lldpXMedLocalData.
const lldpMEDLoc = "1.0.8802.1.1.2.1.5.4795.1.2."

// lldpMED is a switch's LLDP-MED local inventory, written from the MIB.
var lldpMED = map[string]snmprec.Value{
	lldpMEDLoc + "2.0": text("A1"),
	lldpMEDLoc + "3.0": text("V1.01"),
	lldpMEDLoc + "4.0": text("4.50(AAHV.3)"),
	lldpMEDLoc + "5.0": text("S162L46000123"),
	lldpMEDLoc + "6.0": text("Acme Networks"),
	lldpMEDLoc + "7.0": text("GS-2210-28HP"),
}

// lldpSwitch is a switch no profile knows, with lldpMED's inventory.
var lldpSwitch = Input{SysObjectID: "1.3.6.1.4.1.99998.1", SysDescr: "Acme switch", Values: lldpMED}

func TestGenericFallbacks(t *testing.T) {
	e := engine(t)
	hrSW := "1.3.6.1.2.1.25.6.3.1.2."
	extend := "1.3.6.1.4.1.8072.1.3.2.3.1.1."
	for _, tc := range []struct {
		name     string
		in       Input
		field    string
		want     string
		wantRule string
	}{
		{"AIX level from hrSWInstalledName bos.rte", Input{
			SysObjectID: "1.3.6.1.4.1.2.3.1.2.1.1.3", SysDescr: "IBM PowerPC CHRP Computer",
			Values: map[string]snmprec.Value{
				hrSW + "1": text("bos.rte 7.1.3.45 Base Operating System Runtime"),
				hrSW + "2": text("bos.rte.SRC 7.1.3.30 System Resource Controller"),
			}}, FieldOSVersion, "7.1.3.45", "hrSWInstalledName bos.rte level"},
		{"bos.rte names AIX", Input{
			SysDescr: "IBM PowerPC CHRP Computer",
			Values:   map[string]snmprec.Value{hrSW + "9": text("bos.rte 7.2.5.0 Base Operating System Runtime")},
		}, FieldOS, "AIX", "hrSWInstalledName bos.rte"},
		{"other packages give no version", Input{
			SysObjectID: "1.3.6.1.4.1.30803", SysDescr: "Vyatta unknown-version",
			Values: map[string]snmprec.Value{
				hrSW + "9":  text("kernel-firmware-2.6.32-358.NSOS4.2"),
				hrSW + "52": text("vyatta-cfg-system-3.7.2-201507242106.el6"),
			}}, FieldOSVersion, "", ""},
		{"a release named after the product", Input{
			SysObjectID: "1.3.6.1.4.1.27971",
			SysDescr:    "Hardware: INFOSEC NSAE 6500 Intel(R) Xeon(R) CPU - Software: NSAE Rel.NSAE.8.4.0.8 build on Wed Aug 28 15:42:47 2013",
		}, FieldOSVersion, "8.4.0.8", "sysDescr product release"},
		{"a plain release still wins", Input{
			SysObjectID: "1.3.6.1.4.1.99998", SysDescr: "Acme box Release 2.4.1",
		}, FieldOSVersion, "2.4.1", "sysDescr release"},
		{"a word that starts with a number is no version", Input{SysObjectID: "1.3.6.1.4.1.99998",
			SysDescr: "Acme 3Com Switch 4210 9-Port Software Version 3Com OS V3.01.12s56"},
			FieldOSVersion, "3.01.12s56", "sysDescr v-number"},
		{"a version of numbers and letters", Input{SysObjectID: "1.3.6.1.4.1.99998",
			SysDescr: "Acme Router OSR6740 Software Version 1910P02, Standard"},
			FieldOSVersion, "1910P02", "sysDescr software version"},
		{"a version with a letter", Input{SysObjectID: "1.3.6.1.4.1.99998", SysDescr: "Acme hub Version 4b"},
			FieldOSVersion, "4b", "sysDescr version"},
		// The parenthesis around a version is not part of it; a version's
		// own parentheses stay.
		{"a version in parentheses", Input{SysObjectID: "1.3.6.1.4.1.99998",
			SysDescr: "Acme Electronics AV-200 (Version 3.1.0.12)"},
			FieldOSVersion, "3.1.0.12", "sysDescr version"},
		{"a version ending in its own parenthesis", Input{SysObjectID: "1.3.6.1.4.1.99998",
			SysDescr: "Acme IOS Software, Version 12.1(14), RELEASE SOFTWARE (fc1)"},
			FieldOSVersion, "12.1(14)", "sysDescr software version"},
		// sysDescr versions by other names.
		{"SW: after a hardware revision", Input{SysObjectID: "1.3.6.1.4.1.99998",
			SysDescr: "Ethernet Routing Switch 5520-24T-PWR  HW:02       FW:6.0.0.10  SW:v6.1.1.017 BN:17 (c) Acme"},
			FieldOSVersion, "6.1.1.017", "sysDescr SW"},
		{"revision after a comma", Input{SysObjectID: "1.3.6.1.4.1.99998",
			SysDescr: "Acme J9085A Switch 2610-24, revision R.11.72, ROM R.10.06 (/sw/code/build/nemo)"},
			FieldOSVersion, "R.11.72", "sysDescr revision"},
		{"a hardware revision is no software version", Input{SysObjectID: "1.3.6.1.4.1.99998",
			SysDescr: "Acme sensor hub, hardware revision 2.1"},
			FieldOSVersion, "", ""},
		{"Ver.", Input{SysObjectID: "1.3.6.1.4.1.99998", SysDescr: "Acme NC-8300h, Firmware Ver.1.05 ,MID 8C5-F12"},
			FieldOSVersion, "1.05", "sysDescr ver"},
		{"a dotted version between commas", Input{SysObjectID: "1.3.6.1.4.1.99998",
			SysDescr: "Acme Networking N2048, 6.3.3.10, Linux 3.6.5-e4e2a2f3"},
			FieldOSVersion, "6.3.3.10", "sysDescr comma-separated version"},
		{"a release as the last word", Input{SysObjectID: "1.3.6.1.4.1.99998.1", SysDescr: "Acme P3364-V Fixed Dome Network Camera 6.50.2"},
			FieldOSVersion, "6.50.2", "sysDescr release last"},
		{"an address as the last word is no release", Input{SysObjectID: "1.3.6.1.4.1.99998.1", SysDescr: "Acme gateway at 192.0.2.1"},
			FieldOSVersion, "", ""},
		{"Product: names the model", Input{SysObjectID: "1.3.6.1.4.1.99998", SysDescr: "Acme appliance; Product: XG-210; Serial: AB1234567"},
			FieldModel, "XG-210", "sysDescr Product or Model"},
		{"Product Version Release is no model", Input{SysObjectID: "1.3.6.1.4.1.99998", SysDescr: "Acme Platform Software LSQ1. Product Version Release 2509P61"},
			FieldModel, "", ""},
		// The model right after the maker's name.
		{"model after the maker", Input{SysObjectID: "1.3.6.1.4.1.38616.99", SysDescr: "METEL PB-200 PoE Switch"},
			FieldModel, "PB-200", "sysDescr model after the vendor METEL"},
		{"model after the maker's registered name", Input{SysObjectID: "1.3.6.1.4.1.21671.99", SysDescr: "Netscout Systems, Inc. nG1-7000 probe"},
			FieldModel, "nG1-7000", "sysDescr model after the vendor Netscout Systems"},
		{"a release after the maker is no model", Input{SysObjectID: "1.3.6.1.4.1.38616.99", SysDescr: "METEL MX12.1: build 11"},
			FieldModel, "", ""},
		{"a family word after the maker is no model", Input{SysObjectID: "1.3.6.1.4.1.99998.1", SysDescr: "Cisco IOS Software, C3560 Software"},
			FieldModel, "", ""},
		{"an OS with a slash after the maker is no model", Input{SysObjectID: "1.3.6.1.4.1.2.6.11", SysDescr: "IBM OS/400 V7R5M0"},
			FieldModel, "", ""},
		{"an OS and its version after the maker are no model", Input{SysObjectID: "1.3.6.1.4.1.15227.1.3.1", SysDescr: "VENUS VSOS-V0600R0705B20180507"},
			FieldModel, "", ""},
		// fq51: no model (was "Generic x86 64-bit"): the device-support
		// class Shared\Unix (openbsd's) names a machine class for
		// 'x86_64', not for the BSDs' 'amd64'.
		// fq67: Generic x86 64-bit again (was none, fe37583): Shared\Unix
		// names no class for 'amd64' (a field no measure counts), so the
		// same machine's class follows, after the definition's words.
		{"a host's name after the OS is no model: amd64's class is", Input{SysObjectID: "1.3.6.1.4.1.30155.23.1", SysDescr: "OpenBSD fw1.example.net 7.4 GENERIC.MP#1397 amd64"},
			FieldModel, "Generic x86 64-bit", "sysDescr host architecture amd64"},
		{"nor is its sysName", Input{SysObjectID: "1.3.6.1.4.1.30155.23.1", SysName: "fw1", SysDescr: "OpenBSD fw1 7.4 GENERIC.MP#1397 amd64"},
			FieldModel, "Generic x86 64-bit", "sysDescr host architecture amd64"},
		{"a host's name after the OS is no model: its architecture is", Input{SysObjectID: "1.3.6.1.4.1.30155.23.1", SysDescr: "OpenBSD fw1.example.net 7.4 GENERIC.MP#1397 i386"},
			FieldModel, "Generic x86", "sysDescr host architecture i386"},
		{"a sysDescr of another maker gives nothing", Input{SysObjectID: "1.3.6.1.4.1.38616.99", SysDescr: "Acme PB-200 PoE Switch"},
			FieldModel, "", ""},
		// A sysDescr that names the model alone, or with words that only
		// say what kind of device it is.
		{"a sysDescr that is the model", Input{SysObjectID: "1.3.6.1.4.1.99998.1", SysDescr: "EKI-2528"},
			FieldModel, "EKI-2528", "sysDescr names the model alone"},
		{"the model and the kind of device", Input{SysObjectID: "1.3.6.1.4.1.99998.1", SysDescr: "SG350-28 28-Port Gigabit PoE Managed Switch"},
			FieldModel, "SG350-28", "sysDescr names the model alone"},
		{"the model and its release", Input{SysObjectID: "1.3.6.1.4.1.99998.1", SysDescr: "XR-200G 4.3.20.11298"},
			FieldModel, "XR-200G", "sysDescr names the model alone"},
		{"the release after the model", Input{SysObjectID: "1.3.6.1.4.1.99998.1", SysDescr: "XR-200G v4.3.20"},
			FieldOSVersion, "4.3.20", "sysDescr v-number"},
		{"the plain release after the model", Input{SysObjectID: "1.3.6.1.4.1.99998.1", SysDescr: "XR-200G 4.3.20.11298"},
			FieldOSVersion, "4.3.20.11298", "sysDescr model and release"},
		{"an OS and its release is no model", Input{SysObjectID: "1.3.6.1.4.1.99998.1", SysDescr: "Linux 2.6.32"},
			FieldModel, "", ""},
		{"a host name as sysDescr is no model", Input{SysObjectID: "1.3.6.1.4.1.99998.1", SysName: "sw01.example.net", SysDescr: "sw01"},
			FieldModel, "", ""},
		{"a sentence after a model-like word names none", Input{SysObjectID: "1.3.6.1.4.1.99998.1", SysDescr: "NX-2000 running build 2.1"},
			FieldModel, "", ""},
		{"a version alone is no model", Input{SysObjectID: "1.3.6.1.4.1.99998.1", SysDescr: "v2.4.1"},
			FieldModel, "", ""},
		{"Hardware: one model word - Software:", Input{SysObjectID: "1.3.6.1.4.1.99998.1",
			SysDescr: "Hardware: APV2600 - Software: ArrayOS Rel.APV.8.6.1.53 build on Jan  1 2020"},
			FieldModel, "APV2600", "sysDescr Hardware"},
		// fq76: the Windows profiles now name the processor's class
		// themselves, as the definition's class (Windows.php
		// parseHardware) reads it after its vendor agents and before any
		// other reader; the value is the same, the evidence the profile's
		// (was the fallback's rule, "sysDescr Windows processor
		// architecture Intel64", which still names ARM64's).
		{"Windows's processor after Hardware: names the machine class", Input{SysObjectID: "1.3.6.1.4.1.311.1.1.3.1.2",
			SysDescr: "Hardware: Intel64 Family 6 Model 85 Stepping 4 AT/AT COMPATIBLE - Software: Windows Version 6.3 (Build 17763 Multiprocessor Free)"},
			FieldModel, "Intel x64", "profile windows-server: sysDescr processor architecture (Windows.php parseHardware)"},
		{"an unknown Windows processor names none", Input{SysObjectID: "1.3.6.1.4.1.311.1.1.3.1.1",
			SysDescr: "Hardware: Zilog Family 1 Model 2 Stepping 3 AT/AT COMPATIBLE - Software: Windows Version 6.1 (Build 7601 Uniprocessor Free)"},
			FieldModel, "", ""},
		// ENTITY rows whose entPhysicalModelName labels an instance
		// ("VSM_0") or names the agent's stack ("acEntStack"): the member
		// chassis's entPhysicalName names the model.
		{"an instance label is no model", Input{SysObjectID: "1.3.6.1.4.1.99998.1.12029", SysDescr: "Acme Platform Software",
			Entities: []Entity{
				{Index: 1, Class: 11, Descr: "Acme Stack", Name: "Acme Stack", Model: "acEntStack", Serial: "0201P1830022"},
				{Index: 33554432, Class: 3, Descr: "Acme Chasis_0", Name: "AX8000-A5", Model: "VSM_0", Serial: "0201P1830022", ContainedIn: 1},
				{Index: 35651584, Class: 3, Descr: "Acme Chasis_1", Model: "VSM_1", ContainedIn: 1},
			}}, FieldModel, "AX8000-A5", "ENTITY chassis descr_model"},
		{"a stack member's model name stays", Input{SysObjectID: "1.3.6.1.4.1.99998.1.12029", SysDescr: "Acme Platform Software",
			Entities: []Entity{
				{Index: 1, Class: 11, Name: "Stack", Model: "acEntStack"},
				{Index: 2, Class: 3, Name: "Unit 1", Model: "AX-24G", Serial: "Q1", ContainedIn: 1},
			}}, FieldModel, "AX-24G", "ENTITY chassis model"},
		{"the maker's name is no model", Input{SysObjectID: "1.3.6.1.4.1.99998.1.7", SysDescr: "Acme Platform",
			Entities: []Entity{
				{Index: 1, Class: 3, Descr: "Acme Corp. AX-9000 chassis", Name: "AX-9000", Model: "ACME Corp", Mfg: "Acme Corp.", Serial: "Z1"},
			}}, FieldModel, "AX-9000", "ENTITY chassis descr_model"},
		// Without a chassis serial, the serial of the one module that has
		// one (a stack's management card); never a part's (a power
		// supply's, a transceiver's), nor one of several line cards'.
		{"the one module with a serial", Input{SysObjectID: "1.3.6.1.4.1.99998.1.5", SysDescr: "Acme DCS-3726S",
			Entities: []Entity{
				{Index: 1, Class: 11, Descr: "Stack"},
				{Index: 101, Class: 5, Descr: "Unit 1", Model: "DCS-3726S Switch", ContainedIn: 1},
				{Index: 201, Class: 9, Descr: "Primary Stack Management Card", Serial: "A308023010", ContainedIn: 101},
			}}, FieldSerial, "A308023010", "ENTITY chassis serial"},
		{"a power supply's serial is not the device's", Input{SysObjectID: "1.3.6.1.4.1.99998.1.6", SysDescr: "Acme 9908",
			Entities: []Entity{
				{Index: 402653184, Class: 3, Descr: "9900 SERIES SWITCH"},
				{Index: 805306368, Class: 6, Descr: "9900 SERIES AC POWER SUPPLY", Serial: "229020029547", ContainedIn: 402653184},
				{Index: 1207975936, Class: 10, Descr: "SFP", Serial: "FNS1234", ContainedIn: 402653184},
			}}, FieldSerial, "", ""},
		{"nor are line cards' serials", Input{SysObjectID: "1.3.6.1.4.1.99998.1.6", SysDescr: "Acme 9908",
			Entities: []Entity{
				{Index: 402653184, Class: 3, Descr: "9900 SERIES SWITCH"},
				{Index: 1207975936, Class: 9, Descr: "9900pm48x1gefi", Serial: "4294967307", ContainedIn: 402653184},
				{Index: 1207992320, Class: 9, Descr: "9900pm48x1gefi", Serial: "4294967307", ContainedIn: 402653184},
			}}, FieldSerial, "", ""},
		// A Unix host's architecture, as uname writes it, names its
		// machine class when nothing names its hardware.
		{"a Linux host's architecture", Input{SysObjectID: "1.3.6.1.4.1.8072.3.2.10", SysDescr: "Linux db1 5.15.0-91-generic #101-Ubuntu SMP Mon Nov 13 13:13:13 UTC 2023 x86_64"},
			FieldModel, "Generic x86 64-bit", "sysDescr host architecture x86_64"},
		{"a 32-bit one", Input{SysObjectID: "1.3.6.1.4.1.8072.3.2.10", SysDescr: "Linux cray 2.6.21.5-smp #2 SMP Tue Jun 19 14:58:11 CDT 2007 i686"},
			FieldModel, "Generic x86", "sysDescr host architecture i686"},
		{"an ARM board", Input{SysObjectID: "1.3.6.1.4.1.8072.3.2.10", SysDescr: "Linux pi 6.1.21-v8+ #1642 SMP PREEMPT Mon Apr  3 17:24:16 BST 2023 aarch64"},
			FieldModel, "Generic ARMv8 64-bit", "sysDescr host architecture aarch64"},
		{"an ARMv7 board", Input{SysObjectID: "1.3.6.1.4.1.8072.3.2.10", SysDescr: "Linux nas 3.10.105 #25556 SMP Thu Mar 4 17:58:19 CST 2021 armv7l"},
			FieldModel, "Generic ARMv7", "sysDescr host architecture armv7l"},
		// fq76: the same by the windows profile (was the fallback's rule).
		{"nor zeroDotZero's: Windows", Input{SysObjectID: "0.0", SysDescr: "Hardware: Intel64 Family 6 Model 85 Stepping 7 AT/AT COMPATIBLE - Software: Windows Version 6.3 (Build 17763 Multiprocessor Free)"},
			FieldModel, "Intel x64", "profile windows: sysDescr processor architecture (Windows.php parseHardware)"},
		// fq51: FreeBSD's 'amd64' names no machine class (was "Generic
		// x86 64-bit"), as Shared\Unix (freebsd's) names one for 'x86_64'
		// alone; the case without a sysObjectID kept on a Linux host's.
		{"no agent of its own: no sysObjectID", Input{SysDescr: "Linux gw 6.1.0-13-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.55-1 (2023-09-29) x86_64"},
			FieldModel, "Generic x86 64-bit", "sysDescr host architecture x86_64"},
		// fq67: FreeBSD's 'amd64' and 'arm64' name their machine's class
		// again (were none, fe37583), after the words Shared\Unix names
		// one for: it names none for these (a field no measure counts),
		// and the class is the same machine's, for the user's inventory.
		// fq123: the architecture word as written ('amd64', 'arm64'; were
		// the fallback's classes): the definition freebsd has an os module
		// (includes/definitions/discovery/freebsd.yaml), whose sysDescr
		// pattern reads it, and Shared\Unix's map runs only without one.
		{"FreeBSD's amd64 is its os module's word", Input{SysDescr: "FreeBSD gw 13.2-RELEASE FreeBSD 13.2-RELEASE releng/13.2-n254617 GENERIC amd64"},
			FieldModel, "amd64", "profile net-snmp-bsd: sysDescr architecture (definition freebsd's os module)"},
		{"and FreeBSD's arm64", Input{SysObjectID: "1.3.6.1.4.1.8072.3.2.8", SysDescr: "FreeBSD pi4 14.1-RELEASE FreeBSD 14.1-RELEASE releng/14.1-n267679-10e31f0946d8 GENERIC arm64"},
			FieldModel, "arm64", "profile net-snmp-bsd: sysDescr architecture (definition freebsd's os module)"},
		// pfSense's profile now names the architecture word itself, as
		// the definition (pfsense) reads it (was the fallback's machine
		// class, "Generic x86 64-bit").
		{"pfSense names itself first", Input{SysObjectID: "1.3.6.1.4.1.12325.1.1.2.1.1", SysDescr: "pfSense fw1.example.net 2.7.2-RELEASE pfSense FreeBSD 14.0-CURRENT amd64"},
			FieldModel, "amd64", "profile pfsense: sysDescr architecture"},
		// A uname line on a registration that no profile and no product
		// registration names: the host OS's profile knows the device, and
		// the definition linux (the generic OS, '^Linux' on any
		// registration) writes Shared\Unix's machine class (owner; was
		// none, as for an appliance, below).
		{"a Linux host on a registration nothing names is a generic machine", Input{SysObjectID: "1.3.6.1.4.1.99998.1", SysDescr: "Linux box 4.14.0 #1 SMP x86_64"},
			FieldModel, "Generic x86 64-bit", "sysDescr host architecture x86_64"},
		// An appliance a vendor's profile knows (FS's switches on 12345)
		// is that product, not a generic machine, even where it names no
		// model.
		{"an appliance a vendor profile knows is no generic machine", Input{SysObjectID: "1.3.6.1.4.1.12345.1.2", SysDescr: "Linux box 4.14.0 #1 SMP x86_64"},
			FieldModel, "", ""},
		{"a Linux kernel without its architecture names none", Input{SysObjectID: "1.3.6.1.4.1.8072.3.2.10", SysDescr: "Linux host 4.14.0"},
			FieldModel, "", ""},
		// NET-SNMP-EXTEND-MIB hardware and serial extends.
		{"hardware extend", Input{SysObjectID: "1.3.6.1.4.1.8072.3.2.10", SysDescr: "Linux db1 5.15.0-91-generic #101-Ubuntu SMP x86_64",
			Values: map[string]snmprec.Value{
				extend + "8.104.97.114.100.119.97.114.101": text("PowerEdge R650"),
				extend + "6.115.101.114.105.97.108":        text("7XYZ123"),
			}}, FieldModel, "PowerEdge R650", "nsExtendOutput1Line hardware"},
		{"UCD shell hardware", Input{SysObjectID: "1.3.6.1.4.1.8072.3.2.10", SysDescr: "Linux db1 5.15.0-91-generic #101-Ubuntu SMP x86_64",
			Values: map[string]snmprec.Value{
				"1.3.6.1.4.1.2021.7890.3.4.1.2.12.109.97.110.117.102.97.99.116.117.114.101.114.1": text("ProLiant DL360 Gen10"),
			}}, FieldModel, "ProLiant DL360 Gen10", "UCD shell hardware"},
		{"serial extend", Input{SysObjectID: "1.3.6.1.4.1.8072.3.2.10", SysDescr: "Linux db1 5.15.0-91-generic #101-Ubuntu SMP x86_64",
			Values: map[string]snmprec.Value{extend + "6.115.101.114.105.97.108": text("7XYZ123")},
		}, FieldSerial, "7XYZ123", "nsExtendOutput1Line serial"},
		{"manufacturer extend", Input{SysObjectID: "1.3.6.1.4.1.8072.3.2.10", SysDescr: "Linux db1 5.15.0-91-generic #101-Ubuntu SMP x86_64",
			Values: map[string]snmprec.Value{extend + "12.109.97.110.117.102.97.99.116.117.114.101.114": text("Dell Inc.")},
		}, FieldVendor, "Dell", "nsExtendOutput1Line manufacturer"},
		{"a placeholder extend says nothing", Input{SysObjectID: "1.3.6.1.4.1.8072.3.2.10", SysDescr: "Linux vm1 5.15.0 #1 SMP x86_64",
			Values: map[string]snmprec.Value{extend + "6.115.101.114.105.97.108": text("To be filled by O.E.M.")},
		}, FieldSerial, "", ""},
		// Vendor MIB identity scalars (profiles/mib-identity.yaml): they
		// fill what no profile of the vendor reads, and refuse values that
		// are no serial, model or version.
		{"a vendor MIB's serial scalar", Input{SysObjectID: "1.3.6.1.4.1.3181.10.6", SysDescr: "MICROSENS G6 Micro-Switch",
			Values: map[string]snmprec.Value{"1.3.6.1.4.1.3181.10.3.1.2.0": text("21430017AB")},
		}, FieldSerial, "21430017AB", "MS-SWITCH30-MIB::deviceSerNo"},
		{"a vendor MIB's firmware scalar outweighs a sysDescr version", Input{SysObjectID: "1.3.6.1.4.1.24062.2.2.1", SysDescr: "JetNet 5010G Version 9.9",
			Values: map[string]snmprec.Value{"1.3.6.1.4.1.24062.2.2.1.1.5.0": text("v1.3a")},
		}, FieldOSVersion, "1.3a", "Jetnet5010G::systemFwVer"},
		{"a 4-digit counter is no serial", Input{SysObjectID: "1.3.6.1.4.1.7505.1", SysDescr: "Calista DPA",
			Values: map[string]snmprec.Value{"1.3.6.1.4.1.7505.1.1.1.0": {Type: snmprec.TypeInteger, Int: 9586}},
		}, FieldSerial, "", ""},
		{"a version without a dotted number is none", Input{SysObjectID: "1.3.6.1.4.1.164.6.1.3.101", SysDescr: "Optimux-XLT1",
			Values: map[string]snmprec.Value{"1.3.6.1.4.1.164.3.3.1.1.2.0": text("JH")},
		}, FieldOSVersion, "", ""},
		{"an identity scalar of another enterprise is not read", Input{SysObjectID: "1.3.6.1.4.1.99998.1", SysDescr: "Acme box",
			Values: map[string]snmprec.Value{"1.3.6.1.4.1.3181.10.3.1.2.0": text("21430017AB")},
		}, FieldSerial, "", ""},
		// LLDP-EXT-MED-MIB's local inventory, on a switch no profile knows.
		{"LLDP-MED model name", lldpSwitch,
			FieldModel, "GS-2210-28HP", "lldpXMedLocModelName"},
		{"LLDP-MED serial", lldpSwitch,
			FieldSerial, "S162L46000123", "lldpXMedLocSerialNum"},
		{"LLDP-MED software revision", lldpSwitch,
			FieldOSVersion, "4.50(AAHV.3)", "lldpXMedLocSoftwareRev"},
		{"an LLDP-MED software revision of 32 characters is cut short: the firmware's", Input{SysObjectID: "1.3.6.1.4.1.99998.1", SysDescr: "Acme switch",
			Values: map[string]snmprec.Value{
				lldpMEDLoc + "7.0": text("DCRS-5980-28T-DC"),
				lldpMEDLoc + "4.0": text("7.0.3.1(B0232.00DCRS-5980-28T-DC"),
				lldpMEDLoc + "3.0": text("7.1.4"),
			}}, FieldOSVersion, "7.1.4", "lldpXMedLocFirmwareRev"},
		{"ENTITY's chassis model outweighs LLDP-MED's part number", Input{SysObjectID: "1.3.6.1.4.1.99998.1", SysDescr: "Acme switch",
			Entities: []Entity{{Index: 1, Class: 3, Model: "6120XG"}},
			Values:   map[string]snmprec.Value{lldpMEDLoc + "7.0": text("516733-B21")},
		}, FieldModel, "6120XG", "ENTITY chassis model"},
		// A host's hrDeviceDescr of type printer is a printer it prints
		// to (Windows XP in the development corpus lists "HP Officejet
		// 6500 E710a-f"), not its model: without Printer-MIB, no model.
		{"print server is not a printer", Input{
			SysObjectID: "1.3.6.1.4.1.311.1.1.3.1.1", SysDescr: "Hardware: x86 Family 6 Model 15 - Software: Windows 2000 Version 5.1 (Build 2600 Uniprocessor Free)",
			Values: map[string]snmprec.Value{
				"1.3.6.1.2.1.25.3.2.1.2.3": {Type: snmprec.TypeOID, OID: "1.3.6.1.2.1.25.3.1.5"},
				"1.3.6.1.2.1.25.3.2.1.3.3": text("HP Officejet 6500 E710a-f"),
			}}, FieldModel, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := e.Identify(tc.in)
			got := map[string]string{FieldOS: r.OS, FieldOSVersion: r.OSVersion, FieldModel: r.Model,
				FieldSerial: r.Serial, FieldVendor: r.Vendor}[tc.field]
			if got != tc.want {
				t.Fatalf("%s = %q, want %q (%+v)", tc.field, got, tc.want, r.Evidence[tc.field])
			}
			if ev := r.Evidence[tc.field]; tc.wantRule != "" && !strings.HasSuffix(ev.Rule, tc.wantRule) {
				t.Errorf("evidence %+v, want rule %q", ev, tc.wantRule)
			}
		})
	}
}

// TestDeviceTypeFromModel: a Catalyst 3550 whose old image says only
// "Cisco Internetwork Operating System Software" was typed a router; the
// model its registration names says switch.
func TestDeviceTypeFromModel(t *testing.T) {
	e := engine(t)
	for _, c := range []struct {
		in                Input
		model, deviceType string
	}{
		// fq116: the models were "Catalyst 3550-24" and "3620" (the
		// registry's display forms); now the CISCO-PRODUCTS-MIB labels
		// Cisco.php (ios) translates the registrations to; the kinds
		// unchanged.
		{Input{SysObjectID: "1.3.6.1.4.1.9.1.366", SysDescr: "Cisco Internetwork Operating System Software"}, "catalyst355024", "switch"},
		{Input{SysObjectID: "1.3.6.1.4.1.9.1.122", SysDescr: "Cisco Internetwork Operating System Software"}, "cisco3620", "router"},
	} {
		r := e.Identify(c.in)
		if r.Model != c.model || r.DeviceType != c.deviceType {
			t.Errorf("%s: model %q device_type %q (%+v), want %q %q", c.in.SysObjectID, r.Model, r.DeviceType, r.Evidence[FieldDeviceType], c.model, c.deviceType)
		}
	}
	if ev := e.Identify(Input{SysObjectID: "1.3.6.1.4.1.9.1.366", SysDescr: "Cisco Internetwork Operating System Software"}).Evidence[FieldDeviceType]; ev.Rule != "profile cisco-ios: model matches device type" || ev.OID != OIDSysObjectID {
		t.Errorf("device_type evidence = %+v", ev)
	}
}
