//go:build linux

package arp

import (
	"errors"
	"net"
	"syscall"
	"unsafe"

	"github.com/mdlayher/packet"
	"golang.org/x/sys/unix"
)

// batchSize is how many frames one sendmmsg or recvmmsg carries. At a
// /16's rates, per-frame system calls, not the wire, bound the sweep.
const batchSize = 64

// mmsghdr is struct mmsghdr of <sys/socket.h>.
type mmsghdr struct {
	hdr unix.Msghdr
	len uint32
	_   [4]byte
}

// batcher sends and receives frames in batches over a packet socket's
// file descriptor.
type batcher struct {
	rc   syscall.RawConn
	addr unix.RawSockaddrLinklayer

	sendHdrs []mmsghdr
	sendIovs []unix.Iovec

	recvHdrs []mmsghdr
	recvIovs []unix.Iovec
	recvBufs [][]byte
}

// newBatcher returns a batcher for conn when it is a Linux packet socket
// and ifindex is known; nil otherwise (the caller sends one frame at a
// time).
func newBatcher(conn net.PacketConn, ifindex int) *batcher {
	pc, ok := conn.(*packet.Conn)
	if !ok || ifindex <= 0 {
		return nil
	}
	rc, err := pc.SyscallConn()
	if err != nil {
		return nil
	}
	b := &batcher{rc: rc}
	b.addr = unix.RawSockaddrLinklayer{
		Family:   unix.AF_PACKET,
		Protocol: htons(unix.ETH_P_ARP),
		Ifindex:  int32(ifindex),
		Halen:    6,
	}
	copy(b.addr.Addr[:], []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff})
	b.sendHdrs = make([]mmsghdr, batchSize)
	b.sendIovs = make([]unix.Iovec, batchSize)
	b.recvHdrs = make([]mmsghdr, batchSize)
	b.recvIovs = make([]unix.Iovec, batchSize)
	b.recvBufs = make([][]byte, batchSize)
	for i := range batchSize {
		b.recvBufs[i] = make([]byte, 256)
		b.recvIovs[i].Base = &b.recvBufs[i][0]
		b.recvIovs[i].SetLen(len(b.recvBufs[i]))
		b.recvHdrs[i].hdr.Iov = &b.recvIovs[i]
		b.recvHdrs[i].hdr.SetIovlen(1)
	}
	return b
}

func htons(v uint16) uint16 { return v<<8 | v>>8 }

// send writes frames (each a full Ethernet frame) to the broadcast
// address, returning how many the kernel took.
func (b *batcher) send(frames [][]byte) (int, error) {
	n := len(frames)
	for i, f := range frames {
		b.sendIovs[i].Base = &f[0]
		b.sendIovs[i].SetLen(len(f))
		h := &b.sendHdrs[i].hdr
		h.Name = (*byte)(unsafe.Pointer(&b.addr))
		h.Namelen = uint32(unsafe.Sizeof(b.addr))
		h.Iov = &b.sendIovs[i]
		h.SetIovlen(1)
	}
	sent := 0
	var opErr error
	err := b.rc.Write(func(fd uintptr) bool {
		for sent < n {
			r, _, errno := unix.Syscall6(unix.SYS_SENDMMSG, fd, uintptr(unsafe.Pointer(&b.sendHdrs[sent])), uintptr(n-sent), unix.MSG_DONTWAIT, 0, 0)
			switch {
			case errno == unix.EAGAIN:
				return false // wait until writable
			case errno == unix.EINTR:
				continue
			case errno != 0:
				opErr = errno
				return true
			}
			sent += int(r)
		}
		return true
	})
	if err == nil {
		err = opErr
	}
	return sent, err
}

// recv reads up to batchSize frames, waiting (within the socket's read
// deadline) for the first; it calls fn with each.
func (b *batcher) recv(fn func([]byte)) error {
	var got int
	var opErr error
	err := b.rc.Read(func(fd uintptr) bool {
		for i := range b.recvHdrs {
			b.recvHdrs[i].len = 0
		}
		r, _, errno := unix.Syscall6(unix.SYS_RECVMMSG, fd, uintptr(unsafe.Pointer(&b.recvHdrs[0])), uintptr(batchSize), unix.MSG_DONTWAIT, 0, 0)
		switch {
		case errno == unix.EAGAIN:
			return false // wait until readable (or the deadline)
		case errno == unix.EINTR:
			return false
		case errno != 0:
			opErr = errno
			return true
		}
		got = int(r)
		return true
	})
	if err != nil {
		return err
	}
	if opErr != nil {
		return opErr
	}
	for i := 0; i < got; i++ {
		n := int(b.recvHdrs[i].len)
		if n > len(b.recvBufs[i]) {
			n = len(b.recvBufs[i])
		}
		fn(b.recvBufs[i][:n])
	}
	return nil
}

var errNoBatch = errors.New("batching unavailable")
