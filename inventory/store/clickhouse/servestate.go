package clickhouse

import (
	"context"
	"fmt"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
)

var _ store.ServeState = (*DB)(nil)

// PutSchedule inserts or replaces a schedule's state (a newer version of
// its row).
func (d *DB) PutSchedule(ctx context.Context, s store.ScheduleState) error {
	return d.insert(ctx, "schedule "+s.Name, "schedules", "name, next_run, last_run, last_sweep_id, last_outcome, last_error, ver", 1,
		func(int) []any {
			return []any{s.Name, ts(s.NextRun), ts(s.LastRun), s.LastSweepID, s.LastOutcome, s.LastError, d.nextVer()}
		})
}

// Schedules lists every schedule's state by name.
func (d *DB) Schedules(ctx context.Context) ([]store.ScheduleState, error) {
	rows, err := d.conn.Query(ctx, d.q(`SELECT name, next_run, last_run, last_sweep_id, last_outcome, last_error
		FROM {db}.schedules FINAL ORDER BY name`))
	if err != nil {
		return nil, fmt.Errorf("list schedules: %w", err)
	}
	defer rows.Close()
	var out []store.ScheduleState
	for rows.Next() {
		var s store.ScheduleState
		var next, last time.Time
		if err := rows.Scan(&s.Name, &next, &last, &s.LastSweepID, &s.LastOutcome, &s.LastError); err != nil {
			return nil, fmt.Errorf("list schedules: %w", err)
		}
		s.NextRun, s.LastRun = fromTS(next), fromTS(last)
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list schedules: %w", err)
	}
	return out, nil
}

const alertCols = "id, sink, event_id, type, created, payload, attempts, next_attempt, delivered, dead, last_error, ver"

func (d *DB) putAlerts(ctx context.Context, what string, as []store.Alert) error {
	return d.insert(ctx, what, "alert_outbox", alertCols, len(as), func(i int) []any {
		a := as[i]
		return []any{a.ID, a.Sink, a.EventID, a.Type, ts(a.Created), a.Payload, uint32(a.Attempts), ts(a.NextAttempt),
			ts(a.Delivered), b2u(a.Dead), a.LastError, d.nextVer()}
	})
}

// EnqueueAlerts adds the alerts whose ID is not queued yet.
func (d *DB) EnqueueAlerts(ctx context.Context, as []store.Alert) error {
	if len(as) == 0 {
		return nil
	}
	ids := make([]string, len(as))
	for i, a := range as {
		ids[i] = a.ID
	}
	have := map[string]bool{}
	rows, err := d.conn.Query(ctx, d.q(`SELECT DISTINCT id FROM {db}.alert_outbox WHERE id IN (SELECT arrayJoin(?))`), ids)
	if err != nil {
		return fmt.Errorf("queue alerts: %w", err)
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return fmt.Errorf("queue alerts: %w", err)
		}
		have[id] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("queue alerts: %w", err)
	}
	var fresh []store.Alert
	for _, a := range as {
		if !have[a.ID] {
			have[a.ID] = true
			fresh = append(fresh, a)
		}
	}
	return d.putAlerts(ctx, "alerts", fresh)
}

// UpdateAlert replaces an alert's delivery state by ID.
func (d *DB) UpdateAlert(ctx context.Context, a store.Alert) error {
	cur, err := d.alerts(ctx, `WHERE id = ?`, []any{a.ID}, 1)
	if err != nil {
		return fmt.Errorf("update alert %s: %w", a.ID, err)
	}
	if len(cur) == 0 {
		return fmt.Errorf("update alert %s: %w", a.ID, store.ErrNotFound)
	}
	c := cur[0]
	c.Attempts, c.NextAttempt, c.Delivered, c.Dead, c.LastError = a.Attempts, a.NextAttempt, a.Delivered, a.Dead, a.LastError
	return d.putAlerts(ctx, "alert "+a.ID, []store.Alert{c})
}

// Alerts lists outbox rows, oldest first.
func (d *DB) Alerts(ctx context.Context, f store.AlertFilter) ([]store.Alert, error) {
	where := `WHERE 1`
	var args []any
	if f.Pending || !f.Due.IsZero() {
		where += ` AND toUInt32(delivered) = 0 AND dead = 0`
	}
	if !f.Due.IsZero() {
		where += ` AND next_attempt <= ?`
		args = append(args, ts(f.Due))
	}
	return d.alerts(ctx, where, args, f.Limit)
}

func (d *DB) alerts(ctx context.Context, where string, args []any, limit int) ([]store.Alert, error) {
	// The condition applies to the merged rows (FINAL in a subquery), not
	// to a superseded version of a row.
	q := `SELECT id, sink, event_id, type, created, payload, attempts, next_attempt, delivered, dead, last_error
		FROM (SELECT * FROM {db}.alert_outbox FINAL) ` + where + ` ORDER BY created, id`
	if limit > 0 {
		q += fmt.Sprintf(` LIMIT %d`, limit)
	}
	rows, err := d.conn.Query(ctx, d.q(q), args...)
	if err != nil {
		return nil, fmt.Errorf("list alerts: %w", err)
	}
	defer rows.Close()
	var out []store.Alert
	for rows.Next() {
		var a store.Alert
		var created, next, delivered time.Time
		var attempts uint32
		var dead uint8
		if err := rows.Scan(&a.ID, &a.Sink, &a.EventID, &a.Type, &created, &a.Payload, &attempts, &next, &delivered, &dead, &a.LastError); err != nil {
			return nil, fmt.Errorf("list alerts: %w", err)
		}
		a.Created, a.NextAttempt, a.Delivered = fromTS(created), fromTS(next), fromTS(delivered)
		a.Attempts, a.Dead = int(attempts), dead != 0
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list alerts: %w", err)
	}
	return out, nil
}
