package snmpsim

import (
	"math"
	"strconv"
	"strings"

	"github.com/netcensus/netcensus/internal/snmprec"
	"github.com/netcensus/netcensus/snmpwalk"
)

// Error statuses (RFC 3416).
const (
	errNoError     = 0
	errTooBig      = 1
	errNoSuchName  = 2
	errNotWritable = 17
)

// view is a walk as the agent presents it, with the endless-table fault
// applied.
type view struct {
	w       *snmprec.Walk
	endless string
}

func (a *Agent) view(w *snmprec.Walk) view {
	return view{w: w, endless: a.endless}
}

// under reports whether oid lies strictly below prefix.
func under(oid, prefix string) bool { return oid != prefix && snmpwalk.HasPrefix(oid, prefix) }

func (v view) get(oid string) (snmprec.Value, bool) {
	if v.endless != "" && snmpwalk.HasPrefix(oid, v.endless) {
		rest := oid[len(v.endless):]
		if len(rest) < 2 {
			return snmprec.Value{}, false
		}
		n, err := strconv.ParseUint(rest[1:], 10, 32)
		if err != nil || n == 0 {
			return snmprec.Value{}, false
		}
		return endlessValue(n), true
	}
	return v.w.Get(oid)
}

func endlessValue(n uint64) snmprec.Value {
	return snmprec.Value{Type: snmprec.TypeInteger, Int: int64(n)}
}

// next is GETNEXT on the view.
func (v view) next(oid string) (string, snmprec.Value, bool) {
	if v.endless == "" {
		r, ok := v.w.Next(oid)
		return r.OID, r.Value, ok
	}
	p := v.endless
	recs := v.w.Records()
	if snmpwalk.HasPrefix(oid, p) {
		var n uint64
		if oid != p {
			first, _, _ := strings.Cut(oid[len(p)+1:], ".")
			var err error
			n, err = strconv.ParseUint(first, 10, 32)
			if err != nil {
				n = math.MaxUint32
			}
		}
		if n < math.MaxUint32 {
			return p + "." + strconv.FormatUint(n+1, 10), endlessValue(n + 1), true
		}
		// The end of the endless table: carry on after it.
		i := v.w.NextIndex(oid)
		for i >= 0 && i < len(recs) && under(recs[i].OID, p) {
			i++
		}
		if i < 0 || i >= len(recs) {
			return "", snmprec.Value{}, false
		}
		return recs[i].OID, recs[i].Value, true
	}
	i := v.w.NextIndex(oid)
	if snmprec.CompareOID(oid, p) < 0 {
		if i >= 0 && snmprec.CompareOID(recs[i].OID, p) < 0 {
			return recs[i].OID, recs[i].Value, true
		}
		return p + ".1", endlessValue(1), true
	}
	if i < 0 {
		return "", snmprec.Value{}, false
	}
	return recs[i].OID, recs[i].Value, true
}

// nextFor is GETNEXT for a protocol version: v1 cannot carry Counter64 or
// exception values, so those records are skipped.
func nextFor(version int64, v view, oid string) (string, snmprec.Value, bool) {
	for {
		o, val, ok := v.next(oid)
		if !ok {
			return "", val, false
		}
		if version == versionV1 && (val.Type == snmprec.TypeCounter64 || val.Type.IsException()) {
			oid = o
			continue
		}
		return o, val, true
	}
}

// missing is the v2 exception for a GET of an absent oid: noSuchInstance
// when the object (the OID minus its last arc) has instances, else
// noSuchObject.
func missing(v view, oid string) snmprec.Value {
	if i := strings.LastIndexByte(oid, '.'); i > 0 {
		parent := oid[:i]
		if o, _, ok := v.next(parent); ok && under(o, parent) {
			return snmprec.Value{Type: snmprec.TypeNoSuchInstance}
		}
	}
	return snmprec.Value{Type: snmprec.TypeNoSuchObject}
}

