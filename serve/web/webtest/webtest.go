// Package webtest builds what the web UI's tests and its bench run
// against: a SQLite store filled with known assets (six daily sweeps, so
// there is history, drift and capacity to show), or with many synthetic
// ones, and a running netcensus serve with the UI on a loopback port.
package webtest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"time"

	"github.com/netcensus/netcensus/inventory"
	"github.com/netcensus/netcensus/inventory/drift"
	"github.com/netcensus/netcensus/inventory/identity"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/inventory/store/sqlite"
	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/serve"
	"github.com/netcensus/netcensus/serve/web"
)

// Tokens the fixtures' service accepts.
const (
	ReadToken  = "ui-read-token-0123456789abcdef"
	WriteToken = "ui-write-token-0123456789abcdef"
)

// Strings a hostile device reports: they must reach every page escaped.
const (
	EvilSysName    = `<script>alert("sysName")</script>sw-core'1"`
	EvilSysContact = `"Bob" <bob@example.net><script>alert('contact')</script>`
)

// Known asset addresses.
const (
	SwitchMAC  = "00:1b:54:00:00:01"
	SwitchIP   = "192.0.2.1"
	ServerIP   = "192.0.2.20"
	ServerMAC  = "52:54:00:12:34:56"
	PrinterIP  = "192.0.2.30"
	UnknownIP  = "192.0.2.77"
	UnknownMAC = "3c:22:fb:77:00:77"
)

// Baseline is the fixtures' drift baseline.
const Baseline = `name: linux-min
rules:
  - id: kernel
    select: {os: linux}
    min_os_version: "6.1"
`

// Open opens (creating) a SQLite store at path with its inventory.
func Open(ctx context.Context, path string) (*sqlite.DB, *inventory.Inventory, error) {
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		return nil, nil, err
	}
	if _, err := db.Migrate(ctx); err != nil {
		db.Close()
		return nil, nil, err
	}
	res, err := identity.New(nil, identity.Defaults())
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return db, inventory.New(db, res, inventory.Config{Scanner: "webtest", MissingAfterSweeps: 2}, nil), nil
}

// Baselines parses Baseline.
func Baselines() ([]drift.Baseline, error) {
	b, err := drift.Parse(strings.NewReader(Baseline))
	if err != nil {
		return nil, err
	}
	return []drift.Baseline{b}, nil
}

func mac(s string) record.MAC {
	m, _ := record.ParseMAC(s) // the constants above parse
	return m
}

func ptr[T any](v T) *T { return &v }

