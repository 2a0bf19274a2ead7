package serve

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/netip"
	"net/url"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/netcensus/netcensus/inventory/capacity"
	"github.com/netcensus/netcensus/inventory/store"
)

// Delivery is at-least-once: an alert stays in the store's outbox until
// its sink accepts it (a 2xx answer, an exec hook exiting 0), across
// restarts and sink outages, retried with exponential backoff. A sink can
// see an alert twice (accepted, then the service stopped before it wrote
// so down); the payload's idempotency_key is the same each time, for the
// receiver to drop the second.

// Alert types (config.AlertTypes).
const (
	AlertNewUnapproved = "new_unapproved"
	AlertMissing       = "missing"
	AlertReturned      = "returned"
	AlertDrift         = "drift"
	AlertCapacity      = "capacity"
	AlertSweepFailed   = "sweep_failed"
)

// Sink kinds.
const (
	SinkWebhook = "webhook"
	SinkSlack   = "slack"
	SinkExec    = "exec"
)

// Sink is one alert destination with its filters.
type Sink struct {
	Name    string
	Kind    string
	URL     string
	HMAC    string
	Command []string
	// Filters; empty matches everything. Sites and subnets match the
	// asset's site and addresses (an alert without an asset matches only
	// sinks without those filters).
	Types       []string
	Sites       []string
	Subnets     []netip.Prefix
	MaxAttempts int           // 0: 20
	Timeout     time.Duration // 0: 10 s
}

// Payload is an alert's JSON body.
type Payload struct {
	// IdempotencyKey is the same on every delivery of one alert to one
	// sink.
	IdempotencyKey string    `json:"idempotency_key"`
	Type           string    `json:"type"`
	Time           time.Time `json:"time"`
	EventID        string    `json:"event_id,omitempty"`
	AssetID        string    `json:"asset_id,omitempty"`
	IP             string    `json:"ip,omitempty"`
	IPs            []string  `json:"ips,omitempty"`
	MAC            string    `json:"mac,omitempty"`
	Hostname       string    `json:"hostname,omitempty"`
	Vendor         string    `json:"vendor,omitempty"`
	Site           string    `json:"site,omitempty"`
	Field          string    `json:"field,omitempty"`
	Old            string    `json:"old,omitempty"`
	New            string    `json:"new,omitempty"`
	Schedule       string    `json:"schedule,omitempty"`
	Error          string    `json:"error,omitempty"`
	Summary        string    `json:"summary"`
}

// alertType maps a stored event to an alert type ("" for none).
func alertType(e store.Event) string {
	switch {
	case e.Type == store.EventNewUnapproved:
		return AlertNewUnapproved
	case e.Type == store.EventState && e.New == store.StateMissing:
		return AlertMissing
	case e.Type == store.EventState && e.New == store.StateReturned:
		return AlertReturned
	case e.Type == store.EventCompliance && strings.HasPrefix(e.New, "violation"):
		return AlertDrift
	}
	return ""
}

func (k *Sink) matches(p *Payload, addrs []netip.Addr) bool {
	if len(k.Types) > 0 && !slices.Contains(k.Types, p.Type) {
		return false
	}
	if len(k.Sites) > 0 && !slices.Contains(k.Sites, p.Site) {
		return false
	}
	if len(k.Subnets) > 0 {
		for _, pf := range k.Subnets {
			for _, a := range addrs {
				if pf.Contains(a) {
					return true
				}
			}
		}
		return false
	}
	return true
}

// alertCursor names the outbox's read position in the events, kept as a
// ScheduleState (schedule names cannot start with "@"): LastSweepID is
// logPrefix and the store's event log position (store.EventLog),
// LastRun when the events were last read through. A cursor without the
// prefix is of an older netcensus, which read by the events' time: its
// LastRun was the time of the last event read.
const alertCursor = "@alerts"

const logPrefix = "log:"

// notifier wakes long-polls and SSE streams when events may have come.
type notifier struct {
	mu sync.Mutex
	ch chan struct{}
}

func newNotifier() *notifier { return &notifier{ch: make(chan struct{})} }

func (n *notifier) wait() <-chan struct{} {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.ch
}

func (n *notifier) broadcast() {
	n.mu.Lock()
	close(n.ch)
	n.ch = make(chan struct{})
	n.mu.Unlock()
}

// alertTypes are the event types alerts come from.
var alertTypes = []string{store.EventNewUnapproved, store.EventState, store.EventCompliance}

// alertPage is how many events one read takes.
const alertPage = 5000

