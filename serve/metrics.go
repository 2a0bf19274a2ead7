package serve

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/netcensus/netcensus/inventory/capacity"
	"github.com/netcensus/netcensus/inventory/store"
)

// metrics is the service's Prometheus registry (its own, not the global
// one).
type metrics struct {
	reg           *prometheus.Registry
	sweeps        *prometheus.CounterVec
	duration      *prometheus.HistogramVec
	found         *prometheus.GaugeVec
	packets       *prometheus.CounterVec
	assets        *prometheus.GaugeVec
	unapproved    prometheus.Gauge
	nonCompliant  prometheus.Gauge
	unknownComp   prometheus.Gauge
	capacityWarn  *prometheus.GaugeVec
	deliveries    *prometheus.CounterVec
	outboxPending prometheus.Gauge
	storeErrors   prometheus.Counter
	requests      *prometheus.CounterVec
}

func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		sweeps: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "netcensus_sweeps_total",
			Help: "Sweeps by schedule (adhoc: triggered with targets) and outcome (ok, partial, failed, skipped)."}, []string{"schedule", "outcome"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "netcensus_sweep_duration_seconds",
			Help: "Sweep duration.", Buckets: prometheus.ExponentialBuckets(0.5, 2, 14)}, []string{"schedule"}),
		found: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "netcensus_sweep_hosts_found",
			Help: "Hosts the schedule's last sweep found."}, []string{"schedule"}),
		packets: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "netcensus_packets_sent_total",
			Help: "Packets sent by sweeps."}, []string{"schedule"}),
		assets: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "netcensus_assets",
			Help: "Assets by lifecycle state."}, []string{"state"}),
		unapproved: prometheus.NewGauge(prometheus.GaugeOpts{Name: "netcensus_assets_unapproved",
			Help: "Current assets (not retired or merged) nobody approved."}),
		nonCompliant: prometheus.NewGauge(prometheus.GaugeOpts{Name: "netcensus_assets_noncompliant",
			Help: "Assets out of compliance with a drift baseline at the last evaluation."}),
		unknownComp: prometheus.NewGauge(prometheus.GaugeOpts{Name: "netcensus_assets_compliance_unknown",
			Help: "Assets a drift baseline selects but could not check (no release or software list) at the last evaluation."}),
		capacityWarn: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "netcensus_capacity_warnings",
			Help: "Capacity series flagged WARN or FULL."}, []string{"flag"}),
		deliveries: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "netcensus_alert_deliveries_total",
			Help: "Alert delivery attempts by sink and result (ok, failed, dead)."}, []string{"sink", "result"}),
		outboxPending: prometheus.NewGauge(prometheus.GaugeOpts{Name: "netcensus_alert_outbox_pending",
			Help: "Alerts waiting in the outbox."}),
		storeErrors: prometheus.NewCounter(prometheus.CounterOpts{Name: "netcensus_store_errors_total",
			Help: "Store operations of the service that failed."}),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "netcensus_api_requests_total",
			Help: "API requests by route and status code."}, []string{"route", "code"}),
	}
	m.reg.MustRegister(m.sweeps, m.duration, m.found, m.packets, m.assets, m.unapproved, m.nonCompliant, m.unknownComp, m.capacityWarn,
		m.deliveries, m.outboxPending, m.storeErrors, m.requests)
	return m
}

// sweepDone counts a finished sweep. The sweep's count goes last: a
// scrape that sees it sees the sweep's other figures too (a scrape
// between them read a sweep with no packets).
func (m *metrics) sweepDone(schedule, outcome string, d time.Duration, res SweepResult) {
	m.duration.WithLabelValues(schedule).Observe(d.Seconds())
	if outcome != RunFailed {
		m.found.WithLabelValues(schedule).Set(float64(res.Found))
	}
	m.packets.WithLabelValues(schedule).Add(float64(res.Sent))
	m.sweeps.WithLabelValues(schedule, outcome).Inc()
}

var gaugeStates = []string{store.StateNew, store.StateActive, store.StateMissing, store.StateReturned, store.StateRetired}

// refreshGauges recounts the assets and the capacity flags from the store.
func (s *Server) refreshGauges(ctx context.Context) {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	counts := map[string]int{}
	unapproved := 0
	current := []capacity.Current{} // for the capacity rows
	err := s.eachAsset(ctx, store.AssetFilter{}, func(a *store.Asset) error {
		r := &a.Record
		counts[r.State]++
		if c, ok := capacity.CurrentOf(a); ok {
			current = append(current, c)
		}
		if r.State != store.StateRetired {
			if r.Approved == nil || !*r.Approved {
				unapproved++
			}
		}
		return nil
	})
	if err != nil {
		s.storeError("count assets", err)
		return
	}
	for _, st := range gaugeStates {
		s.metrics.assets.WithLabelValues(st).Set(float64(counts[st]))
	}
	s.metrics.unapproved.Set(float64(unapproved))
	if bs := s.options().Baselines; len(bs) > 0 {
		if res, err := evaluateDrift(ctx, s.deps.Inventory.Store(), bs, s.deps.Now(), false); err == nil {
			s.metrics.nonCompliant.Set(float64(res.NonCompliant))
			s.metrics.unknownComp.Set(float64(res.Unknown))
		} else {
			s.storeError("drift", err)
		}
	}
	rows, err := s.capacityRows(ctx, capacityQuery{assets: current})
	if err != nil {
		s.storeError("capacity", err)
		return
	}
	warn, full := 0, 0
	for _, r := range rows {
		switch r.Flag {
		case capacity.FlagWarn:
			warn++
		case capacity.FlagFull:
			full++
		}
	}
	s.metrics.capacityWarn.WithLabelValues("WARN").Set(float64(warn))
	s.metrics.capacityWarn.WithLabelValues("FULL").Set(float64(full))
	s.queueCapacity(ctx, rows)
}