// day is the known assets as sweep d (0 to 5) sees them.
func day(d int, at time.Time) []record.Observation {
	const gib = 1 << 30
	sw := record.Asset{IP: netip.MustParseAddr(SwitchIP), MAC: mac(SwitchMAC), Hostname: "sw-core-1", Vendor: "Cisco", Model: "C9300-48P",
		Serial: "FOC2233X0AB", OS: "IOS-XE", OSVersion: "17.9.4", DeviceType: "switch", SysName: EvilSysName, SysContact: EvilSysContact,
		SysDescr: "Cisco IOS XE Software, Catalyst L3 Switch Software (CAT9K_IOSXE), Version 17.9.4", SysObjectID: "1.3.6.1.4.1.9.1.2494",
		SysLocation: "rack 4 <b>row 2</b>", SysUptimeS: uint64(86400 * (10 + d)),
		Sources: []record.Source{record.SourceSNMP, record.SourceARP},
		Evidence: map[string]record.Evidence{
			"vendor": {Rule: "profile cisco-ios-xe", Source: record.SourceSNMP, OID: "1.3.6.1.2.1.1.2.0", Value: "1.3.6.1.4.1.9.1.2494"},
			"model":  {Rule: "entPhysicalModelName", Source: record.SourceSNMP, OID: "1.3.6.1.2.1.47.1.1.1.1.13.1", Value: "C9300-48P"},
			"serial": {Rule: "entPhysicalSerialNum", Source: record.SourceSNMP, OID: "1.3.6.1.2.1.47.1.1.1.1.11.1", Value: "FOC2233X0AB"},
		},
		Interfaces: []record.Interface{
			{Index: 1, Name: "Gi1/0/1", Alias: `uplink "core" <a>`, Type: "ethernetCsmacd", MAC: mac(SwitchMAC), SpeedBps: 1e9, AdminUp: true, OperUp: true},
			{Index: 2, Name: "Gi1/0/2", Type: "ethernetCsmacd", SpeedBps: 1e9, AdminUp: true},
		},
		Neighbors:   []record.Neighbor{{LocalPort: "Gi1/0/1", ChassisID: "00:1b:54:00:00:99", PortID: "Te1/1/1", SysName: "dist-1 <img src=x>"}},
		Storage:     []record.Storage{{Descr: "flash:", Type: "fixed_disk", SizeBytes: 16 * gib, UsedBytes: uint64(float64(16*gib) * (0.50 + 0.05*float64(d)))}},
		MemoryBytes: 8 * gib, MemoryUsedBytes: uint64(float64(8*gib) * (0.40 + 0.02*float64(d))), CPULoadPct: ptr(12.0 + float64(d)),
	}
	srv := record.Asset{IP: netip.MustParseAddr(ServerIP), MAC: mac(ServerMAC), Hostname: "db-1", SysName: "db-1", Vendor: "Debian",
		OS: "Linux", OSVersion: "6.1.0", DeviceType: "server", Serial: "VMW-42-1", Model: "VMware Virtual Platform",
		Sources:     []record.Source{record.SourceSNMP, record.SourceARP},
		Software:    []record.Software{{Name: "openssl", Version: "3.0.11"}, {Name: "nginx", Version: "1.22.1"}},
		Storage:     []record.Storage{{Descr: "/", Type: "fixed_disk", SizeBytes: 100 * gib, UsedBytes: uint64(float64(100*gib) * (0.70 + 0.04*float64(d)))}},
		MemoryBytes: 16 * gib, MemoryUsedBytes: 9 * gib,
		Evidence: map[string]record.Evidence{"os": {Rule: "sysDescr Linux", Source: record.SourceSNMP, OID: "1.3.6.1.2.1.1.1.0", Value: "Linux db-1 6.1.0"}}}
	// The server is plugged into the switch: Gi1/0/2, then Gi1/0/7 from
	// day 3 (a move).
	port := "Gi1/0/2"
	if d >= 3 {
		port = "Gi1/0/7"
	}
	srv.Location = &record.Location{Switch: record.SwitchRef{Name: "sw-core-1", IP: netip.MustParseAddr(SwitchIP)}, Port: port, VLAN: 10, Seen: at}
	srv.Evidence["location"] = record.Evidence{Rule: "access port (one MAC, no neighbour)", Source: record.SourceSNMP,
		OID: "1.3.6.1.2.1.17.7.1.2.2.1.2", Value: port}
	if d >= 3 {
		srv.Software = append(srv.Software, record.Software{Name: "redis", Version: "7.0.15"})
		srv.Software[0].Version = "3.0.13"
		srv.OSVersion = "5.10.0" // rolled back: drift's kernel rule fails
	}
	printer := record.Asset{IP: netip.MustParseAddr(PrinterIP), MAC: mac("00:80:77:30:30:30"), Hostname: "printer-3f.local", Vendor: "Brother",
		Model: "HL-L8360CDW", DeviceType: "printer", Sources: []record.Source{record.SourceMDNS},
		Services: []record.Service{{Type: "_ipp._tcp", Name: "Brother HL-L8360CDW", Port: 631}},
		Evidence: map[string]record.Evidence{"model": {Rule: "mdns ty", Source: record.SourceMDNS, TXT: "ty", Value: "Brother HL-L8360CDW"}}}
	out := []record.Observation{
		{Time: at, Source: record.SourceSNMP, Asset: sw},
		{Time: at, Source: record.SourceSNMP, Asset: srv},
		{Time: at, Source: record.SourceMDNS, Asset: printer},
	}
	for i := range 4 {
		out = append(out, record.Observation{Time: at, Source: record.SourceARP, Asset: record.Asset{
			IP: netip.AddrFrom4([4]byte{192, 0, 2, byte(100 + i)}), MAC: mac(fmt.Sprintf("00:16:3e:00:01:%02x", i)),
			MACVendor: "Xensource, Inc.", Sources: []record.Source{record.SourceARP}}})
	}
	if d == 5 {
		// A newcomer on the last day: the Unknown list's newest.
		out = append(out, record.Observation{Time: at, Source: record.SourcePassive, Asset: record.Asset{IP: netip.MustParseAddr(UnknownIP),
			MAC: mac(UnknownMAC), MACVendor: "Samsung Electronics Co.,Ltd", Hostname: "Galaxy-S24", Sources: []record.Source{record.SourcePassive}}})
	}
	return out
}

