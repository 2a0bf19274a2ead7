package fingerprints

import (
	"bytes"
	"strings"
	"testing"
)

func TestWriteExplainAndOIDNames(t *testing.T) {
	eng, err := New()
	if err != nil {
		t.Fatal(err)
	}
	in := Input{SysObjectID: "1.3.6.1.4.1.9.1.283", SysDescr: "Cisco IOS Software, s72033_rp Software, Version 12.2(33)SXJ10\x1b[2J"}
	res := eng.Identify(in)
	matches := eng.Explain(in)
	var b bytes.Buffer
	eng.WriteExplain(&b, in, res, matches)
	s := b.String()
	for _, want := range []string{
		"sysObjectID: 1.3.6.1.4.1.9.1.283 = CISCO-PRODUCTS-MIB::cat6509\n",
		"model:       Catalyst 6509   <- product registry: CISCO-PRODUCTS-MIB::cat6509 (1.3.6.1.2.1.1.2.0)\n",
		"serial:      -\n",
		"profile(s):\n* ",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "\x1b") {
		t.Errorf("a control character from the device reached the output:\n%q", s)
	}
	names := eng.OIDNames(in, res)
	if names["1.3.6.1.4.1.9.1.283"] != "CISCO-PRODUCTS-MIB::cat6509" {
		t.Errorf("OIDNames = %v", names)
	}
	for oid, n := range names {
		if n == "" || oid == "" {
			t.Errorf("OIDNames has an empty entry: %v", names)
		}
	}
}
