package snmp_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/gosnmp/gosnmp"

	"github.com/netcensus/netcensus/internal/secret"
	"github.com/netcensus/netcensus/internal/snmprec"
	"github.com/netcensus/netcensus/internal/snmpsim"
	"github.com/netcensus/netcensus/internal/snmpsim/simtest"
	"github.com/netcensus/netcensus/record"
	"github.com/netcensus/netcensus/scanner/snmp"
)

// walks holds recorded walks from snmpsim-data (testdata/README.md).
const walks = "../../testdata/snmpsim-data/"

func walkFile(t *testing.T, name string) *snmprec.Walk {
	t.Helper()
	w, _, err := snmprec.ParseFile(walks + name + ".snmprec.bz2")
	if err != nil {
		t.Fatalf("walk %s: %v", name, err)
	}
	return w
}

// startSim serves opts on a loopback port until the test ends.
func startSim(t *testing.T, opts snmpsim.Options) netip.AddrPort {
	t.Helper()
	return simtest.Loopback(t, opts)
}

func comm(c string, v gosnmp.SnmpVersion) snmp.Credential {
	return snmp.Credential{Name: c, Version: v, Community: secret.Secret(c)}
}

func collect(t *testing.T, addr netip.AddrPort, opts snmp.CollectOptions) snmp.Result {
	t.Helper()
	if opts.Timeout == 0 {
		opts.Timeout = 500 * time.Millisecond
	}
	if opts.TargetTimeout == 0 {
		opts.TargetTimeout = 20 * time.Second
	}
	if opts.Dial == nil {
		opts.Dial = snmp.GoSNMPDialer(opts.Timeout, opts.Retries)
	}
	return snmp.NewCollector(opts).Collect(context.Background(), snmp.Target{Addr: addr, Credential: -1})
}

// TestSimMatchesRecorded: what is walked from the simulator and what the
// decoders read from the recorded walk directly are the same record, over
// v1 and v2c.
func TestSimMatchesRecorded(t *testing.T) {
	for _, name := range []string{"os/linux/unknown-003", "network/router/huawei-s5720"} {
		w := walkFile(t, name)
		addr := startSim(t, snmpsim.Options{Walks: map[string]*snmprec.Walk{"dev": w}})
		want0, _ := snmp.Decode(w, addr.Addr(), time.Time{})
		wantJSON, _ := json.Marshal(want0)
		for _, v := range []gosnmp.SnmpVersion{gosnmp.Version1, gosnmp.Version2c} {
			t.Run(fmt.Sprintf("%s/v%s", name, v), func(t *testing.T) {
				res := collect(t, addr, snmp.CollectOptions{Credentials: []snmp.Credential{comm("dev", v)}})
				if res.Err != nil {
					t.Fatal(res.Err)
				}
				if res.Asset.SNMPCredential != "dev" {
					t.Errorf("snmp_credential %q, want dev", res.Asset.SNMPCredential)
				}
				if c := res.Asset.Collection; c == nil || c.Status != record.CollectionComplete {
					t.Errorf("collection %+v, want complete", c)
				}
				res.Asset.SNMPCredential = "" // the walk alone does not know it
				res.Asset.Collection = nil    // nor how complete a collection was
				got, _ := json.Marshal(res.Asset)
				want := wantJSON
				if v == gosnmp.Version1 {
					// v1 cannot carry Counter64 (RFC 3584): the 64-bit
					// octet counters are missing, the 32-bit ones stand in
					// and say so.
					a, b := res.Asset, want0
					a.Interfaces = append([]record.Interface(nil), a.Interfaces...)
					b.Interfaces = append([]record.Interface(nil), b.Interfaces...)
					for i := range a.Interfaces {
						if bits := a.Interfaces[i].CounterBits; bits != 32 && bits != 0 {
							t.Errorf("v1 interface %d: %d-bit counters", a.Interfaces[i].Index, bits)
						}
						a.Interfaces[i].InOctets, a.Interfaces[i].OutOctets, a.Interfaces[i].CounterBits = 0, 0, 0
					}
					for i := range b.Interfaces {
						b.Interfaces[i].InOctets, b.Interfaces[i].OutOctets, b.Interfaces[i].CounterBits = 0, 0, 0
					}
					got, _ = json.Marshal(a)
					want, _ = json.Marshal(b)
				}
				if string(got) != string(want) {
					t.Fatalf("walked record differs from the recorded walk's\n got %s\nwant %s", got, want)
				}
				if len(res.Asset.Interfaces) == 0 {
					t.Fatal("no interfaces")
				}
			})
		}
	}
}

