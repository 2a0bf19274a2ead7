package passive

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"time"
)

// Readers of the two capture file formats. Both reuse one buffer for the
// frames they return: Decoder.Frame keeps no reference to a frame.

// noEOF turns a clean end of file met inside a record into a truncation:
// io.EOF is only for the end of the file between records.
func noEOF(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}

// grow returns buf resized to n bytes, reallocated if too small.
func grow(buf []byte, n int) []byte {
	if cap(buf) < n {
		return make([]byte, n, max(n, 1<<16))
	}
	return buf[:n]
}

// Classic pcap (draft-ietf-opsawg-pcap): a 24-byte file header, then
// records of a 16-byte header and the frame.
const (
	pcapMicro = 0xa1b2c3d4 // seconds and microseconds
	pcapNano  = 0xa1b23c4d // seconds and nanoseconds
	// pcapMaxRecord bounds a record's length when the file's snap length
	// is smaller (libpcap's largest snap length): libpcap and Wireshark
	// read such records rather than stop, and so does this reader.
	pcapMaxRecord = 262144
	// pcapMaxSnap bounds the snap length itself: a record is read into
	// memory whole, and a header's word must not make that gigabytes.
	pcapMaxSnap = 16 << 20
)

type pcapReader struct {
	r      *bufio.Reader
	order  binary.ByteOrder
	nsec   int64 // nanoseconds per unit of a timestamp's fraction
	maxLen uint32
	link   LinkType
	hdr    [16]byte
	buf    []byte
}

func newPcapReader(r *bufio.Reader) (*pcapReader, error) {
	var h [24]byte
	if _, err := io.ReadFull(r, h[:]); err != nil {
		return nil, fmt.Errorf("file header: %w", noEOF(err))
	}
	p := &pcapReader{r: r}
	le, be := binary.LittleEndian.Uint32(h[0:4]), binary.BigEndian.Uint32(h[0:4])
	switch {
	case le == pcapMicro:
		p.order, p.nsec = binary.LittleEndian, 1000
	case be == pcapMicro:
		p.order, p.nsec = binary.BigEndian, 1000
	case le == pcapNano:
		p.order, p.nsec = binary.LittleEndian, 1
	case be == pcapNano:
		p.order, p.nsec = binary.BigEndian, 1
	default:
		return nil, fmt.Errorf("unknown magic %08x", be)
	}
	if major, minor := p.order.Uint16(h[4:6]), p.order.Uint16(h[6:8]); major != 2 {
		return nil, fmt.Errorf("unknown version %d.%d", major, minor)
	}
	p.maxLen = min(max(p.order.Uint32(h[16:20]), pcapMaxRecord), pcapMaxSnap)
	// The upper 16 bits of the last field say whether each frame ends
	// with a frame check sequence, and how long. It is left on the frame
	// (as pcapgo did): the IP and UDP length fields leave it out of
	// anything decoded.
	p.link = LinkType(p.order.Uint32(h[20:24]) & 0xffff)
	return p, nil
}

func (p *pcapReader) next() ([]byte, LinkType, time.Time, error) {
	if _, err := io.ReadFull(p.r, p.hdr[:]); err != nil {
		return nil, 0, time.Time{}, err // io.EOF: the end of the file
	}
	sec, frac := p.order.Uint32(p.hdr[0:4]), p.order.Uint32(p.hdr[4:8])
	n := p.order.Uint32(p.hdr[8:12])
	if n > p.maxLen {
		return nil, 0, time.Time{}, fmt.Errorf("pcap record of %d bytes, more than %d", n, p.maxLen)
	}
	p.buf = grow(p.buf, int(n))
	if _, err := io.ReadFull(p.r, p.buf); err != nil {
		return nil, 0, time.Time{}, fmt.Errorf("pcap record: %w", noEOF(err))
	}
	return p.buf, p.link, time.Unix(int64(sec), int64(frac)*p.nsec).UTC(), nil
}

// pcapng (draft-ietf-opsawg-pcapng): blocks of type, total length, body
// and the total length again, in the byte order of the section header
// block that starts each section. Interfaces are numbered within their
// section.
const (
	ngSectionHeader  = 0x0a0d0d0a // the same in either byte order
	ngIfaceDesc      = 1
	ngPacketObsolete = 2
	ngSimplePacket   = 3
	ngEnhancedPacket = 6
	ngByteOrderMagic = uint32(0x1a2b3c4d)
	ngMaxBlock       = 16 << 20
	ngMaxInterfaces  = 1 << 16

	ngOptEnd      = 0
	ngOptTSResol  = 9  // if_tsresol
	ngOptTSOffset = 14 // if_tsoffset
)

