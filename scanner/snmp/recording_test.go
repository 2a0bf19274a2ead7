package snmp

import (
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
