package snmp

import (
	"net/netip"
	"strings"
	"testing"

	"github.com/netcensus/netcensus/internal/snmprec"
)

func TestInOrder(t *testing.T) {
	ap := func(s string) netip.AddrPort { return netip.MustParseAddrPort(s) }
	a, b, c := ap("192.0.2.1:161"), ap("192.0.2.2:161"), ap("192.0.2.3:161")
	targets := []Target{{Addr: a}, {Addr: b}, {Addr: a}, {Addr: c}}
	walk := snmprec.NewWalk(nil)
	results := make(chan Result, 8)
	// Arrival order: c, a, stray, b, a.
	for i, r := range []Result{{Target: c, Walk: walk}, {Target: a, Walk: walk}, {Target: ap("198.51.100.9:161")}, {Target: b, Walk: walk}, {Target: a, Answered: true, Walk: walk}} {
		r.Asset.SysName = string(rune('0' + i))
		results <- r
	}
	close(results)
	var arrived []string
	var got []string
	for r := range InOrder(targets, results, func(r *Result) {
		if r.Walk == nil {
			t.Errorf("%s arrived without its walk", r.Target)
		}
		arrived = append(arrived, r.Asset.SysName)
	}) {
		if r.Walk != nil {
			t.Errorf("%s still holds its walk while it waits", r.Target)
		}
		got = append(got, r.Target.Addr().String()+"/"+r.Asset.SysName)
	}
	if want := "192.0.2.1/1 192.0.2.2/3 192.0.2.1/4 192.0.2.3/0"; strings.Join(got, " ") != want {
		t.Errorf("order %s, want %s", strings.Join(got, " "), want)
	}
	if strings.Join(arrived, " ") != "0 1 3 4" {
		t.Errorf("arrived %v", arrived)
	}

	// Stopping early still reads every result: the collector is never
	// left blocked on a send.
	results = make(chan Result)
	go func() {
		for _, t := range []Target{{Addr: a}, {Addr: b}, {Addr: c}} {
			results <- Result{Target: t.Addr}
		}
		close(results)
	}()
	for range InOrder([]Target{{Addr: a}, {Addr: b}, {Addr: c}}, results, nil) {
		break
	}
	if _, open := <-results; open {
		t.Error("results not drained after an early stop")
	}
}
