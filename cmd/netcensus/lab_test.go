package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/netcensus/netcensus/fingerprints/oui"
	"github.com/netcensus/netcensus/internal/labtest"
)

// TestLabARPSweep runs the real binary inside the lab's scanner namespace:
// every host on 198.51.100.0/24 is found with its MAC and vendor, the far
// segment is reported skipped, and an excluded address gets no packet.
func TestLabARPSweep(t *testing.T) {
	t.Parallel()
	lab := labtest.Up(t, labtest.Options{})
	bin := labtest.BuildBinary(t, "./cmd/netcensus")
	reg, err := oui.Open()
	if err != nil {
		t.Fatal(err)
	}
	hosts := lab.Hosts()
	excluded := hosts[len(hosts)-1]

	// Watch for requests to the excluded address from another host: ARP
	// requests are broadcast, so every host hears every one.
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	spy := lab.Exec(ctx, hosts[0].NS, "tcpdump", "-l", "-n", "-i", "eth0", "-c", "100000", "arp")
	var spyOut bytes.Buffer
	spy.Stdout = &spyOut
	spyErr, _ := spy.StderrPipe()
	if err := spy.Start(); err != nil {
		t.Fatalf("tcpdump: %v", err)
	}
	// tcpdump says "listening on" once its capture is open.
	ready := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(spyErr)
		for sc.Scan() {
			if strings.Contains(sc.Text(), "listening on") {
				close(ready)
				break
			}
		}
		for sc.Scan() {
		}
	}()
	select {
	case <-ready:
	case <-time.After(10 * time.Second):
		t.Fatal("tcpdump did not start")
	}

	store := "sqlite:" + filepath.Join(t.TempDir(), "netcensus.db")
	cmd := lab.Exec(ctx, lab.ScannerNS(), bin, "sweep", "--store", store, "--format", "jsonl", "--exclude", excluded.IP.String(),
		"198.51.100.0/24", "203.0.113.0/24")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("sweep: %v\n%s", err, stderr.String())
	}
	spy.Process.Signal(syscall.SIGINT)
	spy.Wait()

	got := map[string]map[string]any{}
	for _, line := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("stdout line %q: %v", line, err)
		}
		got[rec["ip"].(string)] = rec
	}
	// The router's 198.51.100.254 answers too: it is a live host.
	want := len(hosts) - 1 + 1
	if len(got) != want {
		t.Errorf("found %d hosts, want %d (%d lab hosts less one excluded, plus the router)\n%s", len(got), want, len(hosts), stdout.String())
	}
	for _, h := range hosts[:len(hosts)-1] {
		rec, ok := got[h.IP.String()]
		if !ok {
			t.Errorf("host %s (%s) not found", h.IP, h.NS)
			continue
		}
		if rec["mac"] != h.MAC.String() {
			t.Errorf("%s: mac %v, want %s", h.IP, rec["mac"], h.MAC)
		}
		vendor, _, _ := reg.Lookup(h.MAC)
		if rec["mac_vendor"] != vendor || vendor == "" {
			t.Errorf("%s: mac_vendor %v, want %q", h.IP, rec["mac_vendor"], vendor)
		}
	}
	if _, ok := got[excluded.IP.String()]; ok {
		t.Errorf("excluded %s reported", excluded.IP)
	}
	if !strings.Contains(stderr.String(), "skipped 203.0.113.0/24: not on an attached segment") {
		t.Errorf("far segment not reported skipped:\n%s", stderr.String())
	}
	if !strings.Contains(stderr.String(), fmt.Sprintf("found=%d", want)) {
		t.Errorf("summary missing or wrong:\n%s", stderr.String())
	}
	heard := spyOut.String()
	if !strings.Contains(heard, "who-has "+hosts[1].IP.String()+" ") {
		t.Fatalf("the spy heard no request for %s: capture broken?\n%.2000s", hosts[1].IP, heard)
	}
	if strings.Contains(heard, "who-has "+excluded.IP.String()+" ") {
		t.Errorf("excluded %s was sent a request", excluded.IP)
	}
}

// TestLabSweepCancel interrupts a long sweep: it returns promptly, prints
// what it found, and says it was partial.
func TestLabSweepCancel(t *testing.T) {
	t.Parallel()
	lab := labtest.Up(t, labtest.Options{})
	bin := labtest.BuildBinary(t, "./cmd/netcensus")
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	// 65,534 addresses at 2,000/s would take half a minute.
	store := "sqlite:" + filepath.Join(t.TempDir(), "netcensus.db")
	cmd := lab.Exec(ctx, lab.ScannerNS(), bin, "-v", "sweep", "--store", store, "--no-snmp", "--no-mdns", "--rate", "2000", "--interface", "bench0", "--format", "jsonl", "198.18.0.0/16")
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	pipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Interrupt a second (about 2,000 requests) after the ARP sweep has
	// begun: by then the signal handler is installed. A fixed wait from
	// the process's start raced its start-up on a loaded machine.
	begun := make(chan struct{})
	copied := make(chan struct{})
	go func() {
		defer close(copied)
		sc := bufio.NewScanner(pipe)
		once := false
		for sc.Scan() {
			stderr.Write(append(sc.Bytes(), '\n'))
			if !once && strings.Contains(sc.Text(), "arp sweep") {
				once = true
				close(begun)
			}
		}
		if !once {
			close(begun)
		}
	}()
	select {
	case <-begun:
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		<-copied
		t.Fatalf("the ARP sweep did not begin within 30 s\n%s", stderr.String())
	}
	<-time.After(time.Second)
	sent := time.Now()
	cmd.Process.Signal(syscall.SIGINT)
	<-copied
	err = cmd.Wait()
	// The whole sweep needs over 30 s at this rate. Stopping "at once"
	// is told by what was sent, not by a wall-clock bound that a loaded
	// machine breaks: the sweep stopped sending (well short of every
	// address) and ended long before the rest could have been sent.
	if el := time.Since(sent); el > 10*time.Second {
		t.Errorf("sweep took %v to stop after SIGINT", el)
	}
	if m := regexp.MustCompile(`summary: probed=\d+ found=\d+ sent=(\d+)`).FindStringSubmatch(stderr.String()); m == nil {
		t.Errorf("no summary with a sent count:\n%s", stderr.String())
	} else if n, _ := strconv.Atoi(m[1]); n == 0 || n > 65534/2 {
		t.Errorf("sent %d ARP requests, want some but under half of 65,534: the sweep went on after SIGINT", n)
	}
	var ee *exec.ExitError
	if err == nil || !errors.As(err, &ee) || ee.ExitCode() != exitInterrupted {
		t.Errorf("exit: %v, want %d\n%s", err, exitInterrupted, stderr.String())
	}
	if !strings.Contains(stderr.String(), "partial") {
		t.Errorf("summary does not say partial:\n%s", stderr.String())
	}
	if n := strings.Count(stdout.String(), "\n"); n == 0 || n >= 65534 {
		t.Errorf("%d records printed, want some but not all", n)
	}
}
