// Command gen writes package products' embedded registry table from a
// folder or a .tar.xz of MIB modules, parsed with libsmi's smidump (Debian
// package smitools). Run it with `go generate` in fingerprints/products.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"strings"

	"github.com/netcensus/netcensus/fingerprints/products/internal/build"
)

func main() {
	src := flag.String("src", "", "MIB modules: a folder, or a .tar.xz archive of one")
	out := flag.String("out", "registry.gz", "file to write")
	smidump := flag.String("smidump", "smidump", "the smidump program")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, *src, *out, *smidump); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, src, out, smidump string) error {
	if src == "" {
		return fmt.Errorf("give -src")
	}
	dir := src
	if strings.HasSuffix(src, ".tar.xz") {
		tmp, err := os.MkdirTemp("", "products-gen-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		cmd := exec.CommandContext(ctx, "tar", "-xJf", src, "-C", tmp)
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("unpack %s: %w", src, err)
		}
		dir = tmp
	}
	es, err := build.Generate(ctx, smidump, dir, os.Stderr)
	if err != nil {
		return err
	}
	raw := build.Encode(es)
	gz, err := build.Compress(raw)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, gz, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	fmt.Fprintf(os.Stderr, "gen: %s: %d registrations, %d bytes (%d uncompressed)\n", out, len(es), len(gz), len(raw))
	return nil
}