func echo(vbs []varbind) []byte {
	var list []byte
	for _, vb := range vbs {
		list = appendRawVarbind(list, vb.oid, vb.raw)
	}
	return list
}

func endOfMibView() snmprec.Value { return snmprec.Value{Type: snmprec.TypeEndOfMibView} }

// answer builds the response PDU for a GET, GETNEXT, GETBULK or SET, with
// the varbind list content kept within budget bytes.
func (a *Agent) answer(version int64, v view, p *pdu, budget int) []byte {
	id := p.requestID
	tooBig := func() []byte { return encodePDU(pduResponse, id, errTooBig, 0, nil) }
	var list []byte
	switch p.typ {
	case pduSet:
		status := int64(errNotWritable)
		if version == versionV1 {
			status = errNoSuchName
		}
		return encodePDU(pduResponse, id, status, 1, echo(p.varbinds))

	case pduGet:
		for i, vb := range p.varbinds {
			val, ok := v.get(vb.oid)
			if version == versionV1 && (!ok || val.Type == snmprec.TypeCounter64 || val.Type.IsException()) {
				return encodePDU(pduResponse, id, errNoSuchName, int64(i+1), echo(p.varbinds))
			}
			if !ok {
				val = missing(v, vb.oid)
			}
			list = appendVarbind(list, vb.oid, val)
		}

	case pduGetNext:
		for i, vb := range p.varbinds {
			oid, val, ok := nextFor(version, v, vb.oid)
			if !ok {
				if version == versionV1 {
					return encodePDU(pduResponse, id, errNoSuchName, int64(i+1), echo(p.varbinds))
				}
				oid, val = vb.oid, endOfMibView()
			}
			list = appendVarbind(list, oid, val)
		}

	case pduGetBulk:
		return a.bulk(version, v, p, budget)
	}
	if len(list) > budget {
		return tooBig()
	}
	return encodePDU(pduResponse, id, errNoError, 0, list)
}

func (a *Agent) bulk(version int64, v view, p *pdu, budget int) []byte {
	nonRep := int(min(max(p.errStatus, 0), int64(len(p.varbinds))))
	maxRep := int(min(max(p.errIndex, 0), int64(a.opts.MaxVarbinds)))
	if a.opts.Faults.Bulk == BulkIgnoreMaxRepetitions {
		maxRep = a.opts.MaxVarbinds
	}
	limit := a.opts.MaxVarbinds
	var list []byte
	count := 0
	for _, vb := range p.varbinds[:nonRep] {
		oid, val, ok := nextFor(version, v, vb.oid)
		if !ok {
			oid, val = vb.oid, endOfMibView()
		}
		list = appendVarbind(list, oid, val)
		count++
	}
	if len(list) > budget {
		return encodePDU(pduResponse, p.requestID, errTooBig, 0, nil)
	}
	reps := p.varbinds[nonRep:]
	cur := make([]string, len(reps))
	done := make([]bool, len(reps))
	for j, vb := range reps {
		cur[j] = vb.oid
	}
	nonIncreasing := a.opts.Faults.Bulk == BulkNonIncreasing
fill:
	for r := 0; r < maxRep && len(reps) > 0; r++ {
		allEnd := true
		for j := range reps {
			if count >= limit {
				break fill
			}
			var (
				oid string
				val snmprec.Value
				ok  bool
			)
			if !done[j] {
				if nonIncreasing && r == 0 {
					// Broken on purpose: repeat the requested OID.
					if val, ok = v.get(cur[j]); ok {
						oid = cur[j]
					}
				}
				if !ok {
					oid, val, ok = nextFor(version, v, cur[j])
				}
			}
			if ok {
				cur[j] = oid
				allEnd = false
			} else {
				done[j] = true
				oid, val = cur[j], endOfMibView()
			}
			mark := len(list)
			list = appendVarbind(list, oid, val)
			if len(list) > budget {
				list = list[:mark]
				break fill
			}
			count++
		}
		if allEnd {
			break
		}
	}
	return encodePDU(pduResponse, p.requestID, errNoError, 0, list)
}
