package exporters

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"

	"github.com/netcensus/netcensus/record"
)

// ErrFormat: an unknown output format.
var ErrFormat = errors.New("unknown format (want table, json, jsonl or csv)")

// Writer writes records of one kind.
type Writer[T any] interface {
	Write(*T) error
	Close() error
}

// Rows is a tabular view of a record kind.
type Rows[T any] struct {
	Header func() []string
	Row    func(*T) []string
	// Sparse drops columns that no row fills.
	Sparse bool
}

// jsonWriter streams a JSON array: records are written as they come.
type jsonWriter[T any] struct {
	w     *bufio.Writer
	n     int
	lines bool
	buf   []byte // a record's JSON, when it writes its own
}

// jsonAppender is a record that writes its own JSON as json.Marshal
// does, without reflection (record.Asset).
type jsonAppender interface {
	AppendJSON(b []byte) ([]byte, error)
}

// NewJSON writes a JSON array, one record per line inside it.
func NewJSON[T any](w io.Writer) Writer[T] { return &jsonWriter[T]{w: bufio.NewWriterSize(w, 64<<10)} }

// NewJSONL writes one JSON record per line.
func NewJSONL[T any](w io.Writer) Writer[T] {
	return &jsonWriter[T]{w: bufio.NewWriterSize(w, 64<<10), lines: true}
}

// RawJSONWriter is a JSON or JSONL writer that also takes records already
// encoded (by a store that writes its records' JSON itself).
type RawJSONWriter interface {
	// WriteJSON writes one record's JSON, as json.Marshal gives it.
	WriteJSON(b []byte) error
}

func (j *jsonWriter[T]) Write(v *T) error {
	if a, ok := any(v).(jsonAppender); ok {
		b, err := a.AppendJSON(j.buf[:0])
		if err != nil {
			return err
		}
		j.buf = b
		return j.WriteJSON(b)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return j.WriteJSON(b)
}

func (j *jsonWriter[T]) WriteJSON(b []byte) error {
	if !j.lines {
		if j.n == 0 {
			j.w.WriteString("[\n")
		} else {
			j.w.WriteString(",\n")
		}
	}
	j.n++
	j.w.Write(b)
	if j.lines {
		return j.w.WriteByte('\n')
	}
	return nil
}

func (j *jsonWriter[T]) Close() error {
	if !j.lines {
		if j.n == 0 {
			j.w.WriteString("[]\n")
		} else {
			j.w.WriteString("\n]\n")
		}
	}
	return j.w.Flush()
}

// csvWriter streams RFC 4180 CSV with a header row.
type csvWriter[T any] struct {
	w      *csv.Writer
	rows   Rows[T]
	header bool
}

// NewCSV writes RFC 4180 CSV (CRLF line ends, as spreadsheets expect).
func NewCSV[T any](w io.Writer, rows Rows[T]) Writer[T] {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return &csvWriter[T]{w: cw, rows: rows}
}

func (c *csvWriter[T]) Write(v *T) error {
	if !c.header {
		c.header = true
		if err := c.w.Write(c.rows.Header()); err != nil {
			return err
		}
	}
	row := c.rows.Row(v)
	for i := range row {
		row[i] = CSVCell(row[i])
	}
	return c.w.Write(row)
}

func (c *csvWriter[T]) Close() error {
	if !c.header {
		c.header = true
		c.w.Write(c.rows.Header())
	}
	c.w.Flush()
	return c.w.Error()
}

// CSVCell makes a device-supplied value safe for a spreadsheet: control
// characters go, and a cell that a spreadsheet would run as a formula
// (leading =, +, -, @, tab or carriage return) is prefixed with a quote,
// unless it is a plain number (-2.5, +3): a number runs as nothing, and
// quoting it would turn it into text.
func CSVCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if !isNumber(s) {
			s = "'" + s
		}
	}
	return record.Sanitize(s)
}

// isNumber reports whether s is a decimal number a spreadsheet reads as
// one: an optional sign, digits with at most one point, an optional
// exponent. Hex, Inf and NaN, which ParseFloat also takes, are not.
func isNumber(s string) bool {
	if _, err := strconv.ParseFloat(s, 64); err != nil {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune("0123456789+-.eE", r) {
			return false
		}
	}
	return true
}

// tableWriter keeps each row as one string, its sanitized cells joined
// by a zero byte (Sanitize leaves none), and each column's widest cell,
// and prints them aligned on Close: 100,000 rows of 34 cells kept as
// cells cost more to collect than to print.
type tableWriter[T any] struct {
	w      io.Writer
	rows   Rows[T]
	data   []string
	width  []int  // widest cell of each column, in terminal columns
	max    int    // cells wider than this are cut (0: never)
	filled []bool // whether any row fills the column
	buf    []byte
}

