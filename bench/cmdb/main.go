// Command cmdb benchmarks the CMDB: SQLite ingest of one large sweep
// (rows/s) and identity resolution of many observations (time and peak
// RSS). It prints figures only; bench/cmdb.sh runs it.
//
//	go run ./bench/cmdb -mode ingest -assets 10000 -software 800 -samples 20
//	go run ./bench/cmdb -mode identity -observations 1000000 [-known]
package main

import (
	"context"
	"flag"
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"syscall"
	"time"

	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/identity"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/store/clickhouse"
	"github.com/netcensus/netcensus/inventory/store/sqlite"
	"github.com/netcensus/netcensus/record"
)

func main() {
	mode := flag.String("mode", "ingest", "ingest, assets, identity or chserver")
	assets := flag.Int("assets", 10000, "ingest: assets in the sweep")
	software := flag.Int("software", 800, "ingest: software rows per asset")
	samples := flag.Int("samples", 20, "ingest: capacity samples per asset (two per interface)")
	nobs := flag.Int("observations", 1_000_000, "identity: observations to resolve")
	ties := flag.Bool("ties", false, "identity: also collect the ties explain shows (ingest does not)")
	withKnown := flag.Bool("known", false, "identity: resolve against the assets a CMDB holds for these devices (steady state)")
	storeDSN := flag.String("store", "", "ingest: a clickhouse://host:9000/db store (user and password from env NETCENSUS_CLICKHOUSE_USER/PASSWORD) instead of a fresh SQLite file")
	dir := flag.String("dir", "", "ingest: directory for the SQLite file (default a temporary one)")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile here")
	runs := flag.Int("runs", 7, "assets: timed listings (the median is reported)")
	annotated := flag.Int("annotated", 10, "assets: percent of assets given an annotation")
	flushRows := flag.Int("flush", 0, "ingest: table rows Ingest holds before writing them (0: inventory's default)")
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err == nil {
			pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
	}
	var err error
	switch *mode {
	case "ingest":
		err = ingest(*dir, *storeDSN, *assets, *software, *samples, *flushRows)
	case "assets":
		err = listing(*dir, *storeDSN, *assets, *software, *samples, *annotated, *runs)
	case "identity":
		err = resolve(*nobs, *withKnown, *ties)
	case "chserver":
		err = chserver(*dir)
	default:
		err = fmt.Errorf("-mode %q: want ingest, assets, identity or chserver", *mode)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "cmdb bench:", err)
		pprof.StopCPUProfile()
		os.Exit(1)
	}
}

func mac(i int, kind byte) record.MAC {
	return record.MAC{0x00, 0x1b, kind, byte(i >> 16), byte(i >> 8), byte(i)}
}

// addr spreads i over 198.18.0.0/15.
func addr(i int) netip.Addr {
	return netip.AddrFrom4([4]byte{198, 18 + byte(i>>16&1), byte(i >> 8), byte(i)})
}

// openBench opens the store the benchmark writes: a fresh SQLite file in
// dir, or the ClickHouse database dsn names. The func cleans up.
func openBench(ctx context.Context, dir, dsn string) (store.Store, string, func(), error) {
	cleanup := func() {}
	if dir == "" {
		d, err := os.MkdirTemp("", "cmdb-bench-")
		if err != nil {
			return nil, "", nil, err
		}
		cleanup = func() { os.RemoveAll(d) }
		dir = d
	}
	var db store.Store
	kind := "sqlite"
	if dsn == "" {
		d, err := sqlite.Open(ctx, filepath.Join(dir, "bench.db"))
		if err != nil {
			cleanup()
			return nil, "", nil, err
		}
		db = d
	} else {
		o, err := clickhouse.ParseDSN(dsn)
		if err != nil {
			cleanup()
			return nil, "", nil, err
		}
		o.Username, o.Password = os.Getenv("NETCENSUS_CLICKHOUSE_USER"), os.Getenv("NETCENSUS_CLICKHOUSE_PASSWORD")
		d, err := clickhouse.Open(ctx, o)
		if err != nil {
			cleanup()
			return nil, "", nil, err
		}
		db, kind = d, "clickhouse"
	}
	if _, err := db.Migrate(ctx); err != nil {
		db.Close()
		cleanup()
		return nil, "", nil, err
	}
	return db, kind, func() { db.Close(); cleanup() }, nil
}

