package main

import (
	"testing"

	"github.com/spf13/pflag"
)

// Only the flags given override the config; a default of a flag never
// does.
func TestOverlay(t *testing.T) {
	fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
	var rate, retries int
	var iface string
	fs.IntVar(&rate, "rate", 1000, "")
	fs.IntVar(&retries, "retries", 1, "")
	fs.StringVar(&iface, "interface", "", "")
	if err := fs.Parse([]string{"--rate", "50", "--interface", ""}); err != nil {
		t.Fatal(err)
	}
	cfg := struct {
		Rate, Retries int
		Interface     string
	}{Rate: 7, Retries: 3, Interface: "eth1"}
	overlay(fs, over("rate", &cfg.Rate, &rate), over("retries", &cfg.Retries, &retries), over("interface", &cfg.Interface, &iface))
	if cfg.Rate != 50 || cfg.Retries != 3 || cfg.Interface != "" {
		t.Errorf("got %+v, want rate 50 from the flag, retries 3 from the config, interface emptied by the flag", cfg)
	}
}
