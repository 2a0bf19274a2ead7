package names

import (
	"context"
	"net/netip"
	"sync"
)

// MaxAddrs is how many addresses one resolution asks about: a request's
// transaction id is the address's index.
const MaxAddrs = 1 << 16

// Feed is the addresses a resolution asks about, in the order they come:
// a sweep adds a segment's hosts as its ARP sweep ends, so their names
// are asked while the rest of the sweep runs, and closes the feed when no
// more can come.
// Add never blocks; an address added twice is asked once.
type Feed struct {
	mu      sync.Mutex
	addrs   []netip.Addr
	index   map[netip.Addr]int
	closed  bool
	over    int           // addresses refused past MaxAddrs
	changed chan struct{} // closed and replaced on every change
}

// NewFeed returns an empty, open feed.
func NewFeed() *Feed {
	return &Feed{index: map[netip.Addr]int{}, changed: make(chan struct{})}
}

// FeedOf is a closed feed of addrs.
func FeedOf(addrs []netip.Addr) *Feed {
	f := NewFeed()
	for _, a := range addrs {
		f.Add(a)
	}
	f.Close()
	return f
}

// Add asks about a (unless it was added before, or the feed is closed or
// full).
func (f *Feed) Add(a netip.Addr) {
	a = a.Unmap()
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed || !a.IsValid() {
		return
	}
	if _, ok := f.index[a]; ok {
		return
	}
	if len(f.addrs) >= MaxAddrs {
		f.over++
		return
	}
	f.index[a] = len(f.addrs)
	f.addrs = append(f.addrs, a)
	f.wake()
}

// Close says no more addresses come.
func (f *Feed) Close() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.closed {
		f.closed = true
		f.wake()
	}
}

// wake tells the waiters of a change (mu held).
func (f *Feed) wake() {
	close(f.changed)
	f.changed = make(chan struct{})
}

// at is address i, if it has come.
func (f *Feed) at(i int) (netip.Addr, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if i < 0 || i >= len(f.addrs) {
		return netip.Addr{}, false
	}
	return f.addrs[i], true
}

// indexOf is a's index, if it was added.
func (f *Feed) indexOf(a netip.Addr) (int, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	i, ok := f.index[a.Unmap()]
	return i, ok
}

// next waits for address i: ok false when the feed closed before it came
// or ctx ended.
func (f *Feed) next(ctx context.Context, i int) (netip.Addr, bool) {
	for {
		f.mu.Lock()
		if i < len(f.addrs) {
			a := f.addrs[i]
			f.mu.Unlock()
			return a, true
		}
		if f.closed {
			f.mu.Unlock()
			return netip.Addr{}, false
		}
		ch := f.changed
		f.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return netip.Addr{}, false
		}
	}
}

// list is every address added, and how many were refused past MaxAddrs.
func (f *Feed) list() ([]netip.Addr, int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.addrs, f.over
}
