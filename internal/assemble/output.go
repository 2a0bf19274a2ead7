package assemble

import (
	"context"
	"fmt"
	"io"

	"github.com/netcensus/netcensus/exporters"
	"github.com/netcensus/netcensus/fingerprints/oui"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// Output is where a command writes: its records or rows on Stdout in
// Format (table, json, jsonl or csv), a table's cells cut at CellMax
// columns (0: whole); what people read (summaries, notices) on Stderr.
type Output struct {
	Stdout, Stderr io.Writer
	Format         string
	CellMax        int
}

// AssetWriter writes asset records on Stdout (exporters.NewAssetWriterCut).
func (o Output) AssetWriter() (exporters.Writer[record.Asset], error) {
	return exporters.NewAssetWriterCut(o.Format, o.Stdout, o.CellMax)
}

// WriteAssets labels the assets' MAC vendors from the IEEE registry
// (oui.LabelAssets) and writes them on Stdout.
func (o Output) WriteAssets(assets []record.Asset) error {
	reg, err := oui.Open()
	if err != nil {
		return fmt.Errorf("IEEE registry: %w", err)
	}
	w, err := o.AssetWriter()
	if err != nil {
		return err
	}
	oui.LabelAssets(reg, assets)
	return exporters.WriteAll(w, assets)
}

// WriteRows writes xs on o's Stdout in its format (exporters.WriteRows).
func WriteRows[T any](o Output, rows exporters.Rows[T], xs []T) error {
	return exporters.WriteRows(o.Stdout, o.Format, o.CellMax, rows, xs)
}

// ListAssets writes the stored assets f matches on Stdout
// (exporters.WriteAssets).
func (o Output) ListAssets(ctx context.Context, st store.Store, f store.AssetFilter) error {
	w, err := o.AssetWriter()
	if err != nil {
		return err
	}
	return exporters.WriteAssets(ctx, st, f, w)
}

// ListActedOn writes the assets an action on the CMDB returned (merged
// ones too, as a merge leaves one); none is an empty list.
func (o Output) ListActedOn(ctx context.Context, st store.Store, ids []string) error {
	if len(ids) == 0 {
		w, err := o.AssetWriter()
		if err != nil {
			return err
		}
		return w.Close()
	}
	return o.ListAssets(ctx, st, store.AssetFilter{IDs: ids, IncludeMerged: true})
}