// cursorSave is how often, at most, the alert loop writes its position
// when it read nothing (ClickHouse's moves every round).
const cursorSave = time.Minute

// eventReader is the alert loop's place in the events: a position in
// the store's event log, the order events were stored in, not their time
// (a sweep's events are stamped with its end, a drift finding's with
// when it began, and stored later: behind events read already).
type eventReader struct {
	pos string
	// seen are the events the last round read: a store may list them
	// again (ClickHouse reads an overlap), they are not queued twice.
	// (After a restart the outbox's IDs drop them.)
	seen  map[string]bool
	saved time.Time // when pos was last written
}

// alertLoop queues new events for the sinks and delivers due alerts,
// every PollInterval and whenever a sweep ends, until ctx ends. r comes
// from loadCursor, read before the API accepts a run: a sweep started at
// once must not end before alerts begin.
func (s *Server) alertLoop(ctx context.Context, r *eventReader) {
	s.refreshGauges(ctx)
	for {
		wake := s.notify.wait()
		s.queueEvents(ctx, r)
		s.deliver(ctx)
		t := time.NewTimer(s.options().PollInterval)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		case <-wake:
			t.Stop()
		}
	}
}

// loadCursor returns the stored position; on the first start, the log's
// position now, when alerts begin (not with the whole history); after a
// netcensus that read by time, the position of its last event's time
// (events stored since are read, the outbox's IDs drop those queued).
func (s *Server) loadCursor(ctx context.Context) *eventReader {
	r := &eventReader{seen: map[string]bool{}}
	ss, err := s.deps.State.Schedules(ctx)
	if err != nil {
		s.storeError("read alert cursor", err)
	}
	from := s.deps.Now()
	for _, st := range ss {
		if st.Name != alertCursor {
			continue
		}
		if pos, ok := strings.CutPrefix(st.LastSweepID, logPrefix); ok {
			r.pos, r.saved = pos, st.LastRun
			s.sender.setCursor(st.LastRun)
			return r
		}
		from = st.LastRun
	}
	for {
		pos, err := s.deps.Inventory.Store().EventLogFrom(ctx, from)
		if err == nil {
			r.pos = pos
			break
		}
		s.storeError("read alert cursor", err)
		select { // alerts cannot begin anywhere else
		case <-ctx.Done():
			return r
		case <-time.After(s.options().PollInterval):
		}
	}
	now := store.Second(s.deps.Now())
	s.putSchedules(ctx, []store.ScheduleState{{Name: alertCursor, LastRun: now, LastSweepID: logPrefix + r.pos}})
	r.saved = now
	return r
}

// queueEvents turns the events stored since the position into outbox
// rows, one per matching sink, and moves the position.
func (s *Server) queueEvents(ctx context.Context, r *eventReader) {
	if r.pos == "" {
		return // no position: the store did not answer before ctx ended
	}
	st := s.deps.Inventory.Store()
	start := store.Second(s.deps.Now())
	pos, read := r.pos, 0
	seen := map[string]bool{}
	assets := map[string]*store.Asset{}
	for {
		es, next, err := st.EventsStored(ctx, pos, alertTypes, alertPage)
		if err != nil {
			s.storeError("read events for alerts", err)
			return
		}
		fresh := es[:0:0]
		for _, e := range es {
			if !r.seen[e.ID] && !seen[e.ID] {
				fresh = append(fresh, e)
			}
			seen[e.ID] = true
		}
		if err := s.queueEventAlerts(ctx, fresh, assets); err != nil {
			s.storeError("queue alerts", err)
			return
		}
		pos, read = next, read+len(fresh)
		if len(es) < alertPage {
			break
		}
	}
	r.seen = seen
	s.sender.setCursor(start)
	if pos != r.pos && (read > 0 || start.Sub(r.saved) >= cursorSave) {
		s.putSchedules(ctx, []store.ScheduleState{{Name: alertCursor, LastRun: start, LastSweepID: logPrefix + pos}})
		r.saved = start
	}
	r.pos = pos
}

