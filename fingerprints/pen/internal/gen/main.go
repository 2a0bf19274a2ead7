// Command gen writes the embedded IANA Private Enterprise Numbers table of
// package pen from Debian's libwireshark-data enterprises.tsv. Run it with
// `go generate` in fingerprints/pen.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/netcensus/netcensus/fingerprints/pen/internal/build"
)

func main() {
	src := flag.String("src", "/usr/share/wireshark/enterprises.tsv", "enterprise numbers file")
	out := flag.String("out", "enterprises.gz", "file to write")
	flag.Parse()
	if err := run(*src, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(src, out string) error {
	raw, err := build.Generate(src)
	if err != nil {
		return err
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