// NewTable writes an aligned plain-text table for terminals. Widths are
// display widths: an East Asian wide character or an emoji (mDNS names
// have them) takes two columns.
func NewTable[T any](w io.Writer, rows Rows[T]) Writer[T] { return &tableWriter[T]{w: w, rows: rows} }

// NewTableCut is NewTable that cuts a cell wider than max columns to max,
// its end an ellipsis: on a terminal, one row stays one line.
func NewTableCut[T any](w io.Writer, rows Rows[T], max int) Writer[T] {
	return &tableWriter[T]{w: w, rows: rows, max: max}
}

// PickFormat is the output format of a listing: format when given (table,
// json, jsonl or csv), else table on a terminal and jsonl otherwise.
func PickFormat(format string, terminal bool) (string, error) {
	switch format {
	case "table", "json", "jsonl", "csv":
		return format, nil
	case "":
		if terminal {
			return "table", nil
		}
		return "jsonl", nil
	}
	return "", fmt.Errorf("format %q: %w", format, ErrFormat)
}

// NewRowWriter returns a writer of T in format: json, jsonl, csv or table,
// rows giving csv's and table's cells; a table cuts cells wider than
// cellMax columns (0: never).
func NewRowWriter[T any](format string, w io.Writer, rows Rows[T], cellMax int) (Writer[T], error) {
	switch format {
	case "json":
		return NewJSON[T](w), nil
	case "jsonl":
		return NewJSONL[T](w), nil
	case "csv":
		return NewCSV(w, rows), nil
	case "table":
		return NewTableCut(w, rows, cellMax), nil
	}
	return nil, fmt.Errorf("format %q: %w", format, ErrFormat)
}

// WriteRows writes xs in format through NewRowWriter and closes it.
func WriteRows[T any](w io.Writer, format string, cellMax int, rows Rows[T], xs []T) error {
	rw, err := NewRowWriter(format, w, rows, cellMax)
	if err != nil {
		return err
	}
	return WriteAll(rw, xs)
}

// displayWidth is how many terminal columns s takes.
func displayWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return runewidth.StringWidth(s)
		}
	}
	return len(s)
}

func (t *tableWriter[T]) Write(v *T) error {
	r := t.rows.Row(v)
	if t.width == nil {
		t.width, t.filled = make([]int, len(r)), make([]bool, len(r))
	}
	t.buf = t.buf[:0]
	for i, c := range r {
		c = record.Sanitize(c)
		if t.max > 0 && displayWidth(c) > t.max {
			c = runewidth.Truncate(c, t.max, "…")
		}
		if i > 0 {
			t.buf = append(t.buf, 0)
		}
		t.buf = append(t.buf, c...)
		if c != "" {
			t.filled[i] = true
			t.width[i] = max(t.width[i], displayWidth(c))
		}
	}
	t.data = append(t.data, string(t.buf))
	return nil
}

func (t *tableWriter[T]) Close() error {
	header := upper(t.rows.Header())
	if t.width == nil {
		t.width, t.filled = make([]int, len(header)), make([]bool, len(header))
	}
	keep := make([]bool, len(header))
	last := -1
	for i, h := range header {
		keep[i] = !t.rows.Sparse || t.filled[i] || len(t.data) == 0 && i < 2
		if keep[i] {
			t.width[i] = max(t.width[i], displayWidth(h))
			last = i
		}
	}
	bw := bufio.NewWriterSize(t.w, 64<<10)
	t.writeLine(bw, strings.Join(header, "\x00"), keep, last)
	for _, r := range t.data {
		t.writeLine(bw, r, keep, last)
	}
	return bw.Flush()
}

// writeLine prints a row's kept cells, each but the last padded to its
// column's width and two spaces; trailing spaces go.
func (t *tableWriter[T]) writeLine(bw *bufio.Writer, row string, keep []bool, last int) {
	line := t.buf[:0]
	for i := 0; i < len(keep); i++ {
		c := row
		if k := strings.IndexByte(row, 0); k >= 0 {
			c, row = row[:k], row[k+1:]
		} else {
			row = ""
		}
		if !keep[i] {
			continue
		}
		line = append(line, c...)
		if i != last {
			for n := t.width[i] - displayWidth(c) + 2; n > 0; n-- {
				line = append(line, ' ')
			}
		}
	}
	for len(line) > 0 && line[len(line)-1] == ' ' {
		line = line[:len(line)-1]
	}
	bw.Write(line)
	bw.WriteByte('\n')
	t.buf = line
}

func upper(h []string) []string {
	out := make([]string, len(h))
	for i, s := range h {
		out[i] = strings.ToUpper(s)
	}
	return out
}
