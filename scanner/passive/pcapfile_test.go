package passive

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"testing"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"
)

// Capture files built byte by byte (and, for an independent encoder, by
// pcapgo's writers).

type byteOrder interface {
	binary.ByteOrder
	binary.AppendByteOrder
}

var (
	le byteOrder = binary.LittleEndian
	be byteOrder = binary.BigEndian
)

type rec struct {
	sec, frac uint32
	data      []byte
	incl      int // the record's captured length, when not len(data)
}

// pcapFile builds a classic pcap file.
func pcapFile(o byteOrder, magic, link, snaplen uint32, recs ...rec) []byte {
	b := o.AppendUint32(nil, magic)
	b = o.AppendUint16(b, 2)
	b = o.AppendUint16(b, 4)
	b = append(b, make([]byte, 8)...)
	b = o.AppendUint32(b, snaplen)
	b = o.AppendUint32(b, link)
	for _, r := range recs {
		incl := r.incl
		if incl == 0 {
			incl = len(r.data)
		}
		b = o.AppendUint32(b, r.sec)
		b = o.AppendUint32(b, r.frac)
		b = o.AppendUint32(b, uint32(incl))
		b = o.AppendUint32(b, uint32(len(r.data)))
		b = append(b, r.data...)
	}
	return b
}

// ngBlock builds a pcapng block: type, total length, body padded to 4
// bytes, total length.
func ngBlock(o byteOrder, typ uint32, body []byte) []byte {
	body = append(bytes.Clone(body), make([]byte, (4-len(body)%4)%4)...)
	b := o.AppendUint32(nil, typ)
	b = o.AppendUint32(b, uint32(12+len(body)))
	b = append(b, body...)
	return o.AppendUint32(b, uint32(12+len(body)))
}

func ngSHB(o byteOrder, major uint16) []byte {
	body := o.AppendUint32(nil, ngByteOrderMagic)
	body = o.AppendUint16(body, major)
	body = o.AppendUint16(body, 0)
	body = append(body, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)
	return ngBlock(o, ngSectionHeader, body)
}

// ngOpt is an option: code, length, value padded to 4 bytes.
func ngOpt(o byteOrder, code uint16, v []byte) []byte {
	b := o.AppendUint16(nil, code)
	b = o.AppendUint16(b, uint16(len(v)))
	return append(append(b, v...), make([]byte, (4-len(v)%4)%4)...)
}

func ngIDB(o byteOrder, link uint16, snaplen uint32, opts ...[]byte) []byte {
	body := o.AppendUint16(nil, link)
	body = o.AppendUint16(body, 0)
	body = o.AppendUint32(body, snaplen)
	for _, opt := range opts {
		body = append(body, opt...)
	}
	if len(opts) > 0 {
		body = append(body, 0, 0, 0, 0)
	}
	return ngBlock(o, ngIfaceDesc, body)
}

func ngEPB(o byteOrder, id uint32, ts uint64, data []byte) []byte {
	body := o.AppendUint32(nil, id)
	body = o.AppendUint32(body, uint32(ts>>32))
	body = o.AppendUint32(body, uint32(ts))
	body = o.AppendUint32(body, uint32(len(data)))
	body = o.AppendUint32(body, uint32(len(data)))
	return ngBlock(o, ngEnhancedPacket, append(body, data...))
}

func ngOPB(o byteOrder, id uint16, ts uint64, data []byte) []byte {
	body := o.AppendUint16(nil, id)
	body = o.AppendUint16(body, 0)
	body = o.AppendUint32(body, uint32(ts>>32))
	body = o.AppendUint32(body, uint32(ts))
	body = o.AppendUint32(body, uint32(len(data)))
	body = o.AppendUint32(body, uint32(len(data)))
	return ngBlock(o, ngPacketObsolete, append(body, data...))
}

func ngSPB(o byteOrder, orig uint32, data []byte) []byte {
	return ngBlock(o, ngSimplePacket, append(o.AppendUint32(nil, orig), data...))
}

// got is one frame a capture reader returned.
type got struct {
	link LinkType
	at   time.Time
	data string
}

