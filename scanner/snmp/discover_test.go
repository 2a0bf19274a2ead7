package snmp_test

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"sync"
	"testing"
	"time"

	"github.com/gosnmp/gosnmp"

	"github.com/netcensus/netcensus/scanner/snmp"
)

// miniAgent answers discovery on one loopback address: a GET with the
// right community gets the system group; a v3 engine probe gets a report
// with engineID; wrongID answers with a request ID it was not asked.
type miniAgent struct {
	community string
	engineID  string
	wrongID   bool
	conn      net.PacketConn

	mu    sync.Mutex
	asked []string // communities it was asked with, in order
}

func (m *miniAgent) communities() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]string(nil), m.asked...)
}

func (m *miniAgent) serve(wg *sync.WaitGroup) {
	defer wg.Done()
	buf := make([]byte, 65536)
	for {
		n, from, err := m.conn.ReadFrom(buf)
		if err != nil {
			return
		}
		req, err := snmp.DecodeResponse(buf[:n])
		if err != nil {
			continue
		}
		if req.Version != gosnmp.Version3 {
			m.mu.Lock()
			m.asked = append(m.asked, req.Community)
			m.mu.Unlock()
		}
		var out []byte
		switch {
		case req.Version == gosnmp.Version3 && m.engineID != "":
			p := &gosnmp.SnmpPacket{
				Version: gosnmp.Version3, MsgFlags: gosnmp.NoAuthNoPriv, SecurityModel: gosnmp.UserSecurityModel,
				SecurityParameters: &gosnmp.UsmSecurityParameters{AuthoritativeEngineID: m.engineID, AuthoritativeEngineBoots: 1, AuthoritativeEngineTime: 5},
				PDUType:            gosnmp.Report, MsgID: req.MsgID, RequestID: req.RequestID, MsgMaxSize: 65507,
				ContextEngineID: m.engineID,
				Variables:       []gosnmp.SnmpPDU{{Name: ".1.3.6.1.6.3.15.1.1.4.0", Type: gosnmp.Counter32, Value: uint32(1)}},
			}
			out, err = p.MarshalMsg()
		case req.Version != gosnmp.Version3 && req.Community == m.community:
			id := req.RequestID
			if m.wrongID {
				id++
			}
			p := &gosnmp.SnmpPacket{Version: req.Version, Community: req.Community, PDUType: gosnmp.GetResponse, RequestID: id,
				Variables: []gosnmp.SnmpPDU{
					{Name: ".1.3.6.1.2.1.1.1.0", Type: gosnmp.OctetString, Value: []byte("mini agent " + m.conn.LocalAddr().String())},
					{Name: ".1.3.6.1.2.1.1.2.0", Type: gosnmp.ObjectIdentifier, Value: ".1.3.6.1.4.1.9.1.1"},
					{Name: ".1.3.6.1.2.1.1.3.0", Type: gosnmp.TimeTicks, Value: uint32(4200)},
					{Name: ".1.3.6.1.2.1.1.5.0", Type: gosnmp.OctetString, Value: []byte("mini")},
				}}
			out, err = p.MarshalMsg()
		default:
			continue
		}
		if err == nil {
			m.conn.WriteTo(out, from)
		}
	}
}

// startAgents binds one miniAgent per loopback address 127.0.0.(10+i),
// all on one port.
func startAgents(t *testing.T, agents []*miniAgent) (int, []netip.Addr) {
	t.Helper()
	var port int
	var addrs []netip.Addr
	var wg sync.WaitGroup
	for i, m := range agents {
		a := netip.AddrFrom4([4]byte{127, 0, 0, byte(10 + i)})
		c, err := net.ListenPacket("udp", netip.AddrPortFrom(a, uint16(port)).String())
		if err != nil {
			t.Skipf("loopback %s: %v", a, err)
		}
		if port == 0 {
			port = c.LocalAddr().(*net.UDPAddr).Port
		}
		m.conn = c
		addrs = append(addrs, a)
		wg.Add(1)
		go m.serve(&wg)
	}
	t.Cleanup(func() {
		for _, m := range agents {
			m.conn.Close()
		}
		wg.Wait()
	})
	return port, addrs
}

