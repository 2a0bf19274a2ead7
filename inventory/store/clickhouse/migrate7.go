package clickhouse

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// Schema 7 moves every stored record to typed columns and drops what
// held them before: the assets' data (a JSON record up to schema 1, a
// binary blob after) and stored listing JSON (json_head, json_tail,
// json_rev), the annotations' listing JSON (json, json_rev), and the
// observations' JSON (data). An asset is read back from its JSON (data
// when it is JSON, else json_head and json_tail, which together are the
// whole record's JSON); an asset stored by schema 2 alone (a blob and no
// JSON: a development build that never shipped) keeps the columns it has.
// Each part is idempotent: a run interrupted anywhere runs again.

// assetsCurrent7 is schema 7's assets_current: every record column, the
// bookkeeping and what people said, for the newest committed version of
// each asset (LIMIT 1 BY keeps one of a version copied twice; no ORDER
// BY: a user sorts what they select).
var assetsCurrent7 = `CREATE VIEW IF NOT EXISTS {db}.assets_current AS SELECT asset_id, state, first_seen, last_seen, state_since,
	merged_into, ` + recordColNames + `, approved, site, role, owner, tags
	FROM (SELECT id AS asset_id, state, first_seen, last_seen, state_since, merged_into, ` + recordColNames + `
		FROM {db}.assets WHERE (id, ver) IN (SELECT id, max(ver) FROM {db}.assets
			WHERE txn NOT IN (SELECT txn FROM {db}.txns GROUP BY txn HAVING max(state) = 0) GROUP BY id)
		LIMIT 1 BY id)
	ANY LEFT JOIN (SELECT asset_id, approved, site, role, owner, tags FROM {db}.annotations
		WHERE (asset_id, ver) IN (SELECT asset_id, max(ver) FROM {db}.annotations
			WHERE txn NOT IN (SELECT txn FROM {db}.txns GROUP BY txn HAVING max(state) = 0) GROUP BY asset_id)
		LIMIT 1 BY asset_id) USING asset_id`

// droppedColumns are the columns schema 7 drops.
var droppedColumns = []struct{ table, name string }{
	{"assets", "data"}, {"assets", "json_head"}, {"assets", "json_tail"}, {"assets", "json_rev"},
	{"annotations", "json"}, {"annotations", "json_rev"}, {"observations", "data"},
}

// moveToColumns is schema 7's rewrite.
func (d *DB) moveToColumns(ctx context.Context) error {
	// Schema 5's rebuild of assets (in the same run) made the table
	// afresh, without the record columns.
	if err := d.addColumns(ctx, append(recordColumnsOf("assets"), recordColumnsOf("observations")...)); err != nil {
		return fmt.Errorf("record columns: %w", err)
	}
	if err := d.createViews(ctx); err != nil {
		return err
	}
	for _, q := range []string{`DROP TABLE IF EXISTS {db}.assets_current`, assetsCurrent7} {
		if err := d.conn.Exec(ctx, d.q(q)); err != nil {
			return fmt.Errorf("view assets_current: %w", err)
		}
	}
	if d.distributed {
		// A cluster's tables are made at the latest schema by store init
		// --cluster; rewrites and drops are per shard.
		return nil
	}
	// The rewrites below add and drop no column: one look at them serves.
	have, err := d.tableColumns(ctx)
	if err != nil {
		return err
	}
	if !have[[2]string{"assets", "data"}] {
		return nil // done before
	}
	if err := d.assetsToColumns(ctx); err != nil {
		return fmt.Errorf("assets to typed columns: %w", err)
	}
	if have[[2]string{"observations", "data"}] {
		if err := d.observationsToColumns(ctx); err != nil {
			return fmt.Errorf("observations to typed columns: %w", err)
		}
	}
	for _, c := range droppedColumns {
		if !have[[2]string{c.table, c.name}] {
			continue
		}
		if err := d.conn.Exec(ctx, d.q(`ALTER TABLE {db}.`+c.table+` DROP COLUMN `+c.name)); err != nil {
			return fmt.Errorf("drop %s.%s: %w", c.table, c.name, err)
		}
	}
	return nil
}

func (d *DB) hasColumn(ctx context.Context, table, name string) (bool, error) {
	var n uint64
	if err := d.conn.QueryRow(ctx, `SELECT count() FROM system.columns WHERE database = ? AND table = ? AND name = ?`,
		d.name, table, name).Scan(&n); err != nil {
		return false, fmt.Errorf("columns of %s: %w", table, err)
	}
	return n > 0, nil
}

// oldRecord reads a record stored as JSON before schema 7: data when it
// is JSON, else the listing JSON's two parts; ok is false when neither
// is there.
func oldRecord(data, head, tail string) (r record.Asset, ok bool, err error) {
	switch {
	case len(data) > 0 && data[0] == '{':
		err = json.Unmarshal([]byte(data), &r)
	case head != "":
		// head is the record's JSON up to the annotation's fields, without
		// its closing brace; tail the rest, from a comma, or "}".
		err = json.Unmarshal([]byte(head+"}"), &r)
		if err == nil && len(tail) > 1 {
			err = json.Unmarshal([]byte("{"+tail[1:]), &r)
		}
	default:
		return r, false, nil
	}
	return r, err == nil, err
}

