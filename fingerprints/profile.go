package fingerprints

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/netcensus/netcensus/fingerprints/pen"
	"github.com/netcensus/netcensus/internal/readlimit"
)

// The profile file format (profiles/*.yaml, decoded strictly: an unknown key
// is an error):
//
//	profiles:
//	  - id: cisco-ios              # unique, lower-case
//	    priority: 50               # higher wins among matching profiles
//	    generic: false             # generic profiles only fill gaps, never win
//	    match:                     # every kind given must match; any entry of a kind
//	      sys_object_id: [1.3.6.1.4.1.9.1]     # OID prefixes; one ending '*' is
//	                                           #   a text prefix, as LibreNMS
//	                                           #   compares ('..9.1*' takes 9.10.x)
//	      sys_object_id_arcs:                  # more: each prefix followed by one
//	        1.3.6.1.4.1.1916.2: *xos_nonswitch #   of a map's keys (a rule's map,
//	                                           #   anchored: the registrations it
//	                                           #   names, one list for both)
//	      sys_descr: ['Cisco IOS Software']    # regular expressions
//	      entity_mfg: ['(?i)cisco']            # regexps on any ENTITY row's entPhysicalMfgName
//	      entity_model: ['^WS-C']              # regexps on any ENTITY row's entPhysicalModelName
//	      oid_present: [1.3.6.1.4.1.6574.1.5.1.0]  # a value at or below this OID
//	      oid_match:                           # a value at or below the OID
//	        - [1.3.6.1.2.1.25.1.4.0, 'syno_hw_version=RT']  # matches the regexp
//	    exclude:                   # same kinds; any hit rejects the profile
//	      sys_descr: ['IOS[ -]XE']
//	    # match may instead be a list of such mappings, alternatives, tried
//	    # in order: the first that holds admits the device and scores it
//	    # (a family on its maker's arc, else its sysDescr on another's).
//	    # An alternative's own priority replaces the profile's when it
//	    # does (a printer's sysDescr behind another maker's network card
//	    # outranks that maker's profile):
//	    #   match:
//	    #     - sys_object_id: [1.3.6.1.4.1.1602]
//	    #     - sys_descr: ['^Canon (?:MF|iR)']
//	    #       priority: 52
//	    # It may also name fields of its own no_fill (below), beside the
//	    # profile's: an appliance known by its MIB on net-snmp's arc, whose
//	    # kernel release is no version, and on its maker's arc.
//	    vendor: Cisco              # a literal, or a list of rules as below
//	    model:                     # rules, tried in order; the first good value wins
//	      - entity: model                      # chassis row field (descr_model: the
//	                                           # model its descr or name names)
//	      - sys_descr: '^Cisco IOS Software, (\S+) Software'
//	      - oid: 1.3.6.1.4.1.9.3.6.3.0
//	        regex: '...'                       # optional capture on the value
//	        template: '$1-$2'                  # optional regexp template
//	        case: upper                        # optional: upper or lower, the value's letters
//	                                           # (first: its first letter upper, a-z
//	                                           # only, as PHP's ucfirst)
//	        replace: [['0([0-9])|.', '$1']]    # optional: regexp replacements over the whole
//	                                           # value, in order, after regex and template
//	      - oid: 1.3.6.1.4.1.6527.3.1.2.2.1.6.1.2  # a column, at the instance
//	        index_from: 1.3.6.1.4.1.6527.3.1.2.2.1.3.1.4.1  # this OID's value names
//	      - oid: 1.3.6.1.4.1.11.2.3.9.4.2.1.1.3.6.0  # binary_text: a binary
//	        binary_text: true                  # value's text after its leading
//	                                           # non-printable octets
//	      - walk: 1.3.6.1.4.1.21695.1.10.7.1.4  # packed: an unsigned integer
//	        packed: [8, 8]                     # holding a version's fields, their
//	                                           # bit widths, the most significant
//	                                           # first (1042 reads 4.18; BCD's
//	                                           # digits are 4-bit fields)
//	      - oid: 1.3.6.1.4.1.637.54.1.1.8.1.4.1.8  # row_where: the column at the
//	        row_where: 1.3.6.1.4.1.637.54.1.1.8.1.4.1.3  # first row, in index order,
//	        row_match: '^UBT[-_]'              # whose other column matches
//	      - oid: 1.3.6.1.2.1.47.1.1.1.1.11     # row_not_match: and whose column does
//	        row_where: 1.3.6.1.2.1.47.1.1.1.1.7  # not match this; row_and: whose other
//	        row_match: '\S'                   # columns match too ([column, regexp]
//	        row_not_match: '(?i)^(slot|psu)'  # pairs); ENTITY-MIB columns are read
//	        row_and: [[1.3.6.1.2.1.47.1.1.1.1.5, '^9$']]  # from its rows (class: a number;
//	                                           # contained-in, .4, too, and by if_oid:
//	                                           # the containing row's index, 0 the root,
//	                                           # no value where the agent answers none)
//	      - oid: 1.3.6.1.4.1.14823.2.3.3.1.2.1.1.4  # row_equals instead of
//	        row_where: 1.3.6.1.4.1.14823.2.3.3.1.2.1.1.2  # row_match: whose other
//	        row_equals: 1.3.6.1.2.1.1.5.0      # column equals this OID's value
//	                                           # (trimmed, any case)
//	      - oid: 1.3.6.1.4.1.21317.1.5.1.0     # with: more OIDs, their values joined
//	        with: [1.3.6.1.4.1.21317.1.5.2.0]  # to the first's by one space each
//	        regex: '^(\d+) (\d+)$'            # (every one must answer; the first
//	                                           # may be relative, the others not)
//	        template: '$1.$2'
//	      - oid: 1.3.6.1.4.1.476.1.42.2.4.2.1.4.1  # join: instead of the space
//	        with: [1.3.6.1.4.1.476.1.42.2.4.2.1.5.1]  # between the values (which
//	        join: "\t"                         # may hold spaces themselves)
//	        regex: '^([^\t]+)\t(.+)$'
//	        template: '$1 ($2)'
//	      - oid: 1.3.6.1.4.1.25053.1.8.1.1.1.1.1.1.9  # with_first: more
//	        row_where: 1.3.6.1.4.1.25053.1.8.1.1.1.1.1.1.9  # columns, each
//	        row_match: '^'                     # one's first value below it
//	        with_first: [1.3.6.1.4.1.25053.1.8.1.1.1.1.3.1.4]  # (a getnext),
//	        template: '$1 ($2)'                # joined after with's values
//	      - oid: 1.3.6.1.4.1.2007.1.2.1.9.0    # with and map: the map names the
//	        with: [1.3.6.1.4.1.2007.1.2.1.10.0]  # first value alone, before
//	        map: {"272": ares}                 # the join and the regex
//	        regex: '^(.+) (\S+)$'
//	        template: '$1 (rev $2)'
//	      - oid: 1.3.6.1.4.1.2011.5.25.19.1.8.5.1.1.4  # row_where also takes with:
//	        row_where: 1.3.6.1.4.1.2011.5.25.19.1.8.5.1.1.4  # the first row's
//	        row_match: '^'                     # value, then sysDescr's
//	        with: [1.3.6.1.2.1.1.1.0]
//	      - oid: 1.3.6.1.4.1.2011.5.25.31.6.5.0  # extend: sys_descr: where
//	        extend: sys_descr                  # sysDescr writes the value with
//	                                           # more non-space characters
//	                                           # straight after it, that whole
//	                                           # word (S5720 -> S5720-36C-EI-AC)
//	      - oid: 1.3.6.1.2.1.1.1.0             # sysDescr as an oid (without with):
//	        regex: '^(NetMan.*)'               # its lines kept, where sys_descr
//	                                           # joins them with spaces ('.' stops
//	                                           # at a line break, as in PCRE)
//	      - walk: 1.3.6.1.2.1.43.5.1.1.17      # first good value below a prefix
//	      - walk: 1.3.6.1.2.1.47.1.1.1.1.2     # an entPhysicalTable column: the
//	        regex: '\bSN: ?([^\s,;)]+)'        # first ENTITY row, in index
//	                                           # order, whose value matches
//	      - oid: 1.3.6.1.4.1.31926.1.5.0       # any rule may hold only when
//	        if_oid: 1.3.6.1.4.1.31926.1.7.0    # another OID's value matches
//	        if_match: '^2$'                    # (the bank that runs)
//	      - oid: 1.3.6.1.2.1.25.6.3.1.2.2      # if_absent: only where the agent
//	        if_absent: 1.3.6.1.2.1.25.6.3.1.2.1  # answers nothing at this OID
//	      - hr_device: printer                 # hrDeviceDescr of the first device of a type
//	      - sys_object_id: 1.3.6.1.4.1.318.1.3 # the arcs after this prefix, usually with map
//	        map: {"2": ups, "4": pdu}
//	      - sys_descr: 'Firewall'              # a regexp with value: the literal when it matches
//	        value: firewall
//	      - model: '^Catalyst'                 # a regexp on the model found (device_type, os, os_version)
//	        value: switch
//	      - registry: model                    # the model the sysObjectID's registration names
//	                                           # (the product registry, through its display rules)
//	      - registry: label                    # that registration's name as its MIB writes it
//	                                           # (ciscoFpr9300K9), where a definition reads the
//	                                           # hardware by translating the sysObjectID
//	      - machine: class                     # the machine class ("Generic x86 64-bit") the
//	                                           # sysDescr's uname machine word names (hosts.go)
//	      - uname: release                     # the kernel release of a Linux uname sysDescr, as
//	                                           # Shared\Unix reads it (two rules; with if_* only)
//	      - &stack_rows                        # a rule group: a list in the list stands
//	        - oid: 1.3.6.1.2.1.47.1.1.1.1.13.1  # for its rules, in place; anchored, other
//	        - entity: model                    # profiles of the same file reuse it with
//	                                           # "- *stack_rows" among their own rules
//	    serial, os, os_version, device_type: rules as for model
//	    no_identity: [os_version]  # fields the generated mib-identity
//	                               # profiles (profiles/mib-identity.yaml)
//	                               # must not fill when this profile wins
//	                               # and its own rules give none: the
//	                               # object identgen picked by its name is
//	                               # another thing's (MikroTik's
//	                               # mtxrFirmwareVersion is the boot
//	                               # loader's, not RouterOS's release).
//	                               # Other profiles and the fallbacks
//	                               # still fill the field.
//	    no_fill: [os_version]      # fields nothing but this profile's own
//	                               # rules fills when it wins: no other
//	                               # profile, no fallback (an appliance on
//	                               # net-snmp's Linux agent whose release
//	                               # no object states: the kernel's
//	                               # release net-snmp-linux reads from
//	                               # sysDescr is not the product's).
//	    host_os: true              # its os names the system the agent
//	                               # runs on (net-snmp's Linux, a BSD,
//	                               # Windows), by the agent's registration
//	                               # or uname's line: where another profile
//	                               # wins, reads its own release (a
//	                               # product's firmware) and names no OS,
//	                               # this os is not taken beside that
//	                               # release unless this profile reads the
//	                               # same one (an OS's release is its own).
//
// A rule has exactly one source: entity, sys_descr, oid, walk, hr_device,
// sys_object_id, model, registry or (alone) value.
//
// How the built-in profiles order their sources. A field's rules read
// first what the public device-support definition that detects the device
// reads (its objects, in its order and its form: the other monitoring
// tools users compare us with state the same), then the device's own true
// value where that definition states none (its ENTITY chassis row, the
// vendor's own objects, what the sysDescr writes). A definition's reading
// that is no value of the unit (a cut word, 'al.10.13.1000'; a brand as a
// model; a host name or address as a release; an old table's name on an
// arc the vendor's MIB has given to a newer product) is not stated: the
// unit's own value is. no_fill only keeps out values that are untrue or
// another software's, never a field just because a definition leaves it
// empty. device_type is what the unit is.

