// Command snmpfarm serves one recorded walk as many SNMP devices on
// loopback, one socket per address (127.0.x.y), for bench/snmp.sh. It
// prints "ready" on stdout once every socket is bound and serves until
// SIGINT or SIGTERM.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/netip"
	"os"
	"os/signal"
	"sync"
	"syscall"

	"github.com/netcensus/netcensus/internal/snmprec"
	"github.com/netcensus/netcensus/internal/snmpsim"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "snmpfarm:", err)
		os.Exit(1)
	}
}

// Addr returns the i-th farm address: 127.0.1.1, 127.0.1.2, ... 127.0.1.250,
// 127.0.2.1, ...
func Addr(i int) netip.Addr {
	return netip.AddrFrom4([4]byte{127, 0, byte(1 + i/250), byte(1 + i%250)})
}

func run() error {
	n := flag.Int("n", 1000, "devices (addresses 127.0.1.1 and on, 250 per /24)")
	port := flag.Int("port", 1161, "UDP port on every address")
	walkPath := flag.String("walk", "", "snmprec file (.bz2 allowed) every device serves")
	community := flag.String("community", "public", "community the devices answer")
	list := flag.String("list", "", "write the addresses here, one a line")
	flag.Parse()
	if *walkPath == "" || *n < 1 || *n > 60000 {
		return errors.New("want -walk FILE and 1 <= -n <= 60000")
	}
	w, _, err := snmprec.ParseFile(*walkPath)
	if err != nil {
		return err
	}
	ag, err := snmpsim.New(snmpsim.Options{Walks: map[string]*snmprec.Walk{*community: w}, Workers: 1})
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var conns []net.PacketConn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	var addrs []byte
	for i := range *n {
		a := netip.AddrPortFrom(Addr(i), uint16(*port))
		c, err := net.ListenPacket("udp", a.String())
		if err != nil {
			return fmt.Errorf("listen %s: %w", a, err)
		}
		conns = append(conns, c)
		addrs = append(addrs, a.Addr().String()+"\n"...)
	}
	if *list != "" {
		if err := os.WriteFile(*list, addrs, 0o644); err != nil {
			return err
		}
	}
	var wg sync.WaitGroup
	for _, c := range conns {
		wg.Go(func() { _ = ag.Serve(ctx, c) })
	}
	fmt.Println("ready")
	<-ctx.Done()
	wg.Wait()
	st := ag.Stats()
	fmt.Fprintf(os.Stderr, "snmpfarm: received=%d responses=%d overloaded=%d malformed=%d\n", st.Received, st.Responses, st.Overloaded, st.Malformed)
	return nil
}
