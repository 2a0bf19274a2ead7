package sqlite

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/netcensus/netcensus/inventory/store"
)

// TestSortPlans: a sorted page, first or after a cursor, either way, is
// read through an index in order (no sort of the whole table), so it
// costs what an unsorted page does at any size; the site and approval
// too, through their copies on the asset (it once sorted every ID).
func TestSortPlans(t *testing.T) {
	db := openTemp(t).(*DB)
	for _, k := range store.SortKeys {
		for _, desc := range []bool{false, true} {
			for _, f := range []store.AssetFilter{
				{Sort: k, Desc: desc, Limit: 51},
				{Sort: k, Desc: desc, Limit: 51, After: "0190a0b0-0000-7000-8000-000000000000", AfterKey: "1"},
				{Sort: k, Desc: desc, Limit: 51, States: []string{store.StateNew}, Unapproved: true},
			} {
				q, args, err := assetWhere(f, 0)
				if err != nil {
					t.Fatal(err)
				}
				rows, err := db.db.QueryContext(t.Context(), "EXPLAIN QUERY PLAN "+q, args...)
				if err != nil {
					t.Fatalf("%s: %v", k, err)
				}
				var plan []string
				for rows.Next() {
					var id, parent, unused int
					var detail string
					if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
						t.Fatal(err)
					}
					plan = append(plan, detail)
				}
				rows.Close()
				p := strings.Join(plan, "; ")
				if !strings.Contains(p, "INDEX assets_by_") || strings.Contains(p, "TEMP B-TREE") {
					t.Errorf("sort %s desc=%v cursor=%v: plan %q, want an assets_by_ index and no sort", k, desc, f.After != "", p)
				}
			}
		}
	}
}

// TestMigrateFillsSortColumns: assets stored before the sort columns
// existed are sorted by them after the migration.
func TestMigrateFillsSortColumns(t *testing.T) {
	db, err := Open(t.Context(), filepath.Join(t.TempDir(), "netcensus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for v := 0; v < 6; v++ {
		if _, err := db.migrateOne(t.Context()); err != nil {
			t.Fatal(err)
		}
	}
	for _, a := range []struct{ id, data string }{
		{"a1", `{"ip":"192.0.2.10","hostname":"b-host","mac":"00:00:5e:00:53:02","os":"Linux","os_version":"6.1"}`},
		{"a2", `{"ip":"192.0.2.9","sys_name":"A-router","mac":"00:00:5e:00:53:01","os":"IOS"}`},
		{"a3", `{"ip":"2001:db8::1","model":"X"}`},
	} {
		if _, err := db.db.ExecContext(t.Context(), `INSERT INTO assets (id, state, state_since, first_seen, last_seen, missed_sweeps,
			last_sweep_id, merged_into, ip, vendor, mac_vendor, device_type, data) VALUES (?, 'active', 0, 0, 0, 0, '', '', '', '', '', '', ?)`,
			a.id, a.data); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Migrate(t.Context()); err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string][]string{
		store.SortIP:       {"a2", "a1", "a3"},
		store.SortHostname: {"a3", "a2", "a1"}, // 2001:… (its address), A-router, b-host
		store.SortMAC:      {"a3", "a2", "a1"},
		store.SortOS:       {"a3", "a2", "a1"},
		store.SortModel:    {"a1", "a2", "a3"},
	} {
		as, err := db.Assets(t.Context(), store.AssetFilter{Sort: k})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, a := range as {
			got = append(got, a.Record.AssetID)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("sort %s after the migration: got %v, want %v", k, got, want)
		}
	}
}