// queueEventAlerts queues the alerts of es, one outbox row per matching
// sink; assets caches the events' assets. An event queued before (its
// alert's ID is in the outbox) is not queued again.
func (s *Server) queueEventAlerts(ctx context.Context, es []store.Event, assets map[string]*store.Asset) error {
	sinks := s.options().Sinks
	if len(sinks) == 0 {
		return nil
	}
	st := s.deps.Inventory.Store()
	var rows []store.Alert
	for _, e := range es {
		typ := alertType(e)
		if typ == "" {
			continue
		}
		a, ok := assets[e.AssetID]
		if !ok {
			if x, err := st.Asset(ctx, e.AssetID); err == nil {
				a = &x
			}
			assets[e.AssetID] = a
		}
		p := Payload{Type: typ, Time: e.Time, EventID: e.ID, AssetID: e.AssetID, Field: e.Field, Old: e.Old, New: e.New}
		var addrs []netip.Addr
		if a != nil {
			addrs = fillAsset(&p, a)
		}
		p.Summary = summary(&p)
		rows = append(rows, s.alertRows(sinks, e.ID, e.Time, &p, addrs)...)
	}
	if len(rows) == 0 {
		return nil
	}
	return s.deps.State.EnqueueAlerts(ctx, rows)
}

func fillAsset(p *Payload, a *store.Asset) []netip.Addr {
	r := &a.Record
	var addrs []netip.Addr
	if r.IP.IsValid() {
		p.IP = r.IP.String()
		addrs = append(addrs, r.IP)
	}
	for _, ip := range r.IPs {
		p.IPs = append(p.IPs, ip.String())
		addrs = append(addrs, ip)
	}
	if r.MAC != nil {
		p.MAC = r.MAC.String()
	}
	p.Hostname, p.Vendor, p.Site = r.Hostname, r.Vendor, r.Site
	return addrs
}

func summary(p *Payload) string {
	who := p.Hostname
	if who == "" {
		who = p.IP
	}
	if who == "" {
		who = p.AssetID
	}
	switch p.Type {
	case AlertNewUnapproved:
		return fmt.Sprintf("new unapproved device %s (%s %s)", who, p.MAC, p.Vendor)
	case AlertMissing:
		return fmt.Sprintf("device %s is missing", who)
	case AlertReturned:
		return fmt.Sprintf("device %s returned", who)
	case AlertDrift:
		return fmt.Sprintf("device %s out of compliance: %s %s", who, p.Field, p.New)
	case AlertCapacity:
		return fmt.Sprintf("capacity %s on %s: %s", p.New, who, p.Field)
	case AlertSweepFailed:
		return fmt.Sprintf("sweep of %s failed: %s", p.Schedule, p.Error)
	}
	return p.Type
}

// alertRows makes one outbox row per sink that wants p.
func (s *Server) alertRows(sinks []Sink, key string, at time.Time, p *Payload, addrs []netip.Addr) []store.Alert {
	var rows []store.Alert
	for i := range sinks {
		k := &sinks[i]
		if !k.matches(p, addrs) {
			continue
		}
		q := *p
		q.IdempotencyKey = store.DerivedUUID(key+"/"+k.Name, 0)
		body, err := json.Marshal(q)
		if err != nil {
			continue
		}
		rows = append(rows, store.Alert{ID: q.IdempotencyKey, Sink: k.Name, EventID: p.EventID, Type: p.Type,
			Created: at, Payload: string(body), NextAttempt: at})
	}
	return rows
}

// queueSweepFailed queues a sweep_failed alert.
func (s *Server) queueSweepFailed(ctx context.Context, runID, schedule, errText string, at time.Time) {
	p := Payload{Type: AlertSweepFailed, Time: store.Second(at), Schedule: schedule, Error: errText}
	p.Summary = summary(&p)
	if err := s.deps.State.EnqueueAlerts(ctx, s.alertRows(s.options().Sinks, "run/"+runID, at, &p, nil)); err != nil {
		s.storeError("queue alerts", err)
	}
	s.notify.broadcast()
}

// queueCapacity queues one capacity alert per flagged series and day.
func (s *Server) queueCapacity(ctx context.Context, rows []CapacityRow) {
	sinks := s.options().Sinks
	if len(sinks) == 0 {
		return
	}
	now := s.deps.Now().UTC()
	day := now.Format("2006-01-02")
	var out []store.Alert
	for _, r := range rows {
		if r.Flag != capacity.FlagWarn && r.Flag != capacity.FlagFull {
			continue
		}
		p := Payload{Type: AlertCapacity, Time: store.Second(now), AssetID: r.AssetID, Hostname: r.Hostname,
			Field: r.Metric + " " + r.Instance, New: strings.ToUpper(r.Flag)}
		var addrs []netip.Addr
		if a, err := s.deps.Inventory.Store().Asset(ctx, r.AssetID); err == nil {
			addrs = fillAsset(&p, &a)
		}
		p.Summary = summary(&p)
		out = append(out, s.alertRows(sinks, "capacity/"+r.AssetID+"/"+r.Metric+"/"+r.Instance+"/"+r.Flag+"/"+day, now, &p, addrs)...)
	}
	if err := s.deps.State.EnqueueAlerts(ctx, out); err != nil {
		s.storeError("queue alerts", err)
	}
}

