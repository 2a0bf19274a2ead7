// Package progress draws a sweep's progress bar on a terminal.
package progress

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// Start draws a progress bar of sent against total, with found, on w (a
// terminal) every 200 ms once a second has passed, until the returned
// func is called (it clears the bar) or ctx is done.
func Start(ctx context.Context, w io.Writer, sent, found func() int64, total int64) func() {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		start := time.Now()
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		drawn := false
		for {
			select {
			case <-done:
				if drawn {
					fmt.Fprint(w, "\r\033[K")
				}
				return
			case <-ctx.Done():
				return
			case <-tick.C:
				if time.Since(start) < time.Second {
					continue
				}
				drawn = true
				Draw(w, sent(), found(), total, time.Since(start))
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}

// Draw draws the bar once: a carriage return, the bar, the share sent,
// sent and found, and the time elapsed.
func Draw(w io.Writer, sent, found, total int64, el time.Duration) {
	const width = 30
	frac := float64(sent) / float64(max(total, 1))
	if frac > 1 {
		frac = 1 // retries push sent past total
	}
	n := int(frac * width)
	fmt.Fprintf(w, "\r\033[K[%s%s] %3.0f%% sent=%d found=%d %s", strings.Repeat("=", n), strings.Repeat(" ", width-n), frac*100, sent, found, el.Round(time.Second))
}
