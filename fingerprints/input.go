package fingerprints

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/netcensus/netcensus/snmpwalk"
)

// InputFromWalk builds an Input from a walk: the system group, the
// entPhysicalTable and the values at or below each of oids (usually
// Engine.VendorOIDs). The live collector uses it on what it walked, so
// recorded and live devices are decoded by the same code.
func InputFromWalk(w *snmpwalk.Walk, oids []string) Input {
	var in Input
	if w == nil {
		return in
	}
	if v, ok := w.Get(OIDSysObjectID); ok {
		if v.Type == snmpwalk.TypeOID {
			in.SysObjectID = v.OID
		} else if s, ok := v.Text(); ok {
			in.SysObjectID = strings.TrimPrefix(strings.TrimSpace(s), ".")
		}
	}
	if v, ok := w.Get(OIDSysDescr); ok {
		in.SysDescr = valueString(v)
	}
	if v, ok := w.Get(OIDSysName); ok {
		in.SysName = valueString(v)
	}
	in.Entities = entitiesFromWalk(w)
	in.Values = map[string]snmpwalk.Value{}
	// oids in order (VendorOIDs': every profile's, about 1,700) are met
	// in one pass over the walk, each subtree sought from where the last
	// began; a search of the whole walk for each cost a probe more than
	// the fingerprint itself.
	// The values' OIDs are then met in order too, and kept so (keys),
	// for the engine not to sort them again.
	recs := w.Records()
	at, sorted := 0, true
	for _, o := range oids {
		o = strings.TrimPrefix(o, ".")
		if at > 0 && snmpwalk.CompareOID(recs[at-1].OID, o) >= 0 {
			// Out of order: seek from the start.
			at, sorted = 0, false
		}
		at = w.Seek(at, o)
		for _, r := range recs[at:] {
			if !snmpwalk.HasPrefix(r.OID, o) {
				break
			}
			if r.Value.Type.IsException() {
				continue
			}
			if _, ok := in.Values[r.OID]; !ok {
				in.keys = append(in.keys, r.OID)
			}
			in.Values[r.OID] = r.Value
		}
	}
	if !sorted {
		in.keys = nil
	}
	if len(in.Values) == 0 {
		in.Values = nil
	}
	return in
}

// entitiesFromWalk decodes entPhysicalTable rows, in index order.
func entitiesFromWalk(w *snmpwalk.Walk) []Entity {
	prefix := OIDEntPhysicalEntry + "."
	rows := map[int]*Entity{}
	var order []int
	for _, r := range w.Subtree(OIDEntPhysicalEntry) {
		rest := strings.TrimPrefix(r.OID, prefix)
		colS, idxS, ok := strings.Cut(rest, ".")
		if !ok || strings.Contains(idxS, ".") {
			continue
		}
		col, err1 := strconv.Atoi(colS)
		idx, err2 := strconv.Atoi(idxS)
		if err1 != nil || err2 != nil || idx < 0 {
			continue
		}
		e := rows[idx]
		if e == nil {
			// No containing row until the agent answers the column.
			e = &Entity{Index: idx, NoContainedIn: true}
			rows[idx] = e
			order = append(order, idx)
		}
		s := cleanValue(valueString(r.Value))
		switch col {
		case 2:
			e.Descr = s
		case 3:
			if r.Value.Type == snmpwalk.TypeOID {
				e.VendorType = r.Value.OID
			}
		case 4:
			if !r.Value.Type.IsException() {
				e.ContainedIn = int(r.Value.Int)
				e.NoContainedIn = false
			}
		case 5:
			e.Class = int(r.Value.Int)
		case 7:
			e.Name = s
		case 8:
			e.HardwareRev = s
		case 9:
			e.FirmwareRev = s
		case 10:
			e.SoftwareRev = s
		case 11:
			e.Serial = s
		case 12:
			e.Mfg = s
		case 13:
			e.Model = s
		}
	}
	if len(order) == 0 {
		return nil
	}
	// Subtree is in OID order, so columns come in column order and rows
	// first appear in index order within column 2 (or the first column
	// present); sort to be sure.
	out := make([]Entity, 0, len(order))
	for _, idx := range order {
		out = append(out, *rows[idx])
	}
	sortEntities(out)
	return out
}

func sortEntities(es []Entity) {
	slices.SortStableFunc(es, func(a, b Entity) int { return cmp.Compare(a.Index, b.Index) })
}
