package config

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/spf13/pflag"
)

// Only the flags given override the config (an emptied one too); a
// default of a flag never does; a schedule's option overrides only when
// present.
func TestOverlay(t *testing.T) {
	fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
	var rate, retries int
	var iface string
	fs.IntVar(&rate, "rate", 1000, "")
	fs.IntVar(&retries, "snmp-retries", 1, "")
	fs.StringVar(&iface, "interface", "", "")
	if err := fs.Parse([]string{"--rate", "50", "--interface", ""}); err != nil {
		t.Fatal(err)
	}
	c := Default()
	c.Sweep.Rate, c.SNMP.Retries, c.Sweep.Interface, c.MDNS.Enabled = 7, 3, "eth1", true
	off, unset := false, (*bool)(nil)
	if err := c.Overlay(Flag(fs, "rate", &c.Sweep.Rate, &rate), Flag(fs, "snmp-retries", &c.SNMP.Retries, &retries),
		Flag(fs, "interface", &c.Sweep.Interface, &iface), Option(&c.MDNS.Enabled, unset)); err != nil {
		t.Fatal(err)
	}
	if c.Sweep.Rate != 50 || c.SNMP.Retries != 3 || c.Sweep.Interface != "" || !c.MDNS.Enabled {
		t.Errorf("got rate %d, retries %d, interface %q, mdns %v; want rate 50 from the flag, retries 3 from the config, interface emptied by the flag, mdns on as the unset option left it",
			c.Sweep.Rate, c.SNMP.Retries, c.Sweep.Interface, c.MDNS.Enabled)
	}
	if err := c.Overlay(Option(&c.MDNS.Enabled, &off)); err != nil || c.MDNS.Enabled {
		t.Errorf("option mdns: false: enabled %v, %v", c.MDNS.Enabled, err)
	}
}

// A value laid over the config is held to the file's rules and named by
// its key; with nothing given, nothing is checked again.
func TestOverlayValidates(t *testing.T) {
	fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
	var rate int
	var wait Duration
	fs.IntVar(&rate, "rate", 1000, "")
	fs.Var(&wait, "arp-wait", "")
	if err := fs.Parse([]string{"--rate", "0"}); err != nil {
		t.Fatal(err)
	}
	c := Default()
	err := c.Overlay(Flag(fs, "rate", &c.Sweep.Rate, &rate), Flag(fs, "arp-wait", &c.Sweep.ARPWait, &wait))
	var ce *Error
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), "sweep.rate 0") {
		t.Errorf("--rate 0: %v, want an *Error naming sweep.rate", err)
	}
	if c.Sweep.ARPWait != Duration(250*time.Millisecond) {
		t.Errorf("arp_wait %s: a flag not given changed it", c.Sweep.ARPWait)
	}
	bad := Config{Sweep: Sweep{Rate: -1}}
	if err := bad.Overlay(Flag(fs, "arp-wait", &bad.Sweep.ARPWait, &wait)); err != nil {
		t.Errorf("nothing given, yet checked: %v", err)
	}
}