// readCapture reads a capture file's frames, and the error that ended it
// (nil at a clean end).
func readCapture(t *testing.T, b []byte) ([]got, error) {
	t.Helper()
	src, err := openCapture(bufio.NewReader(bytes.NewReader(b)))
	if err != nil {
		return nil, err
	}
	var out []got
	for {
		data, link, at, err := src.next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, got{link, at, string(data)})
	}
}

var (
	ts0   = uint32(t0.Unix())
	frmA  = arpEth(ip4A)
	frmB  = mdnsEth()
	frmSL = cat(sllHdr(6, 0x0806), arpBody(1, 6, 4, macA, ip4A))
)

func TestPcapRead(t *testing.T) {
	recs := []rec{{sec: ts0, frac: 123456, data: frmA}, {sec: ts0 + 1, frac: 7, data: frmB}}
	micro := []got{{LinkEthernet, t0.Add(123456 * time.Microsecond), string(frmA)}, {LinkEthernet, t0.Add(time.Second + 7*time.Microsecond), string(frmB)}}
	nano := []got{{LinkEthernet, t0.Add(123456 * time.Nanosecond), string(frmA)}, {LinkEthernet, t0.Add(time.Second + 7*time.Nanosecond), string(frmB)}}
	big := bytes.Repeat([]byte{0}, pcapMaxRecord+1)
	tests := []readCase{
		{"little-endian microseconds", pcapFile(le, pcapMicro, 1, 65535, recs...), micro, false, false},
		{"big-endian microseconds", pcapFile(be, pcapMicro, 1, 65535, recs...), micro, false, false},
		{"little-endian nanoseconds", pcapFile(le, pcapNano, 1, 65535, recs...), nano, false, false},
		{"big-endian nanoseconds", pcapFile(be, pcapNano, 1, 65535, recs...), nano, false, false},
		{"linux sll", pcapFile(le, pcapMicro, 113, 65535, rec{sec: ts0, data: frmSL}), []got{{LinkLinuxSLL, t0, string(frmSL)}}, false, false},
		{"fcs bits", pcapFile(le, pcapMicro, 0x30000001, 65535, rec{sec: ts0, data: frmA}), []got{{LinkEthernet, t0, string(frmA)}}, false, false},
		{"no records", pcapFile(le, pcapMicro, 1, 65535), nil, false, false},
		{"empty record", pcapFile(le, pcapMicro, 1, 65535, rec{sec: ts0}), []got{{LinkEthernet, t0, ""}}, false, false},
		{"record above the snap length", pcapFile(le, pcapMicro, 1, 64, rec{sec: ts0, data: frmB}), []got{{LinkEthernet, t0, string(frmB)}}, false, false},
		{"record above the bound", pcapFile(le, pcapMicro, 1, 65535, rec{sec: ts0, data: frmA}, rec{sec: ts0, data: big}), []got{{LinkEthernet, t0, string(frmA)}}, false, true},
		// Found by FuzzReadFile: a snap length of 4 GiB let a record's
		// header ask for gigabytes.
		{"huge snap length", pcapFile(le, pcapMicro, 1, 0xffffffff, rec{sec: ts0, data: frmA}, rec{sec: ts0, data: frmA, incl: 0xa6a6a6a6}), []got{{LinkEthernet, t0, string(frmA)}}, false, true},
		{"last record cut", pcapFile(le, pcapMicro, 1, 65535, recs...)[:24+16+len(frmA)+16+10], micro[:1], false, true},
		{"last record header cut", pcapFile(le, pcapMicro, 1, 65535, recs...)[:24+16+len(frmA)+7], micro[:1], false, true},
		{"last record without data", pcapFile(le, pcapMicro, 1, 65535, recs...)[:24+16+len(frmA)+16], micro[:1], false, true},
		{"file header cut", pcapFile(le, pcapMicro, 1, 65535)[:20], nil, true, false},
		{"unknown magic", pcapFile(le, 0xa1b2c3d5, 1, 65535), nil, true, false},
		{"version 1", cat(pcapFile(le, pcapMicro, 1, 65535)[:4], []byte{1, 0}, pcapFile(le, pcapMicro, 1, 65535)[6:]), nil, true, false},
	}
	runReadCases(t, tests)
}

