package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportNmap: an Nmap report's hosts are stored as assets of source
// nmap with their open ports; a later report whose ports differ is a
// "ports" change event on the same asset (joined by MAC); a hostile file
// is refused with nothing stored.
func TestImportNmap(t *testing.T) {
	c := newCMDB(t)
	lab := "../../scanner/nmap/testdata/lab.xml"
	out := c.ok(nil, "import", "nmap", "-o", "jsonl", lab)
	if n := strings.Count(out, `"sources":["nmap"]`); n != 3 {
		t.Fatalf("%d nmap records printed, want 3:\n%s", n, out)
	}
	as := byMAC(c.assets())
	h2 := as["00:05:85:00:00:02"]
	if h2 == nil || !strings.Contains(asJSON(t, h2["ports"]), `"product":"SimpleHTTPServer"`) {
		t.Fatalf("stored h2: %v", h2)
	}

	// The same host with ssh closed and https open: one change event.
	raw, err := os.ReadFile(lab)
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(raw), `<port protocol="tcp" portid="22"><state state="open"`, `<port protocol="tcp" portid="443"><state state="open"`, 1)
	p := filepath.Join(t.TempDir(), "later.xml")
	os.WriteFile(p, []byte(changed), 0o644)
	c.ok(nil, "import", "nmap", "-o", "jsonl", p)
	if n := len(c.assets()); n != 3 {
		t.Errorf("%d assets after the second import, want 3 (joined by MAC)", n)
	}
	ev := c.ok(nil, "events", "--since", "", "--format", "jsonl")
	var portEvents []string
	for _, l := range strings.Split(ev, "\n") {
		if strings.Contains(l, `"field":"ports"`) {
			portEvents = append(portEvents, l)
		}
	}
	if len(portEvents) != 1 || !strings.Contains(portEvents[0], "443/tcp") || !strings.Contains(portEvents[0], "22/tcp ssh") {
		t.Errorf("ports events: %v", portEvents)
	}

	// Hostile input: refused, nothing more stored.
	bomb := filepath.Join(t.TempDir(), "bomb.xml")
	os.WriteFile(bomb, []byte(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><nmaprun><host><address addr="198.51.100.99" addrtype="ipv4"/><hostnames><hostname name="&b;"/></hostnames></host></nmaprun>`), 0o644)
	code, _, errb := c.run(nil, "import", "nmap", bomb)
	if code != 2 || !strings.Contains(errb, "bomb.xml") {
		t.Errorf("entity bomb: exit %d: %s", code, errb)
	}
	code, _, errb = c.run(nil, "import", "nmap", "--max-bytes", "100", lab)
	if code != 2 || !strings.Contains(errb, "larger than 100 bytes") {
		t.Errorf("--max-bytes: exit %d: %s", code, errb)
	}
	if n := len(c.assets()); n != 3 {
		t.Errorf("%d assets after refused imports, want 3", n)
	}
}

func asJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