// backoff is the wait after the n-th failed attempt: 5 s doubling, at
// most an hour.
func backoff(n int) time.Duration {
	d := 5 * time.Second
	for i := 1; i < n && d < time.Hour; i++ {
		d *= 2
	}
	return min(d, time.Hour)
}

// deliver sends the due alerts, one attempt each.
func (s *Server) deliver(ctx context.Context) {
	sinks := map[string]*Sink{}
	o := s.options()
	for i := range o.Sinks {
		sinks[o.Sinks[i].Name] = &o.Sinks[i]
	}
	due, err := s.deps.State.Alerts(ctx, store.AlertFilter{Due: s.deps.Now(), Limit: 200})
	if err != nil {
		s.storeError("read outbox", err)
		return
	}
	down := map[string]bool{} // a sink that failed is not tried again this round
	for _, a := range due {
		if ctx.Err() != nil {
			return
		}
		k := sinks[a.Sink]
		if k == nil || down[a.Sink] {
			continue // a sink removed from the config keeps its alerts queued
		}
		err := s.send(ctx, k, []byte(a.Payload))
		now := s.deps.Now()
		a.Attempts++
		if err == nil {
			a.Delivered, a.LastError = now, ""
			s.metrics.deliveries.WithLabelValues(k.Name, "ok").Inc()
			s.sender.attempt(k.Name, "ok", now, "")
		} else {
			down[a.Sink] = true
			a.LastError = err.Error()
			a.NextAttempt = now.Add(backoff(a.Attempts))
			maxAttempts := k.MaxAttempts
			if maxAttempts <= 0 {
				maxAttempts = 20
			}
			result := "failed"
			if a.Attempts >= maxAttempts {
				a.Dead, result = true, "dead"
			}
			s.metrics.deliveries.WithLabelValues(k.Name, result).Inc()
			s.sender.attempt(k.Name, result, now, a.LastError)
			s.log.Warn("alert delivery failed", "sink", k.Name, "alert", a.ID, "attempt", a.Attempts, "err", err)
		}
		if err := s.deps.State.UpdateAlert(context.WithoutCancel(ctx), a); err != nil {
			s.storeError("update outbox", err)
		}
	}
	if p, err := s.deps.State.Alerts(ctx, store.AlertFilter{Pending: true}); err == nil {
		s.metrics.outboxPending.Set(float64(len(p)))
		bySink := map[string]int{}
		for _, a := range p {
			bySink[a.Sink]++
		}
		s.sender.round(s.deps.Now(), bySink)
	}
}

// send makes one delivery attempt.
func (s *Server) send(ctx context.Context, k *Sink, payload []byte) error {
	timeout := k.Timeout
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	switch k.Kind {
	case SinkExec:
		return s.deps.Exec(ctx, k.Command, payload)
	case SinkSlack:
		var p Payload
		if err := json.Unmarshal(payload, &p); err != nil {
			return err
		}
		body, _ := json.Marshal(map[string]string{"text": "netcensus: " + p.Summary + " [" + p.IdempotencyKey + "]"})
		return s.post(ctx, k, body)
	default:
		return s.post(ctx, k, payload)
	}
}

func (s *Server) post(ctx context.Context, k *Sink, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, k.URL, bytes.NewReader(body))
	if err != nil {
		return errors.New("bad sink URL") // the URL may hold a secret: never in the error
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "netcensus")
	if k.HMAC != "" {
		m := hmac.New(sha256.New, []byte(k.HMAC))
		m.Write(body)
		req.Header.Set("X-Netcensus-Signature", "sha256="+hex.EncodeToString(m.Sum(nil)))
	}
	resp, err := s.deps.HTTPClient.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // drop the URL, which may hold a secret
		}
		return fmt.Errorf("post to sink %s: %w", k.Name, err)
	}
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("sink %s answered %s", k.Name, resp.Status)
	}
	return nil
}

// execCommand runs argv with stdin, bounded by ctx.
func execCommand(ctx context.Context, argv []string, stdin []byte) error {
	if len(argv) == 0 {
		return errors.New("exec sink: empty command")
	}
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Stdin = bytes.NewReader(stdin)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.Discard, &out
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(out.String())
		if len(msg) > 200 {
			msg = msg[:200]
		}
		return fmt.Errorf("exec %s: %w: %s", argv[0], err, msg)
	}
	return nil
}
