package snmp

import (
	"context"
	"log/slog"

	"github.com/gosnmp/gosnmp"
)

// WalkForTest runs the walker over roots.
func WalkForTest(ctx context.Context, c Client, roots []string, bulk bool, maxRep, maxRows int) ([]gosnmp.SnmpPDU, error) {
	w := &walker{c: c, log: slog.New(slog.DiscardHandler), bulk: bulk, maxRep: maxRep, maxRows: maxRows}
	return w.walk(ctx, roots)
}

// SparseWalkForTest runs the walker's sparse walk over roots.
func SparseWalkForTest(ctx context.Context, c Client, roots []string, maxRep, maxRows int) ([]gosnmp.SnmpPDU, error) {
	w := &walker{c: c, log: slog.New(slog.DiscardHandler), bulk: true, maxRep: maxRep, maxRows: maxRows}
	return w.sparseWalk(ctx, roots)
}

// VLANCredential is vlanCredential.
var VLANCredential = vlanCredential
