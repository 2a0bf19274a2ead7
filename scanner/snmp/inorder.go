package snmp

import (
	"iter"
	"net/netip"
)

// InOrder yields the results of a Stream of targets in the order of
// targets (a target given twice has two results, in turn). arrived, when
// not nil, is called with each result as it comes, while its Walk is
// still set; the Walk is dropped before the result waits for an earlier
// target's, so memory holds only those waiting, without their walks.
// Results for no target are passed over. If the loop stops early, the
// rest of results is read and dropped, so the collector is never left
// blocked.
func InOrder(targets []Target, results <-chan Result, arrived func(*Result)) iter.Seq[*Result] {
	return func(yield func(*Result) bool) {
		pending := map[int]*Result{}
		index := map[netip.AddrPort][]int{}
		for i, t := range targets {
			index[t.Addr] = append(index[t.Addr], i)
		}
		next, stopped := 0, false
		for r := range results {
			if stopped {
				continue
			}
			is := index[r.Target]
			if len(is) == 0 {
				continue
			}
			if arrived != nil {
				arrived(&r)
			}
			rr := r
			rr.Walk = nil
			pending[is[0]] = &rr
			index[r.Target] = is[1:]
			for p := pending[next]; p != nil; p = pending[next] {
				delete(pending, next)
				next++
				if !yield(p) {
					stopped = true
					break
				}
			}
		}
	}
}
