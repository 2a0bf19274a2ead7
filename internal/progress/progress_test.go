package progress

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
)

func TestDraw(t *testing.T) {
	var b bytes.Buffer
	Draw(&b, 128, 20, 256, 3*time.Second)
	s := b.String()
	if !strings.HasPrefix(s, "\r\033[K[") || !strings.Contains(s, " 50% sent=128 found=20 3s") {
		t.Errorf("progress line %q", s)
	}
	b.Reset()
	Draw(&b, 600, 20, 256, time.Second) // retries push sent past total
	if !strings.Contains(b.String(), "100%") {
		t.Errorf("progress past total: %q", b.String())
	}
}

// TestStartStops: stopped before a second has passed, nothing is drawn;
// a cancelled ctx ends the drawing, and stop still returns.
func TestStartStops(t *testing.T) {
	var b bytes.Buffer
	n := func() int64 { return 1 }
	stop := Start(t.Context(), &b, n, n, 10)
	stop()
	if b.Len() != 0 {
		t.Errorf("drawn before a second: %q", b.String())
	}
	ctx, cancel := context.WithCancel(t.Context())
	stop = Start(ctx, &b, n, n, 10)
	cancel()
	done := make(chan struct{})
	go func() { stop(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("stop did not return after ctx was cancelled")
	}
}
