package nmap

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/record"
)

func readFile(t *testing.T, path string) *Report {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rep, err := Read(context.Background(), f, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestReadLab: a report Debian's nmap wrote against the lab.
func TestReadLab(t *testing.T) {
	rep := readFile(t, "testdata/lab.xml")
	if rep.Version != "7.93" || !strings.HasPrefix(rep.Args, "nmap -sS") || rep.Start.IsZero() {
		t.Errorf("run: %q %q %v", rep.Version, rep.Args, rep.Start)
	}
	if len(rep.Hosts) != 3 {
		t.Fatalf("%d hosts, want 3", len(rep.Hosts))
	}
	by := map[string]record.Asset{}
	for _, h := range rep.Hosts {
		by[h.IP.String()] = h
		if !slices.Equal(h.Sources, []record.Source{record.SourceNmap}) || h.LastSeen.IsZero() {
			t.Errorf("%s: sources %v last_seen %v", h.IP, h.Sources, h.LastSeen)
		}
	}
	h2 := by["198.51.100.12"]
	want := []record.Port{
		{Port: 22, Protocol: "tcp", Service: "ssh", Product: "OpenSSH", Version: "9.2p1 Debian 2+deb12u3"},
		{Port: 8080, Protocol: "tcp", Service: "http", Product: "SimpleHTTPServer", Version: "0.6"},
	}
	if !slices.Equal(h2.Ports, want) || h2.MAC.String() != "00:05:85:00:00:02" {
		t.Errorf("h2: ports %+v mac %s", h2.Ports, h2.MAC)
	}
	h1 := by["198.51.100.11"]
	if !slices.Equal(h1.Ports, []record.Port{{Port: 161, Protocol: "udp", Service: "snmp", Product: "SNMPv1 server; net-snmp SNMPv3 server"}}) {
		t.Errorf("h1: ports %+v", h1.Ports)
	}
	// Closed ports are not kept.
	if h3 := by["198.51.100.13"]; len(h3.Ports) != 0 {
		t.Errorf("h3: ports %+v", h3.Ports)
	}
	// The best OS match, with its accuracy in the evidence.
	for _, h := range rep.Hosts {
		if h.OS == "" {
			continue
		}
		if ev := h.Evidence["os"]; ev.Source != record.SourceNmap || !strings.Contains(ev.Rule, "accuracy") || ev.Value == "" {
			t.Errorf("%s: os %q evidence %+v", h.IP, h.OS, ev)
		}
	}
}

const hostTmpl = `<host><status state="up"/><address addr="198.51.100.%d" addrtype="ipv4"/>` +
	`<hostnames><hostname name="h%d.example.net." type="PTR"/></hostnames>` +
	`<ports><port protocol="tcp" portid="443"><state state="open"/><service name="http" tunnel="ssl" product="nginx"/></port></ports>` +
	`<os><osmatch name="Cisco IOS 15" accuracy="%d"><osclass type="switch" vendor="Cisco" osfamily="IOS" osgen="15.X" accuracy="%d"/></osmatch></os></host>`

func doc(hosts ...string) string {
	return `<?xml version="1.0"?><nmaprun scanner="nmap" version="7.93" start="1796319074">` + strings.Join(hosts, "") + `</nmaprun>`
}

func TestReadFields(t *testing.T) {
	down := `<host><status state="down"/><address addr="198.51.100.9" addrtype="ipv4"/></host>`
	noAddr := `<host><status state="up"/><address addr="00:11:22:33:44:55" addrtype="mac"/></host>`
	rep, err := Read(context.Background(), strings.NewReader(doc(fmt.Sprintf(hostTmpl, 1, 1, 98, 98), fmt.Sprintf(hostTmpl, 2, 2, 80, 80), down, noAddr)), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Hosts) != 2 || rep.Down != 1 || rep.Skipped != 1 {
		t.Fatalf("hosts %d down %d skipped %d", len(rep.Hosts), rep.Down, rep.Skipped)
	}
	h := rep.Hosts[0]
	if h.Hostname != "h1.example.net" || h.OS != "IOS" || h.OSVersion != "15.X" || h.DeviceType != "switch" || h.Vendor != "Cisco" ||
		!slices.Equal(h.Ports, []record.Port{{Port: 443, Protocol: "tcp", Service: "ssl/http", Product: "nginx"}}) {
		t.Errorf("host 1: %+v", h)
	}
	// A guess below MinOSAccuracy names nothing.
	if h := rep.Hosts[1]; h.OS != "" || h.Vendor != "" || h.DeviceType != "" {
		t.Errorf("80%% match used: %+v", h)
	}
}

// TestHostile: untrusted reports fail with a clear error, in bounded memory.
func TestHostile(t *testing.T) {
	laughs := `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">` +
		`<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>` +
		`<nmaprun scanner="nmap"><host><status state="up"/><address addr="198.51.100.1" addrtype="ipv4"/><hostnames><hostname name="&lol3;"/></hostnames></host></nmaprun>`
	full, _ := os.ReadFile("testdata/lab.xml")
	for _, tc := range []struct {
		name string
		in   io.Reader
		lim  Limits
		want string
		is   error
	}{
		{"billion laughs", strings.NewReader(laughs), Limits{}, "entity", nil},
		{"truncated", bytes.NewReader(full[:len(full)*2/3]), Limits{}, "unexpected EOF", nil},
		{"not nmap", strings.NewReader(`<?xml version="1.0"?><svg><g/></svg>`), Limits{}, "", ErrNotNmap},
		{"empty", strings.NewReader(""), Limits{}, "", ErrNotNmap},
		{"too large", &endless{}, Limits{MaxBytes: 8 << 20}, "larger than 8388608 bytes", ErrLimit},
		{"too many hosts", strings.NewReader(doc(fmt.Sprintf(hostTmpl, 1, 1, 98, 98), fmt.Sprintf(hostTmpl, 2, 2, 98, 98))), Limits{MaxHosts: 1}, "more than 1 hosts", ErrLimit},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(context.Background(), tc.in, tc.lim)
			if err == nil || !strings.Contains(err.Error(), tc.want) || (tc.is != nil && !errors.Is(err, tc.is)) {
				t.Errorf("err %v, want %q", err, tc.want)
			}
		})
	}
}

