package exporters

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

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
// (leading =, +, -, @, tab or carriage return) is prefixed with a quote.
func CSVCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		s = "'" + s
	}
	return record.Sanitize(s)
}

// tableWriter buffers rows and prints them aligned on Close.
type tableWriter[T any] struct {
	w    io.Writer
	rows Rows[T]
	data [][]string
}

// NewTable writes an aligned plain-text table for terminals.
func NewTable[T any](w io.Writer, rows Rows[T]) Writer[T] { return &tableWriter[T]{w: w, rows: rows} }

func (t *tableWriter[T]) Write(v *T) error {
	r := t.rows.Row(v)
	for i := range r {
		r[i] = record.Sanitize(r[i])
	}
	t.data = append(t.data, r)
	return nil
}

func (t *tableWriter[T]) Close() error {
	header := t.rows.Header()
	keep := make([]bool, len(header))
	for i := range header {
		keep[i] = !t.rows.Sparse
		for _, r := range t.data {
			if r[i] != "" {
				keep[i] = true
				break
			}
		}
	}
	if len(t.data) == 0 {
		for i := range keep {
			keep[i] = !t.rows.Sparse || i < 2
		}
	}
	width := make([]int, len(header))
	all := append([][]string{upper(header)}, t.data...)
	for _, r := range all {
		for i, c := range r {
			if n := utf8.RuneCountInString(c); keep[i] && n > width[i] {
				width[i] = n
			}
		}
	}
	bw := bufio.NewWriter(t.w)
	for _, r := range all {
		var line strings.Builder
		last := -1
		for i := range r {
			if keep[i] {
				last = i
			}
		}
		for i, c := range r {
			if !keep[i] {
				continue
			}
			line.WriteString(c)
			if i != last {
				line.WriteString(strings.Repeat(" ", width[i]-utf8.RuneCountInString(c)+2))
			}
		}
		bw.WriteString(strings.TrimRight(line.String(), " "))
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

func upper(h []string) []string {
	out := make([]string, len(h))
	for i, s := range h {
		out[i] = strings.ToUpper(s)
	}
	return out
}
