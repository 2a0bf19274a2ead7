// Package fingerprints says what an SNMP-speaking device is: its vendor,
// model, serial number, operating system and version, and device type, from
// the system group, the ENTITY-MIB physical table and a few vendor OIDs.
//
// The knowledge lives in device profiles, the project's own YAML embedded
// from profiles/: each profile matches on sysObjectID prefixes, sysDescr
// regular expressions, ENTITY rows or the presence of vendor OIDs, and says
// where each field comes from. The most specific matching profile wins; the
// others that match, generic ones included (ENTITY chassis, UPS-MIB,
// Printer-MIB, HOST-RESOURCES, common sysDescr version patterns), fill the
// fields it leaves empty. The vendor falls back to the IANA enterprise
// number of sysObjectID.
//
// The package is pure: no network code. InputFromWalk decodes a walk (a
// recorded snmprec file or what the live collector walked) into an Input.
package fingerprints

import (
	"bytes"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"iter"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/netcensus/netcensus/fingerprints/maker"
	"github.com/netcensus/netcensus/fingerprints/pen"
	"github.com/netcensus/netcensus/fingerprints/products"
	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/snmpwalk"
)

// profiles/mib-identity.yaml is generated from the product registry, and
// so is the brocade-fastiron profile's map of FOUNDRY-SN-ROOT-MIB
// registrations (profiles/network.yaml, through the definition's table in
// internal/ironwaregen/rewrite.yaml).
//
//go:generate go run ./internal/identgen -out profiles/mib-identity.yaml
//go:generate go run ./internal/ironwaregen -profiles profiles/network.yaml -table internal/ironwaregen/rewrite.yaml

//go:embed profiles/*.yaml
var profileFS embed.FS

// Well-known OIDs.
const (
	OIDSysDescr    = "1.3.6.1.2.1.1.1.0"
	OIDSysObjectID = "1.3.6.1.2.1.1.2.0"
	OIDSysName     = "1.3.6.1.2.1.1.5.0"
	// OIDEntPhysicalEntry is the entPhysicalTable entry; column c of row i
	// is OIDEntPhysicalEntry.c.i.
	OIDEntPhysicalEntry = "1.3.6.1.2.1.47.1.1.1.1"
	oidHRDeviceEntry    = "1.3.6.1.2.1.25.3.2.1"
	oidSystem           = "1.3.6.1.2.1.1"
	oidEntity           = "1.3.6.1.2.1.47"
)

// Entity is one row of the ENTITY-MIB entPhysicalTable.
type Entity struct {
	Index       int
	Class       int // entPhysicalClass: 3 chassis, 9 module, 10 port, 11 stack ...
	Descr       string
	Name        string
	Model       string
	Serial      string
	HardwareRev string
	FirmwareRev string
	SoftwareRev string
	Mfg         string
	ContainedIn int
	// NoContainedIn: the agent answered no entPhysicalContainedIn for
	// the row. ContainedIn then reads 0, the root, where the chassis is
	// sought among the rows, but a row test or an if_oid on the column
	// finds no value there, as a definition reading the object finds
	// none (Cisco.php takes row 1 as the chassis only where its
	// entPhysicalContainedIn is answered, and 0).
	NoContainedIn bool
	// VendorType is entPhysicalVendorType: an OID, usually the product's
	// registration under its maker's enterprise number.
	VendorType string
}

// EntityClassChassis is entPhysicalClass chassis(3).
const EntityClassChassis = 3

// Input is what a device said about itself.
type Input struct {
	SysObjectID string
	SysDescr    string
	SysName     string
	Entities    []Entity
	// Values holds the OIDs profiles name (VendorOIDs): scalars and the
	// records of walked subtrees, keyed by dotted OID without a leading dot.
	Values map[string]snmpwalk.Value
	// keys are Values' OIDs in order, when InputFromWalk met them so.
	keys []string
}

// Result is what the engine concluded. Empty fields are unknown.
type Result struct {
	Vendor     string `json:"vendor,omitempty"`
	Model      string `json:"model,omitempty"`
	Serial     string `json:"serial,omitempty"`
	OS         string `json:"os,omitempty"`
	OSVersion  string `json:"os_version,omitempty"`
	DeviceType string `json:"device_type,omitempty"`
	// Evidence says, per field (keys "vendor", "model", "serial", "os",
	// "os_version", "device_type"), which rule gave the value and from what.
	Evidence map[string]record.Evidence `json:"evidence,omitempty"`
	// Profile is the id of the winning profile, "" when only generic rules
	// applied.
	Profile string `json:"profile,omitempty"`
}

// Match is one profile's verdict on an Input, for Explain.
type Match struct {
	Profile  string `json:"profile"`
	File     string `json:"file"`
	Generic  bool   `json:"generic"`
	Priority int    `json:"priority"`
	Matched  bool   `json:"matched"`
	// Winner marks the profile whose rules came first.
	Winner bool `json:"winner"`
	// Score orders matching profiles: priority, then how specific the match
	// was (length of the sysObjectID prefix, regexps and OIDs that hit).
	Score int `json:"score"`
	// Reasons lists each condition with its outcome.
	Reasons []string `json:"reasons"`
	// Fields holds the values this profile's own rules yield.
	Fields map[string]string `json:"fields,omitempty"`
}

// Engine holds the compiled profiles and the enterprise registry. It is
// immutable and safe for concurrent use.
type Engine struct {
	profiles []*profile
	pen      *pen.Registry
	// products names registered enterprise OIDs (vendor MIBs); display
	// turns a product registration into a model name.
	products *products.Registry
	display  *products.Display
	// byEnterprise indexes the profiles whose sysObjectID prefixes all
	// lie under enterprise arcs, under each of their enterprise numbers
	// (positions in profiles, in order); anyEnterprise lists the rest (no
	// sysObjectID condition, or a prefix above the enterprise arc). A
	// device is matched against the two lists of its sysObjectID's
	// enterprise only.
	byEnterprise  map[uint32][]int
	anyEnterprise []int
	vendorOIDs    []string
}

// New returns the engine of the embedded device profiles and the IANA
// enterprise registry. It is loaded once a process (decoding some 650
// profiles costs about a quarter of a CPU second, which serve paid for
// every scheduled sweep) and shared: an Engine is immutable.
func New() (*Engine, error) { return builtinEngine() }

var builtinEngine = sync.OnceValues(func() (*Engine, error) {
	ps, err := builtinProfiles()
	if err != nil {
		return nil, err
	}
	return newEngineFrom(ps)
})

// builtinProfiles are the embedded profiles, compiled once; engines share
// them (mergeProfiles copies the list).
var builtinProfiles = sync.OnceValues(func() ([]*profile, error) {
	sub, err := fs.Sub(profileFS, "profiles")
	if err != nil {
		return nil, fmt.Errorf("device profiles: %w", err)
	}
	ps, err := loadProfiles(sub)
	if err != nil {
		return nil, fmt.Errorf("device profiles: %w", err)
	}
	return ps, nil
})

func newEngineFrom(ps []*profile) (*Engine, error) {
	if len(ps) == 0 {
		return nil, errNoProfiles
	}
	reg, err := pen.Open()
	if err != nil {
		return nil, fmt.Errorf("enterprise registry: %w", err)
	}
	disp, err := products.OpenDisplay()
	if err != nil {
		return nil, fmt.Errorf("product registry: %w", err)
	}
	e := &Engine{profiles: ps, pen: reg, products: products.Open(), display: disp}
	e.index()
	return e, nil
}

// index fills byEnterprise, anyEnterprise and vendorOIDs.
func (e *Engine) index() {
	e.byEnterprise = map[uint32][]int{}
	for i, p := range e.profiles {
		ents, ok := profileEnterprises(p)
		if !ok {
			e.anyEnterprise = append(e.anyEnterprise, i)
			continue
		}
		for _, ent := range ents {
			e.byEnterprise[ent] = append(e.byEnterprise[ent], i)
		}
	}
	e.vendorOIDs = e.fetchOf(e.profiles, nil, "", true, true).All()
}

// profileEnterprises are the enterprise numbers a profile's sysObjectID
// prefixes lie under, each once (a printer family on its maker's arc and
// on HP's JetDirect arc is a candidate for those two enterprises only);
// false when it, or one of its match alternatives, has no sysObjectID
// condition or a prefix above the enterprise arc, which any device may
// meet.
func profileEnterprises(p *profile) ([]uint32, bool) {
	if len(p.match) == 0 {
		return nil, false
	}
	var ents []uint32
	for _, m := range p.match {
		if len(m.sysObjectID) == 0 {
			return nil, false
		}
		for _, pre := range m.sysObjectID {
			if t, text := strings.CutSuffix(pre, "*"); text {
				// A text prefix pins the enterprise only when it
				// runs past the enterprise's arc.
				if pre = t; !strings.Contains(strings.TrimPrefix(t, pen.EnterprisesPrefix), ".") {
					return nil, false
				}
			}
			n, ok := pen.FromSysObjectID(pre)
			if !ok || !strings.HasPrefix(pre, pen.EnterprisesPrefix) {
				return nil, false
			}
			if !slices.Contains(ents, n) {
				ents = append(ents, n)
			}
		}
	}
	return ents, true
}

// sysObjectIDs are the subtrees holding the sysObjectIDs that every match
// alternative's prefixes admit (a text prefix's: its last arc's parent).
func (p *profile) sysObjectIDs() iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, m := range p.match {
			for _, pre := range m.sysObjectID {
				if t, text := strings.CutSuffix(pre, "*"); text {
					pre = t[:strings.LastIndexByte(t, '.')]
				}
				if !yield(pre) {
					return
				}
			}
		}
	}
}

// candidates are the profiles that may match a device with this
// sysObjectID, in load order.
func (e *Engine) candidates(sysObjectID string) []*profile {
	var idx []int
	if n, ok := pen.FromSysObjectID(sysObjectID); ok {
		idx = e.byEnterprise[n]
	}
	out := make([]*profile, 0, len(idx)+len(e.anyEnterprise))
	i, j := 0, 0
	for i < len(idx) || j < len(e.anyEnterprise) {
		if j >= len(e.anyEnterprise) || (i < len(idx) && idx[i] < e.anyEnterprise[j]) {
			out = append(out, e.profiles[idx[i]])
			i++
		} else {
			out = append(out, e.profiles[e.anyEnterprise[j]])
			j++
		}
	}
	return out
}

// Fetch is what the profiles that may match a device read beyond the
// system group and the ENTITY-MIB: Get lists exact instances to read with
// GET, Walk the subtrees to walk. Both sorted, without duplicates.
type Fetch struct {
	Get  []string
	Walk []string
}

// All lists Get and Walk together, those under a listed subtree dropped,
// sorted.
func (f Fetch) All() []string {
	all := append(slices.Clone(f.Walk), f.Get...)
	slices.SortFunc(all, snmpwalk.CompareOID)
	all = slices.Compact(all)
	var out []string
	for _, o := range all {
		if len(out) > 0 && snmpwalk.HasPrefix(o, out[len(out)-1]) {
			continue // sorted: a covering subtree sorts right before
		}
		out = append(out, o)
	}
	return out
}

