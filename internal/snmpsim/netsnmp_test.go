package snmpsim

import (
	"context"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/netcensus/netcensus/internal/snmprec"
)

// netSNMP runs one of Debian's net-snmp tools (package "snmp") with no MIBs
// and no user configuration, returning its stdout.
func netSNMP(t *testing.T, tool string, args ...string) (string, error) {
	t.Helper()
	path, err := exec.LookPath(tool)
	if err != nil {
		if os.Getenv("NETCENSUS_LAB") == "1" {
			t.Fatalf("%s not installed (apt-get install snmp): %v", tool, err)
		}
		t.Skipf("%s not installed (apt-get install snmp)", tool)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, args...)
	dir := t.TempDir()
	cmd.Env = append(os.Environ(), "MIBS=", "MIBDIRS=", "SNMPCONFPATH="+dir, "SNMP_PERSISTENT_DIR="+dir, "HOME="+dir)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return string(out), &toolError{err: err, stderr: stderr.String()}
	}
	return string(out), nil
}

type toolError struct {
	err    error
	stderr string
}

func (e *toolError) Error() string { return e.err.Error() + ": " + strings.TrimSpace(e.stderr) }

var oidLine = regexp.MustCompile(`^(\.[0-9.]+) = `)

// outputOIDs extracts the OIDs of snmpwalk-style output (-On), leaving
// out the endOfMibView line net-snmp prints when a walk runs off the end.
func outputOIDs(out string) []string {
	var oids []string
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "= No more variables left in this MIB View") {
			continue
		}
		if m := oidLine.FindStringSubmatch(line); m != nil {
			oids = append(oids, strings.TrimPrefix(m[1], "."))
		}
	}
	return oids
}

func TestNetSNMPBulkWalk(t *testing.T) {
	w := walkFile(t, "UPS/apc-7902b.snmprec.bz2")
	r := serve(t, Options{Walks: map[string]*snmprec.Walk{"apc": w}})
	target := "127.0.0.1:" + strconv.Itoa(r.addr.Port)
	for _, tool := range []struct {
		name string
		args []string
	}{
		{"snmpbulkwalk", []string{"-v2c", "-c", "apc", "-On", "-Cr20", "-r", "1", "-t", "3", target, ".1.3"}},
		{"snmpwalk", []string{"-v1", "-c", "apc", "-On", "-r", "1", "-t", "3", target, ".1.3"}},
	} {
		t.Run(tool.name, func(t *testing.T) {
			out, err := netSNMP(t, tool.name, tool.args...)
			if err != nil {
				t.Fatal(err)
			}
			got := outputOIDs(out)
			want := w.Records()
			if tool.name == "snmpwalk" {
				want = withoutCounter64(want)
			}
			if len(got) != len(want) {
				for i := range min(len(got), len(want)) {
					if got[i] != want[i].OID {
						t.Logf("first difference at %d: %s vs %s", i, got[i], want[i].OID)
						break
					}
				}
				t.Logf("last lines: %q", got[max(0, len(got)-3):])
				t.Fatalf("%s printed %d OIDs, walk has %d", tool.name, len(got), len(want))
			}
			for i := range got {
				if got[i] != want[i].OID {
					t.Fatalf("OID %d: %s, want %s", i, got[i], want[i].OID)
				}
			}
			if !strings.Contains(out, ".1.3.6.1.2.1.1.5.0 = STRING: \"pwr-dc01-pdu-rack01-01\"") &&
				!strings.Contains(out, ".1.3.6.1.2.1.1.5.0 = STRING: pwr-dc01-pdu-rack01-01") {
				t.Errorf("sysName missing from output")
			}
		})
	}
}

