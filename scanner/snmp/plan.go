package snmp

import (
	"slices"
	"strings"
)

// OIDs the collector reads. Tables are walked column by column, only the
// columns decoded.
const (
	oidSysServices = "1.3.6.1.2.1.1.7.0"

	oidIfEntry  = "1.3.6.1.2.1.2.2.1"
	oidIfXEntry = "1.3.6.1.2.1.31.1.1.1"

	oidEntPhysicalEntry = "1.3.6.1.2.1.47.1.1.1.1"

	oidHrMemorySize     = "1.3.6.1.2.1.25.2.2"
	oidHrStorageEntry   = "1.3.6.1.2.1.25.2.3.1"
	oidHrDeviceEntry    = "1.3.6.1.2.1.25.3.2.1"
	oidHrProcessorLoad  = "1.3.6.1.2.1.25.3.3.1.2"
	oidHrSWInstalledEnt = "1.3.6.1.2.1.25.6.3.1"

	oidIPNetToMediaEntry    = "1.3.6.1.2.1.4.22.1"
	oidIPNetToPhysicalEntry = "1.3.6.1.2.1.4.35.1"

	oidIPAdEntIfIndex = "1.3.6.1.2.1.4.20.1.2"

	oidLldpLocPortEntry = "1.0.8802.1.1.2.1.3.7.1"
	oidLldpRemEntry     = "1.0.8802.1.1.2.1.4.1.1"
)

// systemOIDs are the scalars read first, with one GET; the answer also
// proves the credential.
var systemOIDs = []string{oidSysDescr, oidSysObjectID, oidSysUpTime, oidSysContact, oidSysName, oidSysLocation, oidSysServices}

func cols(entry string, ns ...int) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = entry + "." + itoa(n)
	}
	return out
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// Plan is what one collection reads.
type Plan struct {
	// Scalars are read with GET.
	Scalars []string
	// Subtrees are walked, in this order (a target timeout keeps what
	// was read by then).
	Subtrees []string
	// identify is how many of the first Subtrees identify the device:
	// ENTITY's physical table, then the walks With added for the
	// fingerprint profiles. They come before the inventory tables, which
	// on a large device (thousands of interfaces, a core router's ARP
	// cache) can outlast the target timeout: a cut walk still knows what
	// the device is.
	identify int
}

// DefaultPlan is the full inventory: ENTITY, HOST-RESOURCES, IF, IP
// (router ARP cache) and LLDP, plus extra (a fingerprint engine's vendor
// OIDs: those ending in .0 are read as scalars, the rest walked).
func DefaultPlan(extra []string) Plan {
	p := Plan{Scalars: append(append([]string(nil), systemOIDs...), oidDot1dBaseNumPorts)}
	p.Subtrees = append(p.Subtrees, cols(oidEntPhysicalEntry, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13)...)
	p.identify = len(p.Subtrees)
	p.Subtrees = append(p.Subtrees, cols(oidHrSWInstalledEnt, 2, 4, 5)...)
	p.Subtrees = append(p.Subtrees, cols(oidHrStorageEntry, 2, 3, 4, 5, 6)...)
	p.Subtrees = append(p.Subtrees, cols(oidHrDeviceEntry, 2, 3)...)
	p.Subtrees = append(p.Subtrees, oidHrProcessorLoad, oidHrMemorySize)
	p.Subtrees = append(p.Subtrees, cols(oidIfEntry, 2, 3, 5, 6, 7, 8, 10, 16)...)
	p.Subtrees = append(p.Subtrees, cols(oidIfXEntry, 1, 6, 10, 15, 18)...)
	p.Subtrees = append(p.Subtrees, oidIPAdEntIfIndex)
	p.Subtrees = append(p.Subtrees, cols(oidIPNetToMediaEntry, 2, 4)...)
	p.Subtrees = append(p.Subtrees, cols(oidIPNetToPhysicalEntry, 4, 6, 7)...)
	p.Subtrees = append(p.Subtrees, cols(oidLldpLocPortEntry, 3, 4)...)
	p.Subtrees = append(p.Subtrees, cols(oidLldpRemEntry, 4, 5, 6, 7, 9, 12)...)
	var get, walk []string
	for _, o := range extra {
		if strings.HasSuffix(o, ".0") {
			get = append(get, o)
		} else {
			walk = append(walk, o)
		}
	}
	return p.With(get, walk)
}

// With returns p plus get (exact instances, read with GET) and walk
// (subtrees, walked after the identifying ones p has and before the
// rest), without what p already reads: an OID p lists, or one under a
// subtree p walks. p is not changed.
func (p Plan) With(get, walk []string) Plan {
	if len(get)+len(walk) == 0 {
		return p
	}
	out := Plan{Scalars: slices.Clip(p.Scalars), Subtrees: slices.Clip(p.Subtrees[:p.identify]), identify: p.identify}
	have := make(map[string]bool, len(p.Scalars)+len(p.Subtrees)+len(get)+len(walk))
	for _, o := range p.Scalars {
		have["g"+o] = true
	}
	for _, o := range p.Subtrees {
		have["w"+o] = true
	}
	add := func(o string, kind string, dst *[]string) {
		o = normOID(o)
		if _, ok := parseOID(o); !ok || have[kind+o] || covered(o, out.Subtrees) || (kind == "w" && have["w"+o]) {
			return
		}
		have[kind+o] = true
		*dst = append(*dst, o)
	}
	for _, o := range walk {
		if !covered(normOID(o), p.Subtrees) {
			add(o, "w", &out.Subtrees)
		}
	}
	out.identify = len(out.Subtrees)
	out.Subtrees = append(out.Subtrees, p.Subtrees[p.identify:]...)
	for _, o := range get {
		add(o, "g", &out.Scalars)
	}
	return out
}

// without returns p less the subtrees walked already: those in done or
// under one of them. p is not changed.
func (p Plan) without(done []string) Plan {
	read := func(o string) bool { return within(o, done) }
	if len(done) == 0 || !slices.ContainsFunc(p.Subtrees, read) {
		return p
	}
	out := Plan{Scalars: p.Scalars}
	for i, o := range p.Subtrees {
		if i == p.identify {
			out.identify = len(out.Subtrees)
		}
		if !read(o) {
			out.Subtrees = append(out.Subtrees, o)
		}
	}
	if p.identify >= len(p.Subtrees) {
		out.identify = len(out.Subtrees)
	}
	return out
}

// within reports whether o is one of subtrees or lies under one.
func within(o string, subtrees []string) bool {
	return slices.Contains(subtrees, o) || covered(o, subtrees)
}

// covered reports whether o lies under one of the subtrees.
func covered(o string, subtrees []string) bool {
	for _, s := range subtrees {
		if strings.HasPrefix(o, s+".") {
			return true
		}
	}
	return false
}