type profileFile struct {
	Profiles []profileSpec `yaml:"profiles"`
}

type profileSpec struct {
	ID         string    `yaml:"id"`
	Priority   int       `yaml:"priority"`
	Generic    bool      `yaml:"generic"`
	Match      matchAlts `yaml:"match"`
	Exclude    matchSpec `yaml:"exclude"`
	Vendor     rules     `yaml:"vendor"`
	Model      rules     `yaml:"model"`
	Serial     rules     `yaml:"serial"`
	OS         rules     `yaml:"os"`
	OSVersion  rules     `yaml:"os_version"`
	DeviceType rules     `yaml:"device_type"`
	NoIdentity []string  `yaml:"no_identity"`
	NoFill     []string  `yaml:"no_fill"`
	HostOS     bool      `yaml:"host_os"`
}

type matchSpec struct {
	SysObjectID []string `yaml:"sys_object_id"`
	// SysObjectIDArcs: prefixes, each with a map whose keys are the arcs
	// after it (a rule's map, through an alias): more sys_object_id
	// prefixes, prefix.key for each key.
	SysObjectIDArcs map[string]map[string]string `yaml:"sys_object_id_arcs"`
	SysDescr        []string                     `yaml:"sys_descr"`
	EntityMfg       []string                     `yaml:"entity_mfg"`
	EntityModel     []string                     `yaml:"entity_model"`
	OIDPresent      []string                     `yaml:"oid_present"`
	// OIDMatch: pairs of an OID and a regexp.
	OIDMatch [][]string `yaml:"oid_match"`
	// Priority: a match alternative's own, instead of the profile's.
	Priority *int `yaml:"priority"`
	// NoFill: a match alternative's no_fill fields, beside the profile's.
	NoFill []string `yaml:"no_fill"`
}