func TestNetSNMPv3(t *testing.T) {
	users := []User{
		{Name: "plain"},
		{Name: "md5des", Auth: AuthMD5, AuthPass: "md5-auth-pass", Priv: PrivDES, PrivPass: "des-priv-pass"},
		{Name: "shaaes", Auth: AuthSHA, AuthPass: "sha-auth-pass", Priv: PrivAES, PrivPass: "aes-priv-pass"},
		{Name: "sha224", Auth: AuthSHA224, AuthPass: "sha224-auth-pass"},
		{Name: "sha256aes192", Auth: AuthSHA256, AuthPass: "sha256-auth-pass", Priv: PrivAES192, PrivPass: "aes192-priv-pass"},
		{Name: "sha384aes256", Auth: AuthSHA384, AuthPass: "sha384-auth-pass", Priv: PrivAES256, PrivPass: "aes256-priv-pass"},
		{Name: "sha512aes256", Auth: AuthSHA512, AuthPass: "sha512-auth-pass", Priv: PrivAES256, PrivPass: "aes256-priv-pass"},
		// Short hashes need the AES key extended: net-snmp's AES-192 and
		// AES-256 use the Blumenthal extension.
		{Name: "md5aes256", Auth: AuthMD5, AuthPass: "md5-auth-pass", Priv: PrivAES256, PrivPass: "aes256-priv-pass"},
		{Name: "shaaes192", Auth: AuthSHA, AuthPass: "sha-auth-pass", Priv: PrivAES192, PrivPass: "aes192-priv-pass"},
		// and AES-192-C / AES-256-C the Reeder ("Cisco") one.
		{Name: "md5aes256c", Auth: AuthMD5, AuthPass: "md5-auth-pass", Priv: PrivAES256C, PrivPass: "aes256-priv-pass"},
		{Name: "shaaes192c", Auth: AuthSHA, AuthPass: "sha-auth-pass", Priv: PrivAES192C, PrivPass: "aes192-priv-pass"},
	}
	tiny := smallWalk(t, tinyWalk)
	r := serve(t, Options{Walks: map[string]*snmprec.Walk{"tiny": tiny, "other": smallWalk(t, "1.3.6.1.2.1.1.1.0|4|other device\n")}, Users: users})
	target := "127.0.0.1:" + strconv.Itoa(r.addr.Port)
	for _, u := range users {
		t.Run(u.Name, func(t *testing.T) {
			args := []string{"-v3", "-u", u.Name, "-On", "-r", "1", "-t", "3", "-n", "tiny"}
			switch {
			case u.Priv != PrivNone:
				args = append(args, "-l", "authPriv", "-a", u.Auth.String(), "-A", u.AuthPass, "-x", u.Priv.String(), "-X", u.PrivPass)
			case u.Auth != AuthNone:
				args = append(args, "-l", "authNoPriv", "-a", u.Auth.String(), "-A", u.AuthPass)
			default:
				args = append(args, "-l", "noAuthNoPriv")
			}
			out, err := netSNMP(t, "snmpbulkwalk", append(args, target, ".1.3.6.1.2.1")...)
			if err != nil {
				t.Fatal(err)
			}
			got := outputOIDs(out)
			want := tiny.Subtree("1.3.6.1.2.1")
			if len(got) != len(want) {
				t.Fatalf("printed %d OIDs, want %d:\n%s", len(got), len(want), out)
			}
			if !strings.Contains(out, `.1.3.6.1.2.1.1.1.0 = STRING: "tiny device"`) {
				t.Errorf("sysDescr missing:\n%s", out)
			}
		})
	}
	t.Run("wrong passphrase", func(t *testing.T) {
		_, err := netSNMP(t, "snmpget", "-v3", "-u", "shaaes", "-l", "authPriv", "-a", "SHA", "-A", "not-the-pass", "-x", "AES", "-X", "aes-priv-pass", "-r", "0", "-t", "2", target, ".1.3.6.1.2.1.1.1.0")
		if err == nil || !strings.Contains(err.Error(), "Authentication failure") {
			t.Errorf("snmpget with a wrong passphrase: %v", err)
		}
	})
}