// FetchFor says what to read from a device once its system group is
// known, in one step: PlanFor(sysObjectID, sysDescr).All().
func (e *Engine) FetchFor(sysObjectID, sysDescr string) Fetch {
	return e.PlanFor(sysObjectID, sysDescr).All()
}

// ReadPlan is what a probe reads for a device's fingerprint once its
// system group is known: the profiles that can match its sysObjectID and
// sysDescr, each decided once. A probe reads their conditions first
// (Conditions), then the fields of the profiles those leave (Fields): a
// Linux host is not asked for the objects of every appliance built on
// net-snmp whose MIB it does not answer. All is both at once, what the
// probe reads when the first step fails.
type ReadPlan struct {
	e                     *Engine
	sysObjectID, sysDescr string
	ps                    []*profile
	// alts: for each of ps, the match alternatives that can hold, by
	// index; only their conditions are read.
	alts [][]int
}

// PlanFor is the ReadPlan of a device with this system group.
func (e *Engine) PlanFor(sysObjectID, sysDescr string) ReadPlan {
	sysObjectID = strings.TrimPrefix(strings.TrimSpace(sysObjectID), ".")
	ps, alts := e.describedBy(sysObjectID, sysDescr)
	return ReadPlan{e: e, sysObjectID: sysObjectID, sysDescr: sysDescr, ps: ps, alts: alts}
}

// All is every OID the plan's profiles read, their conditions and their
// fields alike (conditions on the ENTITY rows or on an OID's presence or
// value are not known yet, so they count as met). A profile's `oid` rules
// are exact instances (read with GET), its `walk` rules and oid_present
// conditions subtrees (oid_present also with GET, for an instance).
func (r ReadPlan) All() Fetch {
	return r.e.fetchOf(r.ps, r.alts, r.sysObjectID, true, true)
}

// Conditions is the first step: what the oid_present and oid_match
// conditions (match and exclude) of the plan's profiles read.
func (r ReadPlan) Conditions() Fetch {
	return r.e.fetchOf(r.ps, r.alts, r.sysObjectID, true, false)
}

// Fields is the second step: what the fields of the plan's profiles that
// match read, given values, what the OIDs read names held (Conditions',
// or those of them the probe read first). What was not read yet counts as
// met for a condition and as not holding for an exclusion: the ENTITY
// rows, and a condition's OID outside read. A profile left out here cannot
// match on the whole walk either, which holds the same values under the
// OIDs read.
func (r ReadPlan) Fields(values map[string]snmpwalk.Value, read Fetch) Fetch {
	c := newEvalCtx(Input{SysObjectID: r.sysObjectID, SysDescr: r.sysDescr, Values: values})
	c.e = r.e
	readOIDs := read.All() // sorted, none under another
	c.unread = func(o string) bool {
		// The subtree that holds o, if any, is o itself or the last
		// listed before it.
		i, found := slices.BinarySearchFunc(readOIDs, o, snmpwalk.CompareOID)
		return !found && (i == 0 || !snmpwalk.HasPrefix(o, readOIDs[i-1]))
	}
	var ps []*profile
	for _, p := range r.ps {
		if ok, _, _, _ := c.matchProfile(p, false); ok {
			ps = append(ps, p)
		}
	}
	return r.e.fetchOf(ps, nil, r.sysObjectID, false, true)
}

// conditionOIDs are the OIDs a profile's oid_present and oid_match
// conditions read, those of its exclusions and of the match alternatives
// alts names (nil: all). The conditions of an alternative that cannot
// hold are not read: a family on its maker's arc with its MIB's presence
// as the condition is not asked of every host another alternative of it
// makes a candidate.
func (p *profile) conditionOIDs(alts []int) iter.Seq[string] {
	return func(yield func(string) bool) {
		n := len(p.match)
		if alts != nil {
			n = len(alts)
		}
		for i := -1; i < n; i++ {
			m := &p.exclude
			switch {
			case i >= 0 && alts != nil:
				m = &p.match[alts[i]]
			case i >= 0:
				m = &p.match[i]
			}
			for _, o := range m.oidPresent {
				if !yield(o) {
					return
				}
			}
			for _, om := range m.oidMatch {
				if !yield(om.oid) {
					return
				}
			}
		}
	}
}

// underPrefix says whether a sysObjectID lies under a match's prefix: arc
// by arc, or, for a prefix written with a trailing '*', as text, the way
// LibreNMS's definitions compare (its Str::startsWith: '1.3.6.1.4.1.9.1*'
// takes 9.1.5 and 9.10.2 alike).
func underPrefix(sysObjectID, pre string) bool {
	if t, text := strings.CutSuffix(pre, "*"); text {
		return strings.HasPrefix(sysObjectID, t)
	}
	return snmpwalk.HasPrefix(sysObjectID, pre)
}

// describer says whether a match alternative's sysObjectID and sysDescr
// conditions admit a device with this system group.
func describer(sysObjectID, sysDescr string) func(matcher) bool {
	descr := record.Sanitize(sysDescr)
	return func(m matcher) bool {
		if len(m.sysObjectID) > 0 && !slices.ContainsFunc(m.sysObjectID, func(pre string) bool {
			return underPrefix(sysObjectID, pre)
		}) {
			return false
		}
		return len(m.sysDescr) == 0 || firstMatch(m.sysDescr, descr) != nil
	}
}

// describedBy are the candidates with a match alternative whose
// sysObjectID and sysDescr conditions this device meets, and for each
// the indexes of those alternatives, each decided once.
func (e *Engine) describedBy(sysObjectID, sysDescr string) ([]*profile, [][]int) {
	describes := describer(sysObjectID, sysDescr)
	var ps []*profile
	var alts [][]int
	for _, p := range e.candidates(sysObjectID) {
		var holds []int
		for i, m := range p.match {
			if describes(m) {
				holds = append(holds, i)
			}
		}
		if len(p.match) == 0 || len(holds) > 0 {
			ps, alts = append(ps, p), append(alts, holds)
		}
	}
	return ps, alts
}

// fetchOf lists what the profiles ps read on a device with this
// sysObjectID: their oid conditions (conds; of the match alternatives
// alts names for each, nil: all) and their fields' rules (fields). With
// no sysObjectID known (VendorOIDs), an OID relative to the sysObjectID
// is covered by the profile's sys_object_id prefixes, walked whole.
func (e *Engine) fetchOf(ps []*profile, alts [][]int, sysObjectID string, conds, fields bool) Fetch {
	get, walk := map[string]bool{}, map[string]bool{}
	keep := func(o string) bool {
		return o != "" && !snmpwalk.HasPrefix(o, oidSystem) && !snmpwalk.HasPrefix(o, oidEntity)
	}
	for i, p := range ps {
		if conds {
			var a []int
			if alts != nil {
				a = alts[i]
			}
			for o := range p.conditionOIDs(a) {
				if keep(o) {
					get[o] = true
					// A scalar's instance (".0") has nothing below it:
					// the get, batched with the others, answers; a
					// subtree is walked too, a round trip of its own.
					if !strings.HasSuffix(o, ".0") {
						walk[o] = true
					}
				}
			}
		}
		if !fields {
			continue
		}
		for _, rs := range p.fields {
			for _, r := range rs {
				if keep(r.ifOID) {
					get[r.ifOID] = true
				}
				if keep(r.ifAbsent) {
					get[r.ifAbsent] = true
				}
				if r.relative && sysObjectID == "" {
					for pre := range p.sysObjectIDs() {
						if keep(pre) {
							walk[pre] = true
						}
					}
					for _, o := range r.with {
						if keep(o) {
							get[o] = true
						}
					}
					continue
				}
				switch r.src {
				case srcOID:
					switch {
					case r.rowWhere != "":
						// The row is known once its column is
						// read: both columns are walked.
						if keep(r.rowWhere) {
							walk[r.rowWhere] = true
						}
						if keep(r.rowEquals) {
							get[r.rowEquals] = true
						}
						for _, rc := range r.rowAnd {
							if keep(rc.col) {
								walk[rc.col] = true
							}
						}
						if keep(r.arg) {
							walk[r.arg] = true
						}
					case r.indexFrom != "":
						// The instance is known once indexFrom is
						// read: the column is walked.
						if keep(r.indexFrom) {
							get[r.indexFrom] = true
						}
						if keep(r.arg) {
							walk[r.arg] = true
						}
					case keep(r.oidFor(sysObjectID)):
						get[r.oidFor(sysObjectID)] = true
					}
					for _, o := range r.with {
						if keep(o) {
							get[o] = true
						}
					}
					for _, o := range r.withFirst {
						if keep(o) {
							walk[o] = true
						}
					}
				case srcWalk:
					if keep(r.oidFor(sysObjectID)) {
						walk[r.oidFor(sysObjectID)] = true
					}
				case srcHRDevice:
					walk[oidHRDeviceEntry+".2"] = true
					walk[oidHRDeviceEntry+".3"] = true
				}
			}
		}
	}
	f := Fetch{Get: slices.Collect(maps.Keys(get)), Walk: slices.Collect(maps.Keys(walk))}
	slices.SortFunc(f.Get, snmpwalk.CompareOID)
	slices.SortFunc(f.Walk, snmpwalk.CompareOID)
	return f
}

// NameOID names an OID below enterprises through the product registry
// generated from vendor MIBs ("CISCO-PRODUCTS-MIB::cat6509",
// "OLD-CISCO-CHASSIS-MIB::chassisId.0"); "" when no module registers it
// or a prefix of it.
func (e *Engine) NameOID(oid string) string {
	if e == nil || e.products == nil {
		return ""
	}
	ent, rest, ok := e.products.Name(oid)
	if !ok || ent.OID == "1.3.6.1.4.1" {
		return ""
	}
	return ent.String() + rest
}

// registration is the vendor MIBs' registration of exactly a device's
// sysObjectID, one that can name hardware.
func (e *Engine) registration(oid string) (products.Entry, bool) {
	if e.products == nil || oid == "" {
		return products.Entry{}, false
	}
	// An agent's registration names no hardware: skip it before the
	// registry is decoded (a probe of hosts alone never loads it).
	if n, ok := pen.FromSysObjectID(oid); !ok || agentEnterprises[n] {
		return products.Entry{}, false
	}
	return e.products.Lookup(oid)
}

// registryModel gives the model a device's sysObjectID registration
// names in the vendor MIBs, through the display rules.
func (e *Engine) registryModel(oid string) (string, record.Evidence, bool) {
	ent, ok := e.registration(oid)
	if !ok {
		return "", record.Evidence{}, false
	}
	v, ok := e.display.Model(ent)
	if !ok || IsPlaceholder(v) {
		return "", record.Evidence{}, false
	}
	return v, record.Evidence{
		Rule:   "product registry: " + ent.String(),
		Source: record.SourceSNMP, OID: OIDSysObjectID, Value: v,
	}, true
}

