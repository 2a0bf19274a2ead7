package clickhouse

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/netcensus/netcensus/inventory/store"
)

// On a cluster: assets and annotations are Distributed tables over two
// shards, which send their rows interleaved, not by ID. The streamed
// listing still lists what Assets lists.
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
	for _, f := range []store.AssetFilter{{}, {Unapproved: true}, {States: []string{store.StateActive}}} {
		list, err := st.Assets(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for i := range list {
			b, _ := json.Marshal(&list[i].Record)
			want = append(want, string(b))
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
		slices.Sort(want)
		if len(want) == 0 || !slices.Equal(each, want) {
			t.Errorf("filter %+v: EachAsset listed %d assets, Assets %d, or others", f, len(each), len(want))
		}
	}
}