// empty: no condition (a priority or no_fill alone is none).
func (m matchSpec) empty() bool {
	return len(m.SysObjectID)+len(m.SysObjectIDArcs)+len(m.SysDescr)+len(m.EntityMfg)+len(m.EntityModel)+len(m.OIDPresent)+len(m.OIDMatch) == 0
}

// matchAlts is a profile's match: one mapping of conditions, or a list of
// them, alternatives.
type matchAlts []matchSpec

var matchKeys = []string{"sys_object_id", "sys_object_id_arcs", "sys_descr", "entity_mfg", "entity_model", "oid_present", "oid_match", "priority", "no_fill"}

// UnmarshalYAML accepts a mapping or a sequence of mappings, rejecting
// unknown keys (as rules does: yaml.v3 does not carry KnownFields into
// custom unmarshalers).
func (a *matchAlts) UnmarshalYAML(n *yaml.Node) error {
	items := []*yaml.Node{n}
	switch n.Kind {
	case yaml.MappingNode:
	case yaml.SequenceNode:
		items = n.Content
	default:
		return fmt.Errorf("line %d: a match must be a mapping or a list of them", n.Line)
	}
	out := make(matchAlts, 0, len(items))
	for _, item := range items {
		ms, err := decodeStrict[matchSpec](item, matchKeys, "match alternative")
		if err != nil {
			return err
		}
		out = append(out, ms)
	}
	*a = out
	return nil
}

// decodeStrict decodes a mapping into a T, refusing a key not in keys
// (yaml.v3 does not carry KnownFields into custom unmarshalers); what
// names the mapping in an error.
func decodeStrict[T any](item *yaml.Node, keys []string, what string) (T, error) {
	var v T
	if item.Kind != yaml.MappingNode {
		return v, fmt.Errorf("line %d: a %s must be a mapping", item.Line, what)
	}
	for i := 0; i+1 < len(item.Content); i += 2 {
		if k := item.Content[i].Value; !slices.Contains(keys, k) {
			return v, fmt.Errorf("line %d: field %s not found in %s", item.Content[i].Line, k, what)
		}
	}
	err := item.Decode(&v)
	return v, err
}

type ruleSpec struct {
	Entity      string            `yaml:"entity"`
	SysDescr    string            `yaml:"sys_descr"`
	OID         string            `yaml:"oid"`
	Walk        string            `yaml:"walk"`
	HRDevice    string            `yaml:"hr_device"`
	SysObjectID string            `yaml:"sys_object_id"`
	Model       string            `yaml:"model"`
	Registry    string            `yaml:"registry"`
	Machine     string            `yaml:"machine"`
	Uname       string            `yaml:"uname"`
	Value       string            `yaml:"value"`
	Regex       string            `yaml:"regex"`
	Template    string            `yaml:"template"`
	Map         map[string]string `yaml:"map"`
	Name        string            `yaml:"name"`
	IndexFrom   string            `yaml:"index_from"`
	Case        string            `yaml:"case"`
	With        []string          `yaml:"with"`
	WithFirst   []string          `yaml:"with_first"`
	Join        *string           `yaml:"join"`
	Replace     [][]string        `yaml:"replace"`
	IfOID       string            `yaml:"if_oid"`
	IfMatch     string            `yaml:"if_match"`
	IfAbsent    string            `yaml:"if_absent"`
	BinaryText  bool              `yaml:"binary_text"`
	Packed      []int             `yaml:"packed"`
	RowWhere    string            `yaml:"row_where"`
	RowMatch    string            `yaml:"row_match"`
	RowEquals   string            `yaml:"row_equals"`
	RowNotMatch string            `yaml:"row_not_match"`
	RowAnd      [][]string        `yaml:"row_and"`
	Extend      string            `yaml:"extend"`

	// at is the rule's place in its field's list: its index, and
	// within a rule group the index there, for error messages.
	at []string
}

var ruleKeys = []string{"entity", "sys_descr", "oid", "walk", "hr_device", "sys_object_id", "model", "registry", "machine", "uname", "value", "regex", "template", "map", "name", "index_from", "case",
	"with", "with_first", "join", "if_oid", "if_match", "if_absent", "replace", "binary_text", "packed", "row_where", "row_match", "row_equals", "row_not_match", "row_and", "extend"}

// rules is a list of ruleSpec; a plain scalar is shorthand for one literal.
type rules []ruleSpec

// maxRuleGroupDepth bounds how deep rule groups (lists inside a rule list)
// may nest, and maxFieldRules how many rules a field's list may come to
// once its groups are expanded (aliases of aliases could otherwise
// multiply a small file into millions).
const (
	maxRuleGroupDepth = 4
	maxFieldRules     = 4096
)

// UnmarshalYAML accepts a scalar (a literal value) or a sequence of rule
// mappings, rejecting unknown rule keys (yaml.v3 does not carry KnownFields
// into custom unmarshalers, so the check is done here). An item that is
// itself a list (a rule group, usually an alias of one anchored in
// another profile of the file) stands for its rules, in place.
func (r *rules) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.ScalarNode:
		*r = rules{{Value: n.Value}}
		return nil
	case yaml.SequenceNode:
		out := make(rules, 0, len(n.Content))
		if err := appendRules(&out, n, nil); err != nil {
			return err
		}
		*r = out
		return nil
	}
	return fmt.Errorf("line %d: rules must be a value or a list", n.Line)
}

// appendRules decodes a sequence's rule mappings onto out, a nested
// sequence (a rule group) by its items, in order; at is the sequence's
// place in the field's list (nil for the list itself).
func appendRules(out *rules, seq *yaml.Node, at []string) error {
	for i, item := range seq.Content {
		if item.Kind == yaml.AliasNode && item.Alias != nil {
			item = item.Alias
		}
		here := append(slices.Clone(at), strconv.Itoa(i))
		if item.Kind == yaml.SequenceNode {
			if len(at) >= maxRuleGroupDepth {
				return fmt.Errorf("line %d: rule groups nest more than %d deep", item.Line, maxRuleGroupDepth)
			}
			if err := appendRules(out, item, here); err != nil {
				return err
			}
			continue
		}
		if len(*out) >= maxFieldRules {
			return fmt.Errorf("line %d: more than %d rules once rule groups are expanded", item.Line, maxFieldRules)
		}
		rs, err := decodeStrict[ruleSpec](item, ruleKeys, "rule")
		if err != nil {
			return err
		}
		rs.at = here
		if rs.Uname != "" {
			if err := appendUname(out, rs, item); err != nil {
				return err
			}
			continue
		}
		*out = append(*out, rs)
	}
	return nil
}

// unameKeys are the keys a `uname` rule may carry: its conditions.
var unameKeys = []string{"uname", "if_oid", "if_match", "if_absent"}

