package assemble

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net"
	"net/netip"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/scanner/arp/arptest"
	"github.com/netcensus/netcensus/scanner/mdns"
	"github.com/netcensus/netcensus/scanner/nmap"
)

// The mdns command writes the hosts heard and a summary per interface.
func TestMDNSBrowseRunTo(t *testing.T) {
	env := fakeEnv(arptest.NewSegment())(nil, slog.New(slog.DiscardHandler))
	env.BrowseMDNS = func(_ context.Context, o mdns.Options) (*mdns.Result, error) {
		return &mdns.Result{Hosts: []mdns.Host{{Name: "printer", Addrs: []netip.Addr{netip.MustParseAddr("198.51.100.9")}}}}, nil
	}
	cfg := config.Default()
	cfg.MDNS.Duration = config.Duration(time.Second)
	var out, said bytes.Buffer
	err := MDNSBrowse{Config: cfg, Env: env, Log: slog.New(slog.DiscardHandler)}.RunTo(t.Context(), Output{Stdout: &out, Stderr: &said, Format: "jsonl"})
	if err != nil || !strings.Contains(out.String(), "198.51.100.9") || !strings.HasPrefix(said.String(), "summary: interface=eth0 ") {
		t.Errorf("%v; wrote %q, said %q", err, out.String(), said.String())
	}
}

// import pcap writes the hosts heard and a summary of the files, hosts
// and the decoder's counts.
func TestImportPcapTo(t *testing.T) {
	const zeek = "../../testdata/pcap/zeek/"
	var out, said bytes.Buffer
	files := []string{zeek + "arp-who-has.pcap", zeek + "dns-mdns.pcap"}
	if err := ImportPcapTo(t.Context(), config.Default(), files, slog.New(slog.DiscardHandler), Output{Stdout: &out, Stderr: &said, Format: "jsonl"}); err != nil {
		t.Fatal(err)
	}
	hosts := strings.Count(out.String(), "\n")
	if hosts == 0 || !strings.HasPrefix(said.String(), "summary: files=2 hosts=") || !strings.Contains(said.String(), " arp=") {
		t.Errorf("wrote %d hosts, said %q", hosts, said.String())
	}
}

// import nmap refuses a size bound under 1 and a report over it before
// anything is stored; it writes the hosts that were up and a summary,
// and stores them unless told not to.
func TestNmapImport(t *testing.T) {
	const lab = "../../scanner/nmap/testdata/lab.xml"
	st := sqliteSettings(t, filepath.Join(t.TempDir(), "cmdb.db"))
	var out, said bytes.Buffer
	o := Output{Stdout: &out, Stderr: &said, Format: "jsonl"}
	var se *SettingsError
	var fe *nmap.FileError
	if err := (NmapImport{Files: []string{lab}, MaxBytes: 0, Store: &st}).Run(t.Context(), o); !errors.As(err, &se) || err.Error() != "--max-bytes 0: must be positive" {
		t.Errorf("--max-bytes 0: %v", err)
	}
	if err := (NmapImport{Files: []string{lab}, MaxBytes: 100, Store: &st}).Run(t.Context(), o); err == nil || !strings.Contains(err.Error(), "larger than 100 bytes") {
		t.Errorf("a report over --max-bytes: %v", err)
	}
	if err := (NmapImport{Files: []string{lab + ".none"}, MaxBytes: 1 << 20, Store: &st}).Run(t.Context(), o); !errors.As(err, &fe) {
		t.Errorf("a missing report: %v, want a *nmap.FileError", err)
	}
	if out.Len() != 0 || said.Len() != 0 {
		t.Fatalf("a refused import wrote %q and said %q", out.String(), said.String())
	}
	stored := func() int {
		inv, done, err := st.OpenInventory(t.Context())
		if err != nil {
			return -1
		}
		defer done()
		as, _ := inv.Store().Assets(t.Context(), store.AssetFilter{})
		return len(as)
	}
	if err := (NmapImport{Files: []string{lab}, MaxBytes: 1 << 20}).Run(t.Context(), o); err != nil || stored() != 0 {
		t.Fatalf("--no-store: %v, stored %d", err, stored())
	}
	hosts := strings.Count(out.String(), "\n")
	if hosts != 3 || !strings.HasPrefix(said.String(), "summary: files=1 hosts=3 down=") {
		t.Errorf("wrote %d hosts, said %q", hosts, said.String())
	}
	said.Reset()
	if err := (NmapImport{Files: []string{lab}, MaxBytes: 1 << 20, Store: &st}).Run(t.Context(), o); err != nil || stored() != 3 || !strings.Contains(said.String(), "stored: ") {
		t.Errorf("stored: %v, %d assets, said %q", err, stored(), said.String())
	}
}

// PreflightTo says a store that is only out of reach now, and goes on.
func TestPreflightTo(t *testing.T) {
	dir := t.TempDir()
	down := StoreSettings{Inventory: storeAt(unreachable, config.Inventory{}), Getenv: envOf(map[string]string{"XDG_STATE_HOME": dir}), UID: 1000}
	var said bytes.Buffer
	if err := down.PreflightTo(t.Context(), &said); err != nil || !strings.HasPrefix(said.String(), "store: not open now (") ||
		!strings.HasSuffix(said.String(), "); the sweep goes ahead and is spooled if the store is still out of reach at its end\n") {
		t.Errorf("%v, said %q", err, said.String())
	}
	said.Reset()
	if err := sqliteSettings(t, filepath.Join(dir, "cmdb.db")).PreflightTo(t.Context(), &said); err != nil || said.Len() != 0 {
		t.Errorf("a store that opens: %v, said %q", err, said.String())
	}
}

// A probe refuses csv before anything is sent; RunTo writes the records
// and the summary, and fails with ErrNoAnswer when no host answered.
func TestProbeRunTo(t *testing.T) {
	cfg := config.Default()
	cfg.SNMP.Timeout, cfg.SNMP.Retries = config.Duration(300e6), 0
	req := ProbeRequest{Config: cfg, Credentials: CredentialFlags{Communities: []string{"dev"}}, Hosts: []string{startAgent(t)},
		Getenv: envOf(nil), Log: slog.New(slog.DiscardHandler), Format: "csv"}
	var se *SettingsError
	if p, err := NewProbe(t.Context(), req); p != nil || !errors.As(err, &se) || err.Error() != "--format csv: probe records nest lists; want table, json or jsonl" {
		t.Errorf("csv: %v", err)
	}
	req.Format = "jsonl"
	p, err := NewProbe(t.Context(), req)
	if err != nil {
		t.Fatal(err)
	}
	var out, said bytes.Buffer
	if err := p.RunTo(t.Context(), Output{Stdout: &out, Stderr: &said, Format: "jsonl"}); err != nil || !strings.Contains(out.String(), `"probe-host"`) || !strings.Contains(said.String(), "answered=1") {
		t.Errorf("%v; wrote %q, said %q", err, out.String(), said.String())
	}
	silent, err := net.ListenPacket("udp", "127.0.0.1:0") // bound, never answering
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	req.Hosts = []string{silent.LocalAddr().String()}
	if p, err = NewProbe(t.Context(), req); err != nil {
		t.Fatal(err)
	}
	if err := p.RunTo(t.Context(), Output{Stdout: &out, Stderr: &said, Format: "jsonl"}); !errors.Is(err, ErrNoAnswer) {
		t.Errorf("no host answered: %v", err)
	}
}
