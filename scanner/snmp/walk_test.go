package snmp_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/gosnmp/gosnmp"

	"github.com/netcensus/netcensus/scanner/snmp"
	"github.com/netcensus/netcensus/scanner/snmp/snmptest"
)

// ifTableFake is a small agent: system group plus a 30-row ifTable.
func ifTableFake() *snmptest.Fake {
	m := map[string]any{
		"1.3.6.1.2.1.1.1.0": "Linux test 6.1.0",
		"1.3.6.1.2.1.1.2.0": gosnmp.SnmpPDU{Type: gosnmp.ObjectIdentifier, Value: ".1.3.6.1.4.1.8072.3.2.10"},
		"1.3.6.1.2.1.1.5.0": "host-a",
	}
	for i := 1; i <= 30; i++ {
		m[fmt.Sprintf("1.3.6.1.2.1.2.2.1.2.%d", i)] = fmt.Sprintf("eth%d", i)
		m[fmt.Sprintf("1.3.6.1.2.1.2.2.1.3.%d", i)] = 6
		m[fmt.Sprintf("1.3.6.1.2.1.2.2.1.7.%d", i)] = 1
	}
	m["1.3.6.1.2.1.4.1.0"] = 1 // after the table
	return snmptest.New(m)
}

var ifCols = []string{"1.3.6.1.2.1.2.2.1.2", "1.3.6.1.2.1.2.2.1.3", "1.3.6.1.2.1.2.2.1.7"}

func TestWalkerModes(t *testing.T) {
	for _, tc := range []struct {
		name    string
		setup   func(*snmptest.Fake)
		v1      bool
		maxRows int
		want    int
		check   func(t *testing.T, calls []snmptest.Call)
	}{
		{name: "bulk", want: 90, check: func(t *testing.T, calls []snmptest.Call) {
			if calls[0].Op != "getbulk" || len(calls[0].OIDs) != 3 {
				t.Errorf("first call %+v: want a 3-column getbulk", calls[0])
			}
			if len(calls) > 4 {
				t.Errorf("%d requests for 30 rows at max-repetitions 25", len(calls))
			}
		}},
		{name: "bulk broken falls back to getnext", setup: func(f *snmptest.Fake) { f.BulkBroken = true }, want: 90, check: func(t *testing.T, calls []snmptest.Call) {
			if calls[len(calls)-1].Op != "getnext" {
				t.Errorf("last call %s, want getnext", calls[len(calls)-1].Op)
			}
		}},
		{name: "bulk empty falls back", setup: func(f *snmptest.Fake) { f.BulkEmpty = true }, want: 90},
		{name: "tooBig shrinks max-repetitions", setup: func(f *snmptest.Fake) { f.TooBigAbove = 20 }, want: 90, check: func(t *testing.T, calls []snmptest.Call) {
			for _, c := range calls {
				if c.Op == "getbulk" && c.MaxRep*len(c.OIDs) <= 20 {
					return
				}
			}
			t.Errorf("max-repetitions never shrank under the tooBig limit: %+v", calls)
		}},
		{name: "v1 getnext with noSuchName at the end", setup: func(f *snmptest.Fake) { f.V1 = true }, v1: true, want: 90},
		{name: "oids going backwards stop the column", setup: func(f *snmptest.Fake) { f.Backwards = "1.3.6.1.2.1.2.2.1.2.10" }, want: 70},
		// A column's rows in the order 1-10, 21-30, 11-20: all read.
		{name: "rows out of order read whole", setup: func(f *snmptest.Fake) {
			f.Jump = map[string]string{"1.3.6.1.2.1.2.2.1.2.10": "1.3.6.1.2.1.2.2.1.2.21",
				"1.3.6.1.2.1.2.2.1.2.30": "1.3.6.1.2.1.2.2.1.2.11", "1.3.6.1.2.1.2.2.1.2.20": "1.3.6.1.2.1.2.2.1.3.1"}
		}, want: 90},
		// After row 20 the agent answers row 5 again, and so on for ever:
		// the column stops once it gives nothing new.
		{name: "a loop stops the column", setup: func(f *snmptest.Fake) {
			f.Jump = map[string]string{"1.3.6.1.2.1.2.2.1.2.20": "1.3.6.1.2.1.2.2.1.2.5"}
		}, want: 80},
		{name: "a loop stops the column (getnext)", setup: func(f *snmptest.Fake) {
			f.V1 = true
			f.Jump = map[string]string{"1.3.6.1.2.1.2.2.1.2.20": "1.3.6.1.2.1.2.2.1.2.5"}
		}, v1: true, want: 80},
		{name: "endless table capped", setup: func(f *snmptest.Fake) { f.Endless = "1.3.6.1.2.1.2.2.1.2" }, maxRows: 500, want: 500 + 60},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := ifTableFake()
			if tc.setup != nil {
				tc.setup(f)
			}
			maxRows := tc.maxRows
			if maxRows == 0 {
				maxRows = 1000
			}
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			got, err := snmp.WalkForTest(ctx, f, ifCols, !tc.v1, 25, maxRows)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tc.want {
				t.Fatalf("got %d bindings, want %d", len(got), tc.want)
			}
			for _, vb := range got {
				if strings.HasPrefix(vb.Name, ".") || !strings.HasPrefix(vb.Name, "1.3.6.1.2.1.2.2.1.") {
					t.Fatalf("binding %q outside the walked columns", vb.Name)
				}
			}
			if tc.check != nil {
				tc.check(t, f.Calls())
			}
		})
	}
}

