package assemble

import (
	"context"
	"errors"
	"log/slog"
	"net/netip"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/spf13/pflag"

	"github.com/netcensus/netcensus/internal/config"
	"github.com/netcensus/netcensus/scanner"
	"github.com/netcensus/netcensus/scanner/arp/arptest"
	"github.com/netcensus/netcensus/scanner/targets"
)

// flagged lays the sweep flags args gives over sc, as a CLI sweep does
// (config.Overlay), and returns the section; a refusal is err.
func flagged(t *testing.T, sc config.Sweep, args ...string) (config.Sweep, error) {
	t.Helper()
	fs := pflag.NewFlagSet("sweep", pflag.ContinueOnError)
	var iface, format string
	var rate int
	var wait config.Duration
	var maxHosts uint64
	var public bool
	fs.StringVar(&iface, "interface", "", "")
	fs.IntVar(&rate, "rate", 1000, "")
	fs.Var(&wait, "arp-wait", "")
	fs.StringVar(&format, "format", "", "")
	fs.Uint64Var(&maxHosts, "max-hosts", 65536, "")
	fs.BoolVar(&public, "allow-public", false, "")
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	c := config.Default()
	c.Sweep = sc
	err := c.Overlay(config.Flag(fs, "interface", &c.Sweep.Interface, &iface), config.Flag(fs, "rate", &c.Sweep.Rate, &rate),
		config.Flag(fs, "arp-wait", &c.Sweep.ARPWait, &wait), config.Flag(fs, "format", &c.Sweep.Format, &format),
		config.Flag(fs, "max-hosts", &c.Sweep.MaxHosts, &maxHosts), config.Flag(fs, "allow-public", &c.Sweep.AllowPublic, &public))
	return c.Sweep, err
}

// A sweep's options come from the config's sweep section, with what the
// flags set laid over it (a flag set to the empty value too) and the
// excludes of both sides; nothing unset changes the section.
func TestSweepOptions(t *testing.T) {
	sc := config.Default().Sweep
	sc.Interface, sc.Rate, sc.ARPRetries, sc.Format = "eth1", 700, 3, "csv"
	sc.Exclude = []string{"198.51.100.1"}
	keep := slices.Clone(sc.Exclude)
	in := func(o *targets.Set, a string) bool { return o.Contains(netip.MustParseAddr(a)) }

	// The section alone, as a scheduled sweep with no excludes of its own:
	// the /24's 256 addresses less the one excluded.
	got, err := flagged(t, sc)
	if err != nil {
		t.Fatal(err)
	}
	o, err := SweepOptions(got, nil, []string{"198.51.100.0/24"})
	if err != nil {
		t.Fatal(err)
	}
	if o.Interface != "eth1" || o.Rate != 700 || o.ARPRetries != 3 || o.ARPWait != 250*time.Millisecond || o.Counters == nil ||
		o.Targets.Size() != 255 || in(o.Targets, "198.51.100.1") || !in(o.Targets, "198.51.100.2") ||
		o.SNMP != nil || o.MDNS != nil || o.Names != nil || o.NDP != nil || o.Limiter != nil {
		t.Errorf("section alone: %+v (%d targets)", o, o.Targets.Size())
	}
	if got.Format != "csv" || !slices.Equal(got.Exclude, keep) {
		t.Errorf("section alone came back as %+v", got)
	}

	// Flags over the section: those given win, an emptied interface too;
	// those not given keep the section's; excludes add up.
	got, err = flagged(t, sc, "--interface=", "--rate", "50", "--arp-wait", "1s", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	o, err = SweepOptions(got, []string{"198.51.100.2-3"}, []string{"198.51.100.0/24"})
	if err != nil {
		t.Fatal(err)
	}
	if o.Interface != "" || o.Rate != 50 || o.ARPRetries != 3 || o.ARPWait != time.Second || o.Targets.Size() != 253 ||
		in(o.Targets, "198.51.100.1") || in(o.Targets, "198.51.100.3") || !in(o.Targets, "198.51.100.4") {
		t.Errorf("flags over the section: %+v (%d targets)", o, o.Targets.Size())
	}
	if got.Format != "json" || !slices.Equal(got.Exclude, keep) || !slices.Equal(sc.Exclude, keep) {
		t.Errorf("flags over the section came back as %+v; the config's excludes are now %v", got, sc.Exclude)
	}

	// Two sweeps do not share counters.
	o2, err := SweepOptions(sc, nil, []string{"198.51.100.7"})
	if err != nil || o2.Counters == o.Counters || o2.Targets.Size() != 1 {
		t.Errorf("second sweep: %+v, %v", o2, err)
	}

	// Refusals: a flag out of range names its key; public targets and
	// sweeps past max_hosts are refused unless a flag allows them.
	for _, tc := range []struct {
		name    string
		flags   []string
		exclude []string
		targets []string
		err     string // "" when allowed
	}{
		{"rate 0", []string{"--rate", "0"}, nil, []string{"198.51.100.7"}, "sweep.rate 0"},
		{"bad format", []string{"--format", "xml"}, nil, []string{"198.51.100.7"}, "sweep.format"},
		{"bad exclude", nil, []string{"nonsense"}, []string{"198.51.100.7"}, "nonsense"},
		{"public", nil, nil, []string{"8.8.8.0/24"}, "public"},
		{"public allowed", []string{"--allow-public"}, nil, []string{"8.8.8.0/24"}, ""},
		{"past max_hosts", []string{"--max-hosts", "16"}, nil, []string{"198.51.100.0/24"}, "16"},
		{"within max_hosts", []string{"--max-hosts", "16"}, nil, []string{"198.51.100.0/28"}, ""},
	} {
		got, err := flagged(t, sc, tc.flags...)
		if err == nil {
			_, err = SweepOptions(got, tc.exclude, tc.targets)
		}
		if tc.err == "" && err != nil || tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) {
			t.Errorf("%s: %v, want an error saying %q", tc.name, err, tc.err)
		}
	}
}