// TestSimV3Matrix: every auth protocol with every privacy protocol
// (both AES-192/256 key extensions), against the simulator.
func TestSimV3Matrix(t *testing.T) {
	w := snmprec.NewWalk([]snmprec.Record{
		{OID: "1.3.6.1.2.1.1.1.0", Value: snmprec.Value{Type: snmprec.TypeOctetString, Bytes: []byte("v3 device")}},
		{OID: "1.3.6.1.2.1.1.5.0", Value: snmprec.Value{Type: snmprec.TypeOctetString, Bytes: []byte("v3-dev")}},
		{OID: "1.3.6.1.2.1.2.2.1.2.1", Value: snmprec.Value{Type: snmprec.TypeOctetString, Bytes: []byte("eth0")}},
	})
	const pass = "matrix-pass-1234"
	auths := map[string]snmpsim.AuthProtocol{"md5": snmpsim.AuthMD5, "sha": snmpsim.AuthSHA, "sha224": snmpsim.AuthSHA224,
		"sha256": snmpsim.AuthSHA256, "sha384": snmpsim.AuthSHA384, "sha512": snmpsim.AuthSHA512}
	privs := map[string]snmpsim.PrivProtocol{"": snmpsim.PrivNone, "des": snmpsim.PrivDES, "aes": snmpsim.PrivAES,
		"aes192": snmpsim.PrivAES192, "aes256": snmpsim.PrivAES256, "aes192c": snmpsim.PrivAES192C, "aes256c": snmpsim.PrivAES256C}
	users := []snmpsim.User{{Name: "noauth"}}
	type combo struct{ user, auth, priv string }
	combos := []combo{{user: "noauth"}}
	for an, a := range auths {
		for pn, p := range privs {
			u := "u-" + an + "-" + pn
			su := snmpsim.User{Name: u, Auth: a, AuthPass: pass, Priv: p}
			if p != snmpsim.PrivNone {
				su.PrivPass = pass
			}
			users = append(users, su)
			combos = append(combos, combo{u, an, pn})
		}
	}
	addr := startSim(t, snmpsim.Options{Walks: map[string]*snmprec.Walk{"dev": w}, Users: users, DefaultContext: "dev"})
	for _, c := range combos {
		t.Run(c.user, func(t *testing.T) {
			cred := snmp.Credential{Name: c.user, Version: gosnmp.Version3, User: c.user}
			var err error
			if cred.AuthProto, err = snmp.ParseAuthProtocol(c.auth); err != nil {
				t.Fatal(err)
			}
			if cred.PrivProto, err = snmp.ParsePrivProtocol(c.priv); err != nil {
				t.Fatal(err)
			}
			if c.auth != "" {
				cred.AuthPass = pass
			}
			if c.priv != "" {
				cred.PrivPass = pass
			}
			res := collect(t, addr, snmp.CollectOptions{Credentials: []snmp.Credential{cred}})
			if res.Err != nil || res.Asset.SysName != "v3-dev" || len(res.Asset.Interfaces) != 1 {
				t.Fatalf("err %v, asset %+v", res.Err, res.Asset)
			}
			if res.Asset.SNMPEngineID == "" {
				t.Error("no engine ID")
			}
			if strings.Contains(fmt.Sprint(res), pass) {
				t.Error("passphrase in the result")
			}
		})
	}
	t.Run("wrong passphrase fails, next set works", func(t *testing.T) {
		bad := snmp.Credential{Name: "bad", Version: gosnmp.Version3, User: "u-sha256-aes256", AuthProto: gosnmp.SHA256, AuthPass: "wrong-pass-123", PrivProto: gosnmp.AES256, PrivPass: "wrong-pass-123"}
		good := bad
		good.Name, good.AuthPass, good.PrivPass = "good", pass, pass
		res := collect(t, addr, snmp.CollectOptions{Credentials: []snmp.Credential{bad, good}, Timeout: 300 * time.Millisecond})
		if res.Err != nil || res.Credential != "good" {
			t.Fatalf("credential %q, err %v", res.Credential, res.Err)
		}
		if strings.Contains(fmt.Sprint(res), "wrong-pass") {
			t.Error("passphrase in the result")
		}
	})
}

