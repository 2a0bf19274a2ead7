package sqlite

import (
	"database/sql/driver"
	"fmt"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	sqlitedrv "modernc.org/sqlite"

	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// instrCalls counts the calls of SQLite's instr() in this test binary: a
// search reads an asset's text with instr, so the count is how many
// assets' texts a search read.
var (
	instrCalls atomic.Int64
	instrOnce  sync.Once
)

// countInstr replaces the built-in instr(X, Y) (SQLite lets an
// application's function overload a built-in) with the same function
// that counts its calls: for connections opened after it.
func countInstr(t *testing.T) {
	instrOnce.Do(func() {
		err := sqlitedrv.RegisterDeterministicScalarFunction("instr", 2, func(_ *sqlitedrv.FunctionContext, args []driver.Value) (driver.Value, error) {
			instrCalls.Add(1)
			text := func(v driver.Value) (string, bool) {
				switch x := v.(type) {
				case string:
					return x, true
				case []byte:
					return string(x), true
				case nil:
					return "", false
				default:
					return fmt.Sprint(x), true
				}
			}
			h, ok1 := text(args[0])
			n, ok2 := text(args[1])
			if !ok1 || !ok2 {
				return nil, nil
			}
			i := strings.Index(h, n)
			if i < 0 {
				return int64(0), nil
			}
			return int64(len([]rune(h[:i])) + 1), nil
		})
		if err != nil {
			t.Fatalf("register instr: %v", err)
		}
	})
}

// A search a few assets match (a MAC, an IP, a serial), asked for a page
// as the API asks (a limit), reads those assets through the index: not
// the next probe assets' texts, here the whole table, before the index.
// A search most assets match still finds its page by reading in ID order.
// The probe is a tenth of searchProbe, and so are the table and the page.
func TestSelectiveSearchReadsOnlyMatches(t *testing.T) {
	countInstr(t)
	st := openTemp(t).(*DB)
	st.probe = searchProbe / 10
	ctx := t.Context()
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	n := st.probe
	limit := st.probe/4 + 1
	as := make([]store.Asset, 0, n)
	for i := range n {
		at := base.Add(time.Duration(i) * time.Second)
		mac := record.MAC{0x00, 0x1b, 0x54, 0x10, byte(i >> 8), byte(i)}
		as = append(as, store.Asset{Record: record.Asset{AssetID: store.NewUUID(at), Hostname: fmt.Sprintf("host-%05d", i),
			MAC: mac, Serial: fmt.Sprintf("SN%07d", i), State: store.StateActive,
			IP: netip.AddrFrom4([4]byte{198, 18, byte(i >> 8), byte(i)}), FirstSeen: at, LastSeen: at}})
	}
	if err := st.PutAssets(ctx, as); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		q    string
		want int // assets found
		max  int64
	}{
		{"00:1b:54:10:01:2c", 1, 50},
		{"00:1B:54:10:01:2C", 1, 50},
		{"198.18.1.44", 1, 50},
		{"SN0000300", 1, 50},
		{"host-0039", 10, 50},
		{"nothing-like-it", 0, 50},
		// Most assets match: a page comes from the assets in ID order.
		{"host", limit, int64(st.probe)},
	} {
		before := instrCalls.Load()
		got, err := st.Assets(ctx, store.AssetFilter{Search: tc.q, Limit: limit})
		read := instrCalls.Load() - before
		if err != nil || len(got) != tc.want {
			t.Errorf("search %q: %d assets, %v; want %d", tc.q, len(got), err, tc.want)
		}
		if read > tc.max {
			t.Errorf("search %q read %d assets' texts, want at most %d (of %d assets)", tc.q, read, tc.max, n)
		}
		t.Logf("search %q: %d found, %d texts read", tc.q, len(got), read)
	}
	// The index query's plan: the terms by range, the trigram table by
	// its index, the assets by key; no scan of the assets.
	q, args, err := assetWhere(store.AssetFilter{Search: "00:1b:54:10:01:2c", Limit: limit}, 0)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := st.c.QueryContext(ctx, "EXPLAIN QUERY PLAN "+q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	for _, d := range plan {
		if f := strings.Fields(d); len(f) >= 2 && f[0] == "SCAN" && (f[1] == "a" || f[1] == "assets" || f[1] == "asset_terms" || f[1] == "n") {
			t.Errorf("the search's plan scans a table: %q\n%s", d, strings.Join(plan, "\n"))
		}
	}
}