// sweepObservations is one sweep of n hosts, each seen by ARP and by SNMP
// with nsw packages and nsamp/2 interfaces (two samples each).
func sweepObservations(n, nsw, nsamp int, now time.Time) []record.Observation {
	obs := make([]record.Observation, 0, 2*n)
	nif := max(1, nsamp/2)
	for i := range n {
		ip := addr(i)
		obs = append(obs, record.Observation{Time: now, Source: record.SourceARP, Asset: record.Asset{IP: ip, MAC: mac(i, 1), Sources: []record.Source{record.SourceARP}}})
		a := record.Asset{IP: ip, SysName: fmt.Sprintf("host-%d", i), Vendor: "Net-SNMP", Serial: fmt.Sprintf("SN%08d", i), OSVersion: "6.1", Sources: []record.Source{record.SourceSNMP}}
		a.Software = make([]record.Software, nsw)
		for j := range a.Software {
			a.Software[j] = record.Software{Name: fmt.Sprintf("package-%d", j), Version: fmt.Sprintf("1.%d.%d", j%7, i%13), Arch: "amd64", InstalledAt: now.Add(-time.Duration(j) * time.Hour)}
		}
		a.Interfaces = make([]record.Interface, nif)
		for j := range a.Interfaces {
			a.Interfaces[j] = record.Interface{Index: j + 1, Name: fmt.Sprintf("eth%d", j), MAC: mac(i*nif+j, 2), SpeedBps: 1e9, AdminUp: true, OperUp: true, InOctets: uint64(i*j + 1), OutOctets: uint64(i + j + 1)}
		}
		obs = append(obs, record.Observation{Time: now, Source: record.SourceSNMP, Asset: a})
	}
	return obs
}

func ingest(dir, dsn string, n, nsw, nsamp, flush int) error {
	ctx := context.Background()
	db, kind, done, err := openBench(ctx, dir, dsn)
	if err != nil {
		return err
	}
	defer done()
	res, err := identity.New(nil, identity.Defaults())
	if err != nil {
		return err
	}
	inv := inventory.New(db, res, inventory.Config{MissingAfterSweeps: 3, FlushRows: flush}, nil)
	now := time.Now().UTC()
	nif := max(1, nsamp/2)
	obs := sweepObservations(n, nsw, nsamp, now)
	rows := n * (nsw + 2*nif)
	runtime.GC()
	start := time.Now()
	r, err := inv.Ingest(ctx, inventory.Sweep{Start: now, End: now, Segments: []netip.Prefix{netip.MustParsePrefix("198.18.0.0/15")}, Observations: obs})
	if err != nil {
		return err
	}
	el := time.Since(start)
	// Everything written: observations, assets, keys, events, interfaces too.
	all := rows + len(obs) + r.Sweep.Assets + len(r.Events) + n*nif + n*4
	size := int64(0)
	if s, ok := db.(*sqlite.DB); ok {
		if fi, _ := os.Stat(s.Path()); fi != nil {
			size = fi.Size()
		}
	}
	fmt.Printf("%s ingest: assets=%d software_rows=%d sample_rows=%d (%d rows) in %s: %.0f rows/s (software+samples); %.0f rows/s counting every row written (~%d); db %d MB; peak RSS %d MB\n",
		kind, r.Sweep.Assets, n*nsw, n*2*nif, rows, el.Round(time.Millisecond), float64(rows)/el.Seconds(), float64(all)/el.Seconds(), all, size>>20, maxRSS()>>20)
	if got, err := db.Software(ctx, r.Events[0].AssetID); nsw > 0 && (err != nil || len(got) != nsw) {
		return fmt.Errorf("check: software of one asset: %d rows, %v", len(got), err)
	}
	return nil
}

