// Package snmptest holds a map-backed fake of snmp.Client that records
// the calls made to it, with knobs for the ways agents misbehave.
package snmptest

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/gosnmp/gosnmp"

	"github.com/netcensus/netcensus/scanner/snmp"
)

// Call is one request the fake received.
type Call struct {
	Op     string // get, getnext, getbulk
	OIDs   []string
	MaxRep int
}

// ErrLost is the error of a request LoseGet loses.
var ErrLost = errors.New("snmptest: request lost (no answer)")

// Fake is an agent in memory. Set the knobs before use.
type Fake struct {
	// BulkBroken makes GETBULK fail with genErr (agents that mishandle it).
	BulkBroken bool
	// BulkEmpty makes GETBULK answer with no variable bindings.
	BulkEmpty bool
	// TooBigAbove answers tooBig when a response would hold more
	// variable bindings than this (0: never).
	TooBigAbove int
	// Backwards, when set, is an OID after which GETNEXT/GETBULK answer
	// with the first OID of the tree again (OIDs going backwards).
	Backwards string
	// Jump, OID -> OID (both held), makes GETNEXT/GETBULK after the first
	// answer the second and go on in order from there: rows out of order,
	// as some agents give them and snmpsimd serves a file's order.
	Jump map[string]string
	// Endless makes every column under this prefix go on for ever
	// (index .1, .2, .3 ...).
	Endless string
	// Block makes every request wait for its ctx (a dead agent).
	Block bool
	// V1 makes GETNEXT off the end answer noSuchName, as v1 agents do.
	V1 bool
	// LoseGet, when n > 0, loses the n-th GET: it fails as a request
	// without an answer does (the next ones are answered).
	LoseGet int
	Engine  string

	gets  atomic.Int64
	mu    sync.Mutex
	oids  [][]uint32
	names []string
	vals  map[string]gosnmp.SnmpPDU
	calls []Call
}

// New builds a fake from OID -> value (string, []byte, int, uint, or a
// gosnmp.SnmpPDU for full control).
func New(values map[string]any) *Fake {
	f := &Fake{vals: map[string]gosnmp.SnmpPDU{}}
	for k, v := range values {
		k = strings.TrimPrefix(k, ".")
		var pdu gosnmp.SnmpPDU
		switch x := v.(type) {
		case gosnmp.SnmpPDU:
			pdu = x
		case string:
			pdu = gosnmp.SnmpPDU{Type: gosnmp.OctetString, Value: []byte(x)}
		case []byte:
			pdu = gosnmp.SnmpPDU{Type: gosnmp.OctetString, Value: x}
		case int:
			pdu = gosnmp.SnmpPDU{Type: gosnmp.Integer, Value: x}
		case uint:
			pdu = gosnmp.SnmpPDU{Type: gosnmp.Gauge32, Value: x}
		case uint64:
			pdu = gosnmp.SnmpPDU{Type: gosnmp.Counter64, Value: x}
		default:
			panic(fmt.Sprintf("snmptest: unsupported value %T", v))
		}
		pdu.Name = "." + k
		f.vals[k] = pdu
		f.names = append(f.names, k)
	}
	sort.Slice(f.names, func(i, j int) bool { return cmp(arcs(f.names[i]), arcs(f.names[j])) < 0 })
	for _, n := range f.names {
		f.oids = append(f.oids, arcs(n))
	}
	return f
}

// Calls returns the requests so far.
func (f *Fake) Calls() []Call {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Call(nil), f.calls...)
}

// Dial returns a snmp.DialFunc that hands out this fake.
func (f *Fake) Dial() snmp.DialFunc {
	return func(context.Context, netip.AddrPort, snmp.Credential) (snmp.Client, error) { return f, nil }
}

func (f *Fake) record(c Call) {
	f.mu.Lock()
	f.calls = append(f.calls, c)
	f.mu.Unlock()
}

func (f *Fake) wait(ctx context.Context) error {
	if f.Block {
		<-ctx.Done()
		return ctx.Err()
	}
	return ctx.Err()
}

