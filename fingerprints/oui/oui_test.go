package oui

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"testing"

	"github.com/netcensus/netcensus/fingerprints/oui/internal/build"
	"github.com/netcensus/netcensus/record"
)

// ieeeDir is where Debian's ieee-data package installs the registry.
const ieeeDir = "/usr/share/ieee-data"

func open(t testing.TB) *Registry {
	t.Helper()
	r, err := Open()
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return r
}

func mustMAC(t testing.TB, s string) net.HardwareAddr {
	t.Helper()
	if s == "" {
		return nil
	}
	hw, err := net.ParseMAC(s)
	if err != nil {
		// Partial addresses (3 to 5 bytes) are not accepted by ParseMAC.
		var b []byte
		for _, p := range strings.Split(s, ":") {
			var v byte
			if _, err := fmt.Sscanf(p, "%02x", &v); err != nil {
				t.Fatalf("bad test MAC %q", s)
			}
			b = append(b, v)
		}
		return b
	}
	return hw
}

func TestLookup(t *testing.T) {
	r := open(t)
	tests := []struct {
		name    string
		mac     string
		wantOrg string
		wantLen int
		wantOK  bool
	}{
		// MA-S block 70:B3:D5:F2:F inside the MA-L 70:B3:D5 held by the IEEE RA.
		{"MA-S block", "70:b3:d5:f2:f1:23", "TELEPLATFORMS", 36, true},
		{"MA-S first address", "70:b3:d5:f2:f0:00", "TELEPLATFORMS", 36, true},
		{"MA-S neighbour block", "70:b3:d5:71:9a:bc", "2M Technology", 36, true},
		{"unassigned MA-S slot falls back to its MA-L", "8c:1f:64:00:1a:bc", "IEEE Registration Authority", 24, true},
		{"MA-S block under 8C:1F:64", "8c:1f:64:46:0a:bc", "Solace Systems Inc.", 36, true},
		// IAB block 00:50:C2:7D:5 inside the MA-L 00:50:C2 held by the IEEE RA.
		{"IAB block", "00:50:c2:7d:5f:ff", "DEUTA-WERKE GmbH", 36, true},
		// MA-M block 74:1A:E0:5 inside the MA-L 74:1A:E0 held by the IEEE RA.
		{"MA-M block", "74:1a:e0:51:22:33", "FUJIAN TAILI COMMUNICATION TECHNOLOGY CO.,LTD", 28, true},
		{"MA-M non-ASCII owner", "74:1a:e0:70:00:01", "BÄR Bahnsicherung AG", 28, true},
		{"MA-M Private", "74:1a:e0:9f:ff:ff", "Private", 28, true},
		{"unassigned MA-M slot falls back to its MA-L", "74:1a:e0:f0:00:00", "IEEE Registration Authority", 24, true},
		// MA-L.
		{"Cisco", "00:00:0c:07:ac:01", "Cisco Systems, Inc", 24, true},
		{"Juniper", "00:05:85:aa:bb:cc", "Juniper Networks", 24, true},
		{"Raspberry Pi Foundation", "b8:27:eb:12:34:56", "Raspberry Pi Foundation", 24, true},
		{"trailing spaces trimmed", "00:b4:f5:00:00:01", "DongGuan Siyoto Electronics Co., Ltd", 24, true},
		{"inner spaces collapsed", "44:28:a3:00:00:01", "Jiangsu fulian Communication Technology Co., Ltd.", 24, true},
		{"several owners", "08:00:30:00:00:01", "CERN / NETWORK RESEARCH CORPORATION / ROYAL MELBOURNE INST OF TECH", 24, true},
		// Lookup itself ignores the locally administered and multicast bits.
		{"legacy block with LA bit", "02:60:8c:00:00:01", "3COM", 24, true},
		{"registered multicast block", "11:00:aa:00:00:01", "Private", 24, true},
		{"unregistered multicast", "01:00:5e:00:00:fb", "", 0, false},
		{"unknown", "03:ff:ff:ff:ff:ff", "", 0, false},
		{"QEMU random (unregistered)", "52:54:00:12:34:56", "", 0, false},
		// Lengths.
		{"EUI-64", "00:00:0c:ff:fe:07:ac:01", "Cisco Systems, Inc", 24, true},
		{"3-byte OUI", "00:00:0c", "Cisco Systems, Inc", 24, true},
		{"3-byte prefix of MA-S block sees only the MA-L", "70:b3:d5", "IEEE Registration Authority", 24, true},
		{"4-byte prefix reaches MA-M", "74:1a:e0:51", "FUJIAN TAILI COMMUNICATION TECHNOLOGY CO.,LTD", 28, true},
		{"5-byte prefix reaches MA-S", "70:b3:d5:f2:f1", "TELEPLATFORMS", 36, true},
		{"empty", "", "", 0, false},
		{"two bytes", "00:00", "", 0, false},
		{"seven bytes", "00:00:0c:00:00:00:00", "", 0, false},
		{"IPoIB 20 bytes", "00:00:0c:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00", "", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mac := mustMAC(t, tt.mac)
			org, bits, ok := r.Lookup(mac)
			if org != tt.wantOrg || bits != tt.wantLen || ok != tt.wantOK {
				t.Fatalf("Lookup(%s) = %q, %d, %v; want %q, %d, %v", mac, org, bits, ok, tt.wantOrg, tt.wantLen, tt.wantOK)
			}
		})
	}
}

