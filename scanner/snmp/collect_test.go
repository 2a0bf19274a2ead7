package snmp_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gosnmp/gosnmp"

	"github.com/netcensus/netcensus/scanner/snmp"
	"github.com/netcensus/netcensus/scanner/snmp/snmptest"
)

// credDialer hands out the fake only to the community "good"; every dial
// is recorded as (address, credential name).
type credDialer struct {
	mu    sync.Mutex
	fake  *snmptest.Fake
	dials []string
}

func (d *credDialer) dial(ctx context.Context, t netip.AddrPort, c snmp.Credential) (snmp.Client, error) {
	d.mu.Lock()
	d.dials = append(d.dials, t.Addr().String()+"/"+c.Name)
	d.mu.Unlock()
	if c.Community.Reveal() == "good" {
		return d.fake, nil
	}
	return deadClient{}, nil
}

func (d *credDialer) log() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.dials...)
}

type deadClient struct{}

func (deadClient) Get(context.Context, []string) ([]gosnmp.SnmpPDU, error) {
	return nil, fmt.Errorf("%w: test", snmp.ErrTimeout)
}
func (deadClient) GetNext(context.Context, []string) ([]gosnmp.SnmpPDU, error) {
	return nil, fmt.Errorf("%w: test", snmp.ErrTimeout)
}
func (deadClient) GetBulk(context.Context, []string, int) ([]gosnmp.SnmpPDU, error) {
	return nil, fmt.Errorf("%w: test", snmp.ErrTimeout)
}
func (deadClient) EngineID() string { return "" }
func (deadClient) Close() error     { return nil }

func TestCollectCredentials(t *testing.T) {
	d := &credDialer{fake: ifTableFake()}
	creds := []snmp.Credential{
		{Name: "far-only", Version: gosnmp.Version2c, Community: "good", Subnets: []netip.Prefix{netip.MustParsePrefix("203.0.113.0/24")}},
		{Name: "bad", Version: gosnmp.Version2c, Community: "s3cret-bad"},
		{Name: "good", Version: gosnmp.Version2c, Community: "good"},
	}
	var logs bytes.Buffer
	c := snmp.NewCollector(snmp.CollectOptions{Credentials: creds, Dial: d.dial, Logger: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))})
	tgt := snmp.Target{Addr: netip.MustParseAddrPort("198.51.100.9:161"), Credential: -1}
	r := c.Collect(context.Background(), tgt)
	if r.Err != nil || !r.Answered || r.Credential != "good" {
		t.Fatalf("result %+v", r)
	}
	if r.Asset.SysName != "host-a" || len(r.Asset.Interfaces) != 30 {
		t.Fatalf("asset %+v", r.Asset)
	}
	want := []string{"198.51.100.9/bad", "198.51.100.9/good"}
	if got := d.log(); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("dials %v, want %v (far-only must never be sent to 198.51.100.9)", got, want)
	}
	// Second time: the set that worked goes first.
	r = c.Collect(context.Background(), tgt)
	if got := d.log(); len(got) != 3 || got[2] != "198.51.100.9/good" {
		t.Fatalf("dials %v: remembered set not tried first", got)
	}
	// In 203.0.113/24 the scoped set is first in order and answers.
	r = c.Collect(context.Background(), snmp.Target{Addr: netip.MustParseAddrPort("203.0.113.5:161"), Credential: -1})
	if r.Credential != "far-only" {
		t.Fatalf("credential %q, want far-only", r.Credential)
	}
	if strings.Contains(logs.String(), "s3cret") || strings.Contains(fmt.Sprint(r), "s3cret") {
		t.Fatal("secret in logs or result")
	}
}

// TestCollectRemembered: the set the CMDB remembers for an address (by
// name, resolved by Remembered) is tried first in a new run, and the
// result names the set that answered.
func TestCollectRemembered(t *testing.T) {
	creds := []snmp.Credential{
		{Name: "bad", Version: gosnmp.Version2c, Community: "s3cret-bad"},
		{Name: "good", Version: gosnmp.Version2c, Community: "good"},
		{Name: "scoped", Version: gosnmp.Version2c, Community: "good", Subnets: []netip.Prefix{netip.MustParsePrefix("203.0.113.0/24")}},
	}
	a, far := netip.MustParseAddr("198.51.100.9"), netip.MustParseAddr("198.51.100.10")
	rem := snmp.Remembered(creds, map[netip.Addr]string{a: "good", far: "scoped", netip.MustParseAddr("198.51.100.11"): "renamed"})
	if len(rem) != 1 || rem[a] != 1 {
		t.Fatalf("Remembered %v: want only %s -> 1 (a set scoped elsewhere or unknown is dropped)", rem, a)
	}
	d := &credDialer{fake: ifTableFake()}
	c := snmp.NewCollector(snmp.CollectOptions{Credentials: creds, Dial: d.dial, Remembered: rem})
	r := c.Collect(context.Background(), snmp.Target{Addr: netip.AddrPortFrom(a, 161), Credential: -1})
	if !r.Answered || r.Credential != "good" || r.Asset.SNMPCredential != "good" {
		t.Fatalf("result credential %q, asset %q", r.Credential, r.Asset.SNMPCredential)
	}
	if got := d.log(); len(got) != 1 || got[0] != "198.51.100.9/good" {
		t.Fatalf("dials %v: the remembered set was not tried first", got)
	}
}

