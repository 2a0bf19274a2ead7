package inventory

import (
	"strconv"
	"time"

	"github.com/netcensus/netcensus/inventory/capacity"
	"github.com/netcensus/netcensus/inventory/store"
	"github.com/netcensus/netcensus/record"
)

// sweepSamples is what one sweep saw of an asset's capacity, as samples
// stamped t (metric names in package capacity):
//   - storage_used_bytes, storage_size_bytes per hrStorage volume
//     (instance: its description) that is a volume (isVolume);
//   - memory_used_bytes and memory_size_bytes, when known;
//   - cpu_load_pct, when the agent has processors;
//   - sys_uptime_s, when read: it tells a counter reset from a wrap;
//   - per interface with counters (instance: ifIndex) if_hc_in_octets and
//     if_hc_out_octets (64-bit) or if_in_octets and if_out_octets (32-bit),
//     and if_speed_bps when the speed is known.
func sweepSamples(assetID, sweepID string, t time.Time, a *record.Asset) []store.Sample {
	var out []store.Sample
	add := func(metric, inst string, v float64) {
		out = append(out, store.Sample{AssetID: assetID, SweepID: sweepID, Time: t, Metric: metric, Instance: inst, Value: v})
	}
	for i := range a.Storage {
		s := &a.Storage[i]
		if !isVolume(s) {
			continue
		}
		add(capacity.RawStorageUsed, s.Descr, float64(s.UsedBytes))
		add(capacity.RawStorageSize, s.Descr, float64(s.SizeBytes))
	}
	if a.MemoryBytes > 0 && a.MemoryUsedBytes > 0 {
		add(capacity.RawMemoryUsed, "", float64(a.MemoryUsedBytes))
		add(capacity.RawMemorySize, "", float64(a.MemoryBytes))
	}
	if a.CPULoadPct != nil {
		add(capacity.RawCPULoad, "", *a.CPULoadPct)
	}
	if a.SysUptimeS > 0 {
		add(capacity.RawUptime, "", float64(a.SysUptimeS))
	}
	for _, it := range a.Interfaces {
		inst := strconv.Itoa(it.Index)
		in, out := capacity.RawIfInOctets, capacity.RawIfOutOctets
		switch it.CounterBits {
		case 64:
			in, out = capacity.RawIfHCInOctets, capacity.RawIfHCOutOctets
		case 32:
		default:
			// Width unknown (a record from before it was kept): counters
			// that are there are kept under the 32-bit names, and a value
			// beyond 32 bits is read as 64-bit by package capacity.
			if it.InOctets == 0 && it.OutOctets == 0 {
				continue
			}
		}
		add(in, inst, float64(it.InOctets))
		add(out, inst, float64(it.OutOctets))
		if it.SpeedBps > 0 {
			add(capacity.RawIfSpeed, inst, float64(it.SpeedBps))
		}
	}
	return out
}

// isVolume: hrStorage rows that fill up. Memory areas (RAM, swap, and
// net-snmp's buffers, cache, shared and available memory, listed as
// "other") are
// memory_* samples instead; read-only media are always full; a row
// without a size has nothing to forecast.
func isVolume(s *record.Storage) bool {
	switch s.Type {
	case "ram", "virtual_memory", "compact_disc":
		return false
	case "other":
		switch s.Descr {
		case "Memory buffers", "Cached memory", "Shared memory", "Available memory":
			return false
		}
	}
	return s.SizeBytes > 0
}
