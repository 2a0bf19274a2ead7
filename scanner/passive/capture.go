package passive

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"
	"github.com/mdlayher/packet"
)

// ErrNotCapture: the file is neither pcap nor pcapng.
var ErrNotCapture = errors.New("not a pcap or pcapng file")

// ReadFile feeds every frame of a pcap or pcapng capture to d. It stops at
// the first unreadable record (a truncated file) and returns the frames
// read; an error is returned only when the file is not a capture at all,
// or when ctx ends.
func ReadFile(ctx context.Context, r io.Reader, d *Decoder) (int, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	magic, err := br.Peek(4)
	if err != nil {
		return 0, fmt.Errorf("read capture header: %w", ErrNotCapture)
	}
	type source interface {
		ReadPacketData() ([]byte, gopacket.CaptureInfo, error)
	}
	var src source
	var link layers.LinkType
	if bytes.Equal(magic, []byte{0x0a, 0x0d, 0x0d, 0x0a}) {
		ng, err := pcapgo.NewNgReader(br, pcapgo.DefaultNgReaderOptions)
		if err != nil {
			return 0, fmt.Errorf("pcapng: %w: %w", ErrNotCapture, err)
		}
		src, link = ng, ng.LinkType()
	} else {
		pr, err := pcapgo.NewReader(br)
		if err != nil {
			return 0, fmt.Errorf("pcap: %w: %w", ErrNotCapture, err)
		}
		src, link = pr, pr.LinkType()
	}
	n := 0
	for {
		if n%1024 == 0 && ctx.Err() != nil {
			return n, ctx.Err()
		}
		data, ci, err := src.ReadPacketData()
		if err != nil {
			// io.EOF, or a truncated / corrupt record: what was read stands.
			if !errors.Is(err, io.EOF) {
				d.mu.Lock()
				d.stats.Malformed++
				d.mu.Unlock()
			}
			return n, nil
		}
		n++
		d.Frame(data, link, ci.Timestamp)
	}
}

// ReadPath opens a capture file and reads it with ReadFile.
func ReadPath(ctx context.Context, path string, d *Decoder) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, fmt.Errorf("open capture: %w", err)
	}
	defer f.Close()
	n, err := ReadFile(ctx, f, d)
	if err != nil {
		return n, fmt.Errorf("%s: %w", path, err)
	}
	return n, nil
}

// Conn is what Listen reads frames from: a packet socket in production,
// a fake in tests.
type Conn interface {
	ReadFrom([]byte) (int, net.Addr, error)
	SetReadDeadline(time.Time) error
	Close() error
}

// OpenInterface opens a receive-only packet socket for every protocol on
// ifi, promiscuous so multicast the kernel has not joined is heard too.
func OpenInterface(ifi *net.Interface) (Conn, error) {
	const ethPAll = 0x0003
	c, err := packet.Listen(ifi, packet.Raw, ethPAll, nil)
	if err != nil {
		return nil, fmt.Errorf("passive capture on %s: %w", ifi.Name, err)
	}
	if err := c.SetPromiscuous(true); err != nil {
		c.Close()
		return nil, fmt.Errorf("passive capture on %s: promiscuous: %w", ifi.Name, err)
	}
	return c, nil
}

// Listen reads Ethernet frames from c into d for dur (or until ctx ends),
// sending nothing. It closes c. A cancelled ctx returns ctx's error; what
// was heard stays in d.
func Listen(ctx context.Context, c Conn, dur time.Duration, d *Decoder) error {
	defer c.Close()
	end := time.Now().Add(dur)
	buf := make([]byte, 65536)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		now := time.Now()
		if !now.Before(end) {
			return nil
		}
		dl := now.Add(100 * time.Millisecond)
		if end.Before(dl) {
			dl = end
		}
		if err := c.SetReadDeadline(dl); err != nil {
			return fmt.Errorf("passive capture: deadline: %w", err)
		}
		n, _, err := c.ReadFrom(buf)
		if err != nil {
			if errors.Is(err, os.ErrDeadlineExceeded) {
				continue
			}
			return fmt.Errorf("passive capture: read: %w", err)
		}
		// NoCopy decoding keeps slices into buf only for this call; the
		// decoder copies what it keeps.
		d.Frame(buf[:n], layers.LinkTypeEthernet, time.Now())
	}
}
