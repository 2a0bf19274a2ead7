package snmpsim

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"math"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gosnmp/gosnmp"

	"github.com/netcensus/netcensus/internal/snmprec"
	"github.com/netcensus/netcensus/internal/testenv"
)

// walksDir holds recorded walks from snmpsim-data (testdata/README.md).
const walksDir = "../../testdata/snmpsim-data"

func TestMain(m *testing.M) { testenv.Main(m) }

// walkFile parses the walk at rel in walksDir.
func walkFile(t testing.TB, rel string) *snmprec.Walk { return parseWalk(t, walksDir, rel) }

func parseWalk(t testing.TB, dir, rel string) *snmprec.Walk {
	t.Helper()
	w, lerrs, err := snmprec.ParseFile(filepath.Join(dir, rel))
	if err != nil {
		t.Fatal(err)
	}
	if len(lerrs) != 0 {
		t.Fatalf("%s: %d dirty lines, first %v", rel, len(lerrs), lerrs[0])
	}
	return w
}

func smallWalk(t testing.TB, text string) *snmprec.Walk {
	t.Helper()
	w, lerrs, err := snmprec.Parse(strings.NewReader(text))
	if err != nil || len(lerrs) != 0 {
		t.Fatalf("parse walk: %v %v", err, lerrs)
	}
	return w
}

const tinyWalk = `1.3.6.1.2.1.1.1.0|4|tiny device
1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.99999.1
1.3.6.1.2.1.1.3.0|67|4242
1.3.6.1.2.1.1.5.0|4|tiny
1.3.6.1.2.1.2.2.1.1.1|2|1
1.3.6.1.2.1.2.2.1.1.2|2|2
1.3.6.1.2.1.2.2.1.2.1|4|eth0
1.3.6.1.2.1.2.2.1.2.2|4|eth1
1.3.6.1.2.1.2.2.1.6.1|4x|00005e005301
1.3.6.1.2.1.2.2.1.10.1|65|100
1.3.6.1.2.1.4.20.1.1.192.0.2.1|64|192.0.2.1
1.3.6.1.2.1.31.1.1.1.6.1|70|12345678901234
1.3.6.1.2.1.31.1.1.1.15.1|66|1000
1.3.6.1.4.1.2021.10.1.6.1|68x|0906033834452d32
`

type running struct {
	agent *Agent
	addr  *net.UDPAddr
	stop  func() // cancels Serve and waits for it, failing if slow
}

// serve starts an agent on 127.0.0.1:0 and stops it when the test ends.
func serve(t *testing.T, opts Options) running {
	t.Helper()
	a, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() {
		done <- a.ListenAndServe(ctx, "127.0.0.1:0", func(addr net.Addr) { ready <- addr })
	}()
	var addr net.Addr
	select {
	case addr = <-ready:
	case err := <-done:
		cancel()
		t.Fatalf("ListenAndServe: %v", err)
	case <-time.After(10 * time.Second):
		cancel()
		t.Fatal("agent not ready")
	}
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Serve returned %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("Serve did not return within 5s of cancel")
		}
	}
	t.Cleanup(stop)
	return running{agent: a, addr: addr.(*net.UDPAddr), stop: stop}
}

func newClient(t testing.TB, addr *net.UDPAddr, version gosnmp.SnmpVersion, community string) *gosnmp.GoSNMP {
	t.Helper()
	g := &gosnmp.GoSNMP{
		Target:         addr.IP.String(),
		Port:           uint16(addr.Port),
		Community:      community,
		Version:        version,
		Timeout:        3 * time.Second,
		Retries:        1,
		MaxOids:        gosnmp.MaxOids,
		MaxRepetitions: 25,
		Logger:         gosnmp.NewLogger(log.New(io.Discard, "", 0)),
	}
	if err := g.Connect(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { g.Conn.Close() })
	return g
}