func TestParentIsRegistrationAuthority(t *testing.T) {
	r := open(t)
	// The MA-L that holds each small block belongs to the IEEE RA; a partial
	// (3-byte) lookup sees only it, a full address sees the block.
	for _, p := range []struct{ parent, child, owner string }{
		{"70:b3:d5", "70:b3:d5:f2:f0:00", "TELEPLATFORMS"},
		{"00:50:c2", "00:50:c2:7d:50:00", "DEUTA-WERKE GmbH"},
		{"74:1a:e0", "74:1a:e0:50:00:00", "FUJIAN TAILI COMMUNICATION TECHNOLOGY CO.,LTD"},
	} {
		org, bits, ok := r.Lookup(mustMAC(t, p.parent))
		if !ok || bits != 24 || org != "IEEE Registration Authority" {
			t.Errorf("Lookup(%s) = %q, %d, %v; want the IEEE RA's MA-L", p.parent, org, bits, ok)
		}
		if org, _, _ := r.Lookup(mustMAC(t, p.child)); org != p.owner {
			t.Errorf("Lookup(%s) = %q, want %q", p.child, org, p.owner)
		}
	}
}

func TestLabel(t *testing.T) {
	r := open(t)
	tests := []struct {
		name, mac, want string
	}{
		{"vendor", "00:00:0c:07:ac:01", "Cisco Systems, Inc"},
		{"MA-S owner", "70:b3:d5:f2:f1:23", "TELEPLATFORMS"},
		{"randomised Wi-Fi MAC", "da:a1:19:00:00:01", LocallyAdministered},
		{"QEMU/KVM virtual NIC", "52:54:00:12:34:56", LocallyAdministered},
		{"Docker bridge", "02:42:ac:11:00:02", LocallyAdministered},
		{"LA bit set over a legacy registered block", "02:60:8c:00:00:01", LocallyAdministered},
		{"LA and multicast", "03:00:00:00:00:01", LocallyAdministered},
		{"multicast unregistered", "01:00:5e:00:00:fb", ""},
		{"IPv6 multicast (LA bit set)", "33:33:00:00:00:01", LocallyAdministered},
		{"LLDP multicast", "01:80:c2:00:00:0e", ""},
		{"broadcast", "ff:ff:ff:ff:ff:ff", LocallyAdministered},
		{"multicast registered", "11:00:aa:00:00:01", "Private"},
		{"empty", "", ""},
		{"short", "00:00", ""},
		{"EUI-64 LA", "02:00:00:ff:fe:00:00:01", LocallyAdministered},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Label(r, mustMAC(t, tt.mac)); got != tt.want {
				t.Fatalf("Label(%s) = %q, want %q", tt.mac, got, tt.want)
			}
		})
	}
	// An unregistered universal unicast address: find one by walking a
	// range rather than hard-coding registry gaps.
	found := false
	for i := range 4096 {
		mac := net.HardwareAddr{0xfc, byte(i >> 8), byte(i), 0, 0, 1}
		if mac[0]&0x03 != 0 {
			t.Fatal("test MAC must be universal unicast")
		}
		if _, _, ok := r.Lookup(mac); !ok {
			if got := Label(r, mac); got != "" {
				t.Fatalf("Label(%s) = %q for an unregistered MAC, want \"\"", mac, got)
			}
			found = true
			break
		}
	}
	if !found {
		t.Fatal("no unregistered fc:xx:xx prefix found")
	}
	if got := Label(nil, mustMAC(t, "00:00:0c:00:00:01")); got != "" {
		t.Fatalf("Label(nil registry) = %q, want \"\"", got)
	}
}

