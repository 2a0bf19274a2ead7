package snmpsim

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gosnmp/gosnmp"

	"github.com/netcensus/netcensus/internal/snmprec"
)

func TestFaultDelay(t *testing.T) {
	const delay = 300 * time.Millisecond
	r := serve(t, Options{Walks: map[string]*snmprec.Walk{"tiny": smallWalk(t, tinyWalk)}, Faults: Faults{Delay: delay}})

	impatient := newClient(t, r.addr, gosnmp.Version2c, "tiny")
	impatient.Timeout, impatient.Retries = 50*time.Millisecond, 0
	if _, err := impatient.Get([]string{".1.3.6.1.2.1.1.5.0"}); err == nil {
		t.Error("a 50ms client got an answer from a 300ms-delayed agent")
	}

	patient := newClient(t, r.addr, gosnmp.Version2c, "tiny")
	patient.Timeout, patient.Retries = 5*time.Second, 0
	start := time.Now()
	res, err := patient.Get([]string{".1.3.6.1.2.1.1.5.0"})
	if err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took < delay {
		t.Errorf("answered after %v, before the %v delay", took, delay)
	}
	if string(res.Variables[0].Value.([]byte)) != "tiny" {
		t.Errorf("delayed answer %v", res.Variables[0].Value)
	}
}

func TestFaultDropEveryN(t *testing.T) {
	r := serve(t, Options{Walks: map[string]*snmprec.Walk{"tiny": smallWalk(t, tinyWalk)}, Faults: Faults{DropEveryN: 3}})
	g := newClient(t, r.addr, gosnmp.Version2c, "tiny")
	g.Timeout, g.Retries = 300*time.Millisecond, 0
	var outcome []string
	for range 6 {
		if _, err := g.Get([]string{".1.3.6.1.2.1.1.5.0"}); err != nil {
			outcome = append(outcome, "drop")
		} else {
			outcome = append(outcome, "ok")
		}
	}
	if got := strings.Join(outcome, " "); got != "ok ok drop ok ok drop" {
		t.Errorf("outcomes %s", got)
	}
	if s := r.agent.Stats(); s.FaultDrops != 2 {
		t.Errorf("FaultDrops = %d, want 2", s.FaultDrops)
	}
	// With retries a walk still completes.
	g.Retries = 2
	pdus, err := g.WalkAll(".1.3.6.1.2.1.2")
	if err != nil {
		t.Fatal(err)
	}
	sameAsWalk(t, pdus, smallWalk(t, tinyWalk).Subtree("1.3.6.1.2.1.2"))
}

func TestFaultBulkIgnoresMaxRepetitions(t *testing.T) {
	w := walkFile(t, "UPS/apc-7902b.snmprec.bz2")
	r := serve(t, Options{Walks: map[string]*snmprec.Walk{"apc": w}, Faults: Faults{Bulk: BulkIgnoreMaxRepetitions}, MaxVarbinds: 100})
	g := newClient(t, r.addr, gosnmp.Version2c, "apc")
	res, err := g.GetBulk([]string{".1.3"}, 0, 5)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(res.Variables); n != 100 {
		t.Errorf("asked for 5 repetitions, got %d varbinds, want the 100 cap", n)
	}
}

func TestFaultBulkNonIncreasing(t *testing.T) {
	tiny := smallWalk(t, tinyWalk)
	r := serve(t, Options{Walks: map[string]*snmprec.Walk{"tiny": tiny}, Faults: Faults{Bulk: BulkNonIncreasing}})
	g := newClient(t, r.addr, gosnmp.Version2c, "tiny")
	res, err := g.GetBulk([]string{".1.3.6.1.2.1.1.3.0"}, 0, 3)
	if err != nil {
		t.Fatal(err)
	}
	if res.Variables[0].Name != ".1.3.6.1.2.1.1.3.0" {
		t.Errorf("first varbind %s, want the requested OID repeated", res.Variables[0].Name)
	}
	g.MaxRepetitions = 3 // several responses, so one starts where the last ended
	_, err = g.BulkWalkAll(".1.3.6.1.2.1")
	if err == nil || !strings.Contains(err.Error(), "not increasing") {
		t.Errorf("gosnmp bulk walk: %v, want an OID-not-increasing error", err)
	}
	// GETNEXT is unaffected.
	pdus, err := g.WalkAll(".1.3.6.1.2.1")
	if err != nil {
		t.Fatal(err)
	}
	sameAsWalk(t, pdus, tiny.Subtree("1.3.6.1.2.1"))
}

func TestFaultEndlessTable(t *testing.T) {
	const table = "1.3.6.1.2.1.2.2.1.2" // ifDescr never ends
	r := serve(t, Options{Walks: map[string]*snmprec.Walk{"tiny": smallWalk(t, tinyWalk)}, Faults: Faults{EndlessTable: "." + table}})
	g := newClient(t, r.addr, gosnmp.Version2c, "tiny")
	g.MaxRepetitions = 50
	const want = 3000
	errEnough := errors.New("enough")
	n := 0
	err := g.BulkWalk("."+table, func(p gosnmp.SnmpPDU) error {
		n++
		if p.Name != "."+table+"."+strconv.Itoa(n) {
			t.Fatalf("row %d: %s", n, p.Name)
		}
		if n == want {
			return errEnough
		}
		return nil
	})
	if !errors.Is(err, errEnough) || n != want {
		t.Fatalf("walk stopped after %d rows: %v", n, err)
	}
	// Around the table: the record before leads into it, GET works, and
	// real rows of that column are hidden.
	res, err := g.GetNext([]string{".1.3.6.1.2.1.2.2.1.1.2"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Variables[0].Name != "."+table+".1" {
		t.Errorf("GETNEXT before the table: %s", res.Variables[0].Name)
	}
	res, err = g.Get([]string{"." + table + ".77", "." + table + ".1.5"})
	if err != nil {
		t.Fatal(err)
	}
	if v := res.Variables[0]; v.Type != gosnmp.Integer || v.Value.(int) != 77 {
		t.Errorf("GET row 77: %v %v", v.Type, v.Value)
	}
	if v := res.Variables[1]; v.Type != gosnmp.NoSuchInstance && v.Type != gosnmp.NoSuchObject {
		t.Errorf("GET below a row: %v", v.Type)
	}
	// The very end of the table carries on with the rest of the walk.
	res, err = g.GetNext([]string{"." + table + ".4294967295"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Variables[0].Name != ".1.3.6.1.2.1.2.2.1.6.1" {
		t.Errorf("GETNEXT after the table's end: %s", res.Variables[0].Name)
	}
}
