package exporters

import (
	"errors"
	"fmt"
	"io"
	"math"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/netcensus/netcensus/record"
)

// XLSX writes a workbook of one or more sheets, streaming each sheet's
// rows to a temporary file as they come (excelize's StreamWriter), so a
// sheet of 100,000 rows does not sit in memory as cells. Every sheet has
// a bold frozen header row and an autofilter (a table over its range);
// times are dates, numbers numbers, booleans booleans. Strings are
// sanitised (control characters go) and never become formulas.
type XLSX struct {
	w      io.Writer
	f      *excelize.File
	sw     *excelize.StreamWriter
	name   string
	cols   int
	row    int
	header int
	date   int
	sheets int
	closed bool
}

// NewXLSX starts a workbook that Close writes to w.
func NewXLSX(w io.Writer) (*XLSX, error) {
	f := excelize.NewFile()
	header, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, fmt.Errorf("xlsx header style: %w", err)
	}
	date, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd hh:mm:ss")})
	if err != nil {
		return nil, fmt.Errorf("xlsx date style: %w", err)
	}
	return &XLSX{w: w, f: f, header: header, date: date}, nil
}

func ptr[T any](v T) *T { return &v }

// Begin ends the current sheet and starts a new one with a header row.
func (x *XLSX) Begin(name string, header []string) error {
	if x.closed {
		return errors.New("xlsx: closed")
	}
	if len(header) == 0 {
		return errors.New("xlsx: a sheet needs columns")
	}
	if err := x.end(); err != nil {
		return err
	}
	name = sheetName(name)
	if x.sheets == 0 {
		if err := x.f.SetSheetName("Sheet1", name); err != nil {
			return fmt.Errorf("xlsx sheet %s: %w", name, err)
		}
	} else if _, err := x.f.NewSheet(name); err != nil {
		return fmt.Errorf("xlsx sheet %s: %w", name, err)
	}
	x.sheets++
	sw, err := x.f.NewStreamWriter(name)
	if err != nil {
		return fmt.Errorf("xlsx sheet %s: %w", name, err)
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("xlsx sheet %s: freeze header: %w", name, err)
	}
	if err := sw.SetColWidth(1, len(header), 18); err != nil {
		return fmt.Errorf("xlsx sheet %s: %w", name, err)
	}
	cells := make([]any, len(header))
	for i, h := range header {
		cells[i] = excelize.Cell{StyleID: x.header, Value: h}
	}
	if err := sw.SetRow("A1", cells); err != nil {
		return fmt.Errorf("xlsx sheet %s: header: %w", name, err)
	}
	x.sw, x.name, x.cols, x.row = sw, name, len(header), 1
	return nil
}

// Row appends a row of typed cells (see TypedColumn) to the sheet.
func (x *XLSX) Row(cells []any) error {
	if x.sw == nil {
		return errors.New("xlsx: Row before Begin")
	}
	out := make([]any, len(cells))
	for i, c := range cells {
		switch v := c.(type) {
		case nil:
		case string:
			// SetRow stores strings as strings (never formulas); drop
			// control characters as every writer does.
			out[i] = record.Sanitize(v)
		case time.Time:
			out[i] = excelize.Cell{StyleID: x.date, Value: v.UTC()}
		case float64:
			if !math.IsNaN(v) && !math.IsInf(v, 0) {
				out[i] = v
			}
		case int64, bool:
			out[i] = v
		default:
			return fmt.Errorf("xlsx sheet %s: column %d: cell of type %T", x.name, i+1, c)
		}
	}
	x.row++
	cell, _ := excelize.CoordinatesToCellName(1, x.row)
	if err := x.sw.SetRow(cell, out); err != nil {
		return fmt.Errorf("xlsx sheet %s row %d: %w", x.name, x.row, err)
	}
	return nil
}

func (x *XLSX) end() error {
	if x.sw == nil {
		return nil
	}
	last, _ := excelize.CoordinatesToCellName(x.cols, max(x.row, 2))
	if err := x.sw.AddTable(&excelize.Table{Range: "A1:" + last, Name: "t_" + fmt.Sprint(x.sheets), StyleName: "TableStyleLight1", ShowRowStripes: ptr(false)}); err != nil {
		return fmt.Errorf("xlsx sheet %s: autofilter: %w", x.name, err)
	}
	if err := x.sw.Flush(); err != nil {
		return fmt.Errorf("xlsx sheet %s: %w", x.name, err)
	}
	x.sw = nil
	return nil
}

// Close finishes the last sheet and writes the workbook.
func (x *XLSX) Close() error {
	if x.closed {
		return nil
	}
	x.closed = true
	defer x.f.Close()
	if x.sheets == 0 {
		return errors.New("xlsx: no sheet")
	}
	if err := x.end(); err != nil {
		return err
	}
	x.f.SetActiveSheet(0)
	if _, err := x.f.WriteTo(x.w); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	return nil
}

// WriteSheet writes records as one sheet of x.
func WriteSheet[T any](x *XLSX, s Sheet[T], rows []T) error {
	if err := x.Begin(s.Name, s.Header()); err != nil {
		return err
	}
	for i := range rows {
		if err := x.Row(s.Cells(&rows[i])); err != nil {
			return err
		}
	}
	return nil
}
