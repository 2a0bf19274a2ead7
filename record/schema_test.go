package record_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/netcensus/netcensus/record/internal/schema"
)

// TestSchemaUpToDate: docs/asset.schema.json is what the generator makes of
// today's record.Asset; a field added or renamed without regenerating fails.
func TestSchemaUpToDate(t *testing.T) {
	want, err := schema.Generate("record.go")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../docs/asset.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("docs/asset.schema.json is stale: run go generate ./record")
	}
}
