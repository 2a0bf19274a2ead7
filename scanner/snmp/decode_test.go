package snmp_test

import (
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"
	"github.com/gosnmp/gosnmp"

	"github.com/netcensus/netcensus/internal/snmprec"
	"github.com/netcensus/netcensus/internal/testenv"
	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner/snmp"
)

func oct(s string) snmprec.Value {
	return snmprec.Value{Type: snmprec.TypeOctetString, Bytes: []byte(s)}
}
func octB(b ...byte) snmprec.Value {
	return snmprec.Value{Type: snmprec.TypeOctetString, Bytes: b}
}
func integer(n int64) snmprec.Value { return snmprec.Value{Type: snmprec.TypeInteger, Int: n} }
func gauge(n uint64) snmprec.Value  { return snmprec.Value{Type: snmprec.TypeGauge32, Uint: n} }
func oidV(s string) snmprec.Value   { return snmprec.Value{Type: snmprec.TypeOID, OID: s} }

func walkOf(m map[string]snmprec.Value) *snmprec.Walk {
	var recs []snmprec.Record
	for k, v := range m {
		recs = append(recs, snmprec.Record{OID: k, Value: v})
	}
	return snmprec.NewWalk(recs)
}

func TestDecode(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	w := walkOf(map[string]snmprec.Value{
		"1.3.6.1.2.1.1.1.0": oct("Linux lab 6.1.0-18-amd64 #1 SMP x86_64"),
		"1.3.6.1.2.1.1.2.0": oidV("1.3.6.1.4.1.8072.3.2.10"),
		"1.3.6.1.2.1.1.3.0": {Type: snmprec.TypeTimeTicks, Uint: 123456},
		"1.3.6.1.2.1.1.5.0": oct("lab-host\x1b[31m"),
		"1.3.6.1.2.1.1.6.0": oct("rack 1"),
		// hrSWInstalled: Debian naming, DateAndTime with zone
		"1.3.6.1.2.1.25.6.3.1.2.1": oct("adduser_3.134_all"),
		"1.3.6.1.2.1.25.6.3.1.4.1": integer(4),
		"1.3.6.1.2.1.25.6.3.1.5.1": octB(0x07, 0xe8, 1, 15, 10, 30, 0, 0, '+', 1, 0),
		// hrStorage: a negative Integer32 size (agent overflow) and RAM
		"1.3.6.1.2.1.25.2.3.1.2.1":  oidV("1.3.6.1.2.1.25.2.1.2"),
		"1.3.6.1.2.1.25.2.3.1.3.1":  oct("Physical memory"),
		"1.3.6.1.2.1.25.2.3.1.4.1":  integer(1024),
		"1.3.6.1.2.1.25.2.3.1.5.1":  integer(2048),
		"1.3.6.1.2.1.25.2.3.1.6.1":  integer(1024),
		"1.3.6.1.2.1.25.2.3.1.2.31": oidV("1.3.6.1.2.1.25.2.1.4"),
		"1.3.6.1.2.1.25.2.3.1.3.31": oct("/"),
		"1.3.6.1.2.1.25.2.3.1.4.31": integer(4096),
		"1.3.6.1.2.1.25.2.3.1.5.31": integer(-1),
		"1.3.6.1.2.1.25.2.3.1.6.31": integer(10),
		// interfaces: ifHighSpeed wins over a saturated ifSpeed
		"1.3.6.1.2.1.4.20.1.2.198.51.100.9": integer(2),
		"1.3.6.1.2.1.4.20.1.2.127.0.0.1":    integer(1),
		"1.3.6.1.2.1.2.2.1.2.2":             oct("eth0"),
		"1.3.6.1.2.1.2.2.1.3.2":             integer(6),
		"1.3.6.1.2.1.2.2.1.5.2":             gauge(4294967295),
		"1.3.6.1.2.1.2.2.1.6.2":             octB(0x00, 0x1b, 0x54, 0x01, 0x02, 0x03),
		"1.3.6.1.2.1.2.2.1.7.2":             integer(1),
		"1.3.6.1.2.1.2.2.1.8.2":             integer(2),
		"1.3.6.1.2.1.31.1.1.1.1.2":          oct("eth0"),
		"1.3.6.1.2.1.31.1.1.1.6.2":          {Type: snmprec.TypeCounter64, Uint: 1 << 40},
		"1.3.6.1.2.1.31.1.1.1.15.2":         gauge(10000),
		"1.3.6.1.2.1.31.1.1.1.18.2":         oct("uplink"),
		// router ARP cache: one via ipNetToMedia, one via ipNetToPhysical (v4 and v6), one invalid
		"1.3.6.1.2.1.4.22.1.2.2.203.0.113.7":                              octB(0x00, 0x05, 0x85, 0xaa, 0xbb, 0xcc),
		"1.3.6.1.2.1.4.22.1.4.2.203.0.113.7":                              integer(3),
		"1.3.6.1.2.1.4.22.1.2.2.203.0.113.8":                              octB(0x00, 0x05, 0x85, 0xaa, 0xbb, 0xcd),
		"1.3.6.1.2.1.4.22.1.4.2.203.0.113.8":                              integer(2),
		"1.3.6.1.2.1.4.35.1.4.2.2.16.32.1.13.184.0.0.0.0.0.0.0.0.0.0.0.9": octB(0x00, 0x05, 0x85, 0x00, 0x00, 0x09),
		"1.3.6.1.2.1.4.35.1.6.2.2.16.32.1.13.184.0.0.0.0.0.0.0.0.0.0.0.9": integer(3),
		// LLDP
		"1.0.8802.1.1.2.1.3.7.1.3.5":     oct("Gi0/5"),
		"1.0.8802.1.1.2.1.4.1.1.4.0.5.1": integer(4),
		"1.0.8802.1.1.2.1.4.1.1.5.0.5.1": octB(0x00, 0x1b, 0x54, 0x99, 0x88, 0x77),
		"1.0.8802.1.1.2.1.4.1.1.6.0.5.1": integer(5),
		"1.0.8802.1.1.2.1.4.1.1.7.0.5.1": oct("Ethernet1"),
		"1.0.8802.1.1.2.1.4.1.1.9.0.5.1": oct("core-sw"),
	})
	a, arp := snmp.Decode(w, netip.MustParseAddr("198.51.100.9"), now)
	if a.SysName != "lab-host[31m" || a.SysUptimeS != 1234 || a.SysObjectID != "1.3.6.1.4.1.8072.3.2.10" || a.SysLocation != "rack 1" {
		t.Errorf("system: %+v", a)
	}
	if len(a.Software) != 1 || a.Software[0].Name != "adduser" || a.Software[0].Version != "3.134" ||
		!a.Software[0].InstalledAt.Equal(time.Date(2024, 1, 15, 9, 30, 0, 0, time.UTC)) {
		t.Errorf("software: %+v", a.Software)
	}
	if len(a.Storage) != 2 || a.Storage[0].Type != "ram" || a.Storage[0].SizeBytes != 2048*1024 ||
		a.Storage[1].SizeBytes != 4096*4294967295 || a.Storage[1].Type != "fixed_disk" {
		t.Errorf("storage: %+v", a.Storage)
	}
	if len(a.Interfaces) != 1 {
		t.Fatalf("interfaces: %+v", a.Interfaces)
	}
	i := a.Interfaces[0]
	if i.Index != 2 || i.Name != "eth0" || i.Alias != "uplink" || i.Type != "ethernetCsmacd" || i.SpeedBps != 10_000_000_000 ||
		i.MAC.String() != "00:1b:54:01:02:03" || !i.AdminUp || i.OperUp || i.InOctets != 1<<40 {
		t.Errorf("interface: %+v", i)
	}
	if a.MAC.String() != "00:1b:54:01:02:03" || a.IP.String() != "198.51.100.9" {
		t.Errorf("asset mac %s", a.MAC)
	}
	if len(a.Neighbors) != 1 || !reflect.DeepEqual(a.Neighbors[0], record.Neighbor{LocalPort: "Gi0/5", ChassisID: "00:1b:54:99:88:77", PortID: "Ethernet1", SysName: "core-sw", Protocol: "lldp"}) {
		t.Errorf("neighbors: %+v", a.Neighbors)
	}
	got := map[string]string{}
	for _, o := range arp {
		src := record.SourceRouterARP
		if o.Asset.IP.Is6() {
			src = record.SourceRouterND
		}
		if o.Source != src || o.Asset.Sources[0] != src || !o.Time.Equal(now) || len(o.Asset.Sources) != 1 {
			t.Errorf("observation %+v", o)
		}
		got[o.Asset.IP.String()] = o.Asset.MAC.String()
	}
	want := map[string]string{"203.0.113.7": "00:05:85:aa:bb:cc", "2001:db8::9": "00:05:85:00:00:09"}
	if len(got) != len(want) || got["203.0.113.7"] != want["203.0.113.7"] || got["2001:db8::9"] != want["2001:db8::9"] {
		t.Errorf("router arp: %v", got)
	}
}

