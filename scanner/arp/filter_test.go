package arp

import (
	"net"
	"net/netip"
	"testing"

	"github.com/mdlayher/arp"
	"github.com/mdlayher/ethernet"
	"golang.org/x/net/bpf"
)

func frame(t *testing.T, op arp.Operation, etherType ethernet.EtherType) []byte {
	t.Helper()
	hw := net.HardwareAddr{0, 0x1b, 0x54, 0, 0, 1}
	p, err := arp.NewPacket(op, hw, netip.MustParseAddr("198.51.100.9"), hw, netip.MustParseAddr("198.51.100.2"))
	if err != nil {
		t.Fatal(err)
	}
	pb, _ := p.MarshalBinary()
	b, _ := (&ethernet.Frame{Destination: hw, Source: hw, EtherType: etherType, Payload: pb}).MarshalBinary()
	return b
}

func TestReplyFilter(t *testing.T) {
	raw, err := replyFilter()
	if err != nil {
		t.Fatal(err)
	}
	insns := make([]bpf.Instruction, len(raw))
	for i, r := range raw {
		insns[i] = r.Disassemble()
	}
	vm, err := bpf.NewVM(insns)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		b    []byte
		pass bool
	}{
		{"reply", frame(t, arp.OperationReply, ethernet.EtherTypeARP), true},
		{"our own request", frame(t, arp.OperationRequest, ethernet.EtherTypeARP), false},
		{"IPv4 frame", frame(t, arp.OperationReply, ethernet.EtherTypeIPv4), false},
		{"runt", []byte{1, 2, 3}, false},
	} {
		n, err := vm.Run(tt.b)
		if (n > 0) != tt.pass || (err != nil && tt.pass) {
			t.Errorf("%s: filter returned %d, %v; want pass=%v", tt.name, n, err, tt.pass)
		}
	}
}
