package snmp

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"github.com/gosnmp/gosnmp"
)

// walker reads subtrees from one agent: GETBULK over several columns at
// once with adaptive max-repetitions, GETNEXT for v1 and for agents that
// mishandle GETBULK. It stops a column at the end of its subtree, when
// the agent answers only OIDs the column already gave (a loop), and at
// maxRows.
//
// An OID that does not increase but is new is read, and the column goes
// on from it, as net-snmp's snmpwalk -Cc does: some agents list a table's
// rows out of order (a Cisco wireless controller's entPhysicalTable gives
// its access points' rows 2240-2242 before 184-186), and snmpsimd serves
// a recorded walk in its file's order, which keeps theirs. Stopping there
// lost the rows after it, a stack member's serial among them.
type walker struct {
	c       Client
	log     *slog.Logger
	bulk    bool
	maxRep  int
	maxRows int
	// maxVarbinds bounds columns × repetitions in one request.
	maxVarbinds int
	// maxCols bounds the columns in one request.
	maxCols int
	// sparse: most roots are expected absent (the MIBs that tell one
	// vendor's appliance from another's, asked of every device on the
	// arc). Each root is first asked for its first OID alone
	// (max-repetitions 1), and only the roots that answer one are read
	// on in bulk: an absent root then costs one variable binding, not
	// max-repetitions of the OIDs that follow it in the agent's MIB.
	sparse bool

	// Notes on what happened, for the caller's log and anomalies:
	// columns stopped in a loop (the OID answered), read out of order
	// (the first OID that went back), or capped.
	nonIncreasing []string
	unordered     []string
	capped        []string
	fellBack      bool
}

type column struct {
	root   string
	prefix string
	last   []uint32
	lastS  string
	rows   int
	done   bool
	// asked: the column's first OID was asked (sparse walks).
	asked bool
	// seen holds the column's OIDs once one went back (nil before: an
	// agent in order costs no set), so a repeat is told from a new row.
	seen map[string]bool
	// fresh: the last response gave the column a new row.
	fresh bool
}

// walk returns the variable bindings under each root (OIDs without the
// leading dot). On error it returns what it had read so far.
func (w *walker) walk(ctx context.Context, roots []string) ([]gosnmp.SnmpPDU, error) {
	var cols []*column
	seen := map[string]bool{}
	for _, r := range roots {
		r = normOID(r)
		arcs, ok := parseOID(r)
		if !ok || seen[r] {
			continue
		}
		seen[r] = true
		cols = append(cols, &column{root: r, prefix: r + ".", last: arcs, lastS: r})
	}
	if w.maxRep < 1 {
		w.maxRep = 1
	}
	if w.maxCols < 1 {
		w.maxCols = 16
	}
	if w.maxVarbinds < 1 {
		w.maxVarbinds = 400
	}
	var out []gosnmp.SnmpPDU
	timeouts := 0
	for {
		batch, first := w.next(cols)
		if len(batch) == 0 {
			return out, nil
		}
		oids := make([]string, len(batch))
		for i, c := range batch {
			oids[i] = c.lastS
		}
		var vbs []gosnmp.SnmpPDU
		var err error
		if w.bulk {
			rep := min(w.maxRep, max(1, w.maxVarbinds/len(batch)))
			if first {
				rep = 1
			}
			vbs, err = w.c.GetBulk(ctx, oids, rep)
		} else {
			vbs, err = w.c.GetNext(ctx, oids)
		}
		if err != nil {
			if cerr := ctx.Err(); cerr != nil {
				return out, cerr
			}
			switch {
			case IsStatus(err, gosnmp.TooBig):
				if w.maxRep > 1 {
					w.maxRep = max(1, w.maxRep/2)
					continue
				}
				if len(batch) > 1 {
					w.maxCols = max(1, len(batch)/2)
					continue
				}
				if w.bulk {
					w.fallBack()
					continue
				}
				// One varbind is too big: skip the column.
				batch[0].done = true
				continue
			case errors.Is(err, ErrTimeout):
				timeouts++
				// A response that is too large may be dropped rather than
				// refused: shrink before giving up.
				if timeouts <= 3 && (w.maxRep > 1 || w.maxCols > 1) {
					w.maxRep = max(1, w.maxRep/4)
					w.maxCols = max(1, w.maxCols/2)
					continue
				}
				if timeouts <= 3 && w.bulk {
					w.fallBack()
					continue
				}
				return out, fmt.Errorf("walk %s: %w", strings.Join(oids, ","), err)
			case IsStatus(err, gosnmp.NoSuchName):
				// v1: the end of the MIB (or an unknown OID) for one
				// column; the rest of the request is lost, ask again.
				var ae *AgentError
				errors.As(err, &ae)
				if ae.Index >= 1 && ae.Index <= len(batch) {
					batch[ae.Index-1].done = true
				} else {
					for _, c := range batch {
						c.done = true
					}
				}
				continue
			default:
				var ae *AgentError
				if errors.As(err, &ae) {
					if w.bulk {
						w.fallBack()
						continue
					}
					if ae.Index >= 1 && ae.Index <= len(batch) {
						batch[ae.Index-1].done = true
						continue
					}
					for _, c := range batch {
						c.done = true
					}
					continue
				}
				return out, fmt.Errorf("walk %s: %w", strings.Join(oids, ","), err)
			}
		}
		timeouts = 0
		progress := false
		for _, c := range batch {
			c.fresh = false
			c.asked = true
		}
		for i, vb := range vbs {
			c := batch[i%len(batch)]
			if c.done {
				continue
			}
			if vb.Type == gosnmp.EndOfMibView || vb.Type == gosnmp.NoSuchObject || vb.Type == gosnmp.NoSuchInstance {
				c.done = true
				continue
			}
			name := normOID(vb.Name)
			if !strings.HasPrefix(name, c.prefix) {
				c.done = true
				continue
			}
			arcs, ok := parseOID(name)
			if !ok {
				c.done = true
				continue
			}
			if c.seen == nil && compareArcs(arcs, c.last) <= 0 {
				c.seen = map[string]bool{}
				for _, o := range out {
					if strings.HasPrefix(o.Name, c.prefix) {
						c.seen[o.Name] = true
					}
				}
				w.unordered = append(w.unordered, name)
			}
			if c.seen != nil {
				if c.seen[name] {
					continue
				}
				c.seen[name] = true
			}
			vb.Name = name
			out = append(out, vb)
			c.last, c.lastS = arcs, name
			c.rows++
			c.fresh = true
			progress = true
			if c.rows >= w.maxRows {
				c.done = true
				w.capped = append(w.capped, c.root)
			}
		}
		if !progress {
			// An empty or useless answer: GETBULK may be broken; with
			// GETNEXT the columns are finished.
			if w.bulk && len(vbs) == 0 {
				w.fallBack()
				continue
			}
			for _, c := range batch {
				c.done = true
			}
		}
		for _, c := range batch {
			// Nothing new for a column whose OIDs went back: the agent
			// loops over what it gave.
			if !c.done && !c.fresh && c.seen != nil {
				c.done = true
				w.nonIncreasing = append(w.nonIncreasing, c.lastS)
			}
		}
	}
}

