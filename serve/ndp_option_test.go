package serve

import (
	"testing"
	"time"
)

// A schedule's NDP option reaches its sweeps, and a run of targets takes
// "ndp" from its body as it takes snmp, mdns and names; a schedule's run
// takes the schedule's options only.
func TestNDPOptionReachesSweeps(t *testing.T) {
	off := false
	opts := testOptions()
	opts.Schedules = []Schedule{{Name: "v4only", Targets: []string{"192.0.2.0/25"}, Every: time.Hour, NDP: &off}}
	nw := newNetwork(map[string]string{"192.0.2.10": "00:1b:54:00:00:10"})
	h := newHarness(t, "", opts, nw)
	h.start()
	next := func() SweepRequest {
		t.Helper()
		select {
		case r := <-nw.calls:
			return r
		case <-time.After(10 * time.Second):
			t.Fatal("no sweep started")
		}
		return SweepRequest{}
	}
	if code, body := h.do("POST", "/api/v1/runs", writeToken, `{"schedule":"v4only"}`); code != 202 {
		t.Fatalf("trigger schedule: %d %s", code, body)
	}
	if r := next(); r.Schedule != "v4only" || r.NDP == nil || *r.NDP {
		t.Errorf("schedule's sweep: NDP %v, want false", r.NDP)
	}
	if code, body := h.do("POST", "/api/v1/runs", writeToken, `{"targets":["192.0.2.0/28"],"ndp":false}`); code != 202 {
		t.Fatalf("trigger targets: %d %s", code, body)
	}
	if r := next(); r.NDP == nil || *r.NDP {
		t.Errorf("targets' sweep with ndp false: NDP %v", r.NDP)
	}
	if code, body := h.do("POST", "/api/v1/runs", writeToken, `{"schedule":"v4only","ndp":true}`); code != 400 {
		t.Errorf("a schedule's run with ndp in the body: %d %s, want 400", code, body)
	}
}
