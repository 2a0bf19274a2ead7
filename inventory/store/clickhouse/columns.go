package clickhouse

import (
	"encoding/hex"
	"fmt"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/netcensus/netcensus/record"
)

// The device's fields of a record (record.Asset) are typed columns, on
// assets (the current state) and on observations (each sighting), the
// same columns on both: one column a field, named after its JSON key
// (sys_location is location), and each list of structs as parallel
// arrays named list_field (a user reads them with ARRAY JOIN, as
// docs/clickhouse.md shows). What people say of an asset (approved, site,
// role, owner, tags) is in annotations, and the bookkeeping (asset_id,
// state, first_seen, last_seen) in the assets table's own columns: they
// are not record columns. Software, interfaces and neighbors are also
// kept over time in tables of their own; the arrays here are the record
// as last stored.

// recordRow is one row's record columns, as sent and as scanned.
type recordRow struct {
	ip                                                    string
	ips                                                   []string
	mac                                                   string
	macs                                                  []string
	hostname, macVendor, vendor, model, serial, os, osVer string
	deviceType                                            string
	namesName, namesSource                                []string
	workgroup                                             string
	sysName, sysDescr, sysObjectID, location, sysContact  string
	sysUptime                                             uint64
	engineID, credential                                  string
	collStatus                                            string
	collReason, collOID, collDetail                       []string
	swName, swVersion, swArch                             []string
	swInstalled                                           []time.Time
	ifIndex, ifCounterBits                                []int64
	ifName, ifAlias, ifType, ifMAC                        []string
	ifSpeed, ifIn, ifOut                                  []uint64
	ifAdmin, ifOper                                       []uint8
	stDescr, stType                                       []string
	stSize, stUsed                                        []uint64
	nbLocal, nbChassis, nbPort, nbSysName                 []string
	memBytes, memUsed                                     uint64
	cpuCount                                              int64
	cpuLoad                                               *float64
	svcType, svcName                                      []string
	svcPort                                               []int64
	svcTXTKeys, svcTXTValues                              [][]string
	portPort                                              []int64
	portProto, portService, portProduct, portVersion      []string
	sources                                               []string
	anKind, anDetail                                      []string
	evField, evRule, evSource, evOID, evTXT, evValue      []string
	nbProtocol, nbPlatform                                []string
	nbCaps                                                [][]string
	locSwitchID, locSwitch, locSwitchIP, locPort          string
	locIfIndex, locVLAN, locSeen                          int64
	swCount                                               int64
}

// col is a column: name, ClickHouse type (one 18.16 and current releases
// both know), and where a row's value is.
type col struct {
	name, typ string
	p         any
}