// pduValue converts a gosnmp variable into an snmprec value.
func pduValue(p gosnmp.SnmpPDU) (snmprec.Value, error) {
	switch p.Type {
	case gosnmp.Integer:
		return snmprec.Value{Type: snmprec.TypeInteger, Int: int64(p.Value.(int))}, nil
	case gosnmp.OctetString:
		return snmprec.Value{Type: snmprec.TypeOctetString, Bytes: p.Value.([]byte)}, nil
	case gosnmp.Opaque:
		b, ok := p.Value.([]byte)
		if !ok {
			return snmprec.Value{}, fmt.Errorf("opaque value %T", p.Value)
		}
		return snmprec.Value{Type: snmprec.TypeOpaque, Bytes: b}, nil
	case gosnmp.OpaqueFloat: // gosnmp unwraps Opaque-encoded floats; wrap them back
		b := binary.BigEndian.AppendUint32([]byte{0x9f, 0x78, 4}, math.Float32bits(p.Value.(float32)))
		return snmprec.Value{Type: snmprec.TypeOpaque, Bytes: b}, nil
	case gosnmp.OpaqueDouble:
		b := binary.BigEndian.AppendUint64([]byte{0x9f, 0x79, 8}, math.Float64bits(p.Value.(float64)))
		return snmprec.Value{Type: snmprec.TypeOpaque, Bytes: b}, nil
	case gosnmp.ObjectIdentifier:
		return snmprec.Value{Type: snmprec.TypeOID, OID: strings.TrimPrefix(p.Value.(string), ".")}, nil
	case gosnmp.IPAddress:
		ip := net.ParseIP(p.Value.(string)).To4()
		return snmprec.Value{Type: snmprec.TypeIPAddress, Bytes: []byte(ip)}, nil
	case gosnmp.Counter32, gosnmp.Gauge32:
		return snmprec.Value{Type: snmprec.Type(p.Type), Uint: uint64(p.Value.(uint))}, nil
	case gosnmp.TimeTicks:
		return snmprec.Value{Type: snmprec.TypeTimeTicks, Uint: uint64(p.Value.(uint32))}, nil
	case gosnmp.Counter64:
		return snmprec.Value{Type: snmprec.TypeCounter64, Uint: p.Value.(uint64)}, nil
	case gosnmp.Null:
		return snmprec.Value{Type: snmprec.TypeNull}, nil
	case gosnmp.NoSuchObject, gosnmp.NoSuchInstance, gosnmp.EndOfMibView:
		return snmprec.Value{Type: snmprec.Type(p.Type)}, nil
	}
	return snmprec.Value{}, fmt.Errorf("unexpected type %v", p.Type)
}

// sameAsWalk checks that pdus are exactly the records of want.
func sameAsWalk(t *testing.T, pdus []gosnmp.SnmpPDU, want []snmprec.Record) {
	t.Helper()
	if len(pdus) != len(want) {
		t.Errorf("got %d varbinds, want %d", len(pdus), len(want))
	}
	for i := 0; i < len(pdus) && i < len(want); i++ {
		name := strings.TrimPrefix(pdus[i].Name, ".")
		if name != want[i].OID {
			t.Fatalf("varbind %d: OID %s, want %s", i, name, want[i].OID)
		}
		v, err := pduValue(pdus[i])
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !v.Equal(want[i].Value) {
			t.Fatalf("%s: value %v %q, want %v %q", name, v.Type, v.String(), want[i].Value.Type, want[i].Value.String())
		}
	}
}

func withoutCounter64(recs []snmprec.Record) []snmprec.Record {
	var out []snmprec.Record
	for _, r := range recs {
		if r.Value.Type != snmprec.TypeCounter64 {
			out = append(out, r)
		}
	}
	return out
}