// observation makes the i-th of n observations of about n/2.5 devices,
// the way a large network looks: every device by ARP, half again by SNMP
// (serial, engine ID, sysName, no MAC of its own), a quarter by mDNS, the
// rest by passive capture. Addresses: 198.18.0.0/15, then 2001:db8::/32.
// ok is false for the indexes a device is not seen at.
func observation(i, devices int, now time.Time) (o record.Observation, ok bool) {
	d := i % devices
	ip := netip.AddrFrom4([4]byte{198, 18 + byte(d>>16&1), byte(d >> 8), byte(d)})
	if d >= 1<<17 {
		ip = netip.AddrFrom16([16]byte{0x20, 0x01, 0x0d, 0xb8, 12: byte(d >> 24), 13: byte(d >> 16), 14: byte(d >> 8), 15: byte(d)})
	}
	o.Time = now
	switch i / devices {
	case 0:
		o.Source, o.Asset = record.SourceARP, record.Asset{IP: ip, MAC: mac(d, 1)}
	case 1:
		if d%2 != 0 {
			return o, false
		}
		o.Source, o.Asset = record.SourceSNMP, record.Asset{IP: ip, SysName: fmt.Sprintf("sw-%d", d), Vendor: "Cisco", Serial: fmt.Sprintf("FOC%08d", d), SNMPEngineID: fmt.Sprintf("80000009030000%08x", d)}
	case 2:
		if d%4 != 0 {
			return o, false
		}
		o.Source, o.Asset = record.SourceMDNS, record.Asset{IP: ip, MAC: mac(d, 1), Hostname: fmt.Sprintf("host-%d.local", d)}
	default:
		o.Source, o.Asset = record.SourcePassive, record.Asset{IP: ip, MAC: mac(d, 1)}
	}
	return o, true
}

// sightings streams n observations into identity's compact form, as a
// large sweep would keep them.
func sightings(n int) []identity.Sighting {
	devices := n * 2 / 5
	out := make([]identity.Sighting, 0, n)
	now := time.Now().UTC()
	for i := 0; len(out) < n; i++ {
		if o, ok := observation(i, devices, now); ok {
			out = append(out, identity.SightingOf(&o))
		}
	}
	return out
}

// knownAssets is what the CMDB holds for the devices sightings(n) sees:
// the steady state of an hourly sweep.
func knownAssets(n int) []identity.Known {
	devices := n * 2 / 5
	out := make([]identity.Known, devices)
	for d := range devices {
		k := identity.Known{AssetID: fmt.Sprintf("asset-%08d", d), Keys: []identity.Key{{Kind: identity.KindMAC, Value: mac(d, 1).String()}}}
		if d%2 == 0 {
			k.Keys = append(k.Keys,
				identity.Key{Kind: identity.KindSerial, Value: fmt.Sprintf("cisco|FOC%08d", d)},
				identity.Key{Kind: identity.KindEngineID, Value: fmt.Sprintf("80000009030000%08x", d)},
				identity.Key{Kind: identity.KindSysName, Value: fmt.Sprintf("sw-%d", d)})
		}
		if d%4 == 0 {
			k.Keys = append(k.Keys, identity.Key{Kind: identity.KindMDNSName, Value: fmt.Sprintf("host-%d.local", d)})
		}
		out[d] = k
	}
	return out
}

func resolve(n int, withKnown, ties bool) error {
	res, err := identity.New(nil, identity.Defaults())
	if err != nil {
		return err
	}
	obs := sightings(n)
	var known []identity.Known
	if withKnown {
		known = knownAssets(n)
	}
	runtime.GC()
	base := maxRSS()
	start := time.Now()
	r := res.Resolve(identity.Input{Sightings: obs, Known: known, SkipTies: !ties})
	el := time.Since(start)
	matched := 0
	for _, c := range r.Clusters {
		if !c.New {
			matched++
		}
	}
	fmt.Printf("identity: %d observations, %d known assets, ties %v -> %d assets (%d matched known) in %s; peak RSS %d MB (before resolving: %d MB)\n",
		len(obs), len(known), ties, len(r.Clusters), matched, el.Round(time.Millisecond), maxRSS()>>20, base>>20)
	return nil
}

// maxRSS is the process's peak resident set, in bytes.
func maxRSS() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Maxrss * 1024
}
