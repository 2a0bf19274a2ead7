package main

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/netcensus/netcensus/fingerprints/pen"
	"github.com/netcensus/netcensus/fingerprints/products"
)

func TestWords(t *testing.T) {
	for name, want := range map[string]string{
		"upsAdvIdentSerialNumber": "ups adv ident serial number",
		"hwmRouterSerialNO":       "hwm router serial no",
		"slcSystemFWRev":          "slc system fw rev",
		"snChasSerNum":            "sn chas ser num",
		"hpProductSWVersion":      "hp product sw version",
		"sm16tat2saSystemInfo":    "sm 16 tat 2 sa system info",
		"serial":                  "serial",
		"els100SysSerialno":       "els 100 sys serialno",
		"alarm-serial_number":     "alarm serial number",
	} {
		if got := strings.Join(words(name), " "); got != want {
			t.Errorf("words(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestClassify(t *testing.T) {
	for _, c := range []struct {
		name, field string
		rank        int
	}{
		{"upsAdvIdentSerialNumber", "serial", 0},
		{"hwmRouterSerialNO", "serial", 1},
		{"snChasSerNum", "serial", 1},
		{"rPDUIdentModelNumber", "model", 0},
		{"snwlSysModel", "model", 0},
		{"cpqSiProductName", "model", 1},
		{"racFirmwareVersion", "os_version", 1},
		{"slcSystemFWRev", "os_version", 0},
		{"hpSwitchOsVersion", "os_version", 1},
		// Another thing's identity, or another sense of the word.
		{"hwTotalPortalServerUserNum", "", 0},
		{"gtmDnssecStatXfrSerial", "", 0},
		{"cifsSecurityModel", "", 0},
		{"hwClockGnssModel", "", 0},
		{"fgHaTrapMemberSerial", "", 0},
		{"upsAdvBatteryFirmwareRevision", "", 0},
		{"eipHwApplianceBiosVersion", "", 0},
		{"atsIdentHardwareRev", "", 0},
		{"hwEntityPcbVersion", "", 0},
		{"productPartnerSerialNum", "", 0},
		{"wirelessAPFWVer", "", 0},
		{"sysName", "", 0},
	} {
		f, r, ok := classify(c.name)
		if f != c.field || ok != (c.field != "") || (ok && r != c.rank) {
			t.Errorf("classify(%q) = %q %d %v, want %q %d", c.name, f, r, ok, c.field, c.rank)
		}
	}
}

func entries(es ...products.Entry) func(func(products.Entry) bool) {
	return func(yield func(products.Entry) bool) {
		for _, e := range es {
			if !yield(e) {
				return
			}
		}
	}
}

func TestCollect(t *testing.T) {
	sc := func(oid, name string) products.Entry {
		return products.Entry{OID: oid, Module: "ACME-MIB", Name: name, Kind: "scalar"}
	}
	es := []products.Entry{
		sc("1.3.6.1.4.1.99998.5.9", "acmeFanSerialNumber"),
		sc("1.3.6.1.4.1.99998.3.1.2", "acmeMgmtSerialNumber"),
		sc("1.3.6.1.4.1.99998.1.2", "acmeSysSerialNumber"),
		{OID: "1.3.6.1.4.1.99998.4.1.1.3", Module: "ACME-MIB", Name: "acmeUnitSerialNumber", Kind: "column"},
		sc("1.3.6.1.4.1.99998.1.1", "acmeSysModel"),
		sc("1.3.6.1.4.1.8072.1.9", "nsSerialNumber"),
		sc("1.3.6.1.2.1.1.99", "mib2SerialNumber"),
	}
	for i := range 10 {
		es = append(es, sc(fmt.Sprintf("1.3.6.1.4.1.99999.1.%d", i+1), fmt.Sprintf("x%dSwVersion", i)))
	}
	by := collect(entries(es...))
	var got []string
	for _, o := range by[99998] {
		got = append(got, o.field+" "+o.name)
	}
	want := []string{"model acmeSysModel", "serial acmeSysSerialNumber", "serial acmeMgmtSerialNumber"}
	if !slices.Equal(got, want) {
		t.Errorf("enterprise 99998: %q, want %q (the device's own group first; no columns, no parts)", got, want)
	}
	if _, ok := by[8072]; ok {
		t.Error("the net-snmp agent's objects were kept")
	}
	if n := len(by[99999]); n != maxPerField {
		t.Errorf("enterprise 99999: %d rules, want %d", n, maxPerField)
	}
	var buf bytes.Buffer
	if n := write(&buf, by, func(uint32) string { return "Acme" }); n != 2 {
		t.Errorf("write: %d profiles, want 2", n)
	}
	for _, s := range []string{"  - id: mib-identity-99998\n", "      sys_object_id: [1.3.6.1.4.1.99998]\n",
		"      - oid: 1.3.6.1.4.1.99998.1.2.0\n", "        name: ACME-MIB::acmeSysSerialNumber\n"} {
		if !strings.Contains(buf.String(), s) {
			t.Errorf("written file lacks %q:\n%s", s, buf.String())
		}
	}
}

// TestGeneratedFileIsCurrent: profiles/mib-identity.yaml is what the
// generator writes from the embedded product registry (run go generate in
// fingerprints after changing either).
func TestGeneratedFileIsCurrent(t *testing.T) {
	reg := products.Open()
	if err := reg.Err(); err != nil {
		t.Fatal(err)
	}
	names, err := pen.Open()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	write(&buf, collect(reg.All()), func(ent uint32) string {
		s, _ := names.Lookup(ent)
		return s
	})
	have, err := os.ReadFile("../../profiles/mib-identity.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(have, buf.Bytes()) {
		t.Error("profiles/mib-identity.yaml is stale: run go generate in fingerprints")
	}
}
