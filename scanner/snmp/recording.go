package snmp

import (
	"bytes"
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/netcensus/netcensus/internal/snmprec"
)

// secretSubtrees hold credentials or name them: SNMP-COMMUNITY-MIB
// (community strings), SNMP-USER-BASED-SM-MIB (v3 users and key changes),
// SNMP-VIEW-BASED-ACM-MIB (v1/v2c security names are often the community)
// and SNMP-TARGET-MIB (notification targets and their parameters).
var secretSubtrees = []string{
	"1.3.6.1.6.3.18",
	"1.3.6.1.6.3.15",
	"1.3.6.1.6.3.16",
	"1.3.6.1.6.3.12",
}

// Redacted replaces a secret found in a recorded value.
const Redacted = "REDACTED"

// CredentialSecrets lists the secrets of credential sets: communities
// and v3 passphrases (user names are not secret).
func CredentialSecrets(creds []Credential) []string {
	var out []string
	for _, c := range creds {
		for _, s := range []string{c.Community.Reveal(), c.AuthPass.Reveal(), c.PrivPass.Reveal()} {
			if s != "" && !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	return out
}

// Recording is a walk's records as a replayable recording: no record
// under a subtree that holds credentials, none whose OID index spells a
// secret, no exception values (an absent OID replays as absent), and every
// occurrence of a secret in a value replaced by Redacted. The walk is not
// changed.
func Recording(w *snmprec.Walk, secrets []string) []snmprec.Record {
	if w == nil {
		return nil
	}
	// An OID index spells a string as its bytes' arcs (after a length
	// arc or not). Shorter secrets would match indexes by chance; they
	// only ever sit in the subtrees dropped whole.
	var arcs []string
	for _, s := range secrets {
		if len(s) < 4 {
			continue
		}
		var sb strings.Builder
		for i := 0; i < len(s); i++ {
			sb.WriteString("." + strconv.Itoa(int(s[i])))
		}
		arcs = append(arcs, sb.String()+".")
	}
	out := make([]snmprec.Record, 0, w.Len())
next:
	for _, r := range w.Records() {
		if r.Value.Type.IsException() {
			continue
		}
		for _, p := range secretSubtrees {
			if r.OID == p || strings.HasPrefix(r.OID, p+".") {
				continue next
			}
		}
		for _, a := range arcs {
			if strings.Contains(r.OID+".", a) {
				continue next
			}
		}
		v := r.Value
		if v.Type == snmprec.TypeOctetString || v.Type == snmprec.TypeOpaque {
			b := v.Bytes
			for _, s := range secrets {
				if s != "" && bytes.Contains(b, []byte(s)) {
					b = bytes.ReplaceAll(b, []byte(s), []byte(Redacted))
				}
			}
			v.Bytes = b
		}
		out = append(out, snmprec.Record{OID: r.OID, Value: v})
	}
	return out
}

// RecordingName is a host's recording file name: its address, and its
// port when not 161 (IPv6 colons become dashes, which snmpsim's
// community, the file name, can carry).
func RecordingName(t netip.AddrPort) string {
	n := strings.ReplaceAll(t.Addr().String(), ":", "-")
	if t.Port() != 161 {
		n += "_" + strconv.Itoa(int(t.Port()))
	}
	return n + ".snmprec"
}

// WriteRecording writes the Recording of t's walk w, without secrets, to
// dir as RecordingName(t), replacing a file of that name only once the
// new one is complete (mode 0640). It returns the file and the number
// of records written.
func WriteRecording(dir string, t netip.AddrPort, w *snmprec.Walk, secrets []string) (string, int, error) {
	recs := Recording(w, secrets)
	path := filepath.Join(dir, RecordingName(t))
	tmp, err := os.CreateTemp(dir, ".record-*")
	if err != nil {
		return "", 0, err
	}
	defer os.Remove(tmp.Name())
	if err := snmprec.Format(tmp, recs); err != nil {
		tmp.Close()
		return "", 0, fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Chmod(0o640); err != nil {
		tmp.Close()
		return "", 0, err
	}
	if err := tmp.Close(); err != nil {
		return "", 0, fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return "", 0, err
	}
	return path, len(recs), nil
}
