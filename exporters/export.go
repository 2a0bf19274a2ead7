package exporters

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/netcensus/netcensus/inventory/capacity"
	"github.com/netcensus/netcensus/inventory/drift"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// Export's formats and kinds.
const (
	KindAssets   = "assets"
	KindSoftware = "software"
	KindEvents   = "events"
	KindDrift    = "drift"
	KindCapacity = "capacity"
)

// ExportOptions say what Export writes.
type ExportOptions struct {
	// Format is csv, json, jsonl, xlsx or netbox (the CSV of NetBox's
	// device import, assets only).
	Format string
	// Kinds are written in order: xlsx takes several (a sheet each), the
	// other formats one.
	Kinds []string
	// NetBox fills what a netbox row needs and the asset lacks.
	NetBox NetBoxDefaults
	// Baselines are what drift is evaluated against.
	Baselines []drift.Baseline
	// Since bounds events and capacity samples; zero for all.
	Since time.Time
}

// ExportFormats are the formats Export writes.
func ExportFormats() []string { return []string{"csv", "json", "jsonl", "xlsx", "netbox"} }

// Check says whether o's format holds o's kinds: netbox assets only,
// xlsx several (a sheet each), the other formats one. An error starts
// with what is wrong, format or what.
func (o ExportOptions) Check() error {
	switch {
	case !slices.Contains(ExportFormats(), o.Format):
		return fmt.Errorf("format %q: want one of %s", o.Format, strings.Join(ExportFormats(), ", "))
	case len(o.Kinds) == 0:
		return fmt.Errorf("what: name what to export (%s)", strings.Join(Kinds(), ", "))
	case o.Format == "netbox" && (len(o.Kinds) != 1 || o.Kinds[0] != KindAssets):
		return fmt.Errorf("format netbox exports assets only (NetBox has no place for %s)", strings.Join(o.Kinds, ", "))
	case o.Format != "xlsx" && len(o.Kinds) > 1:
		return fmt.Errorf("format %s holds one kind: export one at a time (xlsx takes several)", o.Format)
	}
	return nil
}

// Export writes the kinds the store keeps to w in o's format.
func Export(ctx context.Context, st store.Store, w io.Writer, o ExportOptions) error {
	if err := o.Check(); err != nil {
		return err
	}
	var x *XLSX
	if o.Format == "xlsx" {
		var err error
		if x, err = NewXLSX(w); err != nil {
			return err
		}
	}
	// Assets are read once, for the kinds that need them.
	var assets []record.Asset
	loadAssets := func() ([]record.Asset, error) {
		if assets != nil {
			return assets, nil
		}
		as, err := AssetRecords(ctx, st)
		assets = as
		return as, err
	}
	for _, k := range o.Kinds {
		if err := exportKind(ctx, st, o, k, x, w, loadAssets); err != nil {
			return err
		}
	}
	if x != nil {
		return x.Close()
	}
	return nil
}

// AssetRecords reads the records of every asset the store keeps.
func AssetRecords(ctx context.Context, st store.Store) ([]record.Asset, error) {
	as, err := st.Assets(ctx, store.AssetFilter{})
	if err != nil {
		return nil, err
	}
	recs := make([]record.Asset, len(as))
	for i := range as {
		recs[i] = as[i].Record
	}
	return recs, nil
}

// writeKind writes rows as a sheet of x, or as csv, json or jsonl to w.
func writeKind[T any](x *XLSX, format string, w io.Writer, s Sheet[T], rows []T) error {
	switch format {
	case "xlsx":
		return WriteSheet(x, s, rows)
	case "json":
		return WriteAll(NewJSON[T](w), rows)
	case "jsonl":
		return WriteAll(NewJSONL[T](w), rows)
	}
	return WriteAll(NewCSV(w, s.Rows()), rows)
}