// readCase is a capture file and what reading it gives.
type readCase struct {
	name    string
	b       []byte
	want    []got
	notCap  bool // ErrNotCapture
	stopped bool // an error after the frames
}

func runReadCases(t *testing.T, tests []readCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gotFrames, err := readCapture(t, tt.b)
			if tt.notCap != (err != nil && errors.Is(err, ErrNotCapture)) {
				t.Fatalf("err = %v", err)
			}
			if !tt.notCap && tt.stopped != (err != nil) {
				t.Fatalf("err = %v", err)
			}
			if !equalGot(gotFrames, tt.want) {
				t.Errorf("frames %v, want %v", gotFrames, tt.want)
			}
		})
	}
}

func equalGot(a, b []got) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].link != b[i].link || !a[i].at.Equal(b[i].at) || a[i].data != b[i].data {
			return false
		}
	}
	return true
}

func TestPcapngRead(t *testing.T) {
	tsresol := func(r byte) []byte { return ngOpt(le, ngOptTSResol, []byte{r}) }
	us := uint64(t0.UnixMicro())
	ns := uint64(t0.UnixNano())
	// Two interfaces of different link types and resolutions.
	two := cat(ngSHB(le, 1), ngIDB(le, 1, 0), ngIDB(le, 113, 0, tsresol(9)),
		ngEPB(le, 0, us+5, frmA), ngEPB(le, 1, ns+5, frmSL))
	twoWant := []got{{LinkEthernet, t0.Add(5 * time.Microsecond), string(frmA)}, {LinkLinuxSLL, t0.Add(5), string(frmSL)}}
	binRes := cat(ngSHB(be, 1), ngIDB(be, 1, 0, ngOpt(be, ngOptTSResol, []byte{0x80 | 10}), ngOpt(be, ngOptTSOffset, be.AppendUint64(nil, uint64(t0.Unix())))),
		ngEPB(be, 0, 3*1024+512, frmA))
	// A second section, in the other byte order, whose interfaces are its own.
	sections := cat(two, ngSHB(be, 1), ngIDB(be, 113, 0), ngEPB(be, 0, us, frmSL))
	tests := []readCase{
		{"two interfaces", two, twoWant, false, false},
		{"binary resolution and offset", binRes, []got{{LinkEthernet, t0.Add(3*time.Second + 500*time.Millisecond), string(frmA)}}, false, false},
		{"two sections", sections, append(twoWant[:2:2], got{LinkLinuxSLL, t0, string(frmSL)}), false, false},
		{"interface of the previous section", cat(two, ngSHB(be, 1), ngIDB(be, 1, 0), ngEPB(be, 1, us, frmA)), twoWant, false, true},
		{"obsolete packet block", cat(ngSHB(le, 1), ngIDB(le, 1, 0), ngOPB(le, 0, us, frmA)), []got{{LinkEthernet, t0, string(frmA)}}, false, false},
		{"simple packet block", cat(ngSHB(le, 1), ngIDB(le, 1, 0), ngSPB(le, uint32(len(frmB)), frmB), ngSPB(le, 3, []byte{1, 2, 3})), []got{{LinkEthernet, time.Time{}, string(frmB)}, {LinkEthernet, time.Time{}, "\x01\x02\x03"}}, false, false},
		{"simple packet block, snap length", cat(ngSHB(le, 1), ngIDB(le, 1, 20), ngSPB(le, uint32(len(frmB)), frmB)), []got{{LinkEthernet, time.Time{}, string(frmB[:20])}}, false, false},
		{"simple packet block without interface", cat(ngSHB(le, 1), ngSPB(le, 3, []byte{1, 2, 3})), nil, false, true},
		{"other blocks skipped", cat(ngSHB(le, 1), ngBlock(le, 0xbad, []byte("x")), ngIDB(le, 1, 0), ngBlock(le, 5, make([]byte, 20)), ngEPB(le, 0, us, frmA), ngBlock(le, 0x40000bad, nil)), []got{{LinkEthernet, t0, string(frmA)}}, false, false},
		{"802.11 interface", cat(ngSHB(le, 1), ngIDB(le, 105, 0), ngEPB(le, 0, us, frmA)), []got{{105, t0, string(frmA)}}, false, false},
		{"option past the block", cat(ngSHB(le, 1), ngIDB(le, 1, 0, le.AppendUint16(le.AppendUint16(nil, ngOptTSResol), 200)), ngEPB(le, 0, us, frmA)), []got{{LinkEthernet, t0, string(frmA)}}, false, false},
		{"decimal resolution too fine", cat(ngSHB(le, 1), ngIDB(le, 1, 0, tsresol(20)), ngEPB(le, 0, us, frmA)), nil, false, true},
		{"last block cut", two[:len(two)-10], twoWant[:1], false, true},
		{"last block header cut", cat(two, ngSHB(le, 1)[:6]), twoWant, false, true},
		{"block length not a multiple of 4", cat(ngSHB(le, 1), ngIDB(le, 1, 0), le.AppendUint32(le.AppendUint32(nil, 0xbad), 13), make([]byte, 20)), nil, false, true},
		{"block length below 12", cat(ngSHB(le, 1), ngIDB(le, 1, 0), le.AppendUint32(le.AppendUint32(nil, 0xbad), 8), make([]byte, 20)), nil, false, true},
		{"block length above 16 MiB", cat(ngSHB(le, 1), ngIDB(le, 1, 0), le.AppendUint32(le.AppendUint32(nil, 0xbad), 17<<20), make([]byte, 20)), nil, false, true},
		{"trailing length mismatch", cat(ngSHB(le, 1), ngIDB(le, 1, 0), ngEPB(le, 0, us, frmA)[:len(ngEPB(le, 0, us, frmA))-4], le.AppendUint32(nil, 12)), nil, false, true},
		{"packet longer than its block", cat(ngSHB(le, 1), ngIDB(le, 1, 0), func() []byte {
			b := ngEPB(le, 0, us, frmA)
			le.PutUint32(b[8+12:], 1000)
			return b
		}()), nil, false, true},
		{"later section of version 2", cat(two, ngSHB(le, 2), ngIDB(le, 1, 0), ngEPB(le, 0, us, frmA)), twoWant, false, true},
		{"version 2", cat(ngSHB(le, 2), ngIDB(le, 1, 0), ngEPB(le, 0, us, frmA)), nil, true, false},
		{"bad byte-order magic", cat(ngSHB(le, 1)[:8], []byte{1, 2, 3, 4}, ngSHB(le, 1)[12:]), nil, true, false},
		{"section header only", ngSHB(le, 1), nil, false, false},
		{"section header cut", ngSHB(le, 1)[:20], nil, true, false},
	}
	runReadCases(t, tests)
}

