package sqlite

import (
	"context"
	"fmt"

	"github.com/netcensus/netcensus/inventory/store"
)

var _ store.ServeState = (*DB)(nil)

// PutSchedule inserts or replaces a schedule's state.
func (d *DB) PutSchedule(ctx context.Context, s store.ScheduleState) error {
	_, err := d.c.ExecContext(ctx, `INSERT OR REPLACE INTO schedules (name, next_run, last_run, last_sweep_id, last_outcome, last_error)
		VALUES (?, ?, ?, ?, ?, ?)`, s.Name, unix(s.NextRun), unix(s.LastRun), s.LastSweepID, s.LastOutcome, s.LastError)
	if err != nil {
		return fmt.Errorf("store schedule %s: %w", s.Name, err)
	}
	return nil
}

// Schedules lists every schedule's state by name.
func (d *DB) Schedules(ctx context.Context) ([]store.ScheduleState, error) {
	rows, err := d.c.QueryContext(ctx, `SELECT name, next_run, last_run, last_sweep_id, last_outcome, last_error FROM schedules ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("list schedules: %w", err)
	}
	defer rows.Close()
	var out []store.ScheduleState
	for rows.Next() {
		var s store.ScheduleState
		var next, last int64
		if err := rows.Scan(&s.Name, &next, &last, &s.LastSweepID, &s.LastOutcome, &s.LastError); err != nil {
			return nil, fmt.Errorf("list schedules: %w", err)
		}
		s.NextRun, s.LastRun = fromUnix(next), fromUnix(last)
		out = append(out, s)
	}
	return out, rows.Err()
}

// EnqueueAlerts adds alerts; an ID already queued is left as it is.
func (d *DB) EnqueueAlerts(ctx context.Context, as []store.Alert) error {
	if len(as) == 0 {
		return nil
	}
	tx, err := d.begin(ctx)
	if err != nil {
		return fmt.Errorf("queue alerts: %w", err)
	}
	defer tx.Rollback()
	st, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO alert_outbox (id, sink, event_id, type, created, payload, attempts,
		next_attempt, delivered, dead, last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("queue alerts: %w", err)
	}
	defer st.Close()
	for _, a := range as {
		if _, err := st.ExecContext(ctx, a.ID, a.Sink, a.EventID, a.Type, unix(a.Created), a.Payload, a.Attempts,
			unix(a.NextAttempt), unix(a.Delivered), b2i(a.Dead), a.LastError); err != nil {
			return fmt.Errorf("queue alert %s: %w", a.ID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("queue alerts: %w", err)
	}
	return nil
}

// UpdateAlert replaces an alert's delivery state.
func (d *DB) UpdateAlert(ctx context.Context, a store.Alert) error {
	res, err := d.c.ExecContext(ctx, `UPDATE alert_outbox SET attempts = ?, next_attempt = ?, delivered = ?, dead = ?, last_error = ? WHERE id = ?`,
		a.Attempts, unix(a.NextAttempt), unix(a.Delivered), b2i(a.Dead), a.LastError, a.ID)
	if err != nil {
		return fmt.Errorf("update alert %s: %w", a.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("update alert %s: %w", a.ID, store.ErrNotFound)
	}
	return nil
}

// Alerts lists outbox rows, oldest first.
func (d *DB) Alerts(ctx context.Context, f store.AlertFilter) ([]store.Alert, error) {
	q := `SELECT id, sink, event_id, type, created, payload, attempts, next_attempt, delivered, dead, last_error FROM alert_outbox WHERE 1=1`
	var args []any
	if f.Pending || !f.Due.IsZero() {
		q += ` AND delivered = 0 AND dead = 0`
	}
	if !f.Due.IsZero() {
		q += ` AND next_attempt <= ?`
		args = append(args, unix(f.Due))
	}
	q += ` ORDER BY created, id`
	if f.Limit > 0 {
		q += ` LIMIT ?`
		args = append(args, f.Limit)
	}
	rows, err := d.c.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list alerts: %w", err)
	}
	defer rows.Close()
	var out []store.Alert
	for rows.Next() {
		var a store.Alert
		var created, next, delivered int64
		var dead int
		if err := rows.Scan(&a.ID, &a.Sink, &a.EventID, &a.Type, &created, &a.Payload, &a.Attempts, &next, &delivered, &dead, &a.LastError); err != nil {
			return nil, fmt.Errorf("list alerts: %w", err)
		}
		a.Created, a.NextAttempt, a.Delivered, a.Dead = fromUnix(created), fromUnix(next), fromUnix(delivered), dead != 0
		out = append(out, a)
	}
	return out, rows.Err()
}