// appendUname puts in place of a `uname: release` rule the two rules that
// read a Linux kernel release from a uname sysDescr as Shared\Unix (the
// definition linux) does: after an address written as the host name
// ("Linux 192.0.2.7 4.19.0 ..."), else the first " N.N... " word. The
// rule's conditions hold for both.
func appendUname(out *rules, rs ruleSpec, item *yaml.Node) error {
	if rs.Uname != "release" {
		return fmt.Errorf("line %d: uname %q: want release", item.Line, rs.Uname)
	}
	for i := 0; i+1 < len(item.Content); i += 2 {
		if k := item.Content[i].Value; !slices.Contains(unameKeys, k) {
			return fmt.Errorf("line %d: uname goes with if_oid, if_match and if_absent only, not %s", item.Content[i].Line, k)
		}
	}
	cond := ruleSpec{IfOID: rs.IfOID, IfMatch: rs.IfMatch, IfAbsent: rs.IfAbsent, at: rs.at}
	host := cond
	host.SysDescr = `^Linux [0-9]{1,3}(?:\.[0-9]{1,3}){3} ([0-9]+\.[0-9]\S*)(?:\s|$)`
	host.Name = "sysDescr kernel release after an address as host name (Shared\\Unix, definition linux)"
	word := cond
	word.OID, word.Regex = OIDSysDescr, ` ([0-9]+\.[0-9]\S*) `
	word.Name = "sysDescr release (uname parse, Shared\\Unix, definition linux)"
	*out = append(*out, host, word)
	return nil
}

// Field names, also the Evidence keys.
const (
	FieldVendor     = "vendor"
	FieldModel      = "model"
	FieldSerial     = "serial"
	FieldOS         = "os"
	FieldOSVersion  = "os_version"
	FieldDeviceType = "device_type"
)

var fieldOrder = []string{FieldVendor, FieldModel, FieldSerial, FieldOS, FieldOSVersion, FieldDeviceType}

// DeviceTypes are the values device_type may take.
var deviceTypes = []string{
	"router", "switch", "firewall", "wireless", "wireless_controller", "access_point", "load_balancer",
	"server", "workstation", "hypervisor", "printer", "ups", "pdu", "storage", "camera", "nvr",
	"phone", "bmc", "appliance", "sensor", "power", "media_converter", "cooling",
}

type source int

const (
	srcValue source = iota
	srcEntity
	srcSysDescr
	srcOID
	srcWalk
	srcHRDevice
	srcSysObjectID
	srcModel
	srcRegistry
	srcRegistryLabel
	srcMachine
)

// rowCond is a test on a table column at a row's instance.
type rowCond struct {
	col string
	re  *regexp.Regexp
}

type rule struct {
	src      source
	arg      string         // entity field, OID, prefix, hr device type OID
	re       *regexp.Regexp // sys_descr regex or post-filter
	value    string         // literal
	template string
	mapping  map[string]string
	// replace: regexp replacements applied over the whole value, in
	// order, after regex and template (a serial kept as one binary
	// octet a digit).
	replace []replacement
	name    string
	// indexFrom (oid rules only): the OID whose value (an integer or
	// an instance such as "1.4") is the instance of arg to read.
	indexFrom string
	// toCase, when set, maps the value's letters (strings.ToUpper or
	// ToLower): a model a sysDescr writes in lower case, as "ex4300-48p";
	// or upperFirst, its first letter only.
	toCase func(string) string
	// with (oid rules only): more OIDs whose values follow arg's, each
	// after one space: a release a vendor keeps in three integers. A
	// map on such a rule names arg's value alone, before the join (an
	// enumeration's label and a revision: "ares (rev 3)").
	with []string
	// withFirst (oid rules only): more OIDs, each a column or subtree
	// whose first value below it (in index order, a definition's
	// snmp_getnext) follows arg's and with's, as with's do: a
	// SmartZone's release and the first zone's country code.
	withFirst []string
	// join (with with): what goes between the values instead of one
	// space, so that a regex can part values that hold spaces themselves
	// (a definition's template over a model and a firmware: "Liebert PEX
	// (PAL 1.04.026.STD)").
	join string
	// ifOID and ifMatch: the rule holds only when ifOID's value
	// matches ifMatch (the release of the software bank that runs).
	ifOID   string
	ifMatch *regexp.Regexp
	// ifAbsent: the rule holds only where the agent answers nothing at
	// this OID (a definition that reads one row only where another row
	// is not there).
	ifAbsent string
	// binaryText (oid and walk rules): a binary octet string whose bytes
	// after leading type or length octets are text (HP-LASERJET-COMMON-MIB
	// fw-rom-revision: two octets, then the ASCII release) reads as that
	// text.
	binaryText bool
	// packed (oid and walk rules): the bit widths of the fields an
	// unsigned integer packs a version into, the most significant first
	// (Bachmann's e3IpmInfoFWVersion is major*256+minor: [8, 8] reads
	// 1042 as 4.18); the fields are written in decimal, joined by dots,
	// before regex and template. A value that is not such an integer,
	// or is wider than the widths together, fails the rule.
	packed []uint
	// rowWhere and rowMatch (oid rules only): arg is a column read at
	// the instance of the first row, in index order, whose rowWhere
	// column's value matches rowMatch (the serial of the unit a
	// mnemonic column names the main one).
	rowWhere string
	rowMatch *regexp.Regexp
	// rowEquals (with rowWhere, instead of rowMatch): the row is the
	// first whose rowWhere column's value equals this OID's value,
	// trimmed, in any case (the cluster member whose name is the
	// answering device's sysName).
	rowEquals string
	// rowNotMatch and rowAnd (with rowWhere): the row's rowWhere column
	// must not match rowNotMatch, and each rowAnd column of the same row
	// must match its regexp (the first module row of the ENTITY-MIB
	// table whose name is not a slot's or a power supply's).
	rowNotMatch *regexp.Regexp
	rowAnd      []rowCond
	// relative (oid and walk rules): arg is the arcs that follow the
	// device's sysObjectID ("5.1.1.0" of "sysObjectID.5.1.1.0"), for
	// vendors that register each product's objects under its own
	// product OID.
	relative bool
	// extendSysDescr (extend: sys_descr): the value, found in sysDescr
	// with more non-space characters straight after it, becomes that
	// longer word (the first such place): the series "S5720" a Huawei
	// sysDescr brackets, which its first line writes in full as
	// "S5720-36C-EI-AC".
	extendSysDescr bool
}

// relativePrefix starts an oid or walk rule's OID written relative to
// the device's sysObjectID.
const relativePrefix = "sysObjectID."

// oidFor is the OID a rule reads on a device with this sysObjectID;
// "" for a relative rule when the sysObjectID is not known.
func (r rule) oidFor(sysObjectID string) string {
	if !r.relative {
		return r.arg
	}
	if sysObjectID == "" {
		return ""
	}
	return sysObjectID + "." + r.arg
}

type replacement struct {
	re   *regexp.Regexp
	with string
}

