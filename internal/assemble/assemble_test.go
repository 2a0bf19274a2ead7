package assemble

import (
	"errors"
	"log/slog"
	"net/netip"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/gosnmp/gosnmp"

	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner"
)

// TestLocate: the config's locate section sets the collection and
// a rules file replaces the built-in rules, strictly read.
func TestLocate(t *testing.T) {
	dir := t.TempDir()
	good, bad := dir+"/good.yaml", dir+"/bad.yaml"
	os.WriteFile(good, []byte("uplinks:\n  max_macs: 3\n"), 0o644)
	os.WriteFile(bad, []byte("uplinks:\n  max_macs: 3\n  max_mac: 4\n"), 0o644)
	o := &scanner.SNMPOptions{}
	if err := Locate(o, config.Locate{Enabled: true, VLANContexts: "never", RulesFile: good}); err != nil {
		t.Fatal(err)
	}
	if o.Locate == nil || o.Locate.Uplinks.MaxMACs != 3 || o.FDB.Off || o.FDB.VLANContexts != "never" {
		t.Errorf("options %+v %+v", o.FDB, o.Locate)
	}
	if err := Locate(o, config.Locate{RulesFile: bad}); err == nil || !strings.Contains(err.Error(), "locate.rules_file") || !strings.Contains(err.Error(), "max_mac") {
		t.Errorf("bad rules file: %v", err)
	}
	if err := Locate(o, config.Locate{}); err != nil || !o.FDB.Off {
		t.Errorf("disabled: %v %+v", err, o.FDB)
	}
}

func TestNames(t *testing.T) {
	o, err := Names(config.Names{})
	if err != nil || o != nil {
		t.Errorf("every protocol off: %+v, %v; want nil", o, err)
	}
	c := config.Default().Names
	c.DNS, c.Servers = true, []string{"192.0.2.53", "[2001:db8::53]:5353"}
	o, err = Names(c)
	if err != nil || o == nil || !o.DNS || len(o.Servers) != 2 || o.Servers[0].Port() != 53 || o.Servers[1].Port() != 5353 {
		t.Fatalf("names %+v, %v", o, err)
	}
	c.Servers = []string{"not an address"}
	if _, err := Names(c); err == nil || !strings.Contains(err.Error(), "not an address") {
		t.Errorf("bad server: %v", err)
	}
}

func TestCommunities(t *testing.T) {
	creds, err := Communities([]string{"public", "private"}, gosnmp.Version1)
	if err != nil || len(creds) != 2 || creds[1].Name != "community-2" || creds[1].Version != gosnmp.Version1 || creds[1].Community.Reveal() != "private" {
		t.Fatalf("%+v, %v", creds, err)
	}
	if _, err := Communities([]string{"public", ""}, gosnmp.Version2c); !errors.Is(err, ErrEmptyCommunity) {
		t.Errorf("an empty community: %v", err)
	}
	// No credential sets configured: the scanner's default, one set.
	if creds, err := Credentials(config.DefaultSNMP(), func(string) string { return "" }); err != nil || len(creds) == 0 {
		t.Errorf("default credentials %+v, %v", creds, err)
	}
}

func TestSNMPAndMDNS(t *testing.T) {
	sc := config.DefaultSNMP()
	o, err := SNMP(sc, nil, "")
	if err != nil || o.Engine == nil || o.Port != sc.Port || o.Timeout != sc.Timeout.D() || o.Workers != sc.Workers {
		t.Fatalf("%+v, %v", o, err)
	}
	var se *SettingsError
	if _, err := SNMP(sc, nil, "/nonexistent-profiles"); !errors.As(err, &se) || !strings.Contains(err.Error(), "fingerprints.profiles_dir") {
		t.Errorf("a missing profiles_dir: %v; want a settings error naming the key", err)
	}
	if MDNSSection(config.MDNS{}) != config.Default().MDNS {
		t.Error("an empty mdns section is not the default")
	}
	mc := config.Default().MDNS
	mc.MaxInstances, mc.PassiveMaxHosts = 7, 9
	if m := MDNS(mc, nil); m.Limits.MaxInstances != 7 || m.Duration != mc.Duration.D() {
		t.Errorf("mdns %+v", m)
	}
	if p := PassiveLimits(mc); p.MaxHosts != 9 || p.MDNS.MaxInstances != 7 {
		t.Errorf("passive %+v", p)
	}
	if db, err := LoadRecog("", slog.New(slog.DiscardHandler)); db != nil || err != nil {
		t.Errorf("no recog dir: %v %v", db, err)
	}
}

