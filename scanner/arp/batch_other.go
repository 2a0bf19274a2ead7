//go:build !linux

package arp

import (
	"errors"
	"net"
)

const batchSize = 64

type batcher struct{}

func newBatcher(net.PacketConn, int) *batcher { return nil }

func (*batcher) send([][]byte) (int, error) { return 0, errNoBatch }

func (*batcher) recv(func([]byte)) error { return errNoBatch }

var errNoBatch = errors.New("batching unavailable")
