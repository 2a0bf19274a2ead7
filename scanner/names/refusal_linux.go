package names

import (
	"net/netip"
	"syscall"

	"golang.org/x/sys/unix"
)

// refusals turns on the reporting of ICMP destination-unreachable errors
// on conn (IP_RECVERR, IPV6_RECVERR: without them Linux drops those of an
// unconnected socket) and returns a func that reads the errors queued so
// far, calling fn with each refused question's destination. A host that
// answers "port unreachable" runs no NetBIOS or LLMNR responder: its
// question is answered, and not awaited for a timeout. ok is false when
// conn is not a socket that can tell.
func refusals(conn any) (drain func(fn func(to netip.AddrPort)), ok bool) {
	sc, isSock := conn.(syscall.Conn)
	if !isSock {
		return nil, false
	}
	rc, err := sc.SyscallConn()
	if err != nil {
		return nil, false
	}
	set := 0
	_ = rc.Control(func(fd uintptr) {
		if unix.SetsockoptInt(int(fd), unix.SOL_IP, unix.IP_RECVERR, 1) == nil {
			set++
		}
		if unix.SetsockoptInt(int(fd), unix.SOL_IPV6, unix.IPV6_RECVERR, 1) == nil {
			set++
		}
	})
	if set == 0 {
		return nil, false
	}
	return func(fn func(to netip.AddrPort)) {
		buf := make([]byte, 512)
		oob := make([]byte, 512)
		for range 4096 { // bounded: the queue holds what the socket's buffer allows
			var (
				from   unix.Sockaddr
				oobn   int
				rerr   error
				called bool
			)
			cerr := rc.Control(func(fd uintptr) {
				called = true
				_, oobn, _, from, rerr = unix.Recvmsg(int(fd), buf, oob, unix.MSG_ERRQUEUE|unix.MSG_DONTWAIT)
			})
			if cerr != nil || !called || rerr != nil {
				return // EAGAIN: the queue is empty
			}
			if !unreachable(oob[:oobn]) {
				continue
			}
			var to netip.AddrPort
			switch sa := from.(type) {
			case *unix.SockaddrInet4:
				to = netip.AddrPortFrom(netip.AddrFrom4(sa.Addr), uint16(sa.Port))
			case *unix.SockaddrInet6:
				to = netip.AddrPortFrom(netip.AddrFrom16(sa.Addr).Unmap(), uint16(sa.Port))
			default:
				continue
			}
			fn(to)
		}
	}, true
}

// unreachable reports whether a queued error's control messages hold an
// ICMP or ICMPv6 destination-unreachable error.
func unreachable(oob []byte) bool {
	msgs, err := unix.ParseSocketControlMessage(oob)
	if err != nil {
		return false
	}
	for _, m := range msgs {
		if !(m.Header.Level == unix.SOL_IP && m.Header.Type == unix.IP_RECVERR ||
			m.Header.Level == unix.SOL_IPV6 && m.Header.Type == unix.IPV6_RECVERR) {
			continue
		}
		// struct sock_extended_err: errno (4 bytes), origin, type, code...
		if len(m.Data) < 8 {
			continue
		}
		origin, typ := m.Data[4], m.Data[5]
		switch {
		case origin == unix.SO_EE_ORIGIN_ICMP && typ == 3: // destination unreachable
			return true
		case origin == unix.SO_EE_ORIGIN_ICMP6 && typ == 1:
			return true
		}
	}
	return false
}