// Profiles returns the ids of the loaded profiles.
func (e *Engine) Profiles() []string {
	out := make([]string, len(e.profiles))
	for i, p := range e.profiles {
		out[i] = p.id
	}
	return out
}

// VendorOIDs lists the OIDs and subtrees the profiles read beyond the
// system group and the ENTITY-MIB, sorted, for the collector to fetch: a
// walk of each (a scalar's walk returns the scalar) gives Identify all it
// needs.
func (e *Engine) VendorOIDs() []string {
	return slices.Clone(e.vendorOIDs)
}

// Input is InputFromWalk over the engine's VendorOIDs, without the copy
// VendorOIDs makes: what the collector calls once per device.
func (e *Engine) Input(w *snmpwalk.Walk) Input { return InputFromWalk(w, e.vendorOIDs) }

// Identify runs every profile over in and merges their answers.
func (e *Engine) Identify(in Input) Result {
	res, _ := e.run(in, false)
	return res
}

// Explain returns every profile's verdict on in: matching profiles first,
// best score first, then the rest by id.
func (e *Engine) Explain(in Input) []Match {
	_, ms := e.run(in, true)
	return ms
}

type scored struct {
	p       *profile
	score   int
	matched bool
	reasons []string
	// noFill: what the profile, through the alternative that admitted
	// the device, leaves unfilled when it wins.
	noFill []string
}

func (e *Engine) run(in Input, explain bool) (Result, []Match) {
	c := newEvalCtx(in)
	c.e = e
	ps := e.profiles
	if !explain {
		ps = e.candidates(c.in.SysObjectID)
	}
	all := make([]scored, 0, len(ps))
	for _, p := range ps {
		ok, score, alt, reasons := c.matchProfile(p, explain)
		if !ok && !explain {
			continue // only Explain reports the profiles that did not match
		}
		s := scored{p: p, score: score, matched: ok, reasons: reasons, noFill: p.noFill}
		if alt >= 0 {
			s.noFill = p.match[alt].noFill
		}
		all = append(all, s)
	}
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.matched != b.matched {
			return a.matched
		}
		if a.matched && a.p.generic != b.p.generic {
			return !a.p.generic
		}
		if a.score != b.score {
			return a.score > b.score
		}
		return a.p.id < b.p.id
	})
	var order []scored
	for _, s := range all {
		if s.matched {
			order = append(order, s)
		}
	}
	// order: non-generic by score, then generic by score.
	res := Result{Evidence: map[string]record.Evidence{}}
	if len(order) > 0 && !order[0].p.generic {
		res.Profile = order[0].p.id
	}
	for _, field := range fieldOrder {
		val, ev, ok := e.resolve(c, field, order, res.Profile != "")
		if !ok {
			continue
		}
		res.Evidence[field] = ev
		switch field {
		case FieldVendor:
			res.Vendor = val
			c.vendor = val
		case FieldModel:
			if m, ok := maker.DropName(val, res.Vendor); ok {
				val = m
				ev.Value = m
				ev.Rule += " (maker's name dropped)"
				res.Evidence[field] = ev
			}
			res.Model = val
			c.model = val
			c.modelOID = ev.OID
		case FieldSerial:
			res.Serial = val
		case FieldOS:
			res.OS = val
		case FieldOSVersion:
			res.OSVersion = val
		case FieldDeviceType:
			res.DeviceType = val
		}
	}
	if len(res.Evidence) == 0 {
		res.Evidence = nil
	}
	if !explain {
		return res, nil
	}
	ms := make([]Match, 0, len(all))
	for _, s := range all {
		m := Match{
			Profile: s.p.id, File: s.p.file, Generic: s.p.generic, Priority: s.p.priority,
			Matched: s.matched, Score: s.score, Reasons: s.reasons,
			Winner: s.matched && s.p.id == res.Profile,
		}
		if s.matched {
			m.Fields = map[string]string{}
			for _, f := range fieldOrder {
				if v, _, ok := c.applyRules(s.p, f); ok {
					m.Fields[f] = v
				}
			}
		}
		ms = append(ms, m)
	}
	return res, ms
}

// resolve finds a field's value: the winner's rules, then (for the vendor)
// the enterprise number, then the other matching profiles in order.
func (e *Engine) resolve(c *evalCtx, field string, order []scored, hasWinner bool) (string, record.Evidence, bool) {
	start := 0
	if hasWinner {
		if v, ev, ok := c.applyRules(order[0].p, field); ok {
			return v, ev, true
		}
		if slices.Contains(order[0].noFill, field) {
			return "", record.Evidence{}, false
		}
		start = 1
	}
	// The OS named beside a release is the OS whose release it is: where
	// the winner reads its own release (a product's firmware from its own
	// objects) and names no OS, another profile's OS is not taken when
	// that profile reads another release (net-snmp's Linux, whose kernel
	// release the uname sysDescr states, beside a UCM's firmware), nor a
	// host OS's (host_os) when it reads none (Linux by net-snmp's
	// registration alone).
	ownRelease := ""
	if hasWinner && field == FieldOS {
		ownRelease, _, _ = c.applyRules(order[0].p, FieldOSVersion)
	}
	if field == FieldVendor {
		pv, pev, pok := e.penVendor(c.in.SysObjectID)
		// The chassis's maker, where its registration and its
		// manufacturer name agree, outweighs a sysObjectID of another
		// enterprise (an agent's or a placeholder system group's).
		if ev, eev, eok := e.entityVendor(c, true); eok && (!pok || ev != pv) {
			return ev, eev, true
		}
		if pok {
			return pv, pev, true
		}
	}
	for _, s := range order[start:] {
		// The winner's author chose the field's objects: a generated
		// mib-identity profile's guess at them is not taken where the
		// winner says so (no_identity).
		if s.p.identity && hasWinner && slices.Contains(order[0].p.noIdentity, field) {
			continue
		}
		if ownRelease != "" {
			if v, _, ok := c.applyRules(s.p, FieldOSVersion); (ok && v != ownRelease) || (!ok && s.p.hostOS) {
				continue
			}
		}
		if v, ev, ok := c.applyRules(s.p, field); ok {
			return v, ev, true
		}
	}
	switch field {
	case FieldModel:
		if v, ev, ok := e.registryModel(c.in.SysObjectID); ok {
			return v, ev, true
		}
		if v, ev, ok := e.sysDescrVendorModel(c); ok {
			return v, ev, true
		}
		if v, ev, ok := sysDescrModelOnly(c); ok {
			return v, ev, true
		}
		// A BMC's kernel architecture names the controller's chip, not
		// the server it manages ("Generic MIPS" for an IBM IMM).
		if hasWinner {
			if t, _, ok := c.applyRules(order[0].p, FieldDeviceType); ok && t == "bmc" {
				return "", record.Evidence{}, false
			}
		}
		return hostArchModel(c, hasWinner && order[0].p.hostOS)
	case FieldOSVersion:
		return sysDescrLastRelease(c)
	case FieldVendor:
		return e.entityVendor(c, false)
	}
	return "", record.Evidence{}, false
}

// osVersionTokenRE is an operating system and its release written as one
// word ("VSOS-V0600R0705B20180507", "RGOS-11.4"), not a model.
var osVersionTokenRE = regexp.MustCompile(`(?i)V[0-9]{3,}R[0-9]{3,}|^[a-z]*os[-_ /]?v?[0-9]`)

// releaseTokenRE is a release written as a token after the maker's name:
// a dotted number with at most a short prefix ("NetScaler NS12.1: Build
// 65.21", "V5.2", "R8.1.0"), never a model.
var releaseTokenRE = regexp.MustCompile(`^[A-Za-z]{0,3}[0-9]+\.[0-9]+(?:\.[0-9]+)*$`)

// domainTokenRE is a host name with a domain ("fw1.example.net"): agents
// that print uname put the host's name after the OS's.
var domainTokenRE = regexp.MustCompile(`\.[A-Za-z]{2,}(\.|$)`)

// isSysName reports whether tok is the device's name (sysName, or its
// first label).
func isSysName(tok, sysName string) bool {
	n := strings.ToLower(cleanValue(sysName))
	if n == "" {
		return false
	}
	first, _, _ := strings.Cut(n, ".")
	t := strings.ToLower(tok)
	return t == n || t == first
}

// legalWords are words between a maker's name and its product in a
// sysDescr ("Juniper Networks, Inc. ex4200").
var legalWords = map[string]bool{
	"inc": true, "inc.": true, "corp": true, "corp.": true, "co": true, "co.": true, "ltd": true,
	"ltd.": true, "llc": true, "gmbh": true, "ag": true, "s.a.": true, "(tm)": true, "(r)": true,
}

// sysDescrVendorModel reads the model a sysDescr names right after the
// device's maker: "D-Link DES-3028 Fast Ethernet Switch", "NETGEAR
// GS724TP ...", "Juniper Networks, Inc. ex4200-48t ...". The sysDescr must
// start with the vendor already found (its display name or its
// enterprise's registered name), and the next word must be one model-like
// token: a family or a phrase ("Cisco IOS Software", "HP ETHERNET
// MULTI-ENVIRONMENT") names no model.
func (e *Engine) sysDescrVendorModel(c *evalCtx) (string, record.Evidence, bool) {
	if c.vendor == "" || c.sysDesc == "" {
		return "", record.Evidence{}, false
	}
	line := c.sysDescrFirstLine()
	words := strings.Fields(line)
	if len(words) < 2 {
		return "", record.Evidence{}, false
	}
	names := []string{c.vendor}
	if n, ok := pen.FromSysObjectID(c.in.SysObjectID); ok && e.pen != nil {
		if org, ok := e.pen.Lookup(n); ok {
			names = append(names, org)
		}
	}
	norm := func(w string) string {
		w = strings.ToLower(strings.Trim(w, ",;:"))
		w = strings.TrimSuffix(w, "(tm)")
		return strings.TrimSuffix(w, "(r)")
	}
	skip := 0
	for _, name := range names {
		nw := strings.Fields(name)
		k := 0
		for k < len(nw) && k < len(words) && norm(words[k]) == norm(nw[k]) {
			k++
		}
		// The maker's first word at least ("D-Link", "Juniper"), then
		// more of its name.
		if k > skip && (k == len(nw) || len(norm(nw[0])) >= 3) {
			skip = k
		}
	}
	if skip == 0 {
		return "", record.Evidence{}, false
	}
	for skip < len(words) && legalWords[norm(words[skip])] {
		skip++
	}
	if skip >= len(words) {
		return "", record.Evidence{}, false
	}
	raw := words[skip]
	tok := strings.TrimRight(raw, ",;:")
	if strings.ContainsAny(tok, "()[]") {
		return "", record.Evidence{}, false
	}
	if m, ok := modelFromText(tok, "", ""); !ok || m != tok || osVersionTokenRE.MatchString(tok) ||
		releaseTokenRE.MatchString(tok) || domainTokenRE.MatchString(tok) || isSysName(tok, c.in.SysName) {
		return "", record.Evidence{}, false
	}
	return tok, record.Evidence{
		Rule:   "sysDescr model after the vendor " + c.vendor,
		Source: record.SourceSNMP, OID: OIDSysDescr, Value: tok,
	}, true
}