// assetsToColumns writes each current asset stored as JSON again, with
// its record columns (a new version; its data and JSON left empty).
func (d *DB) assetsToColumns(ctx context.Context) error {
	from, args := d.from(ctx, rowsWhere{where: `data != '' OR json_head != ''`},
		`id, state, state_since, first_seen, last_seen, missed_sweeps, last_sweep_id, merged_into, software_digest, data, json_head, json_tail`)
	rows, err := d.conn.Query(ctx, d.q(`SELECT id, state, state_since, first_seen, last_seen, missed_sweeps, last_sweep_id,
		merged_into, software_digest, data, json_head, json_tail FROM `+from), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var batch []store.Asset
	for rows.Next() {
		var a store.Asset
		var id, state, data, head, tail string
		var since, first, last time.Time
		var missed uint32
		if err := rows.Scan(&id, &state, &since, &first, &last, &missed, &a.LastSweepID, &a.MergedInto, &a.SoftwareDigest,
			&data, &head, &tail); err != nil {
			return err
		}
		rec, ok, err := oldRecord(data, head, tail)
		if err != nil {
			return fmt.Errorf("asset %s: %w", id, err)
		}
		if !ok {
			// A schema 2 blob: its columns are what is left of it.
			if rec, err = d.assetColumnsOnly(ctx, id); err != nil {
				return fmt.Errorf("asset %s: %w", id, err)
			}
		}
		a.Record = rec
		a.Record.AssetID, a.Record.State, a.MissedSweeps = id, state, int(missed)
		a.Record.FirstSeen, a.Record.LastSeen, a.StateSince = fromTS(first), fromTS(last), fromTS(since)
		a.Record.Approved, a.Record.Site, a.Record.Role, a.Record.Owner, a.Record.Tags = nil, "", "", "", nil
		if batch = append(batch, a); len(batch) == 4096 {
			if err := d.PutAssets(ctx, batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return d.PutAssets(ctx, batch)
}

// assetColumnsOnly is the record an asset's typed columns of schema 6
// hold, for an asset whose stored record cannot be read.
func (d *DB) assetColumnsOnly(ctx context.Context, id string) (record.Asset, error) {
	var r record.Asset
	var ip, mac string
	var sources, ips, macs []string
	from, args := d.cur(ctx, "assets", "id", `id, ip, mac, hostname, vendor, mac_vendor, model, serial, os, os_version,
		device_type, sys_name, sys_object_id, location, sources, ips, macs`, `id = ?`, id)
	err := d.conn.QueryRow(ctx, d.q(`SELECT ip, mac, hostname, vendor, mac_vendor, model, serial, os, os_version, device_type,
		sys_name, sys_object_id, location, sources, ips, macs FROM `+from), args...).Scan(&ip, &mac, &r.Hostname, &r.Vendor,
		&r.MACVendor, &r.Model, &r.Serial, &r.OS, &r.OSVersion, &r.DeviceType, &r.SysName, &r.SysObjectID, &r.SysLocation,
		&sources, &ips, &macs)
	if err != nil {
		return r, err
	}
	r.IP, r.MAC = parseAddr(ip), parseMAC(mac)
	for _, s := range sources {
		r.Sources = append(r.Sources, record.Source(s))
	}
	for _, s := range ips {
		r.IPs = append(r.IPs, parseAddr(s))
	}
	for _, s := range macs {
		r.MACs = append(r.MACs, parseMAC(s))
	}
	return r, nil
}

// observationsToColumns writes each observation stored with its JSON
// again, with the record columns, in its own change set, then deletes the
// rows with JSON (one mutation, waited for). Interrupted between the two,
// a run writes the rows again: one row each to every read (LIMIT 1 BY
// id), and after a merge.
func (d *DB) observationsToColumns(ctx context.Context) error {
	rows, err := d.conn.Query(ctx, d.q(`SELECT id, sweep_id, asset_id, time, source, scanner, data, txn
		FROM {db}.observations WHERE data != ''`))
	if err != nil {
		return err
	}
	defer rows.Close()
	type obs struct {
		o   store.Observation
		txn string
	}
	var batch []obs
	var rr recordRow
	flush := func() error {
		err := d.insertRows(ctx, "observations", "observations", `id, sweep_id, asset_id, time, source, scanner, txn, `+recordColNames,
			false, len(batch), func(i int) []any {
				o := &batch[i].o
				rr.fromRecord(&o.Asset)
				return append([]any{o.ID, o.SweepID, o.AssetID, ts(o.Time), string(o.Source), o.Scanner, batch[i].txn}, rr.values()...)
			})
		batch = batch[:0]
		return err
	}
	for rows.Next() {
		var x obs
		var t time.Time
		var src, data string
		if err := rows.Scan(&x.o.ID, &x.o.SweepID, &x.o.AssetID, &t, &src, &x.o.Scanner, &data, &x.txn); err != nil {
			return err
		}
		x.o.Time, x.o.Source = fromTS(t), record.Source(src)
		if err := json.Unmarshal([]byte(data), &x.o.Asset); err != nil {
			return fmt.Errorf("observation %s: %w", x.o.ID, err)
		}
		if batch = append(batch, x); len(batch) == 4096 {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	if err := flush(); err != nil {
		return err
	}
	if err := d.conn.Exec(ctx, d.q(`ALTER TABLE {db}.observations DELETE WHERE data != ''`)); err != nil {
		return err
	}
	return d.waitMutations(ctx, d.conn, "observations")
}