// TestDecodeIPNetToPhysical: a router's neighbour table, IPv4 and IPv6
// (with and without a zone), by IP-MIB's type and state: delay and probe
// entries are neighbours, incomplete and invalid ones are not.
func TestDecodeIPNetToPhysical(t *testing.T) {
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	const e = "1.3.6.1.2.1.4.35.1"
	v6 := func(last int) string { return fmt.Sprintf("2.16.32.1.13.184.0.0.0.0.0.0.0.0.0.0.0.%d", last) }
	ll := "4.20.254.128.0.0.0.0.0.0.0.0.0.0.0.0.0.33.0.0.0.3" // fe80::21, zone 3
	rows := map[string][]any{
		// index: row's MAC, type, state
		"3.1.4.203.0.113.7": {octB(0, 5, 0x85, 0, 0, 7), 3, 1},
		"3." + v6(9):        {octB(0, 5, 0x85, 0, 0, 9), 3, 3},    // delay: a neighbour
		"3." + v6(10):       {octB(0, 5, 0x85, 0, 0, 10), 3, 7},   // incomplete
		"3." + v6(11):       {octB(0, 5, 0x85, 0, 0, 11), 2, 1},   // invalid type
		"3." + v6(12):       {octB(0, 5, 0x85, 0, 0, 12), 3, 5},   // invalid state
		"3." + v6(13):       {octB(0, 5, 0x85, 0, 0, 13), 4, 4},   // static, probe
		"3." + ll:           {octB(0, 5, 0x85, 0, 0, 0x21), 3, 2}, // link-local with its zone, stale
		"3.2.16.255.2.0.0.0.0.0.0.0.0.0.0.0.0.0.1": {octB(0x33, 0x33, 0, 0, 0, 1), 3, 1}, // multicast
		"3.2.4.1.2.3.4": {octB(0, 5, 0x85, 0, 0, 14), 3, 1}, // ipv6 of 4 bytes
	}
	walk := map[string]snmprec.Value{}
	for idx, r := range rows {
		walk[e+".4."+idx] = r[0].(snmprec.Value)
		walk[e+".6."+idx] = integer(int64(r[1].(int)))
		walk[e+".7."+idx] = integer(int64(r[2].(int)))
	}
	_, obs := snmp.Decode(walkOf(walk), netip.Addr{}, now)
	var got []string
	for _, o := range obs {
		got = append(got, fmt.Sprintf("%s %s %s", o.Source, o.Asset.IP, o.Asset.MAC))
	}
	slices.Sort(got)
	want := []string{
		"router_arp 203.0.113.7 00:05:85:00:00:07",
		"router_nd 2001:db8::9 00:05:85:00:00:09",
		"router_nd 2001:db8::d 00:05:85:00:00:0d",
		"router_nd fe80::21 00:05:85:00:00:21",
	}
	if !slices.Equal(got, want) {
		t.Errorf("neighbours\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestRecordsRoundTrip(t *testing.T) {
	pdus := []gosnmp.SnmpPDU{
		{Name: ".1.3.6.1.2.1.1.1.0", Type: gosnmp.OctetString, Value: []byte{0xff, 0xfe, 0x00}},
		{Name: ".1.3.6.1.2.1.1.2.0", Type: gosnmp.ObjectIdentifier, Value: ".1.3.6.1.4.1.9.1.1"},
		{Name: ".1.3.6.1.2.1.1.3.0", Type: gosnmp.TimeTicks, Value: uint32(100)},
		{Name: ".1.3.6.1.2.1.4.20.1.1.203.0.113.1", Type: gosnmp.IPAddress, Value: "203.0.113.1"},
		{Name: ".1.3.6.1.2.1.31.1.1.1.6.1", Type: gosnmp.Counter64, Value: uint64(1 << 50)},
		{Name: ".1.3.6.1.2.1.2.2.1.5.1", Type: gosnmp.Gauge32, Value: uint(1000)},
		{Name: ".1.3.6.1.2.1.2.2.1.1.1", Type: gosnmp.Integer, Value: 1},
		{Name: ".1.3.6.1.2.1.99", Type: gosnmp.NoSuchObject},
	}
	recs := snmp.Records(pdus)
	if len(recs) != 7 {
		t.Fatalf("got %d records: %+v", len(recs), recs)
	}
	w := snmprec.NewWalk(recs)
	if v, _ := w.Get("1.3.6.1.2.1.1.2.0"); v.OID != "1.3.6.1.4.1.9.1.1" {
		t.Errorf("oid value %+v", v)
	}
	if v, _ := w.Get("1.3.6.1.2.1.4.20.1.1.203.0.113.1"); v.String() != "203.0.113.1" {
		t.Errorf("ip value %+v", v)
	}
	if v, _ := w.Get("1.3.6.1.2.1.1.1.0"); v.IsText() {
		t.Errorf("binary octets taken for text: %+v", v)
	}
	a, _ := snmp.Decode(w, netip.Addr{}, time.Now())
	if a.SysDescr != "ff:fe:00" {
		t.Errorf("binary sysDescr rendered %q", a.SysDescr)
	}
}

// pcapDir holds small captures from Zeek's and tcpdump's test suites
// (testdata/README.md); the corpus tier reads the full set.
const pcapDir = "../../testdata/pcap"

func TestMain(m *testing.M) { testenv.Main(m) }

// snmpPcaps lists the SNMP captures in dir's subfolders.
func snmpPcaps(t testing.TB, dir string) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*snmp*.pcap"))
	if len(files) == 0 {
		t.Fatalf("no SNMP pcaps in %s", dir)
	}
	return files
}

// TestReplayPcaps feeds every SNMP datagram of the captures (malformed
// ones included) to the response decoder: errors are fine, panics and
// hangs are not.
func TestReplayPcaps(t *testing.T) { replayPcaps(t, snmpPcaps(t, pcapDir)) }

func TestReplayCorpusPcaps(t *testing.T) {
	replayPcaps(t, snmpPcaps(t, testenv.Corpus(t, "pcap")))
}

func replayPcaps(t *testing.T, files []string) {
	total, decoded := 0, 0
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		r, err := pcapgo.NewReader(fh)
		if err != nil {
			fh.Close()
			t.Logf("%s: %v (not a classic pcap)", f, err)
			continue
		}
		src := gopacket.NewPacketSource(r, r.LinkType())
		src.DecodeOptions = gopacket.DecodeOptions{Lazy: true, NoCopy: true}
		for p := range src.Packets() {
			u, ok := p.Layer(layers.LayerTypeUDP).(*layers.UDP)
			if !ok || len(u.Payload) == 0 {
				continue
			}
			total++
			if pkt, err := snmp.DecodeResponse(u.Payload); err == nil && pkt != nil {
				decoded++
			}
		}
		fh.Close()
	}
	t.Logf("%d pcaps, %d UDP payloads, %d decoded", len(files), total, decoded)
	if total == 0 {
		t.Fatal("no UDP payloads found in the SNMP pcaps")
	}
	if decoded == 0 {
		t.Fatal("not one SNMP message decoded")
	}
}

