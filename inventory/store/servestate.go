package store

import (
	"context"
	"time"
)

// ScheduleState is what the always-on service (serve/) remembers of one
// schedule across restarts: when it runs next and how it last ran.
type ScheduleState struct {
	Name        string
	NextRun     time.Time
	LastRun     time.Time // zero: never ran
	LastSweepID string
	// LastOutcome is "ok", "partial" or "failed" (empty: never ran).
	LastOutcome string
	LastError   string
}

// Alert is one delivery in the alert outbox: one event for one sink.
// Delivery is at-least-once; ID is the idempotency key a receiver
// deduplicates by.
type Alert struct {
	// ID is derived from the event and the sink (DerivedUUID), so queueing
	// the same event for the same sink twice stores it once.
	ID      string
	Sink    string
	EventID string
	Type    string // new_unapproved, missing, returned, ...
	Created time.Time
	// Payload is the JSON body the sink gets (before any sink framing).
	Payload     string
	Attempts    int
	NextAttempt time.Time
	// Delivered is when a sink accepted it; zero while pending.
	Delivered time.Time
	// Dead: given up after the sink's last attempt; kept for inspection.
	Dead      bool
	LastError string
}

// AlertFilter selects outbox rows, oldest first.
type AlertFilter struct {
	// Due lists only pending rows (not delivered, not dead) whose
	// NextAttempt is at or before Due.
	Due time.Time
	// Pending lists only rows neither delivered nor dead.
	Pending bool
	Limit   int // 0: all
}

// ServeState is the always-on service's own state: schedule times and the
// alert outbox. Both backends implement it beside Store; the contract
// suite (storetest) checks it.
type ServeState interface {
	// PutSchedule inserts or replaces a schedule's state by name.
	PutSchedule(ctx context.Context, s ScheduleState) error
	// Schedules lists every schedule's state, by name.
	Schedules(ctx context.Context) ([]ScheduleState, error)
	// EnqueueAlerts adds alerts; an ID already in the outbox is skipped
	// (its attempts and delivery are kept).
	EnqueueAlerts(ctx context.Context, as []Alert) error
	// UpdateAlert replaces an alert's delivery state (Attempts,
	// NextAttempt, Delivered, Dead, LastError) by ID.
	UpdateAlert(ctx context.Context, a Alert) error
	// Alerts lists outbox rows by Created, then ID.
	Alerts(ctx context.Context, f AlertFilter) ([]Alert, error)
}
