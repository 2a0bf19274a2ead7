package main

import (
	"context"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/netcensus/netcensus/internal/snmprec"
	"github.com/netcensus/netcensus/internal/snmpsim"
	"github.com/netcensus/netcensus/internal/snmpsim/simtest"
	"github.com/netcensus/netcensus/record"
)

// serveWalks serves walks on loopback port 0, community = map key.
func serveWalks(t *testing.T, walks map[string]*snmprec.Walk) string {
	t.Helper()
	return simtest.Loopback(t, snmpsim.Options{Walks: walks}).String()
}

func probeJSON(t *testing.T, args ...string) (record.Asset, string) {
	t.Helper()
	a, out, errb := testApp(t, nil, nil)
	args = append([]string{"probe", "--format", "json", "--timeout", "300ms", "--retries", "0"}, args...)
	if code := run(context.Background(), a, args); code != exitOK {
		t.Fatalf("%v: exit %d: %s", args, code, errb)
	}
	var recs []record.Asset
	if err := json.Unmarshal(out.Bytes(), &recs); err != nil || len(recs) != 1 {
		t.Fatalf("want a JSON array of 1: %v\n%s", err, out)
	}
	return recs[0], errb.String()
}

// TestProbeRecord: probe --record writes the walk in snmprec form without
// the community (a value holding it is redacted), and the file, served
// back with its name as the community, probes to the same asset; coverage
// reads the folder.
func TestProbeRecord(t *testing.T) {
	const community = "r3cord-s3cret"
	w, _, err := snmprec.ParseFile("../../testdata/snmpsim-data/os/linux/unknown-003.snmprec.bz2")
	if err != nil {
		t.Fatal(err)
	}
	recs := slices.Clone(w.Records())
	for i, r := range recs {
		if r.OID == "1.3.6.1.2.1.1.4.0" { // sysContact
			recs[i].Value = snmprec.Value{Type: snmprec.TypeOctetString, Bytes: []byte("noc; ro community " + community)}
		}
	}
	addr := serveWalks(t, map[string]*snmprec.Walk{community: snmprec.NewWalk(recs)})
	_, port, _ := net.SplitHostPort(addr)
	dir := filepath.Join(t.TempDir(), "walks")

	first, stderr := probeJSON(t, "--community", community, "--record", dir, addr)
	name := "127.0.0.1_" + port
	path := filepath.Join(dir, name+".snmprec")
	if !strings.Contains(stderr, "written to "+path) {
		t.Errorf("stderr does not name the recording: %s", stderr)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), community) || strings.Contains(stderr, community) {
		t.Fatal("the community was written")
	}
	if !strings.Contains(string(b), "1.3.6.1.2.1.1.4.0|4|noc; ro community REDACTED\n") {
		t.Error("the sysContact holding the community is not redacted")
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v (%v), want 0640", fi.Mode().Perm(), err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".record-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}

	// Replay: the recording served under its file name.
	rw, lerrs, err := snmprec.ParseFile(path)
	if err != nil || len(lerrs) > 0 {
		t.Fatalf("recording unreadable: %v %v", err, lerrs)
	}
	replay := serveWalks(t, map[string]*snmprec.Walk{name: rw})
	second, _ := probeJSON(t, "--community", name, replay)
	if second.SysContact != "noc; ro community REDACTED" {
		t.Errorf("replayed sys_contact %q", second.SysContact)
	}
	for _, f := range []struct{ name, a, b string }{
		{"sys_name", first.SysName, second.SysName}, {"sys_descr", first.SysDescr, second.SysDescr},
		{"sys_object_id", first.SysObjectID, second.SysObjectID}, {"vendor", first.Vendor, second.Vendor},
		{"model", first.Model, second.Model}, {"serial", first.Serial, second.Serial}, {"os", first.OS, second.OS},
		{"os_version", first.OSVersion, second.OSVersion}, {"device_type", first.DeviceType, second.DeviceType},
	} {
		if f.a != f.b {
			t.Errorf("%s: probed %q, replayed %q", f.name, f.a, f.b)
		}
	}
	if len(first.Interfaces) != len(second.Interfaces) || len(first.Software) != len(second.Software) || len(first.Storage) != len(second.Storage) || len(first.Software) < 100 {
		t.Errorf("tables: interfaces %d/%d software %d/%d storage %d/%d (probed/replayed)",
			len(first.Interfaces), len(second.Interfaces), len(first.Software), len(second.Software), len(first.Storage), len(second.Storage))
	}

	a, out, errb := testApp(t, nil, nil)
	if code := run(context.Background(), a, []string{"fingerprints", "coverage", dir}); code != exitOK {
		t.Fatalf("coverage: exit %d: %s", code, errb)
	}
	if !strings.Contains(out.String(), "walks: 1\n") || !strings.Contains(out.String(), "os                  1/1") {
		t.Errorf("coverage of the recording:\n%s", out)
	}
}

func TestProbeRecordV3PassphrasesNotWritten(t *testing.T) {
	addr := startProbeSim(t)
	dir := t.TempDir()
	probeJSON(t, "--v3-user", "u", "--v3-auth-proto", "sha256", "--v3-auth-pass", probeSecret, "--v3-priv-proto", "aes256", "--v3-priv-pass", probeSecret, "--record", dir, addr)
	files, _ := filepath.Glob(filepath.Join(dir, "*.snmprec"))
	if len(files) != 1 {
		t.Fatalf("recordings %v", files)
	}
	b, _ := os.ReadFile(files[0])
	if len(b) == 0 || strings.Contains(string(b), probeSecret) {
		t.Errorf("recording empty or holding the passphrase (%d bytes)", len(b))
	}
}
