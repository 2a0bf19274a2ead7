package pen

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/bzip2"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/netcensus/netcensus/fingerprints/pen/internal/build"
	"github.com/netcensus/netcensus/internal/testenv"
)

// enterprisesTSV is where Debian's libwireshark-data installs the registry.
const enterprisesTSV = "/usr/share/wireshark/enterprises.tsv"

// walksDir holds recorded walks from snmpsim-data (testdata/README.md).
const walksDir = "../../testdata/snmpsim-data"

func TestMain(m *testing.M) { testenv.Main(m) }

func open(t testing.TB) *Registry {
	t.Helper()
	r, err := Open()
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return r
}

func TestLookup(t *testing.T) {
	r := open(t)
	tests := []struct {
		n      uint32
		want   string
		wantOK bool
	}{
		{0, "Reserved", true},
		{2, "IBM (https://w3.ibm.com/standards )", true},
		{9, "ciscoSystems", true},
		{11, "Hewlett-Packard", true},
		{311, "Microsoft", true},
		{318, "American Power Conversion Corp.", true},
		{674, "Dell Inc.", true},
		{2011, "HUAWEI Technology Co.,Ltd", true},
		{2636, "Juniper Networks, Inc.", true},
		{8072, "net-snmp", true},
		{14988, "MikroTik", true},
		{30065, "Arista Networks, Inc.", true},
		// "\t# formerly ..." comments are dropped, a '#' inside a name kept.
		{78, "LogMatrix Inc", true},
		{8606, "Vancouver School District # 37", true},
		{9230, "#B4mad Research Lab Organization", true},
		// IANA's numeric character reference decoded.
		{25457, "Schweizerische Bibliothek für Blinde und Sehbehinderte", true},
		// Gaps and numbers beyond the registry.
		{696, "", false},
		{1 << 31, "", false},
		{1<<32 - 1, "", false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.n), func(t *testing.T) {
			got, ok := r.Lookup(tt.n)
			if got != tt.want || ok != tt.wantOK {
				t.Fatalf("Lookup(%d) = %q, %v; want %q, %v", tt.n, got, ok, tt.want, tt.wantOK)
			}
		})
	}
	var nilReg *Registry
	if _, ok := nilReg.Lookup(9); ok || nilReg.Len() != 0 {
		t.Fatal("nil Registry finds something")
	}
}

func TestLen(t *testing.T) {
	r := open(t)
	// The 2024-08 registry holds 62240 numbers up to 62331.
	if n := r.Len(); n < 60000 || n > 1000000 {
		t.Fatalf("Len() = %d, want a full registry", n)
	}
	last, ok := r.Lookup(r.nums[len(r.nums)-1])
	if !ok || last == "" {
		t.Fatal("highest number has no name")
	}
}

