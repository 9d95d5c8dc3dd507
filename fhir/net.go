package fhir

import (
	"net"
	"strings"
)

// LoopbackHost reports whether host (a name or an IP, without a port) is this computer
// only: localhost, 127.0.0.0/8 or ::1. Plain HTTP is allowed there and nowhere else,
// by the queue when it listens and by its clients when they connect: an empty host
// or 0.0.0.0 means every interface, which is not loopback. host comes without
// brackets (url.URL.Hostname, net.SplitHostPort): a stray bracket is not a host.
func LoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