// phraseWords describe a device after its model in a sysDescr that
// starts with the model: "SG350-28 28-Port Gigabit PoE Managed Switch",
// "EKI-2528 Industrial Switch".
var phraseWords = map[string]bool{
	"gigabit": true, "fast": true, "ethernet": true, "managed": true, "unmanaged": true, "smart": true,
	"poe": true, "poe+": true, "switch": true, "router": true, "industrial": true, "stackable": true,
	"layer": true, "l2": true, "l2+": true, "l3": true, "web": true, "lite": true, "pro": true,
	"wireless": true, "access": true, "point": true, "gateway": true, "firewall": true, "ups": true,
	"pdu": true, "series": true, "sfp": true, "10g": true, "10gbe": true, "multi-gigabit": true,
	"ip": true, "camera": true, "network": true, "device": true, "and": true, "with": true,
	"media": true, "converter": true, "controller": true, "bridge": true, "modem": true,
}

// portCountRE is a port count in such a phrase: "28-Port", "8-port".
var portCountRE = regexp.MustCompile(`(?i)^[0-9]{1,3}-?ports?$`)

// sysDescrModelOnly reads the model a sysDescr names alone: one model-like
// token ("EDS-408A", "GS108Tv3"), or one followed by words that only say
// what kind of device it is ("SG350-28 28-Port Gigabit Managed Switch"),
// or by its release ("UAP-AC-Pro-Gen2 4.3.20.11298").
// Not a host name (sysName), an OS with its release or a version.
func sysDescrModelOnly(c *evalCtx) (string, record.Evidence, bool) {
	line := c.sysDescrFirstLine()
	words := strings.Fields(line)
	if len(words) == 0 || len(words) > 8 {
		return "", record.Evidence{}, false
	}
	for i, w := range words[1:] {
		lw := strings.ToLower(strings.Trim(w, ",;:"))
		if i == len(words)-2 && versionTokenRE.MatchString(lw) {
			continue // "UAP-AC-Pro-Gen2 4.3.20.11298": its release last
		}
		if !phraseWords[lw] && !descrNoise[lw] && !portCountRE.MatchString(lw) {
			return "", record.Evidence{}, false
		}
	}
	tok := strings.TrimRight(words[0], ",;:")
	if strings.ContainsAny(tok, "()[]") {
		return "", record.Evidence{}, false
	}
	if m, ok := modelFromText(tok, "", ""); !ok || m != tok || osVersionTokenRE.MatchString(tok) ||
		domainTokenRE.MatchString(tok) || isSysName(tok, c.in.SysName) || portCountRE.MatchString(tok) {
		return "", record.Evidence{}, false
	}
	return tok, record.Evidence{
		Rule:   "sysDescr names the model alone",
		Source: record.SourceSNMP, OID: OIDSysDescr, Value: tok,
	}, true
}

// lastReleaseRE is a release of two or three numbers as a sysDescr's last
// word (an IPv4 address has four), and the word before it.
var lastReleaseRE = regexp.MustCompile(`\S (\S+) [vV]?([0-9]{1,3}\.[0-9]{1,3}(?:\.[0-9]{1,5}[A-Za-z]?)?)$`)

// notSoftwareWords, before a number, make it another thing's revision.
var notSoftwareWords = map[string]bool{
	"revision": true, "rev": true, "rev.": true, "hardware": true, "hw": true, "pcb": true,
	"board": true, "boot": true, "bootloader": true, "rom": true, "bios": true, "kernel": true,
	"linux": true, "at": true, "ip": true, "address": true, "mib": true, "snmp": true,
}

// sysDescrLastRelease reads the release a sysDescr ends with when nothing
// else named one: "AXIS P3364-V Fixed Dome Network Camera 6.50.2"; not a
// hardware revision ("hardware revision 2.1") or a kernel's.
func sysDescrLastRelease(c *evalCtx) (string, record.Evidence, bool) {
	line := c.sysDescrFirstLine()
	m := lastReleaseRE.FindStringSubmatch(strings.TrimSpace(line))
	if m == nil || notSoftwareWords[strings.ToLower(m[1])] {
		return "", record.Evidence{}, false
	}
	return m[2], record.Evidence{
		Rule:   "sysDescr release last",
		Source: record.SourceSNMP, OID: OIDSysDescr, Value: m[2],
	}, true
}

// entityVendor is the maker of the device's chassis from the enterprise
// number its entPhysicalVendorType lies under; with agree, only when the
// row's entPhysicalMfgName names the same maker.
func (e *Engine) entityVendor(c *evalCtx, agree bool) (string, record.Evidence, bool) {
	if e.pen == nil {
		return "", record.Evidence{}, false
	}
	for _, ent := range c.chassisOrder() {
		n, ok := pen.FromSysObjectID(ent.VendorType)
		if !ok || agentEnterprises[n] {
			continue
		}
		name, ok := e.pen.Lookup(n)
		if !ok {
			continue
		}
		v := maker.Normalize(name)
		if IsPlaceholder(v) {
			continue
		}
		rule := "ENTITY chassis entPhysicalVendorType enterprise " + strconv.FormatUint(uint64(n), 10) + " (" + name + ")"
		if agree {
			if IsPlaceholder(ent.Mfg) || maker.Normalize(ent.Mfg) != v {
				return "", record.Evidence{}, false
			}
			rule += ", as entPhysicalMfgName says"
		}
		return v, record.Evidence{
			Rule: rule, Source: record.SourceSNMP, Value: v,
			OID: OIDEntPhysicalEntry + ".3." + strconv.Itoa(ent.Index),
		}, true
	}
	return "", record.Evidence{}, false
}

// agentEnterprises are enterprise numbers of SNMP agent software, not of the
// device's maker: a sysObjectID under them says nothing about the vendor.
var agentEnterprises = map[uint32]bool{
	0:     true, // reserved
	311:   true, // Microsoft: the OS, not the hardware
	2021:  true, // UC Davis (ucd-snmp)
	4976:  true, // AGENT++
	8072:  true, // net-snmp
	12325: true, // Fraunhofer FOKUS (bsnmpd)
	6876:  true, // VMware: ESXi runs on someone else's hardware
	99999: true,
}

func (e *Engine) penVendor(oid string) (string, record.Evidence, bool) {
	if e.pen == nil || oid == "" {
		return "", record.Evidence{}, false
	}
	n, ok := pen.FromSysObjectID(oid)
	if !ok || agentEnterprises[n] {
		return "", record.Evidence{}, false
	}
	name, ok := e.pen.Lookup(n)
	if !ok {
		return "", record.Evidence{}, false
	}
	v := maker.Normalize(name)
	if IsPlaceholder(v) {
		return "", record.Evidence{}, false
	}
	return v, record.Evidence{
		Rule:   "enterprise number " + strconv.FormatUint(uint64(n), 10) + " (" + name + ")",
		Source: record.SourceSNMP, OID: OIDSysObjectID, Value: v,
	}, true
}

// evalCtx is one Input prepared for matching.
type evalCtx struct {
	in       Input
	e        *Engine // for registry rules
	vendor   string  // the vendor, once resolved
	model    string  // the model, once resolved
	modelOID string
	keys     []string // Values keys in OID order
	sysDesc  string   // sanitized sysDescr
	// sysDescLines: sysDescr with its lines kept, once an oid rule
	// reads it (sysDescrLines).
	sysDescLines *string
	ents         []Entity // by index
	chassis      []Entity // chassisOrder, once computed
	// unread, when set (ReadPlan.Fields), says which OIDs are not read
	// yet: an OID condition on one counts as met, an exclusion by one as
	// not holding; the ENTITY rows are not read yet either.
	unread func(oid string) bool
}

func newEvalCtx(in Input) *evalCtx {
	in.SysObjectID = strings.TrimPrefix(strings.TrimSpace(in.SysObjectID), ".")
	c := &evalCtx{in: in, sysDesc: record.Sanitize(in.SysDescr)}
	if c.keys = in.keys; !sameKeys(in.keys, in.Values) {
		c.keys = make([]string, 0, len(in.Values))
		for k := range in.Values {
			c.keys = append(c.keys, k)
		}
		snmpwalk.SortOIDs(c.keys)
	}
	c.ents = slices.Clone(in.Entities)
	slices.SortStableFunc(c.ents, func(a, b Entity) int { return a.Index - b.Index })
	return c
}

// sameKeys says whether keys (distinct, as InputFromWalk gives them) are
// all of values' keys: a caller may have changed Values since.
func sameKeys(keys []string, values map[string]snmpwalk.Value) bool {
	if keys == nil || len(keys) != len(values) {
		return false
	}
	for _, k := range keys {
		if _, ok := values[k]; !ok {
			return false
		}
	}
	return true
}

// matchProfile says whether p admits the device (one of its match
// alternatives holds and none of its exclusions), its score (the priority,
// then how closely the first alternative that holds fits), which
// alternative that is (-1 for a generic profile's none) and, explaining,
// why.
func (c *evalCtx) matchProfile(p *profile, explain bool) (bool, int, int, []string) {
	var reasons []string
	note := func(s string) {
		if explain {
			reasons = append(reasons, s)
		}
	}
	score := p.priority * 1000
	ok, alt := len(p.match) == 0, -1
	for i, m := range p.match {
		mok, ms, why := c.matchAlternative(m, explain)
		if len(p.match) > 1 {
			for j := range why {
				why[j] = fmt.Sprintf("alternative %d: %s", i+1, why[j])
			}
			if mok && m.priority != p.priority && explain {
				why = append(why, fmt.Sprintf("alternative %d: priority %d", i+1, m.priority))
			}
		}
		reasons = append(reasons, why...)
		if mok {
			// The first that holds decides: a family's own arc, listed
			// first, scores as it would alone.
			ok, score, alt = true, m.priority*1000+ms, i
			break
		}
	}
	if !ok {
		return false, score, alt, reasons
	}
	x := p.exclude
	for _, pre := range x.sysObjectID {
		if underPrefix(c.in.SysObjectID, pre) {
			note("excluded: sysObjectID under " + pre)
			return false, score, alt, reasons
		}
	}
	if re := firstMatch(x.sysDescr, c.sysDesc); re != nil {
		note("excluded: sysDescr matches /" + re.String() + "/")
		return false, score, alt, reasons
	}
	for _, e := range c.ents {
		if re := firstMatch(x.entityMfg, e.Mfg); re != nil {
			note("excluded: entPhysicalMfgName matches /" + re.String() + "/")
			return false, score, alt, reasons
		}
		if re := firstMatch(x.entityModel, e.Model); re != nil {
			note("excluded: entPhysicalModelName matches /" + re.String() + "/")
			return false, score, alt, reasons
		}
	}
	for _, o := range x.oidPresent {
		if c.present(o) && !c.notRead(o) {
			note("excluded: " + o + " present")
			return false, score, alt, reasons
		}
	}
	for _, om := range x.oidMatch {
		if c.valueMatches(om) && !c.notRead(om.oid) {
			note("excluded: a value of " + om.oid + " matches /" + om.re.String() + "/")
			return false, score, alt, reasons
		}
	}
	if len(p.match) == 0 {
		note("generic: always applies")
	}
	return true, score, alt, reasons
}