type profile struct {
	id       string
	priority int
	generic  bool
	file     string
	line     int // of its id
	// match: the alternatives, any of which admits a device (none: a
	// generic profile that always applies); exclude rejects it.
	match   []matcher
	exclude matcher
	fields  map[string][]rule
	// identity: one of the generated mib-identity profiles (generic, id
	// mib-identity-<enterprise>).
	identity bool
	// noIdentity: the fields no mib-identity profile fills when this
	// profile wins (no_identity).
	noIdentity []string
	// noFill: the fields nothing else fills when this profile wins
	// (no_fill).
	noFill []string
	// hostOS: its os is the agent's host system's (host_os).
	hostOS bool
}

// identityIDPrefix starts the id of each profile identgen writes into
// profiles/mib-identity.yaml.
const identityIDPrefix = "mib-identity-"

type matcher struct {
	// priority: the profile's, or the alternative's own.
	priority int
	// noFill: the profile's no_fill fields and the alternative's own.
	noFill      []string
	sysObjectID []string
	sysDescr    []pattern
	entityMfg   []pattern
	entityModel []pattern
	oidPresent  []string
	oidMatch    []oidValueMatch
}

// oidValueMatch is an oid_match entry: a value at or below oid matches re.
type oidValueMatch struct {
	oid string
	re  pattern
}

var entityFields = map[string]int{
	"descr": 2, "name": 7, "hardware_rev": 8, "firmware_rev": 9, "software_rev": 10,
	"serial": 11, "mfg": 12, "model": 13,
	// descr_model: the model a chassis row's entPhysicalDescr or
	// entPhysicalName names when its entPhysicalModelName is empty.
	"descr_model": 2,
}

var hrDeviceTypes = map[string]string{
	"other": "1", "unknown": "2", "processor": "3", "network": "4", "printer": "5",
	"disk": "6", "video": "10", "audio": "11", "coprocessor": "12", "keyboard": "13",
	"modem": "14", "parallel": "15", "pointing": "16", "serial": "17", "tape": "18",
	"clock": "19", "volatile_memory": "20", "nonvolatile_memory": "21",
}

// decodeProfiles reads one profile file strictly. Its errors name the
// file, the line and the key ("profile file x.yaml line 7:
// profiles[0].model[1].regex: ...").
func decodeProfiles(name string, r io.Reader) ([]*profile, error) {
	b, err := readlimit.ReadAll(r, maxProfileFileBytes, "profile file "+name)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, locateDecodeError(name, &doc, err)
	}
	if len(doc.Content) == 0 {
		return nil, fmt.Errorf("profile file %s: empty", name)
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	var pf profileFile
	if err := dec.Decode(&pf); err != nil {
		return nil, locateDecodeError(name, &doc, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("profile file %s: more than one YAML document", name)
	}
	out := make([]*profile, 0, len(pf.Profiles))
	for i, ps := range pf.Profiles {
		p, err := compileProfile(ps)
		if err != nil {
			key := []string{"profiles", strconv.Itoa(i)}
			var ke *keyError
			if errors.As(err, &ke) {
				key = append(key, ke.key...)
				err = ke.err
			}
			return nil, fmt.Errorf("profile file %s line %d: %s (profile %s): %w", name, lineOfKey(&doc, key), keyString(key), ps.ID, err)
		}
		p.file = name
		p.line = lineOfKey(&doc, []string{"profiles", strconv.Itoa(i), "id"})
		out = append(out, p)
	}
	return out, nil
}

// maxProfileFileBytes bounds one profile file (the largest built-in one is
// well under 100 KB).
const maxProfileFileBytes = 4 << 20

// keyError is an error at a key of a profile, as a path of mapping keys
// and sequence indexes ("model", "1", "regex").
type keyError struct {
	key []string
	err error
}

func (e *keyError) Error() string { return keyString(e.key) + ": " + e.err.Error() }
func (e *keyError) Unwrap() error { return e.err }

// atKey puts err at key, below any key it already names.
func atKey(err error, key ...string) error {
	var ke *keyError
	if errors.As(err, &ke) {
		return &keyError{key: append(slices.Clone(key), ke.key...), err: ke.err}
	}
	return &keyError{key: key, err: err}
}

// oidCondition reads a rule's condition on another OID's value (if_oid
// with if_match, row_where with row_match): the OID, without a leading
// dot, and its compiled regexp; both must be given. An error names the
// key at fault.
func oidCondition(oid, match, oidKey, matchKey string) (string, *regexp.Regexp, error) {
	if oid == "" || match == "" {
		return "", nil, atKey(fmt.Errorf("%s and %s go together", oidKey, matchKey), oidKey)
	}
	oid = strings.TrimPrefix(oid, ".")
	if !oidRE.MatchString(oid) {
		return "", nil, atKey(fmt.Errorf("%q is not an OID", oid), oidKey)
	}
	re, err := regexp.Compile(match)
	if err != nil {
		return "", nil, atKey(fmt.Errorf("regexp %q: %w", match, err), matchKey)
	}
	return oid, re, nil
}

// oidList reads a rule's list of OIDs (with, with_first) without their
// leading dots; an error names the key and the value that is no OID.
func oidList(list []string, key string) ([]string, error) {
	out := make([]string, 0, len(list))
	for _, o := range list {
		o = strings.TrimPrefix(o, ".")
		if !oidRE.MatchString(o) {
			return nil, atKey(fmt.Errorf("%q is not an OID", o), key)
		}
		out = append(out, o)
	}
	return out, nil
}

// keyString writes a key path as profiles[0].model[1].regex.
func keyString(key []string) string {
	var sb strings.Builder
	for _, k := range key {
		if _, err := strconv.Atoi(k); err == nil {
			sb.WriteString("[" + k + "]")
			continue
		}
		if sb.Len() > 0 {
			sb.WriteByte('.')
		}
		sb.WriteString(k)
	}
	return sb.String()
}

// lineOfKey finds the line of key in doc: the line of the deepest node
// the path reaches (the key itself for a mapping key).
func lineOfKey(doc *yaml.Node, key []string) int {
	n := doc
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	line := n.Line
	for _, k := range key {
		if n.Kind == yaml.AliasNode && n.Alias != nil {
			n = n.Alias // a rule group reused: its anchored definition
		}
		switch n.Kind {
		case yaml.MappingNode:
			found := false
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == k {
					line = n.Content[i].Line
					n = n.Content[i+1]
					found = true
					break
				}
			}
			if !found {
				return line
			}
		case yaml.SequenceNode:
			i, err := strconv.Atoi(k)
			if err != nil || i < 0 || i >= len(n.Content) {
				return line
			}
			n = n.Content[i]
			line = n.Line
		default:
			return line
		}
	}
	return line
}

