package arp

// RequestFrame exposes requestFrame to the external tests.
var RequestFrame = requestFrame