func exportKind(ctx context.Context, st store.Store, o ExportOptions, kind string, x *XLSX, w io.Writer, loadAssets func() ([]record.Asset, error)) error {
	switch kind {
	case KindAssets:
		as, err := loadAssets()
		if err != nil {
			return err
		}
		if o.Format == "netbox" {
			return WriteAll(NewNetBoxCSV(w, o.NetBox), as)
		}
		return writeKind(x, o.Format, w, AssetSheet(), as)
	case KindSoftware:
		as, err := loadAssets()
		if err != nil {
			return err
		}
		var rows []SoftwareRow
		for i := range as {
			sw, err := st.Software(ctx, as[i].AssetID)
			if err != nil {
				return err
			}
			rows = append(rows, SoftwareRows(as[i].Hostname, sw)...)
		}
		return writeKind(x, o.Format, w, SoftwareSheet(), rows)
	case KindEvents:
		es, err := st.Events(ctx, store.EventFilter{Since: o.Since})
		if err != nil {
			return err
		}
		return writeKind(x, o.Format, w, EventSheet(), EventRows(es))
	case KindDrift:
		res, err := drift.Evaluate(ctx, st, o.Baselines, drift.Options{})
		if err != nil {
			return err
		}
		return writeKind(x, o.Format, w, DriftSheet(), res.Findings)
	case KindCapacity:
		rows, err := capacity.Load(ctx, st, capacity.LoadQuery{Since: o.Since, Options: capacity.Options{WarnDays: capacity.DefaultWarnDays}, MaxPoints: SparkWidth})
		if err != nil {
			return err
		}
		return writeKind(x, o.Format, w, CapacitySheet(), CapacitySummaries(rows))
	}
	return fmt.Errorf("export %q: %w", kind, ErrKind)
}

// Kinds are what an export may hold.
func Kinds() []string { return []string{KindAssets, KindSoftware, KindEvents, KindDrift, KindCapacity} }

// ParseKinds reads kinds given as repeated, comma-separated lists, each
// kept once in the order first given, blanks skipped; an unknown kind is
// refused, named.
func ParseKinds(lists []string) ([]string, error) {
	var kinds []string
	for _, s := range lists {
		for _, k := range strings.Split(s, ",") {
			if k = strings.TrimSpace(k); k == "" || slices.Contains(kinds, k) {
				continue
			}
			if !slices.Contains(Kinds(), k) {
				return nil, fmt.Errorf("what %q: want one of %s", k, strings.Join(Kinds(), ", "))
			}
			kinds = append(kinds, k)
		}
	}
	return kinds, nil
}

// ErrKind: Export was asked for a kind it does not know.
var ErrKind = fmt.Errorf("unknown kind (want %s, %s, %s, %s or %s)", KindAssets, KindSoftware, KindEvents, KindDrift, KindCapacity)

// ExportTo writes o's export (Export) to the file at path through
// WriteFile, so the file never holds half an export, or to stdout when
// path is "".
func ExportTo(ctx context.Context, st store.Store, path string, stdout io.Writer, o ExportOptions) error {
	if path == "" {
		return Export(ctx, st, stdout, o)
	}
	return WriteFile(path, func(w io.Writer) error { return Export(ctx, st, w, o) })
}

// WriteFile calls write with a temporary file beside path and renames it
// to path when write succeeds, so path never holds half an export; the
// file is the owner's and their group's to read (0640).
func WriteFile(path string, write func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer func() {
		if err == nil {
			// CreateTemp makes 0600; an export is the owner's and
			// their group's to read, not everyone's.
			if cerr := tmp.Chmod(0o640); cerr != nil {
				err = fmt.Errorf("export: %w", cerr)
			}
		}
		if cerr := tmp.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("export: %w", cerr)
		}
		if err == nil {
			if rerr := os.Rename(tmp.Name(), path); rerr != nil {
				err = fmt.Errorf("export: %w", rerr)
			}
		}
		if err != nil {
			os.Remove(tmp.Name())
		}
	}()
	return write(tmp)
}

// WriteAssets writes the assets matching f with w and closes it, by the
// fastest way the store offers: assets as it reads them (ClickHouse), or
// the whole list. A failing write is "write output: ...", apart from the
// store's errors.
func WriteAssets(ctx context.Context, st store.Store, f store.AssetFilter, w Writer[record.Asset]) error {
	var err error
	// A write error is the output's, kept apart from the store's.
	var werr error
	write := func(err error) error {
		werr = err
		return err
	}
	es, isES := st.(store.AssetStreamer)
	switch {
	case isES:
		err = es.EachAsset(ctx, f, func(x *store.Asset) error { return write(w.Write(&x.Record)) })
	default:
		var as []store.Asset
		if as, err = st.Assets(ctx, f); err == nil {
			// Written in place: a copy of 100,000 records costs more than
			// the writing.
			for i := range as {
				if err = write(w.Write(&as[i].Record)); err != nil {
					break
				}
			}
		}
	}
	if werr != nil {
		return fmt.Errorf("write output: %w", werr)
	}
	if err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	return nil
}