// ReadFile's contract: frames read stand, a stop counts once as malformed,
// only a file that is no capture is an error.
func TestReadFileContract(t *testing.T) {
	us := uint64(t0.UnixMicro())
	two := cat(ngSHB(le, 1), ngIDB(le, 1, 0), ngIDB(le, 113, 0), ngEPB(le, 0, us, arpEth(ip4A)),
		ngEPB(le, 1, us, cat(sllHdr(6, 0x0806), arpBody(1, 6, 4, clientMAC, []byte{192, 0, 2, 11}))))
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(pcapFile(le, pcapMicro, 1, 65535, rec{sec: ts0, data: frmA}))
	zw.Close()
	tests := []struct {
		name             string
		b                []byte
		frames, hosts, m int
		err              bool
	}{
		{"pcapng, two link types", two, 2, 2, 0, false},
		{"pcapng cut", two[:len(two)-3], 1, 1, 1, false},
		{"gzipped pcap", gz.Bytes(), 1, 1, 0, false},
		{"gzipped pcap cut", gz.Bytes()[:gz.Len()-12], 1, 1, 1, false},
		{"pcap cut", pcapFile(le, pcapMicro, 1, 65535, rec{sec: ts0, data: frmA}, rec{sec: ts0, data: frmB})[:100], 1, 1, 1, false},
		{"802.11 frames ignored", cat(ngSHB(le, 1), ngIDB(le, 105, 0), ngEPB(le, 0, us, frmA)), 1, 0, 0, false},
		{"text", []byte("hello, not a capture"), 0, 0, 0, true},
		{"three bytes", []byte{0xd4, 0xc3, 0xb2}, 0, 0, 0, true},
		{"gzipped garbage", []byte{0x1f, 0x8b, 1, 2, 3}, 0, 0, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := NewDecoder(Limits{})
			n, err := ReadFile(context.Background(), bytes.NewReader(tt.b), d)
			if tt.err != (err != nil) || (err != nil && !errors.Is(err, ErrNotCapture)) {
				t.Fatalf("err = %v", err)
			}
			st := d.Stats()
			if n != tt.frames || st.Frames != n || len(d.Assets(nil, nil)) != tt.hosts || st.Malformed != tt.m {
				t.Errorf("%d frames, %d hosts, stats %+v", n, len(d.Assets(nil, nil)), st)
			}
		})
	}
}

func TestReadFileContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	n, err := ReadFile(ctx, bytes.NewReader(pcapFile(le, pcapMicro, 1, 65535, rec{sec: ts0, data: frmA})), NewDecoder(Limits{}))
	if n != 0 || !errors.Is(err, context.Canceled) {
		t.Errorf("%d frames, err %v", n, err)
	}
}

// pcapgo's writers, as an independent encoder: a pcapng file of two
// interfaces of different link types (the gopacket version of ReadFile
// dropped the frames of the second) and a nanosecond pcap.
func TestReadPcapgoFiles(t *testing.T) {
	var ng bytes.Buffer
	w, err := pcapgo.NewNgWriterInterface(&ng, pcapgo.NgInterface{Name: "eth0", LinkType: layers.LinkTypeEthernet, SnapLength: 65535}, pcapgo.DefaultNgWriterOptions)
	if err != nil {
		t.Fatal(err)
	}
	sll, err := w.AddInterface(pcapgo.NgInterface{Name: "any", LinkType: layers.LinkTypeLinuxSLL, SnapLength: 65535})
	if err != nil {
		t.Fatal(err)
	}
	frames := []struct {
		iface int
		b     []byte
	}{{0, arpFrame(t, hostMAC, []byte{192, 0, 2, 8})}, {sll, cat(sllHdr(6, 0x0806), arpBody(1, 6, 4, macA, ip4A))}, {0, dhcpFrame(t)}}
	for i, f := range frames {
		ci := gopacket.CaptureInfo{Timestamp: t0.Add(time.Duration(i) * time.Millisecond), CaptureLength: len(f.b), Length: len(f.b), InterfaceIndex: f.iface}
		if err := w.WritePacket(ci, f.b); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	var pc bytes.Buffer
	pw := pcapgo.NewWriterNanos(&pc)
	if err := pw.WriteFileHeader(65535, layers.LinkTypeLinuxSLL); err != nil {
		t.Fatal(err)
	}
	sllFrame := cat(sllHdr(6, 0x0806), arpBody(1, 6, 4, macA, ip4A))
	if err := pw.WritePacket(gopacket.CaptureInfo{Timestamp: t0.Add(5), CaptureLength: len(sllFrame), Length: len(sllFrame)}, sllFrame); err != nil {
		t.Fatal(err)
	}
	gotNg, err := readCapture(t, ng.Bytes())
	if err != nil || len(gotNg) != 3 || gotNg[1].link != LinkLinuxSLL || gotNg[2].link != LinkEthernet || !gotNg[2].at.Equal(t0.Add(2*time.Millisecond)) {
		t.Errorf("pcapng: %v, %v", gotNg, err)
	}
	d := NewDecoder(Limits{})
	if n, err := ReadFile(context.Background(), bytes.NewReader(ng.Bytes()), d); n != 3 || err != nil || len(d.Assets(nil, nil)) != 3 {
		t.Errorf("pcapng: %d frames, %d hosts, %v", n, len(d.Assets(nil, nil)), err)
	}
	gotPc, err := readCapture(t, pc.Bytes())
	if err != nil || !equalGot(gotPc, []got{{LinkLinuxSLL, t0.Add(5), string(sllFrame)}}) {
		t.Errorf("pcap: %v, %v", gotPc, err)
	}
}

// On real captures, the pcap reader returns what pcapgo's does.
func TestMatchesPcapgo(t *testing.T) { matchesPcapgo(t, pcaps(t, pcapDir)) }

func TestCorpusMatchesPcapgo(t *testing.T) { matchesPcapgo(t, corpusPcaps(t)) }

func matchesPcapgo(t *testing.T, files []string) {
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		ours, err := readCapture(t, b)
		if err != nil {
			t.Errorf("%s: %v", p, err)
		}
		r, err := pcapgo.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		var theirs []got
		for {
			data, ci, err := r.ReadPacketData()
			if err != nil {
				break
			}
			theirs = append(theirs, got{LinkType(r.LinkType()), ci.Timestamp, string(data)})
		}
		if !equalGot(ours, theirs) {
			t.Errorf("%s: %d frames, pcapgo %d", p, len(ours), len(theirs))
		}
	}
}

