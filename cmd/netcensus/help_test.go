package main

import (
	"context"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
	"github.com/spf13/cobra"
)

// Every command's --help fits helpWidth columns, flags and all. (sweep
// --help had lines of up to 147 columns.)
func TestHelpFitsWidth(t *testing.T) {
	a, _, _ := testApp(t, nil, nil)
	var paths [][]string
	var walk func(c *cobra.Command, path []string)
	walk = func(c *cobra.Command, path []string) {
		paths = append(paths, path)
		for _, sub := range c.Commands() {
			if sub.Hidden || sub.Name() == "help" || sub.Name() == "completion" {
				continue
			}
			walk(sub, append(append([]string(nil), path...), sub.Name()))
		}
	}
	walk(newRoot(a), nil)
	if len(paths) < 10 {
		t.Fatalf("only %d commands found", len(paths))
	}
	for _, path := range paths {
		a, out, errb := testApp(t, nil, nil)
		args := append(append([]string(nil), path...), "--help")
		if code := run(context.Background(), a, args); code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errb)
		}
		for i, line := range strings.Split(out.String(), "\n") {
			if w := runewidth.StringWidth(line); w > helpWidth {
				t.Errorf("netcensus %s line %d is %d columns, more than %d:\n%s", strings.Join(args, " "), i+1, w, helpWidth, line)
			}
		}
	}
}

// sweep --help names the stages a sweep runs today.
func TestSweepHelpNamesStages(t *testing.T) {
	a, out, errb := testApp(t, nil, nil)
	if code := run(context.Background(), a, []string{"sweep", "--help"}); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb)
	}
	for _, want := range []string{"ARP", "SNMP", "mDNS", "routed targets", "--no-snmp", "--no-mdns"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("sweep --help does not mention %q", want)
		}
	}
}

// The global --store's help names both stores, ClickHouse's DSN too
// (#14 §3), in every command's inherited flags.
func TestStoreHelpNamesClickHouse(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"assets", "--help"}} {
		a, out, errb := testApp(t, nil, nil)
		if code := run(context.Background(), a, args); code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errb)
		}
		var store string
		for _, line := range strings.Split(out.String(), "\n") {
			if strings.Contains(line, "--store") {
				store = line
			}
		}
		if !strings.Contains(store, "sqlite:PATH") || !strings.Contains(store, "clickhouse://") {
			t.Errorf("%v: the --store line %q does not name sqlite:PATH and clickhouse://", args, store)
		}
	}
}
