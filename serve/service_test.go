package serve

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/inventory/store"
)

func TestScheduledSweepsRunAndPersistNextRun(t *testing.T) {
	opts := testOptions()
	opts.Schedules = []Schedule{{Name: "lab", Targets: []string{"192.0.2.0/24"}, Every: 100 * time.Millisecond}}
	nw := newNetwork(map[string]string{"192.0.2.10": "00:1b:54:00:00:10"})
	h := newHarness(t, "", opts, nw)
	h.start()
	for i := 0; i < 2; i++ {
		select {
		case req := <-nw.calls:
			if req.Schedule != "lab" || req.Limiter == nil || len(req.Targets) != 1 {
				t.Fatalf("sweep request %+v", req)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("the schedule did not run")
		}
	}
	until(t, "the schedule's state stored", 5*time.Second, func() bool {
		ss, _ := h.st.Schedules(t.Context())
		for _, s := range ss {
			if s.Name == "lab" && s.LastOutcome == RunOK && !s.NextRun.IsZero() && s.LastSweepID != "" {
				return true
			}
		}
		return false
	})
	var got struct{ Schedules []ScheduleView }
	h.getJSON("/api/v1/schedules", readToken, &got)
	if len(got.Schedules) != 1 || got.Schedules[0].NextRun.IsZero() || got.Schedules[0].Every != "100ms" {
		t.Errorf("schedules = %+v", got.Schedules)
	}
	if as := h.assets(store.AssetFilter{}); len(as) != 1 {
		t.Errorf("assets after scheduled sweeps: %d", len(as))
	}
}

func TestMissedRunRunsOnceAfterRestart(t *testing.T) {
	opts := testOptions()
	opts.Schedules = []Schedule{{Name: "hourly", Targets: []string{"192.0.2.0/24"}, Every: time.Hour}}
	h := newHarness(t, "", opts, nil)
	// The service was down when this run was due.
	if err := h.st.PutSchedule(t.Context(), store.ScheduleState{Name: "hourly", NextRun: time.Now().Add(-3 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	h.start()
	select {
	case <-h.net.calls:
	case <-time.After(10 * time.Second):
		t.Fatal("the missed run did not run at start")
	}
	until(t, "the run's end", 5*time.Second, func() bool {
		ss, _ := h.st.Schedules(t.Context())
		return len(ss) > 0 && ss[len(ss)-1].LastOutcome == RunOK
	})
	ss, _ := h.st.Schedules(t.Context())
	for _, s := range ss {
		if s.Name == "hourly" && s.NextRun.Before(time.Now().Add(50*time.Minute)) {
			t.Errorf("next run %v: want about an hour from the catch-up run", s.NextRun)
		}
	}
	select {
	case <-h.net.calls:
		t.Error("a second catch-up run")
	default:
	}
}

// SIGTERM's path: a running sweep gets the grace period, then is
// cancelled and stored as partial; Serve returns.
func TestShutdownCancelsSweepAfterGrace(t *testing.T) {
	opts := testOptions()
	opts.ShutdownGrace = 200 * time.Millisecond
	nw := newNetwork(map[string]string{"192.0.2.10": "00:1b:54:00:00:10"})
	nw.block = make(chan struct{}) // never closed: the sweep runs until cancelled
	h := newHarness(t, "", opts, nw)
	h.start()
	code, body := h.do("POST", "/api/v1/runs", writeToken, `{"targets":["192.0.2.0/24"]}`)
	if code != 202 {
		t.Fatalf("trigger: %d %s", code, body)
	}
	<-nw.calls
	start := time.Now()
	h.stop()
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("shutdown took %v with a 200ms grace", el)
	}
	db, _ := openInv(t, h.path)
	defer db.Close()
	sw, err := db.Sweeps(t.Context(), 1)
	if err != nil || len(sw) != 1 || !sw[0].Partial {
		t.Fatalf("stored sweeps %+v (%v): want one partial", sw, err)
	}
}

func TestRefusesNonLoopbackWithoutTokens(t *testing.T) {
	o := testOptions()
	o.Tokens = nil
	o.Listen = "0.0.0.0:8470"
	nw := newNetwork(nil)
	db, inv := openInv(t, t.TempDir()+"/x.db")
	defer db.Close()
	if _, err := New(o, Deps{Inventory: inv, State: db, Sweep: nw.sweeper(inv)}); err == nil || !strings.Contains(err.Error(), "loopback") {
		t.Errorf("New with 0.0.0.0 and no tokens: %v", err)
	}
	o.Listen = "127.0.0.1:0"
	if _, err := New(o, Deps{Inventory: inv, State: db, Sweep: nw.sweeper(inv)}); err != nil {
		t.Errorf("loopback without tokens: %v", err)
	}
}

func TestReloadRefusesBadKeepsOld(t *testing.T) {
	h := newHarness(t, "", testOptions(), nil)
	bad := testOptions()
	bad.Schedules = []Schedule{{Name: "x", Cron: "not a cron"}}
	if err := h.srv.Reload(bad); err == nil {
		t.Fatal("bad reload accepted")
	}
	good := testOptions()
	good.Schedules = []Schedule{{Name: "y", Every: time.Hour, Targets: []string{"192.0.2.0/24"}}}
	good.Listen = "127.0.0.1:1" // ignored: needs a restart
	if err := h.srv.Reload(good); err != nil {
		t.Fatal(err)
	}
	if o := h.srv.options(); len(o.Schedules) != 1 || o.Listen != "127.0.0.1:0" {
		t.Errorf("after reload: %+v", o)
	}
	if !strings.Contains(h.logs.String(), "restart") {
		t.Error("a listen change on reload was not logged")
	}
}

func TestServeListensAndReportsAddr(t *testing.T) {
	h := newHarness(t, "", testOptions(), nil)
	got := make(chan net.Addr, 1)
	h.srv.deps.Started = func(a net.Addr) { got <- a }
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- h.srv.Run(ctx) }()
	select {
	case a := <-got:
		if !strings.HasPrefix(a.String(), "127.0.0.1:") {
			t.Errorf("listening on %s", a)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run never listened")
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run: %v", err)
	}
}
