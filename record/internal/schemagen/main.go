// Command schemagen writes docs/asset.schema.json, the JSON Schema of the
// asset record, from record.Asset itself: the fields and their JSON names by
// reflection, the descriptions from the fields' doc comments in record.go.
// A field marked omitempty or omitzero is optional; any other is required.
// Objects allow no other keys, so a field added to the record without
// regenerating fails record's schema test.
//
//	go generate ./record   (runs: go run ./internal/schemagen -o ../docs/asset.schema.json)
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/netcensus/netcensus/record/internal/schema"
)

func main() {
	out := flag.String("o", "", "file to write (default: standard output)")
	src := flag.String("src", "record.go", "the Go file whose doc comments describe the fields")
	flag.Parse()
	b, err := schema.Generate(*src)
	if err == nil && *out != "" {
		var old []byte
		old, err = os.ReadFile(*out)
		if err != nil || !bytes.Equal(old, b) {
			err = os.WriteFile(*out, b, 0o644)
		}
	} else if err == nil {
		_, err = os.Stdout.Write(b)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "schemagen:", err)
		os.Exit(1)
	}
}
