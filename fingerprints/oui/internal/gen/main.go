// Command gen writes the embedded IEEE registry table of package oui from
// Debian's ieee-data CSV files. Run it with `go generate` in fingerprints/oui.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/netcensus/netcensus/fingerprints/oui/internal/build"
)

func main() {
	src := flag.String("src", "/usr/share/ieee-data", "directory holding oui.csv, mam.csv, oui36.csv and iab.csv")
	out := flag.String("out", "registry.gz", "file to write")
	flag.Parse()
	if err := run(*src, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(src, out string) error {
	raw, err := build.Generate(src)
	if err != nil {
		return fmt.Errorf("build from %s: %w", src, err)
	}
	gz, err := build.Compress(raw)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, gz, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	fmt.Fprintf(os.Stderr, "gen: %s: %d bytes (%d uncompressed)\n", out, len(gz), len(raw))
	return nil
}
