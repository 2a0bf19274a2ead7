package assemble

import (
	"errors"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/internal/snmprec"
	"github.com/netcensus/netcensus/internal/snmpsim"
	"github.com/netcensus/netcensus/internal/snmpsim/simtest"
	"github.com/netcensus/netcensus/record"
)

// probeWalk is a device's system group in snmprec form.
const probeWalk = `1.3.6.1.2.1.1.1.0|4|Linux probe-host 6.1.0 x86_64
1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10
1.3.6.1.2.1.1.3.0|67|123456
1.3.6.1.2.1.1.5.0|4|probe-host
`

// startAgent serves probeWalk on loopback to community "dev".
func startAgent(t *testing.T) string {
	t.Helper()
	w, _, err := snmprec.Parse(strings.NewReader(probeWalk))
	if err != nil {
		t.Fatal(err)
	}
	return simtest.Loopback(t, snmpsim.Options{Walks: map[string]*snmprec.Walk{"dev": w}}).String()
}

// A probe refuses bad credentials, hosts and a record directory before it
// sends anything, each a *SettingsError naming what is wrong; it writes
// the answering hosts' records in order and records their walks, and
// fails (ErrNoAnswer) only when no host answered.
func TestProbe(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	cfg.SNMP.Timeout, cfg.SNMP.Retries = config.Duration(300e6), 0
	req := func(hosts []string, record string, cred CredentialFlags) ProbeRequest {
		return ProbeRequest{Config: cfg, Credentials: cred, Hosts: hosts, Record: record,
			Getenv: func(string) string { return "" }, Log: slog.New(slog.DiscardHandler)}
	}
	dev := CredentialFlags{Communities: []string{"dev"}}
	var se *SettingsError
	for name, r := range map[string]ProbeRequest{
		"--v3-user":       req([]string{"192.0.2.7"}, "", CredentialFlags{Version: "2c", V3User: "u"}),
		"192.0.2.7:99999": req([]string{"192.0.2.7:99999"}, "", dev),
		"--record":        req([]string{"192.0.2.7"}, filepath.Join(file, "walks"), dev),
		"empty community": req([]string{"192.0.2.7"}, "", CredentialFlags{Communities: []string{""}}),
	} {
		if p, err := NewProbe(t.Context(), r); p != nil || !errors.As(err, &se) || !strings.Contains(err.Error(), strings.TrimPrefix(name, "empty ")) {
			t.Errorf("%s: %v, want a *SettingsError saying so", name, err)
		}
	}

	agent := startAgent(t)
	silent, err := net.ListenPacket("udp", "127.0.0.1:0") // bound, never answering
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	walks := filepath.Join(dir, "walks")
	p, err := NewProbe(t.Context(), req([]string{silent.LocalAddr().String(), agent}, walks, dev))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	var log strings.Builder
	st, err := p.Run(t.Context(), func(a *record.Asset) error { got = append(got, a.SysName); return nil }, &log)
	if err != nil || st.Probed != 2 || st.Answered != 1 || len(got) != 1 || got[0] != "probe-host" || p.Err(st) != nil {
		t.Fatalf("probe: %+v, %v, records %v, Err %v\n%s", st, err, got, p.Err(st), log.String())
	}
	if fs, _ := filepath.Glob(filepath.Join(walks, "127.0.0.1_*.snmprec")); len(fs) != 1 || !strings.Contains(log.String(), silent.LocalAddr().String()) {
		t.Errorf("recorded %v; log %q: want the answering host's walk and the silent host named", fs, log.String())
	}

	p, err = NewProbe(t.Context(), req([]string{silent.LocalAddr().String()}, "", dev))
	if err != nil {
		t.Fatal(err)
	}
	st, err = p.Run(t.Context(), func(*record.Asset) error { return nil }, &log)
	if err != nil || !errors.Is(p.Err(st), ErrNoAnswer) {
		t.Errorf("no host answered: %+v, %v, Err %v", st, err, p.Err(st))
	}
}
