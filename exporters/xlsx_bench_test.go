package exporters

import (
	"fmt"
	"io"
	"net/netip"
	"testing"
	"time"

	"github.com/netcensus/netcensus/record"
)

// BenchmarkXLSX100k writes a workbook of 100,000 assets with every column
// the asset sheet has (measure peak RSS with /usr/bin/time -v on the test
// binary: see the report).
func BenchmarkXLSX100k(b *testing.B) {
	at := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	yes := true
	as := make([]record.Asset, 100000)
	for i := range as {
		ip := netip.AddrFrom4([4]byte{198, 18, byte(i >> 8), byte(i)})
		as[i] = record.Asset{AssetID: fmt.Sprintf("0193a1b2-c3d4-7e5f-8a9b-%012d", i), IP: ip, MAC: mustMAC(fmt.Sprintf("00:1b:54:%02x:%02x:%02x", i>>16&0xff, i>>8&0xff, i&0xff)),
			Hostname: fmt.Sprintf("host-%06d.example.net", i), MACVendor: "Cisco Systems, Inc", Vendor: "Cisco", Model: "WS-C2960X-48TS-L",
			Serial: fmt.Sprintf("FOC%08d", i), OS: "IOS", OSVersion: "15.2(7)E3", DeviceType: "switch", SysName: fmt.Sprintf("sw%06d", i),
			SysDescr:    "Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E3, RELEASE SOFTWARE (fc3)",
			SysObjectID: "1.3.6.1.4.1.9.1.1208", SysLocation: "dc-east rack 12", SysUptimeS: uint64(i) * 37, Sources: []record.Source{record.SourceARP, record.SourceSNMP},
			FirstSeen: at.Add(-time.Duration(i) * time.Minute), LastSeen: at, State: "active", Approved: &yes, Site: "dc-east", Role: "access-switch"}
	}
	b.ResetTimer()
	for b.Loop() {
		x, err := NewXLSX(io.Discard)
		if err != nil {
			b.Fatal(err)
		}
		if err := WriteSheet(x, AssetSheet(), as); err != nil {
			b.Fatal(err)
		}
		if err := x.Close(); err != nil {
			b.Fatal(err)
		}
	}
}