// A sweep's stages, the CLI's and a schedule's alike: all on by default;
// each turned off alone; passive listening sends nothing (no mDNS browse,
// no NDP); --community replaces the config's sets and a schedule's
// credentials pick among them; a bad setting is a *SettingsError.
func TestSweepStages(t *testing.T) {
	cfg := decode(t, "snmp:\n  credentials: [{name: lab, version: 2c, community: c}, {name: core, version: 2c, community: d}]\n")
	getenv := func(string) string { return "" }
	log := slog.New(slog.DiscardHandler)
	stages := func(c config.Config, s Stages) (scanner.Options, error) {
		var o scanner.Options
		err := SweepStages(&o, c, s, getenv, log)
		return o, err
	}
	sets := func(o scanner.Options) (out []string) {
		for _, c := range o.SNMP.Credentials {
			out = append(out, c.Name)
		}
		return out
	}
	o, err := stages(cfg, Stages{})
	if err != nil {
		t.Fatal(err)
	}
	if o.SNMP == nil || o.SNMP.Engine == nil || o.MDNS == nil || o.Names == nil || o.NDP == nil || o.Passive != nil ||
		!slices.Equal(sets(o), []string{"lab", "core"}) {
		t.Errorf("defaults: %+v", o)
	}
	o, err = stages(cfg, Stages{NoSNMP: true, NoMDNS: true, NoNames: true, NoNDP: true})
	if err != nil || o.SNMP != nil || o.MDNS != nil || o.Names != nil || o.NDP != nil || o.Passive != nil {
		t.Errorf("all off: %+v, %v", o, err)
	}
	o, err = stages(cfg, Stages{Passive: time.Minute})
	if err != nil || o.Passive == nil || o.Passive.Duration != time.Minute || o.MDNS != nil || o.NDP != nil {
		t.Errorf("passive: %+v, %v", o, err)
	}
	off := cfg
	off.MDNS.Enabled = false
	if o, err = stages(off, Stages{}); err != nil || o.MDNS != nil {
		t.Errorf("mdns.enabled false: %+v, %v", o.MDNS, err)
	}
	if o, err = stages(cfg, Stages{Communities: []string{"x", "y"}}); err != nil || !slices.Equal(sets(o), []string{"community-1", "community-2"}) {
		t.Errorf("--community: %v, %v", o.SNMP, err)
	}
	if o, err = stages(cfg, Stages{Only: []string{"core"}}); err != nil || !slices.Equal(sets(o), []string{"core"}) {
		t.Errorf("a schedule's credentials: %v, %v", o.SNMP, err)
	}
	var se *SettingsError
	recog := cfg
	recog.RecogDir = "/nonexistent/recog"
	for name, c := range map[string]struct {
		cfg config.Config
		s   Stages
		say string
	}{
		"empty community": {cfg, Stages{Communities: []string{""}}, "--community"},
		"recog_dir":       {recog, Stages{}, "recog_dir /nonexistent/recog"},
	} {
		if _, err := stages(c.cfg, c.s); !errors.As(err, &se) || !strings.Contains(err.Error(), c.say) {
			t.Errorf("%s: %v, want a *SettingsError saying %q", name, err, c.say)
		}
	}
}