// TestSparseWalk: roots most of which the agent does not hold (the
// profiles' conditions) are each asked for their first OID alone; only
// those that answer one are read on in bulk. The rows are those of a
// plain walk, and an absent root costs one binding, not max-repetitions
// of the OIDs that follow it.
func TestSparseWalk(t *testing.T) {
	absent := []string{"1.3.6.1.4.1.2604.5.1", "1.3.6.1.4.1.12356.101", "1.3.6.1.4.1.9.9.92", "1.3.6.1.2.1.47.1.1.1"}
	roots := append(append([]string(nil), absent...), ifCols...)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	plain := ifTableFake()
	want, err := snmp.WalkForTest(ctx, plain, roots, true, 25, 1000)
	if err != nil {
		t.Fatal(err)
	}
	f := ifTableFake()
	got, err := snmp.SparseWalkForTest(ctx, f, roots, 25, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 90 || len(got) != len(want) {
		t.Fatalf("sparse walk read %d bindings, plain walk %d, want 90", len(got), len(want))
	}
	for i := range got {
		if got[i].Name != want[i].Name {
			t.Fatalf("binding %d: %s, plain walk %s", i, got[i].Name, want[i].Name)
		}
	}
	calls := f.Calls()
	if first := calls[0]; first.Op != "getbulk" || first.MaxRep != 1 || len(first.OIDs) != len(roots) {
		t.Fatalf("first request %+v: want every root asked once, max-repetitions 1", first)
	}
	for _, c := range calls[1:] {
		for _, o := range c.OIDs {
			for _, a := range absent {
				if strings.HasPrefix(o, a) {
					t.Errorf("absent root %s asked again (%s)", a, o)
				}
			}
		}
	}
	// What each walk was answered: the plain walk's absent roots are
	// answered 25 OIDs each.
	answered := func(calls []snmptest.Call) (n int) {
		for _, c := range calls {
			n += max(c.MaxRep, 1) * len(c.OIDs)
		}
		return n
	}
	if s, p := answered(calls), answered(plain.Calls()); s > p-len(absent)*20 {
		t.Errorf("sparse walk answered %d bindings, plain %d: want the absent roots' %d x 24 saved", s, p, len(absent))
	}
}

func TestWalkerCancel(t *testing.T) {
	f := ifTableFake()
	f.Block = true
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := snmp.WalkForTest(ctx, f, ifCols, true, 25, 100)
		done <- err
	}()
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err %v, want context.Canceled", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("walk did not return after cancel")
	}
}