type ngInterface struct {
	link    LinkType
	snaplen uint32
	units   uint64 // timestamp units per second
	offset  int64  // seconds added to timestamps
}

// time converts a timestamp in the interface's units.
func (i *ngInterface) time(ts uint64) time.Time {
	// (ts % units) * 1e9 can overflow 64 bits: a 128-bit product, whose
	// quotient by units is below 1e9.
	hi, lo := bits.Mul64(ts%i.units, 1e9)
	ns, _ := bits.Div64(hi, lo, i.units)
	return time.Unix(int64(ts/i.units)+i.offset, int64(ns)).UTC()
}

type ngReader struct {
	r      *bufio.Reader
	order  binary.ByteOrder
	ifaces []ngInterface // this section's
	hdr    [12]byte
	buf    []byte
}

func newNgReader(r *bufio.Reader) (*ngReader, error) {
	ng := &ngReader{r: r}
	typ, body, err := ng.block()
	if err != nil {
		return nil, noEOF(err)
	}
	if typ != ngSectionHeader {
		return nil, fmt.Errorf("first block of type %#x, not a section header", typ)
	}
	if err := ng.section(body); err != nil {
		return nil, err
	}
	return ng, nil
}

func (ng *ngReader) next() ([]byte, LinkType, time.Time, error) {
	for {
		typ, body, err := ng.block()
		if err != nil {
			return nil, 0, time.Time{}, err
		}
		switch typ {
		case ngSectionHeader:
			err = ng.section(body)
		case ngIfaceDesc:
			err = ng.iface(body)
		case ngEnhancedPacket, ngPacketObsolete:
			return ng.packet(typ, body)
		case ngSimplePacket:
			return ng.simplePacket(body)
		}
		if err != nil {
			return nil, 0, time.Time{}, err
		}
	}
}

// block reads the next block: its type and, for the types read here, its
// body (valid until the next call); other blocks are skipped. io.EOF means
// the file ended between blocks.
func (ng *ngReader) block() (uint32, []byte, error) {
	if _, err := io.ReadFull(ng.r, ng.hdr[:8]); err != nil {
		return 0, nil, err
	}
	head := 8
	if binary.BigEndian.Uint32(ng.hdr[0:4]) == ngSectionHeader {
		// A new section, maybe in another byte order: its magic says.
		if _, err := io.ReadFull(ng.r, ng.hdr[8:12]); err != nil {
			return 0, nil, fmt.Errorf("pcapng section header: %w", noEOF(err))
		}
		switch bom := ng.hdr[8:12]; ngByteOrderMagic {
		case binary.BigEndian.Uint32(bom):
			ng.order = binary.BigEndian
		case binary.LittleEndian.Uint32(bom):
			ng.order = binary.LittleEndian
		default:
			return 0, nil, fmt.Errorf("pcapng section header: byte-order magic %x", ng.hdr[8:12])
		}
		head = 12
	}
	if ng.order == nil {
		return 0, nil, errors.New("pcapng block before any section header")
	}
	typ, total := ng.order.Uint32(ng.hdr[0:4]), ng.order.Uint32(ng.hdr[4:8])
	if total%4 != 0 || total < uint32(head)+4 || total > ngMaxBlock {
		return 0, nil, fmt.Errorf("pcapng block of type %#x: length %d", typ, total)
	}
	n := int(total) - head - 4 // the body, without the trailing length
	var body []byte
	switch typ {
	case ngSectionHeader, ngIfaceDesc, ngPacketObsolete, ngSimplePacket, ngEnhancedPacket:
		ng.buf = grow(ng.buf, n+4)
		if _, err := io.ReadFull(ng.r, ng.buf); err != nil {
			return 0, nil, fmt.Errorf("pcapng block of type %#x: %w", typ, noEOF(err))
		}
		body = ng.buf[:n]
	default:
		if _, err := ng.r.Discard(n); err != nil {
			return 0, nil, fmt.Errorf("pcapng block of type %#x: %w", typ, noEOF(err))
		}
		ng.buf = grow(ng.buf, 4)
		if _, err := io.ReadFull(ng.r, ng.buf); err != nil {
			return 0, nil, fmt.Errorf("pcapng block of type %#x: %w", typ, noEOF(err))
		}
	}
	// The trailing copy of the length: a mismatch means the blocks are
	// no longer where their lengths say.
	if end := ng.order.Uint32(ng.buf[len(ng.buf)-4:]); end != total {
		return 0, nil, fmt.Errorf("pcapng block of type %#x: length %d, then %d", typ, total, end)
	}
	return typ, body, nil
}

