package snmp_test

import (
	"net/netip"
	"testing"
	"time"

	"github.com/netcensus/netcensus/internal/snmprec"
	"github.com/netcensus/netcensus/scanner/snmp"
)

func counter32(n uint64) snmprec.Value { return snmprec.Value{Type: snmprec.TypeCounter32, Uint: n} }
func counter64(n uint64) snmprec.Value { return snmprec.Value{Type: snmprec.TypeCounter64, Uint: n} }

// TestDecodeCounterWidth: the pair of octet counters is read at one width,
// and the width is said.
func TestDecodeCounterWidth(t *testing.T) {
	const (
		in32, out32 = "1.3.6.1.2.1.2.2.1.10.1", "1.3.6.1.2.1.2.2.1.16.1"
		in64, out64 = "1.3.6.1.2.1.31.1.1.1.6.1", "1.3.6.1.2.1.31.1.1.1.10.1"
	)
	for _, tc := range []struct {
		name        string
		walk        map[string]snmprec.Value
		in, out     uint64
		bits        int
		wantIfCount int
	}{
		{"64-bit preferred", map[string]snmprec.Value{in32: counter32(1), out32: counter32(2), in64: counter64(1 << 40), out64: counter64(1<<40 + 7)}, 1 << 40, 1<<40 + 7, 64, 1},
		{"32-bit only", map[string]snmprec.Value{in32: counter32(4294967295), out32: counter32(0)}, 4294967295, 0, 32, 1},
		{"half HC falls back to 32", map[string]snmprec.Value{in32: counter32(10), out32: counter32(20), in64: counter64(1 << 40)}, 10, 20, 32, 1},
		{"HC in only", map[string]snmprec.Value{in64: counter64(99)}, 99, 0, 64, 1},
		{"wide value in a 32-bit column is masked", map[string]snmprec.Value{in32: counter64(1<<32 + 5), out32: counter32(1)}, 5, 1, 32, 1},
		{"no counters", map[string]snmprec.Value{"1.3.6.1.2.1.2.2.1.2.1": oct("eth0")}, 0, 0, 0, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, _ := snmp.Decode(walkOf(tc.walk), netip.Addr{}, time.Unix(0, 0))
			if len(a.Interfaces) != tc.wantIfCount {
				t.Fatalf("interfaces %+v", a.Interfaces)
			}
			i := a.Interfaces[0]
			if i.InOctets != tc.in || i.OutOctets != tc.out || i.CounterBits != tc.bits {
				t.Errorf("in=%d out=%d bits=%d, want %d %d %d", i.InOctets, i.OutOctets, i.CounterBits, tc.in, tc.out, tc.bits)
			}
		})
	}
}