// LabelAssets fills mac_vendor where a MAC has none, never vendor, and
// keeps a MAC vendor already known.
func TestLabelAssets(t *testing.T) {
	r := open(t)
	cisco, _ := record.ParseMAC("00:00:0c:07:ac:01")
	la, _ := record.ParseMAC("da:a1:19:00:00:01")
	as := []record.Asset{{MAC: cisco}, {MAC: la, Vendor: "Apple"}, {MAC: cisco, MACVendor: "as found"}, {Hostname: "no-mac"}}
	LabelAssets(r, as)
	for i, want := range []record.Asset{
		{MAC: cisco, MACVendor: "Cisco Systems, Inc"},
		{MAC: la, Vendor: "Apple", MACVendor: LocallyAdministered},
		{MAC: cisco, MACVendor: "as found"},
		{Hostname: "no-mac"},
	} {
		if as[i].MACVendor != want.MACVendor || as[i].Vendor != want.Vendor {
			t.Errorf("asset %d: vendor %q mac_vendor %q, want %q and %q", i, as[i].Vendor, as[i].MACVendor, want.Vendor, want.MACVendor)
		}
	}
}

// TestWellKnownVendors checks the embedded table and, when ieee-data is
// installed, that the expected names are what the CSV registers.
func TestWellKnownVendors(t *testing.T) {
	r := open(t)
	tests := []struct {
		oui, want string
	}{
		{"00:00:0c", "Cisco Systems, Inc"},
		{"00:05:85", "Juniper Networks"},
		{"28:c0:da", "Juniper Networks"},
		{"00:03:93", "Apple, Inc."},
		{"3c:07:54", "Apple, Inc."},
		{"f0:18:98", "Apple, Inc."},
		{"00:14:22", "Dell Inc."},
		{"b8:ac:6f", "Dell Inc."},
		{"b8:27:eb", "Raspberry Pi Foundation"},
		{"dc:a6:32", "Raspberry Pi Trading Ltd"},
		{"e4:5f:01", "Raspberry Pi Trading Ltd"},
		{"00:50:56", "VMware, Inc."},
		{"00:0c:29", "VMware, Inc."},
		{"00:15:5d", "Microsoft Corporation"},
		{"08:00:27", "PCS Systemtechnik GmbH"},
		{"00:00:5e", "ICANN, IANA Department"},
		{"3c:5a:b4", "Google, Inc."},
	}
	var csv map[string]string
	if _, err := os.Stat(ieeeDir); err == nil {
		es, err := build.ParseDir(ieeeDir)
		if err != nil {
			t.Fatalf("parse %s: %v", ieeeDir, err)
		}
		csv = map[string]string{}
		for _, e := range es {
			if e.Bits == 24 {
				csv[fmt.Sprintf("%06x", e.Prefix)] = e.Org
			}
		}
	}
	for _, tt := range tests {
		mac := mustMAC(t, tt.oui+":01:02:03")
		org, bits, ok := r.Lookup(mac)
		if !ok || bits != 24 || org != tt.want {
			t.Errorf("Lookup(%s) = %q, %d, %v; want %q, 24", mac, org, bits, ok, tt.want)
		}
		if got := Label(r, mac); got != tt.want {
			t.Errorf("Label(%s) = %q, want %q", mac, got, tt.want)
		}
		if csv != nil {
			key := strings.ReplaceAll(tt.oui, ":", "")
			if got := csv[key]; got != tt.want {
				t.Errorf("%s in %s: %q, want %q", tt.oui, ieeeDir, got, tt.want)
			}
		}
	}
}