// matchAlternative says whether the device meets every condition of one
// match alternative, how closely (its score beyond the priority) and,
// explaining, why.
func (c *evalCtx) matchAlternative(m matcher, explain bool) (bool, int, []string) {
	var reasons []string
	note := func(s string) {
		if explain {
			reasons = append(reasons, s)
		}
	}
	score, ok := 0, true
	if len(m.sysObjectID) > 0 {
		best := ""
		for _, pre := range m.sysObjectID {
			if underPrefix(c.in.SysObjectID, pre) && len(pre) > len(best) {
				best = pre
			}
		}
		if best == "" {
			if !explain {
				return false, score, nil // the first condition unmet settles it
			}
			ok = false
			note(fmt.Sprintf("sysObjectID %q under none of %s", c.in.SysObjectID, strings.Join(m.sysObjectID, ", ")))
		} else {
			score += 10 * (strings.Count(best, ".") + 1)
			note("sysObjectID under " + best)
		}
	}
	if len(m.sysDescr) > 0 {
		if re := firstMatch(m.sysDescr, c.sysDesc); re != nil {
			score += 5
			note("sysDescr matches /" + re.String() + "/")
		} else {
			if !explain {
				return false, score, nil // the first condition unmet settles it
			}
			ok = false
			note("sysDescr matches none of " + patterns(m.sysDescr))
		}
	}
	for _, em := range []struct {
		res  []pattern
		name string
		get  func(Entity) string
	}{
		{m.entityMfg, "entPhysicalMfgName", func(e Entity) string { return e.Mfg }},
		{m.entityModel, "entPhysicalModelName", func(e Entity) string { return e.Model }},
	} {
		if len(em.res) == 0 || c.unread != nil {
			continue
		}
		hit := ""
		for _, e := range c.ents {
			if re := firstMatch(em.res, em.get(e)); re != nil {
				hit = fmt.Sprintf("%s of entity %d matches /%s/", em.name, e.Index, re)
				break
			}
		}
		if hit == "" {
			if !explain {
				return false, score, nil // the first condition unmet settles it
			}
			ok = false
			note(em.name + " of no entity matches " + patterns(em.res))
		} else {
			score += 5
			note(hit)
		}
	}
	if len(m.oidPresent) > 0 {
		hit := ""
		for _, o := range m.oidPresent {
			if c.present(o) || c.notRead(o) {
				hit = o
				break
			}
		}
		if hit == "" {
			if !explain {
				return false, score, nil // the first condition unmet settles it
			}
			ok = false
			note("none of " + strings.Join(m.oidPresent, ", ") + " present")
		} else {
			score += 8
			note(hit + " present")
		}
	}
	if len(m.oidMatch) > 0 {
		hit := ""
		for _, om := range m.oidMatch {
			if c.valueMatches(om) || c.notRead(om.oid) {
				hit = om.oid
				break
			}
		}
		if hit == "" {
			if !explain {
				return false, score, nil // the first condition unmet settles it
			}
			ok = false
			note("no value of " + oidMatches(m.oidMatch) + " matches")
		} else {
			score += 8
			note("a value of " + hit + " matches")
		}
	}
	return ok, score, reasons
}

func firstMatch(res []pattern, s string) *regexp.Regexp {
	for _, re := range res {
		if re.MatchString(s) {
			return re.Regexp
		}
	}
	return nil
}

func patterns(res []pattern) string {
	s := make([]string, len(res))
	for i, re := range res {
		s[i] = "/" + re.String() + "/"
	}
	return strings.Join(s, ", ")
}

// notRead reports whether oid is not read yet (ReadPlan.Fields), so that a
// condition on it cannot be decided.
func (c *evalCtx) notRead(oid string) bool {
	return c.unread != nil && c.unread(oid)
}

// present reports whether a value with content sits at or below oid.
func (c *evalCtx) present(oid string) bool {
	i, _ := slices.BinarySearchFunc(c.keys, oid, snmpwalk.CompareOID)
	for ; i < len(c.keys) && snmpwalk.HasPrefix(c.keys[i], oid); i++ {
		v := c.in.Values[c.keys[i]]
		if !v.Type.IsException() && v.Type != snmpwalk.TypeNull && !IsPlaceholder(valueString(v)) {
			return true
		}
	}
	return false
}

// valueMatches reports whether the value at om.oid, or one below it,
// matches om.re.
func (c *evalCtx) valueMatches(om oidValueMatch) bool {
	if v, ok := c.valueOf(om.oid); ok && om.re.MatchString(v) {
		return true
	}
	i, _ := slices.BinarySearchFunc(c.keys, om.oid, snmpwalk.CompareOID)
	for ; i < len(c.keys) && snmpwalk.HasPrefix(c.keys[i], om.oid); i++ {
		if v := c.in.Values[c.keys[i]]; !v.Type.IsException() && om.re.MatchString(valueString(v)) {
			return true
		}
	}
	return false
}

func oidMatches(oms []oidValueMatch) string {
	s := make([]string, len(oms))
	for i, om := range oms {
		s[i] = om.oid + " /" + om.re.String() + "/"
	}
	return strings.Join(s, ", ")
}

// applyRules tries a profile's rules for one field in order.
func (c *evalCtx) applyRules(p *profile, field string) (string, record.Evidence, bool) {
	for _, r := range p.fields[field] {
		if r.ifOID != "" {
			if w, ok := c.valueOf(r.ifOID); !ok || !r.ifMatch.MatchString(w) {
				continue
			}
		}
		if r.ifAbsent != "" {
			if _, ok := c.valueOf(r.ifAbsent); ok {
				continue
			}
		}
		raw, oid, ok := c.source(r, field)
		if !ok {
			continue
		}
		v, ok := r.transform(raw)
		if !ok {
			continue
		}
		v = cleanValue(v)
		if r.extendSysDescr {
			v = extendInText(c.sysDesc, v)
		}
		switch field {
		case FieldVendor:
			v = maker.Normalize(v)
		case FieldOSVersion:
			v = trimUnopenedParen(strings.TrimRight(v, "."))
		}
		if IsPlaceholder(v) || (field != FieldDeviceType && field != FieldOS && isVersionPlaceholder(field, v)) {
			continue
		}
		rule := r.describe(field)
		switch {
		case r.name != "":
		case r.src == srcRegistry:
			rule = "product registry: " + c.e.NameOID(c.in.SysObjectID)
		case r.src == srcRegistryLabel:
			rule = "product registry label: " + c.e.NameOID(c.in.SysObjectID)
		}
		return v, record.Evidence{
			Rule:   "profile " + p.id + ": " + rule,
			Source: record.SourceSNMP, OID: oid, Value: v,
		}, true
	}
	return "", record.Evidence{}, false
}

// valueOf is an object's value as with and if_oid read it, the system
// group's from the input's own fields and an entPhysicalTable column's
// (descr, name, model, serial, the revisions, mfg) at an index from the
// input's entities (neither is among Values); false when the device gave
// none.
func (c *evalCtx) valueOf(oid string) (string, bool) {
	switch oid {
	case OIDSysDescr:
		return c.sysDesc, c.sysDesc != ""
	case OIDSysObjectID:
		return c.in.SysObjectID, c.in.SysObjectID != ""
	case OIDSysName:
		return c.in.SysName, c.in.SysName != ""
	}
	v, ok := c.in.Values[oid]
	if !ok || v.Type.IsException() {
		return c.entityAt(oid)
	}
	return valueString(v), true
}

// keysBelow is the input's OIDs below prefix, not at it, in index order:
// what a walk (GETNEXT) from prefix answers, which never answers the OID
// it starts from.
func (c *evalCtx) keysBelow(prefix string) []string {
	i, found := slices.BinarySearchFunc(c.keys, prefix, snmpwalk.CompareOID)
	if found {
		i++
	}
	j := i
	for j < len(c.keys) && snmpwalk.HasPrefix(c.keys[j], prefix) {
		j++
	}
	return c.keys[i:j]
}

// firstBelow is the first value below prefix, in index order (what a
// GETNEXT from it answers, within it): a table column's first row.
func (c *evalCtx) firstBelow(prefix string) (string, bool) {
	ks := c.keysBelow(prefix)
	if len(ks) == 0 {
		return "", false
	}
	v := c.in.Values[ks[0]]
	if v.Type.IsException() {
		return "", false
	}
	return valueString(v), true
}

// systemValue is a system group object's value, which the input holds
// apart from the vendor objects: sysName (some agents set it to the serial
// number), sysDescr and sysObjectID (values some definitions build a field
// from, joined to others by with).
func (c *evalCtx) systemValue(oid string) (string, bool) {
	switch oid {
	case OIDSysName, OIDSysDescr, OIDSysObjectID:
		return c.valueOf(oid)
	}
	return "", false
}

// sysDescrLines is sysDescr with its line breaks kept ("\r\n" and "\r"
// read as "\n") and each line sanitized as the sys_descr source is.
func sysDescrLines(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = record.Sanitize(l)
	}
	return strings.Join(lines, "\n")
}

// sysDescrKeptLines is sysDescr with its lines kept (sysDescrLines),
// built once a walk.
func (c *evalCtx) sysDescrKeptLines() string {
	if c.sysDescLines == nil {
		l := sysDescrLines(c.in.SysDescr)
		c.sysDescLines = &l
	}
	return *c.sysDescLines
}

// sysDescrFirstLine is the first line of sysDescr that is not blank (the
// whole where it has one line): the sanitized sysDescr reads its line
// breaks as spaces, so it has no line of its own to cut.
func (c *evalCtx) sysDescrFirstLine() string {
	if !strings.ContainsAny(c.in.SysDescr, "\r\n") {
		return c.sysDesc
	}
	for _, l := range strings.Split(c.sysDescrKeptLines(), "\n") {
		if strings.TrimSpace(l) != "" {
			return l
		}
	}
	return ""
}

