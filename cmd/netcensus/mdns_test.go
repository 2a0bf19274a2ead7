package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/netcensus/netcensus/fingerprints/oui"
	"github.com/netcensus/netcensus/internal/labtest"
	"github.com/netcensus/netcensus/internal/testenv"
	"github.com/netcensus/netcensus/scanner"
	"github.com/netcensus/netcensus/scanner/arp"
	"github.com/netcensus/netcensus/scanner/mdns"
)

// Trimmed copies of Recog's files and captures from Zeek's and tcpdump's
// test suites (testdata/README.md).
const (
	recogCorpus = "../../testdata/recog"
	pcapDir     = "../../testdata/pcap"
)

func TestMain(m *testing.M) { testenv.Main(m) }

func TestMDNSUsageErrors(t *testing.T) {
	tests := [][]string{
		{"mdns", "--duration", "0s"},
		{"mdns", "--duration", "soon"},
		{"mdns", "--interface", "nope0"},
		{"mdns", "--recog-dir", "/nonexistent/recog"},
		{"mdns", "--format", "xml"},
		{"mdns", "extra-arg"},
		{"import", "pcap"},
		{"import", "pcap", "/nonexistent.pcap"},
		{"import"},
	}
	for _, args := range tests {
		a, _, stderr := testApp(t, nil, nil)
		if code := run(context.Background(), a, args); code != exitUsage {
			t.Errorf("%v: exit %d, want %d; stderr %s", args, code, exitUsage, stderr)
		}
	}
}

// mdns with no attached IPv4 segment (only routed ones) has nothing to
// browse: a usage error, nothing sent.
func TestMDNSNoSegment(t *testing.T) {
	a, _, stderr := testApp(t, nil, nil)
	env := a.newEnv
	a.newEnv = func(reg *oui.Registry, log *slog.Logger) scanner.Env {
		e := env(reg, log)
		e.Routes = func() ([]arp.Route, error) {
			return []arp.Route{{Iface: "eth0", Prefix: netip.MustParsePrefix("203.0.113.0/24"), Gateway: netip.MustParseAddr("198.51.100.254"), Flags: 3}}, nil
		}
		return e
	}
	if code := run(context.Background(), a, []string{"mdns"}); code != exitUsage || !strings.Contains(stderr.String(), "no interface with an attached IPv4 segment to browse") {
		t.Errorf("exit %d, want %d; stderr %s", code, exitUsage, stderr)
	}
}

// import pcap reads captures into host records.
func TestImportPcap(t *testing.T) {
	a, stdout, stderr := testApp(t, nil, nil)
	code := run(context.Background(), a, []string{"import", "pcap", "-o", "json", "--recog-dir", recogCorpus,
		pcapDir + "/zeek/dns-mdns.pcap", pcapDir + "/zeek/arp-who-has.pcap", pcapDir + "/tcpdump/arp-oobr.pcap"})
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var recs []map[string]any
	if err := json.Unmarshal(stdout.Bytes(), &recs); err != nil {
		t.Fatalf("output: %v\n%s", err, stdout)
	}
	var names []string
	for _, r := range recs {
		if r["sources"].([]any)[0] != "passive" {
			t.Errorf("record %v: sources", r)
		}
		if h, ok := r["hostname"].(string); ok {
			names = append(names, h)
		}
	}
	if len(recs) < 3 || !strings.Contains(strings.Join(names, ","), "johanna-QEMU-Virtual-Machine") {
		t.Errorf("records %v", recs)
	}
	if !strings.Contains(stderr.String(), "summary: files=3") {
		t.Errorf("stderr %s", stderr)
	}
}

// Every corpus pcap, malformed ones included, imports with exit 0.
func TestImportCorpus(t *testing.T) {
	files, err := filepathGlob(testenv.Corpus(t, "pcap") + "/*/*.pcap")
	if err != nil || len(files) == 0 {
		t.Fatalf("corpus: %v", err)
	}
	a, _, stderr := testApp(t, nil, nil)
	if code := run(context.Background(), a, append([]string{"import", "pcap", "-o", "csv"}, files...)); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
}