// endless is a report that never ends: one host after another.
type endless struct {
	buf []byte
	n   int
}

func (e *endless) Read(p []byte) (int, error) {
	if len(e.buf) == 0 {
		if e.n == 0 {
			e.buf = []byte(`<?xml version="1.0"?><nmaprun scanner="nmap">`)
		} else {
			e.buf = fmt.Appendf(nil, hostTmpl, e.n%250+1, e.n, 98, 98)
		}
		e.n++
	}
	n := copy(p, e.buf)
	e.buf = e.buf[n:]
	return n, nil
}

func TestReadCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Read(ctx, &endless{}, Limits{}); !errors.Is(err, context.Canceled) {
		t.Errorf("err %v, want context.Canceled", err)
	}
}

func FuzzRead(f *testing.F) {
	lab, _ := os.ReadFile("testdata/lab.xml")
	f.Add(lab)
	f.Add([]byte(doc(fmt.Sprintf(hostTmpl, 1, 1, 98, 98))))
	f.Fuzz(func(t *testing.T, b []byte) {
		rep, err := Read(context.Background(), bytes.NewReader(b), Limits{MaxBytes: 1 << 20, MaxHosts: 64, MaxPorts: 16})
		if err != nil {
			return
		}
		for _, h := range rep.Hosts {
			if !h.IP.IsValid() || len(h.Ports) > 16 {
				t.Fatalf("host %+v", h)
			}
		}
	})
}

// ReadFiles joins reports: every host in order, the downs summed, the
// earliest start; a file that is missing or no report is named.
func TestReadFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	down := `<host><status state="down"/><address addr="198.51.100.9" addrtype="ipv4"/></host>`
	later := write("later.xml", strings.Replace(doc(fmt.Sprintf(hostTmpl, 5, 5, 98, 98), down), "1796319074", "1796319999", 1))
	lab := readFile(t, "testdata/lab.xml")
	rep, err := ReadFiles(context.Background(), []string{later, "testdata/lab.xml"}, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Hosts) != 1+len(lab.Hosts) || rep.Hosts[0].IP.String() != "198.51.100.5" || rep.Hosts[1].IP != lab.Hosts[0].IP {
		t.Errorf("hosts %v, want 198.51.100.5 then the lab's %d", rep.Hosts, len(lab.Hosts))
	}
	if rep.Down != 1+lab.Down || rep.Version != "7.93" {
		t.Errorf("down %d version %q", rep.Down, rep.Version)
	}
	if !rep.Start.Equal(lab.Start) || !lab.Start.Before(time.Unix(1796319999, 0)) {
		t.Errorf("start %v, want the earlier (lab's) %v", rep.Start, lab.Start)
	}
	bad := write("bad.xml", "<html></html>")
	for _, tc := range []struct {
		paths []string
		is    error
		names string
	}{
		{[]string{later, filepath.Join(dir, "missing.xml")}, os.ErrNotExist, "missing.xml"},
		{[]string{bad, later}, ErrNotNmap, "bad.xml"},
	} {
		var fe *FileError
		if _, err := ReadFiles(context.Background(), tc.paths, Limits{}); !errors.Is(err, tc.is) || !errors.As(err, &fe) || !strings.Contains(err.Error(), tc.names) {
			t.Errorf("%v: err = %v, want a *FileError of %v naming %s", tc.paths, err, tc.is, tc.names)
		}
	}
}