// source fetches a rule's raw value and the OID it came from.
func (c *evalCtx) source(r rule, field string) (string, string, bool) {
	switch r.src {
	case srcValue:
		return r.value, "", true
	case srcSysDescr:
		if c.sysDesc == "" {
			return "", "", false
		}
		return c.sysDesc, OIDSysDescr, true
	case srcModel:
		if c.model == "" || field == FieldVendor || field == FieldModel {
			return "", "", false
		}
		return c.model, c.modelOID, true
	case srcRegistry:
		if field == FieldVendor {
			return "", "", false
		}
		v, _, ok := c.e.registryModel(c.in.SysObjectID)
		return v, OIDSysObjectID, ok
	case srcRegistryLabel:
		if field == FieldVendor {
			return "", "", false
		}
		ent, ok := c.e.registration(c.in.SysObjectID)
		return ent.Name, OIDSysObjectID, ok
	case srcMachine:
		if field == FieldVendor {
			return "", "", false
		}
		v, _, ok := machineClass(c.sysDesc)
		return v, OIDSysDescr, ok
	case srcSysObjectID:
		if c.in.SysObjectID == r.arg {
			return "", OIDSysObjectID, true
		}
		if !snmpwalk.HasPrefix(c.in.SysObjectID, r.arg) {
			return "", "", false
		}
		return c.in.SysObjectID[len(r.arg)+1:], OIDSysObjectID, true
	case srcOID:
		oid := r.oidFor(c.in.SysObjectID)
		if oid == "" {
			return "", "", false
		}
		if r.indexFrom != "" {
			iv, ok := c.in.Values[r.indexFrom]
			if !ok || iv.Type.IsException() {
				return "", "", false
			}
			idx := strings.TrimPrefix(strings.TrimSpace(valueString(iv)), ".")
			if !oidRE.MatchString(idx) {
				return "", "", false
			}
			oid += "." + idx
		}
		if r.rowWhere != "" {
			idx, ok := c.rowWhere(r)
			if !ok {
				return "", "", false
			}
			oid += "." + idx
		}
		var s string
		if oid == OIDSysDescr && len(r.with) == 0 {
			// sysDescr alone keeps its lines (a definition's '.'
			// stops at a line break, as a regexp's here does),
			// which the sys_descr source joins with spaces.
			s = c.sysDescrKeptLines()
			if strings.TrimSpace(s) == "" {
				return "", "", false
			}
		} else if v, ok := c.in.Values[oid]; ok && !v.Type.IsException() {
			s = agentText(valueString(v))
		} else if e, ok := c.entityAt(oid); ok {
			s = e
		} else if sys, ok := c.systemValue(oid); ok {
			s = sys
		} else {
			return "", "", false
		}
		if len(r.with) > 0 && r.mapping != nil {
			// With a map, the map names the first value (an
			// enumeration's label) before the others join it.
			m, ok := r.lookup(s)
			if !ok {
				return "", "", false
			}
			s = m
		}
		for _, o := range r.with {
			w, ok := c.valueOf(o)
			if !ok {
				// An ENTITY-MIB instance (the input keeps the ENTITY
				// table apart): a definition's template over row 1's
				// name and hardware revision.
				w, ok = c.entityAt(o)
			}
			if !ok {
				return "", "", false
			}
			s += r.join + w
		}
		for _, o := range r.withFirst {
			w, ok := c.firstBelow(o)
			if !ok {
				return "", "", false
			}
			s += r.join + w
		}
		return s, oid, true
	case srcWalk:
		prefix := r.oidFor(c.in.SysObjectID)
		if prefix == "" {
			return "", "", false
		}
		if col, ok := entityColumn(prefix); ok {
			return c.entityWalk(r, col)
		}
		// Below the prefix, not at it: a value there is read by no probe.
		for _, k := range c.keysBelow(prefix) {
			v := c.in.Values[k]
			s := agentText(valueString(v))
			if v.Type.IsException() || IsPlaceholder(cleanValue(s)) {
				continue
			}
			if r.re != nil && !r.re.MatchString(s) {
				continue
			}
			return s, k, true
		}
		return "", "", false
	case srcHRDevice:
		typePrefix := oidHRDeviceEntry + ".2."
		i, _ := slices.BinarySearchFunc(c.keys, typePrefix, snmpwalk.CompareOID)
		for ; i < len(c.keys) && strings.HasPrefix(c.keys[i], typePrefix); i++ {
			v := c.in.Values[c.keys[i]]
			if v.Type != snmpwalk.TypeOID || v.OID != r.arg {
				continue
			}
			idx := c.keys[i][len(typePrefix):]
			d, ok := c.in.Values[oidHRDeviceEntry+".3."+idx]
			if !ok {
				continue
			}
			s := agentText(valueString(d))
			if IsPlaceholder(cleanValue(s)) {
				continue
			}
			return s, oidHRDeviceEntry + ".3." + idx, true
		}
		return "", "", false
	case srcEntity:
		return c.entityValue(r.arg)
	}
	return "", "", false
}

// rowWhere is the instance of the first row, in index order, whose
// r.rowWhere column's value matches r.rowMatch, or equals r.rowEquals's
// value (trimmed, in any case), does not match r.rowNotMatch, and whose
// r.rowAnd columns match theirs. An ENTITY-MIB column is read from the
// input's ENTITY rows (the probe walks that table apart).
func (c *evalCtx) rowWhere(r rule) (string, bool) {
	want := ""
	if r.rowEquals != "" {
		w, ok := c.valueOf(r.rowEquals)
		if want = strings.TrimSpace(w); !ok || want == "" {
			return "", false
		}
	}
	holds := func(idx, v string) bool {
		if r.rowEquals != "" {
			if !strings.EqualFold(strings.TrimSpace(v), want) {
				return false
			}
		} else if !r.rowMatch.MatchString(v) {
			return false
		}
		if r.rowNotMatch != nil && r.rowNotMatch.MatchString(v) {
			return false
		}
		for _, rc := range r.rowAnd {
			cv, ok := c.cell(rc.col, idx)
			if !ok || !rc.re.MatchString(cv) {
				return false
			}
		}
		return true
	}
	if col, ok := rowEntityColumn(r.rowWhere); ok {
		for _, e := range c.ents {
			idx := strconv.Itoa(e.Index)
			if v, ok := entityCell(e, col); ok && holds(idx, v) {
				return idx, true
			}
		}
		return "", false
	}
	prefix := r.rowWhere + "."
	i, _ := slices.BinarySearchFunc(c.keys, prefix, snmpwalk.CompareOID)
	for ; i < len(c.keys) && strings.HasPrefix(c.keys[i], prefix); i++ {
		v := c.in.Values[c.keys[i]]
		if v.Type.IsException() {
			continue
		}
		if idx := c.keys[i][len(prefix):]; holds(idx, valueString(v)) {
			return idx, true
		}
	}
	return "", false
}

// cell is a table column's value at a row's instance: the input's value,
// else an ENTITY-MIB row's.
func (c *evalCtx) cell(col, idx string) (string, bool) {
	if v, ok := c.in.Values[col+"."+idx]; ok && !v.Type.IsException() {
		return valueString(v), true
	}
	return c.entityAt(col + "." + idx)
}

// rowEntityColumn is entityColumn for a row test or an if_oid, which may
// also read entPhysicalClass and entPhysicalContainedIn.
func rowEntityColumn(oid string) (int, bool) {
	switch oid {
	case OIDEntPhysicalEntry + "." + strconv.Itoa(entityClassColumn):
		return entityClassColumn, true
	case OIDEntPhysicalEntry + "." + strconv.Itoa(entityContainedInColumn):
		return entityContainedInColumn, true
	}
	return entityColumn(oid)
}

// entityClassColumn is entPhysicalClass's column; its value reads as the
// class's number ("9": module).
const entityClassColumn = 5

// entityContainedInColumn is entPhysicalContainedIn's column; its value
// reads as the containing row's index, "0" for a row contained in
// nothing (the root of the tree, as Cisco's chassis row 1 is); a row
// whose agent does not answer the column has no value there.
const entityContainedInColumn = 4

// entityCell is a row's value in an entPhysicalEntry column; an empty
// string is no value, a class is always one, a containing row one
// where the agent answered it.
func entityCell(e Entity, col int) (string, bool) {
	switch col {
	case entityClassColumn:
		return strconv.Itoa(e.Class), true
	case entityContainedInColumn:
		return strconv.Itoa(e.ContainedIn), !e.NoContainedIn
	}
	v := entityField(e, entityColumnField(col))
	return v, v != ""
}

// entityValue picks a field from the device's own ENTITY row: the rows
// of chassisOrder in turn (the first whose field is real); then, for a
// software or firmware revision, any row that has one (agents often put
// it on the supervisor module, not the chassis); else the one row with a
// real serial number, when only one has it. Parts (power supplies, fans,
// sensors, ports) are never read this way.
func (c *evalCtx) entityValue(field string) (string, string, bool) {
	col := entityFields[field]
	oid := func(e Entity) string {
		return OIDEntPhysicalEntry + "." + strconv.Itoa(col) + "." + strconv.Itoa(e.Index)
	}
	if field == "descr_model" {
		return c.entityDescrModel()
	}
	for _, e := range c.chassisOrder() {
		if field == "model" && !entityModelUsable(e) {
			continue
		}
		if v := entityField(e, field); !IsPlaceholder(cleanValue(v)) {
			return v, oid(e), true
		}
	}
	if field == "software_rev" || field == "firmware_rev" {
		for _, e := range c.ents {
			if partOnly(e) {
				continue
			}
			if v := entityField(e, field); !IsPlaceholder(cleanValue(v)) {
				return v, oid(e), true
			}
		}
		return "", "", false
	}
	// The one row with a serial (a stack's management card): where
	// several modules have serials (line cards, or one constant the agent
	// repeats on each), none of them is the device's. Where a chassis row
	// stands for the device but states no serial, a module's serial is
	// that module's, not the chassis's: taken only from the one module
	// the device has (a fixed box's main board), never from one of
	// several (a supervisor, a line card).
	var only *Entity
	chassis, modules := false, 0
	for i, e := range c.ents {
		switch e.Class {
		case EntityClassChassis:
			chassis = true
		case entityClassModule:
			modules++
		}
		if IsPlaceholder(cleanValue(e.Serial)) || partOnly(e) {
			continue
		}
		if only != nil {
			return "", "", false
		}
		only = &c.ents[i]
	}
	if only == nil || field == "model" && !entityModelUsable(*only) {
		return "", "", false
	}
	if chassis && (only.Class != entityClassModule || modules != 1) {
		return "", "", false
	}
	if v := entityField(*only, field); !IsPlaceholder(cleanValue(v)) {
		return v, oid(*only), true
	}
	return "", "", false
}

// partOnly reports whether an ENTITY row is a part that says nothing of
// the device as a whole: a power supply, fan, sensor or port (a
// transceiver). Its serial, model or firmware is the part's own.
func partOnly(e Entity) bool {
	switch e.Class {
	case entityClassPSU, entityClassFan, entityClassSensor, entityClassPort:
		return true
	}
	return false
}