// keyAtLine names the innermost mapping key written on line (the key of
// an unknown field, or of a value of the wrong type).
func keyAtLine(doc *yaml.Node, line int) string {
	var best []string
	var walk func(n *yaml.Node, path []string)
	walk = func(n *yaml.Node, path []string) {
		switch n.Kind {
		case yaml.DocumentNode:
			for _, c := range n.Content {
				walk(c, path)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				p := append(slices.Clone(path), n.Content[i].Value)
				if n.Content[i].Line == line || n.Content[i+1].Line == line && n.Content[i+1].Kind == yaml.ScalarNode {
					best = p
				}
				walk(n.Content[i+1], p)
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(c, append(slices.Clone(path), strconv.Itoa(i)))
			}
		}
	}
	walk(doc, nil)
	return keyString(best)
}

var (
	lineRE     = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)
	notFoundRE = regexp.MustCompile(`^field (\S+) not found in (?:type \S+|rule|match alternative)$`)
)

// locateDecodeError rewrites yaml's "line 7: field regexp not found in
// type ..." into "profile file x.yaml line 7: profiles[0].model[1].regexp:
// unknown key", one line per error.
func locateDecodeError(name string, doc *yaml.Node, err error) error {
	var msgs []string
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
	}
	out := make([]string, 0, len(msgs))
	for _, m := range msgs {
		sm := lineRE.FindStringSubmatch(strings.TrimSpace(m))
		if sm == nil {
			out = append(out, fmt.Sprintf("profile file %s: %s", name, m))
			continue
		}
		line, _ := strconv.Atoi(sm[1])
		msg := sm[2]
		if nf := notFoundRE.FindStringSubmatch(msg); nf != nil {
			msg = "unknown key " + nf[1]
		}
		if key := keyAtLine(doc, line); key != "" {
			msg = key + ": " + msg
		}
		out = append(out, fmt.Sprintf("profile file %s line %d: %s", name, line, msg))
	}
	return errors.New(strings.Join(out, "; "))
}

var idRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
var oidRE = regexp.MustCompile(`^[0-9]+(\.[0-9]+)*$`)

func compileProfile(ps profileSpec) (*profile, error) {
	if !idRE.MatchString(ps.ID) {
		return nil, atKey(fmt.Errorf("id %q: want lower-case letters, digits and dashes", ps.ID), "id")
	}
	if len(ps.Match) == 0 && !ps.Generic {
		return nil, atKey(errors.New("a profile that is not generic needs a match"), "id")
	}
	p := &profile{id: ps.ID, priority: ps.Priority, generic: ps.Generic, hostOS: ps.HostOS, fields: map[string][]rule{}}
	p.identity = ps.Generic && strings.HasPrefix(ps.ID, identityIDPrefix)
	for i, f := range ps.NoIdentity {
		if !slices.Contains(fieldOrder, f) || slices.Contains(p.noIdentity, f) {
			return nil, atKey(fmt.Errorf("%q: want each of %s at most once", f, strings.Join(fieldOrder, ", ")), "no_identity", strconv.Itoa(i))
		}
		p.noIdentity = append(p.noIdentity, f)
	}
	for i, f := range ps.NoFill {
		if !slices.Contains(fieldOrder, f) || slices.Contains(p.noFill, f) {
			return nil, atKey(fmt.Errorf("%q: want each of %s at most once", f, strings.Join(fieldOrder, ", ")), "no_fill", strconv.Itoa(i))
		}
		p.noFill = append(p.noFill, f)
	}
	var err error
	for i, ms := range ps.Match {
		key := []string{"match"}
		if len(ps.Match) > 1 {
			key = append(key, strconv.Itoa(i))
		}
		if ms.empty() {
			// An empty mapping would match every device.
			return nil, atKey(errors.New("a match needs a condition"), key...)
		}
		m, err := compileMatcher(ms)
		if err != nil {
			return nil, atKey(err, key...)
		}
		m.priority, m.noFill = ps.Priority, p.noFill
		if ms.Priority != nil {
			if len(ps.Match) == 1 {
				return nil, atKey(errors.New("a priority of its own is for one of several alternatives; the profile's is given beside match"), append(key, "priority")...)
			}
			m.priority = *ms.Priority
		}
		if len(ms.NoFill) > 0 && len(ps.Match) == 1 {
			return nil, atKey(errors.New("a no_fill of its own is for one of several alternatives; the profile's is given beside match"), append(key, "no_fill")...)
		}
		for j, f := range ms.NoFill {
			if !slices.Contains(fieldOrder, f) || slices.Contains(m.noFill, f) {
				return nil, atKey(fmt.Errorf("%q: want each of %s at most once, and not the profile's own", f, strings.Join(fieldOrder, ", ")), append(key, "no_fill", strconv.Itoa(j))...)
			}
			m.noFill = append(slices.Clip(m.noFill), f)
		}
		p.match = append(p.match, m)
	}
	if ps.Exclude.Priority != nil {
		return nil, atKey(errors.New("an exclusion has no priority"), "exclude", "priority")
	}
	if len(ps.Exclude.NoFill) > 0 {
		return nil, atKey(errors.New("an exclusion has no no_fill"), "exclude", "no_fill")
	}
	if p.exclude, err = compileMatcher(ps.Exclude); err != nil {
		return nil, atKey(err, "exclude")
	}
	for _, f := range []struct {
		name  string
		rules rules
	}{
		{FieldVendor, ps.Vendor}, {FieldModel, ps.Model}, {FieldSerial, ps.Serial},
		{FieldOS, ps.OS}, {FieldOSVersion, ps.OSVersion}, {FieldDeviceType, ps.DeviceType},
	} {
		for _, rs := range f.rules {
			// A literal given as a scalar has no place of its own.
			key := append([]string{f.name}, rs.at...)
			r, err := compileRule(rs)
			if err != nil {
				return nil, atKey(err, key...)
			}
			if f.name == FieldDeviceType {
				if err := checkDeviceTypes(r); err != nil {
					return nil, atKey(err, key...)
				}
			}
			if r.relative && slices.ContainsFunc(p.match, func(m matcher) bool { return len(m.sysObjectID) == 0 }) {
				// The probe's plan and VendorOIDs cover a relative
				// OID by the sys_object_id prefixes it lies under.
				return nil, atKey(errors.New("an OID relative to sysObjectID needs a sys_object_id match (in every alternative)"), key...)
			}
			p.fields[f.name] = append(p.fields[f.name], r)
		}
	}
	return p, nil
}

func checkDeviceTypes(r rule) error {
	vals := []string{}
	if r.src == srcValue || r.value != "" {
		vals = append(vals, r.value)
	}
	for _, v := range r.mapping {
		vals = append(vals, v)
	}
	for _, v := range vals {
		if !slices.Contains(deviceTypes, v) {
			return fmt.Errorf("device type %q is not one of %s", v, strings.Join(deviceTypes, ", "))
		}
	}
	return nil
}

