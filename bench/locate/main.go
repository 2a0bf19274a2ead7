// Command locate measures what switch-port location adds to a sweep: the
// SNMP collection of a simulated campus (SWITCHES access switches of
// PORTS access ports each, one host a port, every other host behind each
// switch's LLDP uplink) with forwarding tables, VLAN contexts and CDP
// read, against the same collection without them, plus the location of
// every host. Half the switches are Cisco-style (a BRIDGE-MIB per VLAN in
// community@VLAN contexts listed by CISCO-VTP-MIB), half Q-BRIDGE. All on
// loopback, served by the in-project simulator. Run by bench/locate.sh.
package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"os"
	"slices"
	"sync"
	"time"

	"github.com/gosnmp/gosnmp"

	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/internal/snmprec"
	"github.com/netcensus/netcensus/internal/snmpsim"
	"github.com/netcensus/netcensus/scanner/locate"
	"github.com/netcensus/netcensus/scanner/snmp"
)

func main() {
	switches := flag.Int("switches", 20, "access switches")
	ports := flag.Int("ports", 48, "access ports per switch (one host each)")
	runs := flag.Int("runs", 5, "runs of each collection (the median is reported)")
	flag.Parse()
	if err := run(*switches, *ports, *runs); err != nil {
		fmt.Fprintln(os.Stderr, "bench/locate:", err)
		os.Exit(1)
	}
}

func octets(s string) snmprec.Value {
	return snmprec.Value{Type: snmprec.TypeOctetString, Bytes: []byte(s)}
}
func integer(n int) snmprec.Value { return snmprec.Value{Type: snmprec.TypeInteger, Int: int64(n)} }

func hostMAC(sw, port int) []byte { return []byte{0x02, 0x00, 0x5e, 0x10, byte(sw), byte(port)} }

func macOID(m []byte) string {
	return fmt.Sprintf("%d.%d.%d.%d.%d.%d", m[0], m[1], m[2], m[3], m[4], m[5])
}

// vlanOf is the VLAN of a host port: odd ports 10, even ports 20.
func vlanOf(port int) int { return 10 + 10*(1-port%2) }

// campus builds switch s's walks by community.
func campus(s, nsw, nports int) map[string]*snmprec.Walk {
	cisco := s%2 == 0
	uplink := nports + 1
	var base []snmprec.Record
	add := func(recs *[]snmprec.Record, oid string, v snmprec.Value) {
		*recs = append(*recs, snmprec.Record{OID: oid, Value: v})
	}
	name := fmt.Sprintf("acc-%02d", s)
	obj := "1.3.6.1.4.1.11.2.3.7.11.181"
	if cisco {
		obj = "1.3.6.1.4.1.9.1.1208"
	}
	add(&base, "1.3.6.1.2.1.1.1.0", octets("bench switch "+name))
	add(&base, "1.3.6.1.2.1.1.2.0", snmprec.Value{Type: snmprec.TypeOID, OID: obj})
	add(&base, "1.3.6.1.2.1.1.5.0", octets(name))
	add(&base, "1.3.6.1.2.1.17.1.2.0", integer(uplink))
	for p := 1; p <= uplink; p++ {
		n := fmt.Sprintf("Gi1/0/%d", p)
		if p == uplink {
			n = "Te1/1/1"
		}
		add(&base, fmt.Sprintf("1.3.6.1.2.1.2.2.1.2.%d", p), octets(n))
		add(&base, fmt.Sprintf("1.3.6.1.2.1.2.2.1.8.%d", p), integer(1))
		add(&base, fmt.Sprintf("1.3.6.1.2.1.31.1.1.1.1.%d", p), octets(n))
		if !cisco {
			add(&base, fmt.Sprintf("1.3.6.1.2.1.17.1.4.1.2.%d", p), integer(p))
		}
	}
	// The uplink's LLDP neighbour: the distribution switch (bridge, router).
	add(&base, fmt.Sprintf("1.0.8802.1.1.2.1.3.7.1.3.%d", uplink), octets("Te1/1/1"))
	add(&base, fmt.Sprintf("1.0.8802.1.1.2.1.4.1.1.9.0.%d.1", uplink), octets("dist-1"))
	add(&base, fmt.Sprintf("1.0.8802.1.1.2.1.4.1.1.12.0.%d.1", uplink), snmprec.Value{Type: snmprec.TypeOctetString, Bytes: []byte{0x28, 0x00}})
	// Where each host is, from this switch: its own hosts on their ports,
	// every other switch's behind the uplink.
	type entry struct {
		mac        []byte
		port, vlan int
	}
	var fdb []entry
	for o := 0; o < nsw; o++ {
		for p := 1; p <= nports; p++ {
			e := entry{hostMAC(o, p), uplink, vlanOf(p)}
			if o == s {
				e.port = p
			}
			fdb = append(fdb, e)
		}
	}
	out := map[string]*snmprec.Walk{}
	if cisco {
		for _, v := range []int{1, 10, 20, 1002, 1003, 1004, 1005} {
			add(&base, fmt.Sprintf("1.3.6.1.4.1.9.9.46.1.3.1.1.2.1.%d", v), integer(1))
			add(&base, fmt.Sprintf("1.3.6.1.4.1.9.9.46.1.3.1.1.3.1.%d", v), integer(1+min(v/1000, 1)*(v-1001)))
		}
		for _, v := range []int{1, 10, 20} {
			var ctx []snmprec.Record
			for p := 1; p <= uplink; p++ {
				if p == uplink || vlanOf(p) == v {
					add(&ctx, fmt.Sprintf("1.3.6.1.2.1.17.1.4.1.2.%d", p), integer(p))
				}
			}
			for _, e := range fdb {
				if e.vlan == v {
					add(&ctx, "1.3.6.1.2.1.17.4.3.1.2."+macOID(e.mac), integer(e.port))
					add(&ctx, "1.3.6.1.2.1.17.4.3.1.3."+macOID(e.mac), integer(3))
				}
			}
			out[fmt.Sprintf("public@%d", v)] = snmprec.NewWalk(ctx)
		}
	} else {
		for _, v := range []int{1, 10, 20} {
			add(&base, fmt.Sprintf("1.3.6.1.2.1.17.7.1.4.3.1.1.%d", v), octets(fmt.Sprintf("vlan%d", v)))
		}
		for _, e := range fdb {
			add(&base, fmt.Sprintf("1.3.6.1.2.1.17.7.1.2.2.1.2.%d.%s", e.vlan, macOID(e.mac)), integer(e.port))
			add(&base, fmt.Sprintf("1.3.6.1.2.1.17.7.1.2.2.1.3.%d.%s", e.vlan, macOID(e.mac)), integer(3))
		}
	}
	out["public"] = snmprec.NewWalk(base)
	return out
}