func TestLen(t *testing.T) {
	r := open(t)
	// ieee-data 2022-08: 32530 MA-L (2 listed twice), 4390 MA-M,
	// 5029 MA-S, 4575 IAB (one shares its prefix with an MA-S).
	if n := r.Len(); n < 40000 || n > 200000 {
		t.Fatalf("Len() = %d, want a full IEEE registry", n)
	}
	var nilReg *Registry
	if nilReg.Len() != 0 {
		t.Fatal("nil Registry Len != 0")
	}
	if _, _, ok := nilReg.Lookup(mustMAC(t, "00:00:0c:00:00:01")); ok {
		t.Fatal("nil Registry Lookup ok")
	}
}

func TestOpenReturnsIndependentRegistries(t *testing.T) {
	a, b := open(t), open(t)
	if a == b {
		t.Fatal("Open returned the same *Registry twice")
	}
	if a.Len() != b.Len() {
		t.Fatalf("Len differs: %d vs %d", a.Len(), b.Len())
	}
}

func embeddedRaw(t testing.TB) []byte {
	t.Helper()
	zr, err := gzip.NewReader(strings.NewReader(embedded))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// TestEmbeddedUpToDate regenerates the table from the installed ieee-data
// CSVs and compares it with the embedded one. Fix a failure with
// `go generate ./fingerprints/oui`.
func TestEmbeddedUpToDate(t *testing.T) {
	if _, err := os.Stat(ieeeDir); err != nil {
		t.Skipf("%s not installed (apt-get install ieee-data): %v", ieeeDir, err)
	}
	entries, err := build.ParseDir(ieeeDir)
	if err != nil {
		t.Fatal(err)
	}
	want, err := build.Encode(entries)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(embeddedRaw(t), want) {
		t.Fatalf("registry.gz is stale relative to %s: run go generate ./fingerprints/oui", ieeeDir)
	}
	// Every assignment is found with its owner, or a longer block wins.
	r := open(t)
	if r.Len() != len(entries) {
		t.Fatalf("Len() = %d, CSVs hold %d distinct assignments", r.Len(), len(entries))
	}
	for _, e := range entries {
		v := e.Prefix << (48 - e.Bits)
		mac := net.HardwareAddr{byte(v >> 40), byte(v >> 32), byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}
		org, bits, ok := r.Lookup(mac)
		if !ok || bits < e.Bits || (bits == e.Bits && org != e.Org) {
			t.Fatalf("Lookup(%s) = %q, %d, %v; want %q/%d or a longer block", mac, org, bits, ok, e.Org, e.Bits)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	entries := build.Merge([]build.Entry{
		{Prefix: 0x0a0b0c, Bits: 24, Org: "Parent RA"},
		{Prefix: 0x0a0b0c1, Bits: 28, Org: "Medium"},
		{Prefix: 0x0a0b0c2ff, Bits: 36, Org: "Small"},
		{Prefix: 0x0a0b0c2fe, Bits: 36, Org: "Medium"},
		{Prefix: 0x000001, Bits: 24, Org: "B"},
		{Prefix: 0x000001, Bits: 24, Org: "A"},
		{Prefix: 0x000001, Bits: 24, Org: "A"},
	})
	raw, err := build.Encode(entries)
	if err != nil {
		t.Fatal(err)
	}
	r, err := decode(raw)
	if err != nil {
		t.Fatal(err)
	}
	if r.Len() != 5 {
		t.Fatalf("Len = %d, want 5", r.Len())
	}
	for _, tt := range []struct {
		mac, org string
		bits     int
	}{
		{"0a:0b:0c:2f:f0:00", "Small", 36},
		{"0a:0b:0c:2f:ef:ff", "Medium", 36},
		{"0a:0b:0c:1f:ff:ff", "Medium", 28},
		{"0a:0b:0c:20:00:00", "Parent RA", 24},
		{"00:00:01:00:00:00", "A / B", 24},
	} {
		org, bits, ok := r.Lookup(mustMAC(t, tt.mac))
		if !ok || org != tt.org || bits != tt.bits {
			t.Errorf("Lookup(%s) = %q, %d, %v; want %q, %d", tt.mac, org, bits, ok, tt.org, tt.bits)
		}
	}
}

func TestDecodeCorrupt(t *testing.T) {
	good, err := build.Encode(build.Merge([]build.Entry{
		{Prefix: 0x00000c, Bits: 24, Org: "Cisco"},
		{Prefix: 0x70b3d5f2f, Bits: 36, Org: "TELEPLATFORMS"},
	}))
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string][]byte{
		"empty":           nil,
		"bad magic":       append([]byte("XXOUI\x01"), good[6:]...),
		"truncated":       good[:len(good)-1],
		"trailing bytes":  append(append([]byte{}, good...), 0),
		"huge name count": append([]byte(magic), 0xff, 0xff, 0xff, 0xff, 0x0f),
	}
	for i := len(magic); i < len(good); i++ {
		tests[fmt.Sprintf("truncated at %d", i)] = good[:i]
	}
	for name, b := range tests {
		t.Run(name, func(t *testing.T) {
			if _, err := decode(b); !errors.Is(err, ErrCorrupt) {
				t.Fatalf("decode = %v, want ErrCorrupt", err)
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	good, err := build.Encode(build.Merge([]build.Entry{
		{Prefix: 0x00000c, Bits: 24, Org: "Cisco"},
		{Prefix: 0x741ae05, Bits: 28, Org: "Fujian"},
		{Prefix: 0x70b3d5f2f, Bits: 36, Org: "TELEPLATFORMS"},
		{Prefix: 0x70b3d5, Bits: 24, Org: "IEEE Registration Authority"},
	}))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add([]byte(magic))
	f.Add(embeddedRaw(f)[:4096])
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := decode(b)
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("decode error %v is not ErrCorrupt", err)
			}
			return
		}
		for _, mac := range []net.HardwareAddr{
			{0, 0, 0x0c, 1, 2, 3}, {0x70, 0xb3, 0xd5, 0xf2, 0xf0, 0}, {0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, {0, 0, 0},
		} {
			if org, bits, ok := r.Lookup(mac); ok && (org == "" || bits < 1 || bits > 48) {
				t.Fatalf("Lookup(%s) = %q, %d, true", mac, org, bits)
			}
		}
	})
}

func FuzzLookup(f *testing.F) {
	r := open(f)
	for _, s := range []string{"", "00", "00:00:0c", "70:b3:d5:f2:f1:23", "00:00:0c:ff:fe:07:ac:01", "52:54:00:12:34:56"} {
		f.Add([]byte(mustMAC(f, s)))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		mac := net.HardwareAddr(b)
		org, bits, ok := r.Lookup(mac)
		if ok != (org != "") {
			t.Fatalf("Lookup(%x) = %q, %d, %v", b, org, bits, ok)
		}
		if ok && bits != 24 && bits != 28 && bits != 36 {
			t.Fatalf("Lookup(%x) bits = %d", b, bits)
		}
		label := Label(r, mac)
		switch {
		case len(b) < 3 || len(b) == 7 || len(b) > 8:
			if ok || label != "" {
				t.Fatalf("length %d: Lookup ok %v, Label %q", len(b), ok, label)
			}
		case b[0]&0x02 != 0:
			if label != LocallyAdministered {
				t.Fatalf("Label(%x) = %q, want %q", b, label, LocallyAdministered)
			}
		default:
			if label != org {
				t.Fatalf("Label(%x) = %q, Lookup org %q", b, label, org)
			}
		}
	})
}

func BenchmarkOpen(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Open(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	r := open(b)
	macs := []net.HardwareAddr{
		{0x00, 0x00, 0x0c, 0x07, 0xac, 0x01}, // MA-L
		{0x70, 0xb3, 0xd5, 0xf2, 0xf1, 0x23}, // MA-S
		{0x74, 0x1a, 0xe0, 0x51, 0x22, 0x33}, // MA-M
		{0x03, 0xff, 0xff, 0xff, 0xff, 0xff}, // miss
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		r.Lookup(macs[i&3])
		i++
	}
}