// sparseWalk is walk for roots most of which the agent is expected not to
// hold.
func (w *walker) sparseWalk(ctx context.Context, roots []string) ([]gosnmp.SnmpPDU, error) {
	w.sparse = true
	defer func() { w.sparse = false }()
	return w.walk(ctx, roots)
}

// next picks the columns of the next request. A sparse walk asks every
// root's first OID (first is true) before it reads any column on.
func (w *walker) next(cols []*column) (batch []*column, first bool) {
	if w.sparse {
		for _, c := range cols {
			if !c.done && !c.asked {
				batch = append(batch, c)
				if len(batch) == w.maxCols {
					break
				}
			}
		}
		if len(batch) > 0 {
			return batch, true
		}
	}
	for _, c := range cols {
		if !c.done {
			batch = append(batch, c)
			if len(batch) == w.maxCols {
				break
			}
		}
	}
	return batch, false
}

func (w *walker) fallBack() {
	w.bulk = false
	w.fellBack = true
	w.maxCols = max(w.maxCols, 8)
}

// getScalars reads scalars, at most scalarChunk a request. On v1, where
// one unknown OID fails the request, the culprit is dropped and the rest
// asked again; tooBig halves the chunk.
func getScalars(ctx context.Context, c Client, oids []string) ([]gosnmp.SnmpPDU, error) {
	var out []gosnmp.SnmpPDU
	chunk := scalarChunk
	for len(oids) > 0 {
		n := min(chunk, len(oids))
		vbs, err := getChunk(ctx, c, oids[:n])
		if IsStatus(err, gosnmp.TooBig) && chunk > 1 {
			chunk = max(1, chunk/2)
			continue
		}
		if err != nil {
			return out, err
		}
		out = append(out, vbs...)
		oids = oids[n:]
	}
	return out, nil
}

const scalarChunk = 32

func getChunk(ctx context.Context, c Client, oids []string) ([]gosnmp.SnmpPDU, error) {
	rest := append([]string(nil), oids...)
	for len(rest) > 0 {
		vbs, err := c.Get(ctx, rest)
		if err != nil {
			var ae *AgentError
			if errors.As(err, &ae) && ae.Status != gosnmp.TooBig {
				if ae.Index >= 1 && ae.Index <= len(rest) && len(rest) > 1 {
					rest = append(rest[:ae.Index-1], rest[ae.Index:]...)
					continue
				}
				// The agent answered: nothing here it will give.
				return nil, nil
			}
			return nil, err
		}
		out := vbs[:0]
		for _, vb := range vbs {
			if vb.Type == gosnmp.NoSuchObject || vb.Type == gosnmp.NoSuchInstance || vb.Type == gosnmp.EndOfMibView || vb.Type == gosnmp.Null {
				continue
			}
			vb.Name = normOID(vb.Name)
			out = append(out, vb)
		}
		return out, nil
	}
	return nil, nil
}
