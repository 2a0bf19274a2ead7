package fingerprints

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
)

// MaxCustomProfileFiles bounds the files read from a custom profiles
// directory.
const MaxCustomProfileFiles = 1000

// NewWithProfiles loads the embedded profiles, then the custom profiles of
// dir (fingerprints.profiles_dir): every *.yaml and *.yml file directly in
// it, in name order, decoded as strictly as the built-in ones. A custom
// profile whose id is a built-in one's replaces it; the others are added.
// Errors name the file, the line and the key. An empty dir loads the
// built-in profiles alone.
func NewWithProfiles(dir string) (*Engine, error) {
	if dir == "" {
		return New()
	}
	builtin, err := builtinProfiles()
	if err != nil {
		return nil, err
	}
	custom, err := loadCustomProfiles(os.DirFS(dir), dir)
	if err != nil {
		return nil, fmt.Errorf("custom device profiles: %w", err)
	}
	return newEngineFrom(mergeProfiles(builtin, custom))
}

// loadCustomProfiles reads the profile files of a user's directory; file
// names in errors and evidence are dir joined with the file's name.
func loadCustomProfiles(fsys fs.FS, dir string) ([]*profile, error) {
	ents, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", dir, err)
	}
	var names []string
	for _, e := range ents {
		ext := filepath.Ext(e.Name())
		if e.IsDir() || (ext != ".yaml" && ext != ".yml") {
			continue
		}
		names = append(names, e.Name())
	}
	if len(names) > MaxCustomProfileFiles {
		return nil, fmt.Errorf("%s: %d profile files, at most %d", dir, len(names), MaxCustomProfileFiles)
	}
	sort.Strings(names)
	var all []*profile
	seen := map[string]*profile{}
	for _, n := range names {
		path := filepath.Join(dir, n)
		f, err := fsys.Open(n)
		if err != nil {
			return nil, fmt.Errorf("read profile file %s: %w", path, err)
		}
		ps, err := decodeProfiles(path, f)
		f.Close()
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			if q, dup := seen[p.id]; dup {
				return nil, fmt.Errorf("profile file %s line %d: profiles: id %s is already defined in %s line %d", path, p.line, p.id, q.file, q.line)
			}
			seen[p.id] = p
			all = append(all, p)
		}
	}
	if len(all) == 0 {
		return nil, fmt.Errorf("%s: no profile files (*.yaml, *.yml)", dir)
	}
	return all, nil
}

// mergeProfiles puts custom after builtin; a custom profile with a
// built-in id takes that profile's place.
func mergeProfiles(builtin, custom []*profile) []*profile {
	out := slices.Clone(builtin)
	pos := make(map[string]int, len(out))
	for i, p := range out {
		pos[p.id] = i
	}
	for _, p := range custom {
		if i, ok := pos[p.id]; ok {
			out[i] = p
			continue
		}
		out = append(out, p)
	}
	return out
}

var errNoProfiles = errors.New("no device profiles found")