func run(nsw, nports, runs int) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var wg sync.WaitGroup
	defer wg.Wait()
	var targets []snmp.Target
	var agents []*snmpsim.Agent
	requests := func() uint64 {
		n := uint64(0)
		for _, a := range agents {
			n += a.Stats().Received
		}
		return n
	}
	for s := 0; s < nsw; s++ {
		ag, err := snmpsim.New(snmpsim.Options{Walks: campus(s, nsw, nports)})
		if err != nil {
			return err
		}
		conn, err := net.ListenPacket("udp", "127.0.0.1:0")
		if err != nil {
			return err
		}
		defer conn.Close()
		agents = append(agents, ag)
		wg.Add(1)
		go func() { defer wg.Done(); ag.Serve(ctx, conn) }()
		targets = append(targets, snmp.Target{Addr: conn.LocalAddr().(*net.UDPAddr).AddrPort(), Credential: -1})
	}
	rules, err := locate.Default()
	if err != nil {
		return err
	}
	creds := []snmp.Credential{{Name: "public", Version: gosnmp.Version2c, Community: config.Secret("public")}}
	var reqs [2]uint64
	collect := func(off bool) (time.Duration, []locate.Switch, error) {
		before := requests()
		defer func() {
			i := 1
			if off {
				i = 0
			}
			reqs[i] = requests() - before
		}()
		col := snmp.NewCollector(snmp.CollectOptions{Credentials: creds, Timeout: 2 * time.Second, Retries: 1,
			TargetTimeout: time.Minute, Workers: 64, FDB: snmp.FDBOptions{Off: off}})
		start := time.Now()
		var sws []locate.Switch
		for res := range col.Stream(ctx, targets) {
			if !res.Answered || res.Err != nil {
				return 0, nil, fmt.Errorf("collect %s: %v", res.Target, res.Err)
			}
			if len(res.FDB) > 0 {
				sws = append(sws, locate.SwitchOf(res.Target.Addr(), &res.Asset, res.FDB, time.Now()))
			}
		}
		return time.Since(start), sws, nil
	}
	var off, on, loc []time.Duration
	located, entries := 0, 0
	for range runs {
		d, _, err := collect(true)
		if err != nil {
			return err
		}
		off = append(off, d)
		d, sws, err := collect(false)
		if err != nil {
			return err
		}
		start := time.Now()
		found, _ := rules.Locate(sws)
		l := time.Since(start)
		on, loc = append(on, d+l), append(loc, l)
		located, entries = len(found), 0
		for _, s := range sws {
			entries += len(s.FDB)
		}
	}
	med := func(ds []time.Duration) time.Duration { slices.Sort(ds); return ds[len(ds)/2] }
	hosts := nsw * nports
	fmt.Printf("campus: %d switches x %d access ports = %d hosts; %d forwarding entries read per run\n", nsw, nports, hosts, entries)
	fmt.Printf("collection without forwarding tables: %s (median of %d), %d requests\n", med(off).Round(time.Millisecond), runs, reqs[0])
	fmt.Printf("collection with forwarding tables, VLAN contexts, CDP, and location: %s (location itself %s), %d requests\n",
		med(on).Round(time.Millisecond), med(loc).Round(time.Microsecond), reqs[1])
	fmt.Printf("added to the sweep: %s (bar: 2s); located %d of %d hosts\n", (med(on) - med(off)).Round(time.Millisecond), located, hosts)
	if located != hosts {
		return fmt.Errorf("located %d of %d hosts", located, hosts)
	}
	return nil
}