// Get implements snmp.Client.
func (f *Fake) Get(ctx context.Context, oids []string) ([]gosnmp.SnmpPDU, error) {
	f.record(Call{Op: "get", OIDs: oids})
	if err := f.wait(ctx); err != nil {
		return nil, err
	}
	if f.LoseGet > 0 && f.gets.Add(1) == int64(f.LoseGet) {
		return nil, ErrLost
	}
	out := make([]gosnmp.SnmpPDU, 0, len(oids))
	for i, o := range oids {
		o = strings.TrimPrefix(o, ".")
		v, ok := f.vals[o]
		if !ok {
			if f.V1 {
				return nil, &snmp.AgentError{Status: gosnmp.NoSuchName, Index: i + 1}
			}
			v = gosnmp.SnmpPDU{Name: "." + o, Type: gosnmp.NoSuchObject}
		}
		out = append(out, v)
	}
	return out, nil
}

// next returns the binding after oid.
func (f *Fake) next(oid string) (gosnmp.SnmpPDU, bool) {
	oid = strings.TrimPrefix(oid, ".")
	if f.Backwards != "" && oid == f.Backwards && len(f.names) > 0 {
		return f.vals[f.names[0]], true
	}
	if j, ok := f.Jump[oid]; ok {
		return f.vals[j], true
	}
	if f.Endless != "" && strings.HasPrefix(oid, f.Endless+".") {
		a := arcs(oid)
		n := 1
		if len(a) > len(arcs(f.Endless)) {
			n = int(a[len(a)-1]) + 1
		}
		base := f.Endless
		if len(a) > len(arcs(f.Endless))+1 {
			base = join(a[:len(a)-1])
		} else {
			base = f.Endless + ".1"
		}
		return gosnmp.SnmpPDU{Name: "." + base + "." + strconv.Itoa(n), Type: gosnmp.Integer, Value: n}, true
	}
	if f.Endless != "" && oid == f.Endless {
		return gosnmp.SnmpPDU{Name: "." + f.Endless + ".1.1", Type: gosnmp.Integer, Value: 1}, true
	}
	a := arcs(oid)
	i := sort.Search(len(f.oids), func(i int) bool { return cmp(f.oids[i], a) > 0 })
	if i == len(f.oids) {
		return gosnmp.SnmpPDU{Name: "." + oid, Type: gosnmp.EndOfMibView}, false
	}
	return f.vals[f.names[i]], true
}

// GetNext implements snmp.Client.
func (f *Fake) GetNext(ctx context.Context, oids []string) ([]gosnmp.SnmpPDU, error) {
	f.record(Call{Op: "getnext", OIDs: oids})
	if err := f.wait(ctx); err != nil {
		return nil, err
	}
	out := make([]gosnmp.SnmpPDU, 0, len(oids))
	for i, o := range oids {
		v, ok := f.next(o)
		if !ok && f.V1 {
			return nil, &snmp.AgentError{Status: gosnmp.NoSuchName, Index: i + 1}
		}
		out = append(out, v)
	}
	return out, nil
}

// GetBulk implements snmp.Client.
func (f *Fake) GetBulk(ctx context.Context, oids []string, maxRep int) ([]gosnmp.SnmpPDU, error) {
	f.record(Call{Op: "getbulk", OIDs: oids, MaxRep: maxRep})
	if err := f.wait(ctx); err != nil {
		return nil, err
	}
	if f.V1 {
		return nil, fmt.Errorf("GETBULK not supported in SNMPv1")
	}
	if f.BulkBroken {
		return nil, &snmp.AgentError{Status: gosnmp.GenErr, Index: 1}
	}
	if f.BulkEmpty {
		return nil, nil
	}
	if f.TooBigAbove > 0 && maxRep*len(oids) > f.TooBigAbove {
		return nil, &snmp.AgentError{Status: gosnmp.TooBig}
	}
	cur := append([]string(nil), oids...)
	var out []gosnmp.SnmpPDU
	for r := 0; r < maxRep; r++ {
		for j, o := range cur {
			v, _ := f.next(o)
			out = append(out, v)
			cur[j] = strings.TrimPrefix(v.Name, ".")
		}
	}
	return out, nil
}

// EngineID implements snmp.Client.
func (f *Fake) EngineID() string { return f.Engine }

// Close implements snmp.Client.
func (f *Fake) Close() error { return nil }

func arcs(s string) []uint32 {
	parts := strings.Split(strings.TrimPrefix(s, "."), ".")
	out := make([]uint32, 0, len(parts))
	for _, p := range parts {
		v, _ := strconv.ParseUint(p, 10, 32)
		out = append(out, uint32(v))
	}
	return out
}

func join(a []uint32) string {
	s := make([]string, len(a))
	for i, v := range a {
		s[i] = strconv.FormatUint(uint64(v), 10)
	}
	return strings.Join(s, ".")
}

func cmp(a, b []uint32) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return len(a) - len(b)
}
