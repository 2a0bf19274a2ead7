//go:build !linux

package ndp

import (
	"errors"
	"net"
)

// Listen is Linux only: elsewhere NDP discovery is off.
func Listen(*net.Interface) (Conn, error) {
	return nil, errors.New("ndp: discovery needs Linux (a raw ICMPv6 socket bound to the interface)")
}
