package serve

import (
	"sync"
	"time"
)

// SenderView is the alert sender's state as the API shows it (beside
// the schedules: the sender keeps its place in the events as the
// pseudo-schedule "@alerts"). Sink URLs and secrets are never shown.
type SenderView struct {
	// Cursor is when the events were last read through into the outbox
	// (in the order they were stored: store.EventLog).
	Cursor time.Time `json:"cursor,omitzero"`
	// LastRound is when the sender last queued and delivered.
	LastRound time.Time `json:"last_round,omitzero"`
	// Pending is the outbox's alerts neither delivered nor given up.
	Pending int          `json:"pending"`
	Sinks   []SinkStatus `json:"sinks"`
}

// SinkStatus is one sink's deliveries; the counts are since the service
// started, Pending is the outbox's.
type SinkStatus struct {
	Name          string    `json:"name"`
	Kind          string    `json:"kind"`
	Pending       int       `json:"pending"`
	Delivered     int64     `json:"delivered"`
	Failed        int64     `json:"failed"`
	Dead          int64     `json:"dead"`
	LastDelivered time.Time `json:"last_delivered,omitzero"`
	LastFailed    time.Time `json:"last_failed,omitzero"`
	LastError     string    `json:"last_error,omitempty"`
}

// sender keeps the alert loop's state for the API.
type sender struct {
	mu        sync.Mutex
	cursor    time.Time
	lastRound time.Time
	pending   map[string]int // by sink; nil until the first count
	sinks     map[string]*SinkStatus
}

func newSender() *sender { return &sender{sinks: map[string]*SinkStatus{}} }

func (s *sender) stat(name string) *SinkStatus {
	st := s.sinks[name]
	if st == nil {
		st = &SinkStatus{Name: name}
		s.sinks[name] = st
	}
	return st
}

func (s *sender) setCursor(t time.Time) {
	s.mu.Lock()
	s.cursor = t
	s.mu.Unlock()
}

// attempt records one delivery attempt's result (result: ok, failed or
// dead, as the metric counts it).
func (s *sender) attempt(sink, result string, at time.Time, errText string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.stat(sink)
	switch result {
	case "ok":
		st.Delivered++
		st.LastDelivered = at
	default:
		st.Failed++
		if result == "dead" {
			st.Dead++
		}
		st.LastFailed, st.LastError = at, errText
	}
}

// round records the end of a delivery round with the outbox's pending
// alerts by sink.
func (s *sender) round(at time.Time, pending map[string]int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lastRound, s.pending = at, pending
}

// view lists the configured sinks (and any sink still holding pending
// alerts after a reload removed it), by configuration order.
func (s *sender) view(sinks []Sink) SenderView {
	s.mu.Lock()
	defer s.mu.Unlock()
	v := SenderView{Cursor: s.cursor, LastRound: s.lastRound, Sinks: []SinkStatus{}}
	listed := map[string]bool{}
	add := func(name, kind string) {
		st := SinkStatus{Name: name, Kind: kind}
		if x := s.sinks[name]; x != nil {
			st = *x
			st.Kind = kind
		}
		st.Pending = s.pending[name]
		v.Sinks = append(v.Sinks, st)
		listed[name] = true
	}
	for _, k := range sinks {
		add(k.Name, k.Kind)
	}
	for name, n := range s.pending {
		v.Pending += n
		if !listed[name] && n > 0 {
			add(name, "removed")
		}
	}
	return v
}