func FuzzDecodeResponse(f *testing.F) {
	files := snmpPcaps(f, pcapDir)
	if dir, ok := testenv.OptionalCorpus(f, "pcap"); ok {
		files = append(files, snmpPcaps(f, dir)...)
	}
	for _, fn := range files {
		fh, err := os.Open(fn)
		if err != nil {
			continue
		}
		if r, err := pcapgo.NewReader(fh); err == nil {
			src := gopacket.NewPacketSource(r, r.LinkType())
			for p := range src.Packets() {
				if u, ok := p.Layer(layers.LayerTypeUDP).(*layers.UDP); ok {
					f.Add(append([]byte(nil), u.Payload...))
				}
			}
		}
		fh.Close()
	}
	f.Add([]byte{0x30, 0x03, 0x02, 0x01, 0x01})
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = snmp.DecodeResponse(b)
	})
}

func FuzzDecodeWalk(f *testing.F) {
	f.Add("1.3.6.1.2.1.4.35.1.4.2.2.16.32.1.13.184.0.0.0.0.0.0.0.0.0.0.0.9", []byte{0, 5, 0x85, 0, 0, 9}, int64(3))
	f.Add("1.3.6.1.2.1.25.6.3.1.5.1", []byte{0x07, 0xe8, 1, 15, 10, 30, 0, 0, '+', 1, 0}, int64(-1))
	f.Add("1.0.8802.1.1.2.1.4.1.1.5.0.5.1", []byte{1, 203, 0, 113, 1}, int64(5))
	f.Add("1.3.6.1.2.1.25.3.3.1.2", []byte{}, int64(250))
	f.Add("1.3.6.1.2.1.25.2.2", []byte{1}, int64(-1))
	f.Fuzz(func(t *testing.T, oid string, b []byte, n int64) {
		w := snmprec.NewWalk([]snmprec.Record{
			{OID: oid, Value: snmprec.Value{Type: snmprec.TypeOctetString, Bytes: b}},
			{OID: oid + ".1", Value: snmprec.Value{Type: snmprec.TypeInteger, Int: n}},
		})
		a, obs := snmp.Decode(w, netip.Addr{}, time.Unix(0, 0))
		for _, o := range obs {
			if !o.Asset.IP.IsValid() {
				t.Fatalf("observation without address: %+v", o)
			}
		}
		_ = a
	})
}
