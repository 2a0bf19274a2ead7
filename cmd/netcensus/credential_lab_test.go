package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/internal/labtest"
)

// TestLabSweepRemembersCredential: the CMDB remembers per asset which
// credential set answered it, and the next sweep asks that device with
// that set alone: the agent's count of bad community names
// (snmpInBadCommunityNames, each one an authenticationFailure trap on
// many devices) grows in the first sweep and not in the second.
func TestLabSweepRemembersCredential(t *testing.T) {
	t.Parallel()
	lab := labtest.Up(t, labtest.Options{Hosts: 2, Roles: []labtest.Role{{Host: 1, Name: "snmpd"}}})
	bin := labtest.BuildBinary(t, "./cmd/netcensus")
	agent := lab.Hosts()[0]
	db := "sqlite:" + filepath.Join(t.TempDir(), "cmdb.db")

	run := func(args ...string) (string, string) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		cmd := lab.Exec(ctx, lab.ScannerNS(), bin, append([]string{"--store", db}, args...)...)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, errb.String())
		}
		return out.String(), errb.String()
	}
	badCommunities := func() int {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		out, err := lab.Exec(ctx, lab.ScannerNS(), "env", "MIBS=", "snmpget", "-v2c", "-c", "public", "-Oqv", "-t", "2",
			agent.IP.String(), "1.3.6.1.2.1.11.4.0").Output()
		if err != nil {
			t.Fatalf("snmpget snmpInBadCommunityNames: %v", err)
		}
		n, err := strconv.Atoi(strings.TrimSpace(string(out)))
		if err != nil {
			t.Fatalf("snmpInBadCommunityNames %q: %v", out, err)
		}
		return n
	}
	sweep := []string{"-v", "sweep", "--no-mdns", "-o", "jsonl", "--snmp-timeout", "1s",
		"--community", "wrong-one", "--community", "public", labtest.Segment}

	before := badCommunities()
	_, errb := run(sweep...)
	afterFirst := badCommunities()
	if afterFirst <= before {
		t.Fatalf("first sweep sent no wrong community (bad community names %d -> %d): the test proves nothing\n%s", before, afterFirst, errb)
	}
	out, _ := run("assets", "--format", "json")
	var as []map[string]any
	if err := json.Unmarshal([]byte(out), &as); err != nil {
		t.Fatalf("assets: %v\n%s", err, out)
	}
	found := false
	for _, a := range as {
		if a["ip"] == agent.IP.String() {
			found = true
			if a["snmp_credential"] != "community-2" {
				t.Errorf("asset %v: snmp_credential %v, want community-2", a["asset_id"], a["snmp_credential"])
			}
		}
	}
	if !found {
		t.Fatalf("no asset for the agent %s in %s", agent.IP, out)
	}

	_, errb = run(sweep...)
	if !strings.Contains(errb, "snmp credentials remembered") || !strings.Contains(errb, "snmp_collected=1") {
		t.Fatalf("second sweep:\n%s", errb)
	}
	if afterSecond := badCommunities(); afterSecond != afterFirst {
		t.Errorf("second sweep sent %d wrong communities to a device whose credential the CMDB remembers", afterSecond-afterFirst)
	}
}