func TestFromSysObjectID(t *testing.T) {
	tests := []struct {
		oid    string
		want   uint32
		wantOK bool
	}{
		{"1.3.6.1.4.1.9.1.1208", 9, true},
		{".1.3.6.1.4.1.9.1.1208", 9, true},
		{"1.3.6.1.4.1.2636.1.1.1.2.29", 2636, true},
		{"1.3.6.1.4.1.8072.3.2.10", 8072, true},
		{"1.3.6.1.4.1.311.1.1.3.1.2", 311, true},
		{"1.3.6.1.4.1.11.2.3.7.11.160", 11, true},
		{"1.3.6.1.4.1.35047", 35047, true}, // the enterprise arc alone
		{"1.3.6.1.4.1.0", 0, true},
		{"1.3.6.1.4.1.4294967295.1", 1<<32 - 1, true},
		{"1.3.6.1.4.1.4294967296.1", 0, false}, // beyond 32 bits
		{"1.3.6.1.4.19849", 0, false},          // real malformed walk value
		{"1.3.6.1.4.1", 0, false},
		{"1.3.6.1.4.1.", 0, false},
		{"1.3.6.1.4.1.9.", 0, false},
		{"1.3.6.1.4.1.9..1", 0, false},
		{"1.3.6.1.4.1.09.1", 0, false},
		{"1.3.6.1.4.1.9.01", 0, false},
		{"1.3.6.1.4.1.-9", 0, false},
		{"1.3.6.1.4.1.+9", 0, false},
		{"1.3.6.1.4.1.9a", 0, false},
		{"1.3.6.1.4.1.9.1.x", 0, false},
		{"1.3.6.1.4.1.9 ", 0, false},
		{"..1.3.6.1.4.1.9", 0, false},
		{"1.3.6.1.2.1.1.2.0", 0, false},
		{"1.3.6.1.4.10.9", 0, false},
		{"iso.3.6.1.4.1.9", 0, false},
		{"SNMPv2-SMI::enterprises.9.1.1208", 0, false},
		{"", 0, false},
		{".", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.oid, func(t *testing.T) {
			got, ok := FromSysObjectID(tt.oid)
			if got != tt.want || ok != tt.wantOK {
				t.Fatalf("FromSysObjectID(%q) = %d, %v; want %d, %v", tt.oid, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

// TestSysObjectIDs reads the sysObjectID of every walk of testdata and
// checks that its enterprise is registered.
func TestSysObjectIDs(t *testing.T) {
	named := sysObjectIDs(t, walksDir, 5)
	if got, want := named["apc-7902b.snmprec.bz2"], "American Power Conversion Corp."; got != want {
		t.Errorf("apc-7902b: %q, want %q", got, want)
	}
}

// TestCorpusSysObjectIDs does so for every walk of the corpus.
func TestCorpusSysObjectIDs(t *testing.T) {
	// 107 of the 113 walks carry a sysObjectID.
	named := sysObjectIDs(t, testenv.Corpus(t, "snmpsim-data"), 100)
	if got, want := named["apc-8932.snmprec"], "American Power Conversion Corp."; got != want {
		t.Errorf("apc-8932: %q, want %q", got, want)
	}
}

// sysObjectIDs checks the walks under dir, at least minSeen of which carry
// a sysObjectID, and returns the enterprise named for each file.
func sysObjectIDs(t *testing.T, dir string, minSeen int) map[string]string {
	r := open(t)
	seen, named := 0, map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.Contains(d.Name(), ".snmprec") {
			return err
		}
		oid, err := sysObjectID(path)
		if err != nil || oid == "" {
			return err
		}
		seen++
		n, ok := FromSysObjectID(oid)
		if !ok {
			if oid != "1.3.6.1.4.19849" { // the one malformed value of the corpus
				t.Errorf("%s: FromSysObjectID(%q) failed", path, oid)
			}
			return nil
		}
		name, ok := r.Lookup(n)
		if !ok {
			t.Errorf("%s: sysObjectID %s: enterprise %d not registered", path, oid, n)
		}
		named[filepath.Base(path)] = name
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen < minSeen {
		t.Fatalf("found only %d sysObjectIDs in %s, want at least %d", seen, dir, minSeen)
	}
	t.Logf("%d walks, %d enterprises named", seen, len(named))
	return named
}

// sysObjectID returns the value of 1.3.6.1.2.1.1.2.0 in an snmprec file
// (plain or .bz2), or "" when it has none.
func sysObjectID(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	var rd io.Reader = f
	if strings.HasSuffix(path, ".bz2") {
		rd = bzip2.NewReader(f)
	}
	sc := bufio.NewScanner(rd)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	const want = "1.3.6.1.2.1.1.2.0"
	for sc.Scan() {
		oid, rest, ok := strings.Cut(sc.Text(), "|")
		oid = strings.TrimPrefix(oid, ".")
		if !ok {
			continue
		}
		if c := compareOID(oid, want); c > 0 {
			return "", nil // walks are sorted: past it
		} else if c < 0 {
			continue
		}
		typ, val, _ := strings.Cut(rest, "|")
		if typ != "6" {
			return "", nil
		}
		return val, nil
	}
	if err := sc.Err(); err != nil {
		return "", fmt.Errorf("read %s: %w", path, err)
	}
	return "", nil
}

// compareOID orders dotted numeric OIDs arc by arc; a non-numeric arc
// compares as text.
func compareOID(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(as) && i < len(bs); i++ {
		x, errx := strconv.ParseUint(as[i], 10, 64)
		y, erry := strconv.ParseUint(bs[i], 10, 64)
		if errx != nil || erry != nil {
			if c := strings.Compare(as[i], bs[i]); c != 0 {
				return c
			}
			continue
		}
		if c := cmp.Compare(x, y); c != 0 {
			return c
		}
	}
	return cmp.Compare(len(as), len(bs))
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

// TestEmbeddedUpToDate regenerates the table from the installed
// enterprises.tsv and compares it with the embedded one. Fix a failure with
// `go generate ./fingerprints/pen`.
func TestEmbeddedUpToDate(t *testing.T) {
	if _, err := os.Stat(enterprisesTSV); err != nil {
		t.Skipf("%s not installed (apt-get install libwireshark-data): %v", enterprisesTSV, err)
	}
	entries, err := build.ParseFile(enterprisesTSV)
	if err != nil {
		t.Fatal(err)
	}
	want, err := build.Encode(entries)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(embeddedRaw(t), want) {
		t.Fatalf("enterprises.gz is stale relative to %s: run go generate ./fingerprints/pen", enterprisesTSV)
	}
	r := open(t)
	if r.Len() != len(entries) {
		t.Fatalf("Len() = %d, file holds %d", r.Len(), len(entries))
	}
	for _, e := range entries {
		if got, ok := r.Lookup(e.Number); !ok || got != e.Name {
			t.Fatalf("Lookup(%d) = %q, %v; want %q", e.Number, got, ok, e.Name)
		}
	}
}

func TestDecodeCorrupt(t *testing.T) {
	good, err := build.Encode([]build.Entry{{Number: 9, Name: "ciscoSystems"}, {Number: 2636, Name: "Juniper"}})
	if err != nil {
		t.Fatal(err)
	}
	if r, err := decode(good); err != nil || r.Len() != 2 {
		t.Fatalf("decode(good) = %v, %v", r, err)
	}
	tests := map[string][]byte{
		"empty":           nil,
		"bad magic":       append([]byte("XXPEN\x01"), good[6:]...),
		"trailing bytes":  append(append([]byte{}, good...), 'x'),
		"huge count":      append([]byte(magic), 0xff, 0xff, 0xff, 0xff, 0x0f),
		"empty name":      append([]byte(magic), 1, 0, '\n', '\n'),
		"number overflow": append([]byte(magic), 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 0, 'a', '\n', 'b', '\n'),
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
	good, err := build.Encode([]build.Entry{{Number: 0, Name: "Reserved"}, {Number: 9, Name: "ciscoSystems"}, {Number: 2636, Name: "Juniper"}})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add([]byte(magic))
	f.Add(embeddedRaw(f)[:2048])
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := decode(b)
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("decode error %v is not ErrCorrupt", err)
			}
			return
		}
		for i, n := range r.nums {
			if i > 0 && n <= r.nums[i-1] {
				t.Fatalf("numbers not increasing: %v", r.nums)
			}
			if name, ok := r.Lookup(n); !ok || name == "" || strings.Contains(name, "\n") {
				t.Fatalf("Lookup(%d) = %q, %v", n, name, ok)
			}
		}
	})
}

func FuzzFromSysObjectID(f *testing.F) {
	for _, s := range []string{"1.3.6.1.4.1.9.1.1208", ".1.3.6.1.4.1.2636.1", "1.3.6.1.4.1.4294967296", "1.3.6.1.4.19849", "1.3.6.1.4.1.09"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, oid string) {
		n, ok := FromSysObjectID(oid)
		if !ok {
			if n != 0 {
				t.Fatalf("FromSysObjectID(%q) = %d, false", oid, n)
			}
			return
		}
		want := EnterprisesPrefix + fmt.Sprint(n)
		s := strings.TrimPrefix(oid, ".")
		if s != want && !strings.HasPrefix(s, want+".") {
			t.Fatalf("FromSysObjectID(%q) = %d: %q does not start with %q", oid, n, s, want)
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
	nums := []uint32{9, 2636, 8072, 696}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		r.Lookup(nums[i&3])
		i++
	}
}

func BenchmarkFromSysObjectID(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		FromSysObjectID(".1.3.6.1.4.1.2636.1.1.1.2.29")
	}
}
