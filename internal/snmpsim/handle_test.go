package snmpsim

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"log"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"
	"github.com/gosnmp/gosnmp"

	"github.com/netcensus/netcensus/internal/snmprec"
	"github.com/netcensus/netcensus/internal/testenv"
)

// pcapDir holds small captures from Zeek's and tcpdump's test suites
// (testdata/README.md); the corpus tier reads the full set.
const pcapDir = "../../testdata/pcap"

// pcapSNMP returns the UDP payloads to or from ports 161 and 162 in every
// capture under dir's subfolders.
func pcapSNMP(t testing.TB, dir string) [][]byte {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.pcap"))
	if len(files) == 0 {
		t.Fatalf("no pcaps under %s", dir)
	}
	var out [][]byte
	for _, f := range files {
		out = append(out, snmpPayloads(t, f)...)
	}
	return out
}

func snmpPayloads(t testing.TB, path string) [][]byte {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	br := bufio.NewReader(fh)
	var (
		src interface {
			ReadPacketData() ([]byte, gopacket.CaptureInfo, error)
		}
		link layers.LinkType
	)
	if magic, _ := br.Peek(4); bytes.Equal(magic, []byte{0x0a, 0x0d, 0x0d, 0x0a}) {
		ng, err := pcapgo.NewNgReader(br, pcapgo.DefaultNgReaderOptions)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		src, link = ng, ng.LinkType()
	} else {
		r, err := pcapgo.NewReader(br)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		src, link = r, r.LinkType()
	}
	var out [][]byte
	for range 100000 {
		data, _, err := src.ReadPacketData()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			break // truncated captures end early; what was read counts
		}
		pkt := gopacket.NewPacket(data, link, gopacket.Default)
		udp, ok := pkt.Layer(layers.LayerTypeUDP).(*layers.UDP)
		if !ok {
			continue
		}
		if udp.DstPort == 161 || udp.SrcPort == 161 || udp.DstPort == 162 || udp.SrcPort == 162 {
			out = append(out, bytes.Clone(udp.Payload))
		}
	}
	return out
}