// A Sweeper plans a sweep (a bad target is a *SettingsError, nothing
// sent) and runs it on its machine: the SNMP stage gets the sets
// remembered, asked only when there is one; a named interface the sweep
// cannot use is a *SettingsError.
func TestSweeper(t *testing.T) {
	seg := arptest.NewSegment()
	seg.AddHost("198.51.100.200", "00:1b:54:00:00:11")
	s := Sweeper{Env: fakeEnv(seg), Getenv: func(string) string { return "" }, Log: slog.New(slog.DiscardHandler)}
	var se *SettingsError
	if _, err := s.Plan(SweepRequest{Config: config.Default(), Targets: []string{"8.8.8.0/24"}}); !errors.As(err, &se) || !errors.Is(err, targets.ErrPublic) {
		t.Errorf("a public target: %v, want a *SettingsError of targets.ErrPublic", err)
	}
	req := SweepRequest{Config: config.Default(), Targets: []string{"198.51.100.0/24"}, Exclude: []string{"198.51.100.0/25"},
		Stages: Stages{NoMDNS: true, NoNames: true, NoNDP: true}}
	o, err := s.Plan(req)
	if err != nil || o.SNMP == nil || o.Targets.Size() != 128 {
		t.Fatalf("plan: %+v, %v; want an SNMP stage and the 128 addresses left", o, err)
	}
	a := netip.MustParseAddr("198.51.100.200")
	asked := 0
	remembered := func(context.Context) map[netip.Addr]string { asked++; return map[netip.Addr]string{a: "lab"} }
	rep, err := s.Run(t.Context(), o, remembered)
	if err != nil || rep.Found != 1 || asked != 1 || o.SNMP.Remembered[a] != "lab" {
		t.Errorf("run: %+v, %v; remembered asked %d times, stage's %v", rep, err, asked, o.SNMP.Remembered)
	}
	req.Stages.NoSNMP = true
	if o, err = s.Plan(req); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Run(t.Context(), o, remembered); err != nil || asked != 1 {
		t.Errorf("no SNMP stage: %v; remembered asked %d times, want still 1", err, asked)
	}
	req.Config.Sweep.Interface = "eth9"
	if o, err = s.Plan(req); err != nil {
		t.Fatal(err)
	}
	if rep, err := s.Run(t.Context(), o, nil); rep != nil || !errors.As(err, &se) {
		t.Errorf("a missing interface: %+v, %v; want no report and a *SettingsError", rep, err)
	}
}
