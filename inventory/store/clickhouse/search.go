package clickhouse

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/netcensus/netcensus/inventory/store"
)

// The search index (schema 9). ClickHouse 18.16 has no substring index,
// so a search (store.AssetFilter.Search: a MAC, an address, a name typed
// into the API or the UI) read every asset's searched columns: about
// 150 ms at 100,000 assets, and a two-core server fell behind long before
// 200 searches a second. asset_search holds every suffix of each asset's
// searched fields (store.SearchText, lower case), cut to searchTermLen
// bytes, in the table's key order: s is a substring of a field exactly
// when a suffix begins with s, a range of the key. The index names the
// candidates; the listing's own condition, on the asset's current row,
// decides. So a term left from an older version of the asset (an address
// it no longer has) costs a candidate, never a wrong answer, and nothing
// deletes terms.

// searchTermLen is how many bytes of each suffix are kept: a longer
// search looks its first searchTermLen bytes up.
const searchTermLen = 32

// searchIndexMin is the shortest search the index answers: a shorter one
// matches most assets, and reading them all is as quick.
const searchIndexMin = 3

// searchTable is the index's DDL (schema 9).
const searchTable = `CREATE TABLE IF NOT EXISTS {db}.asset_search (term String, asset_id String)
	ENGINE = ReplacingMergeTree ORDER BY (term, asset_id)`

// searchTerms are the index's terms of one asset: every suffix of each of
// its searched fields, cut to searchTermLen bytes, each once.
func searchTerms(text string) []string {
	var out []string
	seen := map[string]bool{}
	for line := range strings.SplitSeq(text, "\n") {
		for i := 0; i < len(line); {
			t := line[i:min(len(line), i+searchTermLen)]
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
			_, n := utf8.DecodeRuneInString(line[i:])
			i += n
		}
	}
	return out
}

// searchRange is the key range of the terms that begin with the lower-case
// search s, and whether the index answers s at all (long enough, and
// ASCII: the listing's case-insensitive match and Go's lower case agree
// there).
func searchRange(s string) (lo, hi string, ok bool) {
	if len(s) < searchIndexMin || strings.ContainsRune(s, '\n') {
		return "", "", false
	}
	if !isASCII(s) {
		return "", "", false
	}
	lo = s[:min(len(s), searchTermLen)]
	return lo, lo + "\xff", true // no UTF-8 text holds the byte 0xff
}

// searchCandidates are the IDs of the assets the index names for
// f.Search (none: an empty, not nil, slice), read before the listing,
// which then reads those assets by their IDs with their annotations
// beside, where the annotations of what the index's subquery found were
// read after the assets, one round trip more; and a search the index
// names nothing for reads no asset. Nil when the index does not answer
// f.Search, or names more than maxBound assets (a short term that many
// assets share): the listing reads the index by a subquery.
func (d *DB) searchCandidates(ctx context.Context, f store.AssetFilter) ([]string, error) {
	lo, hi, ok := searchRange(strings.ToLower(f.Search))
	if f.Search == "" || !ok {
		return nil, nil
	}
	rows, err := d.conn.Query(ctx, d.q(`SELECT DISTINCT asset_id FROM {db}.asset_search WHERE term >= ? AND term < ? LIMIT ?`),
		lo, hi, maxBound+1)
	if err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	defer rows.Close()
	ids := []string{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("search index: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	if len(ids) > maxBound {
		return nil, nil
	}
	return ids, nil
}

// putSearchTerms indexes the assets' searched fields.
func (d *DB) putSearchTerms(ctx context.Context, as []store.Asset) error {
	type row struct{ term, id string }
	var rows []row
	for i := range as {
		r := &as[i].Record
		for _, t := range searchTerms(store.SearchText(r)) {
			rows = append(rows, row{t, r.AssetID})
		}
	}
	return d.insert(ctx, "search terms", "asset_search", "term, asset_id", len(rows), func(i int) []any {
		return []any{rows[i].term, rows[i].id}
	})
}

// fillSearch indexes every stored asset (schema 9, on a store that held
// assets before the index): idempotent, the table keeps one row per term
// and asset.
func (d *DB) fillSearch(ctx context.Context) error {
	const batch = 5000
	var as []store.Asset
	err := d.EachAsset(ctx, store.AssetFilter{IncludeMerged: true}, func(a *store.Asset) error {
		as = append(as, *a)
		if len(as) == batch {
			err := d.putSearchTerms(ctx, as)
			as = as[:0]
			return err
		}
		return nil
	})
	if err == nil {
		err = d.putSearchTerms(ctx, as)
	}
	if err != nil {
		return fmt.Errorf("index searched fields: %w", err)
	}
	return nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// anys are xs as []any (a GroupSet binds its values as a tuple).
func anys[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}