func TestWalkEqualsFile(t *testing.T) {
	w := walkFile(t, "UPS/apc-7902b.snmprec.bz2")
	r := serve(t, Options{Walks: map[string]*snmprec.Walk{"apc": w, "tiny": smallWalk(t, tinyWalk)}})

	t.Run("v2c getbulk", func(t *testing.T) {
		g := newClient(t, r.addr, gosnmp.Version2c, "apc")
		pdus, err := g.BulkWalkAll(".1.3")
		if err != nil {
			t.Fatal(err)
		}
		sameAsWalk(t, pdus, w.Records())
	})
	t.Run("v2c getnext", func(t *testing.T) {
		g := newClient(t, r.addr, gosnmp.Version2c, "apc")
		pdus, err := g.WalkAll(".1.3")
		if err != nil {
			t.Fatal(err)
		}
		sameAsWalk(t, pdus, w.Records())
	})
	t.Run("v1 getnext skips Counter64", func(t *testing.T) {
		g := newClient(t, r.addr, gosnmp.Version1, "tiny")
		pdus, err := g.WalkAll(".1.3")
		if err != nil {
			t.Fatal(err)
		}
		tw := smallWalk(t, tinyWalk)
		want := withoutCounter64(tw.Records())
		if len(want) == tw.Len() {
			t.Fatal("tiny walk lacks a Counter64 to skip")
		}
		sameAsWalk(t, pdus, want)
	})
	t.Run("v2c bulk with small max-repetitions", func(t *testing.T) {
		g := newClient(t, r.addr, gosnmp.Version2c, "tiny")
		g.MaxRepetitions = 3
		pdus, err := g.BulkWalkAll(".1.3.6.1.2.1.2")
		if err != nil {
			t.Fatal(err)
		}
		sameAsWalk(t, pdus, smallWalk(t, tinyWalk).Subtree("1.3.6.1.2.1.2"))
	})
}

