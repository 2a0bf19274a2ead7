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
		// fq116: was "Catalyst 6509" by "product registry:" (the
		// registry's display form); now the label as Cisco.php (ios)
		// translates the registration, the evidence naming it.
		"model:       cat6509   <- profile cisco-ios: product registry label: CISCO-PRODUCTS-MIB::cat6509 (1.3.6.1.2.1.1.2.0)\n",
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

// Explanation keeps the profiles that matched, the winner among them,
// unless all; all lists profiles that did not match too.
func TestExplanation(t *testing.T) {
	eng, err := New()
	if err != nil {
		t.Fatal(err)
	}
	in := Input{SysObjectID: "1.3.6.1.4.1.9.1.283", SysDescr: "Cisco IOS Software, s72033_rp Software, Version 12.2(33)SXJ10"}
	ex := eng.Explanation(in, false)
	// fq116: was "Catalyst 6509"; now "cat6509", Cisco.php's (ios) label.
	if ex.Result.Model != "cat6509" {
		t.Errorf("result %+v", ex.Result)
	}
	if len(ex.Matches) == 0 {
		t.Fatal("no profile matched")
	}
	for _, m := range ex.Matches {
		if !m.Matched {
			t.Errorf("a profile that did not match is listed: %+v", m)
		}
	}
	if ex.OIDNames["1.3.6.1.4.1.9.1.283"] != "CISCO-PRODUCTS-MIB::cat6509" {
		t.Errorf("OIDNames = %v", ex.OIDNames)
	}
	every := eng.Explanation(in, true)
	if len(every.Matches) != len(eng.Explain(in)) || len(every.Matches) <= len(ex.Matches) {
		t.Errorf("all: %d profiles, want every one (%d), more than the %d that matched", len(every.Matches), len(eng.Explain(in)), len(ex.Matches))
	}
}
