package readlimit

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

func TestReader(t *testing.T) {
	for _, tc := range []struct {
		size, limit int
		tooLarge    bool
	}{
		{0, 10, false}, {9, 10, false}, {10, 10, false}, {11, 10, true}, {1 << 20, 10, true}, {1 << 20, 1 << 20, false},
	} {
		in := bytes.Repeat([]byte("x"), tc.size)
		for name, r := range map[string]io.Reader{"whole": bytes.NewReader(in), "byte at a time": iotest.OneByteReader(bytes.NewReader(in))} {
			got, err := ReadAll(r, int64(tc.limit), "test input")
			if tc.tooLarge {
				var e *Error
				if !errors.Is(err, ErrTooLarge) || !errors.As(err, &e) || e.Limit != int64(tc.limit) || len(got) != tc.limit {
					t.Errorf("%d of %d, %s: %d bytes, %v; want the limit's bytes and ErrTooLarge", tc.size, tc.limit, name, len(got), err)
				}
				continue
			}
			if err != nil || len(got) != tc.size {
				t.Errorf("%d of %d, %s: %d bytes, %v", tc.size, tc.limit, name, len(got), err)
			}
		}
	}
	_, err := ReadAll(strings.NewReader("0123456789ab"), 8, "config file")
	if err == nil || !strings.Contains(err.Error(), "config file is larger than 8 bytes, the limit") {
		t.Errorf("error %v", err)
	}
	if s := Size(128 << 20); s != "128 MiB" {
		t.Errorf("Size: %s", s)
	}
}
