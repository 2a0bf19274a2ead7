package names

import (
	"bytes"
	"encoding/binary"
	"errors"
	"testing"
)

// nbstatReply builds a node status response to id naming entries, with
// unit ID mac.
func nbstatReply(id uint16, entries []nbEntry, mac []byte) []byte {
	b := make([]byte, 12)
	binary.BigEndian.PutUint16(b[0:], id)
	binary.BigEndian.PutUint16(b[2:], 0x8400) // response, authoritative
	binary.BigEndian.PutUint16(b[6:], 1)      // one answer
	b = append(b, nbstatQuestion[:34]...)     // the name, as asked
	rd := []byte{byte(len(entries))}
	for _, e := range entries {
		n := make([]byte, 15)
		copy(n, bytes.Repeat([]byte(" "), 15))
		copy(n, e.name)
		rd = append(rd, n...)
		rd = append(rd, e.suffix)
		flags := uint16(0x0400) // active
		if e.group {
			flags |= 0x8000
		}
		rd = binary.BigEndian.AppendUint16(rd, flags)
	}
	rd = append(rd, mac...)
	rd = append(rd, make([]byte, 40)...) // the rest of the statistics
	b = append(b, 0x00, 0x21, 0x00, 0x01, 0, 0, 0, 0)
	b = binary.BigEndian.AppendUint16(b, uint16(len(rd)))
	return append(b, rd...)
}

type nbEntry struct {
	name   string
	suffix byte
	group  bool
}

func TestParseNodeStatus(t *testing.T) {
	windows := []nbEntry{
		{"DESKTOP-7QK2M", 0x00, false}, {"WORKGROUP", 0x00, true},
		{"DESKTOP-7QK2M", 0x20, false}, {"WORKGROUP", 0x1e, true},
	}
	mac := []byte{0x00, 0x15, 0x5d, 0x01, 0x02, 0x03}
	for _, tc := range []struct {
		name    string
		b       []byte
		want    NodeStatus
		wantErr bool
	}{
		{"windows", nbstatReply(7, windows, mac), NodeStatus{Name: "DESKTOP-7QK2M", Workgroup: "WORKGROUP", MAC: mac}, false},
		// Samba reports a zero unit ID and its group first.
		{"samba", nbstatReply(9, []nbEntry{{"LAB", 0x00, true}, {"FILESRV", 0x20, false}, {"FILESRV", 0x00, false}}, make([]byte, 6)),
			NodeStatus{Name: "FILESRV", Workgroup: "LAB"}, false},
		{"group only", nbstatReply(1, []nbEntry{{"LAB", 0x00, true}}, mac), NodeStatus{Workgroup: "LAB", MAC: mac}, false},
		{"control characters skipped", nbstatReply(1, []nbEntry{{"EVIL\x1b[2J", 0x00, false}, {"GOOD", 0x00, false}}, nil), NodeStatus{Name: "GOOD"}, false},
		{"wrong id", nbstatReply(8, windows, mac), NodeStatus{}, true},
		{"a query", nbstatRequest(7), NodeStatus{}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			id := binary.BigEndian.Uint16(tc.b)
			if tc.name == "wrong id" {
				id = 7
			}
			got, err := parseNodeStatus(tc.b, id)
			if tc.wantErr {
				if !errors.Is(err, ErrNBSTAT) {
					t.Fatalf("err %v, want ErrNBSTAT", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Name != tc.want.Name || got.Workgroup != tc.want.Workgroup || !bytes.Equal(got.MAC, tc.want.MAC) {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

// TestNodeStatusCut: a reply cut at any length is an error, never a panic.
func TestNodeStatusCut(t *testing.T) {
	full := nbstatReply(3, []nbEntry{{"HOST", 0, false}, {"WG", 0, true}}, []byte{1, 2, 3, 4, 5, 6})
	for n := range len(full) - 40 - 6 {
		if _, err := parseNodeStatus(full[:n], 3); err == nil {
			t.Errorf("%d of %d bytes: no error", n, len(full))
		}
	}
}

func TestNBSTATRequest(t *testing.T) {
	b := nbstatRequest(0x1234)
	want := "\x12\x34\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x20CKAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\x00\x00\x21\x00\x01"
	if string(b) != want {
		t.Errorf("request %q, want %q", b, want)
	}
}

func FuzzParseNodeStatus(f *testing.F) {
	f.Add(nbstatReply(1, []nbEntry{{"HOST", 0, false}, {"WG", 0, true}}, []byte{1, 2, 3, 4, 5, 6}))
	f.Add(nbstatRequest(1))
	f.Fuzz(func(t *testing.T, b []byte) {
		ns, err := parseNodeStatus(b, 1)
		if err == nil && len(ns.Name) > 15 {
			t.Errorf("name %q longer than NetBIOS allows", ns.Name)
		}
	})
}