func TestInventoryAndSweep(t *testing.T) {
	host := func() (string, error) { return "scanner-host", nil }
	if n := ScannerName(config.Inventory{}, host); n != "scanner-host" {
		t.Errorf("scanner name %q", n)
	}
	if n := ScannerName(config.Inventory{Scanner: "site-a"}, host); n != "site-a" {
		t.Errorf("scanner name %q", n)
	}
	bad := config.Default().Inventory
	bad.Identity.Order = []string{"nonsense"}
	if _, err := Inventory(nil, bad, host); err == nil || !strings.Contains(err.Error(), "inventory.identity") {
		t.Errorf("a bad identity order: %v", err)
	}

	start := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	rep := &scanner.Report{Start: start, Duration: time.Minute, Partial: true, Swept: []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")}}
	mac, _ := record.ParseMAC("02:00:00:00:00:01")
	rep.Add(&record.Asset{IP: netip.MustParseAddr("192.0.2.7"), MAC: mac, Sources: []record.Source{record.SourceARP}, LastSeen: start.Add(10 * time.Second)})
	rep.Add(&record.Asset{IP: netip.MustParseAddr("192.0.2.9"), MAC: mac, Sources: []record.Source{record.SourceARP}})
	sw := Sweep(rep, "site-a", "dc-east")
	if sw.Scanner != "site-a" || sw.Site != "dc-east" || !sw.Start.Equal(start) || !sw.End.Equal(start.Add(time.Minute)) || !sw.Partial || len(sw.Segments) != 1 || sw.ID == "" {
		t.Fatalf("sweep %+v", sw)
	}
	if len(sw.Observations) < 2 {
		t.Fatalf("observations %+v", sw.Observations)
	}
	// Each at the time its host last answered, else the sweep's end.
	for _, o := range sw.Observations {
		want := sw.End
		if o.Asset.IP == netip.MustParseAddr("192.0.2.7") {
			want = start.Add(10 * time.Second)
		}
		if !o.Time.Equal(want) || o.Scanner != "site-a" {
			t.Errorf("observation of %s at %s by %q, want %s", o.Asset.IP, o.Time, o.Scanner, want)
		}
	}
}

// TestSNMPStage: a bad locate section is a settings error (the user's to
// fix); profiles that cannot be read are not.
func TestSNMPStage(t *testing.T) {
	cfg := config.Default()
	o, err := SNMPStage(cfg, SNMPSection(config.SNMP{}), nil)
	if err != nil || o.Engine == nil || o.Port != config.DefaultSNMP().Port {
		t.Fatalf("%+v, %v", o, err)
	}
	var se *SettingsError
	bad := cfg
	bad.Locate.RulesFile = "/nonexistent/rules.yaml"
	if _, err := SNMPStage(bad, config.DefaultSNMP(), nil); !errors.As(err, &se) || !strings.HasPrefix(err.Error(), "locate.rules_file") {
		t.Errorf("a missing rules file: %v", err)
	}
	bad = cfg
	bad.Fingerprints.ProfilesDir = "/nonexistent-profiles"
	if _, err := SNMPStage(bad, config.DefaultSNMP(), nil); !errors.As(err, &se) || !strings.HasPrefix(err.Error(), "fingerprints.profiles_dir") {
		t.Errorf("missing profiles: %v, want a settings error naming the key, as every command's", err)
	}
}

func TestStages(t *testing.T) {
	on := config.Default().MDNS
	off := on
	off.Enabled = false
	for _, tc := range []struct {
		name          string
		c             config.MDNS
		passive       time.Duration
		noMDNS        bool
		mdns, passOpt bool
	}{
		{name: "the default section browses", c: config.MDNS{}, mdns: true},
		{name: "on", c: on, mdns: true},
		{name: "off in the config", c: off},
		{name: "off by flag", c: on, noMDNS: true},
		{name: "passive sends nothing", c: on, passive: time.Minute, passOpt: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, p, err := mdnsStages(tc.c, nil, tc.passive, tc.noMDNS)
			if err != nil || (m != nil) != tc.mdns || (p != nil) != tc.passOpt {
				t.Fatalf("mdns %+v, passive %+v, %v", m, p, err)
			}
			if m != nil && (m.Rules == nil || m.Duration != config.Default().MDNS.Duration.D()) {
				t.Errorf("mdns %+v", m)
			}
			if p != nil && (p.Duration != tc.passive || p.Rules == nil) {
				t.Errorf("passive %+v", p)
			}
		})
	}
}

func TestCollect(t *testing.T) {
	sc := config.DefaultSNMP()
	sc.Retries, sc.Workers, sc.MaxRows = 4, 3, 99
	creds, err := Communities([]string{"public"}, gosnmp.Version2c)
	if err != nil {
		t.Fatal(err)
	}
	o := Collect(sc, creds, nil, nil)
	if len(o.Credentials) != 1 || o.Timeout != sc.Timeout.D() || o.Retries != 4 || o.Workers != 3 || o.MaxRows != 99 ||
		o.TargetTimeout != sc.TargetTimeout.D() || o.MaxRepetitions != sc.MaxRepetitions {
		t.Errorf("options %+v", o)
	}
}
