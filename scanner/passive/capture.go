package passive

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"time"

	"github.com/mdlayher/packet"
)

// ErrNotCapture: the file is neither pcap nor pcapng.
var ErrNotCapture = errors.New("not a pcap or pcapng file")

// ReadFile feeds every frame of a pcap or pcapng capture (either possibly
// gzipped) to d, each with its interface's link type. It stops at the
// first unreadable record (a truncated file), counting it as malformed,
// and returns the frames read; an error is returned only when the file is
// not a capture at all, or when ctx ends.
func ReadFile(ctx context.Context, r io.Reader, d *Decoder) (int, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	if magic, _ := br.Peek(2); bytes.Equal(magic, []byte{0x1f, 0x8b}) {
		// pcapgo read gzipped pcap files; they stay readable.
		zr, err := gzip.NewReader(br)
		if err != nil {
			return 0, fmt.Errorf("gzip: %w: %w", ErrNotCapture, err)
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 1<<16)
	}
	src, err := openCapture(br)
	if err != nil {
		return 0, err
	}
	n := 0
	for {
		if n%1024 == 0 && ctx.Err() != nil {
			return n, ctx.Err()
		}
		data, link, at, err := src.next()
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
		d.Frame(data, link, at)
	}
}

// packetSource is a capture file's records. next's data is valid until
// the following call.
type packetSource interface {
	next() (data []byte, link LinkType, at time.Time, err error)
}

// openCapture reads a pcap or pcapng file's header.
func openCapture(br *bufio.Reader) (packetSource, error) {
	magic, err := br.Peek(4)
	if err != nil {
		return nil, fmt.Errorf("read capture header: %w", ErrNotCapture)
	}
	if binary.BigEndian.Uint32(magic) == ngSectionHeader {
		ng, err := newNgReader(br)
		if err != nil {
			return nil, fmt.Errorf("pcapng: %w: %w", ErrNotCapture, err)
		}
		return ng, nil
	}
	pr, err := newPcapReader(br)
	if err != nil {
		return nil, fmt.Errorf("pcap: %w: %w", ErrNotCapture, err)
	}
	return pr, nil
}

// FileError is a capture file ReadPaths cannot find or stat: nothing
// was read.
type FileError struct{ Err error }

func (e *FileError) Error() string { return "capture: " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// ReadPaths reads capture files one after another into d (ReadPath),
// once each of them is there: one that is not is a *FileError, before
// any frame is read.
func ReadPaths(ctx context.Context, paths []string, d *Decoder) error {
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			return &FileError{err}
		}
	}
	for _, p := range paths {
		if _, err := ReadPath(ctx, p, d); err != nil {
			return err
		}
	}
	return nil
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
		// Frame keeps no reference to buf: the decoder copies what it keeps.
		d.Frame(buf[:n], LinkEthernet, time.Now())
	}
}