func compileMatcher(ms matchSpec) (matcher, error) {
	var m matcher
	for i, o := range ms.SysObjectID {
		o = strings.TrimPrefix(o, ".")
		t, text := strings.CutSuffix(o, "*")
		if !oidRE.MatchString(t) {
			return m, atKey(fmt.Errorf("%q is not an OID", o), "sys_object_id", strconv.Itoa(i))
		}
		// A text prefix names an enterprise at least: above one it would
		// take other makers' whole numbering ('…4.1.9*' takes 9 and 90-99).
		if _, ok := pen.FromSysObjectID(t); text && !ok {
			return m, atKey(fmt.Errorf("%q: a trailing '*' goes on an OID at or below an enterprise (%s<number>)", o, pen.EnterprisesPrefix), "sys_object_id", strconv.Itoa(i))
		}
		m.sysObjectID = append(m.sysObjectID, o)
	}
	for _, pre := range slices.Sorted(maps.Keys(ms.SysObjectIDArcs)) {
		arcs := ms.SysObjectIDArcs[pre]
		key := strings.TrimPrefix(pre, ".")
		if !oidRE.MatchString(key) || len(arcs) == 0 {
			return m, atKey(fmt.Errorf("%q: want an OID and a map of the arcs after it", pre), "sys_object_id_arcs")
		}
		for _, a := range slices.Sorted(maps.Keys(arcs)) {
			o := key + "." + a
			if !oidRE.MatchString(o) {
				return m, atKey(fmt.Errorf("%q is not an arc", a), "sys_object_id_arcs", pre)
			}
			m.sysObjectID = append(m.sysObjectID, o)
		}
	}
	for i, o := range ms.OIDPresent {
		o = strings.TrimPrefix(o, ".")
		if !oidRE.MatchString(o) {
			return m, atKey(fmt.Errorf("%q is not an OID", o), "oid_present", strconv.Itoa(i))
		}
		m.oidPresent = append(m.oidPresent, o)
	}
	for i, pair := range ms.OIDMatch {
		if len(pair) != 2 {
			return m, atKey(fmt.Errorf("%q: want [OID, regexp]", pair), "oid_match", strconv.Itoa(i))
		}
		o, re, err := oidCondition(pair[0], pair[1], "oid_match", "oid_match")
		if err != nil {
			var ke *keyError
			if errors.As(err, &ke) {
				err = ke.err
			}
			return m, atKey(err, "oid_match", strconv.Itoa(i))
		}
		m.oidMatch = append(m.oidMatch, oidValueMatch{o, newPattern(re)})
	}
	for _, l := range []struct {
		key string
		src []string
		dst *[]pattern
	}{{"sys_descr", ms.SysDescr, &m.sysDescr}, {"entity_mfg", ms.EntityMfg, &m.entityMfg}, {"entity_model", ms.EntityModel, &m.entityModel}} {
		for i, s := range l.src {
			re, err := regexp.Compile(s)
			if err != nil {
				return m, atKey(fmt.Errorf("regexp %q: %w", s, err), l.key, strconv.Itoa(i))
			}
			*l.dst = append(*l.dst, newPattern(re))
		}
	}
	return m, nil
}