func TestCollectAllFail(t *testing.T) {
	d := &credDialer{fake: ifTableFake()}
	creds := []snmp.Credential{{Name: "bad", Version: gosnmp.Version2c, Community: "s3cret-bad"}}
	c := snmp.NewCollector(snmp.CollectOptions{Credentials: creds, Dial: d.dial})
	r := c.Collect(context.Background(), snmp.Target{Addr: netip.MustParseAddrPort("198.51.100.9:161"), Credential: -1})
	if r.Answered || !errors.Is(r.Err, snmp.ErrTimeout) {
		t.Fatalf("result %+v", r)
	}
	if strings.Contains(r.Err.Error(), "s3cret") || !strings.Contains(r.Err.Error(), "bad") {
		t.Fatalf("error %q: must name the set, never the secret", r.Err)
	}
	creds[0].Subnets = []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")}
	c = snmp.NewCollector(snmp.CollectOptions{Credentials: creds, Dial: d.dial})
	r = c.Collect(context.Background(), snmp.Target{Addr: netip.MustParseAddrPort("198.51.100.9:161"), Credential: -1})
	if !errors.Is(r.Err, snmp.ErrNoCredential) {
		t.Fatalf("err %v, want ErrNoCredential", r.Err)
	}
}

func TestCollectTargetDeadline(t *testing.T) {
	f := ifTableFake()
	f.Block = true
	c := snmp.NewCollector(snmp.CollectOptions{Dial: f.Dial(), TargetTimeout: 200 * time.Millisecond})
	start := time.Now()
	r := c.Collect(context.Background(), snmp.Target{Addr: netip.MustParseAddrPort("198.51.100.9:161"), Credential: -1})
	if el := time.Since(start); el > 2*time.Second {
		t.Fatalf("a dead agent held the collector %s", el)
	}
	if r.Err == nil || r.Answered {
		t.Fatalf("result %+v", r)
	}
}

func TestStreamCancel(t *testing.T) {
	f := ifTableFake()
	f.Block = true
	c := snmp.NewCollector(snmp.CollectOptions{Dial: f.Dial(), Workers: 4, TargetTimeout: time.Hour})
	var targets []snmp.Target
	for i := range 100 {
		targets = append(targets, snmp.Target{Addr: netip.AddrPortFrom(netip.AddrFrom4([4]byte{198, 51, 100, byte(i)}), 161), Credential: -1})
	}
	ctx, cancel := context.WithCancel(context.Background())
	out := c.Stream(ctx, targets)
	time.AfterFunc(50*time.Millisecond, cancel)
	done := make(chan int)
	go func() {
		n := 0
		for range out {
			n++
		}
		done <- n
	}()
	select {
	case n := <-done:
		if n > 100 {
			t.Fatalf("%d results for 100 targets", n)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("Stream did not close its channel after cancel")
	}
}

func TestStreamAll(t *testing.T) {
	f := ifTableFake()
	c := snmp.NewCollector(snmp.CollectOptions{Dial: f.Dial(), Workers: 8})
	var targets []snmp.Target
	for i := range 50 {
		targets = append(targets, snmp.Target{Addr: netip.AddrPortFrom(netip.AddrFrom4([4]byte{198, 51, 100, byte(i)}), 161), Credential: -1})
	}
	seen := map[netip.AddrPort]bool{}
	for r := range c.Stream(context.Background(), targets) {
		if r.Err != nil || r.Asset.SysName != "host-a" {
			t.Fatalf("result %+v", r)
		}
		seen[r.Target] = true
	}
	if len(seen) != 50 {
		t.Fatalf("%d distinct results, want 50", len(seen))
	}
}

func TestCredentials(t *testing.T) {
	creds, err := snmp.Credentials(nil)
	if err != nil || len(creds) != 1 || creds[0].Community.Reveal() != "public" || creds[0].Version != gosnmp.Version2c {
		t.Fatalf("default: %+v, %v", creds, err)
	}
	creds, err = snmp.Credentials([]snmp.CredentialSpec{
		{Name: "env", Version: "2c", Community: "from-env", Subnets: []string{"198.51.100.0/24"}},
		{Name: "v3", Version: "3", User: "u", AuthProtocol: "sha512", AuthPass: "auth-from-env", PrivProtocol: "aes192c", PrivPass: "inline-priv"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if creds[0].Community.Reveal() != "from-env" || !creds[0].Allows(netip.MustParseAddr("198.51.100.1")) || creds[0].Allows(netip.MustParseAddr("203.0.113.1")) {
		t.Fatalf("env set %+v", creds[0])
	}
	v := creds[1]
	if v.AuthProto != gosnmp.SHA512 || v.PrivProto != gosnmp.AES192C || v.AuthPass.Reveal() != "auth-from-env" || v.PrivPass.Reveal() != "inline-priv" {
		t.Fatalf("v3 set %+v", v)
	}
	if s := fmt.Sprintf("%v %+v %#v %s", creds, creds, creds, v); strings.Contains(s, "from-env") || strings.Contains(s, "inline-priv") {
		t.Fatalf("secret printed: %s", s)
	}
	for _, bad := range []snmp.CredentialSpec{
		{Name: "v4", Version: "4", Community: "x"},
		{Name: "sha1", Version: "3", User: "u", AuthProtocol: "sha1", AuthPass: "xxxxxxxx"},
		{Name: "nouser", Version: "3"},
		{Name: "nocomm", Version: "2c"},
		{Name: "subnet", Version: "2c", Community: "x", Subnets: []string{"198.51.100.0"}},
	} {
		if _, err := snmp.Credentials([]snmp.CredentialSpec{bad}); err == nil || !strings.Contains(err.Error(), bad.Name) {
			t.Errorf("%s: err %v", bad.Name, err)
		}
	}
}
