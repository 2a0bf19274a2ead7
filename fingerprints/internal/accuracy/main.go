// Command accuracy runs the device fingerprint engine over every walk of the
// snmpsim corpus and prints, by device class (the corpus's top-level
// folder, network/* one level deeper), how often vendor, model, os_version
// and serial come out, then every file where one is missing with what the
// walk exposes, to guide rule work.
//
//	go run ./fingerprints/internal/accuracy [-corpus ../shared/corpus/snmpsim-data] [-v]
package main

import (
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/netcensus/netcensus/fingerprints"
	"github.com/netcensus/netcensus/internal/snmprec"
)

func main() {
	corpus := flag.String("corpus", "../shared/corpus/snmpsim-data", "snmpsim-data folder")
	verbose := flag.Bool("v", false, "print every file's result")
	flag.Parse()
	if err := run(os.Stdout, *corpus, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "accuracy:", err)
		os.Exit(1)
	}
}

var fields = []string{"vendor", "model", "os_version", "serial"}

type row struct {
	file  string
	class string
	res   fingerprints.Result
	in    fingerprints.Input
}

func (r row) get(f string) string {
	switch f {
	case "vendor":
		return r.res.Vendor
	case "model":
		return r.res.Model
	case "os_version":
		return r.res.OSVersion
	case "serial":
		return r.res.Serial
	}
	return ""
}

func run(w io.Writer, corpus string, verbose bool) error {
	eng, err := fingerprints.New()
	if err != nil {
		return err
	}
	oids := eng.VendorOIDs()
	var rows []row
	err = filepath.WalkDir(corpus, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !(strings.HasSuffix(path, ".snmprec") || strings.HasSuffix(path, ".snmprec.bz2")) {
			return nil
		}
		walk, _, err := snmprec.ParseFile(path)
		if err != nil {
			return fmt.Errorf("parse %s: %w", path, err)
		}
		rel, _ := filepath.Rel(corpus, path)
		in := fingerprints.InputFromWalk(walk, oids)
		rows = append(rows, row{file: rel, class: classOf(rel), res: eng.Identify(in), in: in})
		return nil
	})
	if err != nil {
		return err
	}
	byClass := map[string][]row{}
	for _, r := range rows {
		byClass[r.class] = append(byClass[r.class], r)
	}
	classes := make([]string, 0, len(byClass))
	for c := range byClass {
		classes = append(classes, c)
	}
	sort.Strings(classes)
	fmt.Fprintf(w, "%-20s %5s %9s %9s %11s %9s %12s\n", "class", "files", "vendor", "model", "os_version", "serial", "device_type")
	total := map[string]int{}
	for _, c := range classes {
		rs := byClass[c]
		fmt.Fprintf(w, "%-20s %5d", c, len(rs))
		for _, f := range append(fields, "device_type") {
			n := 0
			for _, r := range rs {
				v := r.get(f)
				if f == "device_type" {
					v = r.res.DeviceType
				}
				if v != "" {
					n++
				}
			}
			total[f] += n
			width := 9
			if f == "os_version" {
				width = 11
			} else if f == "device_type" {
				width = 12
			}
			fmt.Fprintf(w, " %*s", width, fmt.Sprintf("%d/%d", n, len(rs)))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%-20s %5d", "TOTAL", len(rows))
	for _, f := range append(fields, "device_type") {
		width := 9
		if f == "os_version" {
			width = 11
		} else if f == "device_type" {
			width = 12
		}
		fmt.Fprintf(w, " %*s", width, fmt.Sprintf("%d%%", 100*total[f]/max(1, len(rows))))
	}
	fmt.Fprintln(w)
	if verbose {
		fmt.Fprintln(w, "\n# results")
		for _, r := range rows {
			fmt.Fprintf(w, "%-55s profile=%-24s vendor=%q model=%q serial=%q os=%q os_version=%q type=%q\n",
				r.file, r.res.Profile, r.res.Vendor, r.res.Model, r.res.Serial, r.res.OS, r.res.OSVersion, r.res.DeviceType)
		}
	}
	for _, f := range fields {
		fmt.Fprintf(w, "\n# missing %s\n", f)
		for _, r := range rows {
			if r.get(f) != "" {
				continue
			}
			fmt.Fprintf(w, "%-55s %s\n", r.file, exposes(r.in))
		}
	}
	return nil
}

// classOf names a file's device class: its top-level folder, and for
// network/ the folder below.
func classOf(rel string) string {
	parts := strings.Split(filepath.ToSlash(rel), "/")
	if len(parts) > 2 && parts[0] == "network" {
		return parts[0] + "/" + parts[1]
	}
	if len(parts) > 1 {
		return parts[0]
	}
	return "."
}

// exposes summarises what a walk offers: sysObjectID, sysDescr and how many
// ENTITY rows and vendor values.
func exposes(in fingerprints.Input) string {
	d := strings.Join(strings.Fields(in.SysDescr), " ")
	if len(d) > 70 {
		d = d[:70] + "..."
	}
	return fmt.Sprintf("oid=%s entities=%d values=%d descr=%q", in.SysObjectID, len(in.Entities), len(in.Values), d)
}
