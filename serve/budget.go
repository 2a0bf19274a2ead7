package serve

import (
	"math"
	"sort"
	"sync"

	"golang.org/x/time/rate"
)

// budget is the service's one packet budget (Options.Rate, packets per
// second), divided among the sweeps running now. Each sweep paces itself
// by a limiter of its own whose limit is its share: the budget split
// evenly, where a schedule's own rate caps its share and what a capped
// sweep leaves goes to the others (water-filling). The shares are worked
// out again whenever a sweep starts or ends and when a reload changes a
// rate, so the sum of the running sweeps' limits never passes the budget
// and a lone sweep gets all of it (or its cap).
//
// A share is a reservation: a sweep waiting on answers leaves its share
// unspent rather than lending it to the others.
type budget struct {
	mu     sync.Mutex
	total  float64 // packets per second; +Inf: no budget
	next   uint64
	active map[uint64]*share
}

type share struct {
	cap float64 // the schedule's rate; +Inf: none
	lim *rate.Limiter
}

func newBudget(pps int) *budget {
	return &budget{total: ppsLimit(pps), active: map[uint64]*share{}}
}

// ppsLimit is a rate option as a limit: 0 or less is none.
func ppsLimit(pps int) float64 {
	if pps <= 0 {
		return math.Inf(1)
	}
	return float64(pps)
}

// acquire gives a starting sweep its limiter (capped at pps, 0: no cap)
// and the release that hands its share back to the others.
func (b *budget) acquire(pps int) (*rate.Limiter, func()) {
	b.mu.Lock()
	defer b.mu.Unlock()
	c := ppsLimit(pps)
	// The burst is 5 ms of the most the sweep can get, set once: a burst
	// lowered under a sweep's feet would fail its WaitN.
	top := min(c, b.total)
	burst := 1
	if !math.IsInf(top, 1) {
		burst = max(1, int(top)/200)
	}
	sh := &share{cap: c, lim: rate.NewLimiter(0, burst)}
	id := b.next
	b.next++
	b.active[id] = sh
	b.rebalance()
	var once sync.Once
	return sh.lim, func() {
		once.Do(func() {
			b.mu.Lock()
			defer b.mu.Unlock()
			delete(b.active, id)
			b.rebalance()
		})
	}
}

// setTotal changes the budget (a reload).
func (b *budget) setTotal(pps int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.total = ppsLimit(pps)
	b.rebalance()
}

// limits is each running sweep's current limit, smallest first (tests,
// and the runs' view).
func (b *budget) limits() []float64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := make([]float64, 0, len(b.active))
	for _, sh := range b.active {
		l := float64(sh.lim.Limit())
		if sh.lim.Limit() == rate.Inf {
			l = math.Inf(1)
		}
		out = append(out, l)
	}
	sort.Float64s(out)
	return out
}

func (b *budget) rebalance() {
	caps := make([]float64, 0, len(b.active))
	ids := make([]uint64, 0, len(b.active))
	for id, sh := range b.active {
		ids = append(ids, id)
		caps = append(caps, sh.cap)
	}
	shares := waterFill(b.total, caps)
	for i, id := range ids {
		b.active[id].lim.SetLimit(asLimit(shares[i]))
	}
}

// asLimit: rate's "no limit" is its Inf (the largest float), not +Inf,
// which its arithmetic would turn into NaN.
func asLimit(f float64) rate.Limit {
	if math.IsInf(f, 1) {
		return rate.Inf
	}
	return rate.Limit(f)
}

// waterFill splits total among len(caps) takers: evenly, none above its
// cap, and what a capped taker leaves shared by the rest. Infinite total
// or caps mean no limit.
func waterFill(total float64, caps []float64) []float64 {
	out := make([]float64, len(caps))
	order := make([]int, len(caps))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return caps[order[a]] < caps[order[b]] })
	left := total
	for k, i := range order {
		fair := left / float64(len(order)-k) // +Inf stays +Inf
		out[i] = min(caps[i], fair)
		if !math.IsInf(left, 1) {
			left = max(0, left-out[i])
		}
	}
	return out
}
