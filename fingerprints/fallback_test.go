package fingerprints

import (
	"strings"
	"testing"

	"github.com/netcensus/netcensus/internal/snmprec"
)

func text(s string) snmprec.Value {
	return snmprec.Value{Type: snmprec.TypeOctetString, Bytes: []byte(s)}
}

// TestGenericFallbacks: the generic rules that fill a field no profile
// gives, on inputs written from the standard MIBs; and the fallbacks left
// out because they gave wrong values.
func TestGenericFallbacks(t *testing.T) {
	e := engine(t)
	hrSW := "1.3.6.1.2.1.25.6.3.1.2."
	for _, tc := range []struct {
		name     string
		in       Input
		field    string
		want     string
		wantRule string
	}{
		{"AIX level from hrSWInstalledName bos.rte", Input{
			SysObjectID: "1.3.6.1.4.1.2.3.1.2.1.1.3", SysDescr: "IBM PowerPC CHRP Computer",
			Values: map[string]snmprec.Value{
				hrSW + "1": text("bos.rte 7.1.3.45 Base Operating System Runtime"),
				hrSW + "2": text("bos.rte.SRC 7.1.3.30 System Resource Controller"),
			}}, FieldOSVersion, "7.1.3.45", "hrSWInstalledName bos.rte level"},
		{"bos.rte names AIX", Input{
			SysDescr: "IBM PowerPC CHRP Computer",
			Values:   map[string]snmprec.Value{hrSW + "9": text("bos.rte 7.2.5.0 Base Operating System Runtime")},
		}, FieldOS, "AIX", "hrSWInstalledName bos.rte"},
		{"other packages give no version", Input{
			SysObjectID: "1.3.6.1.4.1.30803", SysDescr: "Vyatta unknown-version",
			Values: map[string]snmprec.Value{
				hrSW + "9":  text("kernel-firmware-2.6.32-358.NSOS4.2"),
				hrSW + "52": text("vyatta-cfg-system-3.7.2-201507242106.el6"),
			}}, FieldOSVersion, "", ""},
		{"a release named after the product", Input{
			SysObjectID: "1.3.6.1.4.1.27971",
			SysDescr:    "Hardware: INFOSEC NSAE 6500 Intel(R) Xeon(R) CPU - Software: NSAE Rel.NSAE.8.4.0.8 build on Wed Aug 28 15:42:47 2013",
		}, FieldOSVersion, "8.4.0.8", "sysDescr product release"},
		{"a plain release still wins", Input{
			SysObjectID: "1.3.6.1.4.1.99998", SysDescr: "Acme box Release 2.4.1",
		}, FieldOSVersion, "2.4.1", "sysDescr release"},
		// A host's hrDeviceDescr of type printer is a printer it prints
		// to (Windows XP in the development corpus lists "HP Officejet
		// 6500 E710a-f"), not its model: without Printer-MIB, no model.
		{"print server is not a printer", Input{
			SysObjectID: "1.3.6.1.4.1.311.1.1.3.1.1", SysDescr: "Hardware: x86 Family 6 Model 15 - Software: Windows 2000 Version 5.1 (Build 2600 Uniprocessor Free)",
			Values: map[string]snmprec.Value{
				"1.3.6.1.2.1.25.3.2.1.2.3": {Type: snmprec.TypeOID, OID: "1.3.6.1.2.1.25.3.1.5"},
				"1.3.6.1.2.1.25.3.2.1.3.3": text("HP Officejet 6500 E710a-f"),
			}}, FieldModel, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := e.Identify(tc.in)
			got := map[string]string{FieldOS: r.OS, FieldOSVersion: r.OSVersion, FieldModel: r.Model}[tc.field]
			if got != tc.want {
				t.Fatalf("%s = %q, want %q (%+v)", tc.field, got, tc.want, r.Evidence[tc.field])
			}
			if ev := r.Evidence[tc.field]; tc.wantRule != "" && !strings.HasSuffix(ev.Rule, tc.wantRule) {
				t.Errorf("evidence %+v, want rule %q", ev, tc.wantRule)
			}
		})
	}
}