// cols lists the record columns, in order, pointing into r.
func (r *recordRow) cols() []col {
	const s, as = "String", "Array(String)"
	return []col{
		{"ip", s, &r.ip}, {"ips", as, &r.ips}, {"mac", s, &r.mac}, {"macs", as, &r.macs},
		{"hostname", s, &r.hostname}, {"mac_vendor", s, &r.macVendor}, {"vendor", s, &r.vendor}, {"model", s, &r.model},
		{"serial", s, &r.serial}, {"os", s, &r.os}, {"os_version", s, &r.osVer}, {"device_type", s, &r.deviceType},
		{"names_name", as, &r.namesName}, {"names_source", as, &r.namesSource}, {"workgroup", s, &r.workgroup},
		{"sys_name", s, &r.sysName}, {"sys_descr", s, &r.sysDescr}, {"sys_object_id", s, &r.sysObjectID},
		{"location", s, &r.location}, {"sys_contact", s, &r.sysContact}, {"sys_uptime_s", "UInt64", &r.sysUptime},
		{"snmp_engine_id", s, &r.engineID}, {"snmp_credential", s, &r.credential},
		{"collection_status", s, &r.collStatus}, {"collection_reason", as, &r.collReason},
		{"collection_oid", as, &r.collOID}, {"collection_detail", as, &r.collDetail},
		{"software_name", as, &r.swName}, {"software_version", as, &r.swVersion}, {"software_arch", as, &r.swArch},
		{"software_installed_at", "Array(DateTime)", &r.swInstalled},
		{"interfaces_index", "Array(Int64)", &r.ifIndex}, {"interfaces_name", as, &r.ifName},
		{"interfaces_alias", as, &r.ifAlias}, {"interfaces_type", as, &r.ifType}, {"interfaces_mac", as, &r.ifMAC},
		{"interfaces_speed_bps", "Array(UInt64)", &r.ifSpeed}, {"interfaces_admin_up", "Array(UInt8)", &r.ifAdmin},
		{"interfaces_oper_up", "Array(UInt8)", &r.ifOper}, {"interfaces_in_octets", "Array(UInt64)", &r.ifIn},
		{"interfaces_out_octets", "Array(UInt64)", &r.ifOut}, {"interfaces_counter_bits", "Array(Int64)", &r.ifCounterBits},
		{"storage_descr", as, &r.stDescr}, {"storage_type", as, &r.stType},
		{"storage_size_bytes", "Array(UInt64)", &r.stSize}, {"storage_used_bytes", "Array(UInt64)", &r.stUsed},
		{"neighbors_local_port", as, &r.nbLocal}, {"neighbors_chassis_id", as, &r.nbChassis},
		{"neighbors_port_id", as, &r.nbPort}, {"neighbors_sys_name", as, &r.nbSysName},
		{"memory_bytes", "UInt64", &r.memBytes}, {"memory_used_bytes", "UInt64", &r.memUsed},
		{"cpu_count", "Int64", &r.cpuCount}, {"cpu_load_pct", "Nullable(Float64)", &r.cpuLoad},
		{"services_type", as, &r.svcType}, {"services_name", as, &r.svcName}, {"services_port", "Array(Int64)", &r.svcPort},
		{"services_txt_keys", "Array(Array(String))", &r.svcTXTKeys}, {"services_txt_values", "Array(Array(String))", &r.svcTXTValues},
		{"ports_port", "Array(Int64)", &r.portPort}, {"ports_protocol", as, &r.portProto}, {"ports_service", as, &r.portService},
		{"ports_product", as, &r.portProduct}, {"ports_version", as, &r.portVersion},
		{"sources", as, &r.sources},
		{"anomalies_kind", as, &r.anKind}, {"anomalies_detail", as, &r.anDetail},
		{"evidence_field", as, &r.evField}, {"evidence_rule", as, &r.evRule}, {"evidence_source", as, &r.evSource},
		{"evidence_oid", as, &r.evOID}, {"evidence_txt", as, &r.evTXT}, {"evidence_value", as, &r.evValue},
		// Schema 8: neighbours' protocol, platform and capabilities, and
		// the switch port location (seen in Unix seconds, 0 unknown).
		{"neighbors_protocol", as, &r.nbProtocol}, {"neighbors_platform", as, &r.nbPlatform},
		{"neighbors_capabilities", "Array(Array(String))", &r.nbCaps},
		{"location_switch_id", s, &r.locSwitchID}, {"location_switch", s, &r.locSwitch}, {"location_switch_ip", s, &r.locSwitchIP},
		{"location_port", s, &r.locPort}, {"location_if_index", "Int64", &r.locIfIndex}, {"location_vlan", "Int64", &r.locVLAN},
		{"location_seen", "Int64", &r.locSeen},
		// Schema 13: how many packages the latest whole software list held.
		{"software_count", "Int64", &r.swCount},
	}
}

// recordCols are the record columns' names and types.
var recordCols = (&recordRow{}).cols()

// recordColNames is recordCols' names, comma-separated.
var recordColNames = func() string {
	names := make([]string, len(recordCols))
	for i, c := range recordCols {
		names[i] = c.name
	}
	return strings.Join(names, ", ")
}()

// recordColumnsOf are recordCols as columns of table, for addColumns.
func recordColumnsOf(table string) []addColumn {
	out := make([]addColumn, len(recordCols))
	for i, c := range recordCols {
		out[i] = addColumn{table, c.name, c.typ}
	}
	return out
}

