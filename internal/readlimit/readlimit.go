// Package readlimit bounds how much of a user-supplied file (or its
// decompressed content) is read: past the limit a read fails with an
// error that says what was too large and what the limit is.
package readlimit

import (
	"errors"
	"fmt"
	"io"
	"strconv"
)

// ErrTooLarge is what an *Error matches with errors.Is.
var ErrTooLarge = errors.New("too large")

// Error says which input passed which limit.
type Error struct {
	What  string // "decompressed walk", "config file", ...
	Limit int64  // bytes
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s is larger than %s, the limit (a bound on memory)", e.What, Size(e.Limit))
}

// Is matches ErrTooLarge.
func (e *Error) Is(target error) bool { return target == ErrTooLarge }

// Size prints a byte count in the largest binary unit that divides it.
func Size(n int64) string {
	for _, u := range []struct {
		s string
		m int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if n != 0 && n%u.m == 0 {
			return strconv.FormatInt(n/u.m, 10) + " " + u.s
		}
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// Reader reads r up to limit bytes; a read past them fails with *Error.
type Reader struct {
	r    io.Reader
	left int64 // bytes still allowed, plus one to see the overflow
	err  *Error
}

// New bounds r at limit bytes; what names the input in the error.
func New(r io.Reader, limit int64, what string) *Reader {
	return &Reader{r: r, left: limit + 1, err: &Error{What: what, Limit: limit}}
}

func (l *Reader) Read(p []byte) (int, error) {
	if l.left <= 0 {
		return 0, l.err
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	if l.left <= 0 {
		// The byte past the limit was read: the input is too large.
		return n - 1, l.err
	}
	return n, err
}

// ReadAll reads all of r, failing with *Error past limit bytes.
func ReadAll(r io.Reader, limit int64, what string) ([]byte, error) {
	return io.ReadAll(New(r, limit, what))
}
