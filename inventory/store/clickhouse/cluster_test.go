package clickhouse

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"

	"github.com/netcensus/netcensus/inventory/store"
)

// On a cluster (README): assets and annotations are Distributed tables
// over two shards, which send their rows interleaved, not by ID. The JSON
// listing and the streamed one still list what Assets lists, rows whose
// JSON another revision stored included.
func TestListingOnTwoShards(t *testing.T) {
	ctx := t.Context()
	proto := openFresh(t).(*DB) // the schema, to copy
	name := proto.name + "_dist"
	exec := func(q string, args ...any) {
		t.Helper()
		if err := proto.conn.Exec(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	var tables []string
	rows, err := proto.conn.Query(ctx, `SELECT name FROM system.tables WHERE database = ? AND engine != 'View'`, proto.name)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	shardKey := map[string]string{"assets": "cityHash64(id)", "annotations": "cityHash64(asset_id)"}
	for _, db := range []string{"shard1", "shard2", name} {
		exec("DROP DATABASE IF EXISTS `" + db + "`")
		exec("CREATE DATABASE `" + db + "`")
		t.Cleanup(func() { proto.conn.Exec(ctx, "DROP DATABASE IF EXISTS `"+db+"`") })
		for _, tb := range tables {
			q := "CREATE TABLE `" + db + "`." + tb + " AS `" + proto.name + "`." + tb
			if k, ok := shardKey[tb]; ok && db == name {
				q += " ENGINE = Distributed(netcensus_two_shards, '', " + tb + ", " + k + ")"
			}
			exec(q)
		}
	}
	exec("INSERT INTO `" + name + "`.schema_migrations SELECT * FROM `" + proto.name + "`.schema_migrations")
	o := freshDB(t)
	o.Database = name
	st, err := Open(ctx, o)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if !st.distributed {
		t.Fatal("the Distributed assets table was not seen")
	}
	if n, err := st.Migrate(ctx); err != nil || n != 0 {
		t.Fatalf("migrate on the cluster: %d %v", n, err)
	}

	as := randomAssets(1200, 7)
	if err := st.PutAssets(ctx, as); err != nil {
		t.Fatal(err)
	}
	var ns []store.Annotation
	for i := 0; i < len(as); i += 3 {
		ns = append(ns, store.Annotation{AssetID: as[i].Record.AssetID, Approved: i%2 == 0, Site: "dc-1", Tags: []string{"t"}})
	}
	if err := st.Annotate(ctx, ns...); err != nil {
		t.Fatal(err)
	}
	for _, shard := range []string{"shard1", "shard2"} {
		var n uint64
		if err := st.conn.QueryRow(ctx, "SELECT count() FROM "+shard+".assets").Scan(&n); err != nil || n == 0 || n == uint64(len(as)) {
			t.Fatalf("%s holds %d of %d assets (%v): not spread", shard, n, len(as), err)
		}
	}
	check := func(phase string) {
		t.Helper()
		for _, f := range []store.AssetFilter{{}, {Unapproved: true}, {States: []string{store.StateActive}}} {
			list, err := st.Assets(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			var want, got []string
			for i := range list {
				b, _ := json.Marshal(&list[i].Record)
				want = append(want, string(b))
			}
			if err := st.AssetsJSON(ctx, f, func(b []byte) error { got = append(got, string(b)); return nil }); err != nil {
				t.Fatalf("%s: %v", phase, err)
			}
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("%s: filter %+v: AssetsJSON listed %d records, Assets %d, or others", phase, f, len(got), len(want))
			}
			var each []string
			if err := st.EachAsset(ctx, f, func(a *store.Asset) error {
				b, _ := json.Marshal(&a.Record)
				each = append(each, string(b))
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			slices.Sort(each)
			if !slices.Equal(each, want) {
				t.Errorf("%s: filter %+v: EachAsset listed %d assets, Assets %d, or others", phase, f, len(each), len(want))
			}
		}
	}
	check("stored JSON")
	for _, q := range []string{
		`INSERT INTO {db}.assets (id, state, state_since, first_seen, last_seen, missed_sweeps, last_sweep_id, merged_into, ip,
			vendor, mac_vendor, device_type, data, software_digest, json_head, json_tail, json_rev, ver)
			SELECT id, state, state_since, first_seen, last_seen, missed_sweeps, last_sweep_id, merged_into, ip, vendor, mac_vendor,
			device_type, data, software_digest, '{"garbled', '', toUInt64(7), ver + 1 FROM {db}.assets FINAL WHERE id < '4'`,
		`INSERT INTO {db}.annotations (asset_id, approved, approved_at, approved_by, site, role, owner, tags, updated, json, json_rev, ver)
			SELECT asset_id, approved, approved_at, approved_by, site, role, owner, tags, updated, '"garbled', toUInt64(7), ver + 1
			FROM {db}.annotations FINAL WHERE asset_id > 'c'`,
	} {
		if err := st.conn.Exec(ctx, st.q(q)); err != nil {
			t.Fatal(err)
		}
	}
	check("JSON of another revision in some assets and annotations")
	var out bytes.Buffer
	if err := st.AssetsJSON(ctx, store.AssetFilter{}, func(b []byte) error { out.Write(b); return nil }); err != nil || bytes.Contains(out.Bytes(), []byte("garbled")) {
		t.Errorf("stale JSON listed (%v)", err)
	}
}
