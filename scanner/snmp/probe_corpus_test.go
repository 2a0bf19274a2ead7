package snmp_test

import (
	"context"
	"fmt"
	"io/fs"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gosnmp/gosnmp"

	"github.com/netcensus/netcensus/fingerprints"
	"github.com/netcensus/netcensus/internal/snmprec"
	"github.com/netcensus/netcensus/internal/snmpsim"
	"github.com/netcensus/netcensus/internal/testenv"
	"github.com/netcensus/netcensus/scanner/snmp"
)

// TestCorpusProbeReadsWhatRulesUse: every recorded walk of the corpus,
// served by the simulator and collected as a probe collects a device,
// identifies as the whole walk does. The collector reads only the
// default plan and the OIDs of the profiles a device's system group can
// match; a rule (a profile's or a generic fallback's) that reads an
// object outside them would count in `fingerprints coverage`, which reads
// whole walks, and never on a real device.
func TestCorpusProbeReadsWhatRulesUse(t *testing.T) {
	dir := testenv.Corpus(t, "snmpsim-data")
	// Preloaded: a walk parsed on first use can take longer than a request
	// timeout on a busy machine.
	probeMatchesWholeWalks(t, dir, 100, startSim(t, snmpsim.Options{DataDir: dir, Preload: true}))
}

// probeMatchesWholeWalks probes every walk under dir (at least least of
// them, or the folder is not the one meant) at addr, an agent serving dir
// with each walk's path as its community, and compares each probed field
// with the whole walk's.
func probeMatchesWholeWalks(t *testing.T, dir string, least int, addr netip.AddrPort) {
	eng, err := fingerprints.New()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if n, ok := strings.CutSuffix(filepath.ToSlash(rel), ".snmprec.bz2"); ok {
			names = append(names, n)
		} else if n, ok := strings.CutSuffix(filepath.ToSlash(rel), ".snmprec"); ok {
			names = append(names, n)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(names) < least {
		t.Fatalf("%d walks in %s", len(names), dir)
	}
	type miss struct{ walk, field, whole, probed string }
	var (
		mu     sync.Mutex
		misses []miss
	)
	jobs := make(chan string)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for name := range jobs {
				// What the engine makes of the whole walk.
				whole := eng.Identify(fingerprints.InputFromWalk(walkAt(t, dir, name), eng.VendorOIDs()))
				c := snmp.NewCollector(snmp.CollectOptions{
					Engine: eng, Credentials: []snmp.Credential{comm(name, gosnmp.Version2c)},
					Timeout: 2 * time.Second, TargetTimeout: time.Minute, Dial: snmp.GoSNMPDialer(2*time.Second, 1),
				})
				r := c.Collect(context.Background(), snmp.Target{Addr: addr, Credential: -1})
				if !r.Answered {
					mu.Lock()
					misses = append(misses, miss{name, "answer", "", fmt.Sprint(r.Err)})
					mu.Unlock()
					continue
				}
				for _, f := range []struct{ field, whole, probed string }{
					{"vendor", whole.Vendor, r.Asset.Vendor}, {"model", whole.Model, r.Asset.Model},
					{"serial", whole.Serial, r.Asset.Serial}, {"os", whole.OS, r.Asset.OS},
					{"os_version", whole.OSVersion, r.Asset.OSVersion}, {"device_type", whole.DeviceType, r.Asset.DeviceType},
				} {
					if f.whole != f.probed {
						mu.Lock()
						misses = append(misses, miss{name, f.field, f.whole, f.probed})
						mu.Unlock()
					}
				}
			}
		}()
	}
	for _, n := range names {
		jobs <- n
	}
	close(jobs)
	wg.Wait()
	slices.SortFunc(misses, func(a, b miss) int { return strings.Compare(a.walk+a.field, b.walk+b.field) })
	for _, m := range misses {
		t.Errorf("%s: %s is %q from the whole walk, %q as probed", m.walk, m.field, m.whole, m.probed)
	}
	t.Logf("%d walks probed, %d fields differ", len(names), len(misses))
}

func walkAt(t *testing.T, dir, name string) *snmprec.Walk {
	p := filepath.Join(dir, filepath.FromSlash(name)) + ".snmprec"
	if _, err := os.Stat(p); err != nil {
		p += ".bz2"
	}
	w, _, err := snmprec.ParseFile(p)
	if err != nil {
		t.Errorf("walk %s: %v", name, err)
	}
	return w
}