type mdnsRec struct {
	IP         string `json:"ip"`
	MAC        string `json:"mac"`
	Hostname   string `json:"hostname"`
	Vendor     string `json:"vendor"`
	Model      string `json:"model"`
	OS         string `json:"os"`
	OSVersion  string `json:"os_version"`
	DeviceType string `json:"device_type"`
	Services   []struct {
		Type string            `json:"type"`
		Name string            `json:"name"`
		Port int               `json:"port"`
		TXT  map[string]string `json:"txt"`
	} `json:"services"`
	Evidence map[string]struct {
		Rule string `json:"rule"`
	} `json:"evidence"`
}

// runMDNS runs `netcensus mdns -i eth0` in the scanner namespace, under
// /usr/bin/time when present, and returns the records by host name, the
// summary line and the peak RSS in kB (0 when unmeasured).
func runMDNS(t *testing.T, lab *labtest.Lab, bin string, args ...string) (map[string]mdnsRec, string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	name, argv := bin, append([]string{"mdns", "-o", "jsonl", "-i", labtest.ScannerIface}, args...)
	timed := false
	if _, err := exec.LookPath("/usr/bin/time"); err == nil {
		name, argv, timed = "/usr/bin/time", append([]string{"-f", "maxrss_kb=%M", bin}, argv...), true
	}
	cmd := lab.Exec(ctx, lab.ScannerNS(), name, argv...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		t.Fatalf("mdns: %v\n%s", err, stderr.String())
	}
	el := time.Since(start)
	got := map[string]mdnsRec{}
	for _, line := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
		if line == "" {
			continue
		}
		var r mdnsRec
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("stdout line %q: %v", line, err)
		}
		got[r.Hostname] = r
	}
	summary := regexp.MustCompile(`(?m)^summary: interface=eth0 .*$`).FindString(stderr.String())
	rss := 0
	if timed {
		if m := regexp.MustCompile(`maxrss_kb=(\d+)`).FindStringSubmatch(stderr.String()); m != nil {
			rss, _ = strconv.Atoi(m[1])
		}
	}
	t.Logf("mdns %v: %d hosts in %s, peak RSS %d kB; %s", args, len(got), el.Round(time.Millisecond), rss, summary)
	return got, summary, rss
}

