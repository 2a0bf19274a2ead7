package labtest

import (
	"bytes"
	"fmt"
	"net"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestParseHosts(t *testing.T) {
	mac := func(s string) net.HardwareAddr {
		m, err := net.ParseMAC(s)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	tests := []struct {
		name    string
		in      string
		want    []Host
		wantErr string
	}{
		{name: "empty", in: "", want: nil},
		{name: "lab.sh output", in: "# ns\tip\tmac\nt1a2b-h1\t198.51.100.11\t00:1b:54:00:00:01\nt1a2b-h2\t198.51.100.12\t00:05:85:00:00:02\n",
			want: []Host{
				{NS: "t1a2b-h1", IP: netip.MustParseAddr("198.51.100.11"), MAC: mac("00:1b:54:00:00:01")},
				{NS: "t1a2b-h2", IP: netip.MustParseAddr("198.51.100.12"), MAC: mac("00:05:85:00:00:02")},
			}},
		{name: "blank lines", in: "\nnc-h1\t198.51.100.11\t00:1b:54:00:00:01\n\n",
			want: []Host{{NS: "nc-h1", IP: netip.MustParseAddr("198.51.100.11"), MAC: mac("00:1b:54:00:00:01")}}},
		{name: "two fields", in: "nc-h1\t198.51.100.11\n", wantErr: "line 1: 2 fields"},
		{name: "spaces not tabs", in: "nc-h1 198.51.100.11 00:1b:54:00:00:01\n", wantErr: "1 fields"},
		{name: "bad ip", in: "nc-h1\t198.51.100.300\t00:1b:54:00:00:01\n", wantErr: "line 1"},
		{name: "bad mac", in: "#\nnc-h1\t198.51.100.11\t00:1b:54:00:00\n", wantErr: "line 2"},
		{name: "eui-64", in: "nc-h1\t198.51.100.11\t00:1b:54:00:00:00:00:01\n", wantErr: "not EUI-48"},
		{name: "empty ns", in: "\t198.51.100.11\t00:1b:54:00:00:01\n", wantErr: "empty namespace"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseHosts(strings.NewReader(tt.in))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// FuzzParseHosts: never panics, and what it accepts renders back to lines
// it reads the same way.
func FuzzParseHosts(f *testing.F) {
	f.Add("# ns\tip\tmac\nnc-h1\t198.51.100.11\t00:1b:54:00:00:01\n")
	f.Add("nc-h1\t::1\t00-1B-54-00-00-01\n")
	f.Add("a\tb\tc\n\n#")
	f.Fuzz(func(t *testing.T, in string) {
		hs, err := parseHosts(strings.NewReader(in))
		if err != nil {
			return
		}
		var b strings.Builder
		for _, h := range hs {
			fmt.Fprintf(&b, "%s\t%s\t%s\n", h.NS, h.IP, h.MAC)
		}
		again, err := parseHosts(strings.NewReader(b.String()))
		if err != nil {
			t.Fatalf("re-reading %q: %v", b.String(), err)
		}
		if !reflect.DeepEqual(hs, again) {
			t.Fatalf("round trip: %+v became %+v", hs, again)
		}
	})
}

func TestRolesSpec(t *testing.T) {
	tests := []struct {
		name    string
		roles   []Role
		want    string
		wantErr string
	}{
		{name: "none", want: ""},
		{name: "two", roles: []Role{{Host: 1, Name: "snmpd"}, {Host: 3, Name: "snmpsim", Arg: "/x/y.snmprec"}}, want: "h1=snmpd,h3=snmpsim:/x/y.snmprec"},
		{name: "host 0", roles: []Role{{Host: 0, Name: "snmpd"}}, wantErr: "hosts are 1..4"},
		{name: "host too high", roles: []Role{{Host: 5, Name: "snmpd"}}, wantErr: "hosts are 1..4"},
		{name: "bad name", roles: []Role{{Host: 1, Name: "snmp d"}}, wantErr: "want a name"},
		{name: "comma in arg", roles: []Role{{Host: 1, Name: "snmpsim", Arg: "a,b"}}, wantErr: "comma"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := rolesSpec(tt.roles, 4)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("got %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestBinDir(t *testing.T) {
	for in, want := range map[string]string{
		"./cmd/netcensus":                   "cmd_netcensus",
		"cmd/netcensus":                     "cmd_netcensus",
		"./internal/labtest/testdata/hello": "internal_labtest_testdata_hello",
	} {
		if got := binDir(in); got != want {
			t.Errorf("binDir(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestModuleRoot(t *testing.T) {
	root, err := ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(mod, []byte("module github.com/netcensus/netcensus\n")) {
		t.Errorf("%s/go.mod is not netcensus's:\n%.200s", root, mod)
	}
	if _, err := os.Stat(filepath.Join(root, "testdata", "lab", "lab.sh")); err != nil {
		t.Errorf("lab script not under the module root: %v", err)
	}
}

func TestBuildBinary(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go toolchain on PATH")
	}
	bin := BuildBinary(t, "./internal/labtest/testdata/hello")
	if filepath.Base(bin) != "hello" {
		t.Errorf("binary %s: want it named hello", bin)
	}
	fi, err := os.Stat(bin)
	if err != nil {
		t.Fatal(err)
	}
	// Built once: a second call returns the same, untouched file.
	if again := BuildBinary(t, "./internal/labtest/testdata/hello"); again != bin {
		t.Errorf("second build at %s, first at %s", again, bin)
	}
	fi2, err := os.Stat(bin)
	if err != nil {
		t.Fatal(err)
	}
	if !fi2.ModTime().Equal(fi.ModTime()) {
		t.Errorf("binary rebuilt: mtime %v then %v", fi.ModTime(), fi2.ModTime())
	}
	out, err := exec.Command(bin).Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(out), "hello from ") {
		t.Errorf("binary printed %q", out)
	}
}

func TestBuildBinaryFails(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go toolchain on PATH")
	}
	ft := &fakeTB{TB: t}
	func() {
		defer func() { recover() }() // fakeTB.Fatalf stops the helper as t.Fatal would
		BuildBinary(ft, "./internal/labtest/testdata/no-such-package")
	}()
	if !strings.Contains(ft.fatal, "go build ./internal/labtest/testdata/no-such-package") {
		t.Errorf("fatal message %q", ft.fatal)
	}
}

// fakeTB records Skipf and Fatalf instead of stopping the test.
type fakeTB struct {
	testing.TB
	skip, fatal string
}

type stopped struct{}

func (f *fakeTB) Helper() {}
func (f *fakeTB) Skipf(format string, args ...any) {
	f.skip = fmt.Sprintf(format, args...)
	panic(stopped{})
}
func (f *fakeTB) Fatalf(format string, args ...any) {
	f.fatal = fmt.Sprintf(format, args...)
	panic(stopped{})
}
func (f *fakeTB) Fatal(args ...any) {
	f.fatal = fmt.Sprint(args...)
	panic(stopped{})
}

func TestSkipOrFail(t *testing.T) {
	for _, env := range []string{"", "0", "1"} {
		t.Run("NETCENSUS_LAB="+env, func(t *testing.T) {
			t.Setenv(EnvRequire, env)
			ft := &fakeTB{TB: t}
			func() {
				defer func() {
					if r := recover(); r != nil {
						if _, ok := r.(stopped); !ok {
							panic(r)
						}
					}
				}()
				SkipOrFail(ft, "no %s here", "snmpd")
			}()
			if env == "1" {
				if ft.skip != "" || !strings.Contains(ft.fatal, "no snmpd here") {
					t.Errorf("skip %q fatal %q: want a failure", ft.skip, ft.fatal)
				}
			} else if ft.fatal != "" || !strings.Contains(ft.skip, "no snmpd here") {
				t.Errorf("skip %q fatal %q: want a skip", ft.skip, ft.fatal)
			}
		})
	}
}