func TestDiscover(t *testing.T) {
	agents := []*miniAgent{
		{community: "c2"}, // answers the second set
		{community: "c1", engineID: "\x80\x00\x1f\x88\x80\x01\x02\x03\x04"}, // first set and v3
		{community: "zzz"},                                 // silent
		{community: "c1", wrongID: true},                   // answers with a wrong request ID
		{engineID: "\x80\x00\x1f\x88\x80\x09\x09\x09\x09"}, // v3 only
	}
	port, addrs := startAgents(t, agents)
	// One address nothing listens on.
	addrs = append(addrs, netip.MustParseAddr("127.0.0.200"))
	creds := []snmp.Credential{
		{Name: "c1", Version: gosnmp.Version2c, Community: "c1"},
		{Name: "c2", Version: gosnmp.Version1, Community: "c2"},
		{Name: "v3", Version: gosnmp.Version3, User: "u"},
		{Name: "c3-elsewhere", Version: gosnmp.Version2c, Community: "zzz", Subnets: []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")}},
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	got, err := snmp.Discover(ctx, addrs, snmp.DiscoverOptions{Port: port, Credentials: creds, Timeout: 300 * time.Millisecond, Retries: 1})
	if err != nil {
		t.Fatal(err)
	}
	if r := got[addrs[0]]; r == nil || r.Credential != 1 || r.SysName != "mini" || r.SysObjectID != "1.3.6.1.4.1.9.1.1" || r.SysUptime != 4200 {
		t.Errorf("agent 0: %+v", r)
	}
	if r := got[addrs[1]]; r == nil || r.Credential != 0 || r.EngineID != "80001f888001020304" {
		t.Errorf("agent 1: %+v", r)
	}
	if r := got[addrs[2]]; r != nil {
		t.Errorf("silent agent (its community scoped elsewhere) found: %+v", r)
	}
	if r := got[addrs[3]]; r != nil {
		t.Errorf("reply with a wrong request ID accepted: %+v", r)
	}
	if r := got[addrs[4]]; r == nil || r.Credential != -1 || r.EngineID != "80001f888009090909" {
		t.Errorf("v3-only agent: %+v", r)
	}
	if len(got) != 3 {
		t.Errorf("%d responders, want 3", len(got))
	}
}

// TestDiscoverRemembered: an address whose set is remembered is asked
// with that set alone while it answers; one whose set changed or that
// went silent is asked with every set, even with no retries left.
func TestDiscoverRemembered(t *testing.T) {
	agents := []*miniAgent{
		{community: "c2", engineID: "\x80\x00\x1f\x88\x80\x01\x01\x01\x01"}, // remembered c2, still c2
		{community: "c1"},   // remembered c2, now c1
		{community: "gone"}, // remembered c1, answers nothing we have
		{community: "c1"},   // nothing remembered
		{community: "c2"},   // remembered index out of range: ignored
	}
	port, addrs := startAgents(t, agents)
	creds := []snmp.Credential{
		{Name: "c1", Version: gosnmp.Version2c, Community: "c1"},
		{Name: "c2", Version: gosnmp.Version2c, Community: "c2"},
		{Name: "v3", Version: gosnmp.Version3, User: "u"},
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	got, err := snmp.Discover(ctx, addrs, snmp.DiscoverOptions{Port: port, Credentials: creds, Timeout: 300 * time.Millisecond,
		Remembered: map[netip.Addr]int{addrs[0]: 1, addrs[1]: 1, addrs[2]: 0, addrs[4]: 7}})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []struct {
		cred  int
		asked string
	}{{1, "[c2]"}, {0, "[c2 c1 c2]"}, {-2, "[c1 c1 c2]"}, {0, "[c1 c2]"}, {1, "[c1 c2]"}} {
		r := got[addrs[i]]
		switch {
		case want.cred == -2 && r != nil:
			t.Errorf("agent %d: found %+v", i, r)
		case want.cred != -2 && (r == nil || r.Credential != want.cred):
			t.Errorf("agent %d: %+v, want credential %d", i, r, want.cred)
		}
		if a := fmt.Sprint(agents[i].communities()); a != want.asked {
			t.Errorf("agent %d asked with %s, want %s", i, a, want.asked)
		}
	}
	// The v3 engine probe still goes with the remembered set.
	if r := got[addrs[0]]; r == nil || r.EngineID != "80001f888001010101" {
		t.Errorf("agent 0 engine ID: %+v", r)
	}
}

func TestDiscoverCancel(t *testing.T) {
	var addrs []netip.Addr
	for i := range 2000 {
		addrs = append(addrs, netip.AddrFrom4([4]byte{127, 1, byte(i >> 8), byte(i)}))
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := snmp.Discover(ctx, addrs, snmp.DiscoverOptions{Port: 9, Timeout: time.Hour, Retries: 5,
			Credentials: snmp.DefaultCredentials()})
		done <- err
	}()
	time.AfterFunc(20*time.Millisecond, cancel)
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("cancelled discovery returned no error")
		}
	case <-time.After(3 * time.Second):
		t.Fatal("Discover did not return after cancel")
	}
}

func TestDiscoverNoListen(t *testing.T) {
	_, err := snmp.Discover(context.Background(), nil, snmp.DiscoverOptions{Listen: func() (net.PacketConn, error) { return nil, fmt.Errorf("no sockets today") }})
	if err == nil {
		t.Fatal("socket error swallowed")
	}
}
