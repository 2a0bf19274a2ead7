package clickhouse

import (
	"errors"
	"fmt"
	"testing"
)

func TestBehind(t *testing.T) {
	cur := NodeCheck{Addr: "192.0.2.1:9000", Version: Latest()}
	old := NodeCheck{Addr: "192.0.2.2:9000", Shard: 1, Version: Latest() - 1}
	lacks := NodeCheck{Addr: "192.0.2.3:9000", Shard: 2, Version: Latest(), Missing: []string{"assets.site"}}
	down := NodeCheck{Addr: "192.0.2.4:9000", Err: errors.New("connection refused")}
	for _, tc := range []struct {
		name    string
		cluster string
		nodes   []NodeCheck
		want    string // "" for nil
	}{
		{"one server, current", "", []NodeCheck{cur}, ""},
		{"one server, behind", "", []NodeCheck{old}, fmt.Sprintf("1 of 1 nodes not at schema version %d whole: 192.0.2.2:9000", Latest())},
		{"a cluster", "nc", []NodeCheck{cur, old, lacks, down},
			fmt.Sprintf("3 of 4 nodes of cluster nc not at schema version %d whole: 192.0.2.2:9000, 192.0.2.3:9000, 192.0.2.4:9000", Latest())},
	} {
		err := Behind(tc.cluster, tc.nodes)
		if (tc.want == "" && err != nil) || (tc.want != "" && (err == nil || err.Error() != tc.want)) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
}
