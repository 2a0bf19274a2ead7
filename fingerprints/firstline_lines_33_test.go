package fingerprints

import (
	"testing"
	"testing/fstest"
)

// TestSysDescrFirstLine: the fallbacks that read a sysDescr's first line
// (its model alone, its closing release) read the line the agent wrote,
// not the whole sysDescr with its line breaks read as spaces.
func TestSysDescrFirstLine(t *testing.T) {
	src := acmeProfile("1.3.6.1.4.1.99999", `
    vendor: Acme
`)
	e, err := newEngine(fstest.MapFS{"a.yaml": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	got := e.Identify(Input{SysObjectID: "1.3.6.1.4.1.99999.1", SysDescr: "W1000\r\nAcme Widget Controller"})
	if got.Model != "W1000" {
		t.Errorf("model = %q, want W1000 (the first line's model alone)", got.Model)
	}
	got = e.Identify(Input{SysObjectID: "1.3.6.1.4.1.99999.1", SysDescr: "\r\nWidget Gateway 2.4.1\r\nCopyright (c) 2020 Acme"})
	if got.OSVersion != "2.4.1" {
		t.Errorf("os_version = %q, want 2.4.1 (the first line's closing release)", got.OSVersion)
	}
	got = e.Identify(Input{SysObjectID: "1.3.6.1.4.1.99999.1", SysDescr: "Widget Gateway 2.4.1 Copyright Acme"})
	if got.OSVersion != "" {
		t.Errorf("os_version = %q, want none: the line does not end with it", got.OSVersion)
	}
}