// entityDescrModel is the model the device's chassis (or stack) row
// names in its entPhysicalDescr or entPhysicalName when it leaves
// entPhysicalModelName empty: "ME60-X8 frame", "HUAWEI S12704 chassis",
// a name "WS-C6509-E". Only the first such row is read (a row with a model
// name of its own is left to the model rule), and only a text that is one
// model-like token once the maker's name and words such as "chassis" are
// set aside: a phrase ("Catalyst 6500 9-slot Chassis System") names no
// model this way.
func (c *evalCtx) entityDescrModel() (string, string, bool) {
	for _, e := range c.chassisOrder() {
		if e.Class != EntityClassChassis && e.Class != entityClassStack {
			continue
		}
		if !IsPlaceholder(e.Model) && entityModelUsable(e) {
			return "", "", false
		}
		for _, f := range []struct {
			col int
			s   string
		}{{2, e.Descr}, {7, e.Name}} {
			if m, ok := modelFromText(f.s, e.Mfg, e.Serial); ok {
				return m, OIDEntPhysicalEntry + "." + strconv.Itoa(f.col) + "." + strconv.Itoa(e.Index), true
			}
		}
		return "", "", false
	}
	return "", "", false
}

// instanceLabelRE is the label of one instance, not a model: "VSM_0",
// "Chassis_1" (DPtech names its stack members' entPhysicalModelName so,
// and puts the model in entPhysicalName).
var instanceLabelRE = regexp.MustCompile(`^[A-Za-z]+_[0-9]{1,3}$`)

// entityModelUsable reports whether a row's entPhysicalModelName can be
// the device's model: not an instance label nor the row's maker, and for
// a stack's own row a name with a digit in it (a stack row's model is often the agent's name
// for the stack, "dpEntStack", while its members name the hardware).
func entityModelUsable(e Entity) bool {
	m := cleanValue(e.Model)
	if instanceLabelRE.MatchString(m) {
		return false
	}
	if e.Class == entityClassStack && !strings.ContainsAny(m, "0123456789") {
		return false
	}
	// The maker's name in the model's place ("HUAWEI", "Juniper
	// Networks").
	if v := maker.Normalize(m); v != "" && !strings.ContainsAny(m, "0123456789") &&
		strings.EqualFold(v, maker.Normalize(e.Mfg)) {
		return false
	}
	return true
}

// modelTokenRE is one model-like token: letters and digits with dashes,
// slashes, dots, pluses or underscores, a digit in it, 3 to 32 long.
var modelTokenRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9+/._-]{1,30}[A-Za-z0-9+]$`)

// versionTokenRE is a version, not a model: "v5.2.1", "7.1.075".
var versionTokenRE = regexp.MustCompile(`^[vV]?[0-9]+(\.[0-9A-Za-z]+)+$`)

// archTokens are processor architectures agents put in descriptions.
var archTokens = map[string]bool{
	"x86_64": true, "x86-64": true, "amd64": true, "i386": true, "i686": true, "arm64": true,
	"aarch64": true, "armv7l": true, "armv5tejl": true, "mips64": true, "ppc64": true, "ppc64le": true,
}

// descrNoise are words around a model in an entity description; a token
// that starts with one ("Chasis_0", "Slot1", "FAN2") is no model.
var descrNoise = map[string]bool{
	"chassis": true, "chasis": true, "frame": true, "switch": true, "router": true, "routing": true,
	"system": true, "unit": true, "box": true, "device": true, "stack": true, "ethernet": true,
	"backplane": true, "shelf": true, "series": true, "slot": true, "fan": true, "psu": true,
	"ps": true, "power": true, "supply": true, "module": true, "card": true, "member": true,
	"port": true, "board": true, "mainboard": true, "sensor": true, "temp": true, "cpu": true,
	"mpu": true, "lpu": true, "sfu": true, "fabric": true, "virtual": true, "logical": true,
	"the": true, "of": true, "and": true, "with": true, "for": true, "version": true,
	"release": true, "software": true, "firmware": true, "hardware": true, "rev": true,
	"revision": true, "vpc": true, "domain": true, "mac": true, "address": true, "container": true,
}

// modelFromText finds the single model-like token of an entity text, the
// maker's name (mfg's words, "HUAWEI" in "HUAWEI S5720 Routing Switch")
// and noise words aside; ok is false for anything else, the serial
// number included.
func modelFromText(text, mfg, serial string) (string, bool) {
	text = cleanValue(text)
	if IsPlaceholder(text) || len(text) > 80 {
		return "", false
	}
	makerWords := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(mfg)) {
		makerWords[strings.Trim(w, ",.")] = true
	}
	if v := strings.ToLower(maker.Normalize(mfg)); v != "" {
		makerWords[v] = true
	}
	var tok string
	for i, w := range strings.Fields(text) {
		lw := strings.ToLower(strings.Trim(w, ",.;:"))
		if lw == "" || descrNoise[lw] || (i == 0 && makerWords[lw]) {
			continue
		}
		if tok != "" {
			return "", false // two candidates: a phrase, not a model
		}
		tok = strings.Trim(w, ",;:")
	}
	if tok == "" || !modelTokenRE.MatchString(tok) || strings.EqualFold(tok, serial) ||
		versionTokenRE.MatchString(tok) || archTokens[strings.ToLower(tok)] {
		return "", false
	}
	hasDigit, hasLetter := false, false
	for _, r := range tok {
		switch {
		case r >= '0' && r <= '9':
			hasDigit = true
		case r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z':
			hasLetter = true
		}
	}
	if !hasDigit || !hasLetter {
		return "", false
	}
	// "Chasis_0", "Slot1", "FAN-2": a noise word with a number is a part.
	lead := strings.ToLower(strings.TrimRightFunc(tok, func(r rune) bool {
		return r >= '0' && r <= '9' || r == '_' || r == '-' || r == '/' || r == '.'
	}))
	if descrNoise[lead] || makerWords[lead] {
		return "", false
	}
	if i := strings.IndexAny(lead, "0123456789_-/."); i > 0 && descrNoise[lead[:i]] {
		return "", false
	}
	return tok, true
}

// entPhysicalClass values the chassis choice uses.
const (
	entityClassOther     = 1
	entityClassContainer = 5
	entityClassPSU       = 6
	entityClassFan       = 7
	entityClassSensor    = 8
	entityClassModule    = 9
	entityClassPort      = 10
	entityClassStack     = 11
)

// chassisOrder lists the rows that describe the device as a whole, best
// first: the chassis in a stack at the root of the containment tree (the
// lowest-index member, usually the master, first), then that stack's own
// row; chassis at the
// root; other chassis (virtual chassis members under a container); other
// stacks; then root rows of class other or container (agents that give
// the box no chassis class). Computed once per Input.
func (c *evalCtx) chassisOrder() []Entity {
	if c.chassis != nil || len(c.ents) == 0 {
		return c.chassis
	}
	byIndex := make(map[int]Entity, len(c.ents))
	for _, e := range c.ents {
		byIndex[e.Index] = e
	}
	isRoot := func(e Entity) bool {
		if e.ContainedIn == 0 || e.ContainedIn == e.Index {
			return true
		}
		_, ok := byIndex[e.ContainedIn]
		return !ok
	}
	seen := map[int]bool{}
	out := []Entity{}
	add := func(e Entity) {
		if !seen[e.Index] {
			seen[e.Index] = true
			out = append(out, e)
		}
	}
	for _, e := range c.ents {
		if e.Class == entityClassStack && isRoot(e) {
			// The stack row is a logical container (Comware names it
			// "STACK MODE", with a serial of its own): its member chassis
			// say what the boxes are, the stack row only what they lack.
			for _, m := range c.ents {
				if m.Class == EntityClassChassis && m.ContainedIn == e.Index {
					add(m)
				}
			}
			add(e)
		}
	}
	for _, e := range c.ents {
		if e.Class == EntityClassChassis && isRoot(e) {
			add(e)
		}
	}
	for _, e := range c.ents {
		if e.Class == EntityClassChassis {
			add(e)
		}
	}
	for _, e := range c.ents {
		if e.Class == entityClassStack {
			add(e)
		}
	}
	for _, e := range c.ents {
		if isRoot(e) && (e.Class == entityClassOther || e.Class == entityClassContainer || e.Class == 0) {
			add(e)
		}
	}
	c.chassis = out
	return out
}

// entityAt reads an entPhysicalTable instance (column.index) from the
// decoded rows: the ENTITY-MIB is walked apart from the vendor objects, so
// an oid rule naming one row ("entPhysicalModelName.5") finds it here, and
// a row test its class ("entPhysicalClass.5": "9").
func (c *evalCtx) entityAt(oid string) (string, bool) {
	colOID, idxS, ok := cutLastArc(oid)
	if !ok {
		return "", false
	}
	col, ok := rowEntityColumn(colOID)
	idx, err := strconv.Atoi(idxS)
	if !ok || err != nil {
		return "", false
	}
	for _, e := range c.ents {
		if e.Index == idx {
			return entityCell(e, col)
		}
	}
	return "", false
}

// cutLastArc splits an OID before its last arc.
func cutLastArc(oid string) (prefix, last string, ok bool) {
	i := strings.LastIndexByte(oid, '.')
	if i < 0 {
		return "", "", false
	}
	return oid[:i], oid[i+1:], true
}

// entityColumnField names the Entity field of an entPhysicalEntry
// column; "" for a column the input does not keep.
func entityColumnField(col int) string {
	for name, n := range entityFields {
		if n == col && name != "descr_model" {
			return name
		}
	}
	return ""
}

// entityColumn reports whether a walk's prefix is a column of
// entPhysicalTable the input keeps (entPhysicalDescr,
// 1.3.6.1.2.1.47.1.1.1.1.2), and which.
func entityColumn(prefix string) (int, bool) {
	rest, ok := strings.CutPrefix(prefix, OIDEntPhysicalEntry+".")
	if !ok {
		return 0, false
	}
	col, err := strconv.Atoi(rest)
	if err != nil || entityColumnField(col) == "" {
		return 0, false
	}
	return col, true
}

// entityWalk is a walk rule over an entPhysicalTable column: the first
// row, in index order, whose value is not empty or a placeholder and
// matches the rule's regex (a serial Ericsson IPOS writes into a
// module's entPhysicalDescr, "... SN:A401234567").
func (c *evalCtx) entityWalk(r rule, col int) (string, string, bool) {
	field := entityColumnField(col)
	for _, e := range c.ents {
		v := entityField(e, field)
		if v == "" || IsPlaceholder(cleanValue(v)) {
			continue
		}
		if r.re != nil && !r.re.MatchString(v) {
			continue
		}
		return v, OIDEntPhysicalEntry + "." + strconv.Itoa(col) + "." + strconv.Itoa(e.Index), true
	}
	return "", "", false
}

func entityField(e Entity, field string) string {
	switch field {
	case "descr":
		return e.Descr
	case "name":
		return e.Name
	case "hardware_rev":
		return e.HardwareRev
	case "firmware_rev":
		return e.FirmwareRev
	case "software_rev":
		return e.SoftwareRev
	case "serial":
		return e.Serial
	case "mfg":
		return e.Mfg
	case "model":
		return e.Model
	}
	return ""
}

// transform applies a rule's regex, template, literal and map to a raw value.
func (r rule) transform(raw string) (string, bool) {
	if r.packed != nil {
		v, ok := unpack(raw, r.packed)
		if !ok {
			return "", false
		}
		raw = v
	}
	if r.binaryText {
		if t, ok := binaryText(raw); ok {
			raw = t
		}
	}
	out := raw
	if r.re != nil {
		m := r.re.FindStringSubmatchIndex(raw)
		if m == nil {
			return "", false
		}
		switch {
		case r.template != "":
			out = string(r.re.ExpandString(nil, r.template, raw, m))
		case len(m) > 2:
			out = ""
			for g := 1; 2*g+1 < len(m); g++ {
				if m[2*g] >= 0 && m[2*g+1] > m[2*g] {
					out = raw[m[2*g]:m[2*g+1]]
					break
				}
			}
		default:
			out = raw[m[0]:m[1]]
		}
	}
	if r.src != srcValue && r.value != "" {
		out = r.value
	}
	for _, p := range r.replace {
		out = p.re.ReplaceAllString(out, p.with)
	}
	if r.toCase != nil {
		out = r.toCase(out)
	}
	if r.mapping != nil && len(r.with) == 0 {
		return r.lookup(out)
	}
	return out, true
}

// lookup is a map's value for key, else for key's longest prefix that
// ends before a dot (the arcs after a sysObjectID prefix: "2.1" finds
// "2").
func (r rule) lookup(key string) (string, bool) {
	for {
		if v, ok := r.mapping[key]; ok {
			return v, true
		}
		i := strings.LastIndexByte(key, '.')
		if i < 0 {
			return "", false
		}
		key = key[:i]
	}
}

func (r rule) describe(field string) string {
	if r.name != "" {
		return r.name
	}
	if r.ifOID != "" {
		cond := " when " + r.ifOID + " matches " + r.ifMatch.String()
		r.ifOID = ""
		return r.describe(field) + cond
	}
	if r.ifAbsent != "" {
		cond := " where " + r.ifAbsent + " answers nothing"
		r.ifAbsent = ""
		return r.describe(field) + cond
	}
	label := strings.ReplaceAll(field, "_", " ")
	switch r.src {
	case srcValue:
		return label + " literal"
	case srcSysDescr:
		if r.value != "" {
			return "sysDescr matches " + label
		}
		return "sysDescr " + label
	case srcEntity:
		return "ENTITY chassis " + r.arg
	case srcOID:
		if r.indexFrom != "" {
			return label + " from " + r.arg + " at the instance in " + r.indexFrom
		}
		if r.rowEquals != "" {
			return label + " from " + r.arg + " in the row where " + r.rowWhere + " equals " + r.rowEquals
		}
		if r.rowWhere != "" {
			s := label + " from " + r.arg + " in the row where " + r.rowWhere + " matches " + r.rowMatch.String()
			if r.rowNotMatch != nil {
				s += " but not " + r.rowNotMatch.String()
			}
			for _, rc := range r.rowAnd {
				s += " and " + rc.col + " matches " + rc.re.String()
			}
			return s
		}
		if len(r.with)+len(r.withFirst) > 0 {
			s := label + " from " + r.arg
			if len(r.with) > 0 {
				s += " with " + strings.Join(r.with, ", ")
			}
			if len(r.withFirst) > 0 {
				s += " with the first row of " + strings.Join(r.withFirst, ", ")
			}
			return s
		}
		return label + " from " + r.written()
	case srcWalk:
		return label + " from table " + r.written()
	case srcHRDevice:
		return "hrDeviceDescr " + label
	case srcSysObjectID:
		return "sysObjectID " + label
	case srcModel:
		return "model matches " + label
	case srcRegistry:
		return "product registry model"
	case srcRegistryLabel:
		return "product registry label"
	case srcMachine:
		return "sysDescr machine class (Shared\\Unix)"
	}
	return label
}

// written is a rule's OID as the profile writes it.
func (r rule) written() string {
	if r.relative {
		return relativePrefix + r.arg
	}
	return r.arg
}

// unpack reads an unsigned integer as the fields of the widths given,
// the most significant first, written in decimal and joined by dots
// (1042 with [8, 8] is 4.18); false when raw is not such an integer or
// is wider than the widths together.
func unpack(raw string, widths []uint) (string, bool) {
	n, err := strconv.ParseUint(strings.TrimSpace(raw), 10, 64)
	if err != nil {
		return "", false
	}
	parts := make([]string, len(widths))
	for i := len(widths) - 1; i >= 0; i-- {
		w := widths[i]
		parts[i] = strconv.FormatUint(n&(1<<w-1), 10)
		n >>= w
	}
	if n != 0 {
		return "", false
	}
	return strings.Join(parts, "."), true
}

var hexColonRE = regexp.MustCompile(`^[0-9a-f]{2}(?::[0-9a-f]{2})+$`)

// binaryText reads a binary octet string (as valueString renders it,
// colon-separated hex) whose octets after leading non-printable ones are
// printable text, ended by NULs or spaces: that text. ok is false when
// the value is not such a string.
func binaryText(raw string) (string, bool) {
	if !hexColonRE.MatchString(raw) {
		return "", false
	}
	b, err := hex.DecodeString(strings.ReplaceAll(raw, ":", ""))
	if err != nil {
		return "", false
	}
	i := 0
	for i < len(b) && (b[i] < 0x20 || b[i] > 0x7e) {
		i++
	}
	b = bytes.TrimRight(b[i:], "\x00 ")
	if len(b) == 0 {
		return "", false
	}
	for _, c := range b {
		if c < 0x20 || c > 0x7e {
			return "", false
		}
	}
	return string(b), true
}

// valueString renders an SNMP value as the text a rule works on.
func valueString(v snmpwalk.Value) string {
	if v.Type == snmpwalk.TypeOctetString {
		if s, ok := v.Text(); ok {
			return s
		}
		return v.String()
	}
	return v.String()
}

var wsRE = regexp.MustCompile(`\s+`)

// agentText is an object's text as the device-support code reads it
// before a definition's regexp meets it (snmp_get trims the blanks and
// double quotes around a value): without the white space around it, and
// the text between the double quotes an agent wrote around it ("\"MF740C
// Series \"" is MF740C Series, which '( Series)?$' then meets); quotes
// within it stay.
func agentText(s string) string {
	s = strings.TrimSpace(s)
	if n := len(s); n >= 2 && s[0] == '"' && s[n-1] == '"' && !strings.Contains(s[1:n-1], `"`) {
		s = strings.TrimSpace(s[1 : n-1])
	}
	return s
}

