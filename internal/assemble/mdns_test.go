package assemble

import (
	"context"
	"errors"
	"log/slog"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner/arp"
	"github.com/netcensus/netcensus/scanner/arp/arptest"
	"github.com/netcensus/netcensus/scanner/mdns"
	"github.com/netcensus/netcensus/scanner/passive"
)

// The mdns command's browse picks the attached segments' interfaces (a
// named one only), browses each with the machine's browser for the
// config's duration, and turns what was heard into assets; no attached
// segment, an unknown interface and a bad recog_dir are a *SettingsError
// before anything is browsed.
func TestMDNSBrowse(t *testing.T) {
	env := fakeEnv(arptest.NewSegment())(nil, slog.New(slog.DiscardHandler))
	var asked []string
	var took time.Duration
	env.BrowseMDNS = func(_ context.Context, o mdns.Options) (*mdns.Result, error) {
		asked, took = append(asked, o.Interface.Name), o.Duration
		return &mdns.Result{Hosts: []mdns.Host{{Name: "printer", Addrs: []netip.Addr{netip.MustParseAddr("198.51.100.9")}}}}, nil
	}
	cfg := config.Default()
	cfg.MDNS.Duration = config.Duration(2 * time.Second)
	b := MDNSBrowse{Config: cfg, Env: env, Log: slog.New(slog.DiscardHandler)}
	assets, results, partial, err := b.Run(t.Context())
	if err != nil || partial != nil || len(assets) != 1 || assets[0].IP != netip.MustParseAddr("198.51.100.9") || len(results) != 1 ||
		strings.Join(asked, " ") != "eth0" || took != 2*time.Second {
		t.Errorf("browse: assets %+v, results %+v, partial %v, err %v; browsed %v for %s", assets, results, partial, err, asked, took)
	}

	asked = nil
	var se *SettingsError
	routed := b
	routed.Env.Routes = func() ([]arp.Route, error) {
		return []arp.Route{{Iface: "eth0", Prefix: netip.MustParsePrefix("203.0.113.0/24"), Gateway: netip.MustParseAddr("198.51.100.254"), Flags: 3}}, nil
	}
	named := b
	named.Interface = "eth9"
	recog := b
	recog.Config.RecogDir = "/nonexistent/recog"
	for name, c := range map[string]struct {
		b   MDNSBrowse
		say string
	}{
		"no attached segment": {routed, "no interface with an attached IPv4 segment to browse"},
		"unknown interface":   {named, "eth9"},
		"recog_dir":           {recog, "recog_dir /nonexistent/recog"},
	} {
		if _, _, _, err := c.b.Run(t.Context()); !errors.As(err, &se) || !strings.Contains(err.Error(), c.say) {
			t.Errorf("%s: %v, want a *SettingsError saying %q", name, err, c.say)
		}
	}
	none := b
	none.Env.BrowseMDNS = nil
	if _, _, _, err := none.Run(t.Context()); !errors.Is(err, ErrNoBrowser) {
		t.Errorf("no browser: %v", err)
	}
	if len(asked) != 0 {
		t.Errorf("browsed %v after a refusal", asked)
	}
}

// import pcap's read: the hosts heard in the captures with the decoder's
// counts; a missing capture is a *passive.FileError before any is read.
func TestImportPcap(t *testing.T) {
	const zeek = "../../testdata/pcap/zeek/"
	log := slog.New(slog.DiscardHandler)
	assets, st, err := ImportPcap(t.Context(), config.Default(), []string{zeek + "arp-who-has.pcap", zeek + "dns-mdns.pcap"}, log)
	if err != nil || len(assets) == 0 || st.ARP == 0 || st.MDNS == 0 {
		t.Fatalf("assets %d, stats %+v, %v: want hosts heard by ARP and mDNS", len(assets), st, err)
	}
	for _, a := range assets {
		if len(a.Sources) == 0 || a.Sources[0] != record.SourcePassive {
			t.Errorf("%s: sources %v, want passive", a.IP, a.Sources)
		}
	}
	var fe *passive.FileError
	if assets, st, err := ImportPcap(t.Context(), config.Default(), []string{zeek + "arp-who-has.pcap", zeek + "none.pcap"}, log); !errors.As(err, &fe) || assets != nil || st.Frames != 0 {
		t.Errorf("a missing capture: %d assets, %+v, %v; want a *passive.FileError and nothing read", len(assets), st, err)
	}
}
