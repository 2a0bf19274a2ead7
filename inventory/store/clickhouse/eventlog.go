package clickhouse

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
)

// The event log (store.EventLog) on ClickHouse. Events carry ins, when
// they were stored (the writer's clock, never before the event's own
// time), and the table is ordered by (ins, id), so that a read of the
// events stored since a time (the log, and the API's events since T: an
// event of time T or later was stored at T or later) reads that part of
// the table alone. ins is no sequence: writers on several hosts stamp
// it, a cluster's shards store it apart, and an event in a change set
// becomes visible when the change set is committed, maybe long after it
// was stamped. So a read lists the visible events stored since its
// position less eventLogOverlap, and those of every change set
// committed since then (they were stamped after their change set
// began, which the txns table says): each event that became visible
// since the last read through, some of them again. The position is the
// time the last read through began; within a read, the last event
// listed ((ins, id), a keyset) and the read's own start.

// eventLogOverlap is how far before its position a read of the log
// begins: more than the writers' clocks differ from the reader's and
// than an event takes, from its stamp, to be visible outside a change
// set (its INSERT).
const eventLogOverlap = 2 * time.Minute

// logPos is a position in the event log.
type logPos struct {
	from  int64 // unix seconds: the last read through began
	round int64 // this read's start (0 before its first page)
	ins   int64 // the last event listed in this read (keyset), with id
	id    string
}

func (p logPos) String() string {
	return fmt.Sprintf("%d:%d:%d:%s", p.from, p.round, p.ins, p.id)
}

func parseLogPos(s string) (logPos, error) {
	f := strings.SplitN(s, ":", 4)
	var p logPos
	var err error
	if len(f) != 4 {
		return p, fmt.Errorf("event log position %q: %w", s, store.ErrInvalid)
	}
	n := [3]*int64{&p.from, &p.round, &p.ins}
	for i, x := range f[:3] {
		if *n[i], err = strconv.ParseInt(x, 10, 64); err != nil || *n[i] < 0 {
			return p, fmt.Errorf("event log position %q: %w", s, store.ErrInvalid)
		}
	}
	p.id = f[3]
	return p, nil
}

// EventLogFrom is the position of time t: every event of time t or
// later was stored at t or later.
func (d *DB) EventLogFrom(_ context.Context, t time.Time) (string, error) {
	return logPos{from: ts(store.Second(t)).Unix()}.String(), nil
}

// EventsStored lists the visible events stored since pos's time less
// eventLogOverlap, or in a change set committed since then, ordered by
// (ins, id), each once (LIMIT 1 BY id: a sweep replayed is stored
// again).
func (d *DB) EventsStored(ctx context.Context, pos string, types []string, limit int) ([]store.Event, string, error) {
	p, err := parseLogPos(pos)
	if err != nil {
		return nil, pos, err
	}
	if p.round == 0 {
		p.round = time.Now().Unix()
	}
	lo := max(p.from-int64(eventLogOverlap/time.Second), 0)
	// The change sets committed since lo, and the earliest begin of one:
	// their events were stamped after it.
	low := lo
	var txns []string
	rows, err := d.conn.Query(ctx, d.q(`SELECT txn, toUInt32(min(time)) FROM {db}.txns GROUP BY txn
		HAVING max(state) = 1 AND maxIf(time, state = 1) >= ?`), time.Unix(lo, 0).UTC())
	if err != nil {
		return nil, pos, fmt.Errorf("read event log: change sets: %w", err)
	}
	for rows.Next() {
		var txn string
		var begun uint32
		if err := rows.Scan(&txn, &begun); err != nil {
			rows.Close()
			return nil, pos, fmt.Errorf("read event log: change sets: %w", err)
		}
		txns = append(txns, txn)
		low = min(low, int64(begun))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, pos, fmt.Errorf("read event log: change sets: %w", err)
	}
	q := `SELECT id, time, sweep_id, seq, asset_id, type, field, old, new, actor, ins FROM {db}.events
		WHERE ins >= ? AND ` + d.visible()
	args := []any{time.Unix(lo, 0).UTC()}
	if len(txns) > 0 {
		q = `SELECT id, time, sweep_id, seq, asset_id, type, field, old, new, actor, ins FROM {db}.events
		WHERE ins >= ? AND (ins >= ? OR has(?, txn)) AND ` + d.visible()
		args = []any{time.Unix(low, 0).UTC(), time.Unix(lo, 0).UTC(), txns}
	}
	if p.id != "" {
		q += ` AND (ins, id) > (?, ?)`
		args = append(args, time.Unix(p.ins, 0).UTC(), p.id)
	}
	if len(types) > 0 {
		q += ` AND has(?, type)`
		args = append(args, types)
	}
	q += ` ORDER BY ins, id LIMIT 1 BY id`
	if limit > 0 {
		q += ` LIMIT ?`
		args = append(args, limit)
	}
	rows, err = d.conn.Query(ctx, d.q(q), args...)
	if err != nil {
		return nil, pos, fmt.Errorf("read event log: %w", err)
	}
	defer rows.Close()
	var out []store.Event
	for rows.Next() {
		var e store.Event
		var t, ins time.Time
		if err := rows.Scan(&e.ID, &t, &e.SweepID, &e.Seq, &e.AssetID, &e.Type, &e.Field, &e.Old, &e.New, &e.Actor, &ins); err != nil {
			return nil, pos, fmt.Errorf("read event log: %w", err)
		}
		e.Time = fromTS(t)
		out = append(out, e)
		p.ins, p.id = ins.Unix(), e.ID
	}
	if err := rows.Err(); err != nil {
		return nil, pos, fmt.Errorf("read event log: %w", err)
	}
	if limit <= 0 || len(out) < limit {
		// Through: the next read begins where this one did.
		p = logPos{from: p.round}
	}
	return out, p.String(), nil
}