// section reads a section header's body after the byte-order magic:
// version, section length, options. Interfaces are the section's own.
func (ng *ngReader) section(body []byte) error {
	if len(body) < 12 {
		return fmt.Errorf("pcapng section header of %d bytes", len(body))
	}
	if major, minor := ng.order.Uint16(body[0:2]), ng.order.Uint16(body[2:4]); major != 1 {
		return fmt.Errorf("pcapng version %d.%d", major, minor)
	}
	ng.ifaces = ng.ifaces[:0]
	return nil
}

// iface reads an interface description: link type, reserved, snap
// length, options (timestamp resolution and offset read).
func (ng *ngReader) iface(body []byte) error {
	if len(body) < 8 {
		return fmt.Errorf("pcapng interface description of %d bytes", len(body))
	}
	if len(ng.ifaces) == ngMaxInterfaces {
		return fmt.Errorf("pcapng section of more than %d interfaces", ngMaxInterfaces)
	}
	i := ngInterface{link: LinkType(ng.order.Uint16(body[0:2])), snaplen: ng.order.Uint32(body[4:8]), units: 1e6}
	for o := body[8:]; len(o) >= 4; {
		code, n := ng.order.Uint16(o[0:2]), int(ng.order.Uint16(o[2:4]))
		if code == ngOptEnd || 4+n > len(o) {
			break // an option past the block's end: ignore the rest
		}
		v := o[4 : 4+n]
		switch {
		case code == ngOptTSResol && n == 1:
			units, ok := tsUnits(v[0])
			if !ok {
				return fmt.Errorf("pcapng interface %d: timestamp resolution %#x", len(ng.ifaces), v[0])
			}
			i.units = units
		case code == ngOptTSOffset && n == 8:
			i.offset = int64(ng.order.Uint64(v))
		}
		o = o[min(4+(n+3)&^3, len(o)):] // values are padded to 4 bytes
	}
	ng.ifaces = append(ng.ifaces, i)
	return nil
}

// tsUnits reads if_tsresol: a negative power of 10, or of 2 when the top
// bit is set. Powers beyond 64 bits are refused.
func tsUnits(r byte) (uint64, bool) {
	e := uint64(r & 0x7f)
	if r&0x80 != 0 {
		return 1 << e, e < 64
	}
	if e > 19 {
		return 0, false
	}
	u := uint64(1)
	for ; e > 0; e-- {
		u *= 10
	}
	return u, true
}

// packet reads an enhanced packet block (interface id, timestamp high and
// low, captured and original lengths, frame) or an obsolete packet block
// (the same, with a 16-bit interface id and a drop count).
func (ng *ngReader) packet(typ uint32, body []byte) ([]byte, LinkType, time.Time, error) {
	if len(body) < 20 {
		return nil, 0, time.Time{}, fmt.Errorf("pcapng packet block of %d bytes", len(body))
	}
	id := ng.order.Uint32(body[0:4])
	if typ == ngPacketObsolete {
		id = uint32(ng.order.Uint16(body[0:2]))
	}
	if id >= uint32(len(ng.ifaces)) {
		return nil, 0, time.Time{}, fmt.Errorf("pcapng packet on interface %d of %d", id, len(ng.ifaces))
	}
	n := ng.order.Uint32(body[12:16])
	if n > uint32(len(body)-20) {
		return nil, 0, time.Time{}, fmt.Errorf("pcapng packet of %d bytes in a block of %d", n, len(body))
	}
	i := &ng.ifaces[id]
	ts := uint64(ng.order.Uint32(body[4:8]))<<32 | uint64(ng.order.Uint32(body[8:12]))
	return body[20 : 20+n], i.link, i.time(ts), nil
}

// simplePacket reads a simple packet block: original length, frame, on
// the section's first interface, without a timestamp (the zero time, as
// pcapgo gave).
func (ng *ngReader) simplePacket(body []byte) ([]byte, LinkType, time.Time, error) {
	if len(body) < 4 || len(ng.ifaces) == 0 {
		return nil, 0, time.Time{}, errors.New("pcapng simple packet block without an interface")
	}
	i := &ng.ifaces[0]
	data := body[4:] // padded to 4 bytes: the original length says how much is frame
	if orig := ng.order.Uint32(body[0:4]); orig < uint32(len(data)) {
		data = data[:orig]
	}
	if i.snaplen != 0 && i.snaplen < uint32(len(data)) {
		data = data[:i.snaplen]
	}
	return data, i.link, time.Time{}, nil
}