// Fill ingests six daily sweeps of the known assets, ending at now, and
// evaluates drift after each; the switch is approved, the rest are not.
func Fill(ctx context.Context, inv *inventory.Inventory, now time.Time) error {
	bs, err := Baselines()
	if err != nil {
		return err
	}
	seg := netip.MustParsePrefix("192.0.2.0/24")
	for d := range 6 {
		at := now.Add(time.Duration(d-5) * 24 * time.Hour).UTC()
		if _, err := inv.Ingest(ctx, inventory.Sweep{Start: at.Add(-time.Minute), End: at, Segments: []netip.Prefix{seg}, Observations: day(d, at)}); err != nil {
			return fmt.Errorf("fill day %d: %w", d, err)
		}
		if _, err := drift.Evaluate(ctx, inv.Store(), bs, drift.Options{Now: at, Record: true}); err != nil {
			return fmt.Errorf("fill day %d drift: %w", d, err)
		}
	}
	as, err := inv.Store().Assets(ctx, store.AssetFilter{})
	if err != nil {
		return err
	}
	for _, a := range as {
		if a.Record.IP.String() == SwitchIP {
			if _, err := inv.Approve(ctx, "fixture", false, a.Record.AssetID); err != nil {
				return err
			}
			site := "HQ"
			if err := inv.Set(ctx, "fixture", a.Record.AssetID, inventory.Changes{Site: &site, Tags: []string{"core", "<tag>"}}); err != nil {
				return err
			}
		}
	}
	return nil
}

// Bulk writes n synthetic assets straight into the store (as a long-run
// CMDB would hold them: addresses across 198.18.0.0/15, MACs, names,
// serials and models), in batches.
func Bulk(ctx context.Context, st store.Store, n int, now time.Time) error {
	const batch = 5000
	vendors := []string{"Cisco", "Juniper", "Aruba", "HP", "Dell", "Lenovo", "Brother", "Ubiquiti"}
	types := []string{"switch", "router", "server", "printer", "access_point", "workstation"}
	for lo := 0; lo < n; lo += batch {
		var as []store.Asset
		for i := lo; i < min(n, lo+batch); i++ {
			first := now.Add(-time.Duration(n-i) * time.Minute).UTC()
			ip := netip.AddrFrom4([4]byte{198, byte(18 + i>>16&1), byte(i >> 8), byte(i)})
			m := record.MAC{0x02, 0x42, byte(i >> 24), byte(i >> 16), byte(i >> 8), byte(i)}
			r := record.Asset{AssetID: store.NewUUID(first), IP: ip, MAC: m, Hostname: fmt.Sprintf("host-%06d", i),
				Vendor: vendors[i%len(vendors)], Model: fmt.Sprintf("M-%03d", i%997), Serial: fmt.Sprintf("SN%08d", i),
				OS: "Linux", OSVersion: "6.1", DeviceType: types[i%len(types)], Sources: []record.Source{record.SourceARP},
				FirstSeen: first, LastSeen: now.UTC(), State: store.StateActive}
			as = append(as, store.Asset{Record: r, StateSince: first})
		}
		if err := st.PutAssets(ctx, as); err != nil {
			return fmt.Errorf("bulk assets %d: %w", lo, err)
		}
	}
	return nil
}

// Service is a running netcensus serve with the UI.
type Service struct {
	URL  string
	Srv  *serve.Server
	stop context.CancelFunc
	done chan error
}

// Stop shuts the service down and waits for it.
func (s *Service) Stop() error {
	s.stop()
	select {
	case err := <-s.done:
		return err
	case <-time.After(30 * time.Second):
		return errors.New("serve did not stop within 30s")
	}
}

// Start runs serve (with the UI) over inv on a loopback port. sweep may
// be nil: then a triggered sweep stores an empty partial sweep.
func Start(ctx context.Context, inv *inventory.Inventory, st store.ServeState, sweep serve.SweepFunc, log *slog.Logger) (*Service, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	bs, err := Baselines()
	if err != nil {
		return nil, err
	}
	if sweep == nil {
		sweep = func(ctx context.Context, req serve.SweepRequest) (serve.SweepResult, error) {
			res, err := inv.Ingest(ctx, inventory.Sweep{Segments: []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")}, Partial: true})
			if err != nil {
				return serve.SweepResult{}, err
			}
			return serve.SweepResult{SweepID: res.Sweep.ID, Partial: true}, nil
		}
	}
	opts := serve.Options{Listen: "127.0.0.1:0", Tokens: []serve.Token{{Name: "auditor", Secret: ReadToken}, {Name: "alice", Secret: WriteToken, Write: true}},
		ShutdownGrace: 5 * time.Second, PollInterval: 200 * time.Millisecond, Baselines: bs,
		Schedules: []serve.Schedule{{Name: "lab", Targets: []string{"192.0.2.0/24"}, Every: 24 * time.Hour}}}
	var uiErr error
	srv, err := serve.New(opts, serve.Deps{Inventory: inv, State: st, Sweep: sweep, Log: log, UI: func(s *serve.Server) http.Handler {
		ui, err := web.New(s, web.Options{Log: log})
		if err != nil {
			uiErr = err
			return nil
		}
		return ui.Handler()
	}})
	if err != nil {
		return nil, err
	}
	if uiErr != nil {
		return nil, uiErr
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	s := &Service{URL: "http://" + ln.Addr().String(), Srv: srv, stop: cancel, done: make(chan error, 1)}
	go func() { s.done <- srv.Serve(ctx, ln) }()
	return s, nil
}