func TestGetSemantics(t *testing.T) {
	r := serve(t, Options{Walks: map[string]*snmprec.Walk{"tiny": smallWalk(t, tinyWalk)}})
	g2 := newClient(t, r.addr, gosnmp.Version2c, "tiny")
	g1 := newClient(t, r.addr, gosnmp.Version1, "tiny")

	res, err := g2.Get([]string{".1.3.6.1.2.1.1.5.0", ".1.3.6.1.2.1.1.9.0", ".1.3.6.1.2.1.1.5.1", ".1.3.6.1.2.1.99.1.0"})
	if err != nil {
		t.Fatal(err)
	}
	wantTypes := []gosnmp.Asn1BER{gosnmp.OctetString, gosnmp.NoSuchObject, gosnmp.NoSuchInstance, gosnmp.NoSuchObject}
	for i, v := range res.Variables {
		if v.Type != wantTypes[i] {
			t.Errorf("v2c GET %s: type %v, want %v", v.Name, v.Type, wantTypes[i])
		}
	}
	// 1.3.6.1.2.1.1.5.1: the object sysName (1.3.6.1.2.1.1.5) has an
	// instance, so this is noSuchInstance; 1.3.6.1.2.1.1.9.0 has none.

	res, err = g1.Get([]string{".1.3.6.1.2.1.1.5.0", ".1.3.6.1.2.1.1.9.0"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Error != gosnmp.NoSuchName || res.ErrorIndex != 2 {
		t.Errorf("v1 GET missing: error %v index %d, want noSuchName 2", res.Error, res.ErrorIndex)
	}
	res, err = g1.Get([]string{".1.3.6.1.2.1.31.1.1.1.6.1"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Error != gosnmp.NoSuchName {
		t.Errorf("v1 GET Counter64: error %v, want noSuchName", res.Error)
	}

	res, err = g2.GetNext([]string{".1.3.6.1.4.1.2021.10.1.6.1"})
	if err != nil {
		t.Fatal(err)
	}
	if v := res.Variables[0]; v.Type != gosnmp.EndOfMibView || v.Name != ".1.3.6.1.4.1.2021.10.1.6.1" {
		t.Errorf("v2c GETNEXT at end: %v %s", v.Type, v.Name)
	}
	res, err = g1.GetNext([]string{".1.3.6.1.4.1.2021.10.1.6.1"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Error != gosnmp.NoSuchName {
		t.Errorf("v1 GETNEXT at end: %v, want noSuchName", res.Error)
	}

	// GETBULK with non-repeaters: sysUpTime once, then ifDescr rows.
	res, err = g2.GetBulk([]string{".1.3.6.1.2.1.1.2.0", ".1.3.6.1.2.1.2.2.1.2"}, 1, 4)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, v := range res.Variables {
		names = append(names, v.Name)
	}
	want := ".1.3.6.1.2.1.1.3.0 .1.3.6.1.2.1.2.2.1.2.1 .1.3.6.1.2.1.2.2.1.2.2 .1.3.6.1.2.1.2.2.1.6.1 .1.3.6.1.2.1.2.2.1.10.1"
	if strings.Join(names, " ") != want {
		t.Errorf("GETBULK names:\n got %s\nwant %s", strings.Join(names, " "), want)
	}

	// SET is refused.
	res, err = g2.Set([]gosnmp.SnmpPDU{{Name: ".1.3.6.1.2.1.1.5.0", Type: gosnmp.OctetString, Value: "x"}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Error != gosnmp.NotWritable {
		t.Errorf("SET: %v, want notWritable", res.Error)
	}
}

func TestBulkEndsWithEndOfMibView(t *testing.T) {
	r := serve(t, Options{Walks: map[string]*snmprec.Walk{"tiny": smallWalk(t, tinyWalk)}})
	g := newClient(t, r.addr, gosnmp.Version2c, "tiny")
	res, err := g.GetBulk([]string{".1.3.6.1.4.1.2021", ".1.3.6.1.2.1.31"}, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	// Row 1: opaque, Counter64; row 2: end, gauge; row 3: end, opaque;
	// row 4: end, end — then the agent stops.
	var got []string
	for _, v := range res.Variables {
		got = append(got, fmt.Sprintf("%s=%v", v.Name, v.Type))
	}
	if n := len(res.Variables); n != 8 {
		t.Fatalf("got %d varbinds, want 8: %v", n, got)
	}
	last := res.Variables[6:]
	if last[0].Type != gosnmp.EndOfMibView || last[1].Type != gosnmp.EndOfMibView {
		t.Errorf("last row not endOfMibView: %v", got)
	}
}

func TestResponseSizeBounded(t *testing.T) {
	w := walkFile(t, "UPS/apc-7902b.snmprec.bz2")
	const limit = 1400
	r := serve(t, Options{Walks: map[string]*snmprec.Walk{"apc": w}, MaxMessageSize: limit})
	g := newClient(t, r.addr, gosnmp.Version2c, "apc")
	res, err := g.GetBulk([]string{".1.3"}, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Variables) == 0 || len(res.Variables) >= 1000 {
		t.Fatalf("got %d varbinds", len(res.Variables))
	}
	// Re-encode to measure: the response we sent must fit the limit.
	raw := r.agent.Handle(mustEncode(t, gosnmp.Version2c, "apc", gosnmp.GetBulkRequest, []string{".1.3"}, 0, 1000))
	if len(raw) > limit || len(raw) < limit/2 {
		t.Errorf("response of %d bytes for limit %d", len(raw), limit)
	}
	// A full walk still works through the small responses.
	g.MaxRepetitions = 200
	pdus, err := g.BulkWalkAll(".1.3")
	if err != nil {
		t.Fatal(err)
	}
	sameAsWalk(t, pdus, w.Records())
}

// mustEncode marshals a request with gosnmp, without sending it.
func mustEncode(t testing.TB, version gosnmp.SnmpVersion, community string, typ gosnmp.PDUType, oids []string, nonRep uint8, maxRep uint32) []byte {
	t.Helper()
	g := &gosnmp.GoSNMP{Version: version, Community: community, Logger: gosnmp.NewLogger(log.New(io.Discard, "", 0))}
	var pdus []gosnmp.SnmpPDU
	for _, o := range oids {
		pdus = append(pdus, gosnmp.SnmpPDU{Name: o, Type: gosnmp.Null})
	}
	b, err := g.SnmpEncodePacket(typ, pdus, nonRep, maxRep)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestCommunitySelectsDevice(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "site", "rack1"), 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(rel, descr string) {
		body := "1.3.6.1.2.1.1.1.0|4|" + descr + "\n1.3.6.1.2.1.1.5.0|4|" + rel + "\n"
		if err := os.WriteFile(filepath.Join(dir, rel), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("alpha.snmprec", "device alpha")
	write("site/rack1/beta.snmprec", "device beta")
	write("ignored.txt", "not a walk")
	r := serve(t, Options{DataDir: dir, Logger: testLogger(t)})
	if got := strings.Join(r.agent.Communities(), ","); got != "alpha,site/rack1/beta" {
		t.Fatalf("communities = %s", got)
	}
	for community, want := range map[string]string{"alpha": "device alpha", "site/rack1/beta": "device beta"} {
		g := newClient(t, r.addr, gosnmp.Version2c, community)
		res, err := g.Get([]string{".1.3.6.1.2.1.1.1.0"})
		if err != nil {
			t.Fatal(err)
		}
		if got := string(res.Variables[0].Value.([]byte)); got != want {
			t.Errorf("community %s: sysDescr %q, want %q", community, got, want)
		}
	}
	g := newClient(t, r.addr, gosnmp.Version2c, "public")
	g.Timeout, g.Retries = 200*time.Millisecond, 0
	if _, err := g.Get([]string{".1.3.6.1.2.1.1.1.0"}); err == nil {
		t.Error("unknown community answered")
	}
	waitStat(t, r.agent, func(s Stats) bool { return s.UnknownCommunity == 1 })
}

func testLogger(t *testing.T) *slog.Logger {
	return slog.New(slog.NewTextHandler(tWriter{t}, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

type tWriter struct{ t *testing.T }

func (w tWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// waitStat polls the agent's counters until cond holds or 5s pass.
func waitStat(t *testing.T, a *Agent, cond func(Stats) bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for !cond(a.Stats()) {
		if time.Now().After(deadline) {
			t.Fatalf("stats never matched: %+v", a.Stats())
		}
		<-tick.C
	}
}

func TestMalformedDropped(t *testing.T) {
	r := serve(t, Options{Walks: map[string]*snmprec.Walk{"tiny": smallWalk(t, tinyWalk)}})
	conn, err := net.DialUDP("udp", nil, r.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	junk := [][]byte{
		{},
		{0x30},
		{0x30, 0x03, 0x02, 0x01, 0x07},       // version 7
		{0x30, 0x84, 0xff, 0xff, 0xff, 0xff}, // huge length
		{0x30, 0x05, 0x02, 0x01, 0x01, 0x04, 0x00},                                            // no PDU
		[]byte("GET / HTTP/1.0\r\n\r\n"),                                                      // not SNMP
		mustEncode(t, gosnmp.Version1, "tiny", gosnmp.GetBulkRequest, []string{".1.3"}, 0, 5), // bulk in v1
	}
	for _, j := range junk {
		if _, err := conn.Write(j); err != nil {
			t.Fatal(err)
		}
	}
	waitStat(t, r.agent, func(s Stats) bool { return s.Malformed == uint64(len(junk)) })
	g := newClient(t, r.addr, gosnmp.Version2c, "tiny")
	if _, err := g.Get([]string{".1.3.6.1.2.1.1.5.0"}); err != nil {
		t.Fatalf("agent stopped answering after junk: %v", err)
	}
}

func TestServeCancelReturnsPromptly(t *testing.T) {
	a, err := New(Options{
		Walks:  map[string]*snmprec.Walk{"tiny": smallWalk(t, tinyWalk)},
		Faults: Faults{Delay: time.Hour}, // responses pending when cancelled
	})
	if err != nil {
		t.Fatal(err)
	}
	conn, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Serve(ctx, conn) }()

	g := newClient(t, conn.LocalAddr().(*net.UDPAddr), gosnmp.Version2c, "tiny")
	g.Timeout, g.Retries = 50*time.Millisecond, 0
	for range 3 {
		_, _ = g.Get([]string{".1.3.6.1.2.1.1.5.0"})
	}
	waitStat(t, a, func(s Stats) bool { return s.Received == 3 })
	start := time.Now()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Serve: %v", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("Serve did not return within 2s of cancel")
	}
	t.Logf("Serve returned %v after cancel", time.Since(start))
	if s := a.Stats(); s.Responses != 0 {
		t.Errorf("delayed responses were sent after cancel: %+v", s)
	}
}

func TestServeReadError(t *testing.T) {
	a, err := New(Options{Walks: map[string]*snmprec.Walk{"tiny": smallWalk(t, tinyWalk)}})
	if err != nil {
		t.Fatal(err)
	}
	conn, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	conn.Close()
	if err := a.Serve(context.Background(), conn); !errors.Is(err, net.ErrClosed) {
		t.Errorf("Serve on closed conn: %v", err)
	}
}

func TestNewRejectsBadOptions(t *testing.T) {
	w := smallWalk(t, tinyWalk)
	tests := []struct {
		name string
		opts Options
	}{
		{"no devices", Options{}},
		{"missing dir", Options{DataDir: filepath.Join(t.TempDir(), "nope")}},
		{"short engine id", Options{Walks: map[string]*snmprec.Walk{"a": w}, EngineID: []byte{1, 2}}},
		{"tiny max size", Options{Walks: map[string]*snmprec.Walk{"a": w}, MaxMessageSize: 100}},
		{"bad endless", Options{Walks: map[string]*snmprec.Walk{"a": w}, Faults: Faults{EndlessTable: "1.x"}}},
		{"bad default context", Options{Walks: map[string]*snmprec.Walk{"a": w}, DefaultContext: "b"}},
		{"short passphrase", Options{Walks: map[string]*snmprec.Walk{"a": w}, Users: []User{{Name: "u", Auth: AuthSHA, AuthPass: "short"}}}},
		{"priv without auth", Options{Walks: map[string]*snmprec.Walk{"a": w}, Users: []User{{Name: "u", Priv: PrivAES, PrivPass: "longenough"}}}},
		{"duplicate user", Options{Walks: map[string]*snmprec.Walk{"a": w}, Users: []User{{Name: "u"}, {Name: "u"}}}},
		{"nil walk", Options{Walks: map[string]*snmprec.Walk{"a": nil}}},
	}
	for _, tt := range tests {
		if _, err := New(tt.opts); err == nil {
			t.Errorf("%s: New succeeded", tt.name)
		}
	}
}

func TestParseUser(t *testing.T) {
	tests := []struct {
		in   string
		want User
		bad  bool
	}{
		{in: "reader", want: User{Name: "reader"}},
		{in: "a:SHA:authpass1", want: User{Name: "a", Auth: AuthSHA, AuthPass: "authpass1"}},
		{in: "b:sha-256:authpass1:aes:privpass1", want: User{Name: "b", Auth: AuthSHA256, AuthPass: "authpass1", Priv: PrivAES, PrivPass: "privpass1"}},
		{in: "c:SHA512:authpass1:AES256C:privpass1", want: User{Name: "c", Auth: AuthSHA512, AuthPass: "authpass1", Priv: PrivAES256C, PrivPass: "privpass1"}},
		{in: "d:MD5:authpass1:AES-192-C:privpass1", want: User{Name: "d", Auth: AuthMD5, AuthPass: "authpass1", Priv: PrivAES192C, PrivPass: "privpass1"}},
		{in: "e:md5:authpass1:des:privpass1", want: User{Name: "e", Auth: AuthMD5, AuthPass: "authpass1", Priv: PrivDES, PrivPass: "privpass1"}},
		{in: "f:SHA", bad: true},
		{in: "g:WHIRLPOOL:authpass1", bad: true},
		{in: "h:SHA:authpass1:ROT13:privpass1", bad: true},
		{in: "i:none::AES:privpass1", bad: true},
		{in: ":SHA:authpass1", bad: true},
	}
	for _, tt := range tests {
		got, err := ParseUser(tt.in)
		if tt.bad {
			if err == nil {
				t.Errorf("ParseUser(%q) succeeded", tt.in)
			} else if strings.Contains(err.Error(), "authpass1") || strings.Contains(err.Error(), "privpass1") {
				t.Errorf("ParseUser(%q) error leaks a passphrase: %v", tt.in, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseUser(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
		if s := got.String(); strings.Contains(s, "pass1") {
			t.Errorf("User.String() leaks a passphrase: %s", s)
		}
	}
}

func TestDataDirLazyAndPreload(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "ok.snmprec"), []byte("1.3.6.1.2.1.1.5.0|4|ok\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "broken.snmprec.bz2"), []byte("not bzip2"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := New(Options{DataDir: dir, Preload: true}); err == nil {
		t.Error("Preload accepted a corrupt file")
	}
	r := serve(t, Options{DataDir: dir})
	g := newClient(t, r.addr, gosnmp.Version2c, "broken")
	g.Timeout, g.Retries = 200*time.Millisecond, 0
	if _, err := g.Get([]string{".1.3.6.1.2.1.1.5.0"}); err == nil {
		t.Error("corrupt device answered")
	}
	g = newClient(t, r.addr, gosnmp.Version2c, "ok")
	if _, err := g.Get([]string{".1.3.6.1.2.1.1.5.0"}); err != nil {
		t.Errorf("good device beside a corrupt one: %v", err)
	}
}

func TestIndexDirPrefersPlain(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"a.snmprec", "a.snmprec.bz2", "b.snmprec.bz2"} {
		if err := os.WriteFile(filepath.Join(dir, n), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	idx, err := IndexDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(idx) != 2 || !strings.HasSuffix(idx["a"], "a.snmprec") || !strings.HasSuffix(idx["b"], "b.snmprec.bz2") {
		t.Errorf("IndexDir = %v", idx)
	}
}

// TestDataDir serves a directory of walks (files load lazily) and walks
// compressed devices by their snmpsim-style community.
func TestDataDir(t *testing.T) {
	serveDataDir(t, walksDir, 5, "UPS/apc-7902b", "os/windows/server-2003-5-2")
}

// TestCorpusDataDir does so over the whole corpus.
func TestCorpusDataDir(t *testing.T) {
	serveDataDir(t, testenv.Corpus(t, "snmpsim-data"), 100, "camera/semac-ipcam-500", "bmc/hp-onboard-administrator")
}

func serveDataDir(t *testing.T, dir string, minDevices int, communities ...string) {
	r := serve(t, Options{DataDir: dir})
	names := r.agent.Communities()
	if len(names) < minDevices {
		t.Fatalf("only %d devices indexed", len(names))
	}
	for _, community := range communities {
		want := parseWalk(t, dir, community+".snmprec.bz2")
		g := newClient(t, r.addr, gosnmp.Version2c, community)
		pdus, err := g.BulkWalkAll(".1.3")
		if err != nil {
			t.Fatalf("%s: %v", community, err)
		}
		sameAsWalk(t, pdus, want.Records())
	}
}
