package clickhouse

import (
	"context"
	"fmt"
)

// The view assets_current since schema 10.
//
// It is what a user searches: WHERE mac = '...', serial = '...', model =
// '...'. ClickHouse runs a view as a subquery of the user's query, and
// 18.16 pushes no filter into it (enable_optimize_predicate_expression
// is off there by default, and a subquery with LIMIT BY or GROUP BY keeps
// it out in every release). Schema 7's view found each asset's newest
// committed version with an aggregation over every asset, (id, ver) IN
// (SELECT id, max(ver) ... GROUP BY id), then read every asset again
// through that set and deduplicated them (LIMIT 1 BY) before the user's
// filter saw a row: a search by MAC through it took 17 times the table's
// time (docs/benchmarks.md).
//
// Now the newest version of each asset is what FINAL's merge of the
// table's parts in key order keeps (ReplacingMergeTree(ver): the highest
// ver of each id, one row however many copies), and PREWHERE leaves the
// open change sets' rows out before that merge (PREWHERE runs before
// FINAL in 18.16 and in current releases alike), so a version still being
// written never hides the committed one. Nothing is aggregated: the merge
// streams the assets once, in the order they are stored, reading only
// the columns the user's query names, and the user's filter takes each
// row as it comes. Where ClickHouse pushes filters down (18.16 with
// enable_optimize_predicate_expression = 1, current releases by default,
// enable_optimize_predicate_expression_to_final_subquery) the filter
// joins the merge's own WHERE, which FINAL applies after the merge, so it
// means the same. What people said is joined after (ANY LEFT JOIN, the
// annotations alike); its subquery keeps a LIMIT 1 BY so that no release
// pushes a filter on it (NOT approved, an empty site) into the right side of
// the LEFT JOIN, where it would drop the annotations that do not match
// and leave their assets with the defaults, matching.
var assetsCurrent = `CREATE VIEW IF NOT EXISTS {db}.assets_current AS SELECT asset_id, state, first_seen, last_seen, state_since,
	merged_into, ` + recordColNames + `, approved, site, role, owner, tags
	FROM (SELECT id AS asset_id, state, first_seen, last_seen, state_since, merged_into, ` + recordColNames + `
		FROM {db}.assets FINAL PREWHERE txn NOT IN (SELECT txn FROM {db}.txns GROUP BY txn HAVING max(state) = 0))
	ANY LEFT JOIN (SELECT asset_id, approved, site, role, owner, tags FROM {db}.annotations FINAL
		PREWHERE txn NOT IN (SELECT txn FROM {db}.txns GROUP BY txn HAVING max(state) = 0)
		LIMIT 1 BY asset_id) USING asset_id`

// assetsCurrentSince is the schema version that made assetsCurrent as it
// is: 10 made it, 13 added software_count.
const assetsCurrentSince = 13

// currentViews are the views of the latest schema, as a cluster gets
// them (clusterView): txns_open and software_current as schema 6 made
// them, assets_current as schema 13 does.
func currentViews() []string {
	return []string{views[0], assetsCurrent, views[2]}
}

// replaceAssetsCurrent is the step of schemas 10 and 13: assets_current made anew.
func (d *DB) replaceAssetsCurrent(ctx context.Context) error {
	for _, q := range []string{`DROP TABLE IF EXISTS {db}.assets_current`, assetsCurrent} {
		if err := d.conn.Exec(ctx, d.q(q)); err != nil {
			return fmt.Errorf("view assets_current: %w", err)
		}
	}
	return nil
}