func TestTimestampUnits(t *testing.T) {
	for _, tt := range []struct {
		r     byte
		units uint64
		ok    bool
	}{{6, 1e6, true}, {9, 1e9, true}, {0, 1, true}, {19, 1e19, true}, {20, 0, false}, {0x80 | 10, 1024, true}, {0x80 | 63, 1 << 63, true}, {0x80 | 64, 0, false}} {
		if u, ok := tsUnits(tt.r); ok != tt.ok || (ok && u != tt.units) {
			t.Errorf("tsUnits(%#x) = %d, %v", tt.r, u, ok)
		}
	}
	// Units finer than nanoseconds, and timestamps whose product with 1e9
	// overflows 64 bits.
	i := ngInterface{units: 1e19}
	if got := i.time(1e19*1 + 5e18); !got.Equal(time.Unix(1, 5e8)) {
		t.Errorf("time = %v", got)
	}
	i = ngInterface{units: 1 << 63}
	if got := i.time(1<<63 - 1); !got.Equal(time.Unix(0, 999999999)) {
		t.Errorf("time = %v", got)
	}
}

// FuzzReadCapture: on any bytes, ReadFile ends without panic, counts the
// frames it returns, and fails only with ErrNotCapture.
func FuzzReadCapture(f *testing.F) {
	us := uint64(t0.UnixMicro())
	f.Add(pcapFile(le, pcapMicro, 1, 65535, rec{sec: ts0, data: frmA}, rec{sec: ts0, data: frmB}))
	f.Add(pcapFile(be, pcapNano, 113, 65535, rec{sec: ts0, data: frmSL}))
	f.Add(cat(ngSHB(le, 1), ngIDB(le, 1, 0), ngIDB(le, 113, 0, ngOpt(le, ngOptTSResol, []byte{9})), ngEPB(le, 0, us, frmA), ngEPB(le, 1, us, frmSL)))
	f.Add(cat(ngSHB(be, 1), ngIDB(be, 1, 64), ngSPB(be, uint32(len(frmB)), frmB), ngOPB(be, 0, us, frmA), ngBlock(be, 5, make([]byte, 20)), ngSHB(le, 1), ngIDB(le, 1, 0), ngEPB(le, 0, us, frmB)))
	f.Fuzz(func(t *testing.T, b []byte) {
		d := NewDecoder(Limits{MaxHosts: 8})
		n, err := ReadFile(context.Background(), bytes.NewReader(b), d)
		if err != nil && !errors.Is(err, ErrNotCapture) {
			t.Fatalf("err = %v", err)
		}
		if st := d.Stats(); st.Frames != n || st.Panics != 0 {
			t.Fatalf("%d frames, stats %+v", n, st)
		}
	})
}