// eventCols are the columns of events but ins.
const eventCols = `id, time, sweep_id, seq, asset_id, type, field, old, new, actor, txn`

// eventsTable is events as schema 11 makes it.
const eventsTable = `(id String, time DateTime, sweep_id String, seq Int64, asset_id String, type String, field String,
	old String, new String, actor String, txn String, ins DateTime) ENGINE = ReplacingMergeTree ORDER BY (ins, id)`

// rebuildEvents orders events by (ins, id), each event stored before
// taken as stored at its time: a new table filled from the old one, then
// renamed over it (each state an interrupted run leaves is picked up by
// the next, as rebuildTables does). A cluster's tables keep their order
// (a Replicated table's key does not change in place): the events
// stored before are written again with their time as ins, through the
// Distributed table to their own shard, where a merge keeps one row of
// each ID (ORDER BY id), and reads take one already (LIMIT 1 BY id).
func (d *DB) rebuildEvents(ctx context.Context) error {
	if d.distributed {
		if err := d.conn.Exec(d.insertCtx(ctx), d.q(`INSERT INTO {db}.events (`+eventCols+`, ins) SELECT `+eventCols+
			`, time FROM {db}.events WHERE ins = toDateTime(0)`)); err != nil {
			return fmt.Errorf("events stored before: %w", err)
		}
		return nil
	}
	engines := map[string]string{}
	rows, err := d.conn.Query(ctx, `SELECT name, engine_full FROM system.tables WHERE database = ? AND name IN ('events', 'events_new', 'events_old')`, d.name)
	if err != nil {
		return fmt.Errorf("rebuild events: %w", err)
	}
	for rows.Next() {
		var n, e string
		if err := rows.Scan(&n, &e); err != nil {
			rows.Close()
			return fmt.Errorf("rebuild events: %w", err)
		}
		engines[n] = e
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("rebuild events: %w", err)
	}
	var stmts []string
	switch e := engines["events"]; {
	case e != "" && !strings.Contains(e, "ORDER BY (ins, id)"):
		stmts = []string{
			`DROP TABLE IF EXISTS {db}.events_new`, // a copy cut short
			`CREATE TABLE {db}.events_new ` + eventsTable,
			`INSERT INTO {db}.events_new (` + eventCols + `, ins) SELECT ` + eventCols + `, if(ins = toDateTime(0), time, ins) FROM {db}.events`,
			`RENAME TABLE {db}.events TO {db}.events_old, {db}.events_new TO {db}.events`,
		}
	case e == "" && engines["events_new"] != "":
		stmts = []string{`RENAME TABLE {db}.events_new TO {db}.events`}
	}
	stmts = append(stmts, `DROP TABLE IF EXISTS {db}.events_old`)
	for _, q := range stmts {
		if err := d.conn.Exec(ctx, d.q(q)); err != nil {
			return fmt.Errorf("rebuild events: %w", err)
		}
	}
	return nil
}
