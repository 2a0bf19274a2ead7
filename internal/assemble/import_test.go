package assemble

import (
	"net/netip"
	"testing"
	"time"

	"github.com/netcensus/netcensus/record"
)

func TestImportSweep(t *testing.T) {
	t0 := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	mac, _ := record.ParseMAC("02:00:00:00:00:01")
	hosts := []record.Asset{
		{IP: netip.MustParseAddr("192.0.2.7"), MAC: mac, Sources: []record.Source{record.SourceNmap}, LastSeen: t0.Add(30 * time.Second)},
		{IP: netip.MustParseAddr("192.0.2.9"), Sources: []record.Source{record.SourceNmap}, LastSeen: t0.Add(10 * time.Second)},
	}
	for _, tc := range []struct {
		name       string
		start      time.Time
		wantStart  time.Time
		hosts      []record.Asset
		wantEnd    time.Time
		wantObsMin int
	}{
		{"a report's start", t0, t0, hosts, t0.Add(30 * time.Second), 2},
		{"no start: the last host's time", time.Time{}, t0.Add(30 * time.Second), hosts, t0.Add(30 * time.Second), 2},
		{"no hosts", t0, t0, nil, t0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sw := ImportSweep(tc.hosts, tc.start, "site-a")
			if sw.ID == "" || sw.Scanner != "site-a" || !sw.Start.Equal(tc.wantStart) || !sw.End.Equal(tc.wantEnd) || sw.Segments != nil || sw.Partial {
				t.Errorf("sweep %+v", sw)
			}
			if len(sw.Observations) < tc.wantObsMin {
				t.Fatalf("observations %+v", sw.Observations)
			}
			for _, o := range sw.Observations {
				if o.Scanner != "site-a" || (o.Asset.IP == netip.MustParseAddr("192.0.2.9") && !o.Time.Equal(t0.Add(10*time.Second))) {
					t.Errorf("observation %+v", o)
				}
			}
		})
	}
}
