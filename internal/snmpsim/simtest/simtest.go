// Package simtest serves a simulated SNMP agent (internal/snmpsim) on a
// loopback port for the length of a test.
package simtest

import (
	"context"
	"net"
	"net/netip"
	"sync"
	"testing"

	"github.com/netcensus/netcensus/internal/snmpsim"
)

// Loopback serves an agent made from opts on 127.0.0.1 until the test
// ends, and returns its address.
func Loopback(t testing.TB, opts snmpsim.Options) netip.AddrPort {
	t.Helper()
	ag, err := snmpsim.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { ag.Serve(ctx, conn) })
	t.Cleanup(func() { cancel(); conn.Close(); wg.Wait() })
	return conn.LocalAddr().(*net.UDPAddr).AddrPort()
}
