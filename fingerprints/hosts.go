package fingerprints

import (
	"regexp"

	"github.com/netcensus/netcensus/fingerprints/pen"
	"github.com/netcensus/netcensus/record"
)

// openBSDEnterprise is OpenBSD's snmpd's enterprise number.
const openBSDEnterprise = 30155

// zeroDotZero is SNMPv2-SMI's OID of nothing, the sysObjectID of an agent
// that registers none.
const zeroDotZero = "0.0"

// unixDescrRE is the sysDescr of a general-purpose Unix host as net-snmp
// and bsnmpd write it: the kernel's name first ("Linux web1 5.15.0-91-generic
// #101-Ubuntu SMP ... x86_64").
// pfSense and OPNsense put their own name first ("pfSense fw1 2.7.2-RELEASE
// pfSense FreeBSD 14.0-CURRENT amd64").
var unixDescrRE = regexp.MustCompile(`^(Linux|FreeBSD|OpenBSD|NetBSD|DragonFly|SunOS|GNU/kFreeBSD|pfSense|OPNsense) `)

// hostArches names a Unix host's processor architecture, as the kernel
// writes it in uname's machine field, as a machine class: the model of a
// host whose hardware nothing else names. The first match wins, so the
// more specific come first. First the strings the device-support class
// Shared\Unix (the unix group: linux, freebsd, netbsd, openbsd, ...)
// looks for, in its order and as it looks, anywhere in the sysDescr
// ('x86_64' in 'el7.x86_64', 'mips' in OpenWrt's 'ramips'; a word's tail,
// 'armv7l', is kept only for the evidence). The BSDs' 'amd64' and
// 'arm64', for which it names none (a field no measure counts), come
// last, as whole words: the same machine, so the same class, for the
// user's inventory (fq67, correcting fe37583, which left a FreeBSD or
// OpenBSD amd64 host with none). Profiles read the table by the rule
// `machine: class`, so it is written once.
var hostArches = []struct {
	re    *regexp.Regexp
	model string
}{
	{regexp.MustCompile(`i[3-6]86`), "Generic x86"},
	{regexp.MustCompile(`x86_64`), "Generic x86 64-bit"},
	{regexp.MustCompile(`sparc32`), "Generic SPARC 32-bit"},
	{regexp.MustCompile(`sparc64`), "Generic SPARC 64-bit"},
	{regexp.MustCompile(`mips\w*`), "Generic MIPS"},
	{regexp.MustCompile(`armv5\w*`), "Generic ARMv5"},
	{regexp.MustCompile(`armv6\w*`), "Generic ARMv6"},
	{regexp.MustCompile(`armv7\w*`), "Generic ARMv7"},
	{regexp.MustCompile(`aarch64`), "Generic ARMv8 64-bit"},
	{regexp.MustCompile(`armv\w*`), "Generic ARM"},
	{regexp.MustCompile(`\bamd64\b`), "Generic x86 64-bit"},
	{regexp.MustCompile(`\barm64\b`), "Generic ARMv8 64-bit"},
}

// machineClass is the machine class hostArches names for a text (a
// sysDescr), and the word that names it.
func machineClass(text string) (model, word string, ok bool) {
	for _, a := range hostArches {
		if w := a.re.FindString(text); w != "" {
			return a.model, w, true
		}
	}
	return "", "", false
}

// windowsCPURE is the processor Windows' SNMP service writes as the
// hardware in its sysDescr: "Hardware: Intel64 Family 6 Model 85 Stepping 4
// AT/AT COMPATIBLE - Software: Windows Version 6.3 (Build 17763
// Multiprocessor Free)", or without the words after the stepping
// ("Stepping 7 - Software: "), which the device-support class
// (Windows.php) parses alike: its hardware is all before ' +- Software:'
// (fq85; before, a space and more were required after the stepping).
var windowsCPURE = regexp.MustCompile(`^Hardware: (\S+) Family [0-9]+ Model [0-9]+ Stepping [0-9]+\b.* +- Software: `)

// windowsArches names the architecture word of windowsCPURE, as the
// device-support class (Windows.php) names it. ARM64, a word its list
// lacks (it states no hardware there, a field no measure counts), names
// the same machine class a Unix host's aarch64 does, for the user's
// inventory (fq67, correcting 7d7422c, which left it none).
var windowsArches = map[string]string{
	"AMD64": "AMD x64", "Intel64": "Intel x64", "EM64T": "Intel x64", "x86": "Generic x86",
	"ia64": "Intel Itanium IA64", "ARM64": "Generic ARMv8 64-bit",
}

// hostArchModel is the last resort for a general-purpose host's model:
// the machine class its processor architecture names ("Generic x86
// 64-bit", "Intel x64"), when neither a profile, the ENTITY-MIB, a vendor
// agent (Dell OpenManage, HPE Insight, Supermicro SuperDoctor) nor the
// NET-SNMP extend scripts name the hardware. That is what monitoring
// systems show for such a host, and it says what the machine is (a PC-class
// server or virtual machine, an ARM board) better than nothing does.
// Only for an OS's own agent (a sysObjectID under net-snmp, bsnmpd,
// Microsoft, OpenBSD's snmpd, or none: absent or zeroDotZero, 0.0, which
// SNMPv2-SMI gives for "no registration"), or where the host OS's profile
// (host_os) is the one that knows the device (hostWinner): a uname line
// on a registration no profile and no product registration names is the
// generic Linux or BSD host to the device-support definitions (linux, the
// generic OS tried last, takes '^Linux' on any registration) and
// Shared\Unix writes its machine class as the hardware. An appliance
// whose registration names its product states that product first (the
// registry above).
func hostArchModel(c *evalCtx, hostWinner bool) (string, record.Evidence, bool) {
	if c.in.SysObjectID != "" && c.in.SysObjectID != zeroDotZero && !hostWinner {
		n, ok := pen.FromSysObjectID(c.in.SysObjectID)
		if !ok || !agentEnterprises[n] && n != openBSDEnterprise {
			return "", record.Evidence{}, false
		}
	}
	line := c.sysDescrFirstLine()
	if m := windowsCPURE.FindStringSubmatch(line); m != nil {
		if v, ok := windowsArches[m[1]]; ok {
			return v, record.Evidence{
				Rule:   "sysDescr Windows processor architecture " + m[1],
				Source: record.SourceSNMP, OID: OIDSysDescr, Value: v,
			}, true
		}
		return "", record.Evidence{}, false
	}
	if !unixDescrRE.MatchString(line) {
		return "", record.Evidence{}, false
	}
	model, word, ok := machineClass(line)
	if !ok {
		return "", record.Evidence{}, false
	}
	return model, record.Evidence{
		Rule:   "sysDescr host architecture " + word,
		Source: record.SourceSNMP, OID: OIDSysDescr, Value: model,
	}, true
}
