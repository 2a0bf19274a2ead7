package main

import (
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/netcensus/netcensus/internal/snmprec"
	"github.com/netcensus/netcensus/scanner/snmp"
)

// recordingName is a host's recording file name: its address, and its
// port when not 161 (IPv6 colons become dashes, which snmpsim's
// community, the file name, can carry).
func recordingName(t netip.AddrPort) string {
	n := strings.ReplaceAll(t.Addr().String(), ":", "-")
	if t.Port() != 161 {
		n += "_" + strconv.Itoa(int(t.Port()))
	}
	return n + ".snmprec"
}

// writeRecording writes a walk without its secrets to dir, replacing a
// file of the same name only once the new one is complete.
func writeRecording(dir string, t netip.AddrPort, w *snmprec.Walk, secrets []string) (string, int, error) {
	recs := snmp.Recording(w, secrets)
	path := filepath.Join(dir, recordingName(t))
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