func TestDecodeHost(t *testing.T) {
	stor := func(idx, typ, descr string, units, size, used int64) map[string]snmprec.Value {
		p := "1.3.6.1.2.1.25.2.3.1."
		return map[string]snmprec.Value{
			p + "2." + idx: oidV("1.3.6.1.2.1.25.2.1." + typ), p + "3." + idx: oct(descr),
			p + "4." + idx: integer(units), p + "5." + idx: integer(size), p + "6." + idx: integer(used),
		}
	}
	join := func(ms ...map[string]snmprec.Value) map[string]snmprec.Value {
		out := map[string]snmprec.Value{}
		for _, m := range ms {
			for k, v := range m {
				out[k] = v
			}
		}
		return out
	}
	load := func(idx string, n int64) map[string]snmprec.Value {
		return map[string]snmprec.Value{"1.3.6.1.2.1.25.3.3.1.2." + idx: integer(n)}
	}
	for _, tc := range []struct {
		name           string
		walk           map[string]snmprec.Value
		mem, used      uint64
		cpus           int
		loadPct        float64
		loadKnown      bool
		storageEntries int
	}{
		{"hrMemorySize and one ram row", join(map[string]snmprec.Value{"1.3.6.1.2.1.25.2.2.0": integer(4096)}, stor("1", "2", "Physical memory", 1024, 4096, 1024)),
			4096 * 1024, 1024 * 1024, 0, 0, false, 1},
		{"net-snmp buffers and cache are not used memory", join(stor("1", "2", "Physical memory", 1024, 4096, 3000),
			stor("6", "1", "Memory buffers", 1024, 4096, 500), stor("7", "1", "Cached memory", 1024, 1500, 1500)),
			4096 * 1024, 1000 * 1024, 0, 0, false, 3},
		{"cache larger than used keeps the raw figure", join(stor("1", "2", "Physical memory", 1024, 4096, 100),
			stor("7", "1", "Cached memory", 1024, 1500, 1500)), 4096 * 1024, 100 * 1024, 0, 0, false, 2},
		{"no ram row: size only", map[string]snmprec.Value{"1.3.6.1.2.1.25.2.2.0": integer(8)}, 8192, 0, 0, 0, false, 0},
		{"idle CPUs are 0%, not unknown", join(load("768", 0), load("769", 0)), 0, 0, 2, 0, true, 0},
		{"average load, out of range ignored", join(load("1", 10), load("2", 25), load("3", 400), load("4", -3)), 0, 0, 2, 17.5, true, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, _ := snmp.Decode(walkOf(tc.walk), netip.Addr{}, time.Unix(0, 0))
			if a.MemoryBytes != tc.mem || a.MemoryUsedBytes != tc.used || a.CPUCount != tc.cpus || len(a.Storage) != tc.storageEntries {
				t.Errorf("mem=%d used=%d cpus=%d storage=%d, want %d %d %d %d", a.MemoryBytes, a.MemoryUsedBytes, a.CPUCount, len(a.Storage),
					tc.mem, tc.used, tc.cpus, tc.storageEntries)
			}
			if (a.CPULoadPct != nil) != tc.loadKnown || (a.CPULoadPct != nil && *a.CPULoadPct != tc.loadPct) {
				t.Errorf("load %v, want %v known=%v", a.CPULoadPct, tc.loadPct, tc.loadKnown)
			}
		})
	}
}

// TestDecodeHostWalks reads recorded walks of real hosts.
func TestDecodeHostWalks(t *testing.T) {
	for _, tc := range []struct {
		file      string
		mem, used uint64
		cpus      int
		load      float64
		bits      int
	}{
		// net-snmp on Linux: 8 GB, used = physical - buffers - cached.
		{"os/linux/unknown-003", 8374784 * 1024, (4991504 - 134884 - 4293676) * 1024, 4, 2, 64},
		// Windows: memory in 64 KB units, four idle CPUs, no ifXTable.
		{"os/windows/server-2003-5-2", 2096536 * 1024, 24452 * 65536, 4, 0, 32},
	} {
		t.Run(tc.file, func(t *testing.T) {
			w := walkFile(t, tc.file)
			a, _ := snmp.Decode(w, netip.Addr{}, time.Unix(0, 0))
			if a.MemoryBytes != tc.mem || a.MemoryUsedBytes != tc.used || a.CPUCount != tc.cpus || a.CPULoadPct == nil || *a.CPULoadPct != tc.load {
				t.Errorf("mem=%d used=%d cpus=%d load=%v, want %d %d %d %v", a.MemoryBytes, a.MemoryUsedBytes, a.CPUCount, a.CPULoadPct,
					tc.mem, tc.used, tc.cpus, tc.load)
			}
			counted := 0
			for _, i := range a.Interfaces {
				if i.CounterBits != 0 {
					counted++
					if i.CounterBits != tc.bits {
						t.Errorf("interface %d: %d-bit counters, want %d", i.Index, i.CounterBits, tc.bits)
					}
				}
			}
			if counted == 0 {
				t.Error("no interface counters decoded")
			}
		})
	}
}