// values are the row's values, in column order, as the driver takes them
// (arrays never nil).
func (r *recordRow) values() []any {
	cs := r.cols()
	out := make([]any, len(cs))
	for i, c := range cs {
		switch p := c.p.(type) {
		case *string:
			out[i] = *p
		case *[]string:
			out[i] = nonNil(*p)
		case *[]time.Time:
			out[i] = nonNil(*p)
		case *[]int64:
			out[i] = nonNil(*p)
		case *[]uint64:
			out[i] = nonNil(*p)
		case *[]uint8:
			out[i] = nonNil(*p)
		case *[][]string:
			out[i] = nonNil(*p)
		case *uint64:
			out[i] = *p
		case *int64:
			out[i] = *p
		case **float64:
			out[i] = *p
		}
	}
	return out
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

func macText(m record.MAC) string { return m.String() }

// parseMAC reads MAC.String's form back, whatever its length (a record
// carries what a device said).
func parseMAC(s string) record.MAC {
	if s == "" {
		return nil
	}
	out := make(record.MAC, 0, 6)
	for _, p := range strings.Split(s, ":") {
		b, err := hex.DecodeString(p)
		if err != nil || len(b) != 1 {
			return nil
		}
		out = append(out, b[0])
	}
	return out
}

func parseAddr(s string) netip.Addr {
	a, _ := netip.ParseAddr(s)
	return a
}

// fromRecord fills r from a record's device fields.
func (r *recordRow) fromRecord(a *record.Asset) {
	*r = recordRow{
		ip: ipText(a.IP), mac: macText(a.MAC), hostname: a.Hostname, macVendor: a.MACVendor, vendor: a.Vendor,
		model: a.Model, serial: a.Serial, os: a.OS, osVer: a.OSVersion, deviceType: a.DeviceType, workgroup: a.Workgroup,
		sysName: a.SysName, sysDescr: a.SysDescr, sysObjectID: a.SysObjectID, location: a.SysLocation,
		sysContact: a.SysContact, sysUptime: a.SysUptimeS, engineID: a.SNMPEngineID, credential: a.SNMPCredential,
		memBytes: a.MemoryBytes, memUsed: a.MemoryUsedBytes, cpuCount: int64(a.CPUCount), cpuLoad: a.CPULoadPct, swCount: int64(a.SoftwareCount),
	}
	for _, x := range a.IPs {
		r.ips = append(r.ips, ipText(x))
	}
	for _, m := range a.MACs {
		r.macs = append(r.macs, macText(m))
	}
	for _, n := range a.Names {
		r.namesName, r.namesSource = append(r.namesName, n.Name), append(r.namesSource, string(n.Source))
	}
	if c := a.Collection; c != nil {
		r.collStatus = c.Status
		for _, x := range c.Reasons {
			r.collReason, r.collOID, r.collDetail = append(r.collReason, x.Reason), append(r.collOID, x.OID), append(r.collDetail, x.Detail)
		}
	}
	for _, s := range a.Software {
		r.swName, r.swVersion, r.swArch = append(r.swName, s.Name), append(r.swVersion, s.Version), append(r.swArch, s.Arch)
		r.swInstalled = append(r.swInstalled, ts(s.InstalledAt))
	}
	for _, f := range a.Interfaces {
		r.ifIndex, r.ifName, r.ifAlias = append(r.ifIndex, int64(f.Index)), append(r.ifName, f.Name), append(r.ifAlias, f.Alias)
		r.ifType, r.ifMAC, r.ifSpeed = append(r.ifType, f.Type), append(r.ifMAC, macText(f.MAC)), append(r.ifSpeed, f.SpeedBps)
		r.ifAdmin, r.ifOper = append(r.ifAdmin, b2u(f.AdminUp)), append(r.ifOper, b2u(f.OperUp))
		r.ifIn, r.ifOut, r.ifCounterBits = append(r.ifIn, f.InOctets), append(r.ifOut, f.OutOctets), append(r.ifCounterBits, int64(f.CounterBits))
	}
	for _, s := range a.Storage {
		r.stDescr, r.stType = append(r.stDescr, s.Descr), append(r.stType, s.Type)
		r.stSize, r.stUsed = append(r.stSize, s.SizeBytes), append(r.stUsed, s.UsedBytes)
	}
	for _, n := range a.Neighbors {
		r.nbLocal, r.nbChassis = append(r.nbLocal, n.LocalPort), append(r.nbChassis, n.ChassisID)
		r.nbPort, r.nbSysName = append(r.nbPort, n.PortID), append(r.nbSysName, n.SysName)
		r.nbProtocol, r.nbPlatform = append(r.nbProtocol, n.Protocol), append(r.nbPlatform, n.Platform)
		r.nbCaps = append(r.nbCaps, nonNil(n.Capabilities))
	}
	if l := a.Location; l != nil {
		r.locSwitchID, r.locSwitch, r.locSwitchIP, r.locPort = l.Switch.AssetID, l.Switch.Name, addrText(l.Switch.IP), l.Port
		r.locIfIndex, r.locVLAN = int64(l.IfIndex), int64(l.VLAN)
		if !l.Seen.IsZero() {
			r.locSeen = l.Seen.Unix()
		}
	}
	for _, s := range a.Services {
		r.svcType, r.svcName, r.svcPort = append(r.svcType, s.Type), append(r.svcName, s.Name), append(r.svcPort, int64(s.Port))
		keys := make([]string, 0, len(s.TXT))
		for k := range s.TXT {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		vals := make([]string, len(keys))
		for i, k := range keys {
			vals[i] = s.TXT[k]
		}
		r.svcTXTKeys, r.svcTXTValues = append(r.svcTXTKeys, keys), append(r.svcTXTValues, vals)
	}
	for _, p := range a.Ports {
		r.portPort, r.portProto, r.portService = append(r.portPort, int64(p.Port)), append(r.portProto, p.Protocol), append(r.portService, p.Service)
		r.portProduct, r.portVersion = append(r.portProduct, p.Product), append(r.portVersion, p.Version)
	}
	for _, s := range a.Sources {
		r.sources = append(r.sources, string(s))
	}
	for _, x := range a.Anomalies {
		r.anKind, r.anDetail = append(r.anKind, x.Kind), append(r.anDetail, x.Detail)
	}
	fields := make([]string, 0, len(a.Evidence))
	for f := range a.Evidence {
		fields = append(fields, f)
	}
	slices.Sort(fields)
	for _, f := range fields {
		e := a.Evidence[f]
		r.evField, r.evRule, r.evSource = append(r.evField, f), append(r.evRule, e.Rule), append(r.evSource, string(e.Source))
		r.evOID, r.evTXT, r.evValue = append(r.evOID, e.OID), append(r.evTXT, e.TXT), append(r.evValue, e.Value)
	}
}

// at is xs[i], or the zero value when a row's parallel arrays differ in
// length (written by hand).
func at[T any](xs []T, i int) T {
	var z T
	if i < len(xs) {
		return xs[i]
	}
	return z
}

// toRecord sets a record's device fields from r (the others are left
// alone).
func (r *recordRow) toRecord(a *record.Asset) {
	a.IP, a.MAC, a.Hostname, a.MACVendor, a.Vendor = parseAddr(r.ip), parseMAC(r.mac), r.hostname, r.macVendor, r.vendor
	a.Model, a.Serial, a.OS, a.OSVersion, a.DeviceType = r.model, r.serial, r.os, r.osVer, r.deviceType
	a.Workgroup, a.SysName, a.SysDescr, a.SysObjectID, a.SysLocation = r.workgroup, r.sysName, r.sysDescr, r.sysObjectID, r.location
	a.SysContact, a.SysUptimeS, a.SNMPEngineID, a.SNMPCredential = r.sysContact, r.sysUptime, r.engineID, r.credential
	a.MemoryBytes, a.MemoryUsedBytes, a.CPUCount, a.CPULoadPct = r.memBytes, r.memUsed, int(r.cpuCount), r.cpuLoad
	a.SoftwareCount = int(r.swCount)
	a.IPs, a.MACs, a.Names, a.Collection, a.Software, a.Interfaces = nil, nil, nil, nil, nil, nil
	a.Storage, a.Neighbors, a.Services, a.Ports, a.Sources, a.Anomalies, a.Evidence = nil, nil, nil, nil, nil, nil, nil
	for _, s := range r.ips {
		a.IPs = append(a.IPs, parseAddr(s))
	}
	for _, s := range r.macs {
		a.MACs = append(a.MACs, parseMAC(s))
	}
	for i, n := range r.namesName {
		a.Names = append(a.Names, record.HostName{Name: n, Source: record.Source(at(r.namesSource, i))})
	}
	if r.collStatus != "" || len(r.collReason) > 0 {
		c := &record.Collection{Status: r.collStatus}
		for i, x := range r.collReason {
			c.Reasons = append(c.Reasons, record.CollectionReason{Reason: x, OID: at(r.collOID, i), Detail: at(r.collDetail, i)})
		}
		a.Collection = c
	}
	for i, n := range r.swName {
		a.Software = append(a.Software, record.Software{Name: n, Version: at(r.swVersion, i), Arch: at(r.swArch, i),
			InstalledAt: fromTS(at(r.swInstalled, i))})
	}
	for i, x := range r.ifIndex {
		a.Interfaces = append(a.Interfaces, record.Interface{Index: int(x), Name: at(r.ifName, i), Alias: at(r.ifAlias, i),
			Type: at(r.ifType, i), MAC: parseMAC(at(r.ifMAC, i)), SpeedBps: at(r.ifSpeed, i), AdminUp: at(r.ifAdmin, i) != 0,
			OperUp: at(r.ifOper, i) != 0, InOctets: at(r.ifIn, i), OutOctets: at(r.ifOut, i), CounterBits: int(at(r.ifCounterBits, i))})
	}
	for i, d := range r.stDescr {
		a.Storage = append(a.Storage, record.Storage{Descr: d, Type: at(r.stType, i), SizeBytes: at(r.stSize, i), UsedBytes: at(r.stUsed, i)})
	}
	for i, l := range r.nbLocal {
		n := record.Neighbor{LocalPort: l, ChassisID: at(r.nbChassis, i), PortID: at(r.nbPort, i), SysName: at(r.nbSysName, i),
			Protocol: at(r.nbProtocol, i), Platform: at(r.nbPlatform, i)}
		if c := at(r.nbCaps, i); len(c) > 0 {
			n.Capabilities = c
		}
		a.Neighbors = append(a.Neighbors, n)
	}
	a.Location = nil
	if r.locPort != "" || r.locSwitchID != "" || r.locSwitch != "" || r.locSwitchIP != "" || r.locIfIndex != 0 || r.locVLAN != 0 || r.locSeen != 0 {
		l := &record.Location{Switch: record.SwitchRef{AssetID: r.locSwitchID, Name: r.locSwitch, IP: parseAddr(r.locSwitchIP)},
			Port: r.locPort, IfIndex: int(r.locIfIndex), VLAN: int(r.locVLAN)}
		if r.locSeen != 0 {
			l.Seen = time.Unix(r.locSeen, 0).UTC()
		}
		a.Location = l
	}
	for i, t := range r.svcType {
		s := record.Service{Type: t, Name: at(r.svcName, i), Port: int(at(r.svcPort, i))}
		keys, vals := at(r.svcTXTKeys, i), at(r.svcTXTValues, i)
		if len(keys) > 0 {
			s.TXT = make(map[string]string, len(keys))
			for j, k := range keys {
				s.TXT[k] = at(vals, j)
			}
		}
		a.Services = append(a.Services, s)
	}
	for i, p := range r.portPort {
		a.Ports = append(a.Ports, record.Port{Port: int(p), Protocol: at(r.portProto, i), Service: at(r.portService, i),
			Product: at(r.portProduct, i), Version: at(r.portVersion, i)})
	}
	for _, s := range r.sources {
		a.Sources = append(a.Sources, record.Source(s))
	}
	for i, k := range r.anKind {
		a.Anomalies = append(a.Anomalies, record.Anomaly{Kind: k, Detail: at(r.anDetail, i)})
	}
	if len(r.evField) > 0 {
		a.Evidence = make(map[string]record.Evidence, len(r.evField))
		for i, f := range r.evField {
			a.Evidence[f] = record.Evidence{Rule: at(r.evRule, i), Source: record.Source(at(r.evSource, i)), OID: at(r.evOID, i),
				TXT: at(r.evTXT, i), Value: at(r.evValue, i)}
		}
	}
}

// Reading the lists. The driver scans an Array column row by row through
// reflection, a slice and a value at a time: with the record's 45 array
// columns that was most of a listing's time. So a read asks the server
// for every list of a row as one String: each array in its own text
// form (toString: `['a','b\'c']`, `[1,-2]`, `[['x'],[]]`; times as
// seconds), the arrays in column order one after the other; and reads
// that string back here (readLists). The arrays need no separator: each
// ends at its own ']'. The server makes that text with no lambda: a
// point read of one asset (a search by MAC) spent two thirds of its
// server time compiling the 45 arrayMap lambdas that earlier wrote
// netstrings (docs/benchmarks.md). The columns are what is stored; this
// is only how they travel.

// isList is whether a column type is an array.
func isList(typ string) bool { return strings.HasPrefix(typ, "Array(") }

// recordSelect is what a read selects for the record columns: the
// scalar ones, then the lists as one String.
var recordSelect = func() string {
	var scalars, lists []string
	for _, c := range recordCols {
		switch {
		case !isList(c.typ):
			scalars = append(scalars, c.name)
		case c.typ == "Array(DateTime)":
			lists = append(lists, `toString(CAST(`+c.name+` AS Array(UInt32)))`)
		default:
			lists = append(lists, `toString(`+c.name+`)`)
		}
	}
	return strings.Join(scalars, ", ") + `, concat(` + strings.Join(lists, ", ") + `)`
}()

// listCols are the record columns that are lists, in order.
var listCols = func() []col {
	var out []col
	for _, c := range recordCols {
		if isList(c.typ) {
			out = append(out, c)
		}
	}
	return out
}()

// scanDest are pointers to scan recordSelect's columns into: the scalar
// columns' fields, then *lists.
func (r *recordRow) scanDest(lists *string) []any {
	var out []any
	for _, c := range r.cols() {
		if !isList(c.typ) {
			out = append(out, c.p)
		}
	}
	return append(out, lists)
}

// listPtrs are pointers to r's list fields, in listCols' order.
func (r *recordRow) listPtrs() []any {
	var out []any
	for _, c := range r.cols() {
		if isList(c.typ) {
			out = append(out, c.p)
		}
	}
	return out
}

// listReader reads the lists' text.
type listReader struct{ s string }

// take reads byte c.
func (l *listReader) take(c byte) error {
	if l.s == "" || l.s[0] != c {
		return fmt.Errorf("record lists: want %q at %.20q", c, l.s)
	}
	l.s = l.s[1:]
	return nil
}

// next reads the ',' between elements, or the array's ']': whether
// another element follows.
func (l *listReader) next() (bool, error) {
	if l.s != "" && l.s[0] == ',' {
		l.s = l.s[1:]
		return true, nil
	}
	return false, l.take(']')
}

// quoted reads one quoted string: the bytes themselves while there is no
// escape (a slice of the text), else unescaped as the server escapes
// (\b \f \n \r \t \0 \\ \'; \a \v \xHH and any other \c as c too).
func (l *listReader) quoted() (string, error) {
	if err := l.take('\''); err != nil {
		return "", err
	}
	var b []byte // nil until the first escape
	for {
		i := strings.IndexAny(l.s, `'\`)
		if i < 0 || l.s[i] == '\\' && i+1 == len(l.s) {
			return "", fmt.Errorf("record lists: unterminated string")
		}
		if l.s[i] == '\'' {
			v := l.s[:i]
			l.s = l.s[i+1:]
			if b == nil {
				return v, nil
			}
			return string(append(b, v...)), nil
		}
		b = append(b, l.s[:i]...)
		c := l.s[i+1]
		l.s = l.s[i+2:]
		switch c {
		case 'b':
			c = '\b'
		case 'f':
			c = '\f'
		case 'n':
			c = '\n'
		case 'r':
			c = '\r'
		case 't':
			c = '\t'
		case '0':
			c = 0
		case 'a':
			c = '\a'
		case 'v':
			c = '\v'
		case 'x':
			if len(l.s) < 2 {
				return "", fmt.Errorf("record lists: short \\x escape")
			}
			v, err := strconv.ParseUint(l.s[:2], 16, 8)
			if err != nil {
				return "", fmt.Errorf("record lists: bad \\x escape %.4q", l.s)
			}
			c, l.s = byte(v), l.s[2:]
		}
		b = append(b, c)
	}
}

// array reads an array whose elements elem reads (nil when empty).
func array[T any](l *listReader, elem func() (T, error)) ([]T, error) {
	if err := l.take('['); err != nil {
		return nil, err
	}
	if l.s != "" && l.s[0] == ']' {
		l.s = l.s[1:]
		return nil, nil
	}
	var out []T
	for {
		v, err := elem()
		if err != nil {
			return nil, err
		}
		out = append(out, v)
		if more, err := l.next(); err != nil || !more {
			return out, err
		}
	}
}

// strings reads an array of strings.
func (l *listReader) strings() ([]string, error) { return array(l, l.quoted) }

// numbers reads an array of numbers, each as parse makes it (nil when
// empty).
func numbers[T any](l *listReader, parse func(string) (T, error)) ([]T, error) {
	if err := l.take('['); err != nil {
		return nil, err
	}
	i := strings.IndexByte(l.s, ']')
	if i < 0 {
		return nil, fmt.Errorf("record lists: unterminated number array")
	}
	text := l.s[:i]
	l.s = l.s[i+1:]
	if text == "" {
		return nil, nil
	}
	out := make([]T, 0, strings.Count(text, ",")+1)
	for text != "" {
		j := strings.IndexByte(text, ',')
		if j < 0 {
			j = len(text)
		}
		v, err := parse(text[:j])
		if err != nil {
			return nil, fmt.Errorf("record lists: %w", err)
		}
		out = append(out, v)
		if text = text[j:]; text != "" {
			if text = text[1:]; text == "" {
				return nil, fmt.Errorf("record lists: a number list ends in ','")
			}
		}
	}
	return out, nil
}

func parseInt(s string) (int64, error)   { return strconv.ParseInt(s, 10, 64) }
func parseUint(s string) (uint64, error) { return strconv.ParseUint(s, 10, 64) }
func parseUint8(s string) (uint8, error) {
	v, err := strconv.ParseUint(s, 10, 8)
	return uint8(v), err
}
func parseSeconds(s string) (time.Time, error) {
	v, err := strconv.ParseInt(s, 10, 64)
	return time.Unix(v, 0).UTC(), err
}

// readLists sets r's list fields (dest: r.listPtrs(), made once for a
// read) from a row's lists as recordSelect selects them.
func readLists(s string, dest []any) error {
	l := &listReader{s: s}
	for i, d := range dest {
		var err error
		switch p := d.(type) {
		case *[]string:
			*p, err = l.strings()
		case *[][]string:
			*p, err = array(l, l.strings)
		case *[]time.Time:
			*p, err = numbers(l, parseSeconds)
		case *[]int64:
			*p, err = numbers(l, parseInt)
		case *[]uint64:
			*p, err = numbers(l, parseUint)
		case *[]uint8:
			*p, err = numbers(l, parseUint8)
		default:
			err = fmt.Errorf("no reader for %T", d)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", listCols[i].name, err)
		}
	}
	if l.s != "" {
		return fmt.Errorf("record lists: %d bytes left over", len(l.s))
	}
	return nil
}

// readLists sets r's list fields from a row's lists (readLists, for one
// row: a read of many makes r.listPtrs() once).
func (r *recordRow) readLists(s string) error { return readLists(s, r.listPtrs()) }

func addrText(a netip.Addr) string {
	if a.IsValid() {
		return a.String()
	}
	return ""
}
