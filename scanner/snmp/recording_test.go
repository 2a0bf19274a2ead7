package snmp

import (
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/gosnmp/gosnmp"

	"github.com/netcensus/netcensus/internal/secret"
	"github.com/netcensus/netcensus/internal/snmprec"
)

func TestRecordingDropsAndRedactsSecrets(t *testing.T) {
	creds := []Credential{
		{Name: "a", Version: gosnmp.Version2c, Community: secret.Secret("c0mmunity")},
		{Name: "b", Version: gosnmp.Version3, User: "ops", AuthPass: secret.Secret("auth-pass-1"), PrivPass: secret.Secret("priv-pass-1")},
		{Name: "c", Version: gosnmp.Version2c, Community: secret.Secret("c0mmunity")},
	}
	secrets := CredentialSecrets(creds)
	if !slices.Equal(secrets, []string{"c0mmunity", "auth-pass-1", "priv-pass-1"}) {
		t.Fatalf("secrets %v", secrets)
	}
	str := func(s string) snmprec.Value { return snmprec.Value{Type: snmprec.TypeOctetString, Bytes: []byte(s)} }
	// "c0mmunity" as index arcs.
	idx := ".99.48.109.109.117.110.105.116.121"
	w := snmprec.NewWalk([]snmprec.Record{
		{OID: "1.3.6.1.2.1.1.1.0", Value: str("Acme OS 1.0")},
		{OID: "1.3.6.1.2.1.1.4.0", Value: str("noc c0mmunity, auth-pass-1")},
		{OID: "1.3.6.1.2.1.1.5.0", Value: snmprec.Value{Type: snmprec.TypeNoSuchInstance}},
		{OID: "1.3.6.1.2.1.4.20.1.1.192.0.2.1", Value: snmprec.Value{Type: snmprec.TypeIPAddress, Bytes: []byte{192, 0, 2, 1}}},
		{OID: "1.3.6.1.4.1.99999.1.9" + idx, Value: str("x")},
		{OID: "1.3.6.1.4.1.99999.1.9.9" + idx + ".1", Value: str("y")},
		{OID: "1.3.6.1.4.1.99999.2.0", Value: snmprec.Value{Type: snmprec.TypeOpaque, Bytes: []byte("\x01priv-pass-1")}},
		{OID: "1.3.6.1.6.3.18.1.1.1.2.1", Value: str("other-community")},
		{OID: "1.3.6.1.6.3.16.1.2.1.3.2.1", Value: str("group")},
	})
	got := Recording(w, secrets)
	want := []snmprec.Record{
		{OID: "1.3.6.1.2.1.1.1.0", Value: str("Acme OS 1.0")},
		{OID: "1.3.6.1.2.1.1.4.0", Value: str("noc REDACTED, REDACTED")},
		{OID: "1.3.6.1.2.1.4.20.1.1.192.0.2.1", Value: snmprec.Value{Type: snmprec.TypeIPAddress, Bytes: []byte{192, 0, 2, 1}}},
		{OID: "1.3.6.1.4.1.99999.2.0", Value: snmprec.Value{Type: snmprec.TypeOpaque, Bytes: []byte("\x01REDACTED")}},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d records %+v, want %d", len(got), got, len(want))
	}
	for i := range want {
		if got[i].OID != want[i].OID || !got[i].Value.Equal(want[i].Value) {
			t.Errorf("record %d: %s %v, want %s %v", i, got[i].OID, got[i].Value, want[i].OID, want[i].Value)
		}
	}
	// The walk itself is unchanged.
	if v, _ := w.Get("1.3.6.1.2.1.1.4.0"); string(v.Bytes) != "noc c0mmunity, auth-pass-1" {
		t.Errorf("walk changed: %q", v.Bytes)
	}
	// A short community is redacted in values but indexes are left alone.
	short := Recording(snmprec.NewWalk([]snmprec.Record{{OID: "1.3.6.1.4.1.9.97.98", Value: str("ab")}}), []string{"ab"})
	if len(short) != 1 || string(short[0].Value.Bytes) != "REDACTED" {
		t.Errorf("short secret: %+v", short)
	}
	if Recording(nil, secrets) != nil {
		t.Error("nil walk")
	}
}

func TestWriteRecording(t *testing.T) {
	for _, tc := range []struct{ target, name string }{
		{"192.0.2.7:161", "192.0.2.7.snmprec"},
		{"192.0.2.7:1161", "192.0.2.7_1161.snmprec"},
		{"[2001:db8::7]:161", "2001-db8--7.snmprec"},
	} {
		if got := RecordingName(netip.MustParseAddrPort(tc.target)); got != tc.name {
			t.Errorf("RecordingName(%s) = %q, want %q", tc.target, got, tc.name)
		}
	}
	dir := t.TempDir()
	str := func(s string) snmprec.Value { return snmprec.Value{Type: snmprec.TypeOctetString, Bytes: []byte(s)} }
	w := snmprec.NewWalk([]snmprec.Record{
		{OID: "1.3.6.1.2.1.1.1.0", Value: str("Acme OS 1.0")},
		{OID: "1.3.6.1.2.1.1.4.0", Value: str("noc c0mmunity")},
		{OID: "1.3.6.1.6.3.18.1.1.1.2.1", Value: str("c0mmunity")},
	})
	target := netip.MustParseAddrPort("192.0.2.7:1161")
	// A file of the same name is replaced whole.
	if err := os.WriteFile(filepath.Join(dir, RecordingName(target)), []byte("old\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	path, n, err := WriteRecording(dir, target, w, []string{"c0mmunity"})
	if err != nil || n != 2 || path != filepath.Join(dir, "192.0.2.7_1161.snmprec") {
		t.Fatalf("WriteRecording: %q, %d, %v", path, n, err)
	}
	back, lerrs, err := snmprec.ParseFile(path)
	if err != nil || len(lerrs) != 0 || back.Len() != 2 {
		t.Fatalf("read back: %v %v, %d records", err, lerrs, back.Len())
	}
	if v, _ := back.Get("1.3.6.1.2.1.1.4.0"); string(v.Bytes) != "noc "+Redacted {
		t.Errorf("sysContact %q: the secret was written", v.Bytes)
	}
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, %v", st.Mode().Perm(), err)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("%d files in the directory: a temporary file was left", len(ents))
	}
	if _, _, err := WriteRecording(filepath.Join(dir, "none"), target, w, nil); err == nil {
		t.Error("a missing directory was taken")
	}
}