// trimUnopenedParen drops a closing parenthesis that ends a version and
// that nothing in it opened: the one around the version in
// 'AM-100 (Version 2.4.2.1)'. '12.2(55)' keeps its own.
func trimUnopenedParen(v string) string {
	for strings.HasSuffix(v, ")") && strings.Count(v, ")") > strings.Count(v, "(") {
		v = strings.TrimSpace(strings.TrimSuffix(v, ")"))
	}
	return v
}

// extendInText is v as text goes on with it: at the first place text
// holds v followed straight by a character that is no white space, the
// whole run from v's start to the next white space ("S5720" in
// "S5720-36C-EI-AC \r\nHuawei ... (S5720 V200R007C00SPC500)" is
// "S5720-36C-EI-AC"); else v itself. White space is the ASCII space, tab,
// line feed, vertical tab, form feed and carriage return.
func extendInText(text, v string) string {
	if v == "" {
		return v
	}
	isSpace := func(b byte) bool { return b == ' ' || (b >= '\t' && b <= '\r') }
	for i := 0; i < len(text); {
		j := strings.Index(text[i:], v)
		if j < 0 {
			break
		}
		start := i + j
		end := start + len(v)
		k := end
		for k < len(text) && !isSpace(text[k]) {
			k++
		}
		if k > end {
			return text[start:k]
		}
		i = start + 1
	}
	return v
}

// cleanValue sanitizes device text and trims padding and trailing
// punctuation.
func cleanValue(s string) string {
	s = record.Sanitize(s)
	s = wsRE.ReplaceAllString(s, " ")
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, ",;:")
	s = strings.TrimSpace(s)
	// A value the agent wrote in quotes is the text between them
	// ("\"DS-2CD2143G2-I\"" names DS-2CD2143G2-I; "\"\"" nothing), as
	// the device-support definitions read it, their quotes trimmed.
	if n := len(s); n >= 2 && s[0] == '"' && s[n-1] == '"' && !strings.Contains(s[1:n-1], `"`) {
		s = strings.TrimSpace(s[1 : n-1])
	}
	return s
}

var placeholders = map[string]bool{
	"": true, "0": true, "00": true, "-": true, "--": true, "n/a": true, "na": true, "none": true,
	"null": true, "nil": true, "unknown": true, "unknow": true, "not specified": true,
	"not available": true, "not applicable": true, "default string": true, "default": true,
	"to be filled by o.e.m.": true, "to be filled by oem": true, "system serial number": true,
	"system product name": true, "system manufacturer": true, "chassis serial number": true,
	"serial number": true, "sn": true, "s/n": true, "123456789": true, "1234567890": true,
	"0123456789": true, "12345678": true, "none specified": true, "not set": true, "empty": true,
	"uninitialized": true, "undefined": true, "oem": true, "o.e.m.": true, "invalid": true,
	"not supported": true, "unsupported": true, "no such object": true, "nosuchobject": true,
	"nosuchinstance": true, "*****": true, "?": true, "...": true, "base board serial number": true,
}

// IsPlaceholder reports whether a device-supplied value means "nothing":
// empty, "0", "N/A", "unknown", "123456789", a run of one repeated
// character ("XXXXXXXX", "00000000", "FFFF"), "Not Specified", "To be
// filled by O.E.M." and the like.
func IsPlaceholder(s string) bool {
	t := strings.ToLower(cleanValue(s))
	if placeholders[t] {
		return true
	}
	if len(t) >= 3 {
		same := true
		for i := 1; i < len(t); i++ {
			if t[i] != t[0] {
				same = false
				break
			}
		}
		if same {
			return true
		}
	}
	// Only separators and zeros: "0.0.0", "00:00:00:00".
	allZero := true
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '0', '.', ':', '-', ' ':
		default:
			allZero = false
		}
	}
	return allZero
}

// isVersionPlaceholder rejects values that say nothing for their field.
func isVersionPlaceholder(field, v string) bool {
	if field == FieldOSVersion {
		low := strings.ToLower(v)
		return low == "unknown-version" || low == "v" || low == "version"
	}
	return false
}
