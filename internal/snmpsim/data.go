package snmpsim

import (
	"fmt"
	"io/fs"
	"log/slog"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/netcensus/netcensus/internal/snmprec"
)

// device is one simulated agent: a community (v1/v2c) or context (v3)
// name and its walk, loaded on first use when it comes from a file.
type device struct {
	name string
	path string // "" for walks given in memory

	once sync.Once
	walk *snmprec.Walk
	err  error
}

func (d *device) load(log *slog.Logger) (*snmprec.Walk, error) {
	d.once.Do(func() {
		if d.walk != nil {
			return
		}
		w, lerrs, err := snmprec.ParseFile(d.path)
		if err != nil {
			d.err = fmt.Errorf("load device %q: %w", d.name, err)
			log.Error("snmpsim: cannot load walk", "device", d.name, "path", d.path, "err", err)
			return
		}
		if len(lerrs) > 0 {
			log.Warn("snmpsim: skipped dirty snmprec lines", "device", d.name, "lines", len(lerrs), "first", lerrs[0].Error())
		}
		d.walk = w
		log.Debug("snmpsim: loaded walk", "device", d.name, "records", w.Len())
	})
	return d.walk, d.err
}

// IndexDir finds the .snmprec and .snmprec.bz2 files under dir, recursively,
// and names each as snmpsim does: its path relative to dir, with '/'
// separators and without the extension ("network/switch/cisco-c3560"). When
// both a plain and a compressed file give the same name, the plain one wins.
// It returns name → path.
func IndexDir(dir string) (map[string]string, error) {
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		var base string
		switch {
		case strings.HasSuffix(p, ".snmprec"):
			base = strings.TrimSuffix(p, ".snmprec")
		case strings.HasSuffix(p, ".snmprec.bz2"):
			base = strings.TrimSuffix(p, ".snmprec.bz2")
		default:
			return nil
		}
		rel, err := filepath.Rel(dir, base)
		if err != nil {
			return err
		}
		name := filepath.ToSlash(rel)
		if prev, ok := out[name]; ok && strings.HasSuffix(prev, ".snmprec") {
			return nil
		}
		out[name] = p
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("index snmprec dir %s: %w", dir, err)
	}
	return out, nil
}

// Communities lists the names the agent answers to, sorted.
func (a *Agent) Communities() []string {
	names := make([]string, 0, len(a.devices))
	for n := range a.devices {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}