func compileRule(rs ruleSpec) (rule, error) {
	r := rule{value: rs.Value, template: rs.Template, mapping: rs.Map, name: rs.Name, indexFrom: strings.TrimPrefix(rs.IndexFrom, ".")}
	n := 0
	set := func(s source, arg string) {
		if arg != "" {
			n++
			r.src, r.arg = s, strings.TrimPrefix(arg, ".")
		}
	}
	set(srcEntity, rs.Entity)
	set(srcSysDescr, rs.SysDescr)
	set(srcOID, rs.OID)
	set(srcWalk, rs.Walk)
	set(srcHRDevice, rs.HRDevice)
	set(srcSysObjectID, rs.SysObjectID)
	if rs.Model != "" {
		n++
		r.src = srcModel
	}
	switch rs.Registry {
	case "":
	case "model":
		n++
		r.src = srcRegistry
	case "label":
		n++
		r.src = srcRegistryLabel
	default:
		return r, atKey(fmt.Errorf("registry %q: want model or label", rs.Registry), "registry")
	}
	switch rs.Machine {
	case "":
	case "class":
		n++
		r.src = srcMachine
	default:
		return r, atKey(fmt.Errorf("machine %q: want class", rs.Machine), "machine")
	}
	switch {
	case n > 1:
		return r, errors.New("a rule takes one source")
	case n == 0 && rs.Value == "":
		return r, errors.New("a rule needs a source or a value")
	case n == 0 && (rs.Regex != "" || rs.Map != nil || rs.Template != ""):
		return r, errors.New("a literal value takes no regex, template or map")
	}
	if (r.src == srcOID || r.src == srcWalk) && strings.HasPrefix(r.arg, relativePrefix) {
		r.relative, r.arg = true, strings.TrimPrefix(r.arg, relativePrefix)
		if r.indexFrom != "" {
			return r, atKey(errors.New("index_from does not go with an OID relative to sysObjectID"), "index_from")
		}
	}
	if r.indexFrom != "" && r.src != srcOID {
		return r, atKey(errors.New("index_from goes with oid only"), "index_from")
	}
	if len(rs.With) > 0 {
		// A relative oid takes with too (its with OIDs are absolute): a
		// product's revision under its own registration joined to the
		// sysDescr (D-Link DAP).
		if r.src != srcOID || r.indexFrom != "" {
			return r, atKey(errors.New("with goes with an oid without index_from"), "with")
		}
		var err error
		if r.with, err = oidList(rs.With, "with"); err != nil {
			return r, err
		}
	}
	if len(rs.WithFirst) > 0 {
		if r.src != srcOID || r.indexFrom != "" || r.relative {
			return r, atKey(errors.New("with_first goes with an absolute oid without index_from"), "with_first")
		}
		var err error
		if r.withFirst, err = oidList(rs.WithFirst, "with_first"); err != nil {
			return r, err
		}
	}
	if len(rs.With) > 0 || len(rs.WithFirst) > 0 {
		r.join = " "
		if rs.Join != nil {
			r.join = *rs.Join
		}
	} else if rs.Join != nil {
		return r, atKey(errors.New("join goes with with"), "join")
	}
	for _, p := range rs.Replace {
		if len(p) != 2 {
			return r, atKey(fmt.Errorf("replace %q: want [regexp, replacement]", p), "replace")
		}
		re, err := regexp.Compile(p[0])
		if err != nil {
			return r, atKey(fmt.Errorf("regexp %q: %w", p[0], err), "replace")
		}
		r.replace = append(r.replace, replacement{re, p[1]})
	}
	if len(r.replace) > 0 && r.src == srcValue {
		return r, atKey(errors.New("a literal value takes no replace"), "replace")
	}
	if rs.IfOID != "" || rs.IfMatch != "" {
		var err error
		if r.ifOID, r.ifMatch, err = oidCondition(rs.IfOID, rs.IfMatch, "if_oid", "if_match"); err != nil {
			return r, err
		}
	}
	if rs.IfAbsent != "" {
		if r.ifAbsent = strings.TrimPrefix(rs.IfAbsent, "."); !oidRE.MatchString(r.ifAbsent) {
			return r, atKey(fmt.Errorf("%q is not an OID", r.ifAbsent), "if_absent")
		}
	}
	if len(rs.Packed) > 0 {
		if r.src != srcOID && r.src != srcWalk {
			return r, atKey(errors.New("packed goes with oid or walk"), "packed")
		}
		total := 0
		for _, w := range rs.Packed {
			if w < 1 || w > 32 {
				return r, atKey(fmt.Errorf("packed width %d: want 1 to 32 bits", w), "packed")
			}
			total += w
			r.packed = append(r.packed, uint(w))
		}
		if len(rs.Packed) < 2 || total > 64 {
			return r, atKey(fmt.Errorf("packed %v: want two fields or more of 64 bits at most together", rs.Packed), "packed")
		}
	}
	if rs.RowWhere != "" || rs.RowMatch != "" || rs.RowEquals != "" {
		if r.src != srcOID || r.relative || r.indexFrom != "" {
			return r, atKey(errors.New("row_where goes with an absolute oid without index_from"), "row_where")
		}
		if rs.RowEquals != "" {
			if rs.RowMatch != "" || rs.RowWhere == "" {
				return r, atKey(errors.New("row_equals goes with row_where, instead of row_match"), "row_equals")
			}
			r.rowWhere, r.rowEquals = strings.TrimPrefix(rs.RowWhere, "."), strings.TrimPrefix(rs.RowEquals, ".")
			if !oidRE.MatchString(r.rowWhere) {
				return r, atKey(fmt.Errorf("%q is not an OID", r.rowWhere), "row_where")
			}
			if !oidRE.MatchString(r.rowEquals) {
				return r, atKey(fmt.Errorf("%q is not an OID", r.rowEquals), "row_equals")
			}
		} else {
			var err error
			if r.rowWhere, r.rowMatch, err = oidCondition(rs.RowWhere, rs.RowMatch, "row_where", "row_match"); err != nil {
				return r, err
			}
		}
	}
	if rs.RowNotMatch != "" || len(rs.RowAnd) > 0 {
		if r.rowWhere == "" {
			return r, atKey(errors.New("row_not_match and row_and go with row_where"), "row_where")
		}
		if rs.RowNotMatch != "" {
			re, err := regexp.Compile(rs.RowNotMatch)
			if err != nil {
				return r, atKey(fmt.Errorf("regexp %q: %w", rs.RowNotMatch, err), "row_not_match")
			}
			r.rowNotMatch = re
		}
		for i, pair := range rs.RowAnd {
			if len(pair) != 2 {
				return r, atKey(fmt.Errorf("%q: want [column, regexp]", pair), "row_and", strconv.Itoa(i))
			}
			col, re, err := oidCondition(pair[0], pair[1], "column", "regexp")
			if err != nil {
				return r, atKey(err, "row_and", strconv.Itoa(i))
			}
			r.rowAnd = append(r.rowAnd, rowCond{col, re})
		}
	}
	switch rs.Extend {
	case "":
	case "sys_descr":
		if r.src == srcValue {
			return r, atKey(errors.New("a literal value takes no extend"), "extend")
		}
		r.extendSysDescr = true
	default:
		return r, atKey(fmt.Errorf("extend %q: want sys_descr", rs.Extend), "extend")
	}
	if rs.BinaryText {
		if r.src != srcOID && r.src != srcWalk {
			return r, atKey(errors.New("binary_text goes with oid or walk"), "binary_text")
		}
		r.binaryText = true
	}
	switch rs.Case {
	case "":
	case "upper":
		r.toCase = strings.ToUpper
	case "lower":
		r.toCase = strings.ToLower
	case "first":
		r.toCase = upperFirst
	default:
		return r, atKey(fmt.Errorf("case %q: want upper or lower, or first", rs.Case), "case")
	}
	switch r.src {
	case srcEntity:
		if _, ok := entityFields[r.arg]; !ok {
			return r, atKey(fmt.Errorf("entity field %q unknown", r.arg), "entity")
		}
	case srcOID:
		if !oidRE.MatchString(r.arg) {
			return r, atKey(fmt.Errorf("%q is not an OID", r.arg), "oid")
		}
		if r.indexFrom != "" && !oidRE.MatchString(r.indexFrom) {
			return r, atKey(fmt.Errorf("%q is not an OID", r.indexFrom), "index_from")
		}
	case srcWalk:
		if !oidRE.MatchString(r.arg) {
			return r, atKey(fmt.Errorf("%q is not an OID", r.arg), "walk")
		}
	case srcSysObjectID:
		if !oidRE.MatchString(r.arg) {
			return r, atKey(fmt.Errorf("%q is not an OID", r.arg), "sys_object_id")
		}
	case srcHRDevice:
		t, ok := hrDeviceTypes[r.arg]
		if !ok {
			return r, atKey(fmt.Errorf("hr_device type %q unknown", r.arg), "hr_device")
		}
		r.arg = "1.3.6.1.2.1.25.3.1." + t
	}
	pat, patKey := rs.Regex, "regex"
	switch r.src {
	case srcSysDescr:
		if pat != "" {
			return r, atKey(errors.New("sys_descr is itself the regex; regex is not allowed with it"), "regex")
		}
		pat, patKey = rs.SysDescr, "sys_descr"
	case srcModel:
		if pat != "" {
			return r, atKey(errors.New("model is itself the regex; regex is not allowed with it"), "regex")
		}
		pat, patKey = rs.Model, "model"
	}
	if pat != "" {
		re, err := regexp.Compile(pat)
		if err != nil {
			return r, atKey(fmt.Errorf("regexp %q: %w", pat, err), patKey)
		}
		r.re = re
	}
	if r.template != "" && r.re == nil {
		return r, atKey(errors.New("template needs a regex"), "template")
	}
	return r, nil
}

// loadProfiles reads every *.yaml file of fsys's root in name order and
// checks that ids are unique.
func loadProfiles(fsys fs.FS) ([]*profile, error) {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, fmt.Errorf("list profiles: %w", err)
	}
	sort.Strings(names)
	var all []*profile
	seen := map[string]string{}
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, fmt.Errorf("read profile file %s: %w", n, err)
		}
		ps, err := decodeProfiles(path.Base(n), bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			if f, dup := seen[p.id]; dup {
				return nil, fmt.Errorf("profile %s defined in %s and %s", p.id, f, n)
			}
			seen[p.id] = n
			all = append(all, p)
		}
	}
	if len(all) == 0 {
		return nil, errNoProfiles
	}
	return all, nil
}

// upperFirst upper-cases a value's first character where it is an ASCII
// lower-case letter, as PHP's ucfirst does ('color LaserJet 3550' ->
// 'Color LaserJet 3550').
func upperFirst(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}