// TestSimFaults: broken agents cost bounded time and never a hang.
func TestSimFaults(t *testing.T) {
	w := walkFile(t, "os/linux/unknown-003")
	full, _ := snmp.Decode(w, netip.Addr{}, time.Time{})
	for _, tc := range []struct {
		name   string
		faults snmpsim.Faults
		opts   snmp.CollectOptions
		check  func(t *testing.T, r snmp.Result)
	}{
		{name: "getbulk ignores max-repetitions", faults: snmpsim.Faults{Bulk: snmpsim.BulkIgnoreMaxRepetitions}, check: func(t *testing.T, r snmp.Result) {
			if r.Err != nil || len(r.Asset.Software) != len(full.Software) {
				t.Fatalf("err %v, %d packages, want %d", r.Err, len(r.Asset.Software), len(full.Software))
			}
			wantCollection(t, r, record.CollectionComplete, "")
		}},
		// Each response repeats the OID asked: the repeat is passed over,
		// the rest read (before, each column stopped at its first repeat).
		{name: "getbulk repeats oids", faults: snmpsim.Faults{Bulk: snmpsim.BulkNonIncreasing}, check: func(t *testing.T, r snmp.Result) {
			if r.Err != nil || len(r.Asset.Software) != len(full.Software) {
				t.Fatalf("err %v, %d packages, want %d", r.Err, len(r.Asset.Software), len(full.Software))
			}
			wantCollection(t, r, record.CollectionComplete, "")
		}},
		{name: "endless table capped", faults: snmpsim.Faults{EndlessTable: "1.3.6.1.2.1.25.6.3.1.2"}, opts: snmp.CollectOptions{MaxRows: 300}, check: func(t *testing.T, r snmp.Result) {
			if !r.Answered || len(r.Asset.Software) == 0 || len(r.Asset.Software) > 300 {
				t.Fatalf("err %v, %d packages", r.Err, len(r.Asset.Software))
			}
			wantCollection(t, r, record.CollectionPartial, record.ReasonMaxRows)
		}},
		{name: "drops every 3rd request", faults: snmpsim.Faults{DropEveryN: 3}, opts: snmp.CollectOptions{Timeout: 100 * time.Millisecond, Retries: 3}, check: func(t *testing.T, r snmp.Result) {
			if r.Err != nil || len(r.Asset.Software) != len(full.Software) {
				t.Fatalf("err %v, %d packages, want %d", r.Err, len(r.Asset.Software), len(full.Software))
			}
		}},
		{name: "slow agent cut at the target deadline", faults: snmpsim.Faults{Delay: 300 * time.Millisecond}, opts: snmp.CollectOptions{Timeout: time.Second, TargetTimeout: 1500 * time.Millisecond}, check: func(t *testing.T, r snmp.Result) {
			if r.Duration > 3*time.Second {
				t.Fatalf("slow agent held the collector %s", r.Duration)
			}
			if !r.Answered || r.Err == nil {
				t.Fatalf("want a partial result with an error: %+v", r.Err)
			}
			wantCollection(t, r, record.CollectionPartial, record.ReasonTargetTimeout)
			// The message names the limit, not "context deadline exceeded".
			if msg := r.Err.Error(); !strings.Contains(msg, "target timeout of 1.5s (snmp.target_timeout, --target-timeout)") || strings.Contains(msg, "context deadline exceeded") {
				t.Errorf("timeout message: %s", msg)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			addr := startSim(t, snmpsim.Options{Walks: map[string]*snmprec.Walk{"dev": w}, Faults: tc.faults})
			tc.opts.Credentials = []snmp.Credential{comm("dev", gosnmp.Version2c)}
			start := time.Now()
			r := collect(t, addr, tc.opts)
			if el := time.Since(start); el > 15*time.Second {
				t.Fatalf("took %s", el)
			}
			tc.check(t, r)
		})
	}
}

// TestSimDiscoverAndStream: discovery from one socket finds the simulated
// device among silent addresses, and Stream collects it.
func TestSimDiscoverAndStream(t *testing.T) {
	w := walkFile(t, "os/linux/unknown-003")
	addr := startSim(t, snmpsim.Options{Walks: map[string]*snmprec.Walk{"dev": w}, Users: []snmpsim.User{{Name: "x"}}})
	addrs := []netip.Addr{addr.Addr()}
	for i := 2; i < 60; i++ {
		addrs = append(addrs, netip.AddrFrom4([4]byte{127, 0, 0, byte(i)}))
	}
	creds := []snmp.Credential{comm("nope", gosnmp.Version2c), comm("dev", gosnmp.Version2c), {Name: "v3", Version: gosnmp.Version3, User: "x"}}
	found, err := snmp.Discover(context.Background(), addrs, snmp.DiscoverOptions{Port: int(addr.Port()), Credentials: creds, Timeout: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	r := found[addr.Addr()]
	if len(found) != 1 || r == nil || r.Credential != 1 || r.SysName != "DUMSYS-14" || r.EngineID == "" {
		t.Fatalf("found %d: %+v", len(found), r)
	}
	col := snmp.NewCollector(snmp.CollectOptions{Credentials: creds, Timeout: 300 * time.Millisecond})
	n := 0
	for res := range col.Stream(context.Background(), []snmp.Target{{Addr: addr, Credential: r.Credential, EngineID: r.EngineID}}) {
		n++
		if res.Err != nil || res.Credential != "dev" || len(res.Asset.Storage) == 0 {
			t.Fatalf("result %+v", res)
		}
	}
	if n != 1 {
		t.Fatalf("%d results", n)
	}
}

// wantCollection checks the record's collection status (issue 16): a
// capped table, a non-increasing OID or the target timeout make it
// partial, with the reason; else it is complete.
func wantCollection(t *testing.T, r snmp.Result, status, reason string) {
	t.Helper()
	c := r.Asset.Collection
	if c == nil || c.Status != status {
		t.Fatalf("collection %+v, want status %s", c, status)
	}
	if reason == "" {
		if len(c.Reasons) != 0 {
			t.Errorf("complete collection with reasons %+v", c.Reasons)
		}
		return
	}
	for _, x := range c.Reasons {
		if x.Reason == reason {
			return
		}
	}
	t.Errorf("collection reasons %+v lack %s", c.Reasons, reason)
}