func fuzzAgent(t testing.TB) *Agent {
	t.Helper()
	tiny, lerrs, err := snmprec.Parse(bytes.NewReader([]byte(tinyWalk)))
	if err != nil || len(lerrs) != 0 {
		t.Fatal(err, lerrs)
	}
	a, err := New(Options{
		Walks: map[string]*snmprec.Walk{"public": tiny, "tiny": tiny},
		Users: []User{
			{Name: "noauth"},
			{Name: "fuzz", Auth: AuthSHA, AuthPass: "fuzz-auth-pass", Priv: PrivAES, PrivPass: "fuzz-priv-pass"},
			{Name: "fuzzdes", Auth: AuthMD5, AuthPass: "fuzz-auth-pass", Priv: PrivDES, PrivPass: "fuzz-priv-pass"},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// gosnmpRequests are requests of every kind as gosnmp marshals them,
// including v3 ones already bound to the agent's engine.
func gosnmpRequests(t testing.TB) [][]byte {
	t.Helper()
	var out [][]byte
	oids := []string{".1.3.6.1.2.1.1.1.0", ".1.3.6.1.2.1.2.2.1.2"}
	for _, v := range []gosnmp.SnmpVersion{gosnmp.Version1, gosnmp.Version2c} {
		for _, typ := range []gosnmp.PDUType{gosnmp.GetRequest, gosnmp.GetNextRequest, gosnmp.GetBulkRequest, gosnmp.SetRequest} {
			out = append(out, mustEncode(t, v, "tiny", typ, oids, 1, 5))
		}
	}
	for _, u := range []struct {
		name              string
		flags             gosnmp.SnmpV3MsgFlags
		auth              gosnmp.SnmpV3AuthProtocol
		priv              gosnmp.SnmpV3PrivProtocol
		engine, authPass  string
		privPass, context string
	}{
		{"noauth", gosnmp.NoAuthNoPriv, gosnmp.NoAuth, gosnmp.NoPriv, DefaultEngineID, "", "", "tiny"},
		{"fuzz", gosnmp.AuthPriv, gosnmp.SHA, gosnmp.AES, DefaultEngineID, "fuzz-auth-pass", "fuzz-priv-pass", "tiny"},
		{"fuzzdes", gosnmp.AuthPriv, gosnmp.MD5, gosnmp.DES, DefaultEngineID, "fuzz-auth-pass", "fuzz-priv-pass", "tiny"},
		{"nobody", gosnmp.NoAuthNoPriv, gosnmp.NoAuth, gosnmp.NoPriv, DefaultEngineID, "", "", "tiny"},
		{"probe", gosnmp.NoAuthNoPriv, gosnmp.NoAuth, gosnmp.NoPriv, "", "", "", ""}, // engine not yet known
	} {
		g := &gosnmp.GoSNMP{
			Version:       gosnmp.Version3,
			SecurityModel: gosnmp.UserSecurityModel,
			MsgFlags:      u.flags | gosnmp.Reportable,
			ContextName:   u.context,
			SecurityParameters: &gosnmp.UsmSecurityParameters{
				UserName:                 u.name,
				AuthoritativeEngineID:    u.engine,
				AuthoritativeEngineBoots: 1,
				AuthenticationProtocol:   u.auth,
				AuthenticationPassphrase: u.authPass,
				PrivacyProtocol:          u.priv,
				PrivacyPassphrase:        u.privPass,
			},
			Logger: gosnmp.NewLogger(log.New(io.Discard, "", 0)),
		}
		if u.flags != gosnmp.NoAuthNoPriv {
			if err := g.SecurityParameters.InitSecurityKeys(); err != nil {
				t.Fatal(err)
			}
		}
		pdus := []gosnmp.SnmpPDU{{Name: oids[0], Type: gosnmp.Null}}
		b, err := g.SnmpEncodePacket(gosnmp.GetBulkRequest, pdus, 0, 3)
		if err != nil {
			t.Fatalf("encode v3 request for %q: %v", u.name, err)
		}
		out = append(out, b)
	}
	return out
}

// decodeV3Response parses a v3 response as gosnmp would, for user u.
func decodeV3Response(t *testing.T, resp []byte, user string, flags gosnmp.SnmpV3MsgFlags, auth gosnmp.SnmpV3AuthProtocol, authPass string, priv gosnmp.SnmpV3PrivProtocol, privPass string) *gosnmp.SnmpPacket {
	t.Helper()
	g := &gosnmp.GoSNMP{
		Version:       gosnmp.Version3,
		SecurityModel: gosnmp.UserSecurityModel,
		MsgFlags:      flags,
		SecurityParameters: &gosnmp.UsmSecurityParameters{
			UserName:                 user,
			AuthoritativeEngineID:    DefaultEngineID,
			AuthenticationProtocol:   auth,
			AuthenticationPassphrase: authPass,
			PrivacyProtocol:          priv,
			PrivacyPassphrase:        privPass,
		},
		Logger: gosnmp.NewLogger(log.New(io.Discard, "", 0)),
	}
	if flags != gosnmp.NoAuthNoPriv {
		if err := g.SecurityParameters.InitSecurityKeys(); err != nil {
			t.Fatal(err)
		}
	}
	p, err := g.SnmpDecodePacket(resp)
	if err != nil {
		t.Fatalf("gosnmp cannot decode the response: %v", err)
	}
	return p
}

func TestHandleGosnmpRequests(t *testing.T) {
	a := fuzzAgent(t)
	reqs := gosnmpRequests(t)
	type want struct {
		pdu     gosnmp.PDUType
		varbind string // first varbind name
	}
	// v1 GETBULK is not a thing: dropped.
	wants := []*want{
		{gosnmp.GetResponse, ".1.3.6.1.2.1.1.1.0"}, {gosnmp.GetResponse, ".1.3.6.1.2.1.1.2.0"}, nil, {gosnmp.GetResponse, ".1.3.6.1.2.1.1.1.0"},
		{gosnmp.GetResponse, ".1.3.6.1.2.1.1.1.0"}, {gosnmp.GetResponse, ".1.3.6.1.2.1.1.2.0"}, {gosnmp.GetResponse, ".1.3.6.1.2.1.1.2.0"}, {gosnmp.GetResponse, ".1.3.6.1.2.1.1.1.0"},
	}
	for i, w := range wants {
		resp := a.Handle(reqs[i])
		if w == nil {
			if resp != nil {
				t.Errorf("request %d answered", i)
			}
			continue
		}
		g := &gosnmp.GoSNMP{Version: gosnmp.Version2c, Logger: gosnmp.NewLogger(log.New(io.Discard, "", 0))}
		p, err := g.SnmpDecodePacket(resp)
		if err != nil {
			t.Fatalf("request %d: response undecodable: %v", i, err)
		}
		if p.PDUType != w.pdu || len(p.Variables) == 0 || p.Variables[0].Name != w.varbind {
			t.Errorf("request %d: %v %+v", i, p.PDUType, p.Variables)
		}
	}

	v3 := reqs[len(wants):]
	// noAuthNoPriv user: a plain response.
	p := decodeV3Response(t, a.Handle(v3[0]), "noauth", gosnmp.NoAuthNoPriv, gosnmp.NoAuth, "", gosnmp.NoPriv, "")
	if p.PDUType != gosnmp.GetResponse || len(p.Variables) != 3 || p.Variables[0].Name != ".1.3.6.1.2.1.1.2.0" {
		t.Errorf("v3 noauth: %v %+v", p.PDUType, p.Variables)
	}
	// authPriv users: encrypted responses gosnmp decrypts.
	p = decodeV3Response(t, a.Handle(v3[1]), "fuzz", gosnmp.AuthPriv, gosnmp.SHA, "fuzz-auth-pass", gosnmp.AES, "fuzz-priv-pass")
	if p.PDUType != gosnmp.GetResponse || len(p.Variables) != 3 {
		t.Errorf("v3 SHA/AES: %v %+v", p.PDUType, p.Variables)
	}
	p = decodeV3Response(t, a.Handle(v3[2]), "fuzzdes", gosnmp.AuthPriv, gosnmp.MD5, "fuzz-auth-pass", gosnmp.DES, "fuzz-priv-pass")
	if p.PDUType != gosnmp.GetResponse || len(p.Variables) != 3 {
		t.Errorf("v3 MD5/DES: %v %+v", p.PDUType, p.Variables)
	}
	// Unknown user and discovery: unauthenticated reports.
	for i, wantOID := range map[int]string{3: ".1.3.6.1.6.3.15.1.1.3.0", 4: ".1.3.6.1.6.3.15.1.1.4.0"} {
		p = decodeV3Response(t, a.Handle(v3[i]), "reader", gosnmp.NoAuthNoPriv, gosnmp.NoAuth, "", gosnmp.NoPriv, "")
		if p.PDUType != gosnmp.Report || len(p.Variables) != 1 || p.Variables[0].Name != wantOID {
			t.Errorf("v3 request %d: %v %+v, want a report of %s", i, p.PDUType, p.Variables, wantOID)
		}
	}
	// A replayed authenticated message tampered with fails the digest.
	tampered := bytes.Clone(v3[1])
	tampered[len(tampered)-1] ^= 0xff
	if resp := a.Handle(tampered); resp == nil {
		t.Error("tampered message: no report")
	}
	if a.Stats().WrongDigests != 1 {
		t.Errorf("WrongDigests = %d", a.Stats().WrongDigests)
	}
}

func TestHandlePcapPackets(t *testing.T) { handlePcapPackets(t, pcapSNMP(t, pcapDir)) }

func TestHandleCorpusPcapPackets(t *testing.T) {
	handlePcapPackets(t, pcapSNMP(t, testenv.Corpus(t, "pcap")))
}

func handlePcapPackets(t *testing.T, payloads [][]byte) {
	a := fuzzAgent(t)
	answered := 0
	for _, p := range payloads {
		resp := a.Handle(bytes.Clone(p))
		if resp == nil {
			continue
		}
		answered++
		if _, err := decodeMessage(resp); err != nil {
			t.Errorf("own response undecodable: %v", err)
		}
	}
	s := a.Stats()
	t.Logf("%d SNMP payloads from pcaps: %d answered, %d malformed, %d unknown community, %+v", len(payloads), answered, s.Malformed, s.UnknownCommunity, s)
	if len(payloads) < 20 {
		t.Errorf("only %d SNMP payloads found in the pcaps", len(payloads))
	}
	if answered == 0 {
		t.Error("no pcap request was answered (community public serves the tiny walk)")
	}
}

func TestBERRoundTrip(t *testing.T) {
	ints := []int64{0, 1, -1, 127, 128, -128, -129, 255, 256, 32767, -32768, 1 << 31, -(1 << 31), 1<<63 - 1, -1 << 63}
	for _, v := range ints {
		b := appendInt(nil, tagInteger, v)
		_, c, rest, err := readTLV(b)
		if err != nil || len(rest) != 0 {
			t.Fatalf("%d: %v", v, err)
		}
		got, err := decodeInt(c)
		if err != nil || got != v {
			t.Errorf("int %d -> % x -> %d, %v", v, b, got, err)
		}
	}
	for _, v := range []uint64{0, 127, 128, 255, 256, 1<<32 - 1, 1 << 63, 1<<64 - 1} {
		b := appendUint(nil, 0x46, v)
		_, c, _, err := readTLV(b)
		if err != nil {
			t.Fatal(err)
		}
		var got uint64
		for _, x := range c {
			got = got<<8 | uint64(x)
		}
		if got != v || len(c) > 9 || (len(c) > 1 && c[0] == 0 && c[1]&0x80 == 0) {
			t.Errorf("uint %d -> % x", v, b)
		}
	}
	for _, oid := range []string{"1.3.6.1.2.1.1.1.0", "0.0", "2.999.1", "1.3.6.1.4.1.4294967295.128.16383.16384", "1.39"} {
		c := appendOIDContent(nil, oid)
		got, err := decodeOID(c)
		if err != nil || got != oid {
			t.Errorf("OID %s -> % x -> %s, %v", oid, c, got, err)
		}
	}
	for _, bad := range [][]byte{{}, {0x80, 0x01}, {0x2b, 0x86}, {0x2b, 0x90, 0x80, 0x80, 0x80, 0x80, 0x01}} {
		if got, err := decodeOID(bad); err == nil {
			t.Errorf("decodeOID(% x) = %s, want error", bad, got)
		}
	}
	lens := []int{0, 127, 128, 255, 256, 65535, 65536}
	for _, n := range lens {
		b := appendTLV(nil, tagOctetString, make([]byte, n))
		if lengthLen(n) != len(b)-1-n {
			t.Errorf("lengthLen(%d) = %d, encoded %d", n, lengthLen(n), len(b)-1-n)
		}
		_, c, _, err := readTLV(b)
		if err != nil || len(c) != n {
			t.Errorf("TLV of %d: %v", n, err)
		}
	}
}

func FuzzHandle(f *testing.F) {
	for _, p := range gosnmpRequests(f) {
		f.Add(p)
	}
	for _, p := range pcapSNMP(f, pcapDir) {
		f.Add(p)
	}
	if dir, ok := testenv.OptionalCorpus(f, "pcap"); ok {
		for _, p := range pcapSNMP(f, dir) {
			f.Add(p)
		}
	}
	a := fuzzAgent(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		resp := a.Handle(data)
		if resp == nil {
			return
		}
		if len(resp) > a.opts.MaxMessageSize {
			t.Fatalf("response of %d bytes", len(resp))
		}
		if _, err := decodeMessage(resp); err != nil {
			t.Fatalf("own response undecodable: %v", err)
		}
	})
}