// TestLabMDNS browses hosts running avahi-daemon with the fixture sets and
// checks what each is said to be.
func TestLabMDNS(t *testing.T) {
	t.Parallel()
	lab := labtest.Up(t, labtest.Options{Hosts: 6, Roles: []labtest.Role{
		{Host: 1, Name: "avahi", Arg: "printer"},
		{Host: 2, Name: "avahi", Arg: "apple"},
		{Host: 3, Name: "avahi", Arg: "cast"},
		{Host: 4, Name: "avahi", Arg: "workstation"},
		{Host: 5, Name: "avahi", Arg: "multi"},
	}})
	bin := labtest.BuildBinary(t, "./cmd/netcensus")
	got, summary, _ := runMDNS(t, lab, bin, "--recog-dir", recogCorpus)
	hosts := lab.Hosts()
	want := map[string]struct {
		ip                                            string
		vendor, model, os, osVersion, deviceType, mac string
		services                                      int
		rule                                          string // evidence rule of model or device_type
	}{
		"printer-h1":     {hosts[0].IP.String(), "Acme", "LaserBeam 9000", "Linux", "", "printer", "", 3, "mdns-printer-usb_MDL"},
		"apple-h2":       {hosts[1].IP.String(), "Apple", "MacBook Pro (14-inch, 2021)", "macOS", "13", "laptop", "02:00:5e:10:00:42", 4, "mdns-device-info-model"},
		"cast-h3":        {hosts[2].IP.String(), "Google", "Chromecast", "Linux", "", "media_player", "", 2, "mdns-googlecast-md"},
		"workstation-h4": {hosts[3].IP.String(), "", "", "Linux", "", "computer", hosts[3].MAC.String(), 4, "mdns-workstation"},
		"multi-h5":       {hosts[4].IP.String(), "", "LabBulb", "Linux", "", "lightbulb", "", 5, "mdns-homekit-ci"},
	}
	for name, w := range want {
		r, ok := got[name]
		if !ok {
			t.Errorf("%s not found", name)
			continue
		}
		if r.IP != w.ip || (w.vendor != "" && r.Vendor != w.vendor) || r.Model != w.model || r.OS != w.os || r.OSVersion != w.osVersion ||
			r.DeviceType != w.deviceType || r.MAC != w.mac || len(r.Services) != w.services {
			t.Errorf("%s = %+v, want %+v", name, r, w)
		}
		if r.Evidence["model"].Rule != w.rule && r.Evidence["device_type"].Rule != w.rule {
			t.Errorf("%s evidence %+v, want rule %s", name, r.Evidence, w.rule)
		}
	}
	// Instance names come unescaped.
	for _, s := range got["printer-h1"].Services {
		if s.Type == "_ipp._tcp" && s.Name != "Lab Printer printer-h1" {
			t.Errorf("ipp instance name %q", s.Name)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d hosts, want %d: %v", len(got), len(want), keys(got))
	}
	if !strings.Contains(summary, "dropped=0 ") {
		t.Errorf("drops on a clean segment: %s", summary)
	}
	// avahi answered the legacy unicast queries too: the path that no
	// multicast flood can crowd out.
	if m := regexp.MustCompile(`unicast=(\d+) `).FindStringSubmatch(summary); m == nil || m[1] == "0" {
		t.Errorf("no answers to legacy unicast queries: %s", summary)
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestLabMDNSBar: at defaults, 20 hosts publishing 5 services each are
// all found (the default browse is 3 s).
func TestLabMDNSBar(t *testing.T) {
	t.Parallel()
	var roles []labtest.Role
	for i := 1; i <= 20; i++ {
		roles = append(roles, labtest.Role{Host: i, Name: "avahi", Arg: "multi"})
	}
	lab := labtest.Up(t, labtest.Options{Hosts: 20, Roles: roles})
	bin := labtest.BuildBinary(t, "./cmd/netcensus")
	got, summary, _ := runMDNS(t, lab, bin)
	for i, h := range lab.Hosts() {
		name := fmt.Sprintf("multi-h%d", i+1)
		r, ok := got[name]
		if !ok {
			t.Errorf("%s not found", name)
			continue
		}
		if r.IP != h.IP.String() || len(r.Services) != 5 {
			t.Errorf("%s: ip %s, %d services, want %s and 5", name, r.IP, len(r.Services), h.IP)
		}
	}
	if !strings.Contains(summary, "services=100 ") {
		t.Errorf("summary %s", summary)
	}
}

// TestLabMDNSHostile: beside a hostile responder, netcensus returns on
// time, still finds the honest hosts in full, keeps within its bounds and
// counts what it dropped.
func TestLabMDNSHostile(t *testing.T) {
	t.Parallel()
	hostile := labtest.BuildBinary(t, "./scanner/mdns/internal/hostile")
	lab := labtest.Up(t, labtest.Options{Hosts: 3, Roles: []labtest.Role{
		{Host: 1, Name: "avahi", Arg: "printer"},
		{Host: 2, Name: "avahi", Arg: "multi"},
		{Host: 3, Name: "mdns-hostile", Arg: hostile + "@3000"},
	}})
	bin := labtest.BuildBinary(t, "./cmd/netcensus")
	// A browse listens a fixed time (3 s by default). At a load over 20 on
	// two cores, that time could end before the honest hosts were resolved
	// through the flood, or before the flood (ready once its socket is
	// open) had reached the scanner. So the test waits on the condition
	// (both honest hosts whole and the flood dropped from), browsing again
	// twice as long while it does not hold, up to 24 s.
	var (
		got                         map[string]mdnsRec
		rss                         int
		hostsN, servicesN, dropped  int
		printerOK, multiOK, flooded bool
	)
	for d := mdns.DefaultDuration; ; d *= 2 {
		var summary string
		got, summary, rss = runMDNS(t, lab, bin, "--duration", d.String())
		m := regexp.MustCompile(`hosts=(\d+) services=(\d+) .* dropped=(\d+) `).FindStringSubmatch(summary)
		if m == nil {
			t.Fatalf("summary %q", summary)
		}
		hostsN, _ = strconv.Atoi(m[1])
		servicesN, _ = strconv.Atoi(m[2])
		dropped, _ = strconv.Atoi(m[3])
		p, mu := got["printer-h1"], got["multi-h2"]
		printerOK, multiOK, flooded = len(p.Services) == 3 && p.Model == "LaserBeam 9000", len(mu.Services) == 5, dropped > 0
		if printerOK && multiOK && flooded || d >= 24*time.Second {
			break
		}
		t.Logf("a browse of %s: printer-h1 whole %v, multi-h2 whole %v, dropped %d: browsing for %s", d, printerOK, multiOK, dropped, 2*d)
	}
	if !printerOK {
		t.Errorf("printer-h1 = %+v", got["printer-h1"])
	}
	if !multiOK {
		t.Errorf("multi-h2 = %+v", got["multi-h2"])
	}
	// One sender may add at most 256 instances and 256 hosts.
	if dropped == 0 || hostsN > 2+256 || servicesN > 3+5+256 {
		t.Errorf("bounds: hosts=%d services=%d dropped=%d", hostsN, servicesN, dropped)
	}
	// A generous ceiling: the bounds keep the heap small whatever the
	// flood; a leak would blow well past it.
	if rss > 256*1024 {
		t.Errorf("peak RSS %d kB", rss)
	}
}

func filepathGlob(p string) ([]string, error) {
	ms, err := filepath.Glob(p)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, m := range ms {
		if st, err := os.Stat(m); err == nil && !st.IsDir() {
			out = append(out, m)
		}
	}
	return out, nil
}

// sweepJSONL runs `netcensus sweep` in the scanner namespace and returns
// its records by IP and its stderr.
func sweepJSONL(t *testing.T, lab *labtest.Lab, bin string, args ...string) (map[string]map[string]any, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := lab.Exec(ctx, lab.ScannerNS(), bin, append([]string{"sweep", "--no-store", "-o", "jsonl", "--no-progress", "--no-snmp"}, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("sweep %v: %v\n%s", args, err, stderr.String())
	}
	got := map[string]map[string]any{}
	for _, line := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
		if line == "" {
			continue
		}
		var r map[string]any
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		got[r["ip"].(string)] = r
	}
	t.Logf("sweep %v: %d records; stderr:\n%s", args, len(got), stderr.String())
	return got, stderr.String()
}

// TestLabSweepMDNS: a sweep runs mDNS beside ARP and joins what it learns
// to the ARP host of the same address, ARP's MAC kept.
func TestLabSweepMDNS(t *testing.T) {
	t.Parallel()
	lab := labtest.Up(t, labtest.Options{Hosts: 4, Roles: []labtest.Role{
		{Host: 1, Name: "avahi", Arg: "printer"},
		{Host: 2, Name: "avahi", Arg: "apple"},
	}})
	bin := labtest.BuildBinary(t, "./cmd/netcensus")
	hosts := lab.Hosts()
	got, stderr := sweepJSONL(t, lab, bin, labtest.Segment)
	p := got[hosts[0].IP.String()]
	if p == nil || p["mac"] != hosts[0].MAC.String() || p["hostname"] != "printer-h1" || p["model"] != "LaserBeam 9000" ||
		p["device_type"] != "printer" || len(p["services"].([]any)) != 3 || fmt.Sprint(p["sources"]) != "[arp mdns]" {
		t.Errorf("printer record %v", p)
	}
	// AirPlay's deviceid is another MAC of the host: ARP's stays.
	m := got[hosts[1].IP.String()]
	if m == nil || m["mac"] != hosts[1].MAC.String() || m["model"] != "MacBook Pro (14-inch, 2021)" || m["vendor"] != "Apple" {
		t.Errorf("apple record %v", m)
	}
	if r := got[hosts[2].IP.String()]; r == nil || fmt.Sprint(r["sources"]) != "[arp]" {
		t.Errorf("plain host %v", r)
	}
	if !strings.Contains(stderr, "mdns: segments=1 hosts=2 ") {
		t.Errorf("stderr %s", stderr)
	}
	// --no-mdns: ARP only.
	got, _ = sweepJSONL(t, lab, bin, "--no-mdns", labtest.Segment)
	if r := got[hosts[0].IP.String()]; r == nil || r["hostname"] != nil {
		t.Errorf("--no-mdns record %v", r)
	}
}

// TestLabSweepPassive: --passive sends nothing and reports who was heard:
// a host's ARP request and an avahi-daemon starting up.
func TestLabSweepPassive(t *testing.T) {
	t.Parallel()
	lab := labtest.Up(t, labtest.Options{Hosts: 4})
	bin := labtest.BuildBinary(t, "./cmd/netcensus")
	hosts := lab.Hosts()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := lab.Exec(ctx, lab.ScannerNS(), bin, "-v", "sweep", "--no-store", "-o", "jsonl", "--passive", "6s", labtest.Segment)
	var stdout bytes.Buffer
	stderr := &watchedBuffer{}
	cmd.Stdout, cmd.Stderr = &stdout, stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Once its capture is bound (it logs "passive listen" after the bind;
	// a packet socket shows in ss before it is bound, so ss is not enough),
	// h3 asks for h4 by ARP and h1 starts avahi (announcements).
	stderr.waitFor(t, "passive listen", 10*time.Second)
	// Broadcast ARP requests from h3 (arp-scan sends one whatever the
	// neighbour cache holds; a ping may send none, or a unicast probe the
	// scanner never sees). Three, 300 ms apart: a port of a switch made
	// a moment ago can miss a frame, and the test is about the listener.
	var arpScan []byte
	asked := time.Now()
	spacing := time.NewTicker(300 * time.Millisecond)
	defer spacing.Stop()
	for i := range 3 {
		if i > 0 {
			<-spacing.C
		}
		out, err := lab.Exec(ctx, hosts[2].NS, "arp-scan", "-q", "-I", "eth0", "--retry=1", hosts[3].IP.String()).CombinedOutput()
		if err != nil {
			t.Fatalf("arp-scan from h3: %v\n%s", err, out)
		}
		arpScan = append(arpScan, out...)
	}
	if err := lab.StartRole(ctx, labtest.Role{Host: 1, Name: "avahi", Arg: "cast"}); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("sweep --passive: %v\n%s", err, stderr.String())
	}
	t.Logf("stderr:\n%s", stderr.String())
	got := map[string]map[string]any{}
	for _, line := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
		var r map[string]any
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		got[r["ip"].(string)] = r
	}
	if r := got[hosts[2].IP.String()]; r == nil || r["mac"] != hosts[2].MAC.String() || fmt.Sprint(r["sources"]) != "[passive]" {
		t.Errorf("ARP-asking host %v; arp-scan at %s said:\n%s", r, asked.UTC().Format("15:04:05.000"), arpScan)
	}
	if r := got[hosts[0].IP.String()]; r == nil || r["hostname"] != "cast-h1" || r["model"] != "Chromecast" || r["mac"] != hosts[0].MAC.String() {
		t.Errorf("avahi host %v", r)
	}
	if !strings.Contains(stderr.String(), "sent=0 ") {
		t.Errorf("a passive sweep sent something: %s", stderr.String())
	}
}

// TestLabMDNSInterrupt: SIGINT ends a long browse promptly, exit 130.
func TestLabMDNSInterrupt(t *testing.T) {
	t.Parallel()
	lab := labtest.Up(t, labtest.Options{Hosts: 2, Roles: []labtest.Role{{Host: 1, Name: "avahi", Arg: "printer"}}})
	bin := labtest.BuildBinary(t, "./cmd/netcensus")
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := lab.Exec(ctx, lab.ScannerNS(), bin, "mdns", "-i", "eth0", "-o", "jsonl", "--duration", "1m")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Interrupt once its socket is open (its signal handler is set by then).
	waitSocket(t, ctx, lab, "-u", "sport = :5353")
	start := time.Now()
	cmd.Process.Signal(os.Interrupt)
	err := cmd.Wait()
	if el := time.Since(start); el > 3*time.Second {
		t.Errorf("took %s to stop after SIGINT", el)
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitInterrupted {
		t.Errorf("exit %v, want %d; stderr %s", err, exitInterrupted, stderr.String())
	}
}

// watchedBuffer is a command's stderr that a test can wait on.
type watchedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (w *watchedBuffer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.Write(p)
}

func (w *watchedBuffer) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// waitFor polls until the output holds s, failing the test after d.
func (w *watchedBuffer) waitFor(t *testing.T, s string, d time.Duration) {
	t.Helper()
	for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if strings.Contains(w.String(), s) {
			return
		}
	}
	t.Fatalf("no %q on stderr after %s:\n%s", s, d, w.String())
}

// waitSocket polls ss in the scanner namespace until a socket matching
// args is listed (at most 10 s).
func waitSocket(t *testing.T, ctx context.Context, lab *labtest.Lab, args ...string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for time.Now().Before(deadline) {
		out, err := lab.Exec(ctx, lab.ScannerNS(), "ss", append([]string{"-Han"}, args...)...).Output()
		if err == nil && len(bytes.TrimSpace(out)) > 0 {
			return
		}
		<-tick.C
	}
	t.Fatalf("no socket %v in the scanner namespace after 10 s", args)
}
